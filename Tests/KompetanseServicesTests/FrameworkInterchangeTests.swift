import Foundation
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import Testing

@Suite struct FrameworkInterchangeTests {
    @Test func shippedFrameworksRoundTripExactly() throws {
        let files = try ShippedData.frameworkFiles()
        #expect(files.count == 5)
        for file in files {
            let framework = try CASEPackage.decode(file.data, fileName: file.name)
            let exported = CASEPackage.encode(framework)
            #expect(exported == file.data, "\(file.name) is not in canonical export form")
            #expect(try CASEPackage.decode(exported, fileName: file.name) == framework)
        }
    }

    @Test func shippedFrameworksHoldTheKnownStructure() throws {
        let frameworks = Dictionary(
            uniqueKeysWithValues: try ShippedData.frameworkFiles().map { file in
                let framework = try CASEPackage.decode(file.data, fileName: file.name)
                return (framework.code, framework)
            })
        let digcomp = try #require(frameworks["DIGCOMP"])
        #expect(digcomp.nodes.filter { $0.kind == "Kompetanse" }.count == 21)
        #expect(digcomp.nodes.filter { $0.kind == "Område" }.count == 5)
        #expect(digcomp.nodes.filter { $0.kind == "Nivå" }.count == 8)
        let di2x = try #require(frameworks["DI2X"])
        #expect(di2x.nodes.filter { $0.kind == "Generasjon" }.count == 6)
        let technology = try #require(di2x.node(code: "DI2X.T"))
        #expect(di2x.children(of: technology).count == 4)
        #expect(di2x.nodes.filter { $0.kind == "Delkapabilitet" }.count == 12)
        #expect(di2x.node(code: "DI2X.T.3.3")?.criticalFromGeneration == 4)
        #expect(di2x.node(code: "DI2X.O.1")?.isPlaceholder == true)
        let digdir = try #require(frameworks["DIGDIR"])
        #expect(digdir.children(of: digdir.node(code: "DIGDIR.2")!).count == 7)
        #expect(digdir.node(code: "DIGDIR.2.1")?.isPlaceholder == false)
        #expect(digdir.node(code: "DIGDIR.2.5")?.isPlaceholder == true)
        #expect(frameworks["DFO-KI"]?.nodes.count == 4)
        #expect(frameworks["LM"]?.nodes.map(\.code) == ["LM.70", "LM.20", "LM.10"])
    }

    @Test func demoCatalogueOnlyUsesShippedCodes() throws {
        let codes = Set(try ShippedData.frameworkFiles().flatMap { try CASEPackage.decode($0.data, fileName: $0.name).nodes.map(\.code) })
        let demo = try ShippedData.demoCatalogue()
        let used = Set(try MeasureFile.decode(demo.data, fileName: demo.name).flatMap { $0.teaches.compactMap(\.code) })
        #expect(used.subtracting(codes).isEmpty)
    }

    @Test func unknownMembersSurviveTheRoundTrip() throws {
        let json = """
            {"CFDocument":{"identifier":"d","title":"T","x-owner":"oss","extensions":{"code":"T"}},
             "CFItems":[{"identifier":"a","humanCodingScheme":"T.1","fullStatement":"Én","CFItemType":"Tema","abbreviatedStatement":"1"},
                        {"identifier":"b","humanCodingScheme":"T.1.1","fullStatement":"To"}],
             "CFAssociations":[{"identifier":"l","associationType":"isChildOf","originNodeURI":{"title":"To","identifier":"b","uri":"u:b"},
                                "destinationNodeURI":{"title":"Én","identifier":"a","uri":"u:a"},"sequenceNumber":1},
                               {"identifier":"x","associationType":"exactMatchOf","originNodeURI":{"title":"To","identifier":"b","uri":"u:b"},
                                "destinationNodeURI":{"title":"Ekstern","identifier":"e","uri":"u:e"}}],
             "CFDefinitions":{"CFItemTypes":[]}}
            """
        let framework = try CASEPackage.decode(Data(json.utf8), fileName: "t.json")
        #expect(framework.node(code: "T.1.1")?.parentIdentifier == "a")
        #expect(framework.links.map(\.type) == ["exactMatchOf"])
        let exported = CASEPackage.encode(framework)
        #expect(try JSONDecoder().decode(JSONValue.self, from: exported) == JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)))
    }

