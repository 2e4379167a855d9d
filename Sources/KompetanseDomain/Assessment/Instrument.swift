/// A questionnaire bound to one framework: the items a group answers about its nodes, the scales they answer on,
/// the targets a group may choose, and the rule that turns a target into a required level per node. The JSON
/// form (`<identifier>.instrument.json`) is fixed by the instrument format; the keys are the property names.
public struct Instrument: Sendable, Hashable, Codable {
    /// Stable identifier across versions, `[a-z0-9-]+`, e.g. `di2x-kapabiliteter`.
    public var identifier: String
    /// Version string; a new version is new file content.
    public var version: String
    /// The code of the framework the items' nodes belong to, e.g. `DI2X`.
    public var framework: String
    /// Title.
    public var title: LocalizedText
    /// Description.
    public var description: LocalizedText
    /// The options a group picks its target from, in ascending order of value.
    public var targets: [TargetOption]
    /// How a target becomes a required level for a node.
    public var gapRule: GapRule
    /// The answer scales.
    public var scales: [Scale]
    /// The items (questions), in the order they are asked.
    public var items: [InstrumentItem]

    /// Creates an instrument from its parts.
    public init(
        identifier: String, version: String, framework: String, title: LocalizedText, description: LocalizedText,
        targets: [TargetOption], gapRule: GapRule, scales: [Scale], items: [InstrumentItem]
    ) {
        self.identifier = identifier
        self.version = version
        self.framework = framework
        self.title = title
        self.description = description
        self.targets = targets
        self.gapRule = gapRule
        self.scales = scales
        self.items = items
    }

    /// The scale an item is answered on, or `nil` when the item names an unknown scale.
    public func scale(of item: InstrumentItem) -> Scale? {
        scales.first { $0.identifier == item.scale }
    }

    /// The levels offered for an item: its own anchors when it has them, else its scale's levels.
    public func levels(of item: InstrumentItem) -> [ScaleLevel] {
        item.anchors ?? scale(of: item)?.levels ?? []
    }

    /// The item with an identifier.
    public func item(identifier: String) -> InstrumentItem? {
        items.first { $0.identifier == identifier }
    }

    /// The items about a node, in instrument order.
    public func items(forNode code: String) -> [InstrumentItem] {
        items.filter { $0.node == code }
    }

    /// The node codes the items are about, each once, in the order of their first item.
    public var nodeCodes: [String] {
        var seen: Set<String> = []
        return items.compactMap { seen.insert($0.node).inserted ? $0.node : nil }
    }

    /// The target option with a value.
    public func target(value: Int) -> TargetOption? {
        targets.first { $0.value == value }
    }

    /// Short names of the target values (`[4: "G4"]`), for explanations.
    public var targetNames: [Int: String] {
        Dictionary(targets.map { ($0.value, $0.shortName) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One target a group can aim for, such as a generation.
public struct TargetOption: Sendable, Hashable, Codable {
    /// The value, compared with node levels.
    public var value: Int
    /// The label, e.g. "G4 – Datadrevet".
    public var label: LocalizedText

    /// Creates a target option.
    public init(value: Int, label: LocalizedText) {
        self.value = value
        self.label = label
    }

    /// The bokmål label up to its first " – " ("G4"), or the whole bokmål label when it has no dash, or
    /// "nivå 4" when the label is empty.
    public var shortName: String {
        let label = label.nb
        if let dash = label.firstRange(of: " – ") {
            return String(label[..<dash.lowerBound])
        }
        return label.allSatisfy(\.isWhitespace) ? "nivå \(value)" : label
    }
}

/// How a chosen target T becomes the level required of a node that is relevant at T.
public enum GapRule: Sendable, Hashable, Codable {
    /// The required level is T itself (levels are generations). JSON `{"kind": "target"}`.
    case target
    /// The required level is the same for every relevant node. JSON `{"kind": "fixed", "level": 3}`.
    case fixed(level: Int)

    private enum CodingKeys: String, CodingKey {
        case kind, level
    }

    /// Reads `{"kind": "target"}` or `{"kind": "fixed", "level": n}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "target":
            self = .target
        case "fixed":
            self = .fixed(level: try container.decode(Int.self, forKey: .level))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "Ukjent gapregel «\(kind)» (target eller fixed)")
        }
    }

    /// Writes `{"kind": "target"}` or `{"kind": "fixed", "level": n}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .target:
            try container.encode("target", forKey: .kind)
        case .fixed(let level):
            try container.encode("fixed", forKey: .kind)
            try container.encode(level, forKey: .level)
        }
    }
}

/// An answer scale shared by items.
public struct Scale: Sendable, Hashable, Codable {
    /// Identifier items refer to, e.g. `generasjon`.
    public var identifier: String
    /// What the levels mean.
    public var kind: ScaleKind
    /// The levels, in strictly ascending order of value.
    public var levels: [ScaleLevel]

    /// Creates a scale.
    public init(identifier: String, kind: ScaleKind, levels: [ScaleLevel]) {
        self.identifier = identifier
        self.kind = kind
        self.levels = levels
    }
}

/// What the levels of a scale are.
public enum ScaleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The levels are generations (G1, G2, …).
    case generation
    /// The levels are described by behaviour anchors.
    case anchored
}

/// One level of a scale (or one anchor of an item).
public struct ScaleLevel: Sendable, Hashable, Codable {
    /// The value recorded as the answer.
    public var value: Int
    /// The label shown with the value.
    public var label: LocalizedText

    /// Creates a level.
    public init(value: Int, label: LocalizedText) {
        self.value = value
        self.label = label
    }
}

/// One question of an instrument, about one framework node.
public struct InstrumentItem: Sendable, Hashable, Codable {
    /// Identifier, unique in the instrument, e.g. `T1-1`.
    public var identifier: String
    /// The code of the framework node the item is about, e.g. `DI2X.T.1.1`.
    public var node: String
    /// The question.
    public var text: LocalizedText
    /// The identifier of the scale it is answered on.
    public var scale: String
    /// Item-specific labels for the scale's values (the same values), when the item has its own.
    public var anchors: [ScaleLevel]?

    /// Creates an item.
    public init(identifier: String, node: String, text: LocalizedText, scale: String, anchors: [ScaleLevel]? = nil) {
        self.identifier = identifier
        self.node = node
        self.text = text
        self.scale = scale
        self.anchors = anchors
    }
}
