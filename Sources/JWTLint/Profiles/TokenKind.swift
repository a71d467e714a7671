/// What kind of token a decoded token looks like, read from its claims alone: what `auto` goes by, and the shape
/// of an App Store Connect API token, which a server API profile names when it sees one.
enum TokenKind {
    /// The profile `auto` picks: by `aud` (compared without regard to case or surrounding whitespace, and also
    /// as the only string of an array, so that the chosen profile can say what is wrong with it). Anything else,
    /// `appstoreconnect-v1` included, is an App Store Server API token.
    static func automatic(_ claims: JSONObject?) -> ProfileName {
        guard let claims, let audience = audienceText(claims) else { return Profile.defaultKind.name }
        return automatic(audience: audience)
    }

    /// The profile `auto` picks for a decoded token: App Store-signed data when its header has `x5c`, else by
    /// its claims.
    static func automatic(_ token: DecodedToken) -> ProfileName {
        // A token with an aud names its kind; App Store-signed data has none, and is told by its x5c (or, when it
        // lost that, by a payload of App Store data). A bearer token carrying an x5c stays a bearer token, whose
        // header.embedded-key rule says never to trust what it carries.
        let audience = token.claims.flatMap(audienceText)
        if let audience, let kind = knownKind(audience: audience) { return kind }
        if let header = token.header, let kind = byHeaderMember.first(where: { header.contains($0.member) })?.name { return kind }
        if let issuer = token.claims?["iss"]?.stringValue, let kind = byIssuer.first(where: { $0.issuer == issuer })?.name { return kind }
        if let chained = Self.chained {
            if let header = token.header, header.contains("x5c") { return chained }
            if let claims = token.claims, !claims.contains("aud"), SignedPayloadType.of(claims) != nil { return chained }
        }
        return Profile.defaultKind.name
    }

    /// The kind told by a certificate chain in the header: App Store-signed data.
    private static let chained = Profile.all.first { $0.recognition == .certificateChain }?.name

    /// The kinds told by a member of their header (WeatherKit's id), with that member.
    private static let byHeaderMember: [(member: String, name: ProfileName)] = Profile.all.compactMap { profile in
        if case .headerMember(let member) = profile.recognition { return (member, profile.name) }
        return nil
    }

    /// The kinds told by their issuer (Apple's identity tokens), with that issuer.
    private static let byIssuer: [(issuer: String, name: ProfileName)] = Profile.all.compactMap { profile in
        if case .issuer(let issuer) = profile.recognition { return (issuer, profile.name) }
        return nil
    }

    /// The kinds told by their audience, compared loosely, by that audience.
    private static let byAudience: [String: ProfileName] = Dictionary(
        Profile.all.filter { $0.recognition == .audience }.map { ($0.audience, $0.name) }, uniquingKeysWith: { first, _ in first })

    /// The kind an audience names, exactly (the server API's) or loosely (an in-app JWS); `nil` for any other.
    private static func knownKind(audience: String) -> ProfileName? {
        if audience == Profile.defaultKind.audience { return Profile.defaultKind.name }
        return profile(forAudience: audience)
    }

    private static func automatic(audience: String) -> ProfileName {
        // The common case first, without normalising: the default kind's exact audience.
        if audience == Profile.defaultKind.audience { return Profile.defaultKind.name }
        return profile(forAudience: audience) ?? Profile.defaultKind.name
    }

    /// The profile recognised by this audience, compared loosely (case, whitespace).
    static func profile(forAudience audience: String) -> ProfileName? {
        byAudience[normalized(audience)]
    }

    /// `sub` "user" or a `scope` claim, and no `bid`: an App Store Connect API token.
    static func looksLikeAppStoreConnect(_ claims: JSONObject) -> Bool {
        (claims["sub"]?.stringValue == "user" || claims.contains("scope")) && !claims.contains("bid")
    }

    /// `aud` as one string: the string itself, or the only string of an array.
    private static func audienceText(_ claims: JSONObject) -> String? {
        switch claims["aud"] {
        case .string(let text)?: return text
        case .array(let items)? where items.count == 1: return items[0].stringValue
        default: return nil
        }
    }

    private static func normalized(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars).lowercased()
    }
}
