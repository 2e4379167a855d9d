import KompetanseSearch
import Testing

@Suite struct TokenizerTests {
    /// "Øk kompetansen på KI-forordningen!" → ["øk", "kompetansen", "på", "ki", "forordningen"]
    @Test func keepsNorwegianLettersAndSplitsOnPunctuation() {
        #expect(Tokenizer.words("Øk kompetansen på KI-forordningen!") == ["øk", "kompetansen", "på", "ki", "forordningen"])
        #expect(Tokenizer.words("  ") == [])
        #expect(Tokenizer.words("G5-nivå 2026") == ["g5", "nivå", "2026"])
    }
}
