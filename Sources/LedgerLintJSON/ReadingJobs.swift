import Foundation

/// The pieces of one file's reading, which any thread may take: the reader takes them from the front, a helper
/// from the back, and each runs once.
///
/// With two processors, `SnapshotReader.read` reads the Assist export on one and the PowerOffice files on the
/// other; the Assist side is done first, and its thread then takes pieces of `Customers.json` from the back while
/// the PowerOffice thread goes on from the front (`ReadingHelper`). No piece waits for a helper: a reader with
/// none does them all itself.
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

    /// Runs the pieces left, first to last, then waits for those other threads took.
    func runFromFrontAndWait() {
        while let job = take(fromFront: true) {
            job()
            running.leave()
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
    // `offered` is guarded by `lock`.
    private let lock = NSLock()
    private var offered: [ReadingJobs] = []

    package init() {}

    /// Makes `jobs` available to the helping thread, if it comes by.
    package func offer(_ jobs: ReadingJobs) {
        lock.withLock { offered.append(jobs) }
    }

    /// Runs what readers have offered so far, from the back; called by the helping thread once it is free. Pieces
    /// offered later are left to their reader.
    package func help() {
        while let jobs = lock.withLock({ offered.popLast() }) {
            jobs.runFromBack()
        }
    }
}
