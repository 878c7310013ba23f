import Foundation
import LedgerLintJSON

/// The baseline of a check of many clients: each client's `Baseline` entries, by the client's folder.
///
/// Written by `check DIR --write-baseline FILE` when `DIR` holds client folders, read by `check DIR --baseline
/// FILE`. A client the file does not name has an empty baseline (a client new to the bureau: all its findings are
/// new); a client the file names that is no longer checked is let be. The two baseline shapes refuse each other,
/// so that one client's baseline cannot be taken for a bureau's (or the other way round) without a word.
public struct ClientsBaseline: Sendable, Hashable, Codable {
    public var version: Int
    public var tool: String
    public var clients: [Client]

    /// One client's entries.
    public struct Client: Sendable, Hashable, Codable {
        public var folder: String
        public var entries: [BaselineEntry]
    }

    /// - Parameter baselines: each client's baseline, by folder, in the run's order.
    public init(_ baselines: [(folder: String, baseline: Baseline)]) {
        version = FileVersion.supported
        tool = "\(Tool.name) \(Tool.version)"
        clients = baselines.map { Client(folder: $0.folder, entries: $0.baseline.entries) }
    }

    /// The baseline of the client in `folder`: empty when the file does not name it.
    public func baseline(of folder: String) -> Baseline {
        var baseline = Baseline(findings: [])
        baseline.entries = clients.first { $0.folder == folder }?.entries ?? []
        return baseline
    }

    /// As written to a file: stable, one entry per line.
    public func encoded() -> Data {
        // Encoding strings and integers cannot fail.
        (try? JSONOutput.document(self)) ?? Data("\n".utf8)
    }

    /// Reads a file written by `--write-baseline` of a check of many clients.
    public static func load(from url: URL) throws(SavedFileError) -> ClientsBaseline {
        try read(from: url, writtenBy: "--write-baseline of a check of many clients")
    }
}

extension ClientsBaseline: SavedFile {}
