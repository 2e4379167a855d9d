import Foundation

/// Turns a document file into page texts. PDF goes through an external program, so it sits behind a protocol.
public protocol PDFTextExtractor: Sendable {
    /// The text of each page, in order.
    func pages(ofPDFAt path: String) throws -> [String]
}

/// Errors while reading a document's text.
public enum TextExtractionError: Error, Sendable, CustomStringConvertible, Equatable {
    case missingTool(String)
    case failed(String)

    public var description: String {
        switch self {
        case .missingTool(let message), .failed(let message): message
        }
    }
}

/// `pdftotext -layout` from Debian's poppler-utils; pages are separated by form feeds in its output.
public struct PopplerPDFTextExtractor: PDFTextExtractor {
    /// Where to look for the program.
    public var searchPath: [String]

    /// Creates the extractor.
    public init(searchPath: [String] = ["/usr/bin", "/usr/local/bin", "/bin"]) {
        self.searchPath = searchPath
    }

    public func pages(ofPDFAt path: String) throws -> [String] {
        guard let tool = searchPath.map({ $0 + "/pdftotext" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw TextExtractionError.missingTool(
                "pdftotext finnes ikke; installer Debian-pakken poppler-utils (apt-get install poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", path, "-"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TextExtractionError.failed(
                "pdftotext kunne ikke lese fila: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
        // pdftotext ends the last page with a form feed too.
        if pages.count > 1, pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }
}

/// Plain text, Markdown and HTML to pages.
enum TextPages {
    /// Pages of plain text: a form feed separates pages; without one the whole text is page 1.
    static func plain(_ text: String) -> [String] {
        text.components(separatedBy: "\u{0C}")
    }

    /// Pages of HTML: tags removed (script and style with their content), entities decoded, block elements
    /// ending lines, form feeds kept as page breaks.
    static func html(_ html: String) -> [String] {
        var text = html
        for element in ["script", "style", "head", "noscript"] {
            while let open = text.range(of: "<\(element)", options: .caseInsensitive),
                let close = text.range(of: "</\(element)>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
            {
                text.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        var result = ""
        var inTag = false
        var inPre = false
        var tagName = ""
        func dropTrailingSpace() { while result.last == " " { result.removeLast() } }
        for character in text {
            if inTag {
                if character == ">" {
                    inTag = false
                    let isClosing = tagName.hasPrefix("/")
                    let name = tagName.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/ ")).split(separator: " ").first ?? ""
                    if name == "pre" { inPre = !isClosing }
                    if Self.lineElements.contains(String(name)) {
                        dropTrailingSpace()
                        result.append("\n")
                    } else if (name == "td" || name == "th"), !isClosing {
                        // Cells of a row stay on one line, a tab apart, so a row reads "Data og deling\t37\t9 %"
                        // and never "Data og deling379 %", a number that is in no document.
                        dropTrailingSpace()
                        if let last = result.last, last != "\n" { result.append("\t") }
                    }
                } else {
                    tagName.append(character)
                }
            } else if character == "<" {
                inTag = true
                tagName = ""
            } else if character.isWhitespace, character != "\u{0C}", !inPre {
                // Outside <pre>, a line break or run of spaces in the source is one space when shown: only block
                // elements break lines (a table written one cell per source line is still one row per line), and a
                // form feed breaks the page.
                if let last = result.last, last != " ", last != "\n", last != "\t" { result.append(" ") }
            } else {
                result.append(character)
            }
        }
        return plain(decodeEntities(result)).map { page in
            page.components(separatedBy: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ")) }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\t")) }
                .filter { !$0.isEmpty }.joined(separator: "\n")
        }
    }

    /// Elements that begin or end a line of text.
    static let lineElements: Set<String> = [
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol",
        "caption", "dt", "dd", "blockquote", "pre", "header", "footer", "main", "nav", "figure", "figcaption", "thead",
        "tbody", "hr",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "aelig": "æ", "oslash": "ø",
            "aring": "å", "AElig": "Æ", "Oslash": "Ø", "Aring": "Å", "laquo": "«", "raquo": "»", "ndash": "–", "mdash": "—",
            "eacute": "é", "Eacute": "É", "egrave": "è", "ouml": "ö", "uuml": "ü", "auml": "ä", "hellip": "…", "shy": "",
        ]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    replacement = named[name]
                }
                if let replacement {
                    result += replacement
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}
