import Foundation
import Testing
import LedgerLintTestSupport

/// `--output`, `--report` and `--write-baseline` never replace a file the run reads, never share a file, and are
/// written whole or not at all.
@Suite struct OutputFilesTests {
    let scratch = Scratch()


    struct Clash: Sendable, CustomTestStringConvertible {
        var what: String
        /// Arguments after `check SNAPSHOT`; `SNAP` stands for the snapshot folder, `DIR` for a scratch folder.
        var arguments: [String]
        var expected: [String]
        var testDescription: String { what }
    }

    @Test(arguments: [
        Clash(what: "the Assist export", arguments: ["--output", "SNAP/assist/customers.csv"],
              expected: ["--output SNAP/assist/customers.csv would replace SNAP/assist/customers.csv, which this run reads"]),
        Clash(what: "the other form of the export", arguments: ["--report", "json=SNAP/assist/customers.json"],
              expected: ["--report json=SNAP/assist/customers.json would replace SNAP/assist/customers.json"]),
        Clash(what: "a PowerOffice file through ..", arguments: ["--output", "SNAP/assist/../poweroffice/Products.json"],
              expected: ["would replace SNAP/poweroffice/Products.json"]),
        Clash(what: "the configuration", arguments: ["--config", "DIR/ledgerlint.json", "--write-baseline", "DIR/ledgerlint.json"],
              expected: ["--write-baseline DIR/ledgerlint.json would replace DIR/ledgerlint.json"]),
        Clash(what: "the baseline", arguments: ["--baseline", "DIR/baseline.json", "--report", "json=DIR/baseline.json"],
              expected: ["--report json=DIR/baseline.json would replace DIR/baseline.json"]),
        Clash(what: "a rule file", arguments: ["--rules", "DIR/rules", "--output", "DIR/rules/customer-email-missing.json"],
              expected: ["would replace DIR/rules/customer-email-missing.json"]),
        Clash(what: "two reports", arguments: ["--report", "json=DIR/x", "--report", "sarif=DIR/./x"],
              expected: ["--report json=DIR/x and --report sarif=DIR/./x write to the same file"]),
        Clash(what: "output and report", arguments: ["--output", "DIR/x", "--report", "json=DIR/x"],
              expected: ["--output DIR/x and --report json=DIR/x write to the same file"]),
    ])
    func anOutputThatWouldReplaceAnInputOrAnotherOutputIsRefused(_ clash: Clash) throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        let folder = try scratch.folder("ledgerlint-out")
        try Data("{}".utf8).write(to: folder.appendingPathComponent("ledgerlint.json"))
        let baseline = try ledgerlint("check", snapshot.path, "--write-baseline", folder.appendingPathComponent("baseline.json").path)
        #expect(baseline.status == 0, "\(baseline.stderr)")
        try FileManager.default.copyItem(
            at: CommandLineTests.packageRoot.appendingPathComponent("rules"), to: folder.appendingPathComponent("rules"))
        let before = try snapshotBytes(snapshot)
        let substitute = { (text: String) in
            text.replacingOccurrences(of: "SNAP", with: snapshot.path).replacingOccurrences(of: "DIR", with: folder.path)
        }
        let run = try ledgerlint(["check", snapshot.path] + clash.arguments.map(substitute))
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        for part in clash.expected.map(substitute) {
            #expect(run.stderr.contains(part), "'\(part)' not in: \(run.stderr)")
        }
        #expect(try snapshotBytes(snapshot) == before, "an input was changed")
        #expect(try String(contentsOf: folder.appendingPathComponent("ledgerlint.json"), encoding: .utf8) == "{}")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }

    /// Every file of a snapshot folder and its bytes.
    func snapshotBytes(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for part in ["assist", "poweroffice"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(part).path) {
                files["\(part)/\(name)"] = try Data(contentsOf: folder.appendingPathComponent("\(part)/\(name)"))
            }
        }
        return files
    }

    @Test func aReportThroughASymbolicLinkReplacesTheFileNotTheLink() throws {
        let folder = try scratch.folder("ledgerlint-out")
        let real = folder.appendingPathComponent("real.json")
        try Data("old".utf8).write(to: real)
        let link = folder.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let run = try ledgerlint("check", CommandLineTests.demo, "--format", "json", "--output", link.path)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("{"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
