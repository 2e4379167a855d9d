/// What a framework says about one node's place in the maturity model: from which target it matters, and from
/// which it is critical. Built from the node's `relevantFromGeneration` / `criticalFromGeneration` (for step
/// frameworks, step k gives relevantFrom = criticalFrom = k).
public struct NodeRequirement: Sendable, Hashable, Codable {
    /// The node code.
    public var nodeCode: String
    /// The node's label, for explanations.
    public var label: String
    /// The lowest target at which the node is relevant; `nil` when it always is.
    public var relevantFrom: Int?
    /// The lowest target at which the node is critical; `nil` when it never is.
    public var criticalFrom: Int?

    /// Creates a requirement.
    public init(nodeCode: String, label: String, relevantFrom: Int? = nil, criticalFrom: Int? = nil) {
        self.nodeCode = nodeCode
        self.label = label
        self.relevantFrom = relevantFrom
        self.criticalFrom = criticalFrom
    }

    /// Whether the node is relevant at a target: it has no `relevantFrom`, or `relevantFrom` ≤ target.
    public func isRelevant(at target: Int) -> Bool {
        relevantFrom.map { $0 <= target } ?? true
    }

    /// Whether the node is critical at a target: `criticalFrom` ≤ target.
    public func isCritical(at target: Int) -> Bool {
        criticalFrom.map { $0 <= target } ?? false
    }

    /// The level required of the node at a target: `nil` when it is not yet relevant there, else the target itself
    /// (`.target`) or the rule's fixed level (`.fixed`).
    public func requiredLevel(at target: Int, rule: GapRule) -> Int? {
        guard isRelevant(at: target) else { return nil }
        switch rule {
        case .target: return target
        case .fixed(let level): return level
        }
    }

    /// The requirement assumed for a node the caller gave none for: always relevant, never critical.
    static func assumed(for code: String) -> NodeRequirement {
        NodeRequirement(nodeCode: code, label: code)
    }
}

/// Whether an estimate found a target.
public enum EstimateStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// A target is met (`generation` holds it).
    case reached
    /// Even the lowest target is not met.
    case belowLowest
    /// No node with a known level to judge by.
    case unknown
}

/// A node that keeps a target from being met: its level is below the level required there.
public struct EstimateShortfall: Sendable, Hashable, Codable {
    /// The node code.
    public var nodeCode: String
    /// The node's label.
    public var label: String
    /// Its current level.
    public var current: Double
    /// What the current level rests on.
    public var basis: CurrentBasis
    /// The level the target requires.
    public var required: Int

    /// Creates a shortfall.
    public init(nodeCode: String, label: String, current: Double, basis: CurrentBasis, required: Int) {
        self.nodeCode = nodeCode
        self.label = label
        self.current = current
        self.basis = basis
        self.required = required
    }

    /// "DI2X.T.2.2 står på 3 (median), trenger 4".
    public var text: String {
        "\(nodeCode) står på \(NorwegianNumber.text(current)) (\(basis.word)), trenger \(required)"
    }
}

/// The highest target a group of nodes (or one node) meets, with the evidence.
public struct GenerationEstimate: Sendable, Hashable, Codable {
    /// The group's node code; "" for the whole instrument; the node's own code for a single node.
    public var code: String
    /// The instrument nodes judged, in instrument order.
    public var nodeCodes: [String]
    /// Whether a target was found.
    public var status: EstimateStatus
    /// The highest target met; `nil` below the lowest target or when unknown.
    public var generation: Int?
    /// "G3", "Under laveste nivå" or "Ukjent".
    public var name: String
    /// The target above `generation` (the lowest target when below it); `nil` at the top or when unknown.
    public var nextTarget: Int?
    /// Nodes with a known level that are relevant at `generation` and meet its required level.
    public var meeting: [String]
    /// Nodes with a known level that are not yet relevant at `generation`.
    public var notRelevant: [String]
    /// The nodes that keep `nextTarget` from being met.
    public var blockers: [EstimateShortfall]
    /// Nodes skipped because their current level is unknown.
    public var unknown: [String]
    /// The evidence in Norwegian, one sentence per line.
    public var evidence: [String]

