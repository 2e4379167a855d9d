import Foundation
import KompetanseDomain
import KompetanseStore
import KompetanseTestSupport
import Testing

/// Accounts, sessions, tokens, organisations, invitations and the audit log behave alike on SQLite and PostgreSQL.
@Suite struct AccountStoreContractTests {
    @Test(arguments: TestEngine.available)
    func peopleAreUniqueByEmailAndKeepTheirAccess(engine: TestEngine) async throws {
        try await engine.withStore { store in
            let person = Person(
                identifier: "p1", email: "kari@example.no", name: "Kari", roles: [.editor], providers: ["dfo"],
                accessGroups: ["ledergruppe"], createdAt: "2026-11-29T12:00:00Z")
            try await store.accounts.createPerson(person, passwordHash: "$2b$04$hash")
            await #expect(throws: StoreError.conflict("en konto med e-postadressen kari@example.no")) {
                try await store.accounts.createPerson(
                    Person(identifier: "p2", email: "kari@example.no", name: "Kopi", createdAt: "2026-11-29T12:00:00Z"),
                    passwordHash: nil)
            }
            #expect(try await store.accounts.person(email: "KARI@example.no") == person)
            #expect(try await store.accounts.passwordHash(personIdentifier: "p1") == "$2b$04$hash")
            try await store.accounts.setPasswordHash("$2b$04$ny", personIdentifier: "p1")
            #expect(try await store.accounts.passwordHash(personIdentifier: "p1") == "$2b$04$ny")
            try await store.accounts.linkIdentity(issuer: "https://idp", subject: "s1", personIdentifier: "p1")
            #expect(try await store.accounts.person(issuer: "https://idp", subject: "s1")?.identifier == "p1")
            #expect(try await store.accounts.person(issuer: "https://annen", subject: "s1") == nil)
            #expect(try await store.accounts.people().map(\.email) == ["kari@example.no"])
        }
    }

    @Test(arguments: TestEngine.available)
    func sessionsAndTokensAreFoundByHashAndEnd(engine: TestEngine) async throws {
        try await engine.withStore { store in
            for hash in ["h1", "h2"] {
                try await store.accounts.createSession(
                    SessionRecord(tokenHash: hash, personIdentifier: "p1", csrfToken: "c", createdAt: "t0", expiresAt: "t9"))
            }
            #expect(try await store.accounts.session(tokenHash: "h1")?.csrfToken == "c")
            try await store.accounts.deleteSessions(personIdentifier: "p1", except: "h2")
            #expect(try await store.accounts.session(tokenHash: "h1") == nil)
            #expect(try await store.accounts.session(tokenHash: "h2") != nil)
            let token = APITokenInfo(identifier: "t1", personIdentifier: "p1", label: "lms", prefix: "kb_abc", createdAt: "t0")
            try await store.accounts.createToken(token, hash: "th")
            #expect(try await store.accounts.token(hash: "th") == token)
            #expect(try await store.accounts.revokeToken(identifier: "t1", personIdentifier: "p2", at: "t1") == false, "only the owner revokes")
            #expect(try await store.accounts.revokeToken(identifier: "t1", personIdentifier: "p1", at: "t1"))
            #expect(try await store.accounts.revokeToken(identifier: "t1", personIdentifier: "p1", at: "t2") == false)
            #expect(try await store.accounts.token(hash: "th")?.revokedAt == "t1")
        }
    }

    @Test(arguments: TestEngine.available)
    func organisationsMembershipsAndInvitationsUsedOnce(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await store.accounts.createOrganisation(Organisation(identifier: "o1", name: "Etat", createdAt: "t0"))
            try await store.accounts.createGroup(OrganisationGroup(identifier: "g1", organisationIdentifier: "o1", name: "Ledergruppen"))
            try await store.accounts.saveMembership(Membership(organisationIdentifier: "o1", personIdentifier: "p1", role: .member))
            try await store.accounts.saveMembership(
                Membership(organisationIdentifier: "o1", personIdentifier: "p1", role: .admin, groups: ["g1"]))
            #expect(try await store.accounts.memberships(personIdentifier: "p1") == [
                Membership(organisationIdentifier: "o1", personIdentifier: "p1", role: .admin, groups: ["g1"])
            ])
            #expect(try await store.accounts.groups(organisationIdentifier: "o1").map(\.name) == ["Ledergruppen"])
            let invitation = Invitation(
                identifier: "i1", organisationIdentifier: "o1", role: .member, groupIdentifier: "g1", createdBy: "admin",
                createdAt: "t0", expiresAt: "t9")
            try await store.accounts.createInvitation(invitation, secretHash: "sh")
            #expect(try await store.accounts.invitation(secretHash: "sh") == invitation)
            #expect(try await store.accounts.acceptInvitation(identifier: "i1", by: "p2"))
            #expect(try await store.accounts.acceptInvitation(identifier: "i1", by: "p3") == false)
            #expect(try await store.accounts.invitation(secretHash: "sh")?.acceptedBy == "p2")
        }
    }

    @Test(arguments: TestEngine.available)
    func theAuditLogIsOrderedNewestFirstAndPaged(engine: TestEngine) async throws {
        try await engine.withStore { store in
            for number in 1...5 {
                try await store.audit.append(
                    AuditEvent(at: "2026-11-29T12:00:00Z", actor: "a", action: "x.\(number)", targetKind: "k", target: "t"))
            }
            #expect(try await store.audit.count() == 5)
            #expect(try await store.audit.events(limit: 2, offset: 0).map(\.action) == ["x.5", "x.4"], "same second: append order")
            #expect(try await store.audit.events(limit: 2, offset: 4).map(\.action) == ["x.1"])
        }
    }
}
