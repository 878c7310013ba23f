import Testing

@testable import LedgerLintCore

/// `BitSet` moves bits a word at a time (appending another set at any alignment, keeping a record's group of bits);
/// these hold it to the same operations on an array of `Bool`, at every alignment and at widths on both sides of a
/// word.
@Suite struct BitSetTests {
    /// Bits that are not a pattern a word-sized mistake would keep by chance.
    static func bits(_ count: Int, seed: UInt64) -> [Bool] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 61 & 1 == 1
        }
    }

    static func set(_ bits: [Bool]) -> BitSet {
        var set = BitSet()
        for bit in bits { set.append(bit) }
        return set
    }

    static func array(_ set: BitSet) -> [Bool] { (0..<set.count).map { set[$0] } }

    @Test(arguments: [0, 1, 5, 63, 64, 65, 127, 200])
    func appendingASetAtAnyAlignmentIsAppendingItsBits(prefix: Int) {
        for length in [0, 1, 2, 63, 64, 65, 130, 300] {
            let (head, tail) = (Self.bits(prefix, seed: 1), Self.bits(length, seed: UInt64(length) + 2))
            var set = Self.set(head)
            set.append(contentsOf: Self.set(tail))
            #expect(Self.array(set) == head + tail, "\(prefix) bits, then \(length)")
            // Equal sets are equal values: no stray bits past the end.
            #expect(set == Self.set(head + tail), "\(prefix) bits, then \(length)")
        }
    }

    @Test(arguments: [1, 2, 3, 7, 63, 64, 65, 130])
    func keepingGroupsKeepsTheirBitsInOrder(width: Int) {
        for groups in [0, 1, 63, 64, 65, 150] {
            let bits = Self.bits(groups * width, seed: UInt64(width * 1000 + groups))
            let keep = Self.bits(groups, seed: UInt64(groups) + 99)
            var set = Self.set(bits)
            set.keep(groupsOf: width, where: Self.set(keep))
            let expected = (0..<groups).filter { keep[$0] }.flatMap { bits[$0 * width..<($0 + 1) * width] }
            #expect(Self.array(set) == expected, "\(groups) groups of \(width)")
            #expect(set == Self.set(expected), "\(groups) groups of \(width)")
        }
    }

    /// Nearly every group kept, as where a few records are not exported: whole words of kept groups, moved as runs,
    /// between the few that are dropped, at the start, the end and on both sides of a word.
    @Test(arguments: [1, 2, 3, 7, 63, 64, 65])
    func keepingNearlyEveryGroupKeepsTheirBitsInOrder(width: Int) {
        for (groups, dropped) in [(64, [Int]()), (128, [0]), (200, [63, 64, 199]), (500, [5, 130, 131, 450]), (129, [128])] {
            let bits = Self.bits(groups * width, seed: UInt64(width * 7 + groups))
            let keep = (0..<groups).map { !dropped.contains($0) }
            var set = Self.set(bits)
            set.keep(groupsOf: width, where: Self.set(keep))
            let expected = (0..<groups).filter { keep[$0] }.flatMap { bits[$0 * width..<($0 + 1) * width] }
            #expect(Self.array(set) == expected, "\(groups) groups of \(width), \(dropped) dropped")
            #expect(set == Self.set(expected), "\(groups) groups of \(width), \(dropped) dropped")
        }
    }

    /// The longest runs of set bits of an array of `Bool`, one at a time.
    static func runs(_ bits: [Bool]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        for index in bits.indices where bits[index] {
            if let last = runs.last, last.upperBound == index {
                runs[runs.count - 1] = last.lowerBound..<index + 1
            } else {
                runs.append(index..<index + 1)
            }
        }
        return runs
    }

    @Test(arguments: [0, 1, 63, 64, 65, 127, 128, 129, 300])
    func runsAreTheLongestRunsOfSetBits(count: Int) {
        let patterns: [[Bool]] = [
            Self.bits(count, seed: UInt64(count) + 5),
            Array(repeating: true, count: count),
            Array(repeating: false, count: count),
            (0..<count).map { $0 % 64 != 63 },  // a run to the last bit of each word, none over it
            (0..<count).map { $0 % 64 != 0 },  // runs over each word's end
            (0..<count).map { ![1, 62, 63, 64, 65, 200].contains($0) },
        ]
        for bits in patterns {
            var runs: [Range<Int>] = []
            Self.set(bits).forEachRun { runs.append($0) }
            #expect(runs == Self.runs(bits), "\(bits.map { $0 ? "1" : "0" }.joined())")
        }
    }

    @Test func keepingEveryGroupOrNoneKeepsAllOrNothing() {
        let bits = Self.bits(70 * 3, seed: 7)
        var all = Self.set(bits)
        all.keep(groupsOf: 3, where: Self.set(Array(repeating: true, count: 70)))
        #expect(Self.array(all) == bits)
        var none = Self.set(bits)
        none.keep(groupsOf: 3, where: Self.set(Array(repeating: false, count: 70)))
        #expect(none.count == 0)
    }
}
