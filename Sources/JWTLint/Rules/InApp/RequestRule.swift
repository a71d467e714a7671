/// `claims.request`: the Advanced Commerce request, standard base64 of its JSON, with what the operation needs.
struct RequestRule: LintRule {
    /// A request claim value: the quoted standard base64 of `json`.
    static func encoded(_ json: String) -> String { "\"\(Base64.encode(json))\"" }

    static let description = RuleDescription(
        id: .request,
        defaultSeverity: .error,
        summary: "request is the standard, padded base64 of a JSON request with operation, version \"1\", requestInfo.requestReferenceId (a UUID) and what its operation requires.",
        explanation: """
            An Advanced Commerce in-app JWS carries one custom claim, request: the UTF-8 JSON of the request, \
            encoded as standard base64 with padding (not base64url), as all four of Apple's libraries write it. \
            Inside, every request has operation (CREATE_ONE_TIME_CHARGE, CREATE_SUBSCRIPTION, MODIFY_SUBSCRIPTION or \
            REACTIVATE_SUBSCRIPTION), version "1" and requestInfo with a UUID requestReferenceId; then a one-time \
            charge needs currency, taxCode and item (SKU, description, displayName, price); a new subscription \
            currency, taxCode, descriptors, items and period (P1W, P1M, P2M, P3M, P6M, P1Y); a modification \
            transactionId and retainBillingCycle; a reactivation transactionId. Types and the libraries' length \
            limits (SKU 128, description 45, displayName 30 characters) are checked too. Each problem is its own \
            finding. Apple's Python library 3.1.0 left operation and version out (fixed in 3.1.1).
            """,
        source: "\(Sources.inAppJWS) (request); \(Sources.advancedCommerceFromApp); \(Sources.appleLibrariesAdvancedCommerce)",
        fix: "Serialise the request model to JSON, encode it with standard base64 (padding kept), and set it as request; fill in every member the operation requires.",
        triggeringExamples: [
            .token(.advancedCommerceInApp, removing: ["request"], "no request"),
            .token(.advancedCommerceInApp, setting: ["request": "\"" + Base64URL.encode(RuleExample.cleanAdvancedCommerceRequest) + "\""], "base64url, not standard base64"),
            .token(.advancedCommerceInApp, setting: ["request": encoded("not json")], "not JSON inside"),
            .token(.advancedCommerceInApp, setting: ["request": encoded(#"{"version":"1","requestInfo":{"requestReferenceId":"f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"},"currency":"USD","taxCode":"C003-00-1","item":{"SKU":"gems.100","description":"A pack of 100 gems","displayName":"100 gems","price":4990}}"#)], "no operation (Apple's Python library 3.1.0)"),
            .token(.advancedCommerceInApp, setting: ["request": encoded(#"{"operation":"CREATE_SUBSCRIPTION","version":"1","requestInfo":{"requestReferenceId":"f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"},"currency":"USD","taxCode":"C003-00-1","descriptors":{"description":"Pro","displayName":"Pro"},"items":[{"SKU":"pro","description":"Pro","displayName":"Pro","price":"9.99"}]}"#)], "a subscription with a string price and no period"),
            .token(.advancedCommerceInApp, setting: ["request": encoded(#"{"operation":"MODIFY_SUBSCRIPTION","version":1,"requestInfo":{"requestReferenceId":"ref-1"},"transactionId":"2000000123456789"}"#)], "a numeric version, a requestReferenceId that is not a UUID, no retainBillingCycle"),
        ],
        nonTriggeringExamples: [
            .token(.advancedCommerceInApp, "a one-time charge"),
            .token(.advancedCommerceInApp, setting: ["request": encoded(#"{"operation":"REACTIVATE_SUBSCRIPTION","version":"1","requestInfo":{"requestReferenceId":"F6D8A4C2-1E3B-4A5D-9C7E-0B2F4D6A8C1E"},"transactionId":"2000000123456789"}"#)], "a reactivation"),
            .token(.advancedCommerceInApp, setting: ["request": encoded(#"{"operation":"CREATE_SUBSCRIPTION","version":"1","requestInfo":{"requestReferenceId":"f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e","appAccountToken":"7e3fb20b-4cdb-47cc-936d-99d65f608138"},"currency":"EUR","taxCode":"C003-00-1","descriptors":{"description":"Pro features","displayName":"Pro"},"items":[{"SKU":"pro.monthly","description":"Pro, monthly","displayName":"Pro","price":9990}],"period":"P1M"}"#)], "a new subscription"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        guard let value = claims["request"] else {
            findings.append(Self.description.finding(
                .missing, "The claims have no request; an Advanced Commerce in-app JWS carries the base64 JSON request."))
            return
        }
        guard let text = value.stringValue else {
            let hint = value.typeName == "object" ? "Encode the JSON request as standard base64 and set that string as request." : nil
            findings.append(Self.description.finding(.wrongType, "request is \(value.typeNameWithArticle), not a base64 string.", hint: hint))
            return
        }
        let bytes: [UInt8]
        switch Base64.decode(text) {
        case .success(let decoded):
            bytes = decoded
        case .failure(let error):
            // Report the encoding, then read the request anyway when it is base64url or unpadded base64, so that
            // what is wrong inside is reported too.
            findings.append(Self.description.finding(
                .notStandardBase64, "request \(error.explanation).",
                hint: "Encode the JSON request with standard base64 and keep the '=' padding, as Apple's libraries do."))
            guard let lenient = Base64.decodeLeniently(text) else { return }
            bytes = lenient
        }
        let request: JSONObject
        switch bytes.withUnsafeBytes({ JSONParser.parseObject($0) }) {
        case .success(let object):
            request = object
        case .failure(let error):
            findings.append(Self.description.finding(
                .notJSON, "request decodes to text that \(error.explanation)."))
            return
        }
        for problem in AdvancedCommerceRequest.problems(in: request) {
            findings.append(Self.description.finding(problem.cause, problem.message))
        }
    }
}
