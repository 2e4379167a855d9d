import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

/// The question page, the document browser and the document view; the API twins are in `APIController+Ask`.
/// Without sign-in (see the accounts issue) every visitor is an anonymous asker: public documents only.
struct DocumentController: Sendable {
    let services: AppServices
    let renderer: PageRenderer

    func register(on router: Router<BasicRequestContext>) {
        router.get(RouterPath(SiteRoute.ask.path), use: ask)
        router.get(RouterPath(SiteRoute.documents.path), use: documents)
        router.get(RouterPath("/dokumenter/:id"), use: document)
    }

    @Sendable func ask(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let question = String((request.uri.queryParameters.get("sporsmal") ?? "").prefix(2_000))
        var answer: Answer?
        var titles: [String: String] = [:]
        if !question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            answer = try await services.documents.ask(question, groups: [], as: .anonymous)
            titles = Dictionary(
                try await services.documents.browse(.init(), groups: [], as: .anonymous).documents.map { ($0.identifier, $0.title) },
                uniquingKeysWith: { first, _ in first })
        }
        return renderer.page(
            "ask", model: AskShow.model(question: question, answer: answer, titles: titles), title: texts["ask_title"],
            section: .ask, breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_ask"], href: nil)],
            request: request)
    }

    @Sendable func documents(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let parameters = request.uri.queryParameters
        let filter = DocumentService.Filter(
            documentType: parameters.get("type").flatMap { $0.isEmpty ? nil : $0 },
            publisher: parameters.get("utgiver").flatMap { $0.isEmpty ? nil : $0 }, year: parameters.get("ar").flatMap(Int.init))
        let result = try await services.documents.browse(filter, groups: [], as: .anonymous)
        let model = DocumentIndex.Model(
            summary: texts.format("documents_summary", ["count": String(result.documents.count)]),
            types: result.types.map { .init(value: $0, selected: $0 == filter.documentType) },
            publishers: result.publishers.map { .init(value: $0, selected: $0 == filter.publisher) },
            years: result.years.map { .init(value: String($0), selected: $0 == filter.year) },
            documents: result.documents.map {
                .init(
                    href: SiteRoute.document($0.identifier).path, title: $0.title, type: $0.documentType,
                    publisher: $0.publisher, year: $0.year, pages: $0.pages.count)
            })
        return renderer.page(
            "documents", model: model, title: texts["documents_heading"], section: .documents,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_documents"], href: nil)],
            request: request)
    }

    @Sendable func document(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let document = try await services.documents.document(
            identifier: try context.parameters.require("id"), groups: [], as: .anonymous)
        let model = DocumentShow.model(
            document, page: request.uri.queryParameters.get("side").flatMap(Int.init) ?? 1,
            quote: request.uri.queryParameters.get("sitat"))
        return renderer.page(
            "document", model: model, title: document.title, section: .documents,
            breadcrumbs: [
                Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_documents"], href: SiteRoute.documents.path),
                Crumb(label: document.title, href: nil),
            ], request: request)
    }
}
