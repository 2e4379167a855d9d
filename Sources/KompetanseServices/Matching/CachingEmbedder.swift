import KompetanseSearch
import KompetanseStore

/// An embedder that looks in the store first and only sends texts it has not seen to the model.
struct CachingEmbedder: Embedder {
    let base: any Embedder
    let store: any EmbeddingStore

    var modelIdentifier: String { base.modelIdentifier }

    func embed(_ texts: [String], kind: EmbeddingKind) async throws -> [[Float]] {
        let hashes = texts.map { Self.contentHash($0, kind: kind) }
        var known = try await store.vectors(for: Array(Set(hashes)), model: modelIdentifier)
        var missing: [(hash: String, text: String)] = []
        var queued: Set<String> = []
        for (hash, text) in zip(hashes, texts) where known[hash] == nil && queued.insert(hash).inserted {
            missing.append((hash, text))
        }
        if !missing.isEmpty {
            let vectors = try await base.embed(missing.map(\.text), kind: kind)
            var fresh: [String: [Float]] = [:]
            for (entry, vector) in zip(missing, vectors) { fresh[entry.hash] = vector }
            try await store.save(fresh, model: modelIdentifier)
            known.merge(fresh) { _, new in new }
        }
        return hashes.map { known[$0] ?? [] }
    }

    /// FNV-1a (64 bit) of the kind and the UTF-8 text, with the byte count: stable across runs and machines.
    static func contentHash(_ text: String, kind: EmbeddingKind) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var count = 0
        for byte in (kind.rawValue + ":" + text).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
            count += 1
        }
        return String(hash, radix: 16) + "-" + String(count)
    }
}
