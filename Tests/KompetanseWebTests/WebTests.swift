import Foundation
import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import KompetanseWeb
import Testing

/// Runs `body` against the router over services with the shipped frameworks and the given measures.
private func withApp(
    measures: [Measure] = [], _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    try await TestEngine.sqlite.withServices { services in
        if !measures.isEmpty { try await services.store.measures.upsert(measures) }
        let router = try await WebApplication.buildRouter(services: services)
        let app = Application(router: router)
        try await app.test(.router, body)
    }
}

private extension TestResponse {
    var text: String { String(buffer: body) }
}

@Suite struct PageTests {
    @Test func everyPageRendersWithNavigationAndSecurityHeaders() async throws {
        let measure = Measure.mock("m1", name: "Innføring i KI-styring", teaches: [TaughtTerm(code: "DI2X.T.2.1", name: nil)])
        try await withApp(measures: [measure]) { client in
            for path in ["/", "/tiltak", "/tiltak/m1", "/tilbydere", "/rammeverk", "/rammeverk/DI2X", "/rammeverk/DI2X/DI2X.T.2.1"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "no framing")
                    #expect(response.text.contains(#"<html lang="nb">"#))
                    #expect(response.text.contains(##"href="#innhold""##), "skip link on \(path)")
                }
            }
        }
    }

    @Test func measurePageShowsFactsAndLinksTheNodeItBuilds() async throws {
        var measure = Measure.mock("m1", name: "Innføring i KI-styring", price: 0, teaches: [TaughtTerm(code: "DI2X.T.2.1", name: nil)])
        measure.timeRequired = ISODuration("P2D")
        try await withApp(measures: [measure]) { client in
            try await client.execute(uri: "/tiltak/m1", method: .get) { response in
                #expect(response.text.contains("Innføring i KI-styring"))
                #expect(response.text.contains("Gratis"))
                #expect(response.text.contains("2 dager"))
                #expect(response.text.contains(#"href="/rammeverk/DI2X/DI2X.T.2.1""#))
            }
            try await client.execute(uri: "/rammeverk/DI2X/DI2X.T.2.1", method: .get) { response in
                #expect(response.text.contains(#"href="/tiltak/m1""#), "the node lists the measure that builds it")
            }
        }
    }

    @Test func catalogueSearchesFiltersAndPaginatesWithoutJavaScript() async throws {
        let measures = (1...45).map { Measure.mock(String(format: "m%02d", $0), name: String(format: "Kurs %02d", $0), price: $0 % 3 == 0 ? 0 : 900) }
            + [.mock("ki", name: "Kunstig intelligens for ledere", provider: "Nordvik høgskule")]
        try await withApp(measures: measures) { client in
            try await client.execute(uri: "/tiltak?q=kunstig", method: .get) { response in
                #expect(response.text.contains("Kunstig intelligens for ledere"))
                #expect(!response.text.contains("Kurs 01"))
                #expect(response.text.contains(#"value="kunstig""#))
            }
            try await client.execute(uri: "/tiltak?price=gratis", method: .get) { response in
                #expect(response.text.contains("15 tiltak"))
                #expect(response.text.contains(#"value="gratis" checked"#))
            }
            try await client.execute(uri: "/tiltak?side=3", method: .get) { response in
                #expect(response.text.contains("46 tiltak – side 3 av 3"))
                #expect(response.text.contains(#"href="/tiltak?side=2" rel="prev""#))
                #expect(response.text.contains("Kurs 45"))
                #expect(!response.text.contains("Kunstig intelligens for ledere"), "sorted first, so on page 1")
            }
            try await client.execute(uri: "/tiltak?side=tull", method: .get) { response in
                #expect(response.status == .ok, "a malformed page number on a page falls back to the first page")
            }
        }
    }

    @Test func userTextIsEscapedEverywhere() async throws {
        let hostile = Measure.mock(
            "x", name: #"<script>alert("x")</script>"#, provider: #"<img src=x onerror=alert(1)>"#,
            description: #"" onmouseover="alert(1)"#)
        try await withApp(measures: [hostile]) { client in
            for path in ["/tiltak", "/tiltak/x", "/tilbydere", "/tiltak?q=%3Cscript%3E"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(!response.text.contains("<script>"), "\(path)")
                    #expect(!response.text.contains("<img src=x"), "\(path)")
                    #expect(!response.text.contains(#"" onmouseover="alert"#), "\(path)")
                }
            }
        }
    }

    @Test func missingThingsGetAFriendly404Page() async throws {
        try await withApp { client in
            for path in ["/finnes-ikke", "/tiltak/ukjent", "/rammeverk/UKJENT", "/rammeverk/DI2X/DIGCOMP.1"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.text.contains("Vi fant ikke det du lette etter"), "\(path)")
                    #expect(response.text.contains(#"href="/tiltak""#))
                }
            }
        }
    }

    @Test func languageCanBeSwitchedAndIsRemembered() async throws {
        try await withApp { client in
            try await client.execute(uri: "/?lang=nn", method: .get) { response in
                #expect(response.text.contains(#"<html lang="nn">"#))
                #expect(response.text.contains("Framside"))
                #expect(response.headers[.setCookie]?.contains("lang=nn") == true)
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "lang=en"]) { response in
                #expect(response.text.contains("Find competence measures"))
            }
        }
    }

    @Test func headRequestsAnswerLikeGetWithoutBody() async throws {
        try await withApp { client in
            try await client.execute(uri: "/tiltak", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }
}

@Suite struct APITests {
    @Test func measuresArePagedFilteredAndInSchemaOrgForm() async throws {
        let measures = (1...30).map { Measure.mock("m\($0)", price: $0 <= 10 ? 0 : 100) }
        try await withApp(measures: measures) { client in
            try await client.execute(uri: "/api/v1/measures?price=gratis&pageSize=4&page=2", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(json.objectValue?["total"] == .number(10))
                #expect(json.objectValue?["pageCount"] == .number(3))
                let items = try #require(json.objectValue?["items"]?.arrayValue)
                #expect(items.count == 4)
                #expect(items.first?.objectValue?["@type"] == .string("Course"))
                #expect(items.first?.objectValue?["offers"]?.objectValue?["price"] == .number(0))
            }
            try await client.execute(uri: "/api/v1/measures/m3", method: .get) { response in
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(json.objectValue?["identifier"] == .string("m3"))
                #expect(json.objectValue?["@context"] == .string("https://schema.org"))
            }
        }
    }

    @Test func badParametersAndMissingRecordsGiveJSONErrors() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/measures?page=null", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body).contains("«page»"))
            }
            for path in ["/api/v1/measures/nei", "/api/v1/frameworks/NEI", "/api/v1/nodes/NEI", "/api/v1/providers/nei", "/api/v1/ukjent"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(String(buffer: response.body).hasPrefix(#"{"error":"#), "\(path)")
                }
            }
        }
    }

    @Test func frameworksNodesAndProvidersAreListed() async throws {
        try await withApp(measures: [.mock("a", provider: "Nordvik høgskule", teaches: [TaughtTerm(code: "DI2X.T.3", name: nil)])]) {
            client in
            try await client.execute(uri: "/api/v1/frameworks", method: .get) { response in
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(json.objectValue?["items"]?.arrayValue?.count == 5)
            }
            try await client.execute(uri: "/api/v1/frameworks/DI2X", method: .get) { response in
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                let nodes = try #require(json.objectValue?["nodes"]?.arrayValue)
                #expect(nodes.contains { $0.objectValue?["code"] == .string("DI2X.T.3.1") && $0.objectValue?["parent"] == .string("DI2X.T.3") })
            }
            try await client.execute(uri: "/api/v1/nodes/DI2X.T.3", method: .get) { response in
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(json.objectValue?["measures"] == .array([.string("a")]))
                #expect(json.objectValue?["children"]?.arrayValue?.count == 3)
            }
            try await client.execute(uri: "/api/v1/providers/nordvik-hogskule", method: .get) { response in
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(json.objectValue?["measureCount"] == .number(1))
            }
            try await client.execute(uri: "/api/v1/frameworks/DIGCOMP/case", method: .get) { response in
                #expect(response.headers[.contentDisposition]?.contains("digcomp.case.json") == true)
                #expect(String(buffer: response.body).contains("CFDocument"))
            }
        }
    }
}

@Suite struct MethodTests {
    @Test func knownPathWithWrongMethodIs405WithAllow() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/providers", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(String(buffer: response.body).contains(#""status":"405""#))
            }
            try await client.execute(uri: "/api/v1/match", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
            try await client.execute(uri: "/api/v1/finnes-ikke", method: .delete) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

@Suite struct FormEncodingTests {
    /// Browsers send spaces in GET forms as "+": «digital ledelse» must arrive as two words.
    @Test func plusInQueryIsASpace() async throws {
        try await withApp(measures: [.mock("a", name: "Digital ledelse i praksis")]) { client in
            try await client.execute(uri: "/tiltak?q=digital+ledelse", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Digital ledelse i praksis"))
                #expect(html.contains(#"value="digital ledelse""#))
            }
            try await client.execute(uri: "/tiltak?q=1%2B1", method: .get) { response in
                #expect(String(buffer: response.body).contains(#"value="1+1""#), "an encoded plus stays a plus")
            }
        }
    }
}
