import Foundation
import KompetanseDomain
import KompetanseServices

/// A value and a label for a select box.
struct Choice: Sendable {
    let value: String
    let label: String
    var selected = false
}

/// An identifier and a name.
struct Named: Sendable {
    let identifier: String
    let name: String
}

/// The assessment start page: instruments, and for signed-in people their organisations' rounds.
enum AssessmentIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let instruments: [InstrumentCard]
        let signedIn: Bool
        let organisations: [OrganisationBlock]
        let signInHref: String
    }

    struct InstrumentCard: Sendable {
        let href: String
        let title: String
        let description: String
        let items: Int
        let version: String
    }

    struct OrganisationBlock: Sendable {
        let name: String
        let identifier: String
        let canManage: Bool
        let rounds: [RoundLink]
        let hasRounds: Bool
        let groups: [Named]
        let baselines: [Named]
        let instruments: [Named]
    }

    struct RoundLink: Sendable {
        let href: String
        let title: String
        let status: String
        let kind: String
        let openedAt: String
    }
}

/// One instrument with its items and scales.
enum InstrumentShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let title: String
        let description: String
        let version: String
        let framework: String
        let frameworkHref: String
        let targets: [String]
        let items: [Item]
        let exportHref: String
    }

    struct Item: Sendable {
        let text: String
        let node: String
        let nodeHref: String
        let levels: [String]
    }
}

/// A round: participants and their status (never their answers), the member's own link, management actions.
enum RoundShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let title: String
        let group: String
        let instrument: String
        let kind: String
        let status: String
        let isOpen: Bool
        let canManage: Bool
        let canAnswer: Bool
        let threshold: Int
        let submitted: Int
        let invited: Int
        let participants: [Participant]
        let myLinkAction: String
        let closeAction: String
        let resultHref: String
    }

    struct Participant: Sendable {
        let label: String
        let submitted: Bool
    }
}

/// The private answer form behind a personal link.
enum AnswerShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let title: String
        let organisation: String
        let label: String
        let instrument: String
        let threshold: Int
        let isOpen: Bool
        let submitted: Bool
        let notice: String?
        let error: String?
        let answered: Int
        let total: Int
        let items: [Item]
    }

    struct Item: Sendable {
        let number: Int
        let text: String
        let options: [Option]
    }

    struct Option: Sendable {
        let id: String
        let name: String
        let value: String
        let label: String
        let checked: Bool
    }
}

/// The group result: distribution per node (or hidden), estimates with evidence, consensus, target, gaps.
enum ResultShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let title: String
        let submitted: Int
        let invited: Int
        let threshold: Int
        let rows: [Row]
        let estimates: [Estimate]
        let consensus: [ConsensusRow]
        let targets: [Choice]
        let hasTarget: Bool
        let gaps: [GapRow]
        let changes: [Change]
        let hasChanges: Bool
        let consensusAction: String
        let targetAction: String
        let recommendationsHref: String
        let planHref: String
        let reportHref: String
        let roundHref: String
        let notice: String?
    }

    /// One table row per node: the distribution when the threshold allows it, the agreed level, the current value.
    static func rows(_ result: AssessmentService.RoundResult, texts: Texts) -> [Row] {
        result.results.map { node in
            let distribution = node.distribution
            return Row(
                code: node.nodeCode, label: result.nodes[node.nodeCode]?.label ?? node.nodeCode,
                respondents: node.respondents.map(String.init) ?? texts["result_hidden"],
                median: distribution.map { NorwegianNumber.text($0.median) } ?? texts["result_hidden"],
                spread: distribution.map { "\(NorwegianNumber.text($0.minimum))–\(NorwegianNumber.text($0.maximum))" } ?? "–",
                quartiles: distribution.map { "\(NorwegianNumber.text($0.lowerQuartile))–\(NorwegianNumber.text($0.upperQuartile))" } ?? "–",
                agreed: node.agreed.map { String($0.level) } ?? "–",
                current: node.current.map { NorwegianNumber.text($0) + " (" + node.basis.word + ")" } ?? texts["result_unknown"],
                explanation: node.explanation)
        }
    }

    /// The ranked gaps, with their importance in words.
    static func gaps(_ result: AssessmentService.RoundResult, texts: Texts) -> [GapRow] {
        result.gaps.map {
            GapRow(
                code: $0.nodeCode, label: $0.label, explanation: $0.explanation, importance: texts["gap_" + $0.importance.rawValue],
                open: ($0.gap ?? 0) > 0)
        }
    }

    /// The change per node since the baseline.
    static func changes(_ result: AssessmentService.RoundResult) -> [Change] {
        result.changes.map { Change(code: $0.nodeCode, label: result.nodes[$0.nodeCode]?.label ?? $0.nodeCode, explanation: $0.explanation) }
    }

    struct Row: Sendable {
        let code: String
        let label: String
        let respondents: String
        let median: String
        let spread: String
        let quartiles: String
        let agreed: String
        let current: String
        let explanation: String
    }

    struct Estimate: Sendable {
        let label: String
        let value: String
        let evidence: [String]
    }

    struct ConsensusRow: Sendable {
        let code: String
        let label: String
        let levels: [Choice]
        let justification: String
    }

    struct GapRow: Sendable {
        let code: String
        let label: String
        let explanation: String
        let importance: String
        let open: Bool
    }

    struct Change: Sendable {
        let code: String
        let label: String
        let explanation: String
    }
}

