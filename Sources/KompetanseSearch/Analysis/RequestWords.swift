/// Words people use to ask for something rather than to say what it is about: "vi trenger", "helst",
/// "hjelp til", "finnes det", "we need". In a query they count little, so a long need is ranked by its topic.
public enum RequestWords {
    /// The words, lowercased (bokmål, nynorsk, English).
    public static let all: Set<String> = [
        "trenger", "treng", "trengs", "behov", "behovet", "ønsker", "ønskjer", "ønske", "vil", "ville", "bør", "burde",
        "helst", "gjerne", "hjelp", "hjelpe", "lære", "læra", "lærer", "mer", "meir", "finnes", "fins", "finst",
        "hvilke", "hvilken", "hvilket", "kva", "fikk", "fått", "fekk", "hatt", "gjort", "gjøre", "ble", "blei", "noe", "noko", "noen", "nokon", "tilbud", "tilbod", "tiltak", "forslag", "anbefal",
        "anbefale", "anbefaling", "passer", "passar", "egnet", "eigna", "god", "gode", "godt", "beste", "bra", "skal",
        "neste", "årene", "året", "år", "mange", "lite", "litt", "få", "gi", "gir", "gjev", "starte", "komme", "kom",
        "igang", "gang", "slik", "sånn", "både", "også", "dessuten", "spesielt", "særlig", "konkret", "konkrete",
        "praktisk", "praktiske", "enkel", "enkelt", "bedre", "betre", "økt", "øke", "auke", "styrke", "utvikle",
        "need", "needs", "want", "looking", "help", "something", "some", "good", "best", "learn", "learning",
        "about", "would", "like", "should", "suitable", "recommend", "offer", "offers", "options",
    ]

    /// True for a request word.
    public static func contains(_ word: String) -> Bool { all.contains(word) }
}
