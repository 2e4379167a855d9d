/// How a plan's measures spread over the 70/20/10 learning modes, next to the ideal of 70 % learning at work,
/// 20 % from others and 10 % formal.
public struct LearningBalance: Sendable, Hashable, Codable {
    /// The number of measures.
    public var count: Int
    /// Share of measures in mode "70" (learning at work), of all measures.
    public var experiential: Double
    /// Share of measures in mode "20" (learning from others), of all measures.
    public var social: Double
    /// Share of measures in mode "10" (formal learning), of all measures.
    public var formal: Double
    /// Share of measures whose mode is unknown.
    public var unknown: Double
    /// Known hours of measures in mode "70".
    public var experientialHours: Double
    /// Known hours of measures in mode "20".
    public var socialHours: Double
    /// Known hours of measures in mode "10".
    public var formalHours: Double
    /// Known hours of measures whose mode is unknown.
    public var unknownHours: Double
    /// A Norwegian sentence comparing the spread (of measures with a known mode) with 70/20/10.
    public var sentence: String

    /// Creates a balance.
    public init(
        count: Int, experiential: Double, social: Double, formal: Double, unknown: Double, experientialHours: Double,
        socialHours: Double, formalHours: Double, unknownHours: Double, sentence: String
    ) {
        self.count = count
        self.experiential = experiential
        self.social = social
        self.formal = formal
        self.unknown = unknown
        self.experientialHours = experientialHours
        self.socialHours = socialHours
        self.formalHours = formalHours
        self.unknownHours = unknownHours
        self.sentence = sentence
    }

    /// A deviation from the ideal beyond this many percentage points is named in the sentence.
    public static let tolerance = 10.0

    /// The balance of measures with these modes ("70", "20", "10"; anything else or `nil` is unknown) and, at the
    /// same positions, these hours (missing or `nil` hours count as unknown). Shares are by count of measures.
    public static func of(modes: [String?], hours: [Double?] = []) -> LearningBalance {
        let names = ["70": "læring i arbeidet", "20": "læring fra andre", "10": "formell læring"]
        let ideal = ["70": 70.0, "20": 20.0, "10": 10.0]
        let order = ["70", "20", "10"]
        var counts: [String: Int] = [:]
        var hoursByMode: [String: Double] = [:]
        for (position, mode) in modes.enumerated() {
            let key = mode.flatMap { names[$0] == nil ? nil : $0 } ?? "?"
            counts[key, default: 0] += 1
            let measured = position < hours.count ? hours[position] : nil
            hoursByMode[key, default: 0] += measured ?? 0
        }
        let total = modes.count
        func share(_ key: String) -> Double { total == 0 ? 0 : Double(counts[key] ?? 0) / Double(total) }
        let known = order.reduce(0) { $0 + (counts[$1] ?? 0) }

        var sentence: String
        if total == 0 {
            sentence = "Planen har ingen tiltak ennå."
        } else if known == 0 {
            sentence =
                "Læringsformen er ukjent for alle \(total) tiltak, så fordelingen kan ikke sammenlignes med 70/20/10."
        } else {
            let percent = order.map { 100 * Double(counts[$0] ?? 0) / Double(known) }
            let parts = zip(order, percent).map { "\(Int($1.rounded())) % \(names[$0] ?? $0) (\($0))" }
            var fewer: [String] = []
            var more: [String] = []
            for (key, value) in zip(order, percent) {
                let deviation = value - (ideal[key] ?? 0)
                if deviation < -tolerance { fewer.append("for lite \(names[key] ?? key)") }
                if deviation > tolerance { more.append("for mye \(names[key] ?? key)") }
            }
            let verdict = fewer + more
            sentence = "Av tiltakene med kjent læringsform er \(parts[0]), \(parts[1]) og \(parts[2])"
                + (verdict.isEmpty
                    ? ", nær idealet 70/20/10." : ". Mot idealet 70/20/10 er det \(Self.joined(verdict)).")
            if known < total {
                sentence += " \(total - known) tiltak har ukjent læringsform."
            }
        }
        return LearningBalance(
            count: total, experiential: share("70"), social: share("20"), formal: share("10"), unknown: share("?"),
            experientialHours: hoursByMode["70"] ?? 0, socialHours: hoursByMode["20"] ?? 0,
            formalHours: hoursByMode["10"] ?? 0, unknownHours: hoursByMode["?"] ?? 0, sentence: sentence)
    }

