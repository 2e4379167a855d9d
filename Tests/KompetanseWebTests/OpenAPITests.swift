import Foundation
import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import KompetanseWeb
import Testing

@Suite struct OpenAPITests {
    /// The document describes exactly the API routes the router has: a new endpoint without documentation (or
    /// documentation without an endpoint) fails here.
    @Test func documentMatchesTheRouter() async throws {
        try await TestEngine.sqlite.withServices { services in
            let routes = try await WebApplication.routeList(services: services).filter { $0.contains(" /api/") }
            let app = Application(router: try await WebApplication.buildRouter(services: services))
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                    #expect(response.status == .ok)
                    let document = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                    #expect(document.objectValue?["openapi"] == .string("3.1.0"))
                    let paths = document.objectValue?["paths"]?.objectValue ?? [:]
                    let documented = paths.flatMap { path, item in
                        (item.objectValue ?? [:]).keys.map { "\($0.uppercased()) \(path)" }
                    }.sorted()
                    #expect(documented == routes)
                }
            }
        }
    }
}
