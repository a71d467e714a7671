package import JWTLint

/// What the stand-in serves: transactions, renewal info and orders, as `--data` gives them or as the built-in set
/// makes them. Transactions are kept as the JSON objects they are signed from (Apple's `JWSTransactionDecodedPayload`
/// fields); `bundleId`, `environment` and `signedDate` are filled in when signed.
package struct StoreData: Sendable {
    /// Every transaction, in the order given.
    var transactions: [JSONObject]
    /// Renewal info by original transaction ID.
    var renewalInfo: [String: JSONObject]
    /// Order IDs (from a customer's receipt e-mail) and the transactions each holds.
    var orders: [String: [String]]
    /// The app's Apple ID, which responses name (production data must carry it).
    var appAppleID: Int64

    /// Why a data file cannot be used.
    package struct Problem: Error, CustomStringConvertible, Sendable {
        /// What is wrong, naming the file.
        public let description: String
    }

    /// Adds `transaction` (or replaces the one with its transaction ID), and its subscription's renewal info: what a
    /// notification the stand-in sends says happened.
    mutating func upsert(transaction: JSONObject, renewalInfo: JSONObject?) {
        guard let id = transaction["transactionId"]?.stringValue, Self.isTransactionID(id) else { return }
        if let index = transactions.firstIndex(where: { $0["transactionId"]?.stringValue == id }) {
            transactions[index] = transaction
        } else {
            transactions.append(transaction)
        }
        if let renewalInfo, let original = renewalInfo["originalTransactionId"]?.stringValue {
            self.renewalInfo[original] = renewalInfo
        }
    }

    /// The built-in set, dated around `now` (Unix seconds): a consumable, a monthly subscription bought 40 days ago
    /// and renewed once (active), and a refunded non-consumable; two orders.
    package static func builtIn(now: Double) -> StoreData {
        let day: Int64 = 86_400_000, nowMS = Int64(now * 1000)
        func transaction(_ id: String, original: String, product: String, type: String, purchased: Int64, extra: [JSONObject.Member] = []) -> JSONObject {
            JSONObject(members: [
                .init(name: "transactionId", value: .string(id)), .init(name: "originalTransactionId", value: .string(original)),
                .init(name: "productId", value: .string(product)), .init(name: "purchaseDate", value: .integer(purchased)),
                .init(name: "originalPurchaseDate", value: .integer(nowMS - 40 * day)), .init(name: "quantity", value: .integer(1)),
                .init(name: "type", value: .string(type)), .init(name: "inAppOwnershipType", value: .string("PURCHASED")),
                .init(name: "transactionReason", value: .string("PURCHASE")), .init(name: "storefront", value: .string("USA")),
                .init(name: "storefrontId", value: .string("143441")), .init(name: "price", value: .integer(990)),
                .init(name: "currency", value: .string("USD")),
            ] + extra)
        }
        let subscription = "Auto-Renewable Subscription"
        let transactions = [
            transaction("2000000000000001", original: "2000000000000001", product: "com.example.coins100", type: "Consumable", purchased: nowMS - 2 * day),
            transaction(
                "2000000000000010", original: "2000000000000010", product: "com.example.monthly", type: subscription, purchased: nowMS - 40 * day,
                extra: [
                    .init(name: "expiresDate", value: .integer(nowMS - 10 * day)), .init(name: "subscriptionGroupIdentifier", value: .string("21000001")),
                    .init(name: "webOrderLineItemId", value: .string("2000000000000100")),
                ]),
            transaction(
                "2000000000000011", original: "2000000000000010", product: "com.example.monthly", type: subscription, purchased: nowMS - 10 * day,
                extra: [
                    .init(name: "expiresDate", value: .integer(nowMS + 20 * day)), .init(name: "subscriptionGroupIdentifier", value: .string("21000001")),
                    .init(name: "webOrderLineItemId", value: .string("2000000000000101")),
                ]),
            transaction(
                "2000000000000020", original: "2000000000000020", product: "com.example.pro", type: "Non-Consumable", purchased: nowMS - 5 * day,
                extra: [.init(name: "revocationDate", value: .integer(nowMS - day)), .init(name: "revocationReason", value: .integer(0))]),
        ]
        let renewal = JSONObject(members: [
            .init(name: "originalTransactionId", value: .string("2000000000000010")), .init(name: "productId", value: .string("com.example.monthly")),
            .init(name: "autoRenewProductId", value: .string("com.example.monthly")), .init(name: "autoRenewStatus", value: .integer(1)),
            .init(name: "renewalDate", value: .integer(nowMS + 20 * day)), .init(name: "recentSubscriptionStartDate", value: .integer(nowMS - 40 * day)),
        ])
        return StoreData(
            transactions: transactions, renewalInfo: ["2000000000000010": renewal],
            orders: ["MQ5ZLR7N9T": ["2000000000000001"], "MQ5ZLR7N9V": ["2000000000000010", "2000000000000011"]], appAppleID: 1_234_567_890)
    }

    /// Reads a data file: `{"appAppleId": 1234567890, "transactions": [...], "renewalInfo": [...], "orders": {"ID": ["transactionId", ...]}}`.
    /// - Throws: ``Problem`` naming the file and what is wrong.
    package static func load(contentsOf path: String) throws(Problem) -> StoreData {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, what: "data file", limit: 16 * 1024 * 1024, accepting: .regularFile).contents
        } catch {
            throw Problem(description: "\(error)")
        }
        guard let object = DecodedToken.jsonObject(bytes) else {
            throw Problem(description: "data file '\(path)' is not one JSON object")
        }
        return try parse(object, path: path)
    }

    static func parse(_ object: JSONObject, path: String) throws(Problem) -> StoreData {
        func problem(_ message: String) -> Problem { Problem(description: "data file '\(path)': \(message)") }
        var data = StoreData(transactions: [], renewalInfo: [:], orders: [:], appAppleID: 1_234_567_890)
        for member in object.members {
            switch (member.name, member.value) {
            case ("appAppleId", .integer(let id)) where id > 0:
                data.appAppleID = id
            case ("transactions", .array(let items)):
                var seen = Set<String>()
                for (index, item) in items.enumerated() {
                    guard case .object(var transaction) = item else { throw problem("transactions[\(index)] is not an object") }
                    guard let id = transaction["transactionId"]?.stringValue, isTransactionID(id) else {
                        throw problem("transactions[\(index)] has no transactionId of digits")
                    }
                    guard seen.insert(id).inserted else { throw problem("transaction \(id) is there twice") }
                    if transaction["originalTransactionId"] == nil { transaction = transaction.setting("originalTransactionId", .string(id)) }
                    guard transaction["originalTransactionId"]?.stringValue.map(isTransactionID) == true else {
                        throw problem("transaction \(id): originalTransactionId must be a string of digits")
                    }
                    guard transaction["productId"]?.stringValue != nil, transaction["type"]?.stringValue != nil else {
                        throw problem("transaction \(id) needs productId and type (such as \"Auto-Renewable Subscription\")")
                    }
                    data.transactions.append(transaction)
                }
            case ("renewalInfo", .array(let items)):
                for (index, item) in items.enumerated() {
                    guard case .object(let info) = item, let original = info["originalTransactionId"]?.stringValue else {
                        throw problem("renewalInfo[\(index)] is not an object with originalTransactionId")
                    }
                    data.renewalInfo[original] = info
                }
            case ("orders", .object(let orders)):
                for order in orders.members {
                    guard case .array(let ids) = order.value, ids.allSatisfy({ $0.stringValue != nil }) else {
                        throw problem("orders.\(order.name) must be an array of transaction IDs")
                    }
                    data.orders[order.name] = ids.compactMap(\.stringValue)
                }
            default:
                throw problem("unexpected \"\(member.name)\"; the members are appAppleId (a number), transactions, renewalInfo (arrays) and orders (an object)")
            }
        }
        let known = Set(data.transactions.compactMap { $0["transactionId"]?.stringValue })
        for (order, ids) in data.orders {
            if let unknown = ids.first(where: { !known.contains($0) }) { throw problem("order \(order) names transaction \(unknown), which is not there") }
        }
        return data
    }

    /// Whether `text` can be a transaction ID: digits only, as Apple's are.
    static func isTransactionID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 32 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The transaction with this ID.
    func transaction(_ id: String) -> JSONObject? { transactions.first { $0["transactionId"]?.stringValue == id } }

    /// Every transaction of the family `id` belongs to (the same original transaction), oldest purchase first.
    func family(of id: String) -> [JSONObject] {
        guard let original = transaction(id)?["originalTransactionId"]?.stringValue else { return [] }
        return transactions.filter { $0["originalTransactionId"]?.stringValue == original }.sorted { $0.integer("purchaseDate") < $1.integer("purchaseDate") }
    }
}
