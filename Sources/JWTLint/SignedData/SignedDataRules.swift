/// The rules about data the App Store signs (the `apple-signed` profile), all decided by one check
/// (``SignedDataCheck``) that follows Apple's `SignedDataVerifier` step by step.
enum SignedDataRules {
    /// The rules, in report order.
    static var all: [RuleDescription] {
        [length, certificate, chain, leafOID, intermediateOID, leafKey, root, type, unsigned, date, claims, bundleID, appAppleID, environment]
    }

    private static let verifier = "Apple's SignedDataVerifier (app-store-server-library: signed_data_verifier.py, SignedDataVerifier.swift, ChainVerifier.java, jws_verification.ts)"

    static let length = RuleDescription(
        id: .x5cLength,
        defaultSeverity: .error,
        summary: "The header's x5c holds exactly three certificates: leaf, intermediate, root.",
        explanation: """
            The App Store signs with a leaf certificate under Apple's Worldwide Developer Relations intermediate \
            under Apple Root CA - G3, and puts all three, base64 DER, in the header's x5c. Apple's verifier fails \
            data without x5c (VERIFICATION_FAILURE) and any other number of certificates (INVALID_CHAIN_LENGTH); \
            data made by StoreKit testing in Xcode carries one certificate.
            """,
        source: "\(verifier); RFC 7515 §4.1.6 (x5c)",
        fix: "Verify the JWS exactly as Apple sent it; if it has fewer certificates, it was not signed by the App Store (Xcode or local testing data).",
        triggeringExamples: [
            .signed(SignedDataExamples.twoCertificates, "two certificates"),
            .signed(SignedDataExamples.noX5C, "no x5c"),
        ],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction of the test chain")])

    static let certificate = RuleDescription(
        id: .x5cCertificate,
        defaultSeverity: .error,
        summary: "The leaf and the intermediate in x5c are standard base64 of DER X.509 certificates.",
        explanation: """
            Apple's verifier decodes the first two entries of x5c with strict standard base64 and reads them as DER \
            certificates; an entry that is not one fails with INVALID_CERTIFICATE. (It never reads the third: the root \
            comes from its own settings.)
            """,
        source: "\(verifier); RFC 7515 §4.1.6",
        fix: "Pass the JWS through unchanged: a certificate that does not parse was damaged on the way (cut short, re-encoded, or edited).",
        triggeringExamples: [.signed(SignedDataExamples.garbageLeaf, "a leaf that is base64 of bytes that are no certificate")],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction of the test chain")])

    static let chain = RuleDescription(
        id: .x5cChain,
        defaultSeverity: .error,
        summary: "The leaf, through the intermediate, verifies to a trusted root (Apple Root CA - G3) as of the data's signedDate, strictly.",
        explanation: """
            Apple's verifier builds the chain from the leaf and the intermediate to the roots it trusts (Apple Root \
            CA - G3), with OpenSSL's X509_STRICT checks, as of the payload's signedDate (an app transaction's \
            receiptCreationDate; now when there is neither, or with online checks on). A chain to another root, or a \
            certificate not valid at that time, fails with VERIFICATION_FAILURE. A certificate in x5c is never trusted \
            because the JWS carries it.
            """,
        source: "\(verifier); RFC 5280 §6",
        fix: "Trust only Apple Root CA - G3 in production; give a test root only in tests. Check past data as of its signedDate.",
        triggeringExamples: [
            .signed(SignedDataExamples.untrustedRoot, "a chain to a root that is not trusted"),
            .signed(SignedDataExamples.expiredLeaf, "a leaf that expired before signedDate"),
            .signed(SignedDataExamples.transaction, "the test chain with only Apple's root trusted", trustsTestRoot: false),
        ],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction of the test chain, its root trusted")])

    static let leafOID = RuleDescription(
        id: .x5cLeafOID,
        defaultSeverity: .error,
        summary: "The leaf certificate has Apple's extension 1.2.840.113635.100.6.11.1.",
        explanation: """
            The App Store's signing certificates carry the extension 1.2.840.113635.100.6.11.1; Apple's verifier \
            requires it of the leaf, so that no other certificate under Apple's root can sign App Store data.
            """,
        source: verifier,
        fix: "Data signed by a leaf without the OID is not the App Store's; in tests, make the leaf with the extension.",
        triggeringExamples: [.signed(SignedDataExamples.leafWithoutOID, "a leaf without the OID")],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction of the test chain")])

    static let intermediateOID = RuleDescription(
        id: .x5cIntermediateOID,
        defaultSeverity: .error,
        summary: "The intermediate certificate has Apple's extension 1.2.840.113635.100.6.2.1.",
        explanation: """
            Apple's Worldwide Developer Relations intermediate CA carries the extension 1.2.840.113635.100.6.2.1; \
            Apple's verifier requires it of the certificate after the leaf in the verified chain.
            """,
        source: verifier,
        fix: "Data whose intermediate lacks the OID is not the App Store's; in tests, make the intermediate with the extension.",
        triggeringExamples: [.signed(SignedDataExamples.intermediateWithoutOID, "an intermediate without the OID")],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction of the test chain")])

    static let leafKey = RuleDescription(
        id: .x5cLeafKey,
        defaultSeverity: .error,
        summary: "The leaf certificate's key is an EC P-256 key, as ES256 needs.",
        explanation: """
            The JWS is verified with the leaf's public key under ES256, which is ECDSA on P-256; a leaf with any \
            other key cannot have made the signature, and Apple's verifier fails it (VERIFICATION_FAILURE).
            """,
        source: "\(verifier); RFC 7518 §3.4",
        fix: "Sign App Store-style test data with a P-256 leaf key.",
        triggeringExamples: [.signed(SignedDataExamples.p384Leaf, "a P-384 leaf")],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction of the test chain")])

    static let root = RuleDescription(
        id: .x5cRoot,
        defaultSeverity: .warning,
        summary: "The third certificate in x5c is the root the chain verified to.",
        explanation: """
            Apple's verifier ignores the third certificate of x5c and takes the root from its settings, so data \
            whose third certificate is another one still verifies. jwtlint says so: the data was changed after \
            the App Store made it, or was put together by hand.
            """,
        source: verifier,
        fix: "Pass the JWS through unchanged; in tests, put the test root third.",
        triggeringExamples: [.signed(SignedDataExamples.rootSwapped, "another root third")],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction of the test chain")])

    static let type = RuleDescription(
        id: .signedDataType,
        defaultSeverity: .warning,
        summary: "The payload is a notification, transaction, renewal info, app transaction or realtime request.",
        explanation: """
            Apple's verifier has one method per kind of payload, and each compares different members with the \
            app's settings. jwtlint tells the kind by the payload's members (notificationType, transactionId, \
            autoRenewStatus, receiptType, requestIdentifier); a payload of no known kind is judged as a transaction.
            """,
        source: "\(verifier); App Store Server API (JWSTransactionDecodedPayload, JWSRenewalInfoDecodedPayload, ResponseBodyV2DecodedPayload)",
        fix: "Lint the JWS Apple sent (signedPayload, signedTransactionInfo, signedRenewalInfo) rather than data built by hand.",
        triggeringExamples: [.signed(SignedDataExamples.unknownPayload, "a payload of no known kind", severity: .warning)],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction")])

    static let unsigned = RuleDescription(
        id: .signedDataUnsigned,
        defaultSeverity: .error,
        summary: "The data is signed by the App Store: not Xcode or local testing data, unless that is what is expected.",
        explanation: """
            StoreKit testing in Xcode and local testing make data the App Store did not sign (environment Xcode or \
            LocalTesting). Apple's verifier skips the signature only when it is set up for those environments. \
            jwtlint reports such data as an error, and as a warning when --environment xcode or local-testing says \
            it is expected: never accept it in production.
            """,
        source: verifier,
        fix: "Test against the sandbox; verify Xcode data only in tests, with the Xcode environment.",
        triggeringExamples: [
            .signed(SignedDataExamples.xcodeTransaction, "Xcode data given to a sandbox verifier"),
            .signed(SignedDataExamples.xcodeTransaction, "Xcode data, Xcode expected", environment: .xcode, severity: .warning),
        ],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "sandbox data")])

    static let date = RuleDescription(
        id: .signedDataDate,
        defaultSeverity: .error,
        summary: "signedDate (an app transaction's receiptCreationDate) is a number of milliseconds.",
        explanation: """
            The chain is checked as of the payload's signedDate, in milliseconds since 1970; Apple's verifier fails \
            data whose date is not a number (VERIFICATION_FAILURE).
            """,
        source: verifier,
        fix: "Pass the JWS through unchanged; App Store data always has a numeric signedDate.",
        triggeringExamples: [.signed(SignedDataExamples.signedDateNotANumber, "signedDate \"yesterday\"")],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction")])

    static let claims = RuleDescription(
        id: .signedDataClaims,
        defaultSeverity: .error,
        summary: "Registered JWT claims, when there, pass the JWT library Apple's Python verifier decodes with: exp not past, nbf and iat not ahead, no aud, sub and jti strings.",
        explanation: """
            Apple's Python verifier decodes the data with PyJWT once the chain verifies, and PyJWT checks the \
            registered claims it finds: exp, nbf and iat must be whole numbers (exp after now, nbf and iat not after \
            now), aud must be absent (no audience is expected), sub and jti must be strings. App Store data has none \
            of them; data that has them was made by something else, and fails with VERIFICATION_FAILURE. jwtlint \
            checks them as of its now (PyJWT: the clock).
            """,
        source: "\(verifier); PyJWT (api_jwt.py, _validate_claims)",
        fix: "Pass the JWS Apple sent unchanged; App Store data carries none of these claims.",
        triggeringExamples: [.signed(SignedDataExamples.expiredClaim, "exp in 2017")],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction, no registered claims")])

    static let bundleID = RuleDescription(
        id: .signedDataBundleID,
        defaultSeverity: .error,
        summary: "bundleId is the app's bundle ID (transactions, notifications, app transactions).",
        explanation: """
            Apple's verifier compares the payload's bundleId (a notification's data.bundleId) with the bundle ID it \
            was made for, and fails data for another app with INVALID_APP_IDENTIFIER. Without an expected bundle ID, \
            jwtlint says it did not compare.
            """,
        source: verifier,
        fix: "Give the verifier your app's bundle ID exactly (case-sensitive); data for another app is not yours to accept.",
        triggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction for com.example.app, com.example.other expected", bundleID: "com.example.other")],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "a transaction for com.example.app")])

    static let appAppleID = RuleDescription(
        id: .signedDataAppAppleID,
        defaultSeverity: .error,
        summary: "In production, appAppleId is the app's Apple ID (notifications, app transactions, realtime requests).",
        explanation: """
            A production verifier needs the app's Apple ID (Apple's libraries refuse to be made without it) and \
            fails production notifications, app transactions and realtime requests for another app with \
            INVALID_APP_IDENTIFIER. Sandbox data is not compared.
            """,
        source: verifier,
        fix: "Give the verifier your app's Apple ID (App Store Connect, App Information) for production.",
        triggeringExamples: [
            .signed(SignedDataExamples.otherAppNotification, "a production notification for another app", environment: .production, appAppleID: 1_234_567_890)
        ],
        nonTriggeringExamples: [
            .signed(SignedDataExamples.productionNotification, "a production notification for this app", environment: .production, appAppleID: 1_234_567_890)
        ])

    static let environment = RuleDescription(
        id: .signedDataEnvironment,
        defaultSeverity: .error,
        summary: "The data's environment (an app transaction's receiptType) is the one expected.",
        explanation: """
            Apple's verifier is made for one environment and fails data of another with INVALID_ENVIRONMENT: \
            sandbox data (App Review, TestFlight) sent to a production verifier is the usual case. Without an \
            expected environment, jwtlint judges as a verifier for the data's own environment would, and says so.
            """,
        source: verifier,
        fix: "Verify with the environment the data names; a production server that gets sandbox data retries with a sandbox verifier.",
        triggeringExamples: [
            .signed(SignedDataExamples.transaction, "sandbox data, production expected", environment: .production, appAppleID: 1_234_567_890)
        ],
        nonTriggeringExamples: [.signed(SignedDataExamples.transaction, "sandbox data, sandbox expected")])
}
