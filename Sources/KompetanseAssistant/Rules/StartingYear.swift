import KompetanseSearch

/// "Hvor mye skal kommunene betale i kontingent fra 2026?": the year a change takes effect. It is no document year
/// (the decision is made the year before), but the answer is the sentence that names it ("Kontingenten økes fra
/// 12 til 13 kroner fra 1. januar 2026"), not the standing rule that names no year ("… og 12 kroner per
/// innbygger"). Sentences that name the year rank up.
enum StartingYear {
    /// How much a sentence naming the starting year gains.
    static let bonus = 1.3

    /// The years a question gives as the start of what it asks about ("fra 2026", "frå 2026", "from 2026").
    static func years(in question: String) -> Set<String> {
        let words = Tokenizer.words(question)
        return Set(
            words.indices.dropFirst().compactMap { index in
                let word = words[index]
                guard ["fra", "frå", "from"].contains(words[index - 1]), word.count == 4, let year = Int(word),
                    (1990...2100).contains(year)
                else { return nil }
                return word
            })
    }
}
