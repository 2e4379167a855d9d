import KompetanseDomain
import KompetanseSearch

/// Answers questions from the documents an asker may read, with page-exact verbatim citations, and refuses when
/// the documents do not support an answer. Works without any language model (extractive answers).
public struct Assistant: Sendable {
    /// Named, tuned constants.
    public enum Configuration {
        /// Share of the question's weighted words a cited sentence (with its neighbours) must contain.
        public static let minimumCoverage = 0.5
        /// A second sentence is added when it scores at least this share of the best and adds a question word.
        public static let secondSentenceShare = 0.6
        /// Score factor for a sentence that has (or lacks) the kind of answer asked for (a number, a date, a name).
        public static let answerKindBonus = 1.35
        public static let answerKindPenalty = 0.6
        /// Preference for the latest year when the question names none: up to this share of extra score.
        public static let recencyBonus = 0.25
        /// Sentences scored for each question before the answer is chosen.
        public static let sentencesConsidered = 60
    }

    /// Creates an assistant.
    public init() {}

    /// Answers a question from a library.
    public func answer(_ question: String, library: DocumentLibrary) -> Answer {
        let documents = Array(library.documents.values)
        let types = Array(Set(documents.map(\.documentType))).sorted()
        let understanding = QuestionUnderstanding.read(question, knownTypes: types)
        var candidates = documents
        if !understanding.years.isEmpty {
            // A document counts for a year it is about, or one its title spans ("Strategi 2025–2030").
            candidates = candidates.filter { document in
                understanding.years.contains(document.year) || understanding.years.contains { document.title.contains(String($0)) }
            }
        }
        if !understanding.documentTypes.isEmpty {
            let typed = candidates.filter { understanding.documentTypes.contains($0.documentType) }
            if !typed.isEmpty { candidates = typed }
        }
        let terms = (library.queryTerms(question) + Self.questionSynonyms(question, library: library)).map { term -> QueryTerm in
            var term = term
            if term.origin.count == 4, Int(term.origin) != nil { term.weight *= 0.5 }
            return term
        }
        guard !candidates.isEmpty, !terms.isEmpty else { return refusal(library: library, terms: terms) }
        let allowed = Set(candidates.map(\.identifier))
        let questionWords = Set(Tokenizer.words(question).compactMap { Analyzer().term(for: $0) })
        let hits = library.search(terms, limit: Configuration.sentencesConsidered, allowedDocuments: allowed)
        guard let best = hits.first?.score, best > 0 else { return refusal(library: library, terms: terms) }
        let years = candidates.map(\.year)
        let (minimumYear, maximumYear) = (years.min() ?? 0, years.max() ?? 0)
        let ranked = hits.map { hit -> (sentence: PageSpan, position: Int, score: Double, hasKind: Bool) in
            let hasKind = Self.contains(understanding.answerKind, in: hit.sentence.text, excluding: questionWords)
            var score = hit.score / best
            if understanding.answerKind != .statement {
                score *= hasKind ? Configuration.answerKindBonus : Configuration.answerKindPenalty
            }
            if understanding.years.isEmpty, maximumYear > minimumYear, let year = library.documents[hit.sentence.document]?.year {
                score *= 1 + Configuration.recencyBonus * Double(year - minimumYear) / Double(maximumYear - minimumYear)
            }
            return (hit.sentence, hit.position, score, hasKind)
        }.sorted { $0.score > $1.score }
        let top = ranked[0]
        let coverage = library.coverage(of: top.position, terms: terms)
        guard coverage >= Configuration.minimumCoverage else { return refusal(library: library, terms: terms) }
        var chosen = [top]
        // A heading or lead-in ("Styringsparameter 1.1: Antall ledere …") is answered by what follows: the next
        // sentence on the same page, or the one after, whichever holds the kind of answer asked for.
        if !top.hasKind || Self.isLeadIn(top.sentence.text) {
            for offset in 1...2 where top.position + offset < library.sentences.count {
                let next = library.sentences[top.position + offset]
                guard next.document == top.sentence.document, next.page == top.sentence.page else { break }
                if Self.contains(understanding.answerKind, in: next.text, excluding: questionWords) {
                    chosen.append((next, top.position + offset, top.score, true))
                    break
                }
            }
        }
        let topTerms = matchedTerms(top.position, library: library, terms: terms)
        guard understanding.answerKind == .statement || chosen.contains(where: \.hasKind) else {
            return refusal(library: library, terms: terms)
        }
        if chosen.count == 1, let second = ranked.dropFirst().first(where: { candidate in
            candidate.score >= top.score * Configuration.secondSentenceShare
                && candidate.sentence.document == top.sentence.document
                && !matchedTerms(candidate.position, library: library, terms: terms).subtracting(topTerms).isEmpty
        }) {
            chosen.append(second)
        }
        chosen.sort { ($0.sentence.page, $0.sentence.start) < ($1.sentence.page, $1.sentence.start) }
        let verifier = CitationVerifier(readable: documents)
        let citations = chosen.map { Citation(document: $0.sentence.document, page: $0.sentence.page, quote: $0.sentence.text) }
            .filter(verifier.isVerbatim)
        guard !citations.isEmpty else { return refusal(library: library, terms: terms) }
        // When the question names no year, the latest document answers; other years with a strong hit are named.
        var related: [DocumentReference] = []
        if understanding.years.isEmpty {
            var seen: Set<String> = Set(citations.map(\.document))
            for hit in ranked.prefix(10) where hit.score >= top.score * 0.5 && seen.insert(hit.sentence.document).inserted {
                if let document = library.documents[hit.sentence.document], document.year != library.documents[top.sentence.document]?.year {
                    related.append(DocumentReference(identifier: document.identifier, title: document.title, year: document.year))
                }
            }
        }
        return Answer(text: citations.map(\.quote).joined(separator: " "), refused: false, citations: citations, related: related)
    }

