import Foundation
import LedgerLintText

extension JSONScanner {
    /// About how many bytes a piece of `recordArrayInPieces` has: at a million customers, 50 pieces of 35 000
    /// customers each.
    package static let pieceSize = 1 << 25

    /// Reads a document as `recordArray` does, in pieces that two threads can read at once.
    ///
    /// The array is cut where a record probably starts (`},{` after every `pieceSize` bytes, in at least four
    /// pieces: small enough that the thread that finishes first waits little for the other); each piece is read by
    /// a scanner of its own, from its start until a record ends exactly where the next piece starts. A piece that
    /// does not end there (the `},{` was inside a text) reads on to the end of the array, and the pieces after it
    /// are dropped. The records and the error are those of reading front to back: a syntax error in an earlier
    /// piece comes first, and a type error is thrown only when the whole document is well-formed, the one of the
    /// earliest record.
    ///
    /// - Parameters:
    ///   - release: makes the `release` function of a scanner that reads a range of offsets (a piece, or all).
    ///   - helper: a thread that may take pieces; without one, the system's pool is offered them.
    package static func recordArrayInPieces<Record: JSONScannableRecord>(
        _ bytes: UnsafeRawBufferPointer, path: String, of type: Record.Type, into empty: Record.Store,
        notAnArray: (JSONInput.Value) -> LocalizedText, release: @escaping (Range<Int>) -> ((Int) -> Void)?,
        helper: ReadingHelper?
    ) throws(JSONError) -> Record.Store {
        let count = max(4, bytes.count / pieceSize)
        var first = JSONScanner(bytes, path: path)
        let arrayStart = try first.arrayStart(notAnArray: notAnArray)
        first.keptFields = empty.keptFields(of: Record.jsonFields)
        var starts = [first.index]
        for piece in 1..<count {
            guard let start = first.likelyRecordBoundary(after: bytes.count / count * piece),
                start > (starts.last ?? 0)
            else { continue }
            starts.append(start)
        }
        guard starts.count > 1 else {
            first.release = release(0..<bytes.count)
            var part = Part<Record>(arrayStart: arrayStart, expectedEnd: bytes.count, records: empty)
            _ = try first.items(into: &part, boundary: nil)
            try first.expectEnd()
            if let error = part.typeError(path: path, itemOffset: 0) { throw error }
            return part.records
        }

        // Each slot is written once, by one job, and read after all jobs are done.
        let results = Locked([Result<(Part<Record>, Bool), JSONError>?](repeating: nil, count: starts.count))
        let jobs = ReadingJobs(starts.indices.map { piece in
            let end = piece + 1 < starts.count ? starts[piece + 1] : nil
            let first = first
            return {
                var scanner = first
                scanner.index = starts[piece]
                // Made when the piece is read, as its pager maps the piece's first pages at once.
                scanner.release = release(starts[piece]..<(end ?? bytes.count))
                let result = Result { () throws(JSONError) -> (Part<Record>, Bool) in
                    var part = Part<Record>(
                        arrayStart: arrayStart, expectedEnd: end ?? bytes.count, records: empty)
                    let atBoundary = try scanner.items(into: &part, boundary: end)
                    // A piece that did not stop at the next one's start read on to the end of the array.
                    if !atBoundary { try scanner.expectEnd() }
                    return (part, atBoundary)
                }
                results.withLock { $0[piece] = result }
            }
        })
        if let helper {
            helper.offer(jobs)
        } else {
            let pool = UncheckedSendable(jobs)
            DispatchQueue.global().async { pool.value.runFromBack() }
        }
        // The pieces' records go into one array sized for all of them from the first; each piece's array is let go
        // of once copied, so that memory holds the records about once, not twice. The reader joins the pieces done
        // so far after each of its own, while the helper reads on; an error waits for the end (a helper may still
        // be reading the bytes), where the first piece's error is thrown.
        var records = empty
        var typeError: JSONError?
        var items = 0
        var joined = 0
        var complete = false
        func take(_ piece: Int, failing: Bool) -> Result<(Part<Record>, Bool), JSONError>? {
            results.withLock { slots in
                guard let result = slots[piece] else { return nil }
                if !failing, case .failure = result { return nil }
                slots[piece] = nil
                return result
            }
        }
        func join(_ part: Part<Record>, atBoundary: Bool) {
            if typeError == nil { typeError = part.typeError(path: path, itemOffset: items) }
            records.appendStore(part.records)
            if joined == 0 {
                // Sized from the first piece (a table also estimates its text bytes from the records it has).
                let share = Double(bytes.count) / Double(starts[1] - arrayStart)
                records.reserveCapacity(Int(Double(part.records.count) * share * 1.02) + 16)
            }
            items += part.records.count
            joined += 1
            // A piece that read on to the end of the array has the records of the pieces after it.
            if !atBoundary { complete = true }
        }
        jobs.runFromFrontAndWait {
            while !complete, joined < starts.count, case .success(let (part, atBoundary)) = take(joined, failing: false) {
                join(part, atBoundary: atBoundary)
            }
        }
        while !complete, joined < starts.count, let result = take(joined, failing: true) {
            let (part, atBoundary) = try result.get()
            join(part, atBoundary: atBoundary)
        }
        if let typeError { throw typeError }
        return records
    }
}

/// A value handed to another thread that the type system cannot see is used safely.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    package let value: Value
    package init(_ value: Value) { self.value = value }
}
