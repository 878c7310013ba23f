import Foundation
import LedgerLintText

/// Turns the bytes of an export file into text, guessing the encoding the way the files actually arrive.
///
/// Assist exports are often saved from Excel on Norwegian Windows, which writes Windows-1252 without any marker,
/// so a file that is not valid UTF-8 is read as Windows-1252 rather than rejected. Foundation's `.windowsCP1252`
/// is not used because its behaviour differs between platforms; the table below is the whole encoding.
/// See `docs/snapshot-format.md` for the order of the guesses.
package enum TextDecoding {
    /// The encodings a file can be read in, in the order they are tried.
    package enum Encoding: String, Sendable, Hashable, CaseIterable {
        case utf8BOM = "UTF-8 with byte-order mark"
        case utf16LE = "UTF-16 little-endian"
        case utf16BE = "UTF-16 big-endian"
        case utf8 = "UTF-8"
        case windows1252 = "Windows-1252"
    }

    /// Decodes `data`, naming `path` in errors.
    ///
    /// - Throws: `JSONError.notText` for a NUL byte (or character) in the text, which means a binary file such
    ///   as an `.xlsx` saved under a `.csv` name; `JSONError.unreadable` for a byte-order mark the rest of the
    ///   file contradicts.
    package static func decode(_ data: Data, path: String) throws -> String {
        try decodeWithEncoding(data, path: path).text
    }

    /// Decodes `data` and tells which encoding was used.
    package static func decodeWithEncoding(_ data: Data, path: String) throws -> (text: String, encoding: Encoding) {
        let bytes = [UInt8](data)
        var decoded: String?
        let encoding = detect(bytes, decoded: &decoded)
        let text: String
        switch encoding {
        case .utf8BOM:
            guard let utf8 = utf8(bytes[3...]) else {
                throw JSONError.unreadable(path: path, reason: invalidAfterBOM("UTF-8"))
            }
            text = utf8
        case .utf16LE, .utf16BE:
            guard bytes.count % 2 == 0, let utf16 = utf16(bytes[2...], bigEndian: encoding == .utf16BE) else {
                throw JSONError.unreadable(path: path, reason: invalidAfterBOM(encoding.rawValue, valid: "UTF-16"))
            }
            text = utf16
        case .utf8:
            // Decoded by `detect` already, which names UTF-8 only for bytes that are.
            text = decoded ?? String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            text = windows1252(bytes)
        }
        if let line = lineOfFirstNUL(in: text) { throw JSONError.notText(path: path, line: line) }
        return (text, encoding)
    }

    /// The 1-based line of the byte at `offset` in `bytes`, for "not a text file" (`JSONError.notText`): a line
    /// ends at LF, CR or CR LF, as the CSV reader counts lines.
    package static func line(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        guard let start = bytes.baseAddress else { return 1 }
        return 1 + lineBreaks(in: UnsafeRawBufferPointer(start: start, count: min(max(0, offset), bytes.count)))
    }

    /// The line of the first NUL character of decoded text, if it has one.
    package static func lineOfFirstNUL(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.firstIndex(of: 0).map { line(at: $0, in: UnsafeRawBufferPointer(utf8)) }
        }
    }

    /// How many line breaks (LF, CR, CR LF) `bytes` hold: eight bytes at a time past those with neither.
    private static func lineBreaks(in bytes: UnsafeRawBufferPointer) -> Int {
        guard let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var breaks = 0
        var position = 0
        while position < bytes.count {
            if position + 8 <= bytes.count {
                let word = ByteWords.load(start + position)
                if ByteWords.bytes(word, equalTo: 0x0A) | ByteWords.bytes(word, equalTo: 0x0D) == 0 {
                    position += 8
                    continue
                }
            }
            let byte = start[position]
            // A CR LF is one break, counted at its CR.
            if byte == 0x0D || (byte == 0x0A && (position == 0 || start[position - 1] != 0x0D)) { breaks += 1 }
            position += 1
        }
        return breaks
    }

    /// Why a file whose byte-order mark says `mark` cannot be read: the rest of it is not valid `valid`.
    package static func invalidAfterBOM(_ mark: String, valid: String? = nil) -> LocalizedText {
        LocalizedText(
            en: "it starts with a \(mark) byte-order mark but is not valid \(valid ?? mark)",
            nb: "den begynner med BOM-merket (byte order mark) for \(mark), men er ikke gyldig \(valid ?? mark)")
    }

    /// The encoding `bytes` will be read in: a byte-order mark decides; else UTF-8 if the bytes are valid UTF-8,
    /// else Windows-1252.
    package static func detect(_ bytes: [UInt8]) -> Encoding {
        var decoded: String?
        return detect(bytes, decoded: &decoded)
    }

    /// The same, handing back the text when deciding meant decoding it (UTF-8 without a mark), so that it is not
    /// decoded twice.
    private static func detect(_ bytes: [UInt8], decoded: inout String?) -> Encoding {
        if let mark = mark(of: bytes) { return mark }
        decoded = utf8(bytes[...])
        return decoded == nil ? .windows1252 : .utf8
    }

    /// The encoding a byte-order mark at the start of `bytes` names, if there is one: the one place marks are
    /// recognised, for the readers that scan in place (CSV, PowerOffice JSON) as for `decode`.
    package static func mark(of bytes: some Collection<UInt8>) -> Encoding? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        return nil
    }

    /// Strict UTF-8: `nil` on any invalid sequence rather than replacement characters, so that the caller can
    /// fall back to Windows-1252. The standard library's validating initialiser: as strict as `Unicode.UTF8`, and
    /// checks whole words at a time instead of building the string scalar by scalar.
    package static func utf8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    package static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var codec = Unicode.UTF16()
        while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }

    /// Windows-1252 never fails: 0x00–0x7F and 0xA0–0xFF are the same code points as in Unicode (Latin-1), and
    /// the five bytes the code page leaves undefined map to the C1 controls of the same value, as Windows does.
    /// Any NUL byte is rejected by the caller.
    package static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        // At most three UTF-8 bytes per byte (the table's code points are all below U+10000).
        String(unsafeUninitializedCapacity: bytes.count * 3) { windows1252(bytes, into: $0) }
    }

    /// Writes the UTF-8 of Windows-1252 `bytes` (as `windows1252(_:)` decodes them) into `buffer`, which has room
    /// for three bytes per byte; returns how many it wrote.
    package static func windows1252(_ bytes: some Collection<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        bytes.withContiguousStorageIfAvailable { windows1252($0, into: buffer) }
            ?? Array(bytes).withUnsafeBufferPointer { windows1252($0, into: buffer) }
    }

    /// The same over bytes in memory: not generic, so that a caller in another module (a table's cell) runs it
    /// compiled for bytes rather than for any collection.
    package static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        for byte in bytes {
            let value: UInt32 = (0x80...0x9F).contains(byte) ? cp1252High[Int(byte) - 0x80] : UInt32(byte)
            switch value {
            case ..<0x80:
                buffer[written] = UInt8(value)
                written += 1
            case ..<0x800:
                buffer[written] = UInt8(0xC0 | value >> 6)
                buffer[written + 1] = UInt8(0x80 | value & 0x3F)
                written += 2
            default:
                buffer[written] = UInt8(0xE0 | value >> 12)
                buffer[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                buffer[written + 2] = UInt8(0x80 | value & 0x3F)
                written += 3
            }
        }
        return written
    }

    /// Unicode code points for bytes 0x80–0x9F.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80–87: € ‚ ƒ „ … † ‡
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88–8F: ˆ ‰ Š ‹ Œ Ž
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90–97: ‘ ’ “ ” • – —
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98–9F: ˜ ™ š › œ ž Ÿ
    ]
}

