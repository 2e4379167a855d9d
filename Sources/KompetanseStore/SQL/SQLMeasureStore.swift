import Foundation
import KompetanseDomain
import SQLKit

struct SQLMeasureStore: MeasureStore {
    let engine: SQLEngine

    /// Rows per multi-row INSERT; keeps every statement well under SQLite's limit of bound parameters.
    private static let insertBatchSize = 100

    func upsert(_ measures: [Measure]) async throws {
        let rows: [MeasureRow] = try measures.map { MeasureRow(measure: $0, data: try RecordCoding.encode($0)) }
        defer { engine.catalogueWrites.increment() }
        try await engine.transaction { database in try await Self.write(rows, in: database) }
    }

    private struct MeasureRow: Sendable {
        let measure: Measure
        let data: String
    }

    private static func write(_ rows: [MeasureRow], in database: any SQLDatabase) async throws {
            for chunk in rows.chunked(into: Self.insertBatchSize) {
                let identifiers = chunk.map { $0.measure.identifier as any Encodable & Sendable }
                try await Self.deleteRows(identifiers: identifiers, in: database)
                let measureRows: [[any Encodable & Sendable]] = chunk.map { row in
                    let measure = row.measure
                    let values: [any Encodable & Sendable] = [
                        measure.identifier, measure.name, measure.provider.identifier,
                        NorwegianCollation.key(measure.name), measure.searchText, measure.isDemo ? 1 : 0,
                        measure.provenance?.source, measure.provenance?.importedAt, measure.provenance?.importedBy,
                        row.data,
                    ]
                    return values
                }
                try await database.insertRows(
                    into: "measures",
                    columns: [
                        "identifier", "name", "provider_identifier", "sort_key", "search_text", "is_demo", "source",
                        "imported_at", "imported_by", "data",
                    ],
                    values: measureRows)
                let facetRows: [[any Encodable & Sendable]] = chunk.flatMap { row in
                    row.measure.facetValues.map { [row.measure.identifier, $0.facet.rawValue, $0.value] }
                }
                for facetChunk in facetRows.chunked(into: Self.insertBatchSize * 3) {
                    try await database.insertRows(
                        into: "measure_facets", columns: ["measure_identifier", "facet", "value"],
                        values: Array(facetChunk))
                }
                let termRows: [[any Encodable & Sendable]] = chunk.flatMap { row in
                    row.measure.teaches.enumerated().map { position, term -> [any Encodable & Sendable] in
                        [row.measure.identifier, position, term.code, term.name, term.origin.rawValue]
                    }
                }
                for termChunk in termRows.chunked(into: Self.insertBatchSize * 2) {
                    try await database.insertRows(
                        into: "measure_terms",
                        columns: ["measure_identifier", "position", "term_code", "term_name", "origin"],
                        values: Array(termChunk))
                }
            }
            try await Self.refreshProviders(in: database, touched: rows.map(\.measure))
            try await Self.bumpRevision(in: database)
    }

    static let revisionKey = "catalogue.revision"

    /// Marks the catalogue as changed, so derived data (search indexes) in any process knows to rebuild.
    private static func bumpRevision(in database: any SQLDatabase) async throws {
        try await database.raw("DELETE FROM settings WHERE key = \(bind: revisionKey)").run()
        try await database.raw(
            "INSERT INTO settings (key, value) VALUES (\(bind: revisionKey), \(bind: UUID().uuidString))"
        ).run()
    }

    func revision() async throws -> String {
        try await engine.read { database in
            try await database.raw("SELECT value FROM settings WHERE key = \(bind: Self.revisionKey)").first()?
                .decode(column: "value", as: String.self) ?? "empty"
        }
    }

    private static func deleteRows(identifiers: [any Encodable & Sendable], in database: any SQLDatabase) async throws {
        for table in ["measure_facets", "measure_terms"] {
            try await database.raw("DELETE FROM \(ident: table) WHERE measure_identifier IN (\(binds: identifiers))").run()
        }
        try await database.raw("DELETE FROM measures WHERE identifier IN (\(binds: identifiers))").run()
    }

    /// Keeps the providers table equal to the providers that have measures.
    private static func refreshProviders(in database: any SQLDatabase, touched: [Measure]) async throws {
        var latest: [String: ProviderReference] = [:]
        for measure in touched { latest[measure.provider.identifier] = measure.provider }
        for (identifier, provider) in latest {
            try await database.raw("DELETE FROM providers WHERE identifier = \(bind: identifier)").run()
            try await database.raw(
                """
                INSERT INTO providers (identifier, name, url, sort_key)
                VALUES (\(bind: identifier), \(bind: provider.name), \(bind: provider.url),
                        \(bind: NorwegianCollation.key(provider.name)))
                """
            ).run()
        }
        try await database.raw(
            "DELETE FROM providers WHERE identifier NOT IN (SELECT provider_identifier FROM measures)"
        ).run()
    }

