/// A competence measure (kompetansetiltak): a course, programme, guide, network or other offer that builds
/// competence. The fields follow schema.org `Course` (FORMATS §1) plus learning mode, sector and provenance.
public struct Measure: Sendable, Hashable, Codable {
    /// Stable identifier, unique per catalogue; re-import with the same identifier updates in place.
    public var identifier: String
    /// Title.
    public var name: String
    /// Free-text description (bokmål, nynorsk or English).
    public var description: String
    /// Who offers it.
    public var provider: ProviderReference
    /// The provider's page for the measure.
    public var url: String?
    /// Languages as given; `nil` when the source did not say (then ``languages`` is `["nb"]`).
    public var inLanguage: LanguageList?
    /// Format.
    public var resourceType: ResourceType?
    /// Free-text audience, e.g. "Toppledergrupper i staten".
    public var audience: String?
    /// Level of the content.
    public var educationalLevel: EducationalLevel?
    /// Total learner time.
    public var timeRequired: ISODuration?
    /// ECTS credits (studiepoeng).
    public var numberOfCredits: Double?
    /// Price per participant; `nil` when unknown.
    public var price: Price?
    /// When and how it runs.
    public var instances: [CourseInstance]
    /// What it builds: framework nodes and/or free-text names.
    public var teaches: [TaughtTerm]
    /// Keywords as given.
    public var keywords: KeywordList?
    /// schema.org `dateModified`, verbatim.
    public var dateModified: String?
    /// Where it sits in the 70/20/10 model.
    public var learningMode: LearningMode?
    /// The sectors it is for (empty when unknown).
    public var sectors: [Sector]
    /// schema.org `creativeWorkStatus` (e.g. "Aktiv", "Avsluttet").
    public var status: String?
    /// True for measures shipped as demo data.
    public var isDemo: Bool
    /// Fields this system does not model (`@context`, `isBasedOn`, …), round-tripped on export.
    public var extra: [String: JSONValue]
    /// Where the record came from, when, and who loaded it.
    public var provenance: Provenance?

    /// Creates a measure; optional fields default to absent.
    public init(
        identifier: String, name: String, description: String, provider: ProviderReference, url: String? = nil,
        inLanguage: LanguageList? = nil, resourceType: ResourceType? = nil, audience: String? = nil,
        educationalLevel: EducationalLevel? = nil, timeRequired: ISODuration? = nil, numberOfCredits: Double? = nil,
        price: Price? = nil, instances: [CourseInstance] = [], teaches: [TaughtTerm] = [],
        keywords: KeywordList? = nil, dateModified: String? = nil, learningMode: LearningMode? = nil,
        sectors: [Sector] = [], status: String? = nil, isDemo: Bool = false, extra: [String: JSONValue] = [:],
        provenance: Provenance? = nil
    ) {
        self.identifier = identifier
        self.name = name
        self.description = description
        self.provider = provider
        self.url = url
        self.inLanguage = inLanguage
        self.resourceType = resourceType
        self.audience = audience
        self.educationalLevel = educationalLevel
        self.timeRequired = timeRequired
        self.numberOfCredits = numberOfCredits
        self.price = price
        self.instances = instances
        self.teaches = teaches
        self.keywords = keywords
        self.dateModified = dateModified
        self.learningMode = learningMode
        self.sectors = sectors
        self.status = status
        self.isDemo = isDemo
        self.extra = extra
        self.provenance = provenance
    }

    /// The languages the measure is offered in; `nb` when the source did not say.
    public var languages: [String] { inLanguage?.values ?? ["nb"] }
    /// Keywords as a list, whichever form the source used.
    public var keywordValues: [String] { keywords?.values ?? [] }
    /// True when the price is known to be zero.
    public var isFree: Bool? { price.map { $0.amount == 0 } }
    /// The course modes of its instances (online, onsite, blended), without repeats.
    public var modes: [CourseMode] {
        var seen: [CourseMode] = []
        for mode in instances.compactMap(\.mode) where !seen.contains(mode) { seen.append(mode) }
        return seen
    }
}

/// The organisation that offers a measure.
public struct ProviderReference: Sendable, Hashable, Codable {
    /// Display name.
    public var name: String
    /// Home page.
    public var url: String?

    /// Creates a provider reference.
    public init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }

    /// The provider's stable identifier, derived from its name.
    public var identifier: String { Slug.make(name) }
}

/// A provider with the number of measures it offers.
public struct Provider: Sendable, Hashable, Codable {
    /// Stable identifier derived from the name.
    public var identifier: String
    /// Display name.
    public var name: String
    /// Home page.
    public var url: String?
    /// How many measures in the catalogue it offers.
    public var measureCount: Int

