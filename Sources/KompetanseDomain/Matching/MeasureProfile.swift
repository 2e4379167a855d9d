/// What a measure offers with respect to the constraints users state, read from its fields and, where a field
/// is missing, from the words of its description. Every fact keeps the evidence it rests on.
public struct MeasureProfile: Sendable, Hashable {
    /// Whether it is free: `true`, `false`, or `nil` when unknown.
    public var isFree: Bool?
    /// Sectors it is for (empty when unknown).
    public var sectors: Set<Sector>
    /// True when it is open to the whole public sector (all sectors).
    public var isForWholePublicSector: Bool
    /// Whether it can be followed online / on site (`nil` when unknown).
    public var online: Bool?
    /// Whether it has an on-site part (`nil` when unknown).
    public var onsite: Bool?
    /// Languages.
    public var languages: Set<String>
    /// Learner hours, when known.
    public var hours: Double?
    /// Whether it gives ECTS credits.
    public var givesCredits: Bool
    /// The format.
    public var resourceType: ResourceType?
    /// Audience groups.
    public var audiences: Set<AudienceGroup>

    /// Reads the profile of a measure.
    public init(_ measure: Measure) {
        let text = WordRuns(Self.words(measure.name + " " + measure.description + " " + (measure.audience ?? "")))
        let audienceText = WordRuns(Self.words(measure.audience ?? ""))
        func mentions(_ cues: [String], in haystack: WordRuns) -> Bool { cues.contains { haystack.contains($0) } }

        if let free = measure.isFree {
            isFree = free
        } else if mentions(["gratis", "kostnadsfritt", "kostnadsfri", "free", "uten kostnad", "utan kostnad"], in: text) {
            isFree = true
        } else {
            isFree = nil
        }

        var sectors = Set(measure.sectors)
        let whole = mentions(
            ["offentlig sektor", "offentleg sektor", "offentlige virksomheter", "offentlege verksemder", "stat og kommune",
             "statlige og kommunale", "public sector", "offentlig forvaltning", "forvaltningen"], in: text)
        if sectors.isEmpty {
            if whole { sectors = [.state, .municipality, .county] }
            if mentions(["kommune", "kommuner", "kommunen", "kommunene", "kommunal", "kommunale", "kommunesektoren", "kommunar", "municipal", "municipalities"], in: text) {
                sectors.insert(.municipality)
            }
            if mentions(["fylkeskommune", "fylkeskommuner", "fylkeskommunene", "fylkeskommunal", "fylkeskommunar"], in: text) {
                sectors.insert(.county)
            }
            if mentions(["staten", "statlig", "statlige", "statleg", "statlege", "departementer", "departementene", "direktorater", "statsforvaltningen", "central government"], in: text) {
                sectors.insert(.state)
            }
            if measure.provider.identifier == "ks" { sectors.insert(.municipality) }
        }
        self.sectors = sectors
        isForWholePublicSector = whole || sectors.isSuperset(of: [.state, .municipality])

        let modes = Set(measure.modes)
        let onlineTypes: Set<ResourceType> = [.eLearning, .webinar, .podcast]
        let textOnline = mentions(
            ["nettbasert", "nettbaserte", "på nett", "online", "digitalt", "digitale samlinger", "e læring", "nettkurs",
             "webinar", "selvstudium", "sjølvstudium", "strømmet", "opptak", "heildigitalt", "heldigitalt", "i eget tempo"], in: text)
        let textOnsite = mentions(
            ["fysisk", "fysiske", "samling", "samlinger", "oppmøte", "klasserom", "på campus", "dagssamling", "heldagssamling", "workshop", "verksted"], in: text)
        if !modes.isEmpty {
            online = modes.contains(.online) || modes.contains(.blended)
            onsite = modes.contains(.onsite) || modes.contains(.blended)
        } else if let type = measure.resourceType, onlineTypes.contains(type) {
            online = true
            onsite = false
        } else {
            online = textOnline ? true : (textOnsite ? false : nil)
            onsite = textOnsite ? true : (textOnline ? false : nil)
        }
        languages = Set(measure.languages)
        if let duration = measure.timeRequired {
            hours = duration.hours
        } else if mentions(["halv dag", "halvdag", "to timer", "tre timer", "en time", "én time", "1 time", "2 timer", "3 timer"], in: text) {
            hours = 3
        } else if mentions(["en dag", "én dag", "ein dag", "heldag", "dagskurs", "endagskurs", "1 dag"], in: text) {
            hours = ISODuration.hoursPerDay
        } else {
            hours = nil
        }
        givesCredits = (measure.numberOfCredits ?? 0) > 0 || mentions(["studiepoeng", "ects"], in: text)
        resourceType = measure.resourceType
        var audiences = Set(AudienceGroup.groups(for: measure.audience))
        if audiences.isEmpty {
            audiences = Set(AudienceGroup.groups(for: measure.name))
        }
        if mentions(["ledergruppe", "ledergrupper", "ledergruppen", "toppledergrupper", "leiargruppe", "toppleiarar"], in: audienceText) {
            audiences.insert(.topLeaders)
        }
        self.audiences = audiences
    }