/// Recommended measures per gap.
enum RecommendationShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let title: String
        let hasTarget: Bool
        let resultHref: String
        let planHref: String
        let addAction: String
        let gaps: [GapBlock]
    }

    struct GapBlock: Sendable {
        let code: String
        let label: String
        let explanation: String
        let measures: [Measure]
        let hasMeasures: Bool
    }

    struct Measure: Sendable {
        let identifier: String
        let href: String
        let name: String
        let provider: String
        let why: String
        let covers: String
        let inPlan: Bool
    }
}

/// The plan: measures with phase, owner and date; totals against budget and time; 70/20/10 balance.
enum PlanShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let title: String
        let items: [Item]
        let hasItems: Bool
        let budget: String
        let hours: String
        let totals: String
        let overLimit: Bool
        let balance: String
        let suggestion: [String]
        let hasSuggestion: Bool
        let uncovered: [String]
        let hasUncovered: Bool
        let limitsAction: String
        let suggestAction: String
        let recommendationsHref: String
        let reportHref: String
    }

    struct Item: Sendable {
        let title: String
        let href: String
        let covers: String
        let cost: String
        let hours: String
        let mode: String
        let phases: [Choice]
        let owner: String
        let due: String
        let updateAction: String
        let removeAction: String
        let key: String
    }

    static func model(_ plan: CompetencePlan, round: AssessmentRound, suggestion: PlanSuggestion?, texts: Texts) -> Model {
        let totals = plan.totals
        return Model(
            title: round.title,
            items: plan.items.enumerated().map { index, item in
                Item(
                    title: item.title, href: SiteRoute.measure(item.measureIdentifier).path, covers: item.covers.joined(separator: ", "),
                    cost: item.cost.map(NorwegianNumber.kroner) ?? texts["plan_unknown"],
                    hours: item.hours.map { NorwegianNumber.text($0) + " t" } ?? texts["plan_unknown"],
                    mode: item.learningMode ?? "–",
                    phases: PlanPhase.allCases.map { Choice(value: $0.rawValue, label: texts["phase_" + $0.rawValue], selected: $0 == item.phase) },
                    owner: item.owner, due: item.due ?? "",
                    updateAction: SiteRoute.planItem(round: round.identifier, measure: item.measureIdentifier).path,
                    removeAction: SiteRoute.removePlanItem(round: round.identifier, measure: item.measureIdentifier).path,
                    key: String(index))
            },
            hasItems: !plan.items.isEmpty, budget: plan.budget.map { AssessmentReportNumbers.plain($0) } ?? "",
            hours: plan.hours.map { AssessmentReportNumbers.plain($0) } ?? "", totals: totals.explanation,
            overLimit: totals.overBudget || totals.overTime, balance: plan.balance.sentence,
            suggestion: suggestion.map { $0.explanation + $0.chosen.map { "\($0.title): \($0.reason)" } } ?? [],
            hasSuggestion: suggestion != nil,
            uncovered: suggestion?.uncovered.map { "\($0.nodeCode) \($0.label): \($0.reason.rawValue)" } ?? [],
            hasUncovered: !(suggestion?.uncovered.isEmpty ?? true),
            limitsAction: SiteRoute.planLimits(round.identifier).path, suggestAction: SiteRoute.planSuggestion(round.identifier).path,
            recommendationsHref: SiteRoute.roundRecommendations(round.identifier).path,
            reportHref: SiteRoute.roundReport(round.identifier).path)
    }
}

