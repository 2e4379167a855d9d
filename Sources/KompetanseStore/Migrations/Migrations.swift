import Foundation
import SQLKit

/// One numbered step of the schema. Each statement must be valid on both SQLite and PostgreSQL.
struct Migration: Sendable {
    let version: Int
    let name: String
    let statements: [String]
    /// Statements PostgreSQL runs instead, where the engines spell a step differently (reading JSON).
    var postgres: [String]? = nil
}

/// The ordered list of schema steps; `schema_migrations` records which have run.
enum Migrations {
    static let all: [Migration] = [
        createFrameworks,
        createCatalogue,
        createSettings,
        createEmbeddings,
        createDocuments,
        createFeedback,
        createAccounts,
        createAssessments,
        createLoginFailures,
        listDocuments,
        createPassageIndex,
    ]

    // 0011: the passage index lives in the store. Each page's passages and analysed terms are written with its
    // document; term counts are kept per access scope, and each scope has its own full-text table (created when the
    // scope's first document arrives), so an outsider's retrieval never reads or counts a restricted page.
    static let createPassageIndex = Migration(
        version: 11, name: "CreatePassageIndex",
        statements: [
            """
            CREATE TABLE document_pages (
                id \(serialPrimaryKey), document_identifier TEXT NOT NULL, page INTEGER NOT NULL, access TEXT NOT NULL,
                text TEXT NOT NULL, spans TEXT NOT NULL, terms TEXT NOT NULL, UNIQUE (document_identifier, page))
            """,
            "CREATE TABLE passage_scopes (access TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, pages INTEGER NOT NULL)",
            """
            CREATE TABLE passage_terms (
                access TEXT NOT NULL, term TEXT NOT NULL, pages INTEGER NOT NULL, PRIMARY KEY (access, term))
            """,
        ])

    // 0010: the document list reads its columns, never the pages, so it pages through many thousands of documents.
    static let listDocumentsColumns = [
        "ALTER TABLE documents ADD COLUMN publisher TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE documents ADD COLUMN title TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE documents ADD COLUMN page_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE documents ADD COLUMN url TEXT",
        "CREATE INDEX documents_listing ON documents (access, year, document_type)",
    ]
    static let listDocuments = Migration(
        version: 10, name: "ListDocuments",
        statements: listDocumentsColumns + [
            """
            UPDATE documents SET publisher = COALESCE(json_extract(data, '$.publisher'), ''),
                title = COALESCE(json_extract(data, '$.title'), ''), page_count = COALESCE(json_array_length(data, '$.pages'), 0),
                url = json_extract(data, '$.url')
            """
        ],
        postgres: listDocumentsColumns + [
            """
            UPDATE documents SET publisher = COALESCE(data::json->>'publisher', ''), title = COALESCE(data::json->>'title', ''),
                page_count = COALESCE(json_array_length(data::json->'pages'), 0), url = data::json->>'url'
            """
        ])

    // 0009
    static let createLoginFailures = Migration(
        version: 9, name: "CreateLoginFailures",
        statements: [
            """
            CREATE TABLE login_failures (
                id \(serialPrimaryKey), throttle_key TEXT NOT NULL, failed_at DOUBLE PRECISION NOT NULL)
            """,
            "CREATE INDEX login_failures_key ON login_failures (throttle_key, failed_at)",
        ])

    // 0008
    static let createAssessments = Migration(
        version: 8, name: "CreateAssessments",
        statements: [
            """
            CREATE TABLE instruments (
                identifier TEXT NOT NULL, version TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (identifier, version))
            """,
            """
            CREATE TABLE assessment_rounds (
                identifier TEXT PRIMARY KEY, organisation_identifier TEXT NOT NULL, group_identifier TEXT NOT NULL,
                opened_at TEXT NOT NULL, data TEXT NOT NULL)
            """,
            "CREATE INDEX assessment_rounds_organisation ON assessment_rounds (organisation_identifier)",
            """
            CREATE TABLE round_participants (
                identifier TEXT PRIMARY KEY, round_identifier TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE,
                added_at TEXT NOT NULL, data TEXT NOT NULL)
            """,
            "CREATE INDEX round_participants_round ON round_participants (round_identifier)",
            "CREATE TABLE plans (round_identifier TEXT PRIMARY KEY, data TEXT NOT NULL)",
        ])

    /// Written in a statement where an auto-numbered primary key is wanted; each engine spells it its own way.
    static let serialPrimaryKey = "{{SERIAL_PRIMARY_KEY}}"

