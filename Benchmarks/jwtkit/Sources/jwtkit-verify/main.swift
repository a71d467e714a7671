// jwtkit-verify ROOT_PEM FILE: verifies each line of FILE (one JWS) with jwt-kit's X5CVerifier trusting ROOT_PEM,
// one at a time on one task, and prints how many verified. A JWS that fails is counted out, not fatal.
import Foundation
import JWTKit

/// The claims of an App Store signed transaction that this harness decodes. `signedDate` is milliseconds since
/// 1970, as Apple writes it; with ValidationTimePayload and `validationTime: .signedDate`, X5CVerifier checks the
/// chain as of that date, as Apple's SignedDataVerifier does (jwt-kit 5.8 rejects a signedDate in the future).
struct Transaction: JWTPayload, ValidationTimePayload {
    let transactionId: String
    let bundleId: String
    let environment: String
    let signedDateMilliseconds: Int64

    var signedDate: Date { Date(timeIntervalSince1970: Double(signedDateMilliseconds) / 1000) }

    enum CodingKeys: String, CodingKey {
        case transactionId, bundleId, environment
        case signedDateMilliseconds = "signedDate"
    }

    func verify(using _: some JWTAlgorithm) async throws {}
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: jwtkit-verify ROOT_PEM FILE\n".utf8))
    exit(2)
}
let root = try String(contentsOfFile: arguments[1], encoding: .utf8)
let verifier = try X5CVerifier(rootCertificates: [root])
let text = try String(contentsOfFile: arguments[2], encoding: .utf8)
var verified = 0
var failed = 0
var firstError: String?
for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
    do {
        _ = try await verifier.verifyJWS(String(line), as: Transaction.self, validationTime: .signedDate)
        verified += 1
    } catch {
        failed += 1
        if firstError == nil { firstError = "\(error)" }
    }
}
if let firstError {
    FileHandle.standardError.write(Data("jwtkit-verify: \(failed) failed; first: \(firstError)\n".utf8))
}
print(verified)
