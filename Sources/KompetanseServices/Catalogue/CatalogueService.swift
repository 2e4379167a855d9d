import KompetanseDomain
import KompetanseStore

/// Browsing the catalogue of measures and providers.
public struct CatalogueService: Sendable {
    let store: any Store
    let audit: AuditLog
    let revisions: CatalogueRevision

    /// The catalogue's current revision: it changes whenever a measure, provider or framework does, so views
    /// built from the catalogue can be kept and reused under it. Usually answered without a database read.
    public func revision(as principal: Principal) async throws -> String {
        try await revisions.current()
    }

    /// Confirms that a measure builds a framework node (editors): the tag is stored with origin "confirmed",
    /// replacing a suggested or declared tag for the same node.
    public func confirmTag(measure identifier: String, node code: String, as principal: Principal) async throws -> Measure {
        try principal.require(.editCatalogue, "bekrefte emner på tiltak")
        guard var measure = try await store.measures.measure(identifier: identifier) else {
            throw ServiceError.notFound("tiltaket «\(identifier)»")
        }
        guard let frameworkCode = try await store.frameworks.frameworkCode(ofNode: code),
            let node = try await store.frameworks.framework(code: frameworkCode)?.node(code: code)
        else { throw ServiceError.invalidInput("ukjent rammeverksnode «\(code)»") }
        measure.teaches.removeAll { $0.code == code }
        measure.teaches.append(TaughtTerm(code: code, name: node.label, origin: .confirmed))
        try await store.measures.upsert([measure])
        try await audit.record("measure.tag-confirm", by: principal, kind: "measure", target: identifier, detail: code)
        return measure
    }

    /// A measure with the framework nodes it builds resolved to labels.
    public struct MeasureDetail: Sendable {
        /// The measure.
        public var measure: Measure
        /// Its `teaches` entries, each with the node when the code is known here.
        public var taught: [TaughtNode]
    }

    /// One `teaches` entry resolved against the loaded frameworks.
    public struct TaughtNode: Sendable, Hashable {
        /// The entry as stored.
        public var term: TaughtTerm
        /// The node's label when its code is loaded.
        public var nodeLabel: String?
        /// The framework's title when the code is loaded.
        public var frameworkTitle: String?
    }

    /// A page of measures with facet counts.
    public func page(_ query: CatalogueQuery, as principal: Principal) async throws -> CataloguePage {
        try await store.measures.page(query)
    }

    /// One measure.
    public func measure(identifier: String, as principal: Principal) async throws -> MeasureDetail {
        guard let measure = try await store.measures.measure(identifier: identifier) else {
            throw ServiceError.notFound("tiltaket «\(identifier)»")
        }
        var taught: [TaughtNode] = []
        var frameworks: [String: Framework] = [:]
        for term in measure.teaches {
            var resolved = TaughtNode(term: term, nodeLabel: nil, frameworkTitle: nil)
            if let code = term.code, let frameworkCode = try await store.frameworks.frameworkCode(ofNode: code) {
                if frameworks[frameworkCode] == nil {
                    frameworks[frameworkCode] = try await store.frameworks.framework(code: frameworkCode)
                }
                if let framework = frameworks[frameworkCode], let node = framework.node(code: code) {
                    resolved.nodeLabel = node.label
                    resolved.frameworkTitle = framework.title
                }
            }
            taught.append(resolved)
        }
        return MeasureDetail(measure: measure, taught: taught)
    }

    /// Every provider with its number of measures.
    public func providers(as principal: Principal) async throws -> [Provider] {
        try await store.measures.providers()
    }

    /// One provider.
    public func provider(identifier: String, as principal: Principal) async throws -> Provider {
        guard let provider = try await store.measures.providers().first(where: { $0.identifier == identifier }) else {
            throw ServiceError.notFound("tilbyderen «\(identifier)»")
        }
        return provider
    }
}
