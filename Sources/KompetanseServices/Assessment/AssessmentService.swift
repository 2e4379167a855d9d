import Foundation
import KompetanseDomain
import KompetanseStore

/// Leader-group assessments: instruments, rounds, private answers through personal links, the group result with
/// its anonymity threshold, consensus, gaps, recommended measures, the plan and the report. Everything belongs to
/// one organisation: its members and admins see it, nobody else learns that it exists.
public final class AssessmentService: Sendable {
    let store: any Store
    let clock: any Clock
    let audit: AuditLog
    let matching: MatchService

    init(store: any Store, clock: any Clock, audit: AuditLog, matching: MatchService) {
        self.store = store
        self.clock = clock
        self.audit = audit
        self.matching = matching
    }

    // MARK: Instruments

    /// Every instrument (newest versions); instruments are public.
    public func instruments() async throws -> [Instrument] {
        try await store.assessments.instruments()
    }

    /// One instrument (the newest version unless one is named).
    public func instrument(identifier: String, version: String? = nil) async throws -> Instrument {
        guard let instrument = try await store.assessments.instrument(identifier: identifier, version: version) else {
            throw ServiceError.notFound("instrumentet «\(identifier)»" + (version.map { " versjon \($0)" } ?? ""))
        }
        return instrument
    }

    /// Validates and stores an instrument file (editors); every problem is named with its path.
    public func importInstrument(_ file: InputFile, as principal: Principal) async throws -> Instrument {
        try principal.require(.editCatalogue, "importere instrumenter")
        let instrument = try await validatedInstrument(file)
        try await store.assessments.saveInstrument(instrument)
        try await audit.record(
            "instrument.import", by: principal, kind: "instrument", target: instrument.identifier,
            detail: "versjon \(instrument.version)")
        return instrument
    }

    func validatedInstrument(_ file: InputFile) async throws -> Instrument {
        let instrument: Instrument
        do {
            instrument = try JSONDecoder().decode(Instrument.self, from: file.data)
        } catch let error as DecodingError {
            throw ServiceError.invalidInput("\(file.name): \(Self.describe(error))")
        }
        guard let framework = try await store.frameworks.framework(code: instrument.framework) else {
            throw ServiceError.invalidInput("\(file.name): ukjent rammeverk «\(instrument.framework)» (framework)")
        }
        let problems = instrument.problems(knownNodeCodes: Set(framework.nodes.map(\.code)))
        guard problems.isEmpty else {
            throw ServiceError.invalidInput(
                "\(file.name): " + problems.prefix(20).map { "\($0.path): \($0.message)" }.joined(separator: "; "))
        }
        return instrument
    }

