/// Text from the data made safe to show on a terminal or in a CI log: what the text report, the GitHub annotations
/// and every error message on stderr do to the values they quote.
///
/// Input can be anything: an export cell with `ESC[31m` in it would recolour the terminal, a carriage return would
/// overwrite the line, and a 50 MB CSV header quoted whole would flood the log.
public enum TerminalText {
    /// Replaces control characters other than tab and newline (ESC above all) with U+FFFD, and `\r\n` / `\r`
    /// with `\n`, so data cannot move the cursor, recolour the terminal or break the block layout.
    public static func sanitized(_ text: String) -> String {
        isClean(text) ? text : rebuilt(text)
    }

    /// Whether `sanitized` leaves `text` as it is. Nearly all text is: one scan of the bytes, eight at a time while
    /// they are printable ASCII, instead of Foundation's replacing and a rebuild. C1 controls (U+0080–U+009F) are
    /// C2 80–C2 9F in UTF-8.
    static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count {
                    // A byte beyond ASCII, below 0x20 or DEL: the word is then looked at byte by byte.
                    let word = ByteWords.load(base + index)
                    let found = ByteWords.bytesBeyondASCII(word) | ByteWords.bytes(word, below: 0x20)
                        | ByteWords.bytes(word, equalTo: 0x7F)
                    guard found == 0 else { break }
                    index += 8
                }
            }
            var previous: UInt8 = index > 0 ? bytes[index - 1] : 0
            for byte in bytes[index...] {
                defer { previous = byte }
                guard (byte >= 0x20 || byte == 0x0A || byte == 0x09) && byte != 0x7F
                    && !(previous == 0xC2 && byte < 0xA0 && byte >= 0x80)
                else { return false }
            }
            return true
        }
    }

    /// `text` rebuilt a scalar at a time, as `sanitized` describes.
    static func rebuilt(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            if scalar == "\r" {
                scalars.append("\n")
            } else if isControl(scalar) && scalar != "\n" && scalar != "\t" {
                scalars.append("\u{FFFD}")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether a scalar is a C0 or C1 control character, or DEL.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The most characters of a value that a message quotes.
    public static let excerptLimit = 100

    /// `text` cut to `limit` characters, ending in `…` when it was longer: for a value quoted in a message.
    ///
    /// Looks at no more of `text` than it keeps, so quoting the start of a 50 MB value costs nothing.
    public static func excerpt(_ text: some StringProtocol, limit: Int = excerptLimit) -> String {
        var end = text.startIndex
        var kept = 0
        while end < text.endIndex, kept < limit {
            end = text.index(after: end)
            kept += 1
        }
        return end == text.endIndex ? String(text) : String(text[..<end]) + "…"
    }
}

extension StringProtocol {
    /// At most `TerminalText.excerptLimit` characters of the value, ending in `…` when cut.
    public var excerpt: String { TerminalText.excerpt(self) }
}
