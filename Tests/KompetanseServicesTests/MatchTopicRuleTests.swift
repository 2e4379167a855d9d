import Foundation
import KompetanseDomain
import KompetanseSearch
@testable import KompetanseServices
import KompetanseTestSupport
import Testing

/// The rules that keep a match on the need's topic: wishes ("gratis", "nettkurs", "for kommuner") choose among
/// measures on the topic and never make a result alone, and a framework node as a need is matched by what the node
/// is. Each rule on a catalogue written for it.
@Suite struct MatchTopicRuleTests {
    static let synonyms = (try? ShippedData.synonyms()) ?? []

    static func engine(_ measures: [Measure]) -> MatchEngine {
        MatchEngine(measures: measures, frameworks: [], synonyms: synonyms)
    }

    static let wishCatalogue: [Measure] = [
        .mock("personvern-kommune", name: "Personvern i kommunen", description: "Grunnkurs om personvern og GDPR for kommuner.", price: 0),
        .mock("personvern-stat", name: "Personvern for ledere", description: "Et kurs om personvernforordningen i staten.", price: 9_000),
        .mock("excel", name: "Gratis nettkurs i regneark", description: "Nettkurs for ansatte i kommuner.", price: 0),
        .mock("elaering", name: "E-læring i prosjektledelse", description: "E-læring for kommuner.", price: 0),
    ]

    @Test func aMeasureThatMeetsOnlyTheWishesIsNoResult() {
        let result = Self.engine(Self.wishCatalogue).match("gratis nettkurs om personvern for kommuner", limit: 10)
        let shown = result.hits.map(\.measure.identifier)
        #expect(shown.first == "personvern-kommune", "\(shown)")
        #expect(shown.contains("personvern-stat"), "on the topic, though it misses the wishes")
        #expect(!shown.contains("excel"), "free, online and for municipalities, but not about privacy")
        #expect(!shown.contains("elaering"), "a synonym of a wish (nettkurs ≈ e-læring) is a wish too")
    }

    @Test func aNeedOfWishesOnlyKeepsEveryMeasure() {
        let shown = Self.engine(Self.wishCatalogue).match("gratis nettkurs for kommuner", limit: 10).hits.map(\.measure.identifier)
        #expect(shown.contains("excel") && shown.contains("personvern-kommune"), "\(shown)")
    }

    @Test func theSummaryIsOnePlainSentenceAboutTopicAndWishes() throws {
        let result = Self.engine(Self.wishCatalogue).match("gratis kurs om personvern", limit: 10)
        let first = try #require(result.hits.first)
        #expect(first.summary.hasPrefix("Handler om «personvern»."), "\(first.summary)")
        #expect(first.summary.contains("Oppfyller gratis"), "\(first.summary)")
        let paid = try #require(result.hits.first { $0.measure.identifier == "personvern-stat" })
        #expect(paid.summary.contains("Oppfyller ikke gratis."), "\(paid.summary)")
        #expect(!paid.summary.contains("beskrivelse") && !paid.summary.contains("≈"), "term detail stays in `why`")
    }

    /// A measure found through a synonym is described by the word the user wrote, not by the synonym.
    @Test func theSummaryNamesTheUsersWordForASynonymMatch() throws {
        let catalogue: [Measure] = [
            .mock("ki", name: "Kunstig intelligens i forvaltningen", description: "Hva kunstig intelligens kan brukes til."),
            .mock("okonomi", name: "Budsjett for ledere", description: "Et kurs om budsjett."),
        ]
        let first = try #require(Self.engine(catalogue).match("ki", limit: 10).hits.first)
        #expect(first.measure.identifier == "ki")
        #expect(first.summary.hasPrefix("Handler om «ki»."), "\(first.summary)")
    }

    // MARK: A framework node as a need

