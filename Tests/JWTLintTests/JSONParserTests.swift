import Testing
@testable import JWTLint

@Suite("The jansson bridge")
struct JSONParserTests {
    static func parse(_ text: String) -> Result<JSONObject, JSONParseError> {
        Array(text.utf8).withUnsafeBytes { JSONParser.parseObject($0) }
    }

    static func parse(bytes: [UInt8]) -> Result<JSONObject, JSONParseError> {
        bytes.withUnsafeBytes { JSONParser.parseObject($0) }
    }

    @Test("Objects are copied with member order, integers, reals, strings and nesting intact")
    func copiesValues() throws {
        let object = try Self.parse(#"{"b":1,"a":1.5,"s":"h\u00e9\n","n":null,"t":true,"l":[1,{"x":false}],"big":9007199254740993}"#).get()
        #expect(object.members.map(\.name) == ["b", "a", "s", "n", "t", "l", "big"])
        #expect(object["b"] == .integer(1))
        #expect(object["a"] == .real(1.5))
        #expect(object["s"] == .string("hé\n"))
        #expect(object["n"] == .null)
        #expect(object["t"] == .bool(true))
        #expect(object["l"] == .array([.integer(1), .object(JSONObject(members: [.init(name: "x", value: .bool(false))]))]))
        #expect(object["big"] == .integer(9_007_199_254_740_993))
    }

    @Test("A duplicate member name is reported by name")
    func duplicates() {
        #expect(Self.parse(#"{"bid":"a","bid":"b"}"#) == .failure(.duplicateMember("bid")))
    }

    @Test("After a duplicate, the lenient parse keeps the last value")
    func lenientKeepsLast() {
        let object = Array(#"{"bid":"a","bid":"b"}"#.utf8).withUnsafeBytes { JSONParser.parseObjectKeepingLastDuplicate($0) }
        #expect(object?["bid"] == .string("b"))
    }

    @Test("Invalid UTF-8, NUL and non-objects are refused")
    func refusesBadInput() {
        #expect(Self.parse(bytes: [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]) == .failure(.invalidUTF8))
        if case .failure(.syntax) = Self.parse(#"{"a":"\u0000"}"#) {} else { Issue.record("NUL accepted") }
        #expect(Self.parse("[1]") == .failure(.notAnObject("array")))
        #expect(Self.parse("\"s\"") == .failure(.notAnObject("string")))
        #expect(Self.parse("12") == .failure(.notAnObject("number")))
        if case .failure(.syntax) = Self.parse("") {} else { Issue.record("empty input accepted") }
    }

    @Test("Nesting is bounded: 32 levels pass, 33 and 100,000 are refused without a crash")
    func depthIsBounded() {
        func nested(_ depth: Int) -> String {
            String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
        }
        #expect((try? Self.parse(nested(32)).get()) != nil)
        #expect(Self.parse(nested(33)) == .failure(.tooDeep(limit: 32)))
        let deep = Self.parse(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        if case .success = deep { Issue.record("100,000 levels accepted") }
    }

    @Test("Withheld members read as null at any depth, and no other member changes")
    func withholdsMembers() throws {
        let text = #"{"kty":"EC","d":"c2VjcmV0","nested":{"d":"c2VjcmV0","k":"a2V5"},"keys":[{"p":"cHJpbWU"}],"x":"eA"}"#
        let object = try Array(text.utf8).withUnsafeBytes { JSONParser.parseObject($0, withholding: JSONParser.privateJWKMembers) }.get()
        #expect(object["d"] == .null)
        #expect(object["kty"] == .string("EC") && object["x"] == .string("eA"))
        #expect(object["nested"] == .object(JSONObject(members: [.init(name: "d", value: .null), .init(name: "k", value: .null)])))
        #expect(object["keys"] == .array([.object(JSONObject(members: [.init(name: "p", value: .null)]))]))
        // Without withholding, the same text gives the values.
        #expect(try Self.parse(text).get()["d"] == .string("c2VjcmV0"))
    }

    @Test("Control characters and bidirectional overrides that the parser quotes are escaped")
    func explanationsArePrintable() {
        guard case .failure(.syntax(let text, _)) = Self.parse(bytes: [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x1B, 0x7D]) else {
            Issue.record("ESC accepted as JSON")
            return
        }
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
        #expect(JSONParser.printable("a\u{1B}[31m\u{202E}b\u{7F}") == #"a\u001b[31m\u202eb\u007f"#)
        #expect(JSONParser.printable("héllo, 世界") == "héllo, 世界")
        #expect(JSONParser.printable("a\u{2028}b\u{61C}") == #"a\u2028b\u061c"#)
        // A duplicate name is given as it is, for the caller to quote.
        #expect(Self.parse(bytes: Array(#"{"a\#u{202E}":1,"a\#u{202E}":2}"#.utf8)) == .failure(.duplicateMember("a\u{202E}")))
    }
}
