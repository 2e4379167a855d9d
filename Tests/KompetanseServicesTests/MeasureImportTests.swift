import Foundation
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import Testing

private func fixture(_ path: String) throws -> InputFile {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(path)", withExtension: nil))
    return InputFile(name: (path as NSString).lastPathComponent, data: try Data(contentsOf: url))
}

/// A broken file, what the error must name, and that nothing of it is stored.
struct BrokenCase: Sendable, CustomStringConvertible {
    let name: String
    let file: @Sendable () throws -> InputFile
    let record: String?
    let field: String?
    let message: String

    var description: String { name }

    static let all: [BrokenCase] = [
        BrokenCase(
            name: "bad JSON", file: { try fixture("broken/bad-json.json") }, record: "linje 3, kolonne 69", field: nil,
            message: "forventet «,» eller «}»"),
        BrokenCase(
            name: "missing required field", file: { try fixture("broken/missing-field.json") },
            record: "post 2 (id «uten-navn»)", field: "name", message: "mangler"),
        BrokenCase(
            name: "wrong type", file: { try fixture("broken/wrong-type.json") }, record: "post 2 (id «feil-type»)",
            field: "numberOfCredits", message: "skal være et tall"),
        BrokenCase(
            name: "duplicate id", file: { try fixture("broken/duplicate-id.json") }, record: "post 3 (id «samme»)",
            field: "identifier", message: "står allerede i post 1"),
        BrokenCase(
            name: "unknown learningResourceType", file: { try fixture("broken/unknown-type.json") },
            record: "post 2 (id «hackathon»)", field: "learningResourceType", message: "ukjent verdi «Hackathon»"),
        BrokenCase(
            name: "CSV row with too many fields", file: { try fixture("broken/wrong-columns.csv") }, record: "linje 3",
            field: nil, message: "har 6 felt"),
        BrokenCase(
            name: "truncated JSON Lines", file: { try fixture("broken/bad-line.jsonl") }, record: "linje 3, kolonne 60",
            field: nil, message: "anførselstegn"),
        BrokenCase(
            name: "10 MB description",
            file: {
                let description = String(repeating: "Lang tekst. ", count: 900_000)
                let json = #"[{"@type":"Course","identifier":"stor","name":"Stor","description":"\#(description)","provider":{"name":"A"}}]"#
                return InputFile(name: "stor.json", data: Data(json.utf8))
            }, record: "post 1 (id «stor»)", field: "description", message: "er for lang"),
        BrokenCase(
            name: "invalid UTF-8",
            file: {
                var data = Data(#"[{"@type":"Course","identifier":"x","name":"Bl"#.utf8)
                data.append(contentsOf: [0xC3, 0x28])  // a lead byte followed by an ASCII byte
                data.append(Data(#"","description":"d","provider":{"name":"A"}}]"#.utf8))
                return InputFile(name: "latin1.json", data: data)
            }, record: "linje 1, kolonne 47", field: nil, message: "ugyldig UTF-8 (byte 0xC3 ved byte 46)"),
        BrokenCase(
            name: "NUL byte in a name",
            file: {
                InputFile(
                    name: "nul.json",
                    data: Data(#"[{"@type":"Course","identifier":"x","name":"a\u0000b","description":"d","provider":{"name":"A"}}]"#.utf8))
            }, record: "post 1 (id «x»)", field: "name", message: "NUL"),
        BrokenCase(
            name: "wrong @type and provider without name",
            file: {
                InputFile(
                    name: "type.json",
                    data: Data(#"[{"@type":"Event","identifier":"x","name":"n","description":"d","provider":{"url":"u"}}]"#.utf8))
            }, record: "post 1 (id «x»)", field: "provider.name", message: "mangler"),
    ]
}

@Suite struct MeasureImportTests {
    @Test(arguments: BrokenCase.all)
    func brokenFileIsRefusedWholeWithPreciseError(broken: BrokenCase) async throws {
        try await TestEngine.sqlite.withServices { services in
            _ = try await services.interchange.importMeasures([.init(name: "før.json", data: MeasureFile.encode([.mock("før")], format: .json))], as: .commandLine)
            let before = try await services.interchange.exportMeasures(format: .json, as: .commandLine)
            let file = try broken.file()
            let failure = await #expect(throws: ImportFailure.self) {
                try await services.interchange.importMeasures([file], as: .commandLine)
            }
            let problem = try #require(failure?.problems.first { $0.field == broken.field && $0.record == broken.record })
            #expect(problem.file == file.name)
            #expect(problem.message.contains(broken.message), "\(problem)")
            #expect(try await services.interchange.exportMeasures(format: .json, as: .commandLine) == before)
        }
    }

    @Test func wrongTypeErrorNamesTheRecordAndFieldInText() throws {
        let failure = #expect(throws: ImportFailure.self) {
            try MeasureFile.decode(try fixture("broken/wrong-type.json").data, fileName: "wrong-type.json")
        }
        #expect(failure?.description == "wrong-type.json, post 2 (id «feil-type»), felt «numberOfCredits»: skal være et tall, men er string")
    }

    @Test func reimportWithSameIdentifierUpdatesInPlace() async throws {
        try await TestEngine.sqlite.withServices { services in
            let first = MeasureFile.encode([.mock("a", name: "Før"), .mock("b")], format: .json)
            let second = MeasureFile.encode([.mock("a", name: "Etter")], format: .jsonLines)
            let reportA = try await services.interchange.importMeasures([InputFile(name: "a.json", data: first)], as: .commandLine)
            let reportB = try await services.interchange.importMeasures([InputFile(name: "b.jsonl", data: second)], as: .commandLine)
            #expect(reportA.first?.created == 2)
            #expect(reportB.first?.updated == 1)
            let detail = try await services.catalogue.measure(identifier: "a", as: .anonymous)
            #expect(detail.measure.name == "Etter")
            #expect(detail.measure.provenance == Provenance(source: "b.jsonl", importedAt: FixedClock().timestamp(), importedBy: "cli"))
            #expect(try await services.catalogue.page(CatalogueQuery(), as: .anonymous).total == 2)
        }
    }

    @Test func demoCatalogueRoundTripsThroughEveryFormat() throws {
        let demo = try ShippedData.demoCatalogue()
        let measures = try MeasureFile.decode(demo.data, fileName: demo.name)
        #expect(measures.count >= 60)
        #expect(measures.allSatisfy { $0.isDemo })
        for format in [MeasureFileFormat.json, .jsonLines] {
            let again = try MeasureFile.decode(MeasureFile.encode(measures, format: format), fileName: "x.\(format.rawValue)")
            #expect(again == measures, "\(format)")
        }
        let csv = try MeasureFile.decode(MeasureFile.encode(measures, format: .csv), fileName: "x.csv")
        #expect(csv.map(\.identifier) == measures.map(\.identifier))
        #expect(csv.map(\.description) == measures.map(\.description))
        #expect(csv.map(\.price) == measures.map(\.price))
        #expect(csv.map { $0.teaches.compactMap(\.code) } == measures.map { $0.teaches.compactMap(\.code) })
    }

    @Test func csvFileIsReadWithQuotesListsAndCodes() throws {
        let measures = try MeasureFile.decode(try fixture("good/measures.csv").data, fileName: "measures.csv")
        #expect(measures.count == 2)
        let first = measures[0]
        #expect(first.description == #"Kurs om å planlegge og hente ut gevinster, med «eksempler» og "sitater""#)
        #expect(first.teaches == [TaughtTerm(code: "DI2X.S.1", name: nil), TaughtTerm(code: nil, name: "Gevinstrealisering")])
        #expect(first.sectors == [.state, .municipality])
        #expect(first.isFree == true)
        #expect(first.timeRequired?.hours == 6)
        #expect(first.modes == [.online])
        #expect(measures[1].languages == ["nn", "en"])
        #expect(measures[1].price?.amount == 1500)
    }

    @Test(.enabled(if: Fixtures.evalCatalogue != nil))
    func evalCatalogueImportsAndExportsIdentically() async throws {
        let url = try #require(Fixtures.evalCatalogue)
        let original = try Data(contentsOf: url)
        try await TestEngine.sqlite.withServices { services in
            let reports = try await services.interchange.importMeasures([InputFile(name: "catalogue.json", data: original)], as: .commandLine)
            #expect(reports.first?.created == 90)
            let exported = try await services.interchange.exportMeasures(format: .json, as: .commandLine)
            let originalValue = try JSONDecoder().decode(JSONValue.self, from: original)
            let exportedValue = try JSONDecoder().decode(JSONValue.self, from: exported)
            let byID = { (value: JSONValue) -> [String: JSONValue] in
                Dictionary(uniqueKeysWithValues: (value.arrayValue ?? []).map { ($0.objectValue?["identifier"]?.stringValue ?? "", $0) })
            }
            #expect(byID(exportedValue) == byID(originalValue))
        }
    }
}
