import Foundation
import KompetanseDomain
import KompetanseSearch
import KompetanseServices
import KompetanseTestSupport
import Testing

/// Writes documents (name, access, pages) and a manifest into a new folder.
private func folder(_ documents: [(name: String, access: String, pages: [String])]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-passages-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var manifest: [String] = []
    for (number, document) in documents.enumerated() {
        try Data(document.pages.joined(separator: "\u{0C}").utf8).write(to: URL(fileURLWithPath: folder + "/" + document.name + ".txt"))
        manifest.append(
            #"{"file":"\#(document.name).txt","identifier":"\#(document.name)","title":"Rapport \#(number + 1)","#
                + #""documentType":"Rapport","publisher":"Direktoratet","year":\#(2020 + number),"access":"\#(document.access)"}"#)
    }
    try Data((manifest.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/manifest.jsonl"))
    return folder
}

private let publicDocuments: [(name: String, access: String, pages: [String])] = [
    (
        "skole", "public",
        [
            "Skolene i fylket fikk nye nettbrett i fjor.\n\nOpplæringen av lærerne tok tre uker.",
            "Bevilgningen til nettbrett var 12 millioner kroner.\n\nLærerne ønsker mer opplæring i personvern.",
        ]
    ),
    (
        "vei", "public",
        [
            "Veivesenet la 40 kilometer ny asfalt på fylkesveiene.", "Trafikksikkerheten ble bedre på strekningen ved fjorden.",
        ]
    ),
]

private let restrictedDocument: (name: String, access: String, pages: [String]) = (
    "hemmelig", "ledergruppe",
    [
        "Ledergruppen vurderer blåskjellprotokollen for nettbrett i skolene.\n\nBevilgningen til nettbrett kan bli kuttet.",
        "Opplæringen av lærerne flyttes til neste år.",
    ]
)

/// The index term of a word.
private func term(_ word: String) -> String { Analyzer().term(for: word) ?? word }

private let outsiderQuestions = [
    "Hvor stor var bevilgningen til nettbrett?", "Hvor lenge tok opplæringen av lærerne?",
    "Hva sier dokumentene om blåskjellprotokollen?",
]

/// What an outsider can observe: answers (text, citations, related documents, refusal), the pages retrieval
/// finds and the statistics it uses.
private func observe(_ services: AppServices, as principal: Principal) async throws -> [String] {
    var seen: [String] = []
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    for question in outsiderQuestions {
        let answer = try await services.documents.ask(question, as: principal)
        seen.append(String(decoding: try encoder.encode(answer), as: UTF8.self))
    }
    let terms = Set(["nettbrett", "bevilgningen", "opplæringen", "blåskjellprotokollen", "lærerne", "ledergruppen"].map(term))
    let statistics = try await services.store.documents.passageStatistics(terms: terms, readableBy: principal.accessGroups)
    seen.append("\(statistics.pages) \(statistics.pagesWithTerm.sorted { $0.key < $1.key })")
    let pages = try await services.store.documents.retrievePages(
        terms: Array(terms).sorted(), readableBy: principal.accessGroups, limitPerScope: 50)
    seen.append(pages.map { "\($0.document.identifier)#\($0.number)" }.joined(separator: " "))
    return seen
}

@Suite struct PassageIndexTests {
    @Test(arguments: TestEngine.available)
    func aRestrictedDocumentChangesNoScoreRankOrCountAnOutsiderSees(engine: TestEngine) async throws {
        let open = try folder(publicDocuments)
        let restricted = try folder([restrictedDocument])
        defer {
            try? FileManager.default.removeItem(atPath: open)
            try? FileManager.default.removeItem(atPath: restricted)
        }
        try await engine.withServices { services in
            _ = try await services.documents.importFolder(open, as: .commandLine)
            let before = try await observe(services, as: .anonymous)
            let otherGroupBefore = try await observe(services, as: .reader(accessGroups: ["styret"]))
            _ = try await services.documents.importFolder(restricted, as: .commandLine)
            #expect(try await observe(services, as: .anonymous) == before)
            #expect(try await observe(services, as: .reader(accessGroups: ["styret"])) == otherGroupBefore)
            #expect(!before.joined().contains("hemmelig") && !before.joined().contains("blåskjell"))

            // A member's statistics count public and group pages together, and the planted word is found.
            let member = Principal.reader(accessGroups: ["ledergruppe"])
            let statistics = try await services.store.documents.passageStatistics(
                terms: [term("blåskjellprotokollen"), term("nettbrett")], readableBy: member.accessGroups)
            #expect(statistics.pages == 6)
            #expect(statistics.pagesWithTerm[term("blåskjellprotokollen")] == 1)
            #expect(statistics.pagesWithTerm[term("nettbrett")] == 3)
            let anonymous = try await services.store.documents.passageStatistics(terms: [term("nettbrett")], readableBy: [])
            #expect(anonymous.pages == 4 && anonymous.pagesWithTerm[term("nettbrett")] == 2)
            let answer = try await services.documents.ask("Hva vurderer ledergruppen for nettbrett i skolene?", as: member)
            #expect(answer.citations.first?.document == "hemmelig")
        }
    }

    @Test(arguments: TestEngine.available)
    func importingAgainReplacesPagesTermsAndAccess(engine: TestEngine) async throws {
        let first = try folder([("notat", "public", ["Fylket kjøpte elsykler til hjemmetjenesten.", "Side to om budsjettet."])])
        let second = try folder([("notat", "ledergruppe", ["Fylket leaser elbiler til hjemmetjenesten."])])
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        try await engine.withServices { services in
            _ = try await services.documents.importFolder(first, as: .commandLine)
            let question = "Hva kjøpte fylket til hjemmetjenesten?"
            #expect(try await services.documents.ask(question, as: .anonymous).text.contains("elsykler"))
            _ = try await services.documents.importFolder(second, as: .commandLine)
            let anonymous = try await services.store.documents.passageStatistics(
                terms: [term("elsykler"), term("elbiler")], readableBy: [])
            #expect(anonymous.pages == 0 && anonymous.pagesWithTerm.isEmpty, "the old pages and their terms are gone")
            #expect(try await services.documents.ask(question, as: .anonymous).refused)
            let member = try await services.documents.ask(
                "Hva leaser fylket til hjemmetjenesten?", as: .reader(accessGroups: ["ledergruppe"]))
            #expect(member.text.contains("elbiler"))
            #expect(member.citations.first?.page == 1)
        }
    }

    @Test func documentsStoredWithoutTheIndexAreIndexedBeforeTheNextAnswer() async throws {
        try await TestEngine.sqlite.withServices { services in
            try await services.store.documents.upsert(
                KnowledgeDocument(
                    identifier: "gammel", title: "Gammel rapport", documentType: "Rapport", publisher: "Dir", year: 2019,
                    file: "g.txt", pages: ["Innledning.", "Kommunen bygde 14 nye omsorgsboliger i 2019."]))
            #expect(try await services.store.documents.unindexedDocuments(limit: 10).map(\.identifier) == ["gammel"])
            let answer = try await services.documents.ask("Hvor mange omsorgsboliger bygde kommunen?", as: .anonymous)
            #expect(answer.text.contains("14"))
            #expect(answer.citations.first?.page == 2)
            #expect(try await services.store.documents.unindexedDocuments(limit: 10).isEmpty)
        }
    }

    @Test(.enabled(if: TestEngine.postgresURL != nil))
    func sqliteAndPostgresGiveTheSameAnswers() async throws {
        let open = try folder(publicDocuments + [restrictedDocument])
        defer { try? FileManager.default.removeItem(atPath: open) }
        var answers: [[String]] = []
        for engine in [TestEngine.sqlite, .postgres] {
            answers.append(
                try await engine.withServices { services in
                    _ = try await services.documents.importFolder(open, as: .commandLine)
                    var seen = try await observe(services, as: .anonymous)
                    seen += try await observe(services, as: .reader(accessGroups: ["ledergruppe"]))
                    return seen
                })
        }
        #expect(answers[0] == answers[1])
    }
}
