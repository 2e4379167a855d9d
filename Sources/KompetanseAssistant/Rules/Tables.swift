import KompetanseDomain
import KompetanseSearch

/// A table on a page, as the sentence splitter leaves it: one sentence per row. Rows are lines with cells a tab
/// apart (HTML), between "|" (Markdown), or laid out in columns with three or more spaces between them (PDF).
struct TableRegion: Sendable, Hashable {
    /// The sentence before the table that names it ("Tabell 2 …", or a lead-in ending with a colon), if any.
    var caption: Int?
    /// Header rows: the rows before the first row that holds a quantity (at most three).
    var header: [Int]
    /// Body rows.
    var rows: [Int]
}

/// Reading tables: which sentences are rows, their cells, and the tables of a page.
enum Tables {
    /// Whether a sentence is a table row.
    static func isRow(_ text: String) -> Bool {
        text.contains("\t") || (text.hasPrefix("|") && text.dropFirst().contains("|"))
            || SentenceSplitter.hasColumnGap(Array(text)[...])
    }

    /// Whether a row is a Markdown separator ("|---|:--|").
    static func isSeparator(_ text: String) -> Bool {
        text.hasPrefix("|") && text.allSatisfy { "|-: ".contains($0) }
    }

    /// The cells of a row, each with the column it starts at (characters for laid-out text, the cell's index times
    /// a thousand for tabs and pipes, so both line up with their header by position).
    static func cells(_ text: String) -> [(text: String, column: Int)] {
        if text.contains("\t") || text.hasPrefix("|") {
            let separator: Character = text.contains("\t") ? "\t" : "|"
            let parts = text.split(separator: separator, omittingEmptySubsequences: separator == "|").map {
                $0.trimmingSpaces()
            }
            return parts.enumerated().filter { !$0.element.isEmpty || separator == "\t" }.map {
                (String($0.element), $0.offset * 1000)
            }
        }
        var cells: [(String, Int)] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (offset, character) in text.enumerated() {
            if character == " " {
                spaces += 1
                continue
            }
            if spaces >= 2, !current.isEmpty {
                cells.append((current, start))
                current = ""
            } else if spaces > 0, !current.isEmpty {
                current += String(repeating: " ", count: spaces)
            }
            if current.isEmpty { start = offset }
            current.append(character)
            spaces = 0
        }
        if !current.isEmpty { cells.append((current, start)) }
        return cells
    }

    /// The number in a cell ("3,2", "1 026", "9 %", "212,6", "-3"), if it is one.
    static func value(_ cell: String) -> Double? {
        var text = cell.replacingSpaces().replacingOccurrences(of: ",", with: ".")
        for suffix in ["%", "prosent", "kr"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
        text = text.replacingOccurrences(of: "−", with: "-")
        return Double(text)
    }

    /// English month names, in order (the Norwegian ones are `Assistant.months`).
    static let englishMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// A date cell ("15. november 2026", "mai 2026", "1 March 2025") as a number that sorts as the date does
    /// (year · 10 000 + month · 100 + day); `nil` when the cell is not a date with a month and a year.
    static func dateValue(_ cell: String) -> Double? {
        let words = Tokenizer.words(cell)
        guard (2...3).contains(words.count), let last = words.last, last.count == 4, let year = Int(last) else {
            return nil
        }
        let monthWord = words[words.count - 2]
        guard let month = (Assistant.months.firstIndex(of: monthWord) ?? englishMonths.firstIndex(of: monthWord)) else {
            return nil
        }
        var day = 0
        if words.count == 3 {
            guard let written = Int(words[0]), (1...31).contains(written) else { return nil }
            day = written
        }
        return Double(year * 10_000 + (month + 1) * 100 + day)
    }

    /// Whether a row holds a quantity or a date in a cell after the first (a year alone is not one).
    static func holdsQuantity(_ text: String) -> Bool {
        cells(text).dropFirst().contains { cell in
            if dateValue(cell.text) != nil { return true }
            guard let number = value(cell.text) else { return false }
            return !(cell.text.count == 4 && (1900...2100).contains(Int(number)))
        }
    }

    /// The tables among a library's sentences: runs of rows on one page, allowing a short wrapped line between
    /// two rows (a label that did not fit its cell).
    static func regions(in sentences: [PageSpan]) -> [TableRegion] {
        var regions: [TableRegion] = []
        var index = 0
        while index < sentences.count {
            guard isRow(sentences[index].text) else {
                index += 1
                continue
            }
            var rows: [Int] = []
            var position = index
            while position < sentences.count, sentences[position].document == sentences[index].document,
                sentences[position].page == sentences[index].page
            {
                let text = sentences[position].text
                if isRow(text) {
                    if !isSeparator(text) { rows.append(position) }
                } else if text.count < 40, position + 1 < sentences.count, isRow(sentences[position + 1].text),
                    sentences[position + 1].page == sentences[index].page
                {
                    // A wrapped cell between two rows belongs to the table, not to its rows.
                } else {
                    break
                }
                position += 1
            }
            if rows.count >= 2 {
                let header = Array(rows.prefix { !holdsQuantity(sentences[$0].text) }.prefix(3))
                // The caption is the line before the table, or the one before that when the caption runs over two
                // sentences ("Tabell 1. Barrierer for bruk av KI, rangert. Andel av kommunene (n = 212)").
                func isCaption(_ position: Int) -> Bool {
                    position >= 0 && sentences[position].page == sentences[index].page
                        && sentences[position].document == sentences[index].document
                        && (sentences[position].text.hasPrefix("Tabell") || sentences[position].text.hasPrefix("Table")
                            || sentences[position].text.hasSuffix(":"))
                }
                let caption =
                    isCaption(index - 1)
                    ? index - 1
                    : isCaption(index - 2) && !isRow(sentences[index - 2].text)
                        && (sentences[index - 2].text.hasPrefix("Tabell")
                            || sentences[index - 2].text.hasPrefix("Table"))
                        ? index - 2 : nil
                let body = Array(rows.dropFirst(header.count))
                if !body.isEmpty { regions.append(TableRegion(caption: caption, header: header, rows: body)) }
            }
            index = max(position, index + 1)
        }
        return regions
    }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence {
        var text = self[...]
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }

    func replacingSpaces() -> String { String(filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }) }
}

