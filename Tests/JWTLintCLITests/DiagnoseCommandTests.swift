import Foundation
import Testing
@testable import JWTLint

@Suite("jwtlint diagnose, end to end")
struct DiagnoseCommandTests {
    /// A lint vector's token and the time and key it is checked with.
    static func vector(_ id: String) throws -> (token: String, now: String, key: String?) {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.vector("lint/cases.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let item = try #require((object["cases"] as? [[String: Any]])?.first { $0["id"] as? String == id }, "\(id)")
        let options = item["options"] as? [String: Any] ?? [:]
        let now = (options["now"] as? NSNumber).map { "\($0.int64Value)" } ?? LintCommandTests.now
        return (item["token"] as? String ?? "", now, (options["key"] as? String).map(CLI.vector))
    }

    static func diagnose(_ input: String, now: String, key: String?, extra: [String] = []) throws -> CLIRun {
        try CLI.run(["diagnose", "--now", now] + (key.map { ["--key", $0] } ?? []) + extra + ["-"], input: input)
    }

    /// The title of the first cause in a diagnose report.
    static func firstCause(_ report: String) -> String {
        report.split(separator: "\n").first { $0.hasPrefix("1. ") }.map(String.init) ?? ""
    }

    @Test(
        "The first cause named is the right one",
        arguments: [
            ("exp-past", "The token has expired"),
            ("iat-milliseconds", "in milliseconds"),
            ("lifetime-7200", "over Apple's 60-minute limit"),
            ("iat-future-61", "Clock skew"),
            ("combined-app-store-connect-api-token", "App Store Connect API token"),
            ("bid-missing", "bid is missing"),
            ("signature-der", "DER-encoded"),
            ("mismatch-signed-by-key-b", "signed with another key"),
            ("combined-milliseconds-no-bid", "in milliseconds"),
            ("combined-storekit-promotional-offer", "StoreKit in-app signature"),
            ("aud-promotional-offer", "StoreKit in-app signature"),
        ])
    func firstCause(_ id: String, _ expected: String) throws {
        let (token, now, key) = try Self.vector(id)
        let run = try Self.diagnose(token, now: now, key: key)
        #expect(run.status == 1)
        #expect(Self.firstCause(run.standardOutput).contains(expected), "\(id): \(Self.firstCause(run.standardOutput))")
        #expect(run.standardOutput.contains("Evidence: ") && run.standardOutput.contains("Fix: "))
    }

    @Test("A curl command with a doubled Bearer: that comes first; the host and Request ID are read")
    func curlDoubledBearer() throws {
        let (token, now, key) = try Self.vector("clean")
        let curl = """
            curl -X POST \\
              -H 'Content-Type: application/json' \\
              -H "Authorization: Bearer Bearer \(token)" \\
              "https://api.storekit.apple.com/inApps/v1/history/2000000123456789"
            """
        let response = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-\(UUID().uuidString).txt")
        try "HTTP/1.1 401 Unauthorized\nserver: daiquiri/3.0.0\n\nUnauthenticated\n\nRequest ID: 4ZQ7VRBWQHJ2ZNUNP4IPWQCKVE.0.0\n"
            .write(to: response, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: response) }
        let run = try Self.diagnose(curl, now: now, key: key, extra: ["--response", response.path])
        #expect(run.status == 1)
        #expect(Self.firstCause(run.standardOutput).contains("Bearer twice"))
        #expect(run.standardOutput.contains("a curl command, POST https://api.storekit.apple.com/inApps/v1/history/2000000123456789"))
        #expect(run.standardOutput.contains("Request ID 4ZQ7VRBWQHJ2ZNUNP4IPWQCKVE.0.0"))
        #expect(!run.standardOutput.contains(token), "the token is echoed")
    }

    @Test("A clean token sent to production: the causes outside the token come first, and exit is 0")
    func cleanTokenToProduction() throws {
        let (token, now, key) = try Self.vector("clean")
        let request = "POST /inApps/v1/history/1 HTTP/1.1\nHost: api.storekit.apple.com\nAuthorization: Bearer \(token)\n\n"
        let run = try Self.diagnose(request, now: now, key: key)
        #expect(run.status == 0)
        #expect(Self.firstCause(run.standardOutput).contains("no production release"))
        #expect(run.standardOutput.contains("a raw HTTP request"))
        #expect(run.standardOutput.contains("Signature: verified"))
    }

