import Foundation
import KompetanseDomain
import KompetanseStore

/// Organisations, their groups, members and invitations. Everything is scoped to the organisations the acting
/// principal belongs to; an outsider gets "not found", never a hint that the organisation exists.
public struct OrganisationService: Sendable {
    let store: any Store
    let clock: any Clock
    let accounts: AccountService
    let audit: AuditLog

    /// How long an invitation link works.
    public static let invitationLifetime: TimeInterval = 14 * 24 * 3600

    /// An organisation as its members see it.
    public struct Overview: Sendable {
        /// The organisation.
        public var organisation: Organisation
        /// Its groups.
        public var groups: [OrganisationGroup]
        /// Its members with their people.
        public var members: [Member]
        /// Its invitations (organisation admins only; empty for members).
        public var invitations: [Invitation]
        /// Whether the viewer may manage it.
        public var canManage: Bool
    }

    /// A member of an organisation.
    public struct Member: Sendable, Hashable {
        /// The person.
        public var person: Person
        /// The membership.
        public var membership: Membership
    }

    /// Creates an organisation (administrators only).
    public func create(name: String, as principal: Principal) async throws -> Organisation {
        try principal.require(.administer, "opprette organisasjoner")
        let name = try Self.validName(name, what: "organisasjonen")
        let organisation = Organisation(identifier: UUID().uuidString.lowercased(), name: name, createdAt: clock.timestamp())
        try await store.accounts.createOrganisation(organisation)
        try await audit.record("organisation.create", by: principal, kind: "organisation", target: organisation.identifier, detail: name)
        return organisation
    }

    /// The organisations the principal may see: all for administrators, their own for others.
    public func organisations(as principal: Principal) async throws -> [Organisation] {
        guard principal.isSignedIn || principal.kind == .system else { throw ServiceError.unauthenticated }
        let all = try await store.accounts.organisations()
        if principal.can(.administer) { return all }
        return all.filter { principal.organisations[$0.identifier] != nil }
    }

    /// One organisation, for its members and administrators.
    public func overview(identifier: String, as principal: Principal) async throws -> Overview {
        let organisation = try await visibleOrganisation(identifier, as: principal)
        let canManage = principal.can(.manageOrganisation(identifier))
        let memberships = try await store.accounts.memberships(organisationIdentifier: identifier)
        var members: [Member] = []
        for membership in memberships {
            if let person = try await store.accounts.person(identifier: membership.personIdentifier) {
                members.append(Member(person: person, membership: membership))
            }
        }
        members.sort { $0.person.name.localizedStandardCompare($1.person.name) == .orderedAscending }
        return Overview(
            organisation: organisation, groups: try await store.accounts.groups(organisationIdentifier: identifier),
            members: members,
            invitations: canManage ? try await store.accounts.invitations(organisationIdentifier: identifier) : [],
            canManage: canManage)
    }

    /// The organisation when the principal may see it; otherwise "not found" (anonymous: "sign in").
    func visibleOrganisation(_ identifier: String, as principal: Principal) async throws -> Organisation {
        guard principal.isSignedIn || principal.kind == .system else { throw ServiceError.unauthenticated }
        guard principal.can(.viewOrganisation(identifier)) || principal.can(.manageOrganisation(identifier)),
            let organisation = try await store.accounts.organisation(identifier: identifier)
        else { throw ServiceError.notFound("organisasjonen") }
        return organisation
    }

    /// Adds a group to an organisation (its admins only).
    public func createGroup(organisation: String, name: String, as principal: Principal) async throws -> OrganisationGroup {
        _ = try await visibleOrganisation(organisation, as: principal)
        try principal.require(.manageOrganisation(organisation), "opprette grupper i denne organisasjonen")
        let group = OrganisationGroup(
            identifier: UUID().uuidString.lowercased(), organisationIdentifier: organisation,
            name: try Self.validName(name, what: "gruppen"))
        try await store.accounts.createGroup(group)
        try await audit.record("group.create", by: principal, kind: "group", target: group.identifier, detail: group.name)
        return group
    }

    /// A group, when the principal may see its organisation.
    public func group(identifier: String, as principal: Principal) async throws -> OrganisationGroup {
        guard let group = try await store.accounts.group(identifier: identifier) else { throw ServiceError.notFound("gruppen") }
        _ = try await visibleOrganisation(group.organisationIdentifier, as: principal)
        return group
    }

    /// An invitation link secret and its record; the link is shown once to the organisation admin.
    public func invite(
        organisation: String, role: OrganisationRole, group: String?, as principal: Principal
    ) async throws -> (secret: String, invitation: Invitation) {
        _ = try await visibleOrganisation(organisation, as: principal)
        try principal.require(.manageOrganisation(organisation), "invitere til denne organisasjonen")
        if let group {
            guard let found = try await store.accounts.group(identifier: group), found.organisationIdentifier == organisation
            else { throw ServiceError.invalidInput("gruppen finnes ikke i denne organisasjonen") }
        }
        let now = clock.now()
        let invitation = Invitation(
            identifier: UUID().uuidString.lowercased(), organisationIdentifier: organisation, role: role,
            groupIdentifier: group, createdBy: principal.name, createdAt: now.formatted(.iso8601),
            expiresAt: now.addingTimeInterval(Self.invitationLifetime).formatted(.iso8601))
        let secret = Secrets.make()
        try await store.accounts.createInvitation(invitation, secretHash: Secrets.hash(secret))
        try await audit.record(
            "invitation.create", by: principal, kind: "organisation", target: organisation,
            detail: "rolle \(role.rawValue)" + (group.map { ", gruppe \($0)" } ?? ""))
        return (secret, invitation)
    }