    /// "a", "a og b", "a, b og c".
    static func joined(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " og " + (parts.last ?? "")
    }
}

/// What a plan's measures add up to against its limits.
public struct PlanTotals: Sendable, Hashable, Codable {
    /// Summed known price in NOK.
    public var totalCost: Double
    /// Summed known learner hours.
    public var totalHours: Double
    /// Measures without a known price.
    public var unknownCostCount: Int
    /// Measures without known hours.
    public var unknownHoursCount: Int
    /// Budget − total cost (negative when over); `nil` without a budget.
    public var remainingBudget: Double?
    /// Time limit − total hours (negative when over); `nil` without a time limit.
    public var remainingHours: Double?
    /// Whether the known cost exceeds the budget.
    public var overBudget: Bool
    /// Whether the known hours exceed the time limit.
    public var overTime: Bool
    /// "Kostnad 12 000 kr av 15 000 kr (3 000 kr igjen); 20 av 30 timer (10 timer igjen)".
    public var explanation: String

    /// Creates totals.
    public init(
        totalCost: Double, totalHours: Double, unknownCostCount: Int, unknownHoursCount: Int, remainingBudget: Double?,
        remainingHours: Double?, overBudget: Bool, overTime: Bool, explanation: String
    ) {
        self.totalCost = totalCost
        self.totalHours = totalHours
        self.unknownCostCount = unknownCostCount
        self.unknownHoursCount = unknownHoursCount
        self.remainingBudget = remainingBudget
        self.remainingHours = remainingHours
        self.overBudget = overBudget
        self.overTime = overTime
        self.explanation = explanation
    }

    /// The totals of a plan's items (price in NOK and hours, each `nil` when unknown) against its limits.
    public static func of(items: [(cost: Double?, hours: Double?)], limits: PlanLimits) -> PlanTotals {
        let totalCost = items.reduce(0) { $0 + ($1.cost ?? 0) }
        let totalHours = items.reduce(0) { $0 + ($1.hours ?? 0) }
        let remainingBudget = limits.budget.map { $0 - totalCost }
        let remainingHours = limits.hours.map { $0 - totalHours }
        let overBudget = limits.budget.map { totalCost > $0 && !PlanOptimiser.same(totalCost, $0) } ?? false
        let overTime = limits.hours.map { totalHours > $0 && !PlanOptimiser.same(totalHours, $0) } ?? false
        let unknownCost = items.filter { $0.cost == nil }.count
        let unknownHours = items.filter { $0.hours == nil }.count

        var costText = "Kostnad \(NorwegianNumber.kroner(totalCost))"
        if let budget = limits.budget, let remaining = remainingBudget {
            costText += " av \(NorwegianNumber.kroner(budget))"
            costText += overBudget
                ? " (\(NorwegianNumber.kroner(-remaining)) over)" : " (\(NorwegianNumber.kroner(remaining)) igjen)"
        }
        if unknownCost > 0 { costText += ", \(unknownCost) med ukjent pris" }
        var hoursText = "\(NorwegianNumber.text(totalHours))"
        if let limit = limits.hours, let remaining = remainingHours {
            hoursText += " av \(NorwegianNumber.text(limit)) timer"
            hoursText += overTime
                ? " (\(NorwegianNumber.text(-remaining)) timer over)"
                : " (\(NorwegianNumber.text(remaining)) timer igjen)"
        } else {
            hoursText += " timer"
        }
        if unknownHours > 0 { hoursText += ", \(unknownHours) med ukjent tidsbruk" }
        return PlanTotals(
            totalCost: totalCost, totalHours: totalHours, unknownCostCount: unknownCost,
            unknownHoursCount: unknownHours, remainingBudget: remainingBudget, remainingHours: remainingHours,
            overBudget: overBudget, overTime: overTime, explanation: costText + "; " + hoursText)
    }
}
