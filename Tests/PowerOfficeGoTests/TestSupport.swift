import FakePowerOffice
import Foundation
import PowerOfficeGoTestSupport
import Testing
@testable import LedgerLintText
@testable import PowerOfficeGo

/// What a `.retriesExhausted` error says; a test failure, and `nil`, if `error` is anything else.
func exhaustedRetries(
    _ error: PowerOfficeError?, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> (resource: String, url: String, attempts: Int, lastProblem: LocalizedText)? {
    guard case .retriesExhausted(let resource, let url, let attempts, let lastProblem) = error else {
        Issue.record("expected retriesExhausted, got \(String(describing: error))", sourceLocation: sourceLocation)
        return nil
    }
    return (resource, url, attempts, lastProblem)
}

/// A client configuration for a server that is not there: port 1 on loopback, where nothing listens (a stopped
/// fake's port could be reused by another test's fake). Waits are scaled down as in `fastConfiguration`.
func unreachableConfiguration() throws -> PowerOfficeConfiguration {
    let nowhere = try #require(URL(string: "http://127.0.0.1:1"))
    return PowerOfficeConfiguration(
        environment: .demo, credentials: testCredentials, apiURL: nowhere.appendingPathComponent("v2"),
        tokenURL: nowhere.appendingPathComponent("OAuth/Token"), retryPolicy: RetryPolicy(timeScale: 0.01))
}

extension PowerOfficeError {
    /// The error with every text in it as its English: to compare with an error written with plain strings.
    var english: PowerOfficeError {
        let english = { (text: LocalizedText) in LocalizedText(verbatim: text.en) }
        switch self {
        case .keyFileUnreadable(let path, let reason): return .keyFileUnreadable(path: path, reason: english(reason))
        case .keyFileMalformed(let path, let reason): return .keyFileMalformed(path: path, reason: english(reason))
        case .subscriptionKeyRejected(let environment, let message):
            return .subscriptionKeyRejected(environment: environment, message: english(message))
        case .tokenRejected(let status, let detail): return .tokenRejected(status: status, detail: english(detail))
        case .requestRejected(let resource, let status, let detail):
            return .requestRejected(resource: resource, status: status, detail: english(detail))
        case .retriesExhausted(let resource, let url, let attempts, let lastProblem):
            return .retriesExhausted(resource: resource, url: url, attempts: attempts, lastProblem: english(lastProblem))
        case .rateLimited(let resource, let url, let waited, let lastProblem):
            return .rateLimited(resource: resource, url: url, waited: waited, lastProblem: english(lastProblem))
        case .malformedResponse(let resource, let page, let reason):
            return .malformedResponse(resource: resource, page: page, reason: english(reason))
        default: return self
        }
    }
}
