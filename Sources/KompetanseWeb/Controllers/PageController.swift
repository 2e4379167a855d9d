import Hummingbird
import KompetanseDomain
import KompetanseServices

/// The HTML pages. Each handler calls the same service function as its API twin and renders a view model.
struct PageController: Sendable {
    let services: AppServices
    let renderer: PageRenderer
    /// Catalogue page bodies by revision, query and language.
    let catalogueBodies = RenderedBodies()

    func register(on router: Router<SiteContext>) {
        router.get(RouterPath(SiteRoute.home.path), use: home)
        router.get(RouterPath(SiteRoute.measures.path), use: measures)
        router.get(RouterPath(SiteRoute.match.path), use: match)
        router.get(RouterPath(SiteRoute.coverage.path), use: coverage)
        router.get(RouterPath("/tiltak/:id"), use: measure)
        router.post(RouterPath("/tiltak/:id/emner"), use: confirmTag)
        router.get(RouterPath(SiteRoute.providers.path), use: providers)
        router.get(RouterPath(SiteRoute.frameworks.path), use: frameworks)
        router.get(RouterPath("/rammeverk/:code"), use: framework)
        router.get(RouterPath("/rammeverk/:code/:node"), use: node)
        router.get(RouterPath(SiteRoute.stylesheet.path), use: stylesheet)
    }

    @Sendable func home(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let frameworks = try await services.frameworks.summaries(as: context.principal)
        let providers = try await services.catalogue.providers(as: context.principal)
        let count = try await services.catalogue.page(CatalogueQuery(pageSize: 1), as: context.principal).total
        let model = HomeIndex.Model(
            measureCount: count, providerCount: providers.count, frameworkCount: frameworks.count,
            frameworks: frameworks.map(FrameworkCard.init))
        return renderer.page("home", model: model, title: texts["home_title"], section: .home, request: request, context: context)
    }

    @Sendable func measures(_ request: Request, context: SiteContext) async throws -> Response {
        let language = request.uiLanguage
        let texts = renderer.texts(for: language)
        let query = try CatalogueQuery.from(request.uri.formParameters, strict: false)
        // The list shows only the catalogue, the same for every visitor: rendered once per revision, query and language.
        let revision = try await services.catalogue.revision(as: context.principal)
        let key = RenderedBodies.Key(template: "measures", query: query, language: language)
        var body = catalogueBodies.kept(revision: revision, key: key)
        if body == nil {
            let page = try await services.catalogue.page(query, as: context.principal)
            let providers = try await services.catalogue.providers(as: context.principal)
            let model = MeasureIndex.model(page: page, providers: providers, texts: texts)
            body = catalogueBodies.keep(renderer.body("measures", model: model, language: language), revision: revision, key: key)
        }
        return renderer.page(
            body: body ?? "", title: texts["catalogue_title"], section: .catalogue,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_catalogue"], href: nil)],
            request: request, context: context)
    }

