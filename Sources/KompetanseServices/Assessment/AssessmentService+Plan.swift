import Foundation
import KompetanseDomain
import KompetanseStore

extension AssessmentService {
    /// Measures recommended for one gap, each with the reason it was matched.
    public struct GapRecommendation: Sendable {
        /// The gap.
        public var gap: Gap
        /// The need sent to matching: what the node is (its label and its capability's label).
        public var need: String
        /// The recommended measures, best first.
        public var measures: [RecommendedMeasure]
    }

    /// One recommended measure.
    public struct RecommendedMeasure: Sendable, Hashable {
        /// The measure.
        public var measure: Measure
        /// Why it fits the gap, in one plain sentence (what of the node it covers, the node it builds).
        public var why: String
        /// The term detail behind it (words, fields, nodes).
        public var detail: String
        /// Match score.
        public var score: Double
    }

    /// How many measures each gap gets.
    static let measuresPerGap = 4

    /// For every open gap, the catalogue's best measures for it: matching what the node is (its label and its
    /// capability's label, their synonyms, the measures tagged with it), with its description as context only. A
    /// gap whose list is empty really has no measure on its topic in the catalogue.
    public func recommendations(round identifier: String, as principal: Principal) async throws -> [GapRecommendation] {
        let result = try await result(round: identifier, as: principal)
        return try await recommendations(for: result)
    }

    func recommendations(for result: RoundResult) async throws -> [GapRecommendation] {
        var recommendations: [GapRecommendation] = []
        for gap in result.gaps.filter({ ($0.gap ?? 0) > 0 }) {
            let need = Self.need(for: gap.nodeCode, label: gap.label, nodes: result.nodes)
            let match = try await matching.match(node: need, limit: Self.measuresPerGap)
            recommendations.append(
                GapRecommendation(
                    gap: gap, need: need.topic,
                    measures: match.hits.map { RecommendedMeasure(measure: $0.measure, why: $0.summary, detail: $0.why, score: $0.score) }))
        }
        return recommendations
    }

    /// What a node is, as a need: its label with the label of the capability above it (a bare verb such as
    /// "Overvåke" means something only under "Teknologisk fremsyn"), its description as context.
    static func need(for code: String, label: String, nodes: [String: FrameworkNode]) -> MatchEngine.NodeNeed {
        let node = nodes[code]
        let parentCode = code.split(separator: ".").dropLast().joined(separator: ".")
        let capability = parentCode.split(separator: ".").count > 1 ? nodes[parentCode]?.label : nil
        return MatchEngine.NodeNeed(
            code: code, label: node?.label ?? label, capability: capability, context: node?.description ?? "")
    }

    /// The round's plan (empty when none has been made).
    public func plan(round identifier: String, as principal: Principal) async throws -> CompetencePlan {
        let round = try await visibleRound(identifier, as: principal)
        return try await store.assessments.plan(roundIdentifier: round.identifier) ?? CompetencePlan(roundIdentifier: round.identifier)
    }

    /// A plan item for a measure: its cost and time from the catalogue.
    static func item(for measure: Measure, covers: [String], phase: PlanPhase = .gathering) -> PlanItem {
        PlanItem(
            measureIdentifier: measure.identifier, title: measure.name, phase: phase, cost: measure.price?.amount,
            hours: measure.timeRequired?.hours, learningMode: measure.learningMode?.rawValue, covers: covers)
    }

    /// Adds a measure to the plan (once), naming the gaps it should close.
    public func addToPlan(
        round identifier: String, measure measureIdentifier: String, covers: [String], as principal: Principal
    ) async throws -> CompetencePlan {
        var plan = try await plan(round: identifier, as: principal)
        guard let measure = try await store.measures.measure(identifier: measureIdentifier) else {
            throw ServiceError.invalidInput("tiltaket «\(measureIdentifier)» finnes ikke i katalogen")
        }
        guard !plan.items.contains(where: { $0.measureIdentifier == measureIdentifier }) else {
            throw ServiceError.conflict("tiltaket er allerede i planen")
        }
        plan.items.append(Self.item(for: measure, covers: covers))
        try await savePlan(plan, action: "plan.add", detail: measureIdentifier, as: principal)
        return plan
    }