    @Test(arguments: [
        (#"{"CFItems":[]}"#, "CFDocument"),
        (#"{"CFDocument":{"identifier":"d","title":"T"},"CFItems":[{"identifier":"a","fullStatement":"x"}]}"#, "humanCodingScheme"),
        (#"{"CFDocument":{"identifier":"d","title":"T"},"CFItems":[{"identifier":"a","humanCodingScheme":"X","fullStatement":"x"},{"identifier":"b","humanCodingScheme":"X","fullStatement":"y"}]}"#, "humanCodingScheme"),
        (#"{"CFDocument":{"identifier":"d","title":"T"},"CFItems":[{"identifier":"a","humanCodingScheme":"X","fullStatement":"x"}],"CFAssociations":[{"identifier":"l","associationType":"isChildOf","originNodeURI":{"identifier":"a"},"destinationNodeURI":{"identifier":"zz"}}]}"#, "destinationNodeURI"),
        (#"{"CFDocument":{"identifier":"d","title":"T"},"CFItems":[{"identifier":"a","humanCodingScheme":"A","fullStatement":"x"},{"identifier":"b","humanCodingScheme":"B","fullStatement":"y"}],"CFAssociations":[{"identifier":"l","associationType":"isChildOf","originNodeURI":{"identifier":"a"},"destinationNodeURI":{"identifier":"b"}},{"identifier":"m","associationType":"isChildOf","originNodeURI":{"identifier":"b"},"destinationNodeURI":{"identifier":"a"}}]}"#, "CFAssociations"),
    ])
    func brokenPackagesAreRefusedNamingTheField(json: String, field: String) async throws {
        try await TestEngine.sqlite.withServices { services in
            let before = try await services.frameworks.summaries(as: .anonymous)
            let failure = await #expect(throws: ImportFailure.self) {
                try await services.interchange.importFrameworks([InputFile(name: "brudd.json", data: Data(json.utf8))], as: .commandLine)
            }
            #expect(failure?.problems.contains { $0.field == field && $0.file == "brudd.json" } == true, "\(String(describing: failure))")
            #expect(try await services.frameworks.summaries(as: .anonymous) == before)
        }
    }

    @Test(arguments: TestEngine.available)
    func frameworksExportAndReimportUnchangedThroughTheStore(engine: TestEngine) async throws {
        try await engine.withServices { services in
            for code in try await services.interchange.frameworkCodes() {
                let exported = try await services.interchange.exportFramework(code: code, as: .commandLine)
                _ = try await services.interchange.importFrameworks([InputFile(name: "\(code).json", data: exported)], as: .commandLine)
                #expect(try await services.interchange.exportFramework(code: code, as: .commandLine) == exported)
            }
        }
    }
}

@Suite struct ConfigurationTests {
    @Test func environmentWinsOverConfigFile() throws {
        let configuration = try AppConfiguration.load(
            dataDirectory: "d",
            configFileText: "# kommentar\nKOMPETANSEBRO_EMBEDDINGS_URL = http://fil/v1\nKOMPETANSEBRO_CHAT_MODEL=fil\n",
            environment: ["KOMPETANSEBRO_CHAT_MODEL": "miljø", "PATH": "/bin"])
        #expect(configuration.embeddingsURL == "http://fil/v1")
        #expect(configuration.chatModel == "miljø")
        #expect(configuration.embeddingsModel == "multilingual-e5-small")
        #expect(configuration.databaseURL == nil)
    }

    @Test func badSettingsAreNamed() {
        #expect(throws: AppConfiguration.Invalid.self) {
            try AppConfiguration.load(dataDirectory: "d", configFileText: "bare tekst", environment: [:])
        }
        #expect(throws: AppConfiguration.Invalid.self) {
            try AppConfiguration.load(dataDirectory: "d", configFileText: nil, environment: ["KOMPETANSEBRO_DATABASE_URL": "mysql://x"])
        }
    }
}
