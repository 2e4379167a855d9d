import KompetanseDomain
import KompetanseSearch

/// An evaluation published in 2025 may be about 2023 and 2024, and says so at its start ("Denne rapporten evaluerer
/// programmet for årene 2023 og 2024", "for perioden 2022–2024"). A question about those years may be answered by
/// any sentence of such a document, as by one of a report for that year.
enum DocumentScope {
    /// Words after which a document names the years it covers.
    static let scopeWords: Set<String> = ["årene", "åra", "perioden", "året", "period", "years", "year"]
    /// How many words after a scope word the years may stand.
    static let reach = 4
    /// How much of the first page is read for the scope.
    static let opening = 2_000

    /// The years a document's first page says it covers: those within a few words after a scope word, a range
    /// ("2022–2024") counting every year in it.
    static func years(of document: KnowledgeDocument) -> Set<Int> {
        guard let first = document.pages.first else { return [] }
        let words = Tokenizer.words(String(first.prefix(opening)))
        var years: Set<Int> = []
        for index in words.indices where scopeWords.contains(words[index]) {
            let following = words[(index + 1)..<min(words.count, index + 1 + reach)].compactMap { word -> Int? in
                guard word.count == 4, let year = Int(word), (1990...2100).contains(year) else { return nil }
                return year
            }
            guard let low = following.min(), let high = following.max(), high - low <= 10 else { continue }
            // "for årene 2023 og 2024" names two years; "for perioden 2022–2024" the years between too.
            years.formUnion(following.count == 2 && high - low > 1 ? Set(low...high) : Set(following))
        }
        return years
    }
}
