import Foundation
import LedgerLintText
import PowerOfficeGo

/// A check of many clients, from configuration to `ClientsReport`: what `ledgerlint check DIR` runs when `DIR` holds
/// one snapshot folder per client (as `fetch --clients` writes them), as a library call.
///
/// Each client is checked by its own `CheckRun`, one after another, so the run needs the memory of the largest
/// client, not of all: what is kept of a client is its findings. A client's check is exactly the check of its folder
/// alone, with one difference in where the configuration is looked for: the client folder's `ledgerlint.json`, else
/// `DIR/ledgerlint.json`, else the defaults (an explicit `--config` holds for every client). A client that cannot be
/// checked (its folder cannot be read, its configuration is wrong, PowerOffice cannot be read for it) is reported
/// as failed, and the others are still checked.
public struct ClientsRun: Sendable {
    /// One client to check: its folder inside `DIR`, and its name when the clients file gives one.
    public struct ClientFolder: Sendable, Hashable {
        public var folder: String
        /// From the clients file; `nil` takes the name from the snapshot's manifest, else the folder.
        public var name: String?

        public init(folder: String, name: String? = nil) {
            self.folder = folder
            self.name = name
        }
    }

    public struct Options: Sendable {
        /// `DIR` as the user named it.
        public var folder: String
        public var clients: [ClientFolder]
        /// What every client's check shares: rules, language, `--config`, the day, the check time. Its `snapshot`,
        /// `workingDirectory`, `baselinePath` and `writeBaseline` are set per client.
        public var check: CheckRun.Options
        /// `--baseline`: a baseline of many clients (`ClientsBaseline`).
        public var baselinePath: String?
        /// `--write-baseline`: `Outcome.baseline` holds every client's baseline.
        public var writeBaseline: Bool

        public init(
            folder: String, clients: [ClientFolder], check: CheckRun.Options, baselinePath: String? = nil,
            writeBaseline: Bool = false
        ) {
            self.folder = folder
            self.clients = clients
            self.check = check
            self.baselinePath = baselinePath
            self.writeBaseline = writeBaseline
        }
    }

    /// What a run found, besides each client's report (given to `each` as the client is checked).
    public struct Outcome: Sendable {
        /// A row of counts per client.
        public var rollUp: ClientsRollUp
        /// Every checked client's baseline, when `Options.writeBaseline` asked for it.
        public var baseline: ClientsBaseline?
        /// Each checked client's warnings (expired or unused suppressions), by folder, in the run's order.
        public var warnings: [(folder: String, warning: CheckWarning)]
        /// Why each failed client could not be checked, by folder: for the caller's exit code.
        public var failures: [(folder: String, error: any Error)]
    }

    /// Reads PowerOffice now for one client (`check --clients FILE --live`).
    public typealias LiveSources = @Sendable (ClientFolder) -> CheckRun.LiveSource

    public let options: Options

    public init(_ options: Options) {
        self.options = options
    }

    /// Whether `folder` holds client folders rather than being a snapshot itself: it has neither `assist/` nor
    /// `poweroffice/`, and a folder in it has one of them.
    public static func holdsClients(_ folder: URL) -> Bool {
        !isSnapshot(folder) && !((try? clientFolders(in: folder)) ?? []).isEmpty
    }

