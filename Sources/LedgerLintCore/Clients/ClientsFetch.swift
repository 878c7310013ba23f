import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import LedgerLintJSON
import LedgerLintText
import PowerOfficeGo

/// A bureau's fetch (`fetch --clients`): every client of a clients file read from PowerOffice Go into its own
/// snapshot folder, `DIR/<folder>/poweroffice/` and `DIR/<folder>/manifest.json`, exactly as a fetch of that client
/// alone writes them (`SnapshotStaging`), a few clients at once, all in one rate budget.
///
/// - **One budget.** PowerOffice's 10 requests per second hold per subscription key, however many client keys use
///   it, so every client of the run waits in one `RequestRateLimiter` (shared, as a single fetch's is, with the other
///   processes on the machine that use the key). Fetching more clients at once cannot go faster than that; it only
///   fills the round trips of one client's small lists with another's requests.
/// - **One client's failure is its own.** A refused key, a 403, retries given up, a variable that is not set: that
///   client's staged files are removed and its folder is left as it was, and the others are fetched.
/// - **Before any request**, `prepare()` reads every key file and checks that every client's folder can be
///   written, so that what is wrong on this machine stops the run (exit 2) before PowerOffice is asked anything.
///
/// The command line prints what it is told (`Event`) and the outcomes; this type writes nothing but the snapshots.
/// Described in docs/poweroffice-fetch.md ("Many clients (a bureau)").
public final class ClientsFetch: Sendable {
    /// How many clients are fetched at once. Few: the rate limit, not the number of clients in flight, sets the pace
    /// once one large client's pages keep the limiter busy (`pagesInFlight` pages of each of its lists); a few more
    /// fill the waits of small clients, whose token, client information and one page per list are round trips with
    /// little to send. More would only hold more staged files open and spread progress thinner.
    public static let clientsAtOnce = 3

    /// How many pages of one list are asked for at once in a bureau's fetch, unless `--pages-in-flight` says
    /// otherwise: one after another. Asking ahead keeps the limiter busy while one client's pages are on their way;
    /// with `clientsAtOnce` clients, the other clients' requests do that, and the pages asked for past the end of a
    /// list (up to three for every list that ends on a full page) would only spend the run's one budget. 200 clients of
    /// 5000 customers took 176 s one page after another and 218 s with 4 in flight (docs/performance.md).
    public static let pagesInFlight = 1

    /// What happened to one client.
    public struct Outcome: Sendable {
        public var client: ClientEntry
        /// What was read (its lists are in the client's folder, not in `json`), or why the client was not fetched:
        /// a `PowerOfficeError`, a `ClientListError` (its key is not where the file says) or a `SnapshotError`.
        public var result: Result<FetchedResources, any Error>
    }

    /// What the run is doing, for a progress line and retry lines; from any task.
    public enum Event: Sendable {
        case started(ClientEntry)
        case progress(ClientEntry, FetchProgress)
        case retry(ClientEntry, RetryNotice)
        case finished(Outcome)
    }

    public let clients: ClientList
    /// The folder the clients' folders are in.
    public let directory: URL
    private let configuration: PowerOfficeConfiguration
    private let environment: [String: String]
    private let state = Locked(State())

    private struct State {
        /// The client key of each client that can be fetched, by index in `clients.clients`; set by `prepare`.
        var keys: [Int: Result<String, ClientListError>] = [:]
        var prepared = false
        /// Stagings in use, by client index: what an interrupt must discard.
        var stagings: [Int: SnapshotStaging] = [:]
        var committed = 0
        var stopped = false
        var madeDirectory = false
    }

    /// - Parameters:
    ///   - configuration: how to reach PowerOffice and the integration's keys (application and subscription key,
    ///     `PowerOfficeConfiguration.resolve(includingClientKey: false)`); each client gets its own client key.
    ///   - environment: where clients' `clientKeyEnv` variables are looked up.
    public init(
        clients: ClientList, into directory: URL, configuration: PowerOfficeConfiguration, environment: [String: String]
    ) {
        self.clients = clients
        self.directory = directory
        self.configuration = configuration
        self.environment = environment
    }

