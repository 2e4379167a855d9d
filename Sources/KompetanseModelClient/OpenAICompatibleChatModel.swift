import Foundation
import KompetanseAssistant

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `POST /chat/completions` of an OpenAI-compatible API (OpenAI, Azure, vLLM, Ollama), as a ``LanguageModel``.
public struct OpenAICompatibleChatModel: LanguageModel {
    /// The endpoint.
    public let endpoint: ModelEndpoint
    private let session: URLSession

    /// Creates a client; a request that takes longer than `timeout` seconds fails (the assistant then answers
    /// extractively).
    public init(endpoint: ModelEndpoint, timeout: TimeInterval = 30) {
        self.endpoint = endpoint
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        session = URLSession(configuration: configuration)
    }

    private struct RequestBody: Encodable {
        let model: String
        let messages: [ChatMessage]
        let temperature: Double
    }

    private struct ResponseBody: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable {
                let content: String?
            }
            let message: Message
        }
        let choices: [Choice]
    }

    public func complete(_ messages: [ChatMessage]) async throws -> String {
        let base = endpoint.baseURL.hasSuffix("/") ? String(endpoint.baseURL.dropLast()) : endpoint.baseURL
        guard let url = URL(string: base + "/chat/completions") else { throw ModelClientError.invalidURL(endpoint.baseURL) }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key = endpoint.apiKey { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONEncoder().encode(RequestBody(model: endpoint.model, messages: messages, temperature: 0))
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else { throw ModelClientError.http(status: status, body: String(decoding: data, as: UTF8.self)) }
        guard let content = try? JSONDecoder().decode(ResponseBody.self, from: data).choices.first?.message.content else {
            throw ModelClientError.malformedResponse("mangler choices[0].message.content")
        }
        return content
    }
}
