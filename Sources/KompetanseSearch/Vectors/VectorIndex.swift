/// An exact nearest-neighbour index over unit vectors, scored by cosine similarity.
///
/// Exact search is fast enough for catalogues of tens of thousands of measures (a dot product per measure).
public struct VectorIndex: Sendable {
    private let identifiers: [String]
    private let vectors: [[Float]]

    /// Creates an index; vectors are normalised to unit length, empty or zero vectors are left out.
    public init(_ entries: [(identifier: String, vector: [Float])]) {
        var identifiers: [String] = []
        var vectors: [[Float]] = []
        for entry in entries {
            let norm = entry.vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            identifiers.append(entry.identifier)
            vectors.append(entry.vector.map { $0 / norm })
        }
        self.identifiers = identifiers
        self.vectors = vectors
    }

    /// Number of vectors.
    public var count: Int { vectors.count }

    /// Cosine similarity of the query to every vector, best first.
    public func search(_ query: [Float], limit: Int = .max, allowed: ((String) -> Bool)? = nil) -> [(identifier: String, score: Double)] {
        let norm = query.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return [] }
        var results: [(String, Double)] = []
        results.reserveCapacity(vectors.count)
        for (index, vector) in vectors.enumerated() where vector.count == query.count {
            if let allowed, !allowed(identifiers[index]) { continue }
            var dot: Float = 0
            for position in 0..<vector.count { dot += vector[position] * query[position] }
            results.append((identifiers[index], Double(dot / norm)))
        }
        results.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return Array(results.prefix(limit)).map { (identifier: $0.0, score: $0.1) }
    }
}
