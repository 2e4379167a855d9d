import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

extension AssessmentController {
    // MARK: Result, consensus, target

    @Sendable func result(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let identifier = try context.parameters.require("id")
        let result = try await services.assessments.result(round: identifier, as: context.principal)
        let language = request.uiLanguage.rawValue
        let instrument = result.instrument
        let model = ResultShow.Model(
            title: result.round.title, submitted: result.submitted, invited: result.invited,
            threshold: GroupAggregation.effectiveThreshold(result.round.anonymityThreshold),
            rows: ResultShow.rows(result, texts: texts),
            estimates: ([result.estimates.overall] + result.estimates.groups).map { estimate in
                .init(
                    label: estimate.code.isEmpty ? texts["result_overall"] : (result.nodes[estimate.code]?.label ?? estimate.code),
                    value: estimate.name, evidence: estimate.evidence)
            },
            consensus: instrument.nodeCodes.map { code in
                let item = instrument.items(forNode: code)[0]
                let agreed = result.round.agreed[code]
                return .init(
                    code: code, label: result.nodes[code]?.label ?? code,
                    levels: instrument.levels(of: item).map {
                        .init(value: String($0.value), label: "\($0.value) – \($0.label.text(language: language))", selected: agreed?.level == $0.value)
                    },
                    justification: agreed?.justification ?? "")
            },
            targets: instrument.targets.map {
                .init(value: String($0.value), label: $0.label.text(language: language), selected: result.round.target == $0.value)
            },
            hasTarget: result.round.target != nil,
            gaps: ResultShow.gaps(result, texts: texts), changes: ResultShow.changes(result),
            hasChanges: !result.changes.isEmpty,
            consensusAction: SiteRoute.roundConsensus(identifier).path, targetAction: SiteRoute.roundTarget(identifier).path,
            recommendationsHref: SiteRoute.roundRecommendations(identifier).path, planHref: SiteRoute.roundPlan(identifier).path,
            reportHref: SiteRoute.roundReport(identifier).path, roundHref: SiteRoute.round(identifier).path,
            notice: request.uri.formParameters.get("lagret") != nil ? texts["result_saved"] : nil)
        return renderer.page(
            "result", model: model, title: texts["result_title"] + ": " + result.round.title, section: .assessment,
            breadcrumbs: crumbs(
                texts, [Crumb(label: result.round.title, href: SiteRoute.round(identifier).path), Crumb(label: texts["result_title"], href: nil)]),
            request: request, context: context)
    }

    @Sendable func consensus(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let fields = try await request.formFields(context: context)
        var agreed: [String: AgreedLevel] = [:]
        for (name, value) in fields where name.hasPrefix("niva-") && !value.isEmpty {
            let code = String(name.dropFirst("niva-".count))
            guard let level = Int(value) else { throw ServiceError.invalidInput("\(code): nivået skal være et heltall") }
            agreed[code] = AgreedLevel(level: level, justification: fields["begrunnelse-" + code] ?? "")
        }
        try await services.assessments.setConsensus(round: identifier, agreed: agreed, as: context.principal)
        return AccountController.redirect(to: SiteRoute.roundResult(identifier).path + "?lagret=1")
    }

    @Sendable func target(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let fields = try await request.formFields(context: context)
        guard let target = try Self.integer(fields["target"], name: "mål") else { throw ServiceError.invalidInput("velg et mål") }
        try await services.assessments.setTarget(round: identifier, target: target, as: context.principal)
        return AccountController.redirect(to: SiteRoute.roundResult(identifier).path + "?lagret=1")
    }

    // MARK: Recommendations and plan

    @Sendable func recommendations(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let identifier = try context.parameters.require("id")
        let round = try await services.assessments.overview(round: identifier, as: context.principal).round
        let recommendations = try await services.assessments.recommendations(round: identifier, as: context.principal)
        let inPlan = Set(try await services.assessments.plan(round: identifier, as: context.principal).items.map(\.measureIdentifier))
        let model = RecommendationShow.Model(
            title: round.title, hasTarget: round.target != nil, resultHref: SiteRoute.roundResult(identifier).path,
            planHref: SiteRoute.roundPlan(identifier).path, addAction: SiteRoute.planItems(identifier).path,
            gaps: recommendations.map { recommendation in
                .init(
                    code: recommendation.gap.nodeCode, label: recommendation.gap.label, explanation: recommendation.gap.explanation,
                    measures: recommendation.measures.map {
                        .init(
                            identifier: $0.measure.identifier, href: SiteRoute.measure($0.measure.identifier).path, name: $0.measure.name,
                            provider: $0.measure.provider.name, why: $0.why, covers: recommendation.gap.nodeCode,
                            inPlan: inPlan.contains($0.measure.identifier))
                    }, hasMeasures: !recommendation.measures.isEmpty)
            })
        return renderer.page(
            "recommendations", model: model, title: texts["recommendations_title"], section: .assessment,
            breadcrumbs: crumbs(
                texts, [Crumb(label: round.title, href: SiteRoute.round(identifier).path), Crumb(label: texts["recommendations_title"], href: nil)]),
            request: request, context: context)
    }

