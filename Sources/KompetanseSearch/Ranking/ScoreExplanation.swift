/// Why a score is what it is: a value, what it stands for, the fields involved and the parts it is made of.
public struct ScoreExplanation: Sendable, Hashable {
    /// The value.
    public var value: Double
    /// What the value is, e.g. `«gevinster» → gevinst`.
    public var description: String
    /// Fields the term was found in.
    public var fields: [String]
    /// Parts of the value.
    public var children: [ScoreExplanation]

    /// Creates an explanation.
    public init(value: Double, description: String, fields: [String], children: [ScoreExplanation]) {
        self.value = value
        self.description = description
        self.fields = fields
        self.children = children
    }
}
