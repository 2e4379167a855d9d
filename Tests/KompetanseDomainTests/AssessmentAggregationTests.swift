import KompetanseDomain
import Testing

@Suite struct DistributionTests {
    /// Type 7 on five values lands on ranks: h = 4p, so Q1 = x₁, median = x₂, Q3 = x₃ of the sorted values.
    @Test func quartilesOfFiveValues() throws {
        // Sorted: [1, 2, 2, 4, 5]; Q1 = x₁ = 2, median = x₂ = 2, Q3 = x₃ = 4.
        let distribution = try #require(Distribution(values: [4, 1, 5, 2, 2]))
        #expect(distribution.values == [1, 2, 2, 4, 5])
        #expect(distribution.lowerQuartile == 2)
        #expect(distribution.median == 2)
        #expect(distribution.upperQuartile == 4)
        #expect(distribution.minimum == 1)
        #expect(distribution.maximum == 5)
    }

    /// Four values interpolate: h = 3p.
    @Test func quartilesOfFourValuesInterpolate() throws {
        // [1, 2, 4, 5]: Q1 at h = 0.75 → 1 + 0.75 × (2 − 1) = 1.75; median at h = 1.5 → 2 + 0.5 × (4 − 2) = 3;
        // Q3 at h = 2.25 → 4 + 0.25 × (5 − 4) = 4.25 (numpy.percentile gives the same).
        let distribution = try #require(Distribution(values: [5, 1, 4, 2]))
        #expect(distribution.lowerQuartile == 1.75)
        #expect(distribution.median == 3)
        #expect(distribution.upperQuartile == 4.25)
    }

    @Test func quantileEdges() {
        // [10, 20, 30] at p = 0.1: h = 2 × 0.1 = 0.2 → 10 + 0.2 × 10 = 12.
        #expect(abs(Distribution.quantile(0.1, ofSorted: [10, 20, 30]) - 12) < 1e-12)
        #expect(Distribution.quantile(1, ofSorted: [10, 20, 30]) == 30)
        #expect(Distribution(values: [7])?.lowerQuartile == 7)
        #expect(Distribution(values: []) == nil)
    }
}

@Suite struct GroupAggregationTests {
    let instrument = AssessmentFixture.instrument

    /// Five members. DI2X.T.1.1 has items T1-1 and T1-2; a member's node value is the mean of their levels there.
    var sheets: [ResponseSheet] {
        [
            ["T1-1": .level(2), "T1-2": .level(3), "T1-3": .level(2), "T2-1": .dontKnow],  // T.1.1: 2.5
            ["T1-1": .level(3), "T1-2": .level(3), "T1-3": .level(4), "T2-1": .notRelevant],  // T.1.1: 3
            ["T1-1": .level(4), "T1-2": .dontKnow, "T2-1": .level(3)],  // T.1.1: 4 (vet ikke left out)
            ["T1-1": .level(1), "T1-2": .level(2)],  // T.1.1: 1.5
            ["T1-1": .level(5), "T2-1": .dontKnow, "T2-2": .notRelevant],  // T.1.1: 5
        ]
    }

    @Test func nodeValueIsTheMemberMeanAndTheMedianIsCurrent() throws {
        let results = GroupAggregation.results(instrument: instrument, sheets: sheets)
        #expect(results.map(\.nodeCode) == AssessmentFixture.nodes)
        let node = results[0]
        // Values sorted [1.5, 2.5, 3, 4, 5]: Q1 = x₁ = 2.5, median = x₂ = 3, Q3 = x₃ = 4.
        let distribution = try #require(node.distribution)
        #expect(distribution.values == [1.5, 2.5, 3, 4, 5])
        #expect(node.respondents == 5)
        #expect(node.current == 3)
        #expect(node.basis == .median)
        #expect(node.explanation == "Median 3 av 5 svar (1,5–5, kvartiler 2,5–4)")
    }

