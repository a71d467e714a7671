import ArgumentParser
import JWTLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `jwtlint lint` run as plain values: what ``JWTLintCommand/Lint`` parsed, or what ``parse(_:)`` read
/// straight from a simple command line.
struct LintInvocation: Equatable {
    var key: String?
    var kid: String?
    var issuer: String?
    var bundleID: String?
    var now: String?
    var leeway: String?
    var profile: String?
    var format: OutputFormat = .text
    var jobs: String?
    var tokensFile: String?
    var quiet = false
    var showToken = false
    var config: String?
    var warningsAsErrors = false
    var tokens: [String] = []

    /// Reads `lint [OPTIONS] [TOKEN ...]` without swift-argument-parser, whose reflection costs more than the rest of
    /// a one-token run. Returns `nil` for anything but a plain lint command line (help, version, an unknown or
    /// repeated option, a missing or dash-led value, a bad --format): swift-argument-parser then parses it, with
    /// its help and error messages. A test checks that both parsers agree on every line this one accepts.
    static func parse(_ arguments: [String]) -> LintInvocation? {
        guard arguments.first == "lint" else { return nil }
        var invocation = LintInvocation()
        var seen: [String] = []
        var index = 1
        var onlyTokens = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyTokens || argument == "-" || !argument.hasPrefix("-") {
                invocation.tokens.append(argument)
                continue
            }
            if argument == "--" {
                onlyTokens = true
                continue
            }
            if argument == "--quiet" {
                guard !invocation.quiet else { return nil }
                invocation.quiet = true
                continue
            }
            if argument == "--show-token" {
                guard !invocation.showToken else { return nil }
                invocation.showToken = true
                continue
            }
            if argument == "--warnings-as-errors" {
                guard !invocation.warningsAsErrors else { return nil }
                invocation.warningsAsErrors = true
                continue
            }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
                if value?.isEmpty == true { return nil }
            }
            guard
                ["--key", "--kid", "--issuer", "--bundle-id", "--now", "--leeway", "--profile", "--format", "--jobs", "--tokens-file", "--config"]
                    .contains(name),
                !seen.contains(name)
            else { return nil }
            seen.append(name)
            if value == nil {
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value else { return nil }
            switch name {
            case "--key": invocation.key = value
            case "--kid": invocation.kid = value
            case "--issuer": invocation.issuer = value
            case "--bundle-id": invocation.bundleID = value
            case "--now": invocation.now = value
            case "--leeway": invocation.leeway = value
            case "--profile": invocation.profile = value
            case "--jobs": invocation.jobs = value
            case "--tokens-file": invocation.tokensFile = value
            case "--config": invocation.config = value
            default:
                guard let format = OutputFormat(rawValue: value) else { return nil }
                invocation.format = format
            }
        }
        return invocation
    }

    func run() throws {
        let options = try makeOptions()
        let jobCount = try validatedJobs()
        let reporter: any Reporter
        if quiet {
            reporter = SilentReporter()
        } else {
            switch format {
            case .text: reporter = TextReporter(colour: Output.wantsColour, now: options.now, showToken: showToken)
            case .json: reporter = JSONReporter(showToken: showToken)
            case .github: reporter = GitHubReporter()
            case .sarif: reporter = SARIFReporter(toolVersion: JWTLintCommand.configuration.version)
            case .junit: reporter = JUnitReporter()
            }
        }
        let batch = BatchLinter(linter: Linter(options: options), jobs: jobCount, delivery: .report(reporter) { bytes in
            Output.standardOutput(bytes: &bytes)
        })
        // However the run ends (an unreadable file, a failed read), the workers are stopped before the process exits.
        defer { batch.stopWorkers() }
        for argument in tokens {
            if argument == "-" {
                try lintLines(from: STDIN_FILENO, into: batch)
            } else {
                batch.add(BatchInput(argument))
            }
        }
        if let tokensFile {
            if tokensFile == "-" {
                try lintLines(from: STDIN_FILENO, into: batch)
            } else {
                let descriptor = open(tokensFile, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else {
                    throw UsageError(message: "tokens file '\(tokensFile)' cannot be opened (\(String(cString: strerror(errno))))")
                }
                defer { close(descriptor) }
                var info = stat()
                if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    throw UsageError(message: "tokens file '\(tokensFile)' is a directory")
                }
                try lintLines(from: descriptor, file: tokensFile, into: batch)
            }
        } else if tokens.isEmpty {
            try lintLines(from: STDIN_FILENO, into: batch)
        }
        batch.finish()
        guard batch.summary.tokens > 0 else {
            throw UsageError(message: "no token to check: the input held no token (give tokens as arguments, or one per line)")
        }
        Output.standardOutput(reporter.closing(batch.summary))
        Output.flush()
        if batch.summary.failed > 0 { throw ExitCode(ExitStatus.findings) }
    }

    /// Reads one token per line from `descriptor` into `batch`, streaming; blank lines are skipped.
    private func lintLines(from descriptor: Int32, file: String? = nil, into batch: BatchLinter) throws {
        var lines = InputLines(descriptor: descriptor)
        let flush = {
            batch.flush()
            Output.flush()
        }
        while let line = try lines.next(whenIdle: flush) {
            switch line {
            case .text(let text, let number):
                if text.utf8.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { continue }
                batch.add(BatchInput(content: .text(text), line: number, file: file))
            case .oversized(let byteCount, let number):
                batch.add(BatchInput(content: .oversized(byteCount: byteCount), line: number, file: file))
            case .notUTF8(let byte, let offset, let number):
                batch.add(BatchInput(content: .notUTF8(byte: byte, offset: offset), line: number, file: file))
            }
        }
    }

    private func validatedJobs() throws -> Int {
        guard let jobs else { return ProcessorCount.online }
        guard let count = Int(jobs), count >= 1, count <= 512 else {
            throw UsageError(message: "--jobs \(jobs) is not a number of threads from 1 to 512")
        }
        return count
    }

    /// The options these flags and the configuration file give (flags win), with the key loaded.
    func makeOptions() throws -> LintOptions {
        let configuration = try loadConfiguration()
        let time = try LintInvocation.time(now: now)
        var leewayValue = configuration?.leeway ?? LintOptions.defaultLeeway
        if let leeway {
            guard let value = LintInvocation.decimal(leeway) else {
                throw UsageError(message: "--leeway \(leeway) is not a number of seconds (0 or more)")
            }
            leewayValue = value
        }
        var options = LintOptions(
            now: time, expectedKeyID: kid ?? configuration?.keyID, issuer: issuer ?? configuration?.issuer,
            bundleID: bundleID ?? configuration?.bundleID, leeway: leewayValue)
        if let profile {
            guard let choice = ProfileChoice(name: profile) else {
                throw UsageError(message: "--profile \(profile) is not a profile; the profiles are \(ProfileChoice.names.joined(separator: ", "))")
            }
            options.profile = choice
        } else if let configured = configuration?.profile {
            options.profile = configured
        }
        options.ruleSettings = configuration?.rules ?? [:]
        options.warningsAsErrors = warningsAsErrors || configuration?.warningsAsErrors == true
        if let problem = options.problems.first {
            throw UsageError(message: problem)
        }
        if let key = key ?? configuration?.key {
            let loaded = try KeyFileLoader.load(key)
            options.key = loaded.publicKey
            options.keyIDFromFileName = loaded.keyIDFromFileName
        }
        return options
    }

    /// The configuration file named by --config, else the nearest .jwtlint.json, else none.
    private func loadConfiguration() throws -> Configuration? {
        let path = config ?? Configuration.workingDirectory().flatMap(Configuration.find(from:))
        guard let path else { return nil }
        do {
            return try Configuration.load(contentsOf: path)
        } catch {
            throw UsageError(message: "\(error)")
        }
    }

    /// The time `--now` gives, or this machine's clock without it.
    /// - Throws: ``UsageError`` when the value is not a plain decimal number of seconds.
    static func time(now: String?) throws -> Double {
        guard let now else { return Output.currentTime() }
        guard let value = decimal(now), value < 1e12 else {
            throw UsageError(message: "--now \(now) is not a Unix time in seconds (a number such as 1767225600)")
        }
        return value
    }

    /// A non-negative decimal number such as `1767225600` or `0.5`; not hexadecimal, exponents, `inf` or `nan`,
    /// which `Double(_:)` would accept.
    static func decimal(_ text: String) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !text.isEmpty, text.count <= 24,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Double(text)
    }
}
