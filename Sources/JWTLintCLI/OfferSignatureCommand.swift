import ArgumentParser
import JWTLint

extension JWTLintCommand {
    /// `jwtlint offer-signature`: checks a legacy promotional offer signature, and names the mistake that broke it.
    struct OfferSignature: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "offer-signature",
            abstract: "Verify a legacy promotional offer signature (not a JWS), and name the classic mistake that broke it.",
            discussion: """
                Give the values the app passes to StoreKit and the signature (standard base64 of a DER ECDSA \
                signature). jwtlint verifies it over Apple's payload (bundle ID, key ID, product, offer, app account \
                token and nonce lower-cased, timestamp in milliseconds, joined by U+2063), checks the timestamp is in \
                milliseconds and under 24 hours old, and when the signature does not verify, tries the classic \
                mistakes (nonce or token not lower-cased, token left out, timestamp in seconds, another separator, \
                another key ID or bundle ID, fields out of order) and names the one it verifies with.

                Example:
                  jwtlint offer-signature --key SubscriptionKey_2X9R4HXF34.p8 --bundle-id com.example.app \\
                      --product com.example.app.monthly --offer winback.50 \\
                      --nonce c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13 --timestamp 1767225570000 "MEUCIQ..."

                Exit status: 0 verified and fresh, 1 with an error finding, 2 unusable input.
                """)

        @Option(name: .long, help: ArgumentHelp("The key: the .p8, a public key PEM or a public JWK.", valueName: "file"))
        var key: String

        @Option(name: .customLong("bundle-id"), help: ArgumentHelp("The app's bundle ID.", valueName: "id"))
        var bundleID: String

        @Option(name: .long, help: ArgumentHelp("The product identifier.", valueName: "id"))
        var product: String

        @Option(name: .long, help: ArgumentHelp("The promotional offer identifier.", valueName: "id"))
        var offer: String

        @Option(name: .long, help: ArgumentHelp("The nonce (a UUID) the app passes.", valueName: "uuid"))
        var nonce: String

        @Option(name: .long, help: ArgumentHelp("The timestamp the app passes, in Unix milliseconds.", valueName: "ms"))
        var timestamp: String

        @Option(name: .customLong("app-account-token"), help: ArgumentHelp("The app account token (or application username) the app passes, if any.", valueName: "value"))
        var appAccountToken: String = ""

        @Option(name: .long, help: ArgumentHelp("The key ID the app passes. Default: the ID in the key file's name.", valueName: "id"))
        var kid: String?

        @Option(name: .long, help: ArgumentHelp("Check as of this time, in Unix seconds (default: this machine's clock).", valueName: "unix-seconds"))
        var now: String?

        @Option(name: .long, help: ArgumentHelp("Output format: text or json (the lint JSON contract).", valueName: "format"))
        var format: Format = .text

        @Flag(name: .customLong("show-signature"), help: "Print the signature itself; by default only its fingerprint.")
        var showSignature = false

        @Argument(help: ArgumentHelp("The signature, as the app passes it.", valueName: "signature"))
        var signature: String

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        func run() throws {
            let time = try CheckValues.time(now: now)
            let loaded = try KeyFileLoader.load(key)
            guard let keyID = kid ?? loaded.keyIDFromFileName else {
                throw UsageError(message: "no key ID: pass --kid (the key ID the app passes), or name the key file SubscriptionKey_<KEYID>.p8")
            }
            for (flag, value) in [("--bundle-id", bundleID), ("--product", product), ("--offer", offer), ("--kid", keyID)]
            where value.isEmpty || value.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                throw UsageError(message: "\(flag) \(JSONText.quoted(String(value.prefix(80)))) is empty or holds whitespace")
            }
            for (flag, value, limit) in [
                ("--bundle-id", bundleID, 1024), ("--product", product, 1024), ("--offer", offer, 1024), ("--kid", keyID, 1024),
                ("--nonce", nonce, 1024), ("--timestamp", timestamp, 1024), ("--app-account-token", appAccountToken, 1024),
                ("the signature", signature, 4096),
            ] where value.utf8.count > limit {
                throw UsageError(message: "\(flag) is \(value.utf8.count) bytes, over the \(limit)-byte limit: not a value an app passes to StoreKit")
            }
            let request = LegacyOfferRequest(
                bundleID: bundleID, keyID: keyID, productID: product, offerIdentifier: offer, appAccountToken: appAccountToken,
                nonce: nonce, timestamp: timestamp, signature: signature.trimmingASCIIWhitespace())
            let others = [loaded.keyIDFromFileName].compactMap { $0 }.filter { $0 != keyID }
            let result = LegacyOfferSignature.check(request, key: loaded.publicKey, now: time, otherKeyIDs: others)
            switch format {
            case .text: Output.standardOutput(OfferSignatureReport.text(request, result, showSignature: showSignature, colour: Output.wantsColour))
            case .json: Output.standardOutput(OfferSignatureReport.json(request, result, showSignature: showSignature))
            }
            Output.flush()
            if result.hasErrors { throw ExitCode(ExitStatus.findings) }
        }
    }
}

extension String {
    /// The string without ASCII whitespace around it.
    func trimmingASCIIWhitespace() -> String {
        let utf8 = Array(self.utf8)
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }
}

