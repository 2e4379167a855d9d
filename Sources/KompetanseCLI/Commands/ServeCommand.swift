import ArgumentParser
import Foundation
import Hummingbird
import KompetanseServices
import KompetanseWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Start nettsidene og JSON-API-et.")

    @OptionGroup var options: CommonOptions
    @Option(help: "Porten det lyttes på.")
    var port: Int = 8080
    @Option(help: "Adressen det lyttes på.")
    var host: String = "127.0.0.1"
    @Flag(help: "Last demokatalogen og demodokumentene første gang, når katalogen og dokumentbiblioteket er tomme.")
    var demo = false

    func run() async throws {
        try await reportingErrors {
            guard (0...65_535).contains(port) else { throw CLIError.usage("--port skal være mellom 0 og 65535") }
            try await options.withServices { services in
                if demo {
                    let loaded = try await services.interchange.seedDemoCatalogue()
                    if loaded > 0 { print("lastet \(loaded) demotiltak") }
                    let documents = try await services.documents.seedDemoDocuments()
                    if documents > 0 { print("lastet \(documents) demodokumenter (ett av dem bare for tilgangsgruppen demo-ledergruppe)") }
                }
                if try await services.accounts.people(as: .commandLine).isEmpty {
                    print(
                        "Ingen brukere ennå. Lag den første administratoren (passordet vises én gang):\n"
                            + "  kompetansebro user create --data \(options.data) --admin --email DIN@EPOST --name \"DITT NAVN\"")
                }
                let host = self.host
                let app = try await WebApplication.build(services: services, host: host, port: port) { port in
                    print("Kompetansebro kjører på http://\(host):\(port)/ (\(services.store.engineName))")
                    // Shown at once even when the output goes to a pipe or a log file.
                    fflush(nil)
                }
                try await app.runService()
            }
        }
    }
}
