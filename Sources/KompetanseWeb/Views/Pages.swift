import KompetanseDomain
import KompetanseServices
import KompetanseStore

/// View models of the pages; each is built from service results only.
enum HomeIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let measureCount: Int
        let providerCount: Int
        let frameworkCount: Int
        let frameworks: [FrameworkCard]
    }
}

struct FrameworkCard: Sendable {
    let href: String
    let title: String
    let creator: String
    let version: String
    let description: String?
    let nodeCount: Int
    let placeholderCount: Int?

    init(_ summary: FrameworkSummary) {
        href = SiteRoute.framework(summary.code).path
        title = summary.title
        creator = summary.creator
        version = summary.version
        description = summary.description
        nodeCount = summary.nodeCount
        placeholderCount = summary.placeholderCount > 0 ? summary.placeholderCount : nil
    }
}

enum MeasureIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let query: String
        let queryEncoded: String
        let resultSummary: String
        let facets: [FacetGroup]
        let hasFilters: Bool
        let measures: [Row]
        let pagination: Pagination?
    }

    struct Row: Sendable {
        let href: String
        let name: String
        let provider: String
        let format: String?
        let price: String
        let demo: Bool
        let excerpt: String
    }

    struct FacetGroup: Sendable {
        let label: String
        let options: [Option]
    }

    struct Option: Sendable {
        let id: String
        let facet: String
        let value: String
        let label: String
        let count: Int
        let checked: Bool
    }

    struct Pagination: Sendable {
        let previous: String?
        let next: String?
        let pages: [PageLink]
    }

    struct PageLink: Sendable {
        let number: Int
        let href: String
        let current: Bool
    }

    /// The query string items that reproduce a catalogue query on another page number.
    static func queryItems(_ query: CatalogueQuery, page: Int) -> [(String, String)] {
        var items: [(String, String)] = []
        if !query.text.isEmpty { items.append(("q", query.text)) }
        for facet in Facet.allCases {
            for value in (query.filters[facet] ?? []).sorted() { items.append((facet.rawValue, value)) }
        }
        if page > 1 { items.append(("side", String(page))) }
        return items
    }

    static func model(page: CataloguePage, providers: [Provider], texts: Texts) -> Model {
        let formatting = MeasureFormatting(texts: texts)
        let providerNames = Dictionary(providers.map { ($0.identifier, $0.name) }, uniquingKeysWith: { first, _ in first })
        let query = page.query
        let groups: [FacetGroup] = Facet.allCases.compactMap { facet in
            let counts = page.facets.filter { $0.facet == facet }
            let selected = query.filters[facet] ?? []
            var options = counts.map { count in
                Option(
                    id: "f-\(facet.rawValue)-\(Slug.make(count.value))", facet: facet.rawValue, value: count.value,
                    label: formatting.facetValue(facet, count.value, providerNames: providerNames), count: count.count,
                    checked: selected.contains(count.value))
            }
            // A selected value with no matches stays visible so it can be unticked.
            for value in selected where !counts.contains(where: { $0.value == value }) {
                options.append(
                    Option(
                        id: "f-\(facet.rawValue)-\(Slug.make(value))", facet: facet.rawValue, value: value,
                        label: formatting.facetValue(facet, value, providerNames: providerNames), count: 0, checked: true))
            }
            guard !options.isEmpty else { return nil }
            // Each label's collation key once, not once per comparison.
            options = options.map { (key: NorwegianCollation.key($0.label), option: $0) }.sorted { $0.key < $1.key }.map(\.option)
            return FacetGroup(label: texts["facet_\(facet.rawValue)"], options: options)
        }
        let rows = page.measures.map { measure in
            Row(
                href: SiteRoute.measure(measure.identifier).path, name: measure.name, provider: measure.provider.name,
                format: measure.resourceType?.rawValue, price: formatting.price(measure), demo: measure.isDemo,
                excerpt: formatting.excerpt(measure.description))
        }
        let summary =
            page.pageCount > 1
            ? texts.format(
                "result_summary_page",
                ["count": texts.number(Double(page.total)), "page": String(query.page), "pages": String(page.pageCount)])
            : texts.format("result_summary", ["count": texts.number(Double(page.total))])
        var pagination: Pagination?
        if page.pageCount > 1 {
            func href(_ number: Int) -> String { SiteRoute.measures.path + SiteRoute.query(queryItems(query, page: number)) }
            let window = max(1, query.page - 3)...min(page.pageCount, query.page + 3)
            var numbers = Array(window)
            if !numbers.contains(1) { numbers.insert(1, at: 0) }
            if !numbers.contains(page.pageCount) { numbers.append(page.pageCount) }
            pagination = Pagination(
                previous: query.page > 1 ? href(query.page - 1) : nil,
                next: query.page < page.pageCount ? href(query.page + 1) : nil,
                pages: numbers.map { PageLink(number: $0, href: href($0), current: $0 == query.page) })
        }
        return Model(
            query: query.text, queryEncoded: SiteRoute.encode(query.text), resultSummary: summary, facets: groups,
            hasFilters: !query.filters.isEmpty, measures: rows, pagination: pagination)
    }
}

