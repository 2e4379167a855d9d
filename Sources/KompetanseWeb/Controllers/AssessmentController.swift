import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

/// The assessment pages under `/kartlegging`: rounds, private answers by personal link, the group result,
/// consensus, gaps with recommended measures, the plan and the report.
struct AssessmentController: Sendable {
    let services: AppServices
    let renderer: PageRenderer

    func register(on router: Router<SiteContext>) {
        router.get(RouterPath(SiteRoute.assessments.path), use: index)
        router.get(RouterPath("/kartlegging/instrumenter/:id"), use: instrument)
        router.post(RouterPath(SiteRoute.rounds.path), use: openRound)
        router.get(RouterPath("/kartlegging/runder/:id"), use: round)
        router.post(RouterPath("/kartlegging/runder/:id/mitt-svarskjema"), use: personalLink)
        router.post(RouterPath("/kartlegging/runder/:id/lukk"), use: close)
        router.get(RouterPath("/kartlegging/svar/:secret"), use: answerForm)
        router.post(RouterPath("/kartlegging/svar/:secret"), use: saveAnswers)
        router.get(RouterPath("/kartlegging/runder/:id/resultat"), use: result)
        router.post(RouterPath("/kartlegging/runder/:id/enighet"), use: consensus)
        router.post(RouterPath("/kartlegging/runder/:id/mal"), use: target)
        router.get(RouterPath("/kartlegging/runder/:id/tiltak"), use: recommendations)
        router.get(RouterPath("/kartlegging/runder/:id/plan"), use: plan)
        router.post(RouterPath("/kartlegging/runder/:id/plan/tiltak"), use: addToPlan)
        router.post(RouterPath("/kartlegging/runder/:id/plan/tiltak/:measure"), use: updatePlanItem)
        router.post(RouterPath("/kartlegging/runder/:id/plan/tiltak/:measure/fjern"), use: removeFromPlan)
        router.post(RouterPath("/kartlegging/runder/:id/plan/rammer"), use: setLimits)
        router.post(RouterPath("/kartlegging/runder/:id/plan/forslag"), use: suggestPlan)
        router.get(RouterPath("/kartlegging/runder/:id/rapport"), use: report)
        router.get(RouterPath("/kartlegging/runder/:id/rapport.csv"), use: reportCSV)
        router.get(RouterPath("/kartlegging/runder/:id/rapport.json"), use: reportJSON)
    }

