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
    /// For a refusal, why (in Norwegian): which check the closest passage failed. Never quotes a document.
    public var reason: String?
    /// When asked for: how the answer was reached (the question's terms, the best passages with their scores and
    /// support). For developers and administrators; not part of the exchanged answer.
    public var trace: [String] = []

    enum CodingKeys: String, CodingKey {
        case text, refused, citations, related, reason
    }

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
        /// "hvor holdes samlingen", "hvor ligger kontoret", "where": a place.
        case place
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

    /// The names a publisher goes by: its full name and the short form it gives in brackets ("Direktoratet for
    /// forvaltning og økonomistyring (DFØ)" → the name without the brackets, "DFØ").
    public static func names(of publisher: String) -> [String] {
        var names = [publisher.split(separator: "(")[0].trimmingCharacters(in: .whitespaces)]
        if let open = publisher.firstIndex(of: "("), let close = publisher.firstIndex(of: ")"), open < close {
            names.append(String(publisher[publisher.index(after: open)..<close]))
        }
        return names.filter { !$0.isEmpty }
    }

    /// The publishers of `known` that the question names.
    public static func publishers(in question: String, known: [String]) -> [String] {
        let text = " " + MeasureProfile.words(question) + " "
        return known.filter { publisher in
            names(of: publisher).contains { name in
                let words = MeasureProfile.words(name)
                return words.count >= 2 && text.contains(" " + words + " ")
            }
        }
    }

    /// Whether the question names a publisher as the source of the answer ("ifølge Demoetaten", "hva sier SSB
    /// om", "Demoetaten anbefaler"), not only as what it is about ("bevilgningen til Demoetaten").
    public static func namesAsSource(_ publisher: String, in question: String) -> Bool {
        let words = MeasureProfile.words(question).split(separator: " ").map(String.init)
        let before: Set<String> = [
            "ifølge", "iflg", "fra", "frå", "følge", "sier", "seier", "mener", "meiner", "skriver", "anbefaler",
            "according", "by",
        ]
        let after: Set<String> = [
            "sier", "seier", "mener", "meiner", "skriver", "anbefaler", "oppgir", "rapporterer", "says", "recommends",
        ]
        for name in names(of: publisher) {
            let parts = MeasureProfile.words(name).split(separator: " ").map(String.init)
            guard !parts.isEmpty, parts.count <= words.count else { continue }
            for start in 0...(words.count - parts.count) where Array(words[start..<(start + parts.count)]) == parts {
                if start > 0, before.contains(words[start - 1]) { return true }
                if start + parts.count < words.count, after.contains(words[start + parts.count]) { return true }
            }
        }
        return false
    }

    /// Years named in the question.
    public var years: [Int]
    /// Document types named as the source ("i årsrapporten", "ifølge tildelingsbrevet"): only those answer.
    public var documentTypes: [String]
    /// Document types named otherwise ("sende årsrapporten til departementet"): what the question is about, so
    /// documents of that type are preferred, not required (the deadline for an annual report is in the letter).
    public var mentionedTypes: [String] = []
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
            // "innen 15. mars 2025": the year of a date is a date, not the year a document is about.
            if index > 0, monthNames.contains(words[index - 1]) { return nil }
            return year
        }
        var types: [String] = []
        var mentioned: [String] = []
        for type in knownTypes {
            let stem = MeasureProfile.words(type).replacingOccurrences(of: " ", with: "")
            guard stem.count >= 3 else { continue }
            let prefix = String(stem.prefix(max(3, stem.count - 1)))
            let positions = words.indices.filter { words[$0].hasPrefix(prefix) && words[$0].count <= stem.count + 4 }
            guard !positions.isEmpty else { continue }
            // "i årsrapporten", "ifølge tildelingsbrevet", "hva sier evalueringen": the source; otherwise a topic.
            let named = positions.contains { position in
                (position > 0 && sourceMarkers.contains(words[position - 1]))
                    || (position > 0 && Self.statementVerbs.contains(words[position - 1]))
                    || (position + 1 < words.count
                        && ["sier", "seier", "says", "say", "står"].contains(words[position + 1]))
            }
            if named { types.append(type) } else { mentioned.append(type) }
        }
        let text = " " + words.joined(separator: " ") + " "
        let kind: AnswerKind
        // "når" asks for a time only as the question word; inside a question it is a conjunction ("når hele …").
        let asksWhen = words.first.map { ["når", "when", "kva"].contains($0) } ?? false
        // "Hvorfor nådde ikke etaten målet for antall …" asks for a reason, whatever quantity or date it names.
        if ["hvorfor", "kvifor", "why"].contains(words.first ?? "") {
            kind = .statement
        } else if asksWhen && !text.hasPrefix(" kva ") || text.hasPrefix(" kva tid ")
            || [" frist", " dato", " innen hvilken ", " which date "].contains(where: text.contains)
        {
            kind = .date
        } else if words.contains(where: Self.namesAnAmount) {
            kind = .amount
        } else if [
            " hvor mye ", " hvor mange ", " kor mykje ", " kor mange ", " hvor stor ", " kor stor ", " hvor store ",
            " kor store ", " hvor stort ", " kor stort ", " målverdi", " how many ",
            " how much ", " andel ", " prosent ", " beløp", " hvor høy ", " skår", " hvor lang ", " hvor lenge ",
            " kor lang ", " kor lenge ", " how long ", " hvor gammel ", " kor gammal ", " hvor stor del ",
            " what share ",
            " how large ", " what percentage ", " what proportion ", " what is the total ", " antall ",
        ]
        .contains(where: text.contains) {
            kind = .number
        } else if Self.asksForQuantity(words) {
            kind = .number
        } else if [" hvem ", " kven ", " hvilken leverandør", " who "].contains(where: text.contains) {
            kind = .name
        } else if Self.asksForPlace(words) {
            kind = .place
        } else {
            kind = .statement
        }
        var understanding = QuestionUnderstanding(years: years, documentTypes: types, answerKind: kind)
        understanding.mentionedTypes = mentioned
        return understanding
    }

    /// "Hvor holdes samlingen?", "Kor ligg kontoret?", "Where is …": the question word followed by a finite verb asks
    /// for a place; followed by an adjective or adverb ("hvor ofte", "hvor smal", "hvor mye") it asks for a degree.
    static func asksForPlace(_ words: [String]) -> Bool {
        guard words.count >= 3 else { return false }
        if words[0] == "where" { return true }
        guard ["hvor", "kor"].contains(words[0]) else { return false }
        let verbs: Set<String> = [
            "er", "var", "ble", "blir", "blei", "vart", "skal", "kan", "må", "bør", "går", "gikk", "får", "står",
            "ligger",
            "ligg", "bor", "finnes", "finst", "skjer", "foregår", "møtes", "møtast", "kommer", "kjem",
        ]
        let verb = words[1]
        // Present tense and passive ("holdes", "arrangeres", "ligger", "held"), but not a comparative ("bedre").
        let inflected =
            verb.count >= 5 && (verb.hasSuffix("es") || verb.hasSuffix("ast") || verb.hasSuffix("er"))
            && !verb.hasSuffix("ere")
        return verbs.contains(verb) || inflected
    }

    /// Nouns that name a quantity: "hva er netto nåverdi …", "hva var den årlige verdien …" ask for a number.
    public static let quantityNouns: Set<String> = [
        "verdi", "verdien", "nåverdi", "nåverdien", "beløp", "beløpet", "kostnad", "kostnaden", "kostnadene", "pris",
        "prisen",
        "antall", "antallet", "andel", "andelen", "skår", "skåren", "prosent", "prosenten", "alder", "alderen",
        "gjennomsnittsalder",
        "gjennomsnittsalderen", "sum", "summen", "budsjett", "budsjettet", "budsjettramme", "budsjettrammen", "rente",
        "renten",
        "kontingent", "kontingenten", "sats", "satsen", "value", "amount", "cost", "price", "share", "rate", "age",
    ]

    /// Verbs a document is the subject of when a question names it as the source: "hva sier evalueringen", "hvor
    /// lenge foreslår utredningen", "hva anbefaler rapporten" (the finite verb comes before the subject).
    static let statementVerbs: Set<String> = [
        "sier", "seier", "anbefaler", "anbefalte", "tilrår", "foreslår", "foreslo", "føreslår", "konkluderer",
        "skriver",
        "fastsetter", "fastset", "krever", "viser", "says", "say", "recommend", "recommends", "propose", "proposes",
    ]

    /// Words whose head names an amount of money: "kostnad", "driftskostnadene", "bevilget", "kroner",
    /// "budsjettert". A compound only led by one ("kostnadsvirkninger", "budsjettprosess") names something else.
    static func namesAnAmount(_ word: String) -> Bool {
        let heads = [
            "kostet", "koster", "kostnad", "kostnaden", "kostnader", "kostnadene", "bevilget", "bevilga", "bevilgning",
            "bevilgningen", "spare", "sparer", "kroner", "budsjett", "budsjettet", "budsjettert", "cost", "costs",
        ]
        return heads.contains { word.hasSuffix($0) }
    }

    /// Whether the question is "hva er/var/ble (den/det/de) … X" for a quantity noun X within its first words.
    static func asksForQuantity(_ words: [String]) -> Bool {
        guard words.count >= 3, ["hva", "kva", "what"].contains(words[0]),
            ["er", "var", "ble", "vart", "blir", "is", "was"].contains(words[1])
        else { return false }
        return words.dropFirst(2).prefix(4).contains(where: quantityNouns.contains)
    }

    /// Words before a document type that make it the source of the answer ("i", "ifølge", "fra", "according to").
    static let sourceMarkers: Set<String> = ["i", "ifølge", "iflg", "fra", "frå", "følge", "in", "to", "from", "per"]

    /// Month names (bokmål, nynorsk, English), lower-cased: "15. mars 2025" is a date.
    static let monthNames: Set<String> = [
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
        "desember", "january", "february", "march", "may", "june", "july", "october", "december",
    ]
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
