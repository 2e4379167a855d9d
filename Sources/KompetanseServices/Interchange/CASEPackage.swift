import Foundation
import KompetanseDomain

/// 1EdTech CASE 1.1 `CFPackage` JSON (FORMATS §2) to and from ``Framework``.
///
/// Every member is either mapped to a field or kept in an `extra` dictionary, so export → import → export
/// reproduces the package exactly.
public enum CASEPackage {
    /// Parses and validates a CASE package; the file is accepted whole or refused whole.
    public static func decode(_ data: Data, fileName: String) throws(ImportFailure) -> Framework {
        func fail(_ message: String, record: String? = nil, field: String? = nil) -> ImportFailure {
            ImportFailure([ImportProblem(file: fileName, record: record, field: field, message: message)])
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw fail("ugyldig JSON: \(error.message)", record: "linje \(error.line), kolonne \(error.column)")
        }
        guard case .object(let package) = root else { throw fail("skal være et CFPackage-objekt, men er \(root.typeName)") }
        guard case .object(let document)? = package["CFDocument"] else {
            throw fail("mangler (påkrevd objekt)", field: "CFDocument")
        }
        var problems: [ImportProblem] = []
        var reader = RecordReader(object: document, file: fileName, record: "CFDocument")
        let identifier = reader.requiredString("identifier", maxLength: 200)
        let uri = reader.optionalString("uri", maxLength: 2_000)
        let title = reader.requiredString("title", maxLength: 500)
        let creator = reader.optionalString("creator", maxLength: 500)
        let version = reader.optionalString("version", maxLength: 100)
        let language = reader.optionalString("language", maxLength: 20)
        let description = reader.optionalString("description", maxLength: 20_000)
        let lastChange = reader.optionalString("lastChangeDateTime", maxLength: 100)
        let extensions = reader.optionalObject("extensions") ?? [:]
        problems += reader.problems
        let code =
            extensions["code"]?.stringValue
            ?? Slug.make(title).uppercased()

        let items: [JSONValue]
        switch package["CFItems"] {
        case .array(let array)?: items = array
        case nil, .null?: items = []
        case let other?: throw fail("skal være en liste, men er \(other.typeName)", field: "CFItems")
        }
        let associations: [JSONValue]
        switch package["CFAssociations"] {
        case .array(let array)?: associations = array
        case nil, .null?: associations = []
        case let other?: throw fail("skal være en liste, men er \(other.typeName)", field: "CFAssociations")
        }

        var nodes: [FrameworkNode] = []
        var indexByIdentifier: [String: Int] = [:]
        var codes: [String: String] = [:]
        for (position, item) in items.enumerated() {
            let record = "CFItems[\(position)]"
            guard case .object(let object) = item else {
                problems.append(ImportProblem(file: fileName, record: record, field: nil, message: "skal være et objekt"))
                continue
            }
            var reader = RecordReader(object: object, file: fileName, record: record)
            let nodeIdentifier = reader.requiredString("identifier", maxLength: 200)
            let nodeCode = reader.requiredString("humanCodingScheme", maxLength: 200)
            let label = reader.requiredString("fullStatement", maxLength: 5_000)
            let node = FrameworkNode(
                identifier: nodeIdentifier, uri: reader.optionalString("uri", maxLength: 2_000) ?? "",
                code: nodeCode, kind: reader.optionalString("CFItemType", maxLength: 200) ?? "",
                label: label, description: reader.optionalString("notes", maxLength: 20_000),
                language: reader.optionalString("language", maxLength: 20) ?? "",
                listEnumeration: reader.optionalString("listEnumeration", maxLength: 100),
                lastChangeDateTime: reader.optionalString("lastChangeDateTime", maxLength: 100),
                parentIdentifier: nil, parentAssociation: nil,
                extensions: reader.optionalObject("extensions") ?? [:], extra: [:])
            var complete = node
            complete.extra = reader.unread
            problems += reader.problems
            if reader.problems.isEmpty {
                if indexByIdentifier[nodeIdentifier] != nil {
                    problems.append(
                        ImportProblem(
                            file: fileName, record: record, field: "identifier",
                            message: "«\(nodeIdentifier)» er brukt av en annen node"))
                } else if let other = codes[nodeCode] {
                    problems.append(
                        ImportProblem(
                            file: fileName, record: record, field: "humanCodingScheme",
                            message: "koden «\(nodeCode)» er også brukt av \(other)"))
                } else {
                    indexByIdentifier[nodeIdentifier] = nodes.count
                    codes[nodeCode] = record
                    nodes.append(complete)
                }
            }
            if problems.count >= ImportFailure.maximumReported { break }
        }

        var links: [FrameworkLink] = []
        for (position, item) in associations.enumerated() where problems.count < ImportFailure.maximumReported {
            let record = "CFAssociations[\(position)]"
            guard case .object(let object) = item else {
                problems.append(ImportProblem(file: fileName, record: record, field: nil, message: "skal være et objekt"))
                continue
            }
            var reader = RecordReader(object: object, file: fileName, record: record)
            let linkIdentifier = reader.requiredString("identifier", maxLength: 200)
            let type = reader.requiredString("associationType", maxLength: 100)
            let origin = nodeReference(&reader, "originNodeURI")
            let destination = nodeReference(&reader, "destinationNodeURI")
            var sequence: Int?
            if let number = reader.optionalNumber("sequenceNumber", minimum: -1e9, maximum: 1e9) {
                sequence = Int(number)
            }
            let lastChange = reader.optionalString("lastChangeDateTime", maxLength: 100)
            problems += reader.problems
            guard reader.problems.isEmpty, let origin, let destination else { continue }
            let link = FrameworkLink(
                identifier: linkIdentifier, type: type, origin: origin, destination: destination,
                sequenceNumber: sequence, lastChangeDateTime: lastChange, extra: reader.unread)
            if type == "isChildOf" {
                guard let child = indexByIdentifier[origin.identifier] else {
                    problems.append(
                        ImportProblem(
                            file: fileName, record: record, field: "originNodeURI",
                            message: "noden «\(origin.identifier)» finnes ikke i CFItems"))
                    continue
                }
                guard indexByIdentifier[destination.identifier] != nil else {
                    problems.append(
                        ImportProblem(
                            file: fileName, record: record, field: "destinationNodeURI",
                            message: "foreldrenoden «\(destination.identifier)» finnes ikke i CFItems"))
                    continue
                }
                guard nodes[child].parentIdentifier == nil else {
                    problems.append(
                        ImportProblem(
                            file: fileName, record: record, field: "originNodeURI",
                            message: "noden «\(nodes[child].code)» har allerede en forelder"))
                    continue
                }
                nodes[child].parentIdentifier = destination.identifier
                nodes[child].parentAssociation = link
            } else {
                links.append(link)
            }
        }
        if let cycle = firstCycle(in: nodes) {
            problems.append(
                ImportProblem(
                    file: fileName, record: nil, field: "CFAssociations",
                    message: "isChildOf danner en sløyfe gjennom «\(cycle)»"))
        }
        var extra = package
        extra["CFDocument"] = nil
        extra["CFItems"] = nil
        extra["CFAssociations"] = nil
        var documentExtra = reader.unread
        documentExtra.removeValue(forKey: "extensions")
        guard problems.isEmpty else { throw ImportFailure(Array(problems.prefix(ImportFailure.maximumReported))) }
        if !extra.isEmpty { documentExtra["_package"] = .object(extra) }
        return Framework(
            identifier: identifier, code: code, uri: uri ?? "", title: title, creator: creator ?? "",
            version: version ?? "", language: language ?? "", description: description,
            lastChangeDateTime: lastChange, extensions: extensions, extra: documentExtra, nodes: nodes, links: links)
    }

