import FakePowerOffice
import Foundation
import LedgerLintJSON
import LedgerLintTestSupport
import PowerOfficeGo
import PowerOfficeGoTestSupport
import Testing

@testable import LedgerLintCore

/// A bureau's fetch as a library call, against a fake serving several clients: each client into its folder as a
/// fetch of it alone writes it, one client's failure its own, and what an interrupt leaves.
@Suite struct ClientsFetchTests {
    let scratch = Scratch()

    static let others = [
        FakeClient(clientKey: "CLIENTKEY-two-3b8e1f-secret", clientName: "Klient To AS", dataSet: .generated(customers: 30, seed: 2)),
        FakeClient(
            clientKey: "CLIENTKEY-three-5c2d9a-secret", clientName: "Klient Tre AS", dataSet: .generated(customers: 20, seed: 3),
            invalidPrivileges: ["Product"]),
    ]

    /// The fake, a clients file of its three clients and a fourth with a variable that is not set, and the run.
    func run(into out: URL) throws -> (server: FakePowerOfficeServer, fetch: ClientsFetch) {
        let server = try makeServer(customers: 60) { $0.otherClients = Self.others }
        let file = try write(
            """
            {"clients": [
              {"name": "En", "clientKeyEnv": "PO_ONE"}, {"name": "To", "clientKeyEnv": "PO_TWO"},
              {"name": "Tre", "clientKeyEnv": "PO_THREE"}, {"name": "Fire", "clientKeyEnv": "PO_FOUR"}
            ]}
            """, to: "clients.json", in: scratch.folder("ClientsFetchTests"))
        let environment = ["PO_ONE": testKeys.clientKey, "PO_TWO": Self.others[0].clientKey, "PO_THREE": Self.others[1].clientKey]
        let fetch = ClientsFetch(
            clients: try ClientList.load(from: file), into: out, configuration: fastConfiguration(server),
            environment: environment)
        return (server, fetch)
    }

    @Test func everyClientIntoItsFolderAndEachFailureItsOwn() async throws {
        let out = try scratch.folder("ClientsFetchTests").appendingPathComponent("bureau")
        let (server, fetch) = try run(into: out)
        let events = Locked([String]())
        let outcomes = try await fetch.run { event in
            switch event {
            case .started(let client): events.withLock { $0.append("started \(client.name)") }
            case .finished(let outcome): events.withLock { $0.append("finished \(outcome.client.name)") }
            case .progress, .retry: break
            }
        }

        #expect(outcomes.map { $0.client.name } == ["En", "To", "Tre", "Fire"], "in the file's order")
        let counts = outcomes.map { outcome -> Int? in (try? outcome.result.get())?.counts[.customers] }
        #expect(counts == [60, 30, nil, nil])
        for (folder, served) in [("en", server.dataSet), ("to", Self.others[0].dataSet)] {
            for resource in PowerOfficeResource.allCases {
                let file = out.appendingPathComponent("\(folder)/\(SnapshotLayout.powerOffice(resource))")
                #expect(try Data(contentsOf: file) == served.jsonArray(resource.path), "\(folder) \(resource)")
            }
            let manifest = SnapshotManifest.read(from: out.appendingPathComponent(folder))
            #expect(manifest?.counts?[PowerOfficeResource.customers.path] == served.lists["Customers"]?.count)
        }
        guard case .failure(let error) = outcomes[2].result,
            case .forbidden(let resource, _, _, let name)? = error as? PowerOfficeError
        else {
            Issue.record("Tre: \(outcomes[2].result)")
            return
        }
        #expect(["Products", "ProductGroups"].contains(resource) && name == "Klient Tre AS")
        guard case .failure(let missing) = outcomes[3].result else { return }
        #expect((missing as? ClientListError)?.message(.en).hasPrefix("PO_FOUR is not set, or empty") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["en", "to"])
        // Fire never started: its key was not there.
        #expect(events.withLock { $0 }.filter { $0.hasPrefix("started") }.sorted() == ["started En", "started To", "started Tre"])
        #expect(events.withLock { $0 }.filter { $0.hasPrefix("finished") }.count == 4)
    }

    @Test func discardingBeforeAnyClientLeavesNothing() async throws {
        let out = try scratch.folder("ClientsFetchTests").appendingPathComponent("bureau")
        let (_, fetch) = try run(into: out)
        try fetch.prepare()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "the folders were tried, and let go")
        #expect(fetch.discard() == 0)
        #expect(!FileManager.default.fileExists(atPath: out.path), "made by the run, and nothing put in it")
        let outcomes = try await fetch.run()
        #expect(outcomes.allSatisfy { if case .failure = $0.result { true } else { false } }, "stopped: nothing more is fetched")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
