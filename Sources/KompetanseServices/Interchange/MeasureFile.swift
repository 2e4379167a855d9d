import Foundation
import KompetanseDomain

/// The file formats measures are exchanged in.
public enum MeasureFileFormat: String, Sendable, CaseIterable {
    /// One JSON array of schema.org `Course` objects.
    case json
    /// JSON Lines: one `Course` object a line.
    case jsonLines = "jsonl"
    /// CSV with a header row of (flattened) field names.
    case csv

    /// The format a file name implies, when its extension is known.
    public init?(fileName: String) {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "json", "jsonld": self = .json
        case "jsonl", "ndjson": self = .jsonLines
        case "csv": self = .csv
        default: return nil
        }
    }
}

/// Reads and writes whole files of measures; a file is accepted whole or refused whole.
public enum MeasureFile {
    /// Files larger than this are refused before parsing.
    public static let maximumFileSize = 256 * 1024 * 1024

    /// CSV columns, in the order they are written.
    static let csvColumns = [
        "@type", "identifier", "name", "description", "provider.name", "provider.url", "url", "inLanguage",
        "learningResourceType", "audience.audienceType", "educationalLevel", "timeRequired", "numberOfCredits",
        "offers.price", "offers.priceCurrency", "hasCourseInstance.courseMode", "teaches", "keywords", "dateModified",
        "learningMode", "sector", "creativeWorkStatus", "demo",
    ]

    /// Parses and validates a file; every record must be valid and identifiers unique, or nothing is returned.
    /// - Parameters:
    ///   - fileName: the name shown in errors; its extension chooses the format unless `format` is given.
    public static func decode(_ data: Data, fileName: String, format: MeasureFileFormat? = nil) throws(ImportFailure)
        -> [Measure]
    {
        func fail(_ message: String, record: String? = nil) -> ImportFailure {
            ImportFailure([ImportProblem(file: fileName, record: record, field: nil, message: message)])
        }
        guard let format = format ?? MeasureFileFormat(fileName: fileName) else {
            throw fail("ukjent filtype; bruk .json (liste), .jsonl (én post per linje) eller .csv")
        }
        guard data.count <= maximumFileSize else {
            throw fail("filen er for stor (\(data.count) byte; høyst \(maximumFileSize))")
        }
        let records: [(label: String, object: [String: JSONValue])]
        switch format {
        case .json:
            let value: JSONValue
            do {
                value = try JSONParser.parse(data)
            } catch {
                throw fail("ugyldig JSON: \(error.message)", record: "linje \(error.line), kolonne \(error.column)")
            }
            let items: [JSONValue]
            switch value {
            case .array(let array): items = array
            case .object: items = [value]
            default: throw fail("skal være en JSON-liste med Course-objekter, men er \(value.typeName)")
            }
            var collected: [(String, [String: JSONValue])] = []
            for (position, item) in items.enumerated() {
                guard case .object(let object) = item else {
                    throw fail("skal være et objekt, men er \(item.typeName)", record: "post \(position + 1)")
                }
                collected.append((label(position: position + 1, object: object), object))
            }
            records = collected
        case .jsonLines:
            records = try jsonLines(data, fileName: fileName)
        case .csv:
            records = try csvRecords(data, fileName: fileName)
        }
        return try validate(records, fileName: fileName)
    }

    private static func label(position: Int, object: [String: JSONValue]) -> String {
        if case .string(let id) = object["identifier"], !id.isEmpty, id.count <= 200 {
            return "post \(position) (id «\(id)»)"
        }
        return "post \(position)"
    }

