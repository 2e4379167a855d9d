import ArgumentParser
import KompetanseServices

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Oppretter eller oppdaterer databaseskjemaet og laster de innebygde rammeverkene.")

    @OptionGroup var options: CommonOptions

    func run() async throws {
        try await reportingErrors {
            try await options.withServices { services in
                print("databasen er oppdatert (\(services.store.engineName))")
            }
        }
    }
}
