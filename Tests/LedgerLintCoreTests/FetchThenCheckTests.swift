import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import PowerOfficeGoTestSupport
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText
@testable import PowerOfficeGo

/// The acceptance test of the live path: data fetched through a misbehaving PowerOffice gives exactly the findings
/// that the same data gives from files.
@Suite struct FetchThenCheckTests {
    let scratch = Scratch()

    @Test func fetchedDataGivesTheSameFindingsAsFilesThrough429s503sAndTokenExpiry() async throws {
        let server = try makeServer(customers: 3200, rateLimited: true) { $0.rateLimit = FastRateLimit.server }
        server.inject(.status(503), path: "/v2/Customers", skip: 1, times: 2)
        server.inject(.status(429, retryAfter: 1), path: "/v2/Products")
        server.inject(.expireTokens, path: "/v2/Customers", skip: 3)

        let fetchedFolder = try scratch.folder("ledgerlint-po")
        let filesFolder = try scratch.folder("ledgerlint-po")
        let fetched = try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 500, rateLimit: FastRateLimit.client)).fetchAll()
        try PowerOfficeSnapshotWriter().write(fetched, to: fetchedFolder)

        // The same data as files, written straight from what the fake serves.
        let powerOffice = filesFolder.appendingPathComponent("poweroffice")
        try FileManager.default.createDirectory(at: powerOffice, withIntermediateDirectories: true)
        for name in ["Customers", "Products", "ProductGroups", "GeneralLedgerAccounts", "SubLedgerNumberSeries"] {
            try server.dataSet.jsonArray(name).write(to: powerOffice.appendingPathComponent("\(name).json"))
        }
        // One Assist export beside both, with customers that meet the fetched ones.
        for folder in [fetchedFolder, filesFolder] {
            let assist = folder.appendingPathComponent("assist")
            try FileManager.default.createDirectory(at: assist, withIntermediateDirectories: true)
            var csv = "Kundenummer;Navn;Organisasjonsnummer;E-post\r\n"
            for number in stride(from: 9990, to: 13500, by: 7) {
                csv += "\(number);Kunde \(number);974760673;post\(number)@firma.no\r\n"
            }
            try Data(csv.utf8).write(to: assist.appendingPathComponent("customers.csv"))
        }

        let rules = try RuleSet.builtIn()
        let fromFetch = rules.evaluate(Dataset(try SnapshotReader.read(at: fetchedFolder)), language: .en)
        let fromFiles = rules.evaluate(Dataset(try SnapshotReader.read(at: filesFolder)), language: .en)
        #expect(fromFetch.count > 100)
        #expect(fromFetch == fromFiles)

        let statuses = server.requests.compactMap(\.status)
        #expect(statuses.contains(503) && statuses.contains(429) && statuses.contains(401), "\(Set(statuses))")
        #expect(server.requests.filter { $0.path == "/v2/Customers" && $0.status == 200 }.count >= 7, "several pages")
    }

    @Test("an empty list (204 on the first page) is an empty array")
    func emptyLists() async throws {
        var configuration = FakePowerOfficeServer.Configuration()
        configuration.keys = testKeys
        let server = try FakePowerOfficeServer(dataSet: FakeDataSet(lists: [:]), configuration: configuration)
        let fetched = try await fetchAll(from: server)

        for resource in PowerOfficeResource.allCases {
            #expect(fetched.counts[resource] == 0)
            #expect(fetched.json[resource] == Data("[]".utf8))
        }
        #expect(try fetched.powerOfficeData() == PowerOfficeData(productGroups: [], numberSeries: []))
    }

    @Test("fetch, write, read back: the snapshot reader sees exactly the data served")
    func fetchWriteReadRoundTrip() async throws {
        let server = try makeServer(customers: 2345)
        let fetched = try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 1000)).fetchAll()
        let folder = try scratch.folder("ledgerlint-po")
        try PowerOfficeSnapshotWriter().write(fetched, to: folder)

        let served = try servedData(server)
        #expect(served.customers.count == 2345)
        #expect(try SnapshotReader.readPowerOffice(at: folder) == served)
        #expect(try fetched.powerOfficeData() == served)
    }
}

/// What the fake serves, decoded independently of LedgerLint's readers (plain `JSONDecoder`).
func servedData(_ server: FakePowerOfficeServer) throws -> PowerOfficeData {
    func decode<T: Decodable>(_ name: String, _ type: T.Type) throws -> [T] {
        try JSONDecoder().decode([T].self, from: server.dataSet.jsonArray(name))
    }
    return PowerOfficeData(
        customers: RecordTable(try decode("Customers", PowerOfficeCustomer.self)),
        products: try decode("Products", PowerOfficeProduct.self),
        productGroups: try decode("ProductGroups", PowerOfficeProductGroup.self),
        accounts: try decode("GeneralLedgerAccounts", PowerOfficeAccount.self),
        numberSeries: try decode("SubLedgerNumberSeries", PowerOfficeNumberSeries.self))
}
