import Foundation
import LedgerLintCore

// The thin front end: parse arguments, run one command, map its outcome to an exit code.
MallocTuning.returnLargeBlocksToTheSystem()
let code = await CommandLineTool.run(
    Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
exit(code.rawValue)
