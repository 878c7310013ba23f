import LedgerLintJSON
import LedgerLintText

/// A record type that a `RecordTable` stores column by column: the customers on both sides, the records a tenant
/// has a million of.
public protocol TabularRecord: Sendable {
    /// The subject whose fields the columns are, to know which of them a run reads (`FieldSelection`).
    static var subject: Subject { get }
    /// The columns, in the order `append(to:)` fills them.
    static var layout: [TableColumn.Spec] { get }
    /// Columns stored whichever fields a run reads: the ones the model itself needs (a location, the export flag).
    static var alwaysStored: Set<String> { get }
    /// Appends this record to the table: one `append` call per column, in `layout` order, then `endRecord()`.
    func append(to table: inout RecordTable<Self>)
    /// The record in `row` of the table.
    init(row: Int, of table: RecordTable<Self>)
}

extension TabularRecord {
    /// Whether a table that keeps `selection` stores the field (or column) `name`.
    static func stores(_ name: String, keeping selection: FieldSelection) -> Bool {
        alwaysStored.contains(name) || selection.keeps(name, of: subject)
    }
}

/// Records stored as columns rather than as an array of structs: a collection of `Record` that holds a million
/// customers in a fraction of the memory. The values of each kind of column lie end to end in one buffer, a record
/// after another: all texts in one buffer of UTF-8 bytes with an end offset per value, whole numbers in one array,
/// flags and "absent" marks as bits, and texts from a small vocabulary as a number per value. There are no strings
/// and no objects per record, and reading a field retains nothing, so rules evaluated at once on several threads
/// do not contend.
///
/// Reading an element builds the record; the rules read single fields instead (`value(_:_:)`), which builds only
/// that field's value. A table may keep only some fields (`FieldSelection`): the others read as absent.
/// `SnapshotReader` does that for `ledgerlint check`, which reads only the fields its rules name.
public struct RecordTable<Record: TabularRecord>: Sendable {
    // The layout, resolved for this table: each column's kind, its place among the stored columns of its kind (-1
    // when not stored) and among all stored columns.
    private let kinds: [TableColumn.Kind]
    private let places: [Int]
    private let storedPlaces: [Int]
    private let sharesWith: [Int]
    /// Stored columns of each kind, and in all: the width of a record in each buffer.
    private let texts: Int
    private let vocabularies: Int
    private let integerColumns: Int
    private let flagColumns: Int
    private let stored: Int

    public private(set) var count = 0
    // Record r's value of the k-th stored column of a kind is at r * (columns of that kind) + k.
    private var bytes: [UInt8] = []
    /// Where each text value ends in `bytes` (it starts where the one before it ends).
    private var ends: [UInt32] = []
    /// Per text value: its text is the one of its `sharesWith` column.
    private var shared = BitSet()
    /// Per vocabulary value: its word's number in `words`, from 1.
    private var codes = Codes()
    private var words: [String] = []
    private var codeOfWord: [String: UInt32] = [:]
    /// Up to this many words, a word's code is found by comparing it with each (`code(of:)`).
    private static var wordsCompared: Int { 8 }
    private var integers: [Int64] = []
    private var flags = BitSet()
    /// Per stored value of any kind.
    private var absent = BitSet()
    /// The column `append` expects next, to catch a conformance that appends out of order.
    private var nextColumn = 0
    /// Whether every column is stored: only then can a whole record be read back (`subscript`), since an unkept
    /// field would read as absent and look like a real value of the record.
    public let keepsEveryField: Bool

    public init() { self.init(keeping: .all) }

