extension Snapshot {
    /// The snapshot as it would be once every `safe` and `review` fix is made: products created, changed and
    /// restored in PowerOffice, customers renumbered in Assist. `manual` fixes change nothing.
    public func applying(_ fixes: [Fix]) -> Snapshot {
        var result = self
        var newNumbers: [SourceLocation: Int64] = [:]
        for fix in fixes {
            switch fix.change {
            case .createProduct(let code, let name, let account):
                result.powerOffice.products.append(
                    PowerOfficeProduct(Code: code, Name: name, IsArchived: false, StandardSalesAccount: account))
            case .updateProduct(_, let id, let account):
                for index in result.powerOffice.products.indices where result.powerOffice.products[index].Id == id {
                    result.powerOffice.products[index].StandardSalesAccount = account
                }
            case .unarchiveProduct(_, let id):
                for index in result.powerOffice.products.indices where result.powerOffice.products[index].Id == id {
                    result.powerOffice.products[index].IsArchived = false
                }
            case .renumberCustomer(_, _, let to, let location?):
                newNumbers[location] = to
            case .renumberCustomer(_, _, _, nil), .manual:
                break
            }
        }
        if !newNumbers.isEmpty {
            result.assistCustomers = RecordTable(
                assistCustomers.map { customer in
                    var customer = customer
                    if let location = customer.location, let number = newNumbers[location] {
                        customer.customerNumber = String(number)
                    }
                    return customer
                })
        }
        return result
    }
}
