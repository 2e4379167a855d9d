import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import KompetanseWeb
import Testing

/// A leader group of five in one organisation (the first is its admin), another organisation's member, the demo
/// catalogue, and the router.
func withLeaderGroup(
    _ body: @escaping @Sendable (any TestClientProtocol, AppServices, _ organisation: String) async throws -> Void
) async throws {
    try await TestEngine.sqlite.withServices { services in
        try await services.interchange.seedDemoCatalogue()
        let cli = Principal.commandLine
        let organisation = try await services.organisations.create(name: "Direktoratet", as: cli)
        let group = try await services.organisations.createGroup(organisation: organisation.identifier, name: "Ledergruppen", as: cli)
        for (index, name) in ["Anne", "Bjørn", "Cecilie", "Dag", "Eva"].enumerated() {
            let (secret, _) = try await services.organisations.invite(
                organisation: organisation.identifier, role: index == 0 ? .admin : .member, group: group.identifier, as: cli)
            _ = try await services.organisations.acceptCreatingAccount(
                secret: secret, email: "\(name.lowercased())@example.no", name: name, password: testPassword)
        }
        let other = try await services.organisations.create(name: "Annen etat", as: cli)
        let (secret, _) = try await services.organisations.invite(organisation: other.identifier, role: .admin, group: nil, as: cli)
        _ = try await services.organisations.acceptCreatingAccount(
            secret: secret, email: "utenfor@example.no", name: "Utenfor", password: testPassword)
        let app = Application(router: try await WebApplication.buildRouter(services: services))
        try await app.test(.router) { client in try await body(client, services, organisation.identifier) }
    }
}

/// The group's five members, by e-mail, as ``withLeaderGroup`` creates them (Anne is the organisation admin).
let leaderGroupEmails = ["anne@example.no", "bjørn@example.no", "cecilie@example.no", "dag@example.no", "eva@example.no"]

/// A member's own answer link for a round, fetched as they would: signed in, with the round page's button.
func ownLink(_ client: any TestClientProtocol, email: String, round: String) async throws -> String {
    let member = Browser(client)
    try await member.signIn(email, testPassword)
    let page = try await member.get("/kartlegging/runder/\(round)")
    #expect(page.text.contains("/kartlegging/runder/\(round)/mitt-svarskjema"), "the round page offers \(email) their own form")
    let response = try await member.post("/kartlegging/runder/\(round)/mitt-svarskjema", [])
    #expect(response.status == .seeOther, "\(email): \(response.status)")
    return try #require(response.location)
}

/// A member's own answer link through the service, as the API and the page get it.
func ownLink(_ services: AppServices, email: String, round: String) async throws -> String {
    let person = try #require(try await services.store.accounts.person(email: email))
    let principal = try #require(try await services.accounts.principal(personIdentifier: person.identifier))
    return try await services.assessments.personalLink(round: round, as: principal).path
}

/// The principal of a person by e-mail.
func principal(_ services: AppServices, _ email: String) async throws -> Principal {
    let person = try #require(try await services.store.accounts.person(email: email))
    return try #require(try await services.accounts.principal(personIdentifier: person.identifier))
}

/// The round identifier from a round page's form actions.
func roundIdentifier(in page: Browser.Page) -> String {
    String(page.text.components(separatedBy: "/kartlegging/runder/")[1].prefix { $0 != "/" && $0 != "\"" })
}

/// Answers every item of the DI2X instrument with `level` (G1–G6), except the ones named.
func answers(_ instrument: Instrument, level: (InstrumentItem) -> String) -> [(String, String)] {
    instrument.items.map { ("svar-" + $0.identifier, level($0)) }
}

