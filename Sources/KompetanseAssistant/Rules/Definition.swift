import KompetanseSearch

/// "Hva er G3?", "Hva kjennetegner generasjon G3?", "Hva betyr nivå 2?", "What is …?": a question for what
/// something is, answered best by a sentence that is about it, one that names it at its start ("Generasjon G3
/// kalles …"), not one that mentions it in passing.
enum Definition {
    /// Openings of a question for what something is or means.
    static let openings = [
        "hva er", "hva betyr", "hva kjennetegner", "hva menes med", "hva innebærer", "kva er", "kva betyr",
        "kva kjenneteiknar",
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

extension Definition {
    /// Whether a sentence defines a term the sentence before it uses: "For stor tekst er kravet minst 3:1." is
    /// followed by "Stor tekst er tekst på minst 18 punkter …". The definition opens with the term (one or two
    /// words, none of them a pronoun or other stop word) and "er", "betyr", "omfatter" or "vil si"; the answer that
    /// uses the term is read with it. A single word defines only with "betyr" or "vil si": "Inntektene er ført som
    /// refusjon" says something more about the subject, it does not define it.
    static func defines(_ next: String, termUsedIn previous: String) -> Bool {
        let words = Tokenizer.words(next)
        let used = " " + Tokenizer.words(previous).joined(separator: " ") + " "
        for length in 1...2 where words.count > length + 1 {
            let term = words.prefix(length)
            let verb = words[length]
            let means =
                ["betyr", "means"].contains(verb)
                || verb == "vil" && words.count > length + 2 && words[length + 1] == "si"
            let opensDefinition = means || length == 2 && ["er", "omfatter", "is"].contains(verb)
            guard opensDefinition, term.allSatisfy({ Analyzer().term(for: $0) != nil }), term.joined().count >= 5 else {
                continue
            }
            if used.contains(" " + term.joined(separator: " ") + " ") { return true }
        }
        return false
    }
}