    /// Creates an estimate.
    public init(
        code: String, nodeCodes: [String], status: EstimateStatus, generation: Int?, name: String, nextTarget: Int?,
        meeting: [String], notRelevant: [String], blockers: [EstimateShortfall], unknown: [String], evidence: [String]
    ) {
        self.code = code
        self.nodeCodes = nodeCodes
        self.status = status
        self.generation = generation
        self.name = name
        self.nextTarget = nextTarget
        self.meeting = meeting
        self.notRelevant = notRelevant
        self.blockers = blockers
        self.unknown = unknown
        self.evidence = evidence
    }
}

/// The estimates for a whole instrument: overall, per framework ancestor, per node.
public struct MaturityEstimates: Sendable, Hashable, Codable {
    /// All instrument nodes together.
    public var overall: GenerationEstimate
    /// One per framework node with at least one instrument node at or below it, ancestors before descendants, in
    /// the order of their first instrument node.
    public var groups: [GenerationEstimate]
    /// One per instrument node, in instrument order.
    public var nodes: [GenerationEstimate]

    /// Creates estimates.
    public init(overall: GenerationEstimate, groups: [GenerationEstimate], nodes: [GenerationEstimate]) {
        self.overall = overall
        self.groups = groups
        self.nodes = nodes
    }

    /// The estimate for the group under a framework node; "" gives `overall`.
    public func group(_ code: String) -> GenerationEstimate? {
        code.isEmpty ? overall : groups.first { $0.code == code }
    }

    /// The estimate for one instrument node.
    public func node(_ code: String) -> GenerationEstimate? {
        nodes.first { $0.code == code }
    }
}

/// Estimates which target (generation) a group has reached from its node results.
public enum MaturityEstimator {
    /// The estimates for an instrument's nodes.
    ///
    /// A group reaches the highest target T of `instrument.targets` at which every node in it whose current level is
    /// known, and which is relevant at T, stands at or above `requiredLevel(at: T, rule:)`; nodes with unknown level
    /// are skipped and listed. A single node under the `.target` rule reaches the highest target ≤ ⌊current⌋; under
    /// `.fixed` it is judged like a group of one. `parents` maps a framework node code to its parent's code;
    /// a node missing from `requirements` is taken as always relevant and never critical. `rule` defaults to the
    /// instrument's gap rule.
    public static func estimates(
        instrument: Instrument, results: [NodeResult], requirements: [String: NodeRequirement],
        parents: [String: String], rule: GapRule? = nil
    ) -> MaturityEstimates {
        let judge = Judge(
            targets: Array(Set(instrument.targets.map(\.value))).sorted(), names: instrument.targetNames,
            results: Dictionary(results.map { ($0.nodeCode, $0) }, uniquingKeysWith: { first, _ in first }),
            requirements: requirements, rule: rule ?? instrument.gapRule)
        let codes = instrument.nodeCodes

        var order: [String] = []
        var members: [String: [String]] = [:]
        for code in codes {
            var chain: [String] = []
            var current = parents[code]
            var seen: Set<String> = [code]
            while let parent = current, seen.insert(parent).inserted {
                chain.insert(parent, at: 0)
                current = parents[parent]
            }
            for ancestor in chain {
                if members[ancestor] == nil { order.append(ancestor) }
                members[ancestor, default: []].append(code)
            }
        }
        // An instrument node that is also an ancestor of others belongs to its own group.
        for code in order where codes.contains(code) {
            members[code] = codes.filter { $0 == code || members[code]?.contains($0) == true }
        }

        return MaturityEstimates(
            overall: judge.group(code: "", nodes: codes),
            groups: order.map { judge.group(code: $0, nodes: members[$0] ?? []) },
            nodes: codes.map { judge.node($0) })
    }

    /// Judges groups of nodes against the targets.
    private struct Judge {
        let targets: [Int]
        let names: [Int: String]
        let results: [String: NodeResult]
        let requirements: [String: NodeRequirement]
        let rule: GapRule

        func name(_ target: Int) -> String { names[target] ?? "nivå \(target)" }

        func requirement(_ code: String) -> NodeRequirement {
            requirements[code] ?? .assumed(for: code)
        }

        func shortfalls(at target: Int, among known: [(code: String, current: Double)]) -> [EstimateShortfall] {
            known.compactMap { node in
                let requirement = requirement(node.code)
                // A small tolerance: a mean like 2.9999999 stands for 3.
                guard let required = requirement.requiredLevel(at: target, rule: rule),
                    node.current + 1e-9 < Double(required)
                else { return nil }
                return EstimateShortfall(
                    nodeCode: node.code, label: requirement.label, current: node.current,
                    basis: results[node.code]?.basis ?? .unknown, required: required)
            }
        }

