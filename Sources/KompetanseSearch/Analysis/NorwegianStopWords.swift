/// Function words of bokmål, nynorsk and English that say nothing about what a need or a measure is about.
///
/// Source: the Snowball Norwegian stop list (snowballstem.org, BSD-3-Clause; the same 172 words ship as
/// `stop_words/stop-words/norwegian.txt` in the PyPI package `stop-words` 2025.11.4, which is where this copy was taken
/// from). It already mixes bokmål and nynorsk. Added by hand: nynorsk and bokmål function words it lacks (`frå`,
/// `berre`, `meir`, `sjølv`, `desse`, `mye`, `gjennom`, …) and a short English function-word list, since needs may be
/// written in English. Every word that a nynorsk form folds to (``NynorskFolding``) has the same stop status as the
/// form.
///
/// Deliberately left OUT, because in a need they carry meaning or state a constraint (price, mode, audience,
/// duration, language) that the ranking and the constraint reader must see:
/// - from Snowball: `alle` ("for alle ansatte"), `både`/`båe` ("både … og" names two topics), `uten` ("uten kostnad",
///   "uten forkunnskaper");
/// - English: `all` ("all employees"), `both`, `without`, `new`, `free`, `online`, `short`; `it` (Norwegian "IT", as in
///   "IT-sikkerhet"); `by` (Norwegian "by", city: "smarte byer");
/// - never added: `ny`/`nye`, `kort`, `gratis`, `kurs`, `digital`, `leder`/`ledere`, `stat`, `kommune`, `nett`,
///   `hele`/`heile` ("hele organisasjonen"), number words other than the articles, and `vert` (bokmål: host).
/// Kept although borderline: negation (`ikke`, `ikkje`, `ingen`), `kun`, `over`, `vår` (also "spring"), and English
/// `to` (also Norwegian "two"; duration is read from the raw text by the constraint reader, not from index terms).
public enum NorwegianStopWords {
    /// Bokmål and nynorsk function words plus English function words, lowercased (359 words).
    public static let all: Set<String> = [
        // Snowball Norwegian stop list (snowballstem.org, BSD-3), in its order, less the words excluded above.
        "at", "av", "bare", "begge", "ble", "blei", "bli", "blir", "blitt", "da", "de", "deg", "dei", "deim", "deira",
        "deires", "dem", "den", "denne", "der", "dere", "deres", "det", "dette", "di", "din", "disse", "ditt", "du",
        "dykk", "dykkar", "då", "eg", "ein", "eit", "eitt", "eller", "elles", "en", "enn", "er", "et", "ett", "etter",
        "for", "fordi", "fra", "før", "ha", "hadde", "han", "hans", "har", "hennar", "henne", "hennes", "her", "hjå",
        "ho", "hoe", "honom", "hoss", "hossen", "hun", "hva", "hvem", "hver", "hvilke", "hvilken", "hvis", "hvor",
        "hvordan", "hvorfor", "i", "ikke", "ikkje", "ingen", "ingi", "inkje", "inn", "inni", "ja", "jeg", "kan", "kom",
        "korleis", "korso", "kun", "kunne", "kva", "kvar", "kvarhelst", "kven", "kvi", "kvifor", "man", "mange", "me",
        "med", "medan", "meg", "meget", "mellom", "men", "mi", "min", "mine", "mitt", "mot", "mykje", "ned", "no",
        "noe", "noen", "noka", "noko", "nokon", "nokor", "nokre", "nå", "når", "og", "også", "om", "opp", "oss", "over",
        "på", "samme", "seg", "selv", "si", "sia", "sidan", "siden", "sin", "sine", "sitt", "sjøl", "skal", "skulle",
        "slik", "so", "som", "somme", "somt", "så", "sånn", "til", "um", "upp", "ut", "var", "vart", "varte", "ved",
        "vere", "verte", "vi", "vil", "ville", "vore", "vors", "vort", "være", "vært", "vår", "å",
        // Nynorsk function words and forms the Snowball list lacks.
        "ei", "frå", "berre", "òg", "meir", "sjølv", "sjølve", "desse", "vera", "vorte", "hatt", "må", "måtte", "bør",
        "burde", "difor", "dersom", "gjennom", "enno", "allereie", "framleis", "likevel", "kanskje", "kvarandre",
        "einannan", "slike", "slikt", "sånne", "sånt", "annan", "anna", "såg", "seie",
        // Bokmål function words and abbreviation pieces ("f.eks.", "bl.a.") the Snowball list lacks.
        "hos", "under", "blant", "mens", "derfor", "ennå", "allerede", "fremdeles", "dessuten", "hverandre", "hvert",
        "hvilket", "våre", "vårt", "osv", "eks", "bl", "feks", "mye", "mer", "selve", "annen", "annet", "andre",
        // English function words, for needs written in English.
        "a", "about", "above", "after", "again", "against", "am", "an", "and", "any", "are", "as", "be", "because",
        "been", "before", "being", "below", "between", "but", "can", "could", "did", "do", "does", "doing", "down",
        "during", "each", "few", "from", "further", "had", "has", "have", "having", "he", "here", "hers", "herself",
        "him", "himself", "his", "how", "if", "in", "into", "is", "its", "itself", "just", "more", "most", "my",
        "myself", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
        "out", "own", "same", "she", "should", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "until", "up", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "you", "your", "yours", "yourself", "yourselves", "also", "may", "might", "must", "shall", "us", "via",
        "whether", "within", "across", "among", "upon", "toward", "towards", "either", "neither", "yet", "however",
        "etc", "let", "lets",
    ]

    /// True when the lowercased word is a stop word.
    public static func contains(_ word: String) -> Bool { all.contains(word) }
}
