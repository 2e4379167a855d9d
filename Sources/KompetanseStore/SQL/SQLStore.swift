import Foundation
import KompetanseDomain
import SQLKit

/// The one SQL implementation of ``Store``, used for both SQLite and PostgreSQL.
final class SQLStore: Store {
    let engine: SQLEngine
    let frameworks: any FrameworkStore
    let measures: any MeasureStore
    let settings: any SettingsStore
    let embeddings: any EmbeddingStore
    let documents: any DocumentStore
    let feedback: any FeedbackStore
    let accounts: any AccountStore
    let audit: any AuditStore
    let assessments: any AssessmentStore

    init(engine: SQLEngine) {
        self.engine = engine
        self.frameworks = SQLFrameworkStore(engine: engine)
        self.measures = SQLMeasureStore(engine: engine)
        self.settings = SQLSettingsStore(engine: engine)
        self.embeddings = SQLEmbeddingStore(engine: engine)
        self.documents = SQLDocumentStore(engine: engine)
        self.feedback = SQLFeedbackStore(engine: engine)
        self.accounts = SQLAccountStore(engine: engine)
        self.audit = SQLAuditStore(engine: engine)
        self.assessments = SQLAssessmentStore(engine: engine)
    }

    var engineName: String { engine.kind == .sqlite ? "SQLite" : "PostgreSQL" }

    var catalogueWrites: Int { engine.catalogueWrites.value }

    func backup(to path: String) async throws {
        guard engine.kind == .sqlite else {
            throw StoreError.configuration("sikkerhetskopi av PostgreSQL tas med pg_dump: pg_dump \"$KOMPETANSEBRO_DATABASE_URL\" > fil.sql")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.configuration("\(path) finnes allerede; velg et nytt filnavn")
        }
        try await engine.read { database in
            try await database.raw("VACUUM INTO \(bind: path)").run()
        }
    }

    func shutdown() async throws {
        try await engine.shutdown()
    }
}

/// JSON coding of domain values into `data` columns.
enum RecordCoding {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, table: String, key: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRecord(table: table, key: key, reason: String(describing: error))
        }
    }
}

struct SQLSettingsStore: SettingsStore {
    let engine: SQLEngine

    func value(for key: String) async throws -> String? {
        try await engine.read { database in
            try await database.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?
                .decode(column: "value", as: String.self)
        }
    }

    func setValue(_ value: String, for key: String) async throws {
        try await engine.transaction { database in
            try await database.raw("DELETE FROM settings WHERE key = \(bind: key)").run()
            try await database.raw("INSERT INTO settings (key, value) VALUES (\(bind: key), \(bind: value))").run()
        }
    }
}

struct SQLFrameworkStore: FrameworkStore {
    let engine: SQLEngine

    func save(_ frameworks: [Framework]) async throws {
        let rows: [FrameworkRow] = try frameworks.map { framework in
            FrameworkRow(
                framework: framework, data: try RecordCoding.encode(framework),
                summary: try RecordCoding.encode(FrameworkSummary(framework)))
        }
        defer { engine.catalogueWrites.increment() }
        try await engine.transaction { database in try await Self.write(rows, in: database) }
    }

    private struct FrameworkRow: Sendable {
        let framework: Framework
        let data: String
        let summary: String
    }

    private static func write(_ rows: [FrameworkRow], in database: any SQLDatabase) async throws {
            for row in rows {
                let framework = row.framework
                // Nodes are deleted explicitly: SQLite only cascades with PRAGMA foreign_keys on.
                try await database.raw("DELETE FROM framework_nodes WHERE framework_code = \(bind: framework.code)")
                    .run()
                try await database.raw("DELETE FROM frameworks WHERE code = \(bind: framework.code)").run()
                try await database.raw(
                    """
                    INSERT INTO frameworks (code, identifier, title, summary, data)
                    VALUES (\(bind: framework.code), \(bind: framework.identifier), \(bind: framework.title),
                            \(bind: row.summary), \(bind: row.data))
                    """
                ).run()
                for chunk in framework.nodes.chunked(into: 200) {
                    let values: [[any Encodable & Sendable]] = chunk.map { node in
                        [node.code, framework.code, node.identifier, node.label]
                    }
                    try await database.insertRows(
                        into: "framework_nodes", columns: ["code", "framework_code", "identifier", "label"],
                        values: values)
                }
            }
    }

