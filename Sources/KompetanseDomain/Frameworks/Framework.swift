/// A competence or maturity framework (Digdir's model, DI2X generations, DigComp, …) as data: a versioned
/// document with a tree of coded nodes and crosswalk links to other frameworks. Its shape follows 1EdTech CASE 1.1.
public struct Framework: Sendable, Hashable, Codable {
    /// The CASE `CFDocument.identifier` (a UUID string).
    public var identifier: String
    /// Short code used in URLs and as the prefix of node codes, e.g. `DI2X`.
    public var code: String
    /// The CASE document URI.
    public var uri: String
    /// Norwegian title.
    public var title: String
    /// Who publishes the framework.
    public var creator: String
    /// Version string as published.
    public var version: String
    /// Language of the labels (`nb`).
    public var language: String
    /// Norwegian description.
    public var description: String?
    /// CASE `lastChangeDateTime`, kept verbatim.
    public var lastChangeDateTime: String?
    /// Framework data without a CASE field (English title, source URL, …), kept verbatim.
    public var extensions: [String: JSONValue]
    /// Unknown `CFDocument` members, round-tripped unchanged.
    public var extra: [String: JSONValue]
    /// Nodes in depth-first tree order.
    public var nodes: [FrameworkNode]
    /// Links other than the tree (crosswalks such as `isRelatedTo`, `exactMatchOf`).
    public var links: [FrameworkLink]

    /// Creates a framework from its parts.
    public init(
        identifier: String, code: String, uri: String, title: String, creator: String, version: String,
        language: String, description: String?, lastChangeDateTime: String?, extensions: [String: JSONValue],
        extra: [String: JSONValue], nodes: [FrameworkNode], links: [FrameworkLink]
    ) {
        self.identifier = identifier
        self.code = code
        self.uri = uri
        self.title = title
        self.creator = creator
        self.version = version
        self.language = language
        self.description = description
        self.lastChangeDateTime = lastChangeDateTime
        self.extensions = extensions
        self.extra = extra
        self.nodes = nodes
        self.links = links
    }

    /// English title, when the framework carries one.
    public var titleEn: String? { extensions["titleEn"]?.stringValue }

    /// The nodes without a parent, in order.
    public var roots: [FrameworkNode] { nodes.filter { $0.parentIdentifier == nil } }

    /// The children of a node, in order.
    public func children(of node: FrameworkNode) -> [FrameworkNode] {
        nodes.filter { $0.parentIdentifier == node.identifier }
    }

    /// The node with the given code.
    public func node(code: String) -> FrameworkNode? {
        nodes.first { $0.code == code }
    }

    /// The chain of ancestors of a node, root first.
    public func ancestors(of node: FrameworkNode) -> [FrameworkNode] {
        var chain: [FrameworkNode] = []
        var current = node.parentIdentifier
        var seen: Set<String> = []
        while let id = current, !seen.contains(id), let parent = nodes.first(where: { $0.identifier == id }) {
            seen.insert(id)
            chain.insert(parent, at: 0)
            current = parent.parentIdentifier
        }
        return chain
    }

    /// The tree as nested values, for browsing.
    public func tree() -> [FrameworkTreeNode] {
        var childrenByParent: [String: [FrameworkNode]] = [:]
        for node in nodes {
            if let parent = node.parentIdentifier { childrenByParent[parent, default: []].append(node) }
        }
        func build(_ node: FrameworkNode, depth: Int) -> FrameworkTreeNode {
            let children = depth > 32 ? [] : (childrenByParent[node.identifier] ?? []).map { build($0, depth: depth + 1) }
            return FrameworkTreeNode(node: node, children: children)
        }
        return roots.map { build($0, depth: 0) }
    }
}

/// One node of a framework tree together with its children.
public struct FrameworkTreeNode: Sendable, Hashable {
    /// The node.
    public var node: FrameworkNode
    /// Its children, in order.
    public var children: [FrameworkTreeNode]
}

