import Foundation

/// The pieces of one file's reading, which any thread may take: the reader takes them from the front, a helper
/// from the back, and each runs once.
///
/// With two processors, `SnapshotReader.read` reads the Assist export on one and the PowerOffice files on the
/// other; the Assist side is done first, and its thread then takes pieces of `Customers.json` from the back while
/// the PowerOffice thread goes on from the front (`ReadingHelper`). No piece waits for a helper: a reader with
/// none does them all itself. The reader also runs `between` after each piece it runs, which joins the pieces
/// done so far while the helper is still reading.
package final class ReadingJobs: @unchecked Sendable {
    // `jobs`, `front` and `back` are guarded by `lock`; a job runs outside it.
    private let lock = NSLock()
    private var jobs: [(() -> Void)?]
    private var front = 0
    private var back: Int
    private let running = DispatchGroup()

    package init(_ jobs: [() -> Void]) {
        self.jobs = jobs
        back = jobs.count
    }

    /// Runs the pieces left, first to last, and `between` after each, then waits for those other threads took.
    func runFromFrontAndWait(between: () -> Void = {}) {
        while let job = take(fromFront: true) {
            job()
            running.leave()
            between()
        }
        running.wait()
    }

    /// Runs the pieces left, last to first; returns when none is left.
    func runFromBack() {
        while let job = take(fromFront: false) {
            job()
            running.leave()
        }
    }

    private func take(fromFront: Bool) -> (() -> Void)? {
        lock.withLock {
            guard front < back else { return nil }
            let position = fromFront ? front : back - 1
            if fromFront { front += 1 } else { back -= 1 }
            running.enter()
            // Let go of the closure (and what it holds) once taken.
            defer { jobs[position] = nil }
            return jobs[position]
        }
    }
}

/// A thread that has finished its own reading and takes pieces of another reader's (`ReadingJobs`).
package final class ReadingHelper: @unchecked Sendable {
    // `offered`, `started` and `closed` are guarded by `condition`.
    private let condition = NSCondition()
    private var offered: [ReadingJobs] = []
    private var started = false
    private var closed = false

    package init() {}

    /// Says that the reader is reading, on a thread of its own: from now on `help()` waits for its offers until it
    /// closes. A helper that comes before the reader has begun does not wait: on one processor the two sides may
    /// run one after the other on one thread, and a helper waiting for a reader that runs after it would wait
    /// forever.
    package func begin() {
        condition.withLock { started = true }
    }

    /// Makes `jobs` available to the helping thread.
    package func offer(_ jobs: ReadingJobs) {
        condition.withLock {
            offered.append(jobs)
            condition.signal()
        }
    }

    /// Runs the reader's `body` between `begin()` and `close()`, which a thrown error does not skip.
    package func reading<Value>(_ body: () throws -> Value) rethrows -> Value {
        begin()
        defer { close() }
        return try body()
    }

    /// Says that the reader offers nothing more: `help()` returns once what was offered is taken.
    package func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// Runs what the reader offers, from the back, until it closes; called by the helping thread once it is free,
    /// which waits for an offer (once the reader has begun) rather than leave a file offered a moment later to the
    /// reader alone.
    package func help() {
        while true {
            let jobs = condition.withLock { () -> ReadingJobs? in
                while offered.isEmpty && started && !closed { condition.wait() }
                return offered.popLast()
            }
            guard let jobs else { return }
            jobs.runFromBack()
        }
    }
}
