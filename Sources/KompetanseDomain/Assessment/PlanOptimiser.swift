/// When in a development plan a measure takes place.
public enum PlanPhase: String, Sendable, Hashable, Codable, CaseIterable {
    /// Before the gathering.
    case preparation = "forberedelse"
    /// At the gathering.
    case gathering = "samling"
    /// After the gathering.
    case followUp = "etterarbeid"
}

/// A measure that could go into a plan, with what it costs and which nodes it develops.
public struct PlanCandidate: Sendable, Hashable, Codable {
    /// The measure's identifier.
    public var measureID: String
    /// The measure's title.
    public var title: String
    /// Price in NOK; `nil` when unknown (counted as 0 against the budget, and reported).
    public var cost: Double?
    /// Learner hours; `nil` when unknown (counted as 0 against the time limit, and reported).
    public var hours: Double?
    /// The 70/20/10 learning mode ("70", "20", "10"), when known.
    public var learningMode: String?
    /// The node codes it develops.
    public var covers: [String]
    /// How well it matches the need (higher is better); used only to break ties.
    public var relevance: Double

    /// Creates a candidate.
    public init(
        measureID: String, title: String, cost: Double? = nil, hours: Double? = nil, learningMode: String? = nil,
        covers: [String], relevance: Double = 0
    ) {
        self.measureID = measureID
        self.title = title
        self.cost = cost
        self.hours = hours
        self.learningMode = learningMode
        self.covers = covers
        self.relevance = relevance
    }
}

/// The limits a plan must keep within; `nil` means no limit.
public struct PlanLimits: Sendable, Hashable, Codable {
    /// Budget in NOK.
    public var budget: Double?
    /// Learner hours.
    public var hours: Double?

    /// Creates limits.
    public init(budget: Double? = nil, hours: Double? = nil) {
        self.budget = budget
        self.hours = hours
    }

    /// No limits.
    public static let unlimited = PlanLimits()
}

/// A measure the optimiser chose, with the gaps it closes.
public struct ChosenMeasure: Sendable, Hashable, Codable {
    /// The measure's identifier.
    public var measureID: String
    /// The measure's title.
    public var title: String
    /// Price in NOK, when known.
    public var cost: Double?
    /// Learner hours, when known.
    public var hours: Double?
    /// The learning mode, when known.
    public var learningMode: String?
    /// The node codes of the open gaps it covers, in gap rank order.
    public var covers: [String]
    /// "Dekker DI2X.T.2.2 Datakunnskap (mangler 2, kritisk)".
    public var reason: String

    /// Creates a chosen measure.
    public init(
        measureID: String, title: String, cost: Double?, hours: Double?, learningMode: String?, covers: [String],
        reason: String
    ) {
        self.measureID = measureID
        self.title = title
        self.cost = cost
        self.hours = hours
        self.learningMode = learningMode
        self.covers = covers
        self.reason = reason
    }
}

/// Why an open gap is left uncovered.
public enum UncoveredReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// No candidate covers it.
    case noMeasure = "ingen tiltak funnet"
    /// Every measure that covers it would break the budget.
    case overBudget = "over budsjett"
    /// Every measure that covers it within budget would break the time limit.
    case overTime = "over tidsrammen"
}

/// An open gap the suggested plan leaves uncovered.
public struct UncoveredGap: Sendable, Hashable, Codable {
    /// The node code.
    public var nodeCode: String
    /// The node's label.
    public var label: String
    /// The gap's priority.
    public var priority: Double
    /// Why it is uncovered; `reason.rawValue` is the Norwegian text.
    public var reason: UncoveredReason

    /// Creates an uncovered gap.
    public init(nodeCode: String, label: String, priority: Double, reason: UncoveredReason) {
        self.nodeCode = nodeCode
        self.label = label
        self.priority = priority
        self.reason = reason
    }
}

/// A suggested set of measures, what it covers and costs, and why.
public struct PlanSuggestion: Sendable, Hashable, Codable {
    /// The chosen measures, in candidate order.
    public var chosen: [ChosenMeasure]
    /// The open gaps left uncovered, in gap rank order.
    public var uncovered: [UncoveredGap]
    /// The summed priority of the distinct gaps covered.
    public var coveredPriority: Double
    /// The summed known price in NOK.
    public var totalCost: Double
    /// The summed known learner hours.
    public var totalHours: Double
    /// Chosen measures without a known price.
    public var unknownCostCount: Int
    /// Chosen measures without known hours.
    public var unknownHoursCount: Int
    /// Whether the choice is provably best (exhaustive search) rather than greedy.
    public var exact: Bool
    /// The explanation in Norwegian, one sentence per line.
    public var explanation: [String]

