import Foundation
import KompetanseDomain
import SQLKit

/// The database engines the store runs on.
public enum EngineKind: String, Sendable {
    case sqlite
    case postgres

    /// Appended to a SELECT inside a transaction to lock the rows it reads until the transaction ends. SQLite
    /// needs none: its writers are serialised (BEGIN IMMEDIATE).
    var lockingClause: String { self == .postgres ? " FOR UPDATE" : "" }
}

/// Runs SQL on pooled connections of one engine, with transactions on a single connection.
final class SQLEngine: Sendable {
    let kind: EngineKind
    private let pool: ConnectionPool
    /// SQLite allows one writer at a time. Writers wait here, in Swift, rather than in SQLite's busy handler,
    /// which would block one of the few threads that every connection's queries run on.
    private let writerLock = AsyncLock()
    /// Writes of measures and frameworks through this engine (see ``Store/catalogueWrites``).
    let catalogueWrites = WriteCounter()
    /// Measures and frameworks decoded from their stored JSON, reused while the stored text is the same.
    let decodedMeasures = DecodedRecords<Measure>(table: "measures")
    let decodedFrameworks = DecodedRecords<Framework>(table: "frameworks")

    init(kind: EngineKind, pool: ConnectionPool) {
        self.kind = kind
        self.pool = pool
    }

    /// Runs `body` on one connection outside a transaction.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.acquire()
        do {
            let result = try await body(connection.database)
            await pool.release(connection)
            return result
        } catch {
            await pool.release(connection)
            throw error
        }
    }

    /// Runs `body` inside a transaction on one connection: it commits when `body` returns and rolls back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard kind == .sqlite else { return try await transactionOnConnection(body) }
        await writerLock.lock()
        do {
            let result = try await transactionOnConnection(body)
            await writerLock.unlock()
            return result
        } catch {
            await writerLock.unlock()
            throw error
        }
    }

    private func transactionOnConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.acquire()
        let database = connection.database
        do {
            // IMMEDIATE takes SQLite's write lock up front, so two writers wait on busy_timeout
            // instead of failing with SQLITE_BUSY when a read lock would have to be upgraded.
            try await database.raw(kind == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
        } catch {
            await pool.discard(connection)
            throw error
        }
        do {
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            await pool.release(connection)
            return result
        } catch {
            do {
                try await database.raw("ROLLBACK").run()
                await pool.release(connection)
            } catch {
                await pool.discard(connection)
            }
            throw error
        }
    }

    func shutdown() async throws {
        try await pool.shutdown()
    }
}

/// A mutual-exclusion lock for async code: callers queue in order and resume one at a time.
actor AsyncLock {
    private var isLocked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func lock() async {
        if !isLocked {
            isLocked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty {
            isLocked = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}

/// A counter that many tasks bump and read without waiting on each other.
final class WriteCounter: @unchecked Sendable {
    // Guarded by `lock`; a lock rather than an actor so reading it never suspends.
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}

/// Records decoded from a `data` column, kept with the text they were decoded from: a row whose text is the same
/// as last time gives the same value without decoding JSON again (pages show the same measures and frameworks
/// over and over). Bounded: when full it starts over.
final class DecodedRecords<Value: Decodable & Sendable>: @unchecked Sendable {
    /// Records kept before the cache starts over.
    static var capacity: Int { 50_000 }
    private let table: String
    // Guarded by `lock`.
    private let lock = NSLock()
    private var entries: [String: (data: String, value: Value)] = [:]

    init(table: String) {
        self.table = table
    }

    /// The record stored as `data` under `key`, decoded once per distinct text.
    func value(key: String, data: String) throws -> Value {
        if let cached = lock.withLock({ entries[key] }), cached.data == data { return cached.value }
        let value = try RecordCoding.decode(Value.self, from: data, table: table, key: key)
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (data, value)
        }
        return value
    }
}
