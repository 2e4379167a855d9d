import Foundation
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import Testing

/// Thousands of generated malformed inputs: each importer must answer with a clean error every time and leave
/// the store as it was. The generator is seeded, so a failure can be reproduced.
@Suite struct ImporterFuzzTests {
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static let valid = #"[{"@type":"Course","identifier":"f1","name":"Kurs","description":"Om ledelse","provider":{"name":"P"},"offers":{"price":0},"teaches":[{"termCode":"DI2X.T.3"}],"keywords":["a","b"]}]"#

    /// One malformed variant of a valid file: truncated, bytes flipped, wrong types, huge strings, bad UTF-8,
    /// NUL bytes or deep nesting.
    static func mutate(_ base: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = base
        switch Int.random(in: 0..<8, using: &random) {
        case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
        case 1:
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 2: bytes.insert(0, at: Int.random(in: 0..<bytes.count, using: &random))
        case 3: bytes.insert(contentsOf: [0xC3, 0x28], at: Int.random(in: 1..<bytes.count, using: &random))
        case 4:
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"Kurs\"", with: ["1", "null", "[]", "{}", "true"].randomElement(using: &random)!)
            bytes = Array(text.utf8)
        case 5: bytes = Array((String(repeating: "[", count: Int.random(in: 65...5_000, using: &random)) + "1").utf8)
        case 6:
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "Om ledelse", with: String(repeating: "x", count: 25_000))
            bytes = Array(text.utf8)
        default:
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"identifier\":\"f1\",", with: "")
            bytes = Array(text.utf8)
        }
        return bytes
    }

    @Test func malformedMeasureFilesAreRefusedCleanly() async throws {
        try await TestEngine.sqlite.withServices { services in
            _ = try await services.interchange.importMeasures([InputFile(name: "ok.json", data: Data(Self.valid.utf8))], as: .commandLine)
            let before = try await services.interchange.exportMeasures(format: .json, as: .commandLine)
            var random = SeededGenerator(state: 20_261_129)
            var refused = 0
            for round in 0..<2_000 {
                let data = Data(Self.mutate(Array(Self.valid.utf8), &random))
                let name = ["x.json", "x.jsonl", "x.csv"][round % 3]
                do {
                    _ = try await services.interchange.importMeasures([InputFile(name: name, data: data)], as: .commandLine)
                    // A mutation can leave a valid file; re-importing the same record is then harmless. Undo it.
                    _ = try await services.interchange.importMeasures([InputFile(name: "ok.json", data: Data(Self.valid.utf8))], as: .commandLine)
                } catch let failure as ImportFailure {
                    refused += 1
                    #expect(failure.problems.allSatisfy { $0.file == name && !$0.message.isEmpty })
                }
            }
            #expect(refused > 1_500)
            let after = try await services.interchange.exportMeasures(format: .json, as: .commandLine)
            let count = try await services.catalogue.page(CatalogueQuery(), as: .anonymous).total
            #expect(count == 1)
            #expect(after == before)
        }
    }

    @Test func malformedFrameworkFilesAreRefusedCleanly() async throws {
        try await TestEngine.sqlite.withServices { services in
            let shipped = try ShippedData.frameworkFiles().first { $0.name.hasPrefix("dfo") }!
            let before = try await services.frameworks.summaries(as: .anonymous)
            var random = SeededGenerator(state: 7)
            for _ in 0..<1_000 {
                let data = Data(Self.mutate(Array(shipped.data), &random))
                do {
                    _ = try await services.interchange.importFrameworks([InputFile(name: "f.json", data: data)], as: .commandLine)
                } catch let failure as ImportFailure {
                    #expect(failure.problems.allSatisfy { $0.file == "f.json" })
                }
            }
            // Whatever was accepted replaced DFO-KI with a still-valid variant; no other framework changed.
            let after = try await services.frameworks.summaries(as: .anonymous)
            #expect(after.filter { $0.code != "DFO-KI" } == before.filter { $0.code != "DFO-KI" })
        }
    }
}
