import Foundation

/// Join and `unique` keys hashed and compared by their UTF-8 bytes, with the answers `String` gives them.
///
/// Two keys are the same when they are equal strings, which is canonical equivalence: `K` (U+004B) and the Kelvin
/// sign (U+212A) are one key, as are `é` written as one scalar and as `e` with a combining accent. Bytes that are
/// all ASCII are their own canonical form, so two ASCII keys are equal exactly when their bytes are, and their hash
/// is that of their bytes. A key with any other byte is hashed by the bytes of its canonical composition (NFC), the
/// form `String` compares by, and compared as strings. Equal strings have the same composition and so the same
/// hash; `KeyTextTests` holds both to `String`.
///
/// The hash is seeded anew in each process, as `Hasher` is, so that no export can be written to make every key
/// collide.
enum KeyText {
    private static let seed = UInt64.random(in: .min ... .max)

    /// A hash of the key: equal for any two keys `same(_:_:)` finds equal.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let hash = asciiHash(bytes) { return hash }
        var composed = String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
        return composed.withUTF8 { bytesHash($0) }
    }

    /// Whether the keys are the same string.
    static func same(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        if lhs.count == rhs.count, lhs.count == 0 || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0 {
            return true
        }
        if UTF8Text.isASCII(lhs), UTF8Text.isASCII(rhs) { return false }
        return String(decoding: lhs, as: UTF8.self) == String(decoding: rhs, as: UTF8.self)
    }

    /// The hash of ASCII bytes; `nil` when a byte is not ASCII.
    private static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var high: UInt64 = 0
        let hash = eachWord(bytes) { high |= $0 }
        return high & 0x8080_8080_8080_8080 == 0 ? hash : nil
    }

    private static func bytesHash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { eachWord(bytes) { _ in } }

    /// Hashes the bytes eight at a time, little-endian, the last word padded with zeros; `visit` sees each word.
    @inline(__always)
    private static func eachWord(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (UInt64) -> Void) -> Int {
        var state = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        let count = bytes.count
        var offset = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                visit(word)
                state = mix(state ^ word)
                offset += 8
            }
            if offset < count {
                var word: UInt64 = 0
                for index in offset..<count { word |= UInt64(base[index]) << (8 * UInt64(index - offset)) }
                visit(word)
                state = mix(state ^ word)
            }
        }
        return Int(truncatingIfNeeded: finish(state))
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
        return product.high ^ product.low
    }

    /// SplitMix64's finaliser: every bit of the result depends on every bit of the state.
    private static func finish(_ value: UInt64) -> UInt64 {
        var value = value
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
