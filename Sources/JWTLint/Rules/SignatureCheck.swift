/// Checks the ES256 signature: its encoding, the range of r and s, and the verification itself.
enum SignatureCheck {
    /// Appends `signature.*` findings and says what was checked. `verifier`, when given, must be for
    /// `options.key`; without it the key's one-shot verification is used.
    static func check(
        _ token: DecodedToken, options: LintOptions, verifier: ES256Verifier? = nil, into findings: inout [Finding]
    ) -> LintResult.SignatureStatus {
        guard let header = token.header, let signature = token.signature else { return .unchecked }
        if options.key == nil {
            if options.keySet != nil {
                findings.append(SignatureRules.unverified.finding(
                    .noKey, "Only a JWK Set was given; it verifies Apple's identity tokens (RS256), not ES256 tokens, so the signature was not verified.",
                    hint: "Give the key that signed the token (the .p8 or its public key) with --key."))
            } else {
                findings.append(SignatureRules.unverified.finding(.noKey, "No key was given, so the signature was not verified."))
            }
        }
        guard header["alg"]?.stringValue == "ES256" else { return .unchecked }
        return verify(token, signature: signature, key: options.key, verifier: verifier, keyName: "the given key", into: &findings)
    }

    /// Verifies an RS256 token with the key of `options.keySet` that its `kid` names, and appends the
    /// `signature.*` findings; says what was checked. A wrong `alg` or a missing `kid` is left to the header rules.
    static func checkWithKeySet(
        _ token: DecodedToken, options: LintOptions, algorithm: String, into findings: inout [Finding]
    ) -> LintResult.SignatureStatus {
        guard let header = token.header, let signature = token.signature else { return .unchecked }
        guard let keySet = options.keySet else {
            if options.key != nil {
                findings.append(SignatureRules.keySet.finding(
                    .wrongValue, "One ES256 key was given; an identity token is verified with the key set Apple publishes, so the signature was not verified.",
                    hint: "Save https://appleid.apple.com/auth/keys to a file and give it with --key."))
            } else {
                findings.append(SignatureRules.unverified.finding(
                    .noKey, "No key set was given, so the signature was not verified.",
                    hint: "Save https://appleid.apple.com/auth/keys to a file and give it with --key."))
            }
            return .unchecked
        }
        guard header["alg"]?.stringValue == algorithm, let keyID = header["kid"]?.stringValue else {
            // header.alg or header.kid says what is wrong; this says that nothing was verified, so that turning
            // those rules off never lets an unsecured or HMAC token pass.
            findings.append(SignatureRules.keySet.finding(
                .unsecured, "The signature was not verified: a token Apple signs has alg \(algorithm) and a kid naming a key of the set.",
                hint: "Refuse the token."))
            return .unchecked
        }
        guard let entry = keySet.key(withID: keyID) else {
            let known = keySet.keys.map { JSONText.quoted($0.keyID) }.joined(separator: ", ")
            findings.append(SignatureRules.keySet.finding(
                .keyNotInSet, "The header's kid \(JSONText.quoted(keyID)) names no key of the set given (\(known)): the token was signed by someone else, or the set is older than the key."))
            return .invalid
        }
        if let keyAlgorithm = entry.algorithm, keyAlgorithm != algorithm {
            findings.append(SignatureRules.keySet.finding(
                .wrongValue, "The set's key \(JSONText.quoted(keyID)) is for \(JSONText.quoted(keyAlgorithm)), not \(algorithm)."))
            return .invalid
        }
        guard signature.count == entry.publicKey.signatureLength else {
            findings.append(SignatureRules.encoding.finding(
                .wrongLength, "The signature is \(signature.count) bytes; an \(algorithm) signature with the \(entry.publicKey.bits)-bit key \(JSONText.quoted(keyID)) is \(entry.publicKey.signatureLength)."))
            return .invalid
        }
        if entry.publicKey.isValidSignature(signature, of: token.signingInput) { return .verified }
        findings.append(SignatureRules.mismatch.finding(
            .signatureMismatch, "The signature does not verify with the set's key \(JSONText.quoted(keyID)), the one kid names: the token was changed after signing, or signed with another key.",
            hint: "Refuse the token: Apple's signature does not hold."))
        return .invalid
    }

    /// Checks `signature`'s encoding and range, then verifies it with `key` (or `verifier`, made for that key),
    /// named `keyName` in the message when it does not verify. Without a key, only encoding and range.
    static func verify(
        _ token: DecodedToken, signature: [UInt8], key: ES256PublicKey?, verifier: ES256Verifier? = nil, keyName: String,
        into findings: inout [Finding]
    ) -> LintResult.SignatureStatus {
        guard signature.count == 64 else {
            if signature.isEmpty {
                findings.append(SignatureRules.encoding.finding(
                    .unsigned, "The signature segment is empty: an unsecured token, which Apple refuses."))
            } else if ECDSASignature.isDER(signature) {
                findings.append(SignatureRules.encoding.finding(
                    .der, "The signature is DER-encoded (ASN.1, \(signature.count) bytes); ES256 in a JWS is the raw 64-byte r || s."))
            } else {
                findings.append(SignatureRules.encoding.finding(
                    .wrongLength, "The signature is \(signature.count) bytes; an ES256 signature is exactly 64 (r and s, 32 bytes each).",
                    hint: "Send the whole signature, 86 base64url characters; check that the token was not cut short or signed with another algorithm."))
            }
            return .invalid
        }
        let outOfRange = ECDSASignature.outOfRangeComponents(signature)
        guard outOfRange.isEmpty else {
            findings.append(SignatureRules.range.finding(
                .outOfRange, "The signature's \(outOfRange.joined(separator: " and ")) \(outOfRange.count == 1 ? "is" : "are") zero or not below the P-256 group order; no valid signature has that."))
            return .invalid
        }
        guard let key else { return .unchecked }
        let valid: Bool
        if let verifier {
            valid = token.signingInput.withUnsafeBytes { verifier.isValidSignature(signature, of: $0) }
        } else {
            valid = key.isValidSignature(signature, of: token.signingInput)
        }
        if valid {
            return .verified
        }
        findings.append(SignatureRules.mismatch.finding(
            .signatureMismatch, "The signature does not verify with \(keyName): the token was signed with another key, or changed after signing."))
        return .invalid
    }
}
