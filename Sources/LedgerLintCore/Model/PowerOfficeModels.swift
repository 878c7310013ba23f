// PowerOffice Go v2 DTOs, with the fields LedgerLint reads. Field names are the API's (PascalCase); nearly every
// property may be null, and unknown properties are ignored. Full definitions: shared/domain/poweroffice-v2-openapi.
// Each type's `fields` describes it once for the JSON scanner, the rules and (customers) the table
// (`RecordField`); `RecordFieldTests` checks that they name the properties, in declaration order.

/// `GET /Customers` → CustomerDto.
public struct PowerOfficeCustomer: DescribedRecord, Hashable, Codable {
    public var Id: Int64?
    public var Number: Int64?
    public var Name: String?
    public var LegalName: String?
    public var IsPerson: Bool?
    public var OrganizationNumber: String?
    public var EmailAddress: String?
    public var InvoiceEmailAddress: String?
    /// `PdfByEmail`, `Print`, `EHF`, `AvtaleGiro`, `External`, `Efaktura`, `Factoring`.
    public var InvoiceDeliveryType: String?
    public var IsActive: Bool?
    public var IsArchived: Bool?

    public static let fields: [RecordField<Self>] = [
        .integer("Id", \.Id), .integer("Number", \.Number), .text("Name", \.Name),
        // The legal name is often the name, and the invoice address the address: then each is made and kept once.
        .text("LegalName", \.LegalName, sharesWith: "Name"), .flag("IsPerson", \.IsPerson),
        .text("OrganizationNumber", \.OrganizationNumber), .text("EmailAddress", \.EmailAddress),
        .text("InvoiceEmailAddress", \.InvoiceEmailAddress, sharesWith: "EmailAddress"),
        .text("InvoiceDeliveryType", \.InvoiceDeliveryType, vocabulary: true), .flag("IsActive", \.IsActive),
        .flag("IsArchived", \.IsArchived),
    ]

    /// A record with every field absent.
    public init() {}

    public init(
        Id: Int64? = nil, Number: Int64? = nil, Name: String? = nil, LegalName: String? = nil, IsPerson: Bool? = nil,
        OrganizationNumber: String? = nil, EmailAddress: String? = nil, InvoiceEmailAddress: String? = nil,
        InvoiceDeliveryType: String? = nil, IsActive: Bool? = nil, IsArchived: Bool? = nil
    ) {
        self.Id = Id
        self.Number = Number
        self.Name = Name
        self.LegalName = LegalName
        self.IsPerson = IsPerson
        self.OrganizationNumber = OrganizationNumber
        self.EmailAddress = EmailAddress
        self.InvoiceEmailAddress = InvoiceEmailAddress
        self.InvoiceDeliveryType = InvoiceDeliveryType
        self.IsActive = IsActive
        self.IsArchived = IsArchived
    }
}

/// `GET /Products` → ProductDto.
public struct PowerOfficeProduct: DescribedRecord, Hashable, Codable {
    public var Id: Int64?
    public var Code: String?
    public var Name: String?
    public var ProductType: String?
    public var ProductGroupId: Int64?
    public var ProductGroupCode: String?
    public var IsArchived: Bool?
    /// Account number; `nil` means the product group's is used.
    public var StandardSalesAccount: Int64?

    public static let fields: [RecordField<Self>] = [
        .integer("Id", \.Id), .text("Code", \.Code), .text("Name", \.Name), .text("ProductType", \.ProductType),
        .integer("ProductGroupId", \.ProductGroupId), .text("ProductGroupCode", \.ProductGroupCode),
        .flag("IsArchived", \.IsArchived), .integer("StandardSalesAccount", \.StandardSalesAccount),
    ]

    /// A record with every field absent.
    public init() {}

    public init(
        Id: Int64? = nil, Code: String? = nil, Name: String? = nil, ProductType: String? = nil,
        ProductGroupId: Int64? = nil, ProductGroupCode: String? = nil, IsArchived: Bool? = nil,
        StandardSalesAccount: Int64? = nil
    ) {
        self.Id = Id
        self.Code = Code
        self.Name = Name
        self.ProductType = ProductType
        self.ProductGroupId = ProductGroupId
        self.ProductGroupCode = ProductGroupCode
        self.IsArchived = IsArchived
        self.StandardSalesAccount = StandardSalesAccount
    }
}

