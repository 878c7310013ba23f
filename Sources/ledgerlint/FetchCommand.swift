import Foundation
import LedgerLintCore

/// `ledgerlint fetch --out DIR`: read PowerOffice Go over the v2 API into `DIR/poweroffice/` and `DIR/manifest.json`.
///
/// The lists are written into a hidden staging folder as their pages arrive, and only when everything has been read
/// do they replace the old files, in one step (`SnapshotStaging`, `PowerOfficeSnapshotWriter`), so a failed fetch
/// leaves the snapshot as it was. See docs/poweroffice-fetch.md.
struct FetchCommand {
    var out: String
    var powerOffice: PowerOfficeOptions
    var environment: [String: String]

    init(_ arguments: Arguments, environment: [String: String]) throws {
        var arguments = arguments
        if arguments.flag("--help") || arguments.flag("-h") { throw HelpRequested(text: Usage.fetch) }
        guard let out = try arguments.value("--out") else {
            throw UsageError(
                "fetch needs --out DIR, the snapshot folder to write, for example: ledgerlint fetch --out snapshot")
        }
        powerOffice = try PowerOfficeOptions(&arguments)
        let extra = try arguments.positionals()
        guard extra.isEmpty else { throw UsageError("fetch takes no arguments, got '\(extra.joined(separator: " "))'") }
        self.out = out
        self.environment = environment
    }

    func run() async throws -> ExitCode {
        var clock = PhaseClock(enabled: environment["LEDGERLINT_TIMINGS"] != nil)
        let staging = SnapshotStaging(directory: URL(fileURLWithPath: out))
        defer { staging.discard() }
        let out = out
        Interrupts.handle {
            staging.discard()
            return staging.isCommitted ? "the new snapshot is in \(out)" : "nothing was written to \(out)"
        }
        try staging.prepare()
        let fetched = try await powerOffice.fetch(environment: environment, writingTo: staging)
        clock.lap("read PowerOffice (written as read)")
        try staging.commit(fetched)
        clock.lap("put the snapshot in place")
        if !powerOffice.quiet {
            let counts = PowerOfficeResource.allCases.map { "\($0.rawValue) \(fetched.counts[$0] ?? 0)" }
            let client = fetched.integration.ClientName.map { " '\($0)'" } ?? ""
            Console.diagnostic(
                "fetched\(client) (\(fetched.environment.rawValue)) into \(out)/poweroffice: "
                    + counts.joined(separator: ", "))
        }
        return .clean
    }
}

/// The options of `fetch` and `check --live` that say how to reach PowerOffice Go.
struct PowerOfficeOptions {
    var environmentName: String?
    var credentialsFile: String?
    var pageSize: Int?
    var pagesInFlight: Int?
    var timeout: Double?
    var quiet: Bool

    init(_ arguments: inout Arguments) throws(UsageError) {
        environmentName = try arguments.value("--environment")
        credentialsFile = try arguments.value("--credentials")
        if let text = try arguments.value("--page-size") {
            guard let value = Int(text) else { throw UsageError("--page-size '\(text)' is not a number") }
            pageSize = value
        }
        if let text = try arguments.value("--pages-in-flight") {
            guard let value = Int(text) else { throw UsageError("--pages-in-flight '\(text)' is not a number") }
            pagesInFlight = value
        }
        if let text = try arguments.value("--timeout") {
            guard let value = Double(text), value.isFinite else {
                throw UsageError("--timeout '\(text)' is not a number of seconds")
            }
            timeout = value
        }
        quiet = arguments.flag("--quiet")
    }

    /// Reads everything `fetch` stores, with a progress line on stderr when it is a terminal and not `--quiet`.
    ///
    /// Every retry is a line on stderr (`ledgerlint: retrying Customers page 3 in 2 s: no answer within 30 s`),
    /// even with `--quiet` and when stderr is not a terminal: retries are warnings, and a run that is slow because
    /// PowerOffice is should say so in a CI log too.
    func fetch(environment: [String: String], writingTo staging: SnapshotStaging? = nil) async throws -> FetchedResources {
        let configuration = try PowerOfficeConfiguration.resolve(
            environmentOption: environmentName, credentialsFile: credentialsFile, pageSize: pageSize,
            pagesInFlight: pagesInFlight, requestTimeout: timeout, processEnvironment: environment)
        let line = !quiet && isatty(STDERR_FILENO) == 1 ? ProgressLine(environment: configuration.environment) : nil
        defer { line?.clear() }
        let onRetry: @Sendable (RetryNotice) -> Void = { notice in
            // A retry's reason may quote the server: sanitised like every message.
            if let line { line.note("ledgerlint: " + TerminalText.sanitized("\(notice)")) } else { Console.diagnostic("\(notice)") }
        }
        let client = PowerOfficeClient(configuration: configuration, onRetry: onRetry)
        var progress: (@Sendable (FetchProgress) -> Void)? = nil
        if let line { progress = { line.update($0) } }
        return try await client.fetchAll(progress: progress, writingTo: staging)
    }

    /// `check --live`: the Assist side from the snapshot folder, the PowerOffice side read now; nothing is written.
    func liveSnapshot(assistFrom folder: URL, environment: [String: String]) async throws -> (
        Snapshot, SnapshotMetadata
    ) {
        let assist = try SnapshotReader.readAssist(at: folder)
        Interrupts.handle()
        let fetched = try await fetch(environment: environment)
        let snapshot = Snapshot(
            assistCustomers: assist.customers, assistProductGroups: assist.productGroups,
            powerOffice: try fetched.powerOfficeData())
        let metadata = SnapshotMetadata(
            client: fetched.integration.ClientName, fetchedAt: fetched.fetchedAtText,
            environment: fetched.environment.rawValue)
        return (snapshot, metadata)
    }
}

/// One line on stderr, rewritten in place: rows read so far per resource.
private final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let environment: PowerOfficeEnvironment
    private var rows: [PowerOfficeResource: Int] = [:]

    init(environment: PowerOfficeEnvironment) {
        self.environment = environment
    }

    func update(_ progress: FetchProgress) {
        lock.lock()
        defer { lock.unlock() }
        rows[progress.resource] = progress.rows
        draw()
    }

    /// Prints `text` on a line of its own above the progress line.
    func note(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        Console.error("\r\u{1B}[K" + text + "\n")
        if !rows.isEmpty { draw() }
    }

    private func draw() {
        let parts = rows.keys.sorted().map { "\($0.rawValue) \(rows[$0] ?? 0)" }
        Console.error("\r\u{1B}[KReading PowerOffice Go (\(environment.rawValue)): " + parts.joined(separator: ", "))
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if !rows.isEmpty { Console.error("\r\u{1B}[K") }
    }
}