    static let nodeCatalogue: [Measure] = [
        .mock("radar", name: "Omverdensanalyse i praksis", description: "Lag en omverdensanalyse. Passer for ledere i kommuner."),
        .mock(
            "budsjett", name: "Budsjett og økonomistyring",
            description: "Om budsjett, forventninger fra samarbeidspartnere og innbyggere."),
        .mock("ledere", name: "Sikker drift", description: "Om drift av systemer. Kurset er for IT-ledere og arkitekter."),
        .mock("rolle", name: "Lederrollen", description: "Om lederrollen og ansvaret som leder."),
        .mock("tagged", name: "Helt annet navn", description: "Et kurs.", teaches: [TaughtTerm(code: "X.T.1.1", name: "Overvåke")]),
        .mock("sibling", name: "Teknologiske trender", description: "Om teknologiske trender.", teaches: [TaughtTerm(code: "X.T.1.2", name: nil)]),
        .mock("trender", name: "Trender i teknologi", description: "Om teknologiske trender i offentlig sektor."),
    ]

    @Test func aNodeIsMatchedByWhatItIsNotByItsDescription() {
        let engine = Self.engine(Self.nodeCatalogue)
        let protect = engine.match(
            node: .init(
                code: "X.T.3.1", label: "Beskytte", capability: "Cybersikker",
                context: "Et realistisk budsjett og en beskyttelse som står i forhold til forventningene fra samarbeidspartnere og innbyggere."),
            limit: 4)
        #expect(!protect.hits.map(\.measure.identifier).contains("budsjett"), "the description's words make no fit")
        let role = engine.match(
            node: .init(code: "X.T.4.3", label: "Rolleforståelse", capability: "IT-orkestrering", context: "Tydelig rolle for IT-enheten."),
            limit: 4)
        #expect(role.hits.isEmpty && role.isWeak, "«rolle» of «lederrollen» is one part of a compound, not the node: \(role.hits.map(\.measure.identifier))")
    }

    @Test func tagsAndWholePhrasesMakeAFitAudienceSentencesDoNot() {
        let engine = Self.engine(Self.nodeCatalogue)
        let watch = engine.match(
            node: .init(code: "X.T.1.1", label: "Overvåke", capability: "Teknologisk fremsyn", context: "Følge med på trender."), limit: 10)
        let shown = watch.hits.map(\.measure.identifier)
        #expect(shown.contains("tagged"), "tagged with the node")
        #expect(shown.contains("radar") && shown.contains("trender"), "a synonym phrase of the capability, whole: \(shown)")
        #expect(shown.last == "sibling", "tagged with another part of the same capability, so after the rest: \(shown)")
        let governance = engine.match(node: .init(code: "X.T.4.2", label: "IT-styring", capability: "IT-orkestrering", context: ""), limit: 10)
        #expect(!governance.hits.map(\.measure.identifier).contains("ledere"), "«Kurset er for IT-ledere» names the audience")
    }

    @Test func oneCommonWordIsNoNameOfANode() {
        // "vurdere" in 4 of 5 measures: common vocabulary; "kvantedata" in one: a name.
        let catalogue = (0..<4).map { Measure.mock("m\($0)", name: "Kurs \($0)", description: "Lær å vurdere tiltak.") }
            + [.mock("kvante", name: "Kvantedata", description: "Om kvantedata.")]
        let engine = Self.engine(catalogue)
        #expect(engine.conceptPhrases(["Vurdere"]).isEmpty)
        #expect(engine.conceptPhrases(["Kvantedata"]) == [Analyzer().terms("Kvantedata").map(\.term)])
        #expect(MatchEngine.namesAudience("Kurset er for IT-ledere.") && MatchEngine.namesAudience("Passer for ledere."))
        #expect(!MatchEngine.namesAudience("Om arkitektur for forvaltningen."))
        #expect(MatchEngine.sentences(of: "En. To! Tre? Fire") == ["En.", " To!", " Tre?", " Fire"])
    }
}
