import Foundation

/// The lists a `FakePowerOfficeServer` serves: for each resource name (`Customers`, …), the JSON objects in order.
///
/// Objects are kept as encoded JSON, so what the fake serves is exactly `jsonArray(_:)`: tests compare what a
/// client wrote or decoded against it.
public struct FakeDataSet: Sendable, Hashable {
    /// The list endpoints the fake serves, in the order PowerOffice's documentation lists them.
    public static let resourceNames = [
        "Customers", "Products", "ProductGroups", "GeneralLedgerAccounts", "SubLedgerNumberSeries",
    ]

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case notAnArray(file: String)
        /// `folder` does not exist, or has no `poweroffice/` folder to serve.
        case notASnapshot(folder: String, reason: String)

        public var description: String {
            switch self {
            case .notAnArray(let file): return "\(file): expected a bare JSON array of objects"
            case .notASnapshot(let folder, let reason):
                return "\(folder): \(reason); --data takes a snapshot folder with poweroffice/*.json inside "
                    + "(as ledgerlint fetch writes it)"
            }
        }
    }

    /// Encoded JSON objects per resource name; a name that is missing serves 204.
    public var lists: [String: [Data]]

    public init(lists: [String: [Data]]) {
        self.lists = lists
    }

    /// Reads the bare arrays of a snapshot folder: for each resource, the file `file(name)` names inside it
    /// (the linter's `SnapshotLayout.powerOfficeFile(named:)`, `poweroffice/Customers.json` and so on), in the
    /// folder `powerOfficeFolder`. The fake takes the layout from the linter, which owns the snapshot format, but
    /// spells the API out on its own. Missing files serve as empty lists, but a folder that is missing or has no
    /// `powerOfficeFolder` is refused: serving nothing for a mistyped path would look like a client with no data.
    public init(snapshotFolder: URL, powerOfficeFolder: String, file: (String) -> String?) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: snapshotFolder.path, isDirectory: &isFolder), isFolder.boolValue
        else {
            throw LoadError.notASnapshot(folder: snapshotFolder.path, reason: "no such folder")
        }
        let powerOffice = snapshotFolder.appendingPathComponent(powerOfficeFolder)
        guard FileManager.default.fileExists(atPath: powerOffice.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw LoadError.notASnapshot(folder: snapshotFolder.path, reason: "there is no \(powerOfficeFolder)/ folder in it")
        }
        var lists: [String: [Data]] = [:]
        for name in Self.resourceNames {
            // The fake's names are the API's (`FakePowerOfficeServerTests` holds them to the client's).
            guard let relative = file(name) else { continue }
            let file = snapshotFolder.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            guard let array = (try? JSONSerialization.jsonObject(with: data)) as? [Any],
                array.allSatisfy({ $0 is [String: Any] })
            else { throw LoadError.notAnArray(file: file.path) }
            lists[name] = try array.map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
        }
        self.lists = lists
    }

    /// The whole list as one JSON array, exactly as the fake's pages add up to.
    public func jsonArray(_ name: String) -> Data {
        let items = lists[name] ?? []
        return page(name, from: 0, to: items.count)
    }

    /// Items `from..<to` of a list as a JSON array. With a `variant`, the items are rotated by it and each gets a
    /// `"ServedAt": variant` field first: the same rows, never the same bytes.
    func page(_ name: String, from: Int, to: Int, variant: Int? = nil) -> Data {
        var items = Array((lists[name] ?? [])[from..<to])
        if let variant, !items.isEmpty {
            let shift = variant % items.count
            items = Array(items[shift...] + items[..<shift]).map { Data(#"{"ServedAt":\#(variant),"#.utf8) + $0.dropFirst() }
        }
        var array = Data(capacity: items.reduce(2) { $0 + $1.count + 1 })
        array.append(UInt8(ascii: "["))
        for (offset, item) in items.enumerated() {
            if offset > 0 { array.append(UInt8(ascii: ",")) }
            array.append(item)
        }
        array.append(UInt8(ascii: "]"))
        return array
    }
}

extension FakeDataSet {
    /// A deterministic client in v2 shape: `customers` customers (numbers from 10000, a few outside the series, a
    /// few without e-mail or with a bad organisation number), the product groups 1, 2, 3 and 99 with their `A-n`
    /// products and some ordinary products, a small chart of accounts and the default number series.
    ///
    /// Objects carry more fields than LedgerLint reads, and nulls, as the real API's do.
    public static func generated(customers: Int = 2500, seed: UInt64 = 42) -> FakeDataSet {
        var random = SplitMix64(seed: seed)
        let companyWords = ["Fjord", "Bølge", "Nordlys", "Ås", "Måke", "Tind", "Elv", "Skog", "Havn", "Vidde"]
        let companySuffixes = ["AS", "ASA", "Regnskap AS", "Bygg AS", "Handel AS", "Transport AS"]
        let firstNames = ["Kari", "Ola", "Åse", "Øystein", "Ingrid", "Bjørn", "Sigrid", "Pål"]
        let lastNames = ["Nordmann", "Hansen", "Bråten", "Sæther", "Løvås", "Økland"]
        let cities = [
            ("0161", "Oslo"), ("5003", "Bergen"), ("7010", "Trondheim"), ("9008", "Tromsø"), ("4006", "Stavanger"),
        ]

        var customerObjects: [FakeJSON] = []
        for index in 0..<customers {
            let isPerson = index % 5 == 4
            let name: String
            if isPerson {
                name = firstNames[random.next(firstNames.count)] + " " + lastNames[random.next(lastNames.count)]
            } else {
                name =
                    companyWords[random.next(companyWords.count)]
                    + companyWords[random.next(companyWords.count)]
                    .lowercased() + " " + companySuffixes[random.next(companySuffixes.count)]
            }
            let number: FakeJSON = index % 211 == 210 ? nil : .int(index % 97 == 96 ? 20000 + index : 10000 + index)
            let domain = name.lowercased().filter { $0.isLetter && $0.isASCII }.prefix(20)
            let email: FakeJSON =
                index % 7 == 6 ? nil : .string("post\(index)@\(domain.isEmpty ? "eksempel" : domain).no")
            let deliveryTypes = ["PdfByEmail", "PdfByEmail", "PdfByEmail", "Print", "EHF", "Efaktura", "AvtaleGiro"]
            let (zip, city) = cities[random.next(cities.count)]
            let organizationNumber = organizationNumber(&random, valid: index % 53 != 52)
            customerObjects.append([
                "Id": .int(1_000_000 + index),
                "Number": number,
                "Name": .string(name),
                "LegalName": isPerson ? nil : .string(name),
                "FirstName": isPerson ? .string(String(name.prefix { $0 != " " })) : nil,
                "IsPerson": .bool(isPerson),
                "OrganizationNumber": isPerson ? nil : .string(organizationNumber),
                "EmailAddress": email,
                "InvoiceEmailAddress": index % 3 == 0 ? email : nil,
                "InvoiceDeliveryType": .string(deliveryTypes[random.next(deliveryTypes.count)]),
                "IsActive": .bool(index % 41 != 40),
                "IsArchived": .bool(index % 83 == 82),
                "CurrencyCode": "NOK",
                "ContactGroupIds": [],
                "MailAddress": [
                    "Id": .int(5_000_000 + index), "AddressLine1": .string("Storgata \(index % 200 + 1)"),
                    "AddressLine2": nil, "ZipCode": .string(zip), "City": .string(city), "CountryCode": "NO",
                    "LastChangedDateTimeOffset": .string("2025-02-0\(index % 9 + 1)T08:03:00.123456+00:00"),
                ],
                "CustomerCreatedDateTimeOffset": .string("2024-0\(index % 9 + 1)-15T10:00:00.000000+00:00"),
                "LastChangedDateTimeOffset": .string("2025-03-0\(index % 9 + 1)T12:46:59.123456+00:00"),
            ])
        }

        let groups: [(code: String, name: String, account: FakeJSON)] = [
            ("1", "Varer", 3000), ("2", "Tjenester", 3010), ("3", "Frakt", 3020), ("99", "Diverse", nil),
        ]
        let groupObjects: [FakeJSON] = groups.enumerated().map { offset, group in
            [
                "Id": .int(7000 + offset), "Code": .string(group.code), "Name": .string(group.name),
                "Description": nil, "IsArchived": false, "ProductType": "Product",
                "StandardSalesAccount": group.account,
                "OptionalSalesAccount": nil, "UnitPrice": 0, "UnitCost": nil,
                "CreatedDateTimeOffset": "2023-09-07T14:13:00.123456+00:00",
                "LastChangedDateTimeOffset": "2023-09-07T14:13:00.123456+00:00",
            ]
        }
        // The A-n products Assist needs; A-3's account differs from its group's, as happens in real clients.
        var productObjects: [FakeJSON] = groups.enumerated().map { offset, group in
            [
                "Id": .int(8000 + offset), "Code": .string("A-\(group.code)"),
                "Name": .string("Assist produktgruppe \(group.code): \(group.name)"), "ProductType": "Product",
                "ProductGroupId": .int(7000 + offset), "ProductGroupCode": .string(group.code), "IsArchived": false,
                "StandardSalesAccount": group.code == "3" ? 3100 : group.account, "OptionalSalesAccount": nil,
                "UnitPrice": 0, "Gtin": nil, "LastChangedDateTimeOffset": "2024-01-10T09:00:00.000000+00:00",
            ]
        }
        for index in 0..<40 {
            let group = index % 3
            productObjects.append([
                "Id": .int(8100 + index), "Code": .string("P-\(String(index + 101).dropFirst())"),
                "Name": .string("Vare nr. \(index + 1) – ærlig"),
                "ProductType": index % 4 == 3 ? "Service" : "Product", "ProductGroupId": .int(7000 + group),
                "ProductGroupCode": .string(groups[group].code), "IsArchived": .bool(index % 13 == 12),
                "StandardSalesAccount": index % 5 == 0 ? nil : groups[group].account,
                "OptionalSalesAccount": nil, "UnitPrice": .double(100.5 + Double(index)), "Gtin": nil,
                "LastChangedDateTimeOffset": "2024-01-10T09:00:00.000000+00:00",
            ])
        }

        let accounts: [(number: Int, name: String, type: String, active: Bool, vatCode: FakeJSON)] = [
            (1500, "Kundefordringer", "Asset", true, nil), (1920, "Bankinnskudd", "Asset", true, nil),
            (2000, "Aksjekapital", "Equity", true, nil), (2400, "Leverandørgjeld", "Liability", true, nil),
            (2910, "Gjeld til ansatte", "Liability", true, nil),
            (3000, "Salgsinntekt, avgiftspliktig", "Income", true, "3"),
            (3010, "Salgsinntekt tjenester", "Income", true, "3"), (3020, "Fraktinntekt", "Income", true, "3"),
            (3100, "Salgsinntekt, avgiftsfri", "Income", true, "5"),
            (3900, "Annen driftsinntekt", "Income", false, "0"),
            (4000, "Varekjøp", "Expense", true, "1"),
        ]
        let accountObjects: [FakeJSON] = accounts.enumerated().map { offset, account in
            [
                "Id": .int(476_000 + offset), "AccountNo": .int(account.number), "Name": .string(account.name),
                "GeneralLedgerAccountType": .string(account.type), "IsActive": .bool(account.active),
                "VatCode": account.vatCode, "CurrencyCode": "NOK", "IsVatCodeLocked": false,
                "LastChangedDateTimeOffset": "2021-09-30T08:03:00.123456+00:00",
            ]
        }
        let series: [(id: String, name: String, type: String, from: Int, to: Int, account: Int)] = [
            ("09ab6bcf-4219-4149-8283-6b6a7342bfd9", "Kunder", "Customer", 10000, 19999, 1500),
            ("1c0f3a52-8d7e-4c55-9a0e-2f6b1d3e4a10", "Leverandører", "Supplier", 20000, 29999, 2400),
            ("5e2d9b71-0a4c-4f3e-8b6d-7c1a2e3f4b20", "Ansatte", "Employee", 1, 999, 2910),
        ]
        let seriesObjects: [FakeJSON] = series.enumerated().map { offset, item in
            [
                "Id": .string(item.id), "Name": .string(item.name), "SubLedgerNumberSeriesType": .string(item.type),
                "FromInclusive": .int(item.from), "ToInclusive": .int(item.to),
                "GeneralLedgerAccountNo": .int(item.account), "GeneralLedgerAccountId": .int(476_000 + offset),
                "IsDefault": true, "IsClientTrust": false,
            ]
        }

        func encode(_ objects: [FakeJSON]) -> [Data] { objects.map(\.encoded) }
        return FakeDataSet(lists: [
            "Customers": encode(customerObjects), "Products": encode(productObjects),
            "ProductGroups": encode(groupObjects), "GeneralLedgerAccounts": encode(accountObjects),
            "SubLedgerNumberSeries": encode(seriesObjects),
        ])
    }

    /// A 9-digit organisation number with a correct MOD11 check digit, or with a wrong one when `valid` is false.
    private static func organizationNumber(_ random: inout SplitMix64, valid: Bool) -> String {
        let weights = [3, 2, 7, 6, 5, 4, 3, 2]
        while true {
            let digits = [9] + (0..<7).map { _ in random.next(10) }
            let remainder = zip(digits, weights).map { $0 * $1 }.reduce(0, +) % 11
            guard remainder != 1 else { continue }
            let check = remainder == 0 ? 0 : 11 - remainder
            return digits.map(String.init).joined() + String(valid ? check : (check + 1) % 10)
        }
    }
}

/// A small deterministic random number generator, so generated data is the same on every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in `0..<bound`.
    public mutating func next(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
