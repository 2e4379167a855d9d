import Foundation
import KompetanseDomain
import SQLKit

/// The stored passage index: `document_pages` (each page's text, passages and analysed terms), `passage_terms`
/// (how many pages of each access scope hold each term) and one full-text table per scope — SQLite FTS5, or a
/// PostgreSQL `tsvector` with a GIN index — over the terms analysed at import. A scope's table holds only that
/// scope's pages, so a query over the public scope never reads a restricted page, and its counts never count one.
struct PassageIndexTables: Sendable {
    let kind: EngineKind

    /// The full-text table of a scope.
    static func table(_ scope: Int) -> String { "passage_search_\(scope)" }

    /// Takes a document's pages out of the index (before it is stored again or replaced).
    func remove(document identifier: String, in database: any SQLDatabase) async throws {
        let rows = try await database.raw(
            """
            SELECT p.id, p.access, p.terms, s.number FROM document_pages p JOIN passage_scopes s ON s.access = p.access
            WHERE p.document_identifier = \(bind: identifier)
            """
        ).all()
        guard !rows.isEmpty else { return }
        var byScope: [Int: (access: String, ids: [Int], terms: [String])] = [:]
        for row in rows {
            let scope = try row.decode(column: "number", as: Int.self)
            let access = try row.decode(column: "access", as: String.self)
            var entry = byScope[scope] ?? (access, [], [])
            entry.ids.append(try row.decode(column: "id", as: Int.self))
            entry.terms.append(try row.decode(column: "terms", as: String.self))
            byScope[scope] = entry
        }
        for (scope, entry) in byScope {
            let key = kind == .sqlite ? "rowid" : "page_id"
            for chunk in entry.ids.chunked(into: 500) {
                let ids = chunk.map { $0 as any Encodable & Sendable }
                try await database.raw(
                    "DELETE FROM \(ident: Self.table(scope)) WHERE \(ident: key) IN (\(binds: ids))").run()
            }
            let counts = Self.pageCounts(entry.terms.map { $0.split(separator: " ").map(String.init) })
            try await adjust(counts, by: -1, access: entry.access, in: database)
            let pages = entry.ids.count
            try await database.raw(
                "UPDATE passage_scopes SET pages = pages - \(bind: pages) WHERE access = \(bind: entry.access)").run()
        }
        try await database.raw("DELETE FROM document_pages WHERE document_identifier = \(bind: identifier)").run()
    }

    /// Adds a document's indexed pages to its access scope's index.
    func add(document: KnowledgeDocument, pages: [IndexedPage], in database: any SQLDatabase) async throws {
        guard !pages.isEmpty else { return }
        let scope = try await scope(for: document.access, in: database)
        // Each page's terms as the full-text tables hold them, worked out once for the row, the table and the counts.
        let termsByPage = Dictionary(pages.map { ($0.number, Self.storable($0.terms)) }, uniquingKeysWith: { first, _ in first })
        var stored: [(id: Int, terms: String)] = []
        for chunk in pages.chunked(into: 100) {
            let rows: [SQLQueryString] = chunk.map { page in
                let text = document.pages.indices.contains(page.number - 1) ? document.pages[page.number - 1] : ""
                let terms = termsByPage[page.number, default: []].joined(separator: " ")
                return """
                    (\(bind: document.identifier), \(bind: page.number), \(bind: document.access), \(bind: text),
                     \(bind: page.encodedSpans), \(bind: terms))
                    """
            }
            for row in try await database.raw(
                """
                INSERT INTO document_pages (document_identifier, page, access, text, spans, terms)
                VALUES \(rows.joined(separator: ", ")) RETURNING id, page
                """
            ).all() {
                let page = try row.decode(column: "page", as: Int.self)
                stored.append((try row.decode(column: "id", as: Int.self), termsByPage[page, default: []].joined(separator: " ")))
            }
        }
        for chunk in stored.chunked(into: 200) {
            let rows: [SQLQueryString] = chunk.map { entry in
                kind == .sqlite
                    ? "(\(bind: entry.id), \(bind: entry.terms))" : "(\(bind: entry.id), to_tsvector('simple', \(bind: entry.terms)))"
            }
            let columns = kind == .sqlite ? "rowid, terms" : "page_id, terms"
            try await database.raw(
                "INSERT INTO \(ident: Self.table(scope)) (\(unsafeRaw: columns)) VALUES \(rows.joined(separator: ", "))").run()
        }
        try await adjust(Self.pageCounts(Array(termsByPage.values)), by: 1, access: document.access, in: database)
        try await database.raw(
            "UPDATE passage_scopes SET pages = pages + \(bind: pages.count) WHERE access = \(bind: document.access)").run()
    }