    func delete(identifiers: [String]) async throws -> Int {
        guard !identifiers.isEmpty else { return 0 }
        defer { engine.catalogueWrites.increment() }
        return try await engine.transaction { database in
            var existing = 0
            for chunk in identifiers.chunked(into: Self.insertBatchSize) {
                let binds = chunk.map { $0 as any Encodable & Sendable }
                existing += try await database.raw(
                    "SELECT count(*) AS n FROM measures WHERE identifier IN (\(binds: binds))"
                ).first()?.decode(column: "n", as: Int.self) ?? 0
                try await Self.deleteRows(identifiers: binds, in: database)
            }
            try await Self.refreshProviders(in: database, touched: [])
            try await Self.bumpRevision(in: database)
            return existing
        }
    }

    /// The WHERE clause of a catalogue query.
    static func condition(for query: CatalogueQuery) -> SQLQueryString {
        var condition: SQLQueryString = "1 = 1"
        if !query.text.isEmpty {
            let escaped = query.text.lowercased()
                .replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            for word in escaped.split(separator: " ") {
                condition += " AND search_text LIKE \(bind: "%\(word)%") ESCAPE '\\'"
            }
        }
        for facet in Facet.allCases {
            guard let values = query.filters[facet], !values.isEmpty else { continue }
            let binds = values.sorted().map { $0 as any Encodable & Sendable }
            condition +=
                " AND identifier IN (SELECT measure_identifier FROM measure_facets WHERE facet = \(bind: facet.rawValue) AND value IN (\(binds: binds)))"
        }
        return condition
    }

    func page(_ query: CatalogueQuery) async throws -> CataloguePage {
        let condition = Self.condition(for: query)
        return try await engine.read { database in
            let total =
                try await database.raw("SELECT count(*) AS n FROM measures WHERE " + condition).first()?
                .decode(column: "n", as: Int.self) ?? 0
            let rows = try await database.raw(
                "SELECT identifier, data FROM measures WHERE " + condition
                    + " ORDER BY sort_key, identifier LIMIT \(literal: query.pageSize) OFFSET \(literal: query.offset)"
            ).all()
            let measures = try rows.map { row in
                try engine.decodedMeasures.value(
                    key: row.decode(column: "identifier", as: String.self), data: row.decode(column: "data", as: String.self))
            }
            let facetRows = try await database.raw(
                "SELECT facet, value, count(*) AS n FROM measure_facets WHERE measure_identifier IN (SELECT identifier FROM measures WHERE "
                    + condition + ") GROUP BY facet, value"
            ).all()
            let facets = try facetRows.compactMap { row -> FacetCount? in
                guard let facet = Facet(rawValue: try row.decode(column: "facet", as: String.self)) else { return nil }
                return FacetCount(
                    facet: facet, value: try row.decode(column: "value", as: String.self),
                    count: try row.decode(column: "n", as: Int.self))
            }
            return CataloguePage(measures: measures, total: total, query: query, facets: facets)
        }
    }

    func measure(identifier: String) async throws -> Measure? {
        try await engine.read { database in
            guard let row = try await database.raw("SELECT data FROM measures WHERE identifier = \(bind: identifier)")
                .first()
            else { return nil }
            return try engine.decodedMeasures.value(key: identifier, data: row.decode(column: "data", as: String.self))
        }
    }

    func all() async throws -> [Measure] {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM measures ORDER BY identifier").all().map { row in
                try engine.decodedMeasures.value(
                    key: row.decode(column: "identifier", as: String.self), data: row.decode(column: "data", as: String.self))
            }
        }
    }

    func measures(teachingNode code: String) async throws -> [Measure] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT identifier, data FROM measures WHERE identifier IN
                    (SELECT measure_identifier FROM measure_terms WHERE term_code = \(bind: code))
                ORDER BY sort_key, identifier
                """
            ).all().map { row in
                try engine.decodedMeasures.value(
                    key: row.decode(column: "identifier", as: String.self), data: row.decode(column: "data", as: String.self))
            }
        }
    }

    func existingIdentifiers(among identifiers: [String]) async throws -> Set<String> {
        try await engine.read { database in
            var existing: Set<String> = []
            for chunk in identifiers.chunked(into: 500) {
                let binds = chunk.map { $0 as any Encodable & Sendable }
                for row in try await database.raw("SELECT identifier FROM measures WHERE identifier IN (\(binds: binds))")
                    .all()
                {
                    existing.insert(try row.decode(column: "identifier", as: String.self))
                }
            }
            return existing
        }
    }

    func count() async throws -> Int {
        try await engine.read { database in
            try await database.raw("SELECT count(*) AS n FROM measures").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    func providers() async throws -> [Provider] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT p.identifier, p.name, p.url, count(m.identifier) AS n FROM providers p
                JOIN measures m ON m.provider_identifier = p.identifier
                GROUP BY p.identifier, p.name, p.url, p.sort_key ORDER BY p.sort_key
                """
            ).all().map { row in
                Provider(
                    identifier: try row.decode(column: "identifier", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    url: try row.decode(column: "url", as: String?.self),
                    measureCount: try row.decode(column: "n", as: Int.self))
            }
        }
    }
}
