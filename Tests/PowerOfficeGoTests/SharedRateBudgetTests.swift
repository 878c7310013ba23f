import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import PowerOfficeGoTestSupport
import Testing
@testable import PowerOfficeGo

/// One rate budget per subscription key per machine: processes that share a key share PowerOffice's 10 requests per
/// second, through a file.
@Suite("SharedRateBudget")
struct SharedRateBudgetTests {
    let scratch = Scratch()

    @Test("budgets of one key share their window; another key has its own; the file names no key")
    func sharedByKey() throws {
        let folder = try scratch.folder("ledgerlint-po")
        let limit = RateLimit(requests: 3, per: .seconds(60))
        let budgets = try [1, 2].map { _ in
            try #require(SharedRateBudget(folder: folder.appendingPathComponent("ledgerlint"), subscriptionKey: "KEY-one-1234"))
        }
        let other = try #require(SharedRateBudget(folder: folder.appendingPathComponent("ledgerlint"), subscriptionKey: "KEY-two-5678"))

        #expect(budgets[0].record(limit: limit) == nil)
        #expect(budgets[1].record(limit: limit) == nil)
        #expect(budgets[0].record(limit: limit) == nil)
        // The fourth request with the key, from either process, waits for the window.
        let wait = try #require(budgets[1].record(limit: limit))
        #expect(wait > MonotonicTime.now() + .seconds(50))
        #expect(other.record(limit: limit) == nil)

        #expect(budgets[0].file == budgets[1].file && budgets[0].file != other.file)
        #expect(budgets[0].file.lastPathComponent.hasPrefix("rate-") && budgets[0].file.lastPathComponent.count == 37)
        #expect(!budgets[0].file.path.contains("KEY-one"))
        let attributes = try FileManager.default.attributesOfItem(atPath: budgets[0].file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("ledgerlint").path)
        #expect((folderAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test("times from before the machine last started, or a garbled file, do not block")
    func staleFile() throws {
        let folder = try scratch.folder("ledgerlint-po")
        let budget = try #require(SharedRateBudget(folder: folder, subscriptionKey: "KEY-stale-1234"))
        let future = MonotonicTime.nanoseconds(MonotonicTime.now() + .seconds(86_400))
        try Data("\(future)\n\(future)\nnot a number\n".utf8).write(to: budget.file)
        #expect(budget.record(limit: RateLimit(requests: 1, per: .seconds(60))) == nil)
    }

    @Test("the folder is in the runtime folder, else the cache folder, else ~/.cache")
    func defaultFolder() {
        #expect(
            SharedRateBudget.defaultFolder(environment: ["XDG_RUNTIME_DIR": "/run/user/1000", "HOME": "/home/a"])?.path
                == "/run/user/1000/ledgerlint")
        #expect(
            SharedRateBudget.defaultFolder(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/home/a"])?.path
                == "/c/ledgerlint")
        #expect(SharedRateBudget.defaultFolder(environment: ["HOME": "/home/a"])?.path == "/home/a/.cache/ledgerlint")
        #expect(SharedRateBudget.defaultFolder(environment: ["XDG_RUNTIME_DIR": "relative"]) == nil)
    }

    @Test("two clients with one key, each with its own limiter as separate processes have, stay within the limit together")
    func twoClients() async throws {
        // PowerOffice's limit, scaled down: the fake allows 5 requests per 0.3 s; each client's limit alone would.
        let server = try makeServer(customers: 300, rateLimited: true) { $0.rateLimit = (5, 0.3) }
        let folder = try scratch.folder("ledgerlint-po")
        func client() -> PowerOfficeClient {
            var configuration = fastConfiguration(server, pageSize: 100)
            configuration.rateLimit = RateLimit(requests: 5, per: .milliseconds(400))
            configuration.sharedRateLimitFolder = folder
            return PowerOfficeClient(configuration: configuration)
        }
        let (first, second) = (client(), client())
        async let one = first.fetchAll()
        async let two = second.fetchAll()
        let fetched = try await [one, two]

        #expect(fetched.map { $0.counts[.customers] } == [300, 300])
        let log = server.requests
        #expect(log.count >= 20)
        #expect(!log.contains { $0.status == 429 }, "\(log.filter { $0.status == 429 }.count) answers 429")
        for index in 5..<log.count {
            #expect(log[index].receivedAt.timeIntervalSince(log[index - 5].receivedAt) >= 0.3)
        }
    }
}

@Suite("SHA256")
struct SHA256Tests {
    @Test(
        "the standard's test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        ])
    func vectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }
}
