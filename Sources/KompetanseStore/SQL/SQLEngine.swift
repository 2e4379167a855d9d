import SQLKit

/// The database engines the store runs on.
public enum EngineKind: String, Sendable {
    case sqlite
    case postgres
}

/// Runs SQL on pooled connections of one engine, with transactions on a single connection.
final class SQLEngine: Sendable {
    let kind: EngineKind
    private let pool: ConnectionPool

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
