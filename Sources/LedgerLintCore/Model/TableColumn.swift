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
        var start = 0
        while start < other.count {
            let width = min(64, other.count - start)
            append(bits: other.bits(at: start, width: width), width: width)
            start += width
        }
    }

    mutating func reserveCapacity(_ bits: Int) { words.reserveCapacity((bits + 63) / 64) }

    /// Keeps the groups of `width` bits (a record's) whose bit in `keep` is set.
    mutating func keep(groupsOf width: Int, where keep: BitSet) {
        guard width > 0 else { return }
        var kept = BitSet()
        kept.reserveCapacity(keep.trueCount * width)
        let groups = count / width
        // The kept groups, a word of `keep` at a time; each group's bits as whole words where it is wider.
        for (index, word) in keep.words.enumerated() {
            var remaining = word
            while remaining != 0 {
                let group = index << 6 | remaining.trailingZeroBitCount
                remaining &= remaining - 1
                guard group < groups else { break }
                var offset = 0
                while offset < width {
                    let bits = min(64, width - offset)
                    kept.append(bits: self.bits(at: group * width + offset, width: bits), width: bits)
                    offset += bits
                }
            }
        }
        self = kept
    }
}

/// A text value on its way into a table: the bytes of a present value where a reader found them, in UTF-8 or in
/// Windows-1252 (decoded as `TextDecoding.windows1252(_:)` decodes them), or a string (`nil` for an absent value).
enum TextCell {
    case utf8(UnsafeBufferPointer<UInt8>)
    case windows1252(UnsafeBufferPointer<UInt8>)
    case string(String?)
}
