/// A requirement a user states in words ("gratis", "for kommuner", "nettbasert"), applied as a soft preference.
public enum Constraint: Sendable, Hashable, Codable {
    /// No cost to participants.
    case free
    /// Delivered online (`true`) or on site (`false`).
    case online(Bool)
    /// Made for (or open to) a sector.
    case sector(Sector)
    /// For an audience group.
    case audience(AudienceGroup)
    /// In a language (`nb`, `nn`, `en`).
    case language(String)
    /// Takes at most this many learner hours.
    case maximumHours(Double)
    /// Gives ECTS credits.
    case credits
    /// Of one of these formats.
    case format([ResourceType])

    /// The formats a user means by "kurs": courses, e-learning, webinars, studies and programmes.
    public static let courseFormats: [ResourceType] = [.course, .eLearning, .webinar, .study, .programme]
}

/// A constraint with the words it was read from.
public struct UnderstoodConstraint: Sendable, Hashable, Codable {
    /// The constraint.
    public var constraint: Constraint
    /// The words in the need that state it.
    public var words: String

    /// Creates an understood constraint.
    public init(constraint: Constraint, words: String) {
        self.constraint = constraint
        self.words = words
    }

    /// A short Norwegian label for "Forstod: …".
    public var label: String {
        switch constraint {
        case .free: "gratis"
        case .online(true): "nettbasert"
        case .online(false): "fysisk oppmøte"
        case .sector(.municipality): "for kommuner"
        case .sector(.county): "for fylkeskommuner"
        case .sector(.state): "for staten"
        case .sector(.privateSector): "for privat sektor"
        case .audience(.topLeaders): "for toppledere"
        case .audience(.leaders): "for ledere"
        case .audience(.allEmployees): "for alle ansatte"
        case .audience(.specialists): "for fagfolk"
        case .audience(.politicians): "for politikere"
        case .language("nn"): "på nynorsk"
        case .language("en"): "på engelsk"
        case .language(let code): "språk \(code)"
        case .maximumHours(let hours): hours <= ISODuration.hoursPerDay ? "kort (høyst én dag)" : "høyst \(Int(hours)) timer"
        case .credits: "gir studiepoeng"
        case .format(let types): types.map(\.rawValue).joined(separator: "/").lowercased()
        }
    }
}

/// What the system understood of a need: the constraints stated in it.
public struct NeedUnderstanding: Sendable, Hashable, Codable {
    /// The need as written.
    public var text: String
    /// The constraints found, in the order they appear.
    public var constraints: [UnderstoodConstraint]

    /// "gratis · for kommuner · nettbasert", or `nil` when nothing was understood.
    public var summary: String? {
        constraints.isEmpty ? nil : constraints.map(\.label).joined(separator: " · ")
    }

    /// Reads the constraints of a need. Pure: the same text always gives the same result.
    public static func read(_ text: String) -> NeedUnderstanding {
        let lowered = Array(" " + MeasureProfile.words(text) + " ")
        var found: [(position: Int, constraint: UnderstoodConstraint)] = []
        var seen: Set<Constraint> = []
        for rule in NeedRules.all {
            for cue in rule.cues {
                guard let position = lowered.firstPosition(of: Array(" \(cue) ")) else { continue }
                if seen.insert(rule.constraint).inserted {
                    found.append((position, UnderstoodConstraint(constraint: rule.constraint, words: cue)))
                }
                break
            }
        }
        // A broader audience or sector is implied by a narrower one ("toppledere" also says "ledere").
        if seen.contains(.audience(.topLeaders)) { found.removeAll { $0.constraint.constraint == .audience(.leaders) } }
        return NeedUnderstanding(text: text, constraints: found.sorted { $0.position < $1.position }.map(\.constraint))
    }
}

/// The word cues for each constraint, bokmål, nynorsk and English. Cues are whole words or phrases.
enum NeedRules {
    struct Rule {
        let constraint: Constraint
        let cues: [String]
    }

