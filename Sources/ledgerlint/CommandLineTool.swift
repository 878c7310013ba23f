import Foundation
import LedgerLintCore

/// Dispatches to the commands and turns every error into a message on stderr and an exit code.
enum CommandLineTool {
    static func run(_ arguments: [String], environment: [String: String]) async -> ExitCode {
        guard let command = arguments.first else {
            Console.error(Usage.main)
            return .usageOrInput
        }
        let rest = arguments.dropFirst()
        do {
            switch command {
            case "check": return try await CheckCommand(Arguments(rest), environment: environment).run()
            case "rules": return try RulesCommand(Arguments(rest), environment: environment).run()
            case "explain": return try ExplainCommand(Arguments(rest), environment: environment).run()
            case "fetch": return try await FetchCommand(Arguments(rest), environment: environment).run()
            case "help", "--help", "-h":
                Console.output(Usage.main)
                return .clean
            case "--version", "version":
                Console.output("\(Tool.name) \(Tool.version)\n")
                return .clean
            default:
                throw UsageError("unknown command '\(command)'")
            }
        } catch let error as UsageError {
            Console.error("ledgerlint: \(error.message)\nRun 'ledgerlint --help' for usage.\n")
            return .usageOrInput
        } catch let error as HelpRequested {
            Console.output(error.text)
            return .clean
        } catch let error as PowerOfficeError {
            Console.error("ledgerlint: \(error.localizedDescription)\n")
            return error.isLocal ? .usageOrInput : .powerOffice
        } catch {
            // InputError, RuleError, ConfigurationError, OutputError: the run could not be done as asked.
            Console.error("ledgerlint: \(error.localizedDescription)\n")
            return .usageOrInput
        }
    }
}

/// `--help` on a command: print its usage to stdout and succeed.
struct HelpRequested: Error {
    var text: String
}

/// The report could not be written where `--output` said.
enum OutputError: LocalizedError {
    case cannotWrite(path: String, reason: String)

    var errorDescription: String? {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write the report: \(reason)"
        }
    }
}

