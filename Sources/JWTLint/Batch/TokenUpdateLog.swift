/// The distinct tokens each key and team minted over a batch, for the kinds whose service limits how often a
/// connection may change tokens (APNs: once every 20 minutes, else 429 TooManyProviderTokenUpdates). Each token is
/// known by its `iat`: tokens minted in the same second are the same token to this log.
struct TokenUpdateLog: Sendable, Hashable {
    /// One signer: a key ID and the team that signs with it.
    struct Signer: Sendable, Hashable, Comparable {
        var keyID: String
        var team: String
        /// The ``ProfileName/position`` of the profile that judged the tokens, whose service sets the interval.
        var profile: Int

        static func < (lhs: Signer, rhs: Signer) -> Bool { (lhs.keyID, lhs.team, lhs.profile) < (rhs.keyID, rhs.team, rhs.profile) }
    }

    /// The distinct `iat` values seen for each signer.
    private var issued: [Signer: Set<Int64>] = [:]
    /// Distinct tokens kept, over all signers.
    private var kept = 0
    /// Whether a limit below dropped anything.
    private(set) var truncated = false

    /// The most signers and the most distinct tokens kept in all, and the longest `kid` or `iss` kept whole:
    /// bounded memory (a few megabytes) on hostile input, enforced when pieces' logs are merged as well.
    static let maximumSigners = 1000
    static let maximumTokens = 100_000
    static let maximumNameLength = 64

    /// The shortest interval between token changes each profile's service allows, by ``ProfileName/position``.
    static let intervals: [Double?] = ProfileName.allCases.map { Profile.named($0).expectations.tokenUpdateInterval }

    /// Records `result`'s token when its profile limits token changes and it has a `kid`, an `iss` and an `iat` in
    /// seconds.
    mutating func record(_ result: LintResult) {
        guard Self.intervals[result.profile.position] != nil,
            let keyID = result.header?["kid"]?.stringValue, let claims = result.claims, let team = claims["iss"]?.stringValue,
            let issuedAt = claims["iat"]?.numberValue, issuedAt.isFinite, issuedAt >= 0, issuedAt < 1e11
        else { return }
        let signer = Signer(
            keyID: String(keyID.prefix(Self.maximumNameLength)), team: String(team.prefix(Self.maximumNameLength)),
            profile: result.profile.position)
        insert(Int64(issuedAt.rounded(.down)), for: signer)
    }

    /// Keeps one token of `signer`, within the limits.
    private mutating func insert(_ issuedAt: Int64, for signer: Signer) {
        if issued[signer] == nil, issued.count >= Self.maximumSigners {
            truncated = true
            return
        }
        guard kept < Self.maximumTokens || issued[signer]?.contains(issuedAt) == true else {
            truncated = true
            return
        }
        if issued[signer, default: []].insert(issuedAt).inserted { kept += 1 }
    }

    /// Adds another log's tokens to this one, within the same limits.
    mutating func merge(_ other: TokenUpdateLog) {
        truncated = truncated || other.truncated
        for (signer, times) in other.issued {
            for time in times { insert(time, for: signer) }
        }
    }

    /// How one signer's tokens followed each other.
    struct Cadence: Sendable, Equatable {
        var signer: Signer
        /// Distinct tokens.
        var tokens: Int
        /// Changes from one token to the next sooner than the interval allows.
        var tooSoon: Int
        /// The seconds from the first token to the last.
        var span: Int64
        /// The shortest time between two tokens, in seconds.
        var shortestGap: Int64
    }

    /// The signers that changed tokens sooner than their service allows after the previous one, with that
    /// interval, in signer order.
    func tooFrequent() -> [(cadence: Cadence, interval: Double)] {
        var cadences: [(cadence: Cadence, interval: Double)] = []
        for (signer, times) in issued where times.count > 1 {
            guard let interval = Self.intervals[signer.profile] else { continue }
            let sorted = times.sorted()
            var tooSoon = 0
            var shortest = Int64.max
            for index in 1..<sorted.count {
                let gap = sorted[index] - sorted[index - 1]
                shortest = min(shortest, gap)
                if Double(gap) < interval { tooSoon += 1 }
            }
            if tooSoon > 0 {
                let cadence = Cadence(
                    signer: signer, tokens: sorted.count, tooSoon: tooSoon, span: sorted[sorted.count - 1] - sorted[0], shortestGap: shortest)
                cadences.append((cadence, interval))
            }
        }
        return cadences.sorted { $0.cadence.signer < $1.cadence.signer }
    }
}
