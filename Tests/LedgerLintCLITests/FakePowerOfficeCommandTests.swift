import FakePowerOffice
import Foundation
import LedgerLintCore
import LedgerLintTestSupport
import Testing

/// `fake-poweroffice`, the fake as a command (`Sources/fake-poweroffice`), run as the built binary; the fake's API
/// itself is tested in-process by `FakePowerOfficeServerTests` (PowerOfficeGoTests).
@Suite("fake-poweroffice on the command line")
struct FakePowerOfficeCommandTests {
    let scratch = Scratch()

    /// The data set `--data` serves, read as the command reads it.
    static func dataSet(_ folder: URL) throws -> FakeDataSet {
        try FakeDataSet(
            snapshotFolder: folder, powerOfficeFolder: SnapshotLayout.powerOfficeFolder,
            file: SnapshotLayout.powerOfficeFile(named:))
    }

    @Test("--data refuses a folder that does not exist or is not a snapshot, rather than serve nothing")
    func dataFolderChecked() async throws {
        let folder = try scratch.folder("ledgerlint-po")
        #expect(throws: FakeDataSet.LoadError.notASnapshot(folder: "/nonexistent", reason: "no such folder")) {
            try Self.dataSet(URL(fileURLWithPath: "/nonexistent"))
        }
        #expect(
            throws: FakeDataSet.LoadError.notASnapshot(
                folder: folder.path, reason: "there is no poweroffice/ folder in it")
        ) { try Self.dataSet(folder) }

        let run = try await runBuiltBinary("fake-poweroffice", ["--data", "/nonexistent"], environment: [:], limit: 10)
        #expect(run.status == 2)
        #expect(run.stderr.contains("fake-poweroffice: /nonexistent: no such folder; --data takes a snapshot folder"))
        #expect(run.stdout.isEmpty)
    }}
