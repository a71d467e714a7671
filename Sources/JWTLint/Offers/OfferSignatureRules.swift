/// The rules about a legacy promotional offer signature, all decided by ``LegacyOfferSignature/check``.
enum OfferSignatureRules {
    /// The rules, in report order.
    static var all: [RuleDescription] { [encoding, nonce, timestamp, signature] }

    /// The values of the examples: what an app passes for a monthly subscription's win-back offer.
    static func request(
        signature: String, nonce: String = Signatures.nonce, timestamp: String = "1767225570000",
        token: String = "7e3fb20b-4cdb-47cc-936d-99d65f608138"
    ) -> LegacyOfferRequest {
        LegacyOfferRequest(
            bundleID: "com.example.app", keyID: "2X9R4HXF34", productID: "com.example.app.monthly", offerIdentifier: "winback.50",
            appAccountToken: token, nonce: nonce, timestamp: timestamp, signature: signature)
    }

    static func example(
        _ signature: String, _ note: String, nonce: String = Signatures.nonce, timestamp: String = "1767225570000",
        token: String = "7e3fb20b-4cdb-47cc-936d-99d65f608138", file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        RuleExample(
            signature, note, key: Signatures.key,
            offer: request(signature: signature, nonce: nonce, timestamp: timestamp, token: token), file: file, line: line)
    }

    /// Signatures by a throwaway key derived from a public string, printed by Vectors/gen/offer_examples.py.
    enum Signatures {
        static let nonce = "c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13"
        static let key = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"1VjQOKdOJm-yfJBwgOJPwb6EweVhQgmfqknY1wfPVPc\",\"y\":\"5k3d67u7BkURcYnxs00t3VfLN6yWeF-d84twlH2I7T8\"}"
        static let clean = "MEYCIQD5XvqZVQ39HkkSlnJnzfEyCvF561uMEhUGz2xC84q4ggIhAPltSC7dxrmQHzjsn2GFpDdgDFJ5nF+MuEBwkDhnYR4W"
        static let noToken = "MEQCIDwTq3jyhOeUkKFLM262BmTOh0bwvRa/D8HS1pTMsvjVAiB1ckZWioD7L/xE2z+GCFxpa4HnCR8hLjyOUxGb/sTkUw=="
        static let upperNonce = "MEYCIQCjxRI9odk1Dge6ZMrYxKYUJFc11PGWtPaM9a0GtU+gUAIhAJRnGeR70ONy+XP4PGej+dswQABPjtGIH+tw+YDQbn1S"
        static let pipes = "MEUCICax5OJqRUXzYjrW9nNi1qUuVezrjDsVD7VLRJcVzxGWAiEA9heafcW58S5IGzZNSSfO/hKADmdf8bEgEi8sQ3nyHhc="
        static let seconds = "MEUCIQCV+HVg5qvqULBvwb7kvEKWmXZvd7cuXmWmcDt5wQtQwQIgErYneoM6uPMADjLEPUO/XgD3WIRhrczH+/Vch99su4Q="
        static let swapped = "MEUCIQDnZIcVM35fhITO/JdekePBgw7QWQ8ioKZOBiQ65a6pywIgGcSCfS84rgRiHpHbJmcTugm8SsHyXms1Wtlr1Y9bjp0="
        static let old = "MEUCICsAbZuaf5sG9K1SybblCaRrEwrWjw2IjY/J3RpimvS1AiEAqbakZ7vQuHFIKI97rWWlxLxR9aj4uky/aUaGHNnUUws="
        static let rawRS = "+V76mVUN/R5JEpZyZ83xMgrxeetbjBIVBs9sQvOKuIL5bUgu3ca5kB847J9hhaQ3YAxSeZxfjLhAcJA4Z2EeFg=="
        static let url = "MEYCIQD5XvqZVQ39HkkSlnJnzfEyCvF561uMEhUGz2xC84q4ggIhAPltSC7dxrmQHzjsn2GFpDdgDFJ5nF-MuEBwkDhnYR4W"
        static let twice = "TUVZQ0lRRDVYdnFaVlEzOUhra1NsbkpuemZFeUN2RjU2MXVNRWhVR3oyeEM4NHE0Z2dJaEFQbHRTQzdkeHJtUUh6anNuMkdGcERkZ0RGSjVuRitNdUVCd2tEaG5ZUjRX"
    }

