import Foundation

/// Trimming as Foundation's `trimmingCharacters(in:)` trims with `.whitespaces` or `.whitespacesAndNewlines`,
/// without its cost (on Linux it goes through `NSString`, some microseconds a value, seconds for a million
/// customers) for the text nearly every value is: ASCII whitespace, if any, at the edges. Only text whose edges may
/// be whitespace beyond ASCII is trimmed by Foundation.
public enum EdgeWhitespace: Sendable {
    /// `.whitespaces`: spaces and tabs.
    case whitespaces
    /// `.whitespacesAndNewlines`: also line feeds, carriage returns, vertical tabs and form feeds.
    case whitespacesAndNewlines

    /// `text` trimmed, exactly as `text.trimmingCharacters(in:)` with this set trims it.
    public func trimming(_ text: String) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isASCIIWhitespace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isASCIIWhitespace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        guard start < end else { return "" }
        if Self.mayBeBeyondASCII(first: utf8[start], last: utf8[utf8.index(before: end)]) {
            return text.trimmingCharacters(in: self == .whitespaces ? .whitespaces : .whitespacesAndNewlines)
        }
        if start == utf8.startIndex && end == utf8.endIndex { return text }
        // From the bytes, not `text[start..<end]`, which would round to whole characters (a space before a
        // combining accent is one).
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    private func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        switch self {
        case .whitespaces: byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        case .whitespacesAndNewlines: byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
        }
    }

    /// Whether UTF-8 text that starts with the byte `first` and ends with `last` may start or end with whitespace
    /// beyond ASCII: U+0085, U+00A0, U+1680, U+2000–U+200B, U+2028, U+2029, U+202F, U+205F and U+3000, which
    /// start with 0xC2, 0xE1, 0xE2 or 0xE3 and end with one of a few continuation bytes. Letters such as `Å` and
    /// `ø` are not, and keep the fast way.
    public static func mayBeBeyondASCII(first: UInt8, last: UInt8) -> Bool {
        let firstMay = first == 0xC2 || (0xE1...0xE3).contains(first)
        let lastMay = (0x80...0x8B).contains(last) || [0x9F, 0xA0, 0xA8, 0xA9, 0xAF].contains(last)
        return firstMay || lastMay
    }
}
