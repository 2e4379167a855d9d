import KompetanseDomain

/// Reads typed fields out of one JSON object, collecting a problem for every field that is missing or wrong.
struct RecordReader {
    let object: [String: JSONValue]
    let file: String
    let record: String
    private(set) var problems: [ImportProblem] = []
    private(set) var consumed: Set<String> = []

    init(object: [String: JSONValue], file: String, record: String) {
        self.object = object
        self.file = file
        self.record = record
    }

    mutating func problem(_ field: String?, _ message: String) {
        problems.append(ImportProblem(file: file, record: record, field: field, message: message))
    }

    /// Members not read by any accessor, in key order.
    var unread: [String: JSONValue] { object.filter { !consumed.contains($0.key) } }

    mutating func value(_ key: String) -> JSONValue? {
        consumed.insert(key)
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    mutating func requiredString(_ key: String, maxLength: Int) -> String {
        guard let value = value(key) else {
            problem(key, "mangler (påkrevd)")
            return ""
        }
        return check(string: value, field: key, maxLength: maxLength, required: true) ?? ""
    }

    mutating func optionalString(_ key: String, maxLength: Int) -> String? {
        guard let value = value(key) else { return nil }
        return check(string: value, field: key, maxLength: maxLength, required: false)
    }

    mutating func check(string value: JSONValue, field: String, maxLength: Int, required: Bool) -> String? {
        guard case .string(let text) = value else {
            problem(field, "skal være tekst, men er \(value.typeName)")
            return nil
        }
        if required, text.trimmingWhitespace().isEmpty {
            problem(field, "er tom (påkrevd)")
            return nil
        }
        if text.utf8.count > maxLength * 4 || text.count > maxLength {
            problem(field, "er for lang (\(text.count) tegn; høyst \(maxLength))")
            return nil
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            problem(field, "inneholder en NUL-byte")
            return nil
        }
        return text
    }

    mutating func optionalNumber(_ key: String, minimum: Double = 0, maximum: Double = 1e9) -> Double? {
        guard let value = value(key) else { return nil }
        return check(number: value, field: key, minimum: minimum, maximum: maximum)
    }

    mutating func check(number value: JSONValue, field: String, minimum: Double, maximum: Double) -> Double? {
        guard case .number(let number) = value else {
            problem(field, "skal være et tall, men er \(value.typeName)")
            return nil
        }
        guard number >= minimum, number <= maximum else {
            problem(field, "skal være mellom \(Int(minimum)) og \(Int(maximum)), men er \(number)")
            return nil
        }
        return number
    }

    mutating func optionalObject(_ key: String) -> [String: JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .object(let object) = value else {
            problem(key, "skal være et objekt, men er \(value.typeName)")
            return nil
        }
        return object
    }

    mutating func optionalArray(_ key: String) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let array) = value else {
            problem(key, "skal være en liste, men er \(value.typeName)")
            return nil
        }
        return array
    }

    /// A value that must be one of a closed set of strings.
    mutating func optionalEnum<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T?
    where T.RawValue == String {
        guard let value = value(key) else { return nil }
        guard let text = check(string: value, field: key, maxLength: 100, required: true) else { return nil }
        guard let result = T(rawValue: text) else {
            let allowed = T.allCases.map { "«\($0.rawValue)»" }.joined(separator: ", ")
            problem(key, "ukjent verdi «\(text)»; tillatt: \(allowed)")
            return nil
        }
        return result
    }
}
