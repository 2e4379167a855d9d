import Foundation

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

/// A query resolved against one index: each distinct term once (with its largest weight), its postings and its
/// factor `weight · idf`. Prepared once per query, then used for scoring and for every explanation.
public struct PreparedQuery: Sendable {
    struct Term: Sendable {
        let query: QueryTerm
        let postings: Range<Int>
        let factor: Double
    }

    let terms: [Term]

    /// True when no term of the query occurs in the index.
    public var isEmpty: Bool { terms.isEmpty }

    /// Whether some term of the query (by index form) satisfies `predicate`.
    public func hasTerm(where predicate: (String) -> Bool) -> Bool {
        terms.contains { predicate($0.query.term) }
    }
}

/// An immutable inverted index over fielded documents, scored with BM25F.
///
/// BM25F (Robertson, Zaragoza & Taylor 2004): per term, field frequencies are length-normalised per field,
/// weighted and summed into one pseudo-frequency `tf`, then saturated once: `idf · tf / (k1 + tf)`.
/// `idf = ln(1 + (N − df + 0.5) / (df + 0.5))` as in Lucene.
///
/// Layout: terms are numbered, and all postings sit in three flat arrays (document, saturated frequency, field
/// set), one contiguous run per term in document order. Only `tf / (k1 + tf)` depends on the document, so it is
/// computed at build time; a query multiplies it by the term's factor and adds it into one score per document.
public struct InvertedIndex: Sendable {
    /// Named constants.
    public enum Configuration {
        /// Term-frequency saturation; 1.2 is the usual BM25 value.
        public static let k1 = 1.2
        /// Weight of a compound part relative to a whole word found in the text.
        public static let compoundPartWeight = 0.6
    }

    /// The fields and their weights.
    public let fields: [FieldSpecification]
    /// The analyzer used for documents and queries.
    public let analyzer: Analyzer
    /// The splitter built from this index's vocabulary.
    public let splitter: CompoundSplitter
    private let identifiers: [String]
    private let documentIndex: [String: Int]
    private let termNumbers: [String: Int]
    /// Postings of term `t` are at `postingStart[t]..<postingStart[t + 1]`.
    private let postingStart: [Int]
    private let postingDocument: [Int32]
    private let postingSaturation: [Double]
    private let postingFields: [UInt64]
    private let inverseDocumentFrequency: [Double]
    /// The analysis of every word the corpus contains (`nil` for a stop word), so a query's known words are
    /// looked up rather than analysed again.
    private let analysedWords: [String: String?]
    /// Analyses of query words the corpus does not contain, remembered: needs repeat their words.
    private let unknownWords = WordMemo()
    /// The field names of every field set, for indexes with few fields (explanations share these arrays).
    private let fieldNameSets: [[String]]

    /// Number of documents.
    public var count: Int { identifiers.count }

