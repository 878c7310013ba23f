import Testing

@testable import LedgerLintCore

/// The rules judge a customer table's texts on their bytes (`UTF8Text`, `FieldReference.withUTF8`); these hold each
/// byte-level reading to the string reading it replaced, on the inputs where bytes and characters part ways:
/// blanks, no-break spaces, signs and overflow, non-ASCII letters, combining marks, text that is canonically equal
/// to other text, and CR LF.
@Suite struct UTF8TextTests {
    static let tricky: [String] = [
        "", " ", "\t", "\u{A0}", " \u{A0}\t", " \u{A0}x\u{A0} ", "x", "Â\u{A0}", "\u{A0}Â", "\u{2000}1",
        "12", " 12 ", "\u{A0}12\u{A0}", "+12", "-12", "+", "-", "--1", "+-1", "1 2", "１２", "0", "-0", "007",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "99999999999999999999", "1e3", "12\u{301}",
        "e\u{301}", "é", "\u{212A}", "K", "k", "EMAIL", "Print", "emai", "emails", "@", "[", "`", "{", "EHF", "ehf", " EHF ", "Ehf\u{301}", "E-post", "Ë", "ß", "İ",
        "a@b.no", "A@B.NO", " a@b.no ", "a@b.no; c@d.no", "a@b.no,c@d", "a@b.no;\u{301}c@d.no", "a@b.no\r\n;c@d.no",
        "a@b.no\r;c@d.no", ";", " ; , ", "faktura@bærum.no", "a@@b.no", "a@b", "a..b@c.no", ".a@b.no", "a@-b.no",
        "a@b-.no", "a@b.n0", "\u{A0}a@b.no", "a@b.no,", ",a@b.no", "x;y", "a@b.no\u{A0};\tc@d.no", "é@b.no",
        "974760673", "974 760 673", "974\u{A0}760\u{A0}673", "NO974760673", "974-760-673", "97476067\u{301}3",
        "974.760.673", "9\u{C2}74760673",
    ]

    // The string forms as they were before the rules read bytes: by Unicode scalars.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{00A0}" }

    static func referenceTrimmed(_ text: String) -> Substring {
        guard let first = text.unicodeScalars.firstIndex(where: { !isBlank($0) }),
            let last = text.unicodeScalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return text[first...last]
    }

    @Test(arguments: tricky)
    func blanksTrimmingAndWholeNumbersAgreeWithTheStringForms(_ text: String) {
        let hasContent = text.unicodeScalars.contains { !Self.isBlank($0) }
        #expect(UTF8Text.hasContent(Array(text.utf8)) == hasContent)
        #expect(text.hasContent == hasContent)
        #expect(text.trimmedSpaces.utf8.elementsEqual(Self.referenceTrimmed(text).utf8))
        #expect(String(decoding: UTF8Text.trimmed(Array(text.utf8)), as: UTF8.self) == String(Self.referenceTrimmed(text)))
        #expect(UTF8Text.integer(Array(text.utf8)) == Int64(Self.referenceTrimmed(text)))
        #expect(UTF8Text.integer(Array(text.utf8)) == FieldValue.string(text).integer)
    }

    /// A customer with `text` in every text field a byte check reads, judged by the field's bytes.
    static func judge<Result>(
        _ text: String, field name: String, _ body: (FieldReference, Dataset, RecordContext) throws -> Result
    ) throws -> Result {
        let customer = AssistCustomer(customerNumber: text, name: text, organizationNumber: text, email: text)
        let dataset = Dataset(Snapshot(assistCustomers: [customer]))
        let field = try FieldScope(subject: .assistCustomers, joins: []).resolve(name)
        #expect(field.table != nil, "read in place from the table")
        return try body(field, dataset, RecordContext(index: 0, joined: []))
    }

    static func context() -> CheckContext {
        CheckContext(scope: FieldScope(subject: .assistCustomers, joins: []), joinNames: [])
    }

