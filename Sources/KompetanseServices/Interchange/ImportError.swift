/// What is wrong with an input file, named precisely enough to fix it: the file, the record and the field.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The file name as the user gave it.
    public var file: String
    /// Where in the file: "linje 12", "post 3 (id «d-m07»)"; `nil` when the whole file is wrong.
    public var record: String?
    /// The field, e.g. `offers.price`; `nil` when not about one field.
    public var field: String?
    /// What is wrong, in Norwegian.
    public var message: String

    /// Creates a problem description.
    public init(file: String, record: String?, field: String?, message: String) {
        self.file = file
        self.record = record
        self.field = field
        self.message = message
    }

    public var description: String {
        var parts = [file]
        if let record { parts.append(record) }
        if let field { parts.append("felt «\(field)»") }
        return parts.joined(separator: ", ") + ": " + message
    }
}

/// An import that was refused; nothing of the file was stored.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    /// Every problem found (at most ``maximumReported``).
    public var problems: [ImportProblem]

    /// Problems beyond this count are summarised, not listed.
    public static let maximumReported = 20

    /// Creates a failure from problems.
    public init(_ problems: [ImportProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
