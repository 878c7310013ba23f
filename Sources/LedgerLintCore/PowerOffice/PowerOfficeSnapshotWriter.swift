import Foundation

/// Writes fetched PowerOffice data into a snapshot folder: `DIR/poweroffice/<Resource>.json` and `DIR/manifest.json`.
///
/// The write is all or nothing. Everything is first written to a hidden staging folder inside `DIR`, then moved
/// into place with renames: the old `poweroffice/` is set aside, the new one moved in, the manifest renamed over
/// the old one, and only then the old folder deleted. If any step fails the old `poweroffice/` is put back.
/// Only `poweroffice/` and `manifest.json` are replaced; `DIR/assist/` and anything else is never touched.
public struct PowerOfficeSnapshotWriter: Sendable {
    public static let folderName = "poweroffice"
    public static let manifestName = "manifest.json"

    public init() {}

    /// - Throws: `PowerOfficeError.snapshotWriteFailed`, after putting back what was there before.
    public func write(_ fetched: FetchedResources, to directory: URL) throws {
        let fileManager = FileManager.default
        let token = UUID().uuidString.prefix(8)
        let staging = directory.appendingPathComponent(".poweroffice-partial-\(token)")
        let previous = directory.appendingPathComponent(".poweroffice-previous-\(token)")
        let target = directory.appendingPathComponent(Self.folderName)
        defer { try? fileManager.removeItem(at: staging) }
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            let stagedFolder = staging.appendingPathComponent(Self.folderName)
            try fileManager.createDirectory(at: stagedFolder, withIntermediateDirectories: true)
            for resource in PowerOfficeResource.allCases {
                try (fetched.json[resource] ?? Data("[]".utf8))
                    .write(to: stagedFolder.appendingPathComponent(resource.fileName))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let stagedManifest = staging.appendingPathComponent(Self.manifestName)
            try (encoder.encode(SnapshotManifest(fetched)) + Data("\n".utf8)).write(to: stagedManifest)

            let hadPrevious = fileManager.fileExists(atPath: target.path)
            if hadPrevious { try Self.rename(target, to: previous) }
            do {
                try Self.rename(stagedFolder, to: target)
                do {
                    try Self.rename(stagedManifest, to: directory.appendingPathComponent(Self.manifestName))
                } catch {
                    try? Self.rename(target, to: stagedFolder)
                    throw error
                }
            } catch {
                if hadPrevious { try? Self.rename(previous, to: target) }
                throw error
            }
            if hadPrevious { try? fileManager.removeItem(at: previous) }
        } catch {
            throw PowerOfficeError.snapshotWriteFailed(path: directory.path, reason: Self.reason(error))
        }
    }

    /// POSIX `rename`: atomic, and replaces an existing file (unlike `FileManager.moveItem`).
    private static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw CocoaError(
                .fileWriteUnknown,
                userInfo: [
                    NSFilePathErrorKey: destination.path,
                    NSLocalizedDescriptionKey:
                        "cannot move into \(destination.path): \(String(cString: strerror(errno)))",
                ])
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let description = nsError.userInfo[NSLocalizedDescriptionKey] as? String { return description }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }
}
