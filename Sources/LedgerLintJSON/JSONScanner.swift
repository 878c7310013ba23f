#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedgerLintText

/// A strict JSON reader over UTF-8 bytes that decodes a bare array of records straight into the model.
///
/// `JSONInput` parses a whole file into a tree of values and then decodes the tree: for a PowerOffice tenant with a
/// million customers of some fifty fields each, that is a gigabyte and a half of text turned into tens of millions
/// of strings and dictionaries, of which the model keeps eleven fields per customer. This scanner walks the bytes
/// once, matches each property name against the record type's fields without making a string
/// (`JSONFieldTable`), decodes the fields the model has, and skips everything else while still checking it.
///
/// It is exactly as strict as `JSONInput.parse` followed by `JSONInput.decode`: the same documents are accepted, the
/// same values come out, and every error has the same message, position (line and column) or JSON path, including
/// which error wins when a file has several (a syntax error anywhere beats a type error; the first record with a
/// type error wins, and within it the field declared first). `JSONScannerTests` holds both readers to that, on
/// hand-written cases and on thousands of random and mutated documents. It expects UTF-8: it rejects bytes that are
/// not, and `PowerOfficeSnapshotReader` then decides, as `TextDecoding` would, what the file is.
package struct JSONScanner {
    package let base: UnsafePointer<UInt8>
    package let count: Int
    package let path: String
    package var index = 0
    package var depth = 0
    /// Set by a field decoder when the value has the wrong type; the scanner has read past the value.
    package var mismatch: Mismatch?
    /// Called now and then with an offset below which the scanner will not look again (except to count lines for
    /// an error message), so that the caller can let go of those bytes.
    package var release: ((Int) -> Void)?
    /// Of the fields of the record type being read, by number as bits, the ones its store keeps
    /// (`string(field:sameAs:)`, `text(field:)`): set from the store `recordArray` is given.
    package var keptFields: UInt64 = .max
    /// The type error of the record just read: the item it is in, the rest of its JSON path (`.Number`) and the
    /// reason.
    private var pendingRecordError: (item: Int, path: String, reason: LocalizedText)?
    private var scratch: [UInt8] = []
    private var fieldMismatches: [Mismatch?] = []

    /// Deeper nesting than any snapshot needs; the limit (the same as `JSONInput`'s) keeps hostile input from
    /// exhausting the stack.
    static let maximumDepth = 512
    /// How far the scanner moves between calls to `release`.
    static let releaseStride = MappedFile.window

    /// A value of the wrong type for a field, described as `JSONInput.decode` describes it.
    package struct Mismatch: Sendable, Hashable {
        /// "expected a whole number" and the like (`JSONInput.Expected`).
        var expected: LocalizedText
        /// The value found, as `JSONInput.Value.summary` shows it.
        var found: LocalizedText
    }

    package init(_ bytes: UnsafeRawBufferPointer, path: String) {
        base = bytes.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? Self.empty
        count = bytes.count
        self.path = path
    }

    // One byte that is never written, for empty input.
    nonisolated(unsafe) private static let empty: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()
}

// MARK: - Documents and records

extension JSONScanner {
    /// Reads the whole document as a bare array of `Record`.
    ///
    /// - Throws: `JSONError.malformedJSON` for a syntax error (with line and column), else
    ///   `JSONError.unexpectedJSON` for the first value of the wrong type, or for a document that is not an array.
    ///   A document of only JSON whitespace is "the file is empty", as in `JSONInput.parse`; callers that treat
    ///   an empty file as an empty array check for that first.
    package mutating func recordArray<Record: JSONScannableRecord>(
        of type: Record.Type, into empty: Record.Store, notAnArray: (JSONInput.Value) -> LocalizedText
    ) throws(JSONError) -> Record.Store {
        let arrayStart = try arrayStart(notAnArray: notAnArray)
        keptFields = empty.keptFields(of: Record.jsonFields)
        var part = Part<Record>(arrayStart: arrayStart, expectedEnd: count, records: empty)
        _ = try items(into: &part, boundary: nil)
        try expectEnd()
        if let error = part.typeError(path: path, itemOffset: 0) { throw error }
        return part.records
    }

    /// The records of one stretch of the array, with the first type error in it.
    package struct Part<Record: JSONScannableRecord> {
        /// Where the array opened, for "never closed" messages.
        var arrayStart: Int
        /// Where this stretch probably ends, to size `records` from the first ones.
        var expectedEnd: Int
        var records: Record.Store
        var predictions = KeyPredictions()
        var reserved = false
        fileprivate var pendingTypeError: (item: Int, path: String, reason: LocalizedText)?

        init(arrayStart: Int, expectedEnd: Int, records empty: Record.Store) {
            self.arrayStart = arrayStart
            self.expectedEnd = expectedEnd
            records = empty
        }

        func typeError(path file: String, itemOffset: Int) -> JSONError? {
            pendingTypeError.map {
                .unexpectedJSON(path: file, jsonPath: "[\($0.item + itemOffset)]\($0.path)", reason: $0.reason)
            }
        }
    }

    /// Whether only JSON whitespace is left.
    package mutating func isAtEndAfterWhitespace() -> Bool {
        skipWhitespace()
        return index == count
    }

    /// Checks that the document is an array and moves into it; returns where it opens.
    ///
    /// - Throws: "the file is empty" for nothing but JSON whitespace, as `JSONInput.parse`; for a document that
    ///   is not an array, its syntax errors or else `JSONError.unexpectedJSON` with `notAnArray`'s reason.
    package mutating func arrayStart(notAnArray: (JSONInput.Value) -> LocalizedText) throws(JSONError) -> Int {
        skipWhitespace()
        guard index < count else { throw failure(Reason.emptyFile) }
        guard base[index] == UInt8(ascii: "[") else {
            let value = try summarize()
            try expectEnd()
            throw JSONError.unexpectedJSON(path: path, jsonPath: "", reason: notAnArray(value))
        }
        let start = index
        try enter()
        return start
    }

