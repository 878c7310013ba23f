import Foundation
import LedgerLintCore
import LedgerLintText
import PowerOfficeGo

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
        try arguments.help(Usage.fetch)
        guard let out = try arguments.value("--out") else { throw UsageError.outMissing }
        powerOffice = try PowerOfficeOptions(&arguments)
        // Known to `CommandLineTool` before parsing (`Console.language`); taken here so that it is an option of fetch.
        _ = try CommonOptions.language(&arguments, environment: environment)
        let extra = try arguments.positionals()
        guard extra.isEmpty else { throw UsageError.noArgumentsTaken(command: "fetch", given: extra) }
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
            return Self.interrupted(committed: staging.isCommitted, out: out)
        }
        try staging.prepare()
        let fetched = try await powerOffice.fetch(environment: environment, writingTo: staging)
        clock.lap("read PowerOffice (written as read)")
        try staging.commit(fetched)
        clock.lap("put the snapshot in place")
        if !powerOffice.quiet {
            let counts = PowerOfficeResource.allCases.map { "\($0.rawValue) \(fetched.counts[$0] ?? 0)" }
                .joined(separator: ", ")
            let client = fetched.integration.ClientName.map { " '\($0)'" } ?? ""
            let environment = fetched.environment.rawValue
            Console.diagnostic(
                LocalizedText(
                    en: "fetched\(client) (\(environment)) into \(out)/poweroffice: \(counts)",
                    nb: "hentet\(client) (\(environment)) inn i \(out)/poweroffice: \(counts)"))
        }
        return .clean
    }
}

extension FetchCommand {
    /// What an interrupt's line adds, once the staged files are gone: whether the new snapshot made it into `out`.
    static func interrupted(committed: Bool, out: String) -> LocalizedText {
        committed
            ? LocalizedText(en: "the new snapshot is in \(out)", nb: "det nye uttrekket ligger i \(out)")
            : LocalizedText(en: "nothing was written to \(out)", nb: "ingenting ble skrevet til \(out)")
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
        pageSize = try arguments.integer("--page-size")
        pagesInFlight = try arguments.integer("--pages-in-flight")
        if let text = try arguments.value("--timeout") {
            guard let value = Double(text), value.isFinite else { throw .notSeconds(option: "--timeout", value: text) }
            timeout = value
        }
        quiet = arguments.flag("--quiet")
    }

    /// `--live` and its options (`check`, `fix-plan`): `nil` without `--live`, and one of its options given without
    /// it is refused. They are read whether or not `--live` is given, so that such an option is named as one that
    /// needs `--live`, not as unknown.
    static func live(_ arguments: inout Arguments) throws(UsageError) -> PowerOfficeOptions? {
        let options = try PowerOfficeOptions(&arguments)
        if arguments.flag("--live") { return options }
        if let option = options.given.first { throw .onlyWithLive(option: option) }
        return nil
    }

    /// The options given, as the command line names them: `check` takes them only with `--live`.
    var given: [String] {
        [
            environmentName.map { _ in "--environment" }, credentialsFile.map { _ in "--credentials" },
            pageSize.map { _ in "--page-size" }, pagesInFlight.map { _ in "--pages-in-flight" },
            timeout.map { _ in "--timeout" }, quiet ? "--quiet" : nil,
        ].compactMap { $0 }
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
            let text = notice.message(Console.language)
            if let line { line.note("ledgerlint: " + TerminalText.sanitized(text)) } else { Console.diagnostic(text) }
        }
        let client = PowerOfficeClient(configuration: configuration, onRetry: onRetry)
        var progress: (@Sendable (FetchProgress) -> Void)? = nil
        if let line { progress = { line.update($0) } }
        return try await client.fetchAll(progress: progress, writingTo: staging)
    }
}

/// One line on stderr, rewritten in place: rows read so far per resource.
final class ProgressLine: @unchecked Sendable {
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
        let parts = rows.keys.sorted().map { "\($0.rawValue) \(rows[$0] ?? 0)" }.joined(separator: ", ")
        Console.error("\r\u{1B}[K" + Self.reading(environment)[Console.language] + parts)
    }

    /// The start of the line.
    static func reading(_ environment: PowerOfficeEnvironment) -> LocalizedText {
        LocalizedText(
            en: "Reading PowerOffice Go (\(environment.rawValue)): ", nb: "Leser PowerOffice Go (\(environment.rawValue)): ")
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if !rows.isEmpty { Console.error("\r\u{1B}[K") }
    }
}
