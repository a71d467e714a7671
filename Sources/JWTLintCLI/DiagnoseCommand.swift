import ArgumentParser
import JWTLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JWTLintCommand {
    /// `jwtlint diagnose`: the likely causes of a 401, ranked, with evidence and fixes.
    struct Diagnose: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a 401 from Apple: the likely causes, most likely first, with evidence and fixes.",
            discussion: """
                INPUT is what you have after the 401, in a file or on standard input: a token, a 'Bearer' value, an \
                'Authorization:' header, a curl command line (quotes and line continuations included), or a raw \
                HTTP request. Give Apple's response with --response (status line, headers, body) to have its \
                Request ID and error code taken into account. Times are checked against this machine's clock \
                unless --now is given, so clock skew shows. A .jwtlint.json applies as for 'jwtlint lint'. A 401 \
                comes from an API, so the token is judged as the kind its host takes (api.appstoreconnect.apple.com: \
                app-store-connect-api; anything else: app-store-server-api), and a StoreKit in-app JWS sent as a \
                bearer token is named as the wrong kind; --profile judges it as another kind.

                Example:
                  pbpaste | jwtlint diagnose --key SubscriptionKey_2X9R4HXF34.p8 --response response.txt
                """)

        @OptionGroup var check: CheckOptions

        @Option(name: .long, help: ArgumentHelp("A file holding Apple's response: status line, headers, body.", valueName: "file"))
        var response: String?

        @Argument(help: ArgumentHelp("A file holding the request, or '-' for standard input (the default).", valueName: "input"))
        var input: String = "-"

        func run() throws {
            // The same options, configuration file and key handling as 'jwtlint lint'.
            let options = try check.values.lintOptions()
            let time = options.now
            let text = try WholeInput.contents(of: input, what: "input")
            guard !text.trimmingASCIIWhitespace().isEmpty else {
                throw UsageError(message: "the input is empty: give the token, header, curl command or request")
            }
            let answer = try response.map { AppleResponse.parse(try WholeInput.contents(of: $0, what: "response file")) }
            let diagnosis = Diagnosis.diagnose(CapturedRequest.parse(text), response: answer, options: options)
            Output.standardOutput(DiagnosisReport.text(diagnosis, now: time))
            Output.flush()
            if diagnosis.result?.hasErrors ?? true { throw ExitCode(ExitStatus.findings) }
        }
    }
}

/// Reads a whole small input: a file, or standard input for '-'.
enum WholeInput {
    static let limit = 1024 * 1024

    static func contents(of path: String, what: String) throws -> String {
        do {
            return String(decoding: try FileReader.read(path, what: what, limit: limit, accepting: .stream).contents, as: UTF8.self)
        } catch {
            throw UsageError(message: "\(error)")
        }
    }
}
