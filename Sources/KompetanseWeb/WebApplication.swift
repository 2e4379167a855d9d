import Hummingbird
import KompetanseServices
import Logging

/// The web application as a library, so tests drive it in-process and the CLI serves it.
public enum WebApplication {
    /// The router with every page and API route and the shared middleware, answering HEAD like GET.
    public static func buildRouter(services: AppServices) async throws -> SiteRouter {
        SiteRouter(router: try await buildGetRouter(services: services))
    }

    static func buildGetRouter(services: AppServices) async throws -> Router<SiteContext> {
        let renderer = try await PageRenderer.load()
        let router = Router(context: SiteContext.self)
        let secureCookies = services.configuration.publicURL.hasPrefix("https://")
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: CanonicalPathMiddleware())
        router.add(middleware: ErrorMiddleware(renderer: renderer))
        router.add(middleware: AuthenticationMiddleware(services: services, secureCookies: secureCookies))
        router.add(middleware: CSRFMiddleware())
        PageController(services: services, renderer: renderer).register(on: router)
        AccountController(services: services, renderer: renderer, secureCookies: secureCookies).register(on: router)
        AdminController(services: services, renderer: renderer).register(on: router)
        AssessmentController(services: services, renderer: renderer).register(on: router)
        APIController(services: services).register(on: router)
        // Liveness for operators and load balancers; also the plain route `make bench` compares pages against.
        router.get(RouterPath("/helse")) { _, _ in "ok" }
        router.get(RouterPath(APIRoute.base + "/openapi.json")) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: renderer.openAPI)))
        }
        DocumentController(services: services, renderer: renderer).register(on: router)
        return router
    }

    /// Every route as "METHOD /path" with parameters written `{name}` as in OpenAPI, for checks and docs.
    public static func routeList(services: AppServices) async throws -> [String] {
        try await buildGetRouter(services: services).routes.map { route in
            let path = route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return "\(route.method) /\(path)"
        }.sorted()
    }

    /// The application listening on a host and port.
    public static func build(
        services: AppServices, host: String = "127.0.0.1", port: Int = 8080,
        logger: Logger = Logger(label: "kompetansebro.web"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let router = try await buildRouter(services: services)
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "Kompetansebro"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}

/// The site's router: HEAD requests are answered by the GET route with the body left out, and a known path
/// asked with a method it does not have gets 405 with `Allow`, not 404.
public struct SiteRouter: HTTPResponderBuilder {
    let router: Router<SiteContext>

    public func buildResponder() -> HeadAsGetResponder<Router<SiteContext>.Responder> {
        var methods: [[String]: Set<String>] = [:]
        for route in router.routes {
            let parts = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "*" : String($0) }
            methods[parts, default: []].insert(route.method.rawValue)
        }
        return HeadAsGetResponder(base: router.buildResponder(), methods: methods)
    }
}

/// Routes HEAD to GET and drops the body, keeping status and headers (RFC 9110 §9.3.2).
public struct HeadAsGetResponder<Base: HTTPResponder>: HTTPResponder {
    let base: Base
    /// Route patterns (parameters as `*`) and their methods.
    let methods: [[String]: Set<String>]

    /// The methods a concrete path has, when it matches a route pattern.
    func allowedMethods(for path: String) -> Set<String>? {
        let parts = path.split(separator: "/").map(String.init)
        var allowed: Set<String>?
        for (pattern, methods) in self.methods where pattern.count == parts.count {
            if zip(pattern, parts).allSatisfy({ $0 == "*" || $0 == $1 }) { allowed = (allowed ?? []).union(methods) }
        }
        return allowed
    }

    public func respond(to request: Request, context: Base.Context) async throws -> Response {
        guard request.method == .head else {
            let response = try await base.respond(to: request, context: context)
            if response.status == .notFound, let allowed = allowedMethods(for: request.uri.path),
                !allowed.contains(request.method.rawValue)
            {
                let allow = allowed.sorted().joined(separator: ", ")
                let message = "metoden \(request.method.rawValue) brukes ikke her; tillatt: \(allow)"
                let isAPI = request.uri.path.hasPrefix(APIRoute.base)
                let body =
                    isAPI
                    ? #"{"error":{"message":"\#(message)","status":"405"}}"# : message
                return Response(
                    status: .methodNotAllowed,
                    headers: [
                        .allow: allow,
                        .contentType: isAPI ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
                    ] + SecurityHeadersMiddleware<SiteContext>.headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
            }
            return response
        }
        var head = request.head
        head.method = .get
        var response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        response.body = ResponseBody()
        return response
    }
}
