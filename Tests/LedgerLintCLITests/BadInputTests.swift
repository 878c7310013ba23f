import Foundation
import Testing
import LedgerLintTestSupport

/// Input that is wrong in the ways a real machine produces: a named pipe where a file should be, control characters
/// and huge values in an export, misspelt rule files, ranges that cannot work. Each stops the run at once with exit
/// 2 and a message a support person can act on, or becomes the same finding whatever the file format.
@Suite struct BadInputTests {
    let scratch = Scratch()


    /// Replaces the file at `relative` in `folder` with a named pipe that nothing ever writes to.
    func fifo(_ relative: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(relative)
        try? FileManager.default.removeItem(at: url)
        #expect(mkfifo(url.path, 0o600) == 0)
        return url
    }

    struct PipeCase: Sendable, CustomTestStringConvertible {
        var file: String
        /// Arguments after `check SNAPSHOT`; `FILE` stands for the pipe's path.
        var arguments: [String]
        var testDescription: String { file }
    }

    @Test(arguments: [
        PipeCase(file: "assist/customers.csv", arguments: []),
        PipeCase(file: "assist/product-groups.csv", arguments: []),
        PipeCase(file: "poweroffice/Customers.json", arguments: []),
        PipeCase(file: "poweroffice/Products.json", arguments: []),
        PipeCase(file: "ledgerlint.json", arguments: []),
        PipeCase(file: "custom.json", arguments: ["--config", "FILE"]),
        PipeCase(file: "rule.json", arguments: ["--rules", "FILE"]),
        PipeCase(file: "baseline.json", arguments: ["--baseline", "FILE"]),
    ])
    func aNamedPipeInPlaceOfAnInputIsRefusedAtOnce(_ pipe: PipeCase) throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        let url = try fifo(pipe.file, in: snapshot)
        let arguments = ["check", snapshot.path] + pipe.arguments.map { $0 == "FILE" ? url.path : $0 }
        let run = try ledgerlint(arguments, timeout: 30)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(pipe.file), "\(run.stderr)")
        #expect(run.stderr.contains("named pipe (FIFO), not a regular file"), "\(run.stderr)")
    }

    @Test func controlCharactersInTheDataDoNotReachTheTerminal() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try Data("Kundenummer;Navn;E-post;Sendingsmetode\n10001;A;a@b.no;\u{1B}[31mRED\u{1B}[0m\n".utf8)
            .write(to: snapshot.appendingPathComponent("assist/customers.csv"))
        let run = try ledgerlint("check", snapshot.path)
        #expect(run.status == 2)
        #expect(!run.stderr.contains("\u{1B}"), "\(run.stderr.debugDescription)")
        #expect(run.stderr.contains("'\u{FFFD}[31mRED\u{FFFD}[0m' is not a send method"), "\(run.stderr)")
    }

    @Test func aHugeHeaderGivesAShortMessage() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try Data((String(repeating: "Kunde", count: 1_000_000) + "\n1\n").utf8)
            .write(to: snapshot.appendingPathComponent("assist/customers.csv"))
        let run = try ledgerlint("check", snapshot.path)
        #expect(run.status == 2)
        #expect(run.stderr.count < 500, "\(run.stderr.count) characters on stderr")
        #expect(run.stderr.contains("missing required column 'Kundenummer (customer_number)'"))
        #expect(run.stderr.contains("…"))
    }

    @Test func aMisspeltRuleKeyStopsTheRunWithTheFix() throws {
        let folder = try scratch.folder("ledgerlint-rules")
        let rule = try String(
            contentsOf: CommandLineTests.packageRoot.appendingPathComponent("rules/customer-number-range.json"),
            encoding: .utf8)
        try Data(rule.replacingOccurrences(of: "\"where\"", with: "\"wehre\"").utf8)
            .write(to: folder.appendingPathComponent("customer-number-range.json"))
        let run = try ledgerlint("check", CommandLineTests.demo, "--rules", folder.path)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.contains("customer-number-range.json: at the top level: unknown key 'wehre'; did you mean 'where'?"),
            "\(run.stderr)")
    }

    @Test func configuredRangesOutsidePowerOfficesSeriesStopTheRun() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try Data(#"{"rules": {"customer-number-range": {"ranges": [[50000, 59999]]}}}"#.utf8)
            .write(to: snapshot.appendingPathComponent("ledgerlint.json"))
        let run = try ledgerlint("check", snapshot.path)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("configured by"), "\(run.stderr)")
        #expect(run.stderr.contains("ledgerlint.json"))
        #expect(run.stderr.contains("50000–59999"))
        #expect(run.stderr.contains("PowerOffice's customer number series (10000–19999)"))
    }

    @Test func configuredRangesAreNamedAsTheConfigurations() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try Data(#"{"rules": {"customer-number-range": {"ranges": [[10000, 10005]]}}}"#.utf8)
            .write(to: snapshot.appendingPathComponent("ledgerlint.json"))
        let run = try ledgerlint("check", snapshot.path, "--lang", "en", "--key", "10006")
        #expect(run.stdout.contains("has a number outside the configured customer numbers 10000–10005."), "\(run.stdout)")
        #expect(!run.stdout.contains("outside PowerOffice's"))
    }

    @Test func aCustomerNumberTooLargeIsTheSameFindingFromCSVAndJSON() throws {
        let csv = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try Data("Kundenummer;Navn;E-post\n12345678901234567890;Stor AS;post@stor.no\n".utf8)
            .write(to: csv.appendingPathComponent("assist/customers.csv"))
        let json = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try FileManager.default.removeItem(at: json.appendingPathComponent("assist/customers.csv"))
        try Data(#"[{"customerNumber": 12345678901234567890, "name": "Stor AS", "email": "post@stor.no"}]"#.utf8)
            .write(to: json.appendingPathComponent("assist/customers.json"))
        let exponent = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try FileManager.default.removeItem(at: exponent.appendingPathComponent("assist/customers.csv"))
        try Data(#"[{"customerNumber": 1e400, "name": "Stor AS", "email": "post@stor.no"}]"#.utf8)
            .write(to: exponent.appendingPathComponent("assist/customers.json"))

        func finding(_ snapshot: URL) throws -> String {
            let run = try ledgerlint("check", snapshot.path, "--lang", "en")
            #expect(run.status == 1, "\(run.stderr)")
            return run.stdout.split(separator: "\n").first { $0.contains("customer-number-invalid") }.map(String.init) ?? ""
        }
        let fromCSV = try finding(csv)
        #expect(
            fromCSV.contains(
                "Assist customer 12345678901234567890: Stor AS has a customer number that is too large: whole numbers "
                    + "here go up to 9223372036854775807."), "\(fromCSV)")
        #expect(try finding(json) == fromCSV)
        #expect(try finding(exponent).contains("Assist customer 1e400: Stor AS has a customer number that is too large"))
    }
}
