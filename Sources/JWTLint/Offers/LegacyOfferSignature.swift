/// Checks a legacy promotional offer signature as StoreKit does, and when it does not verify, finds the classic
/// mistake that made it.
///
/// Checks, in order: the nonce is a UUID (`offer.nonce`); the timestamp is in milliseconds, not ahead of now
/// and under 24 hours old (`offer.timestamp`); the signature is standard base64 of a DER ECDSA signature
/// (`offer.encoding`); it verifies with the key over Apple's payload (`offer.signature`). When it does not, the
/// payload is made again with each classic mistake (nonce or token not lower-cased, the token left out, the
/// timestamp in seconds, another separator, another key ID or bundle ID, the fields in another order) and the
/// mistake whose payload the signature verifies over is named: a signature verifies over nothing but what was
/// signed, so a name is never a guess.
public enum LegacyOfferSignature {
    /// How long Apple keeps an offer signature usable after its timestamp.
    public static let validity: Double = 86_400

    /// The longest payload whose fields are tried in every order (real payloads are about 150 bytes).
    static let maximumPayloadForOrderSearch = 2048

    /// Checks `request` with `key`, as of `now` (Unix seconds). `otherKeyIDs` are key IDs worth trying when the
    /// signature does not verify (such as the one in the key file's name). `triesFieldOrders`: whether, when
    /// nothing else explains a failure, every other order of the fields is tried (5,039 verifications, a few
    /// tenths of a second).
    public static func check(
        _ request: LegacyOfferRequest, key: ES256PublicKey, now: Double, leeway: Double = LintOptions.defaultLeeway,
        otherKeyIDs: [String] = [], triesFieldOrders: Bool = true
    ) -> LegacyOfferResult {
        var findings: [Finding] = []
        checkNonce(request.nonce, into: &findings)
        checkTimestamp(request.timestamp, now: now, leeway: leeway, into: &findings)
        guard let raw = decodeSignature(request.signature, into: &findings) else {
            return LegacyOfferResult(signature: .invalid, findings: findings)
        }
        let verifier = ES256Verifier(key: key)
        func verifies(_ payload: String) -> Bool {
            let bytes = Array(payload.utf8)
            if let verifier { return bytes.withUnsafeBytes { verifier.isValidSignature(raw, of: $0) } }
            return key.isValidSignature(raw, of: bytes)
        }
        if verifies(request.applePayload) {
            return LegacyOfferResult(signature: .verified, findings: findings)
        }
        let rule = OfferSignatureRules.signature
        if let mistakes = findMistakes(request, otherKeyIDs: otherKeyIDs, triesFieldOrders: triesFieldOrders, verifies: verifies) {
            for mistake in mistakes {
                findings.append(rule.finding(.offerMistake(mistake), message(for: mistake, request), hint: hint(for: mistake)))
            }
        } else {
            findings.append(rule.finding(
                .signatureMismatch,
                "The signature does not verify over Apple's payload with the given key, nor with any classic mistake made: it was signed with another key, or over other values.",
                hint: "Sign with the In-App Purchase key named by the key ID, over exactly the values the app passes to StoreKit."))
        }
        return LegacyOfferResult(signature: .invalid, findings: findings)
    }

    private static func checkNonce(_ nonce: String, into findings: inout [Finding]) {
        guard !IssuerRule.isUUID(nonce) else { return }
        findings.append(OfferSignatureRules.nonce.finding(
            .malformed, "The nonce \(JSONText.quoted(nonce)) is not a UUID; StoreKit takes the nonce as a UUID."))
    }

    private static func checkTimestamp(_ text: String, now: Double, leeway: Double, into findings: inout [Finding]) {
        let rule = OfferSignatureRules.timestamp
        guard !text.isEmpty, text.utf8.count <= 16, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Double(text) else {
            findings.append(rule.finding(.wrongType, "The timestamp \(JSONText.quoted(text)) is not a whole number of milliseconds."))
            return
        }
        if value < TimeClaim.millisecondsThreshold {
            findings.append(rule.finding(
                .seconds,
                "The timestamp \(text) is in seconds (\(TimeText.utc(value))); Apple wants milliseconds.",
                hint: "Multiply by 1000: the timestamp is Unix time in milliseconds, and is signed as written."))
            return
        }
        let seconds = value / 1000
        if seconds > now + leeway {
            findings.append(rule.finding(
                .issuedInFuture,
                "The timestamp is \(TimeText.utc(seconds)), \(TimeText.duration(seconds - now)) ahead of now (\(TimeText.utc(now))).",
                hint: "Sync the signing server's clock with NTP; the timestamp is the time of signing."))
        } else if now - seconds > validity {
            findings.append(rule.finding(
                .expired,
                "The timestamp is \(TimeText.utc(seconds)), \(TimeText.duration(now - seconds)) ago; an offer signature is usable for 24 hours.",
                hint: "Sign a new offer, with a new nonce and the current time, for each purchase attempt."))
        }
    }