    // 0007
    static let createAccounts = Migration(
        version: 7, name: "CreateAccounts",
        statements: [
            """
            CREATE TABLE people (
                identifier TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT, created_at TEXT NOT NULL,
                data TEXT NOT NULL)
            """,
            """
            CREATE TABLE identities (
                issuer TEXT NOT NULL, subject TEXT NOT NULL, person_identifier TEXT NOT NULL,
                PRIMARY KEY (issuer, subject))
            """,
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY, person_identifier TEXT NOT NULL, expires_at TEXT NOT NULL, data TEXT NOT NULL)
            """,
            "CREATE INDEX sessions_person ON sessions (person_identifier)",
            """
            CREATE TABLE api_tokens (
                identifier TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, person_identifier TEXT NOT NULL,
                created_at TEXT NOT NULL, data TEXT NOT NULL)
            """,
            "CREATE INDEX api_tokens_person ON api_tokens (person_identifier)",
            "CREATE TABLE organisations (identifier TEXT PRIMARY KEY, name TEXT NOT NULL, data TEXT NOT NULL)",
            """
            CREATE TABLE organisation_groups (
                identifier TEXT PRIMARY KEY, organisation_identifier TEXT NOT NULL, name TEXT NOT NULL,
                data TEXT NOT NULL)
            """,
            "CREATE INDEX organisation_groups_organisation ON organisation_groups (organisation_identifier)",
            """
            CREATE TABLE memberships (
                organisation_identifier TEXT NOT NULL, person_identifier TEXT NOT NULL, data TEXT NOT NULL,
                PRIMARY KEY (organisation_identifier, person_identifier))
            """,
            "CREATE INDEX memberships_person ON memberships (person_identifier)",
            """
            CREATE TABLE invitations (
                identifier TEXT PRIMARY KEY, secret_hash TEXT NOT NULL UNIQUE, organisation_identifier TEXT NOT NULL,
                created_at TEXT NOT NULL, accepted_by TEXT, data TEXT NOT NULL)
            """,
            """
            CREATE TABLE audit_events (
                sequence \(serialPrimaryKey), at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                target_kind TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL)
            """,
        ])

    // 0001
    static let createFrameworks = Migration(
        version: 1, name: "CreateFrameworks",
        statements: [
            """
            CREATE TABLE frameworks (
                code TEXT PRIMARY KEY, identifier TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL,
                data TEXT NOT NULL)
            """,
            """
            CREATE TABLE framework_nodes (
                code TEXT PRIMARY KEY, framework_code TEXT NOT NULL REFERENCES frameworks(code) ON DELETE CASCADE,
                identifier TEXT NOT NULL, label TEXT NOT NULL)
            """,
            "CREATE INDEX framework_nodes_framework ON framework_nodes (framework_code)",
        ])

    // 0002
    static let createCatalogue = Migration(
        version: 2, name: "CreateCatalogue",
        statements: [
            """
            CREATE TABLE providers (
                identifier TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT, sort_key TEXT NOT NULL)
            """,
            """
            CREATE TABLE measures (
                identifier TEXT PRIMARY KEY, name TEXT NOT NULL, provider_identifier TEXT NOT NULL,
                sort_key TEXT NOT NULL, search_text TEXT NOT NULL, is_demo INTEGER NOT NULL,
                source TEXT, imported_at TEXT, imported_by TEXT, data TEXT NOT NULL)
            """,
            "CREATE INDEX measures_sort ON measures (sort_key)",
            "CREATE INDEX measures_provider ON measures (provider_identifier)",
            """
            CREATE TABLE measure_facets (
                measure_identifier TEXT NOT NULL REFERENCES measures(identifier) ON DELETE CASCADE,
                facet TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (measure_identifier, facet, value))
            """,
            "CREATE INDEX measure_facets_value ON measure_facets (facet, value)",
            """
            CREATE TABLE measure_terms (
                measure_identifier TEXT NOT NULL REFERENCES measures(identifier) ON DELETE CASCADE,
                position INTEGER NOT NULL, term_code TEXT, term_name TEXT, origin TEXT NOT NULL,
                PRIMARY KEY (measure_identifier, position))
            """,
            "CREATE INDEX measure_terms_code ON measure_terms (term_code)",
        ])

    // 0003
    static let createSettings = Migration(
        version: 3, name: "CreateSettings",
        statements: ["CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"])

    // 0004
    static let createEmbeddings = Migration(
        version: 4, name: "CreateEmbeddings",
        statements: [
            """
            CREATE TABLE embeddings (
                content_hash TEXT NOT NULL, model TEXT NOT NULL, vector TEXT NOT NULL,
                PRIMARY KEY (content_hash, model))
            """
        ])

    // 0005
    static let createDocuments = Migration(
        version: 5, name: "CreateDocuments",
        statements: [
            """
            CREATE TABLE documents (
                identifier TEXT PRIMARY KEY, access TEXT NOT NULL, year INTEGER NOT NULL, document_type TEXT NOT NULL,
                data TEXT NOT NULL)
            """,
            "CREATE INDEX documents_access ON documents (access)",
        ])

    // 0006
    static let createFeedback = Migration(
        version: 6, name: "CreateFeedback",
        statements: [
            """
            CREATE TABLE feedback (
                identifier TEXT PRIMARY KEY, target TEXT NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL)
            """
        ])

    /// Runs every migration that has not run yet, each in its own transaction.
    static func run(on engine: SQLEngine, now: @escaping @Sendable () -> String) async throws -> [Migration] {
        try await engine.read { database in
            try await database.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """
            ).run()
        }
        var applied: [Migration] = []
        for migration in all {
            let didRun = try await engine.transaction { database in
                let existing = try await database.raw(
                    "SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)"
                ).all()
                guard existing.isEmpty else { return false }
                for statement in (engine.kind == .sqlite ? migration.statements : migration.postgres ?? migration.statements) {
                    let primaryKey =
                        engine.kind == .sqlite
                        ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                    let statement = statement.replacingOccurrences(of: serialPrimaryKey, with: primaryKey)
                    do {
                        try await database.raw(SQLQueryString(statement)).run()
                    } catch {
                        throw StoreError.migration(
                            version: migration.version, name: migration.name, reason: String(describing: error))
                    }
                }
                try await database.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: now()))
                    """
                ).run()
                return true
            }
            if didRun { applied.append(migration) }
        }
        return applied
    }
}
