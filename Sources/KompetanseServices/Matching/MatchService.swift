import Foundation
import KompetanseDomain
import KompetanseSearch
import KompetanseStore

/// Matching needs to measures: used by the page `/tiltak/finn`, `POST /api/v1/match` and `kompetansebro match`.
public final class MatchService: Sendable {
    let store: any Store
    let embedder: (any Embedder)?
    let revisions: CatalogueRevision
    private let engines = KeptByRevision<BuiltEngine>()
    private let builds = EngineBuilds()
    private let keptCoverage = KeptByRevision<[NodeCoverage]>()

    init(store: any Store, embedder: (any Embedder)?, revisions: CatalogueRevision) {
        self.store = store
        self.embedder = embedder
        self.revisions = revisions
    }

    /// A need to match.
    public struct Request: Sendable {
        /// The need in the user's words.
        public var text: String
        /// How many measures to return.
        public var limit: Int
        /// Facet filters applied before ranking.
        public var filters: [Facet: Set<String>]

        /// Creates a request.
        public init(text: String, limit: Int = 10, filters: [Facet: Set<String>] = [:]) {
            self.text = text
            self.limit = limit
            self.filters = filters
        }
    }

    /// Ranks measures for a need; an empty or overlong need is refused with a clear message.
    public func match(_ request: Request, as principal: Principal) async throws -> MatchResult {
        let text = request.text.trimmingWhitespace()
        guard !text.isEmpty else { throw ServiceError.invalidInput("skriv inn et behov å matche") }
        guard text.count <= 2_000 else { throw ServiceError.invalidInput("behovet er for langt (høyst 2000 tegn)") }
        guard (1...200).contains(request.limit) else { throw ServiceError.invalidInput("antall treff skal være 1–200") }
        let engine = try await engine()
        var dense: DenseEvidence?
        if let embedder {
            // Without a working endpoint, matching goes on lexically; the result says so through `semanticScore`.
            dense = try? await engine.denseEvidence(topic: Self.topic(of: text), need: text, embedder: embedder)
        }
        let filters = request.filters
        let allowed: ((Measure) -> Bool)? =
            filters.isEmpty
            ? nil
            : { measure in
                let values = measure.facetValues
                return filters.allSatisfy { facet, wanted in values.contains { $0.facet == facet && wanted.contains($0.value) } }
            }
        return engine.engine.match(text, limit: request.limit, dense: dense, allowed: allowed)
    }

    /// Ranks measures for a framework node taken as a need (a gap): see ``MatchEngine/match(node:limit:dense:)``.
    public func match(node need: MatchEngine.NodeNeed, limit: Int) async throws -> MatchResult {
        let engine = try await engine()
        var dense: DenseEvidence?
        if let embedder {
            dense = try? await engine.denseEvidence(topic: need.topic, need: need.topic, embedder: embedder)
        }
        return engine.engine.match(node: need, limit: limit, dense: dense)
    }

