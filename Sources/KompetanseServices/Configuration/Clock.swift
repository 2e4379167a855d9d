import Foundation

/// The current time, behind a protocol so tests can fix it.
public protocol Clock: Sendable {
    /// Now.
    func now() -> Date
}

/// The system clock.
public struct SystemClock: Clock {
    /// Creates the system clock.
    public init() {}
    public func now() -> Date { Date() }
}

extension Clock {
    /// Now as an ISO 8601 timestamp in UTC.
    public func timestamp() -> String {
        now().formatted(.iso8601)
    }
}
