import FakePowerOffice
import Foundation
import PowerOfficeGo

/// PowerOffice's rate limit and the client's below it, five to ten times faster, for tests that the client keeps to
/// a limit: the fake answers 429 past 10 requests in any 0.1 s (PowerOffice: 1 s), the client keeps to 10 in any
/// 0.2 s. That leaves the same 100 ms for requests that arrive closer together than they were let go as
/// `RateLimit.powerOffice` leaves, so a loaded machine is no likelier to crowd a window than in real runs.
public enum FastRateLimit {
    public static let server: (requests: Int, interval: Double) = (10, 0.1)
    public static let client = RateLimit(requests: 10, per: .milliseconds(200))
}

/// A client configuration pointing at `server`, with real-world behaviour but waits scaled down 100 times and,
/// unless given one (`FastRateLimit.client`), a rate limit that never binds. Pages are read ahead as by default
/// unless `pagesInFlight` says otherwise (1: one after another, for tests that follow the exact order of requests).
public func fastConfiguration(
    _ server: FakePowerOfficeServer, pageSize: Int = 50,
    rateLimit: RateLimit = RateLimit(requests: 10_000, per: .seconds(1)),
    pagesInFlight: Int = PowerOfficeConfiguration.defaultPagesInFlight,
    credentials: PowerOfficeCredentials = testCredentials
) -> PowerOfficeConfiguration {
    PowerOfficeConfiguration(
        environment: .demo, credentials: credentials, apiURL: server.apiURL, tokenURL: server.tokenURL,
        pageSize: pageSize, pagesInFlight: pagesInFlight,
        rateLimit: rateLimit,
        retryPolicy: RetryPolicy(timeScale: 0.01), requestTimeout: 5)
}

/// Everything `server` serves, read by a client with `fastConfiguration(server)`.
public func fetchAll(from server: FakePowerOfficeServer) async throws -> FetchedResources {
    try await PowerOfficeClient(configuration: fastConfiguration(server)).fetchAll()
}
