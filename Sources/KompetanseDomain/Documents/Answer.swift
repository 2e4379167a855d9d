/// A citation: the document, the page and a verbatim quote from that page.
public struct Citation: Sendable, Hashable, Codable {
    /// Document identifier.
    public var document: String
    /// 1-based page number.
    public var page: Int
    /// Text that occurs exactly so on that page.
    public var quote: String

    /// Creates a citation.
    public init(document: String, page: Int, quote: String) {
        self.document = document
        self.page = page
        self.quote = quote
    }
}

/// A document named when the assistant refuses or mentions other years: where to look instead.
public struct DocumentReference: Sendable, Hashable, Codable {
    /// Document identifier.
    public var identifier: String
    /// Title.
    public var title: String
    /// Year.
    public var year: Int

    /// Creates a reference.
    public init(identifier: String, title: String, year: Int) {
        self.identifier = identifier
        self.title = title
        self.year = year
    }
}

/// The assistant's reply to a question.
public struct Answer: Sendable, Hashable, Codable {
    /// The answer text, or the refusal message.
    public var text: String
    /// True when the documents did not support an answer.
    public var refused: Bool
    /// The sources of every sentence of the answer.
    public var citations: [Citation]
    /// Other relevant documents: the closest ones when refusing, other years when the latest was preferred.
    public var related: [DocumentReference]

    /// Creates an answer.
    public init(text: String, refused: Bool, citations: [Citation], related: [DocumentReference] = []) {
        self.text = text
        self.refused = refused
        self.citations = citations
        self.related = related
    }

    /// The message shown when the documents do not answer the question.
    public static let refusalText = "Jeg fant ikke dette i dokumentene."
}

/// What a question asks about, read from its words.
public struct QuestionUnderstanding: Sendable, Hashable {
    /// The kind of answer asked for.
    public enum AnswerKind: String, Sendable, Hashable {
        /// "hvor mye", "hvor mange", "hvilken målverdi", "hvor stor".
        case number
        /// A sum of money: "hva kostet", "hvor mye ble bevilget", "spare".
        case amount
        /// "når", "frist", "dato", "innen hvilken".
        case date
        /// "hvem", "hvilken leverandør".
        case name
        /// Anything else: a statement is enough.
        case statement
    }

    /// Creates an understanding.
    public init(years: [Int], documentTypes: [String], answerKind: AnswerKind, publishers: [String] = []) {
        self.years = years
        self.documentTypes = documentTypes
        self.answerKind = answerKind
        self.publishers = publishers
    }

    /// Publishers named in the question (by their full name, or by the short form a name gives in brackets,
    /// "Direktoratet for forvaltning og økonomistyring (DFØ)").
    public var publishers: [String] = []

    /// The publishers of `known` that the question names.
    public static func publishers(in question: String, known: [String]) -> [String] {
        let text = " " + MeasureProfile.words(question) + " "
        return known.filter { publisher in
            var names = [publisher.split(separator: "(")[0].trimmingCharacters(in: .whitespaces)]
            if let open = publisher.firstIndex(of: "("), let close = publisher.firstIndex(of: ")"), open < close {
                names.append(String(publisher[publisher.index(after: open)..<close]))
            }
            return names.contains { name in
                let words = MeasureProfile.words(name)
                return words.count >= 2 && text.contains(" " + words + " ")
            }
        }
    }

    /// Years named in the question.
    public var years: [Int]
    /// Document types named ("Tildelingsbrev", "Årsrapport", …).
    public var documentTypes: [String]
    /// The kind of answer asked for.
    public var answerKind: AnswerKind

    /// Reads a question.
    public static func read(_ question: String, knownTypes: [String]) -> QuestionUnderstanding {
        let words = MeasureProfile.words(question).split(separator: " ").map(String.init)
        // "innen 2030", "fram mot 2030": a deadline inside a document, not the year the document is about.
        let deadlineWords: Set<String> = ["innen", "innan", "før", "mot", "til", "by", "until", "fra", "frå", "etter"]
        let years = words.indices.compactMap { index -> Int? in
            let word = words[index]
            guard word.count == 4, let year = Int(word), (1900...2100).contains(year) else { return nil }
            if index > 0, deadlineWords.contains(words[index - 1]) { return nil }
            return year
        }
        var types: [String] = []
        for type in knownTypes {
            let stem = MeasureProfile.words(type).replacingOccurrences(of: " ", with: "")
            guard stem.count >= 3 else { continue }
            let prefix = String(stem.prefix(max(3, stem.count - 1)))
            if words.contains(where: { $0.hasPrefix(prefix) && $0.count <= stem.count + 4 }) { types.append(type) }
        }
        let text = " " + words.joined(separator: " ") + " "
        let kind: AnswerKind
        // "når" asks for a time only as the question word; inside a question it is a conjunction ("når hele …").
        let asksWhen = words.first.map { ["når", "when", "kva"].contains($0) } ?? false
        if asksWhen && !text.hasPrefix(" kva ") || text.hasPrefix(" kva tid ")
            || [" frist", " dato", " innen hvilken ", " which date "].contains(where: text.contains)
        {
            kind = .date
        } else if [" kostet ", " koster ", " kostnad", " bevilget ", " bevilga ", " spare ", " sparer ", " kroner", " budsjett", " cost "]
            .contains(where: text.contains)
        {
            kind = .amount
        } else if [
            " hvor mye ", " hvor mange ", " kor mykje ", " kor mange ", " hvor stor ", " kor stor ", " målverdi", " how many ",
            " how much ", " andel ", " prosent ", " beløp", " hvor høy ", " skår",
        ]
            .contains(where: text.contains)
        {
            kind = .number
        } else if [" hvem ", " kven ", " hvilken leverandør", " who "].contains(where: text.contains) {
            kind = .name
        } else {
            kind = .statement
        }
        return QuestionUnderstanding(years: years, documentTypes: types, answerKind: kind)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
