import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import LedgerLintText
import LedgerLintJSON
import PowerOfficeGo

/// A snapshot's PowerOffice side being written: the lists go into a hidden staging folder inside the snapshot folder
/// (`DIR/.poweroffice-partial-…/poweroffice/`), page by page while they are read (`append(_:to:)`) or whole at the
/// end, and `commit` moves them into place as `PowerOfficeSnapshotWriter` describes. Until then the snapshot is
/// as it was; `discard` removes what was staged, and the snapshot folder too if staging made it and it is empty.
///
/// Whatever is written passes through `RunSecrets` first: a key or token that turns up in PowerOffice's data (a
/// note field with a pasted key) is blanked, not stored.
///
/// Writing pages as they come keeps the writing of a large list (66 MB for 100 000 customers) off the end of a
/// fetch: it happens while the client waits for the rate limit.
///
/// A staging folder belongs to the process that holds an `flock` on the `.lock` file inside it, for as long as it
/// stages. A fetch that was killed (or lost its machine) leaves its folder unlocked, and the next staging in the same
/// snapshot folder removes it (`removeAbandoned`); a folder with no lock file at all, from an older LedgerLint, is
/// removed once it is a minute old.
public final class SnapshotStaging: FetchedPageSink, @unchecked Sendable {
    public static let stagingPrefix = ".poweroffice-partial-"
    static let lockName = ".lock"
    /// How old a staging folder without a lock file must be to count as abandoned: a fetch creates its lock file at
    /// once, so only folders of an older LedgerLint (or of a fetch killed between the two steps) have none.
    static let unlockedAge: TimeInterval = 60

    // The state below is guarded by `lock`; lists are read, and appended, concurrently, and `discard` may come from
    // a signal handler's thread.
    private let lock = NSLock()
    private let directory: URL
    private let staging: URL
    private let stagedFolder: URL
    private let previous: URL
    private var files: [PowerOfficeResource: FileHandle] = [:]
    /// The lists whose file is complete.
    private var finished: Set<PowerOfficeResource> = []
    private var created = false
    private var madeDirectory = false
    private var done = false
    /// Set by `discard`: nothing may be staged any more (pages still arriving from a stopped fetch are refused).
    private var closed = false
    /// The open `.lock` file, locked, while the staging folder exists.
    private var lockDescriptor: Int32 = -1

    public init(directory: URL) {
        let token = UUID().uuidString.prefix(8)
        self.directory = directory
        staging = directory.appendingPathComponent(Self.stagingPrefix + token)
        stagedFolder = staging.appendingPathComponent(SnapshotLayout.powerOfficeFolder)
        previous = directory.appendingPathComponent(".poweroffice-previous-\(token)")
    }

    deinit {
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    /// Makes the staging folder (and the snapshot folder, if missing) now, so that a folder that cannot be written is
    /// reported before anything is read rather than after.
    ///
    /// - Throws: `SnapshotError.writeFailed`.
    public func prepare() throws {
        try lock.withLock {
            do {
                try createStagingFolder()
            } catch {
                throw failure(error)
            }
        }
    }

    /// Appends bytes to the staged file of `resource`, creating the staging folder and the file on first use.
    ///
    /// - Throws: `SnapshotError.writeFailed`.
    public func append(_ bytes: Data, to resource: PowerOfficeResource) throws {
        try lock.withLock {
            do {
                try createStagingFolder()
                let file: FileHandle
                if let open = files[resource] {
                    file = open
                } else {
                    let url = stagedFolder.appendingPathComponent(SnapshotLayout.fileName(resource))
                    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                        throw LocalizedReason(
                            text: LocalizedText(en: "cannot create \(url.path)", nb: "kan ikke opprette \(url.path)"))
                    }
                    file = try FileHandle(forWritingTo: url)
                    files[resource] = file
                }
                try file.write(contentsOf: RunSecrets.shared.redact(bytes))
            } catch {
                throw failure(error)
            }
        }
    }

    /// Empties the staged file of `resource`, to write the list again from its start (it changed while it was read).
    ///
    /// - Throws: `SnapshotError.writeFailed`.
    public func restart(_ resource: PowerOfficeResource) throws {
        try lock.withLock {
            finished.remove(resource)
            guard let file = files.removeValue(forKey: resource) else { return }
            do {
                try file.close()
                try FileManager.default.removeItem(at: stagedFolder.appendingPathComponent(SnapshotLayout.fileName(resource)))
            } catch {
                throw failure(error)
            }
        }
    }

    /// Closes the staged file of `resource`, whose last bytes have been appended.
    public func finish(_ resource: PowerOfficeResource) throws {
        try lock.withLock {
            guard let file = files.removeValue(forKey: resource) else { return }
            do {
                try file.close()
                finished.insert(resource)
            } catch {
                throw failure(error)
            }
        }
    }