    /// An empty table that stores only the fields `selection` keeps of `Record.subject`.
    public init(keeping selection: FieldSelection) {
        let layout = Record.layout
        var places: [Int] = []
        var storedPlaces: [Int] = []
        var perKind: [TableColumn.Kind: Int] = [:]
        var stored = 0
        for spec in layout {
            if Record.stores(spec.name, keeping: selection) {
                places.append(perKind[spec.kind, default: 0])
                perKind[spec.kind, default: 0] += 1
                storedPlaces.append(stored)
                stored += 1
            } else {
                places.append(-1)
                storedPlaces.append(-1)
            }
        }
        kinds = layout.map(\.kind)
        self.places = places
        self.storedPlaces = storedPlaces
        // A text shares only with a column that is stored.
        sharesWith = layout.map { spec in spec.sharesWith.map { places[$0] >= 0 ? $0 : -1 } ?? -1 }
        texts = perKind[.text, default: 0]
        vocabularies = perKind[.vocabulary, default: 0]
        integerColumns = perKind[.integer, default: 0]
        flagColumns = perKind[.flag, default: 0]
        self.stored = stored
        keepsEveryField = stored == layout.count
    }

    /// Whether the table stores the column `name` (a column of `Record.layout`).
    func storesColumn(named name: String) -> Bool {
        Record.layout.firstIndex { $0.name == name }.map { places[$0] >= 0 } ?? false
    }

    public init(_ records: some Sequence<Record>, keeping selection: FieldSelection = .all) {
        self.init(keeping: selection)
        reserveCapacity(records.underestimatedCount)
        for record in records { append(record) }
    }

    // MARK: Appending

    public mutating func append(_ record: Record) { record.append(to: &self) }

    /// Appends the value of a text or vocabulary column. With `sameAs`, the value of the column this one shares
    /// with, a value of the same bytes is stored once.
    mutating func append(_ column: Int, _ text: String?, sameAs other: String? = nil) {
        advance(to: column)
        let place = places[column]
        guard place >= 0 else { return }
        absent.append(text == nil)
        switch kinds[column] {
        case .text:
            // The same bytes, not `==`: two texts that are only canonically equivalent ("é" as one scalar or as
            // "e" and an accent) each read back as they came.
            var isShared = false
            if sharesWith[column] >= 0, let text, let other { isShared = text.hasSameUTF8(as: other) }
            shared.append(isShared)
            if var text, !isShared {
                text.withUTF8 { bytes.append(contentsOf: $0) }
                // Offsets are 32-bit: 4 GB of text is beyond any tenant (a million customers have about 100 MB),
                // and 64-bit offsets would cost 4 MB more per column and million records.
                precondition(bytes.count <= UInt32.max, "more than 4 GB of text in a table")
            }
            ends.append(UInt32(bytes.count))
        case .vocabulary:
            codes.append(text.map { code(of: $0) } ?? 0)
        case .integer, .flag:
            preconditionFailure("\(Record.layout[column].name) is not a text column")
        }
    }

    /// Appends a text or vocabulary column's value from a cell: from its bytes where they lie, as
    /// `append(_:_:sameAs:)` would append the string they decode to, or from a string. With `sameAs`, the cell of
    /// the column this one shares with.
    mutating func append(_ column: Int, _ cell: TextCell, sameAs other: TextCell? = nil) {
        switch (cell, kinds[column]) {
        case (.utf8(let text), .vocabulary):
            advance(to: column)
            guard places[column] >= 0 else { return }
            absent.append(false)
            codes.append(code(ofUTF8: text))
        case (.utf8(let text), .text):
            let isShared = sharesWith[column] >= 0 && other.map { Self.sameBytes(text, $0) } == true
            appendText(column, shared: isShared) { $0.append(contentsOf: text) }
        case (.windows1252(let text), .text) where sharesWith[column] < 0:
            appendText(column, shared: false) { bytes in
                let start = bytes.count
                bytes.append(contentsOf: repeatElement(0, count: text.count * 3))
                let written = bytes.withUnsafeMutableBufferPointer { all in
                    TextDecoding.windows1252(text, into: UnsafeMutableBufferPointer(rebasing: all[start...]))
                }
                bytes.removeLast(text.count * 3 - written)
            }
        case (.string(let text), _):
            append(column, text, sameAs: other?.string)
        case (.utf8, _), (.windows1252, _):
            // Windows-1252 for a vocabulary or a shared column, or a column of another kind (whose `append` says so).
            append(column, cell.string, sameAs: other?.string)
        }
    }

