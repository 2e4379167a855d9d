import Foundation
import KompetanseStore

/// The catalogue's revision (measures and frameworks), known without a database read while nothing can have
/// changed: no write went through this process's store since it was last confirmed (``Store/catalogueWrites``)
/// and that was less than ``revalidationInterval`` ago. Writes by another process are seen within that interval.
/// Caches built from the catalogue (the matching engine, rendered catalogue pages) are keyed by it.
final class CatalogueRevision: @unchecked Sendable {
    /// How long a confirmed revision is trusted without asking the database.
    static let revalidationInterval: TimeInterval = 1

    private let store: any Store
    private let clock: any Clock
    // Guarded by `lock`; a lock rather than an actor, so that a fresh revision never suspends.
    private let lock = NSLock()
    private var revision: String?
    private var writes = -1
    private var confirmed = Date.distantPast

    init(store: any Store, clock: any Clock) {
        self.store = store
        self.clock = clock
    }

    /// The current revision.
    func current() async throws -> String {
        let writes = store.catalogueWrites
        let now = clock.now()
        let fresh: String? = lock.withLock {
            let age = now.timeIntervalSince(confirmed)
            return writes == self.writes && age >= 0 && age < Self.revalidationInterval ? self.revision : nil
        }
        if let fresh { return fresh }
        // The write count is read before the revision: a write that lands in between makes the next call look again.
        let read = try await store.measures.revision() + "/" + (try await store.frameworks.summaries().map(\.code).joined())
        lock.withLock {
            revision = read
            self.writes = writes
            confirmed = now
        }
        return read
    }
}

/// One value worked out from the catalogue, kept under the revision it was worked out at.
final class KeptByRevision<Value: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var revision: String?
    private var kept: Value?

    /// The value kept for `revision`, if any.
    func value(for revision: String) -> Value? {
        lock.withLock { self.revision == revision ? kept : nil }
    }

    /// Keeps `value` for `revision` and returns it.
    func keep(_ value: Value, for revision: String) -> Value {
        lock.withLock {
            self.revision = revision
            kept = value
        }
        return value
    }
}