@Suite struct AssessmentFlowTests {
    @Test func aLeaderGroupGoesFromBaselineToPlanToFollowUp() async throws {
        try await withLeaderGroup { client, services, organisation in
            let instrument = try await services.assessments.instrument(identifier: "di2x-kapabiliteter")
            let admin = Browser(client)
            try await admin.signIn("anne@example.no", testPassword)
            let start = try await admin.get("/kartlegging")
            #expect(start.text.contains("Start en ny runde"))
            let group = try #require(try await services.store.accounts.groups(organisationIdentifier: organisation).first)
            let opened = try await admin.post(
                "/kartlegging/runder",
                [("organisation", organisation), ("group", group.identifier), ("instrument", "di2x-kapabiliteter"), ("kind", "baseline"),
                 ("title", "Nullpunkt 2026"), ("threshold", "3")])
            #expect(opened.status == .created)
            let round = roundIdentifier(in: opened)
            #expect(!opened.text.contains("/kartlegging/svar/"), "whoever opens the round is given nobody's link")
            #expect(opened.text.contains("0 / 5"), "every member of the group takes part")
            var personal: [String] = []
            for email in leaderGroupEmails { personal.append(try await ownLink(client, email: email, round: round)) }
            #expect(Set(personal).count == 5 && personal.allSatisfy { $0.hasPrefix("/kartlegging/svar/") })

            // Five members answer privately; Anne saves a draft first and comes back.
            let levels = [2, 2, 3, 3, 4]
            for (index, link) in personal.enumerated() {
                let member = Browser(client)
                #expect(try await member.get(link).status == .ok)
                let fields = answers(instrument) { item in item.identifier == "T2-2" ? String(levels[index] + 1) : String(levels[index]) }
                if index == 0 {
                    let draft = try await member.post(link, Array(fields.prefix(3)) + [("handling", "lagre")])
                    #expect(draft.status == .ok && draft.text.contains("Svarene er lagret"))
                    #expect(try await member.get(link).text.contains("Besvart: 3 / 15"), "save and resume")
                }
                let submitted = try await member.post(link, fields + [("handling", "lever")])
                #expect(submitted.status == .ok, "\(submitted.text.prefix(300))")
                #expect(submitted.text.contains("Svarene er levert"))
            }
            // Double submit and answers outside the scale change nothing.
            let member = Browser(client)
            _ = try await member.get(personal[1])
            let again = try await member.post(personal[1], answers(instrument) { _ in "6" } + [("handling", "lever")])
            #expect(again.status == .conflict && again.text.contains("allerede levert"))
            let outside = try await member.post(personal[1], [("svar-T1-1", "9"), ("handling", "lagre")])
            #expect(outside.status == .badRequest && outside.text.contains("tillatt: 1, 2, 3, 4, 5, 6"))
            let unknown = try await member.post(personal[1], [("svar-X9", "2"), ("handling", "lagre")])
            #expect(unknown.status == .badRequest)

            // No result while answers come in; the round page shows who has answered, never what.
            #expect(try await admin.get("/kartlegging/runder/\(round)/resultat").status == .conflict)
            let roundPage = try await admin.get("/kartlegging/runder/\(round)")
            #expect(roundPage.text.contains("5 / 5") && roundPage.text.contains("Har levert"))
            #expect(try await admin.post("/kartlegging/runder/\(round)/lukk", []).location == "/kartlegging/runder/\(round)/resultat")
            let late = try await member.post(personal[2], answers(instrument) { _ in "1" } + [("handling", "lagre")])
            #expect(late.status == .conflict, "a closed round takes no answers")

            // The group result: median 3 of 2,2,3,3,4 for T1-1 (quartiles 2–3), with the spread.
            let bjorn = Browser(client)
            try await bjorn.signIn("bjørn@example.no", testPassword)
            let result = try await bjorn.get("/kartlegging/runder/\(round)/resultat")
            #expect(result.status == .ok)
            #expect(result.text.contains("Median 3 av 5 svar"), "\(result.text.components(separatedBy: "<tbody>").dropFirst().first?.prefix(600) ?? "")")
            #expect(!result.text.contains("Anne") && !result.text.contains("Cecilie"), "no answer is attributed to anyone")

            // Consensus: agreed level with justification; spread kept beside it. Bad input changes nothing.
            let bad = try await bjorn.post("/kartlegging/runder/\(round)/enighet", [("niva-DI2X.X.9", "3"), ("begrunnelse-DI2X.X.9", "x")])
            #expect(bad.status == .badRequest && bad.text.contains("ukjent node"))
            let agreed = try await bjorn.post(
                "/kartlegging/runder/\(round)/enighet", [("niva-DI2X.T.2.2", "3"), ("begrunnelse-DI2X.T.2.2", "Vi mangler felles datakunnskap")])
            #expect(agreed.status == .seeOther)
            let withConsensus = try await bjorn.get("/kartlegging/runder/\(round)/resultat")
            #expect(withConsensus.text.contains("Vi mangler felles datakunnskap"))
            #expect(withConsensus.text.contains("Enighet: 3"))

            // Target G4 → gaps ranked; recommendations name the gap; the plan is suggested within budget.
            #expect(try await bjorn.post("/kartlegging/runder/\(round)/mal", [("target", "4")]).status == .seeOther)
            let gaps = try await bjorn.get("/kartlegging/runder/\(round)/resultat")
            #expect(gaps.text.contains("Gap, viktigst først") && gaps.text.contains("mål G4"))
            let recommendations = try await bjorn.get("/kartlegging/runder/\(round)/tiltak")
            #expect(recommendations.status == .ok && recommendations.text.contains("Legg til i planen"))
            _ = try await bjorn.get("/kartlegging/runder/\(round)/plan")
            #expect(try await bjorn.post("/kartlegging/runder/\(round)/plan/rammer", [("budget", "50000"), ("hours", "60")]).status == .seeOther)
            let suggested = try await bjorn.post("/kartlegging/runder/\(round)/plan/forslag", [])
            #expect(suggested.status == .ok && suggested.text.contains("Forslaget"))
            let plan = try await services.assessments.plan(round: round, as: .commandLine)
            #expect(!plan.items.isEmpty)
            #expect((plan.totals.totalCost) <= 50_000)
            let first = plan.items[0].measureIdentifier
            _ = try await bjorn.get("/kartlegging/runder/\(round)/plan")
            let updated = try await bjorn.post(
                "/kartlegging/runder/\(round)/plan/tiltak/\(first)", [("phase", "forberedelse"), ("owner", "Bjørn"), ("due", "2027-03-01")])
            #expect(updated.status == .seeOther)
            #expect(try await services.assessments.plan(round: round, as: .commandLine).items[0].owner == "Bjørn")

            // The report: accessible chart with a data table, CSV and JSON exports.
            let report = try await bjorn.get("/kartlegging/runder/\(round)/rapport")
            #expect(report.text.contains(#"<svg class="chart" role="img""#) && report.text.contains("<caption>Resultat per kapabilitet</caption>"))
            let csv = try await bjorn.get("/kartlegging/runder/\(round)/rapport.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8" && csv.text.hasPrefix("node,navn,svar,median"))
            #expect(csv.text.contains("DI2X.T.2.2,Datakunnskap,5,"))
            // The system administrator manages organisations but never reads a group's assessment.
            _ = try await services.accounts.createPerson(
                email: "sysadmin@example.no", name: "Drift", password: testPassword, roles: [.administrator], as: .commandLine)
            let sysadmin = Browser(client)
            try await sysadmin.signIn("sysadmin@example.no", testPassword)
            #expect(!(try await sysadmin.get("/kartlegging")).text.contains("Nullpunkt 2026"), "no round is listed to the administrator")
            for path in ["/kartlegging/runder/\(round)", "/kartlegging/runder/\(round)/resultat", "/kartlegging/runder/\(round)/rapport.json"] {
                let page = try await sysadmin.get(path)
                #expect(page.status == .notFound, "administrator: \(path) \(page.status)")
                #expect(!page.text.contains("Vi mangler felles datakunnskap"))
            }
            let adminToken = try await services.accounts.createToken(label: "drift", as: try await principal(services, "sysadmin@example.no")).secret
            let apiResult = try await sysadmin.send("/api/v1/rounds/\(round)/result", headers: [.authorization: "Bearer \(adminToken)"])
            #expect(apiResult.status == .notFound && !apiResult.text.contains("datakunnskap"))
            let json = try await bjorn.get("/kartlegging/runder/\(round)/rapport.json")
            #expect(json.text.contains(#""gaps""#) && json.text.contains(#""plan""#))

            // Someone from another organisation finds nothing.
            let outsider = Browser(client)
            try await outsider.signIn("utenfor@example.no", testPassword)
            for path in ["/kartlegging/runder/\(round)", "/kartlegging/runder/\(round)/resultat", "/kartlegging/runder/\(round)/rapport.csv"] {
                let page = try await outsider.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(!page.text.contains("Datakunnskap"))
            }

            // Follow-up: a second round shows the change per node since the baseline.
            _ = try await admin.get("/kartlegging")
            let followUp = try await admin.post(
                "/kartlegging/runder",
                [("organisation", organisation), ("group", group.identifier), ("instrument", "di2x-kapabiliteter"),
                 ("kind", "oppfolging"), ("baseline", round), ("title", "Oppfølging 2027")])
            #expect(followUp.status == .created)
            let second = roundIdentifier(in: followUp)
            for email in leaderGroupEmails {
                let link = try await ownLink(client, email: email, round: second)
                #expect(try await Browser(client).post(link, answers(instrument) { _ in "4" } + [("handling", "lever")]).status == .ok)
            }
            _ = try await admin.get("/kartlegging/runder/\(second)")
            _ = try await admin.post("/kartlegging/runder/\(second)/lukk", [])
            let change = try await admin.get("/kartlegging/runder/\(second)/resultat")
            #expect(change.text.contains("Endring siden nullpunktsmålingen"))
            #expect(change.text.contains("Fra 3 (median) til 4 (median): +1"), "\(change.text.components(separatedBy: "Endring siden").dropFirst().first?.prefix(500) ?? "")")
        }
    }

