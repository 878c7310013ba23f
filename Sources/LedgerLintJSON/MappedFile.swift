#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedgerLintText

/// A file mapped read-only into memory, so that a reader can walk a snapshot file of a gigabyte or more without
/// copying it and without keeping it resident.
///
/// Readers go through the file front to back; a `pager` tells the kernel which pages they are done with, so the
/// process keeps only a window of the file resident rather than all of it (the pages come back from the file if an
/// error message later needs to count lines). Any failure to map (a special
/// file, an exotic file system) gives `nil`, and the caller reads the file the ordinary way, which also gives the
/// ordinary error messages. A file truncated by another process while it is mapped can crash the reader
/// (`SIGBUS`); snapshots are written once and then read, so this is accepted for the speed.
package final class MappedFile: @unchecked Sendable {
    // Immutable after init; the advice calls may come from several threads, each about its own part of the file.
    package let bytes: UnsafeRawBufferPointer
    private let mapping: UnsafeMutableRawPointer?
    private let length: Int
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the file at `path`, or returns `nil` when it cannot be opened or mapped. Only a regular file is
    /// opened, as `InputFile` opens it: never waiting on a named pipe.
    package init?(path: String) {
        guard let (descriptor, size) = try? InputFile.openForReading(path) else { return nil }
        defer { close(descriptor) }
        length = size
        guard length > 0 else {
            mapping = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            return nil
        }
        mapping = address
        bytes = UnsafeRawBufferPointer(start: address, count: length)
        #if os(Linux)
        _ = madvise(address, length, MADV_SEQUENTIAL)
        #endif
    }

    /// How far ahead of a reader pages are mapped in one go, and how far readers go between telling the pager:
    /// each reader keeps up to twice this resident. 4 MB costs a few hundred system calls per gigabyte.
    package static let window = 1 << 22

    /// A function for one reader going front to back from `start`: each call with the offset it has reached lets
    /// the kernel drop the whole pages read since the last call from this process's memory, and maps the next
    /// `window` bytes in one go (on Linux), which costs less than a page fault every few pages. Readers of
    /// different parts of the file (or a second pass) each take their own.
    package func pager(from start: Int) -> (Int) -> Void { pager(for: start..<length) }

    /// The same for a reader of `range` only (a piece of the file that another reader reads on from): it maps
    /// nothing ahead beyond the range, whose pages past the reader's last call would stay resident.
    package func pager(for range: Range<Int>) -> (Int) -> Void {
        var released = range.lowerBound
        var populated = range.lowerBound
        populate((range.lowerBound..<range.lowerBound + Self.window).clamped(to: range))
        return { [self] offset in
            release(released..<offset)
            released = max(released, offset)
            let ahead = (max(populated, offset)..<max(populated, offset + Self.window)).clamped(to: range)
            populate(ahead)
            populated = max(populated, ahead.upperBound)
        }
    }

    /// Lets the kernel drop the whole pages inside `range`; they come back from the file if read again.
    package func release(_ range: Range<Int>) {
        guard let mapping else { return }
        let lower = (max(0, range.lowerBound) + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let upper = min(range.upperBound, length) / Self.pageSize * Self.pageSize
        guard upper > lower else { return }
        _ = madvise(mapping + lower, upper - lower, MADV_DONTNEED)
    }

    /// Maps the pages of `range` now, if the system can do that in bulk.
    func populate(_ range: Range<Int>) {
        #if os(Linux)
        guard let mapping else { return }
        let lower = max(0, range.lowerBound) / Self.pageSize * Self.pageSize
        let upper = min(length, range.upperBound)
        guard upper > lower else { return }
        // MADV_POPULATE_READ (Linux 5.14); older kernels refuse it, and the pages fault in as usual.
        _ = madvise(mapping + lower, upper - lower, 22)
        #endif
    }

    deinit {
        if let mapping { munmap(mapping, length) }
    }
}
