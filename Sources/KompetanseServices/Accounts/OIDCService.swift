import Crypto
import Foundation
import KompetanseDomain
import KompetanseStore
import _CryptoExtras

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends an HTTP request; behind a protocol so the one real implementation (URLSession) is the only effect.
public protocol HTTPFetching: Sendable {
    /// The response body and head.
    func fetch(_ request: URLRequest) async throws -> (Data, HTTPURLResponse)
}

/// HTTP over URLSession, with a short timeout.
public struct URLSessionFetcher: HTTPFetching {
    /// Creates the fetcher.
    public init() {}

    public func fetch(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        var request = request
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw OIDCError("svaret var ikke HTTP") }
        return (data, http)
    }
}

/// Why an OpenID Connect sign-in failed, worded for the person signing in (no secrets, no tokens).
public struct OIDCError: Error, CustomStringConvertible, Equatable {
    /// The message.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Sign-in with an OpenID Connect provider (ID-porten, Entra ID): authorization code flow with PKCE (S256),
/// state bound to the browser, nonce, and an ID token whose RS256 signature, issuer, audience, expiry and nonce
/// are all checked. A person is found by the provider's subject, else by verified e-mail, else created without
/// roles.
public final class OIDCService: Sendable {
    let settings: AppConfiguration.OIDCSettings
    let redirectURI: String
    let http: any HTTPFetching
    let clock: any Clock
    let store: any Store
    let accounts: AccountService
    private let pending = PendingLogins()

    /// How long a started sign-in may take.
    static let pendingLifetime: TimeInterval = 600

    init(
        settings: AppConfiguration.OIDCSettings, publicURL: String, http: any HTTPFetching, clock: any Clock, store: any Store,
        accounts: AccountService
    ) {
        self.settings = settings
        self.redirectURI = publicURL + "/logg-inn/oidc/tilbake"
        self.http = http
        self.clock = clock
        self.store = store
        self.accounts = accounts
    }

    /// The provider's name for the sign-in button.
    public var displayName: String { settings.displayName }

    /// The endpoints of the provider's discovery document.
    struct Discovery: Decodable, Sendable {
        let issuer: String
        let authorization_endpoint: String
        let token_endpoint: String
        let jwks_uri: String
    }

    /// A started sign-in: where to send the browser, and the state value the browser must bring back.
    public struct Start: Sendable {
        /// The provider's authorization URL.
        public var url: String
        /// The state, also set in a cookie so the callback is tied to this browser.
        public var state: String
    }

    /// Starts a sign-in; `next` is where to go afterwards (a local path).
    public func start(next: String?) async throws -> Start {
        let discovery = try await discover()
        let state = Secrets.make()
        let nonce = Secrets.make()
        let verifier = Secrets.make(byteCount: 48)
        await pending.add(
            state, PendingLogin(verifier: verifier, nonce: nonce, next: next, startedAt: clock.now().timeIntervalSince1970))
        var components = URLComponents(string: discovery.authorization_endpoint)
        let existing = components?.queryItems ?? []
        components?.queryItems =
            existing + [
                URLQueryItem(name: "client_id", value: settings.clientID),
                URLQueryItem(name: "redirect_uri", value: redirectURI), URLQueryItem(name: "response_type", value: "code"),
                URLQueryItem(name: "scope", value: "openid email profile"), URLQueryItem(name: "state", value: state),
                URLQueryItem(name: "nonce", value: nonce),
                URLQueryItem(name: "code_challenge", value: Secrets.sha256Base64URL(verifier)),
                URLQueryItem(name: "code_challenge_method", value: "S256"),
            ]
        guard let url = components?.url?.absoluteString else { throw OIDCError("innloggingsadressen fra leverandøren er ugyldig") }
        return Start(url: url, state: state)
    }