    /// How documents state what questions ask for: "andel" is written as "prosent", "hvor mange" as "antall".
    static let askedAs: [(String, String)] = [
        ("andel", "prosent"), ("andelen", "prosent"), ("hvor mange", "antall"), ("kor mange", "antall"),
        ("kostet", "kostnad kroner"), ("frist", "innen"), ("fristen", "innen"), ("grunnen", "fordi skyldes"),
        ("hvorfor", "fordi skyldes"), ("målet", "målverdi"), ("redusert", "reduksjon reduseres"),
    ]

    static func questionSynonyms(_ question: String, library: DocumentLibrary) -> [QueryTerm] {
        let lowered = " " + Tokenizer.words(question).joined(separator: " ") + " "
        return askedAs.filter { lowered.contains(" \($0.0) ") }.flatMap { asked, written in
            library.queryTerms(written).map { QueryTerm(term: $0.term, weight: 0.45, origin: asked) }
        }
    }

    private func matchedTerms(_ position: Int, library: DocumentLibrary, terms: [QueryTerm]) -> Set<String> {
        let explanation = library.index.explain(String(position), query: terms)
        return Set(explanation.children.compactMap { child in
            child.fields.contains("text") ? child.description.components(separatedBy: " → ").last : nil
        })
    }

    private func refusal(library: DocumentLibrary, terms: [QueryTerm]) -> Answer {
        let closest = library.search(terms, limit: 20, allowedDocuments: Set(library.documents.keys))
        var seen: Set<String> = []
        let related = closest.compactMap { hit -> DocumentReference? in
            guard seen.insert(hit.sentence.document).inserted, let document = library.documents[hit.sentence.document] else {
                return nil
            }
            return DocumentReference(identifier: document.identifier, title: document.title, year: document.year)
        }
        return Answer(text: Answer.refusalText, refused: true, citations: [], related: Array(related.prefix(3)))
    }

    static let months = [
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
        "desember",
    ]

    /// True for a heading or lead-in whose content follows: ends with a colon, or is a short label.
    static func isLeadIn(_ text: String) -> Bool {
        text.hasSuffix(":") || (text.split(separator: " ").count <= 12 && !text.hasSuffix(".") && !text.contains(where: \.isNumber))
            || (text.split(separator: " ").count <= 14 && text.contains(":") && !hasQuantity(text.split(separator: ":").dropFirst().joined()))
    }

    /// Whether a text has a quantity: a number that is not a year, a section number ("1.1") or a case number.
    static func hasQuantity(_ text: String) -> Bool {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," && false })
        for (index, raw) in tokens.enumerated() {
            var token = Substring(raw)
            while let last = token.last, last == "." || last == ":" || last == ";" || last == "," { token = token.dropLast() }
            guard token.contains(where: \.isNumber) else { continue }
            if token.count == 4, let year = Int(token), (1900...2100).contains(year) { continue }
            if token.contains("-"), token.split(separator: "-").allSatisfy({ $0.allSatisfy(\.isNumber) }) { continue }
            if index == 1, token.contains(".") { continue }  // "Styringsparameter 1.1"
            if index == 0, raw.hasSuffix(".") || raw.hasSuffix(":") { continue }  // "3. Endret frist"
            return true
        }
        return false
    }

    /// Whether a sentence holds the kind of answer asked for; a name must be one the question does not already use.
    static func contains(_ kind: QuestionUnderstanding.AnswerKind, in text: String, excluding questionWords: Set<String> = []) -> Bool {
        switch kind {
        case .statement: return true
        case .number: return hasQuantity(text)
        case .amount:
            let lowered = text.lowercased()
            return hasQuantity(text) && ["kroner", " kr", "nok", "mill", "mrd", "milliard"].contains { lowered.contains($0) }
        case .date:
            let lowered = text.lowercased()
            return months.contains { lowered.contains($0) } && text.contains(where: \.isNumber)
                || lowered.contains("kvartal") || lowered.contains("innen utgangen")
        case .name:
            // A capitalised word that does not start the sentence or a clause, and is not an acronym compound.
            let words = text.split(separator: " ")
            return words.indices.dropFirst().contains { index in
                let word = words[index]
                guard word.first?.isUppercase == true, !words[index - 1].hasSuffix(":"), !words[index - 1].hasSuffix(".") else {
                    return false
                }
                let head = word.split(separator: "-").first ?? word
                let term = Analyzer().term(for: String(Tokenizer.words(String(word)).first ?? ""))
                return !(head.count <= 3 && head.allSatisfy(\.isUppercase)) && !(term.map(questionWords.contains) ?? false)
            }
        }
    }
}
