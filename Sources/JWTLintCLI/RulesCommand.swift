import ArgumentParser
import JWTLint

extension JWTLintCommand {
    /// `jwtlint rules`: the rule catalog.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every rule: its ID, default severity and what it checks.",
            discussion: "With --verbose, also each rule's explanation, source and fix.")

        @Flag(name: .shortAndLong, help: "Show each rule's explanation, source and fix.")
        var verbose = false

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, markdown
        }

        @Option(name: .long, help: ArgumentHelp("Output format: text, json, or markdown (the README's table).", valueName: "format"))
        var format: Format = .text

        func run() throws {
            switch format {
            case .json:
                var writer = JSONWriter()
                writer.raw(#"{"rules":["#)
                for (index, rule) in RuleCatalog.all.enumerated() {
                    if index > 0 { writer.raw(",") }
                    writer.raw(#"{"id":"#)
                    writer.string(rule.id)
                    writer.raw(#","severity":"#)
                    writer.string(rule.defaultSeverity.rawValue)
                    writer.raw(#","summary":"#)
                    writer.string(rule.summary)
                    writer.raw(#","explanation":"#)
                    writer.string(rule.explanation)
                    writer.raw(#","source":"#)
                    writer.string(rule.source)
                    writer.raw(#","fix":"#)
                    writer.string(rule.fix)
                    writer.raw("}")
                }
                writer.raw("]}\n")
                Output.standardOutput(writer.text)
            case .markdown:
                Output.standardOutput(RuleCatalog.markdownTable())
            case .text:
                let width = RuleCatalog.all.map(\.id.count).max() ?? 0
                for rule in RuleCatalog.all {
                    let id = rule.id + String(repeating: " ", count: width - rule.id.count)
                    let severity = rule.defaultSeverity.rawValue + String(repeating: " ", count: 7 - rule.defaultSeverity.rawValue.count)
                    Output.standardOutput("\(id)  \(severity)  \(rule.summary)\n")
                    if verbose {
                        Output.standardOutput("    \(rule.explanation)\n    Source: \(rule.source)\n    Fix: \(rule.fix)\n\n")
                    }
                }
            }
        }
    }
}
