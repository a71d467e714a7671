/// Judges a developer's answer to a Retention Messaging realtime request as Apple reads it.
///
/// Checks, in order: the status is 200 (`retention.status`); the body is a JSON object (`retention.json`); it
/// chooses exactly one retention message (`retention.choice`); that choice's members are there with the types
/// Apple documents (`retention.members`); a promotional offer's signature is a V2 JWS or V1 fields, not both, and
/// verifies with the key: the V2 JWS is linted under the `promotional-offer` profile and must carry the request's
/// `originalTransactionId` as its `transactionId`, the V1 fields are checked as `jwtlint offer-signature` checks
/// them (`retention.offer`, with the offer's own findings); and it came within Apple's time limit
/// (`retention.time`).
package enum RealtimeAnswerCheck {
    /// How long Apple waits for an answer, in seconds (Apple's Retention Messaging documentation: 700 ms).
    package static let appleTimeLimit = 0.7

    /// The billing plan types an alternate product may name (Apple's `BillingPlanType`).
    static let billingPlanTypes: Set<String> = ["BILLED_UPFRONT", "MONTHLY"]

    /// The members of a V1 promotional offer signature: name, whether it is a string (else an integer), required.
    static let v1Members: [(name: String, isString: Bool, required: Bool)] = [
        ("encodedSignature", true, true), ("productId", true, true), ("nonce", true, true), ("timestamp", false, true),
        ("keyId", true, true), ("offerIdentifier", true, true), ("appAccountToken", true, false),
    ]

    /// Judges `answer` against `expected`.
    package static func check(_ answer: RealtimeAnswer, expecting expected: RealtimeAnswerExpectations) -> RealtimeAnswerResult {
        var findings: [Finding] = []
        if answer.seconds > expected.timeLimit {
            findings.append(RealtimeAnswerRules.time.finding(
                .tooSlow,
                "The answer took \(milliseconds(answer.seconds)) ms; Apple waits \(milliseconds(expected.timeLimit)) ms, then shows the customer the default message."))
        }
        if answer.status != 200 {
            findings.append(RealtimeAnswerRules.status.finding(
                .wrongValue, "The endpoint answered HTTP \(answer.status); Apple uses an answer only with status 200, and otherwise shows the default message."))
            return RealtimeAnswerResult(choice: nil, offerSignature: nil, findings: findings)
        }
        let body: JSONObject
        switch DecodedToken.parseJSONObject(answer.body) {
        case .success(let object):
            body = object
        case .failure(let error):
            let what = answer.body.isEmpty ? "The body is empty; it must be a JSON object." : "The body \(error.explanation)."
            findings.append(RealtimeAnswerRules.json.finding(.notJSON, what))
            return RealtimeAnswerResult(choice: nil, offerSignature: nil, findings: findings)
        }
        guard let choice = choice(in: body, into: &findings) else {
            return RealtimeAnswerResult(choice: nil, offerSignature: nil, findings: findings)
        }
        guard case .object(let chosenObject)? = body[choice.rawValue] else {
            findings.append(RealtimeAnswerRules.members.finding(
                .wrongType, "\(choice.rawValue) is \(body[choice.rawValue]?.typeNameWithArticle ?? "missing"), not an object."))
            return RealtimeAnswerResult(choice: choice, offerSignature: nil, findings: findings)
        }
        checkMessageIdentifier(chosenObject, in: choice, into: &findings)
        let offerSignature = checkMembers(chosenObject, of: choice, expected: expected, into: &findings)
        return RealtimeAnswerResult(choice: choice, offerSignature: offerSignature, findings: findings)
    }

    /// The one retention message the answer chooses, after a finding for each member Apple does not define; `nil`
    /// after a finding when it chooses none or several.
    private static func choice(in body: JSONObject, into findings: inout [Finding]) -> RealtimeChoice? {
        let chosen = RealtimeChoice.allCases.filter { body.contains($0.rawValue) }
        for member in body.members where RealtimeChoice(rawValue: member.name) == nil {
            findings.append(RealtimeAnswerRules.choice.finding(
                .unusualShape, "The answer has the member \(JSONText.quoted(member.name)), which Apple's RealtimeResponseBody does not define; Apple ignores it at best.",
                severity: .warning))
        }
        guard chosen.count == 1, let choice = chosen.first else {
            let names = RealtimeChoice.allCases.map(\.rawValue).joined(separator: ", ")
            if chosen.isEmpty {
                findings.append(RealtimeAnswerRules.choice.finding(.missing, "The answer chooses no retention message: it has none of \(names)."))
            } else {
                findings.append(RealtimeAnswerRules.choice.finding(
                    .severalChoices, "The answer chooses \(chosen.count) retention messages (\(chosen.map(\.rawValue).joined(separator: ", "))); Apple's options are mutually exclusive."))
            }
            return nil
        }
        return choice
    }

    /// The members the chosen message needs; for a promotional offer, what was checked of its signature.
    private static func checkMembers(
        _ chosenObject: JSONObject, of choice: RealtimeChoice, expected: RealtimeAnswerExpectations, into findings: inout [Finding]
    ) -> LintResult.SignatureStatus? {
        switch choice {
        case .message:
            return nil
        case .alternateProduct:
            requireString("productId", in: chosenObject, of: choice.rawValue, into: &findings)
            if let value = chosenObject["billingPlanType"] {
                if case .string(let plan) = value, billingPlanTypes.contains(plan) {
                } else {
                    findings.append(RealtimeAnswerRules.members.finding(
                        .wrongValue, "alternateProduct.billingPlanType is \(describe(value)); Apple's billing plan types are BILLED_UPFRONT and MONTHLY."))
                }
            }
            return nil
        case .advancedCommerceInfo:
            requireString("advancedCommerceData", in: chosenObject, of: choice.rawValue, into: &findings)
            return nil
        case .promotionalOffer:
            return checkOffer(chosenObject, expected: expected, into: &findings)
        }
    }

    private static func checkMessageIdentifier(_ object: JSONObject, in choice: RealtimeChoice, into findings: inout [Finding]) {
        let path = "\(choice.rawValue).messageIdentifier"
        switch object["messageIdentifier"] {
        case nil:
            findings.append(RealtimeAnswerRules.members.finding(.missing, "\(path) is missing; it names the uploaded message to show."))
        case .string(let identifier)?:
            if !IssuerRule.isUUID(identifier) {
                findings.append(RealtimeAnswerRules.members.finding(.malformed, "\(path) \(JSONText.quoted(identifier)) is not a UUID; Apple's message identifiers are UUIDs."))
            }
        case let value?:
            findings.append(RealtimeAnswerRules.members.finding(.wrongType, "\(path) is \(value.typeNameWithArticle), not a UUID string."))
        }
    }

    @discardableResult
    private static func requireString(_ name: String, in object: JSONObject, of owner: String, into findings: inout [Finding]) -> String? {
        switch object[name] {
        case .string(let value)? where !value.isEmpty:
            return value
        case .string?:
            findings.append(RealtimeAnswerRules.members.finding(.empty, "\(owner).\(name) is empty."))
        case nil:
            findings.append(RealtimeAnswerRules.members.finding(.missing, "\(owner).\(name) is missing."))
        case let value?:
            findings.append(RealtimeAnswerRules.members.finding(.wrongType, "\(owner).\(name) is \(value.typeNameWithArticle), not a string."))
        }
        return nil
    }

    /// Checks a promotional offer's signature, V2 or V1; returns whether it verified.
    private static func checkOffer(_ offer: JSONObject, expected: RealtimeAnswerExpectations, into findings: inout [Finding]) -> LintResult.SignatureStatus? {
        let rule = RealtimeAnswerRules.offer
        let hasV2 = offer.contains("promotionalOfferSignatureV2"), hasV1 = offer.contains("promotionalOfferSignatureV1")
        if hasV2 && hasV1 {
            findings.append(rule.finding(.severalChoices, "promotionalOffer has both promotionalOfferSignatureV2 and promotionalOfferSignatureV1; give exactly one."))
            return nil
        }
        if hasV2 {
            let path = "promotionalOffer.promotionalOfferSignatureV2"
            guard case .string(let jws)? = offer["promotionalOfferSignatureV2"] else {
                findings.append(rule.finding(.wrongType, "\(path) is \(describe(offer["promotionalOfferSignatureV2"])), not a JWS string."))
                return nil
            }
            return checkV2(jws, path: path, expected: expected, into: &findings)
        }
        if hasV1 {
            let path = "promotionalOffer.promotionalOfferSignatureV1"
            guard case .object(let fields)? = offer["promotionalOfferSignatureV1"] else {
                findings.append(rule.finding(.wrongType, "\(path) is \(describe(offer["promotionalOfferSignatureV1"])), not an object."))
                return nil
            }
            return checkV1(fields, path: path, expected: expected, into: &findings)
        }
        findings.append(rule.finding(.missing, "promotionalOffer has no signature: give promotionalOfferSignatureV2 (a JWS) or promotionalOfferSignatureV1."))
        return nil
    }

    private static func checkV2(_ jws: String, path: String, expected: RealtimeAnswerExpectations, into findings: inout [Finding]) -> LintResult.SignatureStatus {
        var options = LintOptions(now: expected.now)
        options.profile = .pinned(.promotionalOffer)
        options.key = expected.key
        options.bundleID = expected.bundleID
        options.keyIDFromFileName = expected.keyIDFromFileName
        let result = Linter(options: options).lint(jws)
        findings += result.findings.map { $0.about(path) }
        if let claims = result.claims {
            switch claims["transactionId"] {
            case .string(let id)? where id == expected.originalTransactionID:
                break
            case nil:
                findings.append(RealtimeAnswerRules.offer.finding(
                    .missing, "\(path) has no transactionId; in a retention answer it is required, and is the request's originalTransactionId \(expected.originalTransactionID)."))
            case let value?:
                findings.append(RealtimeAnswerRules.offer.finding(
                    .mismatch, "\(path) has the transactionId \(describe(value)); in a retention answer it must be the request's originalTransactionId \(expected.originalTransactionID)."))
            }
        }
        return result.signature
    }

    private static func checkV1(_ fields: JSONObject, path: String, expected: RealtimeAnswerExpectations, into findings: inout [Finding]) -> LintResult.SignatureStatus? {
        var values: [String: String] = [:]
        var complete = true
        for member in v1Members {
            switch fields[member.name] {
            case nil:
                if member.required {
                    findings.append(RealtimeAnswerRules.offer.finding(.missing, "\(path).\(member.name) is missing."))
                    complete = false
                }
            case .string(let text)? where member.isString:
                values[member.name] = text
            case .integer(let number)? where !member.isString:
                values[member.name] = String(number)
            case let value?:
                findings.append(RealtimeAnswerRules.offer.finding(
                    .wrongType, "\(path).\(member.name) is \(value.typeNameWithArticle), not \(member.isString ? "a string" : "an integer (Unix milliseconds)")."))
                complete = false
            }
        }
        guard complete else { return nil }
        let request = LegacyOfferRequest(
            bundleID: expected.bundleID, keyID: values["keyId"] ?? "", productID: values["productId"] ?? "",
            offerIdentifier: values["offerIdentifier"] ?? "", appAccountToken: values["appAccountToken"] ?? "",
            nonce: values["nonce"] ?? "", timestamp: values["timestamp"] ?? "", signature: values["encodedSignature"] ?? "")
        guard let key = expected.key else {
            findings.append(RealtimeAnswerRules.offer.finding(
                .noKey, "\(path) was not verified: no key was given (--key).", severity: .warning,
                hint: "Give the In-App Purchase key (or its public key) with --key to verify the offer signature."))
            return .unchecked
        }
        let otherKeyIDs = expected.keyIDFromFileName.map { [$0] } ?? []
        let result = LegacyOfferSignature.check(request, key: key, now: expected.now, otherKeyIDs: otherKeyIDs, triesFieldOrders: false)
        findings += result.findings.map { $0.about(path) }
        return result.signature
    }

    private static func describe(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: return JSONText.quoted(text)
        case let value?: return value.typeNameWithArticle
        case nil: return "missing"
        }
    }

    private static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }
}
