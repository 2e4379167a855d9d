import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

/// The question page, the document browser and the document view; the API twins are in `APIController+Ask`.
/// Without sign-in (see the accounts issue) every visitor is an anonymous asker: public documents only.
struct DocumentController: Sendable {
    let services: AppServices
    let renderer: PageRenderer

    func register(on router: Router<SiteContext>) {
        router.get(RouterPath(SiteRoute.ask.path), use: ask)
        router.get(RouterPath(SiteRoute.documents.path), use: documents)
        router.get(RouterPath("/dokumenter/:id"), use: document)
        router.post(RouterPath(SiteRoute.feedback.path), use: submitFeedback)
        router.get(RouterPath(SiteRoute.feedbackList.path), use: feedbackList)
    }

    struct FeedbackForm: Decodable {
        let target: String
        let reference: String
        let verdict: String?
        let comment: String?
        let back: String?
    }

    /// Stores feedback from a form and sends the user back to the page it came from (post/redirect/get).
    @Sendable func submitFeedback(_ request: Request, context: SiteContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 64 * 1024)
        let form: FeedbackForm
        do {
            form = try URLEncodedFormDecoder().decode(FeedbackForm.self, from: String(buffer: body))
        } catch {
            throw HTTPError(.badRequest, message: "skjemaet mangler felt (target, reference, verdict)")
        }
        _ = try await services.feedback.submit(
            target: form.target, reference: form.reference, verdict: form.verdict ?? "", comment: form.comment ?? "",
            as: context.principal)
        // Only a path on this site is followed, so the form cannot be used to send people elsewhere.
        var back = AccountController.safeLocalPath(form.back) ?? "/"
        back += (back.contains("?") ? "&" : "?") + "takk=1"
        return Response(status: .seeOther, headers: [.location: back])
    }

    @Sendable func feedbackList(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let items = try await services.feedback.all(as: context.principal)
        let model = FeedbackIndex.Model(
            summary: texts.format("feedback_summary", ["count": String(items.count)]),
            items: items.map {
                .init(createdAt: $0.createdAt, target: $0.target.rawValue, reference: $0.reference, verdict: $0.verdict.rawValue, comment: $0.comment)
            })
        return renderer.page(
            "feedback_list", model: model, title: texts["feedback_list_title"], section: .none,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["feedback_list_title"], href: nil)],
            request: request, context: context)
    }

    @Sendable func ask(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let question = String((request.uri.formParameters.get("sporsmal") ?? "").prefix(2_000))
        var answer: Answer?
        var titles: [String: String] = [:]
        if !question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            answer = try await services.documents.ask(question, as: context.principal)
            titles = try await services.documents.titles(of: answer?.citations.map(\.document) ?? [], as: context.principal)
        }
        var model = AskShow.model(question: question, answer: answer, titles: titles)
        model.thanks = request.uri.formParameters.get("takk") != nil
        if answer != nil {
            model.feedback = FeedbackTarget(
                target: "svar", reference: question, back: SiteRoute.ask.path + SiteRoute.query([("sporsmal", question)]))
        }
        return renderer.page(
            "ask", model: model, title: texts["ask_title"],
            section: .ask, breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_ask"], href: nil)],
            request: request, context: context)
    }

    /// Documents per page of the list.
    static let perPage = 50

    @Sendable func documents(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let parameters = request.uri.formParameters
        let filter = DocumentService.Filter(
            documentType: parameters.get("type").flatMap { $0.isEmpty ? nil : $0 },
            publisher: parameters.get("utgiver").flatMap { $0.isEmpty ? nil : $0 }, year: parameters.get("ar").flatMap(Int.init))
        let page = try AssessmentController.integer(parameters.get("side"), name: "side") ?? 1
        let result = try await services.documents.browse(filter, page: page, perPage: Self.perPage, as: context.principal)
        let pages = max(1, (result.total + Self.perPage - 1) / Self.perPage)
        func link(_ target: Int) -> String {
            var items: [(String, String)] = []
            for (name, value) in parameters where name != "side" && name != "lang" { items.append((String(name), String(value))) }
            items.append(("side", String(target)))
            return SiteRoute.documents.path + SiteRoute.query(items)
        }
        let model = DocumentIndex.Model(
            summary: texts.format("documents_summary", ["count": String(result.total)]),
            types: result.types.map { .init(value: $0, selected: $0 == filter.documentType) },
            publishers: result.publishers.map { .init(value: $0, selected: $0 == filter.publisher) },
            years: result.years.map { .init(value: String($0), selected: $0 == filter.year) },
            documents: result.items.map {
                .init(
                    href: SiteRoute.document($0.identifier).path, title: $0.title, type: $0.documentType,
                    publisher: $0.publisher, year: $0.year, pages: $0.pageCount)
            },
            pager: pages > 1
                ? .init(
                    position: texts.format("documents_page", ["page": String(page), "pages": String(pages)]),
                    previous: page > 1 ? link(page - 1) : nil, next: page < pages ? link(page + 1) : nil) : nil)
        return renderer.page(
            "documents", model: model, title: texts["documents_heading"], section: .documents,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_documents"], href: nil)],
            request: request, context: context)
    }

    @Sendable func document(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let document = try await services.documents.document(
            identifier: try context.parameters.require("id"), as: context.principal)
        var model = DocumentShow.model(
            document, page: request.uri.formParameters.get("side").flatMap(Int.init) ?? 1,
            quote: request.uri.formParameters.get("sitat"))
        model.thanks = request.uri.formParameters.get("takk") != nil
        if let series = try await services.documents.series(of: document.identifier, as: context.principal) {
            model.series = series.members.map {
                .init(href: SiteRoute.document($0.identifier).path, title: $0.title, year: $0.year, current: $0.identifier == document.identifier)
            }
            model.hasSeries = true
        }
        let pageLink = SiteRoute.document(document.identifier).path + SiteRoute.query([("side", String(model.pageNumber))])
        model.feedback = FeedbackTarget(target: "dokument", reference: "\(document.identifier) side \(model.pageNumber)", back: pageLink)
        return renderer.page(
            "document", model: model, title: document.title, section: .documents,
            breadcrumbs: [
                Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_documents"], href: SiteRoute.documents.path),
                Crumb(label: document.title, href: nil),
            ], request: request, context: context)
    }
}