    /// Appends a present text of text column `column` (unless the table does not store the column): the one it
    /// shares with when `isShared`, else the bytes `write` appends.
    @inline(__always)
    private mutating func appendText(_ column: Int, shared isShared: Bool, _ write: (inout [UInt8]) -> Void) {
        advance(to: column)
        guard places[column] >= 0 else { return }
        absent.append(false)
        shared.append(isShared)
        if !isShared { write(&bytes) }
        precondition(bytes.count <= UInt32.max, "more than 4 GB of text in a table")
        ends.append(UInt32(bytes.count))
    }

    /// Whether a cell holds these UTF-8 bytes.
    private static func sameBytes(_ text: UnsafeBufferPointer<UInt8>, _ cell: TextCell) -> Bool {
        switch cell {
        case .utf8(let other): text.hasSameBytes(as: other)
        case .string(let other?): other.hasUTF8(text)
        case .string(nil): false
        case .windows1252: cell.string?.hasUTF8(text) ?? false
        }
    }

    mutating func append(_ column: Int, _ number: Int64?) {
        advance(to: column)
        guard places[column] >= 0 else { return }
        precondition(kinds[column] == .integer, "\(Record.layout[column].name) is not a whole-number column")
        absent.append(number == nil)
        integers.append(number ?? 0)
    }

    mutating func append(_ column: Int, _ flag: Bool?) {
        advance(to: column)
        guard places[column] >= 0 else { return }
        precondition(kinds[column] == .flag, "\(Record.layout[column].name) is not a flag column")
        absent.append(flag == nil)
        flags.append(flag ?? false)
    }

    /// Ends the record whose columns were appended.
    mutating func endRecord() {
        precondition(nextColumn == kinds.count, "\(Record.self) appended \(nextColumn) of \(kinds.count) columns")
        nextColumn = 0
        count += 1
    }

    private mutating func advance(to column: Int) {
        precondition(column == nextColumn, "\(Record.self) appended column \(column) where \(nextColumn) was due")
        nextColumn += 1
    }

    private mutating func code(of word: String) -> UInt32 {
        // Most vocabularies are a handful of words (send methods, delivery types): comparing with each is cheaper
        // than hashing, and finds the same word, as `==` is the dictionary's equality.
        if words.count <= Self.wordsCompared {
            for index in words.indices where words[index] == word { return UInt32(index + 1) }
        } else if let code = codeOfWord[word] {
            return code
        }
        words.append(word)
        let code = UInt32(words.count)
        codeOfWord[word] = code
        return code
    }

    /// The code of the word these UTF-8 bytes are: found by its bytes among a few words, and otherwise as
    /// `code(of:)` finds it.
    private mutating func code(ofUTF8 text: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if words.count <= Self.wordsCompared {
            // Words of the same bytes are equal (`==`); a word `==` to this one by other bytes is left to
            // `code(of:)`, which finds it as a string would.
            for index in words.indices where words[index].hasUTF8(text) { return UInt32(index + 1) }
        }
        return code(of: String(decoding: text, as: UTF8.self))
    }

    public mutating func reserveCapacity(_ total: Int) {
        ends.reserveCapacity(total * texts)
        shared.reserveCapacity(total * texts)
        // Text bytes estimated from the records so far.
        if count > 0 { bytes.reserveCapacity(Int(Double(bytes.count) / Double(count) * Double(total) * 1.02)) }
        codes.reserveCapacity(total * vocabularies)
        integers.reserveCapacity(total * integerColumns)
        flags.reserveCapacity(total * flagColumns)
        absent.reserveCapacity(total * stored)
    }