    /// The need without the words that state constraints ("gratis", "for kommuner"): constraints are applied
    /// as preferences afterwards, so the embedding should carry only what the need is about.
    static func topic(of text: String) -> String {
        let cues = Set(NeedUnderstanding.read(text).constraints.flatMap { $0.words.split(separator: " ").map(String.init) })
        guard !cues.isEmpty else { return text }
        let kept = text.split(separator: " ").filter { word in
            !cues.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters))
        }
        return kept.isEmpty ? text : kept.joined(separator: " ")
    }

    /// Framework nodes with few or no measures that build them: where the catalogue has gaps.
    public func coverage(as principal: Principal) async throws -> [NodeCoverage] {
        let revision = try await revisions.current()
        if let kept = keptCoverage.value(for: revision) { return kept }
        return keptCoverage.keep(try await coverage(), for: revision)
    }

    private func coverage() async throws -> [NodeCoverage] {
        let frameworks = try await store.frameworks.all()
        let measures = try await store.measures.all()
        var counts: [String: Int] = [:]
        for measure in measures {
            for code in Set(measure.teaches.compactMap(\.code)) { counts[code, default: 0] += 1 }
        }
        return frameworks.flatMap { framework in
            framework.nodes.filter { !$0.isPlaceholder && $0.kind != "Generasjon" && !$0.code.hasPrefix("DIGCOMP.L") }
                .map { NodeCoverage(frameworkCode: framework.code, node: $0, measureCount: counts[$0.code] ?? 0) }
        }.sorted { ($0.measureCount, $0.node.code) < ($1.measureCount, $1.node.code) }
    }

    /// Suggested `teaches` tags for measures without any, from the concept layer.
    public func suggestedTags(as principal: Principal) async throws -> [(measure: Measure, nodes: [ConceptMatch])] {
        let engine = try await engine()
        return engine.engine.measures.values.filter { $0.teaches.allSatisfy { $0.code == nil } }
            .sorted { $0.identifier < $1.identifier }
            .map { ($0, engine.engine.concepts.suggestedTags(for: $0)) }.filter { !$0.1.isEmpty }
    }

    /// Suggested tags for one measure: framework nodes its words point to that it is not tagged with yet.
    public func suggestedTags(for identifier: String, as principal: Principal) async throws -> [ConceptMatch] {
        let engine = try await engine()
        guard let measure = engine.engine.measures[identifier] else { throw ServiceError.notFound("tiltaket «\(identifier)»") }
        let tagged = Set(measure.teaches.compactMap(\.code))
        return engine.engine.concepts.suggestedTags(for: measure).filter { !tagged.contains($0.node.code) }
    }

    /// The engine for the current catalogue revision (see ``CatalogueRevision``), built once per revision.
    /// Requests that arrive while it is being built wait for that one build instead of starting their own.
    private func engine() async throws -> BuiltEngine {
        let revision = try await revisions.current()
        if let kept = engines.value(for: revision) { return kept }
        let build = builds.task(for: revision) { try await self.build() }
        defer { builds.finish(revision) }
        return engines.keep(try await build.value, for: revision)
    }

    private func build() async throws -> BuiltEngine {
        let measures = try await store.measures.all()
        let frameworks = try await store.frameworks.all()
        return BuiltEngine(
            engine: MatchEngine(measures: measures, frameworks: frameworks, synonyms: try ShippedData.synonyms()),
            vectors: try await passageVectors(measures, kind: .passage),
            symmetricVectors: try await passageVectors(measures, kind: .query))
    }

    /// The measures' texts embedded as `kind`: as passages for the need → passage view, and as queries for the
    /// symmetric view, where need and measure are read the same way.
    private func passageVectors(_ measures: [Measure], kind: EmbeddingKind) async throws -> VectorIndex? {
        guard let embedder else { return nil }
        let texts = measures.map(Self.passageText)
        guard let vectors = try? await embedder.embed(texts, kind: kind) else { return nil }
        return VectorIndex(zip(measures.map(\.identifier), vectors).map { (identifier: $0.0, vector: $0.1) })
    }

    /// The text of a measure that is embedded: title, keywords and description.
    static func passageText(_ measure: Measure) -> String {
        ([measure.name, measure.keywordValues.joined(separator: ", "), measure.description] + measure.teaches.compactMap(\.name))
            .joined(separator: ". ")
    }
}

/// How many measures build one framework node.
public struct NodeCoverage: Sendable {
    /// The framework's code.
    public var frameworkCode: String
    /// The node.
    public var node: FrameworkNode
    /// Measures that declare or confirm it.
    public var measureCount: Int
}

struct BuiltEngine: Sendable {
    let engine: MatchEngine
    /// The measures embedded as passages, and as queries (see ``MatchService/passageVectors(_:kind:)``).
    let vectors: VectorIndex?
    let symmetricVectors: VectorIndex?

    /// Two views of the catalogue's similarity to a need: its topic against the passages, and the whole need
    /// against the measures read as queries. Both query texts go in one request.
    func denseEvidence(topic: String, need: String, embedder: any Embedder) async throws -> DenseEvidence? {
        guard let vectors, let symmetricVectors else { return nil }
        let queries = try await embedder.embed([topic, need], kind: .query)
        guard queries.count == 2 else { return nil }
        return DenseEvidence(views: [vectors.search(queries[0]), symmetricVectors.search(queries[1])])
    }
}

/// The engine build under way, so requests arriving during a build share it.
private final class EngineBuilds: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var pending: (revision: String, task: Task<BuiltEngine, any Error>)?

    /// The build for `revision` under way, or a new one started with `make`.
    func task(for revision: String, _ make: @escaping @Sendable () async throws -> BuiltEngine) -> Task<BuiltEngine, any Error> {
        lock.withLock {
            if let pending, pending.revision == revision { return pending.task }
            let task = Task { try await make() }
            pending = (revision, task)
            return task
        }
    }

    /// The build for `revision` is over (kept, or failed so that the next request tries again).
    func finish(_ revision: String) {
        lock.withLock { if pending?.revision == revision { pending = nil } }
    }
}
