import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import KompetanseWeb
import Testing

let testPassword = "riktig hest batteri stift"

/// Services with an administrator, two organisations (each with a leader group, an admin and a member), an editor,
/// two providers' people and a restricted document; the router over them.
func withPeople(
    clock: any Clock = FixedClock(),
    _ body: @escaping @Sendable (any TestClientProtocol, AppServices, People) async throws -> Void
) async throws {
    try await TestEngine.sqlite.withServices(clock: clock) { services in
        let people = try await People.make(services)
        let app = Application(router: try await WebApplication.buildRouter(services: services))
        try await app.test(.router) { client in try await body(client, services, people) }
    }
}

/// The people and organisations of ``withPeople``.
struct People: Sendable {
    var orgA: Organisation
    var orgB: Organisation
    var groupA: OrganisationGroup
    var groupB: OrganisationGroup

    static func make(_ services: AppServices) async throws -> People {
        let cli = Principal.commandLine
        for (email, roles) in [("admin@example.no", Set([SystemRole.administrator])), ("redaktor@example.no", [.editor])] {
            _ = try await services.accounts.createPerson(email: email, name: email, password: testPassword, roles: roles, as: cli)
        }
        let orgA = try await services.organisations.create(name: "Etat A", as: cli)
        let orgB = try await services.organisations.create(name: "Kommune B", as: cli)
        let groupA = try await services.organisations.createGroup(organisation: orgA.identifier, name: "Ledergruppen A", as: cli)
        let groupB = try await services.organisations.createGroup(organisation: orgB.identifier, name: "Ledergruppen B", as: cli)
        for (email, organisation, group, role) in [
            ("leder.a@example.no", orgA, groupA, OrganisationRole.admin), ("medlem.a@example.no", orgA, groupA, .member),
            ("leder.b@example.no", orgB, groupB, .admin), ("medlem.b@example.no", orgB, groupB, .member),
        ] {
            let (secret, _) = try await services.organisations.invite(
                organisation: organisation.identifier, role: role, group: group.identifier, as: cli)
            _ = try await services.organisations.acceptCreatingAccount(
                secret: secret, email: email, name: email, password: testPassword)
        }
        for (email, provider) in [("tilbyder.x@example.no", "tilbyder-x"), ("tilbyder.y@example.no", "tilbyder-y")] {
            let person = try await services.accounts.createPerson(email: email, name: email, password: testPassword, as: cli)
            _ = try await services.accounts.setAccess(
                personIdentifier: person.identifier, roles: [], providers: [provider], accessGroups: [], as: cli)
        }
        let reader = try await services.accounts.createPerson(email: "leser@example.no", name: "Leser", password: testPassword, as: cli)
        _ = try await services.accounts.setAccess(
            personIdentifier: reader.identifier, roles: [], providers: [], accessGroups: ["ledergruppe"], as: cli)
        try await services.store.documents.upsert(
            KnowledgeDocument(
                identifier: "notat", title: "Internt notat", documentType: "Notat", publisher: "Dir", year: 2026,
                access: "ledergruppe", file: "n.txt", pages: ["Budsjettet for PLANTET-HEMMELIGHET er 9,9 millioner kroner."]))
        try await services.store.measures.upsert([
            Measure.mock("x1", name: "Kurs fra X", provider: "Tilbyder X"), Measure.mock("y1", name: "Kurs fra Y", provider: "Tilbyder Y"),
        ])
        return People(orgA: orgA, orgB: orgB, groupA: groupA, groupB: groupB)
    }
}