    @Test func aMemberSeesOnlyTheirOwnAnswers() async throws {
        try await withLeaderGroup { client, services, organisation in
            let group = try #require(try await services.store.accounts.groups(organisationIdentifier: organisation).first)
            let anne = try #require(try await services.store.accounts.person(email: "anne@example.no"))
            let admin = try #require(try await services.accounts.principal(personIdentifier: anne.identifier))
            let opened = try await services.assessments.openRound(
                organisation: organisation, group: group.identifier, instrument: "ki-modenhet-kort", kind: .baseline, baseline: nil,
                title: "KI", as: admin)
            let first = try await ownLink(services, email: "anne@example.no", round: opened.identifier)
            let second = try await ownLink(services, email: "bjørn@example.no", round: opened.identifier)
            #expect(try await Browser(client).post(first, [("svar-K1a", "4"), ("handling", "lagre")]).status == .ok)
            #expect(try await Browser(client).post(second, [("svar-K1a", "1"), ("handling", "lagre")]).status == .ok)
            let own = try await Browser(client).get(first)
            #expect(own.text.contains(#"value="4" checked"#) && !own.text.contains(#"value="1" checked"#), "the link shows its holder's answers only")
            let api = try await Browser(client).get("/api/v1/answers/" + String(second.dropFirst("/kartlegging/svar/".count)))
            #expect(api.text.contains(#""K1a":1"#) && !api.text.contains(#""K1a":4"#))
            // The organisation admin sees who has answered, never what: no page or API shows a sheet by name.
            let anneBrowser = Browser(client)
            try await anneBrowser.signIn("anne@example.no", testPassword)
            let roundPage = try await anneBrowser.get("/kartlegging/runder/\(opened.identifier)")
            #expect(roundPage.text.contains("Bjørn") && !roundPage.text.contains("checked"))
            let token = try await services.accounts.createToken(label: "t", as: admin).secret
            let overview = try await anneBrowser.send("/api/v1/rounds/\(opened.identifier)", headers: [.authorization: "Bearer \(token)"])
            #expect(overview.status == .ok && !overview.text.contains("K1a"))
        }
    }

