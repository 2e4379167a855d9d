import Hummingbird
import KompetanseServices
import Logging

/// Turns every error into a friendly page (or a JSON error under `/api`), never leaking internals:
/// missing things are 404, malformed requests 400, anything else is logged and shown as 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = classify(error, request: request, context: context)
            if request.uri.path.hasPrefix(APIRoute.base) {
                return (try? JSONResponse.make(
                    ["error": ["status": String(status.code), "message": message]], status: status))
                    ?? Response(status: status)
            }
            return errorPage(status: status, message: message, request: request)
        }
    }

    private func classify(_ error: any Error, request: Request, context: Context) -> (HTTPResponse.Status, String) {
        let texts = renderer.texts(for: request.uiLanguage)
        switch error {
        case ServiceError.notFound(let what):
            return (.notFound, request.uri.path.hasPrefix(APIRoute.base) ? "fant ikke \(what)" : texts["error_not_found_message"])
        case ServiceError.invalidInput(let message):
            return (.badRequest, message)
        case let error as HTTPError where error.status == .notFound:
            return (.notFound, request.uri.path.hasPrefix(APIRoute.base) ? "fant ingen side på denne adressen" : texts["error_not_found_message"])
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return (error.status, error.body ?? error.status.reasonPhrase)
        default:
            context.logger.error("Feil ved \(request.method) \(request.uri.path): \(String(reflecting: error))")
            return (.internalServerError, texts["error_server_message"])
        }
    }

    func errorPage(status: HTTPResponse.Status, message: String, request: Request) -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let (titleKey, headingKey): (String, String) =
            switch status.code {
            case 404: ("error_not_found_title", "error_not_found_heading")
            case 400..<500: ("error_bad_request_title", "error_bad_request_heading")
            default: ("error_server_title", "error_server_heading")
            }
        return renderer.page(
            "error", model: ErrorShow.Model(heading: texts[headingKey], message: message), title: texts[titleKey],
            section: .none, request: request, status: status)
    }
}
