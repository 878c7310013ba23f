import LedgerLintText

/// The words the document-style reports (HTML, Markdown) share, in English and Norwegian Bokmål, so that both
/// say the same thing the same way. Each report's own `Words` adds what only it needs.
protocol ReportWords: LocalizedWords {}

extension ReportWords {
    var title: String { pick("LedgerLint report", "LedgerLint-rapport") }
    var client: String { ClientsRollUp.clientWord[language] }
    var fetched: String { pick("Data fetched", "Data hentet") }
    var environment: String { pick("Environment", "Miljø") }
    var snapshot: String { pick("Snapshot", "Uttrekk") }
    var findings: String { pick("Findings", "Funn") }
    var noFindings: String { pick("No findings.", "Ingen funn.") }
    var byRule: String { pick("Findings by rule", "Funn per regel") }
    var rule: String { pick("Rule", "Regel") }
    var record: String { pick("Record", "Gjelder") }
    var problem: String { pick("Problem", "Problem") }
    var file: String { pick("File", "Fil") }
    var fixedSinceBaseline: String { pick("Fixed since the baseline", "Rettet siden baseline") }

    // A check of many clients.
    var clientsTitle: String { pick("LedgerLint report for many clients", "LedgerLint-rapport for flere klienter") }
    var folder: String { pick("Folder", "Mappe") }
    var couldNotBeChecked: String { ClientsRollUp.couldNotBeChecked[language] }
}
