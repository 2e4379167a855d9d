import Foundation
import KompetanseDomain
import KompetanseStore

/// One input file: its name (shown in messages and kept as provenance) and its bytes.
public struct InputFile: Sendable {
    /// Name or path as the user gave it.
    public var name: String
    /// Content.
    public var data: Data

    /// Creates an input file.
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// What one imported file changed.
public struct ImportReport: Sendable, Hashable, Codable {
    /// The file.
    public var file: String
    /// Records that were new.
    public var created: Int
    /// Records that replaced one with the same identifier.
    public var updated: Int
    /// Things worth knowing that did not stop the import (e.g. unknown framework codes).
    public var warnings: [String]
}

/// A step of an import, reported so a long import can show progress.
public enum ImportProgress: Sendable {
    /// Reading and validating a file.
    case validating(file: String)
    /// Writing validated records of a file.
    case saving(file: String, records: Int)
}

/// Imports and exports of measures and frameworks (FORMATS §1–2); each file is stored whole or not at all.
public struct InterchangeService: Sendable {
    let store: any Store
    let clock: any Clock
    let audit: AuditLog

    /// Validates and stores measure files. A bad file stores nothing and throws; files before it stay imported.
    public func importMeasures(
        _ files: [InputFile], format: MeasureFileFormat? = nil, as principal: Principal,
        progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> [ImportReport] {
        var reports: [ImportReport] = []
        for file in files {
            progress(.validating(file: file.name))
            var measures = try MeasureFile.decode(file.data, fileName: file.name, format: format)
            let provenance = Provenance(source: file.name, importedAt: clock.timestamp(), importedBy: principal.name)
            for index in measures.indices { measures[index].provenance = provenance }
            let existing = try await store.measures.existingIdentifiers(among: measures.map(\.identifier))
            try await requireMayWrite(measures, existing: existing, as: principal)
            progress(.saving(file: file.name, records: measures.count))
            try await store.measures.upsert(measures)
            try await audit.record(
                "measure.import", by: principal, kind: "file", target: file.name,
                detail: "\(measures.count - existing.count) nye, \(existing.count) oppdatert")
            reports.append(
                ImportReport(
                    file: file.name, created: measures.count - existing.count, updated: existing.count,
                    warnings: try await unknownCodeWarnings(measures)))
        }
        return reports
    }

    /// Editors may write any measure; a provider only its own, and never one another provider owns now.
    func requireMayWrite(_ measures: [Measure], existing: Set<String>, as principal: Principal) async throws {
        guard !principal.can(.editCatalogue) else { return }
        var providers = Set(measures.map(\.provider.identifier))
        for identifier in existing {
            if let stored = try await store.measures.measure(identifier: identifier) {
                providers.insert(stored.provider.identifier)
            }
        }
        for provider in providers.sorted() where !principal.can(.editMeasure(provider: provider)) {
            try principal.require(.editMeasure(provider: provider), "endre tiltak fra tilbyderen «\(provider)»")
        }
    }

    /// Deletes measures; editors any, providers their own. Unknown identifiers are an error and nothing is deleted.
    public func deleteMeasures(_ identifiers: [String], as principal: Principal) async throws -> Int {
        if !principal.can(.editCatalogue), principal.providers.isEmpty { try principal.require(.editCatalogue, "slette tiltak") }
        let existing = try await store.measures.existingIdentifiers(among: identifiers)
        if let missing = identifiers.first(where: { !existing.contains($0) }) {
            throw ServiceError.notFound("tiltaket «\(missing)»")
        }
        try await requireMayWrite([], existing: existing, as: principal)
        let count = try await store.measures.delete(identifiers: identifiers)
        for identifier in identifiers {
            try await audit.record("measure.delete", by: principal, kind: "measure", target: identifier)
        }
        return count
    }

    private func unknownCodeWarnings(_ measures: [Measure]) async throws -> [String] {
        let known = Set(try await store.frameworks.all().flatMap { $0.nodes.map(\.code) })
        var unknown: [String: [String]] = [:]
        for measure in measures {
            for code in measure.teaches.compactMap(\.code) where !known.contains(code) {
                unknown[code, default: []].append(measure.identifier)
            }
        }
        return unknown.keys.sorted().map { code in
            let users = unknown[code]!
            return "ukjent rammeverkskode «\(code)» i \(users.prefix(3).joined(separator: ", "))"
                + (users.count > 3 ? " og \(users.count - 3) til" : "")
        }
    }

    /// Validates and stores CASE framework files; a framework with the same code is replaced.
    public func importFrameworks(_ files: [InputFile], as principal: Principal) async throws -> [ImportReport] {
        try principal.require(.editCatalogue, "importere rammeverk")
        var reports: [ImportReport] = []
        for file in files {
            let framework = try CASEPackage.decode(file.data, fileName: file.name)
            let existed = try await store.frameworks.framework(code: framework.code) != nil
            try await store.frameworks.save([framework])
            try await audit.record("framework.import", by: principal, kind: "framework", target: framework.code, detail: file.name)
            reports.append(
                ImportReport(file: file.name, created: existed ? 0 : 1, updated: existed ? 1 : 0, warnings: []))
        }
        return reports
    }

    /// Every measure in a format.
    public func exportMeasures(format: MeasureFileFormat, as principal: Principal) async throws -> Data {
        MeasureFile.encode(try await store.measures.all(), format: format)
    }

    /// One framework as a CASE package.
    public func exportFramework(code: String, as principal: Principal) async throws -> Data {
        guard let framework = try await store.frameworks.framework(code: code) else {
            throw ServiceError.notFound("rammeverket «\(code)»")
        }
        return CASEPackage.encode(framework)
    }

    /// The codes of every framework, for exporting all.
    public func frameworkCodes() async throws -> [String] {
        try await store.frameworks.summaries().map(\.code)
    }

    /// Loads the frameworks shipped with the product when the store has none.
    public func seedShippedFrameworks() async throws {
        guard try await store.frameworks.summaries().isEmpty else { return }
        let frameworks = try ShippedData.frameworkFiles().map { file in
            try CASEPackage.decode(file.data, fileName: file.name)
        }
        try await store.frameworks.save(frameworks)
    }

    /// Settings key recording that demo data was loaded once, so deleted demo measures do not come back.
    static let demoSeededKey = "demo.catalogue.seeded"

    /// Loads the demo catalogue the first time it is asked for, when the catalogue is empty.
    /// - Returns: the number of demo measures loaded (0 when nothing was done).
    @discardableResult
    public func seedDemoCatalogue() async throws -> Int {
        guard try await store.settings.value(for: Self.demoSeededKey) == nil else { return 0 }
        var loaded = 0
        if try await store.measures.count() == 0 {
            let reports = try await importMeasures([try ShippedData.demoCatalogue()], as: .demoSeeder)
            loaded = reports.reduce(0) { $0 + $1.created }
        }
        try await store.settings.setValue(clock.timestamp(), for: Self.demoSeededKey)
        return loaded
    }
}

/// Data files shipped inside the product: the frameworks and the demo catalogue.
public enum ShippedData {
    static func resourceURL(_ folder: String) throws -> URL {
        // Foundation on Linux reports the bundle's own "Resources" folder as its resource URL, on macOS the
        // bundle root; the copied folder is also named "Resources", so look in both places.
        let candidates = [
            Bundle.module.bundleURL.appendingPathComponent("Resources"), Bundle.module.resourceURL,
            Bundle.module.resourceURL?.appendingPathComponent("Resources"),
        ].compactMap { $0 }
        guard let base = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent(folder).path) })
        else { throw ServiceError.notFound("ressursmappen \(folder) til kompetansebro") }
        return base.appendingPathComponent(folder)
    }

    /// The shipped CASE framework files, by file name.
    public static func frameworkFiles() throws -> [InputFile] {
        let folder = try resourceURL("Frameworks")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".case.json") }.sorted()
        return try names.map { InputFile(name: $0, data: try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    /// The shipped assessment instruments, by file name.
    public static func instrumentFiles() throws -> [InputFile] {
        let folder = try resourceURL("Instruments")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".instrument.json") }.sorted()
        return try names.map { InputFile(name: $0, data: try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    /// The domain synonym groups of the concept layer.
    public static func synonyms() throws -> [SynonymGroup] {
        let url = try resourceURL("Concepts").appendingPathComponent("synonyms.json")
        return try JSONDecoder().decode([SynonymGroup].self, from: Data(contentsOf: url))
    }

    /// The shipped demo catalogue.
    /// The folder of the demo documents (with its manifest).
    public static func demoDocumentsFolder() throws -> String {
        try resourceURL("Demo").appendingPathComponent("documents").path
    }

    public static func demoCatalogue() throws -> InputFile {
        let url = try resourceURL("Demo").appendingPathComponent("demo-catalogue.json")
        return InputFile(name: "demo-catalogue.json", data: try Data(contentsOf: url))
    }
}
