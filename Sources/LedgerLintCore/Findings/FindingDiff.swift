import Foundation
import LedgerLintText

/// What changed between two runs (`ledgerlint diff OLD NEW`): findings matched by rule, system, entity and key, as a
/// baseline matches them, so a finding whose message changed (another language, a new wording) is unchanged.
public struct FindingDiff: Sendable {
    /// Findings of the new run that the old one did not have.
    public var new: [Finding]
    /// Findings of the old run that the new one no longer has.
    public var fixed: [Finding]
    /// Findings of the new run that the old one had too.
    public var unchanged: [Finding]

    /// In a comparison of runs of many clients, each client's change, by folder: the clients of NEW in its order,
    /// then those only OLD had. Empty when the runs are of one snapshot. `new`, `fixed` and `unchanged` are then
    /// every client's, in this order.
    public var clients: [ClientDiff] = []

    /// One client's change.
    public struct ClientDiff: Sendable {
        public var folder: String
        public var name: String
        /// `nil` when the client could not be checked in one of the runs, or is in only one of them: see `status`.
        public var diff: FindingDiff?
        public var status: Status

        public enum Status: String, Sendable {
            case compared
            /// Only NEW has the client: all its findings are new.
            case onlyInNew
            /// Only OLD has the client: none of its findings are counted as fixed, for it was not checked.
            case onlyInOld
            /// It could not be checked in OLD, or in NEW.
            case failedInOld, failedInNew
        }
    }

    public init(old: [Finding], new: [Finding]) {
        let match = Baseline.match(old, identity: BaselineEntry.init, against: new)
        self.new = match.new
        fixed = match.gone
        unchanged = match.unchanged
    }

    /// Compares two runs, of one snapshot each or of many clients each, client by client (matched by folder).
    ///
    /// A client NEW has and OLD had not is all new (a client new to the bureau); a client OLD had and NEW has not is
    /// listed but not counted, for nothing of it was fixed; a client that could not be checked in one of the runs is
    /// listed and not counted either.
    ///
    /// - Parameters: `oldName`, `newName`: how the user named the runs, for the error.
    /// - Throws: `DiffError.oneAgainstMany` when one run is of one snapshot and the other of many clients.
    public init(old: ComparedRun, new: ComparedRun, oldName: String, newName: String) throws(DiffError) {
        switch (old, new) {
        case (.one(let old), .one(let new)):
            self.init(old: old, new: new)
        case (.one, .clients):
            throw .oneAgainstMany(one: oldName, many: newName)
        case (.clients, .one):
            throw .oneAgainstMany(one: newName, many: oldName)
        case (.clients(let old), .clients(let new)):
            let before = Dictionary(old.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
            let now = Set(new.map(\.folder))
            var clients: [ClientDiff] = []
            for client in new {
                let (diff, status): (FindingDiff?, ClientDiff.Status) =
                    switch (before[client.folder].map(\.findings), client.findings) {
                    case (_, nil): (nil, .failedInNew)
                    case (nil, let new?): (FindingDiff(old: [], new: new), .onlyInNew)
                    case (let old??, let new?): (FindingDiff(old: old, new: new), .compared)
                    case (.some(nil), _?): (nil, .failedInOld)
                    }
                clients.append(.init(folder: client.folder, name: client.name, diff: diff, status: status))
            }
            for client in old where !now.contains(client.folder) {
                clients.append(.init(folder: client.folder, name: client.name, diff: nil, status: .onlyInOld))
            }
            let diffs = clients.compactMap(\.diff)
            self.init(old: [], new: [])
            self.new = diffs.flatMap(\.new)
            fixed = diffs.flatMap(\.fixed)
            unchanged = diffs.flatMap(\.unchanged)
            self.clients = clients
        }
    }

    /// For each rule with any finding in either run, how many are new, fixed and unchanged; sorted by rule id.
    public var byRule: [(rule: String, new: Int, fixed: Int, unchanged: Int)] {
        var counts: [String: (new: Int, fixed: Int, unchanged: Int)] = [:]
        for finding in new { counts[finding.rule, default: (0, 0, 0)].new += 1 }
        for finding in fixed { counts[finding.rule, default: (0, 0, 0)].fixed += 1 }
        for finding in unchanged { counts[finding.rule, default: (0, 0, 0)].unchanged += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value.new, $0.value.fixed, $0.value.unchanged) }
    }
}

/// A JSON report read back: its version and its findings, or each client's (docs/output-formats.md#json). Other keys (the summary, the
/// suppressed findings, a filter) are not needed to compare two runs and are let be.
struct ReportFile: SavedFile {
    var version: Int
    /// A report of one snapshot.
    var findings: [Finding]?
    /// A report of many clients.
    var clients: [Client]?

    struct Client: Decodable {
        var name: String
        var folder: String
        var findings: [Finding]?
    }
}
