import Foundation
import Hummingbird
import KompetanseDomain
import Mustache

/// A view model that receives the UI strings of the request's language as `t`.
protocol PageModel: Sendable {
    var t: [String: String] { get set }
}

/// One link of the main menu.
struct NavItem: Sendable {
    let href: String
    let label: String
    let current: Bool
}

/// One step of the breadcrumb trail; the last has no link.
struct Crumb: Sendable {
    let label: String
    let href: String?
}

/// The main menu entries.
enum Section: Sendable {
    case home, catalogue, match, providers, frameworks, ask, documents, assessment, organisations, admin, account, none
}

/// Renders pages: a Mustache template for the body inside the shared layout.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let strings: StringTables
    let stylesheet: String
    let openAPI: String

    /// Loads templates, string tables and the stylesheet from the module's resources; fails fast if any is missing.
    static func load() async throws -> PageRenderer {
        // See ShippedData.resourceURL: Linux and macOS disagree on where the copied folder sits.
        let candidates = [
            Bundle.module.bundleURL.appendingPathComponent("Resources"), Bundle.module.resourceURL,
            Bundle.module.resourceURL?.appendingPathComponent("Resources"),
        ].compactMap { $0 }
        guard let base = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Templates").path) })
        else { throw WebError.missingResources("Resources/Templates") }
        let library = try loadTemplates(from: base.appendingPathComponent("Templates"))
        for name in [
            "layout", "home", "measures", "measure", "providers", "frameworks", "framework", "node", "error", "match",
            "coverage", "ask", "documents", "document", "feedback_form", "feedback_list", "sign_in", "account",
            "invitation", "admin", "audit", "organisations", "organisation", "assessments", "instrument", "round", "answer",
            "result", "recommendations", "plan", "report",
        ]
        where library.getTemplate(named: name) == nil {
            throw WebError.missingResources("Templates/\(name).mustache")
        }
        let strings = try StringTables.load(from: base.appendingPathComponent("Strings"))
        let stylesheet = try String(contentsOf: base.appendingPathComponent("Public/app.css"), encoding: .utf8)
        let openAPI = try String(contentsOf: base.appendingPathComponent("Public/openapi.json"), encoding: .utf8)
        return PageRenderer(library: library, strings: strings, stylesheet: stylesheet, openAPI: openAPI)
    }

    /// Every `.mustache` file of a folder, parsed with ``HTMLEscaping`` as its content type (the pragma is put in
    /// front of each, so no template can be loaded with another escaper).
    static func loadTemplates(from folder: URL) throws -> MustacheLibrary {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        for file in names {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            do {
                library.register(
                    try MustacheTemplate(string: "{{% CONTENT_TYPE:\(HTMLEscaping.name)}}\n" + text),
                    named: String(file.dropLast(".mustache".count)))
            } catch {
                throw WebError.missingResources("Templates/\(file): \(error)")
            }
        }
        return library
    }

    func texts(for language: UILanguage) -> Texts {
        Texts(language: language, strings: strings.strings(for: language))
    }

    /// A complete HTML response; `isPrivate` pages are never stored by caches.
    func page<Model: PageModel>(
        _ template: String, model: Model, title: String, section: Section, breadcrumbs: [Crumb] = [],
        request: Request, context: SiteContext, status: HTTPResponse.Status = .ok, isPrivate: Bool = false
    ) -> Response {
        page(
            body: body(template, model: model, language: request.uiLanguage), title: title, section: section,
            breadcrumbs: breadcrumbs, request: request, context: context, status: status, isPrivate: isPrivate)
    }

    /// The main content of a page: the template rendered with the model and the language's texts.
    func body<Model: PageModel>(_ template: String, model: Model, language: UILanguage) -> String {
        var model = model
        model.t = texts(for: language).strings
        return library.render(model, withTemplate: template) ?? ""
    }

    /// A complete HTML response around a rendered body: the layout (navigation, account, languages) is made for
    /// this request.
    func page(
        body: String, title: String, section: Section, breadcrumbs: [Crumb] = [], request: Request, context: SiteContext,
        status: HTTPResponse.Status = .ok, isPrivate: Bool = false
    ) -> Response {
        let language = request.uiLanguage
        let texts = texts(for: language)
        var nav: [NavItem] = [
            NavItem(href: SiteRoute.home.path, label: texts["nav_home"], current: section == .home),
            NavItem(href: SiteRoute.measures.path, label: texts["nav_catalogue"], current: section == .catalogue),
            NavItem(href: SiteRoute.match.path, label: texts["nav_match"], current: section == .match),
            NavItem(href: SiteRoute.providers.path, label: texts["nav_providers"], current: section == .providers),
            NavItem(href: SiteRoute.frameworks.path, label: texts["nav_frameworks"], current: section == .frameworks),
            NavItem(href: SiteRoute.ask.path, label: texts["nav_ask"], current: section == .ask),
            NavItem(href: SiteRoute.documents.path, label: texts["nav_documents"], current: section == .documents),
        ]
        nav.append(NavItem(href: SiteRoute.assessments.path, label: texts["nav_assessment"], current: section == .assessment))
        let principal = context.principal
        if principal.isSignedIn {
            nav.append(
                NavItem(href: SiteRoute.organisations.path, label: texts["nav_organisations"], current: section == .organisations))
        }
        if principal.can(.administer) {
            nav.append(NavItem(href: SiteRoute.admin.path, label: texts["nav_admin"], current: section == .admin))
        }
        let layout = LayoutModel(
            t: texts.strings, htmlLang: language.htmlLang, title: title, body: body, nav: nav,
            languages: UILanguage.allCases.map { option in
                LanguageLink(
                    // Each language is named in itself (Bokmål, Nynorsk, English), as its lang attribute says.
                    code: option.rawValue, label: Self.languageNames[option] ?? option.rawValue,
                    href: Self.link(request, settingLanguage: option), current: option == language)
            },
            breadcrumbs: breadcrumbs, hasBreadcrumbs: !breadcrumbs.isEmpty,
            account: principal.isSignedIn
                ? AccountLink(name: principal.name, href: SiteRoute.account.path, current: section == .account) : nil,
            signInHref: SiteRoute.signIn.path + SiteRoute.query([("neste", SiteRoute.localPath(request.uri.path))]))
        let html = Self.addingCSRFToken(context.csrfToken, to: library.render(layout, withTemplate: "layout") ?? body)
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        // Pages with secrets shown once (new tokens and links) or personal answers must not be kept by any cache.
        if isPrivate { response.headers[.cacheControl] = "no-store" }
        if let requested = request.uri.formParameters.get("lang"), UILanguage(rawValue: requested) != nil {
            response.setCookie(
                Cookie(name: "lang", value: requested, maxAge: 31_536_000, path: "/", secure: false, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// Puts the visitor's CSRF token into every POST form of a page, so no form can be written without it.
    /// Works on the UTF-8 bytes: the markers are ASCII, and a page is searched once.
    static func addingCSRFToken(_ token: String, to html: String) -> String {
        let bytes = Array(html.utf8)
        let formStart = Array("<form ".utf8)
        let post = Array("method=\"post\"".utf8)
        guard !token.isEmpty, find(post, in: bytes, from: 0, before: bytes.count) != nil else { return html }
        let field = Array("<input type=\"hidden\" name=\"_csrf\" value=\"\(token)\">".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var copied = 0
        while let start = find(formStart, in: bytes, from: copied, before: bytes.count),
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ">"))
        {
            output += bytes[copied...end]
            if find(post, in: bytes, from: start, before: end) != nil { output += field }
            copied = end + 1
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Where `needle` first starts in `bytes[from..<before]`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, before: Int) -> Int? {
        guard let first = needle.first, before - from >= needle.count else { return nil }
        var position = from
        while position + needle.count <= before {
            if bytes[position] == first, bytes[position..<(position + needle.count)].elementsEqual(needle) { return position }
            position += 1
        }
        return nil
    }

    static let languageNames: [UILanguage: String] = [.nb: "Bokmål", .nn: "Nynorsk", .en: "English"]

    /// The current URL with `lang` set to another language.
    static func link(_ request: Request, settingLanguage language: UILanguage) -> String {
        var items: [(String, String)] = []
        for (name, value) in request.uri.formParameters where name != "lang" {
            items.append((String(name), String(value)))
        }
        items.append(("lang", language.rawValue))
        return SiteRoute.localPath(request.uri.path) + SiteRoute.query(items)
    }
}

struct LayoutModel: Sendable {
    let t: [String: String]
    let htmlLang: String
    let title: String
    let body: String
    let nav: [NavItem]
    let languages: [LanguageLink]
    let breadcrumbs: [Crumb]
    let hasBreadcrumbs: Bool
    let account: AccountLink?
    let signInHref: String
}

/// The signed-in person's link in the header.
struct AccountLink: Sendable {
    let name: String
    let href: String
    let current: Bool
}

struct LanguageLink: Sendable {
    let code: String
    let label: String
    let href: String
    let current: Bool
}

/// Errors while setting up the web application.
enum WebError: Error, CustomStringConvertible {
    case missingResources(String)

    var description: String {
        switch self {
        case .missingResources(let path): "ressursfil mangler: \(path)"
        }
    }
}

/// HTML escaping for every template: `&`, `<`, `>`, `"` and `'` become entities, as swift-mustache's own HTML
/// content type does, but on UTF-8 bytes, and a text without any of them is returned as it is (most are).
struct HTMLEscaping: MustacheContentType {
    /// The name templates refer to it by.
    static let name = "HTML_UTF8"

    func escapeText(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: output += "&amp;".utf8
            case 0x3C: output += "&lt;".utf8
            case 0x3E: output += "&gt;".utf8
            case 0x22: output += "&quot;".utf8
            case 0x27: output += "&#39;".utf8
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Rendered page bodies kept under the catalogue revision they were made from, for pages that show only the
/// catalogue (the same for every visitor in one language): the first request after a change renders, the rest
/// reuse. A new revision empties it; it holds at most ``capacity`` bodies.
final class RenderedBodies: @unchecked Sendable {
    /// What a body depends on besides the revision.
    struct Key: Hashable {
        let template: String
        let query: CatalogueQuery
        let language: UILanguage
    }

    /// Bodies kept at most.
    static let capacity = 500
    // Guarded by `lock`.
    private let lock = NSLock()
    private var revision = ""
    private var bodies: [Key: String] = [:]

    /// The body kept for `key` under `revision`.
    func kept(revision: String, key: Key) -> String? {
        lock.withLock { self.revision == revision ? bodies[key] : nil }
    }

    /// Keeps a body rendered from the catalogue at `revision`, and returns it.
    func keep(_ body: String, revision: String, key: Key) -> String {
        lock.withLock {
            if self.revision != revision || bodies.count >= Self.capacity {
                bodies.removeAll(keepingCapacity: true)
                self.revision = revision
            }
            bodies[key] = body
        }
        return body
    }
}
