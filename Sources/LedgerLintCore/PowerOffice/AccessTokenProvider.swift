import Foundation

/// Holds the current OAuth2 access token and gets a new one when it is about to expire or was refused.
///
/// PowerOffice issues no refresh tokens: renewing means asking again with the keys. Concurrent callers that find
/// the token stale share one token request instead of each sending their own.
actor AccessTokenProvider {
    private struct AccessToken {
        var value: String
        var renewAt: ContinuousClock.Instant
    }

    private let transport: PowerOfficeTransport
    private let configuration: PowerOfficeConfiguration
    private var current: AccessToken?
    private var pending: Task<AccessToken, any Error>?

    init(transport: PowerOfficeTransport, configuration: PowerOfficeConfiguration) {
        self.transport = transport
        self.configuration = configuration
    }

    /// A token that is valid for at least the renewal margin.
    func token() async throws -> String {
        if let current, ContinuousClock.now < current.renewAt { return current.value }
        return try await renew()
    }

    /// A token other than `refused`, which the API just answered with 401.
    func token(replacing refused: String) async throws -> String {
        if let current, current.value != refused, ContinuousClock.now < current.renewAt { return current.value }
        current = nil
        return try await renew()
    }

    private func renew() async throws -> String {
        if let pending { return try await pending.value.value }
        let transport = transport
        let configuration = configuration
        let task = Task { try await Self.requestToken(transport: transport, configuration: configuration) }
        pending = task
        defer { pending = nil }
        let token = try await task.value
        current = token
        return token.value
    }

    private static func requestToken(
        transport: PowerOfficeTransport, configuration: PowerOfficeConfiguration
    ) async throws -> AccessToken {
        let request = PowerOfficeRequest.token(
            configuration.tokenURL, credentials: configuration.credentials, timeout: configuration.requestTimeout)
        let requestedAt = ContinuousClock.now
        let response = try await transport.send(request, resource: "the access token")
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        switch response.status {
        case 200:
            break
        case 400 where (object?["error"] as? String) == "invalid_client":
            throw PowerOfficeError.invalidClient(
                environment: configuration.environment, tokenURL: request.displayURL)
        case 401:
            throw PowerOfficeError.subscriptionKeyRejected(
                environment: configuration.environment, message: transport.describe(response.body) ?? "")
        default:
            throw PowerOfficeError.tokenRejected(
                status: response.status, detail: transport.describe(response.body) ?? "")
        }
        guard let object, let value = object["access_token"] as? String, !value.isEmpty else {
            throw PowerOfficeError.malformedResponse(
                resource: "the access token", page: nil, reason: "no access_token in the token endpoint's answer")
        }
        // A live credential from now on: blanked wherever it might turn up.
        RunSecrets.shared.register(value)
        let expiresIn =
            (object["expires_in"] as? NSNumber)?.doubleValue
            ?? (object["expires_in"] as? String).flatMap(Double.init) ?? 600
        let lifetime = Duration.milliseconds(Int64(max(0, expiresIn) * 1000))
        let margin = min(configuration.tokenRenewalMargin, lifetime / 2)
        return AccessToken(value: value, renewAt: requestedAt + lifetime - margin)
    }
}
