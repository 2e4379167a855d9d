import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices
import KompetanseStore

/// The JSON API under `/api/v1`. Handlers call the same service functions as the pages.
struct APIController: Sendable {
    let services: AppServices

    func register(on router: Router<SiteContext>) {
        let api = router.group(RouterPath(APIRoute.base))
        api.get("frameworks", use: frameworks)
        api.get("frameworks/:code", use: framework)
        api.get("frameworks/:code/case", use: frameworkCASE)
        api.get("nodes/:code", use: node)
        api.get("providers", use: providers)
        api.get("providers/:id", use: provider)
        api.get("measures", use: measures)
        api.get("measures/:id", use: measure)
        api.post("match", use: match)
        api.get("coverage", use: coverage)
        api.post("ask", use: ask)
        api.get("documents", use: documents)
        api.get("documents/:id", use: document)
        api.post("feedback", use: submitFeedback)
        api.get("feedback", use: feedbackList)
        registerAccountRoutes(on: api)
        registerAssessmentRoutes(on: api)
    }

    @Sendable func frameworks(_ request: Request, context: SiteContext) async throws -> Response {
        let summaries = try await services.frameworks.summaries(as: context.principal)
        return try JSONResponse.make(ListDTO(items: summaries))
    }

    @Sendable func framework(_ request: Request, context: SiteContext) async throws -> Response {
        let framework = try await services.frameworks.framework(code: try context.parameters.require("code"), as: context.principal)
        return try JSONResponse.make(FrameworkDTO(framework))
    }

    @Sendable func frameworkCASE(_ request: Request, context: SiteContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let data = try await services.interchange.exportFramework(code: code, as: context.principal)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(Slug.make(code)).case.json\"",
            ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func node(_ request: Request, context: SiteContext) async throws -> Response {
        let detail = try await services.frameworks.node(code: try context.parameters.require("code"), as: context.principal)
        return try JSONResponse.make(NodeDetailDTO(detail))
    }

    @Sendable func providers(_ request: Request, context: SiteContext) async throws -> Response {
        try JSONResponse.make(ListDTO(items: try await services.catalogue.providers(as: context.principal).map(ProviderDTO.init)))
    }

    @Sendable func provider(_ request: Request, context: SiteContext) async throws -> Response {
        let provider = try await services.catalogue.provider(identifier: try context.parameters.require("id"), as: context.principal)
        return try JSONResponse.make(ProviderDTO(provider))
    }

    @Sendable func measures(_ request: Request, context: SiteContext) async throws -> Response {
        let query = try CatalogueQuery.from(request.uri.formParameters, strict: true)
        let page = try await services.catalogue.page(query, as: context.principal)
        return try JSONResponse.make(MeasurePageDTO(page))
    }

    @Sendable func measure(_ request: Request, context: SiteContext) async throws -> Response {
        let detail = try await services.catalogue.measure(identifier: try context.parameters.require("id"), as: context.principal)
        return try JSONResponse.make(MeasureDTO.record(detail.measure))
    }
}

/// JSON responses with a stable key order.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

struct ListDTO<Item: Encodable>: Encodable {
    let items: [Item]
}

struct ProviderDTO: Encodable {
    let identifier: String
    let name: String
    let url: String?
    let measureCount: Int

    init(_ provider: Provider) {
        identifier = provider.identifier
        name = provider.name
        url = provider.url
        measureCount = provider.measureCount
    }
}

struct NodeDTO: Encodable {
    let code: String
    let identifier: String
    let kind: String
    let label: String
    let labelEn: String?
    let description: String?
    let parent: String?
    let placeholder: Bool
    let relevantFromGeneration: Int?
    let criticalFromGeneration: Int?
    let extensions: [String: JSONValue]

    init(_ node: FrameworkNode, parentCode: String?) {
        code = node.code
        identifier = node.identifier
        kind = node.kind
        label = node.label
        labelEn = node.labelEn
        description = node.description
        parent = parentCode
        placeholder = node.isPlaceholder
        relevantFromGeneration = node.relevantFromGeneration
        criticalFromGeneration = node.criticalFromGeneration
        extensions = node.extensions
    }
}

struct FrameworkDTO: Encodable {
    let code: String
    let identifier: String
    let title: String
    let titleEn: String?
    let creator: String
    let version: String
    let description: String?
    let nodes: [NodeDTO]

    init(_ framework: Framework) {
        let codes = Dictionary(framework.nodes.map { ($0.identifier, $0.code) }, uniquingKeysWith: { first, _ in first })
        code = framework.code
        identifier = framework.identifier
        title = framework.title
        titleEn = framework.titleEn
        creator = framework.creator
        version = framework.version
        description = framework.description
        nodes = framework.nodes.map { NodeDTO($0, parentCode: $0.parentIdentifier.flatMap { codes[$0] }) }
    }
}

struct NodeDetailDTO: Encodable {
    let framework: String
    let node: NodeDTO
    let ancestors: [String]
    let children: [String]
    let related: [Related]
    let measures: [String]

    struct Related: Encodable {
        let type: String
        let code: String?
        let title: String
    }

    init(_ detail: FrameworkService.NodeDetail) {
        framework = detail.framework.code
        node = NodeDTO(detail.node, parentCode: detail.ancestors.last?.code)
        ancestors = detail.ancestors.map(\.code)
        children = detail.children.map(\.code)
        related = detail.related.map { Related(type: $0.type, code: $0.code, title: $0.title) }
        measures = detail.measures.map(\.identifier)
    }
}

enum MeasureDTO {
    /// The schema.org record plus provenance.
    static func record(_ measure: Measure) -> JSONValue {
        guard case .object(var object) = MeasureFile.record(measure) else { return .null }
        if let provenance = measure.provenance {
            object["provenance"] = .object([
                "source": .string(provenance.source), "importedAt": .string(provenance.importedAt),
                "importedBy": .string(provenance.importedBy),
            ])
        }
        return .object(object)
    }
}

struct MeasurePageDTO: Encodable {
    let items: [JSONValue]
    let total: Int
    let page: Int
    let pageSize: Int
    let pageCount: Int
    let facets: [String: [FacetValue]]

    struct FacetValue: Encodable {
        let value: String
        let count: Int
    }

    init(_ page: CataloguePage) {
        items = page.measures.map(MeasureDTO.record)
        total = page.total
        self.page = page.query.page
        pageSize = page.query.pageSize
        pageCount = page.pageCount
        var facets: [String: [FacetValue]] = [:]
        for count in page.facets.sorted(by: { ($0.facet.rawValue, $0.value) < ($1.facet.rawValue, $1.value) }) {
            facets[count.facet.rawValue, default: []].append(FacetValue(value: count.value, count: count.count))
        }
        self.facets = facets
    }
}
