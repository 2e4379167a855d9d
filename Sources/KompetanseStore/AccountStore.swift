import KompetanseDomain

/// A server-side sign-in session; the browser holds only the secret whose hash is the key.
public struct SessionRecord: Sendable, Hashable, Codable {
    /// SHA-256 of the session secret (hex).
    public var tokenHash: String
    /// The signed-in person.
    public var personIdentifier: String
    /// The token every state-changing form of this session must carry.
    public var csrfToken: String
    /// When it was created (ISO 8601).
    public var createdAt: String
    /// When it stops working (ISO 8601).
    public var expiresAt: String

    /// Creates a session record.
    public init(tokenHash: String, personIdentifier: String, csrfToken: String, createdAt: String, expiresAt: String) {
        self.tokenHash = tokenHash
        self.personIdentifier = personIdentifier
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// Persistence of people, sessions, API tokens, organisations, groups, memberships and invitations.
/// Secrets (passwords, session and token secrets, invitation links) are only ever stored as hashes.
public protocol AccountStore: Sendable {
    /// Stores a new person; throws ``StoreError/conflict(_:)`` when the e-mail address is taken.
    func createPerson(_ person: Person, passwordHash: String?) async throws
    /// Replaces a person's e-mail, name, roles, providers and access groups.
    func updatePerson(_ person: Person) async throws
    /// The person with the identifier.
    func person(identifier: String) async throws -> Person?
    /// The person with the (normalised) e-mail address.
    func person(email: String) async throws -> Person?
    /// Every person, ordered by e-mail.
    func people() async throws -> [Person]
    /// A person's bcrypt password hash, if they have a password.
    func passwordHash(personIdentifier: String) async throws -> String?
    /// Replaces a person's password hash.
    func setPasswordHash(_ hash: String, personIdentifier: String) async throws
    /// The person linked to an external identity (OIDC issuer and subject).
    func person(issuer: String, subject: String) async throws -> Person?
    /// Links an external identity to a person.
    func linkIdentity(issuer: String, subject: String, personIdentifier: String) async throws

    /// Records one failed sign-in under each key (e.g. the account and the network address), and forgets
    /// failures older than `forgetBefore` (seconds since 1970). Kept in the database, so every server process on
    /// it counts the same failures.
    func recordLoginFailure(keys: [String], at time: Double, forgetBefore: Double) async throws
    /// The times of the failures under each key since a moment (seconds since 1970), oldest first.
    func loginFailures(keys: [String], since: Double) async throws -> [String: [Double]]
    /// Forgets the failures under a key (after a successful sign-in).
    func clearLoginFailures(key: String) async throws

    /// Stores a session.
    func createSession(_ session: SessionRecord) async throws
    /// The session with the hashed secret.
    func session(tokenHash: String) async throws -> SessionRecord?
    /// Ends a session.
    func deleteSession(tokenHash: String) async throws
    /// Ends every session of a person except, optionally, one.
    func deleteSessions(personIdentifier: String, except tokenHash: String?) async throws

    /// Stores a new API token.
    func createToken(_ token: APITokenInfo, hash: String) async throws
    /// The token with the hashed secret (revoked ones too; the caller checks).
    func token(hash: String) async throws -> APITokenInfo?
    /// A person's tokens, newest first.
    func tokens(personIdentifier: String) async throws -> [APITokenInfo]
    /// Revokes every live token of a person.
    func revokeTokens(personIdentifier: String, at timestamp: String) async throws
    /// Revokes a person's token; false when they have no such live token.
    func revokeToken(identifier: String, personIdentifier: String, at timestamp: String) async throws -> Bool

    /// Stores a new organisation.
    func createOrganisation(_ organisation: Organisation) async throws
    /// The organisation with the identifier.
    func organisation(identifier: String) async throws -> Organisation?
    /// Every organisation, ordered by name.
    func organisations() async throws -> [Organisation]
    /// Stores a new group.
    func createGroup(_ group: OrganisationGroup) async throws
    /// The group with the identifier.
    func group(identifier: String) async throws -> OrganisationGroup?
    /// An organisation's groups, ordered by name.
    func groups(organisationIdentifier: String) async throws -> [OrganisationGroup]
    /// Stores or replaces a membership.
    func saveMembership(_ membership: Membership) async throws
    /// A person's memberships.
    func memberships(personIdentifier: String) async throws -> [Membership]
    /// An organisation's memberships.
    func memberships(organisationIdentifier: String) async throws -> [Membership]

    /// Removes a person from an organisation; false when they were not a member.
    func removeMembership(organisationIdentifier: String, personIdentifier: String) async throws -> Bool
    /// Ends an open invitation before it is used; false when there is no such open invitation.
    func revokeInvitation(identifier: String, organisationIdentifier: String, at timestamp: String) async throws -> Bool
    /// Stores a new invitation under its hashed secret.
    func createInvitation(_ invitation: Invitation, secretHash: String) async throws
    /// The invitation with the hashed secret.
    func invitation(secretHash: String) async throws -> Invitation?
    /// An organisation's invitations, newest first.
    func invitations(organisationIdentifier: String) async throws -> [Invitation]
    /// Marks an invitation accepted, once; false when it was already accepted.
    func acceptInvitation(identifier: String, by personIdentifier: String) async throws -> Bool
}

/// The append-only audit log: there is no way to change or remove an event through the store.
public protocol AuditStore: Sendable {
    /// Appends an event.
    func append(_ event: AuditEvent) async throws
    /// Events, newest first.
    func events(limit: Int, offset: Int) async throws -> [AuditEvent]
    /// Number of events.
    func count() async throws -> Int
}