    /// The first `{` after `offset` that follows `}` and `,` (with JSON whitespace between): the start of a record,
    /// unless the three are inside a text. `nil` when there is none in the next megabyte.
    func likelyRecordBoundary(after offset: Int) -> Int? {
        var position = max(offset, index)
        let end = min(count, position + 1 << 20)
        while position < end {
            defer { position += 1 }
            guard base[position] == UInt8(ascii: "{") else { continue }
            var back = position - 1
            while back > index, Self.isWhitespace(base[back]) { back -= 1 }
            guard back > index, base[back] == UInt8(ascii: ",") else { continue }
            back -= 1
            while back > index, Self.isWhitespace(base[back]) { back -= 1 }
            if back > index, base[back] == UInt8(ascii: "}") { return position }
        }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    package mutating func expectEnd() throws(JSONError) {
        skipWhitespace()
        guard index == count else { throw failure(Reason.afterTheEnd(describeCurrent())) }
    }

    /// Reads the items of the array that opened at `part.arrayStart`, from `index` (at an item or the closing
    /// bracket), until the array closes; returns `false` then. With a `boundary`, stops when an item has just ended
    /// and the next one starts exactly there, and returns `true`.
    ///
    /// A type error does not stop the scan: syntax errors later in the file take precedence, as they do when the
    /// whole file is parsed before decoding, so the first type error is kept in the part and the rest of the array
    /// is only checked.
    package mutating func items<Record: JSONScannableRecord>(
        into part: inout Part<Record>, boundary: Int?
    ) throws(JSONError) -> Bool {
        try items(into: &part, storedIn: Record.Store.self, boundary: boundary)
    }

    /// `items(into:boundary:)` with the store's type as a parameter of its own: its metadata and conformance are
    /// then handed in once, not looked up through the record type's associated type at every record (which was a
    /// few percent of reading PowerOffice, as runtime metadata look-ups).
    private mutating func items<Record: JSONScannableRecord, Store>(
        into part: inout Part<Record>, storedIn: Store.Type, boundary: Int?
    ) throws(JSONError) -> Bool where Store == Record.Store {
        let start = index
        var boundary = boundary
        var nextRelease = index + Self.releaseStride
        // Once per array, not per record: each `jsonFields` and `part.predictions` would retain and release their
        // buffers at every record, on both reading threads at once.
        let table = Record.jsonFields
        let predictions = part.predictions
        // The pages of the last stretch too, once done: a piece's reader is not followed by its own reading on.
        defer { release?(index) }
        guard !closesAtOnce(.array) else { return false }
        while true {
            try valueStarts(in: .array, openedAt: part.arrayStart)
            if part.pendingTypeError != nil {
                try skipValue()
            } else if base[index] == UInt8(ascii: "{") {
                let item = part.records.count
                if let record = try record(of: Record.self, item: item, table: table, predictions: predictions) {
                    part.records.append(record)
                } else if let problem = pendingRecordError {
                    part.pendingTypeError = problem
                    pendingRecordError = nil
                }
            } else {
                let found = try summarize()
                part.pendingTypeError = (
                    part.records.count, "",
                    JSONInput.Expected.found(JSONInput.Expected.object, found.summary))
            }
            if !part.reserved, part.records.count == 256 {
                // Records of one API response are much alike: size the array once from the first ones, rather than
                // doubling it (and briefly holding two copies) as it grows.
                part.reserved = true
                let estimate = Double(part.expectedEnd - start) / Double(index - start) * Double(part.records.count) * 1.02
                part.records.reserveCapacity(Int(estimate) + 16)
            }
            if index >= nextRelease, let release {
                release(index)
                nextRelease = index + Self.releaseStride
            }
            guard try movesToNext(in: .array, openedAt: part.arrayStart) else { return false }
            if let stop = boundary, index >= stop {
                if index == stop { return true }
                boundary = nil
            }
        }
    }

    /// One record; `nil` when a field has the wrong type (then `pendingRecordError` is set).
    private mutating func record<Record: JSONScannableRecord>(
        of type: Record.Type, item: Int, table: JSONFieldTable, predictions: KeyPredictions
    ) throws(JSONError) -> Record? {
        let start = index
        try enter()
        var record = Record()
        var failed: UInt64 = 0
        var ordinal = 0
        var run = MemberRun()
        guard !closesAtOnce(.object) else { return record }
        while true {
            try nameStarts(inObjectOpenedAt: start)
            let keyStart = index
            let field: Int?
            if run.members == 0,
                let (length, members) = predictions.matchRun(ordinal, base + index + 1, available: count - index - 1)
            {
                // The same bytes as a run of whole members checked one by one at this place in a record before (with
                // the commas and whitespace between them): the same members, checked; on to the comma after the last.
                index += length
                ordinal += members
                guard try !movesToNext(in: .object, openedAt: start) else { continue }
                guard failed != 0 else { return record }
                return firstFailure(of: table, failed: failed, item: item)
            }
            if let member = predictions.matchMember(ordinal, base + index + 1, available: count - index - 1) {
                // The same bytes as a whole member already checked at this place, of a field the run does not keep:
                // name, colon, value and the comma or brace after it. The same member, checked; on to that comma.
                // Only a member steady from record to record goes into a run: one with a few values (a rate that
                // is set or not) would make its run miss every other record.
                let isSteady = predictions.isSteady(ordinal)
                if run.members > 0, !isSteady || index + member - run.start > KeyPredictions.runWidth {
                    run.end(in: predictions, base: base)
                }
                if isSteady { run.add(place: ordinal, from: keyStart, to: index + member) }
                index += member
                ordinal += 1
                guard try !movesToNext(in: .object, openedAt: start) else { continue }
                run.end(in: predictions, base: base)
                guard failed != 0 else { return record }
                return firstFailure(of: table, failed: failed, item: item)
            }
            run.end(in: predictions, base: base)
            if let predicted = predictions.match(ordinal, base + index + 1, available: count - index - 1) {
                // The same bytes as a name already checked at this place: the same name, checked.
                field = predicted.field
                index += 1 + predicted.length
            } else {
                let key = try scanString()
                field = key.escaped
                    ? table.index(ofName: decodeString(key))
                    : table.index(ofKey: base + key.start, count: key.end - key.start)
                if !key.escaped {
                    predictions.remember(ordinal, base + key.start, length: key.end - key.start + 1, field: field)
                }
            }
            ordinal += 1
            try colon(afterNameAt: keyStart, inObjectOpenedAt: start)
            if field == nil, base[index] != UInt8(ascii: "{"), base[index] != UInt8(ascii: "[") {
                // A value of a field not kept, and not an object or array: remembered whole, with the comma or brace
                // after it, for the next record's member at this place.
                try skipValue()
                if index < count, base[index] == UInt8(ascii: ",") || base[index] == UInt8(ascii: "}") {
                    predictions.rememberMember(ordinal - 1, base + keyStart + 1, length: index - keyStart)
                }
            } else if let field {
                // `mismatch` is nil here (every one set is taken below): not set again, which was a call to destroy
                // the old value for every field of every record.
                try record.scanField(field, from: &self)
                // Later duplicates of a key replace earlier ones, as in `JSONInput`: so do their errors.
                if let problem = mismatch {
                    if fieldMismatches.count < table.names.count {
                        fieldMismatches = Array(repeating: nil, count: table.names.count)
                    }
                    fieldMismatches[field] = problem
                    failed |= 1 << UInt64(field)
                    mismatch = nil
                } else {
                    failed &= ~(1 << UInt64(field))
                }
            } else if base[index] == UInt8(ascii: "{"), let nested = predictions.nested(at: ordinal - 1) {
                // An object not kept (an address): its members compared with those of the object at this place in
                // the record before, as the record's own are.
                try skipObject(predicted: nested)
            } else {
                try skipValue()
            }
            guard try !movesToNext(in: .object, openedAt: start) else { continue }
            guard failed != 0 else { return record }
            return firstFailure(of: table, failed: failed, item: item)
        }
    }

    /// Checks the object at `index` and moves past it, as `skipObject()` does, with its names and whole members
    /// compared with those remembered at their places (`predictions`) where they are the same bytes: the same
    /// checks, and the same errors, for less work.
    ///
    /// Its steps at a name are the record loop's (`record(of:item:table:predictions:)`), written out again: one
    /// helper for both, returning what it found, made reading the PowerOffice file 6 % dearer in CPU.
    private mutating func skipObject(predicted predictions: KeyPredictions) throws(JSONError) {
        let start = index
        try enter()
        guard !closesAtOnce(.object) else { return }
        var ordinal = 0
        repeat {
            try nameStarts(inObjectOpenedAt: start)
            let keyStart = index
            if let member = predictions.matchMember(ordinal, base + index + 1, available: count - index - 1) {
                // The same bytes as a whole member checked at this place, up to the comma or brace after it.
                index += member
                ordinal += 1
                continue
            }
            if let predicted = predictions.match(ordinal, base + index + 1, available: count - index - 1) {
                index += 1 + predicted.length
            } else {
                let key = try scanString()
                if !key.escaped {
                    predictions.remember(ordinal, base + key.start, length: key.end - key.start + 1, field: nil)
                }
            }
            ordinal += 1
            try colon(afterNameAt: keyStart, inObjectOpenedAt: start)
            let isContainer = base[index] == UInt8(ascii: "{") || base[index] == UInt8(ascii: "[")
            try skipValue()
            if !isContainer, index < count, base[index] == UInt8(ascii: ",") || base[index] == UInt8(ascii: "}") {
                predictions.rememberMember(ordinal - 1, base + keyStart + 1, length: index - keyStart)
            }
        } while try movesToNext(in: .object, openedAt: start)
    }

    /// Sets `pendingRecordError` for a record whose fields in `failed` had the wrong type; `nil`, for the record.
    private mutating func firstFailure<Record>(of table: JSONFieldTable, failed: UInt64, item: Int) -> Record? {
        // Decodable decodes fields in declaration order, so the first declared field with an error is the one
        // reported.
        let first = failed.trailingZeroBitCount
        let problem = fieldMismatches[first] ?? Mismatch(expected: JSONInput.Expected.number, found: .init(verbatim: ""))
        pendingRecordError = (item, ".\(table.names[first])", JSONInput.Expected.found(problem.expected, problem.found))
        return nil
    }
}

/// The members of a record matched whole one after another (`KeyPredictions.matchMember`) since the last other
/// one: from the first one's opening quote to the comma or brace after the last. Remembered as one run
/// (`KeyPredictions.rememberRun`) when it ends, for the next record to match in one comparison.
private struct MemberRun {
    /// The place of the first member in the record, and where the run starts and ends in the bytes.
    private var place = 0
    private(set) var start = 0
    private var finish = 0
    private(set) var members = 0

