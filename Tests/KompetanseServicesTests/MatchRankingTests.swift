import Foundation
import KompetanseDomain
import KompetanseSearch
@testable import KompetanseServices
import KompetanseStore
import KompetanseTestSupport
import Testing

/// A catalogue of 150 measures recombined from a few titles, sentences, prices, audiences and tags, so that many
/// measures score close to each other: where pruning would go wrong if it could.
private func generatedCatalogue() -> [Measure] {
    let titles = [
        "Gevinstrealisering i praksis", "Informasjonssikkerhet for ledere", "Kunstig intelligens i forvaltningen",
        "Tjenestedesign og brukerinnsikt", "Digital transformasjon for ledergrupper", "Datadeling og personvern",
    ]
    let sentences = [
        "Kurset gir ledere verktøy for å hente ut gevinster av digitalisering.",
        "Deltakerne lærer risikovurdering og internkontroll.", "Nettbasert og gratis for kommuner.",
        "Fysiske samlinger over to dager.", "Om ansvarlig bruk av KI og språkmodeller.",
        "Brukerinnsikt og tjenestedesign i offentlig sektor.", "For toppledere i staten.",
    ]
    let tags: [[TaughtTerm]] = [[], [TaughtTerm(code: "DI2X.T.3", name: nil)], [], [TaughtTerm(code: "DI2X.T", name: nil)]]
    let audiences: [String?] = [nil, "Ledere i kommunene", "Toppledere i staten", "Alle ansatte"]
    // Identifiers out of catalogue order, so ties between equal scores are decided by identifier, not by position.
    return (0..<150).map { number -> Measure in
        let identifier = String(format: "m%03d", (number * 37) % 150)
        let description = (0..<3).map { sentences[(number * 3 + $0 * 5) % sentences.count] }.joined(separator: " ")
        let price: Double? = [nil, 0, 4_900][number % 3]
        return .mock(
            identifier, name: titles[number % titles.count], description: description, price: price,
            audience: audiences[number % audiences.count], teaches: tags[number % tags.count])
    }
}

@Suite struct MatchRankingTests {
    /// The pruned ranking (score the best topical measures, then only those whose bound still reaches the list)
    /// returns exactly what scoring every measure returns: with a limit above the catalogue's size every measure
    /// is scored, and its first ten must be the ten of the pruned run, with the same scores.
    @Test func prunedRankingEqualsScoringEveryMeasure() async throws {
        try await TestEngine.sqlite.withServices { services in
            let frameworks = try await services.store.frameworks.all()
            let engine = MatchEngine(measures: generatedCatalogue(), frameworks: frameworks, synonyms: try ShippedData.synonyms())
            for need in [
                "gevinstrealisering", "gratis nettkurs om personvern for kommuner", "informasjonssikkerhet for ledere",
                "kunstig intelligens for toppledere i staten", "fysisk samling om tjenestedesign, maks en dag",
                "cybersikkerhet og risikovurdering", "digital transformasjon",
            ] {
                let pruned = engine.match(need, limit: 10).hits
                let everything = engine.match(need, limit: 200).hits.prefix(10)
                #expect(pruned.map(\.measure.identifier) == everything.map(\.measure.identifier), "\(need)")
                #expect(pruned.map(\.score) == everything.map(\.score), "\(need)")
                #expect(pruned.count == 10, "\(need)")
            }
        }
    }

    /// Two views that agree on a measure make it stand out twice as far as views that each favour another.
    @Test func denseEvidenceCountsWhatBothViewsSee() {
        // Ten measures, one at 3 and nine at 1: mean 1.2, standard deviation 0.6, so the one is 3 sd above.
        let favoursA = [("a", 3.0), ("b", 1.0)] + (0..<8).map { ("x\($0)", 1.0) }
        let favoursB = [("a", 1.0), ("b", 3.0)] + (0..<8).map { ("x\($0)", 1.0) }
        func view(_ scores: [(String, Double)]) -> [(identifier: String, score: Double)] {
            scores.map { (identifier: $0.0, score: $0.1) }
        }
        // Agreeing: z = 3 stays 3 after averaging; 3 − 1 (the standout line) = 2.
        let agreeing = DenseEvidence(views: [view(favoursA), view(favoursA)])
        #expect(agreeing.standouts.map(\.identifier) == ["a"])
        #expect(abs((agreeing.standouts.first?.score ?? 0) - 2) < 1e-9)
        // Disagreeing: a and b average (3 − 1/3) / 2 = 4/3, the rest −1/3; standardised again 4/3 ÷ 2/3 = 2; − 1 = 1.
        let disagreeing = DenseEvidence(views: [view(favoursA), view(favoursB)])
        #expect(disagreeing.standouts.map(\.identifier) == ["a", "b"])
        #expect(disagreeing.standouts.allSatisfy { abs($0.score - 1) < 1e-9 })
        #expect(disagreeing.similarity["a"] == 3, "explanations show the first view's similarity")
    }

    /// A measure written by another process (a second store on the same database) is matched once the engine
    /// has been confirmed more than a second ago; a write through the same store is seen at once.
    @Test func writesByAnotherProcessAreSeenWithinASecond() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = MovableClock()
        let server = try await StoreBootstrap.open(.sqliteFolder(folder), now: { clock.timestamp() })
        let other = try await StoreBootstrap.open(.sqliteFolder(folder), now: { clock.timestamp() })
        let services = AppServices(configuration: .forTests, store: server, clock: clock)
        try await services.interchange.seedShippedFrameworks()
        try await server.measures.upsert([.mock("budsjett", name: "Budsjett og regnskap")])
        _ = try await services.matching.match(.init(text: "tjenestedesign"), as: .anonymous)

        try await other.measures.upsert([.mock("design", name: "Tjenestedesign i praksis")])
        clock.advance(by: 1.5)
        let fromOther = try await services.matching.match(.init(text: "tjenestedesign"), as: .anonymous)
        #expect(fromOther.hits.first?.measure.identifier == "design")

        try await server.measures.upsert([.mock("design-2", name: "Tjenestedesign for kommuner")])
        let fromHere = try await services.matching.match(.init(text: "tjenestedesign for kommuner"), as: .anonymous)
        #expect(fromHere.hits.first?.measure.identifier == "design-2")
        try await other.shutdown()
        try await server.shutdown()
    }
}

/// A clock the test moves forward.
private final class MovableClock: Clock, @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_796_040_000)

    func now() -> Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