    /// The raw `r || s` to verify, or `nil` when the signature cannot be read at all.
    private static func decodeSignature(_ text: String, into findings: inout [Finding]) -> [UInt8]? {
        let rule = OfferSignatureRules.encoding
        var bytes: [UInt8]
        switch Base64.decode(text) {
        case .success(let decoded):
            bytes = decoded
        case .failure(let error):
            guard let lenient = Base64.decodeLeniently(text) else {
                findings.append(rule.finding(.malformed, "The signature \(error.explanation); it is not base64."))
                return nil
            }
            findings.append(rule.finding(
                .notStandardBase64, "The signature \(error.explanation).",
                hint: "Encode the DER signature with standard base64, '=' padding kept, as Apple's libraries do."))
            bytes = lenient
        }
        if !ECDSASignature.isDER(bytes), let text = String(validating: bytes, as: UTF8.self),
            let inner = try? Base64.decode(text).get(), ECDSASignature.isDER(inner) || inner.count == 64
        {
            findings.append(rule.finding(
                .encodedTwice, "The signature is base64-encoded twice: it decodes to base64 text, not to signature bytes.",
                hint: "Base64-encode the DER signature once (react-native-iap#2715)."))
            bytes = inner
        }
        func inRange(_ raw: [UInt8]) -> [UInt8]? {
            let outOfRange = ECDSASignature.outOfRangeComponents(raw)
            guard outOfRange.isEmpty else {
                findings.append(rule.finding(
                    .outOfRange, "The signature's \(outOfRange.joined(separator: " and ")) \(outOfRange.count == 1 ? "is" : "are") zero or not below the P-256 group order; no valid signature has that."))
                return nil
            }
            return raw
        }
        if let raw = ECDSASignature.raw(fromDER: bytes) {
            return inRange(raw)
        }
        if bytes.count == 64 {
            findings.append(rule.finding(
                .der, "The signature is 64 bytes of raw r || s, the JWS form; StoreKit wants the DER (ASN.1) form.",
                hint: "Sign with ECDSA and keep OpenSSL's DER output (Python: key.sign(...); Node: crypto.sign without dsaEncoding)."))
            return inRange(bytes)
        }
        findings.append(rule.finding(
            .wrongLength, "The signature decodes to \(bytes.count) bytes, neither a DER ECDSA signature nor 64 bytes of r || s."))
        return nil
    }

    /// The mistakes whose payload the signature verifies over, or `nil` when none does.
    private static func findMistakes(
        _ request: LegacyOfferRequest, otherKeyIDs: [String], triesFieldOrders: Bool, verifies: (String) -> Bool
    ) -> [OfferSignatureMistake]? {
        let fields = request.appleFields
        let separator = LegacyOfferRequest.separator
        func with(_ index: Int, _ value: String) -> String {
            var changed = fields
            changed[index] = value
            return changed.joined(separator: separator)
        }
        var candidates: [([OfferSignatureMistake], String)] = []
        let nonceVariants = Set([request.nonce, request.nonce.uppercased()]).subtracting([fields[5]]).sorted()
        let tokenVariants = Set([request.appAccountToken, request.appAccountToken.uppercased()]).subtracting([fields[4]]).sorted()
        for nonce in nonceVariants { candidates.append(([.nonceNotLowercased], with(5, nonce))) }
        for token in tokenVariants { candidates.append(([.appAccountTokenNotLowercased], with(4, token))) }
        for nonce in nonceVariants {
            for token in tokenVariants {
                var changed = fields
                changed[5] = nonce
                changed[4] = token
                candidates.append(([.nonceNotLowercased, .appAccountTokenNotLowercased], changed.joined(separator: separator)))
            }
        }
        if !fields[4].isEmpty { candidates.append(([.appAccountTokenLeftOut], with(4, ""))) }
        if let milliseconds = Int64(request.timestamp), milliseconds >= 1000 {
            candidates.append(([.timestampInSeconds], with(6, String(milliseconds / 1000))))
        }
        for (name, other) in separators {
            candidates.append(([.separator(name)], fields.joined(separator: other)))
        }
        for keyID in Set(otherKeyIDs + [request.keyID.lowercased(), request.keyID.uppercased(), ""]).subtracting([request.keyID]).sorted() {
            candidates.append(([.keyID(keyID)], with(1, keyID)))
        }
        for bundleID in Set([request.bundleID.lowercased(), ""]).subtracting([request.bundleID]).sorted() {
            candidates.append(([.bundleID(bundleID)], with(0, bundleID)))
        }
        for (mistakes, payload) in candidates where verifies(payload) {
            return mistakes
        }
        // Every other order is 5,039 verifications: only for payloads of a sensible size.
        guard triesFieldOrders, request.applePayload.utf8.count <= maximumPayloadForOrderSearch else { return nil }
        var order = Array(0..<fields.count)
        while nextPermutation(&order) {
            if verifies(order.map { fields[$0] }.joined(separator: separator)) {
                return [.fieldOrder(order.map { LegacyOfferRequest.fieldNames[$0] })]
            }
        }
        return nil
    }

