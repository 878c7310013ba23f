import LedgerLintJSON

/// The columns of a `RecordTable`: what each holds, and how.
public enum TableColumn {
    public enum Kind: Sendable, Hashable {
        /// Texts of any length, each its own bytes.
        case text
        /// Texts from a small vocabulary (a send method, a file name), each stored once and referred to by number.
        case vocabulary
        case integer
        case flag
    }

    /// A column of a record type's layout.
    public struct Spec: Sendable, Hashable {
        /// The field's name as rules name it, or a name of the table's own (`location.file`).
        public let name: String
        public let kind: Kind
        /// For a text column: the column whose value this one's often is in the same record (`LegalName` and
        /// `Name`); then the text is stored once.
        public let sharesWith: Int?

        public init(_ name: String, _ kind: Kind, sharesWith: Int? = nil) {
            self.name = name
            self.kind = kind
            self.sharesWith = sharesWith
        }
    }
}

/// Bits appended one at a time or a row at a time: flags, and which values are absent.
public struct BitSet: Sendable, Hashable {
    /// The bits, 64 to a word, lowest first; the last word's bits past `count` are zero.
    private var words: [UInt64] = []
    private(set) var count = 0

    init() {}

    /// `count` bits, all clear.
    init(clear count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
        self.count = count
    }

    init(count: Int, where predicate: (Int) throws -> Bool) rethrows {
        reserveCapacity(count)
        for index in 0..<count { append(try predicate(index)) }
    }

    @inline(__always)
    subscript(index: Int) -> Bool { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }

    /// Sets the bit of an index below `count`.
    mutating func set(_ index: Int) {
        precondition(index < count, "BitSet.set past its end")
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    var trueCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    var capacity: Int { words.capacity * 64 }

    mutating func append(_ bit: Bool) {
        if count & 63 == 0 { words.append(0) }
        if bit { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    /// Appends the low `width` bits of `bits` (1 to 64; the bits above are zero), lowest first.
    @inline(__always)
    mutating func append(bits: UInt64, width: Int) {
        let shift = count & 63
        if shift == 0 {
            words.append(bits)
        } else {
            words[words.count - 1] |= bits << UInt64(shift)
            if shift + width > 64 { words.append(bits >> UInt64(64 - shift)) }
        }
        count += width
    }

    /// The `width` bits (1 to 64) from `start`, lowest first, in the low bits of a word.
    @inline(__always)
    func bits(at start: Int, width: Int) -> UInt64 {
        let (word, shift) = (start >> 6, start & 63)
        var bits = words[word] >> UInt64(shift)
        if shift + width > 64 { bits |= words[word + 1] << UInt64(64 - shift) }
        return width == 64 ? bits : bits & ((1 << UInt64(width)) - 1)
    }

    mutating func append(contentsOf other: BitSet) {
        reserveCapacity(count + other.count)
        if count & 63 == 0 {
            // Aligned: whole words (bits past `other.count` are zero).
            words.append(contentsOf: other.words)
            count += other.count
            return
        }
        append(bitsOf: other, from: 0, count: other.count)
    }

    /// Appends the `count` bits of `other` from `start`, a word at a time.
    mutating func append(bitsOf other: BitSet, from start: Int, count: Int) {
        var offset = 0
        while offset < count {
            let width = min(64, count - offset)
            append(bits: other.bits(at: start + offset, width: width), width: width)
            offset += width
        }
    }

    mutating func reserveCapacity(_ bits: Int) { words.reserveCapacity((bits + 63) / 64) }

    /// Keeps the groups of `width` bits (a record's) whose bit in `keep` is set: each run of kept groups' bits
    /// copied a word at a time, as one stretch of bits.
    mutating func keep(groupsOf width: Int, where keep: BitSet) {
        guard width > 0 else { return }
        var kept = BitSet()
        kept.reserveCapacity(keep.trueCount * width)
        let groups = 0..<count / width
        keep.forEachRun { run in
            let run = run.clamped(to: groups)
            guard !run.isEmpty else { return }
            kept.append(bitsOf: self, from: run.lowerBound * width, count: run.count * width)
        }
        self = kept
    }

    /// Calls `body` with each longest run of set bits, in order: `2..<5` for bits 2, 3 and 4. Where a few records
    /// are dropped from many (`RecordTable.keepRows`), the kept ones are a few long runs, each moved in one piece.
    func forEachRun(_ body: (Range<Int>) -> Void) {
        var start = -1  // the first bit of the run being read, or -1 between runs
        for (index, word) in words.enumerated() {
            var bit = 0
            while bit < 64 {
                // The word's bits from `bit` up, in the low bits, zero above.
                let rest = word >> UInt64(bit)
                if start < 0 {
                    guard rest != 0 else { break }
                    bit += rest.trailingZeroBitCount
                    start = (index << 6) + bit
                } else {
                    bit += (~rest).trailingZeroBitCount
                    guard bit < 64 else { break }
                    body(start..<(index << 6) + bit)
                    start = -1
                }
            }
        }
        if start >= 0 { body(start..<count) }
    }
}

/// A text value on its way into a table: the bytes of a present value where a reader found them, in UTF-8 or in
/// Windows-1252 (decoded as `TextDecoding.windows1252(_:)` decodes them), or a string (`nil` for an absent value).
enum TextCell {
    case utf8(UnsafeBufferPointer<UInt8>)
    case windows1252(UnsafeBufferPointer<UInt8>)
    case string(String?)
}

extension TextCell {
    /// A text the JSON scanner read (`nil` for an absent one).
    init(_ scanned: ScannedText?) {
        switch scanned {
        case .utf8(let bytes)?: self = .utf8(bytes)
        case .decoded(let text)?: self = .string(text)
        case nil: self = .string(nil)
        }
    }

    /// The text the cell holds, decoded.
    var string: String? {
        switch self {
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .windows1252(let bytes): TextDecoding.windows1252(bytes)
        case .string(let text): text
        }
    }
}