    /// Creates a provider.
    public init(identifier: String, name: String, url: String?, measureCount: Int) {
        self.identifier = identifier
        self.name = name
        self.url = url
        self.measureCount = measureCount
    }
}

/// `inLanguage` as given: one code or a list (the form is kept so an export reproduces it).
public enum LanguageList: Sendable, Hashable, Codable {
    case single(String)
    case list([String])

    /// The language codes.
    public var values: [String] {
        switch self {
        case .single(let value): [value]
        case .list(let values): values
        }
    }
}

/// `keywords` as given: one comma-separated string or a list (the form is kept so an export reproduces it).
public enum KeywordList: Sendable, Hashable, Codable {
    case text(String)
    case list([String])

    /// The keywords, split on commas when given as one string.
    public var values: [String] {
        switch self {
        case .text(let text):
            text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        case .list(let values): values
        }
    }
}

/// A price per participant.
public struct Price: Sendable, Hashable, Codable {
    /// Amount; 0 means free.
    public var amount: Double
    /// ISO 4217 currency, `NOK` by default.
    public var currency: String
    /// Unknown `offers` members, round-tripped unchanged.
    public var extra: [String: JSONValue]

    /// Creates a price.
    public init(amount: Double, currency: String = "NOK", extra: [String: JSONValue] = [:]) {
        self.amount = amount
        self.currency = currency
        self.extra = extra
    }
}

/// One run of a measure.
public struct CourseInstance: Sendable, Hashable, Codable {
    /// online, onsite or blended.
    public var mode: CourseMode?
    /// ISO date, verbatim.
    public var startDate: String?
    /// ISO date, verbatim.
    public var endDate: String?
    /// Place, free text.
    public var location: String?

    /// Creates an instance.
    public init(mode: CourseMode?, startDate: String? = nil, endDate: String? = nil, location: String? = nil) {
        self.mode = mode
        self.startDate = startDate
        self.endDate = endDate
        self.location = location
    }
}

/// How a course instance is delivered.
public enum CourseMode: String, Sendable, Hashable, CaseIterable, Codable {
    case online, onsite, blended
}

/// What a measure builds: a framework node by code, a free-text name, or both.
public struct TaughtTerm: Sendable, Hashable, Codable {
    /// A framework node code (e.g. `DI2X.T.3`).
    public var code: String?
    /// A free-text name.
    public var name: String?
    /// Who said so.
    public var origin: TagOrigin

    /// Creates a term; at least one of `code` and `name` should be present.
    public init(code: String?, name: String?, origin: TagOrigin = .declared) {
        self.code = code
        self.name = name
        self.origin = origin
    }
}

/// Who attached a framework tag to a measure.
public enum TagOrigin: String, Sendable, Hashable, CaseIterable, Codable {
    /// The provider declared it in the imported data.
    case declared
    /// The system suggested it; an editor has not confirmed it.
    case suggested
    /// An editor confirmed it.
    case confirmed
}

/// Format of a measure (FORMATS §1 `learningResourceType`).
public enum ResourceType: String, Sendable, Hashable, CaseIterable, Codable {
    case course = "Kurs"
    case programme = "Program"
    case eLearning = "E-læring"
    case webinar = "Webinar"
    case gathering = "Samling"
    case network = "Nettverk"
    case guide = "Veileder"
    case tool = "Verktøy"
    case book = "Bok"
    case podcast = "Podkast"
    case mentoring = "Mentorordning"
    case study = "Studium"
}

/// Level of the content (FORMATS §1 `educationalLevel`).
public enum EducationalLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case introductory = "Innføring"
    case intermediate = "Videregående"
    case expert = "Ekspert"
}

/// The 70/20/10 learning mode of a measure.
public enum LearningMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// 70: learning by doing, on the job.
    case experiential = "70"
    /// 20: learning from others: networks, mentoring, work in the leader group.
    case social = "20"
    /// 10: formal courses and reading.
    case formal = "10"
}

/// A part of the public (or private) sector a measure is made for.
public enum Sector: String, Sendable, Hashable, CaseIterable, Codable {
    case state = "stat"
    case municipality = "kommune"
    case county = "fylkeskommune"
    case privateSector = "privat"
}

/// Where a record came from and who loaded it.
public struct Provenance: Sendable, Hashable, Codable {
    /// File name or URL it was imported from.
    public var source: String
    /// When it was imported, as an ISO 8601 timestamp.
    public var importedAt: String
    /// Who or what imported it (a user, `cli`, `demo`).
    public var importedBy: String

    /// Creates a provenance record.
    public init(source: String, importedAt: String, importedBy: String) {
        self.source = source
        self.importedAt = importedAt
        self.importedBy = importedBy
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    public func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
