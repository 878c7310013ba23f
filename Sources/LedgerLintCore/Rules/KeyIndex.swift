/// Records by key, for joins and `unique`: the first record with each key, and how many have it.
///
/// A `[String: Int]` of a million keys holds a million strings and two million buckets of 24 bytes; this index holds
/// no keys at all. It is a table of 8-byte slots, open addressing with linear probing at most 80 % full, each slot
/// 32 bits of the key's hash and the first record's row in one word, so that a look-up misses the cache once, and,
/// if asked for, counts: a bit per slot for a key seen more than once, and the counts of only those keys, which are
/// few (a key's first record writes nothing more). A key is looked up by its hash (`KeyText.hash(_:)`); when the 32 bits
/// agree, the caller compares the key of the slot's row with it (`Probe`), so two keys are the same exactly when
/// they are equal strings, as in a dictionary.
///
/// The table does not grow: it is made for at most as many keys as the records it indexes.
struct KeyIndex: Sendable {
    /// The fingerprint in the high 32 bits, the row in the low; 0 for an empty slot, as no fingerprint is 0.
    private var slots: [UInt64]
    /// Whether the index counts.
    private let counting: Bool
    /// A bit per slot, set when its key has more than one record (of an index that counts).
    private var repeated: BitSet
    /// The number of records of each key in `repeated`, by slot.
    private var counts: [Int: Int] = [:]
    private let capacity: Int
    private let limit: Int
    /// Keys in the index.
    private(set) var count = 0
    /// The slots `readAhead(_:)` read, kept so that the reads are not optimised away.
    private var readAhead: UInt64 = 0

    /// - Parameter counting: whether to count the records of each key (`unique` does; a join needs only the first).
    init(forAtMost keys: Int, counting: Bool) {
        limit = max(keys, 1)
        capacity = limit + limit / 4 + 1
        slots = Array(repeating: 0, count: capacity)
        self.counting = counting
        repeated = BitSet(clear: counting ? capacity : 0)
    }

    /// A walk along the slots where a key may be: start with `probe(_:)`, then call `nextCandidate(_:)` until it
    /// returns the key's row (the caller compares the keys) or `nil` (the key is not in the index, and the walk is
    /// at the empty slot where it goes).
    ///
    /// The caller compares keys itself, rather than passing a closure, because a closure that captured the
    /// dataset would copy it, and retain every table in it, at every record.
    struct Probe {
        fileprivate(set) var slot: Int
        fileprivate let fingerprint: UInt32
        fileprivate var started = false
    }

    func probe(_ hash: Int) -> Probe {
        // The hash's high bits choose the start (multiply and shift: no modulo, any capacity).
        let start = Int((UInt64(UInt(bitPattern: hash)).multipliedFullWidth(by: UInt64(capacity))).high)
        return Probe(slot: start, fingerprint: Self.fingerprint(hash))
    }

    /// Reads the slot a walk for `hash` starts at, ahead of the walk: a caller that reads ahead for a stretch of
    /// keys, then walks for each, has their cache misses overlap rather than wait one after the other.
    @inline(__always)
    mutating func readAhead(_ hash: Int) { readAhead |= slots[probe(hash).slot] }

    /// The row of the next slot on the walk whose 32 bits of hash agree with the key's; `nil` at an empty slot.
    func nextCandidate(_ probe: inout Probe) -> Int? {
        while true {
            if probe.started {
                probe.slot += 1
                if probe.slot == capacity { probe.slot = 0 }
            }
            probe.started = true
            let stored = slots[probe.slot]
            if stored == 0 { return nil }
            if UInt32(truncatingIfNeeded: stored >> 32) == probe.fingerprint { return Int(UInt32(truncatingIfNeeded: stored)) }
        }
    }

    /// Adds a key's first record at the empty slot a walk ended at; returns the slot.
    @discardableResult
    mutating func add(at probe: Probe, row: Int) -> Int {
        precondition(slots[probe.slot] == 0, "KeyIndex.add at a slot in use")
        precondition(count < limit, "KeyIndex made for \(limit) keys")
        precondition(row < Int(Int32.max), "KeyIndex rows are 32-bit")
        slots[probe.slot] = UInt64(probe.fingerprint) << 32 | UInt64(row)
        count += 1
        return probe.slot
    }

    /// Counts one more record for the key in a slot (of an index that counts).
    mutating func countAnother(inSlot slot: Int) {
        precondition(counting, "KeyIndex.countAnother on an index that does not count")
        repeated.set(slot)
        counts[slot, default: 1] += 1
    }

    func first(inSlot slot: Int) -> Int { Int(UInt32(truncatingIfNeeded: slots[slot])) }

    func count(inSlot slot: Int) -> Int { repeated[slot] ? counts[slot] ?? 1 : 1 }

    /// The hash's low 32 bits, never 0 (which marks an empty slot).
    private static func fingerprint(_ hash: Int) -> UInt32 {
        let bits = UInt32(truncatingIfNeeded: hash)
        return bits == 0 ? 1 : bits
    }
}
