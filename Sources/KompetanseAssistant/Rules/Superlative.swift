import KompetanseSearch

/// "Hvilken … har høyest skår / lavest andel / flest deltakere": the answer is found by comparing values (the
/// rows of a table, the lines of a list), and the document rarely repeats the superlative itself. The word says
/// how to choose, not what the question is about, so it frames the question (``QuestionFrame``).
enum Superlative {
    /// Which end of the values a question asks for.
    enum Extreme { case lowest, highest }

    /// Words asking for the lowest value (bokmål, nynorsk, English); the earliest date is the lowest.
    static let lowestWords: Set<String> = [
        "lavest", "laveste", "lavaste", "lågast", "lågaste", "minst", "svakest", "svakeste", "færrest", "færrast",
        "lowest", "weakest", "fewest", "tidligste", "tidlegaste", "earliest",
    ]
    /// Words asking for the highest value.
    static let highestWords: Set<String> = [
        "høyest", "høyeste", "høgast", "høgaste", "størst", "største", "sterkest", "sterkeste", "flest", "highest",
        "strongest", "mest", "most", "seneste", "seinaste", "latest", "oftest", "oftast", "hyppigst", "hyppigste",
        "hyppigast", "vanligst", "vanligste", "vanlegast", "vanlegaste",
    ]

    /// The end a question asks for, if it asks for one.
    static func asked(in question: String) -> Extreme? {
        let words = Set(Tokenizer.words(question))
        if !words.isDisjoint(with: lowestWords) { return .lowest }
        if !words.isDisjoint(with: highestWords) { return .highest }
        return nil
    }

    /// Whether a word is a superlative.
    static func contains(_ word: String) -> Bool { lowestWords.contains(word) || highestWords.contains(word) }
}