    /// Creates a suggestion.
    public init(
        chosen: [ChosenMeasure], uncovered: [UncoveredGap], coveredPriority: Double, totalCost: Double,
        totalHours: Double, unknownCostCount: Int, unknownHoursCount: Int, exact: Bool, explanation: [String]
    ) {
        self.chosen = chosen
        self.uncovered = uncovered
        self.coveredPriority = coveredPriority
        self.totalCost = totalCost
        self.totalHours = totalHours
        self.unknownCostCount = unknownCostCount
        self.unknownHoursCount = unknownHoursCount
        self.exact = exact
        self.explanation = explanation
    }
}

/// Chooses the measures that close the most important gaps within a budget and a time limit.
public enum PlanOptimiser {
    /// Above this many useful candidates the choice is greedy instead of exhaustive.
    public static let exactLimit = 18

    /// Suggests a plan: the subset of candidates maximising the summed priority of the distinct open gaps (priority
    /// > 0) it covers, with known cost ≤ budget and known hours ≤ the time limit. Ties go to lower total cost, then
    /// fewer measures, then higher summed relevance, then the lexicographically first sorted list of measure ids.
    ///
    /// Candidates that cover no open gap, or break a limit on their own, are set aside first. With at most
    /// `exactLimit` left, the search is exhaustive (branch and bound); otherwise greedy, taking the candidate with
    /// the best marginal priority per (cost + 1) until none fits. Deterministic for the same input.
    public static func suggest(gaps: [Gap], candidates: [PlanCandidate], limits: PlanLimits) -> PlanSuggestion {
        var open: [Gap] = []
        var index: [String: Int] = [:]
        for gap in gaps where gap.priority > 0 && index[gap.nodeCode] == nil {
            index[gap.nodeCode] = open.count
            open.append(gap)
        }
        let problem = Problem(open: open, index: index, candidates: candidates, limits: limits)
        let exact = problem.useful.count <= exactLimit
        let picked = (exact ? problem.exhaustive() : problem.greedy()).sorted()
        return problem.suggestion(picked: picked, exact: exact)
    }

    /// Tolerance for comparing sums of money, hours and priorities.
    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    /// The prepared problem: open gaps as bits, candidates as bit masks.
    private struct Problem {
        let open: [Gap]
        let candidates: [PlanCandidate]
        let limits: PlanLimits
        /// The gap bits each candidate covers.
        let masks: [Bits]
        /// Candidates worth considering, as indices into `candidates`.
        let useful: [Int]
        /// Candidates that cover an open gap.
        let covering: Int

        init(open: [Gap], index: [String: Int], candidates: [PlanCandidate], limits: PlanLimits) {
            self.open = open
            self.candidates = candidates
            self.limits = limits
            let masks = candidates.map { candidate in
                var bits = Bits(count: open.count)
                for code in candidate.covers {
                    if let position = index[code] { bits.insert(position) }
                }
                return bits
            }
            self.masks = masks
            let covering = candidates.indices.filter { !masks[$0].isEmpty }
            self.covering = covering.count
            func fits(_ value: Double?, _ limit: Double?) -> Bool {
                guard let limit else { return true }
                let value = max(0, value ?? 0)
                return value <= limit || PlanOptimiser.same(value, limit)
            }
            useful = covering.filter {
                fits(candidates[$0].cost, limits.budget) && fits(candidates[$0].hours, limits.hours)
            }
        }

        func cost(_ candidate: Int) -> Double { max(0, candidates[candidate].cost ?? 0) }
        func hours(_ candidate: Int) -> Double { max(0, candidates[candidate].hours ?? 0) }

        func value(_ bits: Bits) -> Double {
            bits.members.reduce(0) { $0 + open[$1].priority }
        }

        func within(_ total: Double, _ limit: Double?) -> Bool {
            guard let limit else { return true }
            return total <= limit || same(total, limit)
        }

        /// A selection's place in the order of preference.
        struct Score {
            var priority: Double
            var cost: Double
            var count: Int
            var relevance: Double
            var identifiers: [String]

            func isBetter(than other: Score) -> Bool {
                if !same(priority, other.priority) { return priority > other.priority }
                if !same(cost, other.cost) { return cost < other.cost }
                if count != other.count { return count < other.count }
                if !same(relevance, other.relevance) { return relevance > other.relevance }
                return identifiers.lexicographicallyPrecedes(other.identifiers)
            }
        }

        func score(_ picked: [Int], priority: Double) -> Score {
            Score(
                priority: priority, cost: picked.reduce(0) { $0 + cost($1) }, count: picked.count,
                relevance: picked.reduce(0) { $0 + candidates[$1].relevance },
                identifiers: picked.map { candidates[$0].measureID }.sorted())
        }

