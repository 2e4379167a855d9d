/// Why a score is what it is: a value, what it stands for, the fields involved and the parts it is made of.
public struct ScoreExplanation: Sendable, Hashable {
    /// The value.
    public var value: Double
    /// For a matched term: the word or phrase of the query it came from (`gevinster`).
    public var origin: String?
    /// For a matched term: its index form (`gevinst`).
    public var term: String?
    /// Fields the term was found in.
    public var fields: [String]
    /// Parts of the value.
    public var children: [ScoreExplanation]
    private let label: String?

    /// What the value is, e.g. `«gevinster» → gevinst`.
    public var description: String {
        if let label { return label }
        return "«\(origin ?? "")» → \(term ?? "")"
    }

    /// The query word in quotes, `«gevinster»`, or the description when this is not a matched term.
    public var quotedOrigin: String {
        origin.map { "«\($0)»" } ?? description
    }

    /// Creates an explanation of a combined value.
    public init(value: Double, description: String, fields: [String], children: [ScoreExplanation]) {
        self.value = value
        self.label = description
        self.origin = nil
        self.term = nil
        self.fields = fields
        self.children = children
    }

    /// Creates the explanation of one matched term.
    public init(value: Double, origin: String, term: String, fields: [String]) {
        self.value = value
        self.label = nil
        self.origin = origin
        self.term = term
        self.fields = fields
        self.children = []
    }
}
