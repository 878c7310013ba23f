/// Norwegian organisation numbers: nine digits, the last a MOD11 check digit.
///
/// Works on UTF-8 bytes: it runs on every customer, and `Character` digit properties are Unicode table look-ups.
enum OrganizationNumber {
    private static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// Whether `text` is a valid organisation number. Spaces are allowed (`987 654 321`, also no-break spaces);
    /// nothing else is.
    static func isValid(_ text: String) -> Bool {
        var digits: [Int] = []
        digits.reserveCapacity(9)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits.count < 9 else { return false }
                digits.append(Int(byte - UInt8(ascii: "0")))
            case UInt8(ascii: " "):
                continue
            case 0xC2:
                // U+00A0 NO-BREAK SPACE is C2 A0 in UTF-8, as Excel writes it in formatted numbers.
                guard bytes.next() == 0xA0 else { return false }
            default:
                return false
            }
        }
        guard digits.count == 9 else { return false }
        var sum = 0
        for index in 0..<8 { sum += digits[index] * weights[index] }
        let remainder = sum % 11
        if remainder == 1 { return false }
        return digits[8] == (remainder == 0 ? 0 : 11 - remainder)
    }
}
