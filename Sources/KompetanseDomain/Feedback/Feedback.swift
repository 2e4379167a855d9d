/// A user's verdict on an answer, a document page, a measure or a match: right, wrong or something missing,
/// with a comment. Stored as given and never discarded.
public struct Feedback: Sendable, Hashable, Codable {
    /// What the feedback is about.
    public enum Target: String, Sendable, Hashable, Codable, CaseIterable {
        case answer = "svar"
        case document = "dokument"
        case measure = "tiltak"
        case match = "treff"
    }

    /// The verdict.
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
        case right = "riktig"
        case wrong = "feil"
        case missing = "mangler"
    }

    /// Kind of thing.
    public var target: Target
    /// Which one: the question of an answer, a document identifier and page, a measure identifier, a need.
    public var reference: String
    /// The verdict.
    public var verdict: Verdict
    /// Free text (may be empty).
    public var comment: String
    /// When it was given (ISO 8601).
    public var createdAt: String
    /// Who gave it (a name, or "anonym").
    public var author: String

    /// Creates feedback.
    public init(target: Target, reference: String, verdict: Verdict, comment: String, createdAt: String, author: String) {
        self.target = target
        self.reference = reference
        self.verdict = verdict
        self.comment = comment
        self.createdAt = createdAt
        self.author = author
    }

    /// Longest comment accepted.
    public static let maximumCommentLength = 4_000
    /// Longest reference accepted.
    public static let maximumReferenceLength = 2_000
}