    func summaries() async throws -> [FrameworkSummary] {
        try await engine.read { database in
            try await database.raw("SELECT code, summary FROM frameworks ORDER BY code").all().map { row in
                let code = try row.decode(column: "code", as: String.self)
                return try RecordCoding.decode(
                    FrameworkSummary.self, from: row.decode(column: "summary", as: String.self), table: "frameworks",
                    key: code)
            }
        }
    }

    func framework(code: String) async throws -> Framework? {
        try await engine.read { database in
            guard let row = try await database.raw("SELECT data FROM frameworks WHERE code = \(bind: code)").first()
            else { return nil }
            return try engine.decodedFrameworks.value(key: code, data: row.decode(column: "data", as: String.self))
        }
    }

    func all() async throws -> [Framework] {
        try await engine.read { database in
            try await database.raw("SELECT code, data FROM frameworks ORDER BY code").all().map { row in
                try engine.decodedFrameworks.value(
                    key: row.decode(column: "code", as: String.self), data: row.decode(column: "data", as: String.self))
            }
        }
    }

    func frameworkCode(ofNode nodeCode: String) async throws -> String? {
        try await engine.read { database in
            try await database.raw("SELECT framework_code FROM framework_nodes WHERE code = \(bind: nodeCode)").first()?
                .decode(column: "framework_code", as: String.self)
        }
    }
}

