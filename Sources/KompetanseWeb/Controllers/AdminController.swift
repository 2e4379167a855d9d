import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

/// Administration (people, roles, organisations, the audit log) and organisations as their members see them.
struct AdminController: Sendable {
    let services: AppServices
    let renderer: PageRenderer

    func register(on router: Router<SiteContext>) {
        router.get(RouterPath(SiteRoute.admin.path), use: admin)
        router.post(RouterPath(SiteRoute.adminPeople.path), use: createPerson)
        router.post(RouterPath("/admin/brukere/:id/tilgang"), use: setAccess)
        router.post(RouterPath("/admin/brukere/:id/stengt"), use: setDisabled)
        router.post(RouterPath(SiteRoute.adminOrganisations.path), use: createOrganisation)
        router.get(RouterPath(SiteRoute.audit.path), use: audit)
        router.get(RouterPath(SiteRoute.organisations.path), use: organisations)
        router.get(RouterPath("/organisasjoner/:id"), use: organisation)
        router.post(RouterPath("/organisasjoner/:id/grupper"), use: createGroup)
        router.post(RouterPath("/organisasjoner/:id/invitasjoner"), use: invite)
        router.post(RouterPath("/organisasjoner/:id/medlemmer/:person"), use: setMembership)
        router.post(RouterPath("/organisasjoner/:id/medlemmer/:person/fjern"), use: removeMember)
        router.post(RouterPath("/organisasjoner/:id/invitasjoner/:invitation/trekk-tilbake"), use: revokeInvitation)
    }

    // MARK: Administration

    @Sendable func admin(_ request: Request, context: SiteContext) async throws -> Response {
        try await adminPage(request: request, context: context, error: nil, status: .ok)
    }

