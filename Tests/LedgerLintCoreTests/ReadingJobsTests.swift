import Foundation
@testable import LedgerLintJSON
import Testing

/// The Assist side's thread helps read `Customers.json` once it is done (`ReadingHelper`): it waits for the
/// PowerOffice reader's pieces once that reader has begun, and must never wait for a reader that has not, which on
/// one processor may run after it on the same thread.
@Suite struct ReadingJobsTests {
    /// Runs `body` on another thread; whether it returned within `seconds`.
    static func returns(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success
    }

    @Test func aHelperBeforeTheReaderBeginsDoesNotWait() {
        let helper = ReadingHelper()
        #expect(Self.returns(within: 10) { helper.help() }, "help() waited for a reader that had not begun")
    }

    @Test func aHelperWaitsForPiecesOfferedLaterAndTakesThemFromTheBack() {
        let helper = ReadingHelper()
        helper.begin()
        let ran = Locked([String]())
        let helping = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            helper.help()
            ran.withLock { $0.append("helper done") }
            helping.signal()
        }
        // Offered after the helper has started waiting.
        Thread.sleep(forTimeInterval: 0.05)
        let jobs = ReadingJobs((0..<6).map { piece in { ran.withLock { $0.append("piece \(piece)") } } })
        helper.offer(jobs)
        jobs.runFromFrontAndWait()
        helper.close()
        #expect(helping.wait(timeout: .now() + 10) == .success, "help() did not return after close()")
        let pieces = ran.withLock { $0 }.filter { $0.hasPrefix("piece") }
        #expect(pieces.sorted() == (0..<6).map { "piece \($0)" }, "each piece runs once")
    }

    @Test func aReaderThatClosesWithoutOfferingReleasesAWaitingHelper() {
        let helper = ReadingHelper()
        helper.begin()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { helper.close() }
        #expect(Self.returns(within: 10) { helper.help() }, "help() still waited after close()")
    }
}