    /// Completes a sign-in from the provider's redirect; `cookieState` is the state this browser started with.
    public func finish(code: String?, state: String?, error: String?, cookieState: String?) async throws
        -> (signedIn: AccountService.SignedIn, next: String?)
    {
        if let error { throw OIDCError("innloggingen ble avbrutt hos \(settings.displayName) (\(error.prefix(60)))") }
        guard let state, let code, !code.isEmpty else { throw OIDCError("svaret fra \(settings.displayName) mangler kode eller state") }
        guard let cookieState, Secrets.constantTimeEquals(state, cookieState), let login = await pending.take(state),
            clock.now().timeIntervalSince1970 - login.startedAt < Self.pendingLifetime
        else { throw OIDCError("innloggingen er utløpt eller ble startet i en annen nettleser; prøv igjen") }
        let discovery = try await discover()
        let tokens = try await exchange(code: code, verifier: login.verifier, endpoint: discovery.token_endpoint)
        let claims = try await verifiedClaims(idToken: tokens, discovery: discovery, nonce: login.nonce)
        let person = try await person(for: claims, issuer: discovery.issuer)
        return (try await accounts.startSession(for: person, method: "oidc"), login.next)
    }

    func discover() async throws -> Discovery {
        let url = settings.issuer.hasSuffix("/") ? settings.issuer + ".well-known/openid-configuration" : settings.issuer + "/.well-known/openid-configuration"
        let discovery: Discovery = try await getJSON(url, what: "oppdagelsesdokumentet")
        guard discovery.issuer == settings.issuer else {
            throw OIDCError("leverandøren oppgir utsteder «\(discovery.issuer)», ikke den konfigurerte «\(settings.issuer)»")
        }
        return discovery
    }

    private func getJSON<T: Decodable>(_ address: String, what: String) async throws -> T {
        guard let url = URL(string: address) else { throw OIDCError("ugyldig adresse for \(what)") }
        let (data, response) = try await fetchOrExplain(URLRequest(url: url), what: what)
        guard response.statusCode == 200, let value = try? JSONDecoder().decode(T.self, from: data) else {
            throw OIDCError("kunne ikke lese \(what) fra \(settings.displayName) (HTTP \(response.statusCode))")
        }
        return value
    }

    private func fetchOrExplain(_ request: URLRequest, what: String) async throws -> (Data, HTTPURLResponse) {
        do {
            return try await http.fetch(request)
        } catch {
            throw OIDCError("fikk ikke kontakt med \(settings.displayName) for \(what)")
        }
    }