    /// Adds the member at `place`, from its name's opening quote at `from` to the comma or brace at `to`.
    @inline(__always)
    mutating func add(place: Int, from: Int, to: Int) {
        if members == 0 { (self.place, start) = (place, from) }
        finish = to
        members += 1
    }

    /// Ends the run: remembers it, if it has members, and starts none.
    @inline(__always)
    mutating func end(in predictions: KeyPredictions, base: UnsafePointer<UInt8>) {
        guard members > 0 else { return }
        predictions.rememberRun(place, base + start + 1, length: finish - start, members: members)
        members = 0
    }
}

/// The property names seen at each place in the records so far.
///
/// API responses write every record's properties in the same order, so the name at a place in a record is almost
/// always the one seen there in the record before: comparing the bytes (with the closing quote) settles both that the
/// name is well-formed and which field it names, without scanning it and looking it up.
package final class KeyPredictions {
    package static let places = 128
    package static let width = 64
    private let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: places * width)
    private let lengths = UnsafeMutablePointer<Int>.allocate(capacity: places)
    private let fields = UnsafeMutablePointer<Int>.allocate(capacity: places)
    /// Whole members of fields not kept (`rememberMember`): their bytes and lengths, and how many times in a row
    /// each place's did not match.
    private let members = UnsafeMutablePointer<UInt8>.allocate(capacity: places * width)
    private let memberLengths = UnsafeMutablePointer<Int>.allocate(capacity: places)
    private let memberMisses = UnsafeMutablePointer<Int>.allocate(capacity: places)
    /// How many times in a row each place's member matched.
    private let memberMatches = UnsafeMutablePointer<Int>.allocate(capacity: places)
    /// Runs of whole members one after another (`rememberRun`), by the place of their first: their bytes (made
    /// when first needed), lengths, how many members each has, and how many times in a row each did not match.
    private var runs: UnsafeMutablePointer<UInt8>?
    private let runLengths = UnsafeMutablePointer<Int>.allocate(capacity: places)
    private let runMembers = UnsafeMutablePointer<Int>.allocate(capacity: places)
    private let runMisses = UnsafeMutablePointer<Int>.allocate(capacity: places)
    /// The longest run remembered, in bytes: a customer's sixteen settings in a row (`"IsVatFree":false,` to
    /// `"ExternalNumber":null`) are about 450.
    package static let runWidth = 1024
    /// The predictions for the members of an object at each place (`nested(at:)`), made when first needed.
    private var nestedPredictions: [KeyPredictions?] = []
    private var nestedMade = 0

    package init() {
        lengths.initialize(repeating: 0, count: Self.places)
        memberLengths.initialize(repeating: 0, count: Self.places)
        memberMisses.initialize(repeating: 0, count: Self.places)
        memberMatches.initialize(repeating: 0, count: Self.places)
        runLengths.initialize(repeating: 0, count: Self.places)
        runMembers.initialize(repeating: 0, count: Self.places)
        runMisses.initialize(repeating: 0, count: Self.places)
    }