    private static func jsonLines(_ data: Data, fileName: String) throws(ImportFailure) -> [(String, [String: JSONValue])] {
        var records: [(String, [String: JSONValue])] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let value: JSONValue
            do {
                value = try JSONParser.parse(Data(trimmed))
            } catch {
                throw ImportFailure([
                    ImportProblem(
                        file: fileName, record: "linje \(lineNumber), kolonne \(error.column)", field: nil,
                        message: "ugyldig JSON: \(error.message)")
                ])
            }
            guard case .object(let object) = value else {
                throw ImportFailure([
                    ImportProblem(
                        file: fileName, record: "linje \(lineNumber)", field: nil,
                        message: "skal være et Course-objekt, men er \(value.typeName)")
                ])
            }
            records.append(("linje \(lineNumber)", object))
        }
        return records
    }

    private static func csvRecords(_ data: Data, fileName: String) throws(ImportFailure) -> [(String, [String: JSONValue])] {
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8(data)
            throw ImportFailure([
                ImportProblem(file: fileName, record: "byte \(offset)", field: nil, message: "ugyldig UTF-8")
            ])
        }
        let rows: [(line: Int, fields: [String])]
        do {
            rows = try CSV.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        } catch {
            throw ImportFailure([
                ImportProblem(file: fileName, record: "linje \(error.line)", field: nil, message: "ugyldig CSV: \(error.message)")
            ])
        }
        guard let header = rows.first else { return [] }
        let columns = header.fields.map { $0.trimmingWhitespace() }
        var records: [(String, [String: JSONValue])] = []
        for row in rows.dropFirst() {
            guard row.fields.count == columns.count else {
                throw ImportFailure([
                    ImportProblem(
                        file: fileName, record: "linje \(row.line)", field: nil,
                        message: "har \(row.fields.count) felt, men overskriftslinjen har \(columns.count)")
                ])
            }
            var cells: [String: String] = [:]
            for (column, value) in zip(columns, row.fields) where !value.isEmpty { cells[column] = value }
            records.append(("linje \(row.line)", object(fromCSV: cells)))
        }
        return records
    }

    static func firstInvalidUTF8(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        var low = 0
        var high = bytes.count
        // The longest valid prefix ends at the first bad byte.
        while low < high {
            let middle = (low + high + 1) / 2
            if String(validating: bytes[0..<middle], as: UTF8.self) != nil || endsMidSequence(bytes, middle) {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }

    private static func endsMidSequence(_ bytes: [UInt8], _ end: Int) -> Bool {
        // A prefix that only cuts a valid multi-byte character in two is not an error yet.
        for cut in 1...3 where end - cut >= 0 {
            if String(validating: bytes[0..<(end - cut)], as: UTF8.self) != nil {
                return bytes[(end - cut)..<end].allSatisfy { $0 >= 0x80 } && bytes[end - cut] >= 0xC2
            }
        }
        return false
    }

    /// A `Course` object from the cells of one CSV row (empty cells are absent).
    static func object(fromCSV cells: [String: String]) -> [String: JSONValue] {
        var object: [String: JSONValue] = ["@type": .string(cells["@type"] ?? "Course")]
        func list(_ text: String) -> [String] {
            text.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        func number(_ text: String) -> JSONValue {
            Double(text.replacingOccurrences(of: ",", with: ".")).map(JSONValue.number) ?? .string(text)
        }
        var provider: [String: JSONValue] = ["@type": .string("Organization")]
        var offers: [String: JSONValue] = ["@type": .string("Offer")]
        for (column, value) in cells {
            switch column {
            case "@type": break
            case "provider.name": provider["name"] = .string(value)
            case "provider.url": provider["url"] = .string(value)
            case "offers.price": offers["price"] = number(value)
            case "offers.priceCurrency": offers["priceCurrency"] = .string(value)
            case "audience.audienceType":
                object["audience"] = .object(["@type": .string("Audience"), "audienceType": .string(value)])
            case "numberOfCredits": object[column] = number(value)
            case "inLanguage":
                let codes = list(value)
                object[column] = codes.count == 1 ? .string(codes[0]) : .array(codes.map(JSONValue.string))
            case "sector": object[column] = .array(list(value).map(JSONValue.string))
            case "demo": object[column] = value == "true" ? .bool(true) : value == "false" ? .bool(false) : .string(value)
            case "teaches":
                object[column] = .array(
                    list(value).map { entry in
                        let key = entry.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "." || $0 == "-" } ? "termCode" : "name"
                        return .object(["@type": .string("DefinedTerm"), key: .string(entry)])
                    })
            case "hasCourseInstance.courseMode":
                object["hasCourseInstance"] = .array(
                    list(value).map { .object(["@type": .string("CourseInstance"), "courseMode": .string($0)]) })
            default: object[column] = .string(value)
            }
        }
        if provider.count > 1 { object["provider"] = .object(provider) }
        if offers.count > 1 { object["offers"] = .object(offers) }
        return object
    }

    private static func validate(_ records: [(label: String, object: [String: JSONValue])], fileName: String)
        throws(ImportFailure) -> [Measure]
    {
        var measures: [Measure] = []
        var problems: [ImportProblem] = []
        var firstSeen: [String: String] = [:]
        for record in records {
            switch SchemaOrgCourse.measure(from: record.object, file: fileName, record: record.label) {
            case .success(let measure):
                if let earlier = firstSeen[measure.identifier] {
                    problems.append(
                        ImportProblem(
                            file: fileName, record: record.label, field: "identifier",
                            message: "«\(measure.identifier)» står allerede i \(earlier); hver id kan bare forekomme én gang"))
                } else {
                    firstSeen[measure.identifier] = record.label
                    measures.append(measure)
                }
            case .failure(let failure):
                problems.append(contentsOf: failure.problems)
            }
            if problems.count >= ImportFailure.maximumReported { break }
        }
        guard problems.isEmpty else { throw ImportFailure(Array(problems.prefix(ImportFailure.maximumReported))) }
        return measures
    }

    /// Writes measures in a format; JSON and JSON Lines keep every field, CSV flattens them.
    public static func encode(_ measures: [Measure], format: MeasureFileFormat) -> Data {
        switch format {
        case .json:
            return JSONWriter.data(.array(measures.map { .object(SchemaOrgCourse.object(for: $0)) }))
        case .jsonLines:
            var data = Data()
            for measure in measures {
                data.append(JSONWriter.data(.object(SchemaOrgCourse.object(for: measure)), pretty: false))
                data.append(0x0A)
            }
            return data
        case .csv:
            let extraColumns = Set(measures.flatMap { $0.extra.keys }).subtracting(csvColumns).sorted()
            var lines = [CSV.line(csvColumns + extraColumns)]
            for measure in measures {
                let object = SchemaOrgCourse.object(for: measure)
                lines.append(CSV.line((csvColumns + extraColumns).map { csvCell(column: $0, measure: measure, object: object) }))
            }
            return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
        }
    }

    private static func csvCell(column: String, measure: Measure, object: [String: JSONValue]) -> String {
        func format(_ number: Double) -> String {
            number.rounded() == number ? String(Int64(number)) : String(number)
        }
        switch column {
        case "provider.name": return measure.provider.name
        case "provider.url": return measure.provider.url ?? ""
        case "offers.price": return measure.price.map { format($0.amount) } ?? ""
        case "offers.priceCurrency": return measure.price?.currency ?? ""
        case "audience.audienceType": return measure.audience ?? ""
        case "numberOfCredits": return measure.numberOfCredits.map(format) ?? ""
        case "inLanguage": return measure.inLanguage?.values.joined(separator: ";") ?? ""
        case "sector": return measure.sectors.map(\.rawValue).joined(separator: ";")
        case "demo": return measure.isDemo ? "true" : ""
        case "teaches": return measure.teaches.compactMap { $0.code ?? $0.name }.joined(separator: ";")
        case "keywords": return measure.keywordValues.joined(separator: ", ")
        case "hasCourseInstance.courseMode": return measure.instances.compactMap { $0.mode?.rawValue }.joined(separator: ";")
        default:
            switch object[column] {
            case .string(let text): return text
            case nil, .null: return ""
            case let value?: return String(decoding: JSONWriter.data(value, pretty: false), as: UTF8.self)
            }
        }
    }
}

extension MeasureFile {
    /// The schema.org `Course` record of one measure, as exported.
    public static func record(_ measure: Measure) -> JSONValue {
        .object(SchemaOrgCourse.object(for: measure))
    }
}
