import KompetanseSearch

/// "Hva er G3?", "Hva kjennetegner generasjon G3?", "Hva betyr nivå 2?", "What is …?": a question for what
/// something is, answered best by a sentence that is about it, one that names it at its start ("Generasjon G3
/// kalles …"), not one that mentions it in passing.
enum Definition {
    /// Openings of a question for what something is or means.
    static let openings = [
        "hva er", "hva betyr", "hva kjennetegner", "hva menes med", "hva innebærer", "kva er", "kva betyr", "kva kjenneteiknar",
        "what is", "what are", "what does",
    ]

    /// Whether the question asks what something is.
    static func asks(_ question: String) -> Bool {
        let lowered = Tokenizer.words(question).joined(separator: " ")
        return openings.contains { lowered.hasPrefix($0 + " ") }
    }

    /// Whether a sentence names one of the terms within its first words (as index terms).
    static func startsWith(_ terms: Set<String>, _ text: String, library: DocumentLibrary) -> Bool {
        let opening = Tokenizer.words(text).prefix(Assistant.Configuration.definitionOpening).joined(separator: " ")
        return !Set(library.analysed(opening)).isDisjoint(with: terms)
    }
}
