/// Counts over a run of tokens, for the closing line of a report.
public struct LintSummary: Sendable, Hashable {
    /// Tokens linted.
    public private(set) var tokens = 0
    /// Tokens with at least one error.
    public private(set) var failed = 0
    /// Findings by severity.
    public private(set) var errors = 0, warnings = 0, infos = 0
    /// Signatures by what was checked.
    public private(set) var verified = 0, invalid = 0, unchecked = 0
    /// Tokens by the profile that judged them, at ``ProfileName/position``: a plain array, since a one-token run
    /// pays for every generic type it meets (a dictionary keyed by profile cost it a quarter of a million
    /// instructions).
    private var profileTokens = [Int](repeating: 0, count: ProfileName.names.count)

    /// An empty summary.
    public init() {}

    /// Tokens without errors.
    public var passed: Int { tokens - failed }

    /// Tokens by the profile that judged them.
    public var profiles: [ProfileName: Int] {
        var counts: [ProfileName: Int] = [:]
        for profile in ProfileName.allCases where profileTokens[profile.position] > 0 { counts[profile] = profileTokens[profile.position] }
        return counts
    }

    /// Calls `body` with the name and token count of each profile that judged tokens, in the order of ``ProfileName``.
    package func forEachProfile(_ body: (String, Int) -> Void) {
        for position in profileTokens.indices where profileTokens[position] > 0 {
            body(ProfileName.names[position], profileTokens[position])
        }
    }

    /// Adds another summary's counts to this one.
    public mutating func merge(_ other: LintSummary) {
        tokens += other.tokens
        failed += other.failed
        errors += other.errors
        warnings += other.warnings
        infos += other.infos
        verified += other.verified
        invalid += other.invalid
        unchecked += other.unchecked
        for position in profileTokens.indices { profileTokens[position] += other.profileTokens[position] }
    }

    /// Counts one result.
    public mutating func add(_ result: LintResult) {
        tokens += 1
        profileTokens[result.profile.position] += 1
        if result.hasErrors { failed += 1 }
        for finding in result.findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
        switch result.signature {
        case .verified: verified += 1
        case .invalid: invalid += 1
        case .unchecked: unchecked += 1
        }
    }
}