/// UTF-8 checked on bytes in place, for the readers that do not turn a whole file into a `String`.
///
/// Exactly as strict as Swift's `Unicode.UTF8` decoder that `TextDecoding.utf8` uses (no overlong forms, no
/// surrogates, nothing above U+10FFFF), so that a file the fast readers take as UTF-8 is one `TextDecoding` takes as
/// UTF-8 too.
package enum UTF8Validation {
    /// The length of the well-formed sequence at `position`, whose first byte is 0x80 or more; 0 when the bytes
    /// there are not UTF-8.
    @inline(__always)
    static func sequenceLength(_ base: UnsafePointer<UInt8>, at position: Int, count: Int) -> Int {
        @inline(__always) func continues(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            position + offset < count && base[position + offset] >= low && base[position + offset] <= high
        }
        switch base[position] {
        case 0xC2...0xDF: return continues(1) ? 2 : 0
        case 0xE0: return continues(1, 0xA0) && continues(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continues(1) && continues(2) ? 3 : 0
        case 0xED: return continues(1, 0x80, 0x9F) && continues(2) ? 3 : 0
        case 0xF0: return continues(1, 0x90) && continues(2) && continues(3) ? 4 : 0
        case 0xF1...0xF3: return continues(1) && continues(2) && continues(3) ? 4 : 0
        case 0xF4: return continues(1, 0x80, 0x8F) && continues(2) && continues(3) ? 4 : 0
        default: return 0
        }
    }

    /// Whether all of `bytes` is well-formed UTF-8, and the offset of the first NUL byte in it, if any.
    ///
    /// - Parameter release: called now and then with an offset below which the bytes will not be looked at again.
    package static func inspect(
        _ bytes: UnsafeRawBufferPointer, release: ((Int) -> Void)? = nil
    ) -> (isValid: Bool, firstNUL: Int?) {
        guard let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return (true, nil) }
        let count = bytes.count
        var isValid = true
        var firstNUL: Int?
        var position = 0
        var nextRelease = MappedFile.window
        while position < count {
            if position >= nextRelease, let release {
                release(position)
                nextRelease = position + MappedFile.window
            }
            let limit = min(count, release == nil ? count : nextRelease)
            if !isValid {
                // Only a NUL byte can change the answer now: `memchr` looks for it to the window's end, many times
                // faster than the loop below over text that is not ASCII (a Windows-1252 export, read to its end).
                if let nul = memchr(start + position, 0, limit - position) {
                    return (false, UnsafeRawPointer(start).distance(to: nul))
                }
                position = limit
                continue
            }
            // Eight ASCII bytes without a NUL at a time.
            while position + 8 <= limit {
                let word = ByteWords.load(start + position)
                if ByteWords.bytesBeyondASCII(word) | ByteWords.bytes(word, equalTo: 0) != 0 { break }
                position += 8
            }
            guard position < count else { break }
            let byte = start[position]
            if byte == 0 {
                if firstNUL == nil { firstNUL = position }
                position += 1
            } else if byte < 0x80 {
                position += 1
            } else {
                let length = sequenceLength(start, at: position, count: count)
                if length == 0 {
                    isValid = false
                    position += 1
                } else {
                    position += length
                }
            }
            if firstNUL != nil && !isValid { break }
        }
        return (isValid, firstNUL)
    }
}
