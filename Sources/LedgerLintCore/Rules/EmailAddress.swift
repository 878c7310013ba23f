/// A practical e-mail address check: what PowerOffice and mail servers accept, without the corners of RFC 5322
/// that no invoice address uses (quoted local parts, IP literals, comments).
enum EmailAddress {
    private static let localSpecials = Set("!#$%&'*+/=?^_`{|}~-.")

    /// The addresses in a field that may hold several, separated by any of `separators`.
    static func split(_ text: String, separators: String) -> [String] {
        text.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0]
        let domain = parts[1]
        guard (1...64).contains(local.count), local.first != ".", local.last != ".", !local.contains("..") else {
            return false
        }
        guard local.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || localSpecials.contains($0) }) else {
            return false
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard domain.count <= 253, labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.first != "-", label.last != "-",
                label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            else { return false }
        }
        guard let topLevel = labels.last, topLevel.count >= 2, topLevel.allSatisfy(\.isLetter) else { return false }
        return true
    }
}

import Foundation
