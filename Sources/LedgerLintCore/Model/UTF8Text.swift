/// What the rules ask of a text, asked of its UTF-8 bytes: whether it is blank, where it is once trimmed, and
/// which whole number it is.
///
/// The rules read a million customers' fields where a table keeps them (`RecordTable.withUTF8(_:_:_:)`), so that
/// judging a field builds no `String`. The `String` forms (`trimmedSpaces`, `hasContent`, `FieldValue.integer`)
/// give the same answers; `UTF8TextTests` holds them to it. The bytes are valid UTF-8, as every `String`'s are.
enum UTF8Text {
    /// Whether there is anything but blanks: spaces, tabs and no-break spaces, what the rules treat as blank around
    /// a value.
    static func hasContent<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            switch bytes[index] {
            case 0x20, 0x09:
                bytes.formIndex(after: &index)
            case 0xC2:
                // U+00A0 NO-BREAK SPACE is C2 A0.
                let next = bytes.index(after: index)
                guard next != bytes.endIndex, bytes[next] == 0xA0 else { return true }
                index = bytes.index(after: next)
            default:
                return true
            }
        }
        return false
    }

    /// The bytes without leading and trailing blanks.
    static func trimmed<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start != end {
            let byte = bytes[start]
            if byte == 0x20 || byte == 0x09 {
                bytes.formIndex(after: &start)
            } else if byte == 0xC2, bytes.index(after: start) != end, bytes[bytes.index(after: start)] == 0xA0 {
                start = bytes.index(start, offsetBy: 2)
            } else {
                break
            }
        }
        while start != end {
            let last = bytes.index(before: end)
            let byte = bytes[last]
            if byte == 0x20 || byte == 0x09 {
                end = last
            } else if byte == 0xA0, last != start, bytes[bytes.index(before: last)] == 0xC2 {
                // A0 is a continuation byte and C2 a lead byte: together, at the end, they are U+00A0.
                end = bytes.index(before: last)
            } else {
                break
            }
        }
        return bytes[start..<end]
    }

    /// The whole number the bytes are once trimmed, as `Int64(text.trimmedSpaces)` reads it: an optional sign and
    /// ASCII digits, within 64 bits.
    static func integer<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Int64? {
        let digits = trimmed(bytes)
        guard !digits.isEmpty else { return nil }
        var index = digits.startIndex
        var negative = false
        if digits[index] == UInt8(ascii: "-") || digits[index] == UInt8(ascii: "+") {
            negative = digits[index] == UInt8(ascii: "-")
            digits.formIndex(after: &index)
            guard index != digits.endIndex else { return nil }
        }
        // Accumulated negatively, so that Int64.min, whose magnitude no Int64 holds, is read too.
        var number: Int64 = 0
        while index != digits.endIndex {
            let digit = digits[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflowShift) = number.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) = shifted.subtractingReportingOverflow(Int64(digit))
            guard !overflowShift, !overflowAdd else { return nil }
            number = next
            digits.formIndex(after: &index)
        }
        if negative { return number }
        return number == .min ? nil : -number
    }

    /// The decimal digits of `number`, as `String(number)` writes them, in a buffer of the stack.
    @inline(__always)
    static func withDecimal<Result>(_ number: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var magnitude = number.magnitude
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            if number < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// The ASCII digits of the bytes and no others (`Normalization.digits`): the bytes themselves when they are all
    /// digits, else a copy of the digits on the stack.
    @inline(__always)
    static func withDigits<Result>(
        of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if bytes.allSatisfy({ (0x30...0x39).contains($0) }) { return body(bytes) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes where (0x30...0x39).contains(byte) {
                buffer[count] = byte
                count += 1
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Whether every byte is ASCII: then a `String`'s equality (canonical equivalence) is equality of bytes.
    static func isASCII<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}
