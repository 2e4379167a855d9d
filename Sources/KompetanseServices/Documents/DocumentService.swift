import Foundation
import KompetanseAssistant
import KompetanseDomain
import KompetanseStore

/// How one document of an imported folder fared.
public struct DocumentImportStatus: Sendable, Hashable, Codable {
    /// The file, relative to the folder.
    public var file: String
    /// The document identifier, when the metadata had one.
    public var identifier: String?
    /// Pages stored (0 when it failed).
    public var pages: Int
    /// Why it failed; `nil` when it was stored.
    public var error: String?
}

/// Knowledge documents: importing folders (FORMATS §3) and answering questions from them.
public final class DocumentService: Sendable {
    let store: any Store
    let pdf: any PDFTextExtractor
    let clock: any Clock
    let model: (any LanguageModel)?
    let audit: AuditLog
    private let indexedRevision = RevisionMark()

    init(store: any Store, pdf: any PDFTextExtractor, clock: any Clock, audit: AuditLog, model: (any LanguageModel)? = nil) {
        self.audit = audit
        self.store = store
        self.pdf = pdf
        self.clock = clock
        self.model = model
    }

    /// File types read as documents.
    static let documentExtensions: Set<String> = ["pdf", "html", "htm", "md", "txt"]

    /// Imports every document of a folder. A broken document is reported and skipped; the others are stored,
    /// each in its own transaction.
    /// - Parameter progress: called after each document.
    /// Loads the shipped demo documents (about ten, written for the product about the frameworks and programmes it
    /// knows, one restricted to the access group `demo-ledergruppe`) the first time, when the library has no
    /// document yet, so a newcomer's first question is answered. Returns how many were loaded.
    public func seedDemoDocuments() async throws -> Int {
        guard try await store.settings.value(for: Self.demoSeededKey) == nil else { return 0 }
        var loaded = 0
        let stored = try await store.documents.listing(readableBy: [Self.demoAccessGroup], filter: DocumentFilter(), limit: 1, offset: 0)
        if stored.total == 0 {
            let statuses = try await importFolder(try ShippedData.demoDocumentsFolder(), as: .demoSeeder)
            loaded = statuses.filter { $0.error == nil }.count
        }
        try await store.settings.setValue(clock.timestamp(), for: Self.demoSeededKey)
        return loaded
    }

    static let demoSeededKey = "demo.documents.seeded"

    /// The concept synonyms matching uses, read once, for questions in other words than the documents'.
    static let concepts: [[String]] = ((try? ShippedData.synonyms()) ?? []).map(\.terms)
    /// The access group of the demo's restricted note.
    public static let demoAccessGroup = "demo-ledergruppe"