    func adminPage(request: Request, context: SiteContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let people = try await services.accounts.people(as: context.principal)
        let organisations = try await services.organisations.organisations(as: context.principal)
        let model = AdminShow.Model(
            people: people.map { person in
                .init(
                    name: person.name, email: person.email, action: SiteRoute.personAccess(person.identifier).path,
                    idPrefix: String(person.identifier.prefix(8)),
                    isAdministrator: person.roles.contains(.administrator), isEditor: person.roles.contains(.editor),
                    providers: person.providers.sorted().joined(separator: ", "),
                    accessGroups: person.accessGroups.sorted().joined(separator: ", "),
                    disableAction: SiteRoute.personDisabled(person.identifier).path, isDisabled: person.isDisabled,
                    isSelf: person.identifier == context.principal.personIdentifier)
            },
            organisations: organisations.map { .init(href: SiteRoute.organisation($0.identifier).path, name: $0.name) },
            error: error, created: request.uri.formParameters.get("opprettet"))
        return renderer.page(
            "admin", model: model, title: texts["admin_title"], section: .admin,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["admin_title"], href: nil)],
            request: request, context: context, status: status)
    }

    @Sendable func createPerson(_ request: Request, context: SiteContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        var roles: Set<SystemRole> = []
        if fields["administrator"] != nil { roles.insert(.administrator) }
        if fields["editor"] != nil { roles.insert(.editor) }
        do {
            let person = try await services.accounts.createPerson(
                email: fields["email"] ?? "", name: fields["name"] ?? "", password: fields["password"] ?? "", roles: roles,
                as: context.principal)
            return AccountController.redirect(to: SiteRoute.admin.path + SiteRoute.query([("opprettet", person.email)]))
        } catch let error as ServiceError {
            switch error {
            case .invalidInput(let message), .conflict(let message):
                return try await adminPage(request: request, context: context, error: message, status: .badRequest)
            default: throw error
            }
        }
    }

    @Sendable func setDisabled(_ request: Request, context: SiteContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        _ = try await services.accounts.setDisabled(
            personIdentifier: try context.parameters.require("id"), disabled: fields["disabled"] == "on", as: context.principal)
        return AccountController.redirect(to: SiteRoute.admin.path)
    }

    @Sendable func setAccess(_ request: Request, context: SiteContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        var roles: Set<SystemRole> = []
        if fields["administrator"] != nil { roles.insert(.administrator) }
        if fields["editor"] != nil { roles.insert(.editor) }
        _ = try await services.accounts.setAccess(
            personIdentifier: try context.parameters.require("id"), roles: roles,
            providers: Self.list(fields["providers"]), accessGroups: Self.list(fields["access_groups"]),
            as: context.principal)
        return AccountController.redirect(to: SiteRoute.admin.path)
    }

    /// A comma-separated field as a set of trimmed, non-empty names.
    static func list(_ text: String?) -> Set<String> {
        Set((text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    @Sendable func createOrganisation(_ request: Request, context: SiteContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        do {
            let organisation = try await services.organisations.create(name: fields["name"] ?? "", as: context.principal)
            return AccountController.redirect(to: SiteRoute.organisation(organisation.identifier).path)
        } catch ServiceError.invalidInput(let message) {
            return try await adminPage(request: request, context: context, error: message, status: .badRequest)
        }
    }

    @Sendable func audit(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let page = max(1, request.uri.formParameters.get("side").flatMap(Int.init) ?? 1)
        let (events, total) = try await services.audit.events(page: page, as: context.principal)
        let pageCount = max(1, (total + 49) / 50)
        let model = AuditIndex.Model(
            summary: texts.format("audit_summary", ["count": String(total), "page": String(page), "pages": String(pageCount)]),
            events: events.map { .init(at: $0.at, actor: $0.actor, action: $0.action, target: "\($0.targetKind) \($0.target)", detail: $0.detail) },
            previous: page > 1 ? SiteRoute.audit.path + "?side=\(page - 1)" : nil,
            next: page < pageCount ? SiteRoute.audit.path + "?side=\(page + 1)" : nil)
        return renderer.page(
            "audit", model: model, title: texts["audit_title"], section: .admin,
            breadcrumbs: [
                Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["admin_title"], href: SiteRoute.admin.path),
                Crumb(label: texts["audit_title"], href: nil),
            ], request: request, context: context)
    }

    // MARK: Organisations

    @Sendable func organisations(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let organisations = try await services.organisations.organisations(as: context.principal)
        let model = OrganisationIndex.Model(
            organisations: organisations.map { .init(href: SiteRoute.organisation($0.identifier).path, name: $0.name) })
        return renderer.page(
            "organisations", model: model, title: texts["organisations_title"], section: .organisations,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["organisations_title"], href: nil)],
            request: request, context: context)
    }

    @Sendable func organisation(_ request: Request, context: SiteContext) async throws -> Response {
        try await organisationPage(request: request, context: context, newLink: nil, error: nil, status: .ok)
    }

    func organisationPage(
        request: Request, context: SiteContext, newLink: String?, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let identifier = try context.parameters.require("id")
        let overview = try await services.organisations.overview(identifier: identifier, as: context.principal)
        let groupNames = Dictionary(overview.groups.map { ($0.identifier, $0.name) }, uniquingKeysWith: { a, _ in a })
        let now = services.clock.timestamp()
        let model = OrganisationShow.Model(
            name: overview.organisation.name, canManage: overview.canManage,
            groups: overview.groups.map { .init(identifier: $0.identifier, name: $0.name) },
            hasGroups: !overview.groups.isEmpty,
            members: overview.members.map { member in
                .init(
                    name: member.person.name, email: member.person.email,
                    role: texts["org_role_" + member.membership.role.rawValue],
                    groups: member.membership.groups.compactMap { groupNames[$0] }.sorted().joined(separator: ", "),
                    action: SiteRoute.membership(organisation: identifier, person: member.person.identifier).path,
                    removeAction: SiteRoute.membership(organisation: identifier, person: member.person.identifier).path + "/fjern",
                    isAdmin: member.membership.role == .admin,
                    groupChoices: overview.groups.map {
                        .init(identifier: $0.identifier, name: $0.name, checked: member.membership.groups.contains($0.identifier))
                    })
            },
            invitations: overview.invitations.map {
                .init(
                    role: texts["org_role_" + $0.role.rawValue], group: $0.groupIdentifier.flatMap { groupNames[$0] } ?? "–",
                    createdAt: $0.createdAt, expiresAt: $0.expiresAt, accepted: $0.acceptedBy != nil,
                    revokeAction: $0.acceptedBy == nil && $0.expiresAt > now
                        ? SiteRoute.organisationInvitations(identifier).path + "/\(SiteRoute.encode($0.identifier))/trekk-tilbake" : nil)
            },
            groupAction: SiteRoute.organisationGroups(identifier).path,
            inviteAction: SiteRoute.organisationInvitations(identifier).path, newLink: newLink, error: error)
        return renderer.page(
            "organisation", model: model, title: overview.organisation.name, section: .organisations,
            breadcrumbs: [
                Crumb(label: texts["nav_home"], href: "/"),
                Crumb(label: texts["organisations_title"], href: SiteRoute.organisations.path),
                Crumb(label: overview.organisation.name, href: nil),
            ], request: request, context: context, status: status, isPrivate: true)
    }

    @Sendable func createGroup(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let fields = try await request.formFields(context: context)
        do {
            _ = try await services.organisations.createGroup(organisation: identifier, name: fields["name"] ?? "", as: context.principal)
        } catch ServiceError.invalidInput(let message) {
            return try await organisationPage(request: request, context: context, newLink: nil, error: message, status: .badRequest)
        }
        return AccountController.redirect(to: SiteRoute.organisation(identifier).path)
    }

    @Sendable func invite(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let fields = try await request.formFields(context: context)
        guard let role = OrganisationRole(rawValue: fields["role"] ?? "member") else {
            throw ServiceError.invalidInput("ukjent rolle «\(fields["role"] ?? "")»; tillatt: admin, member")
        }
        let group = fields["group"].flatMap { $0.isEmpty ? nil : $0 }
        let (secret, _) = try await services.organisations.invite(
            organisation: identifier, role: role, group: group, as: context.principal)
        let link = services.configuration.publicURL + SiteRoute.invitation(secret).path
        return try await organisationPage(request: request, context: context, newLink: link, error: nil, status: .ok)
    }

    @Sendable func removeMember(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        do {
            try await services.organisations.removeMember(
                organisation: identifier, person: try context.parameters.require("person"), as: context.principal)
        } catch ServiceError.conflict(let message) {
            return try await organisationPage(request: request, context: context, newLink: nil, error: message, status: .conflict)
        }
        return AccountController.redirect(to: SiteRoute.organisation(identifier).path)
    }

    @Sendable func revokeInvitation(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        try await services.organisations.revokeInvitation(
            organisation: identifier, invitation: try context.parameters.require("invitation"), as: context.principal)
        return AccountController.redirect(to: SiteRoute.organisation(identifier).path)
    }

    @Sendable func setMembership(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let fields = try await request.formFields(context: context)
        guard let role = OrganisationRole(rawValue: fields["role"] ?? "") else {
            throw ServiceError.invalidInput("ukjent rolle «\(fields["role"] ?? "")»; tillatt: admin, member")
        }
        let groups = Set(fields.keys.filter { $0.hasPrefix("group-") }.map { String($0.dropFirst("group-".count)) })
        try await services.organisations.setMembership(
            organisation: identifier, person: try context.parameters.require("person"), role: role, groups: groups,
            as: context.principal)
        return AccountController.redirect(to: SiteRoute.organisation(identifier).path)
    }
}
