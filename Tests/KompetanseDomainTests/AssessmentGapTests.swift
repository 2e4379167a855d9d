import KompetanseDomain
import Testing

@Suite struct GapAnalysisTests {
    /// Target G4 under the target rule, so every relevant node needs 4.
    /// A: 2 (enighet), critical from 3 → gap 2, weight 2, priority 4.
    /// B: 2, relevant → gap 2, priority 2.     C: 3, critical from 2 → gap 1, priority 2.
    /// H: 3, critical from 4 → gap 1, priority 2.    D and I: 2.5, relevant → gap 1.5, priority 1.5.
    /// E: 4.5 → gap 0 (met).    F: unknown.    G: relevant from 5 → not yet.
    /// Rank: A (4); B (2, gap 2) before C and H (2, gap 1); C (critical from 2) before H (4); D before I by code;
    /// then E (met), F (unknown), G (not yet).
    let results = [
        assessmentResult("DI2X.G", 1), assessmentResult("DI2X.F", nil), assessmentResult("DI2X.I", 2.5),
        assessmentResult("DI2X.E", 4.5), assessmentResult("DI2X.H", 3), assessmentResult("DI2X.D", 2.5),
        assessmentResult("DI2X.C", 3), assessmentResult("DI2X.B", 2), assessmentResult("DI2X.A", 2, .agreed),
    ]
    let requirements = [
        "DI2X.A": NodeRequirement(nodeCode: "DI2X.A", label: "Datakunnskap", criticalFrom: 3),
        "DI2X.C": NodeRequirement(nodeCode: "DI2X.C", label: "C", criticalFrom: 2),
        "DI2X.H": NodeRequirement(nodeCode: "DI2X.H", label: "H", relevantFrom: 2, criticalFrom: 4),
        "DI2X.G": NodeRequirement(nodeCode: "DI2X.G", label: "G", relevantFrom: 5, criticalFrom: 5),
    ]

    @Test func gapsAreRankedByPriorityThenGapThenCriticalityThenCode() {
        let gaps = GapAnalysis.gaps(results: results, requirements: requirements, target: 4, rule: .target)
        #expect(gaps.map(\.nodeCode) == ["A", "B", "C", "H", "D", "I", "E", "F", "G"].map { "DI2X.\($0)" })
        #expect(gaps.map(\.priority) == [4, 2, 2, 2, 1.5, 1.5, 0, 0, 0])
        #expect(gaps.map(\.gap) == [2, 2, 1, 1, 1.5, 1.5, 0, nil, nil])
        #expect(
            gaps.map(\.importance) == [
                .critical, .relevant, .critical, .critical, .relevant, .relevant, .relevant, .relevant, .notYet,
            ])
        #expect(gaps.map(\.required) == [4, 4, 4, 4, 4, 4, 4, 4, nil])
    }

    @Test func explanationsSayWhereWhatAndHowMuch() {
        let gaps = GapAnalysis.gaps(
            results: results, requirements: requirements, target: 4, rule: .target,
            targetNames: AssessmentFixture.instrument.targetNames)
        func explanation(_ code: String) -> String? { gaps.first { $0.nodeCode == code }?.explanation }
        #expect(explanation("DI2X.A") == "Nå 2 (enighet), mål G4 → mangler 2; kritisk fra G3 (vekt 2)")
        #expect(explanation("DI2X.D") == "Nå 2,5 (median), mål G4 → mangler 1,5; relevant (vekt 1)")
        #expect(explanation("DI2X.H") == "Nå 3 (median), mål G4 → mangler 1; kritisk fra G4 (vekt 2)")
        #expect(explanation("DI2X.E") == "Nå 4,5 (median), mål G4 → kravet er nådd; relevant (vekt 1)")
        #expect(explanation("DI2X.F") == "Nå ukjent, mål G4 → gapet er ukjent; relevant (vekt 1)")
        #expect(explanation("DI2X.G") == "Ikke relevant ved mål G4 (relevant fra G5)")
    }

    /// Fixed level 3 at target G4: A needs 3, so the gap is 3 − 2 = 1 and the priority 1 × 2 = 2; C (3) meets it.
    @Test func theFixedRuleRequiresItsLevel() throws {
        let gaps = GapAnalysis.gaps(results: results, requirements: requirements, target: 4, rule: .fixed(level: 3))
        let a = try #require(gaps.first { $0.nodeCode == "DI2X.A" })
        #expect(a.required == 3)
        #expect(a.gap == 1)
        #expect(a.priority == 2)
        #expect(a.explanation == "Nå 2 (enighet), mål G4 krever 3 → mangler 1; kritisk fra G3 (vekt 2)")
        #expect(gaps.first { $0.nodeCode == "DI2X.C" }?.gap == 0)
    }

    /// At target G2, H is relevant (from 2) but not critical (from 4): weight 1; gap 0 since 3 ≥ 2.
    @Test func importanceDependsOnTheTarget() {
        let gaps = GapAnalysis.gaps(results: results, requirements: requirements, target: 2, rule: .target)
        #expect(gaps.first { $0.nodeCode == "DI2X.H" }?.importance == .relevant)
        #expect(gaps.first { $0.nodeCode == "DI2X.A" }?.importance == .relevant, "critical only from G3")
        #expect(gaps.first { $0.nodeCode == "DI2X.C" }?.importance == .critical)
        #expect(gaps.allSatisfy { ($0.gap ?? 0) == 0 }, "every relevant node with a known level stands at 2 or more")
    }
}

