/// Eight bytes at a time in one 64-bit word, for the readers' and writers' fast loops ("has a zero byte" and "has a
/// byte less than", from Bit Twiddling Hacks). Each test sets the high bit of the bytes it finds, exactly for the
/// lowest one; bytes above it may be false alarms, so a caller that finds any looks at the bytes one by one from
/// the start of the word.
///
/// Public and `@inlinable`, so that the scanners in other modules inline them: `package` functions, even
/// `@inlinable` ones, were called, not inlined, across modules (the release build's disassembly shows it).
public enum ByteWords {
    /// The eight bytes at `pointer`, the first in the lowest bits.
    @inlinable @inline(__always)
    public static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The bytes of `word` that are `byte`.
    @inlinable @inline(__always)
    public static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let differences = word ^ (ones &* UInt64(byte))
        return (differences &- ones) & ~differences & highs
    }

    /// The bytes of `word` below `limit` (at most 0x80).
    @inlinable @inline(__always)
    public static func bytes(_ word: UInt64, below limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// The bytes of `word` beyond ASCII (0x80 and up).
    @inlinable @inline(__always)
    public static func bytesBeyondASCII(_ word: UInt64) -> UInt64 { word & highs }

    @inlinable @inline(__always) static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable @inline(__always) static var highs: UInt64 { 0x8080_8080_8080_8080 }
}
