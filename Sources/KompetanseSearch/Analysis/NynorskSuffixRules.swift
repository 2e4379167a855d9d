/// Regular nynorsk endings rewritten to their bokmål counterparts, for words the whole-word table does not
/// know: `deltakarane → deltakerne`, `vurderingar → vurderinger`, `offentleg → offentlig`.
///
/// Only long words are touched (``Configuration/minimumLength``), so short bokmål words that happen to end the
/// same way (`klar`, `var`) stay as they are.
public enum NynorskSuffixRules {
    /// Named constants.
    public enum Configuration {
        /// Words shorter than this are never rewritten.
        public static let minimumLength = 7
    }

    // Longest endings first; each pair is (nynorsk, bokmål).
    static let rules: [(String, String)] = [
        ("ingane", "ingene"), ("ingar", "inger"), ("arane", "erne"), ("arar", "ere"), ("aren", "eren"),
        ("lege", "lige"), ("leg", "lig"), ("heita", "heten"), ("heit", "het"), ("ande", "ende"),
    ]

    /// The word with a known nynorsk ending rewritten, or the word itself. A compound whose head is a known
    /// nynorsk word gets the bokmål head: `leiarprogrammet → lederprogrammet`.
    public static func fold(_ word: String) -> String {
        // Below U+0300 a scalar is a whole letter: heads are cut from the scalars, far cheaper than characters.
        let scalars = Array(word.unicodeScalars)
        guard scalars.allSatisfy({ $0.value < 0x300 }) else { return fold(characters: word) }
        guard scalars.count >= Configuration.minimumLength else { return word }
        for headLength in stride(from: min(scalars.count - 4, 14), through: 6, by: -1) {
            var head = String.UnicodeScalarView()
            head.append(contentsOf: scalars[0..<headLength])
            if let bokmal = NynorskFolding.words[String(head)], bokmal != String(head) {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: scalars[headLength...])
                return bokmal + String(rest)
            }
        }
        for (nynorsk, bokmal) in rules where word.hasSuffix(nynorsk) {
            return String(word.dropLast(nynorsk.count)) + bokmal
        }
        return word
    }

    /// ``fold(_:)`` read character by character, for words with combining marks.
    static func fold(characters word: String) -> String {
        guard word.count >= Configuration.minimumLength else { return word }
        let characters = Array(word)
        // Heads of six letters or more: shorter table keys also begin bokmål words ("stad" in "stadig").
        for headLength in stride(from: min(characters.count - 4, 14), through: 6, by: -1) {
            let head = String(characters[0..<headLength])
            if let bokmal = NynorskFolding.words[head], bokmal != head {
                return bokmal + String(characters[headLength...])
            }
        }
        for (nynorsk, bokmal) in rules where word.hasSuffix(nynorsk) {
            return String(word.dropLast(nynorsk.count)) + bokmal
        }
        return word
    }
}
