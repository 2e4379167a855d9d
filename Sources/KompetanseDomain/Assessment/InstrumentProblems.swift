/// Something wrong with an instrument or with a response sheet, with where it is.
public struct InstrumentProblem: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where, as a JSON path into the instrument (`items[3].text.nn`) or the sheet (`responses.T1-1`).
    public var path: String
    /// What is wrong, in Norwegian.
    public var message: String

    /// Creates a problem.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// "path: message".
    public var description: String { "\(path): \(message)" }
}

extension Instrument {
    /// Every problem with the instrument, in document order; empty when it is valid. `knownNodeCodes` are the node
    /// codes of the instrument's framework.
    ///
    /// Checked: the identifier's form, every text in nb, nn and en, targets (present, strictly ascending), a fixed
    /// gap level (a value of every scale in use), scales (unique identifiers, levels present and strictly
    /// ascending), items (present, unique identifiers, known node, known scale, anchors with the scale's values).
    public func problems(knownNodeCodes: Set<String>) -> [InstrumentProblem] {
        var problems: [InstrumentProblem] = []
        func report(_ path: String, _ message: String) {
            problems.append(InstrumentProblem(path: path, message: message))
        }
        func check(_ text: LocalizedText, at path: String) {
            for (language, value) in [("nb", text.nb), ("nn", text.nn), ("en", text.en)]
            where value.allSatisfy(\.isWhitespace) {
                report("\(path).\(language)", "Teksten på \(Self.languageNames[language] ?? language) mangler")
            }
        }

        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        if identifier.isEmpty || !identifier.allSatisfy({ allowed.contains($0) }) {
            report("identifier", "Identifikatoren «\(identifier)» kan bare ha små bokstaver a–z, sifre og bindestrek")
        }
        check(title, at: "title")
        check(description, at: "description")

        if targets.isEmpty {
            report("targets", "Instrumentet har ingen målnivåer å velge mellom")
        }
        for (index, target) in targets.enumerated() {
            if index > 0, target.value <= targets[index - 1].value {
                report(
                    "targets[\(index)].value",
                    "Målnivåene må stige: \(target.value) kommer etter \(targets[index - 1].value)")
            }
            check(target.label, at: "targets[\(index)].label")
        }

        if case .fixed(let level) = gapRule {
            let used = Set(items.map(\.scale))
            for scale in scales where used.contains(scale.identifier) {
                let values = scale.levels.map(\.value)
                if !values.contains(level) {
                    report(
                        "gapRule.level",
                        "Det faste kravnivået \(level) finnes ikke på skalaen «\(scale.identifier)» "
                            + "(verdier \(Self.list(values)))")
                }
            }
        }

        var firstScale: [String: Int] = [:]
        for (index, scale) in scales.enumerated() {
            let path = "scales[\(index)]"
            if let earlier = firstScale[scale.identifier] {
                report("\(path).identifier", "Skalaen «\(scale.identifier)» finnes allerede (scales[\(earlier)])")
            } else {
                firstScale[scale.identifier] = index
            }
            if scale.levels.isEmpty {
                report("\(path).levels", "Skalaen «\(scale.identifier)» har ingen nivåer")
            }
            for (position, level) in scale.levels.enumerated() {
                if position > 0, level.value <= scale.levels[position - 1].value {
                    report(
                        "\(path).levels[\(position)].value",
                        "Nivåene må stige: \(level.value) kommer etter \(scale.levels[position - 1].value)")
                }
                check(level.label, at: "\(path).levels[\(position)].label")
            }
        }

        if items.isEmpty {
            report("items", "Instrumentet har ingen spørsmål")
        }
        var firstItem: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "items[\(index)]"
            if let earlier = firstItem[item.identifier] {
                report("\(path).identifier", "Spørsmålet «\(item.identifier)» finnes allerede (items[\(earlier)])")
            } else {
                firstItem[item.identifier] = index
            }
            if !knownNodeCodes.contains(item.node) {
                report(
                    "\(path).node",
                    "Spørsmålet «\(item.identifier)» gjelder noden «\(item.node)», som ikke finnes i rammeverket "
                        + "\(framework)")
            }
            check(item.text, at: "\(path).text")
            let scale = scale(of: item)
            if scale == nil {
                report(
                    "\(path).scale",
                    "Spørsmålet «\(item.identifier)» bruker skalaen «\(item.scale)», som ikke finnes")
            }
            if let anchors = item.anchors {
                if let scale, anchors.map(\.value) != scale.levels.map(\.value) {
                    report(
                        "\(path).anchors",
                        "Ankrene har verdiene \(Self.list(anchors.map(\.value))), men skalaen «\(scale.identifier)» "
                            + "har \(Self.list(scale.levels.map(\.value)))")
                }
                for (position, anchor) in anchors.enumerated() {
                    check(anchor.label, at: "\(path).anchors[\(position)].label")
                }
            }
        }
        return problems
    }

    /// The problems with one member's answers: answers to items the instrument does not have, and levels an item
    /// does not offer (the message names the allowed values). Items in instrument order, unknown ones after, sorted.
    /// Unanswered items are not problems.
    public func problems(in sheet: ResponseSheet) -> [InstrumentProblem] {
        var problems: [InstrumentProblem] = []
        for item in items {
            guard case .level(let value) = sheet[item.identifier] else { continue }
            let allowed = levels(of: item).map(\.value)
            if !allowed.contains(value) {
                problems.append(
                    InstrumentProblem(
                        path: "responses.\(item.identifier)",
                        message: "Svaret \(value) på spørsmål «\(item.identifier)» er ikke et tillatt nivå "
                            + "(tillatt: \(Self.list(allowed)), vet ikke eller ikke relevant)"))
            }
        }
        let known = Set(items.map(\.identifier))
        for identifier in sheet.keys.sorted() where !known.contains(identifier) {
            problems.append(
                InstrumentProblem(
                    path: "responses.\(identifier)", message: "Spørsmålet «\(identifier)» finnes ikke i instrumentet"))
        }
        return problems
    }

    private static let languageNames = ["nb": "bokmål", "nn": "nynorsk", "en": "engelsk"]

    private static func list(_ values: [Int]) -> String {
        values.isEmpty ? "ingen" : values.map(String.init).joined(separator: ", ")
    }
}
