import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

/// Sign-in, sign-out, the account page (password, API tokens) and invitations.
struct AccountController: Sendable {
    let services: AppServices
    let renderer: PageRenderer
    let secureCookies: Bool

    func register(on router: Router<SiteContext>) {
        router.get(RouterPath(SiteRoute.signIn.path), use: signInForm)
        router.post(RouterPath(SiteRoute.signIn.path), use: signIn)
        router.post(RouterPath(SiteRoute.signOut.path), use: signOut)
        router.get(RouterPath(SiteRoute.account.path), use: account)
        router.post(RouterPath(SiteRoute.accountPassword.path), use: changePassword)
        router.post(RouterPath(SiteRoute.accountTokens.path), use: createToken)
        router.post(RouterPath("/konto/nokler/:id/trekk-tilbake"), use: revokeToken)
        router.get(RouterPath(SiteRoute.oidcStart.path), use: oidcStart)
        router.get(RouterPath(SiteRoute.oidcCallback.path), use: oidcCallback)
        router.get(RouterPath("/invitasjon/:secret"), use: invitation)
        router.post(RouterPath("/invitasjon/:secret"), use: acceptInvitation)
    }

    // MARK: Sign-in

    @Sendable func signInForm(_ request: Request, context: SiteContext) async throws -> Response {
        let next = Self.safeLocalPath(request.uri.formParameters.get("neste"))
        if context.principal.isSignedIn { return Self.redirect(to: next ?? SiteRoute.account.path) }
        return signInPage(request: request, context: context, email: "", next: next, error: nil, status: .ok)
    }

