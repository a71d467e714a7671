/// The JSON request inside an Advanced Commerce in-app JWS, checked against the request models of Apple's
/// libraries: the members every request has, and those each operation requires.
enum AdvancedCommerceRequest {
    /// One thing wrong inside the request.
    struct Problem: Equatable {
        let cause: FindingCause
        let message: String
    }

    /// A member of an object, and what it must hold. A struct with plain fields, not an enum with payloads: the
    /// tables are stored once, and LeakSanitizer cannot follow the tagged pointers of enum payloads in static storage.
    struct Member: Sendable {
        /// What the member must hold.
        enum Kind: Sendable {
            /// A non-empty string, at most ``Member/maximumLength`` characters when given.
            case string
            /// A UUID string.
            case uuid
            /// An ISO 4217 currency code: three upper-case letters.
            case currency
            /// A whole number, 0 or more.
            case amount
            /// A JSON boolean.
            case boolean
            /// One of ``Member/allowed``.
            case oneOf
            /// An object with ``Member/members``.
            case object
            /// A non-empty array of objects with ``Member/members``.
            case array
        }

        let name: String
        let kind: Kind
        let required: Bool
        var maximumLength: Int? = nil
        var allowed: [String] = []
        var members: [Member] = []

        static func required(_ name: String, _ kind: Kind, maximumLength: Int? = nil, members: [Member] = [], allowed: [String] = []) -> Member {
            Member(name: name, kind: kind, required: true, maximumLength: maximumLength, allowed: allowed, members: members)
        }

        static func optional(_ name: String, _ kind: Kind, members: [Member] = []) -> Member {
            Member(name: name, kind: kind, required: false, members: members)
        }
    }

    /// The in-app operations, as Apple's libraries write them.
    static let operations = ["CREATE_ONE_TIME_CHARGE", "CREATE_SUBSCRIPTION", "MODIFY_SUBSCRIPTION", "REACTIVATE_SUBSCRIPTION"]

    /// The subscription periods Apple defines.
    static let periods = ["P1W", "P1M", "P2M", "P3M", "P6M", "P1Y"]

    private static let sku = Member.required("SKU", .string, maximumLength: 128)
    private static let itemDescription = Member.required("description", .string, maximumLength: 45)
    private static let displayName = Member.required("displayName", .string, maximumLength: 30)
    private static let price = Member.required("price", .amount)
    private static let storefront = Member.optional("storefront", .string)

    /// The members every in-app request has, besides `operation` and `version`.
    static let common: [Member] = [
        .required("requestInfo", .object, members: [
            .required("requestReferenceId", .uuid), .optional("appAccountToken", .uuid), .optional("consistencyToken", .string),
        ])
    ]

    /// The members each operation requires (and those it may have, whose type is checked when present).
    static let byOperation: [String: [Member]] = [
        "CREATE_ONE_TIME_CHARGE": [
            .required("currency", .currency), .required("taxCode", .string),
            .required("item", .object, members: [sku, itemDescription, displayName, price]), storefront,
        ],
        "CREATE_SUBSCRIPTION": [
            .required("currency", .currency), .required("taxCode", .string),
            .required("descriptors", .object, members: [itemDescription, displayName]),
            .required("items", .array, members: [sku, itemDescription, displayName, price, .optional("offer", .object)]),
            .required("period", .oneOf, allowed: periods), .optional("previousTransactionId", .string), storefront,
        ],
        "MODIFY_SUBSCRIPTION": [
            .required("transactionId", .string), .required("retainBillingCycle", .boolean),
            .optional("addItems", .array, members: [sku]), .optional("changeItems", .array, members: [sku]),
            .optional("removeItems", .array, members: [sku]), .optional("currency", .currency), .optional("taxCode", .string),
            .optional("descriptors", .object), .optional("periodChange", .object), storefront,
        ],
        "REACTIVATE_SUBSCRIPTION": [.required("transactionId", .string), .optional("items", .array, members: [sku]), storefront],
    ]

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
        if let name = operation?.stringValue, let members = byOperation[name] {
            check(request, against: members, path: "request", into: &problems, operation: name)
        }
        return problems
    }

    private static func check(
        _ object: JSONObject, against members: [Member], path: String, into problems: inout [Problem], operation: String? = nil
    ) {
        for member in members {
            guard let value = object[member.name], value != .null || member.required else {
                if member.required {
                    let by = operation.map { " (\($0) requires it)" } ?? ""
                    problems.append(Problem(cause: .missing, message: "The request has no \(path).\(member.name)\(by)."))
                }
                continue
            }
            check(value, as: member, path: path, into: &problems)
        }
    }

    /// Checks one member's value; `path` is where its object is, so the member's place is only spelled out when
    /// something is reported.
    private static func check(_ value: JSONValue, as member: Member, path: String, into problems: inout [Problem]) {
        var place: String { "\(path).\(member.name)" }
        func wrongType(_ expected: String) {
            problems.append(Problem(cause: .wrongType, message: "\(place) is \(value.typeNameWithArticle), not \(expected)."))
        }
        switch member.kind {
        case .string:
            guard let text = value.stringValue else { return wrongType("a string") }
            if text.isEmpty {
                problems.append(Problem(cause: .empty, message: "\(place) is empty."))
            } else if let maximumLength = member.maximumLength, text.count > maximumLength {
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
        case .oneOf:
            guard let text = value.stringValue else { return wrongType("a string") }
            if !member.allowed.contains(text) {
                problems.append(Problem(
                    cause: .wrongValue, message: "\(place) is \(JSONText.quoted(text)), not one of \(member.allowed.joined(separator: ", "))."))
            }
        case .object:
            guard case .object(let object) = value else { return wrongType("an object") }
            check(object, against: member.members, path: place, into: &problems)
        case .array:
            guard case .array(let items) = value else { return wrongType("an array") }
            if items.isEmpty {
                problems.append(Problem(cause: .empty, message: "\(place) is an empty array."))
            }
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item else {
                    problems.append(Problem(cause: .wrongType, message: "\(place)[\(index)] is \(item.typeNameWithArticle), not an object."))
                    continue
                }
                check(object, against: member.members, path: "\(place)[\(index)]", into: &problems)
            }
        }
    }
}