    /// Appends every record of `other`, a table of the same fields.
    public mutating func append(contentsOf other: RecordTable) {
        precondition(places == other.places, "tables of different fields")
        let base = UInt32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        precondition(bytes.count <= UInt32.max, "more than 4 GB of text in a table")
        ends.append(contentsOf: other.ends.lazy.map { $0 + base })
        shared.append(contentsOf: other.shared)
        let mapped = other.words.map { code(of: $0) }
        codes.append(contentsOf: other.codes, mapped: mapped)
        integers.append(contentsOf: other.integers)
        flags.append(contentsOf: other.flags)
        absent.append(contentsOf: other.absent)
        count += other.count
    }

    /// Removes the records `shouldBeRemoved` picks, in place: no second copy of the table is made.
    public mutating func removeAll(where shouldBeRemoved: (Record) throws -> Bool) rethrows {
        var keep = BitSet()
        keep.reserveCapacity(count)
        for row in 0..<count { keep.append(!(try shouldBeRemoved(self[row]))) }
        keepRows(keep)
    }

    /// Keeps the records whose bit in `keep` is set, in order, in place.
    mutating func keepRows(_ keep: BitSet) {
        precondition(keep.count == count, "a bit per record")
        let kept = keep.trueCount
        guard kept < count else { return }
        // A record's texts lie together in `bytes`, records one after another: each run of kept records' texts is
        // moved down over the removed ones in one piece, and their ends by as much.
        var written = 0
        var ends = self.ends
        self.ends = []
        let texts = self.texts
        if texts > 0 {
            bytes.withUnsafeMutableBytes { buffer in
                ends.withUnsafeMutableBufferPointer { ends in
                    var keptTexts = 0
                    keep.forEachRun { rows in
                        let (first, last) = (rows.lowerBound * texts, rows.upperBound * texts)
                        let start = first == 0 ? 0 : Int(ends[first - 1])
                        let end = Int(ends[last - 1])
                        if written != start, end > start {
                            // Overlapping moves are allowed (memmove).
                            buffer.baseAddress!.advanced(by: written).copyMemory(
                                from: buffer.baseAddress!.advanced(by: start), byteCount: end - start)
                        }
                        // Moved down by `start - written`, never below zero: `written` is at most `start`.
                        let down = UInt32(start - written)
                        for text in first..<last { ends[keptTexts + text - first] = ends[text] - down }
                        written += end - start
                        keptTexts += last - first
                    }
                }
            }
        }
        bytes.removeLast(bytes.count - written)
        ends.removeLast(ends.count - kept * texts)
        self.ends = ends
        shared.keep(groupsOf: texts, where: keep)
        codes.keep(groupsOf: vocabularies, where: keep)
        integers.keep(groupsOf: integerColumns, where: keep)
        flags.keep(groupsOf: flagColumns, where: keep)
        absent.keep(groupsOf: stored, where: keep)
        self.count = kept
    }

    // MARK: Reading fields

    /// The value of one field of one record, as the rules see it.
    @inline(__always)
    func value(_ column: Int, _ row: Int) -> FieldValue {
        switch kinds[column] {
        case .text, .vocabulary: FieldValue(text(column, row))
        case .integer: FieldValue(integer(column, row))
        case .flag: FieldValue(flag(column, row))
        }
    }

    @inline(__always)
    func text(_ column: Int, _ row: Int) -> String? {
        switch textPlace(column, row) {
        case .bytes(let range)?:
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        case .word(let word)?: return words[word]
        case nil: return nil
        }
    }

    /// The UTF-8 bytes of a text or vocabulary value where the table keeps them, as `text(_:_:)` would decode them,
    /// without building a `String`; `body` gets `nil` for an absent value.
    @inline(__always)
    func withUTF8<Result>(_ column: Int, _ row: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        precondition(
            kinds[column] == .text || kinds[column] == .vocabulary, "\(Record.layout[column].name) is not a text column")
        switch textPlace(column, row) {
        case .bytes(let range)?: return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        case .word(let word)?:
            var word = words[word]
            return word.withUTF8 { body($0) }
        case nil: return body(nil)
        }
    }

