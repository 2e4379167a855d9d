/// The level a group agreed on for a node after talking it through, with why.
public struct AgreedLevel: Sendable, Hashable, Codable {
    /// The agreed level.
    public var level: Int
    /// The group's reason, in its own words (may be empty).
    public var justification: String

    /// Creates an agreed level.
    public init(level: Int, justification: String) {
        self.level = level
        self.justification = justification
    }
}

/// What a node's current level rests on.
public enum CurrentBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// The group's agreed level.
    case agreed
    /// The median of the members' answers (shown only from the anonymity threshold up).
    case median
    /// Neither: no agreement, and too few answers to show.
    case unknown

    /// The Norwegian word used in explanations: "enighet", "median", "ukjent".
    public var word: String {
        switch self {
        case .agreed: "enighet"
        case .median: "median"
        case .unknown: "ukjent"
        }
    }
}

/// The spread of the members' values for a node. Quartiles interpolate linearly between the closest ranks
/// (Hyndman and Fan type 7, the default of R and numpy): the p-quantile of sorted x₀…xₙ₋₁ is at rank h = (n − 1)p,
/// x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
public struct Distribution: Sendable, Hashable, Codable {
    /// The values, ascending.
    public var values: [Double]
    /// The median (the 0.5-quantile).
    public var median: Double
    /// The 0.25-quantile.
    public var lowerQuartile: Double
    /// The 0.75-quantile.
    public var upperQuartile: Double
    /// The smallest value.
    public var minimum: Double
    /// The largest value.
    public var maximum: Double

    /// The distribution of some values, or `nil` when there are none.
    public init?(values: [Double]) {
        let sorted = values.sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        self.values = sorted
        median = Self.quantile(0.5, ofSorted: sorted)
        lowerQuartile = Self.quantile(0.25, ofSorted: sorted)
        upperQuartile = Self.quantile(0.75, ofSorted: sorted)
        minimum = first
        maximum = last
    }

    /// The p-quantile (0 ≤ p ≤ 1) of ascending values by linear interpolation (type 7); 0 when there are none.
    public static func quantile(_ p: Double, ofSorted values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let rank = Double(values.count - 1) * min(max(p, 0), 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        return values[lower] + (rank - Double(lower)) * (values[upper] - values[lower])
    }
}

/// A group's result for one instrument node. Below the anonymity threshold it carries no count at all: neither how
/// many gave a level nor how many said "vet ikke" or "ikke relevant", so a small group cannot work out who answered.
public struct NodeResult: Sendable, Hashable, Codable {
    /// The node code.
    public var nodeCode: String
    /// Members with at least one level answer on the node's items; `nil` below the anonymity threshold.
    public var respondents: Int?
    /// Members who answered the node only with "vet ikke" (or with a mix of "vet ikke" and "ikke relevant"); `nil`
    /// below the anonymity threshold.
    public var dontKnow: Int?
    /// Members who answered the node only with "ikke relevant"; `nil` below the anonymity threshold.
    public var notRelevant: Int?
    /// The spread of the respondents' values; `nil` below the anonymity threshold.
    public var distribution: Distribution?
    /// The level the group agreed on, if it did.
    public var agreed: AgreedLevel?
    /// The current level: the agreed level, else the median when the distribution is shown, else `nil`.
    public var current: Double?
    /// What `current` rests on.
    public var basis: CurrentBasis
    /// A Norwegian sentence saying where `current` comes from.
    public var explanation: String

    /// Whether the counts and the spread are withheld because too few gave a level.
    public var isHidden: Bool { respondents == nil }

    /// Creates a node result.
    public init(
        nodeCode: String, respondents: Int?, dontKnow: Int?, notRelevant: Int?, distribution: Distribution?,
        agreed: AgreedLevel?, current: Double?, basis: CurrentBasis, explanation: String
    ) {
        self.nodeCode = nodeCode
        self.respondents = respondents
        self.dontKnow = dontKnow
        self.notRelevant = notRelevant
        self.distribution = distribution
        self.agreed = agreed
        self.current = current
        self.basis = basis
        self.explanation = explanation
    }
}

/// Turns the members' response sheets and the group's agreements into one result per node.
public enum GroupAggregation {
    /// The default anonymity threshold: a distribution is shown from three respondents up.
    public static let defaultAnonymityThreshold = 3
    /// The lowest threshold a round can have. With one or two, a member's answer could be read off the result, so
    /// a lower stored value counts as this one.
    public static let minimumAnonymityThreshold = 3

    /// The threshold that applies for a round's chosen one.
    public static func effectiveThreshold(_ chosen: Int) -> Int { max(chosen, minimumAnonymityThreshold) }

