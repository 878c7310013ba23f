import Foundation
import LedgerLintJSON
import LedgerLintText

/// A CSV reader over the bytes of an export, one record at a time, that makes a string only for the cells asked for.
///
/// `CSVTable` describes the dialect (Excel's on Norwegian Windows, and hand-made files); this is its engine, working
/// on the file's bytes rather than on decoded text, so that a million-row export costs a pass over its bytes and a
/// string per cell the model keeps, rather than an array of every character and a string per cell. The bytes are
/// UTF-8 or Windows-1252 (`TextDecoding` decides which, and turns UTF-16 into UTF-8 first): in both, the separators,
/// quotes and line breaks are the ASCII bytes, so the grammar is the same and only turning a cell into a `String`
/// differs. Line numbers and error messages are `CSVTable`'s.
struct CSVScanner {
    /// How a cell's bytes become text.
    enum Encoding: Sendable {
        case utf8
        case windows1252
    }

    /// A cell of the current record: bytes of the file, or of `scratch` for a quoted cell that had doubled quotes
    /// or line breaks in it.
    struct Field {
        var start: Int
        var end: Int
        var inScratch: Bool
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    let path: String
    let encoding: Encoding
    let delimiter: UInt8
    private(set) var index = 0
    private(set) var line = 1
    /// The cells of the record `nextRecord` read last.
    private(set) var fields: [Field] = []
    /// Called now and then by readers with the offset they have reached, so that a mapped file can let go of the
    /// pages before it; `nil` when the bytes are not the file's.
    var release: ((Int) -> Void)?
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeRawBufferPointer, path: String, encoding: Encoding) {
        base = bytes.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? Self.empty
        count = bytes.count
        self.path = path
        self.encoding = encoding
        if let (named, next) = Self.separatorLine(base, count: count) {
            delimiter = named
            index = next
            line = 2
        } else {
            delimiter = Self.detectDelimiter(base, count: count)
        }
    }

    /// Excel's `sep=;` first line, which names the separator (Excel writes it, and reads it, so that a file opens
    /// in columns whatever the machine's list separator): the separator and where the line after it starts.
    /// `"sep=;"` in quotes, as some tools write it, counts too.
    static func separatorLine(_ base: UnsafePointer<UInt8>, count: Int) -> (delimiter: UInt8, next: Int)? {
        var position = 0
        let quoted = count > 0 && base[0] == UInt8(ascii: "\"")
        if quoted { position = 1 }
        let marker = Array("sep=".utf8)
        guard count >= position + marker.count + 1,
            (0..<marker.count).allSatisfy({ base[position + $0] | 0x20 == marker[$0] })
        else { return nil }
        position += marker.count
        let separator = base[position]
        position += 1
        if quoted {
            guard position < count, base[position] == UInt8(ascii: "\"") else { return nil }
            position += 1
        }
        // Nothing else on the line: otherwise this is a header that happens to start with "sep=".
        guard separator != 0x0A, separator != 0x0D, separator != UInt8(ascii: "\""), separator < 0x80 else { return nil }
        if position < count {
            switch base[position] {
            case 0x0D:
                position += 1
                if position < count, base[position] == 0x0A { position += 1 }
            case 0x0A:
                position += 1
            default:
                return nil
            }
        }
        return (separator, position)
    }

    // One byte that is never written, for empty input.
    nonisolated(unsafe) private static let empty: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    /// The separator used in the first non-blank line, counting only occurrences outside quotes; `;` wins ties.
    static func detectDelimiter(_ base: UnsafePointer<UInt8>, count: Int) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        var sawContent = false
        for position in 0..<count {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                if sawContent { break }
            } else if !inQuotes && (byte == UInt8(ascii: ";") || byte == 0x09 || byte == UInt8(ascii: ",")) {
                counts[byte, default: 0] += 1
            }
            if byte != 0x0A && byte != 0x0D { sawContent = true }
        }
        // `max(by:)` keeps the first of equal elements, so the order of the candidates breaks ties.
        return [UInt8(ascii: ";"), 0x09, UInt8(ascii: ",")].max { counts[$0, default: 0] < counts[$1, default: 0] }
            ?? UInt8(ascii: ";")
    }
}

// MARK: - Records

extension CSVScanner {
    /// Reads the next record into `fields` and returns the line it starts on, or `nil` at the end of the bytes.
    ///
    /// - Throws: `InputError.malformedCSV` for a quoted field that is never closed, a quote inside an unquoted
    ///   field, or text after a closing quote.
    mutating func nextRecord() throws(InputError) -> Int? {
        guard index < count else { return nil }
        let startLine = line
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        while true {
            if try nextField() { return startLine }
        }
    }

