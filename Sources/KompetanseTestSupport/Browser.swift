import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices

/// A test client that behaves like a browser: it keeps cookies, reads the CSRF token from the pages it is
/// served and sends it back with forms, and signs in through the real sign-in form.
public actor Browser {
    let client: any TestClientProtocol
    /// Cookies by name.
    public private(set) var cookies: [String: String] = [:]
    /// The last CSRF token seen in a page's form.
    public private(set) var csrfToken: String?

    /// Wraps a test client.
    public init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// A response's status, headers and text.
    public struct Page: Sendable {
        /// Status.
        public let status: HTTPResponse.Status
        /// Headers.
        public let headers: HTTPFields
        /// Body as text.
        public let text: String

        /// The `Location` header.
        public var location: String? { headers[.location] }
    }

    /// Sends a request with the cookies held, remembering any the response sets.
    public func send(
        _ path: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: String? = nil
    ) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            let value = parts.count > 1 ? String(parts[1]) : ""
            let expired = field.value.lowercased().contains("max-age=0")
            cookies[name] = expired || value.isEmpty ? nil : value
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: #"name="_csrf" value=""#) {
            csrfToken = String(text[range.upperBound...].prefix { $0 != "\"" })
        }
        return Page(status: response.status, headers: response.headers, text: text)
    }

    /// GET a page.
    public func get(_ path: String) async throws -> Page {
        try await send(path)
    }

    /// POSTs a URL-encoded form with the CSRF token the site gave this browser (fetched from `/` if none yet).
    public func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> Page {
        var token = csrf ?? csrfToken
        if token == nil {
            _ = try await get("/logg-inn")
            token = csrfToken ?? cookies["kb_csrf"]
        }
        let all = [("_csrf", token ?? "")] + fields
        return try await send(
            path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&"))
    }

    /// Signs in through the form; the session cookie is kept.
    @discardableResult
    public func signIn(_ email: String, _ password: String) async throws -> Page {
        _ = try await get("/logg-inn")
        return try await post("/logg-inn", [("email", email), ("password", password)])
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
