import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

/// `POST /api/v1/match` and `GET /api/v1/coverage`: the same matching as the page `/tiltak/finn`.
extension APIController {
    struct MatchRequest: Decodable {
        let text: String
        let limit: Int?
        let filters: [String: [String]]?
    }

    struct MatchResponse: Encodable {
        struct Understood: Encodable {
            let summary: String?
            let constraints: [Item]

            struct Item: Encodable {
                let label: String
                let words: String
            }
        }

        struct Concept: Encodable {
            let code: String
            let label: String
            let framework: String
            let score: Double
        }

        struct Result: Encodable {
            let identifier: String
            let name: String
            let provider: String
            let score: Double
            let topicalScore: Double
            let summary: String
            let why: String
            let constraints: [Fit]
            let nodes: [String]
        }

        struct Fit: Encodable {
            let label: String
            let fit: String
        }

        let understood: Understood
        let concepts: [Concept]
        let weak: Bool
        let results: [Result]
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    @Sendable func match(_ request: Request, context: SiteContext) async throws -> Response {
        let body: MatchRequest
        do {
            body = try await request.decode(as: MatchRequest.self, context: context)
        } catch {
            throw HTTPError(.badRequest, message: "forventet JSON {\"text\": \"…\", \"limit\"?: 1–200, \"filters\"?: {fasett: [verdier]}}")
        }
        var filters: [Facet: Set<String>] = [:]
        for (name, values) in body.filters ?? [:] {
            guard let facet = Facet(rawValue: name) else {
                throw HTTPError(.badRequest, message: "ukjent filter «\(name)»; tillatt: \(Facet.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filters[facet] = Set(values)
        }
        let result = try await services.matching.match(
            MatchService.Request(text: body.text, limit: body.limit ?? 10, filters: filters), as: context.principal)
        return try JSONResponse.make(
            MatchResponse(
                understood: .init(
                    summary: result.understanding.summary,
                    constraints: result.understanding.constraints.map { .init(label: $0.label, words: $0.words) }),
                concepts: result.concepts.map {
                    .init(code: $0.node.code, label: $0.node.label, framework: $0.frameworkCode, score: Self.rounded($0.score))
                },
                weak: result.isWeak,
                results: result.hits.map { hit in
                    .init(
                        identifier: hit.measure.identifier, name: hit.measure.name, provider: hit.measure.provider.name,
                        score: Self.rounded(hit.score), topicalScore: Self.rounded(hit.topicalScore),
                        summary: hit.summary, why: hit.why,
                        constraints: hit.fits.map { .init(label: $0.constraint.label, fit: $0.fit.rawValue) },
                        nodes: hit.nodes.map(\.code))
                }))
    }

    struct CoverageItem: Encodable {
        let code: String
        let label: String
        let framework: String
        let measureCount: Int
    }

    @Sendable func coverage(_ request: Request, context: SiteContext) async throws -> Response {
        let coverage = try await services.matching.coverage(as: context.principal)
        return try JSONResponse.make(
            ListDTO(
                items: coverage.map {
                    CoverageItem(code: $0.node.code, label: $0.node.label, framework: $0.frameworkCode, measureCount: $0.measureCount)
                }))
    }
}