    /// The separators tried in place of U+2063, by name.
    static let separators: [(String, String)] = [
        ("'|'", "|"), ("','", ","), ("nothing", ""), ("':'", ":"), ("' '", " "), ("a line break", "\n"), ("';'", ";"),
        ("a tab", "\t"), ("U+2064 INVISIBLE PLUS", "\u{2064}"), ("U+2062 INVISIBLE TIMES", "\u{2062}"),
        ("U+200B ZERO WIDTH SPACE", "\u{200B}"), ("'.'", "."), ("'_'", "_"), ("'-'", "-"),
    ]

    /// The next permutation in lexicographic order; `false` after the last.
    private static func nextPermutation(_ items: inout [Int]) -> Bool {
        guard var pivot = items.indices.dropLast().last(where: { items[$0] < items[$0 + 1] }) else { return false }
        let successor = items.indices.last { items[$0] > items[pivot] }!
        items.swapAt(pivot, successor)
        pivot += 1
        items[pivot...].reverse()
        return true
    }

    private static func message(for mistake: OfferSignatureMistake, _ request: LegacyOfferRequest) -> String {
        let start = "The signature does not verify over Apple's payload, but does "
        switch mistake {
        case .nonceNotLowercased:
            return start + "with the nonce not lower-cased: Apple signs and checks the nonce in lower case."
        case .appAccountTokenNotLowercased:
            return start + "with the app account token not lower-cased: Apple signs and checks it in lower case."
        case .appAccountTokenLeftOut:
            return start + "with the app account token left out (empty), while the app passes \(JSONText.quoted(request.appAccountToken))."
        case .timestampInSeconds:
            return start + "with the timestamp in seconds; the app passes milliseconds, and Apple signs what the app passes."
        case .separator(let name):
            return start + "with the fields joined by \(name) instead of U+2063 INVISIBLE SEPARATOR."
        case .keyID(let keyID):
            return start + "with the key ID \(JSONText.quoted(keyID)) instead of \(JSONText.quoted(request.keyID))."
        case .bundleID(let bundleID):
            return start + "with the bundle ID \(JSONText.quoted(bundleID)) instead of \(JSONText.quoted(request.bundleID))."
        case .fieldOrder(let names):
            return start + "with the fields in this order: \(names.joined(separator: ", ")); Apple's order is \(LegacyOfferRequest.fieldNames.joined(separator: ", "))."
        }
    }

    private static func hint(for mistake: OfferSignatureMistake) -> String {
        switch mistake {
        case .nonceNotLowercased:
            return "Lower-case the nonce before signing (Swift's UUID().uuidString is upper case)."
        case .appAccountTokenNotLowercased:
            return "Lower-case the app account token (or application username) before signing."
        case .appAccountTokenLeftOut:
            return "Sign the same app account token the app passes to StoreKit, lower-cased; or have the app pass none."
        case .timestampInSeconds:
            return "Sign the timestamp in milliseconds, exactly as the app passes it to StoreKit."
        case .separator:
            return "Join the fields with U+2063 INVISIBLE SEPARATOR ('\\u2063'), as Apple's libraries do."
        case .keyID:
            return "Sign with the key ID the app passes to StoreKit, the ID of the In-App Purchase key that signs."
        case .bundleID:
            return "Sign with the app's bundle ID exactly as in App Store Connect."
        case .fieldOrder:
            return "Sign bundle ID, key ID, product ID, offer ID, app account token, nonce and timestamp, in that order."
        }
    }
}