@Suite struct SignInTests {
    @Test func signInSessionAndSignOut() async throws {
        try await withPeople { client, services, _ in
            let browser = Browser(client)
            let wrong = try await browser.signIn("medlem.a@example.no", "feil passord her")
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("feil e-postadresse eller passord"))
            let signedIn = try await browser.signIn("MEDLEM.A@example.no ", testPassword)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.location == "/konto")
            let cookie = signedIn.headers[values: .setCookie].first { $0.hasPrefix("kb_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "\(cookie)")
            let signedOut = try await Browser(client).get("/")
            #expect(signedOut.text.contains(#"<a href="/logg-inn?neste=%2F">Logg inn</a>"#), "the header links to sign-in")
            let account = try await browser.get("/konto")
            #expect(account.status == .ok)
            #expect(account.text.contains(#"action="/logg-ut""#) && account.text.contains("Logg ut"), "the header offers sign-out")
            #expect(account.text.contains("Konto: medlem.a@example.no"), "the header names who is signed in")
            #expect(account.text.contains("medlem.a@example.no"))
            #expect(account.text.contains("Etat A"))
            #expect(try await browser.post("/logg-ut", []).status == .seeOther)
            #expect(try await browser.get("/konto").status == .seeOther, "after sign-out the account page asks for sign-in")
            let events = try await services.audit.events(page: 1, as: .commandLine).events.map(\.action)
            #expect(events.contains("session.login") && events.contains("session.failed") && events.contains("session.logout"))
        }
    }

    @Test func aPageThatNeedsSignInRedirectsThereAndBack() async throws {
        try await withPeople { client, _, _ in
            let browser = Browser(client)
            let page = try await browser.get("/konto")
            #expect(page.location == "/logg-inn?neste=%2Fkonto")
            _ = try await browser.get("/logg-inn?neste=%2Forganisasjoner")
            let signedIn = try await browser.post(
                "/logg-inn", [("email", "medlem.a@example.no"), ("password", testPassword), ("neste", "/organisasjoner")])
            #expect(signedIn.location == "/organisasjoner")
            _ = try await browser.get("/logg-inn?neste=%2F%2Fevil.example%2F")
            #expect(try await browser.get("/konto").status == .ok)
            let evil = try await browser.post(
                "/logg-inn", [("email", "medlem.a@example.no"), ("password", testPassword), ("neste", "//evil.example/")])
            #expect(evil.location == "/konto", "only local paths are followed")
            for trick in ["/\t/evil.example", "/\\evil.example", "/\n/evil.example"] {
                _ = try await browser.get("/konto")
                let tricked = try await browser.post(
                    "/logg-inn", [("email", "medlem.a@example.no"), ("password", testPassword), ("neste", trick)])
                #expect(tricked.location == "/konto", "browsers read \(trick.debugDescription) as another site")
            }
        }
    }

    @Test func failedSignInsAreLimitedPerAccount() async throws {
        try await withPeople { client, _, _ in
            let browser = Browser(client)
            for _ in 0..<5 { _ = try await browser.signIn("medlem.a@example.no", "feil passord her") }
            let blocked = try await browser.signIn("medlem.a@example.no", testPassword)
            #expect(blocked.status == .tooManyRequests, "even the right password waits once the limit is reached")
            #expect(blocked.headers[.retryAfter] != nil)
            #expect(blocked.text.contains("for mange mislykkede innlogginger"))
            #expect(try await Browser(client).signIn("medlem.b@example.no", testPassword).status == .seeOther, "other accounts are unaffected")
        }
    }

    @Test func passwordChangeEndsOtherSessionsAndKeepsThisOne() async throws {
        try await withPeople { client, _, _ in
            let laptop = Browser(client)
            let phone = Browser(client)
            try await laptop.signIn("medlem.a@example.no", testPassword)
            try await phone.signIn("medlem.a@example.no", testPassword)
            _ = try await laptop.get("/konto")
            let weak = try await laptop.post(
                "/konto/passord", [("current_password", testPassword), ("new_password", "kort"), ("repeat_password", "kort")])
            #expect(weak.status == .badRequest)
            #expect(weak.text.contains("minst 12 tegn"))
            let changed = try await laptop.post(
                "/konto/passord",
                [("current_password", testPassword), ("new_password", "et helt nytt passord"), ("repeat_password", "et helt nytt passord")])
            #expect(changed.location == "/konto?endret=1")
            #expect(try await laptop.get("/konto").status == .ok)
            #expect(try await phone.get("/konto").status == .seeOther, "the other session was ended")
            #expect(try await Browser(client).signIn("medlem.a@example.no", "et helt nytt passord").status == .seeOther)
        }
    }

