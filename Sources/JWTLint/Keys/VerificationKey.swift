/// A key to verify tokens with, loaded from a file: Apple's `.p8`, a public key PEM, or a public JWK.
public struct VerificationKey: Sendable {
    /// What the key file held.
    public enum Format: String, Sendable {
        /// A PKCS#8 private key (`BEGIN PRIVATE KEY`), as Apple's `.p8`; the public key was derived from it.
        case pkcs8PrivateKey = "PKCS#8 private key"
        /// A SEC 1 private key (`BEGIN EC PRIVATE KEY`); the public key was derived from it.
        case sec1PrivateKey = "SEC 1 EC private key"
        /// A SubjectPublicKeyInfo public key (`BEGIN PUBLIC KEY`).
        case publicKey = "public key PEM"
        /// A public EC JWK.
        case jwk = "JWK"
    }

    /// The public key.
    public let publicKey: ES256PublicKey
    /// What the file held.
    public let format: Format
    /// The key ID in an Apple-style file name (`SubscriptionKey_<KEYID>.p8`, `AuthKey_<KEYID>.p8`), if any.
    public let keyIDFromFileName: String?
    /// Whether the file held a private key and group or others may read it (set by ``load(contentsOf:)``).
    package private(set) var privateKeyReadableByOthers = false

    /// Whether the file held a private key (the public key was derived from it).
    public var isPrivateKey: Bool { format == .pkcs8PrivateKey || format == .sec1PrivateKey }

    /// The largest key file read. Real ones are under 1 KB.
    package static let maximumFileSize = 64 * 1024

    /// A key file's contents, and whether group or others may read it.
    static func readKeyFile(_ path: String) throws(JWTLintError) -> (contents: [UInt8], readableByOthers: Bool) {
        do {
            return try FileReader.read(path, what: "key file", limit: maximumFileSize, accepting: .regularFileWithSecrets)
        } catch {
            throw .unreadable(error.reason)
        }
    }

    /// Loads the key in the file at `path`.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key`` saying what is wrong with the file; never any key material.
    public static func load(contentsOf path: String) throws(JWTLintError) -> VerificationKey {
        var (contents, readableByOthers) = try readKeyFile(path)
        defer { PEMBlock.clear(&contents) }
        var key = try parse(contents, fileName: path)
        key.markReadable(byOthers: readableByOthers)
        return key
    }

    /// Records whether the file, when it held a private key, can be read by group or others.
    mutating func markReadable(byOthers readable: Bool) {
        privateKeyReadableByOthers = isPrivateKey && readable
    }

    /// Reads a key from a file's contents. `fileName` (a path or a bare name) supplies ``keyIDFromFileName``.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key``.
    public static func parse(_ contents: [UInt8], fileName: String?) throws(JWTLintError) -> VerificationKey {
        let keyID = fileName.flatMap(keyID(fromFileName:))
        let firstByte = contents.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        if contents.isEmpty || firstByte == nil {
            throw .unrecognized("is empty")
        }
        if firstByte == UInt8(ascii: "{") {
            return VerificationKey(publicKey: try JWK.publicKey(from: contents), format: .jwk, keyIDFromFileName: keyID)
        }
        var blocks = try PEMBlock.blocks(in: contents)
        defer { for index in blocks.indices { PEMBlock.clear(&blocks[index].der) } }
        guard !blocks.isEmpty else {
            if looksLikeBareDER(contents) {
                throw .unrecognized("holds base64 without PEM armor; put it between '-----BEGIN PRIVATE KEY-----' and '-----END PRIVATE KEY-----' lines, 64 characters a line")
            }
            if firstByte == 0x30 {
                throw .unrecognized("is binary (DER?); jwtlint reads PEM or JWK: convert it with 'openssl pkey -inform DER -in KEY'")
            }
            throw .unrecognized("is neither a PEM key (-----BEGIN ...-----) nor a JWK (JSON)")
        }
        guard blocks.count == 1 else {
            throw .unrecognized("holds \(blocks.count) PEM blocks; give a file with exactly one key")
        }
        // blocks[0].der is passed without a second copy, so the defer above clears the only buffer.
        switch blocks[0].label {
        case "PRIVATE KEY":
            return VerificationKey(publicKey: try ES256PublicKey(privateKeyDER: blocks[0].der), format: .pkcs8PrivateKey, keyIDFromFileName: keyID)
        case "EC PRIVATE KEY":
            if blocks[0].hasEncryptionHeader { throw .encrypted }
            return VerificationKey(publicKey: try ES256PublicKey(privateKeyDER: blocks[0].der), format: .sec1PrivateKey, keyIDFromFileName: keyID)
        case "PUBLIC KEY":
            return VerificationKey(publicKey: try ES256PublicKey(subjectPublicKeyInfo: blocks[0].der), format: .publicKey, keyIDFromFileName: keyID)
        case "ENCRYPTED PRIVATE KEY":
            throw .encrypted
        case "CERTIFICATE":
            throw .unsupportedKey("it is a certificate; give the .p8, or the public key ('openssl x509 -in CERT -pubkey -noout')")
        case "RSA PRIVATE KEY", "RSA PUBLIC KEY":
            throw .unsupportedKey("it is an RSA key; ES256 needs an EC P-256 key")
        case let label:
            throw .unrecognized("holds a PEM block '\(label)', not a key jwtlint reads (PRIVATE KEY, EC PRIVATE KEY, PUBLIC KEY)")
        }
    }

