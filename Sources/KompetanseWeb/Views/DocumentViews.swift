import KompetanseDomain
import KompetanseServices

/// The question page: the question box and, when asked, the answer with numbered, linked citations.
enum AskShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let question: String
        let hasAnswer: Bool
        let refused: Bool
        let sentences: [Sentence]
        let citations: [CitationItem]
        let hasCitations: Bool
        let related: [Related]
        let hasRelated: Bool
        var thanks = false
        var feedback: FeedbackTarget? = nil
    }

    struct Sentence: Sendable {
        let text: String
        let number: Int?
        let href: String?
    }

    struct CitationItem: Sendable {
        let href: String
        let title: String
        let page: Int
        let quote: String
    }

    struct Related: Sendable {
        let href: String
        let title: String
        let year: Int
    }

    /// The link to a cited page with the quote highlighted.
    static func citationLink(_ citation: Citation) -> String {
        SiteRoute.document(citation.document).path
            + SiteRoute.query([("side", String(citation.page)), ("sitat", citation.quote)]) + "#sitat"
    }

    static func model(question: String, answer: Answer?, titles: [String: String]) -> Model {
        let citations = (answer?.citations ?? []).map {
            CitationItem(href: citationLink($0), title: titles[$0.document] ?? $0.document, page: $0.page, quote: $0.quote)
        }
        let sentences = (answer?.citations ?? []).enumerated().map { index, citation in
            Sentence(text: citation.quote, number: index + 1, href: citationLink(citation))
        }
        let related = (answer?.related ?? []).map {
            Related(href: SiteRoute.document($0.identifier).path, title: $0.title, year: $0.year)
        }
        return Model(
            question: question, hasAnswer: answer != nil, refused: answer?.refused ?? false, sentences: sentences,
            citations: citations, hasCitations: !citations.isEmpty, related: related, hasRelated: !related.isEmpty)
    }
}

enum DocumentIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let summary: String
        let types: [Option]
        let publishers: [Option]
        let years: [Option]
        let documents: [Row]
        let pager: Pager?
    }

    /// Links to the pages before and after, and where the list is.
    struct Pager: Sendable {
        let position: String
        let previous: String?
        let next: String?
    }

    struct Option: Sendable {
        let value: String
        let selected: Bool
    }

    struct Row: Sendable {
        let href: String
        let title: String
        let type: String
        let publisher: String
        let year: Int
        let pages: Int
    }
}

enum DocumentShow {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let title: String
        let type: String
        let publisher: String
        let year: Int
        let url: String?
        let pages: [PageLink]
        let pageNumber: Int
        let before: String
        let highlight: String?
        let after: String
        var thanks = false
        var feedback: FeedbackTarget? = nil
        var series: [SeriesLink] = []
        var hasSeries = false
    }

    /// Another document of the same series.
    struct SeriesLink: Sendable {
        let href: String
        let title: String
        let year: Int
        let current: Bool
    }

    struct PageLink: Sendable {
        let number: Int
        let href: String
        let current: Bool
    }

    /// The page split around the first occurrence of the quote, so the template can mark it.
    static func model(_ document: KnowledgeDocument, page: Int, quote: String?) -> Model {
        let number = min(max(1, page), max(1, document.pages.count))
        let text = document.pages.isEmpty ? "" : document.pages[number - 1]
        var before = text
        var highlight: String?
        var after = ""
        if let quote, !quote.isEmpty, let range = text.range(of: quote) {
            before = String(text[..<range.lowerBound])
            highlight = String(text[range])
            after = String(text[range.upperBound...])
        }
        return Model(
            title: document.title, type: document.documentType, publisher: document.publisher, year: document.year,
            url: document.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil },
            pages: (1...max(1, document.pages.count)).map {
                PageLink(
                    number: $0, href: SiteRoute.document(document.identifier).path + SiteRoute.query([("side", String($0))]),
                    current: $0 == number)
            }, pageNumber: number, before: before, highlight: highlight, after: after)
    }
}

/// What the feedback form on a page is about, and where to come back to after sending it.
struct FeedbackTarget: Sendable {
    let target: String
    let reference: String
    let back: String
}

enum FeedbackIndex {
    struct Model: PageModel {
        var t: [String: String] = [:]
        let summary: String
        let items: [Item]
    }

    struct Item: Sendable {
        let createdAt: String
        let target: String
        let reference: String
        let verdict: String
        let comment: String
    }
}
