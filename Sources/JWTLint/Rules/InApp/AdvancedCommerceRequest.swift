/// The JSON request inside an Advanced Commerce in-app JWS, checked against the request models of Apple's
/// libraries: the members every request has, and those each operation requires.
enum AdvancedCommerceRequest {
    /// One thing wrong inside the request.
    struct Problem: Equatable {
        let cause: FindingCause
        let message: String
    }

    /// What a member must hold.
    enum Kind: Sendable {
        /// A non-empty string, at most this many characters when a limit is given.
        case string(maximumLength: Int?)
        /// A UUID string.
        case uuid
        /// An ISO 4217 currency code: three upper-case letters.
        case currency
        /// A whole number, 0 or more.
        case amount
        /// A JSON boolean.
        case boolean
        /// One of these strings.
        case oneOf([String])
        /// An object with these members.
        case object([Member])
        /// A non-empty array of objects with these members.
        case array([Member])
    }

    /// A member of an object.
    struct Member: Sendable {
        let name: String
        let kind: Kind
        let required: Bool

        static func required(_ name: String, _ kind: Kind) -> Member { Member(name: name, kind: kind, required: true) }
        static func optional(_ name: String, _ kind: Kind) -> Member { Member(name: name, kind: kind, required: false) }
    }

    /// The in-app operations, as Apple's libraries write them.
    static let operations = ["CREATE_ONE_TIME_CHARGE", "CREATE_SUBSCRIPTION", "MODIFY_SUBSCRIPTION", "REACTIVATE_SUBSCRIPTION"]

    /// The subscription periods Apple defines.
    static let periods = ["P1W", "P1M", "P2M", "P3M", "P6M", "P1Y"]

    // Computed, not stored: LeakSanitizer cannot follow the tagged pointers of enum payloads in static storage.
    private static var sku: Member { .required("SKU", .string(maximumLength: 128)) }
    private static var itemDescription: Member { .required("description", .string(maximumLength: 45)) }
    private static var displayName: Member { .required("displayName", .string(maximumLength: 30)) }
    private static var price: Member { .required("price", .amount) }
    private static var storefront: Member { .optional("storefront", .string(maximumLength: nil)) }

    /// The members every in-app request has, besides `operation` and `version`.
    static var common: [Member] { [
        .required("requestInfo", .object([
            .required("requestReferenceId", .uuid), .optional("appAccountToken", .uuid),
            .optional("consistencyToken", .string(maximumLength: nil)),
        ]))
    ] }

    /// The members each operation requires (and those it may have, whose type is checked when present).
    static func members(of operation: String) -> [Member] {
        switch operation {
        case "CREATE_ONE_TIME_CHARGE":
            return [
                .required("currency", .currency), .required("taxCode", .string(maximumLength: nil)),
                .required("item", .object([sku, itemDescription, displayName, price])), storefront,
            ]
        case "CREATE_SUBSCRIPTION":
            return [
                .required("currency", .currency), .required("taxCode", .string(maximumLength: nil)),
                .required("descriptors", .object([itemDescription, displayName])),
                .required("items", .array([sku, itemDescription, displayName, price, .optional("offer", .object([]))])),
                .required("period", .oneOf(periods)), .optional("previousTransactionId", .string(maximumLength: nil)), storefront,
            ]
        case "MODIFY_SUBSCRIPTION":
            return [
                .required("transactionId", .string(maximumLength: nil)), .required("retainBillingCycle", .boolean),
                .optional("addItems", .array([sku])), .optional("changeItems", .array([sku])),
                .optional("removeItems", .array([sku])), .optional("currency", .currency),
                .optional("taxCode", .string(maximumLength: nil)), .optional("descriptors", .object([])),
                .optional("periodChange", .object([])), storefront,
            ]
        case "REACTIVATE_SUBSCRIPTION":
            return [.required("transactionId", .string(maximumLength: nil)), .optional("items", .array([sku])), storefront]
        default:
            return []
        }
    }

