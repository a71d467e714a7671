/// What a token says, for people, as `jwtlint decode` prints it: the header and claims, the times in UTC and
/// relative to `now`, the Advanced Commerce request decoded, and the kind of token `auto` takes it for. Verifies
/// nothing.
package enum DecodeReport {
    /// The report; `now` is the time the relative times count from (Unix seconds).
    package static func text(_ decoded: DecodedToken, now: Double) -> String {
        var text = ""
        if let header = decoded.header {
            text += "Header:\n" + JSONWriter.pretty(.object(header)) + "\n"
        }
        if let claims = decoded.claims {
            text += "Claims:\n" + JSONWriter.pretty(.object(claims)) + "\n"
            var lines: [String] = []
            for (name, label) in [("iat", "issued"), ("nbf", "not before"), ("exp", "expires")] {
                guard let seconds = claims[name]?.numberValue else { continue }
                lines.append("  \(name) \(TimeText.utc(seconds))  \(label) \(TimeText.relative(seconds, now: now))")
            }
            if let iat = claims["iat"]?.numberValue, let exp = claims["exp"]?.numberValue {
                lines.append("  lifetime \(TimeText.duration(exp - iat)) (exp − iat = \(TimeText.number(exp - iat)) s)")
            }
            if !lines.isEmpty {
                text += "Times (now \(TimeText.utc(now))):\n" + lines.joined(separator: "\n") + "\n"
            }
        }
        if let request = decoded.advancedCommerceRequest {
            text += "Request (claim request, base64-decoded):\n" + JSONWriter.pretty(.object(request)) + "\n"
        }
        let profile = Linter(options: LintOptions(now: now)).profile(for: decoded)
        text += "Kind: \(profile.title) (profile \(profile.name), as auto picks it)\n"
        if let signature = decoded.signature {
            text += "Signature: \(signature.count) bytes, not verified (lint the token with its key to verify it).\n"
        }
        return text
    }
}
