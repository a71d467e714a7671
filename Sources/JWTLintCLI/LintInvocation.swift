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
    /// The flags shared with `diagnose` (``CheckOptions``).
    var check = CheckValues()
    var format: OutputFormat = .text
    var jobs: String?
    var tokensFile: String?
    var quiet = false
    var showToken = false
    var warningsAsErrors = false
    var tokens: [String] = []

    /// The options that take a value, as this reader knows them; a test checks them against the declaration of
    /// ``JWTLintCommand/Lint`` (and so of ``CheckOptions``).
    static let valueOptions = [
        "--key", "--kid", "--issuer", "--bundle-id", "--client-id", "--nonce", "--now", "--leeway", "--profile", "--config", "--environment", "--app-apple-id", "--root",
        "--at", "--format", "--jobs", "--tokens-file",
    ]
    /// The options that take no value.
    static let flagOptions = ["--quiet", "--show-token", "--warnings-as-errors"]

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
            if flagOptions.contains(argument) {
                guard !seen.contains(argument) else { return nil }
                seen.append(argument)
                invocation.setFlag(argument)
                continue
            }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
                if value?.isEmpty == true { return nil }
            }
            guard valueOptions.contains(name), !seen.contains(name) else { return nil }
            seen.append(name)
            if value == nil {
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value, invocation.set(name, to: value) else { return nil }
        }
        return invocation
    }

    /// Sets one of ``flagOptions``.
    private mutating func setFlag(_ name: String) {
        switch name {
        case "--quiet": quiet = true
        case "--show-token": showToken = true
        default: warningsAsErrors = true
        }
    }

    /// Sets one of ``valueOptions``; `false` for a value this reader leaves to swift-argument-parser (a bad --format).
    private mutating func set(_ name: String, to value: String) -> Bool {
        switch name {
        case "--key": check.key = value
        case "--kid": check.kid = value
        case "--issuer": check.issuer = value
        case "--bundle-id": check.bundleID = value
        case "--client-id": check.clientID = value
        case "--nonce": check.nonce = value
        case "--now": check.now = value
        case "--leeway": check.leeway = value
        case "--profile": check.profile = value
        case "--config": check.config = value
        case "--environment": check.environment = value
        case "--app-apple-id": check.appAppleID = value
        case "--root": check.roots = [value]
        case "--at": check.at = value
        case "--jobs": jobs = value
        case "--tokens-file": tokensFile = value
        default:
            guard let format = OutputFormat(rawValue: value) else { return false }
            self.format = format
        }
        return true
    }

    func run() throws {
        let options = try check.lintOptions(warningsAsErrors: warningsAsErrors)
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
            } else if SignedDataDocument.looksLikeDocument(argument), let items = SignedDataDocument.items(in: argument), !items.isEmpty {
                for item in items { batch.add(BatchInput(item.jws, member: item.member)) }
            } else {
                batch.add(BatchInput(argument))
            }
        }
        if let tokensFile {
            if tokensFile == "-" {
                try lintLines(from: STDIN_FILENO, into: batch)
            } else {
                let descriptor: Int32
                do {
                    descriptor = try FileReader.openStream(tokensFile, what: "tokens file")
                } catch {
                    throw UsageError(message: "\(error)")
                }
                defer { close(descriptor) }
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
        if batch.summary.hasErrors { throw ExitCode(ExitStatus.findings) }
    }

    /// Reads one token per line from `descriptor` into `batch`, streaming; blank lines are skipped.
    private func lintLines(from descriptor: Int32, file: String? = nil, into batch: BatchLinter) throws {
        var lines = InputLines(descriptor: descriptor)
        let flush = {
            batch.flush()
            Output.flush()
        }
        // A JSON document (a notification body, an API response) may span lines: its lines are gathered until its
        // braces close (found by one pass over the text, so no document is parsed more than once), then read for
        // its signed members. One that never closes, or holds none, is linted as its first line, which says so.
        // The text is kept apart from the line it started on and grown in place: copying it on every line would
        // make a long document quadratic.
        var documentText = ""
        var documentLine: Int? = nil
        var scanner = DocumentScanner()
        func finish(_ text: String, line: Int) {
            if let items = SignedDataDocument.items(in: text), !items.isEmpty {
                for item in items { batch.add(BatchInput(item.jws, line: line, file: file, member: item.member)) }
            } else {
                batch.add(BatchInput(content: .text(String(text.prefix { $0 != "\n" })), line: line, file: file))
            }
        }
        while let line = try lines.next(whenIdle: flush) {
            switch line {
            case .text(let text, let number):
                if let start = documentLine {
                    documentText += "\n"
                    documentText += text
                    scanner.feed(text)
                    if scanner.isClosed || documentText.utf8.count > WholeInput.limit {
                        finish(documentText, line: start)
                        documentText = ""
                        documentLine = nil
                    }
                    continue
                }
                if text.utf8.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { continue }
                if SignedDataDocument.looksLikeDocument(text) {
                    scanner = DocumentScanner()
                    scanner.feed(text)
                    if scanner.isClosed {
                        finish(text, line: number)
                    } else {
                        documentText = text
                        documentLine = number
                    }
                    continue
                }
                batch.add(BatchInput(content: .text(text), line: number, file: file))
            case .oversized(let byteCount, let number):
                batch.add(BatchInput(content: .oversized(byteCount: byteCount), line: number, file: file))
            case .notUTF8(let byte, let offset, let number):
                batch.add(BatchInput(content: .notUTF8(byte: byte, offset: offset), line: number, file: file))
            }
        }
        if let start = documentLine { finish(documentText, line: start) }
    }

    private func validatedJobs() throws -> Int {
        guard let jobs else { return ProcessorCount.online }
        guard let count = Int(jobs), count >= 1, count <= 512 else {
            throw UsageError(message: "--jobs \(jobs) is not a number of threads from 1 to 512")
        }
        return count
    }
}

/// Follows a JSON text's nesting as it comes, line by line, to tell when the outermost object closes: braces and
/// brackets inside strings do not count. One pass over the text in all.
struct DocumentScanner {
    private var depth = 0
    private var opened = false
    private var inString = false
    private var escaped = false
    /// The outermost value has closed (and nothing unbalanced came before).
    private(set) var isClosed = false

    mutating func feed(_ text: String) {
        for byte in text.utf8 where !isClosed {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                opened = true
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if opened && depth <= 0 { isClosed = true }
            default: break
            }
        }
    }
}