    /// Changes a plan item's phase, owner and due date.
    public func updatePlanItem(
        round identifier: String, measure measureIdentifier: String, phase: PlanPhase, owner: String, due: String?,
        as principal: Principal
    ) async throws -> CompetencePlan {
        var plan = try await plan(round: identifier, as: principal)
        guard let index = plan.items.firstIndex(where: { $0.measureIdentifier == measureIdentifier }) else {
            throw ServiceError.notFound("tiltaket i planen")
        }
        let owner = owner.trimmingCharacters(in: .whitespacesAndNewlines)
        guard owner.count <= 200 else { throw ServiceError.invalidInput("ansvarlig: høyst 200 tegn") }
        if let due, !Self.isDate(due) { throw ServiceError.invalidInput("frist «\(due)» skal være en dato (ÅÅÅÅ-MM-DD)") }
        plan.items[index].phase = phase
        plan.items[index].owner = owner
        plan.items[index].due = due
        try await savePlan(plan, action: "plan.update", detail: measureIdentifier, as: principal)
        return plan
    }

    /// Removes a measure from the plan.
    public func removeFromPlan(round identifier: String, measure measureIdentifier: String, as principal: Principal) async throws
        -> CompetencePlan
    {
        var plan = try await plan(round: identifier, as: principal)
        guard plan.items.contains(where: { $0.measureIdentifier == measureIdentifier }) else {
            throw ServiceError.notFound("tiltaket i planen")
        }
        plan.items.removeAll { $0.measureIdentifier == measureIdentifier }
        try await savePlan(plan, action: "plan.remove", detail: measureIdentifier, as: principal)
        return plan
    }

    /// Sets the budget (NOK) and time limit (hours) the plan must fit.
    public func setLimits(round identifier: String, budget: Double?, hours: Double?, as principal: Principal) async throws
        -> CompetencePlan
    {
        for (name, value) in [("budsjett", budget), ("tidsramme", hours)] {
            if let value, !(value >= 0 && value <= 1_000_000_000) { throw ServiceError.invalidInput("\(name) skal være et tall fra 0") }
        }
        var plan = try await plan(round: identifier, as: principal)
        plan.budget = budget
        plan.hours = hours
        try await savePlan(plan, action: "plan.limits", detail: "", as: principal)
        return plan
    }

    /// Suggests a plan that covers the most important gaps within the budget and time limit, and saves it (the
    /// phases, owners and dates of measures already in the plan are kept).
    public func suggestPlan(round identifier: String, as principal: Principal) async throws -> (CompetencePlan, PlanSuggestion) {
        let result = try await result(round: identifier, as: principal)
        guard result.round.target != nil else { throw ServiceError.invalidInput("velg et mål før planen foreslås") }
        var plan = try await plan(round: identifier, as: principal)
        let recommendations = try await recommendations(for: result)
        var candidates: [String: (measure: Measure, covers: [String], relevance: Double)] = [:]
        for recommendation in recommendations {
            for recommended in recommendation.measures {
                var entry = candidates[recommended.measure.identifier] ?? (recommended.measure, [], 0)
                entry.covers.append(recommendation.gap.nodeCode)
                entry.relevance = max(entry.relevance, recommended.score)
                candidates[recommended.measure.identifier] = entry
            }
        }
        let suggestion = PlanOptimiser.suggest(
            gaps: result.gaps,
            candidates: candidates.values.map {
                PlanCandidate(
                    measureID: $0.measure.identifier, title: $0.measure.name, cost: $0.measure.price?.amount,
                    hours: $0.measure.timeRequired?.hours, learningMode: $0.measure.learningMode?.rawValue, covers: $0.covers,
                    relevance: $0.relevance)
            }, limits: plan.limits)
        let kept = Dictionary(plan.items.map { ($0.measureIdentifier, $0) }, uniquingKeysWith: { first, _ in first })
        plan.items = suggestion.chosen.compactMap { chosen in
            if var existing = kept[chosen.measureID] {
                existing.covers = chosen.covers
                return existing
            }
            return candidates[chosen.measureID].map { Self.item(for: $0.measure, covers: chosen.covers) }
        }
        try await savePlan(plan, action: "plan.suggest", detail: "\(plan.items.count) tiltak", as: principal)
        return (plan, suggestion)
    }

    private func savePlan(_ plan: CompetencePlan, action: String, detail: String, as principal: Principal) async throws {
        try await store.assessments.savePlan(plan)
        try await audit.record(action, by: principal, kind: "plan", target: plan.roundIdentifier, detail: detail)
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
