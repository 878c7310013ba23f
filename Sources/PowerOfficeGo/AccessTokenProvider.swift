import Foundation
import LedgerLintJSON
import LedgerLintText

/// Holds the current OAuth2 access token and gets a new one when it is about to expire or was refused.
///
/// PowerOffice issues no refresh tokens: renewing means asking again with the keys. Concurrent callers that find
/// the token stale share one token request instead of each sending their own.
///
/// A request takes its token only once the rate limiter has let it go (`token()`, from the transport's request
/// builder), so that the token is current when the request is sent, not when it began to wait; before it waits,
/// `prepare(for:)` renews a token that would be due by then, so that the token request can go first.
actor AccessTokenProvider {
    private struct AccessToken {
        var value: String
        /// On `MonotonicTime`.
        var renewAt: Duration
        /// How long a token lasts before it is renewed, from when it was asked for.
        var usableFor: Duration
    }

    private let transport: PowerOfficeTransport
    private let configuration: PowerOfficeConfiguration
    private var current: AccessToken?
    private var pending: Task<AccessToken, any Error>?
    /// The time on `MonotonicTime`; tests pass a clock they move by hand, to see renewals without waiting for them.
    private let now: @Sendable () -> Duration

    init(
        transport: PowerOfficeTransport, configuration: PowerOfficeConfiguration,
        now: @escaping @Sendable () -> Duration = MonotonicTime.now
    ) {
        self.transport = transport
        self.configuration = configuration
        self.now = now
    }

    /// A token that is valid for at least the renewal margin.
    func token() async throws -> String {
        if let current, now() < current.renewAt { return current.value }
        return try await renew()
    }

    /// Renews the token now if it would be due for renewal by `instant`, when a request is expected to be let go by
    /// the rate limiter, and a new token would not be due by then too (a wait longer than a token's life is left to
    /// `token()` at send time).
    func prepare(for instant: Duration) async throws {
        guard let current else { return }
        guard instant >= current.renewAt, instant < now() + current.usableFor else { return }
        _ = try await renew()
    }

    /// Forgets `refused`, which the API just answered with 401, so that the next `token()` asks for a new one.
    func refuse(_ refused: String) {
        if current?.value == refused { current = nil }
    }

    private func renew() async throws -> String {
        if let pending { return try await pending.value.value }
        let transport = transport
        let configuration = configuration
        let now = now
        let task = Task { try await Self.requestToken(transport: transport, configuration: configuration, now: now) }
        pending = task
        defer { pending = nil }
        let token = try await task.value
        current = token
        return token.value
    }

    private static func requestToken(
        transport: PowerOfficeTransport, configuration: PowerOfficeConfiguration, now: @Sendable () -> Duration
    ) async throws -> AccessToken {
        let subject = PowerOfficeTransport.Subject(resource: PowerOfficeTransport.Subject.accessToken)
        var requestedAt = Duration.zero
        var displayURL = ""
        let response = try await transport.send(subject) {
            let request = PowerOfficeRequest.token(
                configuration.tokenURL, credentials: configuration.credentials, timeout: configuration.requestTimeout)
            requestedAt = now()
            displayURL = request.displayURL
            return request
        }
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        switch response.status {
        case 200:
            break
        case 400 where (object?["error"] as? String) == "invalid_client":
            throw PowerOfficeError.invalidClient(
                environment: configuration.environment, tokenURL: displayURL, clientKeySource: configuration.clientKeySource)
        case 401:
            throw PowerOfficeError.subscriptionKeyRejected(
                environment: configuration.environment, message: transport.describe(response) ?? LocalizedText(verbatim: ""))
        default:
            throw PowerOfficeError.tokenRejected(status: response.status, detail: transport.describe(response) ?? LocalizedText(verbatim: ""))
        }
        guard let object, let value = object["access_token"] as? String, !value.isEmpty else {
            throw PowerOfficeError.malformedResponse(
                resource: subject.resource, page: nil,
                reason: transport.notJSON(response, variable: PowerOfficeConfiguration.tokenURLVariable)
                    ?? LocalizedText(
                        en: "no access_token in the token endpoint's answer", nb: "ingen access_token i svaret fra tokenadressen"))
        }
        // A live credential from now on: blanked wherever it might turn up.
        RunSecrets.shared.register(value)
        let expiresIn =
            (object["expires_in"] as? NSNumber)?.doubleValue
            ?? (object["expires_in"] as? String).flatMap(Double.init) ?? 600
        let lifetime = Duration.milliseconds(Int64(max(0, expiresIn) * 1000))
        let margin = min(configuration.tokenRenewalMargin, lifetime / 2)
        return AccessToken(value: value, renewAt: requestedAt + lifetime - margin, usableFor: lifetime - margin)
    }
}
