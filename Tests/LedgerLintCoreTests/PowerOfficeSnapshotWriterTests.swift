import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import LedgerLintCore
import PowerOfficeGoTestSupport
import Testing
@testable import LedgerLintText
@testable import PowerOfficeGo

@Suite("PowerOfficeSnapshotWriter")
struct PowerOfficeSnapshotWriterTests {
    let scratch = Scratch()

    @Test("writes poweroffice/*.json as fetched and a manifest without keys")
    func writesFilesAndManifest() async throws {
        let server = try makeServer(customers: 230)
        let fetched = try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 100)).fetchAll()
        let folder = try scratch.folder("ledgerlint-po")
        let snapshot = folder.appendingPathComponent("new/snapshot")
        try PowerOfficeSnapshotWriter().write(fetched, to: snapshot)

        for resource in PowerOfficeResource.allCases {
            let file = snapshot.appendingPathComponent("poweroffice/\(resource.rawValue).json")
            #expect(try Data(contentsOf: file) == server.dataSet.jsonArray(resource.rawValue))
        }
        let manifest = try JSONDecoder().decode(
            SnapshotManifest.self, from: Data(contentsOf: snapshot.appendingPathComponent("manifest.json")))
        #expect(manifest.tool == "ledgerlint" && manifest.toolVersion == Tool.version)
        #expect(manifest.environment == "demo")
        #expect(manifest.client == "Fjordlys Regnskap AS")
        #expect(
            manifest.counts == [
                "Customers": 230, "Products": 44, "ProductGroups": 4, "GeneralLedgerAccounts": 11,
                "SubLedgerNumberSeries": 3,
            ])
        #expect(ISO8601DateFormatter().date(from: try #require(manifest.fetchedAt)) != nil)
        // Report headers read the same file the same way.
        let metadata = try #require(SnapshotManifest.read(from: snapshot))
        #expect(
            [metadata.client, metadata.fetchedAt, metadata.environment]
                == ["Fjordlys Regnskap AS", manifest.fetchedAt, "demo"])
        #expect(try allFiles(in: folder).count == 6)
        for (path, data) in try allFiles(in: folder) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in secretForms { #expect(!text.contains(secret), "key found in \(path)") }
        }
    }

    @Test("replaces poweroffice/ and manifest.json only; assist/ and other files stay as they were")
    func replacesOnlyItsOwnParts() async throws {
        let server = try makeServer()
        let fetched = try await fetchAll(from: server)
        let folder = try scratch.folder("ledgerlint-po")
        try write("Kundenr;Navn\n10001;Ås AS\n", to: "assist/customers.csv", in: folder)
        try write("notes", to: "notes.txt", in: folder)
        try write("[]", to: "poweroffice/Stale.json", in: folder)
        try write("{}", to: "manifest.json", in: folder)
        let assistBefore = try allFiles(in: folder.appendingPathComponent("assist"))

        try PowerOfficeSnapshotWriter().write(fetched, to: folder)

        #expect(try allFiles(in: folder.appendingPathComponent("assist")) == assistBefore)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("poweroffice/Stale.json").path))
        #expect(try Data(contentsOf: folder.appendingPathComponent("manifest.json")) != Data("{}".utf8))
        #expect(try hiddenEntries(in: folder).isEmpty)
    }

    @Test("a fetch that fails half-way leaves the existing snapshot untouched and nothing half-written")
    func failedFetchLeavesSnapshot() async throws {
        let folder = try await firstSnapshot()
        try write("Kundenr;Navn\n", to: "assist/customers.csv", in: folder)
        let before = try allFiles(in: folder)

        let second = try makeServer(customers: 400)
        second.inject(.truncatedJSON, path: "Customers", skip: 3)
        await #expect(throws: PowerOfficeError.self) {
            let fetched = try await fetchAll(from: second)
            try PowerOfficeSnapshotWriter().write(fetched, to: folder)
        }

        #expect(try allFiles(in: folder) == before)
        #expect(try hiddenEntries(in: folder).isEmpty)
    }

    @Test("a fetch written as it is read that fails half-way leaves the snapshot untouched once discarded")
    func failedStagedFetchLeavesSnapshot() async throws {
        let folder = try await firstSnapshot()
        let before = try allFiles(in: folder)

        let second = try makeServer(customers: 400)
        second.inject(.truncatedJSON, path: "Customers", page: 4)
        let staging = SnapshotStaging(directory: folder)
        await #expect(throws: PowerOfficeError.self) {
            let fetched = try await PowerOfficeClient(configuration: fastConfiguration(second))
                .fetchAll(writingTo: staging)
            try staging.commit(fetched)
        }
        // The pages before the broken one were written, into the staging folder only.
        #expect(try hiddenEntries(in: folder).count == 1)
        staging.discard()
        #expect(try allFiles(in: folder) == before)
        #expect(try hiddenEntries(in: folder).isEmpty)

        // Into a folder that did not exist: none is left behind.
        let missing = folder.appendingPathComponent("new-snapshot")
        let failing = SnapshotStaging(directory: missing)
        second.inject(.truncatedJSON, path: "Customers", page: 4)
        await #expect(throws: PowerOfficeError.self) {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(second)).fetchAll(writingTo: failing)
        }
        failing.discard()
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test("lists written as they are read make the same snapshot as lists written at the end")
    func stagedFetchWritesTheSameFiles() async throws {
        let server = try makeServer(customers: 1234)
        let atTheEnd = try scratch.folder("ledgerlint-po")
        let asRead = try scratch.folder("ledgerlint-po")
        try PowerOfficeSnapshotWriter().write(
            try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 100)).fetchAll(), to: atTheEnd)
        let staging = SnapshotStaging(directory: asRead)
        defer { staging.discard() }
        let fetched = try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 100))
            .fetchAll(writingTo: staging)
        #expect(fetched.json.isEmpty, "written, not kept")
        try staging.commit(fetched)
        for resource in PowerOfficeResource.allCases {
            let file = "poweroffice/\(resource.rawValue).json"
            #expect(
                try Data(contentsOf: asRead.appendingPathComponent(file))
                    == Data(contentsOf: atTheEnd.appendingPathComponent(file)), "\(file)")
        }
        #expect(try hiddenEntries(in: asRead).isEmpty)
    }

    @Test("a snapshot folder under a file is refused with a reason a person can act on")
    func folderUnderAFile() async throws {
        let folder = try scratch.folder("ledgerlint-po")
        let file = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        let server = try makeServer(customers: 10)
        let fetched = try await fetchAll(from: server)
        let error = #expect(throws: SnapshotError.self) {
            try PowerOfficeSnapshotWriter().write(fetched, to: file.appendingPathComponent("snapshot"))
        }
        guard case .writeFailed(_, let reason) = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
        #expect(reason.en == "\(file.path) is a file, not a folder")
    }

    @Test("a write that fails at the last step puts the old poweroffice/ back")
    func failedWriteRollsBack() async throws {
        let server = try makeServer()
        let fetched = try await fetchAll(from: server)
        let folder = try scratch.folder("ledgerlint-po")
        try write("[]", to: "poweroffice/Customers.json", in: folder)
        // A non-empty folder where manifest.json goes: renaming the new manifest over it fails.
        try write("x", to: "manifest.json/blocker", in: folder)
        let before = try allFiles(in: folder)

        let error = #expect(throws: SnapshotError.self) {
            try PowerOfficeSnapshotWriter().write(fetched, to: folder)
        }
        guard case .writeFailed(let path, _) = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
        #expect(path == folder.path)
        #expect(try allFiles(in: folder) == before)
        #expect(try hiddenEntries(in: folder).isEmpty)
    }

    @Test("a snapshot that cannot be written names the folder and says nothing was replaced")
    func snapshotWriteFailed() {
        let message = SnapshotError.writeFailed(path: "snap", reason: "disk full").localizedDescription
        #expect(message == "snap: cannot write the snapshot: disk full; nothing was replaced")
    }

    @Test("a key in PowerOffice's data or the client's name is blanked in the snapshot files and the manifest")
    func snapshotFiles() async throws {
        var data = FakeDataSet.generated(customers: 30)
        var customers = data.lists["Customers"] ?? []
        let pasted = #"{"Note":"API key: \#(testKeys.subscriptionKey)","#
        customers[3] = Data(pasted.utf8) + customers[3].dropFirst()
        data.lists["Customers"] = customers
        var configuration = FakePowerOfficeServer.Configuration()
        configuration.keys = testKeys
        configuration.rateLimit = nil
        configuration.clientName = "Fjordlys \(testKeys.clientKey)"
        let server = try FakePowerOfficeServer(dataSet: data, configuration: configuration)
        let folder = try scratch.folder("ledgerlint-po")

        let staging = SnapshotStaging(directory: folder)
        defer { staging.discard() }
        try staging.commit(
            try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 10)).fetchAll(writingTo: staging))

        let written = try String(contentsOf: folder.appendingPathComponent("poweroffice/Customers.json"), encoding: .utf8)
        #expect(written.contains(#""Note":"API key: •••""#))
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("Fjordlys •••"))
        for text in [written, manifest] {
            for secret in secretForms { #expect(!text.contains(secret)) }
        }
        // Still a snapshot `check` reads.
        #expect(try SnapshotReader.readPowerOffice(at: folder).customers.count == 30)
    }

    @Test(
        "a row added while the list is read: the list is read again, and every Id is written once",
        arguments: [1, PowerOfficeConfiguration.defaultPagesInFlight])
    func rowAddedWhileReading(pagesInFlight: Int) async throws {
        let server = try makeServer(customers: 300)
        server.inject(.insertRow(newCustomer), path: "Customers", page: 3)
        let folder = try scratch.folder("ledgerlint-po")
        let staging = SnapshotStaging(directory: folder)
        defer { staging.discard() }
        let fetched = try await PowerOfficeClient(
            configuration: fastConfiguration(server, pageSize: 100, pagesInFlight: pagesInFlight)
        ).fetchAll(writingTo: staging)
        try staging.commit(fetched)

        #expect(fetched.counts[.customers] == 301)
        let written = try Data(contentsOf: folder.appendingPathComponent("poweroffice/Customers.json"))
        #expect(written == server.dataSet.jsonArray("Customers"))
        let ids = try SnapshotReader.readPowerOffice(at: folder).customers.map(\.Id)
        #expect(ids.count == 301 && Set(ids).count == 301)
        // Read twice from the first page: once until the overlap, once whole.
        #expect(requests(server, to: "/v2/Customers").filter { $0.query["PageNumber"] == "1" }.count == 2)
    }

    @Test("a list that changes on both readings is an error, and nothing of it is written")
    func keepsChanging() async throws {
        let server = try makeServer(customers: 300)
        server.inject(.insertRow(newCustomer), path: "Customers", page: 3, times: 2)
        let folder = try scratch.folder("ledgerlint-po")
        let staging = SnapshotStaging(directory: folder)
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 100, pagesInFlight: 1))
                .fetchAll(writingTo: staging)
        }
        staging.discard()

        #expect(error == .listChanged(resource: "Customers", pages: [3, 3]))
        let message = error?.localizedDescription ?? ""
        #expect(message.contains("Customers changed while it was read: page 3 repeated rows"), "\(message)")
        #expect(error?.isLocal == false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A snapshot folder as a first fetch leaves it: a fake's 150 customers and the rest, written by
    /// `PowerOfficeSnapshotWriter`.
    private func firstSnapshot() async throws -> URL {
        let folder = try scratch.folder("ledgerlint-po")
        try PowerOfficeSnapshotWriter().write(try await fetchAll(from: makeServer(customers: 150)), to: folder)
        return folder
    }

    /// Every regular file below `folder`, by relative path, with its contents.
    private func allFiles(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return files }
        for case let url as URL in walker
        where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = url.resolvingSymlinksInPath().path
            files[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return files
    }

    private func hiddenEntries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
    }

    /// A customer with an `Id` below the generated ones, so that it sorts first.
    private var newCustomer: FakeJSON {
        ["Id": 1, "Number": 19999, "Name": "Ny Kunde AS", "IsPerson": false, "IsActive": true, "IsArchived": false]
    }
}
