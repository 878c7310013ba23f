import Foundation
import LedgerLintText

/// How LedgerLint writes JSON, in one place: keys sorted and `/` unescaped, so the same value always gives the same
/// bytes and files diff cleanly. Reports, baselines, manifests and `explain`'s examples all go through here.
public enum JSONOutput {
    /// Pretty-printed, ending with a newline: a file a person may read (a report, a baseline, a manifest).
    public static func document(_ value: some Encodable) throws -> Data {
        try encoder(pretty: true).encode(value) + Data("\n".utf8)
    }

    /// On one line, without a newline: a value quoted inside other text.
    public static func line(_ value: some Encodable) throws -> Data {
        try encoder(pretty: false).encode(value)
    }

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
