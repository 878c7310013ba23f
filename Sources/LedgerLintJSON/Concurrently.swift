import Foundation

/// `0..<count` cut into a stretch per core (at most 8), each of at least half `threshold`; one stretch, to be
/// worked through in turn, when there are fewer than `threshold` or one core. What `ConcurrentElements` and the
/// reports' `TextDocument.append(concurrently:)` share out.
package func stretches(of count: Int, threshold: Int) -> [Range<Int>] {
    let stretches = min(ProcessInfo.processInfo.activeProcessorCount, 8, count / max(threshold / 2, 1))
    guard count >= threshold, stretches > 1 else { return [0..<count] }
    return (0..<stretches).map { count * $0 / stretches..<count * ($0 + 1) / stretches }
}