/// Answers from a table: a row is cited with its header (and caption), and "which … highest/lowest" is read down
/// the column the question names.
enum TableAnswer {
    /// Row labels that sum or average the others, never the highest or lowest row.
    static let totals = [
        "sum", "samlet", "samla", "totalt", "total", "i alt", "gjennomsnitt", "snitt", "alle", "average",
    ]

    /// The sentences to cite for a row: the table's caption and header rows, then the row.
    static func citing(_ row: Int, of table: TableRegion) -> [Int] {
        (table.caption.map { [$0] } ?? []) + table.header + [row]
    }

    /// The column the question names: the header cell sharing most of the question's words (as index terms);
    /// `nil` when no header cell shares any.
    static func column(of table: TableRegion, questionTerms: Set<String>, library: DocumentLibrary) -> Int? {
        var best: (column: Int, shared: Int)?
        for header in table.header {
            for cell in Tables.cells(library.sentences[header].text).dropFirst() {
                let shared = Set(library.analysed(cell.text)).intersection(questionTerms).count
                if shared > 0, shared > (best?.shared ?? 0) { best = (cell.column, shared) }
            }
        }
        return best?.column
    }

    /// The rows with the lowest (or highest) numbers or dates in the named column (or, when none is named or the
    /// named one holds no values, in the first column where every row has one), across a table and its
    /// continuations on the next pages, `count` of them, the extreme first. Rows that sum or average the others are
    /// left out.
    static func extremeRows(
        of table: TableRegion, lowest: Bool, count: Int = 1, questionTerms: Set<String>, library: DocumentLibrary
    ) -> [Int] {
        var values: [(row: Int, value: Double)] = []
        for part in continued(table, library: library) {
            values += columnValues(of: part, questionTerms: questionTerms, library: library)
        }
        guard values.count >= max(2, count) else { return [] }
        let sorted = values.sorted { lowest ? $0.value < $1.value : $0.value > $1.value }
        return sorted.prefix(count).map(\.row)
    }

