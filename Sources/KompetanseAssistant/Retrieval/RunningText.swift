/// Running headers and footers: the lines a document repeats on many pages ("Direktoratet X    Årsrapport 2024",
/// "Side 3 av 6"). They name the document, not what a page says, so they are never passages.
enum RunningText {
    /// A line as compared across pages: trimmed, lower-cased, spaces collapsed, every digit run as "#" (page
    /// numbers differ from page to page).
    static func shape(_ line: String) -> String {
        var result = ""
        var lastWasSpace = false
        var lastWasDigit = false
        for character in line.lowercased() {
            if character.isWhitespace {
                if !lastWasSpace, !result.isEmpty { result.append(" ") }
                lastWasSpace = true
                lastWasDigit = false
            } else if character.isNumber {
                if !lastWasDigit { result.append("#") }
                lastWasDigit = true
                lastWasSpace = false
            } else {
                result.append(character)
                lastWasSpace = false
                lastWasDigit = false
            }
        }
        return result.hasSuffix(" ") ? String(result.dropLast()) : result
    }

    /// The shapes of the lines at the top or bottom of a page (the first two and the last two) that are found
    /// there on at least half of a document's pages (and on two at least). Lines inside a page are content, even
    /// when they repeat ("Målverdi: 80 prosent.").
    static func lines(of pages: [[String]]) -> Set<String> {
        guard pages.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for page in pages {
            let edges = page.prefix(2) + page.suffix(2)
            for shape in Set(edges.map(shape)) { counts[shape, default: 0] += 1 }
        }
        let needed = max(2, (pages.count + 1) / 2)
        return Set(counts.filter { $0.value >= needed }.keys)
    }

    /// "Side 3 av 6", "Side 3", "3 av 6", "- 3 -", "Page 3 of 6": a page number alone on its line.
    static func isPageNumber(_ line: String) -> Bool {
        let shape = shape(line)
        return ["side #", "side # av #", "# av #", "- # -", "#", "page #", "page # of #", "side # av # sider"].contains(shape)
    }
}
