import KompetanseDomain

/// Everything the application persists, one protocol per aggregate. Services depend on this, never on SQL.
public protocol Store: Sendable {
    /// Competence and maturity frameworks.
    var frameworks: any FrameworkStore { get }
    /// Providers and measures.
    var measures: any MeasureStore { get }
    /// Small named values (e.g. whether demo data has been loaded once).
    var settings: any SettingsStore { get }
    /// Cached embedding vectors.
    var embeddings: any EmbeddingStore { get }
    /// Knowledge documents.
    var documents: any DocumentStore { get }
    /// Feedback from users.
    var feedback: any FeedbackStore { get }
    /// People, sessions, API tokens, organisations, groups and invitations.
    var accounts: any AccountStore { get }
    /// The append-only audit log.
    var audit: any AuditStore { get }
    /// Instruments, assessment rounds, answers and plans.
    var assessments: any AssessmentStore { get }
    /// Which database engine is behind the store, for display and diagnostics.
    var engineName: String { get }
    /// How many writes of measures or frameworks went through this store since it opened. A cache of the
    /// catalogue compares it, at no cost, to know that nothing changed through this store; writes by another
    /// process show only in `measures.revision()`.
    var catalogueWrites: Int { get }
    /// Writes a consistent copy of the whole database to a file while the store stays in use (SQLite's
    /// `VACUUM INTO`). PostgreSQL is backed up with `pg_dump`; there this throws with that advice.
    func backup(to path: String) async throws
    /// Closes every connection; the store cannot be used afterwards.
    func shutdown() async throws
}

/// Persistence of frameworks.
public protocol FrameworkStore: Sendable {
    /// Saves frameworks, replacing any with the same code, all in one transaction.
    func save(_ frameworks: [Framework]) async throws
    /// Summaries of every framework, ordered by code.
    func summaries() async throws -> [FrameworkSummary]
    /// The whole framework with the given code.
    func framework(code: String) async throws -> Framework?
    /// Every framework in full, ordered by code.
    func all() async throws -> [Framework]
    /// The framework code that holds the node with the given code.
    func frameworkCode(ofNode nodeCode: String) async throws -> String?
}

/// A framework without its nodes, for lists.
public struct FrameworkSummary: Sendable, Hashable, Codable {
    /// Framework code.
    public var code: String
    /// Norwegian title.
    public var title: String
    /// English title, when known.
    public var titleEn: String?
    /// Publisher.
    public var creator: String
    /// Version.
    public var version: String
    /// Description.
    public var description: String?
    /// Number of nodes.
    public var nodeCount: Int
    /// Number of placeholder nodes awaiting an administrator.
    public var placeholderCount: Int

    /// Creates a summary.
    public init(
        code: String, title: String, titleEn: String?, creator: String, version: String, description: String?,
        nodeCount: Int, placeholderCount: Int
    ) {
        self.code = code
        self.title = title
        self.titleEn = titleEn
        self.creator = creator
        self.version = version
        self.description = description
        self.nodeCount = nodeCount
        self.placeholderCount = placeholderCount
    }

    /// The summary of a framework.
    public init(_ framework: Framework) {
        self.init(
            code: framework.code, title: framework.title, titleEn: framework.titleEn, creator: framework.creator,
            version: framework.version, description: framework.description, nodeCount: framework.nodes.count,
            placeholderCount: framework.nodes.filter(\.isPlaceholder).count)
    }
}

/// Persistence of providers and measures.
public protocol MeasureStore: Sendable {
    /// Inserts or replaces measures by identifier, all in one transaction: either all are saved or none.
    func upsert(_ measures: [Measure]) async throws
    /// One page of measures for a catalogue query, with total and facet counts.
    func page(_ query: CatalogueQuery) async throws -> CataloguePage
    /// The measure with the given identifier.
    func measure(identifier: String) async throws -> Measure?
    /// Every measure, ordered by identifier.
    func all() async throws -> [Measure]
    /// Number of measures.
    func count() async throws -> Int
    /// Every provider with its number of measures, ordered by name.
    func providers() async throws -> [Provider]
    /// The measures that name a framework node in `teaches`, ordered by name.
    func measures(teachingNode code: String) async throws -> [Measure]
    /// Which of the given identifiers already exist.
    func existingIdentifiers(among identifiers: [String]) async throws -> Set<String>
    /// A token that changes whenever the catalogue changes (in this or any other process).
    func revision() async throws -> String
    /// Deletes measures by identifier in one transaction; returns how many existed.
    @discardableResult
    func delete(identifiers: [String]) async throws -> Int
}

/// Persistence of small named values.
public protocol SettingsStore: Sendable {
    /// The value stored under a key.
    func value(for key: String) async throws -> String?
    /// Stores a value under a key.
    func setValue(_ value: String, for key: String) async throws
}

/// Cached embedding vectors, keyed by content hash and model, so nothing is embedded twice.
public protocol EmbeddingStore: Sendable {
    /// The stored vectors among the given content hashes for a model.
    func vectors(for hashes: [String], model: String) async throws -> [String: [Float]]
    /// Stores vectors (replacing any with the same hash and model).
    func save(_ vectors: [String: [Float]], model: String) async throws
}

extension DocumentStore {
    /// Inserts or replaces one document without passage-index entries; the document service indexes it before
    /// its next answer.
    public func upsert(_ document: KnowledgeDocument) async throws { try await upsert(document, pages: []) }
}

/// Persistence of knowledge documents.
public protocol DocumentStore: Sendable {
    /// Inserts or replaces one document with its pages and its pages' entries in the passage index of its access
    /// scope, in one transaction. With no indexed pages the document is stored unindexed (see
    /// ``unindexedDocuments()``).
    func upsert(_ document: KnowledgeDocument, pages: [IndexedPage]) async throws
    /// One document with its pages, if it is readable with `groups`.
    func document(identifier: String, readableBy groups: Set<String>) async throws -> KnowledgeDocument?
    /// The summaries of every document readable with `groups`, ordered by identifier.
    func summaries(readableBy groups: Set<String>) async throws -> [KnowledgeDocumentSummary]
    /// Up to `limit` documents stored without passage-index entries (stored before the index existed, or by a
    /// tool that writes documents directly), with their pages, whatever their access.
    func unindexedDocuments(limit: Int) async throws -> [KnowledgeDocument]
    /// Page counts of the scopes readable with `groups`: in all, and per looked-up term.
    func passageStatistics(terms: Set<String>, readableBy groups: Set<String>) async throws -> PassageStatistics
    /// The pages of each readable scope that hold any of the terms, at most `limitPerScope` from each, best first by
    /// the engine's full-text ranking; with their passages and their documents' metadata.
    func retrievePages(terms: [String], readableBy groups: Set<String>, limitPerScope: Int) async throws -> [RetrievedPage]
    /// One page of the documents readable with `groups` that pass the filter (newest year first, then title),
    /// without their pages, with the total and the filter choices among all readable documents.
    func listing(readableBy groups: Set<String>, filter: DocumentFilter, limit: Int, offset: Int) async throws -> DocumentListing
    /// The summaries of the named documents that are readable with `groups` (others are left out).
    func summaries(identifiers: [String], readableBy groups: Set<String>) async throws -> [KnowledgeDocumentSummary]
    /// A token that changes whenever any document changes.
    func revision() async throws -> String
}

/// Persistence of feedback; append-only.
public protocol FeedbackStore: Sendable {
    /// Stores one piece of feedback.
    func add(_ feedback: Feedback) async throws
    /// All feedback, newest first.
    func all() async throws -> [Feedback]
}
