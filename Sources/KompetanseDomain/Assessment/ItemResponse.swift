/// One member's answer to one item: a level, or one of the two answers every item offers besides its levels.
/// JSON: the level as a number, or the string `"vet-ikke"` or `"ikke-relevant"`.
public enum ItemResponse: Sendable, Hashable, Codable {
    /// A level of the item's scale.
    case level(Int)
    /// "Vet ikke": the member does not know.
    case dontKnow
    /// "Ikke relevant": the item does not apply to the member's work.
    case notRelevant

    /// The JSON string for "vet ikke".
    public static let dontKnowText = "vet-ikke"
    /// The JSON string for "ikke relevant".
    public static let notRelevantText = "ikke-relevant"

    /// Reads a number or one of the strings `"vet-ikke"`, `"ikke-relevant"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .level(value)
            return
        }
        let text = try container.decode(String.self)
        switch text {
        case Self.dontKnowText: self = .dontKnow
        case Self.notRelevantText: self = .notRelevant
        default:
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Ukjent svar «\(text)» (et tall, vet-ikke eller ikke-relevant)")
        }
    }

    /// Writes a number or one of the strings `"vet-ikke"`, `"ikke-relevant"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .level(let value): try container.encode(value)
        case .dontKnow: try container.encode(Self.dontKnowText)
        case .notRelevant: try container.encode(Self.notRelevantText)
        }
    }

    /// The level, when the answer is one.
    public var level: Int? {
        if case .level(let value) = self { return value }
        return nil
    }
}

/// One member's answers: item identifier → answer. Unanswered items are absent.
public typealias ResponseSheet = [String: ItemResponse]
