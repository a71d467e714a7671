/// Times and durations written for people, without Foundation: UTC dates and "4 min 30 s".
package enum TimeText {
    /// `2026-01-01T00:05:00Z` for Unix seconds (fractions shown to the millisecond when present).
    package static func utc(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 253_402_300_800 else { return "(out of range)" }
        let whole = Int64(seconds.rounded(.down))
        let fraction = seconds - Double(whole)
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if fraction > 0 {
            text += "." + pad(Int64((fraction * 1000).rounded(.down)), 3)
        }
        return text + "Z"
    }

    /// A duration in the largest sensible units: `45 s`, `4 min 30 s`, `2 h 5 min`, `3 d 4 h`.
    package static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return "\(number(abs(seconds))) s" }
        let total = Int64(abs(seconds).rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 { return total % 60 == 0 ? "\(total / 60) min" : "\(total / 60) min \(total % 60) s" }
        if total < 86_400 { return total / 60 % 60 == 0 ? "\(total / 3600) h" : "\(total / 3600) h \(total / 60 % 60) min" }
        return total / 3600 % 24 == 0 ? "\(total / 86_400) d" : "\(total / 86_400) d \(total / 3600 % 24) h"
    }

    /// "in 4 min 30 s" or "4 min 30 s ago" for a time relative to `now`.
    package static func relative(_ time: Double, now: Double) -> String {
        let delta = time - now
        if abs(delta) < 0.5 { return "now" }
        return delta > 0 ? "in \(duration(delta))" : "\(duration(delta)) ago"
    }

    /// A number of seconds as written in JSON: `1767225600` or `1767225600.5`.
    package static func number(_ seconds: Double) -> String {
        if seconds.isFinite, seconds == seconds.rounded(), abs(seconds) < 9e15 { return String(Int64(seconds)) }
        return "\(seconds)"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    private static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