    @Test(arguments: tricky)
    func presenceAndWholeNumbersReadInPlaceAgreeWithTheValue(_ text: String) throws {
        try Self.judge(text, field: "email") { field, dataset, record in
            let value = field.read(dataset, record)
            #expect(value == .string(text))
            #expect(field.isPresent(dataset, record) == value.isPresent)
            #expect(field.integer(dataset, record) == value.integer)
            #expect(field.withUTF8(dataset, record) { $0.map { Array($0) } } == Array(text.utf8))
        }
    }

    @Test(arguments: tricky)
    func emailAddressesJudgedOnBytesAgreeWithTheSplitStrings(_ text: String) throws {
        let check = try EmailCheck(Check(kind: .email, field: "email", separators: ";,"), in: Self.context())
        let failure = try Self.judge(text, field: "email") { _, dataset, record in
            check.failure(dataset, record, language: .en)?.values
        }
        #expect(failure == Self.emailFailure(text, separators: ";,"))
    }

    /// The e-mail check's failure as the strings give it: the addresses split apart, the first bad one.
    static func emailFailure(_ text: String, separators: String) -> [String: String]? {
        let addresses = EmailAddress.split(text, separators: separators)
        if !text.hasContent { return nil }
        if let first = addresses.first(where: { !EmailAddress.isValid($0) }) {
            return ["value": text, "invalid": String(first)]
        }
        return addresses.isEmpty ? ["value": text, "invalid": text] : nil
    }

    @Test(arguments: tricky)
    func organisationNumbersJudgedOnBytesAgreeWithTheString(_ text: String) throws {
        let check = try OrganizationNumberCheck(
            Check(kind: .organizationNumber, field: "organizationNumber"), in: Self.context())
        let failed = try Self.judge(text, field: "organizationNumber") { _, dataset, record in
            check.failure(dataset, record, language: .en) != nil
        }
        #expect(failed == !OrganizationNumber.isValid(text))
        // By characters, as a reader of the rule would count: nine digits once spaces are gone, MOD11.
        let digits = text.unicodeScalars.filter { $0 != " " && $0 != "\u{A0}" }
        if digits.count != 9 || !digits.allSatisfy({ ("0"..."9").contains($0) }) { #expect(failed) }
    }

    @Test(arguments: tricky)
    func oneOfOnBytesAgreesWithLowercasedStrings(_ text: String) throws {
        for values in [["email", "print"], ["EHF", "e-post"], ["k"], ["\u{212A}"], ["é", "x"], [""], ["Ë", "ß"], ["`", "{"], ["@", "["]] {
            let allowed = LowercasedValues(values.map { .string($0) })
            let found = try Self.judge(text, field: "name") { field, dataset, record in
                allowed.contains(valueOf: field, dataset, record)
            }
            #expect(found == Set(values.map { $0.lowercased() }).contains(text.lowercased()), "\(values)")
        }
    }

    @Test(arguments: tricky)
    func constantsComparedOnBytesAgreeWithFieldValueSame(_ text: String) throws {
        let constants: [FieldValue] = [
            .null, .string(""), .string(" "), .string("EHF"), .string(" EHF\u{A0}"), .string("12"), .int(12), .int(-12),
            .bool(true), .string("é"), .string("e\u{301}"), .string("K"), .string("\u{212A}"), .string("a@b.no"),
        ]
        for constant in constants {
            let expected = ExpectedValue(constant)
            let same = try Self.judge(text, field: "name") { field, dataset, record in
                expected.isSame(asValueOf: field, dataset, record)
            }
            #expect(same == FieldValue.same(.string(text), constant), "\(constant)")
        }
    }

    @Test(arguments: tricky)
    func digitsComparedOnBytesAgreeWithTheNormalizedKeys(_ text: String) {
        for other in ["974760673", "974 760 673", "", "１２", "12", "NO974760673", text] {
            var (left, right) = (text, other)
            let same = left.withUTF8 { lhs in right.withUTF8 { rhs in Normalization.sameDigits(lhs, rhs) } }
            #expect(same == (Normalization.digits.key(.string(text)) == Normalization.digits.key(.string(other))))
        }
    }
}
