import Hummingbird
import KompetanseServices
import Logging

/// The web application as a library, so tests drive it in-process and the CLI serves it.
public enum WebApplication {
    /// The router with every page and API route and the shared middleware.
    public static func buildRouter(services: AppServices) async throws -> Router<BasicRequestContext> {
        let renderer = try await PageRenderer.load()
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(renderer: renderer))
        PageController(services: services, renderer: renderer).register(on: router)
        APIController(services: services).register(on: router)
        return router
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
