import Foundation
@testable import JWTLint

/// What every fuzz target shares: the time the lint vectors are checked at, test key A, and a clean token.
///
/// Everything here is built once, on first use, never per input.
public enum Fixture {
    /// Turns on ``MemoryHygiene`` as the `jwtlint` binary does, so that the clearing allocator runs under the
    /// sanitizers too: every target touches it first, before OpenSSL or jansson allocates.
    public static let memoryHygiene: Void = {
        guard MemoryHygiene.clearFreedMemory() else { fatalError("fuzz fixture: OpenSSL or jansson allocated before the switch") }
    }()

    /// 2026-01-01T00:00:00Z, when the tokens in `Vectors/` were fresh.
    public static let now: Double = 1_767_225_600

    /// The project's `Vectors/` folder, found from this file's path.
    public static let vectors: String = {
        var path = "\(#filePath)"
        for _ in 0..<5 {  // …/Hardening/Fuzz/Sources/FuzzSupport/Fixture.swift → the repository root
            path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        }
        return path + "/Vectors"
    }()

    /// Test key A (`Vectors/keys/SubscriptionKey_TESTKEYA01.p8`): the key the lint vectors are signed with.
    public static let keyA: VerificationKey = {
        let path = vectors + "/keys/SubscriptionKey_TESTKEYA01.p8"
        do {
            return try VerificationKey.load(contentsOf: path)
        } catch {
            fatalError("fuzz fixture: cannot load \(path): \(error)")
        }
    }()

    /// Apple's root and the root of the test chain that signs Vectors/signed/ (whose leaf and intermediate carry
    /// Apple's OIDs), so that fuzzed App Store-signed data reaches the OID and signature checks.
    public static let testChainRoots: TrustedRoots = {
        let path = vectors + "/signed/chain/root.pem"
        guard let data = FileManager.default.contents(atPath: path),
            let roots = try? TrustedRoots(adding: TrustedRoots.certificates(in: Array(data)))
        else { fatalError("fuzz fixture: cannot load \(path)") }
        return roots
    }()

    /// The issuer ID the lint vectors use (Apple's example).
    public static let issuer = "57246542-96fe-1a63-e053-0824d011072a"

    /// The bundle ID the lint vectors use.
    public static let bundleID = "com.example.app"

    /// The lint vectors' clean reference token (case `clean` in `Vectors/lint/cases.json`): signed with key A,
    /// clean at ``now``.
    public static let cleanToken =
        "eyJhbGciOiJFUzI1NiIsImtpZCI6IlRFU1RLRVlBMDEiLCJ0eXAiOiJKV1QifQ"
        + ".eyJpc3MiOiI1NzI0NjU0Mi05NmZlLTFhNjMtZTA1My0wODI0ZDAxMTA3MmEiLCJpYXQiOjE3NjcyMjU1NzAsImV4cCI6MTc2NzIyNTg3MCwiYXVkIjoiYXBwc3RvcmVjb25uZWN0LXYxIiwiYmlkIjoiY29tLmV4YW1wbGUuYXBwIn0"
        + ".I-P2idUXf30f5GCO1Rh56iFIbxdYBj6rmLLzFPiW54bct8LMyS2OAPlJ6A8IpxaM1FbEYkn9Qohw9qyO5tFJDQ"

    /// Options as `jwtlint lint --key SubscriptionKey_TESTKEYA01.p8 --now 1767225600` makes them, with the expected
    /// issuer and bundle ID when `expecting` is set.
    public static func options(expecting: Bool) -> LintOptions {
        LintOptions(
            now: now, key: keyA.publicKey, expectedKeyID: expecting ? "TESTKEYA01" : nil,
            keyIDFromFileName: keyA.keyIDFromFileName, issuer: expecting ? issuer : nil,
            bundleID: expecting ? bundleID : nil)
    }
}

/// Turning libFuzzer's bytes into what the library reads.
public enum FuzzInput {
    /// The input's bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input as text, as the command line reads it: bytes that are not UTF-8 become U+FFFD.
    public static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

/// Stops a check the fuzzer made fail: the message names the property, and libFuzzer keeps the input.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz property failed: \(message())") }
}

/// A sink for results, so the optimizer cannot drop the work that produced them.
public enum Sink {
    nonisolated(unsafe) private static var total = 0

    /// Counts `text` as used.
    @inline(never)
    public static func use(_ text: String) {
        total &+= text.utf8.count
    }

    /// Counts `bytes` as used.
    @inline(never)
    public static func use(_ bytes: [UInt8]) {
        total &+= bytes.count
    }
}
