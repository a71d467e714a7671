/// Every rule jwtlint knows, in the order findings are reported: gathered from the profiles, so a JWS rule is in the
/// catalog exactly when some profile runs it, the legacy promotional offer signature's rules (`offer.*`, checked
/// by `jwtlint offer-signature`) and those of an answer to a Retention Messaging realtime request (`retention.*`,
/// checked by `jwtlint realtime`).
public enum RuleCatalog {
    /// All rule descriptions, in report order (the order of ``RuleID``).
    public static let all: [RuleDescription] = {
        var seen = Set<RuleID>()
        var rules: [RuleDescription] = []
        let profileRules = Profile.all.flatMap { profile in profile.rules.map { type(of: $0).description } }
        let all = TokenRules.all + profileRules + SignatureRules.all + [SignatureRules.keySet] + BatchRules.all + SignedDataRules.all + OfferSignatureRules.all
            + RealtimeAnswerRules.all
        for rule in all where seen.insert(rule.id).inserted {
            rules.append(rule)
        }
        return rules.sorted { $0.id < $1.id }
    }()

    /// The rule with this ID, if there is one.
    public static func rule(id: String) -> RuleDescription? {
        guard let id = RuleID(rawValue: id) else { return nil }
        return rule(id)
    }

    /// The rule with this ID.
    public static func rule(_ id: RuleID) -> RuleDescription? {
        all.first { $0.id == id }
    }

    /// The profiles that run a rule, in the order of ``ProfileName``.
    public static func profiles(running id: RuleID) -> [ProfileName] {
        Profile.all.filter { $0.ruleIDs.contains(id) }.map(\.name)
    }
}
