import LedgerLintText

/// What `--key` asked for: the keys, which findings they select, and where each key was found in the data.
///
/// A support person asks about one customer; "No findings" is only the right answer when that customer exists and
/// will be exported. So a filtered report says, for every requested key, whether it is in the Assist export (and
/// whether it is exported at all), in PowerOffice, or in neither, and that the report is filtered.
///
/// Product codes and group numbers are matched both ways: `4`, `A-4` and `a-4` all ask for Assist product group 4
/// and PowerOffice product `A-4`. Names are matched without regard to case. Documented in docs/output-formats.md.
public struct KeyFilter: Sendable, Hashable {
    /// The keys as the user gave them, in order, without repeats.
    public let keys: [String]
    /// Lower-cased forms a finding's key may have to be selected: each key, and its `A-<n>` form.
    private let forms: Set<String>

    public init(keys: [String]) {
        var seen: Set<String> = []
        self.keys = keys.filter { seen.insert($0).inserted }
        forms = Set(self.keys.flatMap { KeyQuery($0).findingKeys })
    }

    /// Whether `--key` selects this finding.
    public func selects(_ finding: Finding) -> Bool { forms.contains(finding.key.lowercased()) }

    /// The sentence every filtered report starts with: `Filtered by --key: only findings about 10008, 99999 are
    /// shown and counted.`
    public static func sentence(keys: [String], language: Language) -> String {
        let quoted = LocalizedText(
            en: keys.map { "'\($0)'" }.joined(separator: ", "), nb: keys.map { "«\($0)»" }.joined(separator: ", "))
        return LocalizedText(
            en: "Filtered by --key: only findings about \(quoted.en) are shown and counted.",
            nb: "Filtrert med --key: bare funn om \(quoted.nb) vises og telles.")[language]
    }

    /// The fields a lookup reads, to be kept when the snapshot is read with only the fields the rules need.
    public static let fieldsRead: [Subject: Set<String>] = [
        .assistCustomers: ["customerNumber", "name", "export"],
        .powerOfficeCustomers: ["Id", "Number", "Name"],
    ]

    /// The records each key names, in the order of `keys`.
    ///
    /// - Parameter snapshot: the data as read, before `Dataset` drops the customers Assist does not export.
    public func matches(in snapshot: Snapshot) -> [[KeyLookup.Match]] {
        keys.map { KeyQuery($0).matches(in: snapshot) }
    }

    /// Where each key was found, with a sentence in `language` saying so.
    ///
    /// - Parameters:
    ///   - matches: what `matches(in:)` found.
    ///   - findings: the findings the report counts, to say how many each key has.
    ///   - folder: the snapshot folder as the user named it, for file locations.
    public func lookups(
        _ matches: [[KeyLookup.Match]], findings: [Finding], folder: String, language: Language
    ) -> [KeyLookup] {
        // Each finding's key lower-cased once, however many keys were asked for.
        var counts: [String: Int] = [:]
        for finding in findings { counts[finding.key.lowercased(), default: 0] += 1 }
        return zip(keys, matches).map { key, matches in
            let count = Set(KeyQuery(key).findingKeys).reduce(0) { $0 + (counts[$1] ?? 0) }
            return KeyLookup(key: key, matches: matches, findings: count, folder: folder, language: language)
        }
    }
}

/// Where one requested key was found.
public struct KeyLookup: Sendable, Hashable, Codable {
    /// The key as the user gave it.
    public var key: String
    /// Every record the key names, Assist's first, in file order.
    public var matches: [Match]
    /// How many of the report's findings are about this key.
    public var findings: Int
    /// The sentence the reports show, in the run's language.
    public var note: String

    /// One record a key names.
    public struct Match: Sendable, Hashable, Codable {
        public var system: System
        public var entity: Entity
        /// The record's number or code, as the system shows it (`10008`, `4`, `A-4`, `3200`).
        public var number: String?
        public var name: String?
        /// Where an Assist record came from.
        public var location: SourceLocation?
        /// The PowerOffice resource (`Customers`, `Products`, …) and the record's `Id` there.
        public var resource: String?
        public var id: Int64?
        /// For an Assist customer: whether Assist exports it (`Eksporteres`); only exported customers are checked.
        public var exported: Bool?