/// Numbers as typed into form fields (no grouping).
enum AssessmentReportNumbers {
    static func plain(_ value: Double) -> String {
        Int(exactly: value).map(String.init) ?? NorwegianNumber.text(value)
    }
}

/// The printable report with an accessible SVG chart and its data table.
enum ReportShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let title: String
        let chart: String
        let rows: [ResultShow.Row]
        let gaps: [ResultShow.GapRow]
        let changes: [ResultShow.Change]
        let hasChanges: Bool
        let plan: [PlanRow]
        let totals: String
        let balance: String
        let target: String
        let csvHref: String
        let jsonHref: String
    }

    struct PlanRow: Sendable {
        let title: String
        let phase: String
        let owner: String
        let due: String
        let covers: String
    }

    static func model(_ report: AssessmentReport, texts: Texts) -> Model {
        let result = report.result
        return Model(
            title: result.round.title, chart: chart(result, texts: texts), rows: ResultShow.rows(result, texts: texts),
            gaps: ResultShow.gaps(result, texts: texts), changes: ResultShow.changes(result),
            hasChanges: !result.changes.isEmpty,
            plan: report.plan.items.map {
                PlanRow(title: $0.title, phase: texts["phase_" + $0.phase.rawValue], owner: $0.owner, due: $0.due ?? "", covers: $0.covers.joined(separator: ", "))
            },
            totals: report.plan.totals.explanation, balance: report.plan.balance.sentence,
            target: result.round.target.flatMap { result.instrument.target(value: $0)?.label.nb } ?? texts["report_no_target"],
            csvHref: SiteRoute.roundReportCSV(result.round.identifier).path,
            jsonHref: SiteRoute.roundReportJSON(result.round.identifier).path)
    }

    /// A horizontal bar per node: the current level as a bar, the required level at the target as a marker. The
    /// table next to it carries the same numbers for those who cannot see the chart.
    static func chart(_ result: AssessmentService.RoundResult, texts: Texts) -> String {
        let maximum = Double(max(result.instrument.targets.map(\.value).max() ?? 1, result.instrument.scales.flatMap { $0.levels.map(\.value) }.max() ?? 1))
        let required = Dictionary(result.gaps.compactMap { gap in gap.required.map { (gap.nodeCode, Double($0)) } }, uniquingKeysWith: { a, _ in a })
        let labelWidth = 260.0
        let barWidth = 420.0
        let rowHeight = 30.0
        let height = Double(result.results.count) * rowHeight + 40
        var svg = """
            <svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 \(Int(labelWidth + barWidth + 20)) \(Int(height))" xmlns="http://www.w3.org/2000/svg">
            <title id="chart-title">\(escape(texts["report_chart_title"]))</title>
            <desc id="chart-desc">\(escape(texts["report_chart_desc"]))</desc>
            """
        for (index, node) in result.results.enumerated() {
            let y = Double(index) * rowHeight + 10
            let label = result.nodes[node.nodeCode]?.label ?? node.nodeCode
            svg += "<text x=\"0\" y=\"\(Int(y + 18))\" class=\"chart-label\">\(escape(String(label.prefix(34))))</text>"
            if let current = node.current {
                let width = max(2, current / maximum * barWidth)
                svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 4))\" width=\"\(Int(width))\" height=\"18\" class=\"chart-bar\"/>"
                svg += "<text x=\"\(Int(labelWidth + width + 4))\" y=\"\(Int(y + 18))\" class=\"chart-value\">\(escape(NorwegianNumber.text(current)))</text>"
            }
            if let target = required[node.nodeCode] {
                let x = labelWidth + target / maximum * barWidth
                svg += "<line x1=\"\(Int(x))\" x2=\"\(Int(x))\" y1=\"\(Int(y))\" y2=\"\(Int(y + 26))\" class=\"chart-target\"/>"
            }
        }
        let legendY = Int(height - 8)
        svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(legendY - 10)\" width=\"14\" height=\"10\" class=\"chart-bar\"/>"
        svg += "<text x=\"\(Int(labelWidth + 20))\" y=\"\(legendY)\" class=\"chart-legend\">\(escape(texts["report_legend_current"]))</text>"
        svg += "<line x1=\"\(Int(labelWidth + 200))\" x2=\"\(Int(labelWidth + 200))\" y1=\"\(legendY - 12)\" y2=\"\(legendY + 2)\" class=\"chart-target\"/>"
        svg += "<text x=\"\(Int(labelWidth + 208))\" y=\"\(legendY)\" class=\"chart-legend\">\(escape(texts["report_legend_target"]))</text>"
        return svg + "</svg>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
