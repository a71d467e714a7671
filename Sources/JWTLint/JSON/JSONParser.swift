internal import CClearingAllocator
internal import CJansson

/// Why a segment's JSON could not be turned into an object.
package enum JSONParseError: Error, Sendable, Equatable {
    /// The same member name appears twice in one object. Carries the name.
    case duplicateMember(String)
    /// The bytes are not UTF-8.
    case invalidUTF8
    /// The text is not JSON; carries the parser's explanation and the line (from 1) it points at.
    case syntax(String, line: Int)
    /// The text is valid JSON, but its top level is not an object; carries the JSON type found.
    case notAnObject(String)
    /// Objects and arrays nest deeper than the limit.
    case tooDeep(limit: Int)
    /// A number too large for a double (such as `1e400`).
    case numberTooLarge
}

extension JSONParseError {
    /// What is wrong, as a message says it after its subject: "is not valid JSON (…)".
    package var explanation: String {
        switch self {
        case .duplicateMember(let name): return "has the member \(JSONText.quoted(name)) more than once"
        case .invalidUTF8: return "is not valid UTF-8"
        case .syntax(let reason, _): return "is not valid JSON (\(reason))"
        case .notAnObject(let type): return "is a JSON \(type), not an object"
        case .tooDeep(let limit): return "nests objects or arrays more than \(limit) levels deep"
        case .numberTooLarge: return "has a number too large for any JSON parser to hold"
        }
    }
}

/// Parses JSON text with jansson and copies the result into ``JSONValue``s.
///
/// This is the only file that imports jansson. Every `json_t` is released before the function returns.
enum JSONParser {
    /// The deepest nesting of objects and arrays accepted, counting the top-level object as 1.
    static let maximumDepth = 32

    /// Set by ``requestClearing()``, read once by ``prepared``.
    nonisolated(unsafe) private static var clearingRequested = false

    /// Done once, before any other jansson call: jansson is given the clearing allocator when
    /// ``MemoryHygiene/clearFreedMemory()`` asked for it before (what it parses may be a private JWK), and its hash
    /// function is seeded here rather than on first use, which keeps that out of the threads that parse
    /// concurrently. Whether jansson clears what it frees.
    private static let prepared: Bool = {
        let clearing = clearingRequested
        if clearing { json_set_alloc_funcs(clearing_malloc, clearing_free) }
        json_object_seed(0)
        return clearing
    }()

    /// Asks for the clearing allocator, which takes effect only if no parse came first.
    static func requestClearing() {
        clearingRequested = true
        _ = prepared
    }

    /// Whether jansson clears the memory it frees.
    static var clearsFreedMemory: Bool { prepared }

    /// Member names whose values are private key material in a JWK (RFC 7518 §6.2.2, §6.3.2, §6.4.1).
    static let privateJWKMembers: Set<String> = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    /// Parses `bytes` as one JSON object, rejecting duplicate member names, invalid UTF-8 and `\u0000`.
    ///
    /// The values of members named in `withheld`, at any depth, are never copied out of jansson (whose memory is
    /// cleared when freed, with ``MemoryHygiene``): they read as `null`. For private key material, which Swift strings would keep. (When the
    /// text is not valid JSON, jansson's explanation may quote a few characters of it; callers reading keys do not
    /// show that explanation.)
    static func parseObject(_ bytes: UnsafeRawBufferPointer, withholding withheld: Set<String> = []) -> Result<JSONObject, JSONParseError> {
        _ = prepared
        var error = json_error_t()
        var flags = Int(JSON_REJECT_DUPLICATES | JSON_DECODE_ANY)
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var loaded = json_loadb(base, bytes.count, flags, &error)
        if loaded == nil, json_error_code(&error) == json_error_numeric_overflow {
            // RFC 8259 allows integers beyond 64 bits; read every integer as a double instead, so the rule about
            // that member can say what is wrong with it.
            flags |= Int(JSON_DECODE_INT_AS_REAL)
            error = json_error_t()
            loaded = json_loadb(base, bytes.count, flags, &error)
        }
        guard let root = loaded else {
            return .failure(parseError(from: &error))
        }
        defer { cjansson_decref(root) }
        guard cjansson_typeof(root) == JSON_OBJECT else {
            return .failure(.notAnObject(copyValue(root, depth: 1, withholding: withheld)?.typeName ?? "value"))
        }
        guard case .object(let object)? = copyValue(root, depth: 1, withholding: withheld) else {
            return .failure(.tooDeep(limit: maximumDepth))
        }
        return .success(object)
    }