    /// Writes the lists `fetched` holds in memory and the manifest, then moves the staged folder into place.
    ///
    /// - Throws: `SnapshotError.writeFailed`, after putting back what was there before.
    public func commit(_ fetched: FetchedResources) throws {
        try lock.withLock {
            let fileManager = FileManager.default
            let target = directory.appendingPathComponent(SnapshotLayout.powerOfficeFolder)
            do {
                try createStagingFolder()
                for resource in PowerOfficeResource.allCases where !finished.contains(resource) {
                    precondition(files[resource] == nil, "\(resource.path) was staged but not finished")
                    try RunSecrets.shared.redact(fetched.json[resource] ?? Data("[]".utf8))
                        .write(to: stagedFolder.appendingPathComponent(SnapshotLayout.fileName(resource)))
                }
                let stagedManifest = staging.appendingPathComponent(SnapshotLayout.manifest)
                try RunSecrets.shared.redact(SnapshotManifest(fetched).encoded()).write(to: stagedManifest)
                let hadPrevious = fileManager.fileExists(atPath: target.path)
                if hadPrevious { try Self.rename(target, to: previous) }
                do {
                    try Self.rename(stagedFolder, to: target)
                    do {
                        try Self.rename(
                            stagedManifest, to: directory.appendingPathComponent(SnapshotLayout.manifest))
                    } catch {
                        try? Self.rename(target, to: stagedFolder)
                        throw error
                    }
                } catch {
                    if hadPrevious { try? Self.rename(previous, to: target) }
                    throw error
                }
                if hadPrevious { try? fileManager.removeItem(at: previous) }
                // Only the lock file is left in the staging folder.
                try? fileManager.removeItem(at: staging)
                releaseLock()
                created = false
                done = true
            } catch {
                throw failure(error)
            }
        }
    }

    /// Removes what was staged (nothing after `commit`), and the snapshot folder if staging made it and it is
    /// empty; nothing can be staged afterwards. Safe to call more than once, and from any thread (an interrupt).
    public func discard() {
        lock.withLock {
            closed = true
            for file in files.values { try? file.close() }
            files = [:]
            if created { try? FileManager.default.removeItem(at: staging) }
            releaseLock()
            created = false
            if madeDirectory && !done,
                (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.isEmpty == true
            {
                try? FileManager.default.removeItem(at: directory)
            }
        }
    }

    /// Whether `commit` put the snapshot in place.
    public var isCommitted: Bool { lock.withLock { done } }

    private func createStagingFolder() throws {
        guard !created else { return }
        guard !closed else {
            throw LocalizedReason(text: LocalizedText(en: "the fetch was stopped", nb: "hentingen ble stoppet"))
        }
        let fileManager = FileManager.default
        do {
            if !fileManager.fileExists(atPath: directory.path) {
                try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
                madeDirectory = true
            } else {
                Self.removeAbandoned(in: directory)
            }
            try fileManager.createDirectory(at: stagedFolder, withIntermediateDirectories: true)
        } catch {
            throw Self.folderProblem(at: stagedFolder) ?? error
        }
        let descriptor = open(staging.appendingPathComponent(Self.lockName).path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            flock(descriptor, LOCK_EX | LOCK_NB)
            lockDescriptor = descriptor
        }
        created = true
    }

    private func releaseLock() {
        guard lockDescriptor >= 0 else { return }
        close(lockDescriptor)
        lockDescriptor = -1
    }

    /// Removes the staging folders in `directory` that no running fetch owns: those whose `.lock` file nobody holds
    /// locked, and those without one that are older than `unlockedAge`.
    static func removeAbandoned(in directory: URL) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            let folder = directory.appendingPathComponent(name)
            let descriptor = open(folder.appendingPathComponent(lockName).path, O_RDWR | O_CLOEXEC)
            if descriptor >= 0 {
                defer { close(descriptor) }
                // Held while the folder goes: its owner cannot be starting up in it meanwhile.
                if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { try? fileManager.removeItem(at: folder) }
            } else if errno == ENOENT,
                let modified = (try? fileManager.attributesOfItem(atPath: folder.path))?[.modificationDate] as? Date,
                Date().timeIntervalSince(modified) > unlockedAge
            {
                try? fileManager.removeItem(at: folder)
            }
        }
    }

    /// Why a folder cannot be made at `url`, said of the nearest part of its path that exists, with the system's
    /// reason (Foundation's own errors say "The file doesn't exist" or "error 512"); `nil` when it can be made.
    private static func folderProblem(at url: URL) -> (any Error)? {
        var existing = url.deletingLastPathComponent()
        var missing = url
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: existing.path, isDirectory: &isFolder), existing.path != "/" {
            missing = existing
            existing = existing.deletingLastPathComponent()
        }
        let reason: LocalizedText
        if !isFolder.boolValue {
            reason = LocalizedText(
                en: "\(existing.path) is a file, not a folder", nb: "\(existing.path) er en fil, ikke en mappe")
        } else if mkdir(missing.path, 0o755) != 0 {
            let system = InputFile.systemReason(errno)
            reason = LocalizedText(
                en: "cannot create a folder in \(existing.path): \(system.en)",
                nb: "kan ikke opprette en mappe i \(existing.path): \(system.nb)")
        } else {
            rmdir(missing.path)
            return nil
        }
        return LocalizedReason(text: reason)
    }

    /// A write that failed, said as the snapshot folder and the system's reason.
    private func failure(_ error: any Error) -> SnapshotError {
        .writeFailed(path: directory.path, reason: Self.reason(error))
    }

    /// POSIX `rename`: atomic, and replaces an existing file (unlike `FileManager.moveItem`).
    private static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            let system = InputFile.systemReason(errno)
            throw LocalizedReason(
                text: LocalizedText(
                    en: "cannot move into \(destination.path): \(system.en)",
                    nb: "kan ikke flytte til \(destination.path): \(system.nb)"))
        }
    }

    private static func reason(_ error: any Error) -> LocalizedText {
        if let reason = error as? LocalizedReason { return reason.text }
        let nsError = error as NSError
        if let description = nsError.userInfo[NSLocalizedDescriptionKey] as? String { return LocalizedText(verbatim: description) }
        return InputFile.systemReason(of: error) ?? LocalizedText(describing: error)
    }
}
