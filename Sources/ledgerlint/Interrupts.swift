import Dispatch
import Foundation
import LedgerLintCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT (Ctrl-C) and SIGTERM while PowerOffice is read: clean up, say so in one line, and exit 130 or 143.
///
/// Left to the default action, the signal kills the process wherever it is, and `fetch` left its staging folder
/// behind. Here the signals are ignored as signals and taken as dispatch events instead, so that the cleanup a
/// command registers (`SnapshotStaging.discard`) runs on an ordinary thread before the process exits. The cleanup
/// runs alongside the fetch, which may still be writing; `SnapshotStaging` locks against that and refuses anything
/// staged after it. Described in docs/poweroffice-fetch.md ("Interrupts").
enum Interrupts {
    /// Catches SIGINT and SIGTERM from now on. On either, `cleanup` runs, one line goes to stderr
    /// (`ledgerlint: interrupted (SIGINT)`, and what `cleanup` returns), and the process exits.
    static func handle(cleanup: @escaping @Sendable () -> LocalizedText? = { nil }) {
        let sources = signals
            .map { signalNumber, code, what in
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler {
                    let note = cleanup()
                    Console.diagnostic(what + (note.map { LocalizedText(verbatim: "; ") + $0 } ?? LocalizedText(verbatim: "")))
                    exit(code.rawValue)
                }
                source.resume()
                return source
            }
        installed.withLock { $0 = sources }
    }

    /// The signals caught, the exit code for each, and what the line says of it.
    static let signals = [
        (SIGINT, ExitCode.interrupted, LocalizedText(en: "interrupted (SIGINT)", nb: "avbrutt (SIGINT)")),
        (SIGTERM, .terminated, LocalizedText(en: "stopped (SIGTERM)", nb: "stoppet (SIGTERM)")),
    ]

    private static let queue = DispatchQueue(label: "ledgerlint.interrupts")
    /// The sources, kept alive for the rest of the process (a source that is released stops delivering).
    private static let installed = Mutex<[any DispatchSourceSignal]>([])
}

/// A value guarded by a lock.
private final class Mutex<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
