import Foundation
import LedgerLintText

/// A rule's check with its fields resolved: the kind's implementation (`Checks/`), which judges each record on its
/// own or all of the subject's records together.
enum CompiledCheck: Sendable {
    case perRecord(any RecordCheck)
    case wholeSubject(any WholeSubjectCheck)

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        self = try check.kind.implementation.compile(check, in: context)
    }

    var implementation: any CheckImplementation {
        switch self {
        case .perRecord(let check): check
        case .wholeSubject(let check): check
        }
    }

    /// The fields the check reads.
    var fields: [FieldReference] { implementation.fields }

    /// The check with what depends on the dataset (the ranges of `in-ranges`) worked out once for it.
    func resolved(in dataset: Dataset) -> CompiledCheck {
        switch self {
        case .perRecord(let check): .perRecord(check.resolved(in: dataset))
        case .wholeSubject(let check): .wholeSubject(check.resolved(in: dataset))
        }
    }

    /// Why the check cannot judge a dataset at all (`DatasetLimitedCheck`); the kinds that never have such a problem
    /// need not say so.
    func rangesProblem(in dataset: Dataset) -> (configured: String, model: LocalizedText)? {
        (implementation as? any DatasetLimitedCheck)?.rangesProblem(in: dataset)
    }
}