    deinit {
        bytes.deallocate()
        lengths.deallocate()
        fields.deallocate()
        members.deallocate()
        memberLengths.deallocate()
        memberMisses.deallocate()
        memberMatches.deallocate()
        runs?.deallocate()
        runLengths.deallocate()
        runMembers.deallocate()
        runMisses.deallocate()
    }

    /// The predictions for the members of the objects at `place` of the records (one level down); `nil` past the
    /// places remembered, and for the places after the first `nestedPlaces` that held an object, so that a record of
    /// many objects costs a piece of the file 18 kB of predictions for each of a few, not for each of 128.
    package func nested(at place: Int) -> KeyPredictions? {
        guard place < Self.places else { return nil }
        if nestedPredictions.isEmpty { nestedPredictions = Array(repeating: nil, count: Self.places) }
        if let nested = nestedPredictions[place] { return nested }
        guard nestedMade < Self.nestedPlaces else { return nil }
        let nested = KeyPredictions()
        nestedPredictions[place] = nested
        nestedMade += 1
        return nested
    }

    /// How many places' objects have predictions of their own (a customer has one object, its address).
    package static let nestedPlaces = 8

    /// The name remembered at `place`, if `key` (`available` bytes) starts with its bytes and closing quote.
    @inline(__always)
    package func match(_ place: Int, _ key: UnsafePointer<UInt8>, available: Int) -> (field: Int?, length: Int)? {
        guard place < Self.places else { return nil }
        let length = lengths[place]
        guard length > 0, Self.same(bytes + place * Self.width, key, length: length, available: available) else {
            return nil
        }
        let field = fields[place]
        return (field < 0 ? nil : field, length)
    }

    /// The length of the whole member remembered at `place` (from after the name's opening quote to the comma or
    /// brace after the value), if `key` starts with its bytes.
    @inline(__always)
    package func matchMember(_ place: Int, _ key: UnsafePointer<UInt8>, available: Int) -> Int? {
        guard place < Self.places else { return nil }
        let length = memberLengths[place]
        guard length > 0 else { return nil }
        guard Self.same(members + place * Self.width, key, length: length, available: available) else {
            memberMisses[place] += 1
            memberMatches[place] = 0
            return nil
        }
        memberMisses[place] = 0
        memberMatches[place] &+= 1
        return length
    }

    /// Whether the member at `place` has matched (`matchMember`) in the last `steadyRecords` records in a row.
    @inline(__always)
    package func isSteady(_ place: Int) -> Bool { memberMatches[place] >= Self.steadyRecords }

    /// How many records in a row a member must have matched to go into a run (`rememberRun`).
    package static let steadyRecords = 8

    /// Remembers a checked whole member of a field not kept, whose value is not an object or array, at `place`:
    /// from after the name's opening quote to the comma or brace after the value. A place whose members keep
    /// changing (a name, an e-mail) is remembered again only now and then.
    package func rememberMember(_ place: Int, _ member: UnsafePointer<UInt8>, length: Int) {
        guard place < Self.places, length <= Self.width else { return }
        let misses = memberMisses[place]
        guard misses < 8 || misses & 63 == 0 else {
            memberMisses[place] += 1
            return
        }
        (members + place * Self.width).update(from: member, count: length)
        memberLengths[place] = length
    }

    /// The length and number of members of the run remembered at `place`, if `key` (`available` bytes, from after
    /// the first name's opening quote) starts with its bytes.
    @inline(__always)
    package func matchRun(_ place: Int, _ key: UnsafePointer<UInt8>, available: Int) -> (length: Int, members: Int)? {
        guard place < Self.places, let runs else { return nil }
        let length = runLengths[place]
        guard length > 0, length <= available else { return nil }
        guard memcmp(runs + place * Self.runWidth, key, length) == 0 else {
            runMisses[place] += 1
            return nil
        }
        runMisses[place] = 0
        return (length, runMembers[place])
    }

    /// Remembers a run of `members` whole members at `place`, each checked and matched one by one
    /// (`matchMember`), with what lies between them: from after the first name's opening quote to the comma or
    /// brace after the last value. A place whose runs keep changing is remembered again only now and then.
    package func rememberRun(_ place: Int, _ run: UnsafePointer<UInt8>, length: Int, members: Int) {
        guard members > 1, place < Self.places, length <= Self.runWidth else { return }
        let misses = runMisses[place]
        guard misses < 8 || misses & 63 == 0 else {
            runMisses[place] += 1
            return
        }
        let runs = self.runs ?? UnsafeMutablePointer<UInt8>.allocate(capacity: Self.places * Self.runWidth)
        self.runs = runs
        (runs + place * Self.runWidth).update(from: run, count: length)
        runLengths[place] = length
        runMembers[place] = members
    }

    /// Whether the `length` bytes at `stored` are those `key` (`available` bytes) starts with.
    @inline(__always)
    private static func same(_ stored: UnsafePointer<UInt8>, _ key: UnsafePointer<UInt8>, length: Int, available: Int) -> Bool {
        guard length <= available else { return false }
        if length >= 8 {
            var offset = 0
            while offset < length - 8 {
                guard word(stored + offset) == word(key + offset) else { return false }
                offset += 8
            }
            // The last eight bytes, overlapping the words before when the length is not a multiple of eight.
            return word(stored + length - 8) == word(key + length - 8)
        } else if available >= 8 {
            let mask: UInt64 = (1 << (UInt64(length) * 8)) - 1
            return (word(stored) ^ word(key)) & UInt64(littleEndian: mask) == 0
        } else {
            for offset in 0..<length where stored[offset] != key[offset] { return false }
            return true
        }
    }

    @inline(__always)
    private static func word(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    }

    /// Remembers a checked, unescaped name (its bytes and closing quote) at `place`.
    package func remember(_ place: Int, _ key: UnsafePointer<UInt8>, length: Int, field: Int?) {
        guard place < Self.places, length <= Self.width else { return }
        (bytes + place * Self.width).update(from: key, count: length)
        lengths[place] = length
        fields[place] = field ?? -1
    }
}

// MARK: - Field values