    /// The invitation behind a link, when it is still open; otherwise a clear error.
    public func openInvitation(secret: String) async throws -> (Invitation, Organisation) {
        guard secret.count <= 200, let invitation = try await store.accounts.invitation(secretHash: Secrets.hash(secret)),
            let organisation = try await store.accounts.organisation(identifier: invitation.organisationIdentifier)
        else { throw ServiceError.notFound("invitasjonen (lenken er feil eller trukket tilbake)") }
        guard invitation.acceptedBy == nil else { throw ServiceError.conflict("invitasjonen er allerede brukt") }
        guard invitation.expiresAt > clock.timestamp() else { throw ServiceError.conflict("invitasjonen er utløpt") }
        return (invitation, organisation)
    }

    /// Accepts an invitation as the signed-in person.
    public func accept(secret: String, as principal: Principal) async throws -> Organisation {
        guard let person = principal.personIdentifier else { throw ServiceError.unauthenticated }
        let (invitation, organisation) = try await openInvitation(secret: secret)
        try await join(invitation, person: person, by: principal)
        return organisation
    }

    /// Accepts an invitation by creating an account; returns the new session.
    public func acceptCreatingAccount(
        secret: String, email: String, name: String, password: String
    ) async throws -> AccountService.SignedIn {
        let (invitation, _) = try await openInvitation(secret: secret)
        let principal = Principal(kind: .anonymous, name: Person.normalisedEmail(email))
        let person = try await accounts.insertPerson(email: email, name: name, password: password, roles: [], by: principal)
        try await join(invitation, person: person.identifier, by: principal)
        return try await accounts.startSession(for: person, method: "invitasjon")
    }

    private func join(_ invitation: Invitation, person: String, by principal: Principal) async throws {
        guard try await store.accounts.acceptInvitation(identifier: invitation.identifier, by: person) else {
            throw ServiceError.conflict("invitasjonen er allerede brukt")
        }
        let existing = try await store.accounts.memberships(personIdentifier: person)
            .first { $0.organisationIdentifier == invitation.organisationIdentifier }
        var membership =
            existing ?? Membership(organisationIdentifier: invitation.organisationIdentifier, personIdentifier: person, role: invitation.role)
        // An invitation never lowers a role the person already has there.
        if invitation.role == .admin { membership.role = .admin }
        if let group = invitation.groupIdentifier { membership.groups.insert(group) }
        try await store.accounts.saveMembership(membership)
        try await audit.record(
            "membership.join", by: principal, kind: "organisation", target: invitation.organisationIdentifier,
            detail: "rolle \(membership.role.rawValue)")
    }

    /// Changes a member's role and groups (organisation admins only).
    public func setMembership(
        organisation: String, person: String, role: OrganisationRole, groups: Set<String>, as principal: Principal
    ) async throws {
        _ = try await visibleOrganisation(organisation, as: principal)
        try principal.require(.manageOrganisation(organisation), "endre medlemmer i denne organisasjonen")
        guard try await store.accounts.memberships(organisationIdentifier: organisation).contains(where: { $0.personIdentifier == person })
        else { throw ServiceError.notFound("medlemmet") }
        let known = Set(try await store.accounts.groups(organisationIdentifier: organisation).map(\.identifier))
        guard groups.isSubset(of: known) else { throw ServiceError.invalidInput("ukjent gruppe for denne organisasjonen") }
        try await store.accounts.saveMembership(
            Membership(organisationIdentifier: organisation, personIdentifier: person, role: role, groups: groups))
        try await audit.record(
            "role.change", by: principal, kind: "membership", target: "\(organisation)/\(person)",
            detail: "rolle \(role.rawValue), \(groups.count) grupper")
    }

    /// Removes a member (organisation admins). The last organisation admin cannot be removed, so the organisation
    /// is never left without someone who can manage it.
    public func removeMember(organisation: String, person: String, as principal: Principal) async throws {
        _ = try await visibleOrganisation(organisation, as: principal)
        try principal.require(.manageOrganisation(organisation), "fjerne medlemmer i denne organisasjonen")
        let memberships = try await store.accounts.memberships(organisationIdentifier: organisation)
        guard let membership = memberships.first(where: { $0.personIdentifier == person }) else {
            throw ServiceError.notFound("medlemmet")
        }
        if membership.role == .admin, memberships.filter({ $0.role == .admin }).count == 1 {
            throw ServiceError.conflict("den siste organisasjonsadministratoren kan ikke fjernes; gjør en annen til administrator først")
        }
        _ = try await store.accounts.removeMembership(organisationIdentifier: organisation, personIdentifier: person)
        try await audit.record("membership.remove", by: principal, kind: "membership", target: "\(organisation)/\(person)")
    }

    /// Withdraws an invitation that has not been used (organisation admins): its link stops working.
    public func revokeInvitation(organisation: String, invitation: String, as principal: Principal) async throws {
        _ = try await visibleOrganisation(organisation, as: principal)
        try principal.require(.manageOrganisation(organisation), "trekke tilbake invitasjoner i denne organisasjonen")
        guard
            try await store.accounts.revokeInvitation(
                identifier: invitation, organisationIdentifier: organisation, at: clock.timestamp())
        else { throw ServiceError.notFound("en åpen invitasjon med denne identifikatoren") }
        try await audit.record("invitation.revoke", by: principal, kind: "organisation", target: organisation, detail: invitation)
    }

    static func validName(_ name: String, what: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw ServiceError.invalidInput("navnet på \(what) mangler eller er for langt (høyst 200 tegn)")
        }
        return name
    }
}
