import Foundation
import KompetanseAssistant
import KompetanseDomain
import KompetanseModelClient
import KompetanseSearch
import KompetanseStore
import Logging

/// The composition root: opens the store and wires every service. Web, API and CLI all start here.
public final class AppServices: Sendable {
    /// The configuration the services were built from.
    public let configuration: AppConfiguration
    /// The store.
    public let store: any Store
    /// The clock.
    public let clock: any Clock
    /// Catalogue browsing.
    public let catalogue: CatalogueService
    /// Framework browsing.
    public let frameworks: FrameworkService
    /// Imports and exports.
    public let interchange: InterchangeService
    /// Matching needs to measures.
    public let matching: MatchService
    /// Knowledge documents and the assistant.
    public let documents: DocumentService
    /// Feedback from users.
    public let feedback: FeedbackService
    /// The audit log.
    public let audit: AuditLog
    /// People, sessions and API tokens.
    public let accounts: AccountService
    /// Organisations, groups and invitations.
    public let organisations: OrganisationService
    /// Leader-group assessments, gaps and plans.
    public let assessments: AssessmentService
    /// Sign-in with an OpenID Connect provider, when one is configured.
    public let oidc: OIDCService?

    /// Builds services over an open store.
    public init(
        configuration: AppConfiguration, store: any Store, clock: any Clock = SystemClock(),
        http: any HTTPFetching = URLSessionFetcher()
    ) {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        let revisions = CatalogueRevision(store: store, clock: clock)
        self.frameworks = FrameworkService(store: store)
                let embedder: (any Embedder)? = configuration.embeddingsURL.map { url in
            CachingEmbedder(
                base: OpenAICompatibleEmbedder(
                    endpoint: ModelEndpoint(baseURL: url, model: configuration.embeddingsModel),
                    sendsInputType: configuration.embeddingsInputType),
                store: store.embeddings)
        }
        self.matching = MatchService(store: store, embedder: embedder, revisions: revisions)
        let chat: (any LanguageModel)? = configuration.chatURL.map { url in
            OpenAICompatibleChatModel(
                endpoint: ModelEndpoint(baseURL: url, model: configuration.chatModel ?? "default", apiKey: configuration.chatAPIKey))
        }
        self.audit = AuditLog(store: store, clock: clock)
        self.catalogue = CatalogueService(store: store, audit: audit, revisions: revisions)
        self.interchange = InterchangeService(store: store, clock: clock, audit: audit)
        self.documents = DocumentService(store: store, pdf: PopplerPDFTextExtractor(), clock: clock, audit: audit, model: chat)
        self.feedback = FeedbackService(store: store, clock: clock)
        self.accounts = AccountService(
            store: store, clock: clock, hasher: BcryptPasswordHasher(cost: UInt8(configuration.bcryptCost)), audit: audit)
        self.organisations = OrganisationService(store: store, clock: clock, accounts: accounts, audit: audit)
        self.assessments = AssessmentService(store: store, clock: clock, audit: audit, matching: matching)
        let accounts = self.accounts
        self.oidc = configuration.oidc.map { settings in
            OIDCService(
                settings: settings, publicURL: configuration.publicURL, http: http, clock: clock, store: store, accounts: accounts)
        }
    }

    /// Opens the store the configuration names, migrates it and loads the shipped frameworks into an empty store.
    public static func open(
        _ configuration: AppConfiguration, clock: any Clock = SystemClock(),
        logger: Logger = Logger(label: "kompetansebro")
    ) async throws -> AppServices {
        let location: StoreLocation =
            configuration.databaseURL.map { .postgres(url: $0, schema: nil) }
            ?? .sqliteFolder(configuration.dataDirectory)
        let store = try await StoreBootstrap.open(location, logger: logger, now: { clock.timestamp() })
        let services = AppServices(configuration: configuration, store: store, clock: clock)
        do {
            try await services.interchange.seedShippedFrameworks()
            try await services.assessments.seedShippedInstruments()
        } catch {
            try? await store.shutdown()
            throw error
        }
        return services
    }

    /// Closes the store.
    public func shutdown() async throws {
        try await store.shutdown()
    }
}