    public func importFolder(
        _ folder: String, as principal: Principal, progress: @Sendable (DocumentImportStatus) -> Void = { _ in }
    ) async throws -> [DocumentImportStatus] {
        try principal.require(.editCatalogue, "importere dokumenter")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ServiceError.invalidInput("\(folder) finnes ikke eller er ikke en mappe")
        }
        let metadata = try readMetadata(folder)
        var statuses: [DocumentImportStatus] = []
        var seenIdentifiers: [String: String] = [:]
        for (file, entry) in metadata {
            var status = DocumentImportStatus(file: file, identifier: nil, pages: 0, error: nil)
            do {
                let fields = try entry.get()
                status.identifier = fields.identifier
                if let other = seenIdentifiers[fields.identifier] {
                    throw ServiceError.invalidInput("identifier «\(fields.identifier)» brukes også av \(other)")
                }
                seenIdentifiers[fields.identifier] = file
                let pages = try readPages(folder: folder, file: file)
                let document = KnowledgeDocument(
                    identifier: fields.identifier, title: fields.title, documentType: fields.documentType,
                    publisher: fields.publisher, year: fields.year, url: fields.url, access: fields.access,
                    language: fields.language, file: file, pages: pages,
                    provenance: Provenance(source: (folder as NSString).appendingPathComponent(file), importedAt: clock.timestamp(), importedBy: principal.name))
                try await store.documents.upsert(document, pages: PassageIndexer.pages(of: document))
                try await audit.record(
                    "document.import", by: principal, kind: "document", target: document.identifier,
                    detail: "\(pages.count) sider, tilgang \(document.access)")
                status.pages = pages.count
            } catch {
                status.error = String(describing: error)
            }
            statuses.append(status)
            progress(status)
        }
        return statuses
    }

    struct Metadata: Sendable {
        var identifier: String
        var title: String
        var documentType: String
        var publisher: String
        var year: Int
        var url: String?
        var access: String
        var language: String
    }

    /// The metadata of every document file: from `manifest.jsonl` when present, else from `NAME.meta.json` sidecars.
    /// Each entry is the metadata or the reason it cannot be read.
    func readMetadata(_ folder: String) throws -> [(String, Result<Metadata, ServiceError>)] {
        let manifest = (folder as NSString).appendingPathComponent("manifest.jsonl")
        var entries: [(String, Result<Metadata, ServiceError>)] = []
        if let data = FileManager.default.contents(atPath: manifest) {
            for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                let where_ = "manifest.jsonl, linje \(number + 1)"
                guard case .object(let object)? = try? JSONParser.parse(Data(line)) else {
                    entries.append((where_, .failure(.invalidInput("\(where_): ugyldig JSON"))))
                    continue
                }
                guard case .string(let file)? = object["file"], !file.isEmpty else {
                    entries.append((where_, .failure(.invalidInput("\(where_): feltet «file» mangler"))))
                    continue
                }
                entries.append((file, Self.metadata(from: object, place: where_)))
            }
            return entries
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        for name in names where Self.documentExtensions.contains((name as NSString).pathExtension.lowercased()) {
            let sidecar = (folder as NSString).appendingPathComponent((name as NSString).deletingPathExtension + ".meta.json")
            guard let data = FileManager.default.contents(atPath: sidecar) else {
                entries.append((name, .failure(.invalidInput("\(name): metadatafila \((sidecar as NSString).lastPathComponent) mangler"))))
                continue
            }
            guard case .object(let object)? = try? JSONParser.parse(data) else {
                entries.append((name, .failure(.invalidInput("\((sidecar as NSString).lastPathComponent): ugyldig JSON"))))
                continue
            }
            entries.append((name, Self.metadata(from: object, place: (sidecar as NSString).lastPathComponent)))
        }
        return entries
    }

    static func metadata(from object: [String: JSONValue], place: String) -> Result<Metadata, ServiceError> {
        func text(_ key: String) -> String? {
            if case .string(let value)? = object[key], !value.trimmingWhitespace().isEmpty { return value }
            return nil
        }
        var missing: [String] = []
        for key in ["identifier", "title", "documentType", "publisher"] where text(key) == nil { missing.append(key) }
        let year: Int? = object["year"]?.intValue ?? text("year").flatMap(Int.init)
        if year == nil { missing.append("year") }
        guard missing.isEmpty, let year else {
            return .failure(.invalidInput("\(place): mangler eller ugyldig: \(missing.joined(separator: ", "))"))
        }
        guard (1800...2200).contains(year) else { return .failure(.invalidInput("\(place): year \(year) er ikke et årstall")) }
        let language = text("language") ?? "nb"
        return .success(
            Metadata(
                identifier: text("identifier")!, title: text("title")!, documentType: text("documentType")!,
                publisher: text("publisher")!, year: year, url: text("url"), access: text("access") ?? KnowledgeDocument.publicAccess,
                language: language))
    }

    func readPages(folder: String, file: String) throws -> [String] {
        let path = (folder as NSString).appendingPathComponent(file)
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.path
        guard resolved.hasPrefix(URL(fileURLWithPath: folder).standardizedFileURL.path) else {
            throw ServiceError.invalidInput("\(file) ligger utenfor mappen")
        }
        let fileExtension = (file as NSString).pathExtension.lowercased()
        guard Self.documentExtensions.contains(fileExtension) else {
            throw ServiceError.invalidInput("\(file): ukjent filtype; bruk .pdf, .html, .md eller .txt")
        }
        if fileExtension == "pdf" {
            guard FileManager.default.fileExists(atPath: path) else { throw ServiceError.invalidInput("\(file) finnes ikke") }
            let pages = try pdf.pages(ofPDFAt: path)
            guard pages.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
                throw ServiceError.invalidInput("\(file): PDF-en har ingen tekst (skannet uten tekstlag?)")
            }
            return pages
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ServiceError.invalidInput("\(file) finnes ikke") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ServiceError.invalidInput("\(file): ugyldig UTF-8 ved byte \(MeasureFile.firstInvalidUTF8(data))")
        }
        let pages = fileExtension == "html" || fileExtension == "htm" ? TextPages.html(text) : TextPages.plain(text)
        guard pages.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
            throw ServiceError.invalidInput("\(file) er tom")
        }
        return pages
    }

    /// Answers a question for a principal: only documents readable by its access groups are retrieved, scored,
    /// quoted or named. Answers quoting restricted documents are recorded in the audit log.
    public func ask(_ question: String, as principal: Principal, explain: Bool = false) async throws -> Answer {
        let question = question.trimmingWhitespace()
        guard !question.isEmpty else { throw ServiceError.invalidInput("skriv inn et spørsmål") }
        guard question.count <= 2_000 else { throw ServiceError.invalidInput("spørsmålet er for langt (høyst 2000 tegn)") }
        let library = try await library(for: question, groups: principal.accessGroups)
        let answer = await composeAnswer(question, library: library, explain: explain)
        let cited = Set(answer.citations.map(\.document)).compactMap { library.documents[$0] }
        try await auditRestrictedReads(cited, by: principal, action: "document.quote")
        return answer
    }

    private func composeAnswer(_ question: String, library: DocumentLibrary, explain: Bool) async -> Answer {
        let extractive = Assistant(tracing: explain, concepts: Self.concepts).answer(question, library: library)
        // Both paths refuse on weak support; with a model configured, its verified answer replaces the
        // extractive one, which stays the answer whenever the model fails, times out or cites nothing verifiable.
        guard !extractive.refused, let model else { return extractive }
        return await GroundedAnswerer(model: model).answer(question, library: library, extractive: extractive) ?? extractive
    }

    /// The pages a question is read against: retrieved from the stored passage index of the asker's scopes (terms
    /// analysed at import; statistics of readable scopes only), then ranked and answered by a library over them.
    private func library(for question: String, groups: Set<String>) async throws -> DocumentLibrary {
        try await indexUnindexedDocuments()
        let query = PassageQuery(question: question, concepts: Self.concepts)
        let statistics = try await store.documents.passageStatistics(terms: query.lookedUp, readableBy: groups)
        let pages = try await store.documents.retrievePages(
            terms: query.retrievalTerms(statistics), readableBy: groups, limitPerScope: PassageQuery.Configuration.pagesPerScope)
        return DocumentLibrary(pages: pages)
    }

    /// Indexes documents stored without passage-index entries (before the index existed, or written by a tool
    /// that stores documents directly); looked for once per documents' revision.
    func indexUnindexedDocuments() async throws {
        let revision = try await store.documents.revision()
        guard await indexedRevision.value != revision else { return }
        while true {
            let unindexed = try await store.documents.unindexedDocuments(limit: 20)
            if unindexed.isEmpty { break }
            for document in unindexed {
                // A document with no page is stored with one empty page, so it is not looked for again.
                let pages = PassageIndexer.pages(of: document)
                try await store.documents.upsert(document, pages: pages.isEmpty ? [IndexedPage(number: 1, spans: [], terms: [])] : pages)
            }
        }
        await indexedRevision.set(try await store.documents.revision())
    }
}

