import Hummingbird
import KompetanseDomain

extension CatalogueQuery {
    /// Parameter names accepted for the page number and size (Norwegian on pages, English in the API).
    static let pageParameters = ["side", "page"]
    static let pageSizeParameters = ["per_side", "pageSize"]

    /// The catalogue query of a request's parameters.
    /// - Parameter strict: when true (the API), a malformed number is an error naming the parameter;
    ///   when false (pages), it falls back to the default.
    static func from(_ parameters: Parameters, strict: Bool) throws -> CatalogueQuery {
        func integer(_ names: [String], default value: Int, range: ClosedRange<Int>) throws -> Int {
            for name in names {
                guard let text = parameters.get(name) else { continue }
                guard let number = Int(text), range.contains(number) else {
                    if strict {
                        throw HTTPError(
                            .badRequest,
                            message: "parameteren «\(name)» skal være et heltall fra \(range.lowerBound) til \(range.upperBound), ikke «\(text)»")
                    }
                    return value
                }
                return number
            }
            return value
        }
        var filters: [Facet: Set<String>] = [:]
        for facet in Facet.allCases {
            let values = parameters.getAll(facet.rawValue).filter { !$0.isEmpty }
            if !values.isEmpty { filters[facet] = Set(values) }
        }
        let text = parameters.get("q") ?? ""
        if strict, text.unicodeScalars.count > 500 { throw HTTPError(.badRequest, message: "parameteren «q» er for lang (høyst 500 tegn)") }
        return CatalogueQuery(
            text: String(text.prefix(500)), filters: filters,
            page: try integer(pageParameters, default: 1, range: 1...1_000_000),
            pageSize: try integer(pageSizeParameters, default: 20, range: 1...CatalogueQuery.maximumPageSize))
    }
}
