import LedgerLintJSON
import LedgerLintText

/// One step of a fetch, for a progress line: `resource` has `rows` rows after `pages` pages.
///
/// Resources are fetched concurrently, so steps of different resources interleave; the receiver may be called
/// from any task and must be thread-safe.
public struct FetchProgress: Sendable, Hashable {
    public var resource: PowerOfficeResource
    public var rows: Int
    public var pages: Int
    /// `true` on the last step of `resource`.
    public var isFinished: Bool

    public init(resource: PowerOfficeResource, rows: Int, pages: Int, isFinished: Bool) {
        self.resource = resource
        self.rows = rows
        self.pages = pages
        self.isFinished = isFinished
    }
}
