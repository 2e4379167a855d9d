import KompetanseDomain
import Testing

/// A node result with a given current level, as if aggregated.
func assessmentResult(_ code: String, _ current: Double?, _ basis: CurrentBasis = .median) -> NodeResult {
    NodeResult(
        nodeCode: code, respondents: 3, dontKnow: 0, notRelevant: 0, distribution: nil,
        agreed: basis == .agreed ? current.map { AgreedLevel(level: Int($0), justification: "") } : nil,
        current: current, basis: current == nil ? .unknown : basis, explanation: "")
}

@Suite struct NodeRequirementTests {
    @Test func requiredLevelFollowsTheRule() {
        let later = NodeRequirement(nodeCode: "A", label: "A", relevantFrom: 3)
        #expect(later.requiredLevel(at: 2, rule: .target) == nil, "not relevant before G3")
        #expect(later.requiredLevel(at: 2, rule: .fixed(level: 3)) == nil)
        #expect(later.requiredLevel(at: 3, rule: .target) == 3)
        #expect(later.requiredLevel(at: 5, rule: .target) == 5)
        #expect(later.requiredLevel(at: 5, rule: .fixed(level: 3)) == 3)
        #expect(NodeRequirement(nodeCode: "B", label: "B").requiredLevel(at: 1, rule: .target) == 1, "always relevant")
        #expect(NodeRequirement(nodeCode: "C", label: "C", criticalFrom: 4).isCritical(at: 3) == false)
        #expect(NodeRequirement(nodeCode: "C", label: "C", criticalFrom: 4).isCritical(at: 4))
    }
}

@Suite struct MaturityEstimatorTests {
    let instrument = AssessmentFixture.instrument
    let parents = [
        "DI2X.T.1.1": "DI2X.T.1", "DI2X.T.1.2": "DI2X.T.1", "DI2X.T.2.1": "DI2X.T.2", "DI2X.T.2.2": "DI2X.T.2",
        "DI2X.T.1": "DI2X.T", "DI2X.T.2": "DI2X.T",
    ]
    let requirements = [
        "DI2X.T.1.2": NodeRequirement(nodeCode: "DI2X.T.1.2", label: "Arkitektur", relevantFrom: 3),
        "DI2X.T.2.1": NodeRequirement(nodeCode: "DI2X.T.2.1", label: "Deling", relevantFrom: 2, criticalFrom: 3),
        "DI2X.T.2.2": NodeRequirement(nodeCode: "DI2X.T.2.2", label: "Datakunnskap", criticalFrom: 4),
    ]

    func estimates(_ currents: [Double?], rule: GapRule? = nil) -> MaturityEstimates {
        let results = zip(AssessmentFixture.nodes, currents).enumerated().map { position, pair in
            assessmentResult(pair.0, pair.1, position == 0 ? .agreed : .median)
        }
        return MaturityEstimator.estimates(
            instrument: instrument, results: results, requirements: requirements, parents: parents, rule: rule)
    }

