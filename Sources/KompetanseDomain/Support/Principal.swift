/// Who is acting: an anonymous visitor, a system process (the CLI, demo seeding) or a signed-in person.
/// Every service call takes one, so access rules and provenance have one source.
public struct Principal: Sendable, Hashable, Codable {
    /// The kinds of actor.
    public enum Kind: String, Sendable, Hashable, Codable {
        case anonymous, system, user
    }

    /// What kind of actor this is.
    public var kind: Kind
    /// A name recorded in provenance and audit (`cli`, `demo`, an e-mail address).
    public var name: String

    /// Creates a principal.
    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// A visitor who is not signed in.
    public static let anonymous = Principal(kind: .anonymous, name: "anonym")
    /// The command-line tool, run by whoever has access to the data folder.
    public static let commandLine = Principal(kind: .system, name: "cli")
    /// Shipped data loaded on first start.
    public static let demoSeeder = Principal(kind: .system, name: "demo")
}