        /// Branch and bound over include/exclude. A candidate is only included when it adds an uncovered gap: one
        /// that adds nothing can only cost more and count one more, so it is never in a best selection.
        func exhaustive() -> [Int] {
            let order = useful
            var reachable = [Bits](repeating: Bits(count: open.count), count: order.count + 1)
            for position in stride(from: order.count - 1, through: 0, by: -1) {
                reachable[position] = reachable[position + 1].union(masks[order[position]])
            }
            var best: (picked: [Int], score: Score) = ([], score([], priority: 0))
            var picked: [Int] = []

            func search(_ position: Int, covered: Bits, priority: Double, cost: Double, hours: Double) {
                if position == order.count {
                    if priority < best.score.priority, !same(priority, best.score.priority) { return }
                    let candidate = score(picked, priority: priority)
                    if candidate.isBetter(than: best.score) { best = (picked, candidate) }
                    return
                }
                let bound = priority + value(reachable[position].subtracting(covered))
                if bound < best.score.priority, !same(bound, best.score.priority) { return }
                if same(bound, best.score.priority), cost > best.score.cost, !same(cost, best.score.cost) { return }

                let next = order[position]
                let added = masks[next].subtracting(covered)
                let newCost = cost + self.cost(next)
                let newHours = hours + self.hours(next)
                if !added.isEmpty, within(newCost, limits.budget), within(newHours, limits.hours) {
                    picked.append(next)
                    search(
                        position + 1, covered: covered.union(added), priority: priority + value(added), cost: newCost,
                        hours: newHours)
                    picked.removeLast()
                }
                search(position + 1, covered: covered, priority: priority, cost: cost, hours: hours)
            }
            search(0, covered: Bits(count: open.count), priority: 0, cost: 0, hours: 0)
            return best.picked
        }

        /// Repeatedly takes the candidate with the best marginal priority per (cost + 1) that still fits.
        func greedy() -> [Int] {
            var picked: [Int] = []
            var covered = Bits(count: open.count)
            var spent = 0.0
            var used = 0.0
            var left = Set(useful)
            while true {
                var best: (candidate: Int, gain: Double, ratio: Double)?
                for candidate in useful where left.contains(candidate) {
                    let gain = value(masks[candidate].subtracting(covered))
                    guard gain > 0, within(spent + cost(candidate), limits.budget),
                        within(used + hours(candidate), limits.hours)
                    else { continue }
                    let ratio = gain / (cost(candidate) + 1)
                    if let current = best {
                        let better: Bool
                        if !same(ratio, current.ratio) {
                            better = ratio > current.ratio
                        } else if !same(gain, current.gain) {
                            better = gain > current.gain
                        } else if !same(cost(candidate), cost(current.candidate)) {
                            better = cost(candidate) < cost(current.candidate)
                        } else if !same(candidates[candidate].relevance, candidates[current.candidate].relevance) {
                            better = candidates[candidate].relevance > candidates[current.candidate].relevance
                        } else {
                            better = candidates[candidate].measureID < candidates[current.candidate].measureID
                        }
                        if !better { continue }
                    }
                    best = (candidate, gain, ratio)
                }
                guard let chosen = best else { break }
                picked.append(chosen.candidate)
                left.remove(chosen.candidate)
                covered = covered.union(masks[chosen.candidate])
                spent += cost(chosen.candidate)
                used += hours(chosen.candidate)
            }
            return picked
        }

