package import JWTLint
internal import NIOConcurrencyHelpers

/// The App Store Server API's endpoints, answered over the stand-in's data.
extension StandIn {
    func route(_ request: StandInRequest, now: Double) -> StandInResponse {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        // parts: ["inApps", version, ...]
        guard parts.count >= 3 else { return notFound }
        let version = parts[1], rest = Array(parts[2...])
        switch (request.method, version, rest.count, rest.first) {
        case ("GET", "v1", 2, "transactions"):
            return transactionInfo(rest[1], now: now)
        case ("GET", "v1", 2, "history"), ("GET", "v2", 2, "history"):
            return transactionHistory(rest[1], request: request, now: now)
        case ("GET", "v1", 2, "subscriptions"):
            return subscriptionStatuses(rest[1], request: request, now: now)
        case ("GET", "v1", 2, "lookup"):
            return lookUpOrder(rest[1], now: now)
        case ("GET", "v2", 3, "refund") where rest[1] == "lookup":
            return refundHistory(rest[2], now: now)
        case ("POST", "v1", 2, "notifications") where rest[1] == "test":
            return requestTestNotification(now: now)
        case ("GET", "v1", 3, "notifications") where rest[1] == "test":
            return testNotificationStatus(rest[2])
        case ("POST", "v1", 2, "notifications") where rest[1] == "history":
            return notificationHistory(request, now: now)
        case ("PUT", "v1", 3, "transactions") where rest[1] == "consumption", ("PUT", "v2", 3, "transactions") where rest[1] == "consumption":
            return consumption(rest[2], request: request, version: version)
        case ("PUT", "v1", 3, "transactions") where rest[2] == "appAccountToken":
            return setAppAccountToken(rest[1], request: request)
        case ("PUT", "v1", 3, "subscriptions") where rest[1] == "extend" && rest[2] != "mass":
            return extendRenewalDate(rest[2], request: request, now: now)
        default:
            return notFound
        }
    }

    var notFound: StandInResponse { .text(404, "Not Found\n") }

