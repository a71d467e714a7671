/// How much a finding matters. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// Worth knowing; never fails a run.
    case info
    /// Likely to cause trouble (a 401 under clock skew, a name that disagrees); does not fail a run.
    case warning
    /// Apple would refuse the token, or it could not be verified as given; fails a run (exit status 1).
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