    /// The current record read as the header: its cells as written, without a byte-order mark that survived
    /// decoding (a UTF-8 mark inside a UTF-16 file, say); `nil` when the record is blank, as a header cannot be.
    func headerNames() -> [String]? {
        var names = fields.map { string($0) }
        if let first = names.first, first.unicodeScalars.first == "\u{FEFF}" {
            names[0] = String(first.unicodeScalars.dropFirst())
        }
        let blank = names.allSatisfy { $0.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
        return blank ? nil : names
    }

    /// - Throws: `InputError.malformedCSV` when the current record has more cells than the header has columns.
    func checkWidth(_ columns: Int, line: Int) throws(InputError) {
        guard fields.count > columns else { return }
        throw InputError.malformedCSV(
            path: path, line: line,
            reason: CSVTable.Reason.tooManyFields(fields.count, columns: columns, delimiter: Unicode.Scalar(delimiter)))
    }

    /// Whether every cell of the current record is empty or only spaces and tabs.
    var isBlank: Bool {
        fields.allSatisfy { field in
            bytes(field).allSatisfy { $0 == UInt8(ascii: " ") || $0 == 0x09 }
        }
    }

    /// The cell's text as written.
    func string(_ field: Field) -> String {
        text(bytes(field))
    }

    /// The cell's text without surrounding whitespace (as `trimmingCharacters(in: .whitespacesAndNewlines)`
    /// trims it), or `nil` when nothing is left.
    func trimmed(_ field: Field) -> String? {
        let all = bytes(field)
        var start = 0
        var end = all.count
        while start < end, Self.isASCIIWhitespace(all[start]) { start += 1 }
        while end > start, Self.isASCIIWhitespace(all[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        if mayBeWhitespace(first: all[start], last: all[end - 1]) {
            // Whitespace beyond ASCII (a no-break space, say) may be at an edge: let Foundation decide.
            let trimmed = text(all).trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        return text(UnsafeBufferPointer(rebasing: all[start..<end]))
    }

    /// Whether a cell that starts with the byte `first` and ends with `last` may start or end with a character
    /// of `.whitespacesAndNewlines` beyond ASCII. In Windows-1252 that is 0xA0 alone; in UTF-8 see
    /// `EdgeWhitespace.mayBeBeyondASCII`.
    private func mayBeWhitespace(first: UInt8, last: UInt8) -> Bool {
        switch encoding {
        case .windows1252:
            return first == 0xA0 || last == 0xA0
        case .utf8:
            return EdgeWhitespace.mayBeBeyondASCII(first: first, last: last)
        }
    }

    /// The cell's bytes without surrounding ASCII whitespace, when that is what `trimmed` trims; `nil` when
    /// nothing is left or the edges need `trimmed`'s slower look.
    func trimmedBytes(_ field: Field) -> UnsafeBufferPointer<UInt8>? {
        let all = bytes(field)
        var start = 0
        var end = all.count
        while start < end, Self.isASCIIWhitespace(all[start]) { start += 1 }
        while end > start, Self.isASCIIWhitespace(all[end - 1]) { end -= 1 }
        guard start < end, !mayBeWhitespace(first: all[start], last: all[end - 1]) else { return nil }
        return UnsafeBufferPointer(rebasing: all[start..<end])
    }

    /// The cell as `trimmed(_:)` makes it, for a table: its bytes where they lie, in the file's encoding (a file
    /// read as UTF-8 was all valid UTF-8), else, when an edge needs `trimmed(_:)`'s slower look, its string.
    func textCell(_ field: Field) -> TextCell {
        guard let bytes = trimmedBytes(field) else { return .string(trimmed(field)) }
        if encoding == .utf8 || UTF8Text.isASCII(bytes) { return .utf8(bytes) }
        return .windows1252(bytes)
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
    }

    private func bytes(_ field: Field) -> UnsafeBufferPointer<UInt8> {
        if field.inScratch {
            return scratch.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[field.start..<field.end]) }
        }
        return UnsafeBufferPointer(start: base + field.start, count: field.end - field.start)
    }

    private func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch encoding {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return TextDecoding.windows1252(bytes)
        }
    }

    /// Reads one field and the separator or line break after it; `true` when the record ends.
    private mutating func nextField() throws(InputError) -> Bool {
        let start = index
        let fieldLine = line
        let base = self.base
        let count = self.count
        let delimiter = self.delimiter
        while index < count {
            // Eight bytes at a time while none is the separator, a quote or a line break.
            while index + 8 <= count {
                let word = ByteWords.load(base + index)
                let found = ByteWords.bytes(word, equalTo: delimiter) | ByteWords.bytes(word, equalTo: UInt8(ascii: "\""))
                    | ByteWords.bytes(word, equalTo: 0x0A) | ByteWords.bytes(word, equalTo: 0x0D)
                if found != 0 {
                    index += found.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < count else { break }
            let byte = base[index]
            if byte == delimiter {
                fields.append(Field(start: start, end: index, inScratch: false))
                index += 1
                return false
            }
            if byte == 0x0A || byte == 0x0D {
                fields.append(Field(start: start, end: index, inScratch: false))
                consumeLineBreak()
                return true
            }
            if byte == UInt8(ascii: "\"") {
                // Spaces before an opening quote are tolerated (`a, "b"`); anything else is a stray quote.
                let before = UnsafeBufferPointer(start: base + start, count: index - start)
                guard before.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == 0x09 }) else {
                    throw InputError.malformedCSV(
                        path: path, line: line,
                        reason: CSVTable.Reason.quoteInUnquotedField(text(before)))
                }
                return try quotedField(startLine: fieldLine)
            }
            index += 1
        }
        fields.append(Field(start: start, end: index, inScratch: false))
        return true
    }

    /// Reads a quoted field; `index` is at the opening quote.
    private mutating func quotedField(startLine: Int) throws(InputError) -> Bool {
        index += 1
        let contentStart = index
        // Where the content is copied to once a doubled quote or a line break means it is no longer a slice.
        var copyStart: Int?
        var field: Field
        while true {
            guard index < count else {
                throw InputError.malformedCSV(
                    path: path, line: startLine,
                    reason: CSVTable.Reason.unclosedQuote)
            }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                if index + 1 < count && base[index + 1] == UInt8(ascii: "\"") {
                    if copyStart == nil { copyStart = beginCopy(from: contentStart) }
                    scratch.append(UInt8(ascii: "\""))
                    index += 2
                    continue
                }
                field = copyStart.map { Field(start: $0, end: scratch.count, inScratch: true) }
                    ?? Field(start: contentStart, end: index, inScratch: false)
                index += 1
                break
            }
            if byte == 0x0A || byte == 0x0D {
                // Keep the break inside the field as a plain LF, whatever the file used.
                if copyStart == nil { copyStart = beginCopy(from: contentStart) }
                consumeLineBreak()
                scratch.append(0x0A)
                continue
            }
            if copyStart != nil { scratch.append(byte) }
            index += 1
        }
        // After the closing quote: optional spaces, then a separator, a line break or the end.
        while index < count {
            let byte = base[index]
            if byte == delimiter {
                fields.append(field)
                index += 1
                return false
            }
            if byte == 0x0A || byte == 0x0D {
                fields.append(field)
                consumeLineBreak()
                return true
            }
            guard byte == UInt8(ascii: " ") || byte == 0x09 else {
                throw InputError.malformedCSV(
                    path: path, line: line,
                    reason: CSVTable.Reason.textAfterClosingQuote(string(field)))
            }
            index += 1
        }
        fields.append(field)
        return true
    }

