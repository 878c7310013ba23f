import Foundation
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText

/// `RecordTable`: records stored as columns come back as they went in, whatever is done to the table, and a table
/// that keeps only the fields the rules read gives the same findings as one that keeps all.
struct RecordTableTests {
    static let assist: [AssistCustomer] = [
        AssistCustomer(
            customerNumber: "10001", name: "Blåbær AS", organizationNumber: "923 609 016", email: "post@blabaer.no",
            sendMethod: .ehf, export: true, location: SourceLocation(file: "assist/customers.csv", line: 2)),
        AssistCustomer(customerNumber: nil, name: nil, sendMethod: .email, export: false, location: nil),
        AssistCustomer(
            customerNumber: "", name: "", organizationNumber: "", email: "",
            location: SourceLocation(file: "assist/other.json", record: 7)),
        AssistCustomer(
            customerNumber: "x 1", name: "Ærlig Ørret 🐟 AS", email: "a@b.no;c@d.no", sendMethod: .print, export: true,
            location: SourceLocation(file: "assist/customers.csv", line: 4_000_000)),
        AssistCustomer(customerNumber: "10002", name: "Blåbær AS", sendMethod: .eFaktura, export: false),
    ]

    static let powerOffice: [PowerOfficeCustomer] = [
        PowerOfficeCustomer(
            Id: 1, Number: 10001, Name: "Blåbær AS", LegalName: "Blåbær AS", IsPerson: false,
            OrganizationNumber: "923609016", EmailAddress: "post@blabaer.no", InvoiceEmailAddress: "post@blabaer.no",
            InvoiceDeliveryType: "EHF", IsActive: true, IsArchived: false),
        PowerOfficeCustomer(),
        PowerOfficeCustomer(
            Id: .min, Number: .max, Name: "", LegalName: "BLÅBÆR AS", IsPerson: true, EmailAddress: "",
            InvoiceEmailAddress: "faktura@blabaer.no", InvoiceDeliveryType: "PdfByEmail", IsActive: false,
            IsArchived: true),
        PowerOfficeCustomer(Id: 3, Name: nil, LegalName: "Bare juridisk", InvoiceDeliveryType: "EHF"),
    ]

    @Test func recordsComeBackAsTheyWentIn() {
        #expect(Array(RecordTable(Self.assist)) == Self.assist)
        #expect(Array(RecordTable(Self.powerOffice)) == Self.powerOffice)
        #expect(RecordTable(Self.assist).count == Self.assist.count)
        #expect(RecordTable<AssistCustomer>().isEmpty)
    }

    @Test func aValueTheSameAsItsNeighbourIsStoredOnce() {
        let name = "Et navn som er langt nok"
        let same = RecordTable([PowerOfficeCustomer(Name: name, LegalName: name)])
        let different = RecordTable([PowerOfficeCustomer(Name: name, LegalName: name.uppercased())])
        #expect(same.textByteCount == name.utf8.count)
        #expect(different.textByteCount == 2 * name.utf8.count)
        #expect(same.first?.LegalName == name)
        #expect(different.first?.LegalName == name.uppercased())
    }

    @Test("a value only canonically equivalent to its neighbour keeps its own bytes, appended or scanned")
    func aValueOnlyCanonicallyEquivalentToItsNeighbourKeepsItsOwnBytes() throws {
        // "é" as one scalar, and as "e" and a combining accent: equal as strings, not as bytes.
        let (composed, decomposed) = ("Caf\u{E9} AS", "Cafe\u{301} AS")
        #expect(composed == decomposed)
        let appended = RecordTable([PowerOfficeCustomer(Name: composed, LegalName: decomposed)])
        #expect(appended.first.map { Array($0.LegalName!.utf8) } == Array(decomposed.utf8))
        #expect(appended.textByteCount == composed.utf8.count + decomposed.utf8.count)
        let json = Data(#"[{"Name": "\#(composed)", "LegalName": "\#(decomposed)", "EmailAddress": "a@b.no", "InvoiceEmailAddress": "a@b.no"}]"#.utf8)
        let scanned = try json.withUnsafeBytes { try PowerOfficeSnapshotReader.scan(PowerOfficeCustomer.self, bytes: $0, file: "C.json") }
        #expect(scanned.first.map { Array($0.LegalName!.utf8) } == Array(decomposed.utf8))
        #expect(scanned.first.map { Array($0.Name!.utf8) } == Array(composed.utf8))
        #expect(scanned.textByteCount == composed.utf8.count + decomposed.utf8.count + "a@b.no".utf8.count, "the e-mail once")
    }

    @Test func tablesJoinedEndToEndAreOneTable() {
        var joined = RecordTable(Self.powerOffice.prefix(2))
        joined.append(contentsOf: RecordTable(Self.powerOffice.dropFirst(2)))
        #expect(Array(joined) == Self.powerOffice)
        var assist = RecordTable(Self.assist.suffix(2))
        assist.append(contentsOf: RecordTable(Self.assist.prefix(3)))
        #expect(Array(assist) == Array(Self.assist.suffix(2) + Self.assist.prefix(3)))
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5])
    func removingRecordsKeepsTheRestInOrder(seed: Int) {
        // Every subset of the records, by the bits of a number, chosen from the seed.
        for mask in stride(from: seed, to: 1 << Self.assist.count, by: 6) {
            let removed = { (index: Int) in mask & (1 << index) != 0 }
            var table = RecordTable(Self.assist)
            var position = 0
            table.removeAll { _ in
                defer { position += 1 }
                return removed(position)
            }
            let expected = Self.assist.enumerated().filter { !removed($0.offset) }.map(\.element)
            #expect(Array(table) == expected, "mask \(mask)")
            var powerOffice = RecordTable(Self.powerOffice)
            position = 0
            powerOffice.removeAll { _ in
                defer { position += 1 }
                return removed(position)
            }
            #expect(Array(powerOffice) == Self.powerOffice.enumerated().filter { !removed($0.offset) }.map(\.element))
        }
    }

