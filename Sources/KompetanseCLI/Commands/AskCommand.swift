import ArgumentParser
import Foundation
import KompetanseDomain
import KompetanseServices

struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Still spørsmål til kunnskapsdokumentene.",
        discussion: """
            Svarer som en spørrer i tilgangsgruppene gitt med --group (ingen: anonym, bare offentlige dokumenter).
            Med --json skrives {"answer":…,"refused":bool,"citations":[{"document":…,"page":n,"quote":…}]};
            med --questions FIL (JSON Lines {"id":…,"question":…}) én linje per spørsmål med "id" i tillegg.
            """)

    @OptionGroup var options: CommonOptions
    @Option(help: "Spørsmålet.")
    var question: String?
    @Option(help: "JSON Lines-fil med spørsmål.")
    var questions: String?
    @Option(name: .customLong("group"), help: "Tilgangsgruppe spørreren tilhører (kan gjentas).")
    var groups: [String] = []
    @Flag(help: "Skriv JSON.")
    var json = false
    @Flag(help: "Vis på standard feil hvordan svaret ble funnet: spørsmålets ord og de beste setningene med poeng og dekning.")
    var explain = false

    private struct Output: Encodable {
        let id: JSONValue?
        let answer: String
        let refused: Bool
        let citations: [Citation]
        let related: [DocumentReference]
        let reason: String?
    }

    private struct Query: Decodable {
        let id: JSONValue
        let question: String
    }

    func run() async throws {
        try await reportingErrors {
            var items: [(id: JSONValue?, question: String)] = []
            if let question { items.append((nil, question)) }
            if let questions {
                let file = try readInputFiles([questions])[0]
                for (number, line) in file.data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                    guard let query = try? JSONDecoder().decode(Query.self, from: Data(line)) else {
                        throw CLIError.invalidData("\(questions), linje \(number + 1): forventet {\"id\":…,\"question\":\"…\"}")
                    }
                    items.append((query.id, query.question))
                }
            }
            guard !items.isEmpty else { throw CLIError.usage("oppgi --question TEKST eller --questions FIL") }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try await options.withServices { services in
                for item in items {
                    let answer = try await services.documents.ask(
                        item.question, as: .reader(accessGroups: Set(groups)), explain: explain)
                    if explain {
                        let lines = ["? " + item.question] + answer.trace.map { "  " + $0 } + (answer.reason.map { ["  avslag: " + $0] } ?? [])
                        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                    }
                    if json {
                        let output = Output(
                            id: item.id, answer: answer.text, refused: answer.refused, citations: answer.citations,
                            related: answer.related, reason: answer.reason)
                        FileHandle.standardOutput.write(try encoder.encode(output) + Data("\n".utf8))
                    } else {
                        print(answer.text)
                        for (number, citation) in answer.citations.enumerated() {
                            print("  [\(number + 1)] \(citation.document), side \(citation.page): «\(citation.quote)»")
                        }
                        for reference in answer.related { print("  se også: \(reference.title) (\(reference.year))") }
                    }
                }
            }
        }
    }
}

struct ImportDocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "Importer en mappe med kunnskapsdokumenter (.pdf, .html, .md, .txt).",
        discussion: """
            Metadata står i manifest.jsonl eller i NAVN.meta.json ved siden av hver fil. Hvert dokument lagres for seg;
            et dokument med feil rapporteres med grunn og hoppes over, resten importeres. Avslutter med kode 65
            når minst ett dokument feilet.
            """)

    @OptionGroup var options: CommonOptions
    @Argument(help: "Mappen.")
    var folder: String

    func run() async throws {
        try await reportingErrors {
            var failed = 0
            // On a terminal one line shows how far the import has come; in a pipe or a log, only errors and the summary.
            let terminal = isatty(STDOUT_FILENO) == 1
            let progress = ImportProgress()
            try await options.withServices { services in
                let statuses = try await services.documents.importFolder(folder, as: .commandLine) { status in
                    if let error = status.error {
                        FileHandle.standardError.write(Data("\(terminal ? "\n" : "")feil: \(status.file): \(error)\n".utf8))
                    }
                    let line = progress.add(pages: status.pages, failed: status.error != nil)
                    if terminal { FileHandle.standardOutput.write(Data("\r\(line)".utf8)) }
                }
                failed = statuses.filter { $0.error != nil }.count
                if terminal { print("") }
                print("\(statuses.count - failed) av \(statuses.count) dokumenter importert: \(progress.summary)")
            }
            if failed > 0 { throw ExitCode(65) }
        }
    }
}

/// Counts of a document import and its rate, for the progress line and the summary.
final class ImportProgress: @unchecked Sendable {
    // Guarded by `lock`: the import reports from its own task.
    private let lock = NSLock()
    private var documents = 0
    private var pages = 0
    private var failed = 0
    private let start = Date()

    /// Records one document and returns the progress line.
    func add(pages added: Int, failed isFailed: Bool) -> String {
        lock.withLock {
            documents += 1
            pages += added
            if isFailed { failed += 1 }
            return "\(documents) dokumenter, \(pages) sider, \(rate) sider/s" + (failed > 0 ? ", \(failed) med feil" : "")
        }
    }

    /// Pages, time and rate so far.
    var summary: String {
        lock.withLock {
            let seconds = Date().timeIntervalSince(start)
            return "\(pages) sider på \(String(format: "%.1f", seconds)) s (\(rate) sider/s)"
        }
    }

    // Called with the lock held.
    private var rate: Int {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        return Int((Double(pages) / seconds).rounded())
    }
}
