import KompetanseDomain
import KompetanseSearch

/// The terms a question looks up in the stored passage index: its own words, the Norwegian words of an English
/// question, the other phrasings and concept synonyms the assistant reads it with, and its compounds' parts where
/// the index knows them. The pages found are read by a ``DocumentLibrary``, which ranks and answers as before.
public struct PassageQuery: Sendable {
    /// Named constants.
    public enum Configuration {
        /// A term on more than this share of the readable pages says little about which page answers; it is left
        /// out of retrieval (the library still scores it) unless the question has no rarer term.
        public static let commonShare = 0.25
        /// At most this many terms are looked up, the rarest first.
        public static let maximumTerms = 16
        /// Pages retrieved per access scope. At 1,000 documents × 40 pages, 400 pages answered no more of the dev
        /// questions than 120; 80 keeps the answer time per question well under 250 ms.
        public static let pagesPerScope = 80
    }

    /// The question's words with their added readings, lowercased.
    public let words: [String]
    /// The index terms of those words.
    public let terms: Set<String>
    /// Terms the question's compounds may split into.
    public let partCandidates: Set<String>

    /// Reads a question.
    public init(question: String, concepts: [[String]], analyzer: Analyzer = Analyzer()) {
        let norwegian = EnglishQuestion.norwegianWords(question)
        let lowered = " " + Tokenizer.words(question).joined(separator: " ") + " "
        let phrasings = Assistant.askedAs.filter { lowered.contains(" \($0.0) ") }.map(\.1)
        var words = Tokenizer.words(question + " " + norwegian + " " + phrasings.joined(separator: " "))
        let own = words.compactMap { analyzer.term(for: $0) }
        for group in concepts {
            let phrases = group.map { Tokenizer.words($0) }
            let used = phrases.contains { phrase in
                let terms = phrase.compactMap { analyzer.term(for: $0) }
                return !terms.isEmpty && own.containsSequence(terms)
            }
            if used { words += phrases.joined() }
        }
        self.words = words
        terms = Set(words.compactMap { analyzer.term(for: $0) })
        partCandidates = Set(words.flatMap { PassageTerms.partCandidates(of: $0, analyzer: analyzer) }).subtracting(terms)
    }

    /// Every term whose statistics retrieval needs.
    public var lookedUp: Set<String> { terms.union(partCandidates) }

    /// The terms to retrieve with, rarest first: the question's terms and compound parts that occur on a readable
    /// page, without those too common to tell pages apart.
    public func retrievalTerms(_ statistics: PassageStatistics) -> [String] {
        let known = Set(statistics.pagesWithTerm.keys)
        let parts = words.flatMap { PassageTerms.parts(of: $0, known: known) }
        let present = terms.union(parts).filter { statistics.pagesWithTerm[$0, default: 0] > 0 }
        let byRarity = present.sorted {
            (statistics.pagesWithTerm[$0, default: 0], $0) < (statistics.pagesWithTerm[$1, default: 0], $1)
        }
        // A scope no larger than what is retrieved anyway gives every page that shares a word.
        guard statistics.pages > Configuration.pagesPerScope else { return byRarity }
        let limit = Double(statistics.pages) * Configuration.commonShare
        let rare = byRarity.filter { Double(statistics.pagesWithTerm[$0, default: 0]) <= limit }
        return Array(rare.isEmpty ? byRarity.prefix(3) : rare.prefix(Configuration.maximumTerms))
    }
}
