import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import LedgerLintCore
import PowerOfficeGoTestSupport
import Testing
@testable import PowerOfficeGo

/// Paging that always ends and never writes a row twice, against a fake that ignores `PageNumber` or has rows added
/// while it is read.
@Suite("PowerOfficeClient paging")
struct PowerOfficeClientPagingTests {
    let scratch = Scratch()

    @Test("every list is asked for in a stable order: OrderBy=Id")
    func orderedById() async throws {
        let server = try makeServer(customers: 250)
        _ = try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 100)).fetchAll()

        let lists = server.requests.filter { $0.path.hasPrefix("/v2/") && $0.path != "/v2/ClientIntegrationInformation" }
        #expect(lists.count >= 7)
        #expect(lists.allSatisfy { $0.query["OrderBy"] == "Id" && $0.status != 400 })
    }

    @Test(
        "a server that ignores PageNumber, with pages that differ in bytes, is stopped at page 2",
        arguments: [1, PowerOfficeConfiguration.defaultPagesInFlight])
    func ignoredPageNumber(pagesInFlight: Int) async throws {
        let server = try makeServer(customers: 300)
        // Enough for the fetch to run far past the end, were only identical pages caught.
        server.inject(.ignorePageNumber, path: "Customers", times: 50)
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(
                configuration: fastConfiguration(server, pageSize: 100, pagesInFlight: pagesInFlight)
            ).fetchAll()
        }

        #expect(error == .pageRepeats(resource: "Customers", page: 2))
        #expect(error?.localizedDescription.contains("ignore PageNumber") == true)
        #expect(requests(server, to: "/v2/Customers").count <= 1 + pagesInFlight)
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

    /// A customer with an `Id` below the generated ones, so that it sorts first.
    private var newCustomer: FakeJSON {
        ["Id": 1, "Number": 19999, "Name": "Ny Kunde AS", "IsPerson": false, "IsActive": true, "IsArchived": false]
    }
}