    static let all: [Rule] = [
        Rule(
            constraint: .free,
            cues: [
                "gratis", "kostnadsfritt", "kostnadsfri", "kostnadsfrie", "uten kostnad", "utan kostnad", "free",
                "free of charge", "no cost", "uten deltakeravgift", "ingen kostnad", "gratistilbud",
            ]),
        Rule(
            constraint: .online(true),
            cues: [
                "nettbasert", "nettbaserte", "digitalt kurs", "digitale kurs", "digital gjennomføring", "digitalt format", "på nett", "pa nett",
                "online", "på teams", "heildigitalt", "heldigitalt", "nettkurs", "webinar", "webinarer", "e læring",
                "elæring", "hjemmefra", "heimanfrå", "fjernundervisning", "remote",
            ]),
        Rule(
            constraint: .online(false),
            cues: ["fysisk", "fysiske", "fysisk oppmøte", "oppmøte", "på stedet", "in person", "onsite", "klasserom"]),
        Rule(
            constraint: .sector(.county),
            cues: ["fylkeskommune", "fylkeskommuner", "fylkeskommunen", "fylkeskommunar", "fylkeskommunal", "county"]),
        Rule(
            constraint: .sector(.municipality),
            cues: [
                "kommune", "kommuner", "kommunen", "kommunene", "kommunar", "kommunane", "kommunal", "kommunale",
                "kommunesektoren", "kommunesektor", "kommunalt", "municipality", "municipalities", "municipal",
                "local government",
            ]),
        Rule(
            constraint: .sector(.state),
            cues: [
                "staten", "statlig", "statlige", "statleg", "statlege", "direktorat", "direktoratet", "departement",
                "departementet", "state agency", "state agencies", "central government",
            ]),
        Rule(
            constraint: .audience(.topLeaders),
            cues: [
                "toppledere", "toppleder", "toppleiarar", "toppleiar", "ledergruppe", "ledergruppen", "ledergrupper",
                "leiargruppe", "leiargruppa", "toppledergruppe", "toppledergruppen", "toppledelsen", "toppledelse",
                "top management", "leadership team", "leadership teams", "management team", "management teams",
                "executives", "executive", "senior leaders", "senior management",
            ]),
        Rule(
            constraint: .audience(.leaders),
            cues: [
                "ledere", "leder", "leiarar", "leiar", "mellomledere", "mellomleder", "mellomleiarar", "leaders",
                "managers", "manager",
            ]),
        Rule(
            constraint: .audience(.allEmployees),
            cues: ["alle ansatte", "alle tilsette", "alle medarbeidere", "hele organisasjonen", "heile organisasjonen", "all employees", "all staff"]),
        Rule(
            constraint: .audience(.politicians),
            cues: ["politikere", "politiker", "politikarar", "folkevalgte", "folkevalde", "kommunestyret", "politicians", "elected"]),
        Rule(
            constraint: .audience(.specialists),
            cues: ["it fagfolk", "ikt fagfolk", "fagfolk", "utviklere", "arkitekter", "it avdelingen", "specialists"]),
        Rule(constraint: .language("nn"), cues: ["på nynorsk", "nynorsk"]),
        Rule(constraint: .language("en"), cues: ["in english", "på engelsk", "engelskspråklig", "engelskspråklige"]),
        Rule(
            constraint: .maximumHours(ISODuration.hoursPerDay),
            cues: [
                "maks en dag", "maks én dag", "maks ein dag", "høyst en dag", "høgst ein dag", "en dag", "én dag",
                "ein dag", "halv dag", "halvdag", "kort", "korte", "kortkurs", "kort kurs", "short", "one day",
                "a day", "half day", "få timer", "nokre timar", "noen timer",
            ]),
        Rule(
            constraint: .credits,
            cues: ["studiepoeng", "studiepoenggivende", "ects", "credits", "credit", "formell kompetanse", "eksamen"]),
        Rule(constraint: .format([.network]), cues: ["nettverk", "nettverket", "læringsnettverk", "network", "erfaringsutveksling"]),
        Rule(constraint: .format([.book, .podcast]), cues: ["bok eller podkast", "bok eller podcast", "bøker eller podkaster"]),
        Rule(constraint: .format([.book]), cues: ["bok", "bøker", "lesestoff", "book", "books"]),
        Rule(constraint: .format([.podcast]), cues: ["podkast", "podcast", "podkaster", "podcasts"]),
        Rule(constraint: .format([.guide, .tool]), cues: ["veileder", "rettleiar", "verktøy", "guide", "toolkit", "sjekkliste"]),
        Rule(constraint: .format([.mentoring]), cues: ["mentor", "mentorordning", "mentoring", "omvendt mentoring"]),
        Rule(constraint: .format([.study]), cues: ["videreutdanning", "vidareutdanning", "master", "studium", "evu"]),
        Rule(constraint: .format(Constraint.courseFormats), cues: ["kurs", "kurset", "opplæring", "course", "training", "e læringskurs"]),
    ]
}

extension Array where Element == Character {
    /// The index where `needle` first occurs as a contiguous run.
    func firstPosition(of needle: [Character]) -> Int? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            var matches = true
            for offset in 1..<needle.count where self[start + offset] != needle[offset] {
                matches = false
                break
            }
            if matches { return start }
        }
        return nil
    }
}