    static func words(_ text: String) -> String {
        let lowered = text.lowercased()
        // When every scalar is a whole character (below U+0300, where combining marks begin, or general punctuation
        // and currency signs other than the zero-width joiners), scalars can be mapped directly (much faster).
        let isWholeCharacter: (Unicode.Scalar) -> Bool = {
            $0.value < 0x300 || (0x2000...0x20CF).contains($0.value) && $0.value != 0x200C && $0.value != 0x200D
        }
        guard lowered.unicodeScalars.allSatisfy(isWholeCharacter) else {
            return String(lowered.map { $0.isLetter || $0.isNumber ? $0 : " " })
        }
        var result = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars {
            let isWord: Bool
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: isWord = true
            case 0..<0x80: isWord = false
            default: isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            result.append(isWord ? scalar : " ")
        }
        return String(result)
    }

    /// How well the measure meets one constraint.
    public func evaluate(_ constraint: Constraint) -> ConstraintFit {
        switch constraint {
        case .free:
            return isFree.map { $0 ? .met : .violated } ?? .unknown
        case .online(let wanted):
            let value = wanted ? online : onsite
            return value.map { $0 ? .met : .violated } ?? .unknown
        case .sector(let sector):
            if sectors.contains(sector) || isForWholePublicSector { return .met }
            if sector == .county, sectors.contains(.municipality) { return .unknown }
            return sectors.isEmpty ? .unknown : .violated
        case .audience(let group):
            if audiences.contains(group) { return .met }
            if group == .leaders, audiences.contains(.topLeaders) { return .met }
            if group == .topLeaders, audiences.contains(.leaders) { return .unknown }
            return audiences.isEmpty ? .unknown : .violated
        case .language(let code):
            return languages.contains(code) ? .met : .violated
        case .maximumHours(let limit):
            guard let hours else {
                if let resourceType, [.study, .programme].contains(resourceType) { return .violated }
                return .unknown
            }
            return hours <= limit ? .met : .violated
        case .credits:
            return givesCredits ? .met : .violated
        case .format(let types):
            guard let resourceType else { return .unknown }
            return types.contains(resourceType) ? .met : .violated
        }
    }
}

/// How a measure fits a stated constraint.
public enum ConstraintFit: String, Sendable, Hashable, Codable {
    case met, unknown, violated
}

/// The words of a text from ``MeasureProfile/words(_:)``, searchable for cues: a cue occurs where its words follow
/// each other with one space between them, as `" cue "` would be found in `" text "`.
struct WordRuns {
    // Split on every space, so two spaces leave an empty word between and a cue cannot match across them.
    private let words: [Substring]
    private let positions: [Substring: [Int]]

    init(_ text: String) {
        words = text.split(separator: " ", omittingEmptySubsequences: false)
        var positions: [Substring: [Int]] = [:]
        for (position, word) in words.enumerated() where !word.isEmpty { positions[word, default: []].append(position) }
        self.positions = positions
    }

    /// True when the cue (lowercased words separated by single spaces) occurs.
    func contains(_ cue: String) -> Bool {
        let parts = cue.split(separator: " ", omittingEmptySubsequences: false)
        guard let first = parts.first, let starts = positions[first] else { return false }
        return starts.contains { start in
            start + parts.count <= words.count && parts.indices.allSatisfy { words[start + $0] == parts[$0] }
        }
    }
}
