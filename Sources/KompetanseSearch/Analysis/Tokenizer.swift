/// Splits text into lowercased word tokens, keeping Norwegian letters (æ, ø, å) and digits inside words.
///
/// This is the first step of the Norwegian analysis chain; stemming, stop words and compound splitting
/// build on it (see ARCHITECTURE.md, KompetanseSearch).
public enum Tokenizer {
    /// The lowercased words of a text, in order. A hyphen or apostrophe inside a word splits it.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