/// The documents' revision whose unindexed documents were last looked for.
private actor RevisionMark {
    var value: String?

    func set(_ value: String) { self.value = value }
}

extension DocumentService {
    /// A filter for the document browser.
    public typealias Filter = DocumentFilter

    /// Titles of the documents an answer cites (those the asker may read).
    public func titles(of identifiers: [String], as principal: Principal) async throws -> [String: String] {
        Dictionary(
            try await store.documents.summaries(identifiers: Array(Set(identifiers)).sorted(), readableBy: principal.accessGroups)
                .map { ($0.identifier, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// One page of the documents an asker may read, filtered, newest first; the total; the values each filter can
    /// take. Answered by the store from its columns, never by reading pages.
    public func browse(_ filter: Filter, page: Int = 1, perPage: Int = 50, as principal: Principal) async throws -> DocumentListing {
        guard (1...500).contains(perPage) else { throw ServiceError.invalidInput("antall per side skal være 1–500") }
        // As far as a list can reach (a hundred million documents on), whatever the page size.
        guard page >= 1, page <= 100_000_000 / perPage + 1 else { throw ServiceError.invalidInput("siden skal være et tall fra 1") }
        return try await store.documents.listing(
            readableBy: principal.accessGroups, filter: filter, limit: perPage, offset: (page - 1) * perPage)
    }

    /// One document, if the asker may read it; a restricted document is "not found" to outsiders, so its
    /// existence is not revealed either.
    public func document(identifier: String, as principal: Principal) async throws -> KnowledgeDocument {
        guard let document = try await store.documents.document(identifier: identifier, readableBy: principal.accessGroups)
        else { throw ServiceError.notFound("dokumentet «\(identifier)»") }
        try await auditRestrictedReads([document], by: principal, action: "document.read")
        return document
    }

    /// The series a document belongs to, among the documents the principal may read (nil when it has none).
    public func series(of identifier: String, as principal: Principal) async throws -> DocumentSeries? {
        let readable = try await store.documents.summaries(readableBy: principal.accessGroups).map {
            KnowledgeDocument($0, pages: [])
        }
        guard let document = readable.first(where: { $0.identifier == identifier }) else { return nil }
        let key = DocumentSeries.key(of: document)
        return DocumentSeries.series(of: readable.filter { DocumentSeries.key(of: $0) == key }).first
    }

    /// Records every read of a restricted document (its identifier and access group, never its text).
    func auditRestrictedReads(_ documents: [KnowledgeDocument], by principal: Principal, action: String) async throws {
        for document in documents.sorted(by: { $0.identifier < $1.identifier }) where document.access != publicAccess {
            try await audit.record(action, by: principal, kind: "document", target: document.identifier, detail: "tilgang \(document.access)")
        }
    }
}
