import Foundation
import KompetanseDomain
@testable import KompetanseServices
import KompetanseTestSupport
import Testing

/// A small catalogue written for these tests (not the evaluation set).
private let catalogue: [Measure] = {
    var measures: [Measure] = [
        .mock(
            "gevinst-stat", name: "Gevinstrealisering for statlige virksomheter",
            description: "Kurs i å planlegge, måle og hente ut gevinster av digitaliseringsprosjekter i staten.",
            price: 6_500, audience: "Ledere i staten"),
        .mock(
            "gevinst-kommune", name: "Nytten først",
            description: "Nettkurs for kommuner om å planlegge og følge opp gevinster av nye tjenester. Gratis.",
            type: .eLearning, price: 0, audience: "Ledere i kommunene"),
        .mock(
            "sikkerhet", name: "Informasjonssikkerhet for ledere",
            description: "Ledelsens ansvar for informasjonssikkerhet, risikovurdering og internkontroll.",
            teaches: [TaughtTerm(code: "DI2X.T.3", name: nil)]),
        .mock(
            "ki", name: "Kunstig intelligens i offentlig forvaltning",
            description: "Ansvarlig bruk av KI og språkmodeller i offentlig sektor.", type: .study),
        .mock("budsjett", name: "Budsjett og regnskap", description: "Grunnkurs i økonomistyring.", price: 3_000),
    ]
    measures[3].numberOfCredits = 10
    return measures
}()

private func withMatching(_ body: @escaping @Sendable (AppServices) async throws -> Void) async throws {
    try await TestEngine.sqlite.withServices { services in
        try await services.store.measures.upsert(catalogue)
        try await body(services)
    }
}

@Suite struct MatchServiceTests {
    @Test func statedConstraintsReorderTopicalMatches() async throws {
        try await withMatching { services in
            let plain = try await services.matching.match(.init(text: "gevinstrealisering"), as: .anonymous)
            #expect(plain.hits.first?.measure.identifier == "gevinst-stat", "the exact title wins without constraints")
            let constrained = try await services.matching.match(
                .init(text: "gevinstrealisering, gratis og for kommuner"), as: .anonymous)
            #expect(constrained.hits.first?.measure.identifier == "gevinst-kommune")
            #expect(constrained.understanding.summary == "gratis · for kommuner")
            let why = try #require(constrained.hits.first?.why)
            #expect(why.contains("gratis ✓"))
            #expect(why.contains("for kommuner ✓"))
        }
    }

    /// The case a user found on the demo catalogue: a free online privacy course for municipalities listed
    /// «Elements of AI», a self-study pack on digital transformation and a health-services master, which share
    /// only «nettkurs ≈ e-læring», «gratis» and «kommuner» with the need.
    @Test func theDemoCatalogueAnswersAPrivacyNeedWithPrivacyMeasuresOnly() async throws {
        try await TestEngine.sqlite.withServices { services in
            _ = try await services.interchange.seedDemoCatalogue()
            let result = try await services.matching.match(
                .init(text: "gratis nettkurs om personvern for kommuner"), as: .anonymous)
            #expect(!result.hits.isEmpty)
            for hit in result.hits {
                #expect(!hit.topicWords.isEmpty, "\(hit.measure.identifier) matches none of the topic: \(hit.why)")
                #expect(hit.summary.hasPrefix("Handler om"), "\(hit.summary)")
            }
            let shown = result.hits.map(\.measure.identifier)
            #expect(!shown.contains("demo-ntnu-elements-of-ai") && !shown.contains("demo-ks-selvstudiepakke-digital-transformasjon")
                    && !shown.contains("demo-uit-digitale-helsetjenester-master"), "\(shown)")
        }
    }

    @Test func synonymsAndEnglishReachNorwegianMeasures() async throws {
        try await withMatching { services in
            let english = try await services.matching.match(.init(text: "information security for managers"), as: .anonymous)
            #expect(english.hits.first?.measure.identifier == "sikkerhet")
            let abbreviation = try await services.matching.match(.init(text: "AI"), as: .anonymous)
            #expect(abbreviation.hits.first?.measure.identifier == "ki")
        }
    }

    @Test func needShowsTheCapabilitiesItConcerns() async throws {
        try await withMatching { services in
            let result = try await services.matching.match(.init(text: "cybersikkerhet og risikovurdering"), as: .anonymous)
            #expect(result.concepts.contains { $0.node.code.hasPrefix("DI2X.T.3") })
            let hit = try #require(result.hits.first { $0.measure.identifier == "sikkerhet" })
            #expect(hit.nodes.contains { $0.code.hasPrefix("DI2X.T.3") })
        }
    }

    @Test func unrelatedNeedIsReportedAsWeak() async throws {
        try await withMatching { services in
            let result = try await services.matching.match(.init(text: "sveising av stålkonstruksjoner"), as: .anonymous)
            #expect(result.isWeak)
        }
    }

    @Test func filtersRestrictTheCandidates() async throws {
        try await withMatching { services in
            let result = try await services.matching.match(
                .init(text: "gevinstrealisering", filters: [.price: ["gratis"]]), as: .anonymous)
            #expect(result.hits.map(\.measure.identifier) == ["gevinst-kommune"])
        }
    }

    @Test func emptyOrOverlongNeedIsRefused() async throws {
        try await withMatching { services in
            await #expect(throws: ServiceError.self) { try await services.matching.match(.init(text: "  "), as: .anonymous) }
            await #expect(throws: ServiceError.self) {
                try await services.matching.match(.init(text: String(repeating: "a", count: 2_001)), as: .anonymous)
            }
        }
    }

    @Test func coverageListsNodesWithoutMeasuresFirst() async throws {
        try await withMatching { services in
            let coverage = try await services.matching.coverage(as: .anonymous)
            #expect(coverage.first?.measureCount == 0)
            #expect(coverage.contains { $0.node.code == "DI2X.T.3" && $0.measureCount == 1 })
            #expect(!coverage.contains { $0.node.isPlaceholder })
        }
    }

    @Test func importedMeasuresAreMatchedWithoutRestart() async throws {
        try await withMatching { services in
            _ = try await services.matching.match(.init(text: "tjenestedesign"), as: .anonymous)
            try await services.store.measures.upsert([.mock("design", name: "Tjenestedesign i praksis")])
            let result = try await services.matching.match(.init(text: "tjenestedesign"), as: .anonymous)
            #expect(result.hits.first?.measure.identifier == "design")
        }
    }
}

@Suite struct NeedTopicTests {
    /// "Gratis nettkurs om personvern for kommuner" is embedded as its topic; the constraints act afterwards.
    @Test func constraintWordsAreLeftOutOfTheEmbeddedText() {
        #expect(MatchService.topic(of: "Gratis kurs om personvern, helst nettbasert") == "om personvern, helst")
        #expect(MatchService.topic(of: "tjenestedesign") == "tjenestedesign")
        #expect(MatchService.topic(of: "gratis") == "gratis", "a need of only constraint words is kept whole")
    }
}
