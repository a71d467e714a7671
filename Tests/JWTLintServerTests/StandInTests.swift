import Foundation
import Testing
@testable import JWTLint
@testable import JWTLintServer

/// The stand-in's answers, without a socket: authentication as Apple does it, with reasons, and the endpoints.
@Suite("The local App Store Server API")
struct StandInTests {
    static let issuer = "57246542-96fe-1a63-e053-0824d011072a"
    static let now = 1_767_225_600.0
    static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Vectors")

    /// A stand-in at a fixed time, logging to /dev/null, with the built-in data.
    static func standIn() throws -> StandIn {
        let key = try VerificationKey.load(contentsOf: vectors.appendingPathComponent("keys/SubscriptionKey_TESTKEYA01.p8").path)
        let settings = StandInSettings(key: key, issuer: issuer, bundleID: "com.example.app", environment: .sandbox, data: .builtIn(now: now))
        let devNull = open("/dev/null", O_WRONLY)
        return try StandIn(settings: settings, logDescriptor: devNull, clock: { now })
    }

    static func token(bundleID: String = "com.example.app", issuedAt: Int64 = Int64(now), lifetime: Int = 300) throws -> String {
        let key = try SigningKey.load(contentsOf: vectors.appendingPathComponent("keys/SubscriptionKey_TESTKEYA01.p8").path)
        return try TokenSigner.token(key: key.privateKey, keyID: "TESTKEYA01", issuer: issuer, bundleID: bundleID, issuedAt: issuedAt, lifetime: lifetime)
    }

    static func get(_ standIn: StandIn, _ path: String, token: String? = nil, query: [(name: String, value: String)] = []) throws -> StandInResponse {
        standIn.respond(to: StandInRequest(method: "GET", path: path, query: query, authorization: "Bearer " + (try token ?? Self.token())))
    }