    func signInPage(
        request: Request, context: SiteContext, email: String, next: String?, error: String?, status: HTTPResponse.Status
    ) -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let oidc = services.configuration.oidc.map { settings in
            SignInShow.Provider(
                name: settings.displayName,
                href: SiteRoute.oidcStart.path + SiteRoute.query(next.map { [("neste", $0)] } ?? []))
        }
        let model = SignInShow.Model(email: email, next: next ?? "", error: error, provider: oidc)
        return renderer.page(
            "sign_in", model: model, title: texts["sign_in_title"], section: .account,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["sign_in_title"], href: nil)],
            request: request, context: context, status: status)
    }

    @Sendable func signIn(_ request: Request, context: SiteContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        let email = String((fields["email"] ?? "").prefix(254))
        let next = Self.safeLocalPath(fields["neste"])
        do {
            let signedIn = try await services.accounts.signIn(
                email: email, password: fields["password"] ?? "", address: context.remoteAddress)
            return sessionStarted(signedIn, redirectTo: next ?? SiteRoute.account.path)
        } catch let error as ServiceError {
            let status: HTTPResponse.Status
            switch error {
            case .tooManyAttempts: status = .tooManyRequests
            default: status = .badRequest
            }
            var response = signInPage(
                request: request, context: context, email: email, next: next, error: error.description, status: status)
            if case .tooManyAttempts(let seconds) = error { response.headers[.retryAfter] = String(seconds) }
            return response
        }
    }

    /// Sets the session cookie and redirects (post/redirect/get).
    func sessionStarted(_ signedIn: AccountService.SignedIn, redirectTo path: String) -> Response {
        var response = Self.redirect(to: path)
        response.setCookie(
            Cookie(
                name: CookieName.session, value: signedIn.secret, maxAge: Int(AccountService.sessionLifetime), path: "/",
                secure: secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func signOut(_ request: Request, context: SiteContext) async throws -> Response {
        if let secret = context.sessionSecret { try await services.accounts.signOut(secret: secret, as: context.principal) }
        var response = Self.redirect(to: "/")
        response.setCookie(
            Cookie(name: CookieName.session, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    // MARK: OpenID Connect

    /// The cookie that ties a provider's answer to the browser that started the sign-in.
    static let oidcStateCookie = "kb_oidc_state"

    @Sendable func oidcStart(_ request: Request, context: SiteContext) async throws -> Response {
        guard let oidc = services.oidc else { throw ServiceError.notFound("innlogging med ekstern leverandør (ikke satt opp)") }
        let start: OIDCService.Start
        do {
            start = try await oidc.start(next: Self.safeLocalPath(request.uri.formParameters.get("neste")))
        } catch let error as OIDCError {
            return signInPage(request: request, context: context, email: "", next: nil, error: error.description, status: .badGateway)
        }
        var response = Self.redirect(to: start.url)
        response.setCookie(
            Cookie(
                name: Self.oidcStateCookie, value: start.state, maxAge: 600, path: SiteRoute.oidcCallback.path,
                secure: secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func oidcCallback(_ request: Request, context: SiteContext) async throws -> Response {
        guard let oidc = services.oidc else { throw ServiceError.notFound("innlogging med ekstern leverandør (ikke satt opp)") }
        let parameters = request.uri.formParameters
        do {
            let (signedIn, next) = try await oidc.finish(
                code: parameters.get("code"), state: parameters.get("state"), error: parameters.get("error"),
                cookieState: request.cookies[Self.oidcStateCookie]?.value)
            var response = sessionStarted(signedIn, redirectTo: next ?? SiteRoute.account.path)
            response.setCookie(
                Cookie(name: Self.oidcStateCookie, value: "", maxAge: 0, path: SiteRoute.oidcCallback.path, secure: secureCookies, httpOnly: true, sameSite: .lax))
            return response
        } catch let error as OIDCError {
            return signInPage(request: request, context: context, email: "", next: nil, error: error.description, status: .badRequest)
        }
    }

    // MARK: Account

    @Sendable func account(_ request: Request, context: SiteContext) async throws -> Response {
        try await accountPage(request: request, context: context, newToken: nil, error: nil, status: .ok)
    }

    func accountPage(
        request: Request, context: SiteContext, newToken: String?, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        try context.requireSignedIn()
        let texts = renderer.texts(for: request.uiLanguage)
        let principal = context.principal
        let organisations = try await services.organisations.organisations(as: principal)
            .filter { principal.organisations[$0.identifier] != nil }
        let tokens = try await services.accounts.tokens(as: principal)
        let parameters = request.uri.formParameters
        let notice: String? =
            parameters.get("endret") != nil ? texts["account_password_changed"]
            : parameters.get("trukket") != nil ? texts["account_token_revoked"] : nil
        let model = AccountShow.Model(
            name: principal.name, roles: principal.roles.sorted().map { texts["role_" + $0.rawValue] },
            providers: principal.providers.sorted(), accessGroups: principal.accessGroups.sorted(),
            organisations: organisations.map {
                .init(href: SiteRoute.organisation($0.identifier).path, name: $0.name,
                      role: texts["org_role_" + (principal.organisations[$0.identifier]?.rawValue ?? "member")])
            },
            tokens: tokens.map {
                .init(label: $0.label, prefix: $0.prefix, createdAt: $0.createdAt, revokedAt: $0.revokedAt,
                      revokeHref: $0.revokedAt == nil ? SiteRoute.revokeToken($0.identifier).path : nil)
            },
            newToken: newToken, error: error, notice: notice)
        return renderer.page(
            "account", model: model, title: texts["account_title"], section: .account,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["account_title"], href: nil)],
            request: request, context: context, status: status, isPrivate: true)
    }

    @Sendable func changePassword(_ request: Request, context: SiteContext) async throws -> Response {
        try context.requireSignedIn()
        let fields = try await request.formFields(context: context)
        let new = fields["new_password"] ?? ""
        guard new == fields["repeat_password"] else {
            return try await accountPage(
                request: request, context: context, newToken: nil,
                error: renderer.texts(for: request.uiLanguage)["account_password_mismatch"], status: .badRequest)
        }
        do {
            try await services.accounts.changePassword(
                current: fields["current_password"] ?? "", new: new, keeping: context.sessionSecret, as: context.principal)
        } catch ServiceError.invalidInput(let message) {
            return try await accountPage(request: request, context: context, newToken: nil, error: message, status: .badRequest)
        }
        return Self.redirect(to: SiteRoute.account.path + "?endret=1")
    }

    @Sendable func createToken(_ request: Request, context: SiteContext) async throws -> Response {
        try context.requireSignedIn()
        let fields = try await request.formFields(context: context)
        do {
            let (secret, _) = try await services.accounts.createToken(label: fields["label"] ?? "", as: context.principal)
            // The secret is shown in this one response and never again; it is not put in a redirect URL.
            return try await accountPage(request: request, context: context, newToken: secret, error: nil, status: .ok)
        } catch ServiceError.invalidInput(let message) {
            return try await accountPage(request: request, context: context, newToken: nil, error: message, status: .badRequest)
        }
    }

    @Sendable func revokeToken(_ request: Request, context: SiteContext) async throws -> Response {
        try context.requireSignedIn()
        try await services.accounts.revokeToken(identifier: try context.parameters.require("id"), as: context.principal)
        return Self.redirect(to: SiteRoute.account.path + "?trukket=1")
    }

    // MARK: Invitations

    @Sendable func invitation(_ request: Request, context: SiteContext) async throws -> Response {
        try await invitationPage(request: request, context: context, fields: [:], error: nil, status: .ok)
    }

    func invitationPage(
        request: Request, context: SiteContext, fields: [String: String], error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let secret = try context.parameters.require("secret")
        let (invitation, organisation) = try await services.organisations.openInvitation(secret: secret)
        let here = SiteRoute.invitation(secret).path
        let model = InvitationShow.Model(
            organisation: organisation.name, role: texts["org_role_" + invitation.role.rawValue], action: here,
            signedIn: context.principal.isSignedIn, name: context.principal.name,
            signInHref: SiteRoute.signIn.path + SiteRoute.query([("neste", here)]), email: fields["email"] ?? "",
            personName: fields["name"] ?? "", error: error)
        return renderer.page(
            "invitation", model: model, title: texts["invitation_title"], section: .organisations,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["invitation_title"], href: nil)],
            request: request, context: context, status: status, isPrivate: true)
    }

    @Sendable func acceptInvitation(_ request: Request, context: SiteContext) async throws -> Response {
        let secret = try context.parameters.require("secret")
        if context.principal.isSignedIn {
            let organisation = try await services.organisations.accept(secret: secret, as: context.principal)
            return Self.redirect(to: SiteRoute.organisation(organisation.identifier).path)
        }
        let fields = try await request.formFields(context: context)
        guard (fields["password"] ?? "") == (fields["repeat_password"] ?? "") else {
            return try await invitationPage(
                request: request, context: context, fields: fields,
                error: renderer.texts(for: request.uiLanguage)["account_password_mismatch"], status: .badRequest)
        }
        do {
            let (invitation, _) = try await services.organisations.openInvitation(secret: secret)
            let signedIn = try await services.organisations.acceptCreatingAccount(
                secret: secret, email: fields["email"] ?? "", name: fields["name"] ?? "", password: fields["password"] ?? "")
            return sessionStarted(signedIn, redirectTo: SiteRoute.organisation(invitation.organisationIdentifier).path)
        } catch let error as ServiceError {
            guard case .invalidInput = error else {
                if case .conflict = error {
                    return try await invitationPage(
                        request: request, context: context, fields: fields, error: error.description, status: .conflict)
                }
                throw error
            }
            return try await invitationPage(
                request: request, context: context, fields: fields, error: error.description, status: .badRequest)
        }
    }

    // MARK: Helpers

    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }

    /// A path on this site, or nil: a redirect target from a form must never send people elsewhere. Browsers drop
    /// tabs and newlines from URLs and read `\` as `/`, so any control character or backslash is refused too.
    static func safeLocalPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), path.count <= 2_000,
            !path.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control })
        else { return nil }
        return path
    }
}
