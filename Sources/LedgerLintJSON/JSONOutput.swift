import Foundation
import LedgerLintText

/// How LedgerLint writes JSON, in one place: keys sorted and `/` unescaped, so the same value always gives the same
/// bytes and files diff cleanly. Baselines, manifests and `explain`'s examples all go through here; the reports'
/// findings are written by `JSONWriter`, byte for byte as these settings write them.
public enum JSONOutput {
    /// Pretty-printed, ending with a newline: a file a person may read (a report, a baseline, a manifest).
    public static func document(_ value: some Encodable) throws -> Data {
        try encoder(pretty: true).encode(value) + Data("\n".utf8)
    }

    /// On one line, without a newline: a value quoted inside other text.
    public static func line(_ value: some Encodable) throws -> Data {
        try encoder(pretty: false).encode(value)
    }

    /// A pretty-printed object whose one array member is written an element at a time, byte for byte as
    /// `document(_:)` writes the whole object: for a report too large to hold at once. The object is `opening`,
    /// then each `element`, then `closing`. Its members are `before`'s, the array's, then `after`'s, which keeps
    /// the keys sorted when `before`'s sort before `key` and `after`'s after it.
    public struct StreamedArray: Sendable {
        /// The array's key.
        public var key: String

        public init(key: String) {
            self.key = key
        }

        /// Up to the array's first element: `{`, `before`'s members, and the array's key.
        public func opening(before: (some Encodable)?, empty: Bool) throws -> String {
            "{\n" + (try before.map { try JSONOutput.members(of: $0) + ",\n" } ?? "")
                + "  " + String(decoding: try line(key), as: UTF8.self) + " : [" + (empty ? "\n\n  ]" : "\n")
        }

        /// One element, the first or one after others, written by `JSONWriter` as the whole document would
        /// indent it: the elements are what there are many of.
        public func element(_ value: some JSONWritable, first: Bool) -> String {
            var json = JSONWriter(depth: 2)
            value.write(to: &json)
            return (first ? "" : ",\n") + "    " + String(decoding: json.bytes, as: UTF8.self)
        }

        /// After the last element: the end of the array, `after`'s members, and the end of the object.
        public func closing(after: (some Encodable)?, empty: Bool) throws -> String {
            (empty ? "" : "\n  ]") + (try after.map { ",\n" + (try JSONOutput.members(of: $0)) } ?? "") + "\n}\n"
        }
    }

    /// The members of a pretty-printed object, as they stand in it: its lines between the braces.
    static func members(of value: some Encodable) throws -> String {
        let text = String(decoding: try document(value), as: UTF8.self)
        guard text.hasPrefix("{\n"), text.hasSuffix("\n}\n") else { return "" }
        return String(text.dropFirst(2).dropLast(3))
    }

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
