/// The sign-in form.
enum SignInShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let email: String
        let next: String
        let error: String?
        let provider: Provider?
    }

    struct Provider: Sendable {
        let name: String
        let href: String
    }
}

/// The signed-in person's page: roles, organisations, password change and API tokens.
enum AccountShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let name: String
        let roles: [String]
        let providers: [String]
        let accessGroups: [String]
        let organisations: [Organisation]
        let tokens: [Token]
        let newToken: String?
        let error: String?
        let notice: String?
    }

    struct Organisation: Sendable {
        let href: String
        let name: String
        let role: String
    }

    struct Token: Sendable {
        let label: String
        let prefix: String
        let createdAt: String
        let revokedAt: String?
        let revokeHref: String?
    }
}

/// An invitation link: accept as the signed-in person, or create an account.
enum InvitationShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let organisation: String
        let role: String
        let action: String
        let signedIn: Bool
        let name: String
        let signInHref: String
        let email: String
        let personName: String
        let error: String?
    }
}

/// The administration page.
enum AdminShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let people: [PersonRow]
        let organisations: [OrganisationLink]
        let error: String?
        let created: String?
    }

    struct PersonRow: Sendable {
        let name: String
        let email: String
        let action: String
        let idPrefix: String
        let isAdministrator: Bool
        let isEditor: Bool
        let providers: String
        let accessGroups: String
        let disableAction: String
        let isDisabled: Bool
        let isSelf: Bool
    }

    struct OrganisationLink: Sendable {
        let href: String
        let name: String
    }
}

/// The audit log.
enum AuditIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let summary: String
        let events: [Event]
        let previous: String?
        let next: String?
    }

    struct Event: Sendable {
        let at: String
        let actor: String
        let action: String
        let target: String
        let detail: String
    }
}

/// The organisations a person belongs to.
enum OrganisationIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let organisations: [AdminShow.OrganisationLink]
    }
}

/// One organisation: groups, members, invitations.
enum OrganisationShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let name: String
        let canManage: Bool
        let groups: [Group]
        let hasGroups: Bool
        let members: [Member]
        let invitations: [InvitationRow]
        let groupAction: String
        let inviteAction: String
        let newLink: String?
        let error: String?
    }

    struct Group: Sendable {
        let identifier: String
        let name: String
    }

    struct Member: Sendable {
        let name: String
        let email: String
        let role: String
        let groups: String
        let action: String
        let removeAction: String
        let isAdmin: Bool
        let groupChoices: [GroupChoice]
    }

    struct GroupChoice: Sendable {
        let identifier: String
        let name: String
        let checked: Bool
    }

    struct InvitationRow: Sendable {
        let role: String
        let group: String
        let createdAt: String
        let expiresAt: String
        let accepted: Bool
        let revokeAction: String?
    }
}
