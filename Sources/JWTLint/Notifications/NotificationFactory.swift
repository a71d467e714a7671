/// Makes the decoded payload of a notification of any kind, with data that hangs together: the transaction and
/// renewal info share the subject's original transaction ID, the dates are in order around `now`, and the app's
/// identity and environment are the subject's everywhere.
///
/// The payload is a draft: the nested signed members (`signedTransactionInfo`, `signedRenewalInfo`,
/// `signedAppTransactionInfo`) are still decoded objects, so that any field can be changed before
/// ``NotificationSigner`` signs each of them and then the whole.
public enum NotificationFactory {
    private static let minute: Int64 = 60_000
    private static let day: Int64 = 86_400_000

    /// The decoded payload of a `kind` notification about `subject`, signed (`signedDate`) at `now` (Unix seconds).
    public static func draft(_ kind: NotificationKind, subject: NotificationSubject, now: Double) -> JSONObject {
        let nowMS = Int64((now * 1000).rounded(.down))
        var members: [(String, JSONValue)] = [("notificationType", .string(kind.type))]
        if let subtype = kind.subtype { members.append(("subtype", .string(subtype))) }
        members.append(("notificationUUID", .string(RandomBytes.uuid() ?? "00000000-0000-4000-8000-000000000000")))
        switch kind.contents {
        case .appOnly:
            members.append(("data", object(appIdentity(subject))))
        case .purchase(let purchase):
            members.append(("data", object(purchaseData(purchase, subject: subject, now: nowMS))))
        case .summary:
            members.append(("summary", object([
                ("requestIdentifier", .string(RandomBytes.uuid() ?? "")), ("environment", .string(subject.environment.rawValue)),
                ("appAppleId", .integer(subject.appAppleID)), ("bundleId", .string(subject.bundleID)),
                ("productId", .string(subject.subscriptionProductID)), ("storefrontCountryCodes", .array([.string("USA"), .string("CAN")])),
                ("succeededCount", .integer(42)), ("failedCount", .integer(0)),
            ])))
        case .externalPurchaseToken(let reportsTokenType):
            // Apple's verifier reads a sandbox token from its ID: sandbox token IDs start with SANDBOX.
            let id = (subject.environment == .production ? "" : "SANDBOX_") + (RandomBytes.uuid() ?? "")
            var token: [(String, JSONValue)] = [
                ("externalPurchaseId", .string(id)), ("tokenCreationDate", .integer(nowMS - 60 * minute)),
                ("appAppleId", .integer(subject.appAppleID)), ("bundleId", .string(subject.bundleID)),
            ]
            if reportsTokenType {
                token += [("tokenType", .string("ACQUISITION")), ("tokenExpirationDate", .integer(nowMS + 30 * day))]
            }
            members.append(("externalPurchaseToken", object(token)))
        case .appData:
            var app: [(String, JSONValue)] = []
            // Apple: appData's appAppleId "isn't present in the sandbox environment".
            if subject.environment == .production { app.append(("appAppleId", .integer(subject.appAppleID))) }
            app += [
                ("bundleId", .string(subject.bundleID)), ("environment", .string(subject.environment.rawValue)),
                ("signedAppTransactionInfo", object(appTransaction(subject, now: nowMS))),
            ]
            members.append(("appData", object(app)))
        }
        members += [("version", .string("2.0")), ("signedDate", .integer(nowMS))]
        return JSONObject(members: members.map { JSONObject.Member(name: $0.0, value: $0.1) })
    }

