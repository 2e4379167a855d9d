import ArgumentParser
import Foundation
import KompetanseServices
import KompetanseStore

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Mappen til den innebygde databasen.")
    var data: String = AppConfiguration.defaultDataDirectory

    @Option(name: .long, help: "Konfigurasjonsfil med KOMPETANSEBRO_…=verdi-linjer (miljøvariabler vinner).")
    var config: String?

    func configuration() throws -> AppConfiguration {
        var text: String?
        if let config {
            guard let data = FileManager.default.contents(atPath: config), let decoded = String(data: data, encoding: .utf8)
            else { throw CLIError.inputMissing("konfigurasjonsfilen \(config) finnes ikke eller kan ikke leses") }
            text = decoded
        }
        do {
            return try AppConfiguration.load(
                dataDirectory: data, configFileText: text, configFileName: config ?? "config",
                environment: ProcessInfo.processInfo.environment)
        } catch let error as AppConfiguration.Invalid {
            throw CLIError.usage(error.description)
        }
    }

    /// Opens the services, runs `body`, and always closes them.
    func withServices<T>(_ body: (AppServices) async throws -> T) async throws -> T {
        let configuration = try configuration()
        let services: AppServices
        do {
            services = try await AppServices.open(configuration)
        } catch let error as StoreError {
            throw CLIError.database(error.description)
        } catch let error as ImportFailure {
            throw CLIError.internalError("de innebygde rammeverkene kunne ikke leses: \(error)")
        } catch {
            throw CLIError.database(String(describing: error))
        }
        do {
            let result = try await body(services)
            try await services.shutdown()
            return result
        } catch {
            try? await services.shutdown()
            throw error
        }
    }
}

/// A failure with a message for the user and an exit code from sysexits(3).
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case invalidData(String)
    case inputMissing(String)
    case database(String)
    case internalError(String)

    var description: String {
        switch self {
        case .usage(let message), .invalidData(let message), .inputMissing(let message), .database(let message),
            .internalError(let message):
            message
        }
    }

    var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .invalidData: 65
        case .inputMissing: 66
        case .database: 69
        case .internalError: 70
        }
    }
}

extension ParsableCommand {
    /// Runs a command body, printing failures to stderr with the documented exit code.
    func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("feil: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        } catch let error as ImportFailure {
            let lines = error.problems.map { "feil: \($0.description)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data((lines + "\nIngenting fra denne fila er lagret.\n").utf8))
            throw ExitCode(65)
        } catch let error as ServiceError {
            FileHandle.standardError.write(Data("feil: \(error.description)\n".utf8))
            throw ExitCode(65)
        } catch let error as ExitCode {
            throw error
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("feil: \(error.description)\n".utf8))
            throw ExitCode(69)
        } catch {
            FileHandle.standardError.write(Data("feil: \(String(describing: error))\n".utf8))
            throw ExitCode(70)
        }
    }
}

/// Reads input files, naming any that is missing.
func readInputFiles(_ paths: [String]) throws -> [InputFile] {
    try paths.map { path in
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else { throw CLIError.inputMissing("\(path) finnes ikke eller er ikke en lesbar fil") }
        return InputFile(name: path, data: data)
    }
}

/// Prints progress on stderr once an operation has run for a second, then every second.
actor ProgressTicker {
    private var message = ""
    private var task: Task<Void, Never>?
    private let start = Date()

    func update(_ message: String) {
        self.message = message
    }

    func begin() {
        task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 1_000_000_000)
                guard !Task.isCancelled, let self else { return }
                await self.printLine()
            }
        }
    }

    private func printLine() {
        let elapsed = Int(Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data("… \(message) (\(elapsed) s)\n".utf8))
    }

    func end() {
        task?.cancel()
    }
}
