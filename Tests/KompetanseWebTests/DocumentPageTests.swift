import Foundation
import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import KompetanseWeb
import Testing

private func withDocuments(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    try await withDocuments { client, _ in try await body(client) }
}

private func withDocuments(
    _ body: @escaping @Sendable (any TestClientProtocol, AppServices) async throws -> Void
) async throws {
    try await TestEngine.sqlite.withServices { services in
        _ = try await services.accounts.createPerson(
            email: "redaktor@example.no", name: "Redaktør", password: "riktig hest batteri stift", roles: [.editor],
            as: .commandLine)
        try await services.store.documents.upsert(
            KnowledgeDocument(
                identifier: "t1", title: "Tildelingsbrev 2025", documentType: "Tildelingsbrev", publisher: "Dep", year: 2025,
                file: "t1.txt", pages: ["Innledning.", "Bevilgningen på post 01 er 495,0 millioner kroner i 2025.\nNeste avsnitt."]))
        try await services.store.documents.upsert(
            KnowledgeDocument(
                identifier: "hemmelig", title: "Internt notat", documentType: "Notat", publisher: "Dir", year: 2026,
                access: "ledergruppe", file: "n.txt", pages: ["Vi vil spare PLANTET-HEMMELIGHET 9,9 millioner kroner."]))
        let app = Application(router: try await WebApplication.buildRouter(services: services))
        try await app.test(.router) { client in try await body(client, services) }
    }
}

@Suite struct DocumentPageTests {
    /// Many documents are listed a page at a time, with the filters kept in the links to the next page.
    @Test func theDocumentListPagesThroughManyDocuments() async throws {
        try await withDocuments { client, services in
            for number in 1...60 {
                try await services.store.documents.upsert(
                    KnowledgeDocument(
                        identifier: "r\(number)", title: "Rapport nummer \(number)", documentType: "Rapport", publisher: "Etat", year: 2024,
                        file: "r\(number).txt", pages: ["Side."]))
            }
            let first = try await Browser(client).get("/dokumenter?type=Rapport")
            #expect(first.text.contains("60 dokumenter") && first.text.contains("Side 1 av 2"), "\(first.text.prefix(200))")
            #expect(first.text.contains("href=\"/dokumenter?type=Rapport&amp;side=2\""), "the next page keeps the filter")
            let second = try await Browser(client).get("/dokumenter?type=Rapport&side=2")
            #expect(second.text.contains("Side 2 av 2") && second.text.contains("rel=\"prev\""))
            #expect(second.text.components(separatedBy: "<tr>").count - 2 == 10, "the last ten of sixty")
            let api = try await Browser(client).get("/api/v1/documents?type=Rapport&limit=25&offset=50")
            #expect(api.text.contains("\"total\":60") && api.text.components(separatedBy: "\"identifier\"").count - 1 == 10, "\(api.text.prefix(300))")
            #expect(try await Browser(client).get("/api/v1/documents?limit=0").status == .badRequest)
            let far = try await Browser(client).get("/api/v1/documents?limit=1&offset=99999999")
            #expect(far.status == .ok && far.text.contains("\"items\":[]"), "an offset past the end is an empty page, not an error")
        }
    }

    @Test func questionPageAnswersWithLinkedCitations() async throws {
        try await withDocuments { client in
            try await client.execute(uri: "/sporsmal?sporsmal=Hvor%20mye%20er%20bevilgningen%20p%C3%A5%20post%2001%3F", method: .get) {
                response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(html.contains("495,0 millioner kroner"))
                #expect(html.contains(#"href="/dokumenter/t1?side=2&amp;sitat="#))
                #expect(!html.contains("PLANTET-HEMMELIGHET"))
            }
        }
    }

    @Test func aDocumentPageListsItsSeries() async throws {
        try await withDocuments { client, services in
            try await services.store.documents.upsert(
                KnowledgeDocument(
                    identifier: "t0", title: "Tildelingsbrev 2024", documentType: "Tildelingsbrev", publisher: "Dep", year: 2024,
                    file: "t0.txt", pages: ["Innledning."]))
            let page = try await Browser(client).get("/dokumenter/t1")
            #expect(page.text.contains("Samme serie") && page.text.contains(#"href="/dokumenter/t0""#))
        }
    }

