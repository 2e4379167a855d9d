/// Small corrections around the Snowball stemmer so that the forms of one word meet in one term.
///
/// Snowball Norwegian strips one suffix, which leaves forms of one word apart: `leder → led` but
/// `ledere → leder` and `lederne → ledern`; `kurs → kur` but `kurset → kurs`; `vurdere → vurd` but
/// `vurdering → vurdering`; `sikker → sikk` but `sikkerhet → sikker`. These rules fold such pairs together.
/// They run only when stemming is on, and each keeps at least ``Configuration/minimumBase`` letters.
public enum LemmaFolding {
    /// Named constants.
    public enum Configuration {
        /// Letters that must remain after a rule cuts a suffix.
        public static let minimumBase = 3
    }

    // Letters after which Snowball removes a final "s" (its "valid s-ending").
    private static let sEndings: Set<Character> = [
        "b", "c", "d", "f", "g", "h", "j", "l", "m", "n", "o", "p", "r", "t", "v", "y", "z",
    ]

    /// Before stemming: plural definite `-erne` and plural `-ere` to `-er`, and `-het` nouns to their adjective.
    public static func beforeStemming(_ word: String) -> String {
        let minimum = Configuration.minimumBase
        for suffix in ["hetene", "heten", "heter", "het"] where word.hasSuffix(suffix) && word.count - suffix.count >= minimum {
            return String(word.dropLast(suffix.count))
        }
        if word.hasSuffix("erne"), word.count - 4 >= minimum { return String(word.dropLast(2)) }
        if word.hasSuffix("ere"), word.count - 3 >= minimum { return String(word.dropLast(1)) }
        return word
    }

    /// After stemming: the verbal noun `-ering` to the verb's stem, and a final `s` Snowball would have cut.
    public static func afterStemming(_ stem: String) -> String {
        let minimum = Configuration.minimumBase
        if stem.hasSuffix("ering"), stem.count - 5 >= minimum { return String(stem.dropLast(5)) }
        if stem.hasSuffix("s"), stem.count - 1 >= minimum, let previous = stem.dropLast().last, sEndings.contains(previous) {
            return String(stem.dropLast())
        }
        return stem
    }
}
