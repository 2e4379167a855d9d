import KompetanseDomain
import KompetanseSearch

/// "Hvilke fem anbefalinger gir …?", "Hva er de fire satsingsområdene?", "Hvilke trinn består …?": a list question
/// is answered by the sentence that introduces the list (it ends with a colon, or it is the heading of a section
/// that opens with a numbered or marked item) and the items that follow it on
/// the page, numbered ("1."), marked ("–", "•") or one per line, never by the lead-in or the first item alone.
enum ListAnswer {
    /// Numbers of items a question can name, bokmål, nynorsk and English.
    static let counts: [String: Int] = [
        "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "two": 2,
        "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    ]

    /// Words that open a question for several things.
    static let openers: Set<String> = ["hvilke", "kva", "which", "what", "nevn", "list", "name"]

    /// Whether a question asks for a list, and how many items it names (if it does).
    static func asks(_ question: String) -> (isList: Bool, count: Int?) {
        let words = Tokenizer.words(question)
        guard let first = words.first else { return (false, nil) }
        let count = words.prefix(6).compactMap { counts[$0] }.first
        // "Hvilke …" asks for several; "hva er de fire …" too, with its number.
        let plural =
            first == "hvilke" || (first == "kva" && words.dropFirst().first == "for")
            || ((first == "what" || first == "which") && words.contains("are"))
            || first == "nevn" || first == "list"
        return (plural || count != nil && ["hva", "kva", "what", "which"].contains(first), count)
    }

    /// The noun that names the items a list question asks for: "trinn" in "Hvilke trinn består …", "anbefalinger"
    /// in "Hvilke fem anbefalinger …", "satsingsområdene" in "Hva er de fire satsingsområdene", as an index term.
    static func itemNoun(in question: String) -> String? {
        let words = Tokenizer.words(question)
        let skipped: Set<String> = [
            "hva", "kva", "er", "var", "de", "dei", "the", "are", "were", "which", "what", "hvilke", "for",
        ]
        guard asks(question).isList else { return nil }
        let noun = words.prefix(6).first { !skipped.contains($0) && counts[$0] == nil }
        return noun.flatMap { Analyzer().term(for: $0) }
    }

    /// Whether a lead-in names the items by the question's noun, or by a compound ending in it ("i sju trinn:",
    /// "disse hovedtrinnene:").
    static func names(_ noun: String, leadIn: String) -> Bool {
        Tokenizer.words(leadIn).contains { word in
            guard let term = Analyzer().term(for: word) else { return false }
            return term == noun || term.hasSuffix(noun) && noun.count >= 4
        }
    }

    /// The first sentence of the numbered or marked item a sentence continues ("4. Realisere og følge opp.
    /// Gevinsteieren rapporterer … Oppfølgingen skal fortsette …"), when it is not the first itself: the item is one
    /// step, and its later sentences need its earlier ones. `nil` for a sentence that is not inside an item.
    static func itemStart(of position: Int, in library: DocumentLibrary) -> Int? {
        let sentence = library.sentences[position]
        var index = position
        while index > 0, position - index < 4, !library.lineStart(of: index).starts {
            let earlier = library.sentences[index - 1]
            guard earlier.document == sentence.document, earlier.page == sentence.page else { return nil }
            index -= 1
        }
        guard index < position, library.lineStart(of: index).starts, isMarked(library.sentences[index].text) else {
            return nil
        }
        return index
    }

    /// Whether a sentence begins with a list marker: "1.", "2)", "a)", "–", "-", "•", "*".
    static func isMarked(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " }
        guard let first = trimmed.first else { return false }
        if "–-•*▪".contains(first) { return trimmed.dropFirst().first == " " }
        let digits = trimmed.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 2 {
            let after = trimmed.dropFirst(digits.count)
            return (after.first == "." || after.first == ")") && after.dropFirst().first == " "
        }
        return false
    }

    /// The lead-in of the list a sentence belongs to: the sentence itself when it ends with a colon, else the
    /// nearest sentence before it on the page that ends with one, when only list items lie between.
    static func leadIn(at position: Int, in library: DocumentLibrary) -> Int? {
        let sentence = library.sentences[position]
        if isLeadIn(position, in: library) { return position }
        var index = position - 1
        while index >= 0, position - index <= 3 * Assistant.Configuration.listLines {
            let earlier = library.sentences[index]
            guard earlier.document == sentence.document, earlier.page == sentence.page else { return nil }
            if isLeadIn(index, in: library) { return index }
            index -= 1
        }
        return nil
    }

    /// Whether a sentence introduces a list: it ends with a colon, or it is a section heading ("7 Anbefalinger")
    /// followed on its page by a numbered or marked item.
    static func isLeadIn(_ position: Int, in library: DocumentLibrary) -> Bool {
        let sentence = library.sentences[position]
        if sentence.text.hasSuffix(":") { return true }
        guard SectionHeading.isHeading(sentence.text), position + 1 < library.sentences.count else { return false }
        let next = library.sentences[position + 1]
        return next.document == sentence.document && next.page == sentence.page && isMarked(next.text)
    }

    /// The items after a lead-in (a sentence ending with a colon) on its page: the sentences from the first item
    /// up to `count` items (or, without a count, as long as items follow). Numbered and marked items may run over
    /// several sentences; unmarked ones are one line each (a line that starts small, or ends with ";" or ",").
    static func items(after leadIn: Int, count: Int?, in library: DocumentLibrary) -> [Int] {
        let first = library.sentences[leadIn]
        guard isLeadIn(leadIn, in: library) else { return [] }
        let limit = min(library.sentences.count, leadIn + 1 + 3 * Assistant.Configuration.listLines)
        var positions: [Int] = []
        var started = 0
        var marked: Bool?
        for index in (leadIn + 1)..<limit {
            let sentence = library.sentences[index]
            guard sentence.document == first.document, sentence.page == first.page else { break }
            let line = library.lineStart(of: index)
            let isMarked = isMarked(sentence.text) && line.starts
            if marked == nil { marked = isMarked }
            if marked == true {
                if isMarked {
                    if let count, started == count { break }
                    started += 1
                } else if line.starts && line.indent == 0 {
                    // An item's further sentences sit on its line or on indented lines; a new paragraph ends it.
                    break
                }
            } else {
                let text = sentence.text
                let looksLikeItem = text.first?.isLowercase == true || text.hasSuffix(";") || text.hasSuffix(",")
                guard line.starts, looksLikeItem || started < (count ?? 0) else { break }
                if let count, started == count { break }
                started += 1
            }
            positions.append(index)
        }
        return started >= 2 ? positions : []
    }

    /// "Hvilke tre hovedmål …": items written as a numbered label each ("Hovedmål 1: …", "Hovedmål 2: …"), spread
    /// over a page with other lines between them. Found from the best-scored sentences: the label of one that
    /// starts "Word N" or "Word N:", and the sentences of the same document starting "Word 1" … "Word count".
    static func labelledItems(_ ranked: [Int], count: Int, in library: DocumentLibrary) -> [Int]? {
        for position in ranked.prefix(Assistant.Configuration.supportedCandidates) {
            let sentence = library.sentences[position]
            let words = sentence.text.split(separator: " ", maxSplits: 2)
            guard words.count >= 2, words[0].first?.isUppercase == true, itemNumber(words[1]) != nil else { continue }
            let label = String(words[0])
            var found: [Int: Int] = [:]
            var index = position
            while index > 0, library.sentences[index - 1].document == sentence.document { index -= 1 }
            while index < library.sentences.count, library.sentences[index].document == sentence.document {
                let parts = library.sentences[index].text.split(separator: " ", maxSplits: 2)
                if parts.count >= 2, parts[0] == label, let number = itemNumber(parts[1]), found[number] == nil {
                    found[number] = index
                }
                index += 1
            }
            let items = (1...count).compactMap { found[$0] }
            if items.count == count { return items }
        }
        return nil
    }

    /// "1", "2:", "3." as a number; "1.1" or "2025" are not item numbers.
    static func itemNumber(_ word: Substring) -> Int? {
        let digits = word.prefix { $0.isNumber }
        let rest = word.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 2, rest.isEmpty || rest == ":" || rest == "." else { return nil }
        return Int(digits)
    }

    /// "Hva er det første trinnet …", "det tredje målet": the item a question asks for by its place in a list.
    static func ordinal(in question: String) -> Int? {
        let places = [
            "første": 1, "fyrste": 1, "first": 1, "andre": 2, "second": 2, "tredje": 3, "third": 3, "fjerde": 4,
            "fourth": 4,
            "femte": 5, "fifth": 5, "sjette": 6, "sixth": 6,
        ]
        let words = Tokenizer.words(question)
        // Only as "det/den første …" or "the first …": "andre" alone is also "other".
        for index in words.indices.dropFirst() where ["det", "den", "the", "dei", "de"].contains(words[index - 1]) {
            if let place = places[words[index]] { return place }
        }
        return nil
    }
}
