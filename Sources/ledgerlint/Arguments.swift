import LedgerLintCore
import LedgerLintText

/// A small command-line parser: options with values (`--format json`, `--format=json`), flags, and positionals.
///
/// Each command declares what it takes; anything else is a usage error that names the argument and lists what the
/// command takes (which is also how a test finds every option a command accepts, to check its `--help`).
struct Arguments {
    private var remaining: [String]
    /// The command the arguments are for (`check`), for messages.
    private let command: String
    /// The options the command asked for, in the order it asked, for a "did you mean" on one it does not take.
    private var known: [String] = []

    init(_ arguments: some Sequence<String>, command: String) {
        remaining = Array(arguments)
        self.command = command
    }

    private mutating func asked(_ name: String) {
        if !known.contains(name) { known.append(name) }
    }

    /// Removes and returns every value of `--name VALUE` / `--name=VALUE` (repeatable options).
    mutating func values(_ name: String) throws(UsageError) -> [String] {
        asked(name)
        var found: [String] = []
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            if argument == "--" { break }
            if argument == name {
                guard index + 1 < remaining.count, !remaining[index + 1].hasPrefix("--") || remaining[index + 1] == "-" else {
                    throw .needsValue(option: name)
                }
                found.append(remaining[index + 1])
                remaining.removeSubrange(index...index + 1)
            } else if argument.hasPrefix(name + "=") {
                found.append(String(argument.dropFirst(name.count + 1)))
                remaining.remove(at: index)
            } else {
                index += 1
            }
        }
        return found
    }

    /// Removes and returns the value of a single-valued option, if given.
    mutating func value(_ name: String) throws(UsageError) -> String? {
        let found = try values(name)
        guard found.count <= 1 else { throw .givenMoreThanOnce(option: name, count: found.count) }
        return found.first
    }

    /// Removes and returns the value of an option whose values are the cases of `T`.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(UsageError) -> T?
    where T.RawValue == String {
        guard let raw = try value(name) else { return nil }
        guard let parsed = T(rawValue: raw) else {
            throw .notOneOf(option: name, value: raw, allowed: T.allCases.map(\.rawValue))
        }
        return parsed
    }

    /// Removes and returns a whole number option's value, if given.
    mutating func integer(_ name: String) throws(UsageError) -> Int? {
        guard let text = try value(name) else { return nil }
        guard let number = Int(text) else { throw .notANumber(option: name, value: text) }
        return number
    }

    /// Removes a flag; true when it was given.
    mutating func flag(_ name: String) -> Bool {
        asked(name)
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Throws `HelpRequested`, for the command's `usage`, when `--help` or `-h` is given.
    mutating func help(_ usage: LocalizedText) throws(HelpRequested) {
        if flag("--help") || flag("-h") { throw HelpRequested(text: usage) }
    }

    /// The positional arguments left after options were taken; any option left over is an error.
    /// The one snapshot folder a command takes (`check`, `fix-plan`), after every option has been read.
    mutating func snapshot() throws(UsageError) -> String {
        let positionals = try positionals()
        guard positionals.count == 1, let snapshot = positionals.first else {
            throw positionals.isEmpty
                ? .snapshotMissing(command: command) : .oneSnapshotOnly(command: command, given: positionals)
        }
        return snapshot
    }

    mutating func positionals() throws(UsageError) -> [String] {
        var result: [String] = []
        var afterSeparator = false
        for argument in remaining {
            if afterSeparator {
                result.append(argument)
            } else if argument == "--" {
                afterSeparator = true
            } else if argument.hasPrefix("-") && argument != "-" {
                throw .unknownOption(argument, command: command, known: known)
            } else {
                result.append(argument)
            }
        }
        remaining = []
        return result
    }
}

/// A command line that cannot be run as written; said in the language of the run, with
/// `Run 'ledgerlint --help' for usage.` after it.
enum UsageError: LocalizedMessageError {
    case unknownCommand(String, known: [String])
    /// `known`: every option `command` takes, in the order it reads them.
    case unknownOption(String, command: String, known: [String])
    case needsValue(option: String)
    case givenMoreThanOnce(option: String, count: Int)
    case notOneOf(option: String, value: String, allowed: [String])
    case notANumber(option: String, value: String)
    case notSeconds(option: String, value: String)
    /// `--report` without `FORMAT=PATH`.
    case notAReport(String, formats: [String])
    /// `command` (`check`, `fix-plan`) given no snapshot folder.
    case snapshotMissing(command: String)
    case oneSnapshotOnly(command: String, given: [String])
    case baselineAndWriteBaseline
    case outMissing
    /// `fix-plan` without `--out DIR`.
    case planFolderMissing
    /// `--series` that is not `FROM-TO`, two whole numbers with FROM at most TO.
    case notASeries(value: String)
    /// `diff` given other than two runs to compare.
    case twoRunsNeeded(given: [String])
    case noArgumentsTaken(command: String, given: [String])
    case oneRuleOnly
    /// An option of `check --live` (`--environment`, `--timeout`, …) given to `check` without `--live`.
    case onlyWithLive(option: String)
    /// `fetch --only NAME` without `--clients FILE`.
    case onlyWithClients
    /// `--key ""`: an empty key would select nothing and explain nothing.
    case keyEmpty
    /// `LEDGERLINT_NOW` that is no ISO 8601 time.
    case badNow(value: String)
    /// `--key` on a folder of clients: a support desk looks at one client.
    case keyNeedsOneClient(folder: String)
    /// `--live` on a folder of clients without `--clients FILE`, which names each client's key.
    case liveNeedsClientsFile
    /// `fix-plan` on a folder of clients: a plan is made for one client's data.
    case planNeedsOneClient(folder: String)
    /// `--clients FILE` with a snapshot folder, not a folder of clients' folders.
    case clientsOnASnapshot(folder: String)

