@testable import KompetanseSearch
import Testing

@Suite struct InvertedIndexTests {
    private let fields = [
        FieldSpecification(name: "title", weight: 3, lengthNormalisation: 0.5),
        FieldSpecification(name: "body", weight: 1),
    ]

    private func index(_ documents: [(String, String, String)]) -> InvertedIndex {
        InvertedIndex(
            documents: documents.map { SearchDocument(identifier: $0.0, fields: ["title": $0.1, "body": $0.2]) },
            fields: fields)
    }

    @Test func titleMatchesOutrankBodyMatchesAndExplainThemselves() {
        let index = index([
            ("a", "Ledelse og strategi", "Om gevinstrealisering i prosjekter."),
            ("b", "Gevinstrealisering i praksis", "Et kurs for ledere."),
            ("c", "Markedsføring", "Sosiale medier."),
        ])
        let hits = index.search(index.queryTerms("gevinstrealisering"))
        #expect(hits.map(\.identifier) == ["b", "a"])
        let explanation = hits[0].explanation.children[0]
        #expect(explanation.description == "«gevinstrealisering» → gevinstrealis")
        #expect(explanation.fields == ["title"])
    }

    /// "ledere" and "lederne" meet "leder" after stemming and stop words are ignored.
    @Test func inflectedFormsAndStopWordsAreHandled() {
        let index = index([("a", "Kurs for ledere", ""), ("b", "Kurs for alle", "")])
        #expect(index.search(index.queryTerms("lederne våre")).map(\.identifier).first == "a")
    }

    /// "sikkerhetskultur" finds a document about "kultur" and "sikkerhet" through compound splitting.
    @Test func compoundsAreSplitByTheIndexVocabulary() {
        let index = index([
            ("a", "Sikkerhet i hverdagen", "God kultur for åpenhet og sikkerhet."),
            ("b", "Økonomi", "Budsjett og regnskap."),
        ])
        let terms = index.queryTerms("sikkerhetskultur")
        #expect(terms.contains { $0.term == NorwegianStemmer.stem("kultur") })
        #expect(index.search(terms).map(\.identifier) == ["a"])
    }

    @Test func nynorskIsFoldedToBokmal() {
        let index = index([("a", "Tjenester for innbyggere", ""), ("b", "Budsjett", "")])
        #expect(index.search(index.queryTerms("tenester for innbyggjarar")).map(\.identifier) == ["a"])
    }

    /// "deltakarane" meets "deltakerne", "offentleg" meets "offentlig" through the regular nynorsk endings.
    @Test func regularNynorskEndingsAreFolded() {
        let index = index([("a", "Deltakerne i offentlig sektor", ""), ("b", "Budsjett", "")])
        #expect(index.search(index.queryTerms("deltakarane")).map(\.identifier) == ["a"])
        #expect(index.search(index.queryTerms("offentleg")).map(\.identifier) == ["a"])
        #expect(NynorskSuffixRules.fold("klar") == "klar")
    }

    @Test func filterExcludesDocumentsBeforeScoring() {
        let index = index([("a", "Personvern", ""), ("b", "Personvern for ledere", "")])
        #expect(index.search(index.queryTerms("personvern"), allowed: { $0 == "b" }).map(\.identifier) == ["b"])
    }

    /// Requiring some terms drops the documents that match only the others and leaves every other score as the
    /// full computation gives it.
    @Test func requiredTermsKeepFullScoresOfTheDocumentsThatMatchThem() {
        let index = index([
            ("a", "Gratis nettkurs om personvern", ""), ("b", "Gratis nettkurs om budsjett", ""),
            ("c", "Personvern i kommunen", "Et kurs på nett."),
        ])
        let query = index.prepare(index.queryTerms("gratis nettkurs om personvern"))
        let topic = Set(index.queryTerms("personvern").map(\.term))
        let full = index.documentScores(query)
        let required = index.documentScores(query, requiring: topic.contains)
        let positions = ["a", "b", "c"].compactMap(index.position(of:))
        #expect(full[positions[1]] > 0)
        // The same sum in another order: equal up to rounding.
        #expect(abs(required[positions[0]] - full[positions[0]]) < 1e-9 && required[positions[1]] == 0)
        #expect(abs(required[positions[2]] - full[positions[2]]) < 1e-9 && full[positions[2]] > 0)
    }
}

