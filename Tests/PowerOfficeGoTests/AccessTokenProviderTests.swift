import FakePowerOffice
import Foundation
import PowerOfficeGoTestSupport
import Testing


#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
@testable import PowerOfficeGo

/// When tokens are renewed, on a clock the test moves by hand: nothing here waits for a token to age.
@Suite("AccessTokenProvider: renewal")
struct AccessTokenProviderTests {
    /// A provider asking `server` for tokens, reading the time from `clock`, with the client's usual settings.
    func provider(_ server: FakePowerOfficeServer, clock: ManualClock) -> AccessTokenProvider {
        let configuration = fastConfiguration(server)
        let transport = PowerOfficeTransport(
            session: URLSession(configuration: .ephemeral), limiter: RequestRateLimiter(configuration.rateLimit),
            retryPolicy: configuration.retryPolicy, credentials: configuration.credentials,
            timeout: configuration.requestTimeout, onRetry: nil)
        return AccessTokenProvider(transport: transport, configuration: configuration, now: { clock.now })
    }

    @Test(
        "a token is renewed before it expires: after its lifetime less the 60 s margin, or half its lifetime if shorter",
        arguments: [(2.0, Duration.seconds(1)), (1200, .seconds(1140))])
    func renewsBeforeExpiry(lifetime: Double, renewedAfter: Duration) async throws {
        // Both well before the fake stops accepting the old token (`lifetime`), and without waiting for it.
        let server = try makeServer { $0.tokenLifetime = lifetime }
        let clock = ManualClock()
        let tokens = provider(server, clock: clock)

        let first = try await tokens.token()
        clock.advance(by: renewedAfter - .milliseconds(1))
        #expect(try await tokens.token() == first)
        #expect(server.tokensIssued == 1)
        clock.advance(by: .milliseconds(1))
        let second = try await tokens.token()
        #expect(second != first)
        #expect(server.tokensIssued == 2)
        #expect(server.requests.map(\.path) == [FakePowerOfficeServer.tokenPath, FakePowerOfficeServer.tokenPath])
    }

    @Test("a request that will wait in the limiter past the renewal gets the new token first, unless it waits past that one too")
    func preparesForTheSlot() async throws {
        // Lifetime 2 s: due for renewal 1 s after it was asked for, and a new one would last 1 s.
        let server = try makeServer { $0.tokenLifetime = 2 }
        let clock = ManualClock()
        let start = clock.now
        let tokens = provider(server, clock: clock)

        try await tokens.prepare(for: start + .seconds(5))
        #expect(server.tokensIssued == 0, "no token yet: the first is asked for when it is needed")
        let first = try await tokens.token()
        clock.advance(by: .milliseconds(600))
        // From now, a new token would be due at 1.6 s.
        try await tokens.prepare(for: start + .milliseconds(999))
        #expect(server.tokensIssued == 1, "still good when the request is let go")
        try await tokens.prepare(for: start + .milliseconds(1700))
        #expect(server.tokensIssued == 1, "a new token would be due by then as well: left to token() at send time")
        try await tokens.prepare(for: start + .milliseconds(1500))
        #expect(server.tokensIssued == 2, "due by the time the request is let go: renewed before the wait")
        let renewed = try await tokens.token()
        #expect(renewed != first)
        #expect(server.tokensIssued == 2, "the request takes the token renewed for it")
    }

    @Test("a refused token is asked for again, however young it is")
    func refusedIsRenewed() async throws {
        let server = try makeServer()
        let tokens = provider(server, clock: ManualClock())
        let first = try await tokens.token()
        await tokens.refuse("some other token")
        #expect(try await tokens.token() == first)
        await tokens.refuse(first)
        #expect(try await tokens.token() != first)
        #expect(server.tokensIssued == 2)
    }
}

/// A `MonotonicTime` stand-in that stands still until `advance(by:)`.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Duration

    init(at start: Duration = .seconds(1000)) { time = start }

    var now: Duration {
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    func advance(by step: Duration) {
        lock.lock()
        time += step
        lock.unlock()
    }
}
