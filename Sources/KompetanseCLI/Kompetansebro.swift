import ArgumentParser
import Foundation

/// The `kompetansebro` command.
@main
struct Kompetansebro: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kompetansebro",
        abstract: "Kompetansebro: kompetansebehov, tiltak og kunnskapsdokumenter for offentlig sektor.",
        discussion: """
            Alle kommandoer tar --data DIR (standard ./data), mappen til den innebygde databasen.
            KOMPETANSEBRO_DATABASE_URL=postgres://… bruker PostgreSQL i stedet.

            Avslutningskoder:
              0   alt gikk bra
              64  feil bruk av kommandoen (ukjent valg, manglende argument)
              65  ugyldige inndata (en fil som ikke kan importeres; ingenting fra den fila er lagret)
              66  en inndatafil finnes ikke eller kan ikke leses
              69  databasen kan ikke åpnes eller nås
              70  intern feil
            """,
        subcommands: [
            ServeCommand.self, ImportCommand.self, ExportCommand.self, MatchCommand.self, AskCommand.self, MigrateCommand.self,
            BackupCommand.self, RestoreCommand.self, UserCommand.self,
        ]
    )

    /// Moves `--data`/`--config` given before the subcommand to after it, so both
    /// `kompetansebro --data X import …` and `kompetansebro import … --data X` work.
    static func normalise(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments
        while let first = rest.first, first.hasPrefix("--") {
            let name = first.split(separator: "=", maxSplits: 1)[0]
            guard name == "--data" || name == "--config" else { break }
            leading.append(rest.removeFirst())
            if !first.contains("="), !rest.isEmpty { leading.append(rest.removeFirst()) }
        }
        return rest + leading
    }

    static func main() async {
        let arguments = normalise(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
