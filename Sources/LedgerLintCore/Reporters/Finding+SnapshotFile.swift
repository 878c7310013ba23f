import Foundation
import LedgerLintText

extension Finding {
    /// The file this finding points at, as a path from where ledgerlint ran: the snapshot folder as the user named
    /// it, joined with the finding's location (`examples/demo` + `assist/customers.csv`).
    ///
    /// PowerOffice records carry no location (the readers do not track JSON positions), so they point at the file
    /// their kind of record is read from (`poweroffice/Products.json` for a product), which is where a reviewer
    /// looks. Nil only for an Assist record without a location. Separators are `/`, whatever the platform, because
    /// SARIF, GitHub and spreadsheets all expect them. Used by the SARIF, GitHub and CSV reporters.
    func snapshotFile(in snapshot: String) -> String? {
        SnapshotFiles(snapshot: snapshot).path(of: self)
    }

    /// The snapshot file PowerOffice records of `entity` are read from (`SnapshotLayout`).
    static func conventionalFile(system: System, entity: Entity) -> String? {
        guard system == .poweroffice else { return nil }
        return SnapshotLayout.powerOffice(SnapshotLayout.resource(holding: entity))
    }
}

/// `Finding.snapshotFile(in:)` for every finding of a report: the snapshot folder's part worked out once, not for
/// each of tens of thousands of findings (the CSV, SARIF and clients' Markdown reports; GitHub's, which writes at
/// most ten commands of each type, asks `snapshotFile(in:)`).
struct SnapshotFiles: Sendable {
    /// The folder with `/` separators, no `./` in front and no `/` after (but for `/` itself).
    private let base: String

    init(snapshot: String) {
        var base = Self.slashed(snapshot)
        while base.hasPrefix("./") { base.removeFirst(2) }
        while base.utf8.count > 1, base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// `finding.snapshotFile(in:)` of this report's snapshot.
    func path(of finding: Finding) -> String? {
        guard let relative = finding.location?.file
            ?? Finding.conventionalFile(system: finding.system, entity: finding.entity)
        else { return nil }
        return joined(relative)
    }

    /// `folder/relative` with `\` turned into `/`, no doubled or trailing separators, and no `./` in front.
    func joined(_ relative: String) -> String {
        var path = Self.slashed(relative)
        while path.hasPrefix("./") { path.removeFirst(2) }
        while path.hasPrefix("/") { path.removeFirst() }
        switch base {
        case "", ".": return path
        case "/": return "/" + path
        default: return base + "/" + path
        }
    }

    /// `path` with `\` turned into `/`; `path` itself, without asking Foundation, when it has none (a report joins
    /// a path for every finding, and almost none has one).
    private static func slashed(_ path: String) -> String {
        path.hasByte(UInt8(ascii: "\\")) ? path.replacingOccurrences(of: "\\", with: "/") : path
    }
}