    /// Parses `bytes` as one JSON object, keeping the last of duplicate members (jansson's behaviour without
    /// `JSON_REJECT_DUPLICATES`). Used after a duplicate was reported, so the other rules can still run.
    static func parseObjectKeepingLastDuplicate(_ bytes: UnsafeRawBufferPointer) -> JSONObject? {
        _ = prepared
        var error = json_error_t()
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var loaded = json_loadb(base, bytes.count, 0, &error)
        if loaded == nil, json_error_code(&error) == json_error_numeric_overflow {
            loaded = json_loadb(base, bytes.count, Int(JSON_DECODE_INT_AS_REAL), &error)
        }
        guard let root = loaded else { return nil }
        defer { cjansson_decref(root) }
        guard case .object(let object)? = copyValue(root, depth: 1, withholding: []) else { return nil }
        return object
    }

    private static func parseError(from error: inout json_error_t) -> JSONParseError {
        let text = withUnsafeBytes(of: &error.text) { raw -> String in
            let bytes = raw.prefix(Int(JSON_ERROR_TEXT_LENGTH) - 1)
            let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
        switch json_error_code(&error) {
        case json_error_duplicate_key:
            // The name as it is, for callers that look for it or quote it themselves (escaping it twice would lose it).
            return .duplicateMember(duplicateName(in: text))
        case json_error_invalid_utf8:
            return .invalidUTF8
        case json_error_stack_overflow:
            return .tooDeep(limit: maximumDepth)
        case json_error_numeric_overflow:
            return .numberTooLarge
        default:
            // jansson names its own flag ("\u0000 is not allowed without JSON_ALLOW_NUL"); a user has no such flag.
            return .syntax(printable(text.replacing(" without JSON_ALLOW_NUL", with: "")), line: Int(error.line))
        }
    }

    /// jansson's explanations quote the input ("invalid token near '…'"), which may hold control characters, line
    /// separators or bidirectional marks: they are escaped as `\u001b`, so that no message can drive a terminal or
    /// hide text. A backslash itself is left as it is.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20, 0x7F..<0xA0, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// jansson says `duplicate object key near '"bid"'`; this returns `bid`.
    private static func duplicateName(in text: String) -> String {
        guard let open = text.firstIndex(of: "'"), let close = text.lastIndex(of: "'"), open < close else { return text }
        var name = text[text.index(after: open)..<close]
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = name.dropFirst().dropLast() }
        return String(name)
    }

    /// Copies a jansson value into Swift. Returns `nil` when nesting goes past ``maximumDepth``.
    private static func copyValue(_ node: UnsafeMutablePointer<json_t>, depth: Int, withholding withheld: Set<String>) -> JSONValue? {
        switch cjansson_typeof(node) {
        case JSON_OBJECT:
            guard depth <= maximumDepth else { return nil }
            var members: [JSONObject.Member] = []
            members.reserveCapacity(json_object_size(node))
            var iterator = json_object_iter(node)
            while let current = iterator {
                guard let keyPointer = json_object_iter_key(current), let child = json_object_iter_value(current) else { return nil }
                let name = String(decoding: UnsafeRawBufferPointer(start: keyPointer, count: json_object_iter_key_len(current)), as: UTF8.self)
                if !withheld.isEmpty, withheld.contains(name) {
                    members.append(JSONObject.Member(name: name, value: .null))
                } else {
                    guard let value = copyValue(child, depth: depth + 1, withholding: withheld) else { return nil }
                    members.append(JSONObject.Member(name: name, value: value))
                }
                iterator = json_object_iter_next(node, current)
            }
            return .object(JSONObject(members: members))
        case JSON_ARRAY:
            guard depth <= maximumDepth else { return nil }
            let count = json_array_size(node)
            var elements: [JSONValue] = []
            elements.reserveCapacity(count)
            for index in 0..<count {
                guard let child = json_array_get(node, index), let value = copyValue(child, depth: depth + 1, withholding: withheld) else {
                    return nil
                }
                elements.append(value)
            }
            return .array(elements)
        case JSON_STRING:
            let count = json_string_length(node)
            guard let pointer = json_string_value(node) else { return .string("") }
            return .string(String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self))
        case JSON_INTEGER:
            return .integer(Int64(json_integer_value(node)))
        case JSON_REAL:
            return .real(json_real_value(node))
        case JSON_TRUE:
            return .bool(true)
        case JSON_FALSE:
            return .bool(false)
        default:
            return .null
        }
    }
}
