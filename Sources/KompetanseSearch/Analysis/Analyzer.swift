/// One analysed term: the index form of a word and the word it came from.
public struct AnalyzedTerm: Sendable, Hashable {
    /// The index form (folded, stemmed).
    public var term: String
    /// The word as written (lowercased), for explanations.
    public var surface: String
    /// Position of the word in the text, counting words.
    public var position: Int

    /// Creates a term.
    public init(term: String, surface: String, position: Int) {
        self.term = term
        self.surface = surface
        self.position = position
    }
}

/// The Norwegian analysis chain: Unicode words → lowercase → nynorsk→bokmål folding → stop words → Snowball stem
/// (with ``LemmaFolding`` around it).
///
/// Each step can be switched off, so tests can check them one at a time and peers can be reproduced.
public struct Analyzer: Sendable {
    /// Which steps run.
    public struct Options: Sendable, Hashable {
        /// Map common nynorsk forms to bokmål before stemming.
        public var foldNynorsk: Bool
        /// Drop function words.
        public var removeStopWords: Bool
        /// Reduce words to Snowball stems.
        public var stem: Bool

        /// Creates options; every step is on by default.
        public init(foldNynorsk: Bool = true, removeStopWords: Bool = true, stem: Bool = true) {
            self.foldNynorsk = foldNynorsk
            self.removeStopWords = removeStopWords
            self.stem = stem
        }
    }

    /// The steps in use.
    public var options: Options

    /// Creates an analyzer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The index form of one lowercased word, or `nil` for a stop word.
    public func term(for word: String) -> String? {
        let folded = options.foldNynorsk ? Self.foldNynorsk(word) : word
        if options.removeStopWords, NorwegianStopWords.contains(folded) || NorwegianStopWords.contains(word) { return nil }
        guard options.stem else { return folded }
        return LemmaFolding.afterStemming(NorwegianStemmer.stem(LemmaFolding.beforeStemming(folded)))
    }

    /// A word as compounds are split and the vocabulary is kept: folded to bokmål when this analyzer folds nynorsk.
    public func folded(_ word: String) -> String { options.foldNynorsk ? Self.foldNynorsk(word) : word }

    /// Whole-word table first, then regular endings.
    static func foldNynorsk(_ word: String) -> String {
        let folded = NynorskFolding.fold(word)
        return folded == word ? NynorskSuffixRules.fold(word) : folded
    }

    /// The terms of a text, in order.
    public func terms(_ text: String) -> [AnalyzedTerm] {
        var result: [AnalyzedTerm] = []
        for (position, word) in Tokenizer.words(text).enumerated() {
            if let term = term(for: word) { result.append(AnalyzedTerm(term: term, surface: word, position: position)) }
        }
        return result
    }
}
