import Foundation
import LedgerLintJSON
import LedgerLintText

extension Duration {
    /// Whole seconds, or tenths below 10 s (`0.5`, `2`, `1.5`, `30`), as messages and retry lines show waits.
    var secondsText: String { Self.secondsText(Double(components.seconds) + Double(components.attoseconds) / 1e18) }

    /// `seconds` as `secondsText` shows it.
    static func secondsText(_ seconds: Double) -> String {
        let rounded = seconds < 10 ? (seconds * 10).rounded() / 10 : seconds.rounded()
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