    @Test func twoRespondentsHideTheDistributionAndThreeShowIt() {
        // DI2X.T.1.2 (item T1-3) has two level answers: 2 and 4.
        let two = GroupAggregation.results(instrument: instrument, sheets: sheets)[1]
        #expect(two.respondents == nil, "below the threshold not even the count is given")
        #expect(two.isHidden)
        #expect(two.distribution == nil)
        #expect(two.current == nil)
        #expect(two.basis == .unknown)
        #expect(two.explanation == "For få svar til å vise fordeling (færre enn 3 svar)")

        var more = sheets
        more[3]["T1-3"] = .level(3)
        // Values [2, 4, 3] → sorted [2, 3, 4]: median 3, Q1 at h = 0.5 → 2.5, Q3 at h = 1.5 → 3.5.
        let three = GroupAggregation.results(instrument: instrument, sheets: more)[1]
        #expect(three.respondents == 3)
        #expect(three.distribution?.median == 3)
        #expect(three.current == 3)
        #expect(three.explanation == "Median 3 av 3 svar (2–4, kvartiler 2,5–3,5)")

        let stricter = GroupAggregation.results(instrument: instrument, sheets: more, anonymityThreshold: 4)[1]
        #expect(stricter.distribution == nil, "three answers are too few when the threshold is four")

        for chosen in [0, 1, 2] {
            let lowered = GroupAggregation.results(instrument: instrument, sheets: sheets, anonymityThreshold: chosen)[1]
            #expect(lowered.isHidden, "a stored threshold of \(chosen) still counts as three")
        }
    }

    @Test func anAgreedLevelOverridesTheMedian() {
        let agreed = ["DI2X.T.1.1": AgreedLevel(level: 4, justification: "Vi har felles dataplattform")]
        let node = GroupAggregation.results(instrument: instrument, sheets: sheets, agreed: agreed)[0]
        #expect(node.current == 4, "agreed 4, although the median is 3")
        #expect(node.basis == .agreed)
        #expect(node.distribution?.median == 3, "the spread before the talk is kept")
        #expect(
            node.explanation
                == "Enighet: 4 (begrunnelse: Vi har felles dataplattform); spredning før samtalen 1,5–5 (median 3)")

        let hidden = GroupAggregation.results(
            instrument: instrument, sheets: sheets, agreed: ["DI2X.T.1.2": AgreedLevel(level: 2, justification: "")])[1]
        #expect(hidden.current == 2)
        #expect(hidden.distribution == nil, "agreement does not lift the anonymity threshold")
        #expect(hidden.explanation == "Enighet: 2; for få svar til å vise spredningen før samtalen (færre enn 3 svar)")
    }

    @Test func dontKnowAndNotRelevantCountMembersWithoutALevel() {
        // DI2X.T.2.1 (item T2-1): vet ikke, ikke relevant, 3, nothing, vet ikke
        // → 1 respondent, 2 vet ikke, 1 ikke relevant.
        // Below the threshold none of these counts is shown; from the threshold up they all are.
        let node = GroupAggregation.results(instrument: instrument, sheets: sheets)[2]
        #expect(node.respondents == nil && node.dontKnow == nil && node.notRelevant == nil)
        #expect(node.explanation == "For få svar til å vise fordeling (færre enn 3 svar)")
        let open = GroupAggregation.results(instrument: instrument, sheets: sheets, anonymityThreshold: 1)[2]
        #expect(open.isHidden, "the threshold never goes below three")
        let counted = GroupAggregation.result(
            nodeCode: "X", values: [1, 2, 3], dontKnow: 2, notRelevant: 1, agreed: nil)
        #expect(counted.respondents == 3 && counted.dontKnow == 2 && counted.notRelevant == 1)
        #expect(counted.explanation.hasSuffix("; 2 vet ikke, 1 ikke relevant"))

        let mixed: [ResponseSheet] = [
            ["T1-1": .dontKnow, "T1-2": .notRelevant],  // no level, mixed → vet ikke
            ["T1-1": .notRelevant, "T1-2": .notRelevant],  // only ikke relevant
            ["T1-1": .notRelevant, "T1-2": .level(3)],  // a level makes a respondent
            ["T1-1": .level(9)],  // not a level of the scale: ignored, so not counted at all
            ["T1-1": .level(2)], ["T1-1": .level(4)],  // two more levels reach the threshold, so counts are shown
        ]
        let first = GroupAggregation.results(instrument: instrument, sheets: mixed)[0]
        #expect(first.respondents == 3)
        #expect(first.dontKnow == 1)
        #expect(first.notRelevant == 1)
    }

    @Test func aNodeNoOneAnsweredHasNoCurrent() {
        let node = GroupAggregation.results(instrument: instrument, sheets: [[:], [:], [:]])[3]
        #expect(node.respondents == nil)
        #expect(node.current == nil)
        #expect(node.explanation == "Ingen svar med nivå")
    }
}