    static func json(_ response: StandInResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test("A request target splits into the path as sent and the query's values percent-decoded, '+' and bad escapes as sent")
    func requestTarget() {
        let request = StandInRequest(
            method: "GET", target: "/inApps/v2/history/2000000000000001?revision=a%2Bb%3D&sort=DESCENDING&productId=x+y&bad=%zz&empty&=v#part",
            authorization: nil)
        #expect(request.path == "/inApps/v2/history/2000000000000001")
        #expect(request.query.map(\.name) == ["revision", "sort", "productId", "bad", "empty", ""])
        #expect(request.query.map(\.value) == ["a+b=", "DESCENDING", "x+y", "%zz", "", "v"])
        #expect(request.values("revision") == ["a+b="])
        let plain = StandInRequest(method: "GET", target: "/", authorization: nil)
        #expect(plain.path == "/" && plain.query.isEmpty)
        #expect(StandInRequest(method: "GET", target: "?a=1", authorization: nil).path == "/")
        #expect(StandInRequest.percentDecoded("%C3%A9%E2%82%AC") == "é€")
        #expect(StandInRequest.percentDecoded("%FF") == nil, "bytes that are not UTF-8 are not a value")
        #expect(StandInRequest.percentDecoded("%4") == nil)
    }

    @Test("A token with an error gets Apple's 401, plain text with a request ID, and the rule IDs in X-JWTLint-Findings")
    func refusedTokens() throws {
        let standIn = try Self.standIn()
        for (token, rule) in [
            (try Self.token(bundleID: "com.example.other"), "claims.bid"),
            (try Self.token(issuedAt: Int64(Self.now) - 4000), "claims.exp"),
            ("not.a.token", "token.encoding"),
        ] {
            let response = try Self.get(standIn, "/inApps/v1/transactions/2000000000000001", token: token)
            #expect(response.status == 401)
            let body = String(decoding: response.body, as: UTF8.self)
            #expect(body.hasPrefix("Unauthenticated\n\nRequest ID: ") && body.hasSuffix(".0.0\n"), "\(body)")
            #expect(response.header("X-JWTLint-Findings")?.contains(rule) == true, "\(response.header("X-JWTLint-Findings") ?? "none") for \(rule)")
        }
        let missing = standIn.respond(to: StandInRequest(method: "GET", path: "/inApps/v1/transactions/2000000000000001"))
        #expect(missing.status == 401 && missing.header("X-JWTLint-Findings") == "token.format")
        let (records, count) = standIn.log.records(after: 0)
        #expect(count == 4 && records.allSatisfy { $0.verdict == "refused" && $0.status == 401 })
        #expect(records.last?.findings.first?.message == "The request has no Authorization header.")
        // Never the token itself in the log, only its fingerprint.
        #expect(records.allSatisfy { $0.token.map { $0.hasPrefix("sha256 ") && $0.count == 19 } ?? true })
    }

    @Test("A good token is accepted: the transaction comes signed by the test chain, and verifies as Apple's verifier would")
    func transactionInfo() throws {
        let standIn = try Self.standIn()
        let response = try Self.get(standIn, "/inApps/v1/transactions/2000000000000011")
        #expect(response.status == 200 && response.header("Content-Type") == "application/json")
        let jws = try #require(try Self.json(response)["signedTransactionInfo"] as? String)
        var options = LintOptions(now: Self.now, bundleID: "com.example.app", profile: .pinned(.appleSigned))
        options.environment = .sandbox
        options.trustedRoots = try TrustedRoots(adding: TrustedRoots.certificates(in: Array(standIn.rootPEM.utf8)), includingApple: false)
        let verdict = Linter(options: options).lint(jws)
        #expect(verdict.verificationStatus == .ok && !verdict.hasErrors, "\(verdict.findings.map(\.message))")
        #expect(verdict.claims?["transactionId"]?.stringValue == "2000000000000011")
        #expect(verdict.claims?["signedDate"] == .integer(Int64(Self.now * 1000)))
        // And never against Apple's root.
        options.trustedRoots = .apple
        #expect(Linter(options: options).lint(jws).verificationStatus == .verificationFailure)
    }

    @Test("The page keeps the latest 500 records, oldest first, and says how many came in all")
    func recordRing() throws {
        let log = RequestLog(descriptor: open("/dev/null", O_WRONLY))
        for index in 1...1_203 {
            log.add(RequestRecord(id: String(index), time: 0, method: "GET", path: "/", status: 200, verdict: "open", token: nil, findings: []))
        }
        let (all, count) = log.records(after: 0)
        #expect(count == 1_203 && all.count == 500)
        #expect(all.first?.id == "704" && all.last?.id == "1203")
        #expect(log.records(after: 1_200).records.map(\.id) == ["1201", "1202", "1203"])
        #expect(log.records(after: 1_203).records.isEmpty && log.records(after: 5_000).records.isEmpty)
    }

    final class Clock: @unchecked Sendable {
        var now = StandInTests.now
    }

    @Test("The same data asked for within a second is the same JWS; a second later it is signed anew, with the later signedDate")
    func signaturesWithinASecond() throws {
        let clock = Clock()
        let key = try VerificationKey.load(contentsOf: Self.vectors.appendingPathComponent("keys/SubscriptionKey_TESTKEYA01.p8").path)
        let standIn = try StandIn(
            settings: StandInSettings(key: key, issuer: Self.issuer, environment: .sandbox, data: .builtIn(now: Self.now)),
            logDescriptor: open("/dev/null", O_WRONLY), clock: { clock.now })
        func signed() throws -> String {
            try #require(try Self.json(try Self.get(standIn, "/inApps/v1/transactions/2000000000000001"))["signedTransactionInfo"] as? String)
        }
        let first = try signed()
        clock.now += 0.5
        #expect(try signed() == first)
        clock.now += 0.5
        let later = try signed()
        #expect(later != first)
        #expect(DecodedToken.decode(later).claims?["signedDate"] == .integer(Int64(Self.now * 1000) + 1000))
    }

    @Test("Unknown and malformed IDs get Apple's error JSON and status", arguments: [
        ("/inApps/v1/transactions/2999", 404, 4_040_010),
        ("/inApps/v1/transactions/abc", 400, 4_000_006),
        ("/inApps/v2/history/2999", 404, 4_040_010),
        ("/inApps/v1/subscriptions/x1", 400, 4_000_006),
        ("/inApps/v2/refund/lookup/2999", 404, 4_040_010),
        ("/inApps/v1/notifications/test/unknown-token", 404, 4_040_008),
    ])
    func errors(_ path: String, _ status: Int, _ code: Int) throws {
        let response = try Self.get(try Self.standIn(), path)
        #expect(response.status == status)
        let body = try Self.json(response)
        #expect(body["errorCode"] as? Int == code)
        #expect((body["errorMessage"] as? String)?.isEmpty == false)
    }

    @Test("History pages, sorts and filters; statuses, orders and refunds answer from the data")
    func lists() throws {
        let standIn = try Self.standIn()
        let history = try Self.json(try Self.get(standIn, "/inApps/v2/history/2000000000000011", query: [("sort", "DESCENDING")]))
        #expect((history["signedTransactions"] as? [String])?.count == 2 && history["hasMore"] as? Bool == false)
        #expect(history["bundleId"] as? String == "com.example.app" && history["environment"] as? String == "Sandbox")
        #expect(try Self.get(standIn, "/inApps/v2/history/2000000000000011", query: [("sort", "SIDEWAYS")]).status == 400)
        let statuses = try Self.json(try Self.get(standIn, "/inApps/v1/subscriptions/2000000000000010"))
        let group = try #require((statuses["data"] as? [[String: Any]])?.first)
        let last = try #require((group["lastTransactions"] as? [[String: Any]])?.first)
        #expect(last["status"] as? Int == 1 && last["signedRenewalInfo"] is String)
        let expired = try Self.json(try Self.get(standIn, "/inApps/v1/subscriptions/2000000000000010", query: [("status", "2")]))
        #expect((expired["data"] as? [Any])?.isEmpty == true)
        #expect(try Self.json(try Self.get(standIn, "/inApps/v1/lookup/MQ5ZLR7N9T"))["status"] as? Int == 0)
        #expect(try Self.json(try Self.get(standIn, "/inApps/v1/lookup/NOSUCHORDER"))["status"] as? Int == 1)
        let refunds = try Self.json(try Self.get(standIn, "/inApps/v2/refund/lookup/2000000000000001"))
        #expect((refunds["signedTransactions"] as? [String])?.count == 1)
    }

    @Test("Test notifications, their status and the history; consumption, app account tokens and extensions change what later answers say")
    func changes() throws {
        let standIn = try Self.standIn()
        let token = try Self.token()
        func send(_ method: String, _ path: String, _ body: String, query: [(name: String, value: String)] = []) -> StandInResponse {
            standIn.respond(to: StandInRequest(method: method, path: path, query: query, authorization: "Bearer " + token, body: Array(body.utf8)))
        }
        let test = try Self.json(send("POST", "/inApps/v1/notifications/test", ""))
        let testToken = try #require(test["testNotificationToken"] as? String)
        let status = try Self.json(try Self.get(standIn, "/inApps/v1/notifications/test/" + testToken))
        #expect(status["signedPayload"] is String && (status["sendAttempts"] as? [Any])?.isEmpty == true)
        let nowMS = Int64(Self.now * 1000)
        let history = try Self.json(send("POST", "/inApps/v1/notifications/history", #"{"startDate":\#(nowMS - 1000),"endDate":\#(nowMS + 1000)}"#))
        #expect((history["notificationHistory"] as? [Any])?.count == 1)
        #expect(send("POST", "/inApps/v1/notifications/history", #"{"startDate":\#(nowMS),"endDate":\#(nowMS - 5)}"#).status == 400)
        #expect(send("POST", "/inApps/v1/notifications/history", "{not json").status == 400)

        #expect(send("PUT", "/inApps/v1/transactions/consumption/2000000000000001", #"{"customerConsented":true}"#).status == 202)
        #expect(send("PUT", "/inApps/v2/transactions/consumption/2000000000000001", #"{"customerConsented":false}"#).status == 400)

        // Asked once before the changes, within the same second: the answer is kept for that second, and the PUTs
        // below must make the next GET answer anew.
        let before = try #require(try Self.json(try Self.get(standIn, "/inApps/v1/transactions/2000000000000011"))["signedTransactionInfo"] as? String)
        #expect(DecodedToken.decode(before).claims?["appAccountToken"] == nil)
        #expect(send("PUT", "/inApps/v1/transactions/2000000000000011/appAccountToken", #"{"appAccountToken":"7e3fb20b-4cdb-47cc-936d-99d65f608138"}"#).status == 400)
        #expect(send("PUT", "/inApps/v1/transactions/2000000000000010/appAccountToken", #"{"appAccountToken":"nope"}"#).status == 400)
        #expect(send("PUT", "/inApps/v1/transactions/2000000000000010/appAccountToken", #"{"appAccountToken":"7e3fb20b-4cdb-47cc-936d-99d65f608138"}"#).status == 200)

        let extended = send("PUT", "/inApps/v1/subscriptions/extend/2000000000000010", #"{"extendByDays":5,"extendReasonCode":1,"requestIdentifier":"r1"}"#)
        let effective = try #require(try Self.json(extended)["effectiveDate"] as? Int64)
        #expect(effective == nowMS + 25 * 86_400_000)
        #expect(send("PUT", "/inApps/v1/subscriptions/extend/2000000000000010", #"{"extendByDays":91,"extendReasonCode":1,"requestIdentifier":"r1"}"#).status == 400)

        // The transaction now carries the app account token and the later expiry.
        let jws = try #require(try Self.json(try Self.get(standIn, "/inApps/v1/transactions/2000000000000011"))["signedTransactionInfo"] as? String)
        let claims = try #require(DecodedToken.decode(jws).claims)
        #expect(claims["appAccountToken"]?.stringValue == "7e3fb20b-4cdb-47cc-936d-99d65f608138")
        #expect(claims["expiresDate"] == .integer(effective))
    }

    @Test("The page and its JSON endpoints need no token; the page loads nothing from elsewhere; a pasted curl command is judged")
    func page() throws {
        let standIn = try Self.standIn()
        let page = standIn.respond(to: StandInRequest(method: "GET", path: "/"))
        #expect(page.status == 200 && page.header("Content-Type")?.hasPrefix("text/html") == true)
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
        let curl = "curl -H 'Authorization: Bearer \(try Self.token(bundleID: "com.example.other"))' https://api.storekit.apple.com/inApps/v1/transactions/1"
        var body = JSONWriter()
        body.object(JSONObject(members: [.init(name: "input", value: .string(curl))]))
        let judged = try Self.json(standIn.respond(to: StandInRequest(method: "POST", path: "/jwtlint/judge", body: body.bytes)))
        #expect(judged["verdict"] as? String == "Apple would answer 401")
        #expect((judged["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "claims.bid" } == true)
        #expect((judged["causes"] as? [String])?.isEmpty == false)
        _ = try Self.get(standIn, "/inApps/v1/transactions/2000000000000001")
        let requests = try Self.json(standIn.respond(to: StandInRequest(method: "GET", path: "/jwtlint/requests", query: [("after", "0")])))
        #expect((requests["records"] as? [[String: Any]])?.contains { $0["verdict"] as? String == "accepted" } == true)
    }

    @Test("The sample data file in Vectors/serve loads, and its active subscription and refund are served as such")
    func sampleDataFile() throws {
        let data = try StoreData.load(contentsOf: Self.vectors.appendingPathComponent("serve/data.json").path)
        #expect(data.transactions.count == 6 && data.renewalInfo.count == 2 && data.orders.count == 3)
        let key = try VerificationKey.load(contentsOf: Self.vectors.appendingPathComponent("keys/SubscriptionKey_TESTKEYA01.p8").path)
        let standIn = try StandIn(
            settings: StandInSettings(key: key, issuer: Self.issuer, bundleID: "com.example.app", environment: .sandbox, data: data),
            logDescriptor: open("/dev/null", O_WRONLY), clock: { Self.now })
        let statuses = try Self.json(try Self.get(standIn, "/inApps/v1/subscriptions/2000000100000011"))
        let last = try #require(((statuses["data"] as? [[String: Any]])?.first?["lastTransactions"] as? [[String: Any]])?.first)
        #expect(last["status"] as? Int == 1)
        let yearly = try Self.json(try Self.get(standIn, "/inApps/v1/subscriptions/2000000100000020"))
        let expired = try #require(((yearly["data"] as? [[String: Any]])?.first?["lastTransactions"] as? [[String: Any]])?.first)
        #expect(expired["status"] as? Int == 2)
        let order = try Self.json(try Self.get(standIn, "/inApps/v1/lookup/MQ5ZLR7N9V"))
        #expect((order["signedTransactions"] as? [String])?.count == 3)
    }

    @Test("A data file is read strictly: each mistake is one message naming the file", arguments: [
        (#"{"transactions":[{"productId":"p","type":"Consumable"}]}"#, "no transactionId"),
        (#"{"transactions":[{"transactionId":"1","productId":"p","type":"Consumable"},{"transactionId":"1","productId":"p","type":"Consumable"}]}"#, "twice"),
        (#"{"transactions":[{"transactionId":"1"}]}"#, "needs productId and type"),
        (#"{"orders":{"A":["9"]}}"#, "not there"),
        (#"{"transaction":[]}"#, "unexpected \"transaction\""),
    ])
    func dataFileMistakes(_ text: String, _ says: String) throws {
        let object = try #require(DecodedToken.jsonObject(Array(text.utf8)))
        #expect {
            _ = try StoreData.parse(object, path: "data.json")
        } throws: { error in
            "\(error)".hasPrefix("data file 'data.json': ") && "\(error)".contains(says)
        }
    }
}