@Suite struct FollowUpComparisonTests {
    @Test func changesFollowTheFollowUpOrder() {
        let baseline = [
            assessmentResult("A", 2, .agreed), assessmentResult("B", 3), assessmentResult("C", nil),
            assessmentResult("E", 3), assessmentResult("F", 4),
        ]
        let followUp = [
            assessmentResult("B", 3), assessmentResult("A", 3.5), assessmentResult("C", 2),
            assessmentResult("D", 4, .agreed), assessmentResult("F", 3.5),
        ]
        let changes = FollowUpComparison.changes(baseline: baseline, followUp: followUp)
        #expect(changes.map(\.nodeCode) == ["B", "A", "C", "D", "F", "E"])
        // A: 3.5 − 2 = 1.5; F: 3.5 − 4 = −0.5; B: 3 − 3 = 0.
        #expect(changes.map(\.change) == [0, 1.5, nil, nil, -0.5, nil])
        #expect(changes.map(\.explanation) == [
            "Uendret: 3 (median) før, 3 (median) nå",
            "Fra 2 (enighet) til 3,5 (median): +1,5",
            "Før ukjent; nå 2 (median)",
            "Ny i oppfølgingen: 4 (enighet)",
            "Fra 4 (median) til 3,5 (median): −0,5",
            "Fra 3 (median); ikke med i oppfølgingen",
        ])
        #expect(changes[1].before == 2 && changes[1].after == 3.5)
    }
}

@Suite struct NorwegianNumberTests {
    @Test func decimalCommaAndThousands() {
        #expect(NorwegianNumber.text(3) == "3")
        #expect(NorwegianNumber.text(3.5) == "3,5")
        #expect(NorwegianNumber.text(2.0 / 3.0) == "0,67")
        #expect(NorwegianNumber.text(-0.5) == "-0,5")
        #expect(NorwegianNumber.text(0.001) == "0")
        #expect(NorwegianNumber.kroner(12_000) == "12\u{00A0}000 kr")
        #expect(NorwegianNumber.kroner(1_234_567.4) == "1\u{00A0}234\u{00A0}567 kr")
        #expect(NorwegianNumber.kroner(1500) == "1500 kr", "four digits are written together")
        #expect(NorwegianNumber.change(1.5) == "+1,5")
        #expect(NorwegianNumber.change(-0.5) == "−0,5")
        #expect(NorwegianNumber.change(0.0001) == "0")
    }
}
