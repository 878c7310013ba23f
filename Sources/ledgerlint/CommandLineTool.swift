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
                let commands = ["check", "fetch", "rules", "explain", "help", "version"]
                throw UsageError("unknown command '\(command.excerpt)'" + Suggestion.didYouMean(command, in: commands).en)
            }
        } catch let error as UsageError {
            Console.diagnostic("\(error.message)\nRun 'ledgerlint --help' for usage.")
            return .usageOrInput
        } catch let error as HelpRequested {
            Console.output(error.text)
            return .clean
        } catch let error as PowerOfficeError {
            Console.diagnostic(error.localizedDescription)
            return error.isLocal ? .usageOrInput : .powerOffice
        } catch {
            // InputError, RuleError, ConfigurationError, OutputError: the run could not be done as asked.
            Console.diagnostic(error.localizedDescription)
            return .usageOrInput
        }
    }
}

/// `--help` on a command: print its usage to stdout and succeed.
struct HelpRequested: Error {
    var text: String
}

/// A report or baseline that cannot be written as asked.
enum OutputError: LocalizedError {
    case cannotWrite(path: String, reason: String)
    /// `option` (`--output x.csv`) names a file the run reads, `input`.
    case replacesInput(option: String, input: String)
    /// Two outputs resolve to one file.
    case sameFile(first: String, second: String)

    var errorDescription: String? {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write the report: \(reason)"
        case .replacesInput(let option, let input):
            "\(option) would replace \(input), which this run reads; write it somewhere else (nothing was written)"
        case .sameFile(let first, let second):
            "\(first) and \(second) write to the same file, so one would be lost; give each its own path"
        }
    }
}
