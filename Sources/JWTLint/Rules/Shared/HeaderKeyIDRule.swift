/// `header.kid`: the header names the In-App Purchase key that signed the token.
struct HeaderKeyIDRule: LintRule {
    static let description = RuleDescription(
        id: .headerKeyID,
        defaultSeverity: .error,
        summary: "The header's kid is the signing key's ID: 10 upper-case letters or digits.",
        explanation: """
            Apple finds the key to verify with by the kid: "Your private key ID from App Store Connect (Ex: \
            2X9R4HXF34)". Missing, not a string, holding whitespace (a newline from a CI secret makes every call \
            401, fastlane#29985), or different from the expected key ID: error. Different from the ID in the key file's name \
            (SubscriptionKey_<KEYID>.p8, AuthKey_<KEYID>.p8): warning, since files get renamed. Not 10 upper-case \
            letters or digits: warning (Apple's key IDs have that shape; not checked in Apple's identity tokens, whose \
            keys Apple names otherwise).
            """,
        source: "\(Sources.appStoreServerAPITokens) (kid); apple-jwt-rules §6 causes 6 and 9",
        fix: "Set kid to the ID App Store Connect shows beside the key that signs (Users and Access → Integrations → In-App Purchase, or App Store Connect API for that API's tokens), trimmed.",
        triggeringExamples: [
            .token(header: #"{"alg":"ES256","typ":"JWT"}"#, "no kid"),
            .token(header: #"{"alg":"ES256","kid":"2X9R4HXF34\n","typ":"JWT"}"#, "a trailing newline"),
            .token("differs from the expected key ID", keyID: "ABCDEFGHIJ"),
            .token("differs from the key file's name", keyFileName: "SubscriptionKey_ABCDEFGHIJ.p8", severity: .warning),
            .token(header: #"{"alg":"ES256","kid":"my-key","typ":"JWT"}"#, "not Apple's shape", severity: .warning),
        ],
        nonTriggeringExamples: [
            .token("kid set"),
            .token("matches the expected key ID", keyID: "2X9R4HXF34"),
            .token("matches the file name", keyFileName: "AuthKey_2X9R4HXF34.p8"),
            .token("the expected key ID wins over the file name", keyFileName: "SubscriptionKey_ABCDEFGHIJ.p8", keyID: "2X9R4HXF34"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let header = token.header else { return }
        guard let kid = Self.string(
            "kid", in: header, subject: "The header's kid",
            ifMissing: Self.description.finding(.missing, "The header has no kid; Apple cannot tell which key signed the token."), into: &findings)
        else { return }
        let shown = JSONText.quoted(kid)
        if Whitespace.isInside(kid) {
            findings.append(Self.description.finding(
                .whitespace, "The header's kid \(shown) contains whitespace; Apple will not find a key with that ID.",
                hint: "Trim the key ID where your server reads it (a secret or environment variable often ends in a newline)."))
            return
        }
        if let expected = context.options.expectedKeyID {
            if kid != expected {
                findings.append(Self.description.finding(.mismatch, "The header's kid is \(shown), but the expected key ID is \(JSONText.quoted(expected))."))
            }
        } else if let fromName = context.options.keyIDFromFileName, kid != fromName {
            findings.append(Self.description.finding(
                .fileNameMismatch, "The header's kid is \(shown), but the key file's name says \(JSONText.quoted(fromName)).", severity: .warning,
                hint: "Check that the token is signed with this key; give the expected key ID if the file was renamed."))
        }
        if context.expectations.developerKeyID, !Self.hasAppleShape(kid) {
            findings.append(Self.description.finding(
                .unusualShape, "The header's kid \(shown) is not 10 upper-case letters or digits, the shape of Apple's key IDs.", severity: .warning))
        }
    }

    static func hasAppleShape(_ kid: String) -> Bool {
        kid.utf8.count == 10 && kid.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
