import Foundation
import KompetanseDomain
import Testing

/// An open gap with a given priority: gap = priority / weight.
func assessmentGap(_ code: String, priority: Double, critical: Bool = false, label: String? = nil) -> Gap {
    let importance: GapImportance = critical ? .critical : .relevant
    return Gap(
        nodeCode: code, label: label ?? code, current: 1, basis: .median, target: 4, required: 4,
        gap: priority / importance.weight, importance: importance, priority: priority, criticalFrom: critical ? 3 : nil,
        explanation: "")
}

@Suite struct PlanOptimiserTests {
    /// Gaps X (4), Y (3), Z (3); budget 100. "stor" covers X for 60 (4/61 ≈ 0.066 per krone+1), "a" and "b" cover Y
    /// and Z for 50 each (3/51 ≈ 0.059). Greedy takes "stor" first and then cannot afford either (60 + 50 > 100):
    /// priority 4. The best is a + b = 100 ≤ 100: priority 6.
    let gaps = [assessmentGap("X", priority: 4), assessmentGap("Y", priority: 3), assessmentGap("Z", priority: 3)]
    let trap = [
        PlanCandidate(measureID: "stor", title: "Stor", cost: 60, hours: 1, covers: ["X"]),
        PlanCandidate(measureID: "a", title: "A", cost: 50, hours: 1, covers: ["Y"]),
        PlanCandidate(measureID: "b", title: "B", cost: 50, hours: 1, covers: ["Z"]),
    ]

    func fillers(_ count: Int) -> [PlanCandidate] {
        (0..<count).map { PlanCandidate(measureID: "f\($0 + 10)", title: "Fyll", cost: 100, covers: ["W"]) }
    }

    @Test func exactSearchBeatsGreedyWhereGreedyIsWrong() {
        let suggestion = PlanOptimiser.suggest(gaps: gaps, candidates: trap, limits: PlanLimits(budget: 100))
        #expect(suggestion.exact)
        #expect(suggestion.chosen.map(\.measureID) == ["a", "b"])
        #expect(suggestion.coveredPriority == 6)
        #expect(suggestion.totalCost == 100)
        #expect(suggestion.uncovered == [UncoveredGap(nodeCode: "X", label: "X", priority: 4, reason: .overBudget)])
    }

    /// With 3 + 15 fillers (W, priority 1, cost 100) there are 18 useful candidates: still exact, still a + b
    /// (a filler costs the whole budget and is worth 1). With 16 fillers there are 19: greedy takes "stor" (0.066)
    /// and then nothing fits: priority 4.
    @Test func aboveEighteenCandidatesTheChoiceIsGreedy() {
        let withW = gaps + [assessmentGap("W", priority: 1)]
        let exact = PlanOptimiser.suggest(gaps: withW, candidates: trap + fillers(15), limits: PlanLimits(budget: 100))
        #expect(exact.exact)
        #expect(exact.chosen.map(\.measureID) == ["a", "b"])
        let greedy = PlanOptimiser.suggest(gaps: withW, candidates: trap + fillers(16), limits: PlanLimits(budget: 100))
        #expect(!greedy.exact)
        #expect(greedy.chosen.map(\.measureID) == ["stor"])
        #expect(greedy.coveredPriority == 4)
    }

    /// Gaps X 2, Y 2, Z 1, W 1; budget 1000 kr, 12 hours.
    /// c1 covers X, Y (1000 kr, 10 h); c2 X (0 kr, 2 h); c3 Y (0 kr, 30 h: over the limit alone, set aside);
    /// c4 Z (200 kr, hours unknown); c5 W (0 kr, 5 h).
    /// Y needs c1, which leaves 0 kr and 2 h: c4 and c5 no longer fit, so with c1 the best is 4 (X + Y).
    /// Without c1: c2 + c4 + c5 = X + Z + W = 4 for 200 kr and 7 h. Equal priority: the cheaper wins.
    @Test func staysWithinBudgetAndHours() {
        let gaps = [
            assessmentGap("X", priority: 2), assessmentGap("Y", priority: 2), assessmentGap("Z", priority: 1),
            assessmentGap("W", priority: 1),
        ]
        let candidates = [
            PlanCandidate(measureID: "c1", title: "Program", cost: 1000, hours: 10, covers: ["X", "Y"]),
            PlanCandidate(measureID: "c2", title: "Nettkurs", cost: 0, hours: 2, covers: ["X"]),
            PlanCandidate(measureID: "c3", title: "Studium", cost: 0, hours: 30, covers: ["Y"]),
            PlanCandidate(measureID: "c4", title: "Seminar", cost: 200, covers: ["Z"]),
            PlanCandidate(measureID: "c5", title: "Hospitering", cost: 0, hours: 5, covers: ["W"]),
        ]
        let limits = PlanLimits(budget: 1000, hours: 12)
        let suggestion = PlanOptimiser.suggest(gaps: gaps, candidates: candidates, limits: limits)
        #expect(suggestion.chosen.map(\.measureID) == ["c2", "c4", "c5"])
        #expect(suggestion.coveredPriority == 4)
        #expect(suggestion.totalCost == 200)
        #expect(suggestion.totalHours == 7)
        #expect(suggestion.unknownHoursCount == 1)
        #expect(suggestion.unknownCostCount == 0)
        // Y: c1 breaks both limits (1200 kr, 17 h), c3 only the time limit (37 h) → over the time limit.
        #expect(suggestion.uncovered.map(\.reason) == [.overTime])
        #expect(suggestion.explanation[1] == "Kostnad 200 kr av budsjettet på 1000 kr.")
        #expect(suggestion.explanation[2] == "Tidsbruk 7 timer av 12 timer; 1 tiltak har ukjent tidsbruk.")
    }

