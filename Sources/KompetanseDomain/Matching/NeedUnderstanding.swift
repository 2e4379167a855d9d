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

    /// Every constraint a need can be read to state, so a ranking can work out each measure's fit in advance.
    public static let readableConstraints: [Constraint] = {
        var seen: Set<Constraint> = []
        return NeedRules.all.map(\.constraint).filter { seen.insert($0).inserted }
    }()

    /// Reads the constraints of a need. Pure: the same text always gives the same result.
    public static func read(_ text: String) -> NeedUnderstanding {
        let words = MeasureProfile.words(text).split(separator: " ").map(String.init)
        // Per rule, the earliest-listed cue that occurs and the word where it first occurs.
        var firstCue: [Int: (cue: Int, position: Int)] = [:]
        for (position, word) in words.enumerated() {
            for cue in NeedRules.cuesByFirstWord[word] ?? [] where words.hasRun(cue.words, at: position) {
                if let earlier = firstCue[cue.rule], earlier.cue <= cue.cue { continue }
                firstCue[cue.rule] = (cue.cue, position)
            }
        }
        var found: [(position: Int, constraint: UnderstoodConstraint)] = []
        var seen: Set<Constraint> = []
        for (number, rule) in NeedRules.all.enumerated() {
            guard let first = firstCue[number], seen.insert(rule.constraint).inserted else { continue }
            found.append((first.position, UnderstoodConstraint(constraint: rule.constraint, words: rule.cues[first.cue])))
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

    /// A cue split into words, with the rule it belongs to and its place in the rule's list.
    struct Cue {
        let rule: Int
        let cue: Int
        let words: [String]
    }

    /// Every cue, by its first word: a need is read word by word instead of searching it for each cue.
    static let cuesByFirstWord: [String: [Cue]] = {
        var index: [String: [Cue]] = [:]
        for (ruleNumber, rule) in all.enumerated() {
            for (cueNumber, cue) in rule.cues.enumerated() {
                let words = cue.split(separator: " ").map(String.init)
                guard let first = words.first else { continue }
                index[first, default: []].append(Cue(rule: ruleNumber, cue: cueNumber, words: words))
            }
        }
        return index
    }()

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

extension Array where Element == String {
    /// True when `run` occurs here starting at `start`.
    func hasRun(_ run: [String], at start: Int) -> Bool {
        guard start + run.count <= count else { return false }
        return run.indices.allSatisfy { self[start + $0] == run[$0] }
    }
}
