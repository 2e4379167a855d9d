import KompetanseDomain

/// Errors a service reports to its callers (pages, API, CLI), each with a message fit to show.
public enum ServiceError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The thing asked for does not exist (or the caller may not know that it does).
    case notFound(String)
    /// The request is malformed; the message says what and where.
    case invalidInput(String)
    /// The caller must sign in first.
    case unauthenticated
    /// The caller is signed in but may not do this; the message says what was refused.
    case forbidden(String)
    /// The request conflicts with existing data (e.g. an e-mail address already in use).
    case conflict(String)
    /// Too many failed attempts; try again after the given number of seconds.
    case tooManyAttempts(retryAfter: Int)

    public var description: String {
        switch self {
        case .notFound(let what): "fant ikke \(what)"
        case .invalidInput(let message): message
        case .unauthenticated: "du må logge inn for å gjøre dette"
        case .forbidden(let what): "du har ikke tilgang til å \(what)"
        case .conflict(let message): message
        case .tooManyAttempts(let seconds):
            "for mange mislykkede innlogginger; prøv igjen om \(max(1, (seconds + 59) / 60)) min"
        }
    }
}

extension Principal {
    /// Throws ``ServiceError/unauthenticated`` for anonymous callers and ``ServiceError/forbidden(_:)`` for
    /// signed-in ones when the permission is missing; `action` completes «du har ikke tilgang til å …».
    func require(_ permission: Permission, _ action: String) throws {
        guard !can(permission) else { return }
        throw kind == .anonymous ? ServiceError.unauthenticated : ServiceError.forbidden(action)
    }
}
