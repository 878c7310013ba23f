import Foundation
import Testing

@testable import LedgerLintJSON

/// How `writeInStretches` shares out a report's findings: every index once, in order, in stretches of at least half
/// the threshold, several per core so that a slowed core holds up less of the end.
@Suite struct StretchesTests {
    static let threshold = 4096
    static let cores = ProcessInfo.processInfo.activeProcessorCount

    @Test(arguments: [0, 1, 2047, 4095, 4096, 8191, 10_000, 81_015, 1_000_000])
    func stretchesCoverEveryIndexOnceInOrder(count: Int) {
        let ranges = stretches(of: count, threshold: Self.threshold)
        #expect(ranges.first?.lowerBound == 0)
        #expect(ranges.last?.upperBound == count)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        if count < Self.threshold || Self.cores == 1 {
            #expect(ranges.count == 1)
        } else {
            #expect(ranges.count > 1)
            #expect(ranges.count <= min(Self.cores * 4, 32))
            #expect(ranges.allSatisfy { $0.count >= Self.threshold / 2 })
        }
    }

    @Test(.enabled(if: cores > 1, "on one core everything is one stretch"))
    func aLargeCountHasFourStretchesPerCore() {
        #expect(stretches(of: 1_000_000, threshold: Self.threshold).count == min(Self.cores * 4, 32))
    }
}
