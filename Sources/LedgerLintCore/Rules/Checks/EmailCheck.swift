import LedgerLintText

/// `email`: every address in the field is well formed.
struct EmailCheck: FieldCheck {
    enum Variable: String, CheckVariable {
        case value
        /// The first bad address (the whole value when it holds none).
        case invalid
    }

    let field: FieldReference
    /// Characters that separate several addresses in one field.
    let separators: String
    /// The bytes of the separators that are ASCII, which are all that separate addresses in ASCII text.
    private let separatorBytes: [UInt8]
    /// Whether a field that is one plain address (`EmailAddress.isOneValidAddress(_:)`) passes without more ado:
    /// unless a separator may stand in an address.
    private let passesPlainAddresses: Bool

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        field = try context.field(of: check)
        separators = check.separators ?? ";,"
        separatorBytes = separators.utf8.filter { $0 < 0x80 }
        passesPlainAddresses = !EmailAddress.mayHoldSeparator(separatorBytes)
    }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        field.withUTF8(dataset, record) { bytes in
            guard let bytes else { return nil }
            if passesPlainAddresses, EmailAddress.isOneValidAddress(bytes) { return nil }
            guard UTF8Text.hasContent(bytes) else { return nil }
            guard UTF8Text.isASCII(bytes), !bytes.contains(0x0D) else {
                return failure(of: FieldValue.string(String(decoding: bytes, as: UTF8.self)))
            }
            let invalid: String
            switch EmailAddress.firstInvalid(inASCII: bytes, separators: separatorBytes) {
            case .valid: return nil
            case .noAddress: invalid = String(decoding: bytes, as: UTF8.self)
            case .invalid(let address): invalid = String(decoding: address, as: UTF8.self)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            return CheckFailure {
                switch $0 {
                case .value: text
                case .invalid: invalid
                }
            }
        }
    }

    /// The failure of a value judged as a string: text that is not ASCII, whose characters are not its bytes.
    private func failure(of value: FieldValue) -> CheckFailure<Variable>? {
        guard value.isPresent else { return nil }
        let addresses = EmailAddress.split(value.text, separators: separators)
        let invalid: String
        if let first = addresses.first(where: { !EmailAddress.isValid($0) }) {
            invalid = String(first)
        } else if addresses.isEmpty {
            invalid = value.text
        } else {
            return nil
        }
        return CheckFailure {
            switch $0 {
            case .value: value.text
            case .invalid: invalid
            }
        }
    }
}
