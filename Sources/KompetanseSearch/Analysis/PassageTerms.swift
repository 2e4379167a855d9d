/// The terms a stored passage index holds and looks up: the same analysis as ``InvertedIndex`` (Norwegian stems,
/// nynorsk folded, stop words out), with compounds split against a vocabulary that is at hand when the terms are
/// made — a document's own words at import, the index's known terms at question time.
public enum PassageTerms {
    /// The terms of each text, one per occurrence, followed by the parts of its compounds whose parts occur on
    /// their own somewhere in `texts` (`sikkerhetskultur` adds `sikkerhet` and `kultur` when the document uses
    /// both).
    public static func terms(of texts: [String], analyzer: Analyzer = Analyzer()) -> [[String]] {
        var analysed: [String: String?] = [:]
        var vocabulary: Set<String> = []
        let words = texts.map(Tokenizer.words)
        for word in Set(words.joined()) {
            let term = analyzer.term(for: word)
            analysed[word] = .some(term)
            guard let term else { continue }
            vocabulary.insert(analyzer.folded(word))
            vocabulary.insert(term)
        }
        let splitter = CompoundSplitter(vocabulary: vocabulary)
        var parts: [String: [String]] = [:]
        return words.map { words in
            var terms: [String] = []
            var compoundParts: [String] = []
            for word in words {
                guard let term = analysed[word] ?? nil else { continue }
                terms.append(term)
                let wordParts = parts[word] ?? {
                    let folded = analyzer.folded(word)
                    let found = splitter.split(folded).compactMap { analyzer.term(for: $0) }.filter { $0 != term }
                    parts[word] = found
                    return found
                }()
                compoundParts += wordParts
            }
            return terms + compoundParts
        }
    }

    /// The terms a question's words may split into, for words long enough to be compounds: every head and tail of
    /// at least ``CompoundSplitter/Configuration/minimumPartLength`` letters (with a linking `s` or `e` dropped).
    /// Which of them are real parts is for the index's vocabulary to say: see ``parts(of:known:analyzer:)``.
    public static func partCandidates(of word: String, analyzer: Analyzer = Analyzer()) -> Set<String> {
        let folded = Array(analyzer.folded(word))
        let minimum = CompoundSplitter.Configuration.minimumPartLength
        guard folded.count >= minimum * 2 else { return [] }
        var candidates: Set<String> = []
        for headLength in minimum...(folded.count - minimum) {
            let head = String(folded[0..<headLength])
            candidates.insert(head)
            if let term = analyzer.term(for: head) { candidates.insert(term) }
            for linkLength in [0, 1] where folded.count - headLength - linkLength >= minimum {
                let tail = String(folded[(headLength + linkLength)...])
                candidates.insert(tail)
                if let term = analyzer.term(for: tail) { candidates.insert(term) }
            }
        }
        return candidates
    }

    /// The compound parts of a word among the terms an index knows (those of ``partCandidates(of:analyzer:)``
    /// that it holds), analysed as index terms.
    public static func parts(of word: String, known: Set<String>, analyzer: Analyzer = Analyzer()) -> [String] {
        let folded = analyzer.folded(word)
        let term = analyzer.term(for: word)
        return CompoundSplitter(vocabulary: known).split(folded).compactMap { analyzer.term(for: $0) }.filter { $0 != term }
    }
}
