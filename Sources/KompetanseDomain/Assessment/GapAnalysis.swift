/// How much a node matters at the chosen target, and so how much its gap weighs.
public enum GapImportance: String, Sendable, Hashable, Codable, CaseIterable {
    /// Critical at the target (`criticalFrom` ≤ target): weight 2.
    case critical
    /// Relevant at the target but not critical: weight 1.
    case relevant
    /// Not yet relevant at the target: weight 0.
    case notYet

    /// The weight a gap is multiplied by to give its priority.
    public var weight: Double {
        switch self {
        case .critical: 2
        case .relevant: 1
        case .notYet: 0
        }
    }

    /// "kritisk", "relevant", "ikke relevant ennå".
    public var word: String {
        switch self {
        case .critical: "kritisk"
        case .relevant: "relevant"
        case .notYet: "ikke relevant ennå"
        }
    }
}

/// The distance between where a node is and where the target needs it.
public struct Gap: Sendable, Hashable, Codable {
    /// The node code.
    public var nodeCode: String
    /// The node's label.
    public var label: String
    /// The current level, when known.
    public var current: Double?
    /// What the current level rests on.
    public var basis: CurrentBasis
    /// The chosen target.
    public var target: Int
    /// The level the target requires; `nil` when the node is not yet relevant there.
    public var required: Int?
    /// max(0, required − current); `nil` when either is unknown.
    public var gap: Double?
    /// How much the node matters at the target.
    public var importance: GapImportance
    /// gap × weight (0 when the gap is unknown).
    public var priority: Double
    /// The lowest target at which the node is critical, when it ever is.
    public var criticalFrom: Int?
    /// A Norwegian sentence: where the node is, what is needed, how it weighs.
    public var explanation: String

    /// Creates a gap.
    public init(
        nodeCode: String, label: String, current: Double?, basis: CurrentBasis, target: Int, required: Int?,
        gap: Double?, importance: GapImportance, priority: Double, criticalFrom: Int?, explanation: String
    ) {
        self.nodeCode = nodeCode
        self.label = label
        self.current = current
        self.basis = basis
        self.target = target
        self.required = required
        self.gap = gap
        self.importance = importance
        self.priority = priority
        self.criticalFrom = criticalFrom
        self.explanation = explanation
    }
}

/// Compares node results with a target and ranks what is missing.
public enum GapAnalysis {
    /// One gap per node result, ranked: open gaps (gap > 0) by priority, then gap, both descending, then
    /// `criticalFrom` ascending (none last), then node code; then met nodes (gap 0); then nodes whose current level is
    /// unknown; then nodes not yet relevant at the target. The last three keep the order of `results`.
    ///
    /// Importance is `.notYet` when the node is not relevant at the target, else `.critical` when `criticalFrom` ≤
    /// target, else `.relevant`. A node missing from `requirements` is always relevant and never critical.
    /// `targetNames` gives short names for explanations ("G4"; `Instrument.targetNames`); "G4" is assumed otherwise.
    public static func gaps(
        results: [NodeResult], requirements: [String: NodeRequirement], target: Int, rule: GapRule,
        targetNames: [Int: String] = [:]
    ) -> [Gap] {
        func name(_ value: Int) -> String { targetNames[value] ?? "G\(value)" }
        let gaps = results.map { result -> Gap in
            let requirement = requirements[result.nodeCode] ?? .assumed(for: result.nodeCode)
            let required = requirement.requiredLevel(at: target, rule: rule)
            let importance: GapImportance =
                required == nil ? .notYet : (requirement.isCritical(at: target) ? .critical : .relevant)
            var gap: Double?
            if let required, let current = result.current {
                let missing = Double(required) - current
                // A mean like 2.9999999 stands for 3: treat a hair's breadth as met.
                gap = missing > 1e-9 ? missing : 0
            }
            let priority = (gap ?? 0) * importance.weight

            let explanation: String
            let weighting: String
            switch importance {
            case .critical:
                weighting = "kritisk fra \(name(requirement.criticalFrom ?? target)) (vekt 2)"
            case .relevant:
                weighting = requirement.relevantFrom.map { "relevant fra \(name($0)) (vekt 1)" } ?? "relevant (vekt 1)"
            case .notYet:
                weighting = ""
            }
            if let required {
                let goal = required == target ? "mål \(name(target))" : "mål \(name(target)) krever \(required)"
                let now = result.current.map { "Nå \(NorwegianNumber.text($0)) (\(result.basis.word))" } ?? "Nå ukjent"
                let outcome: String
                if let gap {
                    outcome = gap > 0 ? "mangler \(NorwegianNumber.text(gap))" : "kravet er nådd"
                } else {
                    outcome = "gapet er ukjent"
                }
                explanation = "\(now), \(goal) → \(outcome); \(weighting)"
            } else {
                let from = requirement.relevantFrom.map { " (relevant fra \(name($0)))" } ?? ""
                explanation = "Ikke relevant ved mål \(name(target))\(from)"
            }
            return Gap(
                nodeCode: result.nodeCode, label: requirement.label, current: result.current, basis: result.basis,
                target: target, required: required, gap: gap, importance: importance, priority: priority,
                criticalFrom: requirement.criticalFrom, explanation: explanation)
        }

        func band(_ gap: Gap) -> Int {
            if gap.required == nil { return 3 }
            guard let value = gap.gap else { return 2 }
            return value > 0 ? 0 : 1
        }
        let ranked = gaps.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if band(a) != band(b) { return band(a) < band(b) }
            guard band(a) == 0 else { return left.offset < right.offset }
            if a.priority != b.priority { return a.priority > b.priority }
            if a.gap != b.gap { return (a.gap ?? 0) > (b.gap ?? 0) }
            if a.criticalFrom != b.criticalFrom { return (a.criticalFrom ?? Int.max) < (b.criticalFrom ?? Int.max) }
            if a.nodeCode != b.nodeCode { return a.nodeCode < b.nodeCode }
            return left.offset < right.offset
        }
        return ranked.map(\.element)
    }
}
