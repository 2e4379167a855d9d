#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A document to index: an identifier and named text fields.
public struct SearchDocument: Sendable {
    /// The caller's identifier.
    public var identifier: String
    /// Field name → text.
    public var fields: [String: String]

    /// Creates a document.
    public init(identifier: String, fields: [String: String]) {
        self.identifier = identifier
        self.fields = fields
    }
}

/// How a field counts in BM25F.
public struct FieldSpecification: Sendable, Hashable {
    /// The field name.
    public var name: String
    /// How much one occurrence here counts relative to the others.
    public var weight: Double
    /// Length normalisation for this field (BM25's `b`): 0 ignores length, 1 divides fully by relative length.
    public var lengthNormalisation: Double

    /// Creates a field specification.
    public init(name: String, weight: Double, lengthNormalisation: Double = 0.75) {
        self.name = name
        self.weight = weight
        self.lengthNormalisation = lengthNormalisation
    }
}

/// One weighted term of a query, with where it came from (the user's word, a synonym, a compound part).
public struct QueryTerm: Sendable, Hashable {
    /// The index form.
    public var term: String
    /// Weight relative to the user's own words (1).
    public var weight: Double
    /// The word or phrase that produced it, for explanations.
    public var origin: String

    /// Creates a query term.
    public init(term: String, weight: Double = 1, origin: String) {
        self.term = term
        self.weight = weight
        self.origin = origin
    }
}

/// A scored document with the explanation of its score.
public struct SearchHit: Sendable {
    /// The document identifier.
    public var identifier: String
    /// The score.
    public var score: Double
    /// Why: per matched term, its contribution and the fields it was found in.
    public var explanation: ScoreExplanation
}

/// An immutable inverted index over fielded documents, scored with BM25F.
///
/// BM25F (Robertson, Zaragoza & Taylor 2004): per term, field frequencies are length-normalised per field,
/// weighted and summed into one pseudo-frequency `tf`, then saturated once: `idf · tf / (k1 + tf)`.
/// `idf = ln(1 + (N − df + 0.5) / (df + 0.5))` as in Lucene.
public struct InvertedIndex: Sendable {
    /// Named constants.
    public enum Configuration {
        /// Term-frequency saturation; 1.2 is the usual BM25 value.
        public static let k1 = 1.2
        /// Weight of a compound part relative to a whole word found in the text.
        public static let compoundPartWeight = 0.6
    }

    /// One occurrence list entry: a document, a field, and the field's length-normalised, weighted frequency,
    /// computed once at build time because it does not depend on the query.
    private struct Posting: Sendable {
        let document: Int32
        let field: Int32
        let weightedFrequency: Double
    }

    /// The fields and their weights.
    public let fields: [FieldSpecification]
    /// The analyzer used for documents and queries.
    public let analyzer: Analyzer
    /// The splitter built from this index's vocabulary.
    public let splitter: CompoundSplitter
    private let identifiers: [String]
    private let documentIndex: [String: Int]
    private let postings: [String: [Posting]]
    private let documentFrequency: [String: Int]
    private let averageFieldLength: [Double]

    /// Number of documents.
    public var count: Int { identifiers.count }

