import KompetanseSearch

/// Allocation letters set targets ("Målverdi for 2024: 250 virksomheter"); annual reports give results ("212
/// virksomheter brukte verktøyet, mot et mål på 250"). A question for what happened is not answered with the
/// target, and a question for the target not with the result.
enum TargetOrResult {
    /// What a question asks for.
    enum Asked: Equatable {
        case target, result
    }

    /// Words that name a target, a plan or a budget.
    static let targetWords: Set<String> = [
        "mål", "målet", "målverdi", "målverdien", "målverdiar", "resultatkrav", "resultatkravet", "budsjett", "budsjettert",
        "budsjetterte", "planlagt", "ambisjon", "ambisjonen", "ambisjonane", "target", "targets", "budgeted", "goal",
    ]

    /// Words that ask for what actually happened.
    static let resultWords: Set<String> = ["faktisk", "faktiske", "egentlig", "actually", "actual", "oppnådd", "oppnådde"]

    /// Whether a question asks for a target, for a result (a past tense verb, "faktisk", "ved utgangen av"), or
    /// neither.
    static func asks(_ question: String) -> Asked? {
        let words = Tokenizer.words(question)
        if words.contains(where: resultWords.contains) { return .result }
        if words.contains(where: targetWords.contains) { return .target }
        let lowered = " " + words.joined(separator: " ") + " "
        if lowered.contains(" ved utgangen av ") || lowered.contains(" ved slutten av ") { return .result }
        let pastTense = words.dropFirst().contains { word in
            [
                "brukte", "fullførte", "fekk", "fikk", "deltok", "kom", "svarte", "nådde", "var", "ble", "vart", "hadde",
                "spent", "completed", "used", "was", "were",
            ].contains(word) || isWeakPastTense(word)
        }
        return pastTense ? .result : nil
    }

    /// A weak verb in the past tense ("sparte", "økte", "tapte", "nådde"): a word ending in -te or -dde, not an
    /// ordinal or superlative in -ste ("første", "største", "neste").
    static func isWeakPastTense(_ word: String) -> Bool {
        word.count >= 5 && (word.hasSuffix("te") || word.hasSuffix("dde")) && !word.hasSuffix("ste")
    }

    /// Words a sentence states a target with ("mål" alone is too common: "mål og strategi").
    static let statedTargets: Set<String> = [
        "målet", "målene", "måla", "målverdi", "målverdien", "målverdiar", "målsetting", "målsettingen", "målsettinga",
        "resultatkrav", "resultatkravet", "ambisjon", "ambisjonen", "budsjettert", "budsjetterte", "target", "targets",
        "styringsparameter", "styringsparameteren", "styringsparametere", "hovedmål", "hovedmålet", "delmål", "delmålet",
    ]

    /// Words a sentence reports what happened with.
    static let resultVerbs: Set<String> = [
        "resultat", "resultatet", "oppnådd", "oppnådde", "regnskap", "brukte", "faktisk", "fullførte", "deltok", "nådde",
        "fekk", "fikk", "svarte", "økte", "auka", "gikk", "steg", "sank",
    ]

    /// Whether a sentence states a target (and no result beside it).
    static func statesTarget(_ text: String) -> Bool {
        let words = Tokenizer.words(text)
        let target = words.contains(where: statedTargets.contains) || words.contains("mål") && words.contains("skal")
        // "I 2026 fullførte 58 ledere …, mot en målverdi på 50": a result measured against its target.
        let lowered = " " + words.joined(separator: " ") + " "
        let result = words.contains(where: resultVerbs.contains) || [" mot et mål ", " mot en målverdi ", " mot målet ", " mot målverdien "]
            .contains(where: lowered.contains)
        return target && !result
    }
}
