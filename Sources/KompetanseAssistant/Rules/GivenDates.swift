import KompetanseSearch

/// "Når er neste møte etter møtet 11. september 2025?": a date the question gives is what it starts from, not the
/// answer. A sentence holds the date asked for only when it names a date the question does not, and the given
/// date's words count little in ranking.
enum GivenDates {
    /// The weight of a given date's words when a date is asked for: they place the question, as context does.
    static let weight = 0.2

    /// The dates a text names, as "day month year" or "month year" (lowercased), e.g. "11 september 2025".
    static func dates(in text: String) -> Set<String> {
        let words = Tokenizer.words(text)
        var dates: Set<String> = []
        for index in words.indices where Assistant.months.contains(words[index]) {
            let hasDay = index > 0 && Int(words[index - 1]).map { (1...31).contains($0) } == true
            let hasYear = index + 1 < words.count && words[index + 1].count == 4 && Int(words[index + 1]) != nil
            let day = hasDay ? words[index - 1] + " " : ""
            let year = hasYear ? " " + words[index + 1] : ""
            dates.insert(day + words[index] + year)
        }
        return dates
    }

    /// Whether a sentence names a date other than those the question gives (always true when the question gives
    /// none, so the ordinary date check decides).
    static func namesAnotherDate(_ sentence: String, given: Set<String>) -> Bool {
        given.isEmpty || !dates(in: sentence).subtracting(given).isEmpty
    }
}
