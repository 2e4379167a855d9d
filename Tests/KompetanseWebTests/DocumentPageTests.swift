import Foundation
import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import KompetanseWeb
import Testing

private func withDocuments(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    try await TestEngine.sqlite.withServices { services in
        try await services.store.documents.upsert(
            KnowledgeDocument(
                identifier: "t1", title: "Tildelingsbrev 2025", documentType: "Tildelingsbrev", publisher: "Dep", year: 2025,
                file: "t1.txt", pages: ["Innledning.", "Bevilgningen på post 01 er 495,0 millioner kroner i 2025.\nNeste avsnitt."]))
        try await services.store.documents.upsert(
            KnowledgeDocument(
                identifier: "hemmelig", title: "Internt notat", documentType: "Notat", publisher: "Dir", year: 2026,
                access: "ledergruppe", file: "n.txt", pages: ["Vi vil spare PLANTET-HEMMELIGHET 9,9 millioner kroner."]))
        let app = Application(router: try await WebApplication.buildRouter(services: services))
        try await app.test(.router, body)
    }
}

@Suite struct DocumentPageTests {
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
    @Test func formFeedbackIsStoredListedAndRedirectsBack() async throws {
        try await withDocuments { client in
            try await client.execute(uri: "/dokumenter/t1?side=2", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"action="/tilbakemelding""#))
                #expect(html.contains(#"name="reference" value="t1 side 2""#))
            }
            try await client.execute(
                uri: "/tilbakemelding", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "target=dokument&reference=t1+side+2&verdict=feil&comment=Tallet+er+feil&back=%2Fdokumenter%2Ft1%3Fside%3D2")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/dokumenter/t1?side=2&takk=1")
            }
            try await client.execute(uri: "/dokumenter/t1?side=2&takk=1", method: .get) { response in
                #expect(String(buffer: response.body).contains("Takk! Tilbakemeldingen er lagret"))
            }
            try await client.execute(uri: "/tilbakemeldinger", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Tallet er feil"))
                #expect(html.contains("dokument: t1 side 2"))
            }
        }
    }

    @Test func redirectsOnlyGoToThisSite() async throws {
        try await withDocuments { client in
            try await client.execute(
                uri: "/tilbakemelding", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "target=svar&reference=x&verdict=riktig&back=https%3A%2F%2Fevil.example%2F")
            ) { response in
                #expect(response.headers[.location] == "/?takk=1")
            }
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
                #expect(String(buffer: response.body).contains("Mangler kilde"))
            }
        }
    }
}