    private static func nodeReference(_ reader: inout RecordReader, _ key: String) -> NodeReference? {
        guard let object = reader.optionalObject(key) else {
            if reader.object[key] == nil { reader.problem(key, "mangler (påkrevd)") }
            return nil
        }
        var nested = RecordReader(object: object, file: reader.file, record: reader.record)
        let reference = NodeReference(
            title: nested.optionalString("title", maxLength: 5_000) ?? "",
            identifier: nested.requiredString("identifier", maxLength: 200),
            uri: nested.optionalString("uri", maxLength: 2_000) ?? "")
        reader.absorb(nested, prefix: key)
        return nested.problems.isEmpty ? reference : nil
    }

    private static func firstCycle(in nodes: [FrameworkNode]) -> String? {
        let parents = Dictionary(uniqueKeysWithValues: nodes.map { ($0.identifier, $0.parentIdentifier) })
        for node in nodes {
            var seen: Set<String> = [node.identifier]
            var current = parents[node.identifier] ?? nil
            while let id = current {
                if !seen.insert(id).inserted { return node.code }
                current = parents[id] ?? nil
            }
        }
        return nil
    }

    /// The CASE package of a framework.
    public static func encode(_ framework: Framework) -> Data {
        var document = framework.extra
        let packageExtra = document.removeValue(forKey: "_package")?.objectValue ?? [:]
        document["identifier"] = .string(framework.identifier)
        if !framework.uri.isEmpty { document["uri"] = .string(framework.uri) }
        document["title"] = .string(framework.title)
        if !framework.creator.isEmpty { document["creator"] = .string(framework.creator) }
        if !framework.version.isEmpty { document["version"] = .string(framework.version) }
        if !framework.language.isEmpty { document["language"] = .string(framework.language) }
        if let description = framework.description { document["description"] = .string(description) }
        if let lastChange = framework.lastChangeDateTime { document["lastChangeDateTime"] = .string(lastChange) }
        if !framework.extensions.isEmpty { document["extensions"] = .object(framework.extensions) }

        let items: [JSONValue] = framework.nodes.map { node in
            var item = node.extra
            item["identifier"] = .string(node.identifier)
            if !node.uri.isEmpty { item["uri"] = .string(node.uri) }
            item["humanCodingScheme"] = .string(node.code)
            item["fullStatement"] = .string(node.label)
            if let description = node.description { item["notes"] = .string(description) }
            if !node.kind.isEmpty { item["CFItemType"] = .string(node.kind) }
            if !node.language.isEmpty { item["language"] = .string(node.language) }
            if let enumeration = node.listEnumeration { item["listEnumeration"] = .string(enumeration) }
            if let lastChange = node.lastChangeDateTime { item["lastChangeDateTime"] = .string(lastChange) }
            if !node.extensions.isEmpty { item["extensions"] = .object(node.extensions) }
            return .object(item)
        }
        let treeLinks = framework.nodes.compactMap(\.parentAssociation)
        let associations: [JSONValue] = (treeLinks + framework.links).map { link in
            var object = link.extra
            object["identifier"] = .string(link.identifier)
            object["associationType"] = .string(link.type)
            object["originNodeURI"] = reference(link.origin)
            object["destinationNodeURI"] = reference(link.destination)
            if let sequence = link.sequenceNumber { object["sequenceNumber"] = .number(Double(sequence)) }
            if let lastChange = link.lastChangeDateTime { object["lastChangeDateTime"] = .string(lastChange) }
            return .object(object)
        }
        var package = packageExtra
        package["CFDocument"] = .object(document)
        package["CFItems"] = .array(items)
        package["CFAssociations"] = .array(associations)
        return JSONWriter.data(.object(package))
    }

    private static func reference(_ reference: NodeReference) -> JSONValue {
        .object([
            "title": .string(reference.title), "identifier": .string(reference.identifier),
            "uri": .string(reference.uri),
        ])
    }
}
