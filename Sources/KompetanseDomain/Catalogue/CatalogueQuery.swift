/// A dimension along which the catalogue can be filtered and counted.
public enum Facet: String, Sendable, Hashable, CaseIterable, Codable {
    case provider
    case format
    case audience
    case price
    case language
    case sector
    case learningMode = "mode"
}

/// A request for a page of the catalogue.
public struct CatalogueQuery: Sendable, Hashable {
    /// Free text matched as a substring of name, description, provider, keywords and audience.
    public var text: String
    /// Selected values per facet; a measure must match one of the values of every facet given.
    public var filters: [Facet: Set<String>]
    /// 1-based page number.
    public var page: Int
    /// Measures per page.
    public var pageSize: Int

    /// The largest page size a caller may ask for.
    public static let maximumPageSize = 200

    /// Creates a query; page and size are clamped to sensible bounds.
    public init(text: String = "", filters: [Facet: Set<String>] = [:], page: Int = 1, pageSize: Int = 20) {
        self.text = text.trimmingWhitespace()
        self.filters = filters.filter { !$0.value.isEmpty }
        self.page = max(1, page)
        self.pageSize = min(max(1, pageSize), Self.maximumPageSize)
    }

    /// Rows to skip for this page.
    public var offset: Int { (page - 1) * pageSize }
}

/// One facet value with the number of measures that have it, under the current filters.
public struct FacetCount: Sendable, Hashable {
    /// The facet.
    public var facet: Facet
    /// The value as stored.
    public var value: String
    /// Measures with this value.
    public var count: Int

    /// Creates a count.
    public init(facet: Facet, value: String, count: Int) {
        self.facet = facet
        self.value = value
        self.count = count
    }
}

/// A page of measures with the total and the facet counts.
public struct CataloguePage: Sendable, Hashable {
    /// The measures on this page.
    public var measures: [Measure]
    /// Measures matching the query in all.
    public var total: Int
    /// The query that produced the page.
    public var query: CatalogueQuery
    /// Counts per facet value among the matching measures.
    public var facets: [FacetCount]

    /// Creates a page.
    public init(measures: [Measure], total: Int, query: CatalogueQuery, facets: [FacetCount]) {
        self.measures = measures
        self.total = total
        self.query = query
        self.facets = facets
    }

    /// Number of pages.
    public var pageCount: Int { max(1, (total + query.pageSize - 1) / query.pageSize) }
}

/// Audience groups derived from a measure's free-text audience, for filtering.
public enum AudienceGroup: String, Sendable, Hashable, CaseIterable, Codable {
    case topLeaders = "toppledere"
    case leaders = "ledere"
    case allEmployees = "alle-ansatte"
    case specialists = "fagfolk"
    case politicians = "politikere"

    // Word stems that place an audience text in a group; checked on the lowercased text.
    private var cues: [String] {
        switch self {
        case .topLeaders: ["toppleder", "topplederg", "ledergrupp", "toppledelse", "top leader", "executive", "direktør"]
        case .leaders: ["leder", "leiar", "ledelse", "leadership", "manager", "executive"]
        case .allEmployees: ["alle ansatte", "alle tilsette", "ansatte", "alle ", "everyone", "medarbeider", "employees"]
        case .specialists: ["fagfolk", "fagpersoner", "rådgiver", "it-", "ikt", "arkitekt", "hr", "sikkerhet", "utvikler", "spesialist", "nøkkelperson", "saksbehandler", "professional"]
        case .politicians: ["politiker", "folkevalgt", "politikar", "politician"]
        }
    }

    /// The groups an audience text belongs to.
    public static func groups(for audience: String?) -> [AudienceGroup] {
        guard let audience else { return [] }
        let text = " " + audience.lowercased() + " "
        return allCases.filter { group in group.cues.contains { text.contains($0) } }
    }
}

extension Measure {
    /// The facet values of this measure, as stored for filtering and counting.
    public var facetValues: [(facet: Facet, value: String)] {
        var values: [(Facet, String)] = [(.provider, provider.identifier)]
        if let resourceType { values.append((.format, resourceType.rawValue)) }
        for group in AudienceGroup.groups(for: audience) { values.append((.audience, group.rawValue)) }
        switch isFree {
        case .some(true): values.append((.price, "gratis"))
        case .some(false): values.append((.price, "betalt"))
        case .none: values.append((.price, "ukjent"))
        }
        var languagesSeen: Set<String> = []
        for language in languages where languagesSeen.insert(language).inserted { values.append((.language, language)) }
        for sector in Set(sectors) { values.append((.sector, sector.rawValue)) }
        if let learningMode { values.append((.learningMode, learningMode.rawValue)) }
        return values
    }

    /// Lowercased text used for substring search in the catalogue list.
    public var searchText: String {
        ([name, description, provider.name, audience ?? ""] + keywordValues + teaches.compactMap(\.name))
            .joined(separator: " ").lowercased()
    }
}