    static let encoding = RuleDescription(
        id: .offerEncoding,
        defaultSeverity: .error,
        summary: "The signature is standard base64 (with padding) of a DER ECDSA P-256 signature.",
        explanation: """
            The legacy promotional offer signature is ECDSA P-256 with SHA-256 in DER (ASN.1), encoded as standard \
            base64; StoreKit 1 takes that string and StoreKit 2 the bytes it decodes to. base64url or missing \
            padding, a signature base64-encoded twice (react-native-iap#2715), the raw 64-byte r || s of a JWS, or \
            bytes that are no signature at all are errors: StoreKit answers only "invalid signature".
            """,
        source: "\(Sources.promotionalOfferSignature); \(Sources.appleLibrariesLegacyOffer)",
        fix: "Sign the payload with ECDSA P-256 SHA-256, keep the DER output, and encode it once with standard base64.",
        triggeringExamples: [
            example(Signatures.url, "base64url"),
            example(Signatures.twice, "base64-encoded twice"),
            example(Signatures.rawRS, "raw r || s, as in a JWS"),
            example("not a signature", "not base64"),
        ],
        nonTriggeringExamples: [example(Signatures.clean, "standard base64 of DER")])

    static let nonce = RuleDescription(
        id: .offerNonce,
        defaultSeverity: .error,
        summary: "The nonce is a UUID (either case; it is signed in lower case).",
        explanation: """
            The nonce is "A one-time UUID value that your server generates", which StoreKit takes as a UUID; \
            Apple signs and checks it in lower case. A nonce that is not 8-4-4-4-12 hexadecimal digits is an error.
            """,
        source: "\(Sources.promotionalOfferSignature) (nonce)",
        fix: "Generate a new UUID for each signature and pass the same one to StoreKit.",
        triggeringExamples: [example(Signatures.clean, "not a UUID", nonce: "12345")],
        nonTriggeringExamples: [
            example(Signatures.clean, "a lower-case UUID"),
            example(Signatures.clean, "an upper-case UUID, lower-cased for the payload", nonce: Signatures.nonce.uppercased()),
        ])

    static let timestamp = RuleDescription(
        id: .offerTimestamp,
        defaultSeverity: .error,
        summary: "The timestamp is Unix milliseconds, not ahead of now, and under 24 hours old.",
        explanation: """
            "A timestamp your server generates in UNIX time format, in milliseconds. The timestamp keeps the offer \
            active for 24 hours." A timestamp that is not a whole number, is in seconds, is ahead of now by more \
            than the leeway, or is more than 24 hours old is an error.
            """,
        source: "\(Sources.promotionalOfferSignature) (timestamp); \(Sources.appleLibrariesLegacyOffer)",
        fix: "Sign the current time in milliseconds (Date().timeIntervalSince1970 * 1000, Date.now()), and make a new signature for each purchase attempt.",
        triggeringExamples: [
            example(Signatures.seconds, "in seconds", timestamp: "1767225570"),
            example(Signatures.old, "25 hours old", timestamp: "1767135600000"),
            example(Signatures.clean, "2 minutes ahead", timestamp: "1767225720000"),
        ],
        nonTriggeringExamples: [example(Signatures.clean, "30 s old, in milliseconds")])

    static let signature = RuleDescription(
        id: .offerSignature,
        defaultSeverity: .error,
        summary: "The signature verifies with the key over Apple's payload: bundle ID, key ID, product, offer, token and nonce lower-cased, timestamp, joined by U+2063.",
        explanation: """
            Apple checks the signature over "appBundleID + '\\u2063' + keyIdentifier + '\\u2063' + productIdentifier + \
            '\\u2063' + offerIdentifier + '\\u2063' + appAccountToken + '\\u2063' + nonce + '\\u2063' + timestamp", the \
            app account token and nonce in lower case, and StoreKit says only "invalid signature" when it fails. \
            When it does not verify, jwtlint tries the classic mistakes (the nonce or token not lower-cased, the \
            token left out, the timestamp in seconds, another separator such as '|' or U+2064, another key ID or \
            bundle ID, the fields in another order) and names the one whose payload the signature verifies over.
            """,
        source: "\(Sources.promotionalOfferSignature); \(Sources.appleLibrariesLegacyOffer); app-store-server-library-node#100",
        fix: "Sign exactly Apple's payload with the In-App Purchase key the key ID names (Apple's libraries: PromotionalOfferSignatureCreator).",
        triggeringExamples: [
            example(Signatures.upperNonce, "the nonce signed in upper case"),
            example(Signatures.pipes, "fields joined by '|'"),
            example(Signatures.seconds, "the timestamp signed in seconds, passed in milliseconds"),
            example(Signatures.swapped, "product and offer swapped"),
            example(Signatures.noToken, "the token left out of the payload"),
            example(Signatures.clean, "another app account token", token: "00000000-0000-4000-8000-000000000000"),
        ],
        nonTriggeringExamples: [
            example(Signatures.clean, "Apple's payload, verified"),
            example(Signatures.clean, "the token passed in upper case, lower-cased for the payload", token: "7E3FB20B-4CDB-47CC-936D-99D65F608138"),
        ])
}
