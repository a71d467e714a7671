/// Where a request goes, read from an `http://` or `https://` URL: scheme, host, port, and the path with its query.
package struct HTTPTarget: Sendable, Equatable, CustomStringConvertible {
    /// Whether the connection is TLS (`https`).
    package let secure: Bool
    /// The host: a name, an IPv4 address, or an IPv6 address without its brackets.
    package let host: String
    /// The port: the URL's, else 443 for https and 80 for http.
    package let port: Int
    /// The path and query, at least "/"; the fragment is dropped, as HTTP never sends it.
    package let path: String
    /// Whether the port was written in the URL (the `Host` header then names it).
    let portGiven: Bool

    /// The URL as it is used: scheme, host, port when given, path.
    package var description: String {
        (secure ? "https://" : "http://") + hostForHeader + path
    }

    /// The value of the `Host` header.
    var hostForHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return portGiven ? "\(name):\(port)" : name
    }

    /// Whether the host is an IP address rather than a name (TLS then checks the certificate's IP, and sends no SNI).
    var hostIsAddress: Bool {
        host.contains(":") || (!host.isEmpty && host.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") })
    }

    /// Reads `url`.
    /// - Throws: ``HTTPClientError`` saying what about the URL cannot be used.
    package init(url: String) throws(HTTPClientError) {
        func refuse(_ why: String) -> HTTPClientError { HTTPClientError(description: "the URL '\(Self.shown(url))' \(why)") }
        let bytes = Array(url.utf8)
        guard bytes.count <= 4096 else { throw HTTPClientError(description: "the URL is over 4096 bytes long") }
        guard !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { throw refuse("has a space or a control character") }
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            secure = true
            rest = url.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            secure = false
            rest = url.dropFirst(7)
        } else {
            throw refuse("is not an http:// or https:// URL")
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var remainder = rest[authorityEnd...]
        if let hash = remainder.firstIndex(of: "#") { remainder = remainder[..<hash] }
        path = remainder.isEmpty ? "/" : remainder.hasPrefix("?") ? "/" + remainder : String(remainder)
        guard !authority.contains("@") else { throw refuse("has a user name or password in it; put credentials in a header instead") }
        var hostPart = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw refuse("has an IPv6 address without its closing ']'") }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw refuse("has something after its IPv6 address that is not a port") }
                portText = after.dropFirst()
            }
            guard !hostPart.isEmpty, hostPart.utf8.allSatisfy({ Self.isHex($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
                throw refuse("has an IPv6 address that is not one")
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { throw refuse("has no host") }
        guard authority.hasPrefix("[") || hostPart.utf8.allSatisfy(Self.isHostByte) else {
            throw refuse("has a host with characters a host name cannot have")
        }
        host = String(hostPart)
        if let portText {
            guard let port = Int(portText), (1...65_535).contains(port), portText.utf8.count <= 5 else {
                throw refuse("has a port that is not a number from 1 to 65535")
            }
            self.port = port
            portGiven = true
        } else {
            port = secure ? 443 : 80
            portGiven = false
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }

    /// A URL as an error message shows it: at most 80 characters of it.
    static func shown(_ url: String) -> String {
        let printable = String(url.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        return printable.count > 80 ? String(printable.prefix(77)) + "..." : printable
    }
}

/// A request the client cannot make: a URL or a setting that cannot be used. Reported as one line.
package struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    package let description: String
}
