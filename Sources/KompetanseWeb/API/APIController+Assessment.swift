import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

/// The assessment API: the same service calls as the `/kartlegging` pages.
extension APIController {
    func registerAssessmentRoutes(on api: RouterGroup<SiteContext>) {
        api.get("instruments", use: instruments)
        api.get("instruments/:id", use: instrumentFile)
        api.post("rounds", use: openRound)
        api.get("rounds/:id", use: roundOverview)
        api.post("rounds/:id/close", use: closeRound)
        api.post("rounds/:id/my-link", use: personalLink)
        api.get("rounds/:id/result", use: roundResult)
        api.put("rounds/:id/consensus", use: roundConsensus)
        api.put("rounds/:id/target", use: roundTarget)
        api.get("rounds/:id/recommendations", use: roundRecommendations)
        api.get("rounds/:id/plan", use: roundPlan)
        api.post("rounds/:id/plan/suggest", use: suggestRoundPlan)
        api.get("answers/:secret", use: answerSheet)
        api.put("answers/:secret", use: saveAnswerSheet)
    }

    /// Decodes a JSON body, naming what is wrong.
    func body<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: 1024 * 1024)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw ServiceError.invalidInput("ugyldig JSON: " + AssessmentService.describe(error))
        } catch {
            throw ServiceError.invalidInput("ugyldig JSON")
        }
    }

    @Sendable func instruments(_ request: Request, context: SiteContext) async throws -> Response {
        let instruments = try await services.assessments.instruments()
        return try JSONResponse.make(
            ListDTO(items: instruments.map {
                InstrumentSummaryDTO(
                    identifier: $0.identifier, version: $0.version, framework: $0.framework, title: $0.title, items: $0.items.count)
            }))
    }

    @Sendable func instrumentFile(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        let data = try await services.assessments.exportInstrument(
            identifier: identifier, version: request.uri.formParameters.get("version"))
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct OpenRoundBody: Decodable {
        let organisation: String
        let group: String
        let instrument: String
        let kind: RoundKind?
        let baseline: String?
        let title: String
        let anonymityThreshold: Int?
    }

    @Sendable func openRound(_ request: Request, context: SiteContext) async throws -> Response {
        try context.requireSignedIn()
        let body = try await body(OpenRoundBody.self, from: request)
        let round = try await services.assessments.openRound(
            organisation: body.organisation, group: body.group, instrument: body.instrument, kind: body.kind ?? .baseline,
            baseline: body.baseline, title: body.title,
            anonymityThreshold: body.anonymityThreshold ?? GroupAggregation.defaultAnonymityThreshold, as: context.principal)
        return try JSONResponse.make(OpenedRoundDTO(round: round), status: .created)
    }

    @Sendable func roundOverview(_ request: Request, context: SiteContext) async throws -> Response {
        let overview = try await services.assessments.overview(round: try context.parameters.require("id"), as: context.principal)
        return try JSONResponse.make(
            RoundDTO(
                round: overview.round, group: overview.groupName,
                participants: overview.participants.map { .init(identifier: $0.identifier, label: $0.label, submitted: $0.submitted) }))
    }

    @Sendable func closeRound(_ request: Request, context: SiteContext) async throws -> Response {
        try JSONResponse.make(try await services.assessments.close(round: try context.parameters.require("id"), as: context.principal))
    }

    @Sendable func personalLink(_ request: Request, context: SiteContext) async throws -> Response {
        let link = try await services.assessments.personalLink(round: try context.parameters.require("id"), as: context.principal)
        return try JSONResponse.make(
            PersonalLinkDTO(label: link.label, path: link.path, url: services.configuration.publicURL + link.path))
    }

    @Sendable func roundResult(_ request: Request, context: SiteContext) async throws -> Response {
        try JSONResponse.make(
            try await services.assessments.report(round: try context.parameters.require("id"), as: context.principal).exported())
    }

    struct ConsensusBody: Decodable {
        let agreed: [String: AgreedLevel]
    }

    @Sendable func roundConsensus(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        try context.requireSignedIn()
        let body = try await body(ConsensusBody.self, from: request)
        try await services.assessments.setConsensus(round: identifier, agreed: body.agreed, as: context.principal)
        return try JSONResponse.make(try await services.assessments.report(round: identifier, as: context.principal).exported())
    }

    struct TargetBody: Decodable {
        let target: Int
    }

    @Sendable func roundTarget(_ request: Request, context: SiteContext) async throws -> Response {
        let identifier = try context.parameters.require("id")
        try context.requireSignedIn()
        let body = try await body(TargetBody.self, from: request)
        try await services.assessments.setTarget(round: identifier, target: body.target, as: context.principal)
        return try JSONResponse.make(try await services.assessments.report(round: identifier, as: context.principal).exported())
    }

    @Sendable func roundRecommendations(_ request: Request, context: SiteContext) async throws -> Response {
        let recommendations = try await services.assessments.recommendations(
            round: try context.parameters.require("id"), as: context.principal)
        return try JSONResponse.make(
            ListDTO(items: recommendations.map { recommendation in
                RecommendationDTO(
                    gap: recommendation.gap, need: recommendation.need,
                    measures: recommendation.measures.map {
                        .init(identifier: $0.measure.identifier, name: $0.measure.name, provider: $0.measure.provider.name, why: $0.why, detail: $0.detail, score: $0.score)
                    })
            }))
    }

    @Sendable func roundPlan(_ request: Request, context: SiteContext) async throws -> Response {
        let plan = try await services.assessments.plan(round: try context.parameters.require("id"), as: context.principal)
        return try JSONResponse.make(PlanDTO(plan: plan, totals: plan.totals, balance: plan.balance, suggestion: nil))
    }

    @Sendable func suggestRoundPlan(_ request: Request, context: SiteContext) async throws -> Response {
        try context.requireSignedIn()
        let (plan, suggestion) = try await services.assessments.suggestPlan(round: try context.parameters.require("id"), as: context.principal)
        return try JSONResponse.make(PlanDTO(plan: plan, totals: plan.totals, balance: plan.balance, suggestion: suggestion))
    }

    @Sendable func answerSheet(_ request: Request, context: SiteContext) async throws -> Response {
        let sheet = try await services.assessments.answerSheet(secret: try context.parameters.require("secret"))
        return try JSONResponse.make(AnswerSheetDTO(sheet))
    }

    struct AnswersBody: Decodable {
        let answers: ResponseSheet
        let submit: Bool?
    }

    @Sendable func saveAnswerSheet(_ request: Request, context: SiteContext) async throws -> Response {
        let secret = try context.parameters.require("secret")
        _ = try await services.assessments.answerSheet(secret: secret)
        let body = try await body(AnswersBody.self, from: request)
        let sheet = try await services.assessments.saveAnswers(secret: secret, sheet: body.answers, submit: body.submit ?? false)
        return try JSONResponse.make(AnswerSheetDTO(sheet))
    }
}

