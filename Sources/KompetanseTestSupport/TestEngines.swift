import Foundation
import KompetanseDomain
import KompetanseServices
import KompetanseStore

/// The database engines a contract test runs on: SQLite always, PostgreSQL when
/// `KOMPETANSEBRO_TEST_POSTGRES_URL` is set (as `make test` does).
public enum TestEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    /// The PostgreSQL URL for tests, when configured.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["KOMPETANSEBRO_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The engines available in this run.
    public static var available: [TestEngine] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var description: String { rawValue }

    /// A fresh, migrated, empty store: in-memory SQLite, or a new PostgreSQL schema of its own.
    public func makeStore(clock: any Clock = FixedClock()) async throws -> any Store {
        switch self {
        case .sqlite:
            return try await StoreBootstrap.open(.sqliteMemory, now: { clock.timestamp() })
        case .postgres:
            guard let url = Self.postgresURL else { throw StoreError.configuration("KOMPETANSEBRO_TEST_POSTGRES_URL mangler") }
            let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            return try await StoreBootstrap.open(.postgres(url: url, schema: schema), now: { clock.timestamp() })
        }
    }

    /// Runs `body` with a fresh store and closes it afterwards, even when `body` throws.
    public func withStore<T: Sendable>(_ body: (any Store) async throws -> T) async throws -> T {
        let store = try await makeStore()
        do {
            let result = try await body(store)
            try await store.shutdown()
            return result
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    /// Two stores on one new database, as two server processes open it (a SQLite folder, or one PostgreSQL schema);
    /// both are closed afterwards, even when `body` throws.
    public func withTwoProcesses<T: Sendable>(
        clock: any Clock = FixedClock(), _ body: (any Store, any Store) async throws -> T
    ) async throws -> T {
        let location: StoreLocation
        var folder: String?
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)").path
            folder = path
            location = .sqliteFolder(path)
        case .postgres:
            guard let url = Self.postgresURL else { throw StoreError.configuration("KOMPETANSEBRO_TEST_POSTGRES_URL mangler") }
            location = .postgres(url: url, schema: "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())
        }
        defer { if let folder { try? FileManager.default.removeItem(atPath: folder) } }
        let first = try await StoreBootstrap.open(location, now: { clock.timestamp() })
        let second: any Store
        do {
            second = try await StoreBootstrap.open(location, now: { clock.timestamp() })
        } catch {
            try? await first.shutdown()
            throw error
        }
        do {
            let result = try await body(first, second)
            try await second.shutdown()
            try await first.shutdown()
            return result
        } catch {
            try? await second.shutdown()
            try? await first.shutdown()
            throw error
        }
    }

    /// Runs `body` with services over a fresh store (shipped frameworks loaded) and closes them afterwards.
    public func withServices<T: Sendable>(
        configuration: AppConfiguration = .forTests, clock: any Clock = FixedClock(),
        _ body: (AppServices) async throws -> T
    ) async throws -> T {
        try await withStore { store in
            let services = AppServices(configuration: configuration, store: store, clock: clock)
            try await services.interchange.seedShippedFrameworks()
            try await services.assessments.seedShippedInstruments()
            return try await body(services)
        }
    }
}

extension AppConfiguration {
    /// Defaults with bcrypt at its cheapest cost, so tests that sign in stay fast.
    public static var forTests: AppConfiguration { AppConfiguration(bcryptCost: 4) }
}

/// A clock that always says 29 November 2026, 12:00 UTC.
public struct FixedClock: Clock {
    /// The fixed instant.
    public let date: Date

    /// Creates the clock.
    public init(date: Date = Date(timeIntervalSince1970: 1_796_040_000)) {
        self.date = date
    }

    public func now() -> Date { date }
}

extension Measure {
    /// A small valid measure for tests.
    public static func mock(
        _ identifier: String, name: String? = nil, provider: String = "Forvaltningsakademiet",
        description: String = "Et kurs om digital transformasjon for ledere i offentlig sektor.",
        type: ResourceType? = .course, price: Double? = nil, audience: String? = nil, languages: LanguageList? = nil,
        teaches: [TaughtTerm] = []
    ) -> Measure {
        Measure(
            identifier: identifier, name: name ?? "Tiltak \(identifier)", description: description,
            provider: ProviderReference(name: provider, url: "https://\(Slug.make(provider)).example"),
            inLanguage: languages, resourceType: type, audience: audience, price: price.map { Price(amount: $0) },
            teaches: teaches, keywords: .list(["test"]), extra: ["@context": .string("https://schema.org")])
    }
}

/// Files in the test targets' fixture folders and the shared evaluation set.
public enum Fixtures {
    /// The package root, found from this source file's location.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The shared development evaluation catalogue, when the checkout has `../shared` beside it.
    public static var evalCatalogue: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/catalogue.json")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