    /// DI2X.T.2.2 priority 4 (gap 2, critical), Y 1, Z 1; budget 1000. p covers DI2X.T.2.2 for 500, q covers Y for
    /// 600, nothing covers Z, r covers only Q (no open gap). p + q = 1100 > 1000; p alone is worth 4, q alone 1 → p.
    /// Y: 500 + 600 > 1000 → over budget.
    @Test func uncoveredGapsSayWhy() {
        let gaps = [
            assessmentGap("DI2X.T.2.2", priority: 4, critical: true, label: "Datakunnskap"),
            assessmentGap("Y", priority: 1), assessmentGap("Z", priority: 1),
        ]
        let candidates = [
            PlanCandidate(measureID: "p", title: "Datakurs", cost: 500, covers: ["DI2X.T.2.2", "Q"]),
            PlanCandidate(measureID: "q", title: "Y-kurs", cost: 600, covers: ["Y"]),
            PlanCandidate(measureID: "r", title: "Annet", cost: 10, covers: ["Q"]),
        ]
        let suggestion = PlanOptimiser.suggest(gaps: gaps, candidates: candidates, limits: PlanLimits(budget: 1000))
        #expect(suggestion.chosen.map(\.measureID) == ["p"])
        #expect(suggestion.chosen[0].covers == ["DI2X.T.2.2"], "Q is not an open gap")
        #expect(suggestion.chosen[0].reason == "Dekker DI2X.T.2.2 Datakunnskap (mangler 2, kritisk)")
        #expect(suggestion.uncovered.map(\.nodeCode) == ["Y", "Z"])
        #expect(suggestion.uncovered.map(\.reason.rawValue) == ["over budsjett", "ingen tiltak funnet"])
        #expect(suggestion.explanation.contains("1 tiltak dekker ingen åpne gap og er ikke vurdert."))
        #expect(suggestion.explanation.last == "Ikke dekket: Y (over budsjett), Z (ingen tiltak funnet).")
    }

    /// Tie-breaks: equal priority → lower cost → fewer measures → higher relevance → first measure id.
    @Test func tiesAreBrokenDeterministically() {
        let gaps = [assessmentGap("X", priority: 2), assessmentGap("Y", priority: 1)]
        // Both cover X and Y for 100 in total; one measure beats two.
        let fewer = PlanOptimiser.suggest(
            gaps: gaps,
            candidates: [
                PlanCandidate(measureID: "x", title: "X", cost: 50, covers: ["X"]),
                PlanCandidate(measureID: "xy", title: "XY", cost: 100, covers: ["X", "Y"]),
                PlanCandidate(measureID: "y", title: "Y", cost: 50, covers: ["Y"]),
            ],
            limits: .unlimited)
        #expect(fewer.chosen.map(\.measureID) == ["xy"])
        // Same cost and count: higher relevance, then the first id.
        let relevance = PlanOptimiser.suggest(
            gaps: gaps,
            candidates: [
                PlanCandidate(measureID: "m1", title: "1", cost: 10, covers: ["X", "Y"], relevance: 0.2),
                PlanCandidate(measureID: "m2", title: "2", cost: 10, covers: ["X", "Y"], relevance: 0.9),
            ],
            limits: .unlimited)
        #expect(relevance.chosen.map(\.measureID) == ["m2"])
        let identifier = PlanOptimiser.suggest(
            gaps: gaps,
            candidates: [
                PlanCandidate(measureID: "m9", title: "9", cost: 10, covers: ["X", "Y"]),
                PlanCandidate(measureID: "m3", title: "3", cost: 10, covers: ["X", "Y"]),
            ],
            limits: .unlimited)
        #expect(identifier.chosen.map(\.measureID) == ["m3"])
        // A cheaper pair beats a dearer single measure covering the same gaps: 30 + 30 < 100.
        let cheaper = PlanOptimiser.suggest(
            gaps: gaps,
            candidates: [
                PlanCandidate(measureID: "x", title: "X", cost: 30, covers: ["X"]),
                PlanCandidate(measureID: "xy", title: "XY", cost: 100, covers: ["X", "Y"]),
                PlanCandidate(measureID: "y", title: "Y", cost: 30, covers: ["Y"]),
            ],
            limits: .unlimited)
        #expect(cheaper.chosen.map(\.measureID) == ["x", "y"])
    }