    /// One of every case, for the test that every message is in both languages.
    static let samples: [UsageError] = [
        .unknownCommand("chek", known: ["check", "fetch"]), .unknownOption("--verbos", command: "check", known: ["--verbose"]),
        .needsValue(option: "--output"), .givenMoreThanOnce(option: "--output", count: 2),
        .notOneOf(option: "--format", value: "pdf", allowed: ["text", "json"]), .notANumber(option: "--page-size", value: "x"),
        .notSeconds(option: "--timeout", value: "x"), .notAReport("json", formats: ["text", "json"]), .snapshotMissing(command: "check"),
        .oneSnapshotOnly(command: "check", given: ["a", "b"]), .baselineAndWriteBaseline, .outMissing, .planFolderMissing,
        .notASeries(value: "50000"), .twoRunsNeeded(given: ["old.json"]),
        .noArgumentsTaken(command: "rules", given: ["x"]), .oneRuleOnly, .onlyWithLive(option: "--environment"), .onlyWithClients, .keyEmpty, .badNow(value: "yesterday"),
        .keyNeedsOneClient(folder: "clients"), .liveNeedsClientsFile, .clientsOnASnapshot(folder: "examples/demo"),
        .planNeedsOneClient(folder: "clients"),
    ]

    var errorDescription: String? { message(.en) }

