/// One format's report of a check of many clients, written a client at a time: each client's part as soon as that
/// client is checked, then, once every client is, the document around those parts (the roll-up, the totals).
///
/// So a run holds one client's findings at a time, whatever the number of clients. A part goes into a named
/// section; `finish` says where each section's text goes among the text that needs the roll-up. Most formats have
/// one section; Markdown has one per rule, as it lists each rule's findings over every client. Where the parts are
/// kept meanwhile is the writer's business: a string for `Reporter.render(_:)`, a temporary file for the command
/// line.
public protocol ClientsRenderer {
    /// The text `client`, the next client of the run, adds to the report. `rollUp` already has its row.
    mutating func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart]
    /// The whole document, in order: text of its own, and where each section's parts go.
    func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece]
}

/// Text of one client for one section of the report.
public struct ClientsReportPart: Sendable, Hashable {
    public var section: String
    public var text: String

    public init(section: String, text: String) {
        self.section = section
        self.text = text
    }

    /// The section of a format that has only one.
    public static let onlySection = "clients"

    /// Text for a format's only section.
    public static func text(_ text: String) -> ClientsReportPart {
        ClientsReportPart(section: onlySection, text: text)
    }
}

/// A piece of the whole document: text, or every part written to a section, in the order they came.
public enum ClientsReportPiece: Sendable, Hashable {
    case text(String)
    case section(String)

    /// A format's only section.
    public static let parts = ClientsReportPiece.section(ClientsReportPart.onlySection)
}

extension Reporter {
    /// The whole report of many clients as one string, its parts kept in memory: for a caller that has every
    /// client's report already (tests, a saved run).
    public func render(_ report: ClientsReport) -> String {
        var renderer = clientsRenderer()
        var rollUp = report.emptyRollUp
        var sections: [String: String] = [:]
        for client in report.clients {
            rollUp.add(client)
            for part in renderer.add(client, rollUp: rollUp) { sections[part.section, default: ""] += part.text }
        }
        return renderer.finish(rollUp).map { piece in
            switch piece {
            case .text(let text): text
            case .section(let name): sections[name] ?? ""
            }
        }.joined()
    }
}
