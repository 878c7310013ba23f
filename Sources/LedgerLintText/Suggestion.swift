/// "Did you mean …?" for a name that is not one of a known set: a misspelt rule id, key or option value.
///
/// The candidates closest by edit distance (insertions, deletions, substitutions and swaps of neighbours, ignoring
/// letter case) are offered, when they are close enough to be a slip of the keyboard rather than another word:
/// at most a third of the name's length, and at least one edit. Names that contain the other (`range` for
/// `customer-number-range`) count as close too.
public enum Suggestion {
    /// The closest candidates to `name`, best first; empty when none is close.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> [String] {
        let lowered = name.lowercased()
        let scalars = Array(lowered.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 200 else { return [] }
        let limit = max(1, scalars.count / 3)
        var scored: [(candidate: String, distance: Int)] = []
        for candidate in Set(candidates) where candidate != name {
            let other = candidate.lowercased()
            let otherScalars = Array(other.unicodeScalars)
            guard otherScalars.count <= 200 else { continue }
            let distance = Self.distance(scalars, otherScalars)
            if distance <= limit {
                scored.append((candidate, distance))
            } else if scalars.count >= 4, otherScalars.count >= 4, other.contains(lowered) || lowered.contains(other) {
                // Behind every close one, and among themselves the nearest first (`customer-number` is nearer
                // `customer-number-range` than `customer-number-conflict`).
                scored.append((candidate, limit + distance))
            }
        }
        let best = scored.sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        guard let first = best.first else { return [] }
        // Only the best distance, so that one clear match is not buried among weaker ones; names that merely contain
        // each other are offered nearest first (a prefix such as `customer-number` fits several ids).
        let offered = first.distance > limit ? best[...] : best.prefix { $0.distance == first.distance }
        return offered.prefix(3).map(\.candidate)
    }

    /// `; did you mean 'error'?` (or `'a', 'b' or 'c'`; in Norwegian `; mente du 'error'?`), or empty when nothing
    /// is close: to append to a message that already lists or names what is allowed.
    ///
    /// At most three are offered: more ties than that are no longer a hint, and make the message hard to read.
    public static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> LocalizedText {
        let close = closest(to: name, in: candidates).prefix(3).map { "'\($0)'" }
        guard let last = close.last else { return LocalizedText(verbatim: "") }
        let first = close.dropLast().joined(separator: ", ")
        func list(_ or: String) -> String { first.isEmpty ? last : "\(first) \(or) \(last)" }
        return LocalizedText(en: "; did you mean \(list("or"))?", nb: "; mente du \(list("eller"))?")
    }

    /// Optimal string alignment distance: Levenshtein plus the swap of two neighbours (`severty` → `severity` is
    /// one insertion, `sevreity` one swap).
    package static func distance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previousPrevious = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[rhs.count]
    }
}
