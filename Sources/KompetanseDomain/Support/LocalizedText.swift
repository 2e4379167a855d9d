/// A text in the three languages of the application: bokmål, nynorsk and English.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// Bokmål, the fallback for the other two.
    public var nb: String
    /// Nynorsk.
    public var nn: String
    /// English.
    public var en: String

    /// Creates a text from its three language versions.
    public init(nb: String, nn: String, en: String) {
        self.nb = nb
        self.nn = nn
        self.en = en
    }

    /// The text in a language (`nb`, `nn`, `en`); bokmål when the language is unknown or its text is empty.
    public func text(language: String) -> String {
        let text: String
        switch language {
        case "nn": text = nn
        case "en": text = en
        default: text = nb
        }
        return text.allSatisfy(\.isWhitespace) ? nb : text
    }
}