        public init(
            system: System, entity: Entity, number: String?, name: String?, location: SourceLocation? = nil,
            resource: String? = nil, id: Int64? = nil, exported: Bool? = nil
        ) {
            self.system = system
            self.entity = entity
            self.number = number
            self.name = name
            self.location = location
            self.resource = resource
            self.id = id
            self.exported = exported
        }
    }

    public init(key: String, matches: [Match], findings: Int, folder: String, language: Language) {
        self.key = key
        self.matches = matches
        self.findings = findings
        note = Self.sentence(key: key, matches: matches, findings: findings, folder: folder, language: language)
    }

    /// The systems the key was found in: `assist` before `poweroffice`; empty when neither.
    public var foundIn: [System] {
        [System.assist, .poweroffice].filter { system in matches.contains { $0.system == system } }
    }

    /// Whether the Assist customers the key names are exported: `true` when any is, `false` when none is, `nil`
    /// when the key names no Assist customer.
    public var exported: Bool? {
        let flags = matches.compactMap(\.exported)
        return flags.isEmpty ? nil : flags.contains(true)
    }
}

// MARK: - The sentence

extension KeyLookup {
    /// `10008: in the Assist export as customer Gammel Kunde AS (examples/demo/assist/customers.csv:12), not
    /// exported (Eksporteres = Nei), so not checked; not in PowerOffice.`
    static func sentence(
        key: String, matches: [Match], findings: Int, folder: String, language: Language
    ) -> String {
        let words = Words(language: language)
        guard !matches.isEmpty else { return "\(key): \(words.nowhere)." }
        var parts: [String] = []
        let assist = matches.filter { $0.system == .assist }
        let powerOffice = matches.filter { $0.system == .poweroffice }
        if assist.isEmpty {
            parts.append(words.notInAssist)
        } else {
            parts.append(words.inAssist + " " + assist.map { words.describe($0, folder: folder) }.joined(separator: words.and))
        }
        if powerOffice.isEmpty {
            let created = assist.contains { $0.entity == .customer && $0.exported == true }
            parts.append(created ? words.notYetInPowerOffice : words.notInPowerOffice)
        } else {
            parts.append(
                words.inPowerOffice + " " + powerOffice.map { words.describe($0, folder: folder) }.joined(separator: words.and))
        }
        // A key that names only customers Assist does not export has no findings because it is not checked; saying
        // "no findings" there would mislead.
        if !matches.allSatisfy({ $0.exported == false }) {
            parts.append(words.findings(findings))
        }
        return "\(key): " + parts.joined(separator: "; ") + "."
    }

    struct Words: LocalizedWords {
        var language: Language

        var nowhere: String { pick("not found in the Assist export nor in PowerOffice", "finnes verken i Assist-eksporten eller i PowerOffice") }
        var notInAssist: String { pick("not in the Assist export", "finnes ikke i Assist-eksporten") }
        var notInPowerOffice: String { pick("not in PowerOffice", "finnes ikke i PowerOffice") }
        var inAssist: String { pick("in the Assist export as", "i Assist-eksporten som") }
        var inPowerOffice: String { pick("in PowerOffice as", "i PowerOffice som") }
        var and: String { pick(" and as ", " og som ") }
        var notYetInPowerOffice: String {
            pick("not in PowerOffice yet (the export creates it)", "finnes ikke i PowerOffice ennå (eksporten oppretter den)")
        }

        func findings(_ count: Int) -> String {
            switch count {
            case 0: pick("no findings", "ingen funn")
            case 1: pick("1 finding", "1 funn")
            default: pick("\(count) findings", "\(count) funn")
            }
        }

