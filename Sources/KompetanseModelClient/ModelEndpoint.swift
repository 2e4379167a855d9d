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
