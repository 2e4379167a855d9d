/// Splits Norwegian compounds into known parts, guided by the words of the index itself:
/// `sikkerhetskultur` → `sikkerhet` + `kultur` when both occur on their own somewhere in the corpus.
///
/// Guards: each part has at least ``Configuration/minimumPartLength`` letters; a linking `s` or `e` between
/// the parts is allowed (`sikkerhet·s·kultur`, `barn·e·hage`); the longest known head wins; the whole word is
/// always kept as well, so a wrong split can only add a weaker term, never remove the right one.
public struct CompoundSplitter: Sendable {
    /// Named constants.
    public enum Configuration {
        /// Shortest part accepted; shorter ones (`hets`, `ring`) make too many false splits.
        public static let minimumPartLength = 4
        /// Longest part list produced for one word.
        public static let maximumParts = 3
    }

    /// Words that may stand as parts: surface forms and their stems, lowercased and folded.
    public let vocabulary: Set<String>

    /// Creates a splitter over a vocabulary.
    public init(vocabulary: Set<String>) {
        self.vocabulary = vocabulary
    }

    /// The parts of a word, or `[]` when it is not a compound of known words.
    public func split(_ word: String) -> [String] {
        let characters = Array(word)
        return split(characters, depth: 0) ?? []
    }

    private func isKnown(_ part: String) -> Bool {
        vocabulary.contains(part) || vocabulary.contains(NorwegianStemmer.stem(part))
    }

    private func split(_ characters: [Character], depth: Int) -> [String]? {
        let minimum = Configuration.minimumPartLength
        guard characters.count >= minimum * 2, depth < Configuration.maximumParts - 1 else { return nil }
        // Longest head first: "informasjonssikkerhet" prefers "informasjon" over "info".
        var headLength = characters.count - minimum
        while headLength >= minimum {
            let head = String(characters[0..<headLength])
            if isKnown(head) {
                for linkLength in [0, 1] {
                    let tailStart = headLength + linkLength
                    guard characters.count - tailStart >= minimum else { continue }
                    if linkLength == 1, characters[headLength] != "s", characters[headLength] != "e" { continue }
                    let tailCharacters = Array(characters[tailStart...])
                    let tail = String(tailCharacters)
                    if isKnown(tail) { return [head, tail] }
                    if let rest = split(tailCharacters, depth: depth + 1) { return [head] + rest }
                }
            }
            headLength -= 1
        }
        return nil
    }
}