    /// A gap counts once: two measures on X are worth 2, not 4, so one suffices; met and unknown gaps (priority 0)
    /// are not worth covering.
    @Test func aGapCountsOnceAndOnlyOpenGapsCount() {
        var met = assessmentGap("M", priority: 0)
        met.gap = 0
        let suggestion = PlanOptimiser.suggest(
            gaps: [assessmentGap("X", priority: 2), met],
            candidates: [
                PlanCandidate(measureID: "a", title: "A", covers: ["X"]),
                PlanCandidate(measureID: "b", title: "B", cost: 0, covers: ["X"]),
                PlanCandidate(measureID: "m", title: "M", cost: 0, covers: ["M"]),
            ],
            limits: .unlimited)
        #expect(suggestion.chosen.count == 1)
        #expect(suggestion.coveredPriority == 2)
        #expect(suggestion.uncovered.isEmpty)
        #expect(!suggestion.chosen.contains { $0.measureID == "m" })
    }
}

@Suite struct PlanSupportTests {
    /// Four measures: 70, 10, 10, unknown → shares 1/4, 0, 2/4, 1/4. Among the three known: 33 %, 0 %, 67 %;
    /// against 70/20/10 that is 37 and 20 points too little, 57 too much (beyond the 10-point tolerance).
    @Test func learningBalanceComparesWithSeventyTwentyTen() {
        let balance = LearningBalance.of(modes: ["70", "10", "10", nil], hours: [10, 5, nil, 2])
        #expect(balance.count == 4)
        #expect(balance.experiential == 0.25)
        #expect(balance.social == 0)
        #expect(balance.formal == 0.5)
        #expect(balance.unknown == 0.25)
        #expect(balance.experientialHours == 10)
        #expect(balance.formalHours == 5, "5 + unknown")
        #expect(balance.unknownHours == 2)
        #expect(
            balance.sentence
                == "Av tiltakene med kjent læringsform er 33 % læring i arbeidet (70), 0 % læring fra andre (20) og "
                + "67 % formell læring (10). Mot idealet 70/20/10 er det for lite læring i arbeidet, for lite læring "
                + "fra andre og for mye formell læring. 1 tiltak har ukjent læringsform.")
    }

    /// 7 × 70, 2 × 20, 1 × 10 is the ideal itself.
    @Test func learningBalanceNearTheIdeal() {
        let modes: [String?] = Array(repeating: "70", count: 7) + ["20", "20", "10"]
        #expect(LearningBalance.of(modes: modes).sentence.hasSuffix("(10), nær idealet 70/20/10."))
        #expect(LearningBalance.of(modes: []).sentence == "Planen har ingen tiltak ennå.")
        #expect(LearningBalance.of(modes: ["x", nil]).unknown == 1)
    }

    /// 1000 + 500 = 1500 kr of 1200 → 300 over; 10 + 5 = 15 h of 20 → 5 left.
    @Test func planTotalsAgainstLimits() {
        let totals = PlanTotals.of(
            items: [(cost: 1000, hours: 10), (cost: nil, hours: 5), (cost: 500, hours: nil)],
            limits: PlanLimits(budget: 1200, hours: 20))
        #expect(totals.totalCost == 1500)
        #expect(totals.totalHours == 15)
        #expect(totals.remainingBudget == -300)
        #expect(totals.remainingHours == 5)
        #expect(totals.overBudget)
        #expect(!totals.overTime)
        #expect(totals.unknownCostCount == 1 && totals.unknownHoursCount == 1)
        #expect(
            totals.explanation
                == "Kostnad 1500 kr av 1200 kr (300 kr over), 1 med ukjent pris; 15 av 20 timer (5 timer igjen), "
                + "1 med ukjent tidsbruk")
        let exact = PlanTotals.of(items: [(cost: 1200, hours: 20)], limits: PlanLimits(budget: 1200, hours: 20))
        #expect(!exact.overBudget && !exact.overTime, "spending exactly the budget is within it")
    }

    @Test func planPhasesCodeAsNorwegianWords() throws {
        let data = try JSONEncoder().encode([PlanPhase.preparation, .gathering, .followUp])
        #expect(String(decoding: data, as: UTF8.self) == #"["forberedelse","samling","etterarbeid"]"#)
    }
}