/// `GET /ProductGroups` → ProductGroupDto.
public struct PowerOfficeProductGroup: DescribedRecord, Hashable, Codable {
    public var Id: Int64?
    public var Code: String?
    public var Name: String?
    public var IsArchived: Bool?
    public var StandardSalesAccount: Int64?

    public static let fields: [RecordField<Self>] = [
        .integer("Id", \.Id), .text("Code", \.Code), .text("Name", \.Name), .flag("IsArchived", \.IsArchived),
        .integer("StandardSalesAccount", \.StandardSalesAccount),
    ]

    /// A record with every field absent.
    public init() {}

    public init(
        Id: Int64? = nil, Code: String? = nil, Name: String? = nil, IsArchived: Bool? = nil,
        StandardSalesAccount: Int64? = nil
    ) {
        self.Id = Id
        self.Code = Code
        self.Name = Name
        self.IsArchived = IsArchived
        self.StandardSalesAccount = StandardSalesAccount
    }
}

/// `GET /GeneralLedgerAccounts` → GeneralLedgerAccountDto.
public struct PowerOfficeAccount: DescribedRecord, Hashable, Codable {
    public var Id: Int64?
    public var AccountNo: Int64?
    public var Name: String?
    public var IsActive: Bool?
    /// `Asset`, `Liability`, `Equity`, `Income`, `Expense`.
    public var GeneralLedgerAccountType: String?

    public static let fields: [RecordField<Self>] = [
        .integer("Id", \.Id), .integer("AccountNo", \.AccountNo), .text("Name", \.Name),
        .flag("IsActive", \.IsActive), .text("GeneralLedgerAccountType", \.GeneralLedgerAccountType),
    ]

    /// A record with every field absent.
    public init() {}

    public init(
        Id: Int64? = nil, AccountNo: Int64? = nil, Name: String? = nil, IsActive: Bool? = nil,
        GeneralLedgerAccountType: String? = nil
    ) {
        self.Id = Id
        self.AccountNo = AccountNo
        self.Name = Name
        self.IsActive = IsActive
        self.GeneralLedgerAccountType = GeneralLedgerAccountType
    }
}

/// `GET /SubLedgerNumberSeries` → SubLedgerNumberSeriesDto.
public struct PowerOfficeNumberSeries: DescribedRecord, Hashable, Codable {
    public var Id: String?
    public var Name: String?
    /// `Customer`, `Supplier` or `Employee`.
    public var SubLedgerNumberSeriesType: String?
    public var FromInclusive: Int64?
    public var ToInclusive: Int64?
    public var GeneralLedgerAccountNo: Int64?
    public var IsDefault: Bool?

    public static let fields: [RecordField<Self>] = [
        .text("Id", \.Id), .text("Name", \.Name), .text("SubLedgerNumberSeriesType", \.SubLedgerNumberSeriesType),
        .integer("FromInclusive", \.FromInclusive), .integer("ToInclusive", \.ToInclusive),
        .integer("GeneralLedgerAccountNo", \.GeneralLedgerAccountNo), .flag("IsDefault", \.IsDefault),
    ]

    /// A record with every field absent.
    public init() {}

    /// The numbers of a customer series; `nil` for a series of suppliers or employees, or one without a valid range.
    public var customerRange: ClosedRange<Int64>? {
        guard SubLedgerNumberSeriesType?.lowercased() == "customer", let from = FromInclusive, let to = ToInclusive,
            from <= to
        else { return nil }
        return from...to
    }

    public init(
        Id: String? = nil, Name: String? = nil, SubLedgerNumberSeriesType: String? = nil, FromInclusive: Int64? = nil,
        ToInclusive: Int64? = nil, GeneralLedgerAccountNo: Int64? = nil, IsDefault: Bool? = nil
    ) {
        self.Id = Id
        self.Name = Name
        self.SubLedgerNumberSeriesType = SubLedgerNumberSeriesType
        self.FromInclusive = FromInclusive
        self.ToInclusive = ToInclusive
        self.GeneralLedgerAccountNo = GeneralLedgerAccountNo
        self.IsDefault = IsDefault
    }
}
