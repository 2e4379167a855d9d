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
    @Option(name: .customLong("repeat"), help: "Kjør hvert behov så mange ganger og skriv mediantid og p99 på standard feil (måling).")
    var repetitions: Int = 1

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

    /// Times matching in-process (index already built), so figures exclude process start and the first build.
    private func measure(_ items: [(id: JSONValue, text: String)], services: AppServices) async throws {
        let clock = ContinuousClock()
        // The first match reads the catalogue and builds the index.
        let build = try await clock.measure {
            _ = try await services.matching.match(MatchService.Request(text: items[0].text, limit: limit), as: .commandLine)
        }
        FileHandle.standardError.write(
            Data(String(format: "indeks: %.0f ms (første match: leser katalogen og bygger indeksen), minne: %.0f MB (største RSS)\n",
                Self.milliseconds(build), Self.peakResidentMegabytes()).utf8))
        var durations: [Double] = []
        for _ in 0..<repetitions {
            for item in items {
                let elapsed = try await clock.measure {
                    _ = try await services.matching.match(MatchService.Request(text: item.text, limit: limit), as: .commandLine)
                }
                durations.append(Self.milliseconds(elapsed))
            }
        }
        durations.sort()
        let median = durations[durations.count / 2]
        let p99 = durations[min(durations.count - 1, Int(Double(durations.count) * 0.99))]
        FileHandle.standardError.write(
            Data(String(format: "match: %d kjøringer, median %.3f ms, p99 %.3f ms\n", durations.count, median, p99).utf8))
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
    }

    /// The process's largest resident set so far, in megabytes (getrusage reports kilobytes on Linux, bytes on macOS).
    private static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
            return Double(usage.ru_maxrss) / 1024
        #else
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
            return Double(usage.ru_maxrss) / 1_048_576
        #endif
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
            guard (1...10_000).contains(repetitions) else { throw CLIError.usage("--repeat skal være 1–10000") }
            try await options.withServices { services in
                if repetitions > 1 { try await measure(items, services: services) }
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
