import KompetanseDomain
import KompetanseServices

/// The matching page: the need form and, when a need was given, the ranked measures with reasons.
enum MatchShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let need: String
        let filters: [Filter]
        let hasResult: Bool
        let understood: String?
        let concepts: [Concept]
        let hasConcepts: Bool
        let weak: Bool
        let hits: [Hit]
    }

    struct Filter: Sendable {
        let id: String
        let facet: String
        let value: String
        let label: String
        let checked: Bool
    }

    struct Concept: Sendable {
        let href: String
        let label: String
        let code: String
        let last: Bool
    }

    struct Hit: Sendable {
        let href: String
        let name: String
        let provider: String
        let format: String?
        let price: String
        let score: String
        let summary: String
        let why: String
    }

    /// The filters offered on the page: the constraints people most often state.
    static let offeredFilters: [(Facet, String, String)] = [
        (.price, "gratis", "price_free"), (.sector, "kommune", "sector_kommune"), (.sector, "stat", "sector_stat"),
        (.language, "nn", "lang_nn"), (.language, "en", "lang_en"), (.learningMode, "20", "mode_20"),
    ]

    static func model(need: String, filters: [Facet: Set<String>], result: MatchResult?, texts: Texts) -> Model {
        let formatting = MeasureFormatting(texts: texts)
        let concepts = result?.concepts ?? []
        return Model(
            need: need,
            filters: offeredFilters.map { facet, value, key in
                Filter(
                    id: "m-\(facet.rawValue)-\(value)", facet: facet.rawValue, value: value, label: texts[key],
                    checked: filters[facet]?.contains(value) ?? false)
            },
            hasResult: result != nil, understood: result?.understanding.summary,
            concepts: concepts.enumerated().map { index, concept in
                Concept(
                    href: SiteRoute.node(framework: concept.frameworkCode, node: concept.node.code).path,
                    label: concept.node.label, code: concept.node.code, last: index == concepts.count - 1)
            }, hasConcepts: !concepts.isEmpty, weak: result?.isWeak ?? false,
            hits: (result?.hits ?? []).map { hit in
                Hit(
                    href: SiteRoute.measure(hit.measure.identifier).path, name: hit.measure.name,
                    provider: hit.measure.provider.name, format: hit.measure.resourceType?.rawValue,
                    price: formatting.price(hit.measure), score: String(Int((hit.score * 100).rounded())) + " %",
                    summary: hit.summary, why: hit.why)
            })
    }
}

enum CoverageIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let rows: [Row]
    }

    struct Row: Sendable {
        let href: String
        let label: String
        let code: String
        let framework: String
        let count: Int
    }
}
