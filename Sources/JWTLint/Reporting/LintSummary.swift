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
    /// The tokens of kinds whose service limits how often they change, for ``batchFindings``.
    private var updates = TokenUpdateLog()
    /// What the whole batch shows that no single token does (APNs tokens changed too often), once a
    /// ``BatchLinter`` has finished; reported after the tokens.
    public private(set) var batchFindings: [Finding] = []

    /// An empty summary.
    public init() {}

    /// Tokens without errors.
    public var passed: Int { tokens - failed }

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
        updates.merge(other.updates)
    }

    /// Whether the run failed: a token with an error, or an error over the batch.
    public var hasErrors: Bool { failed > 0 || batchFindings.contains { $0.severity == .error } }

    /// Judges the batch as a whole (``BatchRules``) under `options`' rule settings, into ``batchFindings``.
    package mutating func judgeBatch(options: LintOptions) {
        batchFindings = BatchRules.findings(updates, options: options)
    }

    /// Counts one result.
    public mutating func add(_ result: LintResult) {
        tokens += 1
        profileTokens[result.profile.position] += 1
        if result.hasErrors { failed += 1 }
        updates.record(result)
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
