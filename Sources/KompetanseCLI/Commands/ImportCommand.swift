import ArgumentParser
import Foundation
import KompetanseDomain
import KompetanseServices

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Importer tiltak eller rammeverk.",
        subcommands: [ImportMeasuresCommand.self, ImportFrameworkCommand.self, ImportDocumentsCommand.self, ImportInstrumentCommand.self])
}

struct ImportMeasuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "Importer tiltak fra schema.org Course-filer (.json, .jsonl) eller CSV.",
        discussion: """
            Hver fil lagres helt eller ikke i det hele tatt. Et tiltak med samme identifier som et lagret
            tiltak erstatter det. Ved feil skrives fil, post og felt, og kommandoen avslutter med kode 65.
            """)

    @OptionGroup var options: CommonOptions
    @Option(help: "Filformat når filendelsen ikke sier det: json, jsonl eller csv.")
    var format: String?
    @Argument(help: "Filene som skal importeres.")
    var files: [String]

    func run() async throws {
        try await reportingErrors {
            var fileFormat: MeasureFileFormat?
            if let format {
                guard let parsed = MeasureFileFormat(rawValue: format) else {
                    throw CLIError.usage("ukjent --format «\(format)»; bruk json, jsonl eller csv")
                }
                fileFormat = parsed
            }
            let inputs = try readInputFiles(files)
            try await options.withServices { services in
                let ticker = ProgressTicker()
                await ticker.begin()
                defer { Task { await ticker.end() } }
                let reports = try await services.interchange.importMeasures(inputs, format: fileFormat, as: .commandLine) { step in
                    let message =
                        switch step {
                        case .validating(let file): "kontrollerer \(file)"
                        case .saving(let file, let records): "lagrer \(records) tiltak fra \(file)"
                        }
                    Task { await ticker.update(message) }
                }
                await ticker.end()
                for report in reports {
                    print("\(report.file): \(report.created) nye, \(report.updated) oppdatert")
                    for warning in report.warnings { print("  merk: \(warning)") }
                }
            }
        }
    }
}

struct ImportFrameworkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framework", abstract: "Importer rammeverk fra CASE 1.1 JSON (CFPackage).",
        discussion: "Et rammeverk med samme kode som et lagret rammeverk erstatter det.")

    @OptionGroup var options: CommonOptions
    @Argument(help: "CASE-filene som skal importeres.")
    var files: [String]

    func run() async throws {
        try await reportingErrors {
            let inputs = try readInputFiles(files)
            try await options.withServices { services in
                for report in try await services.interchange.importFrameworks(inputs, as: .commandLine) {
                    print("\(report.file): \(report.created == 1 ? "nytt rammeverk" : "rammeverket er oppdatert")")
                }
            }
        }
    }
}

struct ImportInstrumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instrument", abstract: "Importer kartleggingsinstrumenter (JSON, se ARCHITECTURE.md).",
        discussion: "Samme identifikator og versjon erstatter det lagrede; en ny versjon lagres ved siden av de gamle.")

    @OptionGroup var options: CommonOptions
    @Argument(help: "Instrumentfilene som skal importeres.")
    var files: [String]

    func run() async throws {
        try await reportingErrors {
            let inputs = try readInputFiles(files)
            try await options.withServices { services in
                for input in inputs {
                    let instrument = try await services.assessments.importInstrument(input, as: .commandLine)
                    print("\(input.name): \(instrument.identifier) versjon \(instrument.version), \(instrument.items.count) spørsmål")
                }
            }
        }
    }
}