    /// The values of one table's named column (or of its first column where every row has a value), row by row.
    static func columnValues(of table: TableRegion, questionTerms: Set<String>, library: DocumentLibrary) -> [(
        row: Int, value: Double
    )] {
        let rows = table.rows.filter { row in
            let label = (Tables.cells(library.sentences[row].text).first?.text ?? "").lowercased()
            return !totals.contains { label.hasPrefix($0) }
        }
        let cellsByRow = rows.map { Tables.cells(library.sentences[$0].text) }
        func value(in cells: [(text: String, column: Int)], at column: Int) -> Double? {
            // The cell whose start lies nearest the column's (laid-out text), or at the same index (tabs, pipes).
            let nearest = cells.dropFirst().min { abs($0.column - column) < abs($1.column - column) }
            guard let nearest, abs(nearest.column - column) <= max(12, column / 4) else { return nil }
            return Tables.value(nearest.text) ?? Tables.dateValue(nearest.text)
        }
        func values(at column: Int) -> [(row: Int, value: Double)] {
            zip(rows, cellsByRow).compactMap { row, cells in value(in: cells, at: column).map { (row, $0) } }
        }
        // A named column of words ("Barriere") says what the rows are, not what to compare.
        if let named = self.column(of: table, questionTerms: questionTerms, library: library),
            values(at: named).count >= 2
        {
            return values(at: named)
        }
        guard let first = cellsByRow.first,
            let column = first.dropFirst().map(\.column).first(where: { candidate in
                cellsByRow.allSatisfy { value(in: $0, at: candidate) != nil }
            })
        else { return [] }
        return values(at: column)
    }

    /// A table with the tables that continue it: those after it in the same document, on the same or the next
    /// pages, whose header rows read the same ("Tabell 1 … (tiltak 1–6)" and "Tabell 2 … (tiltak 7–12)" with the
    /// columns "Nr. Tiltak Ansvarlig Frist"), in order.
    static func continued(_ table: TableRegion, library: DocumentLibrary) -> [TableRegion] {
        func headerText(_ table: TableRegion) -> [String] {
            table.header.map { Tables.cells(library.sentences[$0].text).map(\.text).joined(separator: "|") }
        }
        guard !table.header.isEmpty, let first = table.rows.first else { return [table] }
        let header = headerText(table)
        var parts = [table]
        var page = library.sentences[first].page
        for other in library.tables where other.rows.first.map({ $0 > (parts.last?.rows.last ?? 0) }) == true {
            guard let row = other.rows.first, library.sentences[row].document == library.sentences[first].document,
                library.sentences[row].page <= page + 1, headerText(other) == header
            else { break }
            parts.append(other)
            page = library.sentences[row].page
        }
        return parts
    }
}

extension TableAnswer {
    /// An item a question names by a word and an identifier: "alternativ A", "post 45", "styringsparameter 2.1".
    struct NamedItem: Sendable, Hashable {
        /// The word before the identifier, as written ("alternativ").
        var word: String
        /// The identifier ("A", "45", "2.1").
        var identifier: String

        /// Whether a sentence names this item in running text: the word (in any inflection) followed by the
        /// identifier ("for alternativene A og B" does not count, "alternativ A" and "post 01" do).
        func isNamed(in text: String) -> Bool {
            func bare(_ word: Substring) -> String {
                let punctuation: Set<Character> = [",", ";", ":", ".", "(", ")", "«", "»"]
                return String(
                    word.drop(while: punctuation.contains).reversed().drop(while: punctuation.contains).reversed())
            }
            let words = text.split(whereSeparator: \.isWhitespace).map(bare)
            guard let stem = Analyzer().term(for: word.lowercased()) else { return false }
            return words.indices.dropLast().contains { index in
                words[index + 1] == identifier && Analyzer().term(for: words[index].lowercased()) == stem
            }
        }
    }

