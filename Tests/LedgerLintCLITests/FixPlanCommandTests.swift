import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import PowerOfficeGoTestSupport
import Testing

/// `ledgerlint fix-plan` as a user runs it: the files, the summary, the exit codes, and what is refused.
@Suite struct FixPlanCommandTests {
    let scratch = Scratch()
    static let demo = CommandLineTests.demo
    static let files = [
        "assist/customer-numbers.csv", "plan.json", "poweroffice/products-to-create.csv",
        "poweroffice/products-to-create.json", "poweroffice/products-to-update.json", "steps.md",
    ]

    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        let prefix = folder.resolvingSymlinksInPath().path + "/"
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
            .map { $0.resolvingSymlinksInPath().path.replacingOccurrences(of: prefix, with: "") }.sorted()
    }

    @Test func theDemoPlanIsWrittenAndSummedUpAndFailsOnItsManualSteps() throws {
        let out = scratch.url("fix-plan")
        let run = try ledgerlint("fix-plan", Self.demo, "--out", out.path, "--lang", "en")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stdout
                == "18 findings: 2 fixed by safe fixes, 6 by fixes to review, 10 need manual steps; "
                + "after the plan: 10 findings left (all manual), 0 new\n")
        #expect(run.stderr == "ledgerlint: wrote the plan to \(out.path): steps.md to work through, plan.json and the imports\n")
        #expect(Self.files(in: out) == Self.files)
    }

    @Test func inNorwegianWithJSONOnStdoutAndFailOnNeverItSucceeds() throws {
        let out = scratch.url("fix-plan")
        let run = try ledgerlint("fix-plan", Self.demo, "--out", out.path, "--format", "json", "--fail-on", "never",
            environment: ["LANG": "nb_NO.UTF-8"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((summary["summary"] as? [String: Int])?["manual"] == 10)
        #expect(run.stderr.hasPrefix("ledgerlint: skrev planen til "))
        let steps = try String(contentsOf: out.appendingPathComponent("steps.md"), encoding: .utf8)
        #expect(steps.hasPrefix("# Retteplan for "))
        let english = EnglishWords.found(in: run.stderr + steps)
        #expect(english.isEmpty, "English words \(english) in:\n\(run.stderr)\n\(steps)")
    }

    @Test(arguments: [
        (["--series", "50000-59999"], "--series 50000–59999 is not inside a customer number series in PowerOffice (it has 10000–19999); add that series first under Innstillinger > Reskontro > Nummerserier, then fetch again"),
        (["--series", "9-1"], "--series '9-1' is not FROM-TO, two whole numbers with FROM at most TO (for example 50000-59999)"),
        ([], "fix-plan needs --out DIR, a new or empty folder for the plan, for example: ledgerlint fix-plan examples/demo --out plan"),
    ])
    func refusedBeforeAnythingIsWritten(options: [String], message: String) throws {
        let out = scratch.url("fix-plan")
        let arguments = ["fix-plan", Self.demo, "--lang", "en"] + (options.isEmpty ? [] : ["--out", out.path] + options)
        let run = try ledgerlint(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("ledgerlint: \(message)\n"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aFolderWithFilesInItIsLeftAsItWas() throws {
        let out = try scratch.folder("fix-plan")
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let run = try ledgerlint("fix-plan", Self.demo, "--out", out.path, "--lang", "nb")
        #expect(run.status == 2)
        #expect(run.stderr == "ledgerlint: \(out.path): mappen for planen er ikke tom; oppgi en ny eller tom mappe med --out\n")
        #expect(Self.files(in: out) == ["notes.txt"])
    }

    @Test func liveReadsPowerOfficeAndSendsNothingButReads() async throws {
        let server = try makeServer(customers: 50)
        let folder = try assistOnlySnapshot(in: scratch)
        let out = scratch.url("fix-plan")
        let run = try await runBuiltBinary(
            "ledgerlint", ["fix-plan", folder.path, "--live", "--out", out.path, "--fail-on", "never", "--lang", "en"],
            environment: server.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.files(in: out) == Self.files)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["assist"])
        let requests = server.requests
        #expect(requests.contains { $0.path == "/v2/Customers" })
        #expect(
            requests.allSatisfy { $0.method == "GET" || ($0.method == "POST" && $0.path == FakePowerOfficeServer.tokenPath) },
            "\(requests.map { "\($0.method) \($0.path)" })")
    }
}