extension JSONScanner {
    /// A whole number: `3000`, and also `3000.0` and `3e3`, as `JSONInput.decode` reads `Int64`; `null` is `nil`.
    package mutating func int64() throws(JSONError) -> Int64? {
        let first = base[index]
        if first == UInt8(ascii: "-") || isDigit(first) {
            let start = index
            let plain = try scanNumber()
            let length = index - start
            if plain && length <= 18 {
                var position = start
                let negative = first == UInt8(ascii: "-")
                if negative { position += 1 }
                var value: Int64 = 0
                while position < index {
                    value = value &* 10 &+ Int64(base[position] &- UInt8(ascii: "0"))
                    position += 1
                }
                return negative ? -value : value
            }
            return wholeNumber(String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self))
        }
        if isLiteral("null") {
            index += 4
            return nil
        }
        try recordMismatch(expected: JSONInput.Expected.wholeNumber)
        return nil
    }

    /// `true` or `false`; `null` is `nil`.
    package mutating func bool() throws(JSONError) -> Bool? {
        if isLiteral("true") {
            index += 4
            return true
        }
        if isLiteral("false") {
            index += 5
            return false
        }
        if isLiteral("null") {
            index += 4
            return nil
        }
        try recordMismatch(expected: JSONInput.Expected.bool)
        return nil
    }

    /// Text; `null` is `nil`. When the text is the same as `sameAs`, that string is returned rather than a copy,
    /// so that fields that usually repeat another (`LegalName` and `Name`) cost no memory of their own. Unless
    /// `make`, the text is checked but no string is made, and the result is `nil`.
    package mutating func string(sameAs other: String? = nil, make: Bool = true) throws(JSONError) -> String? {
        if base[index] == UInt8(ascii: "\"") {
            let content = try scanString()
            guard make else { return nil }
            if content.escaped { return decodeString(content) }
            let length = content.end - content.start
            let text = UnsafeBufferPointer(start: base + content.start, count: length)
            if let other, other.hasUTF8(text) { return other }
            return String(decoding: text, as: UTF8.self)
        }
        if isLiteral("null") {
            index += 4
            return nil
        }
        try recordMismatch(expected: JSONInput.Expected.text)
        return nil
    }

    /// Text for field number `field` of the record type; a field the run does not keep (`keptFields`) is checked
    /// as `string` checks it, with the same errors, but no string is made and it reads as `nil`.
    package mutating func string(field: Int, sameAs other: String? = nil) throws(JSONError) -> String? {
        try string(sameAs: other, make: keptFields & (1 << UInt64(field)) != 0)
    }

    /// Text for field number `field`, as `string(field:)` reads it, without making a string where it need not:
    /// the UTF-8 bytes between the quotes, where they lie in the input, for a text without escapes (`scanString`
    /// has checked them as Swift's decoder would, so they are the bytes of the string it would make); the decoded
    /// string for one with escapes. `nil` for `null`, a value of another type (`mismatch` is set) and a field the
    /// run does not keep.
    package mutating func text(field: Int) throws(JSONError) -> ScannedText? {
        guard base[index] == UInt8(ascii: "\"") else {
            _ = try string(make: false)
            return nil
        }
        let content = try scanString()
        guard keptFields & (1 << UInt64(field)) != 0 else { return nil }
        if content.escaped { return .decoded(decodeString(content)) }
        return .utf8(UnsafeBufferPointer(start: base + content.start, count: content.end - content.start))
    }

    /// `JSONInput.decode`'s reading of a number that is not a plain integer of up to 18 characters.
    private mutating func wholeNumber(_ text: String) -> Int64? {
        if let number = JSONInput.wholeNumber(text, as: Int64.self) { return number }
        let between = JSONInput.Expected.wholeNumber(between: String(Int64.min), and: String(Int64.max))
        let found = LocalizedText(verbatim: text.excerpt)
        if let number = Double(text), number.rounded() == number {
            mismatch = Mismatch(expected: between, found: found)
            return nil
        }
        let isWhole = text.allSatisfy { $0 == "-" || $0.isASCII && $0.isNumber }
        mismatch = Mismatch(expected: isWhole ? between : JSONInput.Expected.wholeNumber, found: found)
        return nil
    }

    /// Reads the value at `index`, which is not of the expected type, and records the mismatch.
    private mutating func recordMismatch(expected: LocalizedText) throws(JSONError) {
        reject(try summarize(), expected: expected)
    }

    /// Records that `value`, just read (`summarize()`), is not what the field takes: for a field that takes more
    /// than one type of value (Assist's exports write numbers as text or as numbers), which reads the value first
    /// and decides after.
    package mutating func reject(_ value: JSONInput.Value, expected: LocalizedText) {
        mismatch = Mismatch(expected: expected, found: value.summary)
    }
}

/// A text `JSONScanner.text(field:)` has read.
package enum ScannedText {
    /// The text's UTF-8 bytes, in the scanner's input: valid as long as the input is.
    case utf8(UnsafeBufferPointer<UInt8>)
    /// The text of a string with escapes.
    case decoded(String)
}

// MARK: - Values in general

extension JSONScanner {
    /// Checks the value at `index` and moves past it.
    package mutating func skipValue() throws(JSONError) {
        guard index < count else { throw failure(Reason.endOfFileForValue) }
        switch base[index] {
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "{"): try skipObject()
        case UInt8(ascii: "["): try skipArray()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber()
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        default: throw unexpectedValue()
        }
    }

    /// Reads the value at `index` into a `JSONInput.Value` that is enough for its `summary`: the members of an
    /// object are there with null values, the items of an array are nulls. Nested values are checked, not kept.
    package mutating func summarize() throws(JSONError) -> JSONInput.Value {
        guard index < count else { throw failure(Reason.endOfFileForValue) }
        switch base[index] {
        case UInt8(ascii: "\""): return .string(decodeString(try scanString()))
        case UInt8(ascii: "{"):
            var members: [String: JSONInput.Value] = [:]
            try skipObject { members[$0] = .null }
            return .object(members)
        case UInt8(ascii: "["):
            var items = 0
            try skipArray { items += 1 }
            return .array(Array(repeating: .null, count: items))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            _ = try scanNumber()
            let text = UnsafeBufferPointer(start: base + start, count: index - start)
            return .number(String(decoding: text, as: UTF8.self))
        case UInt8(ascii: "t"):
            try skipLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try skipLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try skipLiteral("null")
            return .null
        default: throw unexpectedValue()
        }
    }

    /// Reads the value at `index` into a whole `JSONInput.Value` tree, for the small files that are decoded
    /// through one (rule files, configuration, baselines, Assist's product groups). A repeated property name keeps the
    /// last value, as JSONDecoder does.
    package mutating func tree() throws(JSONError) -> JSONInput.Value {
        guard index < count else { throw failure(Reason.endOfFileForValue) }
        switch base[index] {
        case UInt8(ascii: "{"):
            var members: [String: JSONInput.Value] = [:]
            try skipObject(member: { name, scanner throws(JSONError) in members[name] = try scanner.tree() })
            return .object(members)
        case UInt8(ascii: "["):
            var items: [JSONInput.Value] = []
            try skipArray(value: { scanner throws(JSONError) in items.append(try scanner.tree()) })
            return .array(items)
        default:
            return try summarize()
        }
    }

    @inline(never)
    private func unexpectedValue() -> JSONError {
        switch base[index] {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "'"):
            failure(Reason.valueWithLetters(describeCurrent()))
        default:
            failure(Reason.value(describeCurrent()))
        }
    }

    /// Checks the object at `index` and moves past it. `key` sees each property name; `member`, when given, is
    /// called at each value instead of skipping it and must move past the value.
    private mutating func skipObject(
        key: ((String) -> Void)? = nil, member: ((String, inout JSONScanner) throws(JSONError) -> Void)? = nil
    ) throws(JSONError) {
        let start = index
        try enter()
        guard !closesAtOnce(.object) else { return }
        repeat {
            try nameStarts(inObjectOpenedAt: start)
            let keyStart = index
            let name = try scanString()
            let decodedName = key != nil || member != nil ? decodeString(name) : ""
            key?(decodedName)
            try colon(afterNameAt: keyStart, inObjectOpenedAt: start)
            if let member { try member(decodedName, &self) } else { try skipValue() }
        } while try movesToNext(in: .object, openedAt: start)
    }

    /// Checks the array at `index` and moves past it. `item` is called after each item; `value`, when given, is
    /// called at each item instead of skipping it and must move past the item.
    private mutating func skipArray(
        item: (() -> Void)? = nil, value: ((inout JSONScanner) throws(JSONError) -> Void)? = nil
    ) throws(JSONError) {
        let start = index
        try enter()
        guard !closesAtOnce(.array) else { return }
        repeat {
            try valueStarts(in: .array, openedAt: start)
            if let value { try value(&self) } else { try skipValue() }
            item?()
        } while try movesToNext(in: .array, openedAt: start)
    }
}

