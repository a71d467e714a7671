/// What a developer's Get Retention Message endpoint answered to one realtime request.
package struct RealtimeAnswer: Sendable, Hashable {
    /// The HTTP status.
    package var status: Int
    /// The body, as received (up to the client's limit).
    package var body: [UInt8]
    /// How long the answer took, from sending the request to the end of the answer, in seconds.
    package var seconds: Double

    /// An answer with these parts.
    package init(status: Int, body: [UInt8], seconds: Double) {
        self.status = status
        self.body = body
        self.seconds = seconds
    }
}

/// What an answer to a realtime request is judged against.
package struct RealtimeAnswerExpectations: Sendable {
    /// The request's `originalTransactionId`, which a promotional offer signature V2 must carry as its
    /// `transactionId`.
    package var originalTransactionID: String
    /// The app's bundle ID: the `bid` of a V2 offer signature, and part of what a V1 signature signs.
    package var bundleID: String
    /// The In-App Purchase key's public key, to verify an offer signature with; `nil` leaves it unverified.
    package var key: ES256PublicKey?
    /// The key ID in the key file's name (`SubscriptionKey_<KEYID>.p8`), if any.
    package var keyIDFromFileName: String?
    /// The time to judge offer signatures at, in Unix seconds.
    package var now: Double
    /// How long Apple waits for an answer, in seconds: 0.7 (Apple's Retention Messaging documentation).
    package var timeLimit: Double = RealtimeAnswerCheck.appleTimeLimit

    /// Expectations for an answer to a request about `originalTransactionID` of the app `bundleID`.
    package init(originalTransactionID: String, bundleID: String, key: ES256PublicKey? = nil, keyIDFromFileName: String? = nil, now: Double) {
        self.originalTransactionID = originalTransactionID
        self.bundleID = bundleID
        self.key = key
        self.keyIDFromFileName = keyIDFromFileName
        self.now = now
    }
}

/// The retention message an answer chooses: the members of Apple's `RealtimeResponseBody`, of which an answer
/// holds exactly one.
package enum RealtimeChoice: String, Sendable, Hashable, CaseIterable {
    /// A text message, with or without an image (`message`).
    case message
    /// A switch-plan message suggesting another subscription (`alternateProduct`).
    case alternateProduct
    /// A message with a promotional offer, signed (`promotionalOffer`).
    case promotionalOffer
    /// A message with Advanced Commerce data (`advancedCommerceInfo`).
    case advancedCommerceInfo
}

/// The verdict on one answer to a realtime request.
package struct RealtimeAnswerResult: Sendable {
    /// The retention message the answer chooses, when it chooses exactly one.
    package let choice: RealtimeChoice?
    /// For a promotional offer: whether its signature verified with the key (`nil` when there is none to check).
    package let offerSignature: LintResult.SignatureStatus?
    /// Every finding, in rule order (the embedded offer signature's own findings name the member they are about).
    package let findings: [Finding]

    init(choice: RealtimeChoice?, offerSignature: LintResult.SignatureStatus?, findings: [Finding]) {
        self.choice = choice
        self.offerSignature = offerSignature
        self.findings = findings.enumerated().sorted {
            $0.element.rule != $1.element.rule ? $0.element.rule < $1.element.rule : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Whether any finding is an error: Apple would show the customer no message of the developer's choosing.
    package var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
