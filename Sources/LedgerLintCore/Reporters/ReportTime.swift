import Foundation
import LedgerLintText

/// Times in the reports a person reads: when the data was fetched and when it was checked.
///
/// Read as ISO 8601 (what `manifest.json` and `LEDGERLINT_NOW` hold) and shown as `1 December 2026, 09:30 UTC` /
/// `1. desember 2026 kl. 09:30 UTC`. Formatted by hand, in UTC, with month names written out here rather than
/// taken from the machine's locale data or time zone, so that the same run gives the same report on any machine;
/// saying "UTC" keeps a reader in Oslo from taking 09:30 for local time.
public enum ReportTime {
    /// `text` as ISO 8601 with a time zone (`2026-12-01T09:30:00Z`, `2026-12-01T10:30:00+01:00`, fractional
    /// seconds allowed), or nil.
    public static func parse(_ text: String) -> Date? {
        let parser = ISO8601DateFormatter()
        if let date = parser.date(from: text) { return date }
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return parser.date(from: text)
    }

    /// `date` in words, in UTC, to the minute.
    public static func display(_ date: Date, _ language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let month = parts.month ?? 1
        let (year, day, hour, minute) = (parts.year ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
        let time = (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
        let months = language == .nb ? monthsNB : monthsEN
        let name = months[min(max(month, 1), 12) - 1]
        switch language {
        case .en: return "\(day) \(name) \(year), \(time) UTC"
        case .nb: return "\(day). \(name) \(year) kl. \(time) UTC"
        }
    }

    /// `date` as ISO 8601 in UTC to the second, for `<time datetime>`.
    public static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static let monthsEN = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    static let monthsNB = [
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember",
    ]
}