    /// Copies the content read so far into `scratch`; returns where it starts there.
    private mutating func beginCopy(from contentStart: Int) -> Int {
        let start = scratch.count
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + contentStart, count: index - contentStart))
        return start
    }

    private mutating func consumeLineBreak() {
        if base[index] == 0x0D && index + 1 < count && base[index + 1] == 0x0A {
            index += 2
        } else {
            index += 1
        }
        line += 1
    }
}

// MARK: - Files

extension CSVScanner {
    /// Runs `body` with a scanner over `bytes`, after deciding their encoding as `TextDecoding` does, without
    /// making a `String` of the whole file: UTF-8 and Windows-1252 are scanned in place, UTF-16 is converted to
    /// UTF-8 first.
    ///
    /// - Throws: `InputError.notText` and `InputError.unreadable` as `TextDecoding.decode`, then `body`'s errors.
    static func withScanner<Result>(
        over bytes: UnsafeRawBufferPointer, path: String, mapped: MappedFile? = nil,
        _ body: (inout CSVScanner) throws -> Result
    ) throws -> Result {
        let mark = TextDecoding.mark(of: bytes)
        let hasBOM = mark == .utf8BOM
        if mark == .utf16LE || mark == .utf16BE {
            let text = try InputError.converting { try TextDecoding.decode(Data(bytes), path: path) }
            return try Array(text.utf8).withUnsafeBytes { utf8 in
                var scanner = CSVScanner(utf8, path: path, encoding: .utf8)
                return try body(&scanner)
            }
        }
        let offset = hasBOM ? 3 : 0
        let content = UnsafeRawBufferPointer(rebasing: bytes[offset...])
        let inspection = mapped?.pager(from: offset)
        let (isValid, firstNUL) = UTF8Validation.inspect(content) { inspection?($0 + offset) }
        if hasBOM && !isValid {
            throw InputError.unreadable(path: path, reason: TextDecoding.invalidAfterBOM("UTF-8"))
        }
        if let firstNUL { throw InputError.notText(path: path, line: TextDecoding.line(at: firstNUL, in: content)) }
        var scanner = CSVScanner(content, path: path, encoding: isValid ? .utf8 : .windows1252)
        if let pager = mapped?.pager(from: offset) { scanner.release = { pager($0 + offset) } }
        return try body(&scanner)
    }
}