    /// Whether `contents` is base64 of a DER sequence without PEM armor. The copies made to find out are cleared:
    /// they may be a private key.
    private static func looksLikeBareDER(_ contents: [UInt8]) -> Bool {
        var base64 = contents.filter { !($0 == 0x0A || $0 == 0x0D || $0 == 0x20) }
        defer { PEMBlock.clear(&base64) }
        guard var der = Base64Standard.decode(base64) else { return false }
        defer { PEMBlock.clear(&der) }
        return der.first == 0x30
    }

    /// `ABCDEFGHIJ` for `…/SubscriptionKey_ABCDEFGHIJ.p8` or `AuthKey_ABCDEFGHIJ.p8`; otherwise `nil`.
    package static func keyID(fromFileName path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for prefix in ["SubscriptionKey_", "AuthKey_"] where name.hasPrefix(prefix) && name.hasSuffix(".p8") {
            let id = name.dropFirst(prefix.count).dropLast(3)
            if !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { return String(id) }
        }
        return nil
    }
}

/// A key to sign tokens with: Apple's `.p8` (PKCS#8 PEM), or a SEC 1 EC private key.
public struct SigningKey: Sendable {
    /// The private key.
    public let privateKey: ES256PrivateKey
    /// The key ID in an Apple-style file name, if any.
    public let keyIDFromFileName: String?
    /// Whether group or others may read the file.
    package let readableByOthers: Bool

    /// Loads the private key in the file at `path`.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key``: also when the file holds only a public key.
    public static func load(contentsOf path: String) throws(JWTLintError) -> SigningKey {
        var (contents, readableByOthers) = try VerificationKey.readKeyFile(path)
        defer { PEMBlock.clear(&contents) }
        var blocks = try PEMBlock.blocks(in: contents)
        defer { for index in blocks.indices { PEMBlock.clear(&blocks[index].der) } }
        guard blocks.count == 1, blocks[0].label == "PRIVATE KEY" || blocks[0].label == "EC PRIVATE KEY",
            !blocks[0].hasEncryptionHeader
        else {
            if blocks.count == 1, blocks[0].label == "ENCRYPTED PRIVATE KEY" || blocks[0].hasEncryptionHeader { throw .encrypted }
            throw .unrecognized("holds no unencrypted private key; signing needs the .p8 (-----BEGIN PRIVATE KEY-----)")
        }
        let key = try ES256PrivateKey(privateKeyDER: blocks[0].der)
        return SigningKey(
            privateKey: key, keyIDFromFileName: VerificationKey.keyID(fromFileName: path), readableByOthers: readableByOthers)
    }
}