extension SQLDatabase {
    /// Inserts several rows with one multi-row INSERT statement.
    func insertRows(into table: String, columns: [String], values: [[any Encodable & Sendable]]) async throws {
        guard !values.isEmpty else { return }
        var builder = insert(into: table).columns(columns)
        for row in values { builder = builder.values(row) }
        try await builder.run()
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

struct SQLEmbeddingStore: EmbeddingStore {
    let engine: SQLEngine

    func vectors(for hashes: [String], model: String) async throws -> [String: [Float]] {
        try await engine.read { database in
            var found: [String: [Float]] = [:]
            for chunk in hashes.chunked(into: 500) {
                let binds = chunk.map { $0 as any Encodable & Sendable }
                let rows = try await database.raw(
                    "SELECT content_hash, vector FROM embeddings WHERE model = \(bind: model) AND content_hash IN (\(binds: binds))"
                ).all()
                for row in rows {
                    let hash = try row.decode(column: "content_hash", as: String.self)
                    if let vector = VectorCoding.decode(try row.decode(column: "vector", as: String.self)) { found[hash] = vector }
                }
            }
            return found
        }
    }

    func save(_ vectors: [String: [Float]], model: String) async throws {
        let rows: [[any Encodable & Sendable]] = vectors.map { [$0.key, model, VectorCoding.encode($0.value)] }
        try await engine.transaction { database in
            for chunk in rows.chunked(into: 200) {
                let hashes = chunk.map { $0[0] }
                try await database.raw(
                    "DELETE FROM embeddings WHERE model = \(bind: model) AND content_hash IN (\(binds: hashes))"
                ).run()
                try await database.insertRows(into: "embeddings", columns: ["content_hash", "model", "vector"], values: Array(chunk))
            }
        }
    }
}

/// Vectors as base64 of little-endian float32, a TEXT value both engines store alike.
enum VectorCoding {
    static func encode(_ vector: [Float]) -> String {
        var data = Data(capacity: vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data.base64EncodedString()
    }

    static func decode(_ text: String) -> [Float]? {
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else { return nil }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count, by: 4).map { offset in
            let bits = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            return Float(bitPattern: bits)
        }
    }
}

struct SQLDocumentStore: DocumentStore {
    let engine: SQLEngine

    func upsert(_ document: KnowledgeDocument, pages: [IndexedPage]) async throws {
        let data = try RecordCoding.encode(document)
        try await engine.transaction { database in
            try await PassageIndexTables(kind: engine.kind).remove(document: document.identifier, in: database)
            try await database.raw("DELETE FROM documents WHERE identifier = \(bind: document.identifier)").run()
            try await database.raw(
                """
                INSERT INTO documents (identifier, access, year, document_type, publisher, title, page_count, url, data)
                VALUES (\(bind: document.identifier), \(bind: document.access), \(bind: document.year),
                        \(bind: document.documentType), \(bind: document.publisher), \(bind: document.title),
                        \(bind: document.pages.count), \(bind: document.url), \(bind: data))
                """
            ).run()
            try await PassageIndexTables(kind: engine.kind).add(document: document, pages: pages, in: database)
            try await database.raw("DELETE FROM settings WHERE key = 'documents.revision'").run()
            try await database.raw(
                "INSERT INTO settings (key, value) VALUES ('documents.revision', \(bind: UUID().uuidString))"
            ).run()
        }
    }

    func document(identifier: String, readableBy groups: Set<String>) async throws -> KnowledgeDocument? {
        let allowed = Self.readable(by: groups)
        return try await engine.read { database in
            try await database.raw(
                "SELECT identifier, data FROM documents WHERE identifier = \(bind: identifier) AND access IN (\(binds: allowed))"
            ).first().map { row in
                try RecordCoding.decode(KnowledgeDocument.self, from: row.decode(column: "data", as: String.self), table: "documents", key: identifier)
            }
        }
    }

    func summaries(readableBy groups: Set<String>) async throws -> [KnowledgeDocumentSummary] {
        let allowed = Self.readable(by: groups)
        return try await engine.read { database in
            try await database.raw(
                "SELECT \(unsafeRaw: Self.summaryColumns) FROM documents WHERE access IN (\(binds: allowed)) ORDER BY identifier"
            ).all().map(Self.summary)
        }
    }

    func unindexedDocuments(limit: Int) async throws -> [KnowledgeDocument] {
        try await engine.read { database in
            try await database.raw(
                """
                SELECT identifier, data FROM documents d
                WHERE NOT EXISTS (SELECT 1 FROM document_pages p WHERE p.document_identifier = d.identifier)
                ORDER BY identifier LIMIT \(bind: limit)
                """
            ).all().map { row in
                try RecordCoding.decode(
                    KnowledgeDocument.self, from: row.decode(column: "data", as: String.self), table: "documents",
                    key: row.decode(column: "identifier", as: String.self))
            }
        }
    }

    func passageStatistics(terms: Set<String>, readableBy groups: Set<String>) async throws -> PassageStatistics {
        let allowed = Self.readable(by: groups)
        return try await engine.read { database in
            let pages = try await database.raw(
                "SELECT COALESCE(SUM(pages), 0) AS n FROM passage_scopes WHERE access IN (\(binds: allowed))"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
            var counts: [String: Int] = [:]
            for chunk in terms.sorted().chunked(into: 500) {
                let wanted = chunk.map { $0 as any Encodable & Sendable }
                for row in try await database.raw(
                    """
                    SELECT term, SUM(pages) AS n FROM passage_terms
                    WHERE access IN (\(binds: allowed)) AND term IN (\(binds: wanted)) GROUP BY term
                    """
                ).all() {
                    let count = try row.decode(column: "n", as: Int.self)
                    if count > 0 { counts[try row.decode(column: "term", as: String.self)] = count }
                }
            }
            return PassageStatistics(pages: pages, pagesWithTerm: counts)
        }
    }

    func retrievePages(terms: [String], readableBy groups: Set<String>, limitPerScope: Int) async throws -> [RetrievedPage] {
        guard !terms.isEmpty else { return [] }
        let allowed = Self.readable(by: groups)
        let tables = PassageIndexTables(kind: engine.kind)
        return try await engine.read { database in
            var identifiers: [Int] = []
            for row in try await database.raw(
                "SELECT number FROM passage_scopes WHERE access IN (\(binds: allowed)) ORDER BY number"
            ).all() {
                identifiers += try await tables.search(
                    scope: try row.decode(column: "number", as: Int.self), terms: terms, limit: limitPerScope, in: database)
            }
            var pages: [RetrievedPage] = []
            for chunk in Array(Set(identifiers)).sorted().chunked(into: 500) {
                let wanted = chunk.map { $0 as any Encodable & Sendable }
                // The scope's table held only readable pages; the access test here is a second lock on the same door.
                for row in try await database.raw(
                    """
                    SELECT p.page, p.text, p.spans, d.identifier, d.title, d.document_type, d.publisher, d.year, d.access,
                        d.page_count, d.url
                    FROM document_pages p JOIN documents d ON d.identifier = p.document_identifier
                    WHERE p.id IN (\(binds: wanted)) AND d.access IN (\(binds: allowed))
                    """
                ).all() {
                    let number = try row.decode(column: "page", as: Int.self)
                    let count = try row.decode(column: "page_count", as: Int.self)
                    guard number >= 1, number <= count,
                        let spans = IndexedPage.decodeSpans(try row.decode(column: "spans", as: String.self))
                    else { continue }
                    var text = Array(repeating: "", count: count)
                    text[number - 1] = try row.decode(column: "text", as: String.self)
                    pages.append(
                        RetrievedPage(document: KnowledgeDocument(try Self.summary(row), pages: text), number: number, spans: spans))
                }
            }
            return pages
        }
    }

    func listing(readableBy groups: Set<String>, filter: DocumentFilter, limit: Int, offset: Int) async throws -> DocumentListing {
        let allowed = Self.readable(by: groups)
        return try await engine.read { database in
            var conditions: [SQLQueryString] = ["access IN (\(binds: allowed))"]
            if let type = filter.documentType { conditions.append("document_type = \(bind: type)") }
            if let publisher = filter.publisher { conditions.append("publisher = \(bind: publisher)") }
            if let year = filter.year { conditions.append("year = \(bind: year)") }
            let clause = conditions.joined(separator: " AND ")
            let total = try await database.raw("SELECT COUNT(*) AS n FROM documents WHERE \(clause)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let items = try await database.raw(
                """
                SELECT \(unsafeRaw: Self.summaryColumns) FROM documents
                WHERE \(clause) ORDER BY year DESC, title DESC, identifier LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all().map(Self.summary)
            // The filter choices come from every readable document, so a choice never leads to an empty list.
            func distinct(_ column: String) async throws -> [any SQLRow] {
                try await database.raw(
                    "SELECT DISTINCT \(ident: column) AS v FROM documents WHERE access IN (\(binds: allowed)) ORDER BY v"
                ).all()
            }
            return DocumentListing(
                items: items, total: total, types: try await distinct("document_type").map { try $0.decode(column: "v", as: String.self) },
                publishers: try await distinct("publisher").map { try $0.decode(column: "v", as: String.self) },
                years: try await distinct("year").map { try $0.decode(column: "v", as: Int.self) }.sorted(by: >))
        }
    }

    func summaries(identifiers: [String], readableBy groups: Set<String>) async throws -> [KnowledgeDocumentSummary] {
        guard !identifiers.isEmpty else { return [] }
        let allowed = Self.readable(by: groups)
        let wanted = identifiers.map { $0 as any Encodable & Sendable }
        return try await engine.read { database in
            try await database.raw(
                """
                SELECT \(unsafeRaw: Self.summaryColumns) FROM documents
                WHERE access IN (\(binds: allowed)) AND identifier IN (\(binds: wanted)) ORDER BY identifier
                """
            ).all().map(Self.summary)
        }
    }

    /// The access values readable with `groups` (public always), as bindings for an `IN (…)` filter.
    static func readable(by groups: Set<String>) -> [any Encodable & Sendable] {
        (["public"] + groups.sorted()).map { $0 as any Encodable & Sendable }
    }

    static let summaryColumns = "identifier, title, document_type, publisher, year, access, page_count, url"

    static func summary(_ row: any SQLRow) throws -> KnowledgeDocumentSummary {
        KnowledgeDocumentSummary(
            identifier: try row.decode(column: "identifier", as: String.self), title: try row.decode(column: "title", as: String.self),
            documentType: try row.decode(column: "document_type", as: String.self),
            publisher: try row.decode(column: "publisher", as: String.self), year: try row.decode(column: "year", as: Int.self),
            access: try row.decode(column: "access", as: String.self), pageCount: try row.decode(column: "page_count", as: Int.self),
            url: try row.decode(column: "url", as: String?.self))
    }

    func revision() async throws -> String {
        try await engine.read { database in
            try await database.raw("SELECT value FROM settings WHERE key = 'documents.revision'").first()?
                .decode(column: "value", as: String.self) ?? "empty"
        }
    }
}

struct SQLFeedbackStore: FeedbackStore {
    let engine: SQLEngine

    func add(_ feedback: Feedback) async throws {
        let data = try RecordCoding.encode(feedback)
        try await engine.transaction { database in
            try await database.raw(
                """
                INSERT INTO feedback (identifier, target, created_at, data)
                VALUES (\(bind: UUID().uuidString), \(bind: feedback.target.rawValue), \(bind: feedback.createdAt), \(bind: data))
                """
            ).run()
        }
    }

    func all() async throws -> [Feedback] {
        try await engine.read { database in
            try await database.raw("SELECT identifier, data FROM feedback ORDER BY created_at DESC, identifier").all().map { row in
                try RecordCoding.decode(
                    Feedback.self, from: row.decode(column: "data", as: String.self), table: "feedback",
                    key: row.decode(column: "identifier", as: String.self))
            }
        }
    }
}
