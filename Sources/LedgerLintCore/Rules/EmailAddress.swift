/// A practical e-mail address check: what PowerOffice and mail servers accept, without the corners of RFC 5322
/// that no invoice address uses (quoted local parts, IP literals, comments).
///
/// Works on UTF-8 bytes, because the rules run it on every customer: ASCII addresses never build a `Character`.
/// Domains may hold letters outside ASCII (`bærum.no`).
enum EmailAddress {
    /// The addresses in a field that may hold several, separated by any of `separators`.
    static func split(_ text: String, separators: String) -> [Substring] {
        let separatorBytes = Array(separators.utf8)
        if !text.utf8.contains(where: { separatorBytes.contains($0) }) {
            let trimmed = text.trimmedSpaces
            return trimmed.isEmpty ? [] : [trimmed]
        }
        return text.split(whereSeparator: { character in
            character.utf8.count == 1 && separatorBytes.contains(character.utf8.first ?? 0)
        })
        .map { $0.trimmedSpaces }
        .filter { !$0.isEmpty }
    }

    static func isValid(_ address: some StringProtocol) -> Bool {
        let bytes = Substring(address).utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[bytes.startIndex..<at]
        let domain = bytes[bytes.index(after: at)...]
        guard isValidLocalPart(local), !domain.contains(UInt8(ascii: "@")) else { return false }
        return isValidDomain(domain)
    }

    private static let localSpecials = Set("!#$%&'*+/=?^_`{|}~-.".utf8)

    private static func isValidLocalPart(_ local: Substring.UTF8View.SubSequence) -> Bool {
        guard (1...64).contains(local.count), local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".") else {
            return false
        }
        var previous: UInt8 = 0
        for byte in local {
            let allowed = isASCIIAlphanumeric(byte) || localSpecials.contains(byte)
            guard allowed, !(byte == UInt8(ascii: ".") && previous == UInt8(ascii: ".")) else { return false }
            previous = byte
        }
        return true
    }

    private static func isValidDomain(_ domain: Substring.UTF8View.SubSequence) -> Bool {
        guard !domain.isEmpty, domain.count <= 253 else { return false }
        if domain.contains(where: { $0 >= 0x80 }) {
            // Internationalised domain: judge by characters.
            let characters = String(decoding: domain, as: UTF8.self)
            let labels = characters.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2 else { return false }
            for label in labels {
                guard (1...63).contains(label.count), label.first != "-", label.last != "-",
                    label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
                else { return false }
            }
            guard let topLevel = labels.last, topLevel.count >= 2, topLevel.allSatisfy(\.isLetter) else { return false }
            return true
        }
        var labels = 0
        var labelLength = 0
        var labelStart: UInt8 = 0
        var previous: UInt8 = 0
        var topLevelAllLetters = true
        for byte in domain {
            if byte == UInt8(ascii: ".") {
                guard (1...63).contains(labelLength), previous != UInt8(ascii: "-") else { return false }
                labels += 1
                labelLength = 0
                topLevelAllLetters = true
            } else {
                guard isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") else { return false }
                if labelLength == 0 {
                    labelStart = byte
                    guard labelStart != UInt8(ascii: "-") else { return false }
                }
                if !isASCIILetter(byte) { topLevelAllLetters = false }
                labelLength += 1
            }
            previous = byte
        }
        guard (2...63).contains(labelLength), previous != UInt8(ascii: "-"), topLevelAllLetters else { return false }
        return labels + 1 >= 2
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
