import ArgumentParser
import Foundation
import KompetanseServices
import KompetanseStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Ta sikkerhetskopi av den innebygde databasen (kan kjøres mens serve kjører).",
        discussion: "For PostgreSQL: pg_dump \"$KOMPETANSEBRO_DATABASE_URL\" > fil.sql, og psql for å lese den inn igjen.")

    @OptionGroup var options: CommonOptions
    @Option(help: "Fila kopien skrives til (må ikke finnes fra før).")
    var to: String

    func run() async throws {
        try await reportingErrors {
            try await options.withServices { services in
                try await services.store.backup(to: to)
                print("sikkerhetskopi skrevet til \(to)")
            }
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Gjenopprett den innebygde databasen fra en sikkerhetskopi.",
        discussion: "Stopp serve først: databasen i --data erstattes helt av kopien.")

    @OptionGroup var options: CommonOptions
    @Option(help: "Sikkerhetskopien.")
    var from: String

    func run() async throws {
        try await reportingErrors {
            let configuration = try options.configuration()
            guard configuration.databaseURL == nil else {
                throw CLIError.usage("restore gjelder den innebygde databasen; for PostgreSQL brukes psql med en pg_dump-fil")
            }
            do {
                try await StoreBootstrap.restoreSQLite(from: from, into: configuration.dataDirectory)
            } catch let error as StoreError {
                throw CLIError.invalidData(error.description)
            }
            print("databasen i \(configuration.dataDirectory) er gjenopprettet fra \(from)")
        }
    }
}
