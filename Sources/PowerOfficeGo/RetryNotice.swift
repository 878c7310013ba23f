import LedgerLintJSON
import LedgerLintText

/// A request that failed for a reason that may pass and is about to be sent again: for a warning line, such as
/// `retrying Customers page 3 in 2 s: no answer within 30 s`.
///
/// Given to the `onRetry` callback of `PowerOfficeClient`, from any task; the command line prints each one on
/// stderr, in the run's language (docs/poweroffice-fetch.md, "Retries").
public struct RetryNotice: Sendable, Hashable, CustomStringConvertible {
    /// What was asked for: `Customers page 3`, `the access token`, `ClientIntegrationInformation`.
    public var subject: LocalizedText
    /// The attempt that failed, from 1.
    public var attempt: Int
    /// How long until the next attempt.
    public var wait: Duration
    /// What went wrong, in words: `no answer within 30 s`, `connection refused`, `HTTP 503 (…)`.
    public var problem: LocalizedText

    public init(subject: LocalizedText, attempt: Int, wait: Duration, problem: LocalizedText) {
        self.subject = subject
        self.attempt = attempt
        self.wait = wait
        self.problem = problem
    }

    /// The line in `language`, without `ledgerlint: ` in front.
    public func message(_ language: Language) -> String {
        LocalizedText(
            en: "retrying \(subject.en) in \(wait.secondsText) s: \(problem.en)",
            nb: "prøver \(subject.nb) igjen om \(wait.secondsText) s: \(problem.nb)")[language]
    }

    public var description: String { message(.en) }
}
