/// A chat model the assistant may use to phrase answers; the assistant works without one.
public protocol LanguageModel: Sendable {
    /// Sends the messages and returns the model's reply text.
    func complete(_ messages: [ChatMessage]) async throws -> String
}

/// One message of a chat exchange.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// `system`, `user` or `assistant`.
    public var role: String
    /// The text.
    public var content: String

    /// Creates a message.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
