import Foundation
import LedgerLintCore
import LedgerLintText
import PowerOfficeGo

/// `ledgerlint check <snapshot>`: asks `CheckRun` for a check of the snapshot, then writes the reports and the
/// baseline, prints the warnings and maps the result to an exit code.
struct CheckCommand {
    var snapshot: String
    var format: OutputFormat
    var output: String?
    var reports: [(format: OutputFormat, path: String)]
    var failOn: FailThreshold
    var common: CommonOptions
    var configPath: String?
    var baselinePath: String?
    var writeBaselinePath: String?
    /// `--key`: only findings about these keys, and where each was found.
    var keys: KeyFilter?
    /// `--live`: read PowerOffice now instead of from the snapshot's `poweroffice/`.
    var live: PowerOfficeOptions?
    /// `--clients FILE`: the clients of a folder of clients, with their names (and, with `--live`, their keys).
    var clientsFile: String?
    var environment: [String: String]
    /// `LEDGERLINT_NOW`: the check time the reports show instead of the clock's (for tests and reproducible runs).
    var fixedNow: Date?

    init(_ arguments: Arguments, environment: [String: String]) throws {
        var arguments = arguments
        try arguments.help(Usage.check)
        format = try arguments.choice("--format", as: OutputFormat.self) ?? .text
        output = try arguments.value("--output")
        reports = try arguments.values("--report").map { spec throws(UsageError) in
            guard let equals = spec.firstIndex(of: "="), let format = OutputFormat(rawValue: String(spec[..<equals])),
                spec.index(after: equals) < spec.endIndex
            else {
                throw .notAReport(spec, formats: OutputFormat.allCases.map(\.rawValue))
            }
            return (format, String(spec[spec.index(after: equals)...]))
        }
        failOn = try arguments.choice("--fail-on", as: FailThreshold.self) ?? .error
        configPath = try arguments.value("--config")
        baselinePath = try arguments.value("--baseline")
        writeBaselinePath = try arguments.value("--write-baseline")
        let keys = try arguments.values("--key")
        if keys.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw UsageError.keyEmpty
        }
        self.keys = keys.isEmpty ? nil : KeyFilter(keys: keys)
        clientsFile = try arguments.value("--clients")
        live = try PowerOfficeOptions.live(&arguments)
        common = try CommonOptions(&arguments, environment: environment)
        let snapshot = try arguments.snapshot()
        if let now = environment["LEDGERLINT_NOW"] {
            guard let date = ReportTime.parse(now) else {
                throw UsageError.badNow(value: now)
            }
            fixedNow = date
        }
        self.snapshot = snapshot
        self.environment = environment
    }

    func run() async throws -> ExitCode {
        // One clock for the run: the report's check time, and the day suppressions expire by.
        let now = fixedNow ?? Date()
        let options = CheckRun.Options(
            snapshot: snapshot, rules: common.rules, language: common.language, configPath: configPath,
            keys: keys, baselinePath: baselinePath, writeBaseline: writeBaselinePath != nil, today: today(now),
            checkedAt: now)
        if clientsFile != nil || ClientsRun.holdsClients(URL(fileURLWithPath: snapshot, isDirectory: true)) {
            return try await runClients(options)
        }
        return try await runOne(options)
    }

    /// `check SNAPSHOT`: one snapshot folder.
    private func runOne(_ options: CheckRun.Options) async throws -> ExitCode {
        var clock = PhaseClock(enabled: environment["LEDGERLINT_TIMINGS"] != nil)
        let check = try CheckRun(options)
        try outputs.check(against: check.inputs + [live?.credentialsFile].compactMap { $0 })
        let liveSource: CheckRun.LiveSource? = live.map { live in
            let environment = environment
            return {
                Interrupts.handle()
                return try await live.fetch(environment: environment)
            }
        }
        let outcome = try await check.run(live: liveSource) { clock.lap($0) }
        for warning in outcome.warnings { Console.diagnostic(warning.message) }

        if let writeBaselinePath, let written = outcome.baseline {
            try Console.writeFile(written.encoded(), to: writeBaselinePath)
            let count = written.entries.count
            Console.diagnostic(
                LocalizedText(
                    en: "wrote a baseline of \(count) findings to \(writeBaselinePath)",
                    nb: "skrev en baseline med \(count) funn til \(writeBaselinePath)"))
        }
        let report = outcome.report
        try write { $0.renderParts(report) }
        clock.lap("write reports")

        if writeBaselinePath != nil { return .clean }
        return failOn.isMet(by: report.summary) ? .findings : .clean
    }

    /// `check DIR`, where `DIR` holds a snapshot folder per client: every client checked in turn, each client's
    /// findings and the roll-up in every report, and the worst exit code of all clients.
    private func runClients(_ options: CheckRun.Options) async throws -> ExitCode {
        if keys != nil { throw UsageError.keyNeedsOneClient(folder: snapshot) }
        let list = try clientsFile.map { try ClientList.load(from: URL(fileURLWithPath: $0)) }
        if live != nil && list == nil { throw UsageError.liveNeedsClientsFile }
        let folder = URL(fileURLWithPath: snapshot, isDirectory: true)
        if list != nil && ClientsRun.isSnapshot(folder) { throw UsageError.clientsOnASnapshot(folder: snapshot) }
        // The clients file's clients, names and order; else every client folder in DIR, named by its manifest.
        let clients = try list.map { $0.clients.map { ClientsRun.ClientFolder(folder: $0.folder, name: $0.name) } }
            ?? ClientsRun.clientFolders(in: folder)
        // ClientsRun sets each client's baseline itself, from the baseline of many clients.
        let run = ClientsRun(
            .init(
                folder: snapshot, clients: clients, check: options, baselinePath: baselinePath,
                writeBaseline: writeBaselinePath != nil))
        try outputs.check(against: run.inputs + [clientsFile, live?.credentialsFile].compactMap { $0 })
        let sources = try list.flatMap { list in try live.map { try liveSources(list, options: $0) } }
        let line = isatty(STDERR_FILENO) == 1 ? ClientsCheckProgressLine(count: clients.count) : nil
        // Each client's part of every report is written as soon as the client is checked, so only one client's
        // findings are held at a time.
        let files = ClientsReportFiles(reporters)
        let outcome = try await run.run(
            live: sources, progress: { index, client in line?.update(index, client.folder) },
            each: { client, rollUp in try files.add(client, rollUp: rollUp) })
        line?.clear()
        for (folder, warning) in outcome.warnings {
            Console.diagnostic(LocalizedText(verbatim: folder + ": ") + warning.message)
        }
        if let writeBaselinePath, let written = outcome.baseline {
            try Console.writeFile(written.encoded(), to: writeBaselinePath)
            let count = written.clients.map { $0.entries.count }.reduce(0, +)
            Console.diagnostic(
                LocalizedText(
                    en: "wrote a baseline of \(count) findings of \(written.clients.count) clients to \(writeBaselinePath)",
                    nb: "skrev en baseline med \(count) funn fra \(written.clients.count) klienter til \(writeBaselinePath)"))
        }
        try files.finish(outcome.rollUp)
        for failure in outcome.failures {
            Console.diagnostic(
                LocalizedText(verbatim: failure.folder + ": ") + ClientsRollUp.couldNotBeChecked
                    + LocalizedText(verbatim: ": ") + LocalizedText(describing: failure.error))
        }
        // The worst of all clients: PowerOffice unreadable, then a client that could not be read, then findings.
        let exits = outcome.failures.map { failure -> ExitCode in
            if let error = failure.error as? PowerOfficeError, !error.isLocal { return .powerOffice }
            return .usageOrInput
        }
        if let worst = exits.max(by: { $0.rawValue < $1.rawValue }) { return worst }
        if writeBaselinePath != nil { return .clean }
        return failOn.isMet(by: outcome.rollUp.summary) ? .findings : .clean
    }

    /// `--clients FILE --live`: each client read from PowerOffice when its turn comes, with its own client key and
    /// every request of the run in one rate limiter (PowerOffice's 10 per second hold per subscription key). A
    /// client whose key cannot be had (an unset variable, none given) fails alone; the integration's keys, and key
    /// files that are missing or too open, stop the run before anything is asked (exit 2).
    private func liveSources(_ list: ClientList, options: PowerOfficeOptions) throws -> ClientsRun.LiveSources {
        let configuration = try options.configuration(environment: environment, includingClientKey: false)
        let keys = try list.clientKeys(environment: environment)
        let limiter = RequestRateLimiter(for: configuration)
        let entries = Dictionary(list.clients.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
        return { client in
            {
                Interrupts.handle()
                guard let entry = entries[client.folder], let key = keys[entry.index] else { throw CancellationError() }
                var configuration = configuration
                configuration.credentials = configuration.credentials.withClientKey(try key.get())
                configuration.clientKeySource = entry.key?.name ?? PowerOfficeCredentials.clientKeyVariable
                let powerOffice = PowerOfficeClient(
                    configuration: configuration, limiter: limiter,
                    onRetry: { PowerOfficeOptions.say($0, line: nil, client: entry.name) })
                return try await powerOffice.fetchAll()
            }
        }
    }

    /// Renders the main report and every `--report` with `render`, then writes them: everything is rendered before
    /// anything is written, so a failing report cannot leave half of them behind.
    private func write(_ render: (any Reporter) -> [Data]) throws {
        let texts = reporters.map { ($0.path, render($0.reporter)) }
        // The main report last, as `reporters` has it first.
        for (path, text) in texts.dropFirst() { try Console.write(text, to: path) }
        try Console.write(texts[0].1, to: texts[0].0)
    }

    /// Every report of the run: the main one (`--format`, to `--output` or stdout) first, then each `--report`.
    private var reporters: [(path: String?, reporter: any Reporter)] {
        let color = format == .text && output == nil && Console.colorAllowed(environment: environment)
        return [(output, format.reporter(color: color))] + reports.map { ($0.path, $0.format.reporter(color: false)) }
    }

    /// Everything this run writes, as the command line named it.
    var outputs: OutputFiles {
        var targets = reports.map { OutputFiles.Target(option: "--report \($0.format.rawValue)=\($0.path)", path: $0.path) }
        if let output { targets.insert(.init(option: "--output \(output)", path: output), at: 0) }
        if let writeBaselinePath { targets.append(.init(option: "--write-baseline \(writeBaselinePath)", path: writeBaselinePath)) }
        return OutputFiles(targets: targets)
    }

    /// The day of `now` as `yyyy-MM-dd` in the local time zone; `LEDGERLINT_TODAY` fixes it (for tests and
    /// reproducible runs), and so does `LEDGERLINT_NOW`, through `now`.
    func today(_ now: Date) -> String { Self.today(now, environment: environment) }

    static func today(_ now: Date, environment: [String: String]) -> String {
        if let fixed = environment["LEDGERLINT_TODAY"] { return fixed }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: now)
    }
}
