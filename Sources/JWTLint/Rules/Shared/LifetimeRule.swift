/// `claims.lifetime`: exp is at most the profile's limit after iat: 60 minutes for server API tokens, 20 minutes
/// (or six months, for scoped GET-only tokens on the resources Apple lists) for App Store Connect API tokens.
struct LifetimeRule: LintRule {
    static let description = RuleDescription(
        id: .lifetime,
        defaultSeverity: .error,
        summary: "exp is at most 3600 s after iat (App Store Connect API: 1200 s, or six months for a GET-only scope on listed resources), and after iat.",
        explanation: """
            App Store Server API: "Tokens that expire more than 60 minutes after the time in iat are not valid." \
            App Store Connect API: "App Store Connect rejects a token with a lifetime greater than 20 minutes", \
            except up to six months when "The token defines a scope", "The scope only includes GET requests" and \
            "The resources in the scope allow long-lived tokens" (Build Actions, Build Runs, Git References, \
            Issues, macOS Versions, Products, Providers, Power and Performance Metrics and Logs, Pull Requests, \
            Repositories, Test Results, Workflows, Xcode Versions; jwtlint maps them to resource types, and takes \
            six months as 15,778,800 s). A lifetime over the limit is an error, and so is an exp not after iat. A \
            lifetime within 60 s of the limit is a warning: a second of clock skew turns exactly 60 minutes into a \
            401 (go-iap#277; readdle/app-store-server-api#19; fastlane#29468 for 20 minutes). Without iat, the \
            lifetime is measured from now. Not checked when iat or exp is invalid. StoreKit in-app JWS have no \
            exp, so no lifetime.
            """,
        source: "\(Sources.appStoreServerAPITokens) (exp); \(Sources.appStoreConnectTokens) (token lifetime); apple-jwt-rules §2 and §6 cause 3",
        fix: "Make tokens short-lived: exp = iat + 300 (five minutes, as Apple's libraries do); never more than 3540 s after iat (App Store Connect API: 1140 s).",
        triggeringExamples: [
            .token(.appStoreServerAPI, setting: ["exp": "1767229171"], "3601 s"),
            .token(.appStoreServerAPI, setting: ["exp": "1767229170"], "exactly 3600 s", severity: .warning),
            .token(.appStoreServerAPI, setting: ["exp": "1767232800"], removing: ["iat"], "no iat, exp 2 h from now"),
            .token(.appStoreServerAPI, setting: ["iat": "1767225610", "exp": "1767225605"], "exp before iat"),
            .token(.appStoreConnectAPI, setting: ["exp": "1767227370"], "an App Store Connect API token living 30 minutes"),
            .token(.appStoreConnectAPI, setting: ["exp": "1767226770"], "an App Store Connect API token living exactly 20 minutes", severity: .warning),
            .token(.appStoreConnectAPI, setting: ["exp": "1769817570", "scope": #"["GET /v1/apps"]"#], "30 days, scoped to apps, which do not allow long-lived tokens"),
            .token(.appStoreConnectAPI, setting: ["exp": "1769817570", "scope": #"["GET /v1/ciBuildRuns","POST /v1/ciBuildRuns"]"#], "30 days with a POST in the scope"),
            .token(.appStoreConnectAPI, setting: ["exp": "1785225570", "scope": #"["GET /v1/ciBuildRuns"]"#], "a scoped GET-only token living 208 days"),
        ],
        nonTriggeringExamples: [
            .token("300 s"),
            .token(.appStoreServerAPI, setting: ["exp": "1767229110"], "3540 s"),
            .token(.appStoreServerAPI, setting: ["exp": "1767225900"], removing: ["iat"], "no iat, exp 5 min from now"),
            .token(.appStoreConnectAPI, "an App Store Connect API token living 15 minutes"),
            .token(.appStoreConnectAPI, setting: ["exp": "1769817570", "scope": #"["GET /v1/ciBuildRuns?filter[builds]=1","GET /v1/ciProducts/123/workflows"]"#], "30 days, GET-only, on Build Runs and Products"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims, case .seconds(let exp) = TimeClaim.read("exp", in: claims) else { return }
        let start: Double
        let from: String
        switch TimeClaim.read("iat", in: claims) {
        case .seconds(let iat):
            start = iat
            from = "iat"
            if exp <= iat {
                findings.append(Self.description.finding(.notAfterIssuedAt, "exp (\(TimeText.utc(exp))) is not after iat (\(TimeText.utc(iat)))."))
                return
            }
        case .missing:
            start = context.options.now
            from = "now (there is no iat)"
        case .invalid:
            return
        }
        let lifetime = exp - start
        guard lifetime > 0 else { return }
        let said = "exp is \(TimeText.number(lifetime)) s (\(TimeText.duration(lifetime))) after \(from)"
        switch context.expectations.expiry {
        case .forbidden, .optional, .required:
            return
        case .limited(let maximum, let margin):
            check(lifetime, said: said, from: from, maximum: maximum, margin: margin, who: "Apple", into: &findings)
        case .appStoreConnect:
            guard lifetime > 1200 else {
                check(lifetime, said: said, from: from, maximum: 1200, margin: 60, who: "App Store Connect", into: &findings)
                return
            }
            let reason: String
            switch AppStoreConnectScope.longLived(claims) {
            case .allowed:
                if lifetime > AppStoreConnectScope.longLivedMaximum {
                    findings.append(Self.description.finding(
                        .tooLong, "\(said); even a scoped GET-only token may live at most six months."))
                }
                return
            case .noScope: reason = "the token has no scope"
            case .unreadableScope: reason = "its scope cannot be read (see claims.scope)"
            case .notGetOnly(let entry): reason = "its scope has \(JSONText.quoted(entry)), not only GET requests"
            case .resourceNotListed(let path):
                reason = "its scope has \(JSONText.quoted(path)), not one of the resources Apple lets a token read for longer"
            }
            findings.append(Self.description.finding(
                .tooLong, "\(said); App Store Connect refuses tokens that live more than 1200 s (20 minutes), and \(reason)."))
        }
    }

    private func check(
        _ lifetime: Double, said: String, from: String, maximum: Double, margin: Double, who: String, into findings: inout [Finding]
    ) {
        let limit = TimeText.number(maximum)
        if lifetime > maximum {
            findings.append(Self.description.finding(.tooLong, "\(said); \(who) refuses tokens that live more than \(limit) s."))
        } else if lifetime > maximum - margin {
            findings.append(Self.description.finding(
                .nearLimit,
                "exp is \(TimeText.number(lifetime)) s after \(from), within \(TimeText.number(margin)) s of \(who)'s \(limit) s limit; a little clock skew makes it a 401.",
                severity: .warning))
        }
    }
}
