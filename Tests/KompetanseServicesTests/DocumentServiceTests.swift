import Foundation
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import Testing

/// A folder of documents written for these tests, with a restricted one holding a planted secret.
private func makeFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-docs-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    try write(
        "brev-2024.txt",
        "Tildelingsbrev 2024\n\nInnledning om året som kommer.\u{0C}Budsjett\n\nBevilgningen på post 01 er 480,5 millioner kroner i 2024.\n")
    try write(
        "brev-2025.txt",
        "Tildelingsbrev 2025\n\nInnledning.\u{0C}Budsjett\n\nBevilgningen på post 01 er 495,0 millioner kroner i 2025.\n")
    try write(
        "notat.md",
        "# Internt notat\n\nLedergruppen vil kutte samlingene og spare KODEORD-SJIRAFF 9,9 millioner kroner per år.\n")
    try write(
        "side.html",
        "<html><head><style>p{}</style><script>var x = 'skjult';</script></head><body><h1>Strategi</h1><p>Visjonen er &laquo;&eacute;n digital stat&raquo; &amp; samarbeid.</p>\u{0C}<p>Side to handler om m&aring;l.</p></body></html>")
    let manifest = [
        #"{"file":"brev-2024.txt","identifier":"t1","title":"Tildelingsbrev 2024","documentType":"Tildelingsbrev","publisher":"Dep","year":2024}"#,
        #"{"file":"brev-2025.txt","identifier":"t2","title":"Tildelingsbrev 2025","documentType":"Tildelingsbrev","publisher":"Dep","year":2025}"#,
        #"{"file":"notat.md","identifier":"n1","title":"Notat","documentType":"Notat","publisher":"Dir","year":2026,"access":"ledergruppe"}"#,
        #"{"file":"side.html","identifier":"h1","title":"Strategi","documentType":"Strategi","publisher":"Dir","year":2025}"#,
        #"{"file":"mangler.txt","identifier":"x1","title":"Borte","documentType":"Notat","publisher":"Dir","year":2025}"#,
        #"{"file":"brev-2024.txt","identifier":"t3","title":"Uten år","documentType":"Notat","publisher":"Dir"}"#,
    ]
    try write("manifest.jsonl", manifest.joined(separator: "\n") + "\n")
    return folder
}

private func withDocuments(
    on engine: TestEngine = .sqlite, _ body: @escaping @Sendable (AppServices) async throws -> Void
) async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try await engine.withServices { services in
        let statuses = try await services.documents.importFolder(folder, as: .commandLine)
        #expect(statuses.filter { $0.error == nil }.map(\.identifier) == ["t1", "t2", "n1", "h1"])
        try await body(services)
    }
}