    /// Builds the index.
    public init(documents: [SearchDocument], fields: [FieldSpecification], analyzer: Analyzer = Analyzer()) {
        precondition(fields.count <= 64, "at most 64 fields")
        self.fields = fields
        self.analyzer = analyzer
        identifiers = documents.map(\.identifier)
        documentIndex = Dictionary(documents.enumerated().map { ($1.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        // First pass: the vocabulary of the corpus guides compound splitting.
        var vocabulary: Set<String> = []
        var analysedWords: [String: String?] = [:]
        var seenWords: Set<String> = []
        var analysed: [[[AnalyzedTerm]]] = []
        for document in documents {
            var perField: [[AnalyzedTerm]] = []
            for field in fields {
                let words = Tokenizer.words(document.fields[field.name] ?? "")
                var terms: [AnalyzedTerm] = []
                for (position, word) in words.enumerated() {
                    let term: String?
                    if let known = analysedWords[word] {
                        term = known
                    } else {
                        term = analyzer.term(for: word)
                        analysedWords[word] = .some(term)
                    }
                    guard let term else { continue }
                    terms.append(AnalyzedTerm(term: term, surface: word, position: position))
                    // Each distinct word enters the vocabulary once.
                    if seenWords.insert(word).inserted {
                        vocabulary.insert(analyzer.folded(word))
                        vocabulary.insert(term)
                    }
                }
                perField.append(terms)
            }
            analysed.append(perField)
        }
        self.analysedWords = analysedWords
        fieldNameSets = fields.count > 8 ? [] : (0..<(1 << fields.count)).map { set in
            fields.indices.filter { set & (1 << $0) != 0 }.map { fields[$0].name }
        }
        let splitter = CompoundSplitter(vocabulary: vocabulary)
        self.splitter = splitter
        // Per term: (document, field, frequency), in document order.
        var rawPostings: [String: [(document: Int, field: Int, frequency: Double)]] = [:]
        var lengths: [[Double]] = []
        var totals = [Double](repeating: 0, count: fields.count)
        var partCache: [String: [String]] = [:]
        for (documentIndex, perField) in analysed.enumerated() {
            var lengthRow: [Double] = []
            for (fieldIndex, terms) in perField.enumerated() {
                var frequencies: [String: Double] = [:]
                for term in terms {
                    frequencies[term.term, default: 0] += 1
                    let parts: [String]
                    if let cached = partCache[term.surface] {
                        parts = cached
                    } else {
                        let folded = analyzer.folded(term.surface)
                        parts = splitter.split(folded).compactMap { analyzer.term(for: $0) }
                        partCache[term.surface] = parts
                    }
                    for part in parts where part != term.term {
                        frequencies[part, default: 0] += Configuration.compoundPartWeight
                    }
                }
                for (term, frequency) in frequencies {
                    rawPostings[term, default: []].append((documentIndex, fieldIndex, frequency))
                }
                lengthRow.append(Double(terms.count))
                totals[fieldIndex] += Double(terms.count)
            }
            lengths.append(lengthRow)
        }
        let documentCount = Double(max(1, documents.count))
        let averages = totals.map { max(1, $0 / documentCount) }
        // Flatten: terms in sorted order (a stable layout), one run per term, one entry per (term, document) with
        // the field frequencies length-normalised, weighted, summed and saturated.
        var termNumbers: [String: Int] = [:]
        var postingStart: [Int] = [0]
        var postingDocument: [Int32] = []
        var postingSaturation: [Double] = []
        var postingFields: [UInt64] = []
        var inverseDocumentFrequency: [Double] = []
        for term in rawPostings.keys.sorted() {
            let list = rawPostings[term] ?? []
            termNumbers[term] = termNumbers.count
            var position = 0
            var documentFrequency = 0
            while position < list.count {
                let document = list[position].document
                var tf = 0.0
                var fieldSet: UInt64 = 0
                while position < list.count, list[position].document == document {
                    let (_, fieldIndex, frequency) = list[position]
                    let field = fields[fieldIndex]
                    let normaliser =
                        1 - field.lengthNormalisation + field.lengthNormalisation * lengths[document][fieldIndex] / averages[fieldIndex]
                    tf += field.weight * frequency / max(normaliser, 0.0001)
                    fieldSet |= 1 << UInt64(fieldIndex)
                    position += 1
                }
                postingDocument.append(Int32(document))
                postingSaturation.append(tf / (Configuration.k1 + tf))
                postingFields.append(fieldSet)
                documentFrequency += 1
            }
            postingStart.append(postingDocument.count)
            let df = Double(documentFrequency)
            inverseDocumentFrequency.append(log(1 + (documentCount - df + 0.5) / (df + 0.5)))
        }
        self.termNumbers = termNumbers
        self.postingStart = postingStart
        self.postingDocument = postingDocument
        self.postingSaturation = postingSaturation
        self.postingFields = postingFields
        self.inverseDocumentFrequency = inverseDocumentFrequency
    }

    /// Inverse document frequency of a term (0 when absent).
    public func idf(_ term: String) -> Double {
        termNumbers[term].map { inverseDocumentFrequency[$0] } ?? 0
    }

    /// How many documents contain the term.
    public func documentFrequency(_ term: String) -> Int {
        termNumbers[term].map { postingStart[$0 + 1] - postingStart[$0] } ?? 0
    }

    /// The number of documents.
    public var documentCount: Int { identifiers.count }

    /// True when the term occurs in some document.
    public func contains(term: String) -> Bool { termNumbers[term] != nil }

    /// The identifier of the document at `position` (the order documents were given in).
    public func identifier(at position: Int) -> String { identifiers[position] }

    /// The position of a document (the order documents were given in), or `nil` when unknown.
    public func position(of identifier: String) -> Int? { documentIndex[identifier] }

    /// The analysed terms of a text, as ``Analyzer/terms(_:)`` gives them; words the corpus contains are looked up.
    public func terms(_ text: String) -> [AnalyzedTerm] {
        terms(words: Tokenizer.words(text))
    }

    /// The analysed terms of words from ``Tokenizer/words(_:)``.
    public func terms(words: [String]) -> [AnalyzedTerm] {
        var result: [AnalyzedTerm] = []
        for (position, word) in words.enumerated() {
            let term = analysedWords[word] ?? unknownWords.analysis(of: word) { analyzer.term(for: word) }
            if let term { result.append(AnalyzedTerm(term: term, surface: word, position: position)) }
        }
        return result
    }

    /// The query terms of a text: its own analysed words, plus the parts of compounds the corpus knows.
    public func queryTerms(_ text: String, weight: Double = 1, origin: String? = nil) -> [QueryTerm] {
        queryTerms(words: Tokenizer.words(text), weight: weight, origin: origin)
    }

    /// The query terms of words from ``Tokenizer/words(_:)``.
    public func queryTerms(words: [String], weight: Double = 1, origin: String? = nil) -> [QueryTerm] {
        var result: [QueryTerm] = []
        for term in terms(words: words) {
            result.append(QueryTerm(term: term.term, weight: weight, origin: origin ?? term.surface))
            // A query compound unknown to the corpus ("sikkerhetskulturarbeid") is searched by its parts.
            if !contains(term: term.term) {
                let parts = unknownWords.parts(of: term.surface) {
                    let folded = analyzer.folded(term.surface)
                    return splitter.split(folded).compactMap { analyzer.term(for: $0) }
                }
                for part in parts {
                    result.append(
                        QueryTerm(term: part, weight: weight * Configuration.compoundPartWeight, origin: origin ?? term.surface))
                }
            }
        }
        return result
    }

    /// The index's terms that hold `part` as a compound's head or modifier: they end with it, or begin with it,
    /// with at least ``CompoundSplitter/Configuration/minimumPartLength`` letters besides — for a word the corpus
    /// never uses alone ("rente" where the documents write "kalkulasjonsrenten"). Closest compounds (shortest)
    /// first, at most `limit`.
    public func compounds(containing part: String, limit: Int) -> [String] {
        let minimum = CompoundSplitter.Configuration.minimumPartLength
        guard part.count >= minimum else { return [] }
        let found = termNumbers.keys.filter { term in
            term.count >= part.count + minimum && (term.hasSuffix(part) || term.hasPrefix(part))
        }
        return Array(found.sorted { ($0.count, $0) < ($1.count, $1) }.prefix(limit))
    }

    /// Resolves a query against this index. Repeated terms (a word and its synonym share a stem) count once, with
    /// the larger weight; terms the index does not contain are dropped.
    public func prepare(_ query: [QueryTerm]) -> PreparedQuery {
        // Terms are numbered in sorted order, so ordering by number orders by term; the stable sort keeps the
        // first of equal weights, whose origin the explanation names.
        let known = query.compactMap { term in termNumbers[term.term].map { (number: $0, term: term) } }
            .sorted { $0.number < $1.number }
        var terms: [PreparedQuery.Term] = []
        terms.reserveCapacity(known.count)
        var previous = -1
        for entry in known {
            let term = PreparedQuery.Term(
                query: entry.term, postings: postingStart[entry.number]..<postingStart[entry.number + 1],
                factor: entry.term.weight * inverseDocumentFrequency[entry.number])
            if entry.number != previous {
                terms.append(term)
                previous = entry.number
            } else if entry.term.weight > terms[terms.count - 1].query.weight {
                terms[terms.count - 1] = term
            }
        }
        return PreparedQuery(terms: terms)
    }

    /// The BM25F score of every document, by position (0 where no query term occurs).
    public func documentScores(_ query: PreparedQuery) -> [Double] {
        var scores = [Double](repeating: 0, count: identifiers.count)
        postingDocument.withUnsafeBufferPointer { documents in
            postingSaturation.withUnsafeBufferPointer { saturation in
                scores.withUnsafeMutableBufferPointer { scores in
                    for term in query.terms where term.factor > 0 {
                        let factor = term.factor
                        for posting in term.postings {
                            scores[Int(documents[posting])] += factor * saturation[posting]
                        }
                    }
                }
            }
        }
        return scores
    }

    /// The BM25F score of every document that matches at least one term `required` accepts (by index form); 0 for
    /// every other document. The other terms add to documents already scored, so each posting is still read once:
    /// the same scores as ``documentScores(_:)`` for the documents that count.
    public func documentScores(_ query: PreparedQuery, requiring required: (String) -> Bool) -> [Double] {
        var scores = [Double](repeating: 0, count: identifiers.count)
        postingDocument.withUnsafeBufferPointer { documents in
            postingSaturation.withUnsafeBufferPointer { saturation in
                scores.withUnsafeMutableBufferPointer { scores in
                    for term in query.terms where term.factor > 0 && required(term.query.term) {
                        let factor = term.factor
                        for posting in term.postings { scores[Int(documents[posting])] += factor * saturation[posting] }
                    }
                    for term in query.terms where term.factor > 0 && !required(term.query.term) {
                        let factor = term.factor
                        for posting in term.postings where scores[Int(documents[posting])] > 0 {
                            scores[Int(documents[posting])] += factor * saturation[posting]
                        }
                    }
                }
            }
        }
        return scores
    }

    /// BM25F scores of the best documents matching at least one query term, best first, without explanations
    /// (see ``explain(_:query:)``): scoring touches every posting, explaining only the documents shown.
    /// - Parameters:
    ///   - allowed: when given, only documents for which it returns true are scored.
    public func scores(_ query: [QueryTerm], limit: Int = .max, allowed: ((String) -> Bool)? = nil) -> [(identifier: String, score: Double)] {
        scores(prepare(query), limit: limit, allowed: allowed)
    }

    /// The best documents for a prepared query, best first, as ``scores(_:limit:allowed:)`` gives them.
    /// - Parameter required: when given, only documents matching a term it accepts count (see
    ///   ``documentScores(_:requiring:)``).
    public func scores(
        _ query: PreparedQuery, limit: Int = .max, allowed: ((String) -> Bool)? = nil, requiring required: ((String) -> Bool)? = nil
    ) -> [(identifier: String, score: Double)] {
        let scores = required.map { documentScores(query, requiring: $0) } ?? documentScores(query)
        var ranked: [(Int, Double)] = []
        for document in scores.indices where scores[document] > 0 {
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
    public static func largest(_ rank: Int, of values: [Double]) -> Double {
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
        return explain(document: document, prepare(query))
    }

    /// Why the document at `document` (its position) scores what it does for a prepared query.
    public func explain(document: Int, _ query: PreparedQuery) -> ScoreExplanation {
        var children: [ScoreExplanation] = []
        children.reserveCapacity(query.terms.count)
        for term in query.terms {
            // Postings are in document order, so a binary search finds this document's entry.
            var low = term.postings.lowerBound
            var high = term.postings.upperBound
            while low < high {
                let middle = (low + high) / 2
                if Int(postingDocument[middle]) < document { low = middle + 1 } else { high = middle }
            }
            guard low < term.postings.upperBound, Int(postingDocument[low]) == document else { continue }
            let fieldSet = postingFields[low]
            let value = term.factor * postingSaturation[low]
            // Kept in descending order as they come (after equal values); read by index, so no child is copied.
            var place = children.count
            for index in children.indices where children[index].value < value {
                place = index
                break
            }
            children.insert(
                ScoreExplanation(
                    value: value, origin: term.query.origin, term: term.query.term,
                    fields: fieldSet < fieldNameSets.count
                        ? fieldNameSets[Int(fieldSet)] : fields.indices.filter { fieldSet & (1 << UInt64($0)) != 0 }.map { fields[$0].name }),
                at: place)
        }
        var total = 0.0
        for index in children.indices { total += children[index].value }
        return ScoreExplanation(value: total, description: "BM25F", fields: [], children: children)
    }

    /// BM25F scores with explanations, best first.
    public func search(_ query: [QueryTerm], limit: Int = .max, allowed: ((String) -> Bool)? = nil) -> [SearchHit] {
        let prepared = prepare(query)
        return scores(prepared, limit: limit, allowed: allowed).map { hit in
            SearchHit(
                identifier: hit.identifier, score: hit.score,
                explanation: documentIndex[hit.identifier].map { explain(document: $0, prepared) }
                    ?? ScoreExplanation(value: 0, description: "BM25F", fields: [], children: []))
        }
    }
}

/// Remembered analyses of words, bounded: when full it starts over, so arbitrary input cannot grow it without end.
final class WordMemo: @unchecked Sendable {
    /// Named constants.
    enum Configuration {
        /// Words remembered before the memo starts over.
        static let capacity = 20_000
    }

    // Guarded by `lock`.
    private let lock = NSLock()
    private var terms: [String: String?] = [:]
    private var parts: [String: [String]] = [:]

    /// The index form of a word (`nil` for a stop word), from `analyse` the first time.
    func analysis(of word: String, _ analyse: () -> String?) -> String? {
        if let known = lock.withLock({ terms[word] }) { return known }
        let term = analyse()
        lock.withLock {
            if terms.count >= Configuration.capacity { terms.removeAll(keepingCapacity: true) }
            terms[word] = .some(term)
        }
        return term
    }

    /// The compound parts of a word, from `split` the first time.
    func parts(of word: String, _ split: () -> [String]) -> [String] {
        if let known = lock.withLock({ parts[word] }) { return known }
        let result = split()
        lock.withLock {
            if parts.count >= Configuration.capacity { parts.removeAll(keepingCapacity: true) }
            parts[word] = result
        }
        return result
    }
}