    private func exchange(code: String, verifier: String, endpoint: String) async throws -> String {
        guard let url = URL(string: endpoint) else { throw OIDCError("ugyldig token-adresse") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let credentials = Data("\(Self.formEncode(settings.clientID)):\(Self.formEncode(settings.clientSecret))".utf8)
        request.setValue("Basic " + credentials.base64EncodedString(), forHTTPHeaderField: "Authorization")
        let fields = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", verifier),
        ]
        request.httpBody = Data(fields.map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&").utf8)
        let (data, response) = try await fetchOrExplain(request, what: "token")
        struct TokenResponse: Decodable { let id_token: String }
        guard response.statusCode == 200, let tokens = try? JSONDecoder().decode(TokenResponse.self, from: data) else {
            throw OIDCError("\(settings.displayName) godtok ikke innloggingskoden (HTTP \(response.statusCode))")
        }
        return tokens.id_token
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The ID token's claims after checking signature (RS256 against the provider's keys), issuer, audience,
    /// expiry and nonce.
    func verifiedClaims(idToken: String, discovery: Discovery, nonce: String) async throws -> [String: JSONValue] {
        let parts = idToken.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Self.base64URLDecode(parts[0]), let payload = Self.base64URLDecode(parts[1]),
            let signature = Self.base64URLDecode(parts[2]),
            case .object(let header) = try? JSONDecoder().decode(JSONValue.self, from: headerData),
            case .object(let claims) = try? JSONDecoder().decode(JSONValue.self, from: payload)
        else { throw OIDCError("ID-tokenet kunne ikke leses") }
        guard header["alg"]?.stringValue == "RS256" else { throw OIDCError("ID-tokenet er ikke signert med RS256") }
        struct KeySet: Decodable {
            struct Key: Decodable { let kty: String; let kid: String?; let n: String?; let e: String? }
            let keys: [Key]
        }
        let keySet: KeySet = try await getJSON(discovery.jwks_uri, what: "signeringsnøklene")
        let kid = header["kid"]?.stringValue
        let candidates = keySet.keys.filter { $0.kty == "RSA" && (kid == nil || $0.kid == kid) }
        let signed = Data((parts[0] + "." + parts[1]).utf8)
        let valid = candidates.contains { key in
            guard let n = key.n.flatMap({ Self.base64URLDecode(Substring($0)) }), let e = key.e.flatMap({ Self.base64URLDecode(Substring($0)) }),
                let publicKey = try? _RSA.Signing.PublicKey(n: n, e: e)
            else { return false }
            return publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: signed), padding: .insecurePKCS1v1_5)
        }
        guard valid else { throw OIDCError("ID-tokenets signatur stemmer ikke") }
        guard claims["iss"]?.stringValue == discovery.issuer else { throw OIDCError("ID-tokenet er fra feil utsteder") }
        let audience: [String] =
            switch claims["aud"] {
            case .string(let value): [value]
            case .array(let values): values.compactMap(\.stringValue)
            default: []
            }
        guard audience.contains(settings.clientID) else { throw OIDCError("ID-tokenet er ikke utstedt til denne tjenesten") }
        guard let expiry = claims["exp"]?.numberValue, expiry > clock.now().timeIntervalSince1970 else {
            throw OIDCError("ID-tokenet er utløpt")
        }
        guard let sent = claims["nonce"]?.stringValue, Secrets.constantTimeEquals(sent, nonce) else {
            throw OIDCError("ID-tokenet hører ikke til denne innloggingen (nonce)")
        }
        return claims
    }

    private func person(for claims: [String: JSONValue], issuer: String) async throws -> Person {
        guard let subject = claims["sub"]?.stringValue, !subject.isEmpty else { throw OIDCError("ID-tokenet mangler «sub»") }
        if let person = try await store.accounts.person(issuer: issuer, subject: subject) { return person }
        guard let email = claims["email"]?.stringValue, Person.isPlausibleEmail(Person.normalisedEmail(email)) else {
            throw OIDCError("\(settings.displayName) oppga ingen e-postadresse; den trengs for å knytte deg til en konto")
        }
        // An unverified address could belong to someone else; only a verified one links to an existing account.
        let verified = claims["email_verified"]?.boolValue ?? false
        let person: Person
        if let existing = try await store.accounts.person(email: email) {
            guard verified else { throw OIDCError("e-postadressen er ikke bekreftet hos \(settings.displayName)") }
            person = existing
        } else {
            let name = claims["name"]?.stringValue ?? Person.normalisedEmail(email)
            person = try await accounts.insertPerson(
                email: email, name: name, password: nil, roles: [], by: Principal(kind: .system, name: "oidc"))
        }
        try await store.accounts.linkIdentity(issuer: issuer, subject: subject, personIdentifier: person.identifier)
        return person
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

/// A sign-in that has been sent to the provider and not come back yet.
struct PendingLogin: Sendable {
    let verifier: String
    let nonce: String
    let next: String?
    let startedAt: Double
}

/// Started sign-ins by state; each can be completed once.
actor PendingLogins {
    private var logins: [String: PendingLogin] = [:]

    func add(_ state: String, _ login: PendingLogin) {
        if logins.count > 10_000 { logins.removeAll() }
        logins[state] = login
    }

    func take(_ state: String) -> PendingLogin? {
        logins.removeValue(forKey: state)
    }
}
