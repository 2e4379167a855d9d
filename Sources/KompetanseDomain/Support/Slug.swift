/// Turns a display name into a stable, URL-safe identifier: `"Digi Troms og Finnmark"` → `"digi-troms-og-finnmark"`.
public enum Slug {
    /// Folds æ, ø, å and accents to ASCII letters, keeps letters and digits, and joins words with `-`.
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            let folded: String
            switch character {
            case "æ": folded = "ae"
            case "ø": folded = "o"
            case "å": folded = "a"
            case "é", "è", "ê": folded = "e"
            case "ó", "ò", "ô", "ö": folded = "o"
            case "ü": folded = "u"
            case "ä": folded = "a"
            default: folded = character.isASCII && (character.isLetter || character.isNumber) ? String(character) : ""
            }
            if folded.isEmpty {
                pendingDash = !result.isEmpty
            } else {
                if pendingDash { result += "-" }
                pendingDash = false
                result += folded
            }
        }
        return result.isEmpty ? "x" : result
    }
}
