import ArgumentParser
import Foundation
import KompetanseDomain
import KompetanseServices

struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "Finn tiltak for behov (JSON Lines inn og ut).",
        discussion: """
            --queries FIL er JSON Lines med {"id":…,"text":…}. Utdata er én linje per behov:
            {"id":…,"results":[{"identifier":…,"score":…,"why":…},…]}, beste treff først.
            Med --text skrives resultatet for ett behov.
            """)

    @OptionGroup var options: CommonOptions
    @Option(help: "JSON Lines-fil med behov.")
    var queries: String?
    @Option(help: "Ett behov som tekst.")
    var text: String?
    @Option(help: "Antall treff per behov.")
    var limit: Int = 10

    private struct Query: Decodable {
        let id: JSONValue
        let text: String
    }

    private struct Output: Encodable {
        let id: JSONValue
        let understood: String?
        let weak: Bool
        let results: [Result]

        struct Result: Encodable {
            let identifier: String
            let score: Double
            let why: String
        }
    }

    func run() async throws {
        try await reportingErrors {
            guard (1...200).contains(limit) else { throw CLIError.usage("--limit skal være 1–200") }
            var items: [(id: JSONValue, text: String)] = []
            if let text { items.append((.string("1"), text)) }
            if let queries {
                let file = try readInputFiles([queries])[0]
                for (number, line) in file.data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                    guard let query = try? JSONDecoder().decode(Query.self, from: Data(line)) else {
                        throw CLIError.invalidData("\(queries), linje \(number + 1): forventet {\"id\":…,\"text\":\"…\"}")
                    }
                    items.append((query.id, query.text))
                }
            }
            guard !items.isEmpty else { throw CLIError.usage("oppgi --queries FIL eller --text TEKST") }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try await options.withServices { services in
                for item in items {
                    let result = try await services.matching.match(
                        MatchService.Request(text: item.text, limit: limit), as: .commandLine)
                    let output = Output(
                        id: item.id, understood: result.understanding.summary, weak: result.isWeak,
                        results: result.hits.map {
                            Output.Result(identifier: $0.measure.identifier, score: (($0.score * 10_000).rounded() / 10_000), why: $0.why)
                        })
                    FileHandle.standardOutput.write(try encoder.encode(output) + Data("\n".utf8))
                }
            }
        }
    }
}