// MARK: - The grammar of objects and arrays, once

// Records (`record`, `items`) and skipped or summarised values (`skipObject`, `skipArray`) are read by the same
// steps, so that a syntax error is found, and said, the same way whether the value is kept or not.
extension JSONScanner {
    /// Moves into the object or array whose opening bracket is at `index`.
    @inline(__always)
    fileprivate mutating func enter() throws(JSONError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure(Reason.tooDeep(Self.maximumDepth)) }
        index += 1
    }

    /// Whether the container just entered is empty; then moves past its closing bracket.
    @inline(__always)
    private mutating func closesAtOnce(_ kind: Reason.Container) -> Bool {
        skipWhitespace()
        guard peek(kind.closer) else { return false }
        index += 1
        depth -= 1
        return true
    }

    /// Moves to the next value of the container that opened at `start`, which must be there.
    @inline(__always)
    private mutating func valueStarts(in kind: Reason.Container, openedAt start: Int) throws(JSONError) {
        skipWhitespace()
        guard index < count else { throw unclosed(kind, kind.opener, at: start) }
    }

    /// Moves to the next property name of the object that opened at `start`, which must be there.
    @inline(__always)
    private mutating func nameStarts(inObjectOpenedAt start: Int) throws(JSONError) {
        try valueStarts(in: .object, openedAt: start)
        guard base[index] == UInt8(ascii: "\"") else { throw failure(Reason.propertyName(describeCurrent())) }
    }

    /// Moves past the colon after the property name at `keyStart`, to the value, which must be there.
    @inline(__always)
    private mutating func colon(afterNameAt keyStart: Int, inObjectOpenedAt start: Int) throws(JSONError) {
        try valueStarts(in: .object, openedAt: start)
        guard base[index] == UInt8(ascii: ":") else { throw missingColon(keyStart: keyStart) }
        index += 1
        try valueStarts(in: .object, openedAt: start)
    }

    /// After a value of the container that opened at `start`: moves past a comma and returns `true` (another value
    /// follows; a closing bracket right after the comma is an error), or past the closing bracket and returns
    /// `false`.
    @inline(__always)
    private mutating func movesToNext(in kind: Reason.Container, openedAt start: Int) throws(JSONError) -> Bool {
        try valueStarts(in: kind, openedAt: start)
        switch base[index] {
        case UInt8(ascii: ","):
            index += 1
            skipWhitespace()
            if peek(kind.closer) { throw failure(Reason.trailingComma(kind.closerText)) }
            return true
        case kind.closer:
            index += 1
            depth -= 1
            return false
        default:
            throw failure(kind == .object ? Reason.inObject(describeCurrent()) : Reason.inArray(describeCurrent()))
        }
    }

    @inline(never)
    private func missingColon(keyStart: Int) -> JSONError {
        var scanner = JSONScanner(UnsafeRawBufferPointer(start: base, count: count), path: path)
        scanner.index = keyStart
        let key = (try? scanner.scanString()).map { scanner.decodeString($0) } ?? ""
        return failure(Reason.missingColon(describeCurrent(), after: key.excerpt))
    }
}

// MARK: - Tokens

extension JSONScanner {
    /// Where a string's content is, between its quotes.
    package struct StringContent {
        var start: Int
        var end: Int
        /// Whether it has escapes, so that the bytes are not the text.
        var escaped: Bool
    }

