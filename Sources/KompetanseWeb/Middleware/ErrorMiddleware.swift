import Hummingbird
import KompetanseServices
import Logging

/// Turns every error into a friendly page (or a JSON error under `/api`), never leaking internals:
/// missing things are 404, malformed requests 400, anything else is logged and shown as 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = SiteContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = classify(error, request: request, context: context)
            var headers: HTTPFields = [:]
            if case ServiceError.tooManyAttempts(let seconds) = error { headers[.retryAfter] = String(seconds) }
            if request.uri.path.hasPrefix(APIRoute.base) {
                if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
                var response =
                    (try? JSONResponse.make(["error": ["status": String(status.code), "message": message]], status: status))
                    ?? Response(status: status)
                response.headers.append(contentsOf: headers)
                return response
            }
            // A page that needs sign-in sends the visitor to the sign-in form and back again afterwards.
            if status == .unauthorized, request.method == .get {
                let back = SiteRoute.localPath(request.uri.path) + (request.uri.query.map { "?" + $0 } ?? "")
                return Response(
                    status: .seeOther, headers: [.location: SiteRoute.signIn.path + SiteRoute.query([("neste", back)])])
            }
            var response = errorPage(status: status, message: message, request: request, context: context)
            response.headers.append(contentsOf: headers)
            return response
        }
    }

    private func classify(_ error: any Error, request: Request, context: Context) -> (HTTPResponse.Status, String) {
        let texts = renderer.texts(for: request.uiLanguage)
        switch error {
        case ServiceError.notFound(let what):
            return (.notFound, request.uri.path.hasPrefix(APIRoute.base) ? "fant ikke \(what)" : texts["error_not_found_message"])
        case ServiceError.invalidInput(let message):
            return (.badRequest, message)
        case ServiceError.unauthenticated:
            return (.unauthorized, String(describing: error))
        case ServiceError.forbidden, ServiceError.tooManyAttempts:
            return (Self.status(of: error), String(describing: error))
        case ServiceError.conflict(let message):
            return (.conflict, message)
        case let failure as ImportFailure:
            return (.badRequest, failure.description)
        case let error as HTTPError where error.status == .notFound:
            return (.notFound, request.uri.path.hasPrefix(APIRoute.base) ? "fant ingen side på denne adressen" : texts["error_not_found_message"])
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return (error.status, error.body ?? error.status.reasonPhrase)
        default:
            context.logger.error("Feil ved \(request.method) \(request.uri.path): \(String(reflecting: error))")
            return (.internalServerError, texts["error_server_message"])
        }
    }

    private static func status(of error: any Error) -> HTTPResponse.Status {
        if case ServiceError.tooManyAttempts = error { return .tooManyRequests }
        return .forbidden
    }

    func errorPage(status: HTTPResponse.Status, message: String, request: Request, context: SiteContext) -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let (titleKey, headingKey): (String, String) =
            switch status.code {
            case 404: ("error_not_found_title", "error_not_found_heading")
            case 401, 403: ("error_forbidden_title", "error_forbidden_heading")
            case 400..<500: ("error_bad_request_title", "error_bad_request_heading")
            default: ("error_server_title", "error_server_heading")
            }
        return renderer.page(
            "error", model: ErrorShow.Model(heading: texts[headingKey], message: message), title: texts[titleKey],
            section: .none, request: request, context: context, status: status)
    }
}
