import Foundation
import LedgerLintJSON

/// Turns a report into the text of one output format. Pure: no I/O, same report → same text.
public protocol Reporter: Sendable {
    func render(_ report: Report) -> String
    /// The same text as UTF-8 bytes, as it is written out; a format that makes bytes gives them without a `String`
    /// in between.
    func renderData(_ report: Report) -> Data
    /// The same bytes in the parts a format made them in, to be written out one after another: for a report of
    /// tens of megabytes whose parts were made on every core, never joined into one buffer.
    func renderParts(_ report: Report) -> [Data]
    /// A check of many clients, a client at a time: each client's findings as this format shows one client's,
    /// and the roll-up (`render(_: ClientsReport)` puts it together in memory).
    func clientsRenderer() -> any ClientsRenderer
}

extension Reporter {
    public func renderData(_ report: Report) -> Data { Data(render(report).utf8) }
    public func renderParts(_ report: Report) -> [Data] { [renderData(report)] }
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

    /// What `write` writes of each of `0..<count`, in order, with `separator` between them: worked out on every
    /// core (`writeInStretches`), the first stretch straight into this document, each other into bytes of its own,
    /// then appended in order. Below `threshold`, in turn.
    mutating func append(
        concurrently count: Int, separator: String = "", threshold: Int = 4096,
        _ write: @Sendable (Int, inout TextDocument) -> Void
    ) {
        // Each other stretch has room for its share of what this document has room for.
        let room = max(bytes.capacity - bytes.count, 0)
        let others = writeInStretches(
            count, threshold: threshold, into: &self, empty: TextDocument(capacity: 0),
            other: { TextDocument(capacity: room / $0) },
            write: { range, document in
                for index in range {
                    if index > 0, !separator.isEmpty { document.append(separator) }
                    write(index, &document)
                }
            })
        for other in others { bytes.append(contentsOf: other.bytes) }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes as `Data`, the document given up for it.
    consuming func data() -> Data { Data(taking: bytes) }
}
