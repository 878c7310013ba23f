import LedgerLintText

/// How a customer wants invoices, as Assist records it.
///
/// Assist creates every PowerOffice customer with e-mail whatever this says; `ehf` and `eFaktura` customers
/// must be changed by hand in PowerOffice afterwards.
public enum SendMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case email
    case ehf = "EHF"
    case eFaktura = "eFaktura"
    case print

    /// Reads the spellings Assist exports use (`E-post`, `Email`, `PdfByEmail`, `EHF`, `eFaktura`, `Papir`,
    /// `Print`, `Utskrift`), case-insensitively. Empty means e-mail; anything else is `nil`.
    public init?(exportValue: String) {
        switch EdgeWhitespace.whitespaces.trimming(exportValue).lowercased() {
        case "", "e-post", "epost", "email", "e-mail", "pdfbyemail": self = .email
        case "ehf": self = .ehf
        case "efaktura", "e-faktura": self = .eFaktura
        case "papir", "print", "utskrift": self = .print
        default: return nil
        }
    }
}

import Foundation