    /// Where a text or vocabulary value is kept: its bytes' range in `bytes`, or its word's number in `words`;
    /// `nil` when it is absent, not stored, or the column holds no text.
    private enum TextPlace {
        case bytes(Range<Int>)
        case word(Int)
    }

    /// Where the value in `column` of `row` is kept, following a value shared with another column. A loop, not a
    /// call of itself: a function that calls itself is not inlined, and the outlined one was handed a copy of the
    /// whole table (a 200-byte `memcpy`) at every read.
    @inline(__always)
    private func textPlace(_ column: Int, _ row: Int) -> TextPlace? {
        var column = column
        while true {
            let place = places[column]
            guard place >= 0, !absent[row * stored + storedPlaces[column]] else { return nil }
            switch kinds[column] {
            case .text:
                let index = row * texts + place
                if shared[index] {
                    column = sharesWith[column]
                    continue
                }
                return .bytes((index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index]))
            case .vocabulary:
                return .word(codes[row * vocabularies + place] - 1)
            case .integer, .flag:
                return nil
            }
        }
    }

    @inline(__always)
    func integer(_ column: Int, _ row: Int) -> Int64? {
        let place = places[column]
        guard place >= 0, kinds[column] == .integer, !absent[row * stored + storedPlaces[column]] else { return nil }
        return integers[row * integerColumns + place]
    }

    @inline(__always)
    func flag(_ column: Int, _ row: Int) -> Bool? {
        let place = places[column]
        guard place >= 0, kinds[column] == .flag, !absent[row * stored + storedPlaces[column]] else { return nil }
        return flags[row * flagColumns + place]
    }

    /// The column of a field, by name.
    static func column(named name: String) -> Int {
        guard let column = Record.layout.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("\(Record.self) has no column \(name)")
        }
        return column
    }

    /// Records the table has room for without growing (for tests of sizing).
    var capacity: Int {
        let widths = [(ends.capacity, texts), (codes.capacity, vocabularies), (integers.capacity, integerColumns)]
        return widths.filter { $0.1 > 0 }.map { $0.0 / $0.1 }.min() ?? .max
    }

    /// Bytes of text the table holds (for tests of sharing).
    var textByteCount: Int { bytes.count }
}

/// Numbers of vocabulary words, one per value (0 for none): a byte each while the vocabulary has fewer than 256
/// words, four bytes each from then on.
struct Codes: Sendable {
    private var narrow: [UInt8] = []
    private var wide: [UInt32] = []
    private var isWide = false

    var capacity: Int { isWide ? wide.capacity : narrow.capacity }

    @inline(__always)
    subscript(index: Int) -> Int { isWide ? Int(wide[index]) : Int(narrow[index]) }

    mutating func append(_ code: UInt32) {
        if !isWide && code > UInt8.max { widen() }
        if isWide { wide.append(code) } else { narrow.append(UInt8(code)) }
    }

    /// Appends `other`'s codes, each turned into this vocabulary's by `mapped` (word number - 1 → code).
    mutating func append(contentsOf other: Codes, mapped: [UInt32]) {
        let count = other.isWide ? other.wide.count : other.narrow.count
        reserveCapacity(count + (isWide ? wide.count : narrow.count))
        for index in 0..<count {
            let code = other[index]
            append(code == 0 ? 0 : mapped[code - 1])
        }
    }

    mutating func reserveCapacity(_ count: Int) {
        if isWide { wide.reserveCapacity(count) } else { narrow.reserveCapacity(count) }
    }

    mutating func keep(groupsOf width: Int, where keep: BitSet) {
        if isWide { wide.keep(groupsOf: width, where: keep) } else { narrow.keep(groupsOf: width, where: keep) }
    }

    private mutating func widen() {
        wide = narrow.map(UInt32.init)
        narrow = []
        isWide = true
    }
}