    /// T.1.1 = 4 (agreed), T.1.2 = 2 (relevant from 3), T.2.1 = 3.5 (relevant from 2), T.2.2 = 3.
    /// G1: 4, 3 ≥ 1 (T.1.2 and T.2.1 not relevant) ✓. G2: 4, 3.5, 3 ≥ 2 ✓. G3: T.1.2 is relevant, 2 < 3 ✗.
    /// G4, G5: 2 < 4, 5 ✗. Highest met: G2; T.1.2 blocks G3.
    @Test func overallIsTheHighestTargetEveryRelevantNodeMeets() {
        let overall = estimates([4, 2, 3.5, 3]).overall
        #expect(overall.code == "")
        #expect(overall.status == .reached)
        #expect(overall.generation == 2)
        #expect(overall.name == "G2")
        #expect(overall.nextTarget == 3)
        #expect(overall.meeting == ["DI2X.T.1.1", "DI2X.T.2.1", "DI2X.T.2.2"])
        #expect(overall.notRelevant == ["DI2X.T.1.2"])
        #expect(overall.blockers.map(\.nodeCode) == ["DI2X.T.1.2"])
        #expect(overall.evidence == [
            "G2 nås: DI2X.T.1.1 står på 4 (enighet); DI2X.T.2.1 står på 3,5 (median); DI2X.T.2.2 står på 3 (median)",
            "Ikke relevant ennå ved G2: DI2X.T.1.2",
            "G3 nås ikke: DI2X.T.1.2 står på 2 (median), trenger 3",
        ])
    }

    /// Group DI2X.T.2: 3.5 and 3 meet G3 (≥ 3) but neither meets G4 (< 4): both block.
    /// Group DI2X.T.1: 4 alone meets G2 (T.1.2 not relevant yet); at G3, 2 < 3.
    @Test func ancestorsAreEstimatedFromTheNodesBelowThem() throws {
        let all = estimates([4, 2, 3.5, 3])
        #expect(all.groups.map(\.code) == ["DI2X.T", "DI2X.T.1", "DI2X.T.2"])
        let two = try #require(all.group("DI2X.T.2"))
        #expect(two.nodeCodes == ["DI2X.T.2.1", "DI2X.T.2.2"])
        #expect(two.generation == 3)
        #expect(two.evidence.last == "G4 nås ikke: DI2X.T.2.1 står på 3,5 (median), trenger 4; "
            + "DI2X.T.2.2 står på 3 (median), trenger 4")
        #expect(all.group("DI2X.T.1")?.generation == 2)
        #expect(all.group("DI2X.T")?.generation == 2, "the root holds all four nodes, as overall does")
        #expect(all.group("")?.code == "")
    }

    /// Per node under the target rule: the highest target ≤ ⌊current⌋: 4 → G4, 2 → G2, 3.5 → G3, 3 → G3.
    @Test func aSingleNodeReachesTheFloorOfItsLevel() throws {
        let nodes = estimates([4, 2, 3.5, 3]).nodes
        #expect(nodes.map(\.generation) == [4, 2, 3, 3])
        let deling = try #require(nodes.first { $0.code == "DI2X.T.2.1" })
        #expect(
            deling.evidence == [
                "G3 nås: DI2X.T.2.1 står på 3,5 (median)", "G4 nås ikke: DI2X.T.2.1 står på 3,5 (median), trenger 4",
            ])
        #expect(estimates([5, 2, 3.5, 3]).node("DI2X.T.1.1")?.evidence.last == "Høyeste mål er nådd")
    }

    /// T.2.2 unknown is skipped: G3 is met by 4, 3.5 (T.1.2 = 3 ≥ 3 too); G4 is blocked by T.1.2 (3) and T.2.1 (3.5).
    @Test func unknownNodesAreSkippedAndListed() {
        let overall = estimates([4, 3, 3.5, nil]).overall
        #expect(overall.generation == 3)
        #expect(overall.unknown == ["DI2X.T.2.2"])
        #expect(overall.blockers.map(\.nodeCode) == ["DI2X.T.1.2", "DI2X.T.2.1"])
        #expect(overall.evidence.last == "Ukjent nivå, ikke vurdert: DI2X.T.2.2")

        let none = estimates([nil, nil, nil, nil])
        #expect(none.overall.status == .unknown)
        #expect(none.overall.generation == nil)
        #expect(none.overall.name == "Ukjent")
        #expect(none.nodes[0].status == .unknown)
    }

    /// Fixed level 3: G1 needs 3 of every relevant node; T.1.1 = 2 is always relevant, so even G1 fails.
    @Test func belowTheLowestTarget() {
        let overall = estimates([2, 4, 4, 4], rule: .fixed(level: 3)).overall
        #expect(overall.status == .belowLowest)
        #expect(overall.generation == nil)
        #expect(overall.name == "Under laveste nivå")
        #expect(overall.evidence == ["Under laveste nivå", "G1 nås ikke: DI2X.T.1.1 står på 2 (enighet), trenger 3"])
    }

    /// Fixed level 3 per node: T.1.2 = 2 is not relevant before G3, so alone it reaches G2; T.2.2 = 3 meets 3 at
    /// every target, so G5.
    @Test func aSingleNodeUnderTheFixedRuleIsAGroupOfOne() {
        let nodes = estimates([4, 2, 3.5, 3], rule: .fixed(level: 3)).nodes
        #expect(nodes.map(\.generation) == [5, 2, 5, 5])
    }
}
