import Foundation
import LedgerLintText
import LedgerLintJSON

/// Reads a snapshot folder: the Assist export in `assist/` and the PowerOffice Go v2 responses in `poweroffice/`.
///
/// Records' locations name files relative to the snapshot folder (`assist/customers.csv`), so that findings
/// and baselines do not depend on where the snapshot lies; errors name the folder as the user gave it in front
/// (`examples/demo/assist/customers.csv`), so that the user can open the file. Paths: `SnapshotLayout`.
public enum SnapshotReader {
    /// Reads both sides of the snapshot at `folder`.
    ///
    /// - Throws: `InputError.snapshotNotFound` when `folder` is not a folder with `assist/` or `poweroffice/`
    ///   inside; `InputError.fileMissing` for a missing required file; any reader's `InputError`.
    ///
    /// The two sides are read at the same time, on two threads, and the Assist side's thread, which is done first,
    /// then helps read the PowerOffice customers (`ReadingJobs`). When both sides fail, the Assist side's error is
    /// the one thrown, as when they were read one after the other.
    ///
    /// - Parameter fields: the fields of the customers to keep (`RuleSet.fieldsRead`); the others are read and
    ///   checked as the file format requires, then dropped, and read as absent. By default, all.
    public static func read(at folder: URL, keeping fields: FieldSelection = .all) throws -> Snapshot {
        _ = try SnapshotFolder(folder)
        // Each side is set once, by its own iteration, and read after both have finished.
        typealias Assist = (customers: RecordTable<AssistCustomer>, productGroups: [AssistProductGroup]?)
        let assist = Locked<Result<Assist, any Error>?>(nil)
        let powerOffice = Locked<Result<PowerOfficeData, any Error>?>(nil)
        let helper = ReadingHelper()
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            if side == 0 {
                let result = Result { try readAssist(at: folder, keeping: fields) }
                assist.withLock { $0 = result }
                helper.help()
            } else {
                let result = Result { try helper.reading { try readPowerOffice(at: folder, helper: helper, keeping: fields) } }
                powerOffice.withLock { $0 = result }
            }
        }
        let (customers, productGroups) = try finished(assist)
        return Snapshot(
            assistCustomers: customers, assistProductGroups: productGroups, powerOffice: try finished(powerOffice))
    }

    /// Reads `assist/customers.csv` or `.json` (required) and `assist/product-groups.csv` or `.json` (optional;
    /// `nil` when absent).
    public static func readAssist(
        at folder: URL, keeping fields: FieldSelection = .all
    ) throws -> (customers: RecordTable<AssistCustomer>, productGroups: [AssistProductGroup]?) {
        let snapshot = try SnapshotFolder(folder)
        guard let customers = try snapshot.readEither(
            csv: SnapshotLayout.assistCustomersCSV, json: SnapshotLayout.assistCustomersJSON,
            csvReader: { file in
                try snapshot.readMapped(file) {
                    try AssistExportReader.customers(csv: $0, file: $1, mapped: $2, keeping: fields)
                }
            },
            jsonReader: { file in
                try snapshot.readMapped(file) {
                    try AssistExportReader.customers(json: $0, file: $1, mapped: $2, keeping: fields)
                }
            })
        else {
            throw InputError.fileMissing(
                path: snapshot.displayPath(SnapshotLayout.assistCustomersCSV),
                expected: LocalizedText(
                    en: "expected Assist's customer export here (or as customers.json)",
                    nb: "kundeeksporten fra Assist skal ligge her (eller som customers.json)"))
        }
        let productGroups = try snapshot.readEither(
            csv: SnapshotLayout.assistProductGroupsCSV, json: SnapshotLayout.assistProductGroupsJSON,
            csvReader: { try snapshot.read($0, with: AssistExportReader.productGroups(csv:file:)) },
            jsonReader: { try snapshot.read($0, with: AssistExportReader.productGroups(json:file:)) })
        return (customers, productGroups)
    }

    /// Reads the `poweroffice/` files; `ProductGroups.json` and `SubLedgerNumberSeries.json` are optional and
    /// `nil` when absent.
    public static func readPowerOffice(at folder: URL) throws -> PowerOfficeData {
        try readPowerOffice(at: folder, helper: nil)
    }

    /// The same, with a thread that may help read `Customers.json`, the one large file.
    static func readPowerOffice(
        at folder: URL, helper: ReadingHelper?, keeping fields: FieldSelection = .all
    ) throws -> PowerOfficeData {
        let snapshot = try SnapshotFolder(folder)
        // The other files first, so that the customers, which both threads read, come last and neither thread is
        // left alone with a file at the end; their errors still come in the order of the files, customers first.
        let products = Result {
            try snapshot.readRequired(SnapshotLayout.powerOffice(.products), PowerOfficeProduct.self, what: "GET /Products")
        }
        let productGroups = Result {
            try snapshot.readOptional(SnapshotLayout.powerOffice(.productGroups), PowerOfficeProductGroup.self)
        }
        let accounts = Result {
            try snapshot.readRequired(
                SnapshotLayout.powerOffice(.generalLedgerAccounts), PowerOfficeAccount.self, what: "GET /GeneralLedgerAccounts")
        }
        let numberSeries = Result {
            try snapshot.readOptional(SnapshotLayout.powerOffice(.subLedgerNumberSeries), PowerOfficeNumberSeries.self)
        }
        return PowerOfficeData(
            customers: try snapshot.readRequired(
                SnapshotLayout.powerOffice(.customers), PowerOfficeCustomer.self, what: "GET /Customers", helper: helper,
                keeping: fields),
            products: try products.get(), productGroups: try productGroups.get(), accounts: try accounts.get(),
            numberSeries: try numberSeries.get())
    }
}

