import Foundation

extension CheckRun {
    /// `ledgerlint fix-plan`: the check, then the fixes for its findings, proven by a check of the snapshot with
    /// them made. Reads every field (the plan names customers and groups), with the same rules, configuration and
    /// suppressions as `run`; `live` as for `run`.
    ///
    /// - Throws: what `run` throws; `FixPlanError.seriesOutside` for a `requestedSeries` PowerOffice does not have.
    public func fixPlan(requestedSeries: ClosedRange<Int64>? = nil, live: LiveSource? = nil) async throws -> FixPlan {
        let (data, _) = try await read(live: live, keeping: .all)
        let planner = try FixPlanner(snapshot: data, requestedSeries: requestedSeries)
        func counted(_ snapshot: Snapshot) throws -> [Finding] {
            SuppressionResult(applying: configuration.suppressions, to: try findings(in: snapshot), today: options.today)
                .kept
        }
        return try FixPlan(
            snapshot: options.snapshot, data: data, findings: counted(data), rules: rules.rules, planner: planner,
            language: options.language, recheck: counted)
    }
}
