import Foundation
import KompetanseDomain
import SQLKit

/// The SQL implementation of ``AccountStore``: key columns for lookups, the record as JSON in `data`.
struct SQLAccountStore: AccountStore {
    let engine: SQLEngine

    // MARK: People

    func createPerson(_ person: Person, passwordHash: String?) async throws {
        let data = try RecordCoding.encode(person)
        try await engine.transaction { database in
            let taken = try await database.raw("SELECT identifier FROM people WHERE email = \(bind: person.email)").first()
            guard taken == nil else { throw StoreError.conflict("en konto med e-postadressen \(person.email)") }
            try await database.raw(
                """
                INSERT INTO people (identifier, email, password_hash, created_at, data)
                VALUES (\(bind: person.identifier), \(bind: person.email), \(bind: passwordHash), \(bind: person.createdAt),
                        \(bind: data))
                """
            ).run()
        }
    }

    func updatePerson(_ person: Person) async throws {
        let data = try RecordCoding.encode(person)
        try await engine.transaction { database in
            let owner = try await database.raw("SELECT identifier FROM people WHERE email = \(bind: person.email)").first()
            if let owner, try owner.decode(column: "identifier", as: String.self) != person.identifier {
                throw StoreError.conflict("en konto med e-postadressen \(person.email)")
            }
            try await database.raw(
                """
                UPDATE people SET email = \(bind: person.email), data = \(bind: data)
                WHERE identifier = \(bind: person.identifier)
                """
            ).run()
        }
    }

    func person(identifier: String) async throws -> Person? {
        try await onePerson(where: "identifier", equals: identifier)
    }

    func person(email: String) async throws -> Person? {
        try await onePerson(where: "email", equals: Person.normalisedEmail(email))
    }

