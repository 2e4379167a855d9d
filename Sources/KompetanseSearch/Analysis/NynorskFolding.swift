/// Maps common nynorsk word forms to bokmål, so a nynorsk need meets bokmål descriptions.
public enum NynorskFolding {
    /// Whole-word replacements (lowercased nynorsk → bokmål).
    public static let words: [String: String] = [
        "leiar": "leder", "leiarar": "ledere", "leiaren": "lederen", "leiarane": "lederne", "leiing": "ledelse",
        "leiinga": "ledelsen", "leiargruppe": "ledergruppe", "leiargruppa": "ledergruppen", "tilsette": "ansatte",
        "teneste": "tjeneste", "tenester": "tjenester", "tenesta": "tjenesten", "tenestene": "tjenestene",
        "verksemd": "virksomhet", "verksemda": "virksomheten", "verksemder": "virksomheter", "innbyggjar": "innbygger",
        "innbyggjarar": "innbyggere", "innbyggjarane": "innbyggerne", "korleis": "hvordan", "kva": "hva",
        "ikkje": "ikke", "eit": "et", "ein": "en", "heile": "hele", "treng": "trenger", "tryggleik": "sikkerhet",
        "informasjonstryggleik": "informasjonssikkerhet", "arbeidsgjevar": "arbeidsgiver", "kommunar": "kommuner",
        "kommunane": "kommunene", "fylkeskommunar": "fylkeskommuner", "auke": "øke", "betre": "bedre", "mykje": "mye",
        "nokre": "noen", "frå": "fra", "berre": "bare", "saman": "sammen", "samanheng": "sammenheng", "ønskjer": "ønsker",
        "lærer": "lærer", "kunnskapen": "kunnskapen", "digitalisere": "digitalisere", "korte": "korte", "kurset": "kurset",
        "vidareutdanning": "videreutdanning", "utvikle": "utvikle", "gjennomføre": "gjennomføre", "endringar": "endringer",
        "utfordringar": "utfordringer", "moglegheiter": "muligheter", "moglegheit": "mulighet", "kunstig": "kunstig",
        "rettleiar": "veileder", "rettleiing": "veiledning", "oppgåver": "oppgaver", "oppgåve": "oppgave",
        "spørsmål": "spørsmål", "nettverket": "nettverket", "samarbeide": "samarbeide", "mål": "mål", "gjev": "gir",
        "tilbod": "tilbud", "tilboda": "tilbudene", "gratis": "gratis", "skulle": "skulle", "prosjekta": "prosjektene",
        "løysing": "løsning", "løysingar": "løsninger", "brukarar": "brukere", "brukar": "bruker", "dei": "de",
    ]

    /// The bokmål form of a lowercased word, or the word itself.
    public static func fold(_ word: String) -> String { words[word] ?? word }
}
