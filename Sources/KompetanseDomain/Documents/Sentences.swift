/// A span of a page: a sentence or passage, with its character range on the page.
public struct PageSpan: Sendable, Hashable, Codable {
    /// The document.
    public var document: String
    /// 1-based page number.
    public var page: Int
    /// First character (counting `Character`s of the page text).
    public var start: Int
    /// One past the last character.
    public var end: Int
    /// The text, exactly as on the page.
    public var text: String

    /// Creates a span.
    public init(document: String, page: Int, start: Int, end: Int, text: String) {
        self.document = document
        self.page = page
        self.start = start
        self.end = end
        self.text = text
    }
}

/// Splits page text into sentences without losing a character: every sentence is a verbatim span of its page.
public enum SentenceSplitter {
    /// Words that end with a full stop without ending a sentence ("nr. 2", "f.eks. slik", "kap. 3").
    static let abbreviations: Set<String> = [
        "nr", "f.eks", "eks", "bl.a", "bla", "ca", "kap", "jf", "jfr", "mill", "mrd", "kr", "pkt", "ref", "dvs", "mv",
        "m.m", "osv", "evt", "inkl", "ekskl", "ifm", "iht", "tlf", "vedr", "prof", "dr", "st", "nok", "pst", "mnd",
        "e.l", "o.l", "t.o.m", "f.o.m", "s", "a", "b", "c", "i", "ii", "iii", "iv", "v", "vi", "e.g", "i.e", "etc",
    ]

    /// The sentences of one page. Line breaks end sentences too (headings, list items, table rows), except where a
    /// line was only wrapped: see ``continues(_:after:)``.
    public static func sentences(of text: String, document: String, page: Int) -> [PageSpan] {
        let characters = Array(text)
        var spans: [PageSpan] = []
        var start = 0
        func emit(_ end: Int) {
            var first = start
            var last = end
            while first < last, characters[first].isWhitespace { first += 1 }
            while last > first, characters[last - 1].isWhitespace { last -= 1 }
            if last > first, characters[first..<last].contains(where: { $0.isLetter || $0.isNumber }) {
                spans.append(PageSpan(document: document, page: page, start: first, end: last, text: String(characters[first..<last])))
            }
            start = end
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\n" || character == "\r\n" || character == "\u{0C}" {
                if character == "\u{0C}" || !continues(characters, after: index, lineStart: start) {
                    emit(index)
                    start = index + 1
                }
            } else if character == "." || character == "!" || character == "?" {
                var next = index + 1
                while next < characters.count, characters[next] == "\"" || characters[next] == "»" || characters[next] == ")" {
                    next += 1
                }
                if next >= characters.count {
                    emit(next)
                } else if characters[next] == " " || characters[next] == "\t" {
                    var following = next
                    while following < characters.count, characters[following] == " " || characters[following] == "\t" {
                        following += 1
                    }
                    let upcoming = following < characters.count ? characters[following] : " "
                    let startsSentence = upcoming.isUppercase || upcoming == "«" || upcoming == "\"" || upcoming == "–" || upcoming == "-"
                    if character != "." || (startsSentence && !endsWithAbbreviation(characters, before: index)) {
                        emit(next)
                    }
                }
            }
            index += 1
        }
        emit(characters.count)
        return spans
    }

    /// Whether the line break at `index` only wraps a sentence, as PDF text is wrapped at the margin: the line so
    /// far ends without a sentence or lead-in mark (. ! ? :), is not a table row (no run of three spaces between
    /// words), and the next line goes on with a small letter, or with a number and small words ("212
    /// virksomheter"), and is not a list item.
    static func continues(_ characters: [Character], after index: Int, lineStart: Int) -> Bool {
        var last = index - 1
        while last >= lineStart, characters[last] == " " || characters[last] == "\t" { last -= 1 }
        guard last >= lineStart, !".!?:;".contains(characters[last]) else { return false }
        // The whole line counts, not just the sentence that began on it: "… nåverdi. Det mangler" is a long line
        // wrapped at the margin, whatever the length of its last sentence.
        var first = lineStart
        while first > 0, characters[first - 1] != "\n", characters[first - 1] != "\u{0C}", characters[first - 1] != "\r\n" {
            first -= 1
        }
        while first < last, characters[first].isWhitespace { first += 1 }
        let line = characters[first...last]
        if line.count < 20 || line.contains("\t") || hasColumnGap(line) { return false }
        var next = index + 1
        while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
        guard next < characters.count else { return false }
        let upcoming = characters[next]
        // "brukte\n212 virksomheter", "var\n7,0 prosent": a number (with a space between thousands, or a decimal comma)
        // that goes on into small words continues too, but not a list number ("2. Mål …", "3) …").
        var numberEnd = next
        while numberEnd < characters.count,
            characters[numberEnd].isNumber
                || (characters[numberEnd] == " " || characters[numberEnd] == ",") && numberEnd + 1 < characters.count
                    && characters[numberEnd + 1].isNumber
        {
            numberEnd += 1
        }
        let continuesWithNumber =
            upcoming.isNumber && numberEnd + 1 < characters.count && characters[numberEnd] == " " && characters[numberEnd + 1].isLowercase
        guard upcoming.isLowercase || continuesWithNumber else { return false }
        var lineEnd = next
        while lineEnd < characters.count, characters[lineEnd] != "\n" { lineEnd += 1 }
        return !hasColumnGap(characters[next..<lineEnd])
    }

    /// Whether a line has three or more spaces between words, as columns of a table laid out in text do.
    public static func hasColumnGap(_ line: ArraySlice<Character>) -> Bool {
        var spaces = 0
        var seenWord = false
        for character in line {
            if character == " " {
                spaces += 1
            } else {
                if seenWord, spaces >= 3 { return true }
                spaces = 0
                seenWord = true
            }
        }
        return false
    }

    private static func endsWithAbbreviation(_ characters: [Character], before index: Int) -> Bool {
        var wordStart = index
        while wordStart > 0, !characters[wordStart - 1].isWhitespace, characters[wordStart - 1] != "(" { wordStart -= 1 }
        let word = String(characters[wordStart..<index]).lowercased()
        // A lone number before the dot ("1. mars") is an ordinal, not a sentence end.
        if !word.isEmpty, word.allSatisfy(\.isNumber), word.count <= 2 { return true }
        return abbreviations.contains(word)
    }
}