    /// Reads every client's key and checks that every client's folder can be written, asking PowerOffice nothing.
    ///
    /// A client with no key, or whose variable is not set, is not a reason to stop: it is reported as failed when the
    /// run gets to it.
    ///
    /// - Throws: `ClientListError.keyFile` for a key file that cannot be used (missing, readable by others, empty),
    ///   `SnapshotError.writeFailed` for a folder that cannot be written; `directory` is then left as it was.
    public func prepare() throws {
        let keys = try clients.clientKeys(environment: environment)
        let made = !FileManager.default.fileExists(atPath: directory.path)
        // Each folder staged and let go again, as its fetch will stage it later: holding every one open for the whole
        // run would hold a lock file per client, and a bureau has hundreds.
        for client in clients.clients where (try? keys[client.index]?.get()) != nil {
            let probe = SnapshotStaging(directory: folder(of: client))
            defer { probe.discard() }
            do {
                try probe.prepare()
            } catch {
                if made { try? FileManager.default.removeItem(at: directory) }
                throw error
            }
        }
        state.withLock {
            $0.keys = keys
            $0.prepared = true
            $0.madeDirectory = made
        }
    }

    /// Fetches every client, `clientsAtOnce` at a time, and returns what happened to each, in the file's order.
    /// Calls `prepare()` first if it was not called.
    public func run(onEvent: @escaping @Sendable (Event) -> Void = { _ in }) async throws -> [Outcome] {
        if !state.withLock({ $0.prepared }) { try prepare() }
        let limiter = RequestRateLimiter(for: configuration)
        let pending = clients.clients
        var outcomes: [Int: Outcome] = [:]
        await withTaskGroup(of: Outcome.self) { group in
            var next = pending.startIndex
            func start() {
                guard next < pending.endIndex else { return }
                let client = pending[next]
                next += 1
                group.addTask { await self.fetch(client, limiter: limiter, onEvent: onEvent) }
            }
            for _ in 0..<Self.clientsAtOnce { start() }
            for await outcome in group {
                outcomes[outcome.client.index] = outcome
                onEvent(.finished(outcome))
                start()
            }
        }
        if state.withLock({ $0.madeDirectory && $0.committed == 0 }) { removeIfEmpty(directory) }
        return pending.compactMap { outcomes[$0.index] }
    }

    /// Removes what every client still fetching has staged, leaving their folders as they were, and stops the run
    /// from staging more: for an interrupt, from any thread. Clients already fetched stay fetched.
    ///
    /// - Returns: how many clients were fetched into their folders before.
    @discardableResult
    public func discard() -> Int {
        let (stagings, committed, made) = state.withLock { state in
            state.stopped = true
            return (Array(state.stagings.values), state.committed, state.madeDirectory)
        }
        for staging in stagings { staging.discard() }
        let fetched = committed + stagings.filter(\.isCommitted).count
        if made && fetched == 0 { removeIfEmpty(directory) }
        return fetched
    }

    /// Removes `folder` if it is empty: the folder of the clients when this run made it and put nothing in it.
    private func removeIfEmpty(_ folder: URL) {
        if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    private func folder(of client: ClientEntry) -> URL {
        directory.appendingPathComponent(client.folder, isDirectory: true)
    }

    /// One client: its key, its staging, its fetch, and its files put in place; what went wrong otherwise.
    private func fetch(
        _ client: ClientEntry, limiter: RequestRateLimiter, onEvent: @escaping @Sendable (Event) -> Void
    ) async -> Outcome {
        let staging = SnapshotStaging(directory: folder(of: client))
        let (key, stopped) = state.withLock { state in
            if !state.stopped { state.stagings[client.index] = staging }
            return (state.keys[client.index], state.stopped)
        }
        defer {
            staging.discard()
            state.withLock { state in
                state.stagings[client.index] = nil
                if staging.isCommitted { state.committed += 1 }
            }
        }
        do {
            guard !stopped else { throw CancellationError() }
            guard let key else { throw CancellationError() }
            var configuration = configuration
            configuration.credentials = configuration.credentials.withClientKey(try key.get())
            configuration.clientKeySource = client.key?.name ?? PowerOfficeCredentials.clientKeyVariable
            onEvent(.started(client))
            // A session per client, let go when it is done: one shared by every client would pool every client's
            // connections under one session's per-host limit.
            let session = PowerOfficeClient.makeSession(timeout: configuration.requestTimeout)
            defer { session.finishTasksAndInvalidate() }
            let powerOffice = PowerOfficeClient(
                configuration: configuration, session: session, limiter: limiter,
                onRetry: { onEvent(.retry(client, $0)) })
            try staging.prepare()
            let fetched = try await powerOffice.fetchAll(
                progress: { onEvent(.progress(client, $0)) }, writingTo: staging)
            try staging.commit(fetched)
            return Outcome(client: client, result: .success(fetched))
        } catch {
            return Outcome(client: client, result: .failure(error))
        }
    }
}
