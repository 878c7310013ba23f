import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import LedgerLintJSON
import LedgerLintText

extension URLSession {
    /// `data(for:)`, but safe to cancel from a task group on Linux.
    ///
    /// FoundationNetworking's own `data(for:)` cancels the URLSession task inside the Swift task's cancellation
    /// handler, which waits synchronously on the session's queue while the runtime holds the task's status lock;
    /// if that queue is at the same moment finishing the transfer and resuming the task, both wait for ever. This
    /// hung fetches whose sibling resource failed. Here the cancel is sent from another thread instead.
    func dataCancellingSafely(for request: URLRequest) async throws -> (Data, URLResponse) {
        let box = CancellableTaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                box.start(task)
            }
        } onCancel: {
            DispatchQueue.global().async { box.cancel() }
        }
    }
}

/// The data task of one request, cancellable before or after it started.
private final class CancellableTaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var isCancelled = false

    func start(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let cancelled = isCancelled
        lock.unlock()
        task.resume()
        if cancelled { task.cancel() }
    }

    func cancel() {
        lock.lock()
        isCancelled = true
        let task = task
        lock.unlock()
        task?.cancel()
    }
}
