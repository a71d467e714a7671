import ArgumentParser
import JWTLint
import JWTLintServeArguments

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JWTLintCommand {
    /// `jwtlint serve`: runs `jwtlint-serve`, the binary beside `jwtlint` that holds the HTTP server, so that the
    /// server adds nothing to `jwtlint`'s own binary or start-up. The options are read here first, so that a
    /// mistake is reported as for every other command.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: ServeArguments.abstract, discussion: ServeArguments.discussion, version: JWTLintVersion.current)

        @OptionGroup var arguments: ServeArguments

        func run() throws {
            let program = Self.serverProgram()
            guard access(program, X_OK) == 0 else {
                throw UsageError(message: "serve runs jwtlint-serve, which is not beside jwtlint (\(program)); build it with 'swift build --product jwtlint-serve' or install both")
            }
            let given = Array(CommandLine.arguments.dropFirst().drop { $0 != "serve" }.dropFirst())
            let argv = (["jwtlint-serve"] + given).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            Output.flush()
            execv(program, argv)
            throw UsageError(message: "cannot run \(program): \(String(cString: strerror(errno)))")
        }

        /// `jwtlint-serve` in the folder of the running `jwtlint`.
        static func serverProgram() -> String {
            var buffer = [CChar](repeating: 0, count: 4096)
            #if os(Linux)
            let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            #else
            var size = UInt32(buffer.count)
            let length = _NSGetExecutablePath(&buffer, &size) == 0 ? strlen(buffer) : -1
            #endif
            let path = length > 0 ? String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
            guard let slash = path.lastIndex(of: "/") else { return "jwtlint-serve" }
            return String(path[...slash]) + "jwtlint-serve"
        }
    }
}
