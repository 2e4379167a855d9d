import Foundation
import KompetanseDomain

/// The report of a round: result, gaps, plan and (for a follow-up) change since the baseline.
public struct AssessmentReport: Sendable {
    /// The group result with gaps and changes.
    public var result: AssessmentService.RoundResult
    /// The plan.
    public var plan: CompetencePlan

    /// One row per node as CSV (comma-separated, quoted, decimal point), for spreadsheets.
    public func csv() -> String {
        var lines = [
            "node,navn,svar,median,min,maks,nedre_kvartil,ovre_kvartil,omforent,naa,grunnlag,krav,gap,viktighet,prioritet"
        ]
        let gaps = Dictionary(result.gaps.map { ($0.nodeCode, $0) }, uniquingKeysWith: { first, _ in first })
        for node in result.results {
            let gap = gaps[node.nodeCode]
            let distribution = node.distribution
            let fields: [String] = [
                node.nodeCode, result.nodes[node.nodeCode]?.label ?? "", node.respondents.map(String.init) ?? "",
                Self.number(distribution?.median), Self.number(distribution?.minimum), Self.number(distribution?.maximum),
                Self.number(distribution?.lowerQuartile), Self.number(distribution?.upperQuartile),
                node.agreed.map { String($0.level) } ?? "", Self.number(node.current), node.basis.rawValue,
                gap?.required.map(String.init) ?? "", Self.number(gap?.gap), gap?.importance.rawValue ?? "",
                gap.map { Self.number($0.priority) } ?? "",
            ]
            lines.append(fields.map(Self.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return Int(exactly: value).map(String.init) ?? String(format: "%.2f", value)
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The report as a JSON-encodable value.
    public func exported() -> Exported {
        Exported(
            round: .init(
                identifier: result.round.identifier, title: result.round.title, kind: result.round.kind.rawValue,
                status: result.round.status.rawValue, instrument: result.instrument.identifier,
                instrumentVersion: result.instrument.version, target: result.round.target, submitted: result.submitted,
                invited: result.invited,
                anonymityThreshold: GroupAggregation.effectiveThreshold(result.round.anonymityThreshold)),
            nodes: result.results.map { node in
                .init(
                    code: node.nodeCode, label: result.nodes[node.nodeCode]?.label ?? "", hidden: node.isHidden,
                    respondents: node.respondents, dontKnow: node.dontKnow, notRelevant: node.notRelevant,
                    distribution: node.distribution,
                    agreed: node.agreed, current: node.current, basis: node.basis.rawValue, explanation: node.explanation)
            },
            estimates: ([result.estimates.overall] + result.estimates.groups).map {
                .init(code: $0.code, estimate: $0.name, generation: $0.generation, evidence: $0.evidence)
            },
            gaps: result.gaps, changes: result.changes, plan: plan, planTotals: plan.totals, balance: plan.balance)
    }

    /// The exported report.
    public struct Exported: Encodable, Sendable {
        /// About the round.
        public struct Round: Encodable, Sendable {
            let identifier: String
            let title: String
            let kind: String
            let status: String
            let instrument: String
            let instrumentVersion: String
            let target: Int?
            let submitted: Int
            let invited: Int
            let anonymityThreshold: Int
        }

        /// One node's result.
        public struct Node: Encodable, Sendable {
            let code: String
            let label: String
            /// True below the anonymity threshold: then no count and no spread is given.
            let hidden: Bool
            let respondents: Int?
            let dontKnow: Int?
            let notRelevant: Int?
            let distribution: Distribution?
            let agreed: AgreedLevel?
            let current: Double?
            let basis: String
            let explanation: String
        }

        /// One estimate with its evidence.
        public struct Estimate: Encodable, Sendable {
            let code: String
            let estimate: String
            let generation: Int?
            let evidence: [String]
        }

        let round: Round
        let nodes: [Node]
        let estimates: [Estimate]
        let gaps: [Gap]
        let changes: [NodeChange]
        let plan: CompetencePlan
        let planTotals: PlanTotals
        let balance: LearningBalance
    }
}

extension AssessmentService {
    /// The report of a closed round.
    public func report(round identifier: String, as principal: Principal) async throws -> AssessmentReport {
        AssessmentReport(result: try await result(round: identifier, as: principal), plan: try await plan(round: identifier, as: principal))
    }
}
