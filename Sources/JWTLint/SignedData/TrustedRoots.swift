/// The root certificates a chain of App Store-signed data must reach. Apple Root CA - G3 is built in; test suites
/// add their own test root. A certificate that a JWS carries is never trusted because it carries it.
public struct TrustedRoots: Sendable {
    /// The roots given, or `nil` for Apple's alone.
    private let custom: CertificateTrust?

    /// The trust the chains are verified against. Apple's root is read on first use, not when options are made:
    /// a run that never meets App Store-signed data never parses a certificate.
    var trust: CertificateTrust { custom ?? Self.appleTrust }

    private static let appleTrust = CertificateTrust(roots: [AppleRootCertificates.rootCAG3Certificate])

    /// Apple Root CA - G3 alone: what real App Store-signed data chains to.
    public static let apple = TrustedRoots(custom: nil)

    private init(custom: CertificateTrust?) {
        self.custom = custom
    }

    /// Apple Root CA - G3 (unless `includingApple` is false) and each certificate of `certificates`, DER.
    /// - Throws: ``JWTLintError`` (kind `certificate`) for a certificate that cannot be read.
    public init(adding certificates: [[UInt8]], includingApple: Bool = true) throws(JWTLintError) {
        var roots = includingApple ? [AppleRootCertificates.rootCAG3Certificate] : []
        for der in certificates {
            roots.append(try X509Certificate(der: der))
        }
        self.custom = CertificateTrust(roots: roots)
    }

    /// The certificates in a file's contents: every `CERTIFICATE` block of a PEM file, or the file itself as DER.
    /// - Throws: ``JWTLintError`` (kind `certificate`) when the contents hold no certificate.
    public static func certificates(in contents: [UInt8]) throws(JWTLintError) -> [[UInt8]] {
        let blocks: [PEMBlock]
        do {
            blocks = try PEMBlock.blocks(in: contents)
        } catch {
            throw JWTLintError(.certificate, "it is not a PEM certificate (\(error))")
        }
        if blocks.isEmpty {
            _ = try X509Certificate(der: contents)
            return [contents]
        }
        let certificates = blocks.filter { $0.label == "CERTIFICATE" }.map(\.der)
        guard !certificates.isEmpty else {
            throw JWTLintError(.certificate, "it holds no CERTIFICATE block (found \(blocks.map(\.label).joined(separator: ", ")))")
        }
        for der in certificates { _ = try X509Certificate(der: der) }
        return certificates
    }

    /// How many roots are trusted.
    public var count: Int { trust.roots.count }
}

extension AppleRootCertificates {
    /// Apple Root CA - G3, parsed once.
    static let rootCAG3Certificate: X509Certificate = {
        do {
            return try X509Certificate(der: rootCAG3)
        } catch {
            fatalError("the built-in Apple Root CA - G3 does not parse: \(error)")
        }
    }()
}