    @Test("A request and a response saved with CRLF line ends, as proxies and curl -i write them, are read line by line")
    func crlfRequestAndResponse() throws {
        let (token, now, key) = try Self.vector("clean")
        let request = "POST /inApps/v1/history/1 HTTP/1.1\r\nHost: api.storekit.apple.com\r\nAuthorization: Bearer \(token)\r\n\r\n"
        let response = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-\(UUID().uuidString).txt")
        try "HTTP/1.1 401 Unauthorized\r\nserver: daiquiri/3.0.0\r\n\r\nUnauthenticated\r\n\r\nRequest ID: 4ZQ7VRBWQHJ2ZNUNP4IPWQCKVE.0.0\r\n"
            .write(to: response, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: response) }
        let run = try Self.diagnose(request, now: now, key: key, extra: ["--response", response.path])
        #expect(run.standardOutput.contains("a raw HTTP request"))
        #expect(run.standardOutput.contains("Signature: verified"))
        #expect(run.standardOutput.contains("Request ID 4ZQ7VRBWQHJ2ZNUNP4IPWQCKVE.0.0"))
        #expect(!run.standardOutput.contains("whitespace inside it"))
    }

    @Test("Clock skew within the leeway is still named, with the offset against this machine's clock")
    func skewWithinLeeway() throws {
        let (token, now, key) = try Self.vector("iat-future-60")
        let run = try Self.diagnose("Authorization: Bearer " + token, now: now, key: key)
        #expect(run.standardOutput.contains("Clock skew: iat is ahead of this machine's clock"))
        #expect(run.standardOutput.contains("1 min ahead of this machine's clock"))
    }

    @Test("A 401 is judged as the host's kind of token; a pinned profile judges the token as that kind")
    func profiles() throws {
        let (token, now, key) = try Self.vector("combined-storekit-promotional-offer")
        let sent = try Self.diagnose(
            "curl -H 'Authorization: Bearer \(token)' https://api.storekit.apple.com/inApps/v1/history/1", now: now, key: key)
        #expect(sent.status == 1)
        #expect(sent.standardOutput.contains("Judged as: App Store Server API token (profile app-store-server-api)"))
        #expect(Self.firstCause(sent.standardOutput).contains("StoreKit in-app signature"))
        let pinned = try Self.diagnose(token, now: now, key: key, extra: ["--profile", "promotional-offer"])
        #expect(pinned.status == 0, "a clean promotional offer signature: \(pinned.standardOutput)")
        #expect(pinned.standardOutput.contains("Judged as: promotional offer signature (profile promotional-offer)"))
        #expect(Self.firstCause(pinned.standardOutput).contains("StoreKit in-app signature"))
        let (server, serverNow, serverKey) = try Self.vector("clean")
        let connect = try Self.diagnose(
            "curl -H 'Authorization: Bearer \(server)' https://api.appstoreconnect.apple.com/v1/apps", now: serverNow, key: serverKey)
        #expect(connect.status == 1)
        #expect(connect.standardOutput.contains("Judged as: App Store Connect API token (profile app-store-connect-api)"))
        #expect(Self.firstCause(connect.standardOutput).contains("App Store Server API token, not an App Store Connect API token"))
    }

    @Test("A request with no Authorization header says so first")
    func noAuthorization() throws {
        let run = try Self.diagnose("curl https://api.storekit-sandbox.apple.com/inApps/v1/history/1", now: LintCommandTests.now, key: nil)
        #expect(run.status == 1)
        #expect(Self.firstCause(run.standardOutput).contains("no Authorization header"))
    }

    @Test("Shell words: quotes, escapes and line continuations")
    func shellWords() {
        #expect(ShellWords.split("curl -H 'a b' \"c \\\" d\" e\\ f \\\n g $'h\\ni'") == ["curl", "-H", "a b", "c \" d", "e f", "g", "h\ni"])
    }

    @Test(
        "For Apple's other services, the host picks the kind and the first cause is the right one; the service's error word is read",
        arguments: [
            ("apns-iat-over-an-hour", "https://api.push.apple.com/3/device/abc", #"{"reason":"ExpiredProviderToken"}"#,
             "older than an APNs provider token may be", "ExpiredProviderToken"),
            ("siwa-seven-months", "https://appleid.apple.com/auth/token", #"{"error":"invalid_client"}"#,
             "lives longer than Apple's six months", "invalid_client"),
            ("weatherkit-no-id", "https://weatherkit.apple.com/api/v1/weather/en/37.3/-122.0", "HTTP/1.1 401 Unauthorized",
             "header's id is missing", nil),
        ] as [(String, String, String, String, String?)])
    func otherServices(_ id: String, _ url: String, _ response: String, _ first: String, _ word: String?) throws {
        let (token, now, key) = try Self.vector(id)
        let responseFile = FileManager.default.temporaryDirectory.appendingPathComponent("response-\(UUID()).txt")
        try response.write(to: responseFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: responseFile) }
        let run = try Self.diagnose(
            "curl -H 'authorization: bearer \(token)' \(url)", now: now, key: key, extra: ["--response", responseFile.path])
        #expect(Self.firstCause(run.standardOutput).contains(first), "\(run.standardOutput)")
        if let word {
            #expect(run.standardOutput.contains("The service says \(word)"), "\(run.standardOutput)")
        }
    }
}
