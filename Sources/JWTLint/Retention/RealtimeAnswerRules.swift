/// The rules about a developer's answer to a Retention Messaging realtime request, all decided by
/// ``RealtimeAnswerCheck/check(_:expecting:)`` (`jwtlint realtime`).
enum RealtimeAnswerRules {
    /// The rules, in report order.
    static var all: [RuleDescription] { [status, json, choice, members, offer, time] }

    /// The message identifier of the examples: a message uploaded with Upload Message.
    static let messageID = "a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b"
    static let message = #"{"message":{"messageIdentifier":"\#(messageID)"}}"#
    static let alternateProduct =
        #"{"alternateProduct":{"messageIdentifier":"\#(messageID)","productId":"com.example.app.yearly","billingPlanType":"BILLED_UPFRONT"}}"#

    /// An answer with a promotional offer whose signature is `signature` (JSON text).
    static func promotionalOffer(_ signature: String) -> String {
        #"{"promotionalOffer":{"messageIdentifier":"\#(messageID)",\#(signature)}}"#
    }

    /// A V2 signature (a promotional offer JWS with a dummy signature) with these claims set.
    static func v2(setting: KeyValuePairs<String, String> = [:], removing: [String] = []) -> String {
        let jws = RuleExample.token(.promotionalOffer, setting: setting, removing: removing, "").input
        return #""promotionalOfferSignatureV2":"\#(jws)""#
    }

    /// V1 fields: those of the legacy offer examples, signed by their key (``OfferSignatureRules``), less some.
    static func v1(removing: [String] = [], signature: String = OfferSignatureRules.Signatures.clean) -> String {
        let request = OfferSignatureRules.request(signature: signature)
        let members: [(String, JSONValue)] = [
            ("encodedSignature", .string(request.signature)), ("productId", .string(request.productID)), ("nonce", .string(request.nonce)),
            ("timestamp", .integer(Int64(request.timestamp) ?? 0)), ("keyId", .string(request.keyID)),
            ("offerIdentifier", .string(request.offerIdentifier)), ("appAccountToken", .string(request.appAccountToken)),
        ]
        var writer = JSONWriter()
        writer.object(JSONObject(members: members.filter { !removing.contains($0.0) }.map { JSONObject.Member(name: $0.0, value: $0.1) }))
        let fields = writer.text.dropFirst().dropLast()
        return #""promotionalOfferSignatureV1":{\#(fields)}"#
    }

    static let status = RuleDescription(
        id: .retentionStatus,
        defaultSeverity: .error,
        summary: "The endpoint answers HTTP 200.",
        explanation: """
            "If your server response fails for any reason, the system displays a default retention message that you \
            configure in advance." An answer with any status other than 200 is an error: the customer sees the \
            default message, not the one chosen.
            """,
        source: Sources.retentionResponding,
        fix: "Answer 200 with a RealtimeResponseBody; when no message fits, still answer 200 with the message you want shown.",
        triggeringExamples: [
            .realtime("", "a server error", status: 500),
            .realtime(message, "a message, but with 201", status: 201),
        ],
        nonTriggeringExamples: [.realtime(message, "200 with a message")])