    private func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members: members.map { JSONObject.Member(name: $0.0, value: $0.1) }))
    }

    /// The app's identity as list answers give it: environment, bundle ID, and the app Apple ID.
    private func appMembers(_ data: StoreData) -> [(String, JSONValue)] {
        [("bundleId", .string(bundleID)), ("appAppleId", .integer(data.appAppleID)), ("environment", .string(settings.environment.rawValue))]
    }

    private func signed(_ transactions: [JSONObject], now: Double) -> JSONValue {
        .array(transactions.map { .string(sign($0, now: now)) })
    }

    // MARK: Transactions

    func transactionInfo(_ id: String, now: Double) -> StandInResponse {
        guard StoreData.isTransactionID(id) else { return AppleAPIError.invalidTransactionID.response }
        guard let transaction = state.withLockedValue({ $0.data.transaction(id) }) else { return AppleAPIError.transactionIDNotFound.response }
        return .json(200, object([("signedTransactionInfo", .string(sign(transaction, now: now)))]))
    }

    func transactionHistory(_ id: String, request: StandInRequest, now: Double) -> StandInResponse {
        guard StoreData.isTransactionID(id) else { return AppleAPIError.invalidTransactionID.response }
        let (data, family) = state.withLockedValue { ($0.data, $0.data.family(of: id)) }
        guard !family.isEmpty else { return AppleAPIError.transactionIDNotFound.response }
        var transactions = family
        switch request.values("sort").last {
        case nil, "ASCENDING"?: break
        case "DESCENDING"?: transactions.reverse()
        default: return AppleAPIError.invalidSort.response
        }
        let products = request.values("productId")
        if !products.isEmpty { transactions = transactions.filter { products.contains($0["productId"]?.stringValue ?? "") } }
        if let revoked = request.values("revoked").last {
            transactions = transactions.filter { ($0["revocationDate"] != nil) == (revoked == "true") }
        }
        // Pages of 20; the revision is where the next page starts.
        let start: Int
        if let revision = request.values("revision").last {
            guard let value = Int(revision), value >= 0, value <= transactions.count else { return AppleAPIError.invalidRequestRevision.response }
            start = value
        } else {
            start = 0
        }
        let page = Array(transactions[start..<min(start + 20, transactions.count)])
        let next = start + page.count
        return .json(200, object(appMembers(data) + [
            ("revision", .string(String(next))), ("hasMore", .bool(next < transactions.count)), ("signedTransactions", signed(page, now: now)),
        ]))
    }

    func subscriptionStatuses(_ id: String, request: StandInRequest, now: Double) -> StandInResponse {
        guard StoreData.isTransactionID(id) else { return AppleAPIError.invalidTransactionID.response }
        let (data, family) = state.withLockedValue { ($0.data, $0.data.family(of: id)) }
        guard let latest = family.last else { return AppleAPIError.transactionIDNotFound.response }
        var wanted = Set<Int64>()
        for value in request.values("status") {
            guard let status = Int64(value), (1...5).contains(status) else { return AppleAPIError.invalidStatus.response }
            wanted.insert(status)
        }
        var groups: [JSONValue] = []
        if latest["type"]?.stringValue == "Auto-Renewable Subscription", let original = latest["originalTransactionId"]?.stringValue {
            // 1 active, 2 expired, 5 revoked (Apple's Status).
            let status: Int64 = latest["revocationDate"] != nil ? 5 : latest.integer("expiresDate") > Int64(now * 1000) ? 1 : 2
            if wanted.isEmpty || wanted.contains(status) {
                var item: [(String, JSONValue)] = [
                    ("status", .integer(status)), ("originalTransactionId", .string(original)), ("signedTransactionInfo", .string(sign(latest, now: now))),
                ]
                if let renewal = data.renewalInfo[original] { item.append(("signedRenewalInfo", .string(sign(renewal, now: now)))) }
                groups.append(object([
                    ("subscriptionGroupIdentifier", .string(latest["subscriptionGroupIdentifier"]?.stringValue ?? "")),
                    ("lastTransactions", .array([object(item)])),
                ]))
            }
        }
        return .json(200, object(appMembers(data) + [("data", .array(groups))]))
    }

    func lookUpOrder(_ orderID: String, now: Double) -> StandInResponse {
        let transactions = state.withLockedValue { state in (state.data.orders[orderID] ?? []).compactMap(state.data.transaction) }
        // Apple answers 200 with status 1 for an order ID it does not know.
        guard !transactions.isEmpty else { return .json(200, object([("status", .integer(1))])) }
        return .json(200, object([("status", .integer(0)), ("signedTransactions", signed(transactions, now: now))]))
    }

    func refundHistory(_ id: String, now: Double) -> StandInResponse {
        guard StoreData.isTransactionID(id) else { return AppleAPIError.invalidTransactionID.response }
        let data = state.withLockedValue { $0.data }
        guard data.transaction(id) != nil else { return AppleAPIError.transactionIDNotFound.response }
        // The customer's refunded transactions: here, every revoked one the data holds.
        let refunded = data.transactions.filter { $0["revocationDate"] != nil }
        return .json(200, object([("signedTransactions", signed(refunded, now: now)), ("revision", .string(String(refunded.count))), ("hasMore", .bool(false))]))
    }

    // MARK: Notifications

    /// Request a Test Notification: a signed `TEST`, kept for Get Test Notification Status and Get Notification
    /// History, and posted to the notification URL when there is one.
    func requestTestNotification(now: Double) -> StandInResponse {
        let token = (RandomBytes.uuid() ?? "00000000-0000-4000-8000-000000000000") + "_" + String(Int64(now * 1000))
        let draft = NotificationFactory.draft(NotificationKind.named("TEST", nil)!, subject: notificationSubject(), now: now)
        do {
            try send(draft, now: now, testToken: token)
        } catch {
            return AppleAPIError.generalInternal.response
        }
        return .json(200, object([("testNotificationToken", .string(token))]))
    }

    /// Get Test Notification Status: the payload and its send attempts, in Apple's names. With a notification URL,
    /// until the first attempt is over the answer is Apple's "not yet available"; without one, nothing is sent and
    /// the attempts are none.
    func testNotificationStatus(_ token: String) -> StandInResponse {
        guard let notification = state.withLockedValue({ state in state.testNotifications[token].map { state.notifications[$0] } }) else {
            return AppleAPIError.testNotificationNotFound.response
        }
        if settings.outbox != nil, notification.attempts.isEmpty { return AppleAPIError.testNotificationNotFound.response }
        return .json(200, object([("signedPayload", .string(notification.payload)), ("sendAttempts", notification.sendAttempts)]))
    }

    func notificationHistory(_ request: StandInRequest, now: Double) -> StandInResponse {
        guard let body = DecodedToken.jsonObject(request.body) else { return AppleAPIError.generalBadRequest.response }
        guard case .integer(let start)? = body["startDate"] else { return AppleAPIError.invalidStartDate.response }
        guard case .integer(let end)? = body["endDate"] else { return AppleAPIError.invalidEndDate.response }
        guard start < end else { return AppleAPIError.startDateAfterEndDate.response }
        guard start >= Int64(now * 1000) - 180 * 86_400_000 else { return AppleAPIError.startDateTooFarInPast.response }
        let type = body["notificationType"]?.stringValue
        let start0: Int
        if let pagination = request.values("paginationToken").last {
            guard let value = Int(pagination), value >= 0 else { return AppleAPIError.invalidPaginationToken.response }
            start0 = value
        } else {
            start0 = 0
        }
        let matching = state.withLockedValue { $0.notifications }.filter { $0.time >= start && $0.time <= end && (type == nil || $0.type == type) }
        let page = matching.dropFirst(start0).prefix(20)
        let next = start0 + page.count
        var members: [(String, JSONValue)] = [
            ("notificationHistory", .array(page.map { object([("signedPayload", .string($0.payload)), ("sendAttempts", $0.sendAttempts)]) })),
            ("hasMore", .bool(next < matching.count)),
        ]
        if next < matching.count { members.append(("paginationToken", .string(String(next)))) }
        return .json(200, object(members))
    }

    // MARK: Changes

    func consumption(_ id: String, request: StandInRequest, version: String) -> StandInResponse {
        guard StoreData.isTransactionID(id) else { return AppleAPIError.invalidTransactionID.response }
        guard let body = DecodedToken.jsonObject(request.body) else { return AppleAPIError.generalBadRequest.response }
        guard state.withLockedValue({ $0.data.transaction(id) }) != nil else { return AppleAPIError.transactionIDNotFound.response }
        guard case .bool(true)? = body["customerConsented"] else { return AppleAPIError.invalidCustomerConsented.response }
        return .empty(202)
    }

    func setAppAccountToken(_ originalID: String, request: StandInRequest) -> StandInResponse {
        guard StoreData.isTransactionID(originalID) else { return AppleAPIError.invalidOriginalTransactionID.response }
        guard let body = DecodedToken.jsonObject(request.body), let token = body["appAccountToken"]?.stringValue, UUIDText.isUUID(token) else {
            return AppleAPIError.invalidAppAccountTokenUUID.response
        }
        return state.withLockedValue { state -> StandInResponse in
            guard let transaction = state.data.transaction(originalID) else { return AppleAPIError.originalTransactionIDNotFound.response }
            guard transaction["originalTransactionId"]?.stringValue == originalID else {
                return AppleAPIError.transactionIDIsNotOriginalTransactionID.response
            }
            state.data.transactions = state.data.transactions.map {
                $0["originalTransactionId"]?.stringValue == originalID ? $0.setting("appAccountToken", .string(token.lowercased())) : $0
            }
            return .empty(200)
        }
    }

    func extendRenewalDate(_ originalID: String, request: StandInRequest, now: Double) -> StandInResponse {
        guard StoreData.isTransactionID(originalID) else { return AppleAPIError.invalidOriginalTransactionID.response }
        guard let body = DecodedToken.jsonObject(request.body) else { return AppleAPIError.generalBadRequest.response }
        guard case .integer(let days)? = body["extendByDays"], (1...90).contains(days) else { return AppleAPIError.invalidExtendByDays.response }
        guard case .integer(let reason)? = body["extendReasonCode"], (0...3).contains(reason) else { return AppleAPIError.invalidExtendReasonCode.response }
        guard let identifier = body["requestIdentifier"]?.stringValue, !identifier.isEmpty, identifier.utf8.count <= 128 else {
            return AppleAPIError.invalidRequestIdentifier.response
        }
        return state.withLockedValue { state -> StandInResponse in
            let family = state.data.transactions.filter { $0["originalTransactionId"]?.stringValue == originalID }
            guard let latest = family.max(by: { $0.integer("purchaseDate") < $1.integer("purchaseDate") }),
                latest["type"]?.stringValue == "Auto-Renewable Subscription", let latestID = latest["transactionId"]?.stringValue
            else { return AppleAPIError.originalTransactionIDNotFound.response }
            let expires = latest.integer("expiresDate") + days * 86_400_000
            state.data.transactions = state.data.transactions.map {
                $0["transactionId"]?.stringValue == latestID ? $0.setting("expiresDate", .integer(expires)) : $0
            }
            if let renewal = state.data.renewalInfo[originalID] { state.data.renewalInfo[originalID] = renewal.setting("renewalDate", .integer(expires)) }
            return .json(200, object([
                ("effectiveDate", .integer(expires)), ("originalTransactionId", .string(originalID)),
                ("webOrderLineItemId", .string(latest["webOrderLineItemId"]?.stringValue ?? "")), ("success", .bool(true)),
            ]))
        }
    }
}