    func message(_ language: Language) -> String {
        switch self {
        case .unknownCommand(let command, let known):
            return (LocalizedText(
                en: "unknown command '\(command.excerpt)'", nb: "ukjent kommando '\(command.excerpt)'")
                + Suggestion.didYouMean(command, in: known))[language]
        case .unknownOption(let argument, let command, let known):
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            let list = known.joined(separator: ", ")
            return (LocalizedText(
                en: "unknown option '\(argument.excerpt)'", nb: "ukjent valg '\(argument.excerpt)'")
                + Suggestion.didYouMean(name, in: known)
                + LocalizedText(en: " (\(command) takes \(list))", nb: " (\(command) tar \(list))"))[language]
        case .needsValue(let option):
            return LocalizedText(en: "\(option) needs a value", nb: "\(option) må ha en verdi")[language]
        case .givenMoreThanOnce(let option, let count):
            return LocalizedText(en: "\(option) is given \(count) times", nb: "\(option) er gitt \(count) ganger")[language]
        case .notOneOf(let option, let value, let allowed):
            let list = allowed.joined(separator: ", ")
            return (LocalizedText(
                en: "\(option) '\(value.excerpt)' is not one of: \(list)",
                nb: "\(option) '\(value.excerpt)' er ikke blant de tillatte verdiene: \(list)")
                + Suggestion.didYouMean(value, in: allowed))[language]
        case .notANumber(let option, let value):
            return LocalizedText(
                en: "\(option) '\(value.excerpt)' is not a number", nb: "\(option) '\(value.excerpt)' er ikke et tall")[language]
        case .notSeconds(let option, let value):
            return LocalizedText(
                en: "\(option) '\(value.excerpt)' is not a number of seconds",
                nb: "\(option) '\(value.excerpt)' er ikke et antall sekunder")[language]
        case .notAReport(let spec, let formats):
            let list = formats.joined(separator: ", ")
            return LocalizedText(
                en: "--report '\(spec.excerpt)' is not FORMAT=PATH (formats: \(list))",
                nb: "--report '\(spec.excerpt)' er ikke FORMAT=STI (formater: \(list))")[language]
        case .snapshotMissing(let command):
            return LocalizedText(
                en: "\(command) needs a snapshot folder, for example: ledgerlint \(command) examples/demo",
                nb: "\(command) trenger en uttrekksmappe, for eksempel: ledgerlint \(command) examples/demo")[language]
        case .oneSnapshotOnly(let command, let given):
            let list = given.joined(separator: " ")
            return LocalizedText(
                en: "\(command) takes one snapshot folder, got \(given.count): \(list)",
                nb: "\(command) tar én uttrekksmappe, men fikk \(given.count): \(list)")[language]
        case .planFolderMissing:
            return LocalizedText(
                en: "fix-plan needs --out DIR, a new or empty folder for the plan, for example: "
                    + "ledgerlint fix-plan examples/demo --out plan",
                nb: "fix-plan trenger --out MAPPE, en ny eller tom mappe for planen, for eksempel: "
                    + "ledgerlint fix-plan examples/demo --out plan")[language]
        case .twoRunsNeeded(let given):
            let list = given.isEmpty ? "" : LocalizedText(en: ", got \(given.count): ", nb: ", men fikk \(given.count): ")[language]
                + given.joined(separator: " ")
            return LocalizedText(
                en: "diff compares two runs, OLD and NEW (JSON reports of check, or snapshot folders)\(list)",
                nb: "diff sammenligner to kjøringer, GAMMEL og NY (JSON-rapporter fra check, eller uttrekksmapper)\(list)")[
                    language]
        case .notASeries(let value):
            return LocalizedText(
                en: "--series '\(value.excerpt)' is not FROM-TO, two whole numbers with FROM at most TO "
                    + "(for example 50000-59999)",
                nb: "--series '\(value.excerpt)' er ikke FRA-TIL, to heltall der FRA er høyst TIL "
                    + "(for eksempel 50000-59999)")[language]
        case .baselineAndWriteBaseline:
            return LocalizedText(
                en: "--baseline and --write-baseline do not go together: write the baseline first, then compare",
                nb: "--baseline og --write-baseline kan ikke brukes sammen: skriv baselinen først, og sammenlign etterpå"
            )[language]
        case .outMissing:
            return LocalizedText(
                en: "fetch needs --out DIR, the snapshot folder to write, for example: ledgerlint fetch --out snapshot",
                nb: "fetch trenger --out MAPPE, uttrekksmappen som skal skrives, for eksempel: "
                    + "ledgerlint fetch --out uttrekk")[language]
        case .noArgumentsTaken(let command, let given):
            let list = given.joined(separator: " ")
            return LocalizedText(
                en: "\(command) takes no arguments, got '\(list)'", nb: "\(command) tar ingen argumenter, men fikk '\(list)'")[
                    language]
        case .oneRuleOnly:
            return LocalizedText(
                en: "explain takes one rule id, for example: ledgerlint explain customer-number-range",
                nb: "explain tar én regel-id, for eksempel: ledgerlint explain customer-number-range")[language]
        case .onlyWithLive(let option):
            return LocalizedText(
                en: "\(option) goes with --live (read PowerOffice Go now): add --live, or leave \(option) out to check "
                    + "the snapshot's poweroffice/ as it is",
                nb: "\(option) hører til --live (les PowerOffice Go nå): legg til --live, eller ta bort \(option) for å "
                    + "kontrollere poweroffice/ i uttrekket slik det er")[language]
        case .onlyWithClients:
            return LocalizedText(
                en: "--only goes with --clients FILE (it picks clients of a clients file): add --clients, or leave "
                    + "--only out to fetch the one client of POWEROFFICE_CLIENT_KEY",
                nb: "--only hører til --clients FIL (det velger klienter fra en klientfil): legg til --clients, eller ta "
                    + "bort --only for å hente den ene klienten til POWEROFFICE_CLIENT_KEY")[language]
        case .keyEmpty:
            return LocalizedText(
                en: "--key needs a value: a customer number, a name, a product code or group, e.g. --key 10004",
                nb: "--key må ha en verdi: et kundenummer, et navn, en produktkode eller -gruppe, f.eks. --key 10004"
            )[language]
        case .badNow(let value):
            return LocalizedText(
                en: "LEDGERLINT_NOW '\(value.excerpt)' is not an ISO 8601 time such as 2026-12-01T09:30:00Z",
                nb: "LEDGERLINT_NOW '\(value.excerpt)' er ikke et ISO 8601-tidspunkt som 2026-12-01T09:30:00Z")[language]
        case .keyNeedsOneClient(let folder):
            return LocalizedText(
                en: "--key explains one client's findings, and \(folder) holds many clients: name the client's folder, "
                    + "for example: ledgerlint check \(folder)/<client> --key 10004",
                nb: "--key forklarer funnene til én klient, og \(folder) har mange klienter: oppgi klientens mappe, "
                    + "for eksempel: ledgerlint check \(folder)/<klient> --key 10004")[language]
        case .planNeedsOneClient(let folder):
            return LocalizedText(
                en: "fix-plan plans the fixes of one client, and \(folder) holds many clients: name the client's folder, "
                    + "for example: ledgerlint fix-plan \(folder)/<client> --out plan",
                nb: "fix-plan lager retteplanen for én klient, og \(folder) har mange klienter: oppgi klientens mappe, "
                    + "for eksempel: ledgerlint fix-plan \(folder)/<klient> --out plan")[language]
        case .clientsOnASnapshot(let folder):
            return LocalizedText(
                en: "--clients names the client folders of a bureau folder, and \(folder) is one snapshot: name the "
                    + "folder that holds the clients' folders, or leave --clients out",
                nb: "--clients oppgir klientmappene i en byråmappe, og \(folder) er ett uttrekk: oppgi mappen som har "
                    + "klientenes mapper, eller ta bort --clients")[language]
        case .liveNeedsClientsFile:
            return LocalizedText(
                en: "--live on a folder of clients needs --clients FILE, which names each client's key",
                nb: "--live på en mappe med klienter trenger --clients FIL, som oppgir nøkkelen til hver klient")[language]
        }
    }
}
