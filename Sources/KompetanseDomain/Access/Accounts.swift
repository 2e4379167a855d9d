import Foundation

/// A role over the whole system.
public enum SystemRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Manages people, roles, organisations and reads the audit log.
    case administrator
    /// Maintains the catalogue and the frameworks.
    case editor

    public static func < (lhs: SystemRole, rhs: SystemRole) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A person's role in one organisation.
public enum OrganisationRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Manages the organisation's groups, members, invitations and assessment rounds.
    case admin
    /// Takes part in the organisation's groups and sees its shared results.
    case member
}

/// A person who can sign in.
public struct Person: Sendable, Hashable, Codable {
    /// Stable identifier.
    public var identifier: String
    /// E-mail address, stored lower-cased; unique.
    public var email: String
    /// Display name.
    public var name: String
    /// System roles.
    public var roles: Set<SystemRole>
    /// Providers whose measures the person maintains.
    public var providers: Set<String>
    /// Access groups for restricted documents.
    public var accessGroups: Set<String>
    /// When the account was created (ISO 8601).
    public var createdAt: String
    /// When an administrator closed the account (ISO 8601); a closed account cannot sign in, and its sessions and
    /// API tokens no longer work.
    public var disabledAt: String?

    /// Whether the account is closed.
    public var isDisabled: Bool { disabledAt != nil }

    /// Creates a person.
    public init(
        identifier: String, email: String, name: String, roles: Set<SystemRole> = [], providers: Set<String> = [],
        accessGroups: Set<String> = [], createdAt: String, disabledAt: String? = nil
    ) {
        self.identifier = identifier
        self.email = email
        self.name = name
        self.roles = roles
        self.providers = providers
        self.accessGroups = accessGroups
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    /// An e-mail address in the form it is stored and compared in.
    public static func normalisedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Whether a text looks like an e-mail address (one `@`, something on both sides, a dot in the domain).
    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), email.count <= 254
        else { return false }
        return !email.contains(where: { $0.isWhitespace })
    }
}

/// An organisation (an agency or a municipality) whose data is its own.
public struct Organisation: Sendable, Hashable, Codable {
    /// Stable identifier.
    public var identifier: String
    /// Name.
    public var name: String
    /// When it was created (ISO 8601).
    public var createdAt: String

    /// Creates an organisation.
    public init(identifier: String, name: String, createdAt: String) {
        self.identifier = identifier
        self.name = name
        self.createdAt = createdAt
    }
}

/// A group inside an organisation, such as its leader group.
public struct OrganisationGroup: Sendable, Hashable, Codable {
    /// Stable identifier.
    public var identifier: String
    /// The organisation it belongs to.
    public var organisationIdentifier: String
    /// Name, e.g. "Ledergruppen".
    public var name: String

    /// Creates a group.
    public init(identifier: String, organisationIdentifier: String, name: String) {
        self.identifier = identifier
        self.organisationIdentifier = organisationIdentifier
        self.name = name
    }
}

/// One person's membership of an organisation, with the groups they are in there.
public struct Membership: Sendable, Hashable, Codable {
    /// The organisation.
    public var organisationIdentifier: String
    /// The person.
    public var personIdentifier: String
    /// Their role there.
    public var role: OrganisationRole
    /// Their groups there.
    public var groups: Set<String>

    /// Creates a membership.
    public init(organisationIdentifier: String, personIdentifier: String, role: OrganisationRole, groups: Set<String> = []) {
        self.organisationIdentifier = organisationIdentifier
        self.personIdentifier = personIdentifier
        self.role = role
        self.groups = groups
    }
}

/// An invitation to join an organisation (and optionally one of its groups), redeemed through a secret link.
public struct Invitation: Sendable, Hashable, Codable {
    /// Stable identifier (not the secret).
    public var identifier: String
    /// The organisation.
    public var organisationIdentifier: String
    /// The role the invited person gets.
    public var role: OrganisationRole
    /// The group the invited person joins, if any.
    public var groupIdentifier: String?
    /// Who created it.
    public var createdBy: String
    /// When (ISO 8601).
    public var createdAt: String
    /// When it stops working (ISO 8601).
    public var expiresAt: String
    /// Who accepted it, once accepted.
    public var acceptedBy: String?

    /// Creates an invitation.
    public init(
        identifier: String, organisationIdentifier: String, role: OrganisationRole, groupIdentifier: String?,
        createdBy: String, createdAt: String, expiresAt: String, acceptedBy: String? = nil
    ) {
        self.identifier = identifier
        self.organisationIdentifier = organisationIdentifier
        self.role = role
        self.groupIdentifier = groupIdentifier
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.acceptedBy = acceptedBy
    }
}

/// A personal API token, as shown to its owner; the secret itself is only ever shown once and stored hashed.
public struct APITokenInfo: Sendable, Hashable, Codable {
    /// Stable identifier.
    public var identifier: String
    /// The owner.
    public var personIdentifier: String
    /// The owner's label for it.
    public var label: String
    /// The first characters of the secret, so the owner can tell tokens apart.
    public var prefix: String
    /// When it was created (ISO 8601).
    public var createdAt: String
    /// When it was revoked, if it was.
    public var revokedAt: String?

    /// Creates token metadata.
    public init(
        identifier: String, personIdentifier: String, label: String, prefix: String, createdAt: String,
        revokedAt: String? = nil
    ) {
        self.identifier = identifier
        self.personIdentifier = personIdentifier
        self.label = label
        self.prefix = prefix
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// One entry of the append-only audit log: who did what to which record, when.
public struct AuditEvent: Sendable, Hashable, Codable {
    /// When (ISO 8601).
    public var at: String
    /// Who (the principal's name, e.g. an e-mail address, `cli`, `anonym`).
    public var actor: String
    /// What, e.g. `measure.upsert`, `role.change`, `document.read`.
    public var action: String
    /// Which kind of record.
    public var targetKind: String
    /// Which record.
    public var target: String
    /// A short detail (never restricted text).
    public var detail: String

    /// Creates an event.
    public init(at: String, actor: String, action: String, targetKind: String, target: String, detail: String = "") {
        self.at = at
        self.actor = actor
        self.action = action
        self.targetKind = targetKind
        self.target = target
        self.detail = detail
    }
}
