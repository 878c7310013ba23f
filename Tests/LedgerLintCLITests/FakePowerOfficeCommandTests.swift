import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import Testing

/// `fake-poweroffice`, the fake as a command (`Sources/fake-poweroffice`), run as the built binary; the fake's API
/// itself is tested in-process by `FakePowerOfficeServerTests` (PowerOfficeGoTests).
@Suite("fake-poweroffice on the command line")
struct FakePowerOfficeCommandTests {
    let scratch = Scratch()

    @Test("--data refuses a folder that does not exist or is not a snapshot, rather than serve nothing")
    func dataFolderChecked() async throws {
        let folder = try scratch.folder("ledgerlint-po")
        #expect(throws: FakeDataSet.LoadError.notASnapshot(folder: "/nonexistent", reason: "no such folder")) {
            try FakeDataSet(snapshotFolder: URL(fileURLWithPath: "/nonexistent"))
        }
        #expect(
            throws: FakeDataSet.LoadError.notASnapshot(
                folder: folder.path, reason: "there is no poweroffice/ folder in it")
        ) { try FakeDataSet(snapshotFolder: folder) }

        let run = try await runBuiltBinary("fake-poweroffice", ["--data", "/nonexistent"], environment: [:], limit: 10)
        #expect(run.status == 2)
        #expect(run.stderr.contains("fake-poweroffice: /nonexistent: no such folder; --data takes a snapshot folder"))
        #expect(run.stdout.isEmpty)
    }}
