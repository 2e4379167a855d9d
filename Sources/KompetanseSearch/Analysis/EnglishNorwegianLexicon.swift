/// English → bokmål translations of domain words, so English needs meet Norwegian descriptions.
public enum EnglishNorwegianLexicon {
    /// Lowercased English word or phrase → bokmål words (space separated).
    public static let entries: [String: String] = [
        "leadership": "ledelse", "leader": "leder", "leaders": "ledere", "manager": "leder", "managers": "ledere",
        "management": "ledelse styring", "digital transformation": "digital transformasjon", "strategy": "strategi",
        "ai": "ki kunstig intelligens", "artificial intelligence": "kunstig intelligens", "data": "data",
        "privacy": "personvern", "gdpr": "personvern personvernforordningen", "security": "sikkerhet",
        "information security": "informasjonssikkerhet", "cyber security": "cybersikkerhet", "risk": "risiko",
        "architecture": "arkitektur", "procurement": "anskaffelser", "change management": "endringsledelse",
        "innovation": "innovasjon", "service design": "tjenestedesign", "benefits realisation": "gevinstrealisering",
        "benefits realization": "gevinstrealisering", "agile": "smidig", "network": "nettverk", "course": "kurs",
        "free": "gratis", "online": "nettbasert", "municipality": "kommune", "municipalities": "kommuner",
        "public sector": "offentlig sektor", "employees": "ansatte", "politicians": "politikere", "workshop": "verksted",
        "mentoring": "mentorordning", "guide": "veileder", "tool": "verktøy", "book": "bok", "podcast": "podkast",
        "top management": "toppledelse", "leadership team": "ledergruppe", "data governance": "dataforvaltning",
        "skills": "kompetanse ferdigheter", "competence": "kompetanse", "learning": "læring", "training": "opplæring",
    ]
}
