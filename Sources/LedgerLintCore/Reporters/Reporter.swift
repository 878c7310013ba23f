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

    /// What `write` writes of each of `0..<count`, in order, with `separator` between them: worked out on every
    /// core, each stretch of them into its own bytes (the first straight into this document's), then appended in
    /// order. Below `threshold`, in turn.
    mutating func append(
        concurrently count: Int, separator: String = "", threshold: Int = 4096,
        _ write: @Sendable (Int, inout TextDocument) -> Void
    ) {
        @Sendable func writeStretch(_ range: Range<Int>, into document: inout TextDocument) {
            for index in range {
                if index > 0, !separator.isEmpty { document.append(separator) }
                write(index, &document)
            }
        }
        let ranges = stretches(of: count, threshold: threshold)
        guard ranges.count > 1 else { return writeStretch(0..<count, into: &self) }
        // Each other stretch has room for its share of what this document has room for.
        let share = max(bytes.capacity - bytes.count, 0) / ranges.count
        let first = Locked(self)
        self = TextDocument(capacity: 0)  // `first` holds the only reference: its writes copy nothing
        let others = Locked([[UInt8]](repeating: [], count: ranges.count))
        DispatchQueue.concurrentPerform(iterations: ranges.count) { stretch in
            if stretch == 0 {
                first.withLock { writeStretch(ranges[0], into: &$0) }
            } else {
                var part = TextDocument(capacity: share)
                writeStretch(ranges[stretch], into: &part)
                let bytes = part.bytes
                others.withLock { $0[stretch] = bytes }
            }
        }
        self = first.withLock { document in
            defer { document = TextDocument(capacity: 0) }
            return document
        }
        others.withLock { parts in
            for index in parts.indices.dropFirst() {
                bytes.append(contentsOf: parts[index])
                parts[index] = []
            }
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes as `Data`, the document given up for it.
    consuming func data() -> Data { Data(taking: bytes) }
}