    /// Builds the index.
    public init(documents: [SearchDocument], fields: [FieldSpecification], analyzer: Analyzer = Analyzer()) {
        self.fields = fields
        self.analyzer = analyzer
        identifiers = documents.map(\.identifier)
        documentIndex = Dictionary(documents.enumerated().map { ($1.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        // First pass: the vocabulary of the corpus guides compound splitting.
        var vocabulary: Set<String> = []
        var analysed: [[[AnalyzedTerm]]] = []
        for document in documents {
            var perField: [[AnalyzedTerm]] = []
            for field in fields {
                let terms = analyzer.terms(document.fields[field.name] ?? "")
                for term in terms {
                    vocabulary.insert(analyzer.options.foldNynorsk ? Analyzer.foldNynorsk(term.surface) : term.surface)
                    vocabulary.insert(term.term)
                }
                perField.append(terms)
            }
            analysed.append(perField)
        }
        let splitter = CompoundSplitter(vocabulary: vocabulary)
        self.splitter = splitter
        var rawPostings: [String: [(Int, Int, Double)]] = [:]
        var documentFrequency: [String: Int] = [:]
        var lengths: [[Double]] = []
        var totals = [Double](repeating: 0, count: fields.count)
        var partCache: [String: [String]] = [:]
        for (documentIndex, perField) in analysed.enumerated() {
            var seen: Set<String> = []
            var lengthRow: [Double] = []
            for (fieldIndex, terms) in perField.enumerated() {
                var frequencies: [String: Double] = [:]
                for term in terms {
                    frequencies[term.term, default: 0] += 1
                    let parts: [String]
                    if let cached = partCache[term.surface] {
                        parts = cached
                    } else {
                        let folded = analyzer.options.foldNynorsk ? Analyzer.foldNynorsk(term.surface) : term.surface
                        parts = splitter.split(folded).compactMap { analyzer.term(for: $0) }
                        partCache[term.surface] = parts
                    }
                    for part in parts where part != term.term {
                        frequencies[part, default: 0] += Configuration.compoundPartWeight
                    }
                }
                for (term, frequency) in frequencies {
                    rawPostings[term, default: []].append((documentIndex, fieldIndex, frequency))
                    if seen.insert(term).inserted { documentFrequency[term, default: 0] += 1 }
                }
                lengthRow.append(Double(terms.count))
                totals[fieldIndex] += Double(terms.count)
            }
            lengths.append(lengthRow)
        }
        let documentCount = Double(max(1, documents.count))
        let averages = totals.map { max(1, $0 / documentCount) }
        // Postings stay in document order (documents were visited in order), which `explain` relies on.
        self.postings = rawPostings.mapValues { list in
            list.map { document, fieldIndex, frequency in
                let field = fields[fieldIndex]
                let normaliser =
                    1 - field.lengthNormalisation + field.lengthNormalisation * lengths[document][fieldIndex] / averages[fieldIndex]
                return Posting(
                    document: Int32(document), field: Int32(fieldIndex),
                    weightedFrequency: field.weight * frequency / max(normaliser, 0.0001))
            }
        }
        self.documentFrequency = documentFrequency
        averageFieldLength = averages
    }

    /// Inverse document frequency of a term (0 when absent).
    public func idf(_ term: String) -> Double {
        let n = Double(identifiers.count)
        let df = Double(documentFrequency[term] ?? 0)
        guard df > 0 else { return 0 }
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// True when the term occurs in some document.
    public func contains(term: String) -> Bool { documentFrequency[term] != nil }

    /// The query terms of a text: its own analysed words, plus the parts of compounds the corpus knows.
    public func queryTerms(_ text: String, weight: Double = 1, origin: String? = nil) -> [QueryTerm] {
        var result: [QueryTerm] = []
        for term in analyzer.terms(text) {
            result.append(QueryTerm(term: term.term, weight: weight, origin: origin ?? term.surface))
            let folded = analyzer.options.foldNynorsk ? Analyzer.foldNynorsk(term.surface) : term.surface
            // A query compound unknown to the corpus ("sikkerhetskulturarbeid") is searched by its parts.
            if !contains(term: term.term) {
                for part in splitter.split(folded).compactMap({ analyzer.term(for: $0) }) {
                    result.append(
                        QueryTerm(term: part, weight: weight * Configuration.compoundPartWeight, origin: origin ?? term.surface))
                }
            }
        }
        return result
    }

    /// Repeated terms (a word and its synonym share a stem) count once, with the larger weight.
    private func merged(_ query: [QueryTerm]) -> [QueryTerm] {
        var merged: [String: QueryTerm] = [:]
        for term in query where merged[term.term].map({ $0.weight < term.weight }) ?? true { merged[term.term] = term }
        return merged.values.sorted { $0.term < $1.term }
    }

    /// BM25F scores of the best documents matching at least one query term, best first, without explanations
    /// (see ``explain(_:query:)``): scoring touches every posting, explaining only the documents shown.
    /// - Parameters:
    ///   - allowed: when given, only documents for which it returns true are scored.
    public func scores(_ query: [QueryTerm], limit: Int = .max, allowed: ((String) -> Bool)? = nil) -> [(identifier: String, score: Double)] {
        var scores = [Double](repeating: 0, count: identifiers.count)
        var touched: [Int] = []
        for queryTerm in merged(query) {
            guard let list = postings[queryTerm.term] else { continue }
            let factor = queryTerm.weight * idf(queryTerm.term)
            var index = 0
            while index < list.count {
                let document = Int(list[index].document)
                var tf = 0.0
                while index < list.count, Int(list[index].document) == document {
                    tf += list[index].weightedFrequency
                    index += 1
                }
                if scores[document] == 0 { touched.append(document) }
                scores[document] += factor * tf / (Configuration.k1 + tf)
            }
        }
        var ranked: [(Int, Double)] = []
        ranked.reserveCapacity(touched.count)
        for document in touched where scores[document] > 0 {
            if let allowed, !allowed(identifiers[document]) { continue }
            ranked.append((document, scores[document]))
        }
        // Only the best `limit` need ordering: find the score at that rank on the bare numbers, keep what reaches
        // it (ties included), and order just those by score and identifier.
        guard limit > 0 else { return [] }
        if limit < ranked.count {
            let threshold = Self.largest(limit, of: ranked.map(\.1))
            ranked.removeAll { $0.1 < threshold }
        }
        ranked.sort { $0.1 != $1.1 ? $0.1 > $1.1 : identifiers[$0.0] < identifiers[$1.0] }
        return ranked.prefix(limit).map { (identifier: identifiers[$0.0], score: $0.1) }
    }

    /// The `rank`-th largest of the values (1 is the largest), by quickselect: linear on average, where sorting
    /// every scored document would be n log n.
    static func largest(_ rank: Int, of values: [Double]) -> Double {
        var values = values
        var low = 0
        var high = values.count - 1
        let target = rank - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var left = low
            var right = high
            while left <= right {
                while values[left] > pivot { left += 1 }
                while values[right] < pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if target <= right { high = right } else if target >= left { low = left } else { return values[target] }
        }
        return values[target]
    }

    /// Why a document scores what it does for a query: per matched term, its contribution and fields.
    public func explain(_ identifier: String, query: [QueryTerm]) -> ScoreExplanation {
        guard let document = documentIndex[identifier] else {
            return ScoreExplanation(value: 0, description: "BM25F", fields: [], children: [])
        }
        var children: [ScoreExplanation] = []
        for queryTerm in merged(query) {
            guard let list = postings[queryTerm.term] else { continue }
            // Postings are in document order, so a binary search finds this document's entries.
            var low = 0
            var high = list.count
            while low < high {
                let middle = (low + high) / 2
                if Int(list[middle].document) < document { low = middle + 1 } else { high = middle }
            }
            var tf = 0.0
            var fieldNames: [String] = []
            while low < list.count, Int(list[low].document) == document {
                tf += list[low].weightedFrequency
                fieldNames.append(fields[Int(list[low].field)].name)
                low += 1
            }
            guard tf > 0 else { continue }
            children.append(
                ScoreExplanation(
                    value: queryTerm.weight * idf(queryTerm.term) * tf / (Configuration.k1 + tf),
                    description: "«\(queryTerm.origin)» → \(queryTerm.term)", fields: fieldNames, children: []))
        }
        children.sort { $0.value > $1.value }
        return ScoreExplanation(value: children.reduce(0) { $0 + $1.value }, description: "BM25F", fields: [], children: children)
    }

    /// BM25F scores with explanations, best first.
    public func search(_ query: [QueryTerm], limit: Int = .max, allowed: ((String) -> Bool)? = nil) -> [SearchHit] {
        scores(query, limit: limit, allowed: allowed).map { hit in
            SearchHit(identifier: hit.identifier, score: hit.score, explanation: explain(hit.identifier, query: query))
        }
    }
}
