/// A request that failed for a reason that may pass and is about to be sent again: for a warning line, such as
/// `retrying Customers page 3 in 2 s: no answer within 30 s`.
///
/// Given to the `onRetry` callback of `PowerOfficeClient`, from any task; the command line prints each one on
/// stderr (docs/poweroffice-fetch.md, "Retries").
public struct RetryNotice: Sendable, Hashable, CustomStringConvertible {
    /// What was asked for: `Customers page 3`, `the access token`, `ClientIntegrationInformation`.
    public var subject: String
    /// The attempt that failed, from 1.
    public var attempt: Int
    /// How long until the next attempt.
    public var wait: Duration
    /// What went wrong, in words: `no answer within 30 s`, `connection refused`, `HTTP 503 (…)`.
    public var problem: String

    public init(subject: String, attempt: Int, wait: Duration, problem: String) {
        self.subject = subject
        self.attempt = attempt
        self.wait = wait
        self.problem = problem
    }

    public var description: String { "retrying \(subject) in \(wait.secondsText) s: \(problem)" }
}