        func group(code: String, nodes: [String]) -> GenerationEstimate {
            let known = nodes.compactMap { code in results[code]?.current.map { (code: code, current: $0) } }
            let unknown = nodes.filter { results[$0]?.current == nil }
            guard let top = targets.last, known.contains(where: { requirement($0.code).isRelevant(at: top) }) else {
                return unknownEstimate(code: code, nodes: nodes, unknown: unknown)
            }
            let generation = targets.last { shortfalls(at: $0, among: known).isEmpty }
            return estimate(code: code, nodes: nodes, known: known, unknown: unknown, generation: generation)
        }

        func node(_ code: String) -> GenerationEstimate {
            guard case .target = rule else { return group(code: code, nodes: [code]) }
            guard let current = results[code]?.current else {
                return unknownEstimate(code: code, nodes: [code], unknown: [code])
            }
            let generation = targets.last { Double($0) <= current + 1e-9 }
            return estimate(
                code: code, nodes: [code], known: [(code, current)], unknown: [], generation: generation,
                ignoringRelevance: true)
        }

        func unknownEstimate(code: String, nodes: [String], unknown: [String]) -> GenerationEstimate {
            var evidence = [
                targets.isEmpty ? "Instrumentet har ingen målnivåer" : "Ingen noder med kjent nivå å vurdere"
            ]
            if !unknown.isEmpty { evidence.append("Ukjent nivå: " + unknown.joined(separator: ", ")) }
            return GenerationEstimate(
                code: code, nodeCodes: nodes, status: .unknown, generation: nil, name: "Ukjent", nextTarget: nil,
                meeting: [], notRelevant: [], blockers: [], unknown: unknown, evidence: evidence)
        }

        func estimate(
            code: String, nodes: [String], known: [(code: String, current: Double)], unknown: [String],
            generation: Int?, ignoringRelevance: Bool = false
        ) -> GenerationEstimate {
            var evidence: [String] = []
            var meeting: [String] = []
            var notRelevant: [String] = []
            let next: Int?
            if let generation {
                for node in known {
                    if ignoringRelevance || requirement(node.code).isRelevant(at: generation) {
                        meeting.append(node.code)
                    } else {
                        notRelevant.append(node.code)
                    }
                }
                let details = known.filter { meeting.contains($0.code) }.map { node in
                    let basis = results[node.code]?.basis ?? .unknown
                    return "\(node.code) står på \(NorwegianNumber.text(node.current)) (\(basis.word))"
                }
                let support = details.isEmpty
                    ? "ingen noder med kjent nivå er relevante der" : details.joined(separator: "; ")
                evidence.append("\(name(generation)) nås: \(support)")
                if !notRelevant.isEmpty {
                    let codes = notRelevant.joined(separator: ", ")
                    evidence.append("Ikke relevant ennå ved \(name(generation)): \(codes)")
                }
                next = targets.first { $0 > generation }
            } else {
                evidence.append("Under laveste nivå")
                next = targets.first
            }
            var blockers: [EstimateShortfall] = []
            if let next {
                if ignoringRelevance {
                    // ⌊current⌋ is below the next target, so the node itself is what stands in the way.
                    blockers = known.map { node in
                        EstimateShortfall(
                            nodeCode: node.code, label: requirement(node.code).label, current: node.current,
                            basis: results[node.code]?.basis ?? .unknown, required: next)
                    }
                } else {
                    blockers = shortfalls(at: next, among: known)
                }
                if !blockers.isEmpty {
                    evidence.append("\(name(next)) nås ikke: " + blockers.map(\.text).joined(separator: "; "))
                }
            } else {
                evidence.append("Høyeste mål er nådd")
            }
            if !unknown.isEmpty {
                evidence.append("Ukjent nivå, ikke vurdert: " + unknown.joined(separator: ", "))
            }
            return GenerationEstimate(
                code: code, nodeCodes: nodes, status: generation == nil ? .belowLowest : .reached,
                generation: generation, name: generation.map(name) ?? "Under laveste nivå", nextTarget: next,
                meeting: meeting, notRelevant: notRelevant, blockers: blockers, unknown: unknown, evidence: evidence)
        }
    }
}
