import Foundation

/// Every path of the web application and API, so links and route registration share one source.
enum SiteRoute {
    case home
    case measures
    case match
    case coverage
    case measure(String)
    case providers
    case frameworks
    case framework(String)
    case frameworkExport(String)
    case node(framework: String, node: String)
    case stylesheet
    case ask
    case documents
    case document(String)
    case feedback
    case feedbackList

    /// The path, with each parameter percent-encoded.
    var path: String {
        switch self {
        case .home: "/"
        case .measures: "/tiltak"
        case .match: "/tiltak/finn"
        case .coverage: "/rammeverk/dekning"
        case .measure(let id): "/tiltak/\(Self.encode(id))"
        case .providers: "/tilbydere"
        case .frameworks: "/rammeverk"
        case .framework(let code): "/rammeverk/\(Self.encode(code))"
        case .frameworkExport(let code): "/api/v1/frameworks/\(Self.encode(code))/case"
        case .node(let framework, let node): "/rammeverk/\(Self.encode(framework))/\(Self.encode(node))"
        case .stylesheet: "/static/app.css"
        case .ask: "/sporsmal"
        case .documents: "/dokumenter"
        case .document(let id): "/dokumenter/\(Self.encode(id))"
        case .feedback: "/tilbakemelding"
        case .feedbackList: "/tilbakemeldinger"
        }
    }

    /// The catalogue filtered to one provider.
    static func provider(_ identifier: String) -> String {
        SiteRoute.measures.path + "?provider=" + encode(identifier)
    }

    static func encode(_ component: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return component.addingPercentEncoding(withAllowedCharacters: allowed) ?? component
    }

    /// A query string (with leading `?`) from ordered name–value pairs; empty when there are none.
    static func query(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}

/// Paths of the JSON API, version 1.
enum APIRoute {
    static let base = "/api/v1"
}
