import ArgumentParser
import JWTLint

extension JWTLintCommand {
    /// `jwtlint rules`: the rule catalog, whole or for one profile.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every rule: its ID, default severity and what it checks; or the rules of one profile.",
            discussion: """
                With --verbose, also each rule's explanation, source, fix and profiles. With --profile, only the \
                rules that profile runs, after a description of the kind of token it judges.

                Profiles: \(ProfileName.allCases.map(\.rawValue).joined(separator: ", ")).
                """)

        @Flag(name: .shortAndLong, help: "Show each rule's explanation, source, fix and profiles.")
        var verbose = false

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, markdown
        }

        @Option(name: .long, help: ArgumentHelp("Output format: text, json, or markdown (the README's table).", valueName: "format"))
        var format: Format = .text

        @Option(name: .long, help: ArgumentHelp("Only the rules of this profile.", valueName: "profile"))
        var profile: String?

        func run() throws {
            var rules = RuleCatalog.all
            var chosen: Profile?
            if let profile {
                guard let name = ProfileName(rawValue: profile) else {
                    throw UsageError(message: "--profile \(profile) is not a profile; the profiles are \(ProfileName.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                chosen = Profile.named(name)
                let ids = Profile.named(name).ruleIDs
                rules = rules.filter { ids.contains($0.id) }
            }
            switch format {
            case .json:
                var writer = JSONWriter()
                writer.raw(#"{"rules":["#)
                for (index, rule) in rules.enumerated() {
                    if index > 0 { writer.raw(",") }
                    writer.raw(#"{"id":"#)
                    writer.string(rule.id.rawValue)
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
                    writer.raw(#","profiles":"#)
                    writer.value(.array(RuleCatalog.profiles(running: rule.id).map { .string($0.rawValue) }))
                    writer.raw("}")
                }
                writer.raw("]}\n")
                Output.standardOutput(writer.text)
            case .markdown:
                Output.standardOutput(chosen == nil ? RuleCatalog.markdownTable() : RuleCatalog.markdownTable(of: rules))
            case .text:
                if let chosen {
                    Output.standardOutput("\(chosen.name): \(chosen.title)\n  \(chosen.summary)\n\n")
                }
                let width = rules.map(\.id.rawValue.count).max() ?? 0
                for rule in rules {
                    let id = rule.id.rawValue + String(repeating: " ", count: width - rule.id.rawValue.count)
                    let severity = rule.defaultSeverity.rawValue + String(repeating: " ", count: 7 - rule.defaultSeverity.rawValue.count)
                    Output.standardOutput("\(id)  \(severity)  \(rule.summary)\n")
                    if verbose {
                        let profiles = RuleCatalog.profiles(running: rule.id).map(\.rawValue).joined(separator: ", ")
                        Output.standardOutput(
                            "    \(rule.explanation)\n    Source: \(rule.source)\n    Fix: \(rule.fix)\n    Profiles: \(profiles)\n\n")
                    }
                }
            }
        }
    }
}
