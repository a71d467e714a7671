#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import JWTLint
import JWTLintHTTP
import JWTLintServeArguments
import JWTLintServer
import NIOCore
import NIOPosix

/// `jwtlint-serve`: the binary behind `jwtlint serve`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jwtlint serve", abstract: ServeArguments.abstract, discussion: ServeArguments.discussion,
        version: JWTLintVersion.current)

    @OptionGroup var arguments: ServeArguments

    func run() async throws {
        let settings = try Self.settings(arguments)
        var logDescriptor: Int32 = 2
        if let path = arguments.log {
            logDescriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard logDescriptor >= 0 else { throw ServeProblem(description: "cannot open the log file '\(path)': \(String(cString: strerror(errno)))") }
        }
        let standIn: StandIn
        do {
            standIn = try StandIn(settings: settings, logDescriptor: logDescriptor, clock: { Self.now() })
        } catch {
            throw ServeProblem(description: "cannot make the test chain: \(error)")
        }
        if let path = arguments.writeRoot {
            let pem = Array(standIn.rootPEM.utf8)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0, write(descriptor, pem, pem.count) == pem.count else {
                throw ServeProblem(description: "cannot write the root to '\(path)': \(String(cString: strerror(errno)))")
            }
            close(descriptor)
        }
        try await StandInServer.run(standIn, host: arguments.host, port: arguments.port) { url in
            // The first line: the base URL, for a test to read; written at once, not buffered.
            let line = Array((url + "\n").utf8)
            _ = write(1, line, line.count)
        }
        standIn.flushLog()
    }

    static func settings(_ arguments: ServeArguments) throws -> StandInSettings {
        guard (0...65_535).contains(arguments.port) else { throw ServeProblem(description: "--port \(arguments.port) is not a port (0 to 65535)") }
        let environment: SignedEnvironment
        switch arguments.environment {
        case "sandbox": environment = .sandbox
        case "production": environment = .production
        default: throw ServeProblem(description: "--environment \(arguments.environment) is not sandbox or production")
        }
        let key: VerificationKey
        do {
            key = try VerificationKey.load(contentsOf: arguments.key)
        } catch {
            throw ServeProblem(description: "\(error)")
        }
        var options = LintOptions(now: now(), expectedKeyID: arguments.kid, issuer: arguments.issuer, bundleID: arguments.bundleID)
        options.profile = .pinned(.appStoreServerAPI)
        if let problem = options.problems.first { throw ServeProblem(description: "\(problem)") }
        let data: StoreData
        if let path = arguments.data {
            do {
                data = try StoreData.load(contentsOf: path)
            } catch {
                throw ServeProblem(description: "\(error)")
            }
        } else {
            data = StoreData.builtIn(now: now())
        }
        var settings = StandInSettings(
            key: key, keyID: arguments.kid, issuer: arguments.issuer, bundleID: arguments.bundleID, environment: environment, data: data)
        if let url = arguments.notificationURL {
            do throws(HTTPClientError) {
                let target = try HTTPTarget(url: url)
                let client = try HTTPClient(settings: HTTPClient.Settings(), usesTLS: target.secure)
                settings.outbox = NotificationOutbox(delivery: NotificationDelivery(client: client, target: target), url: target.description)
            } catch {
                throw ServeProblem(description: "--notification-url: \(error.description)")
            }
        }
        if let folder = arguments.chain {
            do throws(JWTLintError) {
                settings.chain = try TestChain.load(from: folder, now: now())
            } catch {
                throw ServeProblem(description: error.description)
            }
        }
        return settings
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A problem with the options or files given: one line, exit status 2, as for every jwtlint command.
struct ServeProblem: Error, CustomStringConvertible {
    let description: String
}

MemoryHygiene.clearFreedMemory()
// Swift concurrency's jobs run on SwiftNIO's event loops: a request's handler then runs on the thread that read it,
// instead of hopping to another pool and back for every request.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
do {
    let command = try ServeCommand.parseAsRoot()
    guard let serve = command as? ServeCommand else {
        // --help or --version: printed by the parser.
        ServeCommand.exit()
    }
    try await serve.run()
} catch let problem as ServeProblem {
    let line = Array("jwtlint serve: \(problem.description)\n".utf8)
    _ = write(2, line, line.count)
    exit(2)
} catch {
    if ServeCommand.exitCode(for: error) == .success { ServeCommand.exit(withError: error) }
    let line = Array((ServeCommand.fullMessage(for: error) + "\n").utf8)
    _ = write(2, line, line.count)
    exit(2)
}