        /// `customer 10008 Gammel Kunde AS (…/customers.csv:12), not exported (Eksporteres = Nei), so not checked`,
        /// `product A-4 Utleie (Products, Id 4)`.
        func describe(_ match: Match, folder: String) -> String {
            let noun = TextReporter.entityName(match.entity)[language]
            var text = [noun, match.number, match.name].compactMap { $0 }.joined(separator: " ")
            if let location = match.location {
                text += " (\(TextReporter.locationText(location, in: folder)))"
            } else if let resource = match.resource {
                text += " (" + [resource, match.id.map { "Id \($0)" }].compactMap { $0 }.joined(separator: ", ") + ")"
            }
            switch match.exported {
            case false?: text += pick(", not exported (Eksporteres = Nei), so not checked", ", eksporteres ikke (Eksporteres = Nei) og kontrolleres derfor ikke")
            case true?: text += pick(", exported", ", eksporteres")
            case nil: break
            }
            return text
        }
    }
}

// MARK: - Matching

/// One requested key and the forms it can take in each system.
struct KeyQuery {
    var key: String
    /// Lower-cased: the key itself, trimmed.
    var text: String
    /// The product group number the key names: `4` for `4`, `A-4` and `a-4`.
    var group: Int?
    /// Its product code, lower-cased: `a-4`.
    var groupCode: String?

    init(_ key: String) {
        self.key = key
        text = key.trimmingCharacters(in: .whitespaces).lowercased()
        let digitsOnly = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
        group = digitsOnly ? Int(text) : AssistProductGroup.number(fromProductCode: text)
        groupCode = group.map { AssistProductGroup.productCode($0).lowercased() }
    }

    /// The finding keys (lower-cased) this key selects.
    var findingKeys: [String] {
        var forms = [text]
        if let group, let groupCode { forms += [groupCode, "\(group)"] }
        return forms
    }

    /// The records of `snapshot` that this key names.
    func matches(in snapshot: Snapshot) -> [KeyLookup.Match] {
        var found: [KeyLookup.Match] = []
        let customers = snapshot.assistCustomers
        typealias Assist = RecordTable<AssistCustomer>
        let (assistNumber, assistName) = (Assist.column(named: "customerNumber"), Assist.column(named: "name"))
        for row in 0..<customers.count {
            let number = customers.text(assistNumber, row)
            let name = customers.text(assistName, row)
            guard same(number) || same(name) else { continue }
            found.append(
                .init(
                    system: .assist, entity: .customer, number: number, name: name,
                    location: customers.location(at: row),
                    exported: customers.flag(AssistCustomer.exportColumn, row) ?? true))
        }
        if let group {
            for productGroup in snapshot.assistProductGroups ?? [] where productGroup.number == group {
                found.append(
                    .init(
                        system: .assist, entity: .productGroup, number: "\(group)", name: productGroup.name,
                        location: productGroup.location))
            }
        }
        let powerOffice = snapshot.powerOffice
        typealias Customers = RecordTable<PowerOfficeCustomer>
        let (numberColumn, nameColumn, idColumn) = (
            Customers.column(named: "Number"), Customers.column(named: "Name"), Customers.column(named: "Id"))
        for row in 0..<powerOffice.customers.count {
            let number = powerOffice.customers.integer(numberColumn, row).map(String.init)
            let name = powerOffice.customers.text(nameColumn, row)
            guard same(number) || same(name) else { continue }
            found.append(
                .init(
                    system: .poweroffice, entity: .customer, number: number, name: name, resource: "Customers",
                    id: powerOffice.customers.integer(idColumn, row)))
        }
        for product in powerOffice.products where sameCode(product.Code) {
            found.append(
                .init(
                    system: .poweroffice, entity: .product, number: product.Code, name: product.Name,
                    resource: "Products", id: product.Id))
        }
        for account in powerOffice.accounts where same(account.AccountNo.map(String.init)) {
            found.append(
                .init(
                    system: .poweroffice, entity: .account, number: account.AccountNo.map(String.init),
                    name: account.Name, resource: "GeneralLedgerAccounts", id: account.Id))
        }
        return found
    }

    private func same(_ value: String?) -> Bool {
        guard let value, !text.isEmpty else { return false }
        return value.trimmingCharacters(in: .whitespaces).lowercased() == text
    }

    /// A product code: the key itself (`A-4`, `X1`), or `A-<n>` for a group number.
    private func sameCode(_ code: String?) -> Bool {
        guard let code = code?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return code == text || code == groupCode
    }
}