@Suite struct DocumentServiceTests {
    @Test func brokenEntriesAreReportedWithoutStoppingTheRest() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await TestEngine.sqlite.withServices { services in
            let statuses = try await services.documents.importFolder(folder, as: .commandLine)
            #expect(statuses.count == 6)
            #expect(statuses.first { $0.identifier == "x1" }?.error?.contains("mangler.txt finnes ikke") == true)
            #expect(statuses.last?.error?.contains("year") == true)
            #expect(statuses.first { $0.identifier == "t1" }?.pages == 2)
        }
    }

    @Test func pagesAreKeptAndCitationsNameTheRightPage() async throws {
        try await withDocuments { services in
            let answer = try await services.documents.ask(
                "Hvor mye er bevilgningen på post 01 i 2024?", as: .anonymous)
            #expect(!answer.refused)
            #expect(answer.text.contains("480,5"))
            #expect(answer.citations.first.map { [$0.document, String($0.page)] } == ["t1", "2"])
            #expect(answer.citations.allSatisfy { $0.quote == "Bevilgningen på post 01 er 480,5 millioner kroner i 2024." })
        }
    }

    @Test func withoutAYearTheLatestDocumentAnswersAndOthersAreNamed() async throws {
        try await withDocuments { services in
            let answer = try await services.documents.ask("Hvor stor er bevilgningen på post 01?", as: .anonymous)
            #expect(answer.text.contains("495,0"))
            #expect(answer.related.map(\.identifier) == ["t1"])
        }
    }

    @Test func htmlIsReadAsTextWithEntitiesAndPages() async throws {
        try await withDocuments { services in
            let answer = try await services.documents.ask("Hva er visjonen i strategien?", as: .anonymous)
            #expect(answer.citations.contains { $0.quote == "Visjonen er «én digital stat» & samarbeid." && $0.page == 1 })
            #expect(!answer.text.contains("skjult"))
        }
    }

    @Test(arguments: TestEngine.available)
    func restrictedTextNeverReachesAnOutsider(engine: TestEngine) async throws {
        try await withDocuments(on: engine) { services in
            let question = "Hvor mye vil ledergruppen spare per år på å kutte samlingene?"
            let outsider = try await services.documents.ask(question, as: .anonymous)
            #expect(outsider.refused)
            let output = String(decoding: try JSONEncoder().encode(outsider), as: UTF8.self)
            #expect(!output.contains("KODEORD-SJIRAFF"))
            #expect(!output.contains("9,9"))
            #expect(!output.contains("n1"), "a restricted document is not even named")
            let otherGroup = try await services.documents.ask(question, as: .reader(accessGroups: ["styret"]))
            #expect(otherGroup.refused)
            let member = try await services.documents.ask(question, as: .reader(accessGroups: ["ledergruppe"]))
            #expect(!member.refused)
            #expect(member.text.contains("9,9 millioner"))
            #expect(member.citations.first?.document == "n1")
        }
    }

    @Test func unsupportedQuestionsAreRefused() async throws {
        try await withDocuments { services in
            for question in [
                "Hvor mye var bevilgningen på post 01 i 2019?", "Hvem er direktør for pingvinforskning i Antarktis?",
            ] {
                let answer = try await services.documents.ask(question, as: .anonymous)
                #expect(answer.refused, "\(question)")
                #expect(answer.text == Answer.refusalText)
                #expect(answer.citations.isEmpty)
            }
        }
    }

    @Test func missingFolderAndEmptyQuestionAreClearErrors() async throws {
        try await TestEngine.sqlite.withServices { services in
            await #expect(throws: ServiceError.invalidInput("/finnes/ikke finnes ikke eller er ikke en mappe")) {
                try await services.documents.importFolder("/finnes/ikke", as: .commandLine)
            }
            await #expect(throws: ServiceError.self) { try await services.documents.ask(" ", as: .anonymous) }
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")))
    func pdfPagesComeFromPdftotext() throws {
        // A two-page PDF written by hand: each page shows one line of text.
        let pdf = TestPDF.make(pages: ["Forste side om gevinster.", "Andre side om risiko."])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString).pdf").path
        try pdf.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pages = try PopplerPDFTextExtractor().pages(ofPDFAt: path)
        #expect(pages.count == 2)
        #expect(pages[0].contains("Forste side om gevinster."))
        #expect(pages[1].contains("Andre side om risiko."))
    }

    @Test func missingPdftotextIsNamed() {
        #expect(throws: TextExtractionError.self) {
            try PopplerPDFTextExtractor(searchPath: ["/finnes/ikke"]).pages(ofPDFAt: "/tmp/x.pdf")
        }
    }
}

/// Minimal PDF writer for tests: one Helvetica text line per page, with a correct cross-reference table.
enum TestPDF {
    static func make(pages: [String]) -> Data {
        var objects: [String] = []
        let pageCount = pages.count
        let firstPage = 3
        let font = firstPage + pageCount * 2
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        let kids = (0..<pageCount).map { "\(firstPage + $0 * 2) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        for (index, text) in pages.enumerated() {
            let content = "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(firstPage + index * 2 + 1) 0 R /Resources << /Font << /F1 \(font) 0 R >> >> >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(format: "%010d 00000 n \n", offset) }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(output.utf8)
    }
}
