#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedgerLintText

/// A record type `JSONScanner` can decode straight from bytes (the PowerOffice DTOs, Assist's JSON customers).
///
/// A conforming type lists its JSON fields in the order it declares its properties (the order its synthesized
/// `Decodable` conformance decodes them in, which decides which type error is reported first), and decodes one
/// field at a time from the scanner. `JSONScannerTests` checks the list against the type's properties.
package protocol JSONScannableRecord: Sendable {
    /// Where the records of a file go: an array, unless the type is stored otherwise (the linter's `RecordTable`).
    associatedtype Store: JSONRecordStore = [Self] where Store.Record == Self
    /// A record with every field absent.
    init()
    static var jsonFields: JSONFieldTable { get }
    /// Decodes the value at the scanner's position into field number `field` of `jsonFields`. A value of the wrong
    /// type leaves the field `nil` and sets `scanner.mismatch`.
    mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError)
}

/// Where `JSONScanner` puts the records it decodes, starting from an empty store the caller makes.
package protocol JSONRecordStore<Record> {
    associatedtype Record
    var count: Int { get }
    /// Of the fields of `table`, by number as bits, the ones this store keeps: the scanner checks the others but
    /// makes no text for them (`JSONScanner.string(field:sameAs:)`, `JSONScanner.text(field:)`).
    func keptFields(of table: JSONFieldTable) -> UInt64
    mutating func append(_ record: Record)
    mutating func reserveCapacity(_ count: Int)
    /// Appends the records of another store made empty from the same one (a piece of the same file).
    mutating func appendStore(_ other: Self)
}

extension Array: JSONRecordStore {
    package typealias Record = Element
    package func keptFields(of table: JSONFieldTable) -> UInt64 { .max }
    package mutating func appendStore(_ other: Self) { append(contentsOf: other) }
}

/// A record type's JSON field names, with a look-up from the bytes of a property name that makes no string.
package struct JSONFieldTable: Sendable {
    /// The names, in declaration order.
    package let names: [String]
    private let byName: [String: Int]
    /// Candidates by name length in bytes, each with its first eight bytes as a number for a quick comparison.
    private let byLength: [[Entry]]

    private struct Entry: Sendable {
        var prefix: UInt64
        var bytes: [UInt8]
        var field: Int
    }

    package init(_ names: [String]) {
        precondition(names.count <= 64, "JSONScanner tracks fields in a 64-bit mask")
        self.names = names
        byName = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let longest = names.map(\.utf8.count).max() ?? 0
        var byLength = Array(repeating: [Entry](), count: longest + 1)
        for (field, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            let prefix = bytes.withUnsafeBufferPointer { stored in
                stored.baseAddress.map { Self.prefix($0, count: stored.count) } ?? 0
            }
            byLength[bytes.count].append(Entry(prefix: prefix, bytes: bytes, field: field))
        }
        self.byLength = byLength
    }

    /// The field a property name with these bytes names, or `nil` for a property the type does not have.
    @inline(__always)
    package func index(ofKey key: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard count < byLength.count else { return nil }
        let candidates = byLength[count]
        guard !candidates.isEmpty else { return nil }
        let prefix = Self.prefix(key, count: count)
        for candidate in candidates where candidate.prefix == prefix {
            if count <= 8 { return candidate.field }
            let same = candidate.bytes.withUnsafeBufferPointer { stored in
                stored.baseAddress.map { memcmp($0 + 8, key + 8, count - 8) == 0 } ?? false
            }
            if same { return candidate.field }
        }
        return nil
    }

    /// The field a property name (already unescaped) names.
    package func index(ofName name: String) -> Int? { byName[name] }

    /// Up to eight first bytes as one number.
    @inline(__always)
    private static func prefix(_ key: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        if count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(key).loadUnaligned(as: UInt64.self)) }
        var prefix: UInt64 = 0
        for offset in 0..<count { prefix |= UInt64(key[offset]) << (8 * UInt64(offset)) }
        return prefix
    }
}
