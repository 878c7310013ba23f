import LedgerLintText

/// Escaping for the markup reports, HTML and JUnit's XML, in one place: the five special characters become
/// references, and characters the dialect cannot carry become U+FFFD, so data can never end an attribute, open an
/// element or break the document.
struct MarkupText {
    /// How `'` is written: HTML and XML spell the reference differently.
    var apostrophe: String
    /// What tab, newline and carriage return become.
    var tab: String
    var newline: String
    var carriageReturn: String
    /// Control characters (other than tab, newline and carriage return) and the rest the dialect forbids.
    var forbids: @Sendable (UInt32) -> Bool

    /// HTML content or a double-quoted attribute: tab and newline stay, a carriage return becomes a newline; C0
    /// and C1 control characters are not allowed.
    static let html = MarkupText(
        apostrophe: "&#39;", tab: "\t", newline: "\n", carriageReturn: "\n",
        forbids: { $0 < 0x20 || (0x7F...0x9F).contains($0) })

    /// XML 1.0. In attributes, tab, newline and carriage return become references, because parsers would otherwise
    /// normalise them to spaces; in content only the carriage return does, which parsers would otherwise turn into
    /// a newline. XML forbids C0 controls and U+FFFE, U+FFFF even as references.
    static func xml(inAttribute: Bool) -> MarkupText { inAttribute ? xmlAttribute : xmlContent }

    static let xmlAttribute = makeXML(inAttribute: true)
    static let xmlContent = makeXML(inAttribute: false)

    private static func makeXML(inAttribute: Bool) -> MarkupText {
        MarkupText(
            apostrophe: "&apos;", tab: inAttribute ? "&#9;" : "\t", newline: inAttribute ? "&#10;" : "\n",
            carriageReturn: "&#13;", forbids: { $0 < 0x20 || $0 == 0xFFFE || $0 == 0xFFFF })
    }

    /// `text` escaped, worked on as UTF-8 bytes: the text itself, not a copy, when nothing in it needs escaping,
    /// which is most of a report's text; else its runs between escapes copied whole.
    func escaped(_ text: String) -> String {
        var utf8Text = text
        return utf8Text.withUTF8 { utf8 in
            guard let first = nextEscape(in: utf8, from: 0) else { return text }
            var document = TextDocument(capacity: utf8.count + 32)
            escape(utf8, from: first, into: &document)
            return document.text
        }
    }

    /// `escaped(text)` appended to `document`, without a string in between.
    func escape(_ text: String, into document: inout TextDocument) {
        var text = text
        text.withUTF8 { utf8 in escape(utf8, from: nextEscape(in: utf8, from: 0), into: &document) }
    }

    /// `utf8` escaped into `document`, `first` its first escape (`nextEscape(in:from:)` from 0), found already.
    private func escape(
        _ utf8: UnsafeBufferPointer<UInt8>, from first: (index: Int, length: Int, replacement: String)?,
        into document: inout TextDocument
    ) {
        // The bytes of `utf8` before `copied` are in `document`.
        var copied = 0
        var next = first
        while let escape = next {
            document.append(UnsafeBufferPointer(rebasing: utf8[copied..<escape.index]))
            document.append(escape.replacement)
            copied = escape.index + escape.length
            next = nextEscape(in: utf8, from: copied)
        }
        document.append(UnsafeBufferPointer(rebasing: utf8[copied...]))
    }

    /// The first scalar at or after `start` (a scalar's first byte) that is written otherwise: where it starts, its
    /// length in bytes and what it becomes. Eight bytes at a time while they are printable ASCII with nothing to
    /// escape.
    private func nextEscape(
        in utf8: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (index: Int, length: Int, replacement: String)? {
        guard let base = utf8.baseAddress else { return nil }
        var index = start
        while index < utf8.count {
            if index + 8 <= utf8.count {
                let word = ByteWords.load(base + index)
                let found = ByteWords.bytesBeyondASCII(word) | ByteWords.bytes(word, below: 0x20)
                    | ByteWords.bytes(word, equalTo: 0x7F) | ByteWords.bytes(word, equalTo: UInt8(ascii: "&"))
                    | ByteWords.bytes(word, equalTo: UInt8(ascii: "<")) | ByteWords.bytes(word, equalTo: UInt8(ascii: ">"))
                    | ByteWords.bytes(word, equalTo: UInt8(ascii: "\"")) | ByteWords.bytes(word, equalTo: UInt8(ascii: "'"))
                if found == 0 {
                    index += 8
                    continue
                }
            }
            let byte = utf8[index]
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let replacement: String?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = apostrophe
            case UInt8(ascii: "\t"): replacement = tab
            case UInt8(ascii: "\n"): replacement = newline
            case UInt8(ascii: "\r"): replacement = carriageReturn
            case 0x20..<0x7F: replacement = nil
            default: replacement = forbids(Self.scalar(at: index, length: length, in: utf8)) ? "\u{FFFD}" : nil
            }
            if let replacement { return (index, length, replacement) }
            index += length
        }
        return nil
    }

    /// The value of the scalar whose `length` UTF-8 bytes start at `index` (the text is valid UTF-8).
    private static func scalar(at index: Int, length: Int, in utf8: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = UInt32(utf8[index])
        guard length > 1 else { return lead }
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return value
    }
}
