import Foundation

extension SnapshotMetadata {
    /// Reads `manifest.json` in a snapshot folder (written by `ledgerlint fetch`), leniently: the metadata only
    /// labels reports, so a missing or unreadable manifest gives `nil`, never an error.
    public static func read(from snapshot: URL) -> SnapshotMetadata? {
        let url = snapshot.appendingPathComponent(PowerOfficeSnapshotWriter.manifestName)
        guard let data = try? InputFile.read(url.path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return SnapshotMetadata(
            client: object["client"] as? String,
            fetchedAt: object["fetchedAt"] as? String,
            environment: object["environment"] as? String)
    }
}
