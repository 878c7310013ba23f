import FakePowerOffice
import Testing

@testable import LedgerLintCore

/// The e-mail check's one-pass answer for a field that is one plain address (`EmailAddress.isOneValidAddress(_:)`)
/// held to the full reading (`isValid(utf8:)`, and the check's own verdict): it may say "valid" only where they do,
/// and for text of address bytes alone it must say what they say.
@Suite struct EmailAddressTests {
    static func onePass(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { EmailAddress.isOneValidAddress($0) }
    }

    /// Bytes that may stand in an address the one pass accepts.
    static func isAddressText(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            byte < 0x80 && (byte == UInt8(ascii: "@") || "!#$%&'*+/=?^_`{|}~-.".utf8.contains(byte)
                || ("a"..."z").contains(Character(Unicode.Scalar(byte | 0x20))) || ("0"..."9").contains(Character(Unicode.Scalar(byte))))
        }
    }

    static let edges: [String] = [
        "a@b.no", "A.B-c_d+e@fjord-bygg.no", "post@sub.domain.example.com", "x@y.z", "x@y.zz", "x@y.z1", "x@1.no",
        "x@y..no", "x@.y.no", "x@y.no.", ".x@y.no", "x.@y.no", "x..y@z.no", "x.y@z.no", "@y.no", "x@", "x", "",
        "x@-y.no", "x@y-.no", "x@y.-no", "x@y.no-", "x@y-z.no", "x@y.n-o", "x@y@z.no", "x@y_z.no", "x@y.no;z@w.no",
        "x@y.no ", " x@y.no", "x@bærum.no", "é@y.no", "x@y.no\r", "x@yno", "x!#$%&'*+/=?^_`{|}~-@y.no",
        String(repeating: "a", count: 64) + "@y.no", String(repeating: "a", count: 65) + "@y.no",
        "x@" + String(repeating: "b", count: 63) + ".no", "x@" + String(repeating: "b", count: 64) + ".no",
        "x@y." + String(repeating: "n", count: 63), "x@y." + String(repeating: "n", count: 64),
        "x@" + Array(repeating: String(repeating: "b", count: 49), count: 5).joined(separator: ".") + ".no",
        "x@" + Array(repeating: String(repeating: "b", count: 49), count: 5).joined(separator: ".") + ".nor",
        "x@" + Array(repeating: String(repeating: "b", count: 49), count: 5).joined(separator: ".") + ".norw",
    ]

    @Test(arguments: edges + UTF8TextTests.tricky)
    func saysValidOnlyWhereTheFullReadingDoes(_ text: String) {
        if Self.onePass(text) { #expect(EmailAddress.isValid(text)) }
        if Self.isAddressText(text) { #expect(Self.onePass(text) == EmailAddress.isValid(text)) }
    }

    @Test func edgesAreJudgedAsTheRulesSay() {
        #expect(Self.onePass("x@y.zz"))
        #expect(!Self.onePass("x@y.z"))
        #expect(Self.onePass(String(repeating: "a", count: 64) + "@y.no"))
        #expect(!Self.onePass(String(repeating: "a", count: 65) + "@y.no"))
        #expect(Self.onePass("x@" + String(repeating: "b", count: 63) + ".no"))
        #expect(!Self.onePass("x@" + String(repeating: "b", count: 64) + ".no"))
        // 253 bytes of domain, and 254.
        let labels = Array(repeating: String(repeating: "b", count: 49), count: 5).joined(separator: ".")
        #expect(Self.onePass("x@" + labels + ".nor"))
        #expect(!Self.onePass("x@" + labels + ".norw"))
        // Left to the full reading, which may still find them valid.
        #expect(!Self.onePass(" x@y.no"))
        #expect(!Self.onePass("x@bærum.no"))
        #expect(EmailAddress.isValid("x@bærum.no"))
    }

    /// Every text of up to six bytes from an alphabet of the bytes where the readings could part, and longer ones
    /// drawn at random (seeded): the one pass agrees with the full reading on all of them.
    @Test func agreesWithTheFullReadingOnGeneratedAddresses() {
        let alphabet = ["a", "Z", "7", "-", ".", "@", "_", " ", ";", "é"]
        var texts: [String] = [""]
        var last: [String] = [""]
        for _ in 1...5 {
            last = last.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += last
        }
        var random = SplitMix64(seed: 14)
        let parts = ["ab", "c", ".", "-", "@", "no", "x1", "..", "_+", "é", " ", "9"]
        for _ in 0..<20_000 {
            texts.append((0..<random.next(9) + 1).map { _ in parts[random.next(parts.count)] }.joined())
        }
        var disagreements: [String] = []
        for text in texts {
            let onePass = Self.onePass(text)
            let full = EmailAddress.isValid(text)
            if onePass && !full || Self.isAddressText(text) && onePass != full { disagreements.append(text) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(texts.contains(where: Self.onePass), "some texts are valid addresses")
    }

    /// A field with `text`, judged by the check: the same whether or not its separators let the one pass answer.
    @Test(arguments: edges + UTF8TextTests.tricky)
    func theCheckGivesTheSameFailureWithAndWithoutTheOnePass(_ text: String) throws {
        for separators in [";,", ";.", "a"] {
            let check = try EmailCheck(
                Check(kind: .email, field: "email", separators: separators), in: UTF8TextTests.context())
            let failure = try UTF8TextTests.judge(text, field: "email") { _, dataset, record in
                check.failure(dataset, record, language: .en)?.values
            }
            #expect(failure == UTF8TextTests.emailFailure(text, separators: separators), "separators \(separators)")
        }
    }

    @Test func separatorsThatMayStandInAnAddressTurnTheOnePassOff() {
        #expect(!EmailAddress.mayHoldSeparator(Array(";, ".utf8)))
        for separator in [".", "@", "-", "a", "_"] { #expect(EmailAddress.mayHoldSeparator(Array(separator.utf8))) }
    }
}