    func crumbs(_ texts: Texts, _ more: [Crumb]) -> [Crumb] {
        [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_assessment"], href: SiteRoute.assessments.path)] + more
    }

    // MARK: Overview and instruments

    @Sendable func index(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let language = request.uiLanguage.rawValue
        let instruments = try await services.assessments.instruments()
        var organisations: [AssessmentIndex.OrganisationBlock] = []
        if context.principal.isSignedIn {
            for organisation in try await services.organisations.organisations(as: context.principal)
            where context.principal.organisations[organisation.identifier] != nil
                || context.principal.can(.manageOrganisation(organisation.identifier))
            {
                let rounds = try await services.assessments.rounds(organisation: organisation.identifier, as: context.principal)
                let groups = try await services.organisations.overview(identifier: organisation.identifier, as: context.principal).groups
                let canManage = context.principal.can(.manageOrganisation(organisation.identifier))
                organisations.append(
                    .init(
                        name: organisation.name, identifier: organisation.identifier, canManage: canManage,
                        rounds: rounds.map {
                            .init(
                                href: SiteRoute.round($0.identifier).path, title: $0.title,
                                status: texts["round_status_" + $0.status.rawValue], kind: texts["round_kind_" + $0.kind.rawValue],
                                openedAt: String($0.openedAt.prefix(10)))
                        }, hasRounds: !rounds.isEmpty,
                        groups: groups.map { .init(identifier: $0.identifier, name: $0.name) },
                        baselines: rounds.filter { $0.kind == .baseline && $0.status == .closed }.map {
                            .init(identifier: $0.identifier, name: $0.title)
                        },
                        instruments: instruments.map { .init(identifier: $0.identifier, name: $0.title.text(language: language)) }))
            }
        }
        let model = AssessmentIndex.Model(
            instruments: instruments.map {
                .init(
                    href: SiteRoute.instrument($0.identifier).path, title: $0.title.text(language: language),
                    description: $0.description.text(language: language), items: $0.items.count, version: $0.version)
            },
            signedIn: context.principal.isSignedIn, organisations: organisations,
            signInHref: SiteRoute.signIn.path + SiteRoute.query([("neste", SiteRoute.assessments.path)]))
        return renderer.page(
            "assessments", model: model, title: texts["assessment_title"], section: .assessment,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["nav_assessment"], href: nil)],
            request: request, context: context)
    }

    @Sendable func instrument(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let language = request.uiLanguage.rawValue
        let instrument = try await services.assessments.instrument(identifier: try context.parameters.require("id"))
        let model = InstrumentShow.Model(
            title: instrument.title.text(language: language), description: instrument.description.text(language: language),
            version: instrument.version, framework: instrument.framework,
            frameworkHref: SiteRoute.framework(instrument.framework).path,
            targets: instrument.targets.map { $0.label.text(language: language) },
            items: instrument.items.map { item in
                .init(
                    text: item.text.text(language: language), node: item.node,
                    nodeHref: SiteRoute.node(framework: instrument.framework, node: item.node).path,
                    levels: instrument.levels(of: item).map { "\($0.value): \($0.label.text(language: language))" })
            },
            exportHref: SiteRoute.instrumentExport(instrument.identifier).path)
        return renderer.page(
            "instrument", model: model, title: model.title, section: .assessment,
            breadcrumbs: crumbs(texts, [Crumb(label: model.title, href: nil)]), request: request, context: context)
    }

    // MARK: Rounds

    @Sendable func openRound(_ request: Request, context: SiteContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        guard let kind = RoundKind(rawValue: fields["kind"] ?? "baseline") else {
            throw ServiceError.invalidInput("ukjent type runde «\(fields["kind"] ?? "")»")
        }
        let threshold = try Self.integer(fields["threshold"], name: "anonymitetsterskel") ?? GroupAggregation.defaultAnonymityThreshold
        let round = try await services.assessments.openRound(
            organisation: fields["organisation"] ?? "", group: fields["group"] ?? "", instrument: fields["instrument"] ?? "",
            kind: kind, baseline: fields["baseline"].flatMap { $0.isEmpty ? nil : $0 }, title: fields["title"] ?? "",
            anonymityThreshold: threshold, as: context.principal)
        return try await roundPage(request: request, context: context, identifier: round.identifier, status: .created)
    }

    static func integer(_ text: String?, name: String) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw ServiceError.invalidInput("\(name) skal være et heltall, ikke «\(text)»") }
        return value
    }

    static func amount(_ text: String?, name: String) throws -> Double? {
        guard let text = text?.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "."), !text.isEmpty
        else { return nil }
        guard let value = Double(text), value.isFinite else { throw ServiceError.invalidInput("\(name) skal være et tall, ikke «\(text)»") }
        return value
    }

    @Sendable func round(_ request: Request, context: SiteContext) async throws -> Response {
        try await roundPage(request: request, context: context, identifier: try context.parameters.require("id"), status: .ok)
    }

    func roundPage(request: Request, context: SiteContext, identifier: String, status: HTTPResponse.Status) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let overview = try await services.assessments.overview(round: identifier, as: context.principal)
        let round = overview.round
        let model = RoundShow.Model(
            title: round.title, group: overview.groupName,
            instrument: overview.instrument.title.text(language: request.uiLanguage.rawValue),
            kind: texts["round_kind_" + round.kind.rawValue], status: texts["round_status_" + round.status.rawValue],
            isOpen: round.status == .open, canManage: overview.canManage, canAnswer: overview.canAnswer,
            threshold: GroupAggregation.effectiveThreshold(round.anonymityThreshold),
            submitted: overview.participants.filter(\.submitted).count, invited: overview.participants.count,
            participants: overview.participants.map { .init(label: $0.label, submitted: $0.submitted) },
            myLinkAction: SiteRoute.personalLink(identifier).path, closeAction: SiteRoute.closeRound(identifier).path, resultHref: SiteRoute.roundResult(identifier).path)
        return renderer.page(
            "round", model: model, title: round.title, section: .assessment, breadcrumbs: crumbs(texts, [Crumb(label: round.title, href: nil)]),
            request: request, context: context, status: status, isPrivate: true)
    }

    /// The signed-in member's own answer form: a fresh personal link, followed at once.
    @Sendable func personalLink(_ request: Request, context: SiteContext) async throws -> Response {
        let link = try await services.assessments.personalLink(round: try context.parameters.require("id"), as: context.principal)
        return AccountController.redirect(to: link.path)
    }

    @Sendable func close(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        _ = try await services.assessments.close(round: identifier, as: context.principal)
        return AccountController.redirect(to: SiteRoute.roundResult(identifier).path)
    }

    // MARK: Answering

    @Sendable func answerForm(_ request: Request, context: SiteContext) async throws -> Response {
        let sheet = try await services.assessments.answerSheet(secret: try context.parameters.require("secret"))
        return answerPage(request: request, context: context, sheet: sheet, draft: nil, notice: nil, error: nil, status: .ok)
    }

    func answerPage(
        request: Request, context: SiteContext, sheet: AssessmentService.AnswerSheet, draft: ResponseSheet?, notice: String?,
        error: String?, status: HTTPResponse.Status
    ) -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let language = request.uiLanguage.rawValue
        let answers = draft ?? sheet.participant.sheet
        let instrument = sheet.instrument
        let model = AnswerShow.Model(
            title: sheet.round.title, organisation: sheet.organisationName, label: sheet.participant.label,
            instrument: instrument.title.text(language: language),
            threshold: GroupAggregation.effectiveThreshold(sheet.round.anonymityThreshold), isOpen: sheet.round.status == .open,
            submitted: sheet.participant.submittedAt != nil, notice: notice, error: error,
            answered: answers.count, total: instrument.items.count,
            items: instrument.items.enumerated().map { index, item in
                let chosen = answers[item.identifier]
                let field = "svar-" + item.identifier
                var options = instrument.levels(of: item).map { level in
                    AnswerShow.Option(
                        id: "\(field)-\(level.value)", name: field, value: String(level.value),
                        label: "\(level.value) – \(level.label.text(language: language))", checked: chosen == .level(level.value))
                }
                options.append(.init(id: field + "-vi", name: field, value: ItemResponse.dontKnowText, label: texts["answer_dont_know"], checked: chosen == .dontKnow))
                options.append(
                    .init(id: field + "-ir", name: field, value: ItemResponse.notRelevantText, label: texts["answer_not_relevant"], checked: chosen == .notRelevant))
                return .init(number: index + 1, text: item.text.text(language: language), options: options)
            })
        return renderer.page(
            "answer", model: model, title: texts["answer_title"], section: .assessment,
            breadcrumbs: [Crumb(label: texts["nav_home"], href: "/"), Crumb(label: texts["answer_title"], href: nil)],
            request: request, context: context, status: status, isPrivate: true)
    }

    @Sendable func saveAnswers(_ request: Request, context: SiteContext) async throws -> Response {
        let secret = try context.parameters.require("secret")
        let fields = try await request.formFields(context: context)
        var sheet: ResponseSheet = [:]
        for (name, value) in fields where name.hasPrefix("svar-") && !value.isEmpty {
            let item = String(name.dropFirst("svar-".count))
            switch value {
            case ItemResponse.dontKnowText: sheet[item] = .dontKnow
            case ItemResponse.notRelevantText: sheet[item] = .notRelevant
            default:
                guard let level = Int(value) else { throw ServiceError.invalidInput("svaret på «\(item)» skal være et tall, ikke «\(value)»") }
                sheet[item] = .level(level)
            }
        }
        let submit = fields["handling"] == "lever"
        let texts = renderer.texts(for: request.uiLanguage)
        do {
            let saved = try await services.assessments.saveAnswers(secret: secret, sheet: sheet, submit: submit)
            return answerPage(
                request: request, context: context, sheet: saved, draft: nil,
                notice: texts[submit ? "answer_submitted" : "answer_saved"], error: nil, status: .ok)
        } catch let error as ServiceError {
            let current = try await services.assessments.answerSheet(secret: secret)
            let status: HTTPResponse.Status
            switch error {
            case .conflict: status = .conflict
            case .invalidInput: status = .badRequest
            default: throw error
            }
            return answerPage(request: request, context: context, sheet: current, draft: sheet, notice: nil, error: error.description, status: status)
        }
    }
}