    private func onePerson(where column: String, equals value: String) async throws -> Person? {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM people WHERE \(ident: column) = \(bind: value)").first()
                .map(Self.decodePerson)
        }
    }

    private static func decodePerson(_ row: any SQLRow) throws -> Person {
        try RecordCoding.decode(
            Person.self, from: row.decode(column: "data", as: String.self), table: "people",
            key: row.decode(column: "identifier", as: String.self))
    }

    func people() async throws -> [Person] {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM people ORDER BY email").all().map(Self.decodePerson)
        }
    }

    func passwordHash(personIdentifier: String) async throws -> String? {
        try await engine.read { database in
            try await database.raw("SELECT password_hash FROM people WHERE identifier = \(bind: personIdentifier)").first()?
                .decode(column: "password_hash", as: String?.self)
        }
    }

    func setPasswordHash(_ hash: String, personIdentifier: String) async throws {
        try await engine.transaction { database in
            try await database.raw(
                "UPDATE people SET password_hash = \(bind: hash) WHERE identifier = \(bind: personIdentifier)"
            ).run()
        }
    }

    func person(issuer: String, subject: String) async throws -> Person? {
        let identifier = try await engine.read { database in
            try await database.raw(
                "SELECT person_identifier FROM identities WHERE issuer = \(bind: issuer) AND subject = \(bind: subject)"
            ).first()?.decode(column: "person_identifier", as: String.self)
        }
        guard let identifier else { return nil }
        return try await person(identifier: identifier)
    }

    func linkIdentity(issuer: String, subject: String, personIdentifier: String) async throws {
        try await engine.transaction { database in
            try await database.raw("DELETE FROM identities WHERE issuer = \(bind: issuer) AND subject = \(bind: subject)")
                .run()
            try await database.raw(
                """
                INSERT INTO identities (issuer, subject, person_identifier)
                VALUES (\(bind: issuer), \(bind: subject), \(bind: personIdentifier))
                """
            ).run()
        }
    }

    // MARK: Sessions

    func createSession(_ session: SessionRecord) async throws {
        let data = try RecordCoding.encode(session)
        try await engine.transaction { database in
            try await database.raw(
                """
                INSERT INTO sessions (token_hash, person_identifier, expires_at, data)
                VALUES (\(bind: session.tokenHash), \(bind: session.personIdentifier), \(bind: session.expiresAt),
                        \(bind: data))
                """
            ).run()
        }
    }

    func session(tokenHash: String) async throws -> SessionRecord? {
        try await engine.read { database in
            try await database.raw("SELECT token_hash, data FROM sessions WHERE token_hash = \(bind: tokenHash)").first()
                .map { row in
                    try RecordCoding.decode(
                        SessionRecord.self, from: row.decode(column: "data", as: String.self), table: "sessions",
                        key: "…")
                }
        }
    }

    func deleteSession(tokenHash: String) async throws {
        try await engine.transaction { database in
            try await database.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    // MARK: Login throttle

    func recordLoginFailure(keys: [String], at time: Double, forgetBefore: Double) async throws {
        try await engine.transaction { database in
            try await database.raw("DELETE FROM login_failures WHERE failed_at < \(bind: forgetBefore)").run()
            for key in keys {
                try await database.raw(
                    "INSERT INTO login_failures (throttle_key, failed_at) VALUES (\(bind: key), \(bind: time))"
                ).run()
            }
        }
    }

    func loginFailures(keys: [String], since: Double) async throws -> [String: [Double]] {
        try await engine.read { database in
            var failures: [String: [Double]] = [:]
            for key in keys {
                failures[key] = try await database.raw(
                    """
                    SELECT failed_at FROM login_failures
                    WHERE throttle_key = \(bind: key) AND failed_at >= \(bind: since) ORDER BY failed_at
                    """
                ).all().map { try $0.decode(column: "failed_at", as: Double.self) }
            }
            return failures
        }
    }

    func clearLoginFailures(key: String) async throws {
        try await engine.transaction { database in
            try await database.raw("DELETE FROM login_failures WHERE throttle_key = \(bind: key)").run()
        }
    }

    func deleteSessions(personIdentifier: String, except tokenHash: String?) async throws {
        try await engine.transaction { database in
            try await database.raw(
                """
                DELETE FROM sessions WHERE person_identifier = \(bind: personIdentifier)
                AND token_hash <> \(bind: tokenHash ?? "")
                """
            ).run()
        }
    }

    // MARK: API tokens

    func createToken(_ token: APITokenInfo, hash: String) async throws {
        let data = try RecordCoding.encode(token)
        try await engine.transaction { database in
            try await database.raw(
                """
                INSERT INTO api_tokens (identifier, token_hash, person_identifier, created_at, data)
                VALUES (\(bind: token.identifier), \(bind: hash), \(bind: token.personIdentifier),
                        \(bind: token.createdAt), \(bind: data))
                """
            ).run()
        }
    }

    func token(hash: String) async throws -> APITokenInfo? {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM api_tokens WHERE token_hash = \(bind: hash)").first()
                .map(Self.decodeToken)
        }
    }

    private static func decodeToken(_ row: any SQLRow) throws -> APITokenInfo {
        try RecordCoding.decode(
            APITokenInfo.self, from: row.decode(column: "data", as: String.self), table: "api_tokens",
            key: row.decode(column: "identifier", as: String.self))
    }

    func tokens(personIdentifier: String) async throws -> [APITokenInfo] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT identifier, data FROM api_tokens WHERE person_identifier = \(bind: personIdentifier)
                ORDER BY created_at DESC, identifier
                """
            ).all().map(Self.decodeToken)
        }
    }

    func revokeTokens(personIdentifier: String, at timestamp: String) async throws {
        for token in try await tokens(personIdentifier: personIdentifier) where token.revokedAt == nil {
            _ = try await revokeToken(identifier: token.identifier, personIdentifier: personIdentifier, at: timestamp)
        }
    }

    func revokeToken(identifier: String, personIdentifier: String, at timestamp: String) async throws -> Bool {
        try await engine.transaction { database in
            guard
                let row = try await database.raw(
                    """
                    SELECT identifier, data FROM api_tokens
                    WHERE identifier = \(bind: identifier) AND person_identifier = \(bind: personIdentifier)
                    \(unsafeRaw: engine.kind.lockingClause)
                    """
                ).first()
            else { return false }
            var token = try Self.decodeToken(row)
            guard token.revokedAt == nil else { return false }
            token.revokedAt = timestamp
            try await database.raw(
                "UPDATE api_tokens SET data = \(bind: try RecordCoding.encode(token)) WHERE identifier = \(bind: identifier)"
            ).run()
            return true
        }
    }

    // MARK: Organisations and groups

    func createOrganisation(_ organisation: Organisation) async throws {
        let data = try RecordCoding.encode(organisation)
        try await engine.transaction { database in
            try await database.raw(
                """
                INSERT INTO organisations (identifier, name, data)
                VALUES (\(bind: organisation.identifier), \(bind: organisation.name), \(bind: data))
                """
            ).run()
        }
    }

    func organisation(identifier: String) async throws -> Organisation? {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM organisations WHERE identifier = \(bind: identifier)")
                .first().map { try Self.decode(Organisation.self, $0, table: "organisations") }
        }
    }

    func organisations() async throws -> [Organisation] {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM organisations ORDER BY name, identifier").all()
                .map { try Self.decode(Organisation.self, $0, table: "organisations") }
        }
    }

    func createGroup(_ group: OrganisationGroup) async throws {
        let data = try RecordCoding.encode(group)
        try await engine.transaction { database in
            try await database.raw(
                """
                INSERT INTO organisation_groups (identifier, organisation_identifier, name, data)
                VALUES (\(bind: group.identifier), \(bind: group.organisationIdentifier), \(bind: group.name),
                        \(bind: data))
                """
            ).run()
        }
    }

    func group(identifier: String) async throws -> OrganisationGroup? {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM organisation_groups WHERE identifier = \(bind: identifier)")
                .first().map { try Self.decode(OrganisationGroup.self, $0, table: "organisation_groups") }
        }
    }

    func groups(organisationIdentifier: String) async throws -> [OrganisationGroup] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT identifier, data FROM organisation_groups
                WHERE organisation_identifier = \(bind: organisationIdentifier) ORDER BY name, identifier
                """
            ).all().map { try Self.decode(OrganisationGroup.self, $0, table: "organisation_groups") }
        }
    }

    func saveMembership(_ membership: Membership) async throws {
        let data = try RecordCoding.encode(membership)
        try await engine.transaction { database in
            try await database.raw(
                """
                DELETE FROM memberships WHERE organisation_identifier = \(bind: membership.organisationIdentifier)
                AND person_identifier = \(bind: membership.personIdentifier)
                """
            ).run()
            try await database.raw(
                """
                INSERT INTO memberships (organisation_identifier, person_identifier, data)
                VALUES (\(bind: membership.organisationIdentifier), \(bind: membership.personIdentifier), \(bind: data))
                """
            ).run()
        }
    }

    func memberships(personIdentifier: String) async throws -> [Membership] {
        try await memberships(where: "person_identifier", equals: personIdentifier)
    }

    func memberships(organisationIdentifier: String) async throws -> [Membership] {
        try await memberships(where: "organisation_identifier", equals: organisationIdentifier)
    }

    private func memberships(where column: String, equals value: String) async throws -> [Membership] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT organisation_identifier AS identifier, data FROM memberships WHERE \(ident: column) = \(bind: value)
                ORDER BY organisation_identifier, person_identifier
                """
            ).all().map { try Self.decode(Membership.self, $0, table: "memberships") }
        }
    }

    func removeMembership(organisationIdentifier: String, personIdentifier: String) async throws -> Bool {
        try await engine.transaction { database in
            let existing = try await database.raw(
                """
                SELECT person_identifier FROM memberships
                WHERE organisation_identifier = \(bind: organisationIdentifier) AND person_identifier = \(bind: personIdentifier)
                """
            ).first()
            guard existing != nil else { return false }
            try await database.raw(
                """
                DELETE FROM memberships
                WHERE organisation_identifier = \(bind: organisationIdentifier) AND person_identifier = \(bind: personIdentifier)
                """
            ).run()
            return true
        }
    }

    // MARK: Invitations

    func revokeInvitation(identifier: String, organisationIdentifier: String, at timestamp: String) async throws -> Bool {
        try await engine.transaction { database in
            guard
                let row = try await database.raw(
                    """
                    SELECT identifier, data FROM invitations
                    WHERE identifier = \(bind: identifier) AND organisation_identifier = \(bind: organisationIdentifier)
                    AND accepted_by IS NULL \(unsafeRaw: engine.kind.lockingClause)
                    """
                ).first()
            else { return false }
            var invitation = try Self.decode(Invitation.self, row, table: "invitations")
            guard invitation.expiresAt > timestamp else { return false }
            invitation.expiresAt = timestamp
            try await database.raw(
                "UPDATE invitations SET data = \(bind: try RecordCoding.encode(invitation)) WHERE identifier = \(bind: identifier)"
            ).run()
            return true
        }
    }

    func createInvitation(_ invitation: Invitation, secretHash: String) async throws {
        let data = try RecordCoding.encode(invitation)
        try await engine.transaction { database in
            try await database.raw(
                """
                INSERT INTO invitations (identifier, secret_hash, organisation_identifier, created_at, accepted_by, data)
                VALUES (\(bind: invitation.identifier), \(bind: secretHash), \(bind: invitation.organisationIdentifier),
                        \(bind: invitation.createdAt), \(bind: invitation.acceptedBy), \(bind: data))
                """
            ).run()
        }
    }

    func invitation(secretHash: String) async throws -> Invitation? {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM invitations WHERE secret_hash = \(bind: secretHash)")
                .first().map { try Self.decode(Invitation.self, $0, table: "invitations") }
        }
    }

    func invitations(organisationIdentifier: String) async throws -> [Invitation] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT identifier, data FROM invitations WHERE organisation_identifier = \(bind: organisationIdentifier)
                ORDER BY created_at DESC, identifier
                """
            ).all().map { try Self.decode(Invitation.self, $0, table: "invitations") }
        }
    }

    func acceptInvitation(identifier: String, by personIdentifier: String) async throws -> Bool {
        try await engine.transaction { database in
            guard
                let row = try await database.raw(
                    """
                    SELECT identifier, data FROM invitations WHERE identifier = \(bind: identifier) AND accepted_by IS NULL
                    \(unsafeRaw: engine.kind.lockingClause)
                    """
                ).first()
            else { return false }
            var invitation = try Self.decode(Invitation.self, row, table: "invitations")
            invitation.acceptedBy = personIdentifier
            try await database.raw(
                """
                UPDATE invitations SET accepted_by = \(bind: personIdentifier), data = \(bind: try RecordCoding.encode(invitation))
                WHERE identifier = \(bind: identifier)
                """
            ).run()
            return true
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ row: any SQLRow, table: String) throws -> T {
        try RecordCoding.decode(
            type, from: row.decode(column: "data", as: String.self), table: table,
            key: row.decode(column: "identifier", as: String.self))
    }
}