    /// "alternativ A", "post 45", "modul 4", "styringsparameter 2.1": the items a question names by a word and an
    /// identifier, as a table's first column names its rows ("A Videreutvikling …", "1560.45 Større …", "45 …").
    static func namedItems(in question: String) -> [NamedItem] {
        let words = question.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "?" || $0 == "(" || $0 == ")" })
            .map(String.init)
        return words.indices.dropFirst().compactMap { index in
            let word = words[index]
            let previous = words[index - 1]
            // The word before names a kind of item: not a preposition or another stop word ("for 2024").
            guard previous.count >= 3, previous.first?.isLetter == true, previous.first?.isLowercase == true,
                Analyzer().term(for: previous) != nil
            else { return nil }
            if word.count == 1, word.first?.isUppercase == true { return NamedItem(word: previous, identifier: word) }
            // "5 000" is a quantity written with a thousands space, not an identifier.
            let thousands =
                index + 1 < words.count && words[index + 1].count == 3 && words[index + 1].allSatisfy(\.isNumber)
            if word.count <= 4, word.allSatisfy({ $0.isNumber || $0 == "." }), word.first?.isNumber == true,
                !word.hasSuffix("."),
                !thousands
            {
                return NamedItem(word: previous, identifier: word)
            }
            return nil
        }
    }

    /// The identifiers of the items a question names ("A" for "alternativ A").
    static func identifiers(in question: String) -> [String] { namedItems(in: question).map(\.identifier) }

    /// How far down the ranked sentences a question's table may stand: five places, or fifteen for a
    /// highest/lowest question (which must name a column) and for one naming an item by its identifier (whose
    /// row must carry that label) — but never below a running-text sentence that names the item itself, which
    /// answers as well as a row would ("Kap. 1560 post 01 Driftsutgifter: 219,8 millioner kroner").
    static func depth(_ ranked: [Int], extreme: Bool, items: [NamedItem], library: DocumentLibrary) -> Int {
        let shallow = 5
        let deep = 15
        if extreme { return deep }
        guard !items.isEmpty else { return shallow }
        let naming = ranked.prefix(deep).firstIndex { position in
            library.tableOf[position] == nil && items.contains { $0.isNamed(in: library.sentences[position].text) }
        }
        return max(shallow, naming.map { $0 + 1 } ?? deep)
    }

    /// Whether a running-text sentence ranked above a table names one of the items, holds the kind of answer asked
    /// for and is supported by the question's words at least as well as the table's row (`coverage`): then it
    /// answers, not the table.
    static func isAnsweredAbove(
        _ table: Int, ranked: [Int], items: [NamedItem], kind: QuestionUnderstanding.AnswerKind, coverage: Double,
        terms: [QueryTerm], library: DocumentLibrary
    ) -> Bool {
        guard let tableRank = ranked.firstIndex(where: { library.tableOf[$0] == table }) else { return false }
        return ranked[..<tableRank].contains { position in
            let text = library.sentences[position].text
            return library.tableOf[position] == nil && items.contains { $0.isNamed(in: text) }
                && Assistant.contains(kind, in: text) && library.coverage(of: position, terms: terms) >= coverage
        }
    }

    /// The one row whose label is one of the identifiers: its first cell is the identifier, begins with it and a
    /// space, or ends with "." and it ("1560.45").
    static func row(named identifiers: [String], in table: TableRegion, library: DocumentLibrary) -> Int? {
        guard !identifiers.isEmpty else { return nil }
        let matches = table.rows.filter { row in
            let text = library.sentences[row].text
            let first = Tables.cells(text).first?.text ?? ""
            let label = first.split(separator: " ").first.map(String.init) ?? first
            return identifiers.contains { identifier in
                label == identifier || label.hasSuffix("." + identifier) || first == identifier
            }
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The row a question names by its label: the one row whose first cell's words all occur in the question
    /// ("kommunene med under 5 000 innbyggere" names the row "Under 5 000 innbyggere", not "5 000–20 000
    /// innbyggere"), the row with the most such words when several qualify; `nil` when none or a tie.
    static func row(labelledIn questionTerms: Set<String>, in table: TableRegion, library: DocumentLibrary) -> Int? {
        var best: [(row: Int, words: Int)] = []
        for row in table.rows {
            let label = Set(library.analysed(Tables.cells(library.sentences[row].text).first?.text ?? ""))
            guard !label.isEmpty, label.isSubset(of: questionTerms) else { continue }
            if label.count > (best.first?.words ?? 0) {
                best = [(row, label.count)]
            } else if label.count == best.first?.words {
                best.append((row, label.count))
            }
        }
        return best.count == 1 ? best[0].row : nil
    }

    /// The tables a question may be about: those with a sentence among the `depth` best-scored ones, and those
    /// right after one of them that points to a table ("Tabell 1 viser …"), in rank order. A table further down
    /// the list is not what the question is about, even when it has a row with the same number.
    static func candidates(_ ranked: [Int], depth: Int = 5, library: DocumentLibrary) -> [Int] {
        var tables: [Int] = []
        for position in ranked.prefix(depth) {
            if let table = library.tableOf[position], !tables.contains(table) { tables.append(table) }
            let lowered = library.sentences[position].text.lowercased()
            // A lead-in names the table after it; so does the heading of the section it stands in.
            let isHeading = SectionHeading.isHeading(library.sentences[position].text)
            let pointsToTable = lowered.contains("tabell") || lowered.contains("table") || lowered.hasSuffix(":")
            guard pointsToTable || isHeading else { continue }
            let reach = isHeading ? SectionHeading.reach : 5
            for next in (position + 1)..<min(library.sentences.count, position + reach) {
                guard library.sentences[next].page == library.sentences[position].page else { break }
                if let table = library.tableOf[next] {
                    if !tables.contains(table) { tables.append(table) }
                    break
                }
            }
        }
        return tables
    }
}