        func suggestion(picked: [Int], exact: Bool) -> PlanSuggestion {
            var covered = Bits(count: open.count)
            for candidate in picked { covered = covered.union(masks[candidate]) }
            let totalCost = picked.reduce(0) { $0 + (candidates[$1].cost ?? 0) }
            let totalHours = picked.reduce(0) { $0 + (candidates[$1].hours ?? 0) }
            let spent = picked.reduce(0) { $0 + cost($1) }
            let used = picked.reduce(0) { $0 + hours($1) }

            let chosen = picked.map { position -> ChosenMeasure in
                let candidate = candidates[position]
                let gaps = masks[position].members.map { open[$0] }
                let described = gaps.map { gap in
                    let plain = gap.label == gap.nodeCode || gap.label.isEmpty
                    let name = plain ? gap.nodeCode : "\(gap.nodeCode) \(gap.label)"
                    return "\(name) (mangler \(NorwegianNumber.text(gap.gap ?? 0)), \(gap.importance.word))"
                }
                return ChosenMeasure(
                    measureID: candidate.measureID, title: candidate.title, cost: candidate.cost,
                    hours: candidate.hours, learningMode: candidate.learningMode, covers: gaps.map(\.nodeCode),
                    reason: "Dekker " + described.joined(separator: "; "))
            }

            let pickedSet = Set(picked)
            let uncovered = open.indices.filter { !covered.contains($0) }.map { position -> UncoveredGap in
                let gap = open[position]
                let others = candidates.indices.filter { !pickedSet.contains($0) && masks[$0].contains(position) }
                let reason: UncoveredReason
                if others.isEmpty {
                    reason = .noMeasure
                } else {
                    let budgetFails = others.map { !within(spent + cost($0), limits.budget) }
                    let timeFails = others.map { !within(used + hours($0), limits.hours) }
                    if others.indices.contains(where: { budgetFails[$0] && !timeFails[$0] }) {
                        reason = .overBudget
                    } else if others.indices.contains(where: { timeFails[$0] && !budgetFails[$0] }) {
                        reason = .overTime
                    } else {
                        reason = budgetFails.contains(true) ? .overBudget : .overTime
                    }
                }
                return UncoveredGap(nodeCode: gap.nodeCode, label: gap.label, priority: gap.priority, reason: reason)
            }

            let coveredPriority = value(covered)
            var explanation: [String] = []
            if open.isEmpty {
                explanation.append("Ingen åpne gap å dekke.")
            } else {
                let possible = NorwegianNumber.text(value(Bits(all: open.count)))
                explanation.append(
                    "Valgte \(picked.count) tiltak som dekker \(covered.members.count) av \(open.count) åpne gap "
                        + "(prioritet \(NorwegianNumber.text(coveredPriority)) av \(possible)).")
            }
            var costLine = "Kostnad \(NorwegianNumber.kroner(totalCost))"
            costLine +=
                limits.budget.map { " av budsjettet på \(NorwegianNumber.kroner($0))" } ?? " (ingen budsjettramme)"
            let unknownCost = picked.filter { candidates[$0].cost == nil }.count
            if unknownCost > 0 { costLine += "; \(unknownCost) tiltak har ukjent pris" }
            explanation.append(costLine + ".")
            var hoursLine = "Tidsbruk \(NorwegianNumber.text(totalHours)) timer"
            hoursLine += limits.hours.map { " av \(NorwegianNumber.text($0)) timer" } ?? " (ingen tidsramme)"
            let unknownHours = picked.filter { candidates[$0].hours == nil }.count
            if unknownHours > 0 { hoursLine += "; \(unknownHours) tiltak har ukjent tidsbruk" }
            explanation.append(hoursLine + ".")
            if !open.isEmpty {
                explanation.append(
                    exact
                        ? "Beste kombinasjon funnet ved å prøve alle aktuelle kombinasjoner av \(useful.count) tiltak."
                        : "Valgt trinnvis blant \(useful.count) tiltak (for mange til å prøve alle kombinasjoner): "
                            + "mest prioritet per krone først.")
            }
            let setAside = candidates.count - covering
            if setAside > 0 { explanation.append("\(setAside) tiltak dekker ingen åpne gap og er ikke vurdert.") }
            if !uncovered.isEmpty {
                explanation.append(
                    "Ikke dekket: " + uncovered.map { "\($0.nodeCode) (\($0.reason.rawValue))" }.joined(separator: ", ")
                        + ".")
            }
            return PlanSuggestion(
                chosen: chosen, uncovered: uncovered, coveredPriority: coveredPriority, totalCost: totalCost,
                totalHours: totalHours, unknownCostCount: unknownCost, unknownHoursCount: unknownHours, exact: exact,
                explanation: explanation)
        }
    }

    /// A fixed-size set of small integers as bits.
    private struct Bits: Hashable {
        var words: [UInt64]

        init(count: Int) {
            words = Array(repeating: 0, count: (count + 63) / 64)
        }

        init(all count: Int) {
            self.init(count: count)
            for position in 0..<count { insert(position) }
        }

        var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

        var members: [Int] {
            var members: [Int] = []
            for (offset, word) in words.enumerated() where word != 0 {
                for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 { members.append(offset * 64 + bit) }
            }
            return members
        }

        func contains(_ position: Int) -> Bool {
            words[position / 64] & (1 << UInt64(position % 64)) != 0
        }

        mutating func insert(_ position: Int) {
            words[position / 64] |= 1 << UInt64(position % 64)
        }

        func union(_ other: Bits) -> Bits {
            var result = self
            for offset in words.indices { result.words[offset] |= other.words[offset] }
            return result
        }

        func subtracting(_ other: Bits) -> Bits {
            var result = self
            for offset in words.indices { result.words[offset] &= ~other.words[offset] }
            return result
        }
    }
}
