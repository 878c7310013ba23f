import Foundation
import LedgerLintText

/// One line on stderr, rewritten in place, while a check of many clients runs (a fetch of many has its own
/// `ProgressLine`): which client is being checked.
/// Only on a terminal; a CI log gets the report and nothing in between.
struct ClientsCheckProgressLine {
    var count: Int

    func update(_ index: Int, _ folder: String) {
        let text = LocalizedText(
            en: "Checking client \(index) of \(count): ", nb: "Kontrollerer klient \(index) av \(count): ")[Console.language]
        Console.error("\r\u{1B}[K" + text + TerminalText.sanitized(folder))
    }

    func clear() {
        Console.error("\r\u{1B}[K")
    }
}
