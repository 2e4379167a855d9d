/// How one node's current level moved between a baseline assessment and a follow-up.
public struct NodeChange: Sendable, Hashable, Codable {
    /// The node code.
    public var nodeCode: String
    /// The current level at baseline, when known.
    public var before: Double?
    /// What the baseline level rested on.
    public var beforeBasis: CurrentBasis
    /// The current level at follow-up, when known.
    public var after: Double?
    /// What the follow-up level rests on.
    public var afterBasis: CurrentBasis
    /// after − before, when both are known.
    public var change: Double?
    /// A Norwegian sentence describing the change.
    public var explanation: String

    /// Creates a change.
    public init(
        nodeCode: String, before: Double?, beforeBasis: CurrentBasis, after: Double?, afterBasis: CurrentBasis,
        change: Double?, explanation: String
    ) {
        self.nodeCode = nodeCode
        self.before = before
        self.beforeBasis = beforeBasis
        self.after = after
        self.afterBasis = afterBasis
        self.change = change
        self.explanation = explanation
    }
}

/// Compares a follow-up assessment with its baseline.
public enum FollowUpComparison {
    /// One change per follow-up node, in follow-up order, then the baseline nodes the follow-up lacks, in baseline
    /// order.
    public static func changes(baseline: [NodeResult], followUp: [NodeResult]) -> [NodeChange] {
        let before = Dictionary(baseline.map { ($0.nodeCode, $0) }, uniquingKeysWith: { first, _ in first })
        let afterCodes = Set(followUp.map(\.nodeCode))
        var changes = followUp.map { change(before: before[$0.nodeCode], after: $0, code: $0.nodeCode) }
        for result in baseline where !afterCodes.contains(result.nodeCode) {
            changes.append(change(before: result, after: nil, code: result.nodeCode))
        }
        return changes
    }

    private static func change(before: NodeResult?, after: NodeResult?, code: String) -> NodeChange {
        func level(_ result: NodeResult?) -> String? {
            guard let result, let current = result.current else { return nil }
            return "\(NorwegianNumber.text(current)) (\(result.basis.word))"
        }
        let old = before?.current
        let new = after?.current
        let change = old.flatMap { old in new.map { $0 - old } }
        let explanation: String
        switch (level(before), level(after)) {
        case (let from?, let to?):
            let delta = change ?? 0
            explanation =
                NorwegianNumber.change(delta) == "0"
                ? "Uendret: \(from) før, \(to) nå" : "Fra \(from) til \(to): \(NorwegianNumber.change(delta))"
        case (let from?, nil):
            explanation = after == nil ? "Fra \(from); ikke med i oppfølgingen" : "Fra \(from); nå ukjent"
        case (nil, let to?):
            explanation = before == nil ? "Ny i oppfølgingen: \(to)" : "Før ukjent; nå \(to)"
        case (nil, nil):
            explanation = "Ukjent både før og nå"
        }
        return NodeChange(
            nodeCode: code, before: old, beforeBasis: before?.basis ?? .unknown, after: new,
            afterBasis: after?.basis ?? .unknown, change: change, explanation: explanation)
    }
}
