import Foundation
import PowerOfficeGo

/// Writes fetched PowerOffice data into a snapshot folder: `DIR/poweroffice/<Resource>.json` and `DIR/manifest.json`.
///
/// The write is all or nothing. Everything is first written to a hidden staging folder inside `DIR`, then moved
/// into place with renames: the old `poweroffice/` is set aside, the new one moved in, the manifest renamed over
/// the old one, and only then the old folder deleted. If any step fails the old `poweroffice/` is put back.
/// Only `poweroffice/` and `manifest.json` are replaced; `DIR/assist/` and anything else is never touched. Paths:
/// `SnapshotLayout`; the staging and the moves: `SnapshotStaging`.
public struct PowerOfficeSnapshotWriter: Sendable {
    public init() {}

    /// - Throws: `SnapshotError.writeFailed`, after putting back what was there before.
    public func write(_ fetched: FetchedResources, to directory: URL) throws {
        let staging = SnapshotStaging(directory: directory)
        defer { staging.discard() }
        try staging.commit(fetched)
    }
}