    @Test func aSessionCookieSetBeforeSignInIsNeverAdopted() async throws {
        try await withPeople { client, _, _ in
            let signedIn = try await Browser(client).send(
                "/logg-inn", method: .post,
                headers: [.cookie: "kb_session=planted-by-attacker; kb_csrf=\(String(repeating: "a", count: 43))",
                          .contentType: "application/x-www-form-urlencoded"],
                body: "_csrf=\(String(repeating: "a", count: 43))&email=medlem.a%40example.no&password=riktig+hest+batteri+stift")
            let cookie = signedIn.headers[values: .setCookie].first { $0.hasPrefix("kb_session=") } ?? ""
            #expect(signedIn.status == .seeOther && !cookie.isEmpty && !cookie.hasPrefix("kb_session=planted-by-attacker"))
            let attacker = try await Browser(client).send("/konto", headers: [.cookie: "kb_session=planted-by-attacker"])
            #expect(attacker.status == .seeOther, "the planted value signs nobody in")
        }
    }

    @Test func secretsAreStoredOnlyAsHashes() async throws {
        try await withPeople { _, services, _ in
            let person = try #require(try await services.store.accounts.person(email: "medlem.a@example.no"))
            let principal = try #require(try await services.accounts.principal(personIdentifier: person.identifier))
            let (token, _) = try await services.accounts.createToken(label: "x", as: principal)
            #expect(try await services.store.accounts.token(hash: token) == nil, "the token itself is not a key")
            #expect(try await services.store.accounts.token(hash: Secrets.hash(token)) != nil)
            let signedIn = try await services.accounts.signIn(email: "medlem.a@example.no", password: testPassword, address: "x")
            #expect(try await services.store.accounts.session(tokenHash: signedIn.secret) == nil)
            #expect(try await services.store.accounts.passwordHash(personIdentifier: person.identifier)?.hasPrefix("$2") == true)
        }
    }

    @Test func invitationsExpire() async throws {
        let start = FixedClock()
        try await TestEngine.sqlite.withServices(clock: start) { services in
            let organisation = try await services.organisations.create(name: "Etat", as: .commandLine)
            let (secret, _) = try await services.organisations.invite(
                organisation: organisation.identifier, role: .member, group: nil, as: .commandLine)
            _ = try await services.organisations.openInvitation(secret: secret)
            let later = AppServices(
                configuration: .forTests, store: services.store,
                clock: FixedClock(date: start.date.addingTimeInterval(OrganisationService.invitationLifetime + 1)))
            await #expect(throws: ServiceError.conflict("invitasjonen er utløpt")) {
                _ = try await later.organisations.openInvitation(secret: secret)
            }
        }
    }

    @Test func sessionsExpire() async throws {
        let start = FixedClock()
        try await TestEngine.sqlite.withServices(clock: start) { services in
            _ = try await services.accounts.createPerson(email: "a@example.no", name: "A", password: testPassword, as: .commandLine)
            let signedIn = try await services.accounts.signIn(email: "a@example.no", password: testPassword, address: "x")
            #expect(try await services.accounts.principal(sessionSecret: signedIn.secret) != nil)
            let later = AppServices(
                configuration: .forTests, store: services.store,
                clock: FixedClock(date: start.date.addingTimeInterval(AccountService.sessionLifetime + 1)))
            #expect(try await later.accounts.principal(sessionSecret: signedIn.secret) == nil)
        }
    }
}

