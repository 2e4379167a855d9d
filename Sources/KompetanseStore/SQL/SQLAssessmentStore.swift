import Foundation
import KompetanseDomain
import SQLKit

/// The SQL implementation of ``AssessmentStore``.
struct SQLAssessmentStore: AssessmentStore {
    let engine: SQLEngine

    func saveInstrument(_ instrument: Instrument) async throws {
        let data = try RecordCoding.encode(instrument)
        try await engine.transaction { database in
            try await database.raw(
                "DELETE FROM instruments WHERE identifier = \(bind: instrument.identifier) AND version = \(bind: instrument.version)"
            ).run()
            try await database.raw(
                """
                INSERT INTO instruments (identifier, version, data)
                VALUES (\(bind: instrument.identifier), \(bind: instrument.version), \(bind: data))
                """
            ).run()
        }
    }

    func instrument(identifier: String, version: String?) async throws -> Instrument? {
        try await versions(identifier: identifier).last { version == nil || $0.version == version }
    }

    private func versions(identifier: String?) async throws -> [Instrument] {
        let rows = try await engine.read { database in
            if let identifier {
                return try await database.raw("SELECT identifier, data FROM instruments WHERE identifier = \(bind: identifier)").all()
            }
            return try await database.raw("SELECT identifier, data FROM instruments").all()
        }
        return try rows.map { try Self.decode(Instrument.self, $0, table: "instruments") }
            .sorted {
                $0.identifier != $1.identifier
                    ? $0.identifier < $1.identifier : $0.version.localizedStandardCompare($1.version) == .orderedAscending
            }
    }

    func instruments() async throws -> [Instrument] {
        var newest: [String: Instrument] = [:]
        for instrument in try await versions(identifier: nil) { newest[instrument.identifier] = instrument }
        return newest.values.sorted { $0.identifier < $1.identifier }
    }

    func createRound(_ round: AssessmentRound, participants: [(RoundParticipant, secretHash: String)]) async throws {
        let data = try RecordCoding.encode(round)
        let rows = try participants.map { ($0.0, $0.secretHash, try RecordCoding.encode($0.0)) }
        try await engine.transaction { database in
            try await database.raw(
                """
                INSERT INTO assessment_rounds (identifier, organisation_identifier, group_identifier, opened_at, data)
                VALUES (\(bind: round.identifier), \(bind: round.organisationIdentifier), \(bind: round.groupIdentifier),
                        \(bind: round.openedAt), \(bind: data))
                """
            ).run()
            for (participant, hash, data) in rows {
                try await Self.insert(participant, hash: hash, data: data, in: database)
            }
        }
    }

    private static func insert(_ participant: RoundParticipant, hash: String, data: String, in database: any SQLDatabase) async throws {
        try await database.raw(
            """
            INSERT INTO round_participants (identifier, round_identifier, secret_hash, added_at, data)
            VALUES (\(bind: participant.identifier), \(bind: participant.roundIdentifier), \(bind: hash),
                    \(bind: participant.savedAt ?? ""), \(bind: data))
            """
        ).run()
    }

    func round(identifier: String) async throws -> AssessmentRound? {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM assessment_rounds WHERE identifier = \(bind: identifier)").first()
                .map { try Self.decode(AssessmentRound.self, $0, table: "assessment_rounds") }
        }
    }

    func rounds(organisationIdentifier: String) async throws -> [AssessmentRound] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT identifier, data FROM assessment_rounds WHERE organisation_identifier = \(bind: organisationIdentifier)
                ORDER BY opened_at DESC, identifier
                """
            ).all().map { try Self.decode(AssessmentRound.self, $0, table: "assessment_rounds") }
        }
    }

    func updateRound(_ round: AssessmentRound) async throws {
        let data = try RecordCoding.encode(round)
        try await engine.transaction { database in
            try await database.raw(
                "UPDATE assessment_rounds SET data = \(bind: data) WHERE identifier = \(bind: round.identifier)"
            ).run()
        }
    }

    func addParticipant(_ participant: RoundParticipant, secretHash: String) async throws {
        let data = try RecordCoding.encode(participant)
        try await engine.transaction { database in
            try await Self.insert(participant, hash: secretHash, data: data, in: database)
        }
    }

    func replaceSecret(participantIdentifier: String, secretHash: String) async throws -> Bool {
        try await engine.transaction { database in
            guard
                try await database.raw(
                    "SELECT identifier FROM round_participants WHERE identifier = \(bind: participantIdentifier)"
                ).first() != nil
            else { return false }
            try await database.raw(
                """
                UPDATE round_participants SET secret_hash = \(bind: secretHash)
                WHERE identifier = \(bind: participantIdentifier)
                """
            ).run()
            return true
        }
    }

    func participants(roundIdentifier: String) async throws -> [RoundParticipant] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT identifier, data FROM round_participants WHERE round_identifier = \(bind: roundIdentifier)
                ORDER BY added_at, identifier
                """
            ).all().map { try Self.decode(RoundParticipant.self, $0, table: "round_participants") }
        }
    }

    func participant(secretHash: String) async throws -> RoundParticipant? {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM round_participants WHERE secret_hash = \(bind: secretHash)")
                .first().map { try Self.decode(RoundParticipant.self, $0, table: "round_participants") }
        }
    }

    func saveAnswers(
        participantIdentifier: String, sheet: ResponseSheet, at timestamp: String, submit: Bool
    ) async throws -> AnswerSaveOutcome {
        try await engine.transaction { database in
            guard
                let row = try await database.raw(
                    """
                    SELECT identifier, data FROM round_participants WHERE identifier = \(bind: participantIdentifier)
                    \(unsafeRaw: engine.kind.lockingClause)
                    """
                ).first()
            else { return .unknownParticipant }
            var participant = try Self.decode(RoundParticipant.self, row, table: "round_participants")
            guard
                let roundRow = try await database.raw(
                    """
                    SELECT identifier, data FROM assessment_rounds WHERE identifier = \(bind: participant.roundIdentifier)
                    \(unsafeRaw: engine.kind.lockingClause)
                    """
                ).first()
            else { return .unknownParticipant }
            let round = try Self.decode(AssessmentRound.self, roundRow, table: "assessment_rounds")
            guard round.status == .open else { return .roundClosed }
            if submit, participant.submittedAt != nil { return .alreadySubmitted }
            participant.sheet = sheet
            participant.savedAt = timestamp
            if submit { participant.submittedAt = timestamp }
            try await database.raw(
                """
                UPDATE round_participants SET data = \(bind: try RecordCoding.encode(participant))
                WHERE identifier = \(bind: participantIdentifier)
                """
            ).run()
            return .saved
        }
    }

    func plan(roundIdentifier: String) async throws -> CompetencePlan? {
        try await engine.read { database in
            try await database.raw("SELECT round_identifier AS identifier, data FROM plans WHERE round_identifier = \(bind: roundIdentifier)")
                .first().map { try Self.decode(CompetencePlan.self, $0, table: "plans") }
        }
    }

    func savePlan(_ plan: CompetencePlan) async throws {
        let data = try RecordCoding.encode(plan)
        try await engine.transaction { database in
            try await database.raw("DELETE FROM plans WHERE round_identifier = \(bind: plan.roundIdentifier)").run()
            try await database.raw(
                "INSERT INTO plans (round_identifier, data) VALUES (\(bind: plan.roundIdentifier), \(bind: data))"
            ).run()
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ row: any SQLRow, table: String) throws -> T {
        try RecordCoding.decode(
            type, from: row.decode(column: "data", as: String.self), table: table,
            key: row.decode(column: "identifier", as: String.self))
    }
}
