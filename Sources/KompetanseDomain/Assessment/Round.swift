/// Whether a round is the first measurement or a later one compared with it.
public enum RoundKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The baseline (nullpunktsmåling).
    case baseline
    /// A follow-up, compared with a baseline.
    case followUp = "oppfolging"
}

/// Where a round is in its life.
public enum RoundStatus: String, Sendable, Hashable, Codable {
    /// Members answer.
    case open
    /// Answers are final; the group works on results, consensus, gaps and the plan.
    case closed
}

/// One assessment round for a group: who answers which instrument, and what the group agreed afterwards.
public struct AssessmentRound: Sendable, Hashable, Codable {
    /// Stable identifier.
    public var identifier: String
    /// The organisation the group belongs to.
    public var organisationIdentifier: String
    /// The group being assessed (e.g. the leader group).
    public var groupIdentifier: String
    /// The instrument.
    public var instrumentIdentifier: String
    /// The instrument version answered.
    public var instrumentVersion: String
    /// Baseline or follow-up.
    public var kind: RoundKind
    /// For a follow-up: the round it is compared with.
    public var baselineIdentifier: String?
    /// A name, e.g. "Nullpunktsmåling høsten 2026".
    public var title: String
    /// Open or closed.
    public var status: RoundStatus
    /// Below this many answers for a node, no distribution is shown.
    public var anonymityThreshold: Int
    /// Who opened it, and when (ISO 8601).
    public var openedBy: String
    /// When it was opened.
    public var openedAt: String
    /// When it was closed.
    public var closedAt: String?
    /// The target level the group chose (a value of the instrument's targets).
    public var target: Int?
    /// Levels the group agreed on together, by node code.
    public var agreed: [String: AgreedLevel]

    /// Creates a round.
    public init(
        identifier: String, organisationIdentifier: String, groupIdentifier: String, instrumentIdentifier: String,
        instrumentVersion: String, kind: RoundKind, baselineIdentifier: String? = nil, title: String,
        status: RoundStatus = .open, anonymityThreshold: Int = GroupAggregation.defaultAnonymityThreshold,
        openedBy: String, openedAt: String, closedAt: String? = nil, target: Int? = nil, agreed: [String: AgreedLevel] = [:]
    ) {
        self.identifier = identifier
        self.organisationIdentifier = organisationIdentifier
        self.groupIdentifier = groupIdentifier
        self.instrumentIdentifier = instrumentIdentifier
        self.instrumentVersion = instrumentVersion
        self.kind = kind
        self.baselineIdentifier = baselineIdentifier
        self.title = title
        self.status = status
        self.anonymityThreshold = anonymityThreshold
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.target = target
        self.agreed = agreed
    }
}

/// One invited respondent of a round. Their answers are private: only the holder of the personal link sees them,
/// and only the person themselves can get that link.
public struct RoundParticipant: Sendable, Hashable, Codable {
    /// Stable identifier (not the link secret).
    public var identifier: String
    /// The round.
    public var roundIdentifier: String
    /// The group member who answers; `nil` only for participants added by name before links became personal.
    public var personIdentifier: String?
    /// A label the organisation admin knows them by (a name); never shown next to answers.
    public var label: String
    /// The answers so far.
    public var sheet: ResponseSheet
    /// When the answers were submitted (ISO 8601); `nil` while a draft.
    public var submittedAt: String?
    /// When the answers were last saved.
    public var savedAt: String?

    /// Creates a participant.
    public init(
        identifier: String, roundIdentifier: String, personIdentifier: String? = nil, label: String, sheet: ResponseSheet = [:],
        submittedAt: String? = nil, savedAt: String? = nil
    ) {
        self.identifier = identifier
        self.roundIdentifier = roundIdentifier
        self.personIdentifier = personIdentifier
        self.label = label
        self.sheet = sheet
        self.submittedAt = submittedAt
        self.savedAt = savedAt
    }
}

/// One measure in a group's plan.
public struct PlanItem: Sendable, Hashable, Codable {
    /// The measure.
    public var measureIdentifier: String
    /// Its name when added (kept if the measure later leaves the catalogue).
    public var title: String
    /// Phase of the programme.
    public var phase: PlanPhase
    /// Who is responsible.
    public var owner: String
    /// Due date (YYYY-MM-DD), if set.
    public var due: String?
    /// Cost in NOK, if known.
    public var cost: Double?
    /// Time in hours, if known.
    public var hours: Double?
    /// 70/20/10 learning mode ("70", "20", "10"), if known.
    public var learningMode: String?
    /// The nodes (gaps) it is meant to close.
    public var covers: [String]

    /// Creates a plan item.
    public init(
        measureIdentifier: String, title: String, phase: PlanPhase = .gathering, owner: String = "", due: String? = nil,
        cost: Double? = nil, hours: Double? = nil, learningMode: String? = nil, covers: [String] = []
    ) {
        self.measureIdentifier = measureIdentifier
        self.title = title
        self.phase = phase
        self.owner = owner
        self.due = due
        self.cost = cost
        self.hours = hours
        self.learningMode = learningMode
        self.covers = covers
    }
}

/// A group's plan for a round: chosen measures within a budget and a time limit.
public struct CompetencePlan: Sendable, Hashable, Codable {
    /// The round it answers.
    public var roundIdentifier: String
    /// Budget in NOK, if set.
    public var budget: Double?
    /// Time limit in hours, if set.
    public var hours: Double?
    /// The measures.
    public var items: [PlanItem]

    /// Creates a plan.
    public init(roundIdentifier: String, budget: Double? = nil, hours: Double? = nil, items: [PlanItem] = []) {
        self.roundIdentifier = roundIdentifier
        self.budget = budget
        self.hours = hours
        self.items = items
    }

    /// The limits the plan is held to.
    public var limits: PlanLimits { PlanLimits(budget: budget, hours: hours) }

    /// Sums against the limits.
    public var totals: PlanTotals { PlanTotals.of(items: items.map { ($0.cost, $0.hours) }, limits: limits) }

    /// The 70/20/10 balance of the chosen measures.
    public var balance: LearningBalance {
        LearningBalance.of(modes: items.map(\.learningMode), hours: items.map(\.hours))
    }
}

extension NodeRequirement {
    /// The requirement a framework node states: relevant-from and critical-from generation; for a node that is a
    /// step of a staircase (kind "Trinn", numbered k), step k is relevant and critical from k.
    public init(_ node: FrameworkNode) {
        var relevant = node.relevantFromGeneration
        var critical = node.criticalFromGeneration
        if node.kind.lowercased() == "trinn", relevant == nil, critical == nil,
            let step = node.code.split(separator: ".").last.flatMap({ Int($0) })
        {
            relevant = step
            critical = step
        }
        self.init(nodeCode: node.code, label: node.label, relevantFrom: relevant, criticalFrom: critical)
    }
}
