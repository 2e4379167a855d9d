import Foundation
import KompetanseDomain
import KompetanseStore
import KompetanseTestSupport
import Testing

/// One contract, every engine: what the services rely on must hold on SQLite and on PostgreSQL alike.
@Suite struct StoreContractTests {
    @Test(arguments: TestEngine.available)
    func measureRoundTripsWithEveryField(engine: TestEngine) async throws {
        try await engine.withStore { store in
            var measure = Measure.mock(
                "m1", name: "Ledelse av digital transformasjon", price: 0, audience: "Toppledergrupper i staten",
                languages: .list(["nb", "en"]), teaches: [TaughtTerm(code: "DI2X.T.3", name: "Cybersikker")])
            measure.timeRequired = ISODuration("P2D")
            measure.numberOfCredits = 7.5
            measure.instances = [CourseInstance(mode: .online, startDate: "2026-01-10", location: "Oslo")]
            measure.sectors = [.state, .municipality]
            measure.learningMode = .social
            measure.extra["isBasedOn"] = .object(["url": .string("https://example.org"), "n": .number(3)])
            measure.provenance = Provenance(source: "fil.json", importedAt: "2026-11-29T12:00:00Z", importedBy: "cli")
            try await store.measures.upsert([measure])
            #expect(try await store.measures.measure(identifier: "m1") == measure)
            #expect(try await store.measures.count() == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func upsertWithSameIdentifierUpdatesInPlace(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await store.measures.upsert([.mock("a", name: "Gammelt navn"), .mock("b")])
            try await store.measures.upsert([.mock("a", name: "Nytt navn", provider: "Ny tilbyder")])
            #expect(try await store.measures.count() == 2)
            #expect(try await store.measures.measure(identifier: "a")?.name == "Nytt navn")
            #expect(try await store.measures.existingIdentifiers(among: ["a", "c"]) == ["a"])
            let providers = try await store.measures.providers()
            #expect(providers.map(\.name) == ["Forvaltningsakademiet", "Ny tilbyder"])
            #expect(providers.map(\.measureCount) == [1, 1])
        }
    }

