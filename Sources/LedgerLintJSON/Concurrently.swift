import Foundation

/// `0..<count` cut into a stretch per core (at most 8), each of at least half `threshold`; one stretch, to be
/// worked through in turn, when there are fewer than `threshold` or one core. What `writeInStretches` shares out.
package func stretches(of count: Int, threshold: Int) -> [Range<Int>] {
    let stretches = min(ProcessInfo.processInfo.activeProcessorCount, 8, count / max(threshold / 2, 1))
    guard count >= threshold, stretches > 1 else { return [0..<count] }
    return (0..<stretches).map { count * $0 / stretches..<count * ($0 + 1) / stretches }
}

/// `write` of `0..<count` a stretch at a time (`stretches(of:threshold:)`), on every core at once: the first stretch
/// into `destination` itself, each other into a writer of its own that `other` makes (given how many stretches there
/// are); returns those others, in order, for the caller to put after `destination`'s. With one stretch, in turn into
/// `destination`, and none are returned. For a report's tens of thousands of findings: `ConcurrentElements` and the
/// reports' `TextDocument.append(concurrently:)`.
///
/// `destination` is moved into a box for the while, leaving `empty` in its place, so that the first stretch's
/// writes find its buffer unshared and copy nothing.
package func writeInStretches<Writer: Sendable>(
    _ count: Int, threshold: Int, into destination: inout Writer, empty: Writer,
    other: @Sendable (_ stretches: Int) -> Writer, write: @Sendable (Range<Int>, inout Writer) -> Void
) -> [Writer] {
    let ranges = stretches(of: count, threshold: threshold)
    guard ranges.count > 1 else {
        write(0..<count, &destination)
        return []
    }
    var moved = empty
    swap(&moved, &destination)
    let first = Locked(consume moved)
    // Each slot is written by exactly one iteration.
    let others = Locked([Writer](repeating: empty, count: ranges.count - 1))
    DispatchQueue.concurrentPerform(iterations: ranges.count) { stretch in
        if stretch == 0 {
            first.withLock { write(ranges[0], &$0) }
        } else {
            var writer = other(ranges.count)
            write(ranges[stretch], &writer)
            others.withLock { [writer] in $0[stretch - 1] = writer }
        }
    }
    destination = first.withLock { box in
        defer { box = empty }
        return box
    }
    return others.withLock { box in
        defer { box = [] }
        return box
    }
}
