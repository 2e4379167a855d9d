import Foundation

/// Norwegian alphabetical order (… x y z æ ø å) expressed as a key that sorts correctly in any database.
///
/// SQLite and PostgreSQL's `C` collation order æ, ø and å by code point (å before æ), which is wrong for
/// Norwegian. The key maps each letter to a two-digit number, so plain byte order of the key is Norwegian order.
public enum NorwegianCollation {
    /// The sort key of a text: two digits per letter or digit, accents folded, other characters dropped.
    public static func key(_ text: String) -> String {
        var key = ""
        for character in text.lowercased() {
            let code: Int?
            switch character {
            case " ", "-": code = 10
            // A digit or letter with a combining mark ("a\u{0301}") falls in these ranges without being ASCII: it
            // sorts as its base character.
            case "0"..."9": code = baseASCII(character).map { 11 + Int($0 - 48) }
            case "a"..."z": code = baseASCII(character).map { 21 + Int($0 - 97) }
            case "é", "è", "ê": code = 25
            case "ó", "ò", "ô": code = 35
            case "ö": code = 48
            case "ü": code = 41
            case "ä": code = 47
            case "æ": code = 47
            case "ø": code = 48
            case "å": code = 49
            default:
                // Other accented letters sort as their base letter ("á" as "a").
                code = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first.flatMap { scalar in
                    switch scalar {
                    case "0"..."9": 11 + Int(scalar.value - 48)
                    case "a"..."z": 21 + Int(scalar.value - 97)
                    default: nil
                    }
                }
            }
            if let code { key += String(code) }
        }
        return key
    }

    /// The ASCII value of a character, or of its first scalar when combining marks follow it.
    static func baseASCII(_ character: Character) -> UInt8? {
        character.asciiValue ?? character.unicodeScalars.first.flatMap { $0.isASCII ? UInt8($0.value) : nil }
    }

    /// Sorts values in Norwegian order by the given text.
    public static func sorted<T>(_ values: [T], by text: (T) -> String) -> [T] {
        values.map { (key(text($0)), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
