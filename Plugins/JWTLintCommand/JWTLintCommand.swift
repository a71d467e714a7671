import Foundation
import PackagePlugin

/// `swift package jwtlint ARGUMENTS`: runs jwtlint with ARGUMENTS in the package's folder and exits with its status.
///
/// The same source serves two packages: jwtlint's own, where the tool is built from source, and the plugin package
/// that `Scripts/release.sh` makes, where the tool is the release binary in `jwtlint.artifactbundle`.
@main
struct JWTLintCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        // The release binary is the artifact `jwtlint`; built from source, the tool is named after its target.
        let tool = try (try? context.tool(named: "jwtlint")) ?? context.tool(named: "JWTLintCLI")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = arguments
        // Relative paths (--key, --tokens-file, --config) are read from the package's folder, where `swift package`
        // is run; the output goes straight to the terminal or the CI log, annotations included.
        process.currentDirectoryURL = context.package.directoryURL
        // SwiftPM prints what a plugin writes to standard error on its standard output, where it would spoil JSON,
        // SARIF or annotations. So jwtlint's standard error is read here and passed on as SwiftPM's diagnostics,
        // which go to standard error. `serve` logs as it runs, so its log is passed through as it comes.
        let errors = Pipe()
        let streams = arguments.first == "serve"
        if !streams { process.standardError = errors }
        try process.run()
        let errorText = streams ? "" : String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 2 : process.terminationStatus
        for line in errorText.split(whereSeparator: \.isNewline) where !line.isEmpty {
            // Exit 2 is unusable input: what jwtlint said is the error. Otherwise it is advice beside the verdict.
            if status == 2 { Diagnostics.error(String(line)) } else { Diagnostics.warning(String(line)) }
        }
        if process.terminationReason == .uncaughtSignal {
            Diagnostics.error("jwtlint stopped on signal \(process.terminationStatus)")
        }
        // jwtlint's exit status is the gate's verdict (0 clean, 1 findings, 2 unusable input). SwiftPM turns any
        // failure into its own exit status 1, so the last line names jwtlint's.
        if status != 0 {
            Diagnostics.error("jwtlint exit status \(status): \(status == 1 ? "findings (see above)" : "unusable input, nothing was judged")")
        }
        exit(status)
    }
}