    static let json = RuleDescription(
        id: .retentionJSON,
        defaultSeverity: .error,
        summary: "The body is one JSON object.",
        explanation: """
            The answer is a RealtimeResponseBody, a JSON object. An empty body, text that is not JSON, or JSON that \
            is not an object (an array, a string) is an error: Apple cannot read a choice from it.
            """,
        source: "\(Sources.retentionResponding); \(Sources.appleLibrariesRealtime)",
        fix: "Answer a JSON object such as {\"message\":{\"messageIdentifier\":\"…\"}}, with Content-Type application/json.",
        triggeringExamples: [
            .realtime("", "an empty body"),
            .realtime("OK", "text"),
            .realtime(#"[{"message":{}}]"#, "an array"),
        ],
        nonTriggeringExamples: [.realtime(message, "an object")])

    static let choice = RuleDescription(
        id: .retentionChoice,
        defaultSeverity: .error,
        summary: "The answer chooses exactly one of message, alternateProduct, promotionalOffer and advancedCommerceInfo.",
        explanation: """
            "In your RealtimeResponseBody real-time response, you can choose from mutually exclusive options": a \
            message, an alternate product, a promotional offer, or Advanced Commerce data. None, or more than one, \
            is an error. A member Apple does not define is a warning: it is not read, and is often a misspelled \
            option.
            """,
        source: "\(Sources.retentionResponding); \(Sources.appleLibrariesRealtime)",
        fix: "Give exactly one of message, alternateProduct, promotionalOffer or advancedCommerceInfo, spelled as Apple spells it.",
        triggeringExamples: [
            .realtime("{}", "no choice"),
            .realtime(#"{"message":{"messageIdentifier":"\#(messageID)"},"alternateProduct":{"messageIdentifier":"\#(messageID)","productId":"com.example.app.yearly"}}"#, "two choices"),
            .realtime(#"{"messsage":{"messageIdentifier":"\#(messageID)"},"message":{"messageIdentifier":"\#(messageID)"}}"#, "a misspelled member beside a choice", severity: .warning),
        ],
        nonTriggeringExamples: [.realtime(message, "a message"), .realtime(alternateProduct, "an alternate product")])

    static let members = RuleDescription(
        id: .retentionMembers,
        defaultSeverity: .error,
        summary: "The chosen option has its members with Apple's types: a UUID messageIdentifier, and a productId, billingPlanType or advancedCommerceData where they belong.",
        explanation: """
            Every option names the uploaded message to show by its messageIdentifier, a UUID; an alternateProduct \
            names its productId and may give a billingPlanType (BILLED_UPFRONT or MONTHLY); advancedCommerceInfo \
            carries advancedCommerceData. A member missing, empty, of the wrong type or value is an error: the \
            retention message fails and the default one is shown.
            """,
        source: "\(Sources.retentionResponding); \(Sources.appleLibrariesRealtime)",
        fix: "Give the messageIdentifier of an approved message (Upload Message), and the members the option needs.",
        triggeringExamples: [
            .realtime(#"{"message":{}}"#, "no message identifier"),
            .realtime(#"{"message":{"messageIdentifier":"winback"}}"#, "a message identifier that is not a UUID"),
            .realtime(#"{"message":"\#(messageID)"}"#, "the identifier where the object belongs"),
            .realtime(#"{"alternateProduct":{"messageIdentifier":"\#(messageID)"}}"#, "an alternate product with no product"),
            .realtime(#"{"alternateProduct":{"messageIdentifier":"\#(messageID)","productId":"com.example.app.yearly","billingPlanType":"WEEKLY"}}"#, "a billing plan type Apple does not have"),
            .realtime(#"{"advancedCommerceInfo":{"messageIdentifier":"\#(messageID)"}}"#, "Advanced Commerce with no data"),
        ],
        nonTriggeringExamples: [
            .realtime(message, "a message"),
            .realtime(alternateProduct, "an alternate product"),
            .realtime(#"{"advancedCommerceInfo":{"messageIdentifier":"\#(messageID)","advancedCommerceData":"eyJ"}}"#, "Advanced Commerce data"),
        ])

    static let offer = RuleDescription(
        id: .retentionOffer,
        defaultSeverity: .error,
        summary: "A promotional offer is signed once, with a V2 JWS whose transactionId is the request's originalTransactionId, or with complete V1 fields.",
        explanation: """
            A promotionalOffer carries promotionalOfferSignatureV2, a promotional offer JWS, or \
            promotionalOfferSignatureV1, the legacy signature's fields (encodedSignature, productId, nonce, timestamp, \
            keyId, offerIdentifier, and appAccountToken when one was signed). Neither or both, a V1 field missing or \
            of the wrong type, or a V2 JWS whose transactionId is not the request's originalTransactionId ("required. \
            Use the originalTransactionId you receive") is an error. The signature itself is then judged by the \
            promotional-offer profile's rules (V2) or the offer.* rules (V1), each finding named by its member; with \
            no key to verify a V1 signature with, this rule warns that it was not verified.
            """,
        source: "\(Sources.retentionResponding); Apple, promotionalOfferSignatureV2 (Retention Messaging API): https://developer.apple.com/documentation/retentionmessaging/promotionaloffersignaturev2; \(Sources.appleLibrariesRealtime)",
        fix: "Sign the offer with the In-App Purchase key (Apple's libraries: PromotionalOfferV2SignatureCreator with the request's originalTransactionId) and give the JWS as promotionalOfferSignatureV2.",
        triggeringExamples: [
            .realtime(promotionalOffer(#""productId":"com.example.app.monthly""#), "no signature"),
            .realtime(promotionalOffer(v2(setting: ["transactionId": #""2000000999999999""#])), "a V2 JWS for another transaction"),
            .realtime(promotionalOffer(v2(removing: ["transactionId"])), "a V2 JWS with no transactionId"),
            .realtime(promotionalOffer(v2() + "," + v1()), "both V2 and V1", key: OfferSignatureRules.Signatures.key),
            .realtime(promotionalOffer(v1(removing: ["nonce"])), "V1 with no nonce", key: OfferSignatureRules.Signatures.key),
            .realtime(promotionalOffer(v1()), "V1, with no key to verify it with", severity: .warning),
        ],
        nonTriggeringExamples: [
            .realtime(promotionalOffer(v2()), "a V2 JWS for the request's transaction"),
            .realtime(promotionalOffer(v1()), "V1 fields, verified with the key", key: OfferSignatureRules.Signatures.key),
        ])

    static let time = RuleDescription(
        id: .retentionTime,
        defaultSeverity: .error,
        summary: "The answer comes within Apple's time limit, about 700 ms.",
        explanation: """
            "To pass the performance test, your server must respond to requests within approximately 700 ms in the \
            sandbox environment", and a production URL is allowed only after the test passes. An answer slower than \
            the limit (700 ms unless --time-limit says otherwise) is an error: Apple shows the default message instead.
            """,
        source: Sources.retentionEndpoint,
        fix: "Answer from data at hand (a cache of the customer's state) rather than calling other services while Apple waits.",
        triggeringExamples: [.realtime(message, "900 ms", seconds: 0.9)],
        nonTriggeringExamples: [.realtime(message, "200 ms", seconds: 0.2)])
}
