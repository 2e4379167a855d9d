import KompetanseDomain

/// Checks citations against the documents: a quote must be a verbatim span of the page it names, in a
/// document the asker may read. Nothing unverified is ever shown.
public struct CitationVerifier: Sendable {
    private let pages: [String: [String]]

    /// Creates a verifier over the documents an asker may read.
    public init(readable documents: [KnowledgeDocument]) {
        pages = Dictionary(documents.map { ($0.identifier, $0.pages) }, uniquingKeysWith: { first, _ in first })
    }

    /// True when the quote occurs exactly on the named page.
    public func isVerbatim(_ citation: Citation) -> Bool {
        guard !citation.quote.isEmpty, let pages = pages[citation.document], citation.page >= 1,
            citation.page <= pages.count
        else { return false }
        return pages[citation.page - 1].contains(citation.quote)
    }
}
