import KompetanseDomain
import KompetanseStore

/// Browsing frameworks and their nodes.
public struct FrameworkService: Sendable {
    let store: any Store

    /// Everything needed to show one node.
    public struct NodeDetail: Sendable {
        /// The framework the node belongs to.
        public var framework: FrameworkSummary
        /// The node.
        public var node: FrameworkNode
        /// Ancestors, root first.
        public var ancestors: [FrameworkNode]
        /// Children, in order.
        public var children: [FrameworkNode]
        /// Crosswalk links from and to this node, resolved to the other node where it is loaded.
        public var related: [RelatedNode]
        /// Measures that declare they build this node.
        public var measures: [Measure]
    }

    /// A node linked by a crosswalk.
    public struct RelatedNode: Sendable, Hashable {
        /// The association type (`isRelatedTo`, `exactMatchOf`, …).
        public var type: String
        /// The other node's code, when known.
        public var code: String?
        /// The other node's title.
        public var title: String
        /// Whether the other node is loaded in this system (so it can be linked).
        public var isLoaded: Bool
    }

    /// Summaries of every framework.
    public func summaries(as principal: Principal) async throws -> [FrameworkSummary] {
        try await store.frameworks.summaries()
    }

    /// A whole framework.
    public func framework(code: String, as principal: Principal) async throws -> Framework {
        guard let framework = try await store.frameworks.framework(code: code) else {
            throw ServiceError.notFound("rammeverket «\(code)»")
        }
        return framework
    }

    /// One node with its context.
    public func node(code: String, as principal: Principal) async throws -> NodeDetail {
        guard let frameworkCode = try await store.frameworks.frameworkCode(ofNode: code),
            let framework = try await store.frameworks.framework(code: frameworkCode),
            let node = framework.node(code: code)
        else { throw ServiceError.notFound("noden «\(code)»") }
        var related: [RelatedNode] = []
        let all = try await store.frameworks.all()
        for candidate in all {
            for link in candidate.links {
                let other: NodeReference
                if link.origin.identifier == node.identifier {
                    other = link.destination
                } else if link.destination.identifier == node.identifier {
                    other = link.origin
                } else {
                    continue
                }
                let loaded = all.contains { $0.nodes.contains { $0.identifier == other.identifier } }
                let code = all.lazy.compactMap { $0.nodes.first { $0.identifier == other.identifier }?.code }.first
                related.append(RelatedNode(type: link.type, code: code ?? other.code, title: other.title, isLoaded: loaded))
            }
        }
        return NodeDetail(
            framework: FrameworkSummary(framework), node: node, ancestors: framework.ancestors(of: node),
            children: framework.children(of: node), related: related,
            measures: try await store.measures.measures(teachingNode: code))
    }
}

extension FrameworkService {
    /// Which framework each node code belongs to, for building links to nodes.
    public func frameworkCodesByNode() async throws -> [String: String] {
        var index: [String: String] = [:]
        for framework in try await store.frameworks.all() {
            for node in framework.nodes { index[node.code] = framework.code }
        }
        return index
    }
}
