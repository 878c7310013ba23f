import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import LedgerLintCore
import PowerOfficeGoTestSupport
import Testing

/// Ctrl-C and SIGTERM during `fetch` and `check --live`, and what later fetches do with what a killed one left.
///
/// The fake holds back page 3 of the customers for a minute, so that the process is surely in the middle of its
/// fetch, two pages staged, when the test (on a busy machine, perhaps late) signals it.
@Suite("Interrupts")
struct InterruptTests {
    let scratch = Scratch()

    /// A fake whose customer page 3 takes a minute.
    private func stallingServer() throws -> FakePowerOfficeServer {
        let server = try makeServer(customers: 3000)
        server.inject(.slow(seconds: 60), path: "Customers", page: 3)
        return server
    }

    /// Until the process has asked for the page that stalls.
    private func waitForStall(_ server: FakePowerOfficeServer) async throws {
        try await waitUntil { requests(server, to: "/v2/Customers").contains { $0.query["PageNumber"] == "3" } }
    }

    @Test(
        "SIGINT and SIGTERM during fetch remove the staging folder and the DIR the run made, say so once, exit 130/143",
        arguments: [(SIGINT, Int32(130), "interrupted (SIGINT)"), (SIGTERM, 143, "stopped (SIGTERM)")])
    func interruptedFetch(signal: Int32, status: Int32, what: String) async throws {
        let server = try stallingServer()
        let parent = try scratch.folder("ledgerlint-po")
        let out = parent.appendingPathComponent("snapshot")
        let run = try RunningBinary(
            "ledgerlint", ["fetch", "--out", out.path, "--page-size", "100", "--pages-in-flight", "1"],
            environment: server.environment)

        // Mid-fetch: pages 1 and 2 staged, page 3 on its way.
        try await waitForStall(server)
        #expect(try stagingFolders(in: out).count == 1)
        run.send(signal)
        let result = await run.finish(limit: 60)

        #expect(!result.signalled && result.status == status, "\(result)")
        #expect(result.stderr == "ledgerlint: \(what); nothing was written to \(out.path)\n")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("an interrupted fetch leaves the existing snapshot as it was")
    func existingSnapshotKept() async throws {
        let server = try stallingServer()
        let out = try scratch.folder("ledgerlint-po")
        for (path, text) in [("poweroffice/Customers.json", "[]"), ("manifest.json", "{}"), ("assist/customers.csv", "x")] {
            try write(text, to: path, in: out)
        }
        let run = try RunningBinary(
            "ledgerlint", ["fetch", "--out", out.path, "--page-size", "100", "--pages-in-flight", "1"],
            environment: server.environment)
        try await waitForStall(server)
        run.send(SIGINT)
        let result = await run.finish(limit: 60)

        #expect(result.status == 130, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["assist", "manifest.json", "poweroffice"])
        #expect(try String(contentsOf: out.appendingPathComponent("poweroffice/Customers.json"), encoding: .utf8) == "[]")
        #expect(try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8) == "{}")
    }

    @Test("Ctrl-C during check --live exits 130 with one line and no report")
    func interruptedCheckLive() async throws {
        let server = try stallingServer()
        let folder = try assistOnlySnapshot(in: scratch)
        let run = try RunningBinary(
            "ledgerlint", ["check", folder.path, "--live", "--page-size", "100", "--pages-in-flight", "1"],
            environment: server.environment)
        try await waitForStall(server)
        run.send(SIGINT)
        let result = await run.finish(limit: 60)

        #expect(!result.signalled && result.status == 130, "\(result)")
        #expect(result.stderr == "ledgerlint: interrupted (SIGINT)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("a fetch killed outright leaves its staging folder; the next fetch into the folder removes it")
    func killedFetchSweptLater() async throws {
        let slow = try stallingServer()
        let out = try scratch.folder("ledgerlint-po")
        let run = try RunningBinary(
            "ledgerlint", ["fetch", "--out", out.path, "--page-size", "100", "--pages-in-flight", "1"],
            environment: slow.environment)
        try await waitForStall(slow)
        run.send(SIGKILL)
        #expect(await run.finish(limit: 60).signalled)
        #expect(try stagingFolders(in: out).count == 1)

        let fast = try makeServer(customers: 100)
        let next = try await runBuiltBinary("ledgerlint", ["fetch", "--out", out.path, "--quiet"], environment: fast.environment)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try stagingFolders(in: out).isEmpty)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
    }

    @Test("only staging folders no running fetch owns are removed")
    func onlyAbandonedRemoved() throws {
        let out = try scratch.folder("ledgerlint-po")
        func folder(_ name: String, lockFile: Bool, age: TimeInterval = 0) throws -> URL {
            let url = out.appendingPathComponent(SnapshotStaging.stagingPrefix + name)
            try FileManager.default.createDirectory(
                at: url.appendingPathComponent("poweroffice"), withIntermediateDirectories: true)
            if lockFile { try Data().write(to: url.appendingPathComponent(".lock")) }
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: url.path)
            return url
        }
        _ = try folder("unlocked", lockFile: true)
        _ = try folder("old-no-lock", lockFile: false, age: 3600)
        _ = try folder("new-no-lock", lockFile: false)
        // Another fetch, running: its staging folder is locked.
        let running = SnapshotStaging(directory: out)
        try running.prepare()
        defer { running.discard() }
        let runningFolder = try #require(try stagingFolders(in: out).first { !["unlocked", "old-no-lock", "new-no-lock"].contains(String($0.dropFirst(SnapshotStaging.stagingPrefix.count))) })

        let next = SnapshotStaging(directory: out)
        try next.prepare()
        defer { next.discard() }

        let left = Set(try stagingFolders(in: out))
        #expect(left.contains(runningFolder))
        #expect(left.contains(SnapshotStaging.stagingPrefix + "new-no-lock"))
        #expect(!left.contains(SnapshotStaging.stagingPrefix + "unlocked"))
        #expect(!left.contains(SnapshotStaging.stagingPrefix + "old-no-lock"))
        #expect(left.count == 3)
    }

    private func stagingFolders(in folder: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix(SnapshotStaging.stagingPrefix)
        }
    }

    /// Polls `condition` every 20 ms for up to 20 s.
    private func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<1000 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("gave up waiting")
    }
}
