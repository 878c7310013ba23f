import Foundation

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
