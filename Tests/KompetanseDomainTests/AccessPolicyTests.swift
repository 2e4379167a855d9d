import KompetanseDomain
import Testing

@Suite struct AccessPolicyTests {
    let member = Principal(
        kind: .user, name: "m@example.no", personIdentifier: "m", organisations: ["o1": .member], groups: ["g1"])
    let orgAdmin = Principal(kind: .user, name: "a@example.no", personIdentifier: "a", organisations: ["o1": .admin])
    let provider = Principal(kind: .user, name: "p@example.no", personIdentifier: "p", providers: ["dfo"])
    let administrator = Principal(kind: .user, name: "x@example.no", personIdentifier: "x", roles: [.administrator])

    @Test func organisationDataIsForItsMembersOnly() {
        #expect(member.can(.viewOrganisation("o1")))
        #expect(!member.can(.viewOrganisation("o2")))
        #expect(!member.can(.manageOrganisation("o1")))
        #expect(orgAdmin.can(.manageOrganisation("o1")) && !orgAdmin.can(.manageOrganisation("o2")))
        #expect(member.can(.participate(organisation: "o1", group: "g1")))
        #expect(!orgAdmin.can(.participate(organisation: "o1", group: "g1")), "taking part needs group membership")
        #expect(administrator.can(.manageOrganisation("o1")))
        #expect(!administrator.can(.viewOrganisation("o1")), "administrators manage organisations but do not read their results")
        #expect(!administrator.can(.manageAssessments("o1")), "nor run or read their assessment rounds")
        #expect(orgAdmin.can(.manageAssessments("o1")) && !orgAdmin.can(.manageAssessments("o2")))
        #expect(!member.can(.manageAssessments("o1")))
        #expect(!Principal.anonymous.can(.viewOrganisation("o1")))
    }

    @Test func providersEditTheirOwnMeasuresEditorsAll() {
        #expect(provider.can(.editMeasure(provider: "dfo")))
        #expect(!provider.can(.editMeasure(provider: "ks")))
        #expect(!provider.can(.editCatalogue))
        let editor = Principal(kind: .user, name: "e", roles: [.editor])
        #expect(editor.can(.editMeasure(provider: "ks")) && editor.can(.readFeedback) && !editor.can(.readAudit))
        #expect(Principal.commandLine.can(.editCatalogue) && Principal.commandLine.can(.administer))
    }

    @Test func restrictedDocumentsNeedTheAccessGroupEvenForAdministrators() {
        #expect(Principal.anonymous.can(.readDocuments(access: publicAccess)))
        #expect(!Principal.anonymous.can(.readDocuments(access: "ledergruppe")))
        #expect(!administrator.can(.readDocuments(access: "ledergruppe")))
        #expect(Principal.reader(accessGroups: ["ledergruppe"]).can(.readDocuments(access: "ledergruppe")))
        #expect(!Principal.commandLine.can(.readDocuments(access: "ledergruppe")))
    }

    @Test func passwordRules() {
        #expect(PasswordPolicy.problem(with: "kort", email: "a@b.no") != nil)
        #expect(PasswordPolicy.problem(with: "aaaaaaaaaaaaaaaa", email: "a@b.no") == "passordet er for ensformig")
        #expect(PasswordPolicy.problem(with: "kari@example.no", email: "Kari@Example.no") != nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "æøå", count: 13), email: "a@b.no") != nil, "over 72 bytes")
        #expect(PasswordPolicy.problem(with: "riktig hest batteri stift", email: "a@b.no") == nil)
    }

    @Test func throttleCountsFailuresPerAccountAndAddressInAWindow() {
        let throttle = LoginThrottle(perAccount: 3, perAddress: 5, window: 100)
        var failures: [String: [Double]] = [:]
        func fail(_ account: String, _ address: String, at time: Double) {
            failures[LoginThrottle.accountKey(account), default: []].append(time)
            failures[LoginThrottle.addressKey(address), default: []].append(time)
        }
        for second in 0..<3 { fail("a", "ip1", at: Double(second)) }
        #expect(throttle.retryAfter(account: "a", address: "ip2", failures: failures, now: 10) == 90, "first failure at 0 + window 100 − now 10")
        #expect(throttle.retryAfter(account: "b", address: "ip1", failures: failures, now: 10) == nil, "3 of 5 on the address")
        #expect(throttle.retryAfter(account: "a", address: "ip1", failures: failures, now: 101) == nil, "the oldest failure left the window")
        for second in 0..<5 { fail("c\(second)", "ip9", at: 200) }
        #expect(throttle.retryAfter(account: "z", address: "ip9", failures: failures, now: 250) == 50, "per address, whatever the account")
        failures[LoginThrottle.accountKey("a")] = nil
        #expect(throttle.retryAfter(account: "a", address: "ip3", failures: failures, now: 50) == nil, "forgotten after a success")
    }
}
