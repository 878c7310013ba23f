/// Norwegian organisation numbers: nine digits, the last a MOD11 check digit.
///
/// Works on UTF-8 bytes: it runs on every customer, and `Character` digit properties are Unicode table look-ups.
enum OrganizationNumber {
    private static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// Whether `text` is a valid organisation number. Spaces are allowed (`987 654 321`, also no-break spaces);
    /// nothing else is.
    static func isValid(_ text: String) -> Bool { isValid(utf8: text.utf8) }

    /// Whether a text's UTF-8 bytes are a valid organisation number (`isValid(_:)`), read where they lie.
    static func isValid(utf8 text: some Sequence<UInt8>) -> Bool {
        // The weighted sum as the digits come: no array of them is made for every customer.
        var count = 0
        var sum = 0
        var checkDigit = 0
        var bytes = text.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard count < 9 else { return false }
                let digit = Int(byte - UInt8(ascii: "0"))
                if count < 8 { sum += digit * weights[count] } else { checkDigit = digit }
                count += 1
            case UInt8(ascii: " "):
                continue
            case 0xC2:
                // U+00A0 NO-BREAK SPACE is C2 A0 in UTF-8, as Excel writes it in formatted numbers.
                guard bytes.next() == 0xA0 else { return false }
            default:
                return false
            }
        }
        guard count == 9 else { return false }
        let remainder = sum % 11
        if remainder == 1 { return false }
        return checkDigit == (remainder == 0 ? 0 : 11 - remainder)
    }
}
