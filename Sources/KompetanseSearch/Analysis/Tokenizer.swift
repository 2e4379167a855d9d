/// Splits text into lowercased word tokens, keeping Norwegian letters (æ, ø, å) and digits inside words.
///
/// This is the first step of the Norwegian analysis chain; stemming, stop words and compound splitting
/// build on it (see ARCHITECTURE.md, KompetanseSearch).
public enum Tokenizer {
    /// The lowercased words of a text, in order. A hyphen or apostrophe inside a word splits it.
    public static func words(_ text: String) -> [String] {
        // When every scalar is a whole character, the scalars can be read (and lowercased) directly; otherwise
        // characters are read one by one.
        guard text.unicodeScalars.allSatisfy(isWholeCharacter) else { return characterWords(text.lowercased()) }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE:
                // A–Z and the Latin-1 capitals (À–Þ without ×) are their small letter 0x20 further on.
                current.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0..<0x100:
                if isWordScalar(scalar) {
                    current.append(scalar)
                } else if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            default:
                // Rarer letters take Unicode's own lowercase mapping (as String.lowercased() does).
                if isWordScalar(scalar) {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// True for scalars that never join another into one character: everything below U+0300 (where combining
    /// marks begin) and general punctuation and currency signs (U+2000–U+20CF: dashes, quotes, €), except the
    /// zero-width (non-)joiners. A text of such scalars has one character per scalar.
    @inline(__always)
    static func isWholeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 || (0x2000...0x20CF).contains(scalar.value) && scalar.value != 0x200C && scalar.value != 0x200D
    }

    /// A letter or digit; ASCII is decided without the Unicode tables.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A, 0x30...0x39: true
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Words read character by character (a letter with a combining mark stays one letter).
    static func characterWords(_ lowered: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in lowered {
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