    @Test func keepingRowsKeepsRunsOfRecordsOfEveryLength() {
        // Texts of many lengths; runs of kept and removed records of many lengths, at both ends too.
        let customers = (0..<600).map { row in
            // A code, a flag and a whole number that differ from row to row too (send method, export, line).
            AssistCustomer(
                customerNumber: String(10_000 + row), name: String(repeating: "n", count: row % 13),
                organizationNumber: row % 5 == 0 ? nil : String(row), email: "e\(row)@x.no",
                sendMethod: SendMethod.allCases[row % SendMethod.allCases.count], export: row % 3 != 0,
                location: SourceLocation(file: "customers.csv", line: row + 2))
        }
        for pattern in 0..<5 {
            let keep = customers.indices.map { row in
                switch pattern {
                case 0: (row / 7) % 3 != 0 || row % 11 == 0
                case 1: row >= 3 && row < 597
                case 2: row % 2 == 0
                case 3: row < 5 || row > 590 || (row > 100 && row < 103)
                // Nearly all, as where a few customers are not exported: whole words of kept rows between them.
                default: ![70, 71, 200, 599].contains(row)
                }
            }
            var table = RecordTable(customers)
            table.keepRows(BitSet(count: customers.count) { keep[$0] })
            #expect(Array(table) == customers.indices.filter { keep[$0] }.map { customers[$0] }, "pattern \(pattern)")
        }
    }

    @Test func aVocabularyOfMoreThan256WordsWidensItsCodes() {
        let many = (0..<300).map { PowerOfficeCustomer(Id: Int64($0), InvoiceDeliveryType: $0 % 7 == 0 ? nil : "Type \($0)") }
        #expect(Array(RecordTable(many)) == many)
        // Joined: a narrow table after a wide one, and a wide one after a narrow one.
        var narrowFirst = RecordTable(many.prefix(10))
        narrowFirst.append(contentsOf: RecordTable(many.dropFirst(10)))
        #expect(Array(narrowFirst) == many)
        var wideFirst = RecordTable(many.dropFirst(10))
        wideFirst.append(contentsOf: RecordTable(many.prefix(10)))
        #expect(Array(wideFirst) == Array(many.dropFirst(10) + many.prefix(10)))
        var position = 0
        wideFirst.removeAll { _ in
            defer { position += 1 }
            return position % 3 == 0
        }
        let kept = (many.dropFirst(10) + many.prefix(10)).enumerated().filter { $0.offset % 3 != 0 }.map(\.element)
        #expect(Array(wideFirst) == kept)
    }

