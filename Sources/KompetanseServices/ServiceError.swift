/// Errors a service reports to its callers (pages, API, CLI), each with a message fit to show.
public enum ServiceError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The thing asked for does not exist.
    case notFound(String)
    /// The request is malformed; the message says what and where.
    case invalidInput(String)

    public var description: String {
        switch self {
        case .notFound(let what): "fant ikke \(what)"
        case .invalidInput(let message): message
        }
    }
}
