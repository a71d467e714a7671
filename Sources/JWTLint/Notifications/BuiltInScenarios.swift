/// The scenarios `jwtlint notify --scenario NAME` knows by name. Each text is, byte for byte, the sample file
/// `Vectors/scenarios/NAME.json` (a test checks it), so that the release binary needs no files beside it.
extension NotificationScenario {
    /// The built-in scenarios, in the order `--list-scenarios` shows them.
    public static let builtIn: [NotificationScenario] = builtInTexts.compactMap { try? NotificationScenario(parsing: Array($0.text.utf8)) }

    /// The built-in scenario called `name`.
    public static func builtIn(named name: String) -> NotificationScenario? {
        builtIn.first { $0.name == name }
    }

    /// Each built-in scenario's file name and text.
    package static let builtInTexts: [(file: String, text: String)] = [
        ("subscription-lifecycle.json", #"""
{
  "scenario": "subscription-lifecycle",
  "description": "A customer subscribes, renews, fails to renew and recovers in the grace period, turns renewal off, and the subscription expires.",
  "steps": [
    {"notification": "SUBSCRIBED/INITIAL_BUY"},
    {"notification": "DID_RENEW", "after": "30d"},
    {"notification": "DID_FAIL_TO_RENEW/GRACE_PERIOD", "after": "30d"},
    {"notification": "DID_RENEW/BILLING_RECOVERY", "after": "3d"},
    {"notification": "DID_CHANGE_RENEWAL_STATUS/AUTO_RENEW_DISABLED", "after": "10d"},
    {"notification": "EXPIRED/VOLUNTARY", "after": "21d"}
  ]
}

"""#),
        ("billing-retry-expiry.json", #"""
{
  "scenario": "billing-retry-expiry",
  "description": "A renewal fails, the grace period ends, billing retry goes on, and the subscription expires when it fails.",
  "steps": [
    {"notification": "SUBSCRIBED/INITIAL_BUY"},
    {"notification": "DID_FAIL_TO_RENEW/GRACE_PERIOD", "after": "30d"},
    {"notification": "GRACE_PERIOD_EXPIRED", "after": "16d"},
    {"notification": "EXPIRED/BILLING_RETRY", "after": "44d"}
  ]
}

"""#),
        ("price-increase-declined.json", #"""
{
  "scenario": "price-increase-declined",
  "description": "The price goes up, the customer does not consent, and the subscription expires at the next renewal.",
  "steps": [
    {"notification": "SUBSCRIBED/INITIAL_BUY"},
    {"notification": "DID_RENEW", "after": "30d"},
    {"notification": "PRICE_INCREASE/PENDING", "after": "5d"},
    {"notification": "EXPIRED/PRICE_INCREASE", "after": "26d"}
  ]
}

"""#),
        ("one-time-refund.json", #"""
{
  "scenario": "one-time-refund",
  "description": "A customer buys a consumable, asks for a refund (Apple asks for consumption data), and Apple refunds it.",
  "steps": [
    {"notification": "ONE_TIME_CHARGE"},
    {"notification": "CONSUMPTION_REQUEST", "after": "3d"},
    {"notification": "REFUND", "after": "1d"}
  ]
}

"""#),
        ("one-time-refund-declined.json", #"""
{
  "scenario": "one-time-refund-declined",
  "description": "A customer buys a consumable and asks for a refund; Apple asks for consumption data and declines.",
  "steps": [
    {"notification": "ONE_TIME_CHARGE"},
    {"notification": "CONSUMPTION_REQUEST", "after": "3d", "set": {"data.consumptionRequestReason": "OTHER"}},
    {"notification": "REFUND_DECLINED", "after": "2d"}
  ]
}

"""#),
    ]
}
