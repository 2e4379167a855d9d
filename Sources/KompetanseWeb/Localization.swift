import Foundation
import Hummingbird

/// The languages of the user interface.
enum UILanguage: String, CaseIterable, Sendable {
    case nb, nn, en

    /// The value of the `lang` attribute of pages in this language.
    var htmlLang: String { rawValue }
}

/// UI strings per language; a key missing in nynorsk or English falls back to bokmål.
struct StringTables: Sendable {
    let tables: [UILanguage: [String: String]]

    static func load(from folder: URL) throws -> StringTables {
        var tables: [UILanguage: [String: String]] = [:]
        for language in UILanguage.allCases {
            let data = try Data(contentsOf: folder.appendingPathComponent("\(language.rawValue).json"))
            tables[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return StringTables(tables: tables)
    }

    /// Every string for a language, with bokmål filling the gaps.
    func strings(for language: UILanguage) -> [String: String] {
        let base = tables[.nb] ?? [:]
        guard language != .nb else { return base }
        return base.merging(tables[language] ?? [:]) { _, translated in translated }
    }
}

/// The strings of one request's language, with `{name}` substitution.
struct Texts: Sendable {
    let language: UILanguage
    let strings: [String: String]

    subscript(_ key: String) -> String { strings[key] ?? key }

    func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// A whole number with Norwegian digit grouping (1 234 567).
    func number(_ value: Double) -> String {
        let whole = value.rounded() == value
        let formatted = whole ? String(Int64(value)) : String(format: "%.1f", value)
        let parts = formatted.split(separator: ".", maxSplits: 1)
        var digits = String(parts[0])
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        var grouped = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { grouped.append("\u{00A0}") }
            grouped.append(character)
        }
        var result = (negative ? "-" : "") + String(grouped.reversed())
        if parts.count == 2 { result += (language == .en ? "." : ",") + parts[1] }
        return result
    }
}

extension Request {
    /// The UI language: `?lang=` first, then the `lang` cookie, then bokmål.
    var uiLanguage: UILanguage {
        if let requested = uri.formParameters.get("lang").flatMap(UILanguage.init(rawValue:)) { return requested }
        if let cookie = cookies["lang"]?.value, let language = UILanguage(rawValue: cookie) { return language }
        return .nb
    }
}