    /// The client folders in `folder`, sorted by name: every folder in it with an `assist/` or a `poweroffice/`.
    /// Hidden folders (a fetch's staging folders among them) are not clients.
    public static func clientFolders(in folder: URL) throws(InputError) -> [ClientFolder] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw .unreadable(
                path: folder.relativePath,
                reason: LocalizedText(en: "the folder cannot be listed", nb: "mappen kan ikke listes opp"))
        }
        return names.filter { !$0.hasPrefix(".") && isSnapshot(folder.appendingPathComponent($0)) }
            .sorted().map { ClientFolder(folder: $0) }
    }

    /// Whether `folder` is a snapshot: it has an `assist/` or a `poweroffice/` folder.
    public static func isSnapshot(_ folder: URL) -> Bool {
        [SnapshotLayout.assistFolder, SnapshotLayout.powerOfficeFolder].contains { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// Every file the run reads or looks for, whether it exists or not, as the user would name it: each client's
    /// snapshot files and configuration, `DIR/ledgerlint.json`, the rule files, `--config` and the baseline.
    public var inputs: [String] {
        let clients = options.clients.flatMap { client in
            (SnapshotLayout.all + [Configuration.fileName]).map { path(of: client) + "/" + $0 }
        }
        let shared = [(options.folder.hasSuffix("/") ? options.folder : options.folder + "/") + Configuration.fileName]
        return clients + shared + options.check.rules.files
            + [options.check.configPath, options.baselinePath].compactMap { $0 }
    }

    /// The folder of `client` as the user would name it: `DIR/<folder>`.
    public func path(of client: ClientFolder) -> String {
        (options.folder.hasSuffix("/") ? options.folder : options.folder + "/") + client.folder
    }

    /// Checks every client in turn, and hands each client's report to `each` before the next client is checked,
    /// so that only one client's findings are held at a time.
    ///
    /// - Parameters:
    ///   - live: reads PowerOffice now for a client instead of from its `poweroffice/`.
    ///   - progress: called before each client is checked, with its place in the run (from 1) and the client.
    ///   - each: called with each client's report, or why it failed, in the run's order, and the roll-up with the
    ///     client's row in it; an error it throws stops the run.
    /// - Throws: `SavedFileError` for a baseline that cannot be read; what `each` throws. A client's own errors are
    ///   in the outcome.
    public func run(
        live: LiveSources? = nil, progress: (Int, ClientFolder) -> Void = { _, _ in },
        each: (ClientsReport.Client, ClientsRollUp) throws -> Void
    ) async throws -> Outcome {
        let baselines = try options.baselinePath.map { path throws(SavedFileError) in
            try ClientsBaseline.load(from: URL(fileURLWithPath: path))
        }
        let language = options.check.language
        var rollUp = ClientsRollUp(
            language: language, folder: options.folder, hasBaseline: baselines != nil, checkedAt: options.check.checkedAt)
        var written: [(folder: String, baseline: Baseline)] = []
        var warnings: [(folder: String, warning: CheckWarning)] = []
        var failures: [(folder: String, error: any Error)] = []
        for (index, client) in options.clients.enumerated() {
            progress(index + 1, client)
            let snapshot = path(of: client)
            var check = options.check
            check.snapshot = snapshot
            check.workingDirectory = URL(fileURLWithPath: options.folder, isDirectory: true)
            check.baselinePath = nil
            check.baseline = baselines?.baseline(of: client.folder)
            check.writeBaseline = options.writeBaseline
            // The clients file's name, else the manifest's: the one the check read, or, when it failed, the folder's.
            func name(_ manifest: SnapshotManifest?) -> String {
                client.name ?? manifest?.client.flatMap { $0.isEmpty ? nil : $0 } ?? client.folder
            }
            let checked: ClientsReport.Client
            do {
                let outcome = try await CheckRun(check).run(live: live?(client))
                checked = .init(name: name(outcome.report.metadata), folder: client.folder, result: .checked(outcome.report))
                if let baseline = outcome.baseline { written.append((client.folder, baseline)) }
                warnings += outcome.warnings.map { (client.folder, $0) }
            } catch {
                let reason = LocalizedText(describing: error)[language]
                checked = .init(
                    name: name(SnapshotManifest.read(from: URL(fileURLWithPath: snapshot))), folder: client.folder,
                    result: .failed(reason: reason))
                failures.append((client.folder, error))
            }
            rollUp.add(checked)
            try each(checked, rollUp)
        }
        return Outcome(
            rollUp: rollUp, baseline: options.writeBaseline ? ClientsBaseline(written) : nil, warnings: warnings,
            failures: failures)
    }

    /// Checks every client in turn and keeps every client's report: for a caller that needs them all at once
    /// (tests, `diff` of two folders).
    public func report(
        live: LiveSources? = nil, progress: (Int, ClientFolder) -> Void = { _, _ in }
    ) async throws -> (outcome: Outcome, report: ClientsReport) {
        var clients: [ClientsReport.Client] = []
        let outcome = try await run(live: live, progress: progress) { client, _ in clients.append(client) }
        let rollUp = outcome.rollUp
        let report = ClientsReport(
            clients: clients, language: rollUp.language, folder: rollUp.folder, hasBaseline: rollUp.hasBaseline,
            checkedAt: rollUp.checkedAt)
        return (outcome, report)
    }
}
