/// The finding for a chain that does not verify: which certificate, why, and as of when.
enum ChainFailureFinding {
    static func finding(
        _ failure: CertificateTrust.Failure, leaf: X509Certificate, intermediate: X509Certificate, time: Double, trust: CertificateTrust,
        options: LintOptions
    ) -> Finding {
        let which = failure.depth == 0 ? "the leaf (\(leaf.subjectName))" : failure.depth == 1 ? "the intermediate (\(intermediate.subjectName))" : "the root"
        let when = options.chainTime == .now ? "now (\(TimeText.utc(time)))" : "the data's signedDate (\(TimeText.utc(time)))"
        switch failure.code {
        case 10:  // X509_V_ERR_CERT_HAS_EXPIRED
            let until = (failure.depth == 0 ? leaf.notAfter : intermediate.notAfter).map { " on \(TimeText.utc($0))" } ?? ""
            return SignedDataRules.chain.finding(
                .expired, "The chain does not verify as of \(when): \(which) expired\(until).",
                hint: options.chainTime == .now
                    ? "Check past data as of its signedDate (Apple's verifier does with online checks off), not now."
                    : "Data signed after its leaf expired is not Apple's: check where it came from.")
        case 9:  // X509_V_ERR_CERT_NOT_YET_VALID
            return SignedDataRules.chain.finding(.notYetValid, "The chain does not verify as of \(when): \(which) is not valid yet.")
        case 2, 20, 21:  // unable to get issuer certificate (locally): no trusted root issued it
            let roots = trust.roots.map(\.subjectName).joined(separator: "; ")
            return SignedDataRules.chain.finding(
                .untrusted, "The chain does not lead to a trusted root (trusted: \(roots)).",
                hint: "Real App Store data chains to Apple Root CA - G3. Data from a test chain verifies only when its root is given as trusted, in tests.")
        default:
            return SignedDataRules.chain.finding(.chainFailure, "The chain does not verify as of \(when): \(which): \(failure.reason).")
        }
    }
}