enum MeasureShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let name: String
        let description: String
        let demo: Bool
        let provider: String
        let providerHref: String
        let format: String?
        let audience: String?
        let level: String?
        let duration: String?
        let credits: String?
        let price: String
        let languages: String
        let modes: String?
        let learningMode: String?
        let sectors: String?
        let status: String?
        let keywords: String?
        let url: String?
        let taught: [Taught]
        let hasTaught: Bool
        let provenance: Provenance?
        var suggestions: [Suggestion] = []
        var hasSuggestions = false
        var confirmAction = ""
    }

    /// A tag the concept layer suggests, for an editor to confirm.
    struct Suggestion: Sendable {
        let code: String
        let label: String
        let href: String
        let words: String
    }

    struct Taught: Sendable {
        let label: String
        let code: String?
        let framework: String?
        let href: String?
    }

    static func model(_ detail: CatalogueService.MeasureDetail, frameworkCodes: [String: String], texts: Texts) -> Model {
        let measure = detail.measure
        let formatting = MeasureFormatting(texts: texts)
        let taught = detail.taught.map { item in
            let href = item.term.code.flatMap { code in
                frameworkCodes[code].map { SiteRoute.node(framework: $0, node: code).path }
            }
            return Taught(
                label: item.nodeLabel ?? item.term.name ?? item.term.code ?? "", code: item.term.code,
                framework: item.frameworkTitle, href: item.nodeLabel == nil ? nil : href)
        }
        return Model(
            name: measure.name, description: measure.description, demo: measure.isDemo, provider: measure.provider.name,
            providerHref: SiteRoute.provider(measure.provider.identifier), format: measure.resourceType?.rawValue,
            audience: measure.audience, level: measure.educationalLevel?.rawValue,
            duration: measure.timeRequired.map(formatting.duration),
            credits: measure.numberOfCredits.map { texts.number($0) }, price: formatting.price(measure),
            languages: measure.languages.map(formatting.language).joined(separator: ", "),
            modes: measure.modes.isEmpty ? nil : measure.modes.map { texts["course_\($0.rawValue)"] }.joined(separator: ", "),
            learningMode: measure.learningMode.map { texts["mode_\($0.rawValue)"] },
            sectors: measure.sectors.isEmpty ? nil : measure.sectors.map { texts["sector_\($0.rawValue)"] }.joined(separator: ", "),
            status: measure.status, keywords: measure.keywordValues.isEmpty ? nil : measure.keywordValues.joined(separator: ", "),
            url: measure.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil },
            taught: taught, hasTaught: !taught.isEmpty, provenance: measure.provenance)
    }
}

enum ProviderIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let providers: [Row]
    }

    struct Row: Sendable {
        let href: String
        let name: String
        let count: Int
    }
}

