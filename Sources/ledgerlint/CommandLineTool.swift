import Foundation
import LedgerLintCore
import LedgerLintText
import LedgerLintJSON
import PowerOfficeGo

/// Dispatches to the commands and turns every error into a message on stderr and an exit code.
enum CommandLineTool {
    static func run(_ arguments: [String], environment: [String: String]) async -> ExitCode {
        // Known before the arguments are parsed, so that a mistake in them is said in the run's language too.
        let language = CommonOptions.language(of: arguments, environment: environment)
        Console.language = language
        guard let command = arguments.first else {
            Console.error(Usage.main[language])
            return .usageOrInput
        }
        let rest = arguments.dropFirst()
        do {
            switch command {
            case "check": return try await CheckCommand(Arguments(rest, command: command), environment: environment).run()
            case "rules": return try RulesCommand(Arguments(rest, command: command), environment: environment).run()
            case "explain": return try ExplainCommand(Arguments(rest, command: command), environment: environment).run()
            case "fetch": return try await FetchCommand(Arguments(rest, command: command), environment: environment).run()
            case "diff": return try await DiffCommand(Arguments(rest, command: command), environment: environment).run()
            case "fix-plan":
                return try await FixPlanCommand(Arguments(rest, command: command), environment: environment).run()
            case "help", "--help", "-h":
                Console.output(Usage.main[language])
                return .clean
            case "--version", "version":
                Console.output("\(Tool.name) \(Tool.versionAndCommit)\n")
                return .clean
            default:
                throw UsageError.unknownCommand(command, known: ["check", "fetch", "fix-plan", "diff", "rules", "explain", "help", "version"])
            }
        } catch let error as UsageError {
            Console.diagnostic(
                error.message(language) + "\n"
                    + LocalizedText(
                        en: "Run 'ledgerlint --help' for usage.", nb: "Kjør 'ledgerlint --help' for å se bruken.")[language])
            return .usageOrInput
        } catch let error as HelpRequested {
            Console.output(error.text[language])
            return .clean
        } catch let error as PowerOfficeError {
            Console.diagnostic(error.message(language))
            return error.isLocal ? .usageOrInput : .powerOffice
        } catch {
            // InputError, RuleError, ConfigurationError, SavedFileError, OutputError, FixPlanError: the run could not be done as asked.
            Console.diagnostic(LocalizedText(describing: error)[language])
            return .usageOrInput
        }
    }
}

/// `--help` on a command: print its usage to stdout and succeed.
struct HelpRequested: Error {
    var text: LocalizedText
}

/// A report or baseline that cannot be written as asked.
enum OutputError: LocalizedMessageError {
    case cannotWrite(path: String, reason: LocalizedText)
    /// `option` (`--output x.csv`) names a file the run reads, `input`.
    case replacesInput(option: String, input: String)
    /// Two outputs resolve to one file.
    case sameFile(first: String, second: String)

    /// One of every case, for the test that every message is in both languages.
    static let samples: [OutputError] = [
        .cannotWrite(path: "out/report.txt", reason: InputFile.systemReason(EACCES)),
        .replacesInput(option: "--output snap/assist/customers.csv", input: "snap/assist/customers.csv"),
        .sameFile(first: "--output x", second: "--report json=x"),
    ]

    var errorDescription: String? { message(.en) }

    func message(_ language: Language) -> String {
        switch self {
        case .cannotWrite(let path, let reason):
            LocalizedText(
                en: "\(path): cannot write the report: \(reason.en)", nb: "\(path): kan ikke skrive rapporten: \(reason.nb)")[
                    language]
        case .replacesInput(let option, let input):
            LocalizedText(
                en: "\(option) would replace \(input), which this run reads; write it somewhere else (nothing was written)",
                nb: "\(option) ville erstatte \(input), som denne kjøringen leser; skriv den et annet sted (ingenting ble "
                    + "skrevet)")[language]
        case .sameFile(let first, let second):
            LocalizedText(
                en: "\(first) and \(second) write to the same file, so one would be lost; give each its own path",
                nb: "\(first) og \(second) skriver til samme fil, så den ene ville gått tapt; gi hver sin egen sti")[language]
        }
    }
}
