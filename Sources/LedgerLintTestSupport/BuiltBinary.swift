import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An executable of this package (`ledgerlint`, `fake-poweroffice`), built next to the test bundle.
public func builtBinary(_ name: String) -> URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var binary = directory.appendingPathComponent(name)
    for _ in 0..<4 where !FileManager.default.isExecutableFile(atPath: binary.path) {
        directory = directory.deletingLastPathComponent()
        binary = directory.appendingPathComponent(name)
    }
    return binary
}

/// A process of `builtBinary(name)` with only `environment` (plus PATH and LANG), its output collected in pipes.
public func builtProcess(_ name: String, _ arguments: [String], environment: [String: String]) -> (Process, Pipe, Pipe) {
    let process = Process()
    process.executableURL = builtBinary(name)
    process.arguments = arguments
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8"].merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    return (process, out, err)
}

/// Runs `builtBinary(name)` to the end and returns its exit status and output (see `RunningBinary.finish`).
public func runBuiltBinary(_ name: String, _ arguments: [String], environment: [String: String], limit: Double = 120)
    async throws -> (status: Int32, stdout: String, stderr: String)
{
    let run = try await RunningBinary(name, arguments, environment: environment).finish(limit: limit)
    return (run.status, run.stdout, run.stderr)
}

/// A built executable started in the background, to be signalled and waited for.
public final class RunningBinary: Sendable {
    private let box: UncheckedBox<(Process, Pipe, Pipe)>
    public let pid: Int32

    public init(_ name: String, _ arguments: [String], environment: [String: String]) throws {
        let (process, out, err) = builtProcess(name, arguments, environment: environment)
        try process.run()
        pid = process.processIdentifier
        box = UncheckedBox((process, out, err))
    }

    /// Sends `signal` to the process, if it is still running (its pid is not yet someone else's).
    public func send(_ signal: Int32) {
        if box.value.0.isRunning { kill(pid, signal) }
    }

    /// Waits for the process to end and returns how it ended and what it wrote. A process still running after
    /// `limit` seconds is killed (a server that should have refused to start would otherwise hang the test); with
    /// SIGKILL, because children of the test runner start with SIGTERM and SIGINT blocked, inherited from the
    /// thread that spawned them.
    ///
    /// The wait is on a thread of its own, not on one of the few threads Swift concurrency runs tests on: blocked
    /// there, it would stall every test that is waiting for a timer meanwhile.
    public func finish(limit: Double = 120) async -> (
        status: Int32, signalled: Bool, stdout: String, stderr: String
    ) {
        let box = box
        let pid = pid
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) { if box.value.0.isRunning { kill(pid, SIGKILL) } }
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let (process, out, err) = box.value
                let stdout = out.fileHandleForReading.readDataToEndOfFile()
                let stderr = err.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(
                    returning: (
                        process.terminationStatus, process.terminationReason == .uncaughtSignal,
                        String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
                    ))
            }
        }
    }
}

/// A value handed to another thread that alone uses it from then on.
public struct UncheckedBox<Value>: @unchecked Sendable {
    public var value: Value
    public init(_ value: Value) { self.value = value }
}