    @Test func belowTheThresholdNoDistributionIsShown() async throws {
        try await withLeaderGroup { client, services, organisation in
            let instrument = try await services.assessments.instrument(identifier: "ki-modenhet-kort")
            let group = try #require(try await services.store.accounts.groups(organisationIdentifier: organisation).first)
            let anne = try #require(try await services.store.accounts.person(email: "anne@example.no"))
            let admin = try #require(try await services.accounts.principal(personIdentifier: anne.identifier))
            let opened = try await services.assessments.openRound(
                organisation: organisation, group: group.identifier, instrument: instrument.identifier, kind: .baseline, baseline: nil,
                title: "KI", as: admin)
            for email in leaderGroupEmails.prefix(2) {
                let link = try await ownLink(services, email: email, round: opened.identifier)
                let secret = String(link.dropFirst("/kartlegging/svar/".count))
                _ = try await services.assessments.saveAnswers(
                    secret: secret, sheet: Dictionary(uniqueKeysWithValues: instrument.items.map { ($0.identifier, ItemResponse.level(2)) }),
                    submit: true)
            }
            _ = try await services.assessments.close(round: opened.identifier, as: admin)
            let browser = Browser(client)
            try await browser.signIn("cecilie@example.no", testPassword)
            let page = try await browser.get("/kartlegging/runder/\(opened.identifier)/resultat")
            #expect(page.status == .ok)
            #expect(page.text.contains("skjult (for få svar)"))
            #expect(!page.text.contains("Median 2"), "two answers under a threshold of three show no median")
            #expect(!page.text.contains("<td>2</td>"), "nor how many answered")
            let token = try await services.accounts.createToken(label: "t", as: try await principal(services, "cecilie@example.no")).secret
            let api = try await browser.send("/api/v1/rounds/\(opened.identifier)/result", headers: [.authorization: "Bearer \(token)"])
            #expect(api.status == .ok && api.text.contains(#""hidden":true"#))
            #expect(!api.text.contains(#""respondents""#) && !api.text.contains(#""dontKnow""#), "\(api.text.prefix(400))")
        }
    }

