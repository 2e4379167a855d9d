import KompetanseDomain
import KompetanseSearch

/// The searchable form of the documents one asker may read. A library is built per access scope, so text of a
/// document outside the asker's groups is never indexed, scored, quoted or counted in term statistics.
public struct DocumentLibrary: Sendable {
    /// The readable documents.
    public let documents: [String: KnowledgeDocument]
    /// Sentences, in document and page order.
    public let sentences: [PageSpan]
    /// The tables among the sentences.
    let tables: [TableRegion]
    /// For each sentence of a table (caption, header or row), its table in ``tables``.
    let tableOf: [Int: Int]
    let index: InvertedIndex

    /// Builds a library over the documents readable with the given groups.
    public init(documents all: [KnowledgeDocument], groups: Set<String>) {
        let readable = all.filter { $0.isReadable(byGroups: groups) }.sorted(by: { $0.identifier < $1.identifier })
        self.init(readable: readable, sentences: readable.flatMap { Self.passages(of: $0).joined() })
    }

    /// Builds a library over pages that retrieval found, with the passages worked out when they were imported.
    /// Pages of one document are merged into one document whose other pages are empty, so page numbers stay exact.
    public init(pages: [RetrievedPage]) {
        var merged: [String: KnowledgeDocument] = [:]
        for page in pages {
            var document = merged[page.document.identifier] ?? page.document
            if document.pages.count < page.document.pages.count {
                document.pages += Array(repeating: "", count: page.document.pages.count - document.pages.count)
            }
            document.pages[page.number - 1] = page.document.pages[page.number - 1]
            merged[page.document.identifier] = document
        }
        let ordered = pages.sorted { ($0.document.identifier, $0.number) < ($1.document.identifier, $1.number) }
        var sentences: [PageSpan] = []
        for page in ordered {
            let characters = Array(page.document.pages[page.number - 1])
            for span in page.spans where span.upperBound <= characters.count {
                sentences.append(
                    PageSpan(
                        document: page.document.identifier, page: page.number, start: span.lowerBound,
                        end: span.upperBound,
                        text: String(characters[span])))
            }
        }
        self.init(readable: merged.values.sorted(by: { $0.identifier < $1.identifier }), sentences: sentences)
    }

    /// The passages of a document, page by page: its sentences without the running heads and footers that repeat
    /// from page to page, and without page numbers.
    public static func passages(of document: KnowledgeDocument) -> [[PageSpan]] {
        let pages = document.pages.enumerated().map { number, page in
            SentenceSplitter.sentences(of: page, document: document.identifier, page: number + 1)
        }
        let boilerplate = RunningText.lines(of: pages.map { $0.map(\.text) })
        return pages.map { page in
            // Only lines at the top or bottom of a page can run from page to page, and only short ones are page
            // numbers: the rest are passages without a second look.
            page.enumerated().compactMap { index, sentence in
                let isEdge = index < 2 || index >= page.count - 2
                if isEdge, !boilerplate.isEmpty, boilerplate.contains(RunningText.shape(sentence.text)) { return nil }
                if sentence.text.utf8.count <= 32, RunningText.isPageNumber(sentence.text) { return nil }
                return sentence
            }
        }
    }

