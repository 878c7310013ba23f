/// Escaping for the markup reports, HTML and JUnit's XML, in one place: the five special characters become
/// references, and characters the dialect cannot carry become U+FFFD, so data can never end an attribute, open an
/// element or break the document.
struct MarkupText {
    /// How `'` is written: HTML and XML spell the reference differently.
    var apostrophe: String
    /// What tab, newline and carriage return become.
    var tab: String
    var newline: String
    var carriageReturn: String
    /// Control characters (other than tab, newline and carriage return) and the rest the dialect forbids.
    var forbids: @Sendable (UInt32) -> Bool

    /// HTML content or a double-quoted attribute: tab and newline stay, a carriage return becomes a newline; C0
    /// and C1 control characters are not allowed.
    static let html = MarkupText(
        apostrophe: "&#39;", tab: "\t", newline: "\n", carriageReturn: "\n",
        forbids: { $0 < 0x20 || (0x7F...0x9F).contains($0) })

    /// XML 1.0. In attributes, tab, newline and carriage return become references, because parsers would otherwise
    /// normalise them to spaces; in content only the carriage return does, which parsers would otherwise turn into
    /// a newline. XML forbids C0 controls and U+FFFE, U+FFFF even as references.
    static func xml(inAttribute: Bool) -> MarkupText {
        MarkupText(
            apostrophe: "&apos;", tab: inAttribute ? "&#9;" : "\t", newline: inAttribute ? "&#10;" : "\n",
            carriageReturn: "&#13;", forbids: { $0 < 0x20 || $0 == 0xFFFE || $0 == 0xFFFF })
    }

    func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += apostrophe
            case "\t": result += tab
            case "\n": result += newline
            case "\r": result += carriageReturn
            default:
                if forbids(scalar.value) {
                    result.unicodeScalars.append("\u{FFFD}")
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
