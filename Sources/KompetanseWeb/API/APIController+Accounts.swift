import Foundation
import Hummingbird
import KompetanseDomain
import KompetanseServices

/// The API's writes and its signed-in reads; callers authenticate with `Authorization: Bearer <token>`.
extension APIController {
    func registerAccountRoutes(on api: RouterGroup<SiteContext>) {
        api.get("me", use: me)
        api.post("measures", use: upsertMeasures)
        api.delete("measures/:id", use: deleteMeasure)
        api.get("audit", use: auditEvents)
        api.get("organisations", use: organisations)
        api.get("organisations/:id", use: organisation)
    }

    /// Who the token belongs to and what they may do.
    @Sendable func me(_ request: Request, context: SiteContext) async throws -> Response {
        try context.requireSignedIn()
        let principal = context.principal
        return try JSONResponse.make(
            MeDTO(
                email: principal.name, roles: principal.roles.sorted().map(\.rawValue), providers: principal.providers.sorted(),
                accessGroups: principal.accessGroups.sorted(),
                organisations: principal.organisations.keys.sorted().map { .init(identifier: $0, role: principal.organisations[$0]!.rawValue) }))
    }

    /// Creates or replaces measures from a body in one of the catalogue formats, told by `Content-Type`
    /// (`application/json`, `application/x-ndjson`, `text/csv`); all or nothing.
    @Sendable func upsertMeasures(_ request: Request, context: SiteContext) async throws -> Response {
        try context.requireSignedIn()
        let contentType = (request.headers[.contentType] ?? "application/json").split(separator: ";")[0]
            .trimmingCharacters(in: .whitespaces).lowercased()
        let format: MeasureFileFormat
        switch contentType {
        case "application/json": format = .json
        case "application/x-ndjson", "application/jsonl", "application/jsonlines": format = .jsonLines
        case "text/csv": format = .csv
        default:
            throw HTTPError(
                .unsupportedMediaType, message: "Content-Type «\(contentType)» støttes ikke; bruk application/json, application/x-ndjson eller text/csv")
        }
        var request = request
        let body = try await request.collectBody(upTo: 16 * 1024 * 1024)
        var data = Data(buffer: body)
        // A single JSON object is one measure: the same as a list holding it.
        if format == .json, data.first(where: { !Character(UnicodeScalar($0)).isWhitespace }) == UInt8(ascii: "{") {
            data = Data("[".utf8) + data + Data("]".utf8)
        }
        // An empty list is a client's mistake, not an import of nothing: say so.
        if format == .json, data.count < 1_024, String(decoding: data, as: UTF8.self).filter({ !$0.isWhitespace }) == "[]" {
            throw ServiceError.invalidInput(
                "Forespørselen inneholder ingen tiltak: send ett tiltak som JSON-objekt eller en liste med minst ett")
        }
        let reports = try await services.interchange.importMeasures(
            [InputFile(name: "api." + format.rawValue, data: data)], format: format, as: context.principal)
        return try JSONResponse.make(reports[0], status: .ok)
    }

    @Sendable func deleteMeasure(_ request: Request, context: SiteContext) async throws -> Response {
        try context.requireSignedIn()
        _ = try await services.interchange.deleteMeasures([try context.parameters.require("id")], as: context.principal)
        return Response(status: .noContent)
    }

    @Sendable func auditEvents(_ request: Request, context: SiteContext) async throws -> Response {
        let pageText = request.uri.formParameters.get("page") ?? "1"
        guard let page = Int(pageText), page >= 1, page <= 1_000_000 else {
            throw ServiceError.invalidInput("«page» skal være et heltall fra 1")
        }
        let (events, total) = try await services.audit.events(page: page, as: context.principal)
        return try JSONResponse.make(AuditPageDTO(total: total, page: page, items: events))
    }

    @Sendable func organisations(_ request: Request, context: SiteContext) async throws -> Response {
        let organisations = try await services.organisations.organisations(as: context.principal)
        return try JSONResponse.make(ListDTO(items: organisations))
    }

    @Sendable func organisation(_ request: Request, context: SiteContext) async throws -> Response {
        let overview = try await services.organisations.overview(
            identifier: try context.parameters.require("id"), as: context.principal)
        return try JSONResponse.make(
            OrganisationDTO(
                identifier: overview.organisation.identifier, name: overview.organisation.name, groups: overview.groups,
                members: overview.members.map {
                    .init(name: $0.person.name, email: $0.person.email, role: $0.membership.role.rawValue, groups: $0.membership.groups.sorted())
                }))
    }
}

struct MeDTO: Encodable {
    struct OrganisationRoleDTO: Encodable {
        let identifier: String
        let role: String
    }

    let email: String
    let roles: [String]
    let providers: [String]
    let accessGroups: [String]
    let organisations: [OrganisationRoleDTO]
}

struct AuditPageDTO: Encodable {
    let total: Int
    let page: Int
    let items: [AuditEvent]
}

struct OrganisationDTO: Encodable {
    struct MemberDTO: Encodable {
        let name: String
        let email: String
        let role: String
        let groups: [String]
    }

    let identifier: String
    let name: String
    let groups: [OrganisationGroup]
    let members: [MemberDTO]
}
