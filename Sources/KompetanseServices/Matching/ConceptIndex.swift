import KompetanseDomain
import KompetanseSearch

/// A framework node a text concerns, with how strongly and on which words.
public struct ConceptMatch: Sendable {
    /// The node.
    public var node: FrameworkNode
    /// The framework's code.
    public var frameworkCode: String
    /// Strength relative to the best node for the same text (0…1).
    public var score: Double
    /// The words of the text the match rests on.
    public var words: [String]
}

/// The concept layer: maps text to framework nodes through their labels, the synonyms of those labels and the
/// words of measures that are tagged with them, so a need shows which capabilities it concerns.
public struct ConceptIndex: Sendable {
    /// Named constants.
    public enum Configuration {
        /// A node must score at least this share of the best node to be listed.
        public static let relativeThreshold = 0.6
        /// Minimum BM25F score (roughly: one distinctive label word) for a node to count at all.
        public static let absoluteThreshold = 1.5
        /// At most this many nodes are returned.
        public static let maximumNodes = 4
    }

    private let index: InvertedIndex
    private let nodes: [String: (node: FrameworkNode, framework: String)]

    /// Builds the index from frameworks, synonym groups and the catalogue's declared or confirmed tags.
    public init(frameworks: [Framework], synonyms: [SynonymGroup], measures: [Measure]) {
        let analyzer = Analyzer()
        var taughtText: [String: [String]] = [:]
        for measure in measures {
            for term in measure.teaches where term.origin != .suggested {
                guard let code = term.code else { continue }
                taughtText[code, default: []].append(([term.name ?? ""] + measure.keywordValues).joined(separator: " "))
            }
        }
        let analysedGroups = synonyms.map { group in (group, group.terms.map { analyzer.terms($0).map(\.term) }) }
        var documents: [SearchDocument] = []
        var nodes: [String: (FrameworkNode, String)] = [:]
        for framework in frameworks {
            for node in framework.nodes where !node.isPlaceholder && node.kind != "Generasjon" && !node.code.hasPrefix("DIGCOMP.L") {
                // A group belongs to a node when one of its phrases occurs in the label as a whole, not when they
                // merely share a common word ("digital", "ledelse").
                let labelTerms = analyzer.terms(node.label).map(\.term)
                let related = analysedGroups.filter { _, phrases in phrases.contains { labelTerms.containsSequence($0) } }
                    .flatMap(\.0.terms)
                documents.append(
                    SearchDocument(
                        identifier: node.code,
                        fields: [
                            "label": node.label, "labelEn": node.labelEn ?? "", "synonyms": related.joined(separator: " "),
                            "description": node.description ?? "", "taught": (taughtText[node.code] ?? []).joined(separator: " "),
                        ]))
                nodes[node.code] = (node, framework.code)
            }
        }
        self.nodes = nodes
        index = InvertedIndex(
            documents: documents,
            fields: [
                FieldSpecification(name: "label", weight: 3, lengthNormalisation: 0.3),
                FieldSpecification(name: "labelEn", weight: 1, lengthNormalisation: 0.3),
                FieldSpecification(name: "synonyms", weight: 1.5, lengthNormalisation: 0.3),
                FieldSpecification(name: "description", weight: 0.5, lengthNormalisation: 0.75),
                FieldSpecification(name: "taught", weight: 0.5, lengthNormalisation: 0.75),
            ], analyzer: analyzer)
    }

    /// The nodes a text concerns, best first.
    public func nodes(for text: String, queryTerms: [QueryTerm]? = nil) -> [ConceptMatch] {
        let query = queryTerms ?? index.queryTerms(text)
        let prepared = index.prepare(query)
        let hits = index.scores(prepared, limit: 20)
        guard let best = hits.first?.score, best >= Configuration.absoluteThreshold else { return [] }
        return hits.filter { $0.score >= best * Configuration.relativeThreshold }.prefix(Configuration.maximumNodes)
            .compactMap { hit in
                guard let entry = nodes[hit.identifier], let position = index.position(of: hit.identifier) else { return nil }
                let words = index.explain(document: position, prepared).children.map(\.quotedOrigin)
                return ConceptMatch(node: entry.node, frameworkCode: entry.framework, score: hit.score / best, words: words)
            }
    }

    /// A node by its code as a concept of full strength, for a need that is that node.
    public func match(code: String) -> ConceptMatch? {
        nodes[code].map { ConceptMatch(node: $0.node, frameworkCode: $0.framework, score: 1, words: [$0.node.label]) }
    }

    /// Tags the system suggests for a measure that has none: the nodes its title and keywords concern.
    public func suggestedTags(for measure: Measure) -> [ConceptMatch] {
        nodes(for: ([measure.name] + measure.keywordValues).joined(separator: " "))
    }
}