/// A snapshot folder that exists, with the file access and path display the readers share.
private struct SnapshotFolder {
    let url: URL

    init(_ url: URL) throws {
        self.url = url
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        let exists = fileManager.fileExists(atPath: url.path, isDirectory: &isFolder)
        let hasParts = [SnapshotLayout.assistFolder, SnapshotLayout.powerOfficeFolder].contains {
            fileManager.fileExists(atPath: url.appendingPathComponent($0).path)
        }
        guard exists, isFolder.boolValue, hasParts else { throw InputError.snapshotNotFound(path: url.relativePath) }
    }

    /// `relative` with the folder in front, as the user gave the folder.
    func displayPath(_ relative: String) -> String {
        url.appendingPathComponent(relative).relativePath
    }

    /// The file's bytes, or `nil` when there is no such file.
    func data(_ relative: String) throws -> Data? {
        do {
            return try InputFile.read(url.appendingPathComponent(relative).path)
        } catch where error.isMissing {
            return nil
        } catch {
            throw InputError.unreadable(path: displayPath(relative), reason: error.reason)
        }
    }

    /// Runs a reader on `relative`, putting the folder in front of the path in its errors.
    func read<Result>(_ relative: String, with reader: (Data, String) throws -> Result) throws -> Result? {
        guard let bytes = try data(relative) else { return nil }
        do {
            return try reader(bytes, relative)
        } catch let error as InputError {
            throw error.mappingPaths { url.appendingPathComponent($0).relativePath }
        }
    }

    /// Reads whichever of the CSV and JSON file exists (each reader gets its file's relative path); both existing
    /// is an error.
    func readEither<Result>(
        csv: String, json: String,
        csvReader: (String) throws -> Result?, jsonReader: (String) throws -> Result?
    ) throws -> Result? {
        let hasCSV = FileManager.default.fileExists(atPath: url.appendingPathComponent(csv).path)
        let hasJSON = FileManager.default.fileExists(atPath: url.appendingPathComponent(json).path)
        if hasCSV && hasJSON {
            throw InputError.conflictingFiles(path: displayPath(csv), other: displayPath(json))
        }
        return hasCSV ? try csvReader(csv) : try jsonReader(json)
    }

    /// Runs a reader on the bytes of `relative`, mapped rather than read when the system allows it (see
    /// `MappedFile`), putting the folder in front of the path in its errors.
    func readMapped<Result>(
        _ relative: String, with reader: (UnsafeRawBufferPointer, String, MappedFile?) throws -> Result
    ) throws -> Result? {
        guard let mapped = MappedFile(path: url.appendingPathComponent(relative).path) else {
            // Missing, not a regular file, or not mappable: the ordinary way, with its ordinary errors.
            return try read(relative) { data, name in try data.withUnsafeBytes { try reader($0, name, nil) } }
        }
        do {
            return try reader(mapped.bytes, relative, mapped)
        } catch let error as InputError {
            throw error.mappingPaths { url.appendingPathComponent($0).relativePath }
        }
    }

    func readOptional<Record: PowerOfficeRecord>(
        _ relative: String, _ type: Record.Type, helper: ReadingHelper? = nil, keeping fields: FieldSelection = .all
    ) throws -> Record.Store? {
        try readMapped(relative) {
            try PowerOfficeSnapshotReader.scan(
                type, bytes: $0, file: $1, mapped: $2, helper: helper, keeping: fields)
        }
    }

    func readRequired<Record: PowerOfficeRecord>(
        _ relative: String, _ type: Record.Type, what: String, helper: ReadingHelper? = nil,
        keeping fields: FieldSelection = .all
    ) throws -> Record.Store {
        guard let records = try readOptional(relative, type, helper: helper, keeping: fields) else {
            throw InputError.fileMissing(
                path: displayPath(relative),
                expected: LocalizedText(
                    en: "expected the JSON array PowerOffice Go v2 returns for \(what)",
                    nb: "her skal JSON-listen ligge som PowerOffice Go v2 returnerer for \(what)"))
        }
        return records
    }
}

/// What one side of `read(at:keeping:)` gave, once both have finished.
private func finished<Value>(_ side: Locked<Result<Value, any Error>?>) throws -> Value {
    // `concurrentPerform` returns only after both iterations ran, and each sets its side.
    guard let result = side.withLock({ $0 }) else { preconditionFailure("a side of the snapshot was never read") }
    return try result.get()
}
