/// Whether a text is a query (a need) or a passage (a measure or document); e5 models embed them differently.
public enum EmbeddingKind: String, Sendable {
    case query, passage
}

/// Turns texts into vectors. Implementations live outside this library (an HTTP client, a cache).
public protocol Embedder: Sendable {
    /// A stable identifier of the model, stored with every vector.
    var modelIdentifier: String { get }
    /// One vector per text, in order.
    func embed(_ texts: [String], kind: EmbeddingKind) async throws -> [[Float]]
}
