/// Function words of bokmål, nynorsk and English that carry no topic. Based on the Snowball Norwegian stop list
/// (BSD), with nynorsk forms and English function words added.
public enum NorwegianStopWords {
    /// The stop words, lowercased.
    public static let all: Set<String> = [
        "og", "i", "jeg", "det", "at", "en", "et", "den", "til", "er", "som", "på", "de", "med", "han", "av", "ikke",
        "ikkje", "der", "så", "var", "meg", "seg", "men", "ett", "har", "om", "vi", "min", "mitt", "ha", "hadde", "hun",
        "nå", "over", "da", "ved", "fra", "du", "ut", "sin", "dem", "oss", "opp", "man", "kan", "hans", "hvor", "eller",
        "hva", "skal", "selv", "sjøl", "her", "noe", "noen", "mye", "blitt", "ble", "bli", "blir", "deg", "dette",
        "disse", "hvis", "inn", "hvorfor", "hvordan", "vil", "ville", "være", "vært", "vere", "vore", "kva", "korleis",
        "kvar", "kven", "ein", "eit", "eg", "dei", "dykk", "frå", "berre", "også", "òg", "ho", "me", "meir", "noko",
        "nokon", "nokre", "slik", "sidan", "vart", "vore", "hjå", "hos", "etter", "før", "mellom", "under", "mot",
        "vår", "våre", "vårt", "deres", "dykkar", "sine", "sitt", "mi", "mine", "din", "dine", "ditt", "denne",
        "the", "and", "of", "for", "in", "on", "to", "a", "an", "with", "how", "what", "we", "our", "is", "are", "be",
        "that", "this", "it", "at", "by", "as", "or", "from", "us", "can", "do", "does", "which", "who", "i", "my",
    ]

    /// True for a stop word.
    public static func contains(_ word: String) -> Bool { all.contains(word) }
}