@Suite struct APITokenTests {
    @Test func tokensAuthoriseAPIWritesUntilRevoked() async throws {
        try await withPeople { client, services, _ in
            let browser = Browser(client)
            try await browser.signIn("redaktor@example.no", testPassword)
            _ = try await browser.get("/konto")
            let created = try await browser.post("/konto/nokler", [("label", "Import fra LMS")])
            #expect(created.headers[.cacheControl] == "no-store")
            let token = String(created.text.components(separatedBy: #"<code class="secret">"#)[1].prefix { $0 != "<" })
            #expect(token.hasPrefix("kb_"))
            let record = #"[{"@type":"Course","identifier":"api-1","name":"Kurs via API","description":"Et kurs importert over API-et.","provider":{"@type":"Organization","name":"Tilbyder Z"}}]"#
            let write = try await browser.send(
                "/api/v1/measures", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: record)
            #expect(write.status == .ok, "\(write.text)")
            #expect(try await services.store.measures.measure(identifier: "api-1") != nil)
            // An empty list is a mistake, said as such, not a silent import of nothing.
            let empty = try await browser.send(
                "/api/v1/measures", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: " [ ] ")
            #expect(empty.status == .badRequest && empty.text.contains("ingen tiltak"), "\(empty.text)")
            let me = try await browser.send("/api/v1/me", headers: [.authorization: "Bearer \(token)"])
            #expect(me.text.contains("redaktor@example.no") && me.text.contains("editor"))
            // A cookie alone never authorises the API, so a cross-site request cannot write with someone's session.
            #expect(try await browser.send("/api/v1/measures", method: .post, headers: [.contentType: "application/json"], body: record).status == .unauthorized)
            let account = try await browser.get("/konto")
            let revoke = String(account.text.components(separatedBy: #"action="/konto/nokler/"#)[1].prefix { $0 != "\"" })
            #expect(try await browser.post("/konto/nokler/" + revoke, []).status == .seeOther)
            let afterRevoke = try await browser.send(
                "/api/v1/measures", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: record)
            #expect(afterRevoke.status == .unauthorized)
            #expect(afterRevoke.text.contains("tilbakekalt"))
            #expect(try await services.accounts.principal(apiToken: token) == nil)
        }
    }

    @Test func aProviderWritesOnlyItsOwnMeasures() async throws {
        try await withPeople { client, services, _ in
            let provider = try #require(try await services.store.accounts.person(email: "tilbyder.x@example.no"))
            let principal = try #require(try await services.accounts.principal(personIdentifier: provider.identifier))
            let (token, _) = try await services.accounts.createToken(label: "lms", as: principal)
            let browser = Browser(client)
            func post(_ identifier: String, provider: String) async throws -> Browser.Page {
                let body = #"[{"@type":"Course","identifier":"\#(identifier)","name":"Kurs","description":"Et kurs for ledere i staten.","provider":{"@type":"Organization","name":"\#(provider)"}}]"#
                return try await browser.send(
                    "/api/v1/measures", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: body)
            }
            #expect(try await post("x2", provider: "Tilbyder X").status == .ok)
            let other = try await post("y2", provider: "Tilbyder Y")
            #expect(other.status == .forbidden)
            #expect(try await services.store.measures.measure(identifier: "y2") == nil)
            let takeover = try await post("y1", provider: "Tilbyder X")
            #expect(takeover.status == .forbidden, "a provider cannot take over another provider's measure by its identifier")
            #expect(try await services.store.measures.measure(identifier: "y1")?.provider.name == "Tilbyder Y")
            let delete = try await browser.send("/api/v1/measures/y1", method: .delete, headers: [.authorization: "Bearer \(token)"])
            #expect(delete.status == .forbidden)
            #expect(try await browser.send("/api/v1/measures/x1", method: .delete, headers: [.authorization: "Bearer \(token)"]).status == .noContent)
        }
    }
}

@Suite struct OrganisationTests {
    @Test func membersSeeTheirOwnOrganisationOnly() async throws {
        try await withPeople { client, _, people in
            let member = Browser(client)
            try await member.signIn("medlem.a@example.no", testPassword)
            let own = try await member.get("/organisasjoner/\(people.orgA.identifier)")
            #expect(own.status == .ok)
            #expect(own.text.contains("leder.a@example.no"))
            #expect(!own.text.contains("invitasjoner\""), "members do not get the invitation form")
            let other = try await member.get("/organisasjoner/\(people.orgB.identifier)")
            #expect(other.status == .notFound)
            #expect(!other.text.contains("Kommune B") && !other.text.contains("leder.b@example.no"))
            let list = try await member.get("/organisasjoner")
            #expect(list.text.contains("Etat A") && !list.text.contains("Kommune B"))
        }
    }

    @Test func anOrganisationAdminInvitesAndTheInviteeJoinsOnce() async throws {
        try await withPeople { client, services, people in
            let admin = Browser(client)
            try await admin.signIn("leder.a@example.no", testPassword)
            _ = try await admin.get("/organisasjoner/\(people.orgA.identifier)")
            let created = try await admin.post(
                "/organisasjoner/\(people.orgA.identifier)/invitasjoner", [("role", "member"), ("group", people.groupA.identifier)])
            let link = String(created.text.components(separatedBy: #"<code class="secret">"#)[1].prefix { $0 != "<" })
            let path = String(link.dropFirst("http://127.0.0.1:8080".count))
            #expect(path.hasPrefix("/invitasjon/"))
            let invitee = Browser(client)
            let page = try await invitee.get(path)
            #expect(page.text.contains("Etat A"))
            let joined = try await invitee.post(
                path, [("name", "Ny Leder"), ("email", "ny@example.no"), ("password", testPassword), ("repeat_password", testPassword)])
            #expect(joined.location == "/organisasjoner/\(people.orgA.identifier)")
            #expect(try await invitee.get(joined.location!).text.contains("Ny Leder"))
            let again = try await Browser(client).get(path)
            #expect(again.status == .conflict, "an invitation works once")
            let newcomer = try #require(try await services.store.accounts.person(email: "ny@example.no"))
            let principal = try #require(try await services.accounts.principal(personIdentifier: newcomer.identifier))
            #expect(principal.can(.participate(organisation: people.orgA.identifier, group: people.groupA.identifier)))
            let member = Browser(client)
            try await member.signIn("medlem.a@example.no", testPassword)
            _ = try await member.get("/organisasjoner/\(people.orgA.identifier)")
            let refused = try await member.post("/organisasjoner/\(people.orgA.identifier)/invitasjoner", [("role", "admin")])
            #expect(refused.status == .forbidden, "a member cannot invite")
        }
    }

    @Test func anOrganisationAdminRemovesMembersAndWithdrawsInvitations() async throws {
        try await withPeople { client, services, people in
            let admin = Browser(client)
            try await admin.signIn("leder.a@example.no", testPassword)
            let page = try await admin.get("/organisasjoner/\(people.orgA.identifier)")
            #expect(page.text.contains("Fjern fra organisasjonen"))
            let member = try #require(try await services.store.accounts.person(email: "medlem.a@example.no"))
            let leader = try #require(try await services.store.accounts.person(email: "leder.a@example.no"))
            let lastAdmin = try await admin.post("/organisasjoner/\(people.orgA.identifier)/medlemmer/\(leader.identifier)/fjern", [])
            #expect(lastAdmin.status == .conflict && lastAdmin.text.contains("siste organisasjonsadministratoren"))
            #expect(try await admin.post("/organisasjoner/\(people.orgA.identifier)/medlemmer/\(member.identifier)/fjern", []).status == .seeOther)
            let removed = Browser(client)
            try await removed.signIn("medlem.a@example.no", testPassword)
            #expect(try await removed.get("/organisasjoner/\(people.orgA.identifier)").status == .notFound, "a removed member sees nothing")
            _ = try await admin.get("/organisasjoner/\(people.orgA.identifier)")
            let created = try await admin.post("/organisasjoner/\(people.orgA.identifier)/invitasjoner", [("role", "member")])
            let link = String(created.text.components(separatedBy: #"<code class="secret">"#)[1].prefix { $0 != "<" }.dropFirst("http://127.0.0.1:8080".count))
            let withdraw = String(created.text.components(separatedBy: "/invitasjoner/").dropFirst().first { $0.contains("/trekk-tilbake") }?.prefix { $0 != "/" } ?? "")
            #expect(try await admin.post("/organisasjoner/\(people.orgA.identifier)/invitasjoner/\(withdraw)/trekk-tilbake", []).status == .seeOther)
            #expect(try await Browser(client).get(link).status == .conflict, "a withdrawn link no longer works")
        }
    }

    @Test func onlyAdministratorsManagePeopleAndReadTheAuditLog() async throws {
        try await withPeople { client, services, _ in
            let editor = Browser(client)
            try await editor.signIn("redaktor@example.no", testPassword)
            #expect(try await editor.get("/admin").status == .forbidden)
            #expect(try await editor.get("/admin/revisjon").status == .forbidden)
            let admin = Browser(client)
            try await admin.signIn("admin@example.no", testPassword)
            let page = try await admin.get("/admin")
            #expect(page.status == .ok && page.text.contains("medlem.b@example.no"))
            let member = try #require(try await services.store.accounts.person(email: "medlem.b@example.no"))
            let changed = try await admin.post(
                "/admin/brukere/\(member.identifier)/tilgang", [("editor", "on"), ("providers", ""), ("access_groups", "ledergruppe")])
            #expect(changed.status == .seeOther)
            #expect(try await services.store.accounts.person(email: "medlem.b@example.no")?.roles == [.editor])
            let audit = try await admin.get("/admin/revisjon")
            #expect(audit.text.contains("role.change") && audit.text.contains("medlem.b@example.no"))
        }
    }
}

@Suite struct TagConfirmationTests {
    @Test func anEditorConfirmsASuggestedTag() async throws {
        try await withPeople { client, services, _ in
            var measure = Measure.mock("ki1", name: "Kunstig intelligens for ledere", provider: "Tilbyder X")
            measure.description = "Et kurs om kunstig intelligens, maskinlæring og ansvarlig bruk av KI i offentlig sektor."
            try await services.store.measures.upsert([measure])
            let anonymous = try await Browser(client).get("/tiltak/ki1")
            #expect(!anonymous.text.contains("Foreslåtte emner"), "suggestions are for editors")
            let editor = Browser(client)
            try await editor.signIn("redaktor@example.no", testPassword)
            let page = try await editor.get("/tiltak/ki1")
            #expect(page.text.contains("Foreslåtte emner"))
            let code = try #require(page.text.components(separatedBy: #"name="node" value=""#).dropFirst().first.map { String($0.prefix { $0 != "\"" }) })
            #expect(try await editor.post("/tiltak/ki1/emner", [("node", code)]).status == .seeOther)
            let stored = try #require(try await services.store.measures.measure(identifier: "ki1"))
            #expect(stored.teaches.contains { $0.code == code && $0.origin == .confirmed })
            #expect(try await editor.post("/tiltak/ki1/emner", [("node", "FINNES.IKKE")]).status == .badRequest)
        }
    }
}

@Suite struct RestrictedDocumentTests {
    @Test func onlyTheAccessGroupReadsRestrictedDocumentsAndEveryReadIsAudited() async throws {
        try await withPeople { client, services, _ in
            let outsider = Browser(client)
            try await outsider.signIn("medlem.a@example.no", testPassword)
            for path in ["/dokumenter", "/dokumenter/notat", "/sporsmal?sporsmal=Hva%20er%20budsjettet%3F"] {
                let page = try await outsider.get(path)
                #expect(!page.text.contains("PLANTET-HEMMELIGHET") && !page.text.contains("Internt notat"), "\(path)")
            }
            let reader = Browser(client)
            try await reader.signIn("leser@example.no", testPassword)
            let document = try await reader.get("/dokumenter/notat")
            #expect(document.status == .ok && document.text.contains("PLANTET-HEMMELIGHET"))
            let answer = try await reader.get("/sporsmal?sporsmal=Hvor%20stort%20er%20budsjettet%3F")
            #expect(answer.text.contains("9,9 millioner"))
            let events = try await services.audit.events(page: 1, as: .commandLine).events
            #expect(events.contains { $0.action == "document.read" && $0.target == "notat" && $0.actor == "leser@example.no" })
            #expect(events.contains { $0.action == "document.quote" && $0.target == "notat" })
            #expect(!events.contains { $0.detail.contains("PLANTET") }, "the audit log never holds restricted text")
        }
    }
}