extension Array {
    /// Keeps the groups of `width` elements (a record's) whose bit in `keep` is set, in order, in place.
    fileprivate mutating func keep(groupsOf width: Int, where keep: BitSet) {
        guard width > 0 else { return }
        let groups = count / width
        var kept = 0
        // Each run of kept groups moved down in one piece (the two stretches may overlap).
        withUnsafeMutableBufferPointer { elements in
            keep.forEachRun { run in
                let run = run.clamped(to: 0..<groups)
                guard !run.isEmpty else { return }
                if kept != run.lowerBound {
                    (elements.baseAddress! + kept * width).update(
                        from: elements.baseAddress! + run.lowerBound * width, count: run.count * width)
                }
                kept += run.count
            }
        }
        removeLast(count - kept * width)
    }
}

extension RecordTable: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    /// The record in `position`. Only a table that keeps every field has whole records to give: one read for a
    /// run keeps only the fields its rules read, and those are read one at a time (`value(_:_:)`).
    public subscript(position: Int) -> Record {
        precondition(position >= 0 && position < count, "index \(position) out of range 0..<\(count)")
        precondition(keepsEveryField, "a record of a \(Record.self) table that keeps only some fields: read its fields one at a time")
        return Record(row: position, of: self)
    }
}

extension RecordTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral records: Record...) { self.init(records) }
}

extension RecordTable: Equatable where Record: Equatable {
    /// Record by record, or for tables that keep only some fields, value by value: two tables built in different
    /// ways (in pieces, or keeping other fields) store the same records differently.
    public static func == (lhs: RecordTable, rhs: RecordTable) -> Bool {
        guard lhs.keepsEveryField, rhs.keepsEveryField else { return lhs.count == rhs.count && lhs.values == rhs.values }
        return lhs.elementsEqual(rhs)
    }
}

extension RecordTable: Hashable where Record: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        guard keepsEveryField else { return hasher.combine(values) }
        for record in self { hasher.combine(record) }
    }
}

extension RecordTable {
    /// Every value, column by column, as the rules see them: what a table that keeps only some fields is compared by.
    private var values: [FieldValue] {
        Record.layout.indices.flatMap { column in (0..<count).map { value(column, $0) } }
    }
}

extension RecordTable: Codable where Record: Codable {
    /// As a JSON array of records.
    public init(from decoder: any Decoder) throws {
        self.init(try [Record](from: decoder))
    }

    /// As a JSON array of records; a table that keeps only some fields has none to write, and says so.
    public func encode(to encoder: any Encoder) throws {
        guard keepsEveryField else {
            throw EncodingError.invalidValue(
                self, .init(codingPath: encoder.codingPath, debugDescription: "a \(Record.self) table that keeps only some fields has no whole records to write"))
        }
        try Array(self).encode(to: encoder)
    }
}

extension RecordTable: CustomStringConvertible {
    /// The records, or for a table that keeps only some fields, each record's kept values by field name.
    public var description: String {
        guard keepsEveryField else {
            let kept = Record.layout.indices.filter { places[$0] >= 0 }
            return (0..<count).map { row in
                "[" + kept.map { "\(Record.layout[$0].name): \(value($0, row))" }.joined(separator: ", ") + "]"
            }.description
        }
        return Array(self).description
    }
}

/// The fields of each subject a run reads. Records are read keeping only those (`RecordTable`): a million
/// customers' e-mail addresses that no rule looks at are not kept.
public struct FieldSelection: Sendable, Hashable {
    /// `nil`: every field of every subject.
    private let fields: [Subject: Set<String>]?

    /// Every field.
    public static let all = FieldSelection(fields: nil)

    public init(_ fields: [Subject: Set<String>]) { self.fields = fields }

    private init(fields: [Subject: Set<String>]?) { self.fields = fields }

    /// This selection and `more` besides (`.all` stays `.all`).
    public func adding(_ more: [Subject: Set<String>]) -> FieldSelection {
        guard let fields else { return self }
        return FieldSelection(fields: fields.merging(more) { $0.union($1) })
    }

    public func keeps(_ field: String, of subject: Subject) -> Bool {
        fields.map { $0[subject]?.contains(field) ?? false } ?? true
    }
}
