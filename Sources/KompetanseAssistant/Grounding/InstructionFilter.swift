import KompetanseSearch

/// Recognises document text written to steer a language model ("Ignorer alle tidligere instruksjoner og …",
/// "You are now …"). Such sentences are never sent to a model as passages and never cited, so a planted
/// instruction cannot become an answer with a genuine, verbatim citation.
public enum InstructionFilter {
    /// Words that, together with a word from `targets`, make a sentence an instruction to a model.
    static let overrides: Set<String> = ["ignorer", "ignore", "disregard", "glem", "gløym", "overse", "forget"]
    static let targets: Set<String> = [
        "instruksjoner", "instruksjonene", "instruksjonane", "instructions", "tidligere", "tidlegare", "previous", "above",
        "ovenfor", "prompt", "systemprompt", "reglene", "rules",
    ]
    /// Phrases that address a model directly.
    static let phrases = [
        "you are now", "du er nå", "du er no", "system prompt", "act as", "svar alltid", "always answer", "as an ai",
        "som en kunstig intelligens skal du", "språkmodellen skal", "the language model must", "assistant:",
    ]

    /// Whether a sentence reads as an instruction to a language model.
    public static func isInstruction(_ text: String) -> Bool {
        let words = Set(Tokenizer.words(text))
        if !words.isDisjoint(with: overrides), !words.isDisjoint(with: targets) { return true }
        let lowered = " " + Tokenizer.words(text).joined(separator: " ") + " "
        return phrases.contains { lowered.contains(" " + $0.replacingOccurrences(of: ":", with: "") + " ") }
    }
}
