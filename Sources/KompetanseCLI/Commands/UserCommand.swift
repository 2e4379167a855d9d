import ArgumentParser
import Foundation
import KompetanseDomain
import KompetanseServices

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Brukerkontoer: opprett (f.eks. den første administratoren) eller sett nytt passord.",
        subcommands: [
            UserCreateCommand.self, UserPasswordCommand.self, UserTokenCommand.self, UserDisableCommand.self,
            UserEnableCommand.self,
        ])
}

/// Reads a password from standard input (one line) or, when none is piped in, makes a strong one to show once.
func passwordFromStandardInput(_ readsStandardInput: Bool) -> (password: String, generated: Bool) {
    if readsStandardInput, let line = readLine(strippingNewline: true) { return (line, false) }
    return (Secrets.make(byteCount: 15), true)
}

struct UserCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Oppretter en konto. Det finnes aldri et standardpassord: gi passordet på standard inn med --password-stdin, ellers lages et sterkt passord som vises én gang.")

    @OptionGroup var options: CommonOptions
    @Option(help: "E-postadressen (brukes til innlogging).") var email: String
    @Option(help: "Navnet som vises.") var name: String
    @Flag(help: "Gi kontoen administratorrollen.") var admin = false
    @Flag(help: "Gi kontoen redaktørrollen (katalog og rammeverk).") var editor = false
    @Flag(help: "Les passordet fra standard inn (én linje).") var passwordStdin = false

    func run() async throws {
        try await reportingErrors {
            let (password, generated) = passwordFromStandardInput(passwordStdin)
            var roles: Set<SystemRole> = []
            if admin { roles.insert(.administrator) }
            if editor { roles.insert(.editor) }
            try await options.withServices { services in
                let person = try await services.accounts.createPerson(
                    email: email, name: name, password: password, roles: roles, as: .commandLine)
                print("konto opprettet: \(person.email)" + (roles.isEmpty ? "" : " (\(roles.sorted().map(\.rawValue).joined(separator: ", ")))"))
                if generated { print("passord (vises bare nå): \(password)") }
            }
        }
    }
}

struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Setter nytt passord for en konto og logger den ut overalt.")

    @OptionGroup var options: CommonOptions
    @Option(help: "E-postadressen til kontoen.") var email: String
    @Flag(help: "Les passordet fra standard inn (én linje).") var passwordStdin = false

    func run() async throws {
        try await reportingErrors {
            let (password, generated) = passwordFromStandardInput(passwordStdin)
            try await options.withServices { services in
                try await services.accounts.resetPassword(email: email, password: password, as: .commandLine)
                print("passordet er satt for \(Person.normalisedEmail(email))")
                if generated { print("passord (vises bare nå): \(password)") }
            }
        }
    }
}

struct UserTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Lager en API-nøkkel for en konto (for skript og integrasjoner); nøkkelen vises én gang.")

    @OptionGroup var options: CommonOptions
    @Option(help: "E-postadressen til kontoen.") var email: String
    @Option(help: "Navnet på nøkkelen, f.eks. hva den brukes til.") var label: String

    func run() async throws {
        try await reportingErrors {
            try await options.withServices { services in
                guard let person = try await services.store.accounts.person(email: email),
                    let principal = try await services.accounts.principal(personIdentifier: person.identifier)
                else { throw ServiceError.notFound("kontoen \(Person.normalisedEmail(email))") }
                let (secret, _) = try await services.accounts.createToken(label: label, as: principal)
                print(secret)
            }
        }
    }
}

struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Stenger en konto: personen logges ut overalt, API-nøklene trekkes tilbake.")

    @OptionGroup var options: CommonOptions
    @Option(help: "E-postadressen til kontoen.") var email: String

    func run() async throws {
        try await reportingErrors {
            try await options.withServices { services in
                try await setDisabled(email: email, disabled: true, services: services)
                print("kontoen \(Person.normalisedEmail(email)) er stengt")
            }
        }
    }
}

struct UserEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Åpner en stengt konto igjen.")

    @OptionGroup var options: CommonOptions
    @Option(help: "E-postadressen til kontoen.") var email: String

    func run() async throws {
        try await reportingErrors {
            try await options.withServices { services in
                try await setDisabled(email: email, disabled: false, services: services)
                print("kontoen \(Person.normalisedEmail(email)) er åpnet igjen")
            }
        }
    }
}

/// Closes or reopens the account with an e-mail address, as the CLI (whoever holds the data folder).
private func setDisabled(email: String, disabled: Bool, services: AppServices) async throws {
    guard let person = try await services.store.accounts.person(email: email) else {
        throw ServiceError.notFound("kontoen \(Person.normalisedEmail(email))")
    }
    _ = try await services.accounts.setDisabled(personIdentifier: person.identifier, disabled: disabled, as: .commandLine)
}
