import LedgerLintText

/// The values a `one-of` check or condition allows, matched ignoring letter case: as a set of the lower-cased
/// values matches `text.lowercased()`, and for ASCII text by its bytes, building no string.
///
/// A class with only `let` properties, as `ExpectedValue` is, so that handing it on for every record is one retain.
final class LowercasedValues: Sendable {
    private let lowercased: Set<String>
    /// Each value's lower-cased bytes, when every one is ASCII: ASCII strings are equal exactly when their bytes
    /// are. `nil` when one is not, since ASCII text may equal such a value (U+212A KELVIN SIGN is a `K`).
    private let ascii: [[UInt8]]?

    init(_ values: [FieldValue]) {
        lowercased = Set(values.map { $0.text.lowercased() })
        let bytes = lowercased.map { Array($0.utf8) }
        ascii = bytes.allSatisfy { UTF8Text.isASCII($0) } ? bytes : nil
    }

    /// Whether the field's value (its text, empty when absent) is one of the values.
    func contains(valueOf field: FieldReference, _ dataset: Dataset, _ record: RecordContext) -> Bool {
        field.withUTF8(dataset, record) { bytes in
            let bytes = bytes ?? FieldReference.noBytes
            guard let ascii, UTF8Text.isASCII(bytes) else {
                return lowercased.contains(String(decoding: bytes, as: UTF8.self).lowercased())
            }
            // Plain loops: a closure per value and `zip`'s iterator cost more than the few bytes they compare.
            for value in ascii where value.count == bytes.count {
                var offset = 0
                while offset < bytes.count, value[offset] == Self.lowercase(bytes[offset]) { offset += 1 }
                if offset == bytes.count { return true }
            }
            return false
        }
    }

    /// An ASCII byte as `lowercased()` makes it.
    @inline(__always)
    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
