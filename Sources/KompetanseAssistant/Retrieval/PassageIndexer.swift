import KompetanseDomain
import KompetanseSearch

/// What a document contributes to the stored passage index, worked out once at import: per page, its passages
/// and its analysed terms. Nothing is analysed again when a question is asked.
public enum PassageIndexer {
    /// The indexed pages of a document, one per page (a page without passages has no spans).
    public static func pages(of document: KnowledgeDocument) -> [IndexedPage] {
        let passages = DocumentLibrary.passages(of: document)
        // A page is about its document too: "årsrapporten 2024 fra Digdir" finds pages that never repeat the title.
        let metadata = [document.title, document.documentType, document.publisher, String(document.year)].joined(separator: " ")
        let terms = PassageTerms.terms(of: passages.map { $0.map(\.text).joined(separator: "\n") } + [metadata])
        let documentTerms = terms[terms.count - 1]
        return passages.enumerated().map { number, sentences in
            IndexedPage(number: number + 1, spans: sentences.map { $0.start..<$0.end }, terms: terms[number] + documentTerms)
        }
    }
}