    /// The pages of one scope that hold any of the terms, best first by the engine's own ranking.
    func search(scope: Int, terms: [String], limit: Int, in database: any SQLDatabase) async throws -> [Int] {
        let terms = Self.storable(terms)
        guard !terms.isEmpty else { return [] }
        let table = Self.table(scope)
        if kind == .sqlite {
            // Each term is a quoted string, so FTS5 reads no operator from it and tokenises it as the stored terms were.
            let match = terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
            return try await database.raw(
                "SELECT rowid AS id FROM \(ident: table) WHERE \(ident: table) MATCH \(bind: match) ORDER BY rank LIMIT \(bind: limit)"
            ).all().map { try $0.decode(column: "id", as: Int.self) }
        }
        // websearch_to_tsquery never fails on its input; quoting keeps a term such as "or" a word.
        let query = terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }.joined(separator: " OR ")
        return try await database.raw(
            """
            SELECT page_id AS id FROM \(ident: table), websearch_to_tsquery('simple', \(bind: query)) q
            WHERE terms @@ q ORDER BY ts_rank(terms, q) DESC, page_id LIMIT \(bind: limit)
            """
        ).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    /// The number of a scope, creating the scope and its full-text table on its first page.
    private func scope(for access: String, in database: any SQLDatabase) async throws -> Int {
        if let row = try await database.raw(
            "SELECT number FROM passage_scopes WHERE access = \(bind: access)\(unsafeRaw: kind.lockingClause)"
        ).first() {
            return try row.decode(column: "number", as: Int.self)
        }
        let number = (try await database.raw("SELECT COALESCE(MAX(number), 0) + 1 AS n FROM passage_scopes").first()?
            .decode(column: "n", as: Int.self)) ?? 1
        try await database.raw(
            "INSERT INTO passage_scopes (access, number, pages) VALUES (\(bind: access), \(bind: number), 0)").run()
        let table = Self.table(number)
        if kind == .sqlite {
            try await database.raw(
                "CREATE VIRTUAL TABLE \(ident: table) USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0')").run()
        } else {
            try await database.raw("CREATE TABLE \(ident: table) (page_id BIGINT PRIMARY KEY, terms tsvector NOT NULL)").run()
            try await database.raw("CREATE INDEX \(ident: table + "_terms") ON \(ident: table) USING gin (terms)").run()
        }
        return number
    }

    /// Adds `sign` × the counts to the scope's term counts, and drops terms no page holds any more.
    private func adjust(_ counts: [String: Int], by sign: Int, access: String, in database: any SQLDatabase) async throws {
        // Sorted, so concurrent imports on PostgreSQL take the rows' locks in the same order.
        let sorted = counts.sorted { $0.key < $1.key }
        for chunk in sorted.chunked(into: 300) {
            let rows: [SQLQueryString] = chunk.map { "(\(bind: access), \(bind: $0.key), \(bind: sign * $0.value))" }
            try await database.raw(
                """
                INSERT INTO passage_terms (access, term, pages) VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (access, term) DO UPDATE SET pages = passage_terms.pages + excluded.pages
                """
            ).run()
            if sign < 0 {
                let terms = chunk.map { $0.key as any Encodable & Sendable }
                try await database.raw(
                    "DELETE FROM passage_terms WHERE access = \(bind: access) AND term IN (\(binds: terms)) AND pages <= 0"
                ).run()
            }
        }
    }

    /// For each term, on how many of the pages it occurs.
    static func pageCounts(_ pages: [[String]]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for page in pages { for term in Set(page) { counts[term, default: 0] += 1 } }
        return counts
    }

    /// Terms the full-text tables can hold as one word: with a letter or digit, and not absurdly long (PostgreSQL
    /// refuses a word over 2 KB; no real word comes near 100 characters).
    static func storable(_ terms: [String]) -> [String] {
        terms.filter { $0.utf8.count <= 100 && $0.contains(where: { $0.isLetter || $0.isNumber }) && !$0.contains(" ") }
    }
}
