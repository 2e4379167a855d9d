import KompetanseDomain

/// What happened to an attempt to save a participant's answers; decided inside one transaction, so a round that
/// closes at the same moment or a second submit cannot slip through.
public enum AnswerSaveOutcome: Sendable, Equatable {
    /// Saved (and submitted, when asked).
    case saved
    /// The round is closed; nothing was changed.
    case roundClosed
    /// A submit for answers that were already submitted; nothing was changed.
    case alreadySubmitted
    /// No such participant.
    case unknownParticipant
}

/// Persistence of instruments, assessment rounds, their participants' answers, and plans.
public protocol AssessmentStore: Sendable {
    /// Stores an instrument version, replacing the same identifier and version.
    func saveInstrument(_ instrument: Instrument) async throws
    /// One instrument version; the newest version when `version` is nil.
    func instrument(identifier: String, version: String?) async throws -> Instrument?
    /// The newest version of every instrument, ordered by identifier.
    func instruments() async throws -> [Instrument]

    /// Stores a new round with its first participants (each under the hash of its link secret).
    func createRound(_ round: AssessmentRound, participants: [(RoundParticipant, secretHash: String)]) async throws
    /// One round.
    func round(identifier: String) async throws -> AssessmentRound?
    /// An organisation's rounds, newest first.
    func rounds(organisationIdentifier: String) async throws -> [AssessmentRound]
    /// Replaces a round's status, target and agreed levels.
    func updateRound(_ round: AssessmentRound) async throws
    /// Adds a participant to a round.
    func addParticipant(_ participant: RoundParticipant, secretHash: String) async throws
    /// Gives a participant a new link secret (the old link stops working); false when unknown.
    func replaceSecret(participantIdentifier: String, secretHash: String) async throws -> Bool
    /// A round's participants, in the order they were added.
    func participants(roundIdentifier: String) async throws -> [RoundParticipant]
    /// The participant holding a link secret.
    func participant(secretHash: String) async throws -> RoundParticipant?
    /// Saves a participant's answers if their round is open; submits them when asked (once).
    func saveAnswers(
        participantIdentifier: String, sheet: ResponseSheet, at timestamp: String, submit: Bool
    ) async throws -> AnswerSaveOutcome

    /// The plan of a round.
    func plan(roundIdentifier: String) async throws -> CompetencePlan?
    /// Stores or replaces the plan of a round.
    func savePlan(_ plan: CompetencePlan) async throws
}
