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
        /// Scores within this share of each other count as a tie that recency may break.
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
            candidates = candidates.filter { understanding.years.contains($0.year) }
        }
        if !understanding.documentTypes.isEmpty {
            let typed = candidates.filter { understanding.documentTypes.contains($0.documentType) }
            if !typed.isEmpty { candidates = typed }
        }
        let terms = library.queryTerms(question).map { term -> QueryTerm in
            var term = term
            if term.origin.count == 4, Int(term.origin) != nil { term.weight *= 0.5 }
            return term
        }
        guard !candidates.isEmpty, !terms.isEmpty else { return refusal(library: library, terms: terms) }
        let allowed = Set(candidates.map(\.identifier))
        let hits = library.search(terms, limit: Configuration.sentencesConsidered, allowedDocuments: allowed)
        guard let best = hits.first?.score, best > 0 else { return refusal(library: library, terms: terms) }
        let years = candidates.map(\.year)
        let (minimumYear, maximumYear) = (years.min() ?? 0, years.max() ?? 0)
        let ranked = hits.map { hit -> (sentence: PageSpan, position: Int, score: Double, hasKind: Bool) in
            let hasKind = Self.contains(understanding.answerKind, in: hit.sentence.text)
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
        let coverage = max(
            library.coverage(of: top.position, terms: terms),
            contextCoverage(top.position, library: library, terms: terms))
        guard coverage >= Configuration.minimumCoverage, understanding.answerKind == .statement || top.hasKind else {
            return refusal(library: library, terms: terms)
        }
        var chosen = [top]
        let topTerms = matchedTerms(top.position, library: library, terms: terms)
        if let second = ranked.dropFirst().first(where: { candidate in
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

    private func matchedTerms(_ position: Int, library: DocumentLibrary, terms: [QueryTerm]) -> Set<String> {
        let explanation = library.index.explain(String(position), query: terms)
        return Set(explanation.children.compactMap { child in
            child.fields.contains("text") ? child.description.components(separatedBy: " → ").last : nil
        })
    }

    private func contextCoverage(_ position: Int, library: DocumentLibrary, terms: [QueryTerm]) -> Double {
        // The sentence and its neighbours on the same page, scored as one span.
        let explanation = library.index.explain(String(position), query: terms)
        let matched = Set(explanation.children.compactMap { $0.description.components(separatedBy: " → ").last })
        var total = 0.0
        var found = 0.0
        var seen: Set<String> = []
        for term in terms where term.weight >= 0.5 && seen.insert(term.term).inserted {
            let weight = library.idf(term.term) * term.weight
            total += weight
            if matched.contains(term.term) { found += weight }
        }
        return total > 0 ? found / total : 0
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

    /// Whether a sentence holds the kind of answer asked for.
    static func contains(_ kind: QuestionUnderstanding.AnswerKind, in text: String) -> Bool {
        switch kind {
        case .statement: return true
        case .number: return text.contains(where: \.isNumber)
        case .date:
            let lowered = text.lowercased()
            return months.contains { lowered.contains($0) } && text.contains(where: \.isNumber)
                || lowered.contains("kvartal") || lowered.contains("innen utgangen")
        case .name:
            // A capitalised word that does not start the sentence.
            let words = text.split(separator: " ")
            return words.dropFirst().contains { $0.first?.isUppercase == true }
        }
    }
}