    @Test func documentViewMarksTheQuoteOnTheCitedPage() async throws {
        try await withDocuments { client in
            let quote = "Bevilgningen på post 01 er 495,0 millioner kroner i 2025.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: "/dokumenter/t1?side=2&sitat=\(quote)", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"<mark id="sitat">Bevilgningen på post 01 er 495,0 millioner kroner i 2025.</mark>"#))
                #expect(html.contains(#"<span aria-current="page">2</span>"#))
            }
        }
    }

    @Test func restrictedDocumentsDoNotExistForOutsiders() async throws {
        try await withDocuments { client in
            for path in ["/dokumenter/hemmelig", "/api/v1/documents/hemmelig"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(!String(buffer: response.body).contains("Internt notat"))
                }
            }
            for path in ["/dokumenter", "/api/v1/documents"] {
                try await client.execute(uri: path, method: .get) { response in
                    let body = String(buffer: response.body)
                    #expect(body.contains("Tildelingsbrev 2025"))
                    #expect(!body.contains("Internt notat") && !body.contains("hemmelig"), "\(path)")
                }
            }
            try await client.execute(
                uri: "/api/v1/ask", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"question":"Hvor mye vil vi spare?"}"#)
            ) { response in
                let body = String(buffer: response.body)
                #expect(body.contains(#""refused":true"#))
                #expect(!body.contains("PLANTET-HEMMELIGHET") && !body.contains("9,9") && !body.contains("hemmelig"))
            }
        }
    }

    @Test func askAPIRefusesMalformedBodies() async throws {
        try await withDocuments { client in
            try await client.execute(uri: "/api/v1/ask", method: .post, body: ByteBuffer(string: "ikke json")) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/ask", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"question":"  "}"#)
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}

@Suite struct FeedbackTests {
    @Test func formFeedbackIsStoredListedForEditorsAndRedirectsBack() async throws {
        try await withDocuments { client, _ in
            let browser = Browser(client)
            let page = try await browser.get("/dokumenter/t1?side=2")
            #expect(page.text.contains(#"action="/tilbakemelding""#))
            #expect(page.text.contains(#"name="reference" value="t1 side 2""#))
            #expect(page.text.contains(#"name="_csrf""#), "the form carries the CSRF token")
            let sent = try await browser.post(
                "/tilbakemelding",
                [("target", "dokument"), ("reference", "t1 side 2"), ("verdict", "feil"), ("comment", "Tallet er feil"),
                 ("back", "/dokumenter/t1?side=2")])
            #expect(sent.status == .seeOther)
            #expect(sent.location == "/dokumenter/t1?side=2&takk=1")
            #expect(try await browser.get("/dokumenter/t1?side=2&takk=1").text.contains("Takk! Tilbakemeldingen er lagret"))
            let anonymous = try await browser.get("/tilbakemeldinger")
            #expect(anonymous.status == .seeOther, "feedback is listed for editors only")
            #expect(!anonymous.text.contains("Tallet er feil"))
            try await browser.signIn("redaktor@example.no", "riktig hest batteri stift")
            let list = try await browser.get("/tilbakemeldinger")
            #expect(list.status == .ok)
            #expect(list.text.contains("Tallet er feil"))
            #expect(list.text.contains("dokument: t1 side 2"))
        }
    }

    @Test func feedbackWithoutTheCSRFTokenIsRefusedAndNotStored() async throws {
        try await withDocuments { client, services in
            let browser = Browser(client)
            _ = try await browser.get("/dokumenter/t1")
            let forged = try await browser.post(
                "/tilbakemelding", [("target", "svar"), ("reference", "x"), ("verdict", "riktig")], csrf: "forfalsket")
            #expect(forged.status == .forbidden)
            #expect(try await services.feedback.all(as: .commandLine).isEmpty)
        }
    }

    @Test func redirectsOnlyGoToThisSite() async throws {
        try await withDocuments { client, _ in
            let browser = Browser(client)
            let sent = try await browser.post(
                "/tilbakemelding", [("target", "svar"), ("reference", "x"), ("verdict", "riktig"), ("back", "https://evil.example/")])
            #expect(sent.location == "/?takk=1")
            let backslash = try await browser.post(
                "/tilbakemelding", [("target", "svar"), ("reference", "x"), ("verdict", "riktig"), ("back", "/\\evil.example")])
            #expect(backslash.location == "/?takk=1", "browsers read /\\ as //")
        }
    }

    @Test func apiFeedbackIsValidated() async throws {
        try await withDocuments { client in
            try await client.execute(
                uri: "/api/v1/feedback", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"target":"svar","reference":"Hvor mye?","verdict":"kanskje"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("riktig, feil eller mangler"))
            }
            try await client.execute(
                uri: "/api/v1/feedback", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"target":"svar","reference":"Hvor mye?","verdict":"mangler","comment":"Mangler kilde"}"#)
            ) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/v1/feedback", method: .get) { response in
                #expect(response.status == .unauthorized, "anonymous callers cannot list feedback")
                #expect(!String(buffer: response.body).contains("Mangler kilde"))
            }
        }
    }
}
