import Foundation

/// Documents that belong together over the years: the same publisher, document type and subject, e.g. the
/// tildelingsbrev from one ministry to one agency, year after year, each with its supplements (tillegg).
public struct DocumentSeries: Sendable, Hashable, Codable {
    /// Who publishes the series.
    public var publisher: String
    /// The document type.
    public var documentType: String
    /// What or whom the series is about: the part of the titles after " – " (e.g. the receiving agency), or "".
    public var subject: String
    /// The documents, by year, main documents before their supplements.
    public var members: [Member]

    /// One document of a series.
    public struct Member: Sendable, Hashable, Codable {
        /// The document.
        public var identifier: String
        /// Its title.
        public var title: String
        /// Its year.
        public var year: Int
        /// The supplement number ("Tillegg nr. 2" → 2); `nil` for the main document.
        public var supplement: Int?
    }

    /// The key a document's series is known by.
    public static func key(of document: KnowledgeDocument) -> String {
        [document.publisher, document.documentType, subject(of: document.title)].map { $0.lowercased() }.joined(separator: "|")
    }

    /// The part of a title after its last " – " (the agency a letter is to, the organisation a report is from).
    static func subject(of title: String) -> String {
        guard let range = title.range(of: " – ", options: .backwards) else { return "" }
        return String(title[range.upperBound...]).trimmingCharacters(in: .whitespaces)
    }

    /// The supplement number a title names ("Tillegg nr. 2 til …", "Tilleggsbrev 3"), if any.
    static func supplementNumber(of title: String) -> Int? {
        let words = title.lowercased().split(separator: " ")
        guard let index = words.firstIndex(where: { $0.hasPrefix("tillegg") }) else { return nil }
        for word in words[(index + 1)...].prefix(2) {
            if let number = Int(word.filter(\.isNumber)), !word.filter(\.isNumber).isEmpty { return number }
        }
        return 1
    }

    /// The series the documents form; a series needs at least two documents.
    public static func series(of documents: [KnowledgeDocument]) -> [DocumentSeries] {
        var groups: [String: [KnowledgeDocument]] = [:]
        for document in documents { groups[key(of: document), default: []].append(document) }
        return groups.values.filter { $0.count >= 2 }.map { members in
            let first = members[0]
            return DocumentSeries(
                publisher: first.publisher, documentType: first.documentType, subject: subject(of: first.title),
                members: members.map {
                    Member(identifier: $0.identifier, title: $0.title, year: $0.year, supplement: supplementNumber(of: $0.title))
                }.sorted { ($0.year, $0.supplement ?? 0, $0.identifier) < ($1.year, $1.supplement ?? 0, $1.identifier) })
        }.sorted { ($0.publisher, $0.documentType, $0.subject) < ($1.publisher, $1.documentType, $1.subject) }
    }
}
