import Foundation
import KompetanseDomain
import KompetanseStore
import KompetanseTestSupport
import Testing

/// Rounds, private answers and plans behave alike on SQLite and PostgreSQL.
@Suite struct AssessmentStoreContractTests {
    static let instrument = Instrument(
        identifier: "mini", version: "1", framework: "X", title: LocalizedText(nb: "Mini", nn: "Mini", en: "Mini"),
        description: LocalizedText(nb: "d", nn: "d", en: "d"),
        targets: [TargetOption(value: 1, label: LocalizedText(nb: "G1", nn: "G1", en: "G1"))], gapRule: .target,
        scales: [Scale(identifier: "s", kind: .generation, levels: [ScaleLevel(value: 1, label: LocalizedText(nb: "1", nn: "1", en: "1"))])],
        items: [InstrumentItem(identifier: "a", node: "X.1", text: LocalizedText(nb: "?", nn: "?", en: "?"), scale: "s")])

    @Test(arguments: TestEngine.available)
    func instrumentsAreVersioned(engine: TestEngine) async throws {
        try await engine.withStore { store in
            var second = Self.instrument
            second.version = "2"
            try await store.assessments.saveInstrument(second)
            try await store.assessments.saveInstrument(Self.instrument)
            #expect(try await store.assessments.instrument(identifier: "mini", version: nil)?.version == "2", "newest by default")
            #expect(try await store.assessments.instrument(identifier: "mini", version: "1") == Self.instrument)
            #expect(try await store.assessments.instruments().map(\.version) == ["2"])
        }
    }

    @Test(arguments: TestEngine.available)
    func answersAreSavedSubmittedOnceAndFrozenWhenTheRoundCloses(engine: TestEngine) async throws {
        try await engine.withStore { store in
            var round = AssessmentRound(
                identifier: "r1", organisationIdentifier: "o1", groupIdentifier: "g1", instrumentIdentifier: "mini",
                instrumentVersion: "1", kind: .baseline, title: "R", openedBy: "a", openedAt: "t0")
            let participant = RoundParticipant(identifier: "p1", roundIdentifier: "r1", label: "Kari", savedAt: "t0")
            try await store.assessments.createRound(round, participants: [(participant, secretHash: "h1")])
            #expect(try await store.assessments.participant(secretHash: "h1")?.identifier == "p1")
            #expect(try await store.assessments.saveAnswers(participantIdentifier: "p1", sheet: ["a": .level(1)], at: "t1", submit: false) == .saved)
            #expect(try await store.assessments.saveAnswers(participantIdentifier: "p1", sheet: ["a": .dontKnow], at: "t2", submit: true) == .saved)
            #expect(try await store.assessments.saveAnswers(participantIdentifier: "p1", sheet: ["a": .level(1)], at: "t3", submit: true) == .alreadySubmitted)
            #expect(try await store.assessments.participants(roundIdentifier: "r1").first?.sheet == ["a": .dontKnow])
            round.status = .closed
            try await store.assessments.updateRound(round)
            #expect(try await store.assessments.saveAnswers(participantIdentifier: "p1", sheet: ["a": .level(1)], at: "t4", submit: false) == .roundClosed)
            #expect(try await store.assessments.participants(roundIdentifier: "r1").first?.submittedAt == "t2")
            #expect(try await store.assessments.replaceSecret(participantIdentifier: "p1", secretHash: "h2"))
            #expect(try await store.assessments.participant(secretHash: "h1") == nil, "the old link stops working")
            #expect(try await store.assessments.rounds(organisationIdentifier: "o1").map(\.status) == [.closed])
        }
    }

    @Test(arguments: TestEngine.available)
    func plansRoundTrip(engine: TestEngine) async throws {
        try await engine.withStore { store in
            let plan = CompetencePlan(
                roundIdentifier: "r1", budget: 50_000, hours: 40,
                items: [PlanItem(measureIdentifier: "m1", title: "Kurs", phase: .preparation, owner: "Kari", due: "2027-01-15", cost: 12_000, hours: 7.5, learningMode: "10", covers: ["X.1"])])
            try await store.assessments.savePlan(plan)
            #expect(try await store.assessments.plan(roundIdentifier: "r1") == plan)
            try await store.assessments.savePlan(CompetencePlan(roundIdentifier: "r1"))
            #expect(try await store.assessments.plan(roundIdentifier: "r1")?.items.isEmpty == true)
        }
    }
}