    /// Everything wrong with a decoded request, in the order of its members.
    static func problems(in request: JSONObject) -> [Problem] {
        var problems: [Problem] = []
        let operation = request["operation"]
        switch operation {
        case nil:
            problems.append(Problem(cause: .missing, message: "The request has no operation (\(operations.joined(separator: ", ")))."))
        case .string(let name)? where operations.contains(name):
            break
        case .string(let name)?:
            let known = operations.first { $0 == name.uppercased() }
            problems.append(Problem(
                cause: known == nil ? .unknownOperation : .wrongCase,
                message: known.map { "request.operation is \(JSONText.quoted(name)); it is case-sensitive: \"\($0)\"." }
                    ?? "request.operation is \(JSONText.quoted(name)), not an in-app operation (\(operations.joined(separator: ", ")))."))
        case let value?:
            problems.append(Problem(cause: .wrongType, message: "request.operation is \(value.typeNameWithArticle), not a string."))
        }
        switch request["version"] {
        case nil:
            problems.append(Problem(cause: .missing, message: "The request has no version; Apple's libraries write \"1\"."))
        case .string("1")?:
            break
        case .string(let version)?:
            problems.append(Problem(cause: .wrongValue, message: "request.version is \(JSONText.quoted(version)), not \"1\"."))
        case let value?:
            problems.append(Problem(cause: .wrongType, message: "request.version is \(value.typeNameWithArticle), not the string \"1\"."))
        }
        check(request, against: common, path: "request", into: &problems)
        if let name = operation?.stringValue, operations.contains(name) {
            check(request, against: members(of: name), path: "request", into: &problems, operation: name)
        }
        return problems
    }

    private static func check(
        _ object: JSONObject, against members: [Member], path: String, into problems: inout [Problem], operation: String? = nil
    ) {
        for member in members {
            let place = "\(path).\(member.name)"
            guard let value = object[member.name], value != .null || member.required else {
                if member.required {
                    let by = operation.map { " (\($0) requires it)" } ?? ""
                    problems.append(Problem(cause: .missing, message: "The request has no \(place)\(by)."))
                }
                continue
            }
            check(value, as: member.kind, place: place, into: &problems)
        }
    }

    private static func check(_ value: JSONValue, as kind: Kind, place: String, into problems: inout [Problem]) {
        func wrongType(_ expected: String) {
            problems.append(Problem(cause: .wrongType, message: "\(place) is \(value.typeNameWithArticle), not \(expected)."))
        }
        switch kind {
        case .string(let maximumLength):
            guard let text = value.stringValue else { return wrongType("a string") }
            if text.isEmpty {
                problems.append(Problem(cause: .empty, message: "\(place) is empty."))
            } else if let maximumLength, text.count > maximumLength {
                problems.append(Problem(
                    cause: .tooLong, message: "\(place) is \(text.count) characters; Apple's libraries allow at most \(maximumLength)."))
            }
        case .uuid:
            guard let text = value.stringValue else { return wrongType("a UUID string") }
            if !IssuerRule.isUUID(text) {
                problems.append(Problem(cause: .malformed, message: "\(place) \(JSONText.quoted(text)) is not a UUID."))
            }
        case .currency:
            guard let text = value.stringValue else { return wrongType("a currency code") }
            if !(text.utf8.count == 3 && text.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })) {
                problems.append(Problem(
                    cause: .malformed, message: "\(place) \(JSONText.quoted(text)) is not an ISO 4217 currency code (three upper-case letters, such as \"USD\")."))
            }
        case .amount:
            guard case .integer(let amount) = value else { return wrongType("a whole number (milliunits of the currency)") }
            if amount < 0 {
                problems.append(Problem(cause: .negative, message: "\(place) is negative."))
            }
        case .boolean:
            guard case .bool = value else { return wrongType("a boolean") }
        case .oneOf(let allowed):
            guard let text = value.stringValue else { return wrongType("a string") }
            if !allowed.contains(text) {
                problems.append(Problem(
                    cause: .wrongValue, message: "\(place) is \(JSONText.quoted(text)), not one of \(allowed.joined(separator: ", "))."))
            }
        case .object(let members):
            guard case .object(let object) = value else { return wrongType("an object") }
            check(object, against: members, path: place, into: &problems)
        case .array(let members):
            guard case .array(let items) = value else { return wrongType("an array") }
            if items.isEmpty {
                problems.append(Problem(cause: .empty, message: "\(place) is an empty array."))
            }
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item else {
                    problems.append(Problem(cause: .wrongType, message: "\(place)[\(index)] is \(item.typeNameWithArticle), not an object."))
                    continue
                }
                check(object, against: members, path: "\(place)[\(index)]", into: &problems)
            }
        }
    }
}
