#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A test chain kept in a folder, so that a test suite trusts one root across runs (`jwtlint chain create DIR`):
///
/// - `root.pem`: the root certificate, what a handler under test is told to trust;
/// - `intermediate.pem`, `leaf.pem`: the rest of the chain, which every signed JWS carries in `x5c`;
/// - `leaf.key`, `intermediate.key`, `root.key`: the private keys, PKCS#8 PEM, mode 0600.
///
/// Nothing signed with it verifies to Apple's root: the keys are new and random, and the names say TEST ONLY.
package enum TestChainDirectory {
    /// The files a chain folder holds, in the order they are written.
    package static let certificateFiles = ["root.pem", "intermediate.pem", "leaf.pem"]
    package static let keyFiles = ["root.key", "intermediate.key", "leaf.key"]

    /// Makes a new chain valid for `years` from `now` and writes it into `folder` (made if missing). Refuses to
    /// replace a chain already there unless `force`.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/testChain`` when the folder cannot be used.
    @discardableResult
    package static func create(in folder: String, now: Double, years: Int, force: Bool) throws(JWTLintError) -> TestChain {
        guard (1...30).contains(years) else { throw JWTLintError(.testChain, "a test chain lasts from 1 to 30 years, not \(years)") }
        var status = stat()
        if stat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw JWTLintError(.testChain, "'\(folder)' exists and is not a folder") }
            let present = (certificateFiles + keyFiles).filter { access(folder + "/" + $0, F_OK) == 0 }
            if !present.isEmpty && !force {
                throw JWTLintError(.testChain, "'\(folder)' already holds a test chain (\(present.joined(separator: ", "))); use --force to replace it, and trust the new root.pem")
            }
        } else {
            guard mkdir(folder, 0o755) == 0 else {
                throw JWTLintError(.testChain, "cannot make the folder '\(folder)': \(String(cString: strerror(errno)))")
            }
        }
        var made: (chain: TestChain, keys: TestChainKeys)
        do {
            made = try TestChainMaker.makeWithKeys(now: now, years: years)
        } catch {
            throw JWTLintError(.testChain, "cannot make the test chain: \(error)")
        }
        defer { made.keys.clear() }
        let chain = made.chain
        // Keys first, each written to a new file of mode 0600, so that no key is ever readable by others, even briefly.
        for (name, der) in zip(keyFiles, [made.keys.root, made.keys.intermediate, made.keys.leaf]) {
            var pem = Array(PEMBlock.armored(der, label: "PRIVATE KEY").utf8)
            defer { PEMBlock.clear(&pem) }
            try write(pem, to: folder + "/" + name, mode: 0o600)
        }
        for (name, der) in zip(certificateFiles, [chain.root, chain.intermediate, chain.leaf]) {
            try write(Array(PEMBlock.armored(der, label: "CERTIFICATE").utf8), to: folder + "/" + name, mode: 0o644)
        }
        return chain
    }

    /// Reads the chain in `folder` and checks that it hangs together as of `now`: the leaf's key signs for the leaf,
    /// and the leaf chains through the intermediate to the root, each within its validity.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/testChain`` naming the file that is missing or wrong.
    package static func load(from folder: String, now: Double) throws(JWTLintError) -> TestChain {
        var certificates: [[UInt8]] = []
        for name in certificateFiles {
            let path = folder + "/" + name
            do {
                let contents = try FileReader.read(path, what: "certificate", limit: 64 * 1024, accepting: .regularFile).contents
                guard let der = try TrustedRoots.certificates(in: contents).first else { throw JWTLintError(.certificate, "it holds no certificate") }
                certificates.append(der)
            } catch let error as FileReadError {
                throw JWTLintError(.testChain, "'\(folder)' is not a test chain folder made by 'jwtlint chain create': \(error)")
            } catch {
                throw JWTLintError(.testChain, "\(path): \(error)")
            }
        }
        let keyPath = folder + "/leaf.key"
        let signingKey: ES256PrivateKey
        do {
            var contents = try FileReader.read(keyPath, what: "key", limit: 64 * 1024, accepting: .regularFileWithSecrets).contents
            defer { PEMBlock.clear(&contents) }
            guard var block = try PEMBlock.blocks(in: contents).first(where: { $0.label == "PRIVATE KEY" }) else {
                throw JWTLintError.invalidKey("it holds no PRIVATE KEY block")
            }
            defer { PEMBlock.clear(&block.der) }
            signingKey = try ES256PrivateKey(privateKeyDER: block.der)
        } catch {
            throw JWTLintError(.testChain, "\(keyPath): \(error)")
        }
        let chain = TestChain(root: certificates[0], intermediate: certificates[1], leaf: certificates[2], signingKey: signingKey)
        try check(chain, folder: folder, now: now)
        return chain
    }

    private static func check(_ chain: TestChain, folder: String, now: Double) throws(JWTLintError) {
        do {
            let root = try X509Certificate(der: chain.root)
            let intermediate = try X509Certificate(der: chain.intermediate)
            let leaf = try X509Certificate(der: chain.leaf)
            guard try leaf.es256PublicKey().uncompressedPoint == chain.signingKey.publicKey.uncompressedPoint else {
                throw JWTLintError(.testChain, "\(folder)/leaf.key is not the key of \(folder)/leaf.pem")
            }
            let trust = CertificateTrust(roots: [root])
            if case .failure(let failure) = trust.verify(leaf: leaf, intermediate: intermediate, at: now) {
                throw JWTLintError(.testChain, "the chain in '\(folder)' does not verify as of now (\(failure.reason)); make a new one with 'jwtlint chain create \(folder) --force'")
            }
            guard intermediate.hasExtension(oid: SignedDataCheck.intermediateOID), leaf.hasExtension(oid: SignedDataCheck.leafOID) else {
                throw JWTLintError(.testChain, "the chain in '\(folder)' lacks Apple's marker OIDs, which Apple's verifier requires")
            }
        } catch let problem as JWTLintError where problem.kind == .testChain {
            throw problem
        } catch {
            throw JWTLintError(.testChain, "the chain in '\(folder)' cannot be read: \(error)")
        }
    }

    private static func write(_ bytes: [UInt8], to path: String, mode: UInt32) throws(JWTLintError) {
        do {
            try FileWriter.write(bytes, to: path, mode: mode)
        } catch {
            throw JWTLintError(.testChain, "\(error)")
        }
    }
}
