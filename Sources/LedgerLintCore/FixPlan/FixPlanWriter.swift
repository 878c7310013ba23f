import Foundation
import LedgerLintText
import PowerOfficeGo

/// Puts a plan's files in their folder all at once: they are written into a hidden folder beside it, which is then
/// renamed into place, so the folder holds the whole plan or does not exist. The folder must be new or empty.
///
/// Whatever is written passes through `RunSecrets` first, as every file LedgerLint writes.
public enum FixPlanWriter {
    /// - Throws: `FixPlanError.folderNotEmpty` when `folder` holds anything; `.writeFailed` when the files cannot be
    ///   written (nothing is left behind then).
    public static func write(_ files: [(path: String, data: Data)], to folder: URL) throws(FixPlanError) {
        let manager = FileManager.default
        let path = folder.path
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else {
                throw .writeFailed(path: path, reason: LocalizedText(en: "it is a file, not a folder", nb: "det er en fil, ikke en mappe"))
            }
            let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            guard entries.isEmpty else { throw .folderNotEmpty(path: path) }
        }
        let parent = folder.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).fix-plan-\(UUID().uuidString.prefix(8))")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard manager.createFile(atPath: url.path, contents: RunSecrets.shared.redact(file.data)) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
                }
            }
            if exists { try manager.removeItem(at: folder) }
            try manager.moveItem(at: staging, to: folder)
        } catch {
            try? manager.removeItem(at: staging)
            throw .writeFailed(path: path, reason: LocalizedText(describing: error))
        }
    }
}
