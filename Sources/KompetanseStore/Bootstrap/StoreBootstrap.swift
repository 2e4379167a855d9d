import Foundation
import Logging
import PostgresKit
import SQLiteKit

/// Where the store keeps its data.
public enum StoreLocation: Sendable, Equatable {
    /// An SQLite database file `kompetansebro.sqlite` inside the folder (created when missing).
    case sqliteFolder(String)
    /// A private in-memory SQLite database (tests).
    case sqliteMemory
    /// A PostgreSQL database by URL, optionally inside its own schema (created when missing).
    case postgres(url: String, schema: String?)
}

/// Opens stores and brings their schema up to date.
public enum StoreBootstrap {
    /// File name of the embedded database inside the data folder.
    public static let sqliteFileName = "kompetansebro.sqlite"

    /// Opens the store at a location and runs pending migrations.
    /// - Parameters:
    ///   - location: where the data lives.
    ///   - now: the current time as an ISO 8601 string, recorded with each migration.
    public static func open(
        _ location: StoreLocation, logger: Logger = Logger(label: "kompetansebro.store"),
        now: @escaping @Sendable () -> String
    ) async throws -> any Store {
        let engine: SQLEngine
        switch location {
        case .sqliteFolder(let folder):
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.configuration("kan ikke opprette datamappen \(folder): \(error.localizedDescription)")
            }
            let path = (folder as NSString).appendingPathComponent(sqliteFileName)
            engine = SQLEngine(kind: .sqlite, pool: sqlitePool(storage: .file(path: path), count: 4, logger: logger))
        case .sqliteMemory:
            // Each in-memory connection is its own database, so a memory store has exactly one connection.
            engine = SQLEngine(kind: .sqlite, pool: sqlitePool(storage: .memory, count: 1, logger: logger))
        case .postgres(let url, let schema):
            let configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: url)
            } catch {
                throw StoreError.configuration("ugyldig KOMPETANSEBRO_DATABASE_URL: \(error)")
            }
            engine = SQLEngine(
                kind: .postgres,
                pool: postgresPool(configuration: configuration.coreConfiguration, schema: schema, logger: logger))
        }
        do {
            _ = try await Migrations.run(on: engine, now: now)
        } catch {
            try? await engine.shutdown()
            throw error
        }
        return SQLStore(engine: engine)
    }

    /// Replaces the embedded database in a data folder with a backup, after checking that the backup is a
    /// Kompetansebro database. Nothing may use the folder meanwhile (stop `serve` first).
    public static func restoreSQLite(from backup: String, into folder: String, logger: Logger = Logger(label: "kompetansebro.store")) async throws {
        guard FileManager.default.fileExists(atPath: backup) else { throw StoreError.configuration("\(backup) finnes ikke") }
        let check = try await SQLiteConnection.open(storage: .file(path: backup), logger: logger)
        do {
            let rows = try await check.sql().raw("SELECT count(*) AS n FROM schema_migrations").all()
            try await check.close()
            guard (try rows.first?.decode(column: "n", as: Int.self) ?? 0) > 0 else {
                throw StoreError.configuration("\(backup) er ikke en sikkerhetskopi av Kompetansebro")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            try? await check.close()
            throw StoreError.configuration("\(backup) er ikke en sikkerhetskopi av Kompetansebro (\(error))")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = (folder as NSString).appendingPathComponent(sqliteFileName)
        let staging = target + ".restore"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.copyItem(atPath: backup, toPath: staging)
        // The write-ahead log of the old database must not be replayed onto the restored one.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        // rename(2) replaces the old file in one step, so the folder never holds half a database.
        guard rename(staging, target) == 0 else {
            throw StoreError.configuration("kunne ikke erstatte \(target) (feil \(errno))")
        }
    }

    private static func sqlitePool(storage: SQLiteConnection.Storage, count: Int, logger: Logger) -> ConnectionPool {
        ConnectionPool(maximumCount: count) {
            let connection = try await SQLiteConnection.open(storage: storage, logger: logger)
            let database = connection.sql(queryLogLevel: nil)
            do {
                // busy_timeout comes first: switching to WAL needs a lock that another connection may briefly hold.
                for pragma in ["PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON"] {
                    try await database.raw(SQLQueryString(pragma)).run()
                }
            } catch {
                try? await connection.close()
                throw error
            }
            return PooledConnection(database: database, close: { try await connection.close() })
        }
    }

    private static func postgresPool(
        configuration: PostgresConnection.Configuration, schema: String?, logger: Logger
    ) -> ConnectionPool {
        let counter = ConnectionCounter()
        return ConnectionPool(maximumCount: 8) {
            let connection = try await PostgresConnection.connect(
                configuration: configuration, id: await counter.next(), logger: logger)
            let database = connection.sql(queryLogLevel: nil)
            if let schema {
                do {
                    try await database.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
                    try await database.raw("SET search_path TO \(ident: schema)").run()
                } catch {
                    try? await connection.close()
                    throw error
                }
            }
            return PooledConnection(database: database, close: { try await connection.close() })
        }
    }
}

private actor ConnectionCounter {
    private var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