    @Test(arguments: TestEngine.available)
    func failedUpsertLeavesStoreUnchanged(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await store.measures.upsert([.mock("a", name: "Før")])
            // The duplicate identifier violates the primary key inside the transaction, after "b" was written.
            await #expect(throws: (any Error).self) {
                try await store.measures.upsert([.mock("a", name: "Etter"), .mock("b"), .mock("b")])
            }
            #expect(try await store.measures.count() == 1)
            #expect(try await store.measures.measure(identifier: "a")?.name == "Før")
            #expect(try await store.measures.measure(identifier: "b") == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func pageFiltersSearchesSortsAndCounts(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await store.measures.upsert([
                .mock("1", name: "Åpne data", price: 0),
                .mock("2", name: "Ærlig risikovurdering", provider: "Nordvik høgskule", price: 4500),
                .mock("3", name: "Arkitektur for ledere", description: "Om 100% sikker drift_og mer", type: .webinar),
                .mock("4", name: "Økonomistyring", provider: "Nordvik høgskule", type: .book, languages: .single("nn")),
                .mock("5", name: "Zoom inn på KI", price: 0),
            ])
            let all = try await store.measures.page(CatalogueQuery())
            #expect(all.total == 5)
            #expect(all.measures.map(\.name) == ["Arkitektur for ledere", "Zoom inn på KI", "Ærlig risikovurdering", "Økonomistyring", "Åpne data"])
            let free = try await store.measures.page(CatalogueQuery(filters: [.price: ["gratis"]]))
            #expect(Set(free.measures.map(\.identifier)) == ["1", "5"])
            let twoFacets = try await store.measures.page(
                CatalogueQuery(filters: [.provider: ["nordvik-hogskule"], .format: ["Bok", "Kurs"]]))
            #expect(twoFacets.measures.map(\.identifier).sorted() == ["2", "4"])
            #expect(twoFacets.facets.contains(FacetCount(facet: .language, value: "nn", count: 1)))
            #expect(twoFacets.facets.contains(FacetCount(facet: .language, value: "nb", count: 1)))
            let text = try await store.measures.page(CatalogueQuery(text: "ØKONOMI"))
            #expect(text.measures.map(\.identifier) == ["4"])
            // LIKE wildcards in user text are matched literally.
            #expect(try await store.measures.page(CatalogueQuery(text: "100%")).total == 1)
            #expect(try await store.measures.page(CatalogueQuery(text: "drift_og")).total == 1)
            #expect(try await store.measures.page(CatalogueQuery(text: "%")).total == 1)
            let second = try await store.measures.page(CatalogueQuery(page: 2, pageSize: 2))
            #expect(second.measures.map(\.identifier) == ["2", "4"])
            #expect(second.pageCount == 3)
        }
    }

    @Test(arguments: TestEngine.available)
    func deleteRemovesMeasuresAndEmptyProviders(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await store.measures.upsert([.mock("a", provider: "Én"), .mock("b", provider: "To")])
            #expect(try await store.measures.delete(identifiers: ["a", "x"]) == 1)
            #expect(try await store.measures.providers().map(\.name) == ["To"])
            #expect(try await store.measures.page(CatalogueQuery(filters: [.provider: ["en"]])).total == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func measuresAreFoundByTaughtNode(engine: TestEngine) async throws {
        try await engine.withStore { store in
            try await store.measures.upsert([
                .mock("a", teaches: [TaughtTerm(code: "DI2X.T.3", name: nil)]),
                .mock("b", teaches: [TaughtTerm(code: nil, name: "Cybersikker")]), .mock("c"),
            ])
            #expect(try await store.measures.measures(teachingNode: "DI2X.T.3").map(\.identifier) == ["a"])
        }
    }

    @Test(arguments: TestEngine.available)
    func frameworksAreSavedReplacedAndIndexedByNode(engine: TestEngine) async throws {
        try await engine.withStore { store in
            func framework(_ title: String, nodes: [String]) -> Framework {
                Framework(
                    identifier: "id-\(title)", code: "TEST", uri: "urn:test", title: title, creator: "Oss", version: "1",
                    language: "nb", description: nil, lastChangeDateTime: nil, extensions: ["titleEn": .string("Test")],
                    extra: [:],
                    nodes: nodes.map { code in
                        FrameworkNode(
                            identifier: "n-\(code)", uri: "", code: code, kind: "Tema", label: code, description: nil,
                            language: "nb", listEnumeration: nil, lastChangeDateTime: nil, parentIdentifier: nil,
                            parentAssociation: nil, extensions: ["placeholder": .bool(code == "T.2")], extra: [:])
                    }, links: [])
            }
            try await store.frameworks.save([framework("Første", nodes: ["T.1", "T.2"])])
            try await store.frameworks.save([framework("Andre", nodes: ["T.3"])])
            #expect(try await store.frameworks.framework(code: "TEST")?.title == "Andre")
            #expect(try await store.frameworks.frameworkCode(ofNode: "T.3") == "TEST")
            #expect(try await store.frameworks.frameworkCode(ofNode: "T.1") == nil)
            let summary = try #require(try await store.frameworks.summaries().first)
            #expect(summary.nodeCount == 1)
            #expect(summary.titleEn == "Test")
            #expect(try await store.frameworks.all() == [framework("Andre", nodes: ["T.3"])])
        }
    }

    @Test(arguments: TestEngine.available)
    func settingsAreStoredAndOverwritten(engine: TestEngine) async throws {
        try await engine.withStore { store in
            #expect(try await store.settings.value(for: "k") == nil)
            try await store.settings.setValue("1", for: "k")
            try await store.settings.setValue("2", for: "k")
            #expect(try await store.settings.value(for: "k") == "2")
        }
    }

    @Test func sqliteFileSurvivesReopenAndMigratesOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try await StoreBootstrap.open(.sqliteFolder(folder), now: { "t" })
        try await first.measures.upsert([.mock("a")])
        try await first.shutdown()
        let second = try await StoreBootstrap.open(.sqliteFolder(folder), now: { "t" })
        #expect(try await second.measures.count() == 1)
        try await second.shutdown()
    }

    @Test func concurrentWritersOnSQLiteFileLoseNothing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try await StoreBootstrap.open(.sqliteFolder(folder), now: { "t" })
        let failures = await withTaskGroup(of: Int.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var failed = 0
                    for item in 0..<10 {
                        do { try await store.measures.upsert([.mock("w\(writer)-\(item)")]) } catch { failed += 1 }
                    }
                    return failed
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
        #expect(try await store.measures.count() == 80)
        try await store.shutdown()
    }
}

/// The document list answered by the store: access in the query, filters, paging, totals and choices.
@Suite struct DocumentListingContractTests {
    @Test(arguments: TestEngine.available)
    func documentsArePagedAndFilteredByTheStore(engine: TestEngine) async throws {
        try await engine.withStore { store in
            for number in 1...7 {
                try await store.documents.upsert(
                    KnowledgeDocument(
                        identifier: "d\(number)", title: "Rapport \(number)", documentType: number.isMultiple(of: 2) ? "Notat" : "Rapport",
                        publisher: number <= 4 ? "Etat A" : "Etat B", year: 2020 + number, access: number == 7 ? "ledergruppe" : "public",
                        file: "d\(number).txt", pages: Array(repeating: "Side.", count: number)))
            }
            let first = try await store.documents.listing(readableBy: [], filter: .init(), limit: 4, offset: 0)
            #expect(first.total == 6, "the restricted one is not counted for an outsider")
            #expect(first.items.map(\.identifier) == ["d6", "d5", "d4", "d3"], "newest year first")
            #expect(first.items.first?.pageCount == 6 && first.items.first?.publisher == "Etat B")
            #expect(first.types == ["Notat", "Rapport"] && first.publishers == ["Etat A", "Etat B"] && first.years.first == 2026)
            let second = try await store.documents.listing(readableBy: [], filter: .init(), limit: 4, offset: 4)
            #expect(second.items.map(\.identifier) == ["d2", "d1"])
            let notes = try await store.documents.listing(readableBy: [], filter: .init(documentType: "Notat", publisher: "Etat A"), limit: 10, offset: 0)
            #expect(notes.items.map(\.identifier) == ["d4", "d2"] && notes.total == 2)
            let member = try await store.documents.listing(readableBy: ["ledergruppe"], filter: .init(year: 2027), limit: 10, offset: 0)
            #expect(member.items.map(\.identifier) == ["d7"] && member.years.first == 2027)
            #expect(try await store.documents.summaries(identifiers: ["d7", "d1"], readableBy: []).map(\.identifier) == ["d1"])
        }
    }
}