/// The SQL implementation of ``AuditStore``: insert and select only.
struct SQLAuditStore: AuditStore {
    let engine: SQLEngine

    func append(_ event: AuditEvent) async throws {
        try await engine.transaction { database in
            try await database.raw(
                """
                INSERT INTO audit_events (at, actor, action, target_kind, target, detail)
                VALUES (\(bind: event.at), \(bind: event.actor), \(bind: event.action), \(bind: event.targetKind),
                        \(bind: event.target), \(bind: event.detail))
                """
            ).run()
        }
    }

    func events(limit: Int, offset: Int) async throws -> [AuditEvent] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT at, actor, action, target_kind, target, detail FROM audit_events
                ORDER BY sequence DESC LIMIT \(literal: max(0, limit)) OFFSET \(literal: max(0, offset))
                """
            ).all().map { row in
                AuditEvent(
                    at: try row.decode(column: "at", as: String.self), actor: try row.decode(column: "actor", as: String.self),
                    action: try row.decode(column: "action", as: String.self),
                    targetKind: try row.decode(column: "target_kind", as: String.self),
                    target: try row.decode(column: "target", as: String.self),
                    detail: try row.decode(column: "detail", as: String.self))
            }
        }
    }

    func count() async throws -> Int {
        try await engine.read { database in
            try await database.raw("SELECT COUNT(*) AS n FROM audit_events").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}
