/// Lints tokens, each under its profile.
///
/// Checks, in order:
/// 1. the input form and compact serialisation (`token.*`);
/// 2. which profile judges the token: the one ``LintOptions/profile`` pins, or, under `auto`, the one its `aud`
///    names (an App Store Server API token when it names none);
/// 3. the header (`header.*`) and claims (`claims.*`) rules of that profile, each only when its part decoded;
/// 4. the ES256 signature over the exact `header.payload` bytes (`signature.*`), when a key is given, the header
///    names ES256 and the signature decodes. Key material carried in the token is never used.
public struct Linter: Sendable {
    /// What tokens are checked against.
    public let options: LintOptions

    /// A linter with these options.
    public init(options: LintOptions) {
        self.options = options
    }

    /// Lints one input line: a token, `Bearer <token>` or `Authorization: Bearer <token>`.
    ///
    /// For many tokens, a ``LintSession`` per thread is faster: it reuses OpenSSL contexts between tokens.
    public func lint(_ line: String) -> LintResult {
        lint(line, verifier: options.key.flatMap(ES256Verifier.init(key:)))
    }

    /// The profile that judges a decoded token under these options.
    public func profile(for token: DecodedToken) -> Profile {
        switch options.profile {
        case .pinned(let name): return Profile.named(name)
        case .auto: return Profile.named(TokenKind.automatic(token))
        }
    }

    func lint(_ line: String, verifier: ES256Verifier?, memory: SessionMemory? = nil) -> LintResult {
        var token = TokenDecoder.decode(line, memory: memory)
        var profile = profile(for: token)
        if token.findings.contains(where: { $0.rule == .tokenEncoding || $0.rule == .tokenDuplicateKey }) {
            // App Store-signed data is read as Apple's verifier reads it, which lets padding and duplicates pass.
            let asApple = TokenDecoder.decode(line, reading: .asApplesVerifier)
            let profileAsApple = self.profile(for: asApple)
            if profile.verification.readsAsApplesVerifier || profileAsApple.verification.readsAsApplesVerifier {
                token = asApple
                if !profile.verification.readsAsApplesVerifier { profile = profileAsApple }
            }
        }
        var findings = token.findings
        let context = LintContext(options: options, profile: profile)
        for rule in profile.rules {
            rule.check(token, in: context, into: &findings)
        }
        var state = VerificationState(
            token: token, options: options, profile: profile, verifier: verifier, memory: memory, findings: findings)
        for step in profile.verification.steps {
            step.check(&state)
        }
        var result = finished(state.findings, profile: profile.name, header: token.header, claims: token.claims, signature: state.signature)
        result.verificationStatus = state.verificationStatus
        result.payloadType = state.payloadType
        result.nested = state.nested
        return result
    }

    /// The result: findings after the rule settings, in report order.
    private func finished(
        _ findings: [Finding], profile: ProfileName, header: JSONObject?, claims: JSONObject?, signature: LintResult.SignatureStatus
    ) -> LintResult {
        var findings = findings
        if !options.ruleSettings.isEmpty || options.warningsAsErrors {
            findings = findings.compactMap(options.applySettings)
        }
        let sorted = findings.enumerated().sorted { lhs, rhs in
            let left = lhs.element.rule.order, right = rhs.element.rule.order
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
        return LintResult(profile: profile, header: header, claims: claims, signature: signature, findings: sorted)
    }

    /// The profile a result judged by no token shows: the pinned one, else the App Store Server API's.
    var defaultProfile: ProfileName {
        if case .pinned(let name) = options.profile { return name }
        return .appStoreServerAPI
    }
}

/// Lints tokens one after another on one thread, reusing OpenSSL contexts and buffers between them.
///
/// Not thread-safe: give each thread its own session. Results are the same as ``Linter/lint(_:)``'s.
public final class LintSession {
    /// The linter whose options this session applies.
    public let linter: Linter
    private let verifier: ES256Verifier?
    private let memory = SessionMemory()

    /// A session for `linter`.
    public init(linter: Linter) {
        self.linter = linter
        self.verifier = linter.options.key.flatMap(ES256Verifier.init(key:))
    }

    /// Lints one input line, as ``Linter/lint(_:)``.
    public func lint(_ line: String) -> LintResult {
        linter.lint(line, verifier: verifier, memory: memory)
    }

    /// Lints one input line as of `now` rather than the options' time: for a server, whose clock moves on.
    package func lint(_ line: String, at now: Double) -> LintResult {
        var options = linter.options
        options.now = now
        return Linter(options: options).lint(line, verifier: verifier, memory: memory)
    }
}

extension Linter {
    /// The longest input line a token may come in; longer lines get a `token.format` finding.
    package static var maximumInputLength: Int { TokenInput.maximumLength }

    /// The result for an input line that is not UTF-8, reported by the first byte that is not ASCII: no token
    /// has one, since base64url and the `Bearer` forms are ASCII.
    package func lintNonUTF8Input(byte: UInt8, offset: Int) -> LintResult {
        let finding = TokenRules.encoding.finding(
            .notBase64URL,
            "The input has byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) and is not UTF-8; a token is ASCII.",
            hint: "Pass the token as text: check for a binary file or another character encoding.")
        return LintResult(profile: defaultProfile, header: nil, claims: nil, signature: .unchecked, findings: [finding])
    }

    /// The result for an HTTP request that carries no `Authorization` header at all.
    package func lintMissingAuthorizationHeader() -> LintResult {
        let finding = TokenRules.format.finding(
            .notCompactJWS, "The request has no Authorization header.",
            hint: "Send 'Authorization: Bearer <token>' with every request, a token signed for that request.")
        return LintResult(profile: defaultProfile, header: nil, claims: nil, signature: .unchecked, findings: [finding])
    }

    /// The result for an input line too long to be a token, reported by its length without reading it whole.
    package func lintOversizedInput(byteCount: Int) -> LintResult {
        let finding = TokenInput.oversized(byteCount: byteCount)
        return LintResult(profile: defaultProfile, header: nil, claims: nil, signature: .unchecked, findings: [finding])
    }
}

extension LintOptions {
    /// `finding` at the severity the settings give it, or `nil` when its rule is off.
    func applySettings(_ finding: Finding) -> Finding? {
        var severity = finding.severity
        switch ruleSettings[finding.rule] {
        case .off?: return nil
        case .severity(let configured)?: severity = configured
        case nil: break
        }
        if warningsAsErrors && severity == .warning { severity = .error }
        guard severity != finding.severity else { return finding }
        return finding.with(severity: severity)
    }
}
