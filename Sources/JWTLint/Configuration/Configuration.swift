#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// What to do with one rule's findings, as a configuration file sets it.
public enum RuleSetting: Sendable, Hashable {
    /// Report every finding of the rule at this severity.
    case severity(Severity)
    /// Do not report the rule's findings.
    case off
}

/// A `.jwtlint.json` file: defaults for `jwtlint lint` and per-rule severities. Command-line flags override it.
///
/// ```json
/// {"profile": "app-store-server-api", "key": "keys/SubscriptionKey_2X9R4HXF34.pub.pem", "kid": "2X9R4HXF34",
///  "issuer": "57246542-96fe-1a63-e053-0824d011072a", "bundleId": "com.example.app", "clientId": "com.example.app",
///  "leeway": 60, "warningsAsErrors": false, "rules": {"claims.iat": "error", "header.typ": "off"},
///  "environment": "production", "appAppleId": 1234567890, "roots": ["test-root.pem"], "at": "signed-date"}
/// ```
/// Every member is optional. An unknown member, an unknown rule ID or a value of the wrong type is an error that
/// names the file and line: a misspelt setting is never silently ignored.
package struct Configuration: Sendable, Equatable {
    /// The file name looked for in the working folder and its parents.
    package static let fileName = ".jwtlint.json"

    /// The file this configuration was read from.
    package var path: String
    /// `--profile`: `auto` or a profile's name.
    package var profile: ProfileChoice?
    /// The key file, resolved against the configuration file's folder.
    package var key: String?
    /// `--kid`.
    package var keyID: String?
    /// `--issuer`.
    package var issuer: String?
    /// `--bundle-id`.
    package var bundleID: String?
    /// `--client-id`: the client ID of Sign in with Apple (App ID or Services ID), or WeatherKit's Services ID.
    package var clientID: String?
    /// `--leeway`, in seconds.
    package var leeway: Double?
    /// `--warnings-as-errors`.
    package var warningsAsErrors: Bool?
    /// Per-rule severities, by rule ID.
    package var rules: [RuleID: RuleSetting] = [:]
    /// `--environment`: the environment App Store-signed data must come from.
    package var environment: SignedEnvironment?
    /// `--app-apple-id`: the app's Apple ID, which production data must carry.
    package var appAppleID: Int64?
    /// `--root`: root certificate files trusted beside Apple's, resolved against the configuration file's folder.
    package var roots: [String]?
    /// `--at`: the time App Store-signed data's chain is checked as of.
    package var chainTime: LintOptions.ChainTime?

    /// Why a configuration file cannot be used: the file, the line (when known) and what is wrong.
    package struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The configuration file.
        package let path: String
        /// The line, from 1, when known.
        package let line: Int?
        /// What is wrong.
        package let message: String

        /// `path:line: message`, as compilers write it.
        package var description: String {
            "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
        }
    }

    /// Reads the configuration file at `path`.
    /// - Throws: ``Problem``.
    package static func load(contentsOf path: String) throws(Problem) -> Configuration {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, what: "configuration file", limit: 1024 * 1024, accepting: .regularFile).contents
        } catch {
            throw Problem(path: path, line: nil, message: "the configuration file \(error.reason)")
        }
        return try parse(bytes, path: path)
    }

    /// Reads a configuration from a file's contents; `path` locates relative key paths and error messages.
    /// - Throws: ``Problem``.
    package static func parse(_ bytes: [UInt8], path: String) throws(Problem) -> Configuration {
        let reader = SettingReader(path: path, text: String(decoding: bytes, as: UTF8.self))
        var configuration = Configuration(path: path)
        for member in try reader.object(bytes).members {
            try configuration.apply(member, reader)
        }
        return configuration
    }

    /// Sets what one member of the file says.
    private mutating func apply(_ member: JSONObject.Member, _ reader: SettingReader) throws(Problem) {
        let name = member.name
        switch name {
        case "profile":
            let text = try reader.string(member)
            guard let profile = ProfileChoice(name: text) else {
                throw reader.problem(
                    "unknown profile \"\(JSONParser.printable(text))\"; the profiles are \(ProfileChoice.names.joined(separator: ", "))", at: name)
            }
            self.profile = profile
        case "key": key = Self.resolve(try reader.string(member), against: path)
        case "kid": keyID = try reader.string(member)
        case "issuer": issuer = try reader.string(member)
        case "bundleId": bundleID = try reader.string(member)
        case "clientId": clientID = try reader.string(member)
        case "leeway":
            guard let leeway = member.value.numberValue, leeway >= 0, leeway.isFinite else {
                throw reader.problem("\"leeway\" must be a number of seconds, 0 or more", at: name)
            }
            self.leeway = leeway
        case "warningsAsErrors":
            guard case .bool(let flag) = member.value else { throw reader.problem("\"warningsAsErrors\" must be true or false", at: name) }
            warningsAsErrors = flag
        case "environment", "appAppleId", "roots", "at":
            try applySignedDataSetting(member, reader)
        case "rules":
            try applyRules(member, reader)
        default:
            throw reader.problem(
                "unknown setting \"\(name)\"; the settings are profile, key, kid, issuer, bundleId, clientId, leeway, warningsAsErrors, rules, environment, appAppleId, roots, at",
                at: name)
        }
    }

    /// `environment`, `appAppleId`, `roots` and `at`, each read by the parser its flag uses.
    private mutating func applySignedDataSetting(_ member: JSONObject.Member, _ reader: SettingReader) throws(Problem) {
        let name = member.name
        switch name {
        case "environment":
            guard let environment = SignedEnvironment(optionName: try reader.string(member)) else {
                throw reader.problem("\"environment\" must be sandbox, production, xcode or local-testing", at: name)
            }
            self.environment = environment
        case "appAppleId":
            // A number, as Apple's data writes it, or its digits as a string.
            let digits = member.value.stringValue ?? member.value.numberValue.flatMap { $0 >= 1 && $0 < 1e15 && $0 == $0.rounded() ? String(Int64($0)) : nil }
            guard let id = digits.flatMap(Self.appAppleID) else {
                throw reader.problem("\"appAppleId\" must be an app's Apple ID, a number such as 1234567890", at: name)
            }
            appAppleID = id
        case "roots":
            let refusal = reader.problem("\"roots\" must be an array of root certificate files (PEM or DER)", at: name)
            guard case .array(let items) = member.value, !items.isEmpty else { throw refusal }
            var roots: [String] = []
            for item in items {
                guard let file = item.stringValue, !file.isEmpty else { throw refusal }
                roots.append(Self.resolve(file, against: path))
            }
            self.roots = roots
        default:
            guard let chainTime = LintOptions.ChainTime(optionName: try reader.string(member)) else {
                throw reader.problem("\"at\" must be signed-date or now", at: name)
            }
            self.chainTime = chainTime
        }
    }

    /// `rules`: rule IDs and their severities, or off.
    private mutating func applyRules(_ member: JSONObject.Member, _ reader: SettingReader) throws(Problem) {
        guard case .object(let rules) = member.value else {
            throw reader.problem("\"rules\" must be an object of rule IDs and severities", at: member.name)
        }
        for rule in rules.members {
            guard let id = RuleID(rawValue: rule.name), RuleCatalog.rule(id) != nil else {
                throw reader.problem("unknown rule \"\(rule.name)\" (see 'jwtlint rules')", at: rule.name)
            }
            switch rule.value.stringValue {
            case "off": self.rules[id] = .off
            case let value?:
                guard let severity = Severity(rawValue: value) else {
                    throw reader.problem("rule \"\(rule.name)\": \"\(value)\" is not error, warning, info or off", at: rule.name)
                }
                self.rules[id] = .severity(severity)
            case nil:
                throw reader.problem("rule \"\(rule.name)\": the setting must be a string: error, warning, info or off", at: rule.name)
            }
        }
    }

    /// An app's Apple ID written as digits (`--app-apple-id`, or the file's `appAppleId`): a positive whole number.
    package static func appAppleID(_ digits: String) -> Int64? {
        guard let id = Int64(digits), id > 0, digits.allSatisfy(\.isASCII) else { return nil }
        return id
    }

    /// Reads the file's JSON and its members' values, and says where a problem is.
    private struct SettingReader {
        let path: String
        let text: String

        /// The problem `message`, at the line of the member `name` when given.
        func problem(_ message: String, at name: String? = nil) -> Problem {
            Problem(path: path, line: name.flatMap { lineOf("\"\($0)\"", in: text) }, message: message)
        }

        /// The member's value, which must be a string.
        func string(_ member: JSONObject.Member) throws(Problem) -> String {
            guard let value = member.value.stringValue else { throw problem("\"\(member.name)\" must be a string", at: member.name) }
            return value
        }

        /// The file's contents as one JSON object.
        func object(_ bytes: [UInt8]) throws(Problem) -> JSONObject {
            switch bytes.withUnsafeBytes({ JSONParser.parseObject($0) }) {
            case .success(let parsed): return parsed
            case .failure(.syntax(let reason, let line)): throw Problem(path: path, line: line, message: "not valid JSON: \(reason)")
            case .failure(.duplicateMember(let name)): throw problem("\"\(JSONParser.printable(name))\" is set twice", at: name)
            case .failure(.notAnObject(let type)): throw Problem(path: path, line: 1, message: "the file holds a JSON \(type), not an object")
            case .failure(.tooDeep(let limit)): throw Problem(path: path, line: nil, message: "nests objects or arrays more than \(limit) levels deep")
            case .failure(.numberTooLarge): throw Problem(path: path, line: nil, message: "holds a number too large for a double")
            case .failure(.invalidUTF8): throw Problem(path: path, line: nil, message: "is not UTF-8")
            }
        }
    }

    /// The nearest `.jwtlint.json` in `directory` or its parents, if any.
    package static func find(from directory: String) -> String? {
        var current = directory
        while true {
            let candidate = (current.hasSuffix("/") ? current : current + "/") + fileName
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG { return candidate }
            guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// The current working folder.
    package static func workingDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func resolve(_ file: String, against configuration: String) -> String {
        guard !file.hasPrefix("/"), let slash = configuration.lastIndex(of: "/") else { return file }
        return String(configuration[...slash]) + file
    }

    /// The line (from 1) of the first occurrence of `needle`, if any.
    private static func lineOf(_ needle: String, in text: String) -> Int? {
        let haystack = Array(text.utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        var line = 1
        for start in 0...(haystack.count - pattern.count) {
            if haystack[start] == pattern[0], haystack[start..<(start + pattern.count)].elementsEqual(pattern) { return line }
            if haystack[start] == 0x0A { line += 1 }
        }
        return nil
    }
}
