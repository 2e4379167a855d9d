import Foundation
import KompetanseSearch
import Testing

@Suite struct NorwegianStemmerTests {
    /// Every word of `Fixtures/snowball-norwegian.tsv` (word, tab, stem) stems as the Snowball reference
    /// implementation (PyStemmer 3.1.0, "norwegian") stems it. The words come from the demo catalogue, the
    /// bundled frameworks, a sample of the hunspell nb_NO and nn_NO dictionaries and inflected forms of them.
    @Test func matchesTheSnowballReferenceOutput() throws {
        let url = try #require(
            Bundle.module.url(forResource: "snowball-norwegian", withExtension: "tsv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var checked = 0
        var mismatches: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed line: \(line)")
            let word = String(fields[0])
            let expected = String(fields[1])
            let stem = NorwegianStemmer.stem(word)
            checked += 1
            if stem != expected {
                mismatches.append("\(word): expected \(expected), got \(stem)")
            }
        }
        #expect(checked > 5_000)
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) of \(checked) stems differ; first: \(mismatches.prefix(20).joined(separator: "; "))")
    }

    /// One example for each step of the algorithm:
    /// - "kompetansetiltakene" → "kompetansetiltak" (main suffix `ene`)
    /// - "virksomheter" → "virksom" (main suffix `heter`)
    /// - "digitaliseringen" → "digitalisering" (main suffix `en`)
    /// - "leverte" → "lever" (`erte` becomes `er`)
    /// - "lærers" → "lær" (`ers` deleted)
    /// - "kammers" → "kammers" (`ers` kept after `amm`)
    /// - "skapers" → "skap" (`ers` deleted after `skap`)
    /// - "bils" → "bil" (`s` after `l`)
    /// - "banks" → "bank" (`s` after `k` that follows a non-vowel)
    /// - "fordt" → "ford" (consonant pair `dt`)
    /// - "bevt" → "bevt" (`vt` begins before R1)
    /// - "heltidslov" → "heltid" (other suffix `slov`)
    /// - "lovlig" → "lov" (other suffix `lig`)
    /// - "tv'en" → "tv" (R1 starts after the apostrophe)
    /// - "på" → "på" (shorter than 3 letters)
    @Test(arguments: [
        ("kompetansetiltakene", "kompetansetiltak"),
        ("virksomheter", "virksom"),
        ("digitaliseringen", "digitalisering"),
        ("leverte", "lever"),
        ("lærers", "lær"),
        ("kammers", "kammers"),
        ("skapers", "skap"),
        ("bils", "bil"),
        ("banks", "bank"),
        ("fordt", "ford"),
        ("bevt", "bevt"),
        ("heltidslov", "heltid"),
        ("lovlig", "lov"),
        ("tv'en", "tv"),
        ("på", "på"),
    ])
    func documentedExamples(word: String, stem: String) {
        #expect(NorwegianStemmer.stem(word) == stem)
    }
}
