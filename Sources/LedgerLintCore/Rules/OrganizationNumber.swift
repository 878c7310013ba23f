/// Norwegian organisation numbers: nine digits, the last a MOD11 check digit.
enum OrganizationNumber {
    private static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// Whether `text` is a valid organisation number. Spaces are allowed (`987 654 321`); nothing else is.
    static func isValid(_ text: String) -> Bool {
        let digits = text.filter { $0 != " " && $0 != "\u{00A0}" }.compactMap(\.wholeNumberValue)
        guard digits.count == 9, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == " ") || $0 == "\u{00A0}" })
        else { return false }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = sum % 11
        if remainder == 1 { return false }
        let check = remainder == 0 ? 0 : 11 - remainder
        return digits[8] == check
    }
}
