import Foundation

/// RFC 4180 CSV: comma-separated fields, double quotes around fields that hold commas, quotes or line breaks.
enum CSV {
    struct Failure: Error {
        let line: Int
        let message: String
    }

    /// The rows of a CSV text with the line each row starts on. Accepts LF and CRLF line ends.
    static func parse(_ text: String) throws(Failure) -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var fieldStarted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return iterator.next()
        }
        while let character = next() {
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                guard !fieldStarted else { throw Failure(line: line, message: "anførselstegn midt i et felt") }
                inQuotes = true
                fieldStarted = true
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = false
            case "\n", "\r\n", "\r":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowStart, fields)) }
                fields = []
                field = ""
                fieldStarted = false
                line += 1
                rowStart = line
            default:
                field.append(character)
                fieldStarted = true
            }
        }
        if inQuotes { throw Failure(line: rowStart, message: "felt mangler avsluttende anførselstegn") }
        if fieldStarted || !fields.isEmpty {
            fields.append(field)
            rows.append((rowStart, fields))
        }
        return rows
    }

    /// One CSV line for the given fields, quoting where needed.
    static func line(_ fields: [String]) -> String {
        fields.map { field in
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",")
    }
}
