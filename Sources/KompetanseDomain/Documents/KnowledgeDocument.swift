/// A knowledge document (kunnskapsdokument): a tildelingsbrev, årsrapport, evaluering, NOU, … with its pages.
public struct KnowledgeDocument: Sendable, Hashable, Codable {
    /// Stable identifier; re-import with the same identifier replaces the document.
    public var identifier: String
    /// Title.
    public var title: String
    /// Document type as given ("Tildelingsbrev", "Årsrapport", "NOU", …).
    public var documentType: String
    /// Owning organisation.
    public var publisher: String
    /// The year the document is about (for a tildelingsbrev, its budget year).
    public var year: Int
    /// Where it is published.
    public var url: String?
    /// `public`, or the name of the access group allowed to read it.
    public var access: String
    /// Language code (`nb`, `nn`, `en`).
    public var language: String
    /// The file it was read from, relative to the imported folder.
    public var file: String
    /// Page texts in order; page numbers start at 1.
    public var pages: [String]
    /// Where the record came from and who loaded it.
    public var provenance: Provenance?

    /// Creates a document.
    public init(
        identifier: String, title: String, documentType: String, publisher: String, year: Int, url: String? = nil,
        access: String = "public", language: String = "nb", file: String, pages: [String], provenance: Provenance? = nil
    ) {
        self.identifier = identifier
        self.title = title
        self.documentType = documentType
        self.publisher = publisher
        self.year = year
        self.url = url
        self.access = access
        self.language = language
        self.file = file
        self.pages = pages
        self.provenance = provenance
    }

    /// Access value of documents everyone may read.
    public static let publicAccess = "public"

    /// True when anyone may read it.
    public var isPublic: Bool { access == Self.publicAccess }

    /// Whether an asker in the given access groups may read it.
    public func isReadable(byGroups groups: Set<String>) -> Bool {
        isPublic || groups.contains(access)
    }
}

/// A filter for listing documents.
public struct DocumentFilter: Sendable, Hashable {
    /// Document type, e.g. "Tildelingsbrev".
    public var documentType: String?
    /// Publisher.
    public var publisher: String?
    /// Year.
    public var year: Int?

    /// Creates a filter.
    public init(documentType: String? = nil, publisher: String? = nil, year: Int? = nil) {
        self.documentType = documentType
        self.publisher = publisher
        self.year = year
    }
}

extension KnowledgeDocument {
    /// A document known by its summary, with the pages at hand (none, or only those that were read; the others
    /// empty so page numbers stay exact). Its file and provenance are not part of a summary.
    public init(_ summary: KnowledgeDocumentSummary, pages: [String]) {
        self.init(
            identifier: summary.identifier, title: summary.title, documentType: summary.documentType,
            publisher: summary.publisher, year: summary.year, url: summary.url, access: summary.access, file: "", pages: pages)
    }
}

/// A document as a list shows it: everything but its pages.
public struct KnowledgeDocumentSummary: Sendable, Hashable, Codable {
    /// Stable identifier.
    public var identifier: String
    /// Title.
    public var title: String
    /// Document type.
    public var documentType: String
    /// Publisher.
    public var publisher: String
    /// The year it is about.
    public var year: Int
    /// Access group (`public` for everyone).
    public var access: String
    /// Number of pages.
    public var pageCount: Int
    /// Where the original is published, if known.
    public var url: String?

    /// Creates a summary.
    public init(
        identifier: String, title: String, documentType: String, publisher: String, year: Int, access: String, pageCount: Int,
        url: String?
    ) {
        self.identifier = identifier
        self.title = title
        self.documentType = documentType
        self.publisher = publisher
        self.year = year
        self.access = access
        self.pageCount = pageCount
        self.url = url
    }
}

/// One page of a document list, the number of all that match, and the filter choices.
public struct DocumentListing: Sendable, Hashable {
    /// The documents of this page.
    public var items: [KnowledgeDocumentSummary]
    /// How many documents match the filter in all.
    public var total: Int
    /// Document types among the readable documents.
    public var types: [String]
    /// Publishers among the readable documents.
    public var publishers: [String]
    /// Years among the readable documents, newest first.
    public var years: [Int]

    /// Creates a listing.
    public init(items: [KnowledgeDocumentSummary], total: Int, types: [String], publishers: [String], years: [Int]) {
        self.items = items
        self.total = total
        self.types = types
        self.publishers = publishers
        self.years = years
    }
}
