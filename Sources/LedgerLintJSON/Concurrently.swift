import Foundation

/// `transform` of each of `0..<count`, in order, worked out on every core at once: the indices in stretches, each
/// stretch on its own thread, the stretches' results then joined in order. Below `threshold` indices, in turn. For a
/// report's tens of thousands of findings, each made into a record of strings (`SarifReporter.run`).
package func concurrentlyMapped<Value: Sendable>(
    _ count: Int, threshold: Int = 4096, _ transform: @Sendable (Int) -> Value
) -> [Value] {
    let ranges = stretches(of: count, threshold: threshold)
    guard ranges.count > 1 else { return (0..<count).map(transform) }
    // Each slot is written by exactly one iteration.
    let parts = Locked([[Value]](repeating: [], count: ranges.count))
    DispatchQueue.concurrentPerform(iterations: ranges.count) { stretch in
        let part = ranges[stretch].map(transform)
        parts.withLock { $0[stretch] = part }
    }
    return parts.withLock { parts in
        var all: [Value] = []
        all.reserveCapacity(count)
        for index in parts.indices {
            all.append(contentsOf: parts[index])
            parts[index] = []
        }
        return all
    }
}

/// `0..<count` cut into a stretch per core (at most 8), each of at least half `threshold`; one stretch, to be
/// worked through in turn, when there are fewer than `threshold` or one core. What `concurrentlyMapped` and
/// `ConcurrentElements` share out.
package func stretches(of count: Int, threshold: Int) -> [Range<Int>] {
    let stretches = min(ProcessInfo.processInfo.activeProcessorCount, 8, count / max(threshold / 2, 1))
    guard count >= threshold, stretches > 1 else { return [0..<count] }
    return (0..<stretches).map { count * $0 / stretches..<count * ($0 + 1) / stretches }
}
