import PowerOfficeGo
import Testing

/// The error `body` throws, as a `PowerOfficeError` (a test failure if it throws something else or nothing).
public func powerOfficeError(_ body: () async throws -> Void) async -> PowerOfficeError? {
    do {
        try await body()
        Issue.record("expected a PowerOfficeError, but nothing was thrown")
    } catch let error as PowerOfficeError {
        return error
    } catch {
        Issue.record("expected a PowerOfficeError, got \(type(of: error)): \(error)")
    }
    return nil
}
