import Foundation
import LedgerLintCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import LedgerLintText
import LedgerLintJSON

/// SIGINT (Ctrl-C) and SIGTERM while PowerOffice is read: clean up, say so in one line, and exit 130 or 143.
///
/// Left to the default action, the signal kills the process wherever it is, and `fetch` left its staging folder
/// behind. Here a C handler catches the signal and writes its number to a pipe, and a thread of its own reads the
/// pipe, so that the cleanup a command registers (`SnapshotStaging.discard`) runs on an ordinary thread before the
/// process exits. Neither depends on libdispatch's threads: with the dispatch signal source used before, the signal
/// was ignored as a signal and left to a source that libdispatch registers and serves on its own threads, and on a
/// loaded machine a signal now and then went unanswered until the stalled request timed out. The handler is in
/// place when `handle` returns, and the pipe's thread waits for nothing else. The cleanup runs alongside the fetch,
/// which may still be writing; `SnapshotStaging` locks against that and refuses anything staged after it. Described in
/// docs/poweroffice-fetch.md ("Interrupts").
enum Interrupts {
    /// Catches SIGINT and SIGTERM from now on. On either, `cleanup` runs, one line goes to stderr
    /// (`ledgerlint: interrupted (SIGINT)`, and what `cleanup` returns), and the process exits. A later call
    /// replaces the cleanup.
    static func handle(cleanup: @escaping @Sendable () -> LocalizedText? = { nil }) {
        state.withLock { state in
            state.cleanup = cleanup
            guard !state.listening else { return }
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { return }
            signalPipe = ends[1]
            state.listening = true
            let reader = ends[0]
            let thread = Thread {
                var byte: UInt8 = 0
                while read(reader, &byte, 1) != 1 {}
                stop(signal: Int32(byte))
            }
            thread.start()
            for (signalNumber, _, _) in signals { signal(signalNumber, writeToPipe) }
        }
    }

    /// The signals caught, the exit code for each, and what the line says of it.
    static let signals = [
        (SIGINT, ExitCode.interrupted, LocalizedText(en: "interrupted (SIGINT)", nb: "avbrutt (SIGINT)")),
        (SIGTERM, .terminated, LocalizedText(en: "stopped (SIGTERM)", nb: "stoppet (SIGTERM)")),
    ]

    /// Runs on the pipe's thread: the cleanup, the line, the exit.
    private static func stop(signal signalNumber: Int32) -> Never {
        let cleanup = state.withLock { $0.cleanup }
        let note = cleanup()
        let (code, what) = signals.first { $0.0 == signalNumber }.map { ($0.1, $0.2) }
            ?? (.interrupted, signals[0].2)
        Console.diagnostic(what + (note.map { LocalizedText(verbatim: "; ") + $0 } ?? LocalizedText(verbatim: "")))
        exit(code.rawValue)
    }

    private struct State {
        var cleanup: @Sendable () -> LocalizedText? = { nil }
        var listening = false
    }

    private static let state = Locked(State())
}

/// The pipe's write end, for the signal handler: a C function cannot capture, so it reads a global. Set once,
/// before any handler is installed.
nonisolated(unsafe) private var signalPipe: Int32 = -1

/// The signal handler: only `write`, which is async-signal-safe. The signal number fits in a byte.
private func writeToPipe(_ signalNumber: Int32) {
    var byte = UInt8(truncatingIfNeeded: signalNumber)
    _ = write(signalPipe, &byte, 1)
}
