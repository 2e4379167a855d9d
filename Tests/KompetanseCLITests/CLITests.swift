import Foundation
import KompetanseTestSupport
import Testing

/// The `kompetansebro` binary run as a user runs it: exit codes, messages and output files.
struct CLIRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

private func executableURL() throws -> URL {
    // Swift Testing runs from the package's build folder, where the executable sits beside the test bundle.
    let directory = Bundle.main.bundleURL.path.hasSuffix(".xctest") ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
    let candidates = [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("kompetansebro") }
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
}

/// Starts the binary without waiting for it (for tests that kill it).
func startKompetansebro(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = try executableURL()
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

func kompetansebro(_ arguments: [String]) throws -> CLIRun {
    let executable = try executableURL()
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["KOMPETANSEBRO_DATABASE_URL"] = nil
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRun(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("kb-cli-\(UUID().uuidString)").path
}

@Suite struct CLITests {
    /// In a pipe (as here) a document import prints its errors and one summary with pages and rate, not a line
    /// per document; a broken document is reported, the rest stored, and the exit code is 65.
    @Test func aDocumentImportSummarisesAndNamesWhatFailed() throws {
        let folder = temporaryFolder()
        let data = temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: data)
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "Første side.\u{0C}Andre side.".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try "Tekst".write(toFile: folder + "/b.txt", atomically: true, encoding: .utf8)
        try """
            {"file":"a.txt","identifier":"a","title":"A","documentType":"Notat","publisher":"Etat","year":2025}
            {"file":"b.txt","identifier":"b","title":"B","documentType":"Notat","publisher":"Etat","year":"ikke et år"}

            """.write(toFile: folder + "/manifest.jsonl", atomically: true, encoding: .utf8)
        let run = try kompetansebro(["import", "documents", folder, "--data", data])
        #expect(run.status == 65)
        #expect(run.stdout.contains("1 av 2 dokumenter importert: 2 sider"), "\(run.stdout)")
        #expect(run.stdout.contains("sider/s") && !run.stdout.contains("a.txt"), "one summary, no line per document")
        #expect(run.stderr.contains("b.txt"), "\(run.stderr)")
    }

    @Test func importExportRoundTripWithDataBeforeOrAfterTheCommand() throws {
        let data = temporaryFolder()
        let other = temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: other)
        }
        let source = Fixtures.packageRoot.appendingPathComponent("Sources/KompetanseServices/Resources/Demo/demo-catalogue.json").path
        let imported = try kompetansebro(["--data", data, "import", "measures", source])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("nye, 0 oppdatert"))
        let exportFile = data + "/export.json"
        #expect(try kompetansebro(["export", "measures", "--data", data, "-o", exportFile]).status == 0)
        #expect(try kompetansebro(["import", "measures", exportFile, "--data", other]).status == 0)
        let again = try kompetansebro(["export", "measures", "--data", other])
        #expect(again.stdout.data(using: .utf8) == FileManager.default.contents(atPath: exportFile))
        let frameworks = try kompetansebro(["export", "framework", "--data", other])
        #expect(frameworks.stdout.split(separator: "\n") == ["DFO-KI", "DI2X", "DIGCOMP", "DIGDIR", "LM"])
    }

    @Test func brokenFileExitsWithDataErrorAndNamesFileRecordAndField() throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let broken = data + "-feil.json"
        try Data(#"[{"@type":"Course","identifier":"a","name":"A","description":"d","provider":{"name":"P"},"offers":{"price":"gratis"}}]"#.utf8)
            .write(to: URL(fileURLWithPath: broken))
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let run = try kompetansebro(["import", "measures", broken, "--data", data])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(broken), post 1 (id «a»), felt «offers.price»: skal være et tall"))
        #expect(run.stderr.contains("Ingenting fra denne fila er lagret"))
        #expect(try kompetansebro(["export", "measures", "--data", data]).stdout == "[\n\n]")
    }

    @Test func missingFileAndBadOptionsHaveTheirOwnExitCodes() throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let missing = try kompetansebro(["import", "measures", "/finnes/ikke.json", "--data", data])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/finnes/ikke.json finnes ikke"))
        #expect(try kompetansebro(["export", "measures", "--format", "xml", "--data", data]).status == 64)
        #expect(try kompetansebro(["import", "measures"]).status == 64)
        let help = try kompetansebro(["--help"])
        #expect(help.stdout.contains("65  ugyldige inndata"))
    }
}

