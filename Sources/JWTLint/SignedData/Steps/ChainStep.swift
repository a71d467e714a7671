/// The chain: a trusted root, exactly three certificates, and the leaf and intermediate verifying to a trusted
/// root as of the chain's time. Apple's verifier never reads the third certificate (the root comes from its
/// settings); a third that is not the root the chain verified to is named, as a warning of a forged chain.
struct ChainStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        guard state.signedData.readable, !state.signedData.chainStopped else { return }
        let entries = state.signedData.entries, trust = state.options.trustedRoots.trust
        guard !trust.roots.isEmpty else {
            state.findings.append(SignedDataRules.chain.finding(.untrusted, "No root certificate is trusted, so no chain can verify."))
            return stop(&state, .invalidCertificate)
        }
        guard entries.count == 3 else {
            state.findings.append(SignedDataRules.length.finding(
                .wrongLength, "x5c holds \(entries.count) certificate\(entries.count == 1 ? "" : "s"); App Store-signed data carries exactly three: leaf, intermediate, root."))
            return stop(&state, .invalidChainLength)
        }
        if !remember(&state, trust: trust) { verify(&state, trust: trust) }
        guard let chain = state.signedData.chain else { return state.signedData.stopChain() }
        if let root = chain.certificates.last, let third = entries[2].stringValue, third != chain.rootText,
            let bytes = try? Base64.decode(third).get(), bytes != root.der
        {
            state.findings.append(SignedDataRules.root.finding(
                .notTheRoot, "The third certificate in x5c is not the root the chain verified to (\(root.subjectName)); Apple's verifier ignores it and uses its own root."))
        }
    }

    private func stop(_ state: inout VerificationState, _ status: VerificationStatus) {
        state.fail(status)
        state.signedData.stopChain()
    }

    /// Finds the chain verified before, within its validity window: nothing to read or verify again. The session
    /// remembers the last one, the trust every one it verified.
    private func remember(_ state: inout VerificationState, trust: CertificateTrust) -> Bool {
        let entries = state.signedData.entries
        guard let time = state.signedData.chainTime, let leafText = entries[0].stringValue, let intermediateText = entries[1].stringValue else {
            return false
        }
        if let memory = state.memory, let last = memory.chain, memory.chainTrust === trust, last.covers(time),
            memory.chainLeaf == leafText, memory.chainIntermediate == intermediateText
        {
            (state.signedData.chain, state.signedData.preparedKey) = (last, trust.use(last))
            return true
        }
        guard let remembered = trust.rememberedChain(leaf: leafText, intermediate: intermediateText, at: time) else { return false }
        (state.signedData.chain, state.signedData.preparedKey) = (remembered.chain, remembered.preparedKey)
        if let memory = state.memory {
            (memory.chainLeaf, memory.chainIntermediate, memory.chain, memory.chainTrust) = (leafText, intermediateText, remembered.chain, trust)
        }
        return true
    }

    /// Reads the leaf and verifies it under its intermediate when that verified before; else reads the intermediate
    /// too and verifies both to a trusted root. Either way the chain is remembered.
    private func verify(_ state: inout VerificationState, trust: CertificateTrust) {
        let entries = state.signedData.entries
        let leaf = certificate(entries[0], position: 0, into: &state.findings)
        if leaf == nil { state.fail(.invalidCertificate) }
        let time = state.signedData.chainTime, leafText = entries[0].stringValue, intermediateText = entries[1].stringValue
        if let leaf, let time, let leafText, let intermediateText,
            let chain = trust.verifyUnderRememberedIntermediate(
                leaf: leaf, leafText: leafText, intermediateText: intermediateText, at: time, leafExtension: SignedDataCheck.leafOID,
                intermediateExtension: SignedDataCheck.intermediateOID)
        {
            state.signedData.chain = chain
            return
        }
        let intermediate = certificate(entries[1], position: 1, into: &state.findings)
        if intermediate == nil { state.fail(.invalidCertificate) }
        guard let leaf, let intermediate, let time, let leafText, let intermediateText else { return }
        switch trust.verifyRemembering(
            leaf: leaf, intermediate: intermediate, leafText: leafText, intermediateText: intermediateText, at: time,
            leafExtension: SignedDataCheck.leafOID, intermediateExtension: SignedDataCheck.intermediateOID)
        {
        case .failure(let failure):
            state.findings.append(ChainFailureFinding.finding(failure, leaf: leaf, intermediate: intermediate, time: time, trust: trust, options: state.options))
            state.fail(.verificationFailure)
        case .success(let verified):
            state.signedData.chain = verified
        }
    }

    /// One `x5c` entry read as a certificate: standard base64 (as Apple's verifier decodes it) of DER.
    private func certificate(_ entry: JSONValue, position: Int, into findings: inout [Finding]) -> X509Certificate? {
        let name = position == 0 ? "leaf" : "intermediate"
        guard let text = entry.stringValue else {
            findings.append(SignedDataRules.certificate.finding(.wrongType, "The \(name) in x5c is \(entry.typeNameWithArticle), not a base64 certificate."))
            return nil
        }
        let der: [UInt8]
        switch Base64.decode(text) {
        case .success(let bytes): der = bytes
        case .failure(let error):
            findings.append(SignedDataRules.certificate.finding(.notStandardBase64, "The \(name) in x5c \(error.explanation)."))
            return nil
        }
        do {
            return try X509Certificate(der: der)
        } catch {
            findings.append(SignedDataRules.certificate.finding(.malformed, "The \(name) in x5c cannot be read: \(error)."))
            return nil
        }
    }
}
