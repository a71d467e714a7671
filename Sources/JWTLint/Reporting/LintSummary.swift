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
    /// Tokens by the profile that judged them.
    public private(set) var profiles: [ProfileName: Int] = [:]

    /// An empty summary.
    public init() {}

    /// Tokens without errors.
    public var passed: Int { tokens - failed }

    /// The profiles that judged tokens, with their counts, in the order of ``ProfileName``.
    public var profileCounts: [(profile: ProfileName, tokens: Int)] {
        ProfileName.allCases.compactMap { name in profiles[name].map { (name, $0) } }
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
        profiles.merge(other.profiles, uniquingKeysWith: +)
    }

    /// Counts one result.
    public mutating func add(_ result: LintResult) {
        tokens += 1
        profiles[result.profile, default: 0] += 1
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