    @Sendable func plan(_ request: Request, context: SiteContext) async throws -> Response {
        try await planPage(request: request, context: context, suggestion: nil)
    }

    func planPage(request: Request, context: SiteContext, suggestion: PlanSuggestion?) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let identifier = try context.parameters.require("id")
        let round = try await services.assessments.overview(round: identifier, as: context.principal).round
        let plan = try await services.assessments.plan(round: identifier, as: context.principal)
        let model = PlanShow.model(plan, round: round, suggestion: suggestion, texts: texts)
        return renderer.page(
            "plan", model: model, title: texts["plan_title"], section: .assessment,
            breadcrumbs: crumbs(texts, [Crumb(label: round.title, href: SiteRoute.round(identifier).path), Crumb(label: texts["plan_title"], href: nil)]),
            request: request, context: context)
    }

    @Sendable func addToPlan(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let fields = try await request.formFields(context: context)
        _ = try await services.assessments.addToPlan(
            round: identifier, measure: fields["measure"] ?? "",
            covers: (fields["covers"] ?? "").split(separator: ",").map(String.init), as: context.principal)
        return AccountController.redirect(to: SiteRoute.roundPlan(identifier).path)
    }

    @Sendable func updatePlanItem(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let fields = try await request.formFields(context: context)
        guard let phase = PlanPhase(rawValue: fields["phase"] ?? "") else {
            throw ServiceError.invalidInput("ukjent fase «\(fields["phase"] ?? "")»; tillatt: forberedelse, samling, etterarbeid")
        }
        _ = try await services.assessments.updatePlanItem(
            round: identifier, measure: try context.parameters.require("measure"), phase: phase, owner: fields["owner"] ?? "",
            due: fields["due"].flatMap { $0.isEmpty ? nil : $0 }, as: context.principal)
        return AccountController.redirect(to: SiteRoute.roundPlan(identifier).path)
    }

    @Sendable func removeFromPlan(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        _ = try await services.assessments.removeFromPlan(
            round: identifier, measure: try context.parameters.require("measure"), as: context.principal)
        return AccountController.redirect(to: SiteRoute.roundPlan(identifier).path)
    }

    @Sendable func setLimits(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let fields = try await request.formFields(context: context)
        _ = try await services.assessments.setLimits(
            round: identifier, budget: try Self.amount(fields["budget"], name: "budsjett"),
            hours: try Self.amount(fields["hours"], name: "tidsramme"), as: context.principal)
        return AccountController.redirect(to: SiteRoute.roundPlan(identifier).path)
    }

    @Sendable func suggestPlan(_ request: Request, context: SiteContext) async throws -> Response {
        let (_, suggestion) = try await services.assessments.suggestPlan(
            round: try context.parameters.require("id"), as: context.principal)
        return try await planPage(request: request, context: context, suggestion: suggestion)
    }

    // MARK: Report

    @Sendable func report(_ request: Request, context: SiteContext) async throws -> Response {
        let texts = renderer.texts(for: request.uiLanguage)
        let identifier = try context.parameters.require("id")
        let report = try await services.assessments.report(round: identifier, as: context.principal)
        let model = ReportShow.model(report, texts: texts)
        return renderer.page(
            "report", model: model, title: texts["report_title"] + ": " + report.result.round.title, section: .assessment,
            breadcrumbs: crumbs(
                texts, [Crumb(label: report.result.round.title, href: SiteRoute.round(identifier).path), Crumb(label: texts["report_title"], href: nil)]),
            request: request, context: context)
    }

    @Sendable func reportCSV(_ request: Request, context: SiteContext) async throws -> Response {
        let report = try await services.assessments.report(round: try context.parameters.require("id"), as: context.principal)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"kartlegging.csv\"",
                .cacheControl: "no-store",
            ], body: ResponseBody(byteBuffer: ByteBuffer(string: report.csv())))
    }

    @Sendable func reportJSON(_ request: Request, context: SiteContext) async throws -> Response {
        let report = try await services.assessments.report(round: try context.parameters.require("id"), as: context.principal)
        var response = try JSONResponse.make(report.exported())
        response.headers[.contentDisposition] = "attachment; filename=\"kartlegging.json\""
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
