import Foundation
import Hummingbird
import KompetanseAssistant

/// An OpenAI-compatible chat endpoint over real HTTP on 127.0.0.1, with scripted replies. The only fake in the
/// tests: no chat model can run here. It speaks the wire protocol: `POST /v1/chat/completions`.
///
/// One server runs for the whole test process (stopping servers between tests races with connections the
/// client is still closing); each test registers its own behaviour under a model name and sends that name.
public enum FakeChatServer {
    /// What the fake model does with a request.
    public enum Behaviour: Sendable {
        /// Replies with this message content.
        case reply(String)
        /// Waits this many seconds before replying (to test time-outs).
        case stall(seconds: Double)
        /// Answers with an HTTP error status.
        case failure(status: Int)
    }

    private struct RequestBody: Decodable {
        let model: String
        let messages: [ChatMessage]
    }

    private static let registry = Registry()

    /// Runs `body` with the base URL (`http://127.0.0.1:P/v1`) of the server and a model name that makes it
    /// answer with `behaviour`.
    public static func with<T: Sendable>(
        _ behaviour: @escaping @Sendable ([ChatMessage]) -> Behaviour,
        _ body: @Sendable (_ url: String, _ model: String) async throws -> T
    ) async throws -> T {
        let model = "scenario-" + UUID().uuidString
        await registry.register(model, behaviour)
        let url = try await registry.start()
        return try await body(url, model)
    }

    fileprivate static func respond(model: String, messages: [ChatMessage]) async throws -> Response {
        guard let behaviour = await registry.behaviour(for: model) else { return Response(status: .notFound) }
        switch behaviour(messages) {
        case .reply(let content):
            let payload: [String: Any] = [
                "id": "chatcmpl-test", "object": "chat.completion", "model": model,
                "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]],
            ]
            let data = try JSONSerialization.data(withJSONObject: payload)
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case .stall(let seconds):
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            return Response(status: .gatewayTimeout)
        case .failure(let status):
            return Response(status: .init(code: status))
        }
    }

    private actor Registry {
        private var behaviours: [String: @Sendable ([ChatMessage]) -> Behaviour] = [:]
        private var url: String?
        private var port = 0

        func register(_ model: String, _ behaviour: @escaping @Sendable ([ChatMessage]) -> Behaviour) {
            behaviours[model] = behaviour
        }

        func behaviour(for model: String) -> (@Sendable ([ChatMessage]) -> Behaviour)? { behaviours[model] }

        func setPort(_ port: Int) { self.port = port }

        func start() async throws -> String {
            if let url { return url }
            let router = Router()
            router.post("/v1/chat/completions") { request, context -> Response in
                let decoded = try await request.decode(as: RequestBody.self, context: context)
                return try await FakeChatServer.respond(model: decoded.model, messages: decoded.messages)
            }
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in await FakeChatServer.registry.setPort(channel.localAddress?.port ?? 0) })
            Task.detached { try await app.run() }
            var waited = 0
            while port == 0, waited < 500 {
                try await Task.sleep(nanoseconds: 10_000_000)
                waited += 1
            }
            let url = "http://127.0.0.1:\(port)/v1"
            self.url = url
            return url
        }
    }
}
