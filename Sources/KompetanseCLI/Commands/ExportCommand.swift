import ArgumentParser
import Foundation
import KompetanseServices

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Eksporter tiltak eller rammeverk.",
        subcommands: [ExportMeasuresCommand.self, ExportFrameworkCommand.self, ExportInstrumentCommand.self])
}

/// Writes data to a file or, without one, to standard output.
func write(_ data: Data, to output: String?) throws {
    if let output {
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CLIError.inputMissing("kan ikke skrive \(output): \(error.localizedDescription)")
        }
    } else {
        FileHandle.standardOutput.write(data)
    }
}

struct ExportMeasuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures", abstract: "Eksporter alle tiltak som schema.org Course (json, jsonl) eller CSV.")

    @OptionGroup var options: CommonOptions
    @Option(help: "json (standard), jsonl eller csv. Uten valget avgjør filendelsen til --output.")
    var format: String?
    @Option(name: [.short, .long], help: "Fil å skrive til (standard: standard ut).")
    var output: String?

    func run() async throws {
        try await reportingErrors {
            let chosen: MeasureFileFormat
            if let format {
                guard let parsed = MeasureFileFormat(rawValue: format) else {
                    throw CLIError.usage("ukjent --format «\(format)»; bruk json, jsonl eller csv")
                }
                chosen = parsed
            } else {
                chosen = output.flatMap { MeasureFileFormat(fileName: $0) } ?? .json
            }
            try await options.withServices { services in
                try write(try await services.interchange.exportMeasures(format: chosen, as: .commandLine), to: output)
            }
        }
    }
}

struct ExportFrameworkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framework", abstract: "Eksporter et rammeverk som CASE 1.1 JSON.",
        discussion: "Uten kode listes kodene til rammeverkene som finnes.")

    @OptionGroup var options: CommonOptions
    @Option(name: [.short, .long], help: "Fil å skrive til (standard: standard ut).")
    var output: String?
    @Argument(help: "Rammeverkets kode, f.eks. DI2X.")
    var code: String?

    func run() async throws {
        try await reportingErrors {
            try await options.withServices { services in
                guard let code else {
                    for code in try await services.interchange.frameworkCodes() { print(code) }
                    return
                }
                try write(try await services.interchange.exportFramework(code: code, as: .commandLine), to: output)
            }
        }
    }
}

struct ExportInstrumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instrument", abstract: "Eksporter et kartleggingsinstrument som JSON.",
        discussion: "Uten identifikator listes instrumentene som finnes.")

    @OptionGroup var options: CommonOptions
    @Option(name: [.short, .long], help: "Fil å skrive til (standard: standard ut).")
    var output: String?
    @Option(help: "Versjonen (standard: nyeste).")
    var version: String?
    @Argument(help: "Instrumentets identifikator, f.eks. di2x-kapabiliteter.")
    var identifier: String?

    func run() async throws {
        try await reportingErrors {
            try await options.withServices { services in
                guard let identifier else {
                    for instrument in try await services.assessments.instruments() {
                        print("\(instrument.identifier)\t\(instrument.version)\t\(instrument.title.nb)")
                    }
                    return
                }
                try write(try await services.assessments.exportInstrument(identifier: identifier, version: version), to: output)
            }
        }
    }
}
