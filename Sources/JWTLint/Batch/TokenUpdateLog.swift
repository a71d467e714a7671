/// The distinct tokens each key and team minted over a batch, for the kinds whose service limits how often a
/// connection may change tokens (APNs: once every 20 minutes, else 429 TooManyProviderTokenUpdates). Each token is
/// known by its `iat`: tokens minted in the same second are the same token to this log.
struct TokenUpdateLog: Sendable, Hashable {
    /// One signer: a key ID and the team that signs with it.
    struct Signer: Sendable, Hashable, Comparable {
        var keyID: String
        var team: String

        static func < (lhs: Signer, rhs: Signer) -> Bool { (lhs.keyID, lhs.team) < (rhs.keyID, rhs.team) }
    }

    /// The distinct `iat` values seen for each signer.
    private var issued: [Signer: Set<Int64>] = [:]
    /// Whether a limit below dropped anything.
    private(set) var truncated = false

    /// The most signers and the most distinct tokens per signer kept: bounded memory on hostile input.
    static let maximumSigners = 1000
    static let maximumTokensPerSigner = 100_000

    /// The shortest interval between token changes each profile's service allows, by ``ProfileName/position``.
    static let intervals: [Double?] = ProfileName.allCases.map { Profile.named($0).expectations.tokenUpdateInterval }

    /// Records `result`'s token when its profile limits token changes and it has a `kid`, an `iss` and an `iat` in
    /// seconds.
    mutating func record(_ result: LintResult) {
        guard Self.intervals[result.profile.position] != nil,
            let keyID = result.header?["kid"]?.stringValue, let claims = result.claims, let team = claims["iss"]?.stringValue,
            let issuedAt = claims["iat"]?.numberValue, issuedAt.isFinite, issuedAt >= 0, issuedAt < 1e11
        else { return }
        let signer = Signer(keyID: keyID, team: team)
        if issued[signer] == nil, issued.count >= Self.maximumSigners {
            truncated = true
            return
        }
        if let count = issued[signer]?.count, count >= Self.maximumTokensPerSigner {
            truncated = true
            return
        }
        issued[signer, default: []].insert(Int64(issuedAt.rounded(.down)))
    }

    /// Adds another log's tokens to this one.
    mutating func merge(_ other: TokenUpdateLog) {
        truncated = truncated || other.truncated
        for (signer, times) in other.issued {
            if issued[signer] == nil, issued.count >= Self.maximumSigners {
                truncated = true
                continue
            }
            issued[signer, default: []].formUnion(times)
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

    /// The signers that changed tokens sooner than `interval` seconds after the previous one, in signer order.
    func tooFrequent(interval: Double) -> [Cadence] {
        var cadences: [Cadence] = []
        for (signer, times) in issued where times.count > 1 {
            let sorted = times.sorted()
            var tooSoon = 0
            var shortest = Int64.max
            for index in 1..<sorted.count {
                let gap = sorted[index] - sorted[index - 1]
                shortest = min(shortest, gap)
                if Double(gap) < interval { tooSoon += 1 }
            }
            if tooSoon > 0 {
                cadences.append(Cadence(
                    signer: signer, tokens: sorted.count, tooSoon: tooSoon, span: sorted[sorted.count - 1] - sorted[0], shortestGap: shortest))
            }
        }
        return cadences.sorted { $0.signer < $1.signer }
    }
}