    private static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members: members.map { JSONObject.Member(name: $0.0, value: $0.1) }))
    }

    private static func appIdentity(_ subject: NotificationSubject) -> [(String, JSONValue)] {
        [("appAppleId", .integer(subject.appAppleID)), ("bundleId", .string(subject.bundleID)), ("environment", .string(subject.environment.rawValue))]
    }

    private static func purchaseData(_ purchase: NotificationKind.Purchase, subject: NotificationSubject, now: Int64) -> [(String, JSONValue)] {
        var data = appIdentity(subject)
        data.insert(("bundleVersion", .string("1.0")), at: 2)
        let dates = Dates(purchase, now: now, subject: subject)
        data.append(("signedTransactionInfo", object(transaction(purchase, subject: subject, dates: dates, now: now))))
        if purchase.product == .subscription {
            data.append(("signedRenewalInfo", object(renewalInfo(purchase, subject: subject, dates: dates, now: now))))
            data.append(("status", .integer(purchase.status)))
        }
        if let reason = purchase.consumptionRequestReason { data.append(("consumptionRequestReason", .string(reason))) }
        return data
    }

    /// The dates of the transaction a notification carries, in order: the first purchase, this period's start and
    /// end, the grace period's end.
    private struct Dates {
        var originalPurchase: Int64
        var purchase: Int64
        var expires: Int64
        var gracePeriodExpires: Int64?

        init(_ purchase: NotificationKind.Purchase, now: Int64, subject: NotificationSubject) {
            let period = 30 * NotificationFactory.day
            if let known = subject.originalPurchaseDate, known <= now {
                self = Dates.over(purchase, now: now, firstPurchase: known, paidThrough: subject.paidThroughDate)
                return
            }
            switch purchase.status {
            case 2:  // expired a day ago
                expires = now - NotificationFactory.day
            case 3, 4:  // the renewal failed an hour ago; grace periods here last 16 days
                expires = now - 60 * NotificationFactory.minute
                gracePeriodExpires = expires + 16 * NotificationFactory.day
            default:
                expires = now - NotificationFactory.minute + period
            }
            self.purchase = expires - period
            // A first purchase or a renewal happened a minute ago; otherwise the period began 10 days ago.
            if purchase.status == 1 && !purchase.renewal && !purchase.changesProduct && !purchase.offer && !purchase.extended && purchase.priceIncreaseStatus == nil {
                originalPurchase = self.purchase
            } else {
                if purchase.status == 1 && !purchase.renewal {
                    self.purchase = now - 10 * NotificationFactory.day
                    expires = self.purchase + period
                }
                originalPurchase = self.purchase - 3 * period
            }
            if purchase.extended { expires += 14 * NotificationFactory.day }
        }

        /// The dates of one customer's subscription over time (a scenario's): periods start at the first purchase
        /// and follow each other; once a renewal has failed, the paid period ends where it ended.
        static func over(_ purchase: NotificationKind.Purchase, now: Int64, firstPurchase: Int64, paidThrough: Int64?) -> Dates {
            let period = 30 * NotificationFactory.day
            let periods = (now - firstPurchase) / period
            var dates: Dates
            switch purchase.status {
            case 2, 3, 4:
                // The last period boundary passed (or the paid period's end, when renewal has been failing).
                let expires = paidThrough ?? (periods >= 1 ? firstPurchase + periods * period : now - NotificationFactory.minute)
                dates = Dates(
                    originalPurchase: firstPurchase, purchase: max(expires - period, firstPurchase), expires: expires,
                    gracePeriodExpires: purchase.status == 2 ? nil : expires + 16 * NotificationFactory.day)
            default:
                let start = firstPurchase + periods * period
                dates = Dates(originalPurchase: firstPurchase, purchase: start, expires: start + period, gracePeriodExpires: nil)
            }
            if purchase.extended { dates.expires += 14 * NotificationFactory.day }
            return dates
        }

        private init(originalPurchase: Int64, purchase: Int64, expires: Int64, gracePeriodExpires: Int64?) {
            self.originalPurchase = originalPurchase
            self.purchase = purchase
            self.expires = expires
            self.gracePeriodExpires = gracePeriodExpires
        }
    }

    private static func transaction(_ purchase: NotificationKind.Purchase, subject: NotificationSubject, dates: Dates, now: Int64) -> [(String, JSONValue)] {
        let subscription = purchase.product == .subscription
        let firstPurchase = dates.purchase == dates.originalPurchase
        let product = subscription ? subject.subscriptionProductID : subject.oneTimeProductID
        var id = subject.originalTransactionID
        if subscription && !firstPurchase { id = periodTransactionID(subject, periodStart: dates.purchase, salt: "transaction") }
        var fields: [(String, JSONValue)] = [
            ("transactionId", .string(id)), ("originalTransactionId", .string(subject.originalTransactionID)),
        ]
        if subscription { fields.append(("webOrderLineItemId", .string(periodTransactionID(subject, periodStart: dates.purchase, salt: "web order")))) }
        fields += [("bundleId", .string(subject.bundleID)), ("productId", .string(product))]
        if subscription { fields.append(("subscriptionGroupIdentifier", .string(subject.subscriptionGroupID))) }
        // A one-time purchase was made two days ago, or when the subject's scenario says.
        let oneTimeDate = subject.originalPurchaseDate.flatMap { $0 <= now ? $0 : nil } ?? now - 2 * day
        let purchaseDate = subscription ? dates.purchase : oneTimeDate
        fields += [
            ("purchaseDate", .integer(purchaseDate)), ("originalPurchaseDate", .integer(subscription ? dates.originalPurchase : purchaseDate)),
        ]
        if subscription { fields.append(("expiresDate", .integer(dates.expires))) }
        fields += [
            ("quantity", .integer(1)), ("type", .string(subscription ? "Auto-Renewable Subscription" : "Consumable")),
            ("inAppOwnershipType", .string(purchase.familyShared ? "FAMILY_SHARED" : "PURCHASED")), ("signedDate", .integer(now)),
            ("environment", .string(subject.environment.rawValue)),
            ("transactionReason", .string(subscription && !firstPurchase && purchase.renewal ? "RENEWAL" : "PURCHASE")),
            ("storefront", .string("USA")), ("storefrontId", .string("143441")), ("price", .integer(subscription ? 9990 : 990)),
            ("currency", .string("USD")),
        ]
        if purchase.offer {
            fields += [("offerType", .integer(2)), ("offerIdentifier", .string("winback.50")), ("offerDiscountType", .string("PAY_UP_FRONT"))]
        }
        if purchase.revoked {
            fields += [
                ("revocationDate", .integer(now - minute)), ("revocationReason", .integer(0)),
                ("revocationType", .string(purchase.familyShared ? "FAMILY_REVOKE" : "REFUND_FULL")),
            ]
        }
        return fields
    }

    /// The ID of a subscription period's transaction (or web order line item): a new one, or for one customer's
    /// notifications over time (a scenario's), the same one for the same period, derived from the original
    /// transaction ID and the period's start.
    private static func periodTransactionID(_ subject: NotificationSubject, periodStart: Int64, salt: String) -> String {
        guard subject.originalPurchaseDate != nil else { return NotificationSubject.newTransactionID() }
        let digest = SHA256.digest(Array("\(salt) \(subject.originalTransactionID) \(periodStart)".utf8))
        return "2000000" + String(decoding: digest.prefix(9).map { UInt8(ascii: "0") + $0 % 10 }, as: UTF8.self)
    }

    private static func renewalInfo(_ purchase: NotificationKind.Purchase, subject: NotificationSubject, dates: Dates, now: Int64) -> [(String, JSONValue)] {
        let next = purchase.changesProduct ? subject.otherSubscriptionProductID : subject.subscriptionProductID
        var fields: [(String, JSONValue)] = [
            ("originalTransactionId", .string(subject.originalTransactionID)), ("autoRenewProductId", .string(next)),
            ("productId", .string(subject.subscriptionProductID)), ("autoRenewStatus", .integer(purchase.autoRenew && purchase.status != 5 ? 1 : 0)),
        ]
        if let intent = purchase.expirationIntent { fields.append(("expirationIntent", .integer(intent))) }
        if purchase.status == 3 || purchase.status == 4 { fields.append(("isInBillingRetryPeriod", .bool(true))) }
        if purchase.status == 4, let grace = dates.gracePeriodExpires { fields.append(("gracePeriodExpiresDate", .integer(grace))) }
        if let price = purchase.priceIncreaseStatus { fields.append(("priceIncreaseStatus", .integer(price))) }
        fields += [
            ("signedDate", .integer(now)), ("environment", .string(subject.environment.rawValue)),
            ("recentSubscriptionStartDate", .integer(dates.originalPurchase)),
        ]
        if purchase.status == 1 || purchase.status == 3 || purchase.status == 4 { fields.append(("renewalDate", .integer(dates.expires))) }
        fields += [("currency", .string("USD")), ("renewalPrice", .integer(purchase.priceIncreaseStatus == nil ? 9990 : 11990))]
        return fields
    }

    private static func appTransaction(_ subject: NotificationSubject, now: Int64) -> [(String, JSONValue)] {
        [
            ("receiptType", .string(subject.environment.rawValue)), ("appAppleId", .integer(subject.appAppleID)),
            ("bundleId", .string(subject.bundleID)), ("applicationVersion", .string("1")),
            ("receiptCreationDate", .integer(now - minute)), ("originalPurchaseDate", .integer(now - 90 * day)),
            ("originalApplicationVersion", .string("1")), ("deviceVerification", .string(Base64.encode(RandomBytes.make(48) ?? []))),
            ("deviceVerificationNonce", .string(RandomBytes.uuid() ?? "")), ("appTransactionId", .string("7045" + NotificationSubject.newTransactionID().suffix(14))),
            ("originalPlatform", .string("iOS")),
        ]
    }
}
