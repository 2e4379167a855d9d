import Hummingbird
import HummingbirdTesting
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
@testable import KompetanseWeb
import Testing

@Suite struct RenderingTests {
    /// Every template escapes `& < > " '` in values, and nothing else: Norwegian letters and other text pass as
    /// they are.
    @Test func valuesAreEscapedForHTML() {
        let escaping = HTMLEscaping()
        #expect(escaping.escapeText(#"<script>alert("x") & 'y'</script>"#)
            == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
        #expect(escaping.escapeText("Ærlig talt – «på nynorsk» 😀") == "Ærlig talt – «på nynorsk» 😀")
        #expect(escaping.escapeText("") == "")
    }

    /// The CSRF field goes into every POST form and no other, and the rest of the page is left byte for byte.
    @Test func theTokenGoesIntoPostFormsOnly() {
        let page = #"<p>Å</p><form method="get" action="/s"><input name="q"></form><form class="x" method="post" action="/p"><button>Send</button></form>"#
        let expected = #"<p>Å</p><form method="get" action="/s"><input name="q"></form><form class="x" method="post" action="/p"><input type="hidden" name="_csrf" value="abc"><button>Send</button></form>"#
        #expect(PageRenderer.addingCSRFToken("abc", to: page) == expected)
        #expect(PageRenderer.addingCSRFToken("abc", to: "<p>ingen skjema</p>") == "<p>ingen skjema</p>")
        #expect(PageRenderer.addingCSRFToken("", to: page) == page)
    }

    /// The catalogue list is rendered once per revision: a measure saved afterwards is on the next page view, and
    /// each language gets its own rendering.
    @Test func theCatalogueListShowsAChangeAtOnce() async throws {
        try await TestEngine.sqlite.withServices { services in
            try await services.store.measures.upsert([.mock("a", name: "Kurs om gevinster")])
            let app = Application(router: try await WebApplication.buildRouter(services: services))
            try await app.test(.router) { client in
                try await client.execute(uri: "/tiltak", method: .get) { response in
                    #expect(String(buffer: response.body).contains("Kurs om gevinster"))
                }
                try await services.store.measures.upsert([.mock("b", name: "Kurs om personvern")])
                try await client.execute(uri: "/tiltak", method: .get) { response in
                    let page = String(buffer: response.body)
                    #expect(page.contains("Kurs om personvern"), "the new measure is listed")
                    #expect(page.contains("Kurs om gevinster"))
                }
                try await client.execute(uri: "/tiltak", method: .get) { response in
                    #expect(String(buffer: response.body).contains(">Avgrens<"))
                }
                try await client.execute(uri: "/tiltak?lang=en", method: .get) { response in
                    let page = String(buffer: response.body)
                    #expect(page.contains(">Narrow down<"), "the list itself is in English, not the kept Norwegian one")
                    #expect(!page.contains(">Avgrens<"))
                    #expect(page.contains("Kurs om personvern"))
                }
            }
        }
    }
}
