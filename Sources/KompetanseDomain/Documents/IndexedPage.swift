/// What the passage index keeps of one page, worked out once when its document is imported: the sentences that are
/// passages (running heads, footers and page numbers left out) and the analysed terms retrieval looks up.
public struct IndexedPage: Sendable, Hashable, Codable {
    /// 1-based page number.
    public var number: Int
    /// The passages of the page as character ranges (`Character`s of the page text), in page order.
    public var spans: [Range<Int>]
    /// The page's analysed terms (stems, nynorsk folded, compound parts), one per occurrence; the document's title,
    /// type, publisher and year are part of every page, as a page is about its document too.
    public var terms: [String]

    /// Creates an indexed page.
    public init(number: Int, spans: [Range<Int>], terms: [String]) {
        self.number = number
        self.spans = spans
        self.terms = terms
    }

    /// The spans as stored: `start:end` pairs separated by spaces.
    public var encodedSpans: String { spans.map { "\($0.lowerBound):\($0.upperBound)" }.joined(separator: " ") }

    /// Reads spans written by ``encodedSpans``; `nil` when the text is not such a list.
    public static func decodeSpans(_ text: String) -> [Range<Int>]? {
        var spans: [Range<Int>] = []
        for pair in text.split(separator: " ") {
            let bounds = pair.split(separator: ":")
            guard bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]), start <= end else { return nil }
            spans.append(start..<end)
        }
        return spans
    }
}

/// One page that retrieval found for a question: the page's text and passages, and its document without its
/// other pages (they are left empty, so page numbers stay exact).
public struct RetrievedPage: Sendable, Hashable {
    /// The document's metadata; `pages` holds only this page's text, at its own position.
    public var document: KnowledgeDocument
    /// 1-based page number.
    public var number: Int
    /// The passages of the page.
    public var spans: [Range<Int>]

    /// Creates a retrieved page.
    public init(document: KnowledgeDocument, number: Int, spans: [Range<Int>]) {
        self.document = document
        self.number = number
        self.spans = spans
    }
}

/// How many pages of an asker's access scopes the passage index holds, in all and per term: the statistics
/// retrieval uses, counted only over the scopes the asker may read.
public struct PassageStatistics: Sendable, Hashable {
    /// Pages in the readable scopes.
    public var pages: Int
    /// Pages that contain each looked-up term (terms on no readable page are absent).
    public var pagesWithTerm: [String: Int]

    /// Creates statistics.
    public init(pages: Int, pagesWithTerm: [String: Int]) {
        self.pages = pages
        self.pagesWithTerm = pagesWithTerm
    }
}
