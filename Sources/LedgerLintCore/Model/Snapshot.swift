/// Everything read from both systems, as the readers delivered it: the Assist export and the PowerOffice data,
/// however each was obtained (files, or `check --live`).
///
/// Optional inputs that were not given are `nil` here; `Dataset` turns them into the defaults the rules see.
public struct Snapshot: Sendable, Hashable, Codable {
    public var assistCustomers: RecordTable<AssistCustomer>
    /// `nil` when no product-group export was given (the rules then assume groups 1, 2, 3 and 99).
    public var assistProductGroups: [AssistProductGroup]?
    public var powerOffice: PowerOfficeData

    public init(
        assistCustomers: RecordTable<AssistCustomer> = [], assistProductGroups: [AssistProductGroup]? = nil,
        powerOffice: PowerOfficeData = PowerOfficeData()
    ) {
        self.assistCustomers = assistCustomers
        self.assistProductGroups = assistProductGroups
        self.powerOffice = powerOffice
    }
}
