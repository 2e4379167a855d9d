/// Something a principal may or may not do. The rules live in ``Principal/can(_:)``, the one place every
/// service asks.
public enum Permission: Sendable, Hashable {
    /// Create, change or delete any measure, confirm tags, import catalogues and frameworks.
    case editCatalogue
    /// Create or change a measure of the given provider.
    case editMeasure(provider: String)
    /// Read the feedback users have left.
    case readFeedback
    /// Manage people, system roles and organisations.
    case administer
    /// Read the audit log.
    case readAudit
    /// Manage an organisation's groups, members and invitations.
    case manageOrganisation(String)
    /// Open and close an organisation's assessment rounds and see their group results: the organisation's own
    /// admins only. A system administrator manages organisations but never reads their assessments.
    case manageAssessments(String)
    /// See an organisation's shared data (its groups, results and plans).
    case viewOrganisation(String)
    /// Take part in a group's work (answer its assessments, see its results).
    case participate(organisation: String, group: String)
    /// Read documents of an access group (`public` is open to all).
    case readDocuments(access: String)
}

/// The name of the access level everyone has.
public let publicAccess = "public"

extension Principal {
    /// Whether the principal may do something. System principals (the CLI, run by whoever holds the data
    /// folder) may change data but read restricted documents only through the access groups they name.
    public func can(_ permission: Permission) -> Bool {
        let isAdministrator = kind == .user && roles.contains(.administrator)
        let isEditor = kind == .system || isAdministrator || (kind == .user && roles.contains(.editor))
        switch permission {
        case .editCatalogue, .readFeedback:
            return isEditor
        case .editMeasure(let provider):
            return isEditor || (kind == .user && providers.contains(provider))
        case .administer, .readAudit:
            return kind == .system || isAdministrator
        case .manageOrganisation(let organisation):
            return kind == .system || isAdministrator || organisations[organisation] == .admin
        case .manageAssessments(let organisation):
            return kind == .system || organisations[organisation] == .admin
        case .viewOrganisation(let organisation):
            // An administrator manages organisations but does not read their assessments: only members do.
            return organisations[organisation] != nil
        case .participate(let organisation, let group):
            return organisations[organisation] != nil && groups.contains(group)
        case .readDocuments(let access):
            return access == publicAccess || accessGroups.contains(access)
        }
    }
}

/// Rules for passwords chosen by people.
public enum PasswordPolicy {
    /// Minimum length in characters.
    public static let minimumLength = 12
    /// Maximum length in UTF-8 bytes: bcrypt reads only the first 72.
    public static let maximumBytes = 72

    /// What is wrong with a new password, in Norwegian, or `nil` when it is acceptable.
    public static func problem(with password: String, email: String) -> String? {
        if password.count < minimumLength { return "passordet må ha minst \(minimumLength) tegn" }
        if password.utf8.count > maximumBytes { return "passordet kan ha høyst \(maximumBytes) byte" }
        if password.lowercased() == Person.normalisedEmail(email) { return "passordet kan ikke være e-postadressen" }
        if Set(password).count < 4 { return "passordet er for ensformig" }
        return nil
    }
}

/// Sliding-window limits on failed sign-ins, per account and per network address. Pure: the caller keeps the
/// failures (in the database, so that every server process counts the same ones) and passes them in with the time.
public struct LoginThrottle: Sendable {
    /// Failures allowed per account inside the window.
    public var perAccount: Int
    /// Failures allowed per address inside the window.
    public var perAddress: Int
    /// Window length in seconds.
    public var window: Double

    /// Creates a throttle (defaults: 5 per account, 20 per address, 15 minutes).
    public init(perAccount: Int = 5, perAddress: Int = 20, window: Double = 900) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    /// The key failures of an account are kept under.
    public static func accountKey(_ account: String) -> String { "a:" + account }

    /// The key failures from a network address are kept under.
    public static func addressKey(_ address: String) -> String { "n:" + address }

    /// Seconds until another attempt is allowed for this account and address, given the failures kept under
    /// their keys; `nil` when allowed now. Failures older than the window do not count.
    public func retryAfter(account: String, address: String, failures: [String: [Double]], now: Double) -> Double? {
        var wait: Double?
        for (key, limit) in [(Self.accountKey(account), perAccount), (Self.addressKey(address), perAddress)] {
            let recent = (failures[key] ?? []).filter { now - $0 < window }.sorted()
            if recent.count >= limit, let oldest = recent.first {
                wait = max(wait ?? 0, window - (now - oldest))
            }
        }
        return wait
    }
}
