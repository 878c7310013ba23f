import Foundation
import LedgerLintCore
import LedgerLintText
import PowerOfficeGo

/// `ledgerlint fetch --out DIR`: read PowerOffice Go over the v2 API into `DIR/poweroffice/` and `DIR/manifest.json`.
///
/// The lists are written into a hidden staging folder as their pages arrive, and only when everything has been read
/// do they replace the old files, in one step (`SnapshotStaging`, `PowerOfficeSnapshotWriter`), so a failed fetch
/// leaves the snapshot as it was. With `--clients FILE`, every client of a bureau's clients file is fetched into its
/// own folder of `DIR` (`FetchCommand+Clients.swift`). See docs/poweroffice-fetch.md.
struct FetchCommand {
    var out: String
    /// `--clients FILE`: a bureau's clients file; `nil` for one client, with the keys of the environment.
    var clients: String?
    /// `--only NAME`, repeatable: the clients of `clients` to fetch; all when empty.
    var only: [String]
    var powerOffice: PowerOfficeOptions
    var environment: [String: String]

    init(_ arguments: Arguments, environment: [String: String]) throws {
        var arguments = arguments
        try arguments.help(Usage.fetch)
        guard let out = try arguments.value("--out") else { throw UsageError.outMissing }
        clients = try arguments.value("--clients")
        only = try arguments.values("--only")
        if clients == nil, !only.isEmpty { throw UsageError.onlyWithClients }
        powerOffice = try PowerOfficeOptions(&arguments)
        // Known to `CommandLineTool` before parsing (`Console.language`); taken here so that it is an option of fetch.
        _ = try CommonOptions.language(&arguments, environment: environment)
        let extra = try arguments.positionals()
        guard extra.isEmpty else { throw UsageError.noArgumentsTaken(command: "fetch", given: extra) }
        self.out = out
        self.environment = environment
    }

    func run() async throws -> ExitCode {
        if let clients { return try await fetchClients(listedIn: clients) }
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
        let configuration = try self.configuration(environment: environment)
        let line = progressLine(configuration)
        defer { line?.clear() }
        let client = PowerOfficeClient(configuration: configuration, onRetry: { Self.say($0, line: line) })
        var progress: (@Sendable (FetchProgress) -> Void)? = nil
        if let line { progress = { line.update($0) } }
        return try await client.fetchAll(progress: progress, writingTo: staging)
    }

    /// How to reach PowerOffice Go as these options and `environment` say; `includingClientKey: false` for a run
    /// over a clients file, whose client keys are each client's own.
    func configuration(environment: [String: String], includingClientKey: Bool = true) throws -> PowerOfficeConfiguration {
        try PowerOfficeConfiguration.resolve(
            environmentOption: environmentName, credentialsFile: credentialsFile, pageSize: pageSize,
            pagesInFlight: pagesInFlight, requestTimeout: timeout, includingClientKey: includingClientKey,
            processEnvironment: environment)
    }

    /// The progress line, when stderr is a terminal and not `--quiet`; `clients`: how many, for a run over many.
    func progressLine(_ configuration: PowerOfficeConfiguration, clients: Int? = nil) -> ProgressLine? {
        !quiet && isatty(STDERR_FILENO) == 1 ? ProgressLine(environment: configuration.environment, clients: clients) : nil
    }

    /// A retry's line on stderr, above the progress line if there is one; `client` in front for a run over many.
    static func say(_ notice: RetryNotice, line: ProgressLine?, client: String? = nil) {
        // A retry's reason may quote the server: sanitised like every message.
        let text = (client.map { "\($0): " } ?? "") + notice.message(Console.language)
        if let line { line.note("ledgerlint: " + TerminalText.sanitized(text)) } else { Console.diagnostic(text) }
    }
}

/// One line on stderr, rewritten in place: rows read so far per resource; for a run over many clients, how many
/// clients are done and the rows read so far of each client being fetched.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let environment: PowerOfficeEnvironment
    private var rows: [PowerOfficeResource: Int] = [:]
    /// For a run over many clients: how many there are, how many are done, and the rows of those being fetched.
    private let total: Int?
    private var done = 0
    private var running: [(client: String, rows: [PowerOfficeResource: Int])] = []
    private var shown = false

    /// - Parameter clients: how many clients the run fetches, for a run over many; `nil` for one.
    init(environment: PowerOfficeEnvironment, clients: Int? = nil) {
        self.environment = environment
        total = clients
    }

    /// `client`'s `progress`, for a run over many.
    func update(_ progress: FetchProgress, client: String? = nil) {
        lock.withLock {
            if let client {
                if let index = running.firstIndex(where: { $0.client == client }) {
                    running[index].rows[progress.resource] = progress.rows
                }
            } else {
                rows[progress.resource] = progress.rows
            }
            draw()
        }
    }

    /// `client` is being fetched, for a run over many: shown with no rows yet.
    func started(client: String) {
        lock.withLock {
            running.append((client, [:]))
            draw()
        }
    }

    /// `client` is done, fetched or not.
    func finished(client: String) {
        lock.withLock {
            running.removeAll { $0.client == client }
            done += 1
            draw()
        }
    }

    /// Prints `text` on a line of its own above the progress line.
    func note(_ text: String) {
        lock.withLock {
            Console.error("\r\u{1B}[K" + text + "\n")
            if shown { draw() }
        }
    }

    private func draw() {
        let language = Console.language
        var text = Self.reading(environment)[language]
        if let total {
            text += Self.clientsDone(done, of: total)[language]
            for (client, rows) in running {
                text += "; " + TerminalText.excerpt(client, limit: 30) + " " + Self.rows(rows.values.reduce(0, +))[language]
            }
        } else {
            text += rows.keys.sorted().map { "\($0.rawValue) \(rows[$0] ?? 0)" }.joined(separator: ", ")
        }
        // Kept on one line of a terminal: a line that wraps cannot be rewritten in place.
        Console.error("\r\u{1B}[K" + TerminalText.sanitized(TerminalText.excerpt(text, limit: 150)))
        shown = true
    }

    /// The start of the line.
    static func reading(_ environment: PowerOfficeEnvironment) -> LocalizedText {
        LocalizedText(
            en: "Reading PowerOffice Go (\(environment.rawValue)): ", nb: "Leser PowerOffice Go (\(environment.rawValue)): ")
    }

    /// `3 of 200 clients done`.
    static func clientsDone(_ done: Int, of total: Int) -> LocalizedText {
        LocalizedText(
            en: "\(done) of \(total) client\(total == 1 ? "" : "s") done",
            nb: "\(done) av \(total) klient\(total == 1 ? "" : "er") ferdig\(total == 1 ? "" : "e")")
    }

    /// `5044 rows`, a client's rows so far in all its lists.
    static func rows(_ count: Int) -> LocalizedText {
        LocalizedText(en: "\(count) row\(count == 1 ? "" : "s")", nb: "\(count) rad\(count == 1 ? "" : "er")")
    }

    func clear() {
        lock.withLock {
            if shown { Console.error("\r\u{1B}[K") }
        }
    }
}
