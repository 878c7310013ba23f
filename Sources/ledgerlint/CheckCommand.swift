import Foundation
import LedgerLintCore
import LedgerLintText

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
        var clock = PhaseClock(enabled: environment["LEDGERLINT_TIMINGS"] != nil)
        // One clock for the run: the report's check time, and the day suppressions expire by.
        let now = fixedNow ?? Date()
        let check = try CheckRun(
            CheckRun.Options(
                snapshot: snapshot, rules: common.rules, language: common.language, configPath: configPath,
                keys: keys, baselinePath: baselinePath, writeBaseline: writeBaselinePath != nil, today: today(now),
                checkedAt: now))
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

        // Render everything before writing anything, so a failing report cannot leave half of them behind.
        let color = format == .text && output == nil && Console.colorAllowed(environment: environment)
        let main = format.reporter(color: color).render(report)
        let extra = reports.map { ($0.path, $0.format.reporter(color: false).render(report)) }
        for (path, text) in extra { try Console.write(text, to: path) }
        try Console.write(main, to: output)
        clock.lap("write reports")

        if writeBaselinePath != nil { return .clean }
        return failOn.isMet(by: report.summary) ? .findings : .clean
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
