import Foundation
import KompetanseDomain
import KompetanseStore

/// People, sign-in sessions, API tokens and passwords. Access rules are asked of ``Principal/can(_:)``.
public final class AccountService: Sendable {
    let store: any Store
    let clock: any Clock
    let hasher: any PasswordHasher
    let audit: AuditLog
    private let throttle = LoginThrottle()
    // A hash of a random string, checked when the account does not exist so timing does not reveal that.
    private let decoyHash: String

    /// How long a sign-in lasts.
    public static let sessionLifetime: TimeInterval = 12 * 3600

    init(store: any Store, clock: any Clock, hasher: any PasswordHasher, audit: AuditLog) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
        self.audit = audit
        self.decoyHash = hasher.hash(Secrets.make())
    }

    /// A started session: the secret goes into the browser's cookie, the record stays on the server.
    public struct SignedIn: Sendable {
        /// The cookie value.
        public var secret: String
        /// The stored session.
        public var session: SessionRecord
        /// Who signed in.
        public var person: Person
    }

    // MARK: People

    /// Creates an account. Administrators (and the CLI) only; the password must follow ``PasswordPolicy``.
    public func createPerson(
        email: String, name: String, password: String?, roles: Set<SystemRole> = [], as principal: Principal
    ) async throws -> Person {
        try principal.require(.administer, "opprette brukere")
        return try await insertPerson(email: email, name: name, password: password, roles: roles, by: principal)
    }

    func insertPerson(
        email: String, name: String, password: String?, roles: Set<SystemRole>, by principal: Principal
    ) async throws -> Person {
        let email = Person.normalisedEmail(email)
        guard Person.isPlausibleEmail(email) else { throw ServiceError.invalidInput("«\(email)» er ikke en gyldig e-postadresse") }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw ServiceError.invalidInput("navnet mangler eller er for langt") }
        if let password, let problem = PasswordPolicy.problem(with: password, email: email) {
            throw ServiceError.invalidInput(problem)
        }
        let person = Person(
            identifier: UUID().uuidString.lowercased(), email: email, name: name, roles: roles, createdAt: clock.timestamp())
        do {
            try await store.accounts.createPerson(person, passwordHash: password.map(hasher.hash))
        } catch StoreError.conflict(let what) {
            throw ServiceError.conflict("\(what) finnes allerede")
        }
        try await audit.record(
            "person.create", by: principal, kind: "person", target: email,
            detail: roles.isEmpty ? "" : "roller: " + roles.sorted().map(\.rawValue).joined(separator: ", "))
        return person
    }

    /// Closes or reopens an account (administrators only; never one's own). Closing ends every session and
    /// revokes every API token at once; the person cannot sign in until the account is reopened. Audited.
    public func setDisabled(personIdentifier: String, disabled: Bool, as principal: Principal) async throws -> Person {
        try principal.require(.administer, "stenge kontoer")
        guard var person = try await store.accounts.person(identifier: personIdentifier) else {
            throw ServiceError.notFound("brukeren")
        }
        guard person.identifier != principal.personIdentifier else {
            throw ServiceError.invalidInput("du kan ikke stenge din egen konto")
        }
        guard person.isDisabled != disabled else { return person }
        person.disabledAt = disabled ? clock.timestamp() : nil
        try await store.accounts.updatePerson(person)
        if disabled {
            try await store.accounts.deleteSessions(personIdentifier: person.identifier, except: nil)
            try await store.accounts.revokeTokens(personIdentifier: person.identifier, at: clock.timestamp())
        }
        try await audit.record(disabled ? "person.disable" : "person.enable", by: principal, kind: "person", target: person.email)
        return person
    }

    /// Every person (administrators only).
    public func people(as principal: Principal) async throws -> [Person] {
        try principal.require(.administer, "se brukerne")
        return try await store.accounts.people()
    }

    /// Sets a person's system roles, providers and access groups (administrators only); audited.
    public func setAccess(
        personIdentifier: String, roles: Set<SystemRole>, providers: Set<String>, accessGroups: Set<String>,
        as principal: Principal
    ) async throws -> Person {
        try principal.require(.administer, "endre roller")
        guard var person = try await store.accounts.person(identifier: personIdentifier) else {
            throw ServiceError.notFound("brukeren")
        }
        for name in providers.union(accessGroups) where name.isEmpty || name.count > 100 || name.contains(",") {
            throw ServiceError.invalidInput("ugyldig navn på tilbyder eller tilgangsgruppe: «\(name)»")
        }
        let before = Self.describeAccess(person)
        person.roles = roles
        person.providers = providers
        person.accessGroups = accessGroups
        try await store.accounts.updatePerson(person)
        try await audit.record(
            "role.change", by: principal, kind: "person", target: person.email,
            detail: "\(before) → \(Self.describeAccess(person))")
        return person
    }

    static func describeAccess(_ person: Person) -> String {
        let roles = person.roles.sorted().map(\.rawValue).joined(separator: "+")
        let providers = person.providers.sorted().joined(separator: "+")
        let groups = person.accessGroups.sorted().joined(separator: "+")
        return "roller [\(roles)] tilbydere [\(providers)] tilgangsgrupper [\(groups)]"
    }

    // MARK: Sessions

    /// Signs in with e-mail and password. Failures are counted per account and per address; past the limits the
    /// answer is ``ServiceError/tooManyAttempts(retryAfter:)`` even for the right password.
    public func signIn(email: String, password: String, address: String) async throws -> SignedIn {
        let email = Person.normalisedEmail(email)
        let now = clock.now().timeIntervalSince1970
        let keys = [LoginThrottle.accountKey(email), LoginThrottle.addressKey(address)]
        let failures = try await store.accounts.loginFailures(keys: keys, since: now - throttle.window)
        if let wait = throttle.retryAfter(account: email, address: address, failures: failures, now: now) {
            try await audit.record("session.throttled", by: Principal(kind: .anonymous, name: email), kind: "person", target: email, detail: address)
            throw ServiceError.tooManyAttempts(retryAfter: Int(wait.rounded(.up)))
        }
        let person = try await store.accounts.person(email: email)
        var hash: String?
        if let person { hash = try await store.accounts.passwordHash(personIdentifier: person.identifier) }
        let matches = hasher.verify(password, hash: hash ?? decoyHash)
        guard let person, hash != nil, matches else {
            try await store.accounts.recordLoginFailure(keys: keys, at: now, forgetBefore: now - throttle.window)
            try await audit.record("session.failed", by: Principal(kind: .anonymous, name: email), kind: "person", target: email, detail: address)
            throw ServiceError.invalidInput("feil e-postadresse eller passord")
        }
        // Only someone who knows the password learns that the account is closed.
        guard !person.isDisabled else { throw Self.closedAccount }
        try await store.accounts.clearLoginFailures(key: LoginThrottle.accountKey(email))
        return try await startSession(for: person, method: "passord")
    }

    static let closedAccount = ServiceError.invalidInput("kontoen er stengt; ta kontakt med en administrator")

    /// Starts a session for a person who has proved who they are (password or OIDC).
    func startSession(for person: Person, method: String) async throws -> SignedIn {
        guard !person.isDisabled else { throw Self.closedAccount }
        let secret = Secrets.make()
        let now = clock.now()
        let session = SessionRecord(
            tokenHash: Secrets.hash(secret), personIdentifier: person.identifier, csrfToken: Secrets.make(),
            createdAt: now.formatted(.iso8601), expiresAt: now.addingTimeInterval(Self.sessionLifetime).formatted(.iso8601))
        try await store.accounts.createSession(session)
        try await audit.record(
            "session.login", by: Principal(kind: .user, name: person.email), kind: "person", target: person.email, detail: method)
        return SignedIn(secret: secret, session: session, person: person)
    }

    /// Ends the session whose secret the browser holds.
    public func signOut(secret: String, as principal: Principal) async throws {
        try await store.accounts.deleteSession(tokenHash: Secrets.hash(secret))
        if principal.isSignedIn {
            try await audit.record("session.logout", by: principal, kind: "person", target: principal.name)
        }
    }

    /// The principal and session behind a session cookie; `nil` when unknown or expired.
    public func principal(sessionSecret secret: String) async throws -> (Principal, SessionRecord)? {
        guard !secret.isEmpty, secret.count <= 200, let session = try await store.accounts.session(tokenHash: Secrets.hash(secret))
        else { return nil }
        guard session.expiresAt > clock.timestamp() else {
            try await store.accounts.deleteSession(tokenHash: session.tokenHash)
            return nil
        }
        guard let principal = try await principal(personIdentifier: session.personIdentifier) else { return nil }
        return (principal, session)
    }

    /// The principal behind an API token; `nil` when unknown or revoked.
    public func principal(apiToken secret: String) async throws -> Principal? {
        guard !secret.isEmpty, secret.count <= 200, let token = try await store.accounts.token(hash: Secrets.hash(secret)),
            token.revokedAt == nil
        else { return nil }
        return try await principal(personIdentifier: token.personIdentifier)
    }

    /// Everything the access rules need about a person; `nil` for an unknown or closed account, so a session or
    /// token of a closed account stops working at once.
    public func principal(personIdentifier: String) async throws -> Principal? {
        guard let person = try await store.accounts.person(identifier: personIdentifier), !person.isDisabled else { return nil }
        let memberships = try await store.accounts.memberships(personIdentifier: person.identifier)
        return Principal(
            kind: .user, name: person.email, personIdentifier: person.identifier, roles: person.roles,
            providers: person.providers,
            organisations: Dictionary(memberships.map { ($0.organisationIdentifier, $0.role) }, uniquingKeysWith: { a, _ in a }),
            groups: Set(memberships.flatMap(\.groups)), accessGroups: person.accessGroups)
    }

    /// Changes the signed-in person's password; their other sessions end.
    public func changePassword(current: String, new: String, keeping secret: String?, as principal: Principal) async throws {
        guard let identifier = principal.personIdentifier, let person = try await store.accounts.person(identifier: identifier) else {
            throw ServiceError.unauthenticated
        }
        let hash = try await store.accounts.passwordHash(personIdentifier: identifier)
        guard let hash, hasher.verify(current, hash: hash) else {
            throw ServiceError.invalidInput("det nåværende passordet er feil")
        }
        if let problem = PasswordPolicy.problem(with: new, email: person.email) { throw ServiceError.invalidInput(problem) }
        try await store.accounts.setPasswordHash(hasher.hash(new), personIdentifier: identifier)
        try await store.accounts.deleteSessions(personIdentifier: identifier, except: secret.map(Secrets.hash))
        try await audit.record("person.password", by: principal, kind: "person", target: person.email)
    }

    /// Sets a password without knowing the old one (the CLI, for a locked-out administrator).
    public func resetPassword(email: String, password: String, as principal: Principal) async throws {
        try principal.require(.administer, "sette passord for andre")
        guard let person = try await store.accounts.person(email: email) else { throw ServiceError.notFound("brukeren \(email)") }
        if let problem = PasswordPolicy.problem(with: password, email: person.email) { throw ServiceError.invalidInput(problem) }
        try await store.accounts.setPasswordHash(hasher.hash(password), personIdentifier: person.identifier)
        // A reset answers a lost or leaked password: every way in that the old holder may have is closed.
        try await store.accounts.deleteSessions(personIdentifier: person.identifier, except: nil)
        try await store.accounts.revokeTokens(personIdentifier: person.identifier, at: clock.timestamp())
        try await audit.record("person.password-reset", by: principal, kind: "person", target: person.email)
    }

    // MARK: API tokens

    /// A new API token for the signed-in person; the secret is returned once and stored hashed.
    public func createToken(label: String, as principal: Principal) async throws -> (secret: String, token: APITokenInfo) {
        guard let identifier = principal.personIdentifier else { throw ServiceError.unauthenticated }
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !label.isEmpty, label.count <= 100 else {
            throw ServiceError.invalidInput("gi nøkkelen et navn (høyst 100 tegn)")
        }
        let secret = "kb_" + Secrets.make()
        let token = APITokenInfo(
            identifier: UUID().uuidString.lowercased(), personIdentifier: identifier, label: label,
            prefix: String(secret.prefix(9)), createdAt: clock.timestamp())
        try await store.accounts.createToken(token, hash: Secrets.hash(secret))
        try await audit.record("token.create", by: principal, kind: "token", target: token.identifier, detail: label)
        return (secret, token)
    }

    /// The signed-in person's tokens.
    public func tokens(as principal: Principal) async throws -> [APITokenInfo] {
        guard let identifier = principal.personIdentifier else { throw ServiceError.unauthenticated }
        return try await store.accounts.tokens(personIdentifier: identifier)
    }

    /// Revokes one of the signed-in person's tokens.
    public func revokeToken(identifier: String, as principal: Principal) async throws {
        guard let person = principal.personIdentifier else { throw ServiceError.unauthenticated }
        guard try await store.accounts.revokeToken(identifier: identifier, personIdentifier: person, at: clock.timestamp())
        else { throw ServiceError.notFound("en aktiv nøkkel med denne identifikatoren") }
        try await audit.record("token.revoke", by: principal, kind: "token", target: identifier)
    }
}