    /// A decoding error as a message naming the path of the bad field.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "(rot)" : String(path.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): feltet «\(key.stringValue)» mangler"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): feil type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "ikke gyldig JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default: return "kunne ikke lese instrumentet"
        }
    }

    /// An instrument as its exchange file.
    public func exportInstrument(identifier: String, version: String? = nil) async throws -> Data {
        let encoder = JSONEncoder()
        // Sorted keys: the same instrument always exports to the same bytes.
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(try await instrument(identifier: identifier, version: version)) + Data("\n".utf8)
    }

    /// Stores the shipped instruments that the store does not have yet (same identifier and version).
    public func seedShippedInstruments() async throws {
        for file in try ShippedData.instrumentFiles() {
            let instrument = try await validatedInstrument(file)
            if try await store.assessments.instrument(identifier: instrument.identifier, version: instrument.version) == nil {
                try await store.assessments.saveInstrument(instrument)
            }
        }
    }

    // MARK: Rounds

    /// A participant's personal link.
    public struct ParticipantLink: Sendable, Hashable, Codable {
        /// Who it is for.
        public var label: String
        /// The path of the answer page.
        public var path: String
    }

    /// The answer page of a link secret.
    public static func answerPath(_ secret: String) -> String { "/kartlegging/svar/" + secret }

    /// Opens a round for a group (the organisation's own admins). Every current member of the group becomes a
    /// participant; nobody receives a link here. Each member gets their own link from ``personalLink(round:as:)``
    /// when signed in, so whoever opens the round never holds anyone else's answers.
    public func openRound(
        organisation: String, group: String, instrument identifier: String, kind: RoundKind, baseline: String?,
        title: String, anonymityThreshold: Int = GroupAggregation.defaultAnonymityThreshold, as principal: Principal
    ) async throws -> AssessmentRound {
        try await requireVisible(organisation: organisation, as: principal)
        try principal.require(.manageAssessments(organisation), "starte kartlegginger i denne organisasjonen")
        guard let groupRecord = try await store.accounts.group(identifier: group), groupRecord.organisationIdentifier == organisation
        else { throw ServiceError.invalidInput("gruppen finnes ikke i denne organisasjonen") }
        let instrument = try await self.instrument(identifier: identifier)
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 200 else { throw ServiceError.invalidInput("gi runden et navn (høyst 200 tegn)") }
        let minimum = GroupAggregation.minimumAnonymityThreshold
        guard (minimum...20).contains(anonymityThreshold) else {
            throw ServiceError.invalidInput(
                "anonymitetsterskelen skal være mellom \(minimum) og 20: med færre kan et enkelt svar leses ut av resultatet")
        }
        if kind == .followUp {
            guard let baseline, let base = try await store.assessments.round(identifier: baseline),
                base.organisationIdentifier == organisation, base.groupIdentifier == group,
                base.instrumentIdentifier == instrument.identifier
            else { throw ServiceError.invalidInput("en oppfølging trenger en nullpunktsmåling for samme gruppe og instrument") }
            guard base.status == .closed else { throw ServiceError.invalidInput("nullpunktsmålingen må lukkes før oppfølgingen") }
        }
        let now = clock.timestamp()
        let round = AssessmentRound(
            identifier: UUID().uuidString.lowercased(), organisationIdentifier: organisation, groupIdentifier: group,
            instrumentIdentifier: instrument.identifier, instrumentVersion: instrument.version, kind: kind,
            baselineIdentifier: kind == .followUp ? baseline : nil, title: title, anonymityThreshold: anonymityThreshold,
            openedBy: principal.name, openedAt: now)
        var participants: [(RoundParticipant, secretHash: String)] = []
        for membership in try await store.accounts.memberships(organisationIdentifier: organisation)
        where membership.groups.contains(group) {
            let person = try await store.accounts.person(identifier: membership.personIdentifier)
            participants.append((Self.participant(of: round, person: membership.personIdentifier, label: person?.name, at: now), Self.unknownSecretHash()))
        }
        try await store.assessments.createRound(round, participants: participants)
        try await audit.record(
            "round.open", by: principal, kind: "round", target: round.identifier,
            detail: "\(kind.rawValue), \(instrument.identifier) v\(instrument.version), \(participants.count) deltakere")
        return round
    }

    static func participant(of round: AssessmentRound, person: String, label: String?, at time: String) -> RoundParticipant {
        RoundParticipant(
            identifier: UUID().uuidString.lowercased(), roundIdentifier: round.identifier, personIdentifier: person,
            label: label ?? "Medlem", savedAt: time)
    }

    /// The hash of a secret nobody is given: the participant has no working link until they ask for their own.
    static func unknownSecretHash() -> String { Secrets.hash(Secrets.make()) }

    /// The signed-in member's own answer link for an open round of their group. A new link replaces their earlier
    /// one (so a lost link can be replaced) and keeps their saved answers, which are theirs. A member who joined the
    /// group after the round opened becomes a participant here. Nobody can get a link for someone else.
    public func personalLink(round identifier: String, as principal: Principal) async throws -> ParticipantLink {
        guard principal.isSignedIn, let person = principal.personIdentifier else { throw ServiceError.unauthenticated }
        guard let round = try await store.assessments.round(identifier: identifier),
            principal.can(.participate(organisation: round.organisationIdentifier, group: round.groupIdentifier))
        else { throw ServiceError.notFound("kartleggingsrunden") }
        guard round.status == .open else { throw ServiceError.conflict("runden er lukket, så svarene kan ikke lenger endres") }
        let secret = Secrets.make()
        if let own = try await store.assessments.participants(roundIdentifier: round.identifier).first(where: { $0.personIdentifier == person }) {
            _ = try await store.assessments.replaceSecret(participantIdentifier: own.identifier, secretHash: Secrets.hash(secret))
        } else {
            let name = try await store.accounts.person(identifier: person)?.name
            try await store.assessments.addParticipant(
                Self.participant(of: round, person: person, label: name, at: clock.timestamp()), secretHash: Secrets.hash(secret))
        }
        try await audit.record("round.own-link", by: principal, kind: "round", target: round.identifier)
        return ParticipantLink(label: principal.name, path: Self.answerPath(secret))
    }

    /// An organisation's rounds (its members and admins; not the system administrator).
    public func rounds(organisation: String, as principal: Principal) async throws -> [AssessmentRound] {
        try await requireVisible(organisation: organisation, as: principal)
        return try await store.assessments.rounds(organisationIdentifier: organisation)
    }

    /// What the round page shows: who has answered (never what), and whether the viewer manages it.
    public struct RoundOverview: Sendable {
        /// The round.
        public var round: AssessmentRound
        /// Its instrument.
        public var instrument: Instrument
        /// The group's name.
        public var groupName: String
        /// Each participant's label and whether they have submitted.
        public var participants: [(identifier: String, label: String, submitted: Bool)]
        /// Whether the viewer may manage the round.
        public var canManage: Bool
        /// Whether the viewer answers in this round (a member of its group), and so can get their own link.
        public var canAnswer: Bool
    }

    /// A round as its group and organisation admins see it.
    public func overview(round identifier: String, as principal: Principal) async throws -> RoundOverview {
        let round = try await visibleRound(identifier, as: principal)
        let participants = try await store.assessments.participants(roundIdentifier: round.identifier)
        return RoundOverview(
            round: round, instrument: try await instrument(identifier: round.instrumentIdentifier, version: round.instrumentVersion),
            groupName: try await store.accounts.group(identifier: round.groupIdentifier)?.name ?? "",
            participants: participants.map { ($0.identifier, $0.label, $0.submittedAt != nil) },
            canManage: principal.can(.manageAssessments(round.organisationIdentifier)),
            canAnswer: principal.personIdentifier != nil
                && principal.can(.participate(organisation: round.organisationIdentifier, group: round.groupIdentifier)))
    }

    /// Closes a round: answers become final and the group result can be seen.
    public func close(round identifier: String, as principal: Principal) async throws -> AssessmentRound {
        var round = try await managedRound(identifier, as: principal)
        guard round.status == .open else { throw ServiceError.conflict("runden er allerede lukket") }
        round.status = .closed
        round.closedAt = clock.timestamp()
        try await store.assessments.updateRound(round)
        try await audit.record("round.close", by: principal, kind: "round", target: round.identifier)
        return round
    }

    // MARK: Answering

    /// The answer page behind a personal link: the participant's own answers only.
    public struct AnswerSheet: Sendable {
        /// The round.
        public var round: AssessmentRound
        /// Its instrument.
        public var instrument: Instrument
        /// The participant (with their own answers).
        public var participant: RoundParticipant
        /// The organisation's name.
        public var organisationName: String
    }

    /// The answer sheet of a personal link.
    public func answerSheet(secret: String) async throws -> AnswerSheet {
        guard secret.count <= 200, let participant = try await store.assessments.participant(secretHash: Secrets.hash(secret)),
            let round = try await store.assessments.round(identifier: participant.roundIdentifier)
        else { throw ServiceError.notFound("svarskjemaet (lenken er feil eller erstattet av en ny)") }
        return AnswerSheet(
            round: round, instrument: try await instrument(identifier: round.instrumentIdentifier, version: round.instrumentVersion),
            participant: participant,
            organisationName: try await store.accounts.organisation(identifier: round.organisationIdentifier)?.name ?? "")
    }

    /// Saves (and optionally submits) the answers of a personal link. Answers stay editable until the round
    /// closes; submitting twice, answering a closed round or an answer outside the scale changes nothing.
    public func saveAnswers(secret: String, sheet: ResponseSheet, submit: Bool) async throws -> AnswerSheet {
        let current = try await answerSheet(secret: secret)
        let problems = current.instrument.problems(in: sheet)
        guard problems.isEmpty else {
            throw ServiceError.invalidInput(problems.prefix(10).map { "\($0.path): \($0.message)" }.joined(separator: "; "))
        }
        switch try await store.assessments.saveAnswers(
            participantIdentifier: current.participant.identifier, sheet: sheet, at: clock.timestamp(), submit: submit)
        {
        case .saved: break
        case .roundClosed: throw ServiceError.conflict("runden er lukket, så svarene kan ikke lenger endres")
        case .alreadySubmitted:
            throw ServiceError.conflict("svarene er allerede levert; du kan fortsatt endre dem med «Lagre» til runden lukkes")
        case .unknownParticipant: throw ServiceError.notFound("svarskjemaet")
        }
        return try await answerSheet(secret: secret)
    }

    // MARK: Result, consensus, gaps

    /// Everything the result, gap and report pages show, each figure with its explanation.
    public struct RoundResult: Sendable {
        /// The round.
        public var round: AssessmentRound
        /// Its instrument.
        public var instrument: Instrument
        /// The framework's nodes by code (labels, relevance).
        public var nodes: [String: FrameworkNode]
        /// Per node: n, median, spread (hidden below the threshold), agreed level.
        public var results: [NodeResult]
        /// Estimated generation (or step) per capability and overall.
        public var estimates: MaturityEstimates
        /// Gaps against the chosen target, ranked; empty until a target is chosen.
        public var gaps: [Gap]
        /// Change per node since the baseline, for a follow-up.
        public var changes: [NodeChange]
        /// Submitted answer sheets.
        public var submitted: Int
        /// Participants invited.
        public var invited: Int
    }

    /// The group result of a closed round (group members and organisation admins).
    public func result(round identifier: String, as principal: Principal) async throws -> RoundResult {
        let round = try await visibleRound(identifier, as: principal)
        guard round.status == .closed else {
            throw ServiceError.conflict("resultatet vises når runden er lukket, så ingen kan se svar komme inn ett for ett")
        }
        return try await computeResult(round)
    }

    func computeResult(_ round: AssessmentRound) async throws -> RoundResult {
        let instrument = try await instrument(identifier: round.instrumentIdentifier, version: round.instrumentVersion)
        guard let framework = try await store.frameworks.framework(code: instrument.framework) else {
            throw ServiceError.notFound("rammeverket «\(instrument.framework)»")
        }
        let nodes = Dictionary(framework.nodes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let byIdentifier = Dictionary(framework.nodes.map { ($0.identifier, $0.code) }, uniquingKeysWith: { first, _ in first })
        var parents: [String: String] = [:]
        for node in framework.nodes { if let parent = node.parentIdentifier.flatMap({ byIdentifier[$0] }) { parents[node.code] = parent } }
        let requirements = Dictionary(framework.nodes.map { ($0.code, NodeRequirement($0)) }, uniquingKeysWith: { first, _ in first })
        let participants = try await store.assessments.participants(roundIdentifier: round.identifier)
        let sheets = participants.filter { $0.submittedAt != nil }.map(\.sheet)
        let results = GroupAggregation.results(
            instrument: instrument, sheets: sheets, agreed: round.agreed, anonymityThreshold: round.anonymityThreshold)
        let estimates = MaturityEstimator.estimates(instrument: instrument, results: results, requirements: requirements, parents: parents)
        let gaps =
            round.target.map {
                GapAnalysis.gaps(
                    results: results, requirements: requirements, target: $0, rule: instrument.gapRule,
                    targetNames: instrument.targetNames)
            } ?? []
        var changes: [NodeChange] = []
        if let baselineIdentifier = round.baselineIdentifier, let baseline = try await store.assessments.round(identifier: baselineIdentifier) {
            let before = try await computeResult(baseline)
            changes = FollowUpComparison.changes(baseline: before.results, followUp: results)
        }
        return RoundResult(
            round: round, instrument: instrument, nodes: nodes, results: results, estimates: estimates, gaps: gaps,
            changes: changes, submitted: sheets.count, invited: participants.count)
    }

    /// Records the levels the group agreed on together (after closing), each with a justification; the spread
    /// stays visible beside them.
    public func setConsensus(round identifier: String, agreed: [String: AgreedLevel], as principal: Principal) async throws {
        var round = try await visibleRound(identifier, as: principal)
        guard round.status == .closed else { throw ServiceError.conflict("lukk runden før gruppen setter omforente nivåer") }
        let instrument = try await instrument(identifier: round.instrumentIdentifier, version: round.instrumentVersion)
        for (node, level) in agreed.sorted(by: { $0.key < $1.key }) {
            let items = instrument.items(forNode: node)
            guard let item = items.first else { throw ServiceError.invalidInput("ukjent node «\(node)» for dette instrumentet") }
            let allowed = instrument.levels(of: item).map(\.value)
            guard allowed.contains(level.level) else {
                throw ServiceError.invalidInput(
                    "\(node): nivå \(level.level) finnes ikke på skalaen (tillatt: \(allowed.map(String.init).joined(separator: ", ")))")
            }
            let justification = level.justification.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !justification.isEmpty, justification.count <= 1_000 else {
                throw ServiceError.invalidInput("\(node): skriv en kort begrunnelse for nivået (høyst 1000 tegn)")
            }
            round.agreed[node] = AgreedLevel(level: level.level, justification: justification)
        }
        try await store.assessments.updateRound(round)
        try await audit.record("round.consensus", by: principal, kind: "round", target: round.identifier, detail: "\(agreed.count) noder")
    }

    /// Sets the target the group aims for (a value of the instrument's targets).
    public func setTarget(round identifier: String, target: Int, as principal: Principal) async throws {
        var round = try await visibleRound(identifier, as: principal)
        let instrument = try await instrument(identifier: round.instrumentIdentifier, version: round.instrumentVersion)
        guard instrument.target(value: target) != nil else {
            throw ServiceError.invalidInput(
                "målet \(target) finnes ikke; velg blant \(instrument.targets.map { String($0.value) }.joined(separator: ", "))")
        }
        round.target = target
        try await store.assessments.updateRound(round)
        try await audit.record("round.target", by: principal, kind: "round", target: round.identifier, detail: "mål \(target)")
    }

    // MARK: Access

    func requireVisible(organisation: String, as principal: Principal) async throws {
        guard principal.isSignedIn || principal.kind == .system else { throw ServiceError.unauthenticated }
        guard principal.can(.viewOrganisation(organisation)) || principal.can(.manageAssessments(organisation)),
            try await store.accounts.organisation(identifier: organisation) != nil
        else { throw ServiceError.notFound("organisasjonen") }
    }

    /// A round the principal may see: the group's members and the organisation's own admins; others, the system
    /// administrator included, get "not found".
    func visibleRound(_ identifier: String, as principal: Principal) async throws -> AssessmentRound {
        guard principal.isSignedIn || principal.kind == .system else { throw ServiceError.unauthenticated }
        guard let round = try await store.assessments.round(identifier: identifier),
            principal.can(.participate(organisation: round.organisationIdentifier, group: round.groupIdentifier))
                || principal.can(.manageAssessments(round.organisationIdentifier))
        else { throw ServiceError.notFound("kartleggingsrunden") }
        return round
    }

    func managedRound(_ identifier: String, as principal: Principal) async throws -> AssessmentRound {
        let round = try await visibleRound(identifier, as: principal)
        try principal.require(.manageAssessments(round.organisationIdentifier), "styre denne kartleggingsrunden")
        return round
    }
}
