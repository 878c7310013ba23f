import Foundation
import LedgerLintText

/// A value shared between threads, guarded by a lock: the one box for results that concurrent work hands back
/// (rules evaluated side by side, both systems read at once, a file read in pieces) and for state a signal's
/// thread reads.
///
/// `@unchecked Sendable` because the lock, not the type system, keeps the accesses apart: every access goes through
/// `withLock`.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, alone: no other `withLock` on this box runs meanwhile.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