    /// One result per instrument node, in instrument node order.
    ///
    /// A member's value for a node is the mean of their level answers on the node's items; members without a level
    /// answer there are not respondents for it. Answers `Instrument.problems(in:)` would refuse (unknown items,
    /// levels an item does not offer) are ignored. The distribution is withheld below `anonymityThreshold`
    /// respondents, so no one's answer can be singled out.
    public static func results(
        instrument: Instrument, sheets: [ResponseSheet], agreed: [String: AgreedLevel] = [:],
        anonymityThreshold: Int = defaultAnonymityThreshold
    ) -> [NodeResult] {
        var allowed: [String: Set<Int>] = [:]
        for item in instrument.items {
            allowed[item.identifier] = Set(instrument.levels(of: item).map(\.value))
        }
        return instrument.nodeCodes.map { code in
            let items = instrument.items(forNode: code)
            var values: [Double] = []
            var dontKnow = 0
            var notRelevant = 0
            for sheet in sheets {
                var levels: [Int] = []
                var sawDontKnow = false
                var sawNotRelevant = false
                for item in items {
                    switch sheet[item.identifier] {
                    case .level(let value)? where allowed[item.identifier]?.contains(value) == true:
                        levels.append(value)
                    case .dontKnow?: sawDontKnow = true
                    case .notRelevant?: sawNotRelevant = true
                    default: break
                    }
                }
                if !levels.isEmpty {
                    values.append(Double(levels.reduce(0, +)) / Double(levels.count))
                } else if sawDontKnow {
                    dontKnow += 1
                } else if sawNotRelevant {
                    notRelevant += 1
                }
            }
            return result(
                nodeCode: code, values: values, dontKnow: dontKnow, notRelevant: notRelevant, agreed: agreed[code],
                anonymityThreshold: anonymityThreshold)
        }
    }

    /// The result for one node from its respondents' values (one per member) and the other answers' counts.
    public static func result(
        nodeCode: String, values: [Double], dontKnow: Int, notRelevant: Int, agreed: AgreedLevel?,
        anonymityThreshold: Int = defaultAnonymityThreshold
    ) -> NodeResult {
        let threshold = effectiveThreshold(anonymityThreshold)
        let visible = values.count >= threshold
        let distribution = visible ? Distribution(values: values) : nil
        let current: Double?
        let basis: CurrentBasis
        var explanation: String
        let spreadText = distribution.map { spread in
            "\(span(spread.minimum, spread.maximum)) (median \(NorwegianNumber.text(spread.median)))"
        }
        // Below the threshold nothing is counted aloud, not even how many there were.
        let hidden = visible || (values.isEmpty && dontKnow + notRelevant == 0) ? nil : "færre enn \(threshold) svar"
        if let agreed {
            current = Double(agreed.level)
            basis = .agreed
            let justification = agreed.justification
            let reason = justification.allSatisfy(\.isWhitespace) ? "" : " (begrunnelse: \(justification))"
            explanation = "Enighet: \(agreed.level)\(reason); "
            if let spreadText {
                explanation += "spredning før samtalen \(spreadText)"
            } else if let hidden {
                explanation += "for få svar til å vise spredningen før samtalen (\(hidden))"
            } else {
                explanation += "ingen svar før samtalen"
            }
        } else if let distribution {
            current = distribution.median
            basis = .median
            explanation = "Median \(NorwegianNumber.text(distribution.median)) av \(values.count) svar "
                + "(\(span(distribution.minimum, distribution.maximum)), "
                + "kvartiler \(span(distribution.lowerQuartile, distribution.upperQuartile)))"
        } else {
            current = nil
            basis = .unknown
            explanation = hidden.map { "For få svar til å vise fordeling (\($0))" } ?? "Ingen svar med nivå"
        }
        if visible {
            var others: [String] = []
            if dontKnow > 0 { others.append("\(dontKnow) vet ikke") }
            if notRelevant > 0 { others.append("\(notRelevant) ikke relevant") }
            if !others.isEmpty { explanation += "; " + others.joined(separator: ", ") }
        }
        return NodeResult(
            nodeCode: nodeCode, respondents: visible ? values.count : nil, dontKnow: visible ? dontKnow : nil,
            notRelevant: visible ? notRelevant : nil,
            distribution: distribution, agreed: agreed, current: current, basis: basis, explanation: explanation)
    }

    /// "2–4", or "3" when both ends are equal.
    static func span(_ low: Double, _ high: Double) -> String {
        let low = NorwegianNumber.text(low)
        let high = NorwegianNumber.text(high)
        return low == high ? low : "\(low)–\(high)"
    }
}
