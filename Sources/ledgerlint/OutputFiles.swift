import Foundation
import LedgerLintCore

/// The files one `check` writes (`--output`, each `--report`, `--write-baseline`), checked against each other and
/// against every file the run reads before anything is read or written.
///
/// A report written over the Assist export (`--output SNAP/assist/customers.csv`) destroys the data it describes,
/// and two reports to one path lose one of them without a word; both are mistakes of a command line, so both stop
/// the run (exit 2) naming the two paths. Paths are compared as the file system resolves them: `./x`, `a/../x`, a
/// symbolic link and a hard link to a file are that file.
struct OutputFiles {
    /// One output: how the command line named it (`--report json=out.json`) and its path.
    struct Target {
        var option: String
        var path: String
    }

    var targets: [Target]

    /// - Parameter inputs: every file the run reads or looks for, whether it exists or not.
    /// - Throws: `OutputError.replacesInput` or `OutputError.sameFile`.
    func check(against inputs: [String]) throws(OutputError) {
        let inputLocations = inputs.map { ($0, FileLocation($0)) }
        var seen: [(Target, FileLocation)] = []
        for target in targets where target.path != "-" {
            let location = FileLocation(target.path)
            if let (input, _) = inputLocations.first(where: { $0.1 == location }) {
                throw .replacesInput(option: target.option, input: input)
            }
            if let (earlier, _) = seen.first(where: { $0.1 == location }) {
                throw .sameFile(first: earlier.option, second: target.option)
            }
            seen.append((target, location))
        }
    }
}

/// Where a path leads: the absolute path with symbolic links and `..` resolved as far as the path exists, and the
/// file's device and inode when there is a file.
struct FileLocation: Equatable {
    let path: String
    let inode: (device: UInt64, number: UInt64)?

    init(_ given: String) {
        let absolute = URL(fileURLWithPath: given).standardizedFileURL
        var status = stat()
        inode = stat(absolute.path, &status) == 0 ? (UInt64(status.st_dev), UInt64(status.st_ino)) : nil
        // Resolve the deepest part of the path that exists, and keep the rest as written.
        var existing = absolute
        var rest: [String] = []
        while existing.path != "/", !FileManager.default.fileExists(atPath: existing.path) {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        let resolved = realpath(existing.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? existing.path
        path = ([resolved == "/" ? "" : resolved] + rest).joined(separator: "/")
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        if let left = lhs.inode, let right = rhs.inode { return left == right }
        return lhs.path == rhs.path
    }
}