enum FrameworkIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let frameworks: [FrameworkCard]
    }
}

enum FrameworkShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let title: String
        let titleEn: String?
        let creator: String
        let version: String
        let description: String?
        let placeholderCount: Int?
        let tree: [TreeItem]
        let exportHref: String
    }

    final class TreeItem: Sendable {
        let href: String
        let label: String
        let code: String
        let kind: String?
        let placeholder: Bool
        let children: [TreeItem]
        let hasChildren: Bool

        init(_ tree: FrameworkTreeNode, frameworkCode: String) {
            href = SiteRoute.node(framework: frameworkCode, node: tree.node.code).path
            label = tree.node.label
            code = tree.node.code
            kind = tree.node.kind.isEmpty ? nil : tree.node.kind
            placeholder = tree.node.isPlaceholder
            children = tree.children.map { TreeItem($0, frameworkCode: frameworkCode) }
            hasChildren = !children.isEmpty
        }
    }

    static func model(_ framework: Framework) -> Model {
        let placeholders = framework.nodes.filter(\.isPlaceholder).count
        return Model(
            title: framework.title, titleEn: framework.titleEn, creator: framework.creator, version: framework.version,
            description: framework.description, placeholderCount: placeholders > 0 ? placeholders : nil,
            tree: framework.tree().map { TreeItem($0, frameworkCode: framework.code) },
            exportHref: SiteRoute.frameworkExport(framework.code).path)
    }
}

enum NodeShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let label: String
        let code: String
        let kind: String
        let labelEn: String?
        let frameworkTitle: String
        let frameworkHref: String
        let placeholder: Bool
        let uncertain: Bool
        let confidenceNote: String?
        let description: String?
        let hasGeneration: Bool
        let relevantFrom: Int?
        let criticalFrom: Int?
        let generationNote: String?
        let source: String?
        let children: [Link]
        let hasChildren: Bool
        let related: [Related]
        let hasRelated: Bool
        let measures: [MeasureLink]
        let hasMeasures: Bool
    }

    struct Link: Sendable {
        let href: String
        let label: String
        let code: String
    }

    struct Related: Sendable {
        let href: String?
        let title: String
        let code: String?
    }

    struct MeasureLink: Sendable {
        let href: String
        let name: String
        let provider: String
    }

    static func model(_ detail: FrameworkService.NodeDetail, frameworkCodes: [String: String]) -> Model {
        let node = detail.node
        let frameworkCode = detail.framework.code
        let children = detail.children.map {
            Link(href: SiteRoute.node(framework: frameworkCode, node: $0.code).path, label: $0.label, code: $0.code)
        }
        let related = detail.related.map { item in
            Related(
                href: item.isLoaded
                    ? item.code.flatMap { code in frameworkCodes[code].map { SiteRoute.node(framework: $0, node: code).path } }
                    : nil,
                title: item.title, code: item.code)
        }
        let measures = detail.measures.map {
            MeasureLink(href: SiteRoute.measure($0.identifier).path, name: $0.name, provider: $0.provider.name)
        }
        return Model(
            label: node.label, code: node.code, kind: node.kind, labelEn: node.labelEn,
            frameworkTitle: detail.framework.title, frameworkHref: SiteRoute.framework(frameworkCode).path,
            placeholder: node.isPlaceholder, uncertain: node.isUncertain && !node.isPlaceholder,
            confidenceNote: node.extensions["confidenceNote"]?.stringValue, description: node.description,
            hasGeneration: node.relevantFromGeneration != nil || node.criticalFromGeneration != nil,
            relevantFrom: node.relevantFromGeneration, criticalFrom: node.criticalFromGeneration,
            generationNote: node.generationNote,
            source: node.source.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil },
            children: children, hasChildren: !children.isEmpty, related: related, hasRelated: !related.isEmpty,
            measures: measures, hasMeasures: !measures.isEmpty)
    }
}

enum ErrorShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let heading: String
        let message: String
    }
}
