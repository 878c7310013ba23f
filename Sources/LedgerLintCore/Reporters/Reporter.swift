import Foundation
import LedgerLintJSON

/// Turns a report into the text of one output format. Pure: no I/O, same report → same text.
public protocol Reporter: Sendable {
    func render(_ report: Report) -> String
    /// The same text as UTF-8 bytes, as it is written out; a format that makes bytes gives them without a `String`
    /// in between.
    func renderData(_ report: Report) -> Data
    /// A check of many clients, a client at a time: each client's findings as this format shows one client's,
    /// and the roll-up (`render(_: ClientsReport)` puts it together in memory).
    func clientsRenderer() -> any ClientsRenderer
}

extension Reporter {
    public func renderData(_ report: Report) -> Data { Data(render(report).utf8) }
}

/// A report's text built as bytes, in one buffer sized once: for tens of thousands of findings, whose text would
/// otherwise be copied whole at each `+` and `joined`, and once more into bytes (`Reporter.renderData`). The bytes
/// become `Data` without a copy (`data()`).
struct TextDocument {
    private(set) var bytes: [UInt8] = []

    /// Room for `capacity` bytes: a generous guess costs nothing, as pages never written are never touched.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: utf8) }

    /// `texts` with `separator` between them.
    mutating func append(_ texts: [String], separator: String) {
        for (index, text) in texts.enumerated() {
            if index > 0 { append(separator) }
            append(text)
        }
    }

    /// Room for `texts` with a separator of `separator` bytes between them, and `more`.
    static func capacity(_ texts: [String], separator: Int, more: Int = 0) -> Int {
        texts.reduce(more) { $0 + $1.utf8.count + separator }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes as `Data`, the document given up for it.
    consuming func data() -> Data { Data(taking: bytes) }
}