@Suite struct VectorAndFusionTests {
    @Test func cosineRanksByAngleNotLength() {
        let index = VectorIndex([(identifier: "a", vector: [1, 0]), (identifier: "b", vector: [10, 10]), (identifier: "z", vector: [0, 0])])
        let hits = index.search([1, 0.1])
        #expect(hits.map(\.identifier) == ["a", "b"])
        #expect(index.count == 2)
    }

    @Test func reciprocalRankFusionRewardsAgreement() {
        let fused = Fusion.reciprocalRank([(weight: 1, identifiers: ["a", "b", "c"]), (weight: 1, identifiers: ["b", "a", "d"])])
        #expect(Array(fused.map(\.identifier).prefix(2)) == ["a", "b"])
        #expect(fused.last?.identifier == "d")
    }

    @Test func normalisedFusionScalesEachListByItsBest() {
        let fused = Fusion.normalisedScores([
            (weight: 1, scores: [(identifier: "a", score: 10), (identifier: "b", score: 5)]),
            (weight: 1, scores: [(identifier: "b", score: 0.9), (identifier: "c", score: 0.45)]),
        ])
        #expect(fused.map(\.identifier) == ["b", "a", "c"])
        #expect(fused[0].score == 1.5)
    }
}

@Suite struct AnalyzerTests {
    /// leder, ledere, lederne; kurs, kurset; vurdere, vurdering; sikker, sikkerhet: each pair meets in one term.
    @Test(arguments: [
        ["leder", "ledere", "lederne"], ["kurs", "kurset", "kursene"], ["vurdere", "vurdering", "vurderinger"],
        ["sikker", "sikkerhet", "sikkerheten"], ["innbygger", "innbyggere", "innbyggerne"],
        ["digitalisere", "digitalisering"], ["tjeneste", "tjenester", "tjenestene"],
    ])
    func formsOfOneWordMeet(forms: [String]) {
        let analyzer = Analyzer()
        #expect(Set(forms.compactMap(analyzer.term(for:))).count == 1, "\(forms.map { analyzer.term(for: $0) ?? "-" })")
    }

    @Test func differentWordsStayApart() {
        let analyzer = Analyzer()
        #expect(analyzer.term(for: "prosess") != analyzer.term(for: "pros"))
        #expect(analyzer.term(for: "kultur") != analyzer.term(for: "kurs"))
        #expect(analyzer.term(for: "og") == nil)
    }
}

@Suite struct QuickselectTests {
    @Test func findsTheRankthLargestLikeSorting() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let values = (0..<Int.random(in: 1...60, using: &generator)).map { _ in Double(Int.random(in: 0...9, using: &generator)) }
            let rank = Int.random(in: 1...values.count, using: &generator)
            #expect(InvertedIndex.largest(rank, of: values) == values.sorted(by: >)[rank - 1], "\(values) rank \(rank)")
        }
    }
}

@Suite struct WordMemoTests {
    /// A query word the corpus lacks is analysed once; asked again it gives the same terms and parts.
    @Test func unknownWordsGiveTheSameTermsTheSecondTime() {
        let index = InvertedIndex(
            documents: [SearchDocument(identifier: "a", fields: ["body": "Sikkerhet og kultur i arbeid"])],
            fields: [FieldSpecification(name: "body", weight: 1)])
        let first = index.queryTerms("sikkerhetskulturarbeidet")
        #expect(first.map(\.term).contains("kultur"), "the unknown compound is searched by its parts")
        #expect(index.queryTerms("sikkerhetskulturarbeidet") == first)
    }

    /// The memo never holds more than its capacity: arbitrary input cannot grow it without end.
    @Test func theMemoStartsOverWhenFull() {
        let memo = WordMemo()
        var analysed = 0
        for number in 0...WordMemo.Configuration.capacity {
            _ = memo.analysis(of: "ord\(number)") { analysed += 1; return "ord" }
        }
        _ = memo.analysis(of: "ord0") { analysed += 1; return "ord" }
        #expect(analysed == WordMemo.Configuration.capacity + 2, "the first word was forgotten when the memo filled up")
        _ = memo.analysis(of: "ord0") { analysed += 1; return "ord" }
        #expect(analysed == WordMemo.Configuration.capacity + 2, "and is remembered again afterwards")
    }
}
