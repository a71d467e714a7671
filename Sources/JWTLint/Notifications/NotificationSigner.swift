/// Signs a decoded notification (or realtime request) payload as the App Store would: each nested member whose name
/// starts with `signed` and whose value is a decoded object (`signedTransactionInfo`, `signedRenewalInfo`,
/// `signedAppTransactionInfo`) becomes a JWS first, innermost first; then the whole payload is signed. Each JWS has
/// header `alg` ES256 and the test chain in `x5c`. Nothing is added: `signedDate` is what the draft says.
public enum NotificationSigner {
    /// The `signedPayload` of `draft`, signed by `chain`'s leaf.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key`` when signing fails.
    public static func sign(_ draft: JSONObject, with chain: TestChain) throws(JWTLintError) -> String {
        try chain.sign(payload: text(try signingNested(draft, with: chain)))
    }

    /// The body Apple posts: `{"signedPayload":"…"}`.
    public static func body(signedPayload: String) -> [UInt8] {
        var writer = JSONWriter()
        writer.object(JSONObject(members: [JSONObject.Member(name: "signedPayload", value: .string(signedPayload))]))
        return Array(writer.text.utf8)
    }

    private static func signingNested(_ object: JSONObject, with chain: TestChain) throws(JWTLintError) -> JSONObject {
        var members: [JSONObject.Member] = []
        for member in object.members {
            switch member.value {
            case .object(let inner) where member.name.hasPrefix("signed"):
                let signed = try chain.sign(payload: text(try signingNested(inner, with: chain)))
                members.append(JSONObject.Member(name: member.name, value: .string(signed)))
            case .object(let inner):
                members.append(JSONObject.Member(name: member.name, value: .object(try signingNested(inner, with: chain))))
            default:
                members.append(member)
            }
        }
        return JSONObject(members: members)
    }

    private static func text(_ object: JSONObject) -> String {
        var writer = JSONWriter()
        writer.object(object)
        return writer.text
    }
}
