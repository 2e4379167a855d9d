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
}
