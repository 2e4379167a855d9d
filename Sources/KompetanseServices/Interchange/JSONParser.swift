import Foundation
import KompetanseDomain

/// A strict JSON parser that reports where input is wrong by line and column, refuses invalid UTF-8,
/// NUL bytes outside strings, duplicate keys and nesting deeper than ``maximumDepth``.
///
/// Foundation's parser says little more than "the data is not valid JSON"; an importer must tell the user
/// the line to fix.
struct JSONParser {
    /// Deeper nesting than any real record needs is refused rather than risking the stack.
    static let maximumDepth = 64

    struct Failure: Error, Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON value that must fill the whole input (whitespace around it is allowed).
    static func parse(_ data: Data) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: [UInt8](data))
        try parser.checkUTF8()
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.failure("uventet tekst etter JSON-verdien") }
        return value
    }

    private mutating func checkUTF8() throws(Failure) {
        if String(validating: bytes, as: UTF8.self) != nil { return }
        // Find the first invalid byte to say where it is.
        var position = 0
        while position < bytes.count {
            let length = Self.sequenceLength(bytes, at: position)
            if length == 0 {
                index = position
                recomputeLine()
                throw failure(String(format: "ugyldig UTF-8 (byte 0x%02X ved byte %d)", bytes[position], position))
            }
            position += length
        }
    }

    private static func sequenceLength(_ bytes: [UInt8], at position: Int) -> Int {
        let lead = bytes[position]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard position + length <= bytes.count else { return 0 }
        let slice = Array(bytes[position..<position + length])
        return String(validating: slice, as: UTF8.self) == nil ? 0 : length
    }

    private mutating func recomputeLine() {
        line = 1
        lineStart = 0
        for position in 0..<index where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
    }

    private func failure(_ message: String) -> Failure {
        // Columns count characters, not bytes, so "æ" counts as one.
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        return Failure(line: line, column: column, message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "slutten av filen" }
        let byte = bytes[index]
        if byte == 0 { return "en NUL-byte" }
        if byte < 0x20 { return String(format: "kontrolltegnet 0x%02X", byte) }
        let end = min(bytes.count, index + 12)
        let text = String(decoding: bytes[index..<end], as: UTF8.self).prefix(8)
        return "«\(text)»"
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= Self.maximumDepth else {
            throw failure("for dyp nesting (mer enn \(Self.maximumDepth) nivåer)")
        }
        guard index < bytes.count else { throw failure("forventet en verdi, men filen slutter") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("forventet en verdi, fant \(describeCurrent())")
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw failure("forventet en verdi, fant \(describeCurrent())")
        }
        index += expected.count
        return value
    }

    private mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ parser: inout JSONParser) -> Int {
            let begin = parser.index
            while parser.index < parser.bytes.count, (0x30...0x39).contains(parser.bytes[parser.index]) {
                parser.index += 1
            }
            return parser.index - begin
        }
        guard digits(&self) > 0 else { throw failure("ugyldig tall") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw failure("ugyldig tall: sifre mangler etter desimalpunktet") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw failure("ugyldig tall: eksponent mangler") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure("ugyldig tall «\(text)»") }
        return .number(value)
    }

    private mutating func parseString() throws(Failure) -> String {
        index += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flushRun(_ parser: inout JSONParser, into scalars: inout String.UnicodeScalarView, until end: Int) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: parser.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flushRun(&self, into: &scalars, until: index)
                index += 1
                return String(scalars)
            }
            if byte == UInt8(ascii: "\\") {
                flushRun(&self, into: &scalars, until: index)
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw failure("ugyldig \\u-escape: halvt surrogatpar") }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("ugyldig \\u-escape: surrogatpar") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("ugyldig \\u-escape") }
                    scalars.append(scalar)
                default:
                    index -= 1
                    throw failure("ugyldig escape-sekvens i tekst")
                }
                runStart = index
                continue
            }
            if byte < 0x20 {
                throw failure(
                    byte == 0x0A ? "tekst mangler avsluttende anførselstegn" : "kontrolltegn inne i tekst (\(describeCurrent()))")
            }
            index += 1
        }
        throw failure("tekst mangler avsluttende anførselstegn")
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw failure("ugyldig \\u-escape") }
        index += 4
        return value
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw failure("liste mangler avsluttende «]»") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            throw failure("forventet «,» eller «]», fant \(describeCurrent())")
        }
    }

    private mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("forventet et feltnavn i anførselstegn, fant \(describeCurrent())")
            }
            let key = try parseString()
            guard members[key] == nil else { throw failure("feltet «\(key)» står to ganger i samme objekt") }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("forventet «:» etter «\(key)», fant \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            members[key] = try parseValue(depth: depth + 1)
            skipWhitespace()
            guard index < bytes.count else { throw failure("objekt mangler avsluttende «}»") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw failure("forventet «,» eller «}», fant \(describeCurrent())")
        }
    }
}

/// Writes JSON values with sorted keys, so equal values always give equal bytes.
enum JSONWriter {
    static func data(_ value: JSONValue, pretty: Bool = true) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue cannot fail: it holds only finite numbers, strings, arrays and objects.
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }
}
