import Hummingbird
import KompetanseDomain
import KompetanseStore
import KompetanseServices
import NIOCore

/// The request context of every route: who is asking (resolved once by ``AuthenticationMiddleware``), their
/// session, and the token forms must carry.
public struct SiteContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The acting principal; anonymous until the authentication middleware says otherwise.
    var principal: Principal = .anonymous
    /// The browser's session, when signed in with a cookie.
    var session: SessionRecord?
    /// The session cookie's secret, so sign-out and password change can name the session.
    var sessionSecret: String?
    /// Whether the principal came from an API token (no cookies, so no CSRF check).
    var viaToken = false
    /// The token every POST form must echo (the session's, or the anonymous visitor's cookie).
    var csrfToken = ""
    /// Set when a new anonymous CSRF cookie must be sent with the response.
    var issuesCSRFCookie = false
    /// The client's address, for rate limits.
    let remoteAddress: String

    /// Creates the context for a request arriving on a channel.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "ukjent"
    }

    /// Fails with "sign in" for anonymous visitors.
    func requireSignedIn() throws {
        guard principal.isSignedIn else { throw KompetanseServices.ServiceError.unauthenticated }
    }
}
