import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import KompetanseWeb
import Testing

/// Who may call a route.
enum RouteAccess: Sendable {
    /// Anyone (public data, or the sign-in machinery itself).
    case open
    /// Restricted documents: members of the access group only; others get "not found".
    case accessGroup
    /// Any signed-in person (their own data).
    case signedIn
    /// Editors (and administrators).
    case editor
    /// Administrators.
    case administrator
    /// Members of the organisation in the path.
    case organisationMember
    /// Admins of the organisation in the path (and the system administrator, who manages organisations).
    case organisationAdmin
    /// The organisation's own admins only: running its assessment rounds. Not the system administrator.
    case assessmentAdmin
    /// Editors, or the provider that owns the measure.
    case measureOwner
    /// Members of the assessed group and the organisation's own admins; never the system administrator.
    case groupMember
}

/// One row of the break-in table: a route, who may call it, and a concrete request to try.
struct RouteCase: Sendable {
    let access: RouteAccess
    /// The path with parameters filled in from the fixture (`{orgA}`, `{memberA}`, `{tokenB}`, `{secret}`).
    let path: String
    /// Form fields or a JSON body for writes.
    var fields: [(String, String)] = []
    var json: String? = nil
}

/// Every route of the router with its rule. The route-listing test fails when a route is missing here, so a new route
/// cannot ship without saying who may call it and being attacked below.
let routeTable: [String: RouteCase] = [
    // Public pages and the sign-in machinery.
    "GET /": .init(access: .open, path: "/"),
    "GET /helse": .init(access: .open, path: "/helse"),
    "GET /static/app.css": .init(access: .open, path: "/static/app.css"),
    "GET /tiltak": .init(access: .open, path: "/tiltak"),
    "GET /tiltak/finn": .init(access: .open, path: "/tiltak/finn?behov=ledelse"),
    "GET /tiltak/{id}": .init(access: .open, path: "/tiltak/x1"),
    "POST /tiltak/{id}/emner": .init(access: .editor, path: "/tiltak/x1/emner", fields: [("node", "DI2X.T.1")]),
    "GET /tilbydere": .init(access: .open, path: "/tilbydere"),
    "GET /rammeverk": .init(access: .open, path: "/rammeverk"),
    "GET /rammeverk/dekning": .init(access: .open, path: "/rammeverk/dekning"),
    "GET /rammeverk/{code}": .init(access: .open, path: "/rammeverk/DI2X"),
    "GET /rammeverk/{code}/{node}": .init(access: .open, path: "/rammeverk/DI2X/DI2X.T.1"),
    "GET /sporsmal": .init(access: .open, path: "/sporsmal?sporsmal=Hva%20er%20budsjettet%3F"),
    "GET /dokumenter": .init(access: .open, path: "/dokumenter"),
    "GET /dokumenter/{id}": .init(access: .accessGroup, path: "/dokumenter/notat"),
    "POST /tilbakemelding": .init(access: .open, path: "/tilbakemelding", fields: [("target", "svar"), ("reference", "x"), ("verdict", "riktig")]),
    "GET /logg-inn": .init(access: .open, path: "/logg-inn"),
    "POST /logg-inn": .init(access: .open, path: "/logg-inn", fields: [("email", "admin@example.no"), ("password", testPassword)]),
    "POST /logg-ut": .init(access: .open, path: "/logg-ut"),
    "GET /logg-inn/oidc": .init(access: .open, path: "/logg-inn/oidc"),
    "GET /logg-inn/oidc/tilbake": .init(access: .open, path: "/logg-inn/oidc/tilbake?code=a&state=b"),
    "GET /invitasjon/{secret}": .init(access: .open, path: "/invitasjon/{secret}"),
    "POST /invitasjon/{secret}": .init(
        access: .open, path: "/invitasjon/{secret}",
        fields: [("name", "Ny"), ("email", "ny@example.no"), ("password", testPassword), ("repeat_password", testPassword)]),
    // The signed-in person's own things.
    "GET /konto": .init(access: .signedIn, path: "/konto"),
    "POST /konto/passord": .init(
        access: .signedIn, path: "/konto/passord",
        fields: [("current_password", testPassword), ("new_password", "et helt nytt passord"), ("repeat_password", "et helt nytt passord")]),
    "POST /konto/nokler": .init(access: .signedIn, path: "/konto/nokler", fields: [("label", "x")]),
    "POST /konto/nokler/{id}/trekk-tilbake": .init(access: .signedIn, path: "/konto/nokler/{tokenB}/trekk-tilbake"),
    "GET /organisasjoner": .init(access: .signedIn, path: "/organisasjoner"),
    // Organisations.
    "GET /organisasjoner/{id}": .init(access: .organisationMember, path: "/organisasjoner/{orgA}"),
    "POST /organisasjoner/{id}/grupper": .init(access: .organisationAdmin, path: "/organisasjoner/{orgA}/grupper", fields: [("name", "Ny gruppe")]),
    "POST /organisasjoner/{id}/invitasjoner": .init(access: .organisationAdmin, path: "/organisasjoner/{orgA}/invitasjoner", fields: [("role", "admin")]),
    "POST /organisasjoner/{id}/medlemmer/{person}": .init(
        access: .organisationAdmin, path: "/organisasjoner/{orgA}/medlemmer/{memberA}", fields: [("role", "admin")]),
    "POST /organisasjoner/{id}/medlemmer/{person}/fjern": .init(
        access: .organisationAdmin, path: "/organisasjoner/{orgA}/medlemmer/{memberA}/fjern"),
    "POST /organisasjoner/{id}/invitasjoner/{invitation}/trekk-tilbake": .init(
        access: .organisationAdmin, path: "/organisasjoner/{orgA}/invitasjoner/{invitationA}/trekk-tilbake"),
    // Editors and administrators.
    "GET /tilbakemeldinger": .init(access: .editor, path: "/tilbakemeldinger"),
    "GET /admin": .init(access: .administrator, path: "/admin"),
    "POST /admin/brukere": .init(
        access: .administrator, path: "/admin/brukere",
        fields: [("name", "Inntrenger"), ("email", "inn@example.no"), ("password", testPassword), ("administrator", "on")]),
    "POST /admin/brukere/{id}/tilgang": .init(access: .administrator, path: "/admin/brukere/{memberA}/tilgang", fields: [("administrator", "on")]),
    "POST /admin/brukere/{id}/stengt": .init(access: .administrator, path: "/admin/brukere/{memberA}/stengt", fields: [("disabled", "on")]),
    "POST /admin/organisasjoner": .init(access: .administrator, path: "/admin/organisasjoner", fields: [("name", "Falsk etat")]),
    "GET /admin/revisjon": .init(access: .administrator, path: "/admin/revisjon"),
    // The JSON API.
    "GET /api/v1/openapi.json": .init(access: .open, path: "/api/v1/openapi.json"),
    "GET /api/v1/frameworks": .init(access: .open, path: "/api/v1/frameworks"),
    "GET /api/v1/frameworks/{code}": .init(access: .open, path: "/api/v1/frameworks/DI2X"),
    "GET /api/v1/frameworks/{code}/case": .init(access: .open, path: "/api/v1/frameworks/DI2X/case"),
    "GET /api/v1/nodes/{code}": .init(access: .open, path: "/api/v1/nodes/DI2X.T.1"),
    "GET /api/v1/providers": .init(access: .open, path: "/api/v1/providers"),
    "GET /api/v1/providers/{id}": .init(access: .open, path: "/api/v1/providers/tilbyder-x"),
    "GET /api/v1/measures": .init(access: .open, path: "/api/v1/measures"),
    "GET /api/v1/measures/{id}": .init(access: .open, path: "/api/v1/measures/x1"),
    "GET /api/v1/coverage": .init(access: .open, path: "/api/v1/coverage"),
    "POST /api/v1/match": .init(access: .open, path: "/api/v1/match", json: #"{"text":"ledelse"}"#),
    "POST /api/v1/ask": .init(access: .open, path: "/api/v1/ask", json: #"{"question":"Hva er budsjettet?"}"#),
    "GET /api/v1/documents": .init(access: .open, path: "/api/v1/documents"),
    "GET /api/v1/documents/{id}": .init(access: .accessGroup, path: "/api/v1/documents/notat"),
    "POST /api/v1/feedback": .init(access: .open, path: "/api/v1/feedback", json: #"{"target":"svar","reference":"x","verdict":"riktig"}"#),
    "GET /api/v1/feedback": .init(access: .editor, path: "/api/v1/feedback"),
    "GET /api/v1/me": .init(access: .signedIn, path: "/api/v1/me"),
    "GET /api/v1/organisations": .init(access: .signedIn, path: "/api/v1/organisations"),
    "GET /api/v1/organisations/{id}": .init(access: .organisationMember, path: "/api/v1/organisations/{orgA}"),
    "GET /api/v1/audit": .init(access: .administrator, path: "/api/v1/audit"),
    "POST /api/v1/measures": .init(
        access: .measureOwner, path: "/api/v1/measures",
        json: #"[{"@type":"Course","identifier":"y1","name":"Overtatt","description":"Et kurs som noen prøver å overta.","provider":{"@type":"Organization","name":"Tilbyder X"}}]"#),
    "DELETE /api/v1/measures/{id}": .init(access: .measureOwner, path: "/api/v1/measures/y1"),
    // Assessments: public instruments, secret answer links, everything else for the group and its organisation.
    "GET /kartlegging": .init(access: .open, path: "/kartlegging"),
    "GET /kartlegging/instrumenter/{id}": .init(access: .open, path: "/kartlegging/instrumenter/di2x-kapabiliteter"),
    "GET /kartlegging/svar/{secret}": .init(access: .open, path: "/kartlegging/svar/{answer}"),
    "POST /kartlegging/svar/{secret}": .init(access: .open, path: "/kartlegging/svar/{answer}", fields: [("svar-T1-1", "2"), ("handling", "lagre")]),
    "POST /kartlegging/runder": .init(
        access: .assessmentAdmin, path: "/kartlegging/runder",
        fields: [("organisation", "{orgA}"), ("group", "{groupA}"), ("instrument", "di2x-kapabiliteter"), ("title", "Inntrenger")]),
    "GET /kartlegging/runder/{id}": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}"),
    "POST /kartlegging/runder/{id}/mitt-svarskjema": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/mitt-svarskjema"),
    "POST /kartlegging/runder/{id}/lukk": .init(access: .assessmentAdmin, path: "/kartlegging/runder/{roundA}/lukk"),
    "GET /kartlegging/runder/{id}/resultat": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/resultat"),
    "POST /kartlegging/runder/{id}/enighet": .init(
        access: .groupMember, path: "/kartlegging/runder/{roundA}/enighet", fields: [("niva-DI2X.T.1.1", "2"), ("begrunnelse-DI2X.T.1.1", "x")]),
    "POST /kartlegging/runder/{id}/mal": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/mal", fields: [("target", "3")]),
    "GET /kartlegging/runder/{id}/tiltak": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/tiltak"),
    "GET /kartlegging/runder/{id}/plan": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/plan"),
    "POST /kartlegging/runder/{id}/plan/tiltak": .init(
        access: .groupMember, path: "/kartlegging/runder/{roundA}/plan/tiltak", fields: [("measure", "x1"), ("covers", "DI2X.T.1.1")]),
    "POST /kartlegging/runder/{id}/plan/tiltak/{measure}": .init(
        access: .groupMember, path: "/kartlegging/runder/{roundA}/plan/tiltak/x1", fields: [("phase", "samling"), ("owner", "X")]),
    "POST /kartlegging/runder/{id}/plan/tiltak/{measure}/fjern": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/plan/tiltak/x1/fjern"),
    "POST /kartlegging/runder/{id}/plan/rammer": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/plan/rammer", fields: [("budget", "1")]),
    "POST /kartlegging/runder/{id}/plan/forslag": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/plan/forslag"),
    "GET /kartlegging/runder/{id}/rapport": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/rapport"),
    "GET /kartlegging/runder/{id}/rapport.csv": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/rapport.csv"),
    "GET /kartlegging/runder/{id}/rapport.json": .init(access: .groupMember, path: "/kartlegging/runder/{roundA}/rapport.json"),
    "GET /api/v1/instruments": .init(access: .open, path: "/api/v1/instruments"),
    "GET /api/v1/instruments/{id}": .init(access: .open, path: "/api/v1/instruments/ki-modenhet-kort"),
    "GET /api/v1/answers/{secret}": .init(access: .open, path: "/api/v1/answers/{answer}"),
    "PUT /api/v1/answers/{secret}": .init(access: .open, path: "/api/v1/answers/{answer}", json: #"{"answers":{"T1-1":2}}"#),
    "POST /api/v1/rounds": .init(
        access: .assessmentAdmin, path: "/api/v1/rounds",
        json: #"{"organisation":"{orgA}","group":"{groupA}","instrument":"di2x-kapabiliteter","title":"Inntrenger"}"#),
    "GET /api/v1/rounds/{id}": .init(access: .groupMember, path: "/api/v1/rounds/{roundA}"),
    "POST /api/v1/rounds/{id}/close": .init(access: .assessmentAdmin, path: "/api/v1/rounds/{roundA}/close"),
    "POST /api/v1/rounds/{id}/my-link": .init(access: .groupMember, path: "/api/v1/rounds/{roundA}/my-link"),
    "GET /api/v1/rounds/{id}/result": .init(access: .groupMember, path: "/api/v1/rounds/{roundA}/result"),
    "PUT /api/v1/rounds/{id}/consensus": .init(
        access: .groupMember, path: "/api/v1/rounds/{roundA}/consensus", json: #"{"agreed":{"DI2X.T.1.1":{"level":2,"justification":"x"}}}"#),
    "PUT /api/v1/rounds/{id}/target": .init(access: .groupMember, path: "/api/v1/rounds/{roundA}/target", json: #"{"target":3}"#),
    "GET /api/v1/rounds/{id}/recommendations": .init(access: .groupMember, path: "/api/v1/rounds/{roundA}/recommendations"),
    "GET /api/v1/rounds/{id}/plan": .init(access: .groupMember, path: "/api/v1/rounds/{roundA}/plan"),
    "POST /api/v1/rounds/{id}/plan/suggest": .init(access: .groupMember, path: "/api/v1/rounds/{roundA}/plan/suggest"),
]

/// Text an attacker must never see in a refusal.
let plantedStrings = ["PLANTET-HEMMELIGHET", "Ledergruppen A", "leder.a@example.no", "Budsjettet for", "PLANTET-RUNDE"]

@Suite struct BreakInTests {
    @Test func everyRouteIsInTheBreakInTable() async throws {
        try await TestEngine.sqlite.withServices(configuration: .forTests) { services in
            let routes = Set(try await WebApplication.routeList(services: services))
            let missing = routes.subtracting(routeTable.keys).sorted()
            let stale = Set(routeTable.keys).subtracting(routes).sorted()
            #expect(missing.isEmpty, "routes without an access rule in the break-in table: \(missing)")
            #expect(stale.isEmpty, "table rows for routes that no longer exist: \(stale)")
        }
    }

    @Test func everyProtectedRouteRefusesEveryAttackerAndLeaksNothing() async throws {
        try await withPeople { client, services, people in
            let fixture = try await AttackFixture.make(services, people: people)
            var attacks = 0
            for (route, row) in routeTable.sorted(by: { $0.key < $1.key }) {
                let method = HTTPRequest.Method(String(route.split(separator: " ")[0]))!
                let path = fixture.fill(row.path)
                let isAPI = path.hasPrefix("/api/")
                for attacker in Attacker.against(row.access, api: isAPI, writes: method != .get) {
                    let response: Browser.Page
                    let before: Int
                    if isAPI {
                        before = try await services.store.audit.count()
                        response = try await fixture.api(method, path, row, as: attacker, client: client)
                    } else {
                        let browser = try await fixture.browser(attacker, client: client)
                        before = try await services.store.audit.count()
                        response =
                            method == .get
                            ? try await browser.get(path)
                            : try await browser.post(
                                path, row.fields.map { ($0.0, fixture.fill($0.1)) }, csrf: attacker == .forgedCSRF ? "forfalsket" : nil)
                    }
                    attacks += 1
                    let refused =
                        [401, 403, 404].contains(response.status.code)
                        || (response.status == .seeOther && response.location?.hasPrefix("/logg-inn") == true)
                    #expect(refused, "\(route) as \(attacker): \(response.status)")
                    for planted in plantedStrings {
                        #expect(!response.text.contains(planted), "\(route) as \(attacker) leaked «\(planted)»")
                    }
                    if method != .get {
                        #expect(try await services.store.audit.count() == before, "\(route) as \(attacker) changed something")
                    }
                }
            }
            #expect(attacks > 350, "\(attacks) attacks")
            // The table's writes really are refused, not just answered politely: the state is as it was.
            #expect(try await services.store.measures.measure(identifier: "y1")?.provider.name == "Tilbyder Y")
            #expect(try await services.store.accounts.person(email: "inn@example.no") == nil)
            #expect(try await services.store.accounts.person(email: "medlem.a@example.no")?.isDisabled == false)
        }
    }
}

extension BreakInTests {
    @Test func noPageLinksToAnotherSiteThroughItsOwnPath() async throws {
        try await withPeople { client, _, _ in
            let browser = Browser(client)
            for trick in ["//evil.example/x", "///evil.example/", "/\\evil.example/x", "//tiltak", "/tiltak//", "//kartlegging?lang=en"] {
                let first = try await browser.get(trick)
                var pages = [first]
                if first.status == .permanentRedirect {
                    let location = try #require(first.location)
                    #expect(location.hasPrefix("/") && !location.dropFirst().hasPrefix("/") && !location.contains("\\"), "\(trick) → \(location)")
                    pages.append(try await browser.get(location))
                } else {
                    #expect(first.status == .notFound, "\(trick): \(first.status)")
                }
                for page in pages {
                    for bad in [#"href="//"#, #"href="/\"#, #"action="//"#, "//evil.example"] {
                        #expect(!page.text.contains(bad), "\(trick) renders «\(bad)»")
                    }
                }
            }
            #expect(try await browser.get("//tiltak").location == "/tiltak")
            #expect(try await browser.post("//logg-ut", []).status == .notFound, "a write to a doubled path is not followed")
        }
    }

    @Test func theAdministratorAndOtherActorsGetNoOnesAnswersOrLinks() async throws {
        try await withPeople { client, services, people in
            let fixture = try await AttackFixture.make(services, people: people)
            let round = fixture.fill("{roundA}")
            _ = try await services.assessments.saveAnswers(secret: fixture.fill("{answer}"), sheet: ["T1-1": .level(5)], submit: false)
            for attacker in Attacker.actors {
                let browser = try await fixture.browser(attacker, client: client)
                let listing = try await browser.get("/kartlegging")
                let insider = Attacker.allowed(.groupMember).contains(attacker)
                #expect(listing.text.contains("PLANTET-RUNDE") == insider, "\(attacker) on /kartlegging")
                let asked = try await browser.post("/kartlegging/runder/\(round)/mitt-svarskjema", [])
                guard insider else {
                    #expect([401, 404].contains(asked.status.code) && asked.location == nil, "\(attacker): \(asked.status)")
                    continue
                }
                // "Renew, then read": a member's own new link shows only what that member saved.
                let form = try await browser.get(try #require(asked.location))
                #expect(form.text.contains(#"value="5" checked"#) == (attacker == .plainMember), "\(attacker) sees another's answers")
            }
        }
    }
}

/// The kinds of actor the table is tried with: everyone a rule does not let in attacks the route.
enum Attacker: String, Sendable, CaseIterable, CustomStringConvertible {
    case anonymous, memberOfOtherOrganisation, adminOfOtherOrganisation, plainMember, organisationAdmin, editor
    case otherProvider, administrator, documentReader
    case revokedToken, forgedCSRF

    var description: String { rawValue }

    /// The actors with an identity of their own (not the two forged kinds).
    static let actors: [Attacker] = [
        .anonymous, .memberOfOtherOrganisation, .adminOfOtherOrganisation, .plainMember, .organisationAdmin, .editor,
        .otherProvider, .administrator, .documentReader,
    ]

    /// Who a rule lets in. Organisation A's member and admin are both in its assessed group.
    static func allowed(_ access: RouteAccess) -> Set<Attacker> {
        switch access {
        case .open: Set(actors)
        case .accessGroup: [.documentReader]
        case .signedIn: Set(actors).subtracting([.anonymous])
        case .editor: [.editor, .administrator]
        case .administrator: [.administrator]
        case .organisationMember: [.plainMember, .organisationAdmin, .administrator]
        case .organisationAdmin: [.organisationAdmin, .administrator]
        case .assessmentAdmin: [.organisationAdmin]
        case .measureOwner: [.editor, .administrator]
        case .groupMember: [.plainMember, .organisationAdmin]
        }
    }

    /// Everyone who must be refused by a route with this rule.
    static func against(_ access: RouteAccess, api: Bool, writes: Bool) -> [Attacker] {
        let base = actors.filter { !allowed(access).contains($0) }
        guard access != .open else { return [] }
        // Every API route refuses a revoked token; every form refuses a forged CSRF token, even from the administrator.
        if api { return base + [.revokedToken] }
        return base + (writes ? [.forgedCSRF] : [])
    }

    /// The e-mail address the attacker signs in with.
    var email: String? {
        switch self {
        case .anonymous, .revokedToken: nil
        case .memberOfOtherOrganisation: "medlem.b@example.no"
        case .adminOfOtherOrganisation: "leder.b@example.no"
        case .plainMember: "medlem.a@example.no"
        case .organisationAdmin: "leder.a@example.no"
        case .editor: "redaktor@example.no"
        case .otherProvider: "tilbyder.x@example.no"
        case .administrator, .forgedCSRF: "admin@example.no"
        case .documentReader: "leser@example.no"
        }
    }
}

/// Identifiers, tokens and signed-in browsers for the attacks.
struct AttackFixture: Sendable {
    let values: [String: String]
    let tokens: [String: String]
    let revokedToken: String

    static func make(_ services: AppServices, people: People) async throws -> AttackFixture {
        func principal(_ email: String) async throws -> Principal {
            let person = try #require(try await services.store.accounts.person(email: email))
            return try #require(try await services.accounts.principal(personIdentifier: person.identifier))
        }
        var tokens: [String: String] = [:]
        for email in Set(Attacker.actors.compactMap(\.email)) {
            tokens[email] = try await services.accounts.createToken(label: "test", as: try await principal(email)).secret
        }
        let leaderB = try await principal("leder.b@example.no")
        let (_, tokenB) = try await services.accounts.createToken(label: "B", as: leaderB)
        let admin = try await principal("admin@example.no")
        let (revoked, revokedInfo) = try await services.accounts.createToken(label: "gammel", as: admin)
        try await services.accounts.revokeToken(identifier: revokedInfo.identifier, as: admin)
        let (secret, invitationA) = try await services.organisations.invite(
            organisation: people.orgA.identifier, role: .member, group: nil, as: .commandLine)
        let memberA = try #require(try await services.store.accounts.person(email: "medlem.a@example.no"))
        let opened = try await services.assessments.openRound(
            organisation: people.orgA.identifier, group: people.groupA.identifier, instrument: "di2x-kapabiliteter", kind: .baseline,
            baseline: nil, title: "PLANTET-RUNDE A", as: .commandLine)
        let answer = try await services.assessments.personalLink(round: opened.identifier, as: try await principal("medlem.a@example.no"))
        return AttackFixture(
            values: [
                "{orgA}": people.orgA.identifier, "{groupA}": people.groupA.identifier, "{memberA}": memberA.identifier,
                "{tokenB}": tokenB.identifier, "{secret}": secret, "{roundA}": opened.identifier,
                "{invitationA}": invitationA.identifier, "{answer}": String(answer.path.dropFirst("/kartlegging/svar/".count)),
            ],
            tokens: tokens, revokedToken: revoked)
    }

    func fill(_ path: String) -> String {
        values.reduce(path) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    func api(
        _ method: HTTPRequest.Method, _ path: String, _ row: RouteCase, as attacker: Attacker, client: any TestClientProtocol
    ) async throws -> Browser.Page {
        let json = row.json.map(fill)
        var headers: HTTPFields = [.contentType: "application/json"]
        switch attacker {
        case .anonymous, .forgedCSRF:
            break
        case .revokedToken:
            headers[.authorization] = "Bearer \(revokedToken)"
        default:
            headers[.authorization] = "Bearer \(tokens[attacker.email!]!)"
        }
        return try await Browser(client).send(path, method: method, headers: headers, body: json)
    }

    func browser(_ attacker: Attacker, client: any TestClientProtocol) async throws -> Browser {
        let browser = Browser(client)
        if let email = attacker.email {
            let page = try await browser.signIn(email, testPassword)
            #expect(page.status == .seeOther, "\(attacker) could not sign in")
            _ = try await browser.get("/konto")
        }
        return browser
    }
}
