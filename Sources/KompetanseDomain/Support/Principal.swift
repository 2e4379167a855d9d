/// Who is acting: an anonymous visitor, a system process (the CLI, demo seeding) or a signed-in person, with
/// everything the access rules need to know about them. Every service call takes one, so access rules and
/// provenance have one source (see ``Principal/can(_:)``).
public struct Principal: Sendable, Hashable, Codable {
    /// The kinds of actor.
    public enum Kind: String, Sendable, Hashable, Codable {
        case anonymous, system, user
    }

    /// What kind of actor this is.
    public var kind: Kind
    /// A name recorded in provenance and audit (`cli`, `demo`, an e-mail address).
    public var name: String
    /// The signed-in person, for `user` principals.
    public var personIdentifier: String?
    /// Roles over the whole system.
    public var roles: Set<SystemRole>
    /// Providers whose measures this person may edit.
    public var providers: Set<String>
    /// The person's role in each organisation they belong to, by organisation identifier.
    public var organisations: [String: OrganisationRole]
    /// Groups (e.g. a leader group) the person belongs to, by group identifier.
    public var groups: Set<String>
    /// Access groups whose restricted documents the person may read.
    public var accessGroups: Set<String>

    /// Creates a principal.
    public init(
        kind: Kind, name: String, personIdentifier: String? = nil, roles: Set<SystemRole> = [],
        providers: Set<String> = [], organisations: [String: OrganisationRole] = [:], groups: Set<String> = [],
        accessGroups: Set<String> = []
    ) {
        self.kind = kind
        self.name = name
        self.personIdentifier = personIdentifier
        self.roles = roles
        self.providers = providers
        self.organisations = organisations
        self.groups = groups
        self.accessGroups = accessGroups
    }

    /// A visitor who is not signed in.
    public static let anonymous = Principal(kind: .anonymous, name: "anonym")
    /// The command-line tool, run by whoever has access to the data folder.
    public static let commandLine = Principal(kind: .system, name: "cli")
    /// Shipped data loaded on first start.
    public static let demoSeeder = Principal(kind: .system, name: "demo")

    /// An anonymous asker who may also read the given access groups' documents (the CLI's `--group`).
    public static func reader(accessGroups: Set<String>) -> Principal {
        Principal(kind: .anonymous, name: "anonym", accessGroups: accessGroups)
    }

    /// Whether a person is signed in.
    public var isSignedIn: Bool { kind == .user }
}