    @Test func aTableKeepsOnlyTheFieldsSelectedAndWhatTheModelNeeds() {
        let selection = FieldSelection([.powerOfficeCustomers: ["Number", "LegalName"], .assistCustomers: ["email"]])
        let powerOffice = RecordTable(Self.powerOffice, keeping: selection)
        func values<Record>(_ table: RecordTable<Record>, _ name: String) -> [FieldValue] {
            (0..<table.count).map { table.value(RecordTable<Record>.column(named: name), $0) }
        }
        #expect(values(powerOffice, "Number") == Self.powerOffice.map { FieldValue($0.Number) })
        #expect(values(powerOffice, "LegalName") == Self.powerOffice.map { FieldValue($0.LegalName) }, "kept even where it shares with Name")
        #expect(values(powerOffice, "Name").allSatisfy { $0 == .null } && values(powerOffice, "Id").allSatisfy { $0 == .null })
        #expect(!powerOffice.keepsEveryField, "so it gives no whole records, whose unkept fields would look absent")
        #expect(RecordTable(Self.powerOffice).keepsEveryField)
        let assist = RecordTable(Self.assist, keeping: selection)
        #expect(values(assist, "email") == Self.assist.map { FieldValue($0.email) })
        #expect(values(assist, "export") == Self.assist.map { FieldValue($0.export) }, "the export flag decides which customers are checked")
        #expect(Self.assist.indices.map { assist.location(at: $0) } == Self.assist.map(\.location), "findings name their line")
        #expect(values(assist, "name").allSatisfy { $0 == .null } && values(assist, "customerNumber").allSatisfy { $0 == .null })
        var exported = assist
        let export = RecordTable<AssistCustomer>.column(named: "export")
        exported.keepRows(BitSet(count: exported.count) { exported.flag(export, $0) ?? true })
        #expect(values(exported, "email") == Self.assist.filter(\.export).map { FieldValue($0.email) })
        #expect(Array(0..<exported.count).map { exported.location(at: $0) } == Self.assist.filter(\.export).map(\.location))
    }

    @Test func tablesThatKeepSomeFieldsCompareByTheirValuesAndAreNotWrittenAsRecords() {
        let selection = FieldSelection([.powerOfficeCustomers: ["Number"]])
        let table = RecordTable(Self.powerOffice, keeping: selection)
        #expect(table == RecordTable(Self.powerOffice, keeping: selection))
        #expect(table.hashValue == RecordTable(Self.powerOffice, keeping: selection).hashValue)
        #expect(table != RecordTable(Self.powerOffice.dropLast(), keeping: selection))
        #expect(table != RecordTable(Self.powerOffice), "a partial table is not the whole one")
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(table) }
    }

    @Test func aTableThatKeepsSomeFieldsGivesNoWholeRecords() async {
        await #expect(processExitsWith: .failure) {
            let table = RecordTable(Self.powerOffice, keeping: FieldSelection([.powerOfficeCustomers: ["Number"]]))
            _ = table[0]
        }
    }

    @Test func encodesAsAnArray() throws {
        let table = RecordTable(Self.assist)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = try encoder.encode(table)
        #expect(encoded == (try encoder.encode(Self.assist)))
        #expect(try JSONDecoder().decode(RecordTable<AssistCustomer>.self, from: encoded) == table)
    }

    // MARK: Reading only what the rules read

    @Test func theBuiltInRulesReadTheseCustomerFields() throws {
        let selection = try RuleSet.builtIn().fieldsRead
        let powerOffice = PowerOfficeCustomer.layout.map(\.name).filter { selection.keeps($0, of: .powerOfficeCustomers) }
        #expect(powerOffice == ["Number", "Name", "OrganizationNumber", "InvoiceDeliveryType"])
        let assist = AssistCustomer.ruleFields.filter { selection.keeps($0, of: .assistCustomers) }
        #expect(assist == ["customerNumber", "name", "organizationNumber", "email", "sendMethod"])
    }

    /// Every rule's examples, with the customers kept as `check` keeps them, give the findings they give with
    /// every field kept: a field a rule reads that the selection left out would change them.
    @Test func keepingOnlyTheFieldsReadChangesNoFinding() throws {
        let rules = try RuleSet.builtIn()
        let selection = rules.fieldsRead
        var compared = 0
        for rule in rules.rules {
            for example in rule.examples.pass + rule.examples.fail {
                let full = try example.data.snapshot()
                var projected = full
                projected.assistCustomers = RecordTable(full.assistCustomers, keeping: selection)
                projected.powerOffice.customers = RecordTable(full.powerOffice.customers, keeping: selection)
                for language in [Language.en, .nb] {
                    let expected = rules.evaluate(Dataset(full), language: language)
                    #expect(rules.evaluate(Dataset(projected), language: language) == expected, "\(rule.id)")
                    compared += expected.count
                }
            }
        }
        #expect(compared > 0)
    }

    @Test func theDemoGivesTheSameFindingsReadWithOnlyTheFieldsTheRulesRead() throws {
        let demo = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/demo")
        let rules = try RuleSet.builtIn()
        let full = rules.evaluate(Dataset(try SnapshotReader.read(at: demo)), language: .en)
        let projected = rules.evaluate(
            Dataset(try SnapshotReader.read(at: demo, keeping: rules.fieldsRead)), language: .en)
        #expect(!full.isEmpty)
        #expect(projected == full)
    }
}
