/// Turns a report into the text of one output format. Pure: no I/O, same report → same text.
public protocol Reporter: Sendable {
    func render(_ report: Report) -> String
    /// A check of many clients, a client at a time: each client's findings as this format shows one client's,
    /// and the roll-up (`render(_: ClientsReport)` puts it together in memory).
    func clientsRenderer() -> any ClientsRenderer
}
