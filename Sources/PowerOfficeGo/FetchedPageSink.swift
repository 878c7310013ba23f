import Foundation
import LedgerLintJSON
import LedgerLintText

/// Where `PowerOfficeClient.fetchAll(writingTo:)` puts each list's pages as they arrive, instead of keeping them.
///
/// The client knows nothing of files or snapshots: a snapshot's `SnapshotStaging` is the sink `fetch --out` uses.
/// Calls for different resources may come concurrently; calls for one resource come in order.
public protocol FetchedPageSink: Sendable {
    /// Appends the next bytes of `resource`'s JSON array.
    func append(_ bytes: Data, to resource: PowerOfficeResource) throws
    /// Forgets what was appended for `resource`: the list is read again from its start (it changed while it was read).
    func restart(_ resource: PowerOfficeResource) throws
    /// `resource`'s last bytes have been appended.
    func finish(_ resource: PowerOfficeResource) throws
}