/// A node of a framework: a level, theme, capability, sub-capability, competence, generation, step or learning mode.
public struct FrameworkNode: Sendable, Hashable, Codable {
    /// The CASE `CFItem.identifier` (a UUID string).
    public var identifier: String
    /// The CASE item URI.
    public var uri: String
    /// The human coding scheme, e.g. `DI2X.T.3.1`; measures name nodes by this code in `teaches`.
    public var code: String
    /// The CASE item type in Norwegian (`Nivå`, `Kapabilitet`, `Delkapabilitet`, `Generasjon`, …).
    public var kind: String
    /// Norwegian label (`fullStatement`).
    public var label: String
    /// Norwegian description (`notes`).
    public var description: String?
    /// Label language.
    public var language: String
    /// Position among siblings as published (`listEnumeration`).
    public var listEnumeration: String?
    /// CASE `lastChangeDateTime`, kept verbatim.
    public var lastChangeDateTime: String?
    /// The parent node's identifier; `nil` for a root.
    public var parentIdentifier: String?
    /// The tree association that links this node to its parent, kept so an export reproduces it exactly.
    public var parentAssociation: FrameworkLink?
    /// Per-node data without a CASE field (English label, generation relevance, placeholder flag, …).
    public var extensions: [String: JSONValue]
    /// Unknown `CFItem` members, round-tripped unchanged.
    public var extra: [String: JSONValue]

    /// Creates a node from its parts.
    public init(
        identifier: String, uri: String, code: String, kind: String, label: String, description: String?,
        language: String, listEnumeration: String?, lastChangeDateTime: String?, parentIdentifier: String?,
        parentAssociation: FrameworkLink?, extensions: [String: JSONValue], extra: [String: JSONValue]
    ) {
        self.identifier = identifier
        self.uri = uri
        self.code = code
        self.kind = kind
        self.label = label
        self.description = description
        self.language = language
        self.listEnumeration = listEnumeration
        self.lastChangeDateTime = lastChangeDateTime
        self.parentIdentifier = parentIdentifier
        self.parentAssociation = parentAssociation
        self.extensions = extensions
        self.extra = extra
    }

    /// English label, when known.
    public var labelEn: String? { extensions["labelEn"]?.stringValue }
    /// English description, when known.
    public var descriptionEn: String? { extensions["descriptionEn"]?.stringValue }
    /// True for a node whose content is not publicly known and waits for an administrator to fill it in.
    public var isPlaceholder: Bool { extensions["placeholder"]?.boolValue ?? false }
    /// True when the node rests on an uncertain source (e.g. workshop slides only).
    public var isUncertain: Bool { extensions["confidence"]?.stringValue == "uncertain" }
    /// The maturity generation (1–6) from which the framework says this node becomes relevant.
    public var relevantFromGeneration: Int? { extensions["relevantFromGeneration"]?.intValue }
    /// The maturity generation (1–6) from which the framework says this node is critical.
    public var criticalFromGeneration: Int? { extensions["criticalFromGeneration"]?.intValue }
    /// The source's own wording of the generation relevance (e.g. "verdi fra G2*").
    public var generationNote: String? { extensions["generationNote"]?.stringValue }
    /// A source URL for the node, when given.
    public var source: String? { extensions["source"]?.stringValue }
}

/// A CASE association: a tree edge (`isChildOf`) or a crosswalk (`isRelatedTo`, `exactMatchOf`, …).
public struct FrameworkLink: Sendable, Hashable, Codable {
    /// The association identifier (a UUID string).
    public var identifier: String
    /// The CASE association type.
    public var type: String
    /// The origin node reference.
    public var origin: NodeReference
    /// The destination node reference, possibly in another framework.
    public var destination: NodeReference
    /// Order among siblings for tree edges.
    public var sequenceNumber: Int?
    /// CASE `lastChangeDateTime`, kept verbatim.
    public var lastChangeDateTime: String?
    /// Unknown association members, round-tripped unchanged.
    public var extra: [String: JSONValue]

    /// Creates a link from its parts.
    public init(
        identifier: String, type: String, origin: NodeReference, destination: NodeReference, sequenceNumber: Int?,
        lastChangeDateTime: String?, extra: [String: JSONValue]
    ) {
        self.identifier = identifier
        self.type = type
        self.origin = origin
        self.destination = destination
        self.sequenceNumber = sequenceNumber
        self.lastChangeDateTime = lastChangeDateTime
        self.extra = extra
    }
}

/// A CASE `LinkURI`: how one node points at another.
public struct NodeReference: Sendable, Hashable, Codable {
    /// Title of the node pointed at.
    public var title: String
    /// Identifier of the node pointed at.
    public var identifier: String
    /// URI of the node pointed at.
    public var uri: String

    /// Creates a reference.
    public init(title: String, identifier: String, uri: String) {
        self.title = title
        self.identifier = identifier
        self.uri = uri
    }

    /// The node code, when the URI follows this system's `urn:kompetansebro:node:CODE` pattern.
    public var code: String? {
        let prefix = "urn:kompetansebro:node:"
        return uri.hasPrefix(prefix) ? String(uri.dropFirst(prefix.count)) : nil
    }
}
