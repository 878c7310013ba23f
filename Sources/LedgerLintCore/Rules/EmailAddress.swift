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

    /// What a field of addresses holds, judged on its bytes (`firstInvalid(inASCII:separators:)`).
    enum Verdict<Bytes: Collection<UInt8>> {
        case valid
        /// Nothing but separators and blanks.
        case noAddress
        /// The first bad address, trimmed.
        case invalid(Bytes.SubSequence)
    }

    /// The first bad address in the bytes of a field that may hold several, as `split(_:separators:)` and
    /// `isValid(_:)` find it, without building a string.
    ///
    /// - Precondition: every byte is ASCII and none is a carriage return. Then each byte is a `Character`, as
    ///   `split` sees them (a combining mark would join a separator, and CR LF is one character); other text is
    ///   judged as a string.
    static func firstInvalid<Bytes: BidirectionalCollection<UInt8>>(
        inASCII bytes: Bytes, separators: [UInt8]
    ) -> Verdict<Bytes> where Bytes.SubSequence: BidirectionalCollection<UInt8> {
        var found = false
        var start = bytes.startIndex
        while start != bytes.endIndex {
            let end = bytes[start...].firstIndex(where: { separators.contains($0) }) ?? bytes.endIndex
            let address = UTF8Text.trimmed(bytes[start..<end])
            if !address.isEmpty {
                guard isValid(utf8: address) else { return .invalid(bytes[address.startIndex..<address.endIndex]) }
                found = true
            }
            start = end == bytes.endIndex ? end : bytes.index(after: end)
        }
        return found ? .valid : .noAddress
    }

    static func isValid(_ address: some StringProtocol) -> Bool { isValid(utf8: Substring(address).utf8) }

    /// Whether the UTF-8 bytes of one address are well formed.
    static func isValid<Bytes: BidirectionalCollection<UInt8>>(utf8 bytes: Bytes) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[bytes.startIndex..<at]
        let domain = bytes[bytes.index(after: at)...]
        guard isValidLocalPart(local), !domain.contains(UInt8(ascii: "@")) else { return false }
        return isValidDomain(domain)
    }

    private static let localSpecials = Set("!#$%&'*+/=?^_`{|}~-.".utf8)

    // MARK: One plain address, in one pass

    /// What a byte may be in an address, for `isOneValidAddress(_:)`: a bit per place it may stand.
    private struct ByteClass: OptionSet {
        let rawValue: UInt8
        /// In the local part (letters, digits, the specials, dot and hyphen).
        static let local = ByteClass(rawValue: 1)
        /// In a label of the domain (letters, digits, hyphen).
        static let domain = ByteClass(rawValue: 2)
        static let letter = ByteClass(rawValue: 4)
    }

    private static let byteClasses: [ByteClass] = (0...255).map { value in
        let byte = UInt8(value)
        var classes: ByteClass = []
        if isASCIIAlphanumeric(byte) || localSpecials.contains(byte) { classes.insert(.local) }
        if isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") { classes.insert(.domain) }
        if isASCIILetter(byte) { classes.insert(.letter) }
        return classes
    }

    /// Whether the bytes are one well-formed ASCII address and nothing else: no blank, separator, control or
    /// non-ASCII byte anywhere. One pass, a look-up per byte; the e-mail check asks it first of every customer,
    /// and most addresses are such.
    ///
    /// `true` means `isValid(utf8:)` is true, and so is every reading of the field that trims it and splits it at
    /// separators that are not address bytes (`mayHoldSeparator(_:)`). `false` decides nothing: the address is
    /// judged the full way.
    static func isOneValidAddress(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        byteClasses.withUnsafeBufferPointer { classes in
            let count = bytes.count
            // The local part: 1 to 64 bytes, no dot first, last or next to another.
            var index = 0
            var previous: UInt8 = 0
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "@") { break }
                guard classes[Int(byte)].contains(.local),
                    byte != UInt8(ascii: ".") || (index > 0 && previous != UInt8(ascii: "."))
                else { return false }
                previous = byte
                index += 1
            }
            guard index < count, (1...64).contains(index), previous != UInt8(ascii: ".") else { return false }
            // The domain: up to 253 bytes, at least two labels of 1 to 63 letters, digits and hyphens, no hyphen
            // first or last, and a top level of 2 or more letters.
            let domainStart = index + 1
            guard (1...253).contains(count - domainStart) else { return false }
            var labelStart = domainStart
            var topLevelAllLetters = true
            var labels = 0
            index = domainStart
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ".") {
                    guard (1...63).contains(index - labelStart), bytes[index - 1] != UInt8(ascii: "-") else { return false }
                    labels += 1
                    labelStart = index + 1
                    topLevelAllLetters = true
                } else {
                    let kind = classes[Int(byte)]
                    guard kind.contains(.domain), index != labelStart || byte != UInt8(ascii: "-") else { return false }
                    if !kind.contains(.letter) { topLevelAllLetters = false }
                }
                index += 1
            }
            return labels >= 1 && (2...63).contains(count - labelStart) && topLevelAllLetters
                && bytes[count - 1] != UInt8(ascii: "-")
        }
    }

    /// Whether a separator may stand inside an address that `isOneValidAddress(_:)` accepts, where it would split
    /// the field: then that answer does not hold for the field.
    static func mayHoldSeparator(_ separators: [UInt8]) -> Bool {
        // Every byte of a domain may also stand in a local part.
        separators.contains { byteClasses[Int($0)].contains(.local) || $0 == UInt8(ascii: "@") }
    }

    private static func isValidLocalPart(_ local: some BidirectionalCollection<UInt8>) -> Bool {
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

    private static func isValidDomain(_ domain: some Collection<UInt8>) -> Bool {
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