    /// Checks the string whose opening quote is at `index` and moves past it: escapes, control characters and
    /// line breaks as `JSONInput` checks them, and UTF-8 (which `JSONInput` gets already checked from
    /// `TextDecoding`).
    package mutating func scanString() throws(JSONError) -> StringContent {
        // Locals rather than properties, so that the loop keeps them in registers.
        let base = self.base
        let count = self.count
        let start = index
        var position = start + 1
        var escaped = false
        while true {
            // Eight bytes at a time while none is a quote, a backslash, a control character or beyond ASCII.
            while position + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let attention = Self.attention(word)
                if attention != 0 {
                    position += attention.trailingZeroBitCount >> 3
                    break
                }
                position += 8
            }
            guard position < count else { throw stringProblem(at: position, start: start) }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                index = position + 1
                return StringContent(start: start + 1, end: position, escaped: escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position = try checkEscape(at: position)
            } else if byte >= 0x80 {
                position = try checkUTF8(at: position)
            } else if byte < 0x20 {
                throw stringProblem(at: position, start: start)
            } else {
                position += 1
            }
        }
    }

    /// The error for the string that starts at `start` and cannot go on at `position`.
    @inline(never)
    private func stringProblem(at position: Int, start: Int) -> JSONError {
        guard position < count else {
            return failure(Reason.unclosedString, at: start)
        }
        if base[position] == 0x0A || base[position] == 0x0D {
            return failure(Reason.lineBreakInString, at: position)
        }
        return failure(Reason.controlCharacter, at: position)
    }

    /// High bits set in the bytes of `word` that a string scan must look at, exactly for the lowest such byte
    /// (higher ones may be false alarms, which only cost a look).
    @inline(__always)
    private static func attention(_ word: UInt64) -> UInt64 {
        ByteWords.bytes(word, equalTo: UInt8(ascii: "\"")) | ByteWords.bytes(word, equalTo: UInt8(ascii: "\\"))
            | ByteWords.bytes(word, below: 0x20) | ByteWords.bytesBeyondASCII(word)
    }

    /// Checks the escape whose backslash is at `backslash`; returns where the string goes on.
    private mutating func checkEscape(at backslash: Int) throws(JSONError) -> Int {
        var position = backslash + 1
        guard position < count else {
            index = position
            throw failure(Reason.endOfFileInEscape)
        }
        switch base[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return position + 1
        case UInt8(ascii: "u"):
            position += 1
            let value = try hexQuad(at: position, escapeStart: backslash)
            position += 4
            if (0xD800...0xDBFF).contains(value), position + 1 < count, base[position] == UInt8(ascii: "\\"),
                base[position + 1] == UInt8(ascii: "u")
            {
                let low = try hexQuad(at: position + 2, escapeStart: position)
                if (0xDC00...0xDFFF).contains(low) { position += 6 }
            }
            return position
        default:
            index = position
            throw failure(Reason.notAnEscape(describeByte(base[position])), at: backslash)
        }
    }

    private func hexQuad(at position: Int, escapeStart: Int) throws(JSONError) -> UInt32 {
        var value: UInt32 = 0
        if position + 4 <= count {
            for offset in 0..<4 {
                guard let digit = Self.hexValue(base[position + offset]) else { break }
                value = value << 4 | digit
                if offset == 3 { return value }
            }
        }
        throw failure(Reason.unicodeEscape, at: escapeStart)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Checks one UTF-8 sequence at `position` (a byte of 0x80 or more), strictly as Swift's decoder does; returns
    /// where it ends.
    private mutating func checkUTF8(at position: Int) throws(JSONError) -> Int {
        let length = UTF8Validation.sequenceLength(base, at: position, count: count)
        guard length > 0 else {
            index = position
            throw failure(Reason.notUTF8)
        }
        return position + length
    }

    /// The text of a string checked by `scanString`, with its escapes decoded as `JSONInput` decodes them.
    package mutating func decodeString(_ content: StringContent) -> String {
        let raw = UnsafeBufferPointer(start: base + content.start, count: content.end - content.start)
        guard content.escaped else { return String(decoding: raw, as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        var position = content.start
        while position < content.end {
            let byte = base[position]
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                position += 1
                continue
            }
            let kind = base[position + 1]
            position += 2
            switch kind {
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var value = hexValue(at: position)
                position += 4
                if (0xD800...0xDBFF).contains(value), position + 5 < content.end, base[position] == UInt8(ascii: "\\"),
                    base[position + 1] == UInt8(ascii: "u")
                {
                    let low = hexValue(at: position + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                    }
                }
                // A lone surrogate cannot be represented in a Swift string; it becomes U+FFFD, as in `JSONInput`.
                scratch.append(contentsOf: String(Character(Unicode.Scalar(value) ?? "\u{FFFD}")).utf8)
            default: scratch.append(kind)  // '"', '\\' and '/' stand for themselves
            }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    private func hexValue(at position: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 4 | (Self.hexValue(base[position + $1]) ?? 0) }
    }

    /// Checks the number at `index` per the JSON grammar and moves past it; `true` when it has no fraction and no
    /// exponent.
    package mutating func scanNumber() throws(JSONError) -> Bool {
        let start = index
        var plain = true
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < count, isDigit(base[index]) else { throw failure(Reason.minusWithoutDigit, at: start) }
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, isDigit(base[index]) {
                throw failure(Reason.leadingZero, at: start)
            }
        } else {
            skipDigits()
        }
        if peek(UInt8(ascii: ".")) {
            plain = false
            index += 1
            guard index < count, isDigit(base[index]) else {
                throw failure(Reason.pointWithoutDigit)
            }
            skipDigits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            plain = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < count, isDigit(base[index]) else { throw failure(Reason.exponentWithoutDigits) }
            skipDigits()
        }
        return plain
    }

    /// Whether `word` (`true`, `false` or `null`) is at `index`.
    @inline(__always)
    private func isLiteral(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard index + length <= count else { return false }
        // The first four bytes as one number; then the `e` of `false`.
        let expected = UnsafeRawPointer(word.utf8Start).loadUnaligned(as: UInt32.self)
        guard UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self) == expected else { return false }
        return length == 4 || base[index + 4] == word.utf8Start[4]
    }

    private mutating func skipLiteral(_ word: StaticString) throws(JSONError) {
        guard isLiteral(word) else {
            throw failure(Reason.lowercaseLiteral(describeCurrent()))
        }
        index += word.utf8CodeUnitCount
    }

    @inline(__always)
    package mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while index < count, isDigit(base[index]) { index += 1 }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private func peek(_ byte: UInt8) -> Bool { index < count && base[index] == byte }
}

// MARK: - Errors

extension JSONScanner {
    /// The character at `index`, for messages.
    @inline(never)
    private func describeCurrent() -> LocalizedText {
        guard index < count else { return LocalizedText(en: "end of file", nb: "slutten av filen") }
        var end = index + 1
        while end < count, base[end] & 0xC0 == 0x80 { end += 1 }
        return LocalizedText(
            verbatim: "'\(String(decoding: UnsafeBufferPointer(start: base + index, count: end - index), as: UTF8.self))'")
    }

    private func describeByte(_ byte: UInt8) -> String {
        byte < 0x80 ? String(UnicodeScalar(byte)) : "…"
    }

    @inline(never)
    private func unclosed(_ kind: Reason.Container, _ opener: String, at start: Int) -> JSONError {
        let (line, column) = position(of: start)
        return failure(Reason.unclosed(kind, opener, line: line, column: column))
    }

    @inline(never)
    package func failure(_ reason: LocalizedText, at offset: Int? = nil) -> JSONError {
        let (line, column) = position(of: offset ?? index)
        return JSONError.malformedJSON(path: path, line: line, column: column, reason: reason)
    }

