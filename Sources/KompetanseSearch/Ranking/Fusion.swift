/// Combining ranked lists from different retrievers (lexical and dense).
public enum Fusion {
    /// Reciprocal-rank fusion (Cormack, Clarke & Büttcher 2009): `Σ weight / (k + rank)`, with `k = 60`.
    public static func reciprocalRank(
        _ lists: [(weight: Double, identifiers: [String])], k: Double = 60
    ) -> [(identifier: String, score: Double)] {
        var scores: [String: Double] = [:]
        for list in lists {
            for (rank, identifier) in list.identifiers.enumerated() {
                scores[identifier, default: 0] += list.weight / (k + Double(rank + 1))
            }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { (identifier: $0.key, score: $0.value) }
    }

    /// Normalised-score fusion: each list's scores are divided by its best score, then weighted and summed.
    public static func normalisedScores(
        _ lists: [(weight: Double, scores: [(identifier: String, score: Double)])]
    ) -> [(identifier: String, score: Double)] {
        var combined: [String: Double] = [:]
        for list in lists {
            guard let best = list.scores.map(\.score).max(), best > 0 else { continue }
            for entry in list.scores { combined[entry.identifier, default: 0] += list.weight * max(0, entry.score) / best }
        }
        return combined.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { (identifier: $0.key, score: $0.value) }
    }
}
