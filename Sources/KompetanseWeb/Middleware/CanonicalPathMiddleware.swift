import HTTPTypes
import Hummingbird

/// Sends a request whose path has doubled slashes or backslashes (`//tiltak`, `/\host/x`) to the same path written
/// plainly, so no page is ever rendered under a path that a browser would read as another site.
struct CanonicalPathMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        let local = SiteRoute.localPath(path)
        guard local != path else { return try await next(request, context) }
        guard request.method == .get || request.method == .head else { return Response(status: .notFound) }
        return Response(
            status: .permanentRedirect, headers: [.location: local + (request.uri.query.map { "?" + $0 } ?? "")])
    }
}
