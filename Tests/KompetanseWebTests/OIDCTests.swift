import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import KompetanseWeb
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The issuer of the local OpenID provider that `make test` starts (scripts/with-oidc.sh).
let oidcIssuer = ProcessInfo.processInfo.environment["KOMPETANSEBRO_TEST_OIDC_ISSUER"].flatMap { $0.isEmpty ? nil : $0 }

@Suite(.enabled(if: oidcIssuer != nil, "needs scripts/with-oidc.sh (make test)"))
struct OIDCTests {
    /// Signs in through the real provider as `subject`, whose claims are set first; returns the browser and the page
    /// the app sent it to after the callback.
    func signIn(
        _ client: any TestClientProtocol, subject: String, claims: String, next: String = "/organisasjoner"
    ) async throws -> (Browser, Browser.Page) {
        let issuer = try #require(oidcIssuer)
        var put = URLRequest(url: URL(string: issuer + "/users/" + subject)!)
        put.httpMethod = "PUT"
        put.setValue("application/json", forHTTPHeaderField: "Content-Type")
        put.httpBody = Data(claims.utf8)
        #expect(try await NoRedirects.send(put).status == 204)
        let browser = Browser(client)
        let start = try await browser.get("/logg-inn/oidc?neste=" + next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(start.status == .seeOther)
        let authorize = try #require(start.location)
        #expect(authorize.hasPrefix(issuer + "/oauth2/authorize?"))
        #expect(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce="))
        var login = URLRequest(url: URL(string: authorize)!)
        login.httpMethod = "POST"
        login.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        login.httpBody = Data("sub=\(subject)".utf8)
        let (status, location) = try await NoRedirects.send(login)
        #expect(status == 302)
        let callback = try #require(location)
        #expect(callback.hasPrefix("http://127.0.0.1:8080/logg-inn/oidc/tilbake?"))
        let page = try await browser.get(String(callback.dropFirst("http://127.0.0.1:8080".count)))
        return (browser, page)
    }

    func withOIDCApp(_ body: @escaping @Sendable (any TestClientProtocol, AppServices) async throws -> Void) async throws {
        var configuration = AppConfiguration.forTests
        configuration.oidc = .init(issuer: try #require(oidcIssuer), clientID: "kompetansebro", clientSecret: "test-hemmelighet")
        try await TestEngine.sqlite.withServices(configuration: configuration, clock: SystemClock()) { services in
            let app = Application(router: try await WebApplication.buildRouter(services: services))
            try await app.test(.router) { client in try await body(client, services) }
        }
    }

    @Test func signsInWithTheProviderAndLinksTheAccount() async throws {
        let subject = "kari-" + UUID().uuidString.prefix(8)
        try await withOIDCApp { client, services in
            let signInPage = try await Browser(client).get("/logg-inn")
            #expect(signInPage.text.contains("Logg inn med ID-porten"))
            let (browser, page) = try await signIn(
                client, subject: subject, claims: #"{"email":"kari@example.no","email_verified":true,"name":"Kari Nordmann"}"#)
            #expect(page.status == .seeOther, "\(page.text)")
            #expect(page.location == "/organisasjoner")
            let account = try await browser.get("/konto")
            #expect(account.status == .ok && account.text.contains("kari@example.no"))
            let person = try #require(try await services.store.accounts.person(email: "kari@example.no"))
            #expect(person.name == "Kari Nordmann" && person.roles.isEmpty, "a new person gets no roles")
            #expect(try await services.store.accounts.person(issuer: try #require(oidcIssuer), subject: subject)?.identifier == person.identifier)
            let events = try await services.audit.events(page: 1, as: .commandLine).events
            #expect(events.contains { $0.action == "session.login" && $0.detail == "oidc" })
        }
    }

    @Test func anUnverifiedAddressDoesNotTakeOverAnExistingAccount() async throws {
        let subject = "mallory-" + UUID().uuidString.prefix(8)
        try await withOIDCApp { client, services in
            _ = try await services.accounts.createPerson(
                email: "admin@example.no", name: "Admin", password: testPassword, roles: [.administrator], as: .commandLine)
            let (browser, page) = try await signIn(client, subject: subject, claims: #"{"email":"admin@example.no","email_verified":false}"#)
            #expect(page.status == .badRequest)
            #expect(page.text.contains("ikke bekreftet"))
            #expect(try await browser.get("/konto").status == .seeOther, "no session was started")
        }
    }

    @Test func aCallbackFromAnotherBrowserIsRefused() async throws {
        let subject = "ola-" + UUID().uuidString.prefix(8)
        try await withOIDCApp { client, _ in
            let (_, _) = try await signIn(client, subject: subject, claims: #"{"email":"ola@example.no","email_verified":true}"#)
            // An attacker's own callback URL, replayed in a victim's browser (login CSRF), lacks the state cookie.
            let victim = Browser(client)
            let replay = try await victim.get("/logg-inn/oidc/tilbake?code=abc&state=xyz")
            #expect(replay.status == .badRequest)
            #expect(replay.text.contains("en annen nettleser"))
            #expect(try await victim.get("/konto").status == .seeOther)
        }
    }
}
