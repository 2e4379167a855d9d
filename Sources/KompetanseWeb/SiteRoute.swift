import Foundation

/// Every path of the web application and API, so links and route registration share one source.
enum SiteRoute {
    case home
    case measures
    case match
    case coverage
    case measure(String)
    case providers
    case frameworks
    case framework(String)
    case frameworkExport(String)
    case node(framework: String, node: String)
    case stylesheet
    case ask
    case documents
    case document(String)
    case feedback
    case feedbackList
    case signIn
    case signOut
    case oidcStart
    case oidcCallback
    case account
    case accountPassword
    case accountTokens
    case revokeToken(String)
    case admin
    case adminPeople
    case personAccess(String)
    case personDisabled(String)
    case adminOrganisations
    case audit
    case organisations
    case organisation(String)
    case organisationGroups(String)
    case organisationInvitations(String)
    case membership(organisation: String, person: String)
    case invitation(String)
    case assessments
    case instrument(String)
    case instrumentExport(String)
    case rounds
    case round(String)
    case personalLink(String)
    case closeRound(String)
    case roundResult(String)
    case roundConsensus(String)
    case roundTarget(String)
    case roundRecommendations(String)
    case roundPlan(String)
    case planItems(String)
    case planItem(round: String, measure: String)
    case removePlanItem(round: String, measure: String)
    case planLimits(String)
    case planSuggestion(String)
    case roundReport(String)
    case roundReportCSV(String)
    case roundReportJSON(String)

    /// The path, with each parameter percent-encoded.
    var path: String {
        switch self {
        case .home: "/"
        case .measures: "/tiltak"
        case .match: "/tiltak/finn"
        case .coverage: "/rammeverk/dekning"
        case .measure(let id): "/tiltak/\(Self.encode(id))"
        case .providers: "/tilbydere"
        case .frameworks: "/rammeverk"
        case .framework(let code): "/rammeverk/\(Self.encode(code))"
        case .frameworkExport(let code): "/api/v1/frameworks/\(Self.encode(code))/case"
        case .node(let framework, let node): "/rammeverk/\(Self.encode(framework))/\(Self.encode(node))"
        case .stylesheet: "/static/app.css"
        case .ask: "/sporsmal"
        case .documents: "/dokumenter"
        case .document(let id): "/dokumenter/\(Self.encode(id))"
        case .feedback: "/tilbakemelding"
        case .feedbackList: "/tilbakemeldinger"
        case .signIn: "/logg-inn"
        case .signOut: "/logg-ut"
        case .oidcStart: "/logg-inn/oidc"
        case .oidcCallback: "/logg-inn/oidc/tilbake"
        case .account: "/konto"
        case .accountPassword: "/konto/passord"
        case .accountTokens: "/konto/nokler"
        case .revokeToken(let id): "/konto/nokler/\(Self.encode(id))/trekk-tilbake"
        case .admin: "/admin"
        case .adminPeople: "/admin/brukere"
        case .personAccess(let id): "/admin/brukere/\(Self.encode(id))/tilgang"
        case .personDisabled(let id): "/admin/brukere/\(Self.encode(id))/stengt"
        case .adminOrganisations: "/admin/organisasjoner"
        case .audit: "/admin/revisjon"
        case .organisations: "/organisasjoner"
        case .organisation(let id): "/organisasjoner/\(Self.encode(id))"
        case .organisationGroups(let id): "/organisasjoner/\(Self.encode(id))/grupper"
        case .organisationInvitations(let id): "/organisasjoner/\(Self.encode(id))/invitasjoner"
        case .membership(let organisation, let person):
            "/organisasjoner/\(Self.encode(organisation))/medlemmer/\(Self.encode(person))"
        case .invitation(let secret): "/invitasjon/\(Self.encode(secret))"
        case .assessments: "/kartlegging"
        case .instrument(let id): "/kartlegging/instrumenter/\(Self.encode(id))"
        case .instrumentExport(let id): "/api/v1/instruments/\(Self.encode(id))"
        case .rounds: "/kartlegging/runder"
        case .round(let id): "/kartlegging/runder/\(Self.encode(id))"
        case .personalLink(let id): "/kartlegging/runder/\(Self.encode(id))/mitt-svarskjema"
        case .closeRound(let id): "/kartlegging/runder/\(Self.encode(id))/lukk"
        case .roundResult(let id): "/kartlegging/runder/\(Self.encode(id))/resultat"
        case .roundConsensus(let id): "/kartlegging/runder/\(Self.encode(id))/enighet"
        case .roundTarget(let id): "/kartlegging/runder/\(Self.encode(id))/mal"
        case .roundRecommendations(let id): "/kartlegging/runder/\(Self.encode(id))/tiltak"
        case .roundPlan(let id): "/kartlegging/runder/\(Self.encode(id))/plan"
        case .planItems(let id): "/kartlegging/runder/\(Self.encode(id))/plan/tiltak"
        case .planItem(let round, let measure): "/kartlegging/runder/\(Self.encode(round))/plan/tiltak/\(Self.encode(measure))"
        case .removePlanItem(let round, let measure):
            "/kartlegging/runder/\(Self.encode(round))/plan/tiltak/\(Self.encode(measure))/fjern"
        case .planLimits(let id): "/kartlegging/runder/\(Self.encode(id))/plan/rammer"
        case .planSuggestion(let id): "/kartlegging/runder/\(Self.encode(id))/plan/forslag"
        case .roundReport(let id): "/kartlegging/runder/\(Self.encode(id))/rapport"
        case .roundReportCSV(let id): "/kartlegging/runder/\(Self.encode(id))/rapport.csv"
        case .roundReportJSON(let id): "/kartlegging/runder/\(Self.encode(id))/rapport.json"
        }
    }

    /// The catalogue filtered to one provider.
    static func provider(_ identifier: String) -> String {
        SiteRoute.measures.path + "?provider=" + encode(identifier)
    }

    /// A request path made safe to write back into a page or a redirect: every run of slashes and backslashes
    /// becomes one slash, so the result is always a path on this site (never `//host/…`, which a browser reads as
    /// another site, nor `/\\host/…`, which it reads the same way). Control characters, which browsers drop
    /// from a URL before reading it (`/<tab>/host`), are dropped first.
    static func localPath(_ path: String) -> String {
        var result = "/"
        var lastWasSeparator = true
        for character in path where !character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) {
            if character == "/" || character == "\\" {
                if !lastWasSeparator { result.append("/") }
                lastWasSeparator = true
            } else {
                result.append(character)
                lastWasSeparator = false
            }
        }
        return result
    }

    static func encode(_ component: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return component.addingPercentEncoding(withAllowedCharacters: allowed) ?? component
    }

    /// A query string (with leading `?`) from ordered name–value pairs; empty when there are none.
    static func query(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}

/// Paths of the JSON API, version 1.
enum APIRoute {
    static let base = "/api/v1"
}