    @Sendable func match(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let need = String((request.uri.formParameters.get("behov") ?? "").prefix(2_000))
        let filters = try CatalogueQuery.from(request.uri.formParameters, strict: false).filters
        var result: MatchResult?
        if !need.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            result = try await services.matching.match(
                MatchService.Request(text: need, limit: 10, filters: filters), as: context.principal)
        }
        return renderer.page(
            "match", model: MatchShow.model(need: need, filters: filters, result: result, texts: texts),
            title: texts["match_title"], section: .match,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_match"], href: nil)],
            request: request, context: context)
    }

    @Sendable func coverage(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let coverage = try await services.matching.coverage(as: context.principal)
        let model = CoverageIndex.Model(
            rows: coverage.map {
                .init(
                    href: SiteRoute.node(framework: $0.frameworkCode, node: $0.node.code).path, label: $0.node.label,
                    code: $0.node.code, framework: $0.frameworkCode, count: $0.measureCount)
            })
        return renderer.page(
            "coverage", model: model, title: texts["coverage_title"], section: .frameworks,
            breadcrumbs: [
                Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_frameworks"], href: SiteRoute.frameworks.path),
                Crumb(label: texts["coverage_title"], href: nil),
            ], request: request, context: context)
    }

    @Sendable func measure(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let identifier = try context.parameters.require("id")
        let detail = try await services.catalogue.measure(identifier: identifier, as: context.principal)
        var model = MeasureShow.model(detail, frameworkCodes: try await services.frameworks.frameworkCodesByNode(), texts: texts)
        if context.principal.can(.editCatalogue) {
            model.suggestions = try await services.matching.suggestedTags(for: identifier, as: context.principal).map {
                .init(
                    code: $0.node.code, label: $0.node.label, href: SiteRoute.node(framework: $0.frameworkCode, node: $0.node.code).path,
                    words: $0.words.joined(separator: ", "))
            }
            model.hasSuggestions = !model.suggestions.isEmpty
            model.confirmAction = SiteRoute.measure(identifier).path + "/emner"
        }
        return renderer.page(
            "measure", model: model, title: detail.measure.name, section: .catalogue,
            breadcrumbs: [
                Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_catalogue"], href: SiteRoute.measures.path),
                Crumb(label: detail.measure.name, href: nil),
            ], request: request, context: context)
    }

    @Sendable func confirmTag(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let fields = try await request.formFields(context: context)
        _ = try await services.catalogue.confirmTag(measure: identifier, node: fields["node"] ?? "", as: context.principal)
        return AccountController.redirect(to: SiteRoute.measure(identifier).path)
    }

    @Sendable func providers(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let providers = try await services.catalogue.providers(as: context.principal)
        let model = ProviderIndex.Model(
            providers: providers.map { .init(href: SiteRoute.provider($0.identifier), name: $0.name, count: $0.measureCount) })
        return renderer.page(
            "providers", model: model, title: texts["providers_heading"], section: .providers,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_providers"], href: nil)],
            request: request, context: context)
    }

    @Sendable func frameworks(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let model = FrameworkIndex.Model(
            frameworks: try await services.frameworks.summaries(as: context.principal).map(FrameworkCard.init))
        return renderer.page(
            "frameworks", model: model, title: texts["frameworks_heading"], section: .frameworks,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_frameworks"], href: nil)],
            request: request, context: context)
    }

    @Sendable func framework(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let framework = try await services.frameworks.framework(code: try context.parameters.require("code"), as: context.principal)
        return renderer.page(
            "framework", model: FrameworkShow.model(framework), title: framework.title, section: .frameworks,
            breadcrumbs: [
                Crumb(label: texts["nav_home"], href: "/"),
                Crumb(label: texts["nav_frameworks"], href: SiteRoute.frameworks.path), Crumb(label: framework.title, href: nil),
            ], request: request, context: context)
    }

    @Sendable func node(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let code = try context.parameters.require("code")
        let detail = try await services.frameworks.node(code: try context.parameters.require("node"), as: context.principal)
        guard detail.framework.code == code else { throw ServiceError.notFound("noden i rammeverket «\(code)»") }
        let model = NodeShow.model(detail, frameworkCodes: try await services.frameworks.frameworkCodesByNode())
        var crumbs = [
            Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_frameworks"], href: SiteRoute.frameworks.path),
            Crumb(label: detail.framework.title, href: SiteRoute.framework(code).path),
        ]
        crumbs += detail.ancestors.map { Crumb(label: $0.label, href: SiteRoute.node(framework: code, node: $0.code).path) }
        crumbs.append(Crumb(label: detail.node.label, href: nil))
        return renderer.page(
            "node", model: model, title: detail.node.label, section: .frameworks, breadcrumbs: crumbs, request: request, context: context)
    }

    @Sendable func stylesheet(_ request: Request, context: SiteContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: renderer.stylesheet)))
    }
}
