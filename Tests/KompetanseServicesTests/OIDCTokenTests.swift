import Foundation
import KompetanseDomain
import KompetanseTestSupport
import Testing

@testable import KompetanseServices

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The issuer of the local OpenID provider that `make test` starts (scripts/with-oidc.sh).
private let issuer = ProcessInfo.processInfo.environment["KOMPETANSEBRO_TEST_OIDC_ISSUER"].flatMap { $0.isEmpty ? nil : $0 }

/// A real ID token from the provider, issued to `kompetansebro` for a new subject with the given nonce.
private func idToken(nonce: String) async throws -> String {
    let issuer = try #require(issuer)
    let subject = "token-" + UUID().uuidString.prefix(8)
    var put = URLRequest(url: URL(string: "\(issuer)/users/\(subject)")!)
    put.httpMethod = "PUT"
    put.setValue("application/json", forHTTPHeaderField: "Content-Type")
    put.httpBody = Data(#"{"email":"\#(subject)@example.no","email_verified":true}"#.utf8)
    _ = try await URLSession.shared.data(for: put)
    let redirect = "http://127.0.0.1:9/cb"
    var components = URLComponents(string: "\(issuer)/oauth2/authorize")!
    components.queryItems = [
        .init(name: "client_id", value: "kompetansebro"), .init(name: "redirect_uri", value: redirect),
        .init(name: "response_type", value: "code"), .init(name: "scope", value: "openid email"), .init(name: "state", value: "s"),
        .init(name: "nonce", value: nonce),
    ]
    var login = URLRequest(url: components.url!)
    login.httpMethod = "POST"
    login.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    login.httpBody = Data("sub=\(subject)".utf8)
    let location = try #require(try await NoRedirects.send(login).location)
    let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
    var token = URLRequest(url: URL(string: "\(issuer)/oauth2/token")!)
    token.httpMethod = "POST"
    token.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    token.setValue("Basic " + Data("kompetansebro:hemmelig".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
    token.httpBody = Data("grant_type=authorization_code&code=\(code)&redirect_uri=\(OIDCService.formEncode(redirect))".utf8)
    let (data, _) = try await URLSession.shared.data(for: token)
    struct Tokens: Decodable { let id_token: String }
    return try JSONDecoder().decode(Tokens.self, from: data).id_token
}

/// Services whose OIDC client is `clientID`, with a clock `offset` seconds from now.
private func withOIDC(clientID: String = "kompetansebro", offset: TimeInterval = 0, _ body: @escaping @Sendable (OIDCService) async throws -> Void)
    async throws
{
    var configuration = AppConfiguration.forTests
    configuration.oidc = .init(issuer: try #require(issuer), clientID: clientID, clientSecret: "hemmelig")
    try await TestEngine.sqlite.withServices(configuration: configuration, clock: FixedClock(date: Date().addingTimeInterval(offset))) {
        services in try await body(try #require(services.oidc))
    }
}

@Suite(.enabled(if: issuer != nil, "needs scripts/with-oidc.sh (make test)"))
struct OIDCTokenTests {
    @Test func aGenuineTokenIsAccepted() async throws {
        let token = try await idToken(nonce: "n1")
        try await withOIDC { oidc in
            let claims = try await oidc.verifiedClaims(idToken: token, discovery: try await oidc.discover(), nonce: "n1")
            #expect(claims["email_verified"]?.boolValue == true)
        }
    }

    @Test func aTokenFromAnotherSignInIsRefused() async throws {
        let token = try await idToken(nonce: "n1")
        try await withOIDC { oidc in
            await #expect(throws: OIDCError("ID-tokenet hører ikke til denne innloggingen (nonce)")) {
                _ = try await oidc.verifiedClaims(idToken: token, discovery: try await oidc.discover(), nonce: "en annen")
            }
        }
    }

    @Test func anAlteredTokenFailsItsSignature() async throws {
        let token = try await idToken(nonce: "n1")
        let parts = token.split(separator: ".").map(String.init)
        var payload = try #require(OIDCService.base64URLDecode(Substring(parts[1])))
        payload = Data(String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "@example.no", with: "@angriper.no").utf8)
        let forged = [parts[0], Secrets.base64URL(payload), parts[2]].joined(separator: ".")
        try await withOIDC { oidc in
            await #expect(throws: OIDCError("ID-tokenets signatur stemmer ikke")) {
                _ = try await oidc.verifiedClaims(idToken: forged, discovery: try await oidc.discover(), nonce: "n1")
            }
        }
    }

    @Test func aTokenForAnotherServiceIsRefused() async throws {
        let token = try await idToken(nonce: "n1")
        try await withOIDC(clientID: "en-annen-tjeneste") { oidc in
            await #expect(throws: OIDCError("ID-tokenet er ikke utstedt til denne tjenesten")) {
                _ = try await oidc.verifiedClaims(idToken: token, discovery: try await oidc.discover(), nonce: "n1")
            }
        }
    }

    @Test func anExpiredTokenIsRefused() async throws {
        let token = try await idToken(nonce: "n1")
        try await withOIDC(offset: 2 * 3600) { oidc in
            await #expect(throws: OIDCError("ID-tokenet er utløpt")) {
                _ = try await oidc.verifiedClaims(idToken: token, discovery: try await oidc.discover(), nonce: "n1")
            }
        }
    }
}
