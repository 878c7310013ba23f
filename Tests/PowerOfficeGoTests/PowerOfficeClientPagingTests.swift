import FakePowerOffice
import Foundation
import PowerOfficeGoTestSupport
import Testing
@testable import PowerOfficeGo

/// Paging in a stable order that always ends, against a fake that ignores `PageNumber`. Rows added while a list is
/// read, and written once: `PowerOfficeSnapshotWriterTests` (LedgerLintCoreTests), which has the snapshot to write.
@Suite("PowerOfficeClient paging")
struct PowerOfficeClientPagingTests {
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
}
