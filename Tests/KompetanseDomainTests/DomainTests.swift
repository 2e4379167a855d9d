import KompetanseDomain
import Testing

@Suite struct ISODurationTests {
    /// "PT6H" is six hours; "P2D" two course days of 7.5 hours; "P1W" a working week.
    @Test(arguments: [("PT6H", 6.0), ("P2D", 15.0), ("PT90M", 1.5), ("P1W", 37.5), ("P1DT2H", 9.5), ("PT0,5H", 0.5)])
    func parsesDurations(text: String, hours: Double) throws {
        let duration = try #require(ISODuration(text))
        #expect(duration.hours == hours)
        #expect(duration.text == text)
    }

    @Test(arguments: ["", "P", "6H", "PT", "P2X", "PTH", "P1.2.3D", "to dager"])
    func rejectsMalformedDurations(text: String) {
        #expect(ISODuration(text) == nil)
    }
}

@Suite struct NorwegianCollationTests {
    /// Norwegian order puts æ, ø, å after z, in that order.
    @Test func sortsNorwegianLetters() {
        let words = ["Åpen", "ærlig", "Zebra", "Økonomi", "apal", "Ledelse"]
        #expect(NorwegianCollation.sorted(words) { $0 } == ["apal", "Ledelse", "Zebra", "ærlig", "Økonomi", "Åpen"])
    }
}

@Suite struct SlugTests {
    @Test func foldsNorwegianLettersAndSpaces() {
        #expect(Slug.make("Digi Troms og Finnmark") == "digi-troms-og-finnmark")
        #expect(Slug.make("DFØ – Direktoratet for forvaltning og økonomistyring") == "dfo-direktoratet-for-forvaltning-og-okonomistyring")
        #expect(Slug.make("  ") == "x")
    }
}

@Suite struct FacetTests {
    @Test func audienceTextIsGroupedForFiltering() {
        #expect(AudienceGroup.groups(for: "Toppledergrupper i staten").contains(.topLeaders))
        #expect(AudienceGroup.groups(for: "Folkevalgte og politikere i kommunene").contains(.politicians))
        #expect(AudienceGroup.groups(for: "Alle ansatte i kommunen").contains(.allEmployees))
        #expect(AudienceGroup.groups(for: nil).isEmpty)
    }

    @Test func priceFacetSaysFreePaidOrUnknown() {
        func price(_ amount: Double?) -> String? {
            var measure = Measure(identifier: "x", name: "x", description: "x", provider: ProviderReference(name: "P"))
            measure.price = amount.map { Price(amount: $0) }
            return measure.facetValues.first { $0.facet == .price }?.value
        }
        #expect(price(0) == "gratis")
        #expect(price(1500) == "betalt")
        #expect(price(nil) == "ukjent")
    }

    @Test func catalogueQueryClampsPaging() {
        let query = CatalogueQuery(text: "  ki  ", page: 0, pageSize: 10_000)
        #expect(query.text == "ki")
        #expect(query.page == 1)
        #expect(query.pageSize == CatalogueQuery.maximumPageSize)
        #expect(CatalogueQuery(page: 3, pageSize: 20).offset == 40)
    }
}

@Suite struct FrameworkTreeTests {
    @Test func treeAndAncestorsFollowParents() {
        func node(_ code: String, parent: String?) -> FrameworkNode {
            FrameworkNode(
                identifier: code, uri: "", code: code, kind: "", label: code, description: nil, language: "nb",
                listEnumeration: nil, lastChangeDateTime: nil, parentIdentifier: parent, parentAssociation: nil,
                extensions: [:], extra: [:])
        }
        let framework = Framework(
            identifier: "f", code: "F", uri: "", title: "F", creator: "", version: "1", language: "nb", description: nil,
            lastChangeDateTime: nil, extensions: [:], extra: [:],
            nodes: [node("A", parent: nil), node("A.1", parent: "A"), node("A.1.1", parent: "A.1"), node("B", parent: nil)],
            links: [])
        #expect(framework.tree().map(\.node.code) == ["A", "B"])
        #expect(framework.tree()[0].children[0].children.map(\.node.code) == ["A.1.1"])
        #expect(framework.ancestors(of: framework.node(code: "A.1.1")!).map(\.code) == ["A", "A.1"])
    }
}

@Suite struct DocumentSeriesTests {
    func document(_ identifier: String, _ title: String, type: String = "Tildelingsbrev", year: Int) -> KnowledgeDocument {
        KnowledgeDocument(identifier: identifier, title: title, documentType: type, publisher: "Dep", year: year, file: "f", pages: [""])
    }

    @Test func lettersToOneAgencyFormASeriesWithTheirSupplements() {
        let series = DocumentSeries.series(of: [
            document("b", "Tildelingsbrev 2025 – Etat A", year: 2025),
            document("t2", "Tillegg nr. 2 til tildelingsbrev 2024 – Etat A", year: 2024),
            document("a", "Tildelingsbrev 2024 – Etat A", year: 2024),
            document("t1", "Tillegg nr. 1 til tildelingsbrev 2024 – Etat A", year: 2024),
            document("x", "Tildelingsbrev 2024 – Etat B", year: 2024),
            document("r", "Årsrapport 2024 – Etat A", type: "Årsrapport", year: 2024),
        ])
        #expect(series.count == 1, "a lone letter to another agency and a lone report are not series")
        #expect(series[0].subject == "Etat A")
        #expect(series[0].members.map(\.identifier) == ["a", "t1", "t2", "b"])
        #expect(series[0].members.map(\.supplement) == [nil, 1, 2, nil])
    }
}

@Suite struct NorwegianCollationRobustnessTests {
    @Test func lettersAndDigitsWithCombiningMarksDoNotCrash() {
        #expect(NorwegianCollation.key("0\u{0303}a\u{0301}b") == "112122", "a marked character sorts as its base")
        #expect(NorwegianCollation.key("æøå") == "474849")
    }
}