struct InstrumentSummaryDTO: Encodable {
    let identifier: String
    let version: String
    let framework: String
    let title: LocalizedText
    let items: Int
}

struct OpenedRoundDTO: Encodable {
    let round: AssessmentRound
}

struct PersonalLinkDTO: Encodable {
    let label: String
    let path: String
    let url: String
}

struct RoundDTO: Encodable {
    struct Participant: Encodable {
        let identifier: String
        let label: String
        let submitted: Bool
    }

    let round: AssessmentRound
    let group: String
    let participants: [Participant]
}

struct RecommendationDTO: Encodable {
    struct MeasureDTO: Encodable {
        let identifier: String
        let name: String
        let provider: String
        let why: String
        let detail: String
        let score: Double
    }

    let gap: Gap
    let need: String
    let measures: [MeasureDTO]
}

struct PlanDTO: Encodable {
    let plan: CompetencePlan
    let totals: PlanTotals
    let balance: LearningBalance
    let suggestion: PlanSuggestion?
}

struct AnswerSheetDTO: Encodable {
    let round: String
    let title: String
    let status: String
    let instrument: String
    let instrumentVersion: String
    let answers: ResponseSheet
    let submittedAt: String?

    init(_ sheet: AssessmentService.AnswerSheet) {
        round = sheet.round.identifier
        title = sheet.round.title
        status = sheet.round.status.rawValue
        instrument = sheet.instrument.identifier
        instrumentVersion = sheet.instrument.version
        answers = sheet.participant.sheet
        submittedAt = sheet.participant.submittedAt
    }
}
