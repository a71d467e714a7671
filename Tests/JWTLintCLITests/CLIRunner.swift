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

    /// The `jwtlint` built beside this test bundle.
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("jwtlint")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/jwtlint")
    }()

    /// Runs `jwtlint arguments…` (or `executable`) with `input` on standard input and `environment` added to a
    /// clean one.
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
        var env = ["PATH": "/usr/bin:/bin"]
        env.merge(environment) { $1 }
        process.environment = env
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
            standardInput.fileHandleForWriting.write(burst)
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
        process.environment = ["PATH": "/usr/bin:/bin"]
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
