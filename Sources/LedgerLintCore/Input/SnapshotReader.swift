import Foundation

/// Reads a snapshot folder: the Assist export in `assist/` and the PowerOffice Go v2 responses in `poweroffice/`.
///
/// Records' locations name files relative to the snapshot folder (`assist/customers.csv`), so that findings
/// and baselines do not depend on where the snapshot lies; errors name the folder as the user gave it in front
/// (`examples/demo/assist/customers.csv`), so that the user can open the file. Layout: `docs/snapshot-format.md`.
public enum SnapshotReader {
    /// Reads both sides of the snapshot at `folder`.
    ///
    /// - Throws: `InputError.snapshotNotFound` when `folder` is not a folder with `assist/` or `poweroffice/`
    ///   inside; `InputError.fileMissing` for a missing required file; any reader's `InputError`.
    public static func read(at folder: URL) throws -> Snapshot {
        let assist = try readAssist(at: folder)
        let powerOffice = try readPowerOffice(at: folder)
        return Snapshot(
            assistCustomers: assist.customers, assistProductGroups: assist.productGroups, powerOffice: powerOffice)
    }

    /// Reads `assist/customers.csv` or `.json` (required) and `assist/product-groups.csv` or `.json` (optional;
    /// `nil` when absent).
    public static func readAssist(
        at folder: URL
    ) throws -> (customers: [AssistCustomer], productGroups: [AssistProductGroup]?) {
        let snapshot = try SnapshotFolder(folder)
        guard let customers = try snapshot.readEither(
            csv: "assist/customers.csv", json: "assist/customers.json",
            csvReader: AssistExportReader.customers(csv:file:), jsonReader: AssistExportReader.customers(json:file:))
        else {
            throw InputError.fileMissing(
                path: snapshot.displayPath("assist/customers.csv"),
                expected: "expected Assist's customer export here (or as customers.json)")
        }
        let productGroups = try snapshot.readEither(
            csv: "assist/product-groups.csv", json: "assist/product-groups.json",
            csvReader: AssistExportReader.productGroups(csv:file:),
            jsonReader: AssistExportReader.productGroups(json:file:))
        return (customers, productGroups)
    }

    /// Reads the `poweroffice/` files; `ProductGroups.json` and `SubLedgerNumberSeries.json` are optional and
    /// `nil` when absent.
    public static func readPowerOffice(at folder: URL) throws -> PowerOfficeData {
        let snapshot = try SnapshotFolder(folder)
        return PowerOfficeData(
            customers: try snapshot.readRequired(
                "poweroffice/Customers.json", PowerOfficeCustomer.self, what: "GET /Customers"),
            products: try snapshot.readRequired(
                "poweroffice/Products.json", PowerOfficeProduct.self, what: "GET /Products"),
            productGroups: try snapshot.readOptional("poweroffice/ProductGroups.json", PowerOfficeProductGroup.self),
            accounts: try snapshot.readRequired(
                "poweroffice/GeneralLedgerAccounts.json", PowerOfficeAccount.self, what: "GET /GeneralLedgerAccounts"),
            numberSeries: try snapshot.readOptional(
                "poweroffice/SubLedgerNumberSeries.json", PowerOfficeNumberSeries.self))
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
        let hasParts = ["assist", "poweroffice"].contains {
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
        let file = url.appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else { return nil }
        guard !isFolder.boolValue else {
            throw InputError.unreadable(path: displayPath(relative), reason: "it is a folder, not a file")
        }
        do {
            return try Data(contentsOf: file)
        } catch {
            throw InputError.unreadable(path: displayPath(relative), reason: error.localizedDescription)
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

    /// Reads whichever of the CSV and JSON file exists; both existing is an error.
    func readEither<Result>(
        csv: String, json: String,
        csvReader: (Data, String) throws -> Result, jsonReader: (Data, String) throws -> Result
    ) throws -> Result? {
        let hasCSV = FileManager.default.fileExists(atPath: url.appendingPathComponent(csv).path)
        let hasJSON = FileManager.default.fileExists(atPath: url.appendingPathComponent(json).path)
        if hasCSV && hasJSON {
            throw InputError.conflictingFiles(path: displayPath(csv), other: displayPath(json))
        }
        return hasCSV ? try read(csv, with: csvReader) : try read(json, with: jsonReader)
    }

    func readOptional<Record: Decodable>(_ relative: String, _ type: Record.Type) throws -> [Record]? {
        try read(relative) { try PowerOfficeSnapshotReader.records(of: type, json: $0, file: $1) }
    }

    func readRequired<Record: Decodable>(_ relative: String, _ type: Record.Type, what: String) throws -> [Record] {
        guard let records = try readOptional(relative, type) else {
            throw InputError.fileMissing(
                path: displayPath(relative),
                expected: "expected the JSON array PowerOffice Go v2 returns for \(what)")
        }
        return records
    }
}
