import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import KompetanseDomain
import KompetanseServices

/// Names of the cookies the site sets.
enum CookieName {
    /// The sign-in session (secret; the server keeps only its hash).
    static let session = "kb_session"
    /// The anonymous visitor's CSRF token (double-submit).
    static let csrf = "kb_csrf"
}

/// Resolves who is asking, once per request. Pages use the session cookie; the JSON API uses only
/// `Authorization: Bearer` tokens, so no cookie can make a cross-site API call on someone's behalf.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = SiteContext
    let services: AppServices
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if request.uri.path.hasPrefix(APIRoute.base) {
            if let header = request.headers[.authorization] {
                guard header.lowercased().hasPrefix("bearer "),
                    let principal = try await services.accounts.principal(apiToken: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
                else { throw HTTPError(.unauthorized, message: "ugyldig, ukjent eller tilbakekalt API-nøkkel") }
                context.principal = principal
                context.viaToken = true
            }
            return try await next(request, context)
        }
        if let secret = request.cookies[CookieName.session]?.value,
            let (principal, session) = try await services.accounts.principal(sessionSecret: secret)
        {
            context.principal = principal
            context.session = session
            context.sessionSecret = secret
            context.csrfToken = session.csrfToken
        } else if let token = request.cookies[CookieName.csrf]?.value, token.count == 43 {
            context.csrfToken = token
        } else {
            context.csrfToken = Secrets.make()
            context.issuesCSRFCookie = true
        }
        var response = try await next(request, context)
        if context.issuesCSRFCookie {
            response.setCookie(
                Cookie(
                    name: CookieName.csrf, value: context.csrfToken, path: "/", secure: secureCookies, httpOnly: true,
                    sameSite: .lax))
        }
        return response
    }
}

/// Refuses every state-changing form whose `_csrf` field does not match the visitor's token, before the route
/// runs. The API is exempt because it ignores cookies (see ``AuthenticationMiddleware``).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = SiteContext
    /// Largest form body read (forms carry text, never files).
    static let maximumFormBytes = 256 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method != .get, request.method != .head, !request.uri.path.hasPrefix(APIRoute.base) else {
            return try await next(request, context)
        }
        var request = request
        let body = try await request.collectBody(upTo: Self.maximumFormBytes)
        let fields = URI("/?" + String(buffer: body)).formParameters
        guard let sent = fields.get("_csrf"), !context.csrfToken.isEmpty, !context.issuesCSRFCookie,
            Secrets.constantTimeEquals(sent, context.csrfToken)
        else {
            throw HTTPError(.forbidden, message: "skjemaet er utløpt eller kom fra et annet nettsted; last siden på nytt og prøv igjen")
        }
        return try await next(request, context)
    }
}

extension Request {
    /// The form fields of a URL-encoded POST body (the CSRF middleware has already buffered it).
    func formFields(context: SiteContext) async throws -> [String: String] {
        var request = self
        let body = try await request.collectBody(upTo: CSRFMiddleware.maximumFormBytes)
        var fields: [String: String] = [:]
        for (name, value) in URI("/?" + String(buffer: body)).formParameters {
            fields[String(name)] = String(value)
        }
        return fields
    }
}
