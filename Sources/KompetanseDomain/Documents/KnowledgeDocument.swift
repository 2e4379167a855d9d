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