@Suite struct MatchContractTests {
    @Test func matchPrintsOneJSONLineperNeedWithReasons() throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let source = Fixtures.packageRoot.appendingPathComponent("Sources/KompetanseServices/Resources/Demo/demo-catalogue.json").path
        #expect(try kompetansebro(["import", "measures", source, "--data", data]).status == 0)
        let queries = data + "/needs.jsonl"
        try Data(
            (#"{"id":"a","text":"kunstig intelligens for ledere"}"# + "\n" + #"{"id":7,"text":"gratis kurs om informasjonssikkerhet"}"# + "\n")
                .utf8
        ).write(to: URL(fileURLWithPath: queries))
        let run = try kompetansebro(["match", "--queries", queries, "--limit", "5", "--data", data])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["id"] as? String == "a")
        let results = try #require(first?["results"] as? [[String: Any]])
        #expect(results.count == 5)
        #expect(results.allSatisfy { ($0["identifier"] as? String)?.hasPrefix("demo-") == true && $0["score"] is Double })
        #expect(results.allSatisfy { ($0["why"] as? String)?.isEmpty == false })
        let scores = results.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(second?["id"] as? Int == 7)
        #expect((second?["understood"] as? String)?.contains("gratis") == true)
    }

    @Test func badQueryLineIsNamed() throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let queries = data + "/bad.jsonl"
        try Data("{\"id\":1,\"text\":\"ok\"}\nikke json\n".utf8).write(to: URL(fileURLWithPath: queries))
        let run = try kompetansebro(["match", "--queries", queries, "--data", data])
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.jsonl, linje 2"))
    }
}

@Suite struct ReliabilityTests {
    private func catalogue(_ count: Int, prefix: String) -> Data {
        let items = (0..<count).map { index in
            #"{"@type":"Course","identifier":"\#(prefix)-\#(index)","name":"Kurs \#(index) om ledelse og digital transformasjon","description":"\#(String(repeating: "Beskrivelse av tiltaket. ", count: 20))","provider":{"name":"Tilbyder \#(index % 50)"},"keywords":["ledelse","data"]}"#
        }
        return Data(("[" + items.joined(separator: ",") + "]").utf8)
    }

    @Test func backupAndRestoreRoundTrip() throws {
        let data = temporaryFolder()
        let copy = data + "-kopi.sqlite"
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: copy)
        }
        let file = data + "-m.json"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try catalogue(30, prefix: "a").write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try kompetansebro(["import", "measures", file, "--data", data]).status == 0)
        let before = try kompetansebro(["export", "measures", "--data", data]).stdout
        #expect(try kompetansebro(["backup", "--to", copy, "--data", data]).status == 0)
        #expect(try kompetansebro(["backup", "--to", copy, "--data", data]).status != 0, "an existing file is never overwritten")
        try catalogue(5, prefix: "b").write(to: URL(fileURLWithPath: file))
        #expect(try kompetansebro(["import", "measures", file, "--data", data]).status == 0)
        #expect(try kompetansebro(["export", "measures", "--data", data]).stdout != before)
        let restored = try kompetansebro(["restore", "--from", copy, "--data", data])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try kompetansebro(["export", "measures", "--data", data]).stdout == before)
        let bogus = try kompetansebro(["restore", "--from", file, "--data", data])
        #expect(bogus.status == 65)
        #expect(try kompetansebro(["export", "measures", "--data", data]).stdout == before, "a bad backup changes nothing")
    }

    @Test func importKilledMidwayLeavesTheStoreAsBefore() throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let small = data + "/small.json"
        let large = data + "/large.json"
        try catalogue(10, prefix: "før").write(to: URL(fileURLWithPath: small))
        try catalogue(40_000, prefix: "stor").write(to: URL(fileURLWithPath: large))
        #expect(try kompetansebro(["import", "measures", small, "--data", data]).status == 0)
        let before = try kompetansebro(["export", "measures", "--data", data]).stdout
        for delay in [0.3, 0.8, 1.5] {
            let process = try startKompetansebro(["import", "measures", large, "--data", data])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try kompetansebro(["export", "measures", "--data", data]).stdout == before, "killed after \(delay) s")
        }
        let finished = try kompetansebro(["import", "measures", large, "--data", data])
        #expect(finished.status == 0)
        #expect(finished.stdout.contains("40000 nye"))
    }
}
