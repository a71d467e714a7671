/// A NumericDate claim (`iat`, `exp`) read strictly: a JSON number of seconds since 1970 (RFC 7519 §2).
///
/// Fractions are valid NumericDates. Strings, milliseconds and negative values are not.
enum TimeClaim {
    /// The claim is absent.
    case missing
    /// The claim is present but not usable as seconds; the cause, message and fix say why.
    case invalid(cause: FindingCause, message: String, hint: String)
    /// A valid time, in seconds.
    case seconds(Double)

    /// Above this, a "seconds" value is really milliseconds (1e11 s is the year 5138; 1e11 ms is 1973).
    static let millisecondsThreshold: Double = 100_000_000_000
    /// Above this, the value is not even plausible milliseconds.
    static let implausibleThreshold: Double = 100_000_000_000_000

    static func read(_ name: String, in claims: JSONObject) -> TimeClaim {
        guard let value = claims[name] else { return .missing }
        let fix = "Set \(name) to a JSON number of whole seconds since 1970 (Unix time), e.g. \(name == "exp" ? 1_623_086_400 : 1_623_085_200)."
        switch value {
        case .integer, .real:
            let seconds = value.numberValue ?? 0
            if seconds < 0 {
                return .invalid(cause: .negative, message: "\(name) is negative (\(TimeText.number(seconds))): a time before 1970.", hint: fix)
            }
            if seconds > implausibleThreshold {
                return .invalid(cause: .implausible, message: "\(name) is \(TimeText.number(seconds)), far beyond any date: not Unix seconds.", hint: fix)
            }
            if seconds > millisecondsThreshold {
                return .invalid(
                    cause: .milliseconds,
                    message: "\(name) is \(TimeText.number(seconds)), which looks like milliseconds (\(TimeText.utc(seconds / 1000)) if divided by 1000).",
                    hint: "Divide by 1000: \(name) is in seconds (JavaScript's Date.now() and Java's currentTimeMillis() give milliseconds).")
            }
            return .seconds(seconds)
        case .string(let text):
            if Double(text) != nil {
                return .invalid(cause: .numericString, message: "\(name) is the string \"\(text)\", not a number.", hint: "Write \(name) as a JSON number, without quotes.")
            }
            return .invalid(cause: .wrongType, message: "\(name) is a string, not a number of seconds.", hint: fix)
        default:
            return .invalid(cause: .wrongType, message: "\(name) is \(value.typeNameWithArticle), not a number of seconds.", hint: fix)
        }
    }
}
