/// The App Store-signed JWS a JSON document from Apple holds: a notification body (`{"signedPayload": …}`), or an
/// App Store Server API response (`signedTransactionInfo`, `signedTransactions`, `data[].lastTransactions[]`'s
/// `signedTransactionInfo` and `signedRenewalInfo`, `notificationHistory[].signedPayload`, …).
public enum SignedDataDocument {
    /// One JWS in a document, and where: `data[0].lastTransactions[1].signedRenewalInfo`.
    public struct Item: Sendable, Hashable {
        /// The path to the member in the document.
        public let member: String
        /// The JWS.
        public let jws: String
    }

    /// The member names whose values (strings, or arrays of strings) are App Store-signed JWS.
    static let members: Set<String> = [
        "signedPayload", "signedTransactionInfo", "signedRenewalInfo", "signedTransactions", "signedAppTransactionInfo",
    ]

    /// How deep the document is searched: Apple's responses nest three levels.
    static let maximumDepth = 8

    /// Whether `line` is a JSON document rather than a token: it starts with `{`.
    public static func looksLikeDocument(_ line: String) -> Bool {
        line.utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A } == UInt8(ascii: "{")
    }

    /// Every signed JWS in the JSON document `text`, in document order; `nil` when `text` is not a JSON object.
    public static func items(in text: String) -> [Item]? {
        guard let object = DecodedToken.jsonObject(Array(text.utf8)) else { return nil }
        var items: [Item] = []
        collect(.object(object), path: "", depth: 0, into: &items)
        return items
    }

    private static func collect(_ value: JSONValue, path: String, depth: Int, into items: inout [Item]) {
        guard depth < maximumDepth else { return }
        switch value {
        case .object(let object):
            for member in object.members {
                let place = path.isEmpty ? member.name : path + "." + member.name
                if members.contains(member.name) {
                    switch member.value {
                    case .string(let jws): items.append(Item(member: place, jws: jws))
                    case .array(let elements):
                        for (index, element) in elements.enumerated() {
                            if case .string(let jws) = element { items.append(Item(member: "\(place)[\(index)]", jws: jws)) }
                        }
                    default: break
                    }
                } else {
                    collect(member.value, path: place, depth: depth + 1, into: &items)
                }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collect(element, path: "\(path)[\(index)]", depth: depth + 1, into: &items)
            }
        default:
            break
        }
    }
}
