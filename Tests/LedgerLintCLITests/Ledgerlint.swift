import Foundation
import Testing
import LedgerLintTestSupport

/// The result of one run of the binary.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

func ledgerlint(
    _ arguments: String..., environment: [String: String] = [:], directory: String? = nil, timeout: Double = 120
) throws -> Run {
    try ledgerlint(arguments, environment: environment, directory: directory, timeout: timeout)
}

/// Runs the `ledgerlint` built beside the tests (`builtProcess`) with a clean environment (plus `environment`), no
/// stdin, and collects its output.
///
/// - Parameter timeout: a run still going after this many seconds is killed and recorded as an issue (status
///   `-1`), so that a test of "does not hang" fails instead of hanging the suite. Generous: not a speed test.
func ledgerlint(
    _ arguments: [String], environment: [String: String] = [:], directory: String? = nil, timeout: Double = 120
) throws -> Run {
    let (process, out, err) = builtProcess("ledgerlint", arguments, environment: environment)
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    // Read both pipes before waiting, so a large report cannot fill a pipe and stall the child.
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM
    if killed { Issue.record("ledgerlint \(arguments.joined(separator: " ")) did not finish within \(timeout) s") }
    return Run(
        status: killed ? -1 : process.terminationStatus,
        stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}

/// Golden files of whole runs, in Fixtures/Golden; `LEDGERLINT_RECORD=1` rewrites them in the source tree.
let goldenFiles = GoldenFiles(besides: #filePath)
