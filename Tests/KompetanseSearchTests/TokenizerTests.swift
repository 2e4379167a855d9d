@testable import KompetanseSearch
import Testing

@Suite struct TokenizerTests {
    /// "Øk kompetansen på KI-forordningen!" → ["øk", "kompetansen", "på", "ki", "forordningen"]
    @Test func keepsNorwegianLettersAndSplitsOnPunctuation() {
        #expect(Tokenizer.words("Øk kompetansen på KI-forordningen!") == ["øk", "kompetansen", "på", "ki", "forordningen"])
        #expect(Tokenizer.words("  ") == [])
        #expect(Tokenizer.words("G5-nivå 2026") == ["g5", "nivå", "2026"])
    }

    /// A letter written as a base letter and a combining ring ("pa\u{030A}") is one letter, as "på" is.
    @Test func aCombiningMarkStaysInItsWord() {
        #expect(Tokenizer.words("Kurs pa\u{030A} nett") == ["kurs", "pa\u{030A}", "nett"])
        #expect(Tokenizer.words("Kurs pa\u{030A} nett") == Tokenizer.words("Kurs på nett"))
    }

    /// The fast path over scalars splits every character it accepts exactly as reading characters does.
    @Test func scalarPathAgreesWithCharacterPath() {
        let scalars = Array(0x20..<0x300) + Array(0x2000...0x20CF)
        let accepted = scalars.compactMap(Unicode.Scalar.init).filter(Tokenizer.isWholeCharacter)
        #expect(accepted.count == scalars.count - 2, "all but the zero-width joiners")
        let text = accepted.map { "a\(Character($0))b" }.joined(separator: " ")
        #expect(Tokenizer.words(text) == Tokenizer.characterWords(text.lowercased()))
        #expect(Tokenizer.words("Ledelse – «digital» … 5 €") == ["ledelse", "digital", "5"])
    }
}