    /// The 1-based line and column of an offset, counting columns in Unicode scalars, as `JSONInput.position`.
    package func position(of offset: Int) -> (line: Int, column: Int) {
        JSONInput.position(of: offset, in: UnsafeBufferPointer(start: base, count: count))
    }
}

extension JSONScanner {
    /// Why JSON text is not valid JSON, in both languages: the reasons of `JSONError.malformedJSON`.
    package enum Reason {
        enum Container {
            case array, object

            var opener: String { self == .array ? "[" : "{" }
            var closer: UInt8 { self == .array ? UInt8(ascii: "]") : UInt8(ascii: "}") }
            var closerText: String { self == .array ? "]" : "}" }
        }

        static let emptyFile = LocalizedText(
            en: "the file is empty; expected a JSON value", nb: "filen er tom; den skal inneholde en JSON-verdi")
        static let endOfFileForValue = LocalizedText(
            en: "unexpected end of file; expected a value", nb: "filen slutter uventet; her skal det stå en verdi")
        static let endOfFileInEscape = LocalizedText(
            en: "unexpected end of file in an escape sequence", nb: "filen slutter midt i en escape-sekvens")
        static let unclosedString = LocalizedText(
            en: "the string that starts here is never closed (missing \")",
            nb: "teksten som begynner her, blir aldri avsluttet (mangler \")")
        static let lineBreakInString = LocalizedText(
            en: "a line break inside a string (a string must end on the line it starts on; write \\n for a line break)",
            nb: "et linjeskift inne i en tekst (en tekst må slutte på linjen den begynner på; skriv \\n for linjeskift)")
        static let controlCharacter = LocalizedText(
            en: "a control character inside a string; write it as an escape such as \\t",
            nb: "et kontrolltegn inne i en tekst; skriv det som en escape-sekvens, for eksempel \\t")
        static let unicodeEscape = LocalizedText(
            en: "'\\u' must be followed by four hexadecimal digits", nb: "etter '\\u' skal det stå fire heksadesimale sifre")
        static let notUTF8 = LocalizedText(en: "not UTF-8 text", nb: "ikke UTF-8-tekst")
        static let minusWithoutDigit = LocalizedText(
            en: "a '-' must be followed by a digit", nb: "etter '-' skal det stå et siffer")
        static let leadingZero = LocalizedText(
            en: "a number must not start with 0 (leading zeros are not allowed in JSON; write it as text in quotes if "
                + "the zeros matter)",
            nb: "et tall kan ikke begynne med 0 (innledende nuller er ikke tillatt i JSON; skriv det som tekst i "
                + "anførselstegn hvis nullene betyr noe)")
        static let pointWithoutDigit = LocalizedText(
            en: "a '.' in a number must be followed by a digit", nb: "etter '.' i et tall skal det stå et siffer")
        static let exponentWithoutDigits = LocalizedText(
            en: "an exponent in a number must have digits", nb: "en eksponent i et tall må ha sifre")

        static func afterTheEnd(_ found: LocalizedText) -> LocalizedText {
            LocalizedText(en: "unexpected ", nb: "uventet ") + found
                + LocalizedText(en: " after the end of the JSON value", nb: " etter slutten av JSON-verdien")
        }

        /// `opener`: `]` or `}`.
        static func trailingComma(_ closer: String) -> LocalizedText {
            LocalizedText(
                en: "a trailing comma before '\(closer)' is not allowed in JSON",
                nb: "et komma rett før '\(closer)' er ikke tillatt i JSON")
        }

        static func inArray(_ found: LocalizedText) -> LocalizedText {
            LocalizedText(en: "unexpected ", nb: "uventet ") + found
                + LocalizedText(en: " in an array; expected ',' or ']'", nb: " i en liste; her skal det stå ',' eller ']'")
        }

        static func inObject(_ found: LocalizedText) -> LocalizedText {
            LocalizedText(en: "unexpected ", nb: "uventet ") + found
                + LocalizedText(en: " in an object; expected ',' or '}'", nb: " i et objekt; her skal det stå ',' eller '}'")
        }

        static func propertyName(_ found: LocalizedText) -> LocalizedText {
            LocalizedText(en: "unexpected ", nb: "uventet ") + found
                + LocalizedText(
                    en: "; expected a property name in double quotes",
                    nb: "; her skal det stå et nøkkelnavn i doble anførselstegn")
        }

        static func value(_ found: LocalizedText) -> LocalizedText {
            LocalizedText(en: "unexpected ", nb: "uventet ") + found
                + LocalizedText(en: "; expected a value", nb: "; her skal det stå en verdi")
        }

        /// A letter or `'` where a value should be: most likely text without double quotes, or `True`.
        static func valueWithLetters(_ found: LocalizedText) -> LocalizedText {
            value(found)
                + LocalizedText(
                    en: " (text must be in double quotes; true, false and null are lowercase)",
                    nb: " (tekst skal stå i doble anførselstegn; true, false og null skrives med små bokstaver)")
        }

        static func lowercaseLiteral(_ found: LocalizedText) -> LocalizedText {
            value(found)
                + LocalizedText(
                    en: " (true, false and null are lowercase)", nb: " (true, false og null skrives med små bokstaver)")
        }

        static func missingColon(_ found: LocalizedText, after key: String) -> LocalizedText {
            LocalizedText(en: "unexpected ", nb: "uventet ") + found
                + LocalizedText(
                    en: " after the property name \"\(key)\"; expected ':'",
                    nb: " etter nøkkelnavnet \"\(key)\"; her skal det stå ':'")
        }

        static func notAnEscape(_ character: String) -> LocalizedText {
            LocalizedText(en: "'\\\(character)' is not a JSON escape", nb: "'\\\(character)' er ikke en JSON-escape")
        }

        static func tooDeep(_ levels: Int) -> LocalizedText {
            LocalizedText(en: "nested more than \(levels) levels deep", nb: "nøstet mer enn \(levels) nivåer dypt")
        }

        static func unclosed(_ kind: Container, _ opener: String, line: Int, column: Int) -> LocalizedText {
            switch kind {
            case .array:
                LocalizedText(
                    en: "unexpected end of file: the array opened with '\(opener)' at line \(line), column \(column) is "
                        + "never closed",
                    nb: "filen slutter uventet: listen som åpnes med '\(opener)' på linje \(line), kolonne \(column), "
                        + "blir aldri lukket")
            case .object:
                LocalizedText(
                    en: "unexpected end of file: the object opened with '\(opener)' at line \(line), column \(column) is "
                        + "never closed",
                    nb: "filen slutter uventet: objektet som åpnes med '\(opener)' på linje \(line), kolonne \(column), "
                        + "blir aldri lukket")
            }
        }
    }
}