    private init(readable: [KnowledgeDocument], sentences: [PageSpan]) {
        documents = Dictionary(readable.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        self.sentences = sentences
        let tables = Tables.regions(in: sentences)
        var tableOf: [Int: Int] = [:]
        for (number, table) in tables.enumerated() {
            for position in (table.caption.map { [$0] } ?? []) + table.header + table.rows {
                tableOf[position] = number
            }
        }
        self.tables = tables
        self.tableOf = tableOf
        var searchDocuments: [SearchDocument] = []
        for (position, sentence) in sentences.enumerated() {
            // A table row is read with its table's caption and header: "A  28  7,4  112  Lav" means something only
            // under "Alternativ  Investering  …  Netto nåverdi".
            if let number = tableOf[position], tables[number].rows.contains(position) {
                let table = tables[number]
                // …and under the heading of the section the table stands in ("3 Vanlige feil og tiltak").
                let top = table.caption ?? table.header.first ?? position
                let section = SectionHeading.nearest(before: top, in: sentences).map { [$0] } ?? []
                let heading = (section + (table.caption.map { [$0] } ?? []) + table.header).map { sentences[$0].text }
                    .joined(separator: " ")
                let document = documents[sentence.document]
                searchDocuments.append(
                    SearchDocument(
                        identifier: String(position),
                        fields: [
                            "text": sentence.text, "context": heading,
                            "title": Self.about(document),
                        ]))
                continue
            }
            // Neighbouring sentences on the same page give context ("Beløpet ble redusert …" after a heading), and
            // so does the heading of the section the sentence is in ("5 Hva hadde endret seg et halvt år senere?"
            // over "62 prosent hadde satt i gang …").
            let before =
                position > 0 && sentences[position - 1].page == sentence.page
                    && sentences[position - 1].document == sentence.document
                ? sentences[position - 1].text : ""
            let after =
                position + 1 < sentences.count && sentences[position + 1].page == sentence.page
                    && sentences[position + 1].document == sentence.document
                ? sentences[position + 1].text : ""
            let section =
                SectionHeading.nearest(before: position, in: sentences).map {
                    $0 == position - 1 ? "" : sentences[$0].text
                } ?? ""
            let document = documents[sentence.document]
            searchDocuments.append(
                SearchDocument(
                    identifier: String(position),
                    fields: [
                        "text": sentence.text, "context": before + " " + after + " " + section,
                        "title": Self.about(document),
                    ]))
        }
        index = InvertedIndex(
            documents: searchDocuments,
            fields: [
                FieldSpecification(name: "text", weight: 1.0, lengthNormalisation: 0.5),
                FieldSpecification(name: "context", weight: 0.35, lengthNormalisation: 0.75),
                FieldSpecification(name: "title", weight: 0.4, lengthNormalisation: 0.3),
            ])
    }

    /// How many of the pages' compounds read a question word they never use alone.
    static let compoundReadings = 4

    /// What every sentence of a document is also about: its title, type and publisher ("ifølge KDR", "hva anbefaler
    /// Tankefjord Rådgivning" name the publisher, never repeated on the page).
    static func about(_ document: KnowledgeDocument?) -> String {
        guard let document else { return "" }
        return document.title + " " + document.documentType + " " + document.publisher
    }

    /// Query terms of a question. Words that frame a question rather than say what it is about ("hvor stor",
    /// "ifølge", "brukt", "sier") count little, in scoring and in the support check.
    func queryTerms(_ text: String) -> [QueryTerm] {
        // "DOAI's": the apostrophe splits off a genitive "s", which is no word of the question; nor is the "e" a
        // hyphen splits off "e-learning". A single letter is no word to search for (a number is).
        index.queryTerms(text).filter { $0.origin.count > 1 || $0.origin.allSatisfy(\.isNumber) }.map { term in
            var term = term
            // "DOAIs", "SKTs": a genitive -s on a name the documents write without it.
            if !index.contains(term: term.term), term.term.hasSuffix("s"),
                index.contains(term: String(term.term.dropLast()))
            {
                term.term = String(term.term.dropLast())
            }
            if RequestWords.contains(term.origin) { term.weight *= 0.3 }
            if QuestionFrame.contains(term.origin) { term.weight *= QuestionFrame.weight }
            return term
        }
    }

    /// The pages' compounds that read a question word they never use alone: "rente" reads "kalkulasjonsrenten",
    /// "Innlandet" reads "Innlandsnettet". They support the word as its other phrasings do (a weight below 0.5).
    func compoundReadings(of terms: [QueryTerm]) -> [QueryTerm] {
        terms.filter { $0.weight >= 0.5 && !index.contains(term: $0.term) }.flatMap { term in
            index.compounds(containing: term.term, limit: Self.compoundReadings).map {
                QueryTerm(term: $0, weight: term.weight * 0.45, origin: term.origin)
            }
        }
    }

    /// Scored sentences for a question among the allowed documents, best first.
    func search(_ terms: [QueryTerm], limit: Int, allowedDocuments: Set<String>) -> [(
        sentence: PageSpan, position: Int, score: Double
    )] {
        index.scores(
            terms, limit: limit,
            allowed: { identifier in
                guard let position = Int(identifier) else { return false }
                return allowedDocuments.contains(self.sentences[position].document)
            }
        ).compactMap { hit in
            guard let position = Int(hit.identifier) else { return nil }
            return (sentences[position], position, hit.score)
        }
    }

    /// The terms of `terms` that a sentence, its neighbours on the same page ("dette" in a sentence refers to the
    /// one before), its table header and its document's title contain.
    func matchedTerms(near position: Int, terms: [QueryTerm], reach: Int = 1) -> Set<String> {
        let sentence = sentences[position]
        var matched: Set<String> = []
        var lines = Array(max(0, position - reach)...min(sentences.count - 1, position + reach))
        // A table row is read with its caption and header, wherever it stands in the table.
        if reach > 0, let number = tableOf[position], tables[number].rows.contains(position) {
            lines += (tables[number].caption.map { [$0] } ?? []) + tables[number].header
        }
        for index in Set(lines) {
            guard sentences[index].document == sentence.document, sentences[index].page == sentence.page else {
                continue
            }
            let explanation = self.index.explain(String(index), query: terms)
            // With no reach, the sentence's own words and its document's title only, not the neighbours it is
            // indexed with as context.
            matched.formUnion(
                explanation.children.filter { reach > 0 || !$0.fields.allSatisfy { $0 == "context" } }.compactMap(
                    \.term))
        }
        return matched
    }

    /// The share of the question's words (weighted by rarity) that a sentence, its neighbours on the page (a table
    /// row: also its caption and header) and its document's title contain together, a word counting as contained
    /// when the lexicon's other phrasing of it is.
    /// - Parameter reach: how many neighbours on each side count (0: the sentence alone, with its title and context).
    func coverage(of position: Int, terms: [QueryTerm], reach: Int = 1) -> Double {
        // A compound of the question is also there when all its parts are ("risikoskår" under a header "Risiko …
        // Skår", "kalkulasjonsrente" as "rente for kalkulasjon").
        let partsOf = compoundParts(of: terms)
        let partTerms = Set(partsOf.values.joined()).map { QueryTerm(term: $0, weight: 0.1, origin: $0) }
        let matched = matchedTerms(near: position, terms: terms + partTerms, reach: reach)
        var total = 0.0
        var found = 0.0
        var seen: Set<String> = []
        // Another phrasing of a question word from the lexicon ("gevinst" for "spare") supports that word.
        let readings = Dictionary(grouping: terms.filter { $0.weight < 0.5 }, by: \.origin)
        for term in terms where term.weight >= 0.5 && seen.insert(term.term).inserted {
            // A word the pages never use as it is asked weighs what its readings there weigh: it is still asked.
            let ownIDF = index.idf(term.term)
            let idf = ownIDF > 0 ? ownIDF : readings[term.origin, default: []].map { index.idf($0.term) }.max() ?? 0
            let weight = idf * term.weight
            total += weight
            let readingFound = readings[term.origin, default: []].contains(where: { matched.contains($0.term) })
            let partsFound = partsOf[term.term].map { $0.allSatisfy(matched.contains) } ?? false
            if matched.contains(term.term) || readingFound || partsFound {
                found += weight
            }
        }
        return total > 0 ? found / total : 0
    }

    /// The parts of each compound among the full-weight terms, split against the library's vocabulary, for
    /// compounds of two or more parts.
    func compoundParts(of terms: [QueryTerm]) -> [String: [String]] {
        var parts: [String: [String]] = [:]
        for term in terms where term.weight >= 0.5 && parts[term.term] == nil {
            let found = self.parts(of: index.analyzer.folded(term.origin)).filter { $0 != term.term }
            if found.count >= 2 { parts[term.term] = found }
        }
        return parts
    }

    /// The position of the sentence after the one at `position`, when it stands on the same page of the same
    /// document; `nil` at the end of a page.
    func nextOnPage(after position: Int) -> Int? {
        let next = position + 1
        guard next < sentences.count, sentences[next].document == sentences[position].document,
            sentences[next].page == sentences[position].page
        else { return nil }
        return next
    }

    /// Whether a sentence begins a line of its page, and how far that line is indented (spaces and tabs).
    func lineStart(of position: Int) -> (starts: Bool, indent: Int) {
        let sentence = sentences[position]
        guard let page = documents[sentence.document]?.pages[safe: sentence.page - 1] else { return (false, 0) }
        var index = page.index(page.startIndex, offsetBy: sentence.start, limitedBy: page.endIndex) ?? page.endIndex
        var indent = 0
        while index > page.startIndex {
            let previous = page.index(before: index)
            let character = page[previous]
            if character == "\n" || character == "\u{0C}" { return (true, indent) }
            guard character == " " || character == "\t" else { return (false, 0) }
            indent += 1
            index = previous
        }
        return (true, indent)
    }

    /// A sentence with its neighbours on the same page, as a passage for a language model.
    public func context(of position: Int) -> String {
        let sentence = sentences[position]
        return (max(0, position - 1)...min(sentences.count - 1, position + 1)).map { sentences[$0] }
            .filter {
                $0.document == sentence.document && $0.page == sentence.page
                    && !InstructionFilter.isInstruction($0.text)
            }
            .map(\.text).joined(separator: " ")
    }

    /// The index terms of the parts of a compound word, split against the library's vocabulary even when the
    /// word itself occurs ("driftsbevilgningen" → "drift", "bevilgning").
    func parts(of word: String) -> [String] {
        index.splitter.split(word).compactMap { index.analyzer.term(for: $0) }
    }

    /// The index terms of a text.
    func analysed(_ text: String) -> [String] { index.queryTerms(text).map(\.term) }

    /// Inverse document frequency of a term among sentences.
    func idf(_ term: String) -> Double { index.idf(term) }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension String {
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
