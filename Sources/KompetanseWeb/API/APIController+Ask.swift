import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

/// `POST /api/v1/ask`, `GET /api/v1/documents` and `GET /api/v1/documents/{id}`: the same service calls as the
/// question page and the document browser. Anonymous callers see public documents only.
extension APIController {
    struct AskRequest: Decodable {
        let question: String
    }

    @Sendable func ask(_ request: Request, context: SiteContext) async throws -> Response {
        let body: AskRequest
        do {
            body = try await request.decode(as: AskRequest.self, context: context)
        } catch {
            throw HTTPError(.badRequest, message: "forventet JSON {\"question\": \"…\"}")
        }
        let answer = try await services.documents.ask(body.question, as: context.principal)
        return try JSONResponse.make(answer)
    }

    struct DocumentSummary: Encodable {
        let identifier: String
        let title: String
        let documentType: String
        let publisher: String
        let year: Int
        let pages: Int
        let url: String?
    }

    @Sendable func documents(_ request: Request, context: SiteContext) async throws -> Response {
        let parameters = request.uri.formParameters
        var year: Int?
        if let text = parameters.get("year") {
            guard let value = Int(text), (1800...2200).contains(value) else {
                throw HTTPError(.badRequest, message: "parameteren «year» skal være et årstall fra 1800 til 2200")
            }
            year = value
        }
        var limit = 100
        var offset = 0
        if let text = parameters.get("limit") {
            guard let value = Int(text), (1...500).contains(value) else {
                throw HTTPError(.badRequest, message: "parameteren «limit» skal være et heltall fra 1 til 500")
            }
            limit = value
        }
        if let text = parameters.get("offset") {
            guard let value = Int(text), (0...100_000_000).contains(value) else {
                throw HTTPError(.badRequest, message: "parameteren «offset» skal være et heltall fra 0")
            }
            offset = value
        }
        // Pages of `limit` documents; an offset inside a page starts that page where asked.
        let result = try await services.documents.browse(
            .init(documentType: parameters.get("type"), publisher: parameters.get("publisher"), year: year),
            page: offset / limit + 1, perPage: limit, as: context.principal)
        let skipped = offset % limit
        return try JSONResponse.make(
            DocumentPageDTO(
                items: result.items.dropFirst(skipped).map {
                    DocumentSummary(
                        identifier: $0.identifier, title: $0.title, documentType: $0.documentType, publisher: $0.publisher,
                        year: $0.year, pages: $0.pageCount, url: $0.url)
                }, total: result.total, limit: limit, offset: offset))
    }

    @Sendable func document(_ request: Request, context: SiteContext) async throws -> Response {
        let document = try await services.documents.document(
            identifier: try context.parameters.require("id"), as: context.principal)
        return try JSONResponse.make(document)
    }
}

extension APIController {
    struct FeedbackRequest: Decodable {
        let target: String
        let reference: String
        let verdict: String
        let comment: String?
    }

    @Sendable func submitFeedback(_ request: Request, context: SiteContext) async throws -> Response {
        let body: FeedbackRequest
        do {
            body = try await request.decode(as: FeedbackRequest.self, context: context)
        } catch {
            throw HTTPError(
                .badRequest, message: "forventet JSON {\"target\": \"svar|dokument|tiltak|treff\", \"reference\": …, \"verdict\": \"riktig|feil|mangler\", \"comment\"?: …}")
        }
        let feedback = try await services.feedback.submit(
            target: body.target, reference: body.reference, verdict: body.verdict, comment: body.comment ?? "", as: context.principal)
        return try JSONResponse.make(feedback, status: .created)
    }

    @Sendable func feedbackList(_ request: Request, context: SiteContext) async throws -> Response {
        try JSONResponse.make(ListDTO(items: try await services.feedback.all(as: context.principal)))
    }
}

/// A page of the document list.
struct DocumentPageDTO: Encodable {
    let items: [APIController.DocumentSummary]
    let total: Int
    let limit: Int
    let offset: Int
}
