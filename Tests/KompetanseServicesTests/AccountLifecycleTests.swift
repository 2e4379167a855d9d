import Foundation
import KompetanseDomain
import KompetanseServices
import KompetanseStore
import KompetanseTestSupport
import Testing

/// Accounts over their life: failed sign-ins counted by every server process alike, and an account an
/// administrator closes.
@Suite struct AccountLifecycleTests {
    static let password = "et langt testpassord"

    @Test(arguments: TestEngine.available)
    func theLoginThrottleHoldsAcrossServerProcesses(engine: TestEngine) async throws {
        try await engine.withTwoProcesses { first, second in
            let one = AppServices(configuration: .forTests, store: first, clock: FixedClock())
            let two = AppServices(configuration: .forTests, store: second, clock: FixedClock())
            _ = try await one.accounts.createPerson(email: "a@example.no", name: "A", password: Self.password, as: .commandLine)
            // Five wrong passwords, spread over the two processes as a load balancer would.
            for attempt in 0..<5 {
                let server = attempt.isMultiple(of: 2) ? one : two
                await #expect(throws: ServiceError.self) {
                    _ = try await server.accounts.signIn(email: "a@example.no", password: "feil passord \(attempt)", address: "10.0.0.\(attempt)")
                }
            }
            for server in [one, two] {
                do {
                    _ = try await server.accounts.signIn(email: "a@example.no", password: Self.password, address: "10.0.0.9")
                    Issue.record("the right password got in after five failures")
                } catch ServiceError.tooManyAttempts(let seconds) {
                    #expect(seconds == 900, "the window is 15 minutes from the first failure")
                }
            }
            // Another account from the same addresses is not locked out.
            _ = try await one.accounts.createPerson(email: "b@example.no", name: "B", password: Self.password, as: .commandLine)
            _ = try await two.accounts.signIn(email: "b@example.no", password: Self.password, address: "10.0.0.1")
        }
    }

    @Test func aClosedAccountLosesItsSessionsTokensAndSignIn() async throws {
        try await TestEngine.sqlite.withServices { services in
            let admin = try await services.accounts.createPerson(
                email: "admin@example.no", name: "Admin", password: Self.password, roles: [.administrator], as: .commandLine)
            let adminPrincipal = try #require(try await services.accounts.principal(personIdentifier: admin.identifier))
            let person = try await services.accounts.createPerson(email: "p@example.no", name: "P", password: Self.password, as: .commandLine)
            let signedIn = try await services.accounts.signIn(email: "p@example.no", password: Self.password, address: "1")
            let principal = try #require(try await services.accounts.principal(personIdentifier: person.identifier))
            let (token, _) = try await services.accounts.createToken(label: "skript", as: principal)
            #expect(try await services.accounts.principal(apiToken: token) != nil)

            await #expect(throws: ServiceError.self, "only administrators close accounts") {
                _ = try await services.accounts.setDisabled(personIdentifier: admin.identifier, disabled: true, as: principal)
            }
            await #expect(throws: ServiceError.self, "nobody closes their own account") {
                _ = try await services.accounts.setDisabled(personIdentifier: admin.identifier, disabled: true, as: adminPrincipal)
            }
            let closed = try await services.accounts.setDisabled(personIdentifier: person.identifier, disabled: true, as: adminPrincipal)
            #expect(closed.isDisabled)
            #expect(try await services.accounts.principal(sessionSecret: signedIn.secret) == nil, "the session ended")
            #expect(try await services.accounts.principal(apiToken: token) == nil, "the token no longer works")
            do {
                _ = try await services.accounts.signIn(email: "p@example.no", password: Self.password, address: "1")
                Issue.record("a closed account signed in")
            } catch ServiceError.invalidInput(let message) {
                #expect(message.contains("stengt"))
            }
            do {
                _ = try await services.accounts.signIn(email: "p@example.no", password: "feil passord her", address: "1")
            } catch ServiceError.invalidInput(let message) {
                #expect(!message.contains("stengt"), "a wrong password does not learn that the account is closed")
            }
            _ = try await services.accounts.setDisabled(personIdentifier: person.identifier, disabled: false, as: adminPrincipal)
            _ = try await services.accounts.signIn(email: "p@example.no", password: Self.password, address: "1")
            #expect(try await services.accounts.principal(apiToken: token) == nil, "a reopened account gets new tokens, not the old")
            let actions = try await services.audit.events(page: 1, as: .commandLine).events.map(\.action)
            #expect(actions.contains("person.disable") && actions.contains("person.enable"))
        }
    }
}
