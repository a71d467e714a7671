import Foundation

/// Runs the built `jwtlint` binary, as a user would.
struct CLIRun {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func vector(_ path: String) -> String {
        packageRoot.appendingPathComponent("Vectors").appendingPathComponent(path).path
    }

    // Hooks for Hardening/sanitizers.sh and Hardening/valgrind.sh, read from the test process's environment:
    // - ASAN_OPTIONS, UBSAN_OPTIONS, LSAN_OPTIONS and TSAN_OPTIONS are passed on to every child (which otherwise
    //   gets only PATH), so that a sanitized jwtlint fails with the script's exit code on any report.
    // - JWTLINT_TEST_BINARY: run this jwtlint instead of the one built beside the tests.
    // - JWTLINT_TEST_WRAPPER: run jwtlint as `WRAPPER BINARY ARGUMENTS…` (e.g. a script that execs valgrind).
    //   `binary` is then a small shell script doing that, so tests that start jwtlint from a shell are wrapped too.

    /// The sanitizer settings passed on to children.
    static let passedEnvironment: [String: String] = ProcessInfo.processInfo.environment.filter {
        ["ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"].contains($0.key)
    }

    /// The `jwtlint` the tests run: JWTLINT_TEST_BINARY, or the one built beside this test bundle; wrapped in
    /// JWTLINT_TEST_WRAPPER when that is set.
    static let binary: URL = {
        let environment = ProcessInfo.processInfo.environment
        let built: URL
        if let path = environment["JWTLINT_TEST_BINARY"], !path.isEmpty {
            built = URL(fileURLWithPath: path)
        } else {
            let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("jwtlint")
            built = FileManager.default.isExecutableFile(atPath: besideTests.path)
                ? besideTests : packageRoot.appendingPathComponent(".build/debug/jwtlint")
        }
        guard let wrapper = environment["JWTLINT_TEST_WRAPPER"], !wrapper.isEmpty else { return built }
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-wrapped-\(getpid())")
        let shim = folder.appendingPathComponent("jwtlint")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "#!/bin/sh\nexec \(quoted(wrapper)) \(quoted(built.path)) \"$@\"\n".write(to: shim, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim.path)
        } catch {
            fatalError("JWTLINT_TEST_WRAPPER: cannot write \(shim.path): \(error)")
        }
        return shim
    }()

    /// SIGPIPE ignored in the test process, so that writing to a child that has exited fails with EPIPE instead.
    static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// A child's environment: PATH, the sanitizer settings, then `extra`. Every child is started through this, after
    /// SIGPIPE is ignored here: children inherit that, so every run sees the same SIGPIPE disposition (before, it
    /// depended on whether an earlier test had written to a child).
    static func childEnvironment(adding extra: [String: String]) -> [String: String] {
        _ = ignoreBrokenPipes
        var env = ["PATH": "/usr/bin:/bin"]
        env.merge(passedEnvironment) { $1 }
        env.merge(extra) { $1 }
        return env
    }

    /// Runs `jwtlint arguments…` (or `executable`) with `input` on standard input and `environment` added to a
    /// clean one (PATH and the sanitizer settings).
    static func run(
        _ arguments: [String], input: String? = nil, inputBytes: [UInt8]? = nil, environment: [String: String] = [:],
        executable: String? = nil
    ) throws -> CLIRun {
        let bursts = [input.map { Data($0.utf8) }, inputBytes.map { Data($0) }].compactMap { $0 }
        return try execute(arguments, executable: executable, environment: environment, bursts: bursts, pause: 0)
    }

    /// Runs `jwtlint arguments…`, writing `bursts` to its standard input one by one with `pause` seconds between
    /// them (as a terminal or `tail -f` would), and returns everything it printed.
    static func runInBursts(_ arguments: [String], bursts: [String], pause: Double) throws -> CLIRun {
        try execute(arguments, executable: nil, environment: [:], bursts: bursts.map { Data($0.utf8) }, pause: pause)
    }

    private static func execute(
        _ arguments: [String], executable: String?, environment: [String: String], bursts: [Data], pause: Double
    ) throws -> CLIRun {
        let process = Process()
        process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? binary
        process.arguments = arguments
        process.environment = childEnvironment(adding: environment)
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        // Read both pipes concurrently with writing, so a large output never blocks the child.
        let outputData = ReadBox(), errorData = ReadBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { outputData.data = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errorData.data = error.fileHandleForReading.readDataToEndOfFile() }
        for burst in bursts {
            if pause > 0 { Thread.sleep(forTimeInterval: pause) }
            // A child may exit before reading all of its input (a refused oversized input): a write to its closed
            // pipe then fails with EPIPE (SIGPIPE is ignored, see `childEnvironment`).
            do { try standardInput.fileHandleForWriting.write(contentsOf: burst) } catch { break }
        }
        try standardInput.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return CLIRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData.data, as: UTF8.self),
            standardError: String(decoding: errorData.data, as: UTF8.self))
    }
}

extension CLI {
    /// Starts `jwtlint arguments…`, writes `firstLine` to its standard input and keeps the input open; returns what
    /// it printed before standard input was closed, or "" when it printed nothing within `timeout` seconds.
    static func firstOutputBeforeClosingInput(_ arguments: [String], firstLine: String, timeout: Double) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = childEnvironment(adding: [:])
        let output = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data(firstLine.utf8))
        let received = ReadBox()
        let arrived = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            received.data = output.fileHandleForReading.availableData
            arrived.signal()
        }
        let arrivedWhileOpen = arrived.wait(timeout: .now() + timeout) == .success
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        if !arrivedWhileOpen { _ = arrived.wait(timeout: .now() + timeout) }
        return arrivedWhileOpen ? String(decoding: received.data, as: UTF8.self) : ""
    }
}

private final class ReadBox: @unchecked Sendable {
    var data = Data()
}