    @Test func onlyTheMemberCanGetTheirLinkAndAThresholdBelowThreeIsRefused() async throws {
        try await withLeaderGroup { client, services, organisation in
            let group = try #require(try await services.store.accounts.groups(organisationIdentifier: organisation).first)
            let anne = try await principal(services, "anne@example.no")
            for threshold in [1, 2] {
                await #expect(throws: ServiceError.self, "threshold \(threshold)") {
                    _ = try await services.assessments.openRound(
                        organisation: organisation, group: group.identifier, instrument: "ki-modenhet-kort", kind: .baseline,
                        baseline: nil, title: "For lav terskel", anonymityThreshold: threshold, as: anne)
                }
            }
            let round = try await services.assessments.openRound(
                organisation: organisation, group: group.identifier, instrument: "ki-modenhet-kort", kind: .baseline, baseline: nil,
                title: "KI", as: anne)
            // Bjørn saves an answer; the admin who asks for "a new link" gets her own form, never his answers.
            let bjorn = try await ownLink(client, email: "bjørn@example.no", round: round.identifier)
            #expect(try await Browser(client).post(bjorn, [("svar-K1a", "1"), ("handling", "lagre")]).status == .ok)
            let annes = try await ownLink(client, email: "anne@example.no", round: round.identifier)
            #expect(annes != bjorn)
            let annesForm = try await Browser(client).get(annes)
            #expect(!annesForm.text.contains("checked"), "a fresh form for Anne holds none of Bjørn's answers")
            let annesAPI = try await Browser(client).get("/api/v1/answers/" + annes.dropFirst("/kartlegging/svar/".count))
            #expect(annesAPI.status == .ok && !annesAPI.text.contains("K1a"))
            // Bjørn asks again: the old link stops working and his saved answer is still his.
            let renewed = try await ownLink(client, email: "bjørn@example.no", round: round.identifier)
            #expect(try await Browser(client).get(bjorn).status == .notFound)
            #expect(try await Browser(client).get(renewed).text.contains(#"value="1" checked"#))
            // Nobody gets a link for someone else: there is no such route, and the old one is gone.
            let admin = Browser(client)
            try await admin.signIn("anne@example.no", testPassword)
            _ = try await admin.get("/kartlegging/runder/\(round.identifier)")
            let participant = try #require(try await services.store.assessments.participants(roundIdentifier: round.identifier).first)
            let oldRoute = try await admin.post("/kartlegging/runder/\(round.identifier)/deltakere/\(participant.identifier)/ny-lenke", [])
            #expect(oldRoute.status == .notFound && !oldRoute.text.contains("/kartlegging/svar/"))
            // A member who joins the group later takes part through their own link; an outsider cannot.
            let (secret, _) = try await services.organisations.invite(
                organisation: organisation, role: .member, group: group.identifier, as: .commandLine)
            _ = try await services.organisations.acceptCreatingAccount(
                secret: secret, email: "frida@example.no", name: "Frida", password: testPassword)
            _ = try await ownLink(client, email: "frida@example.no", round: round.identifier)
            #expect(try await services.assessments.overview(round: round.identifier, as: anne).participants.count == 6)
            await #expect(throws: ServiceError.self) {
                _ = try await services.assessments.personalLink(round: round.identifier, as: try await principal(services, "utenfor@example.no"))
            }
            // Once the round is closed, no link is handed out any more.
            _ = try await services.assessments.close(round: round.identifier, as: anne)
            let closed = Browser(client)
            try await closed.signIn("cecilie@example.no", testPassword)
            _ = try await closed.get("/kartlegging/runder/\(round.identifier)")
            #expect(try await closed.post("/kartlegging/runder/\(round.identifier)/mitt-svarskjema", []).status == .conflict)
        }
    }
}
