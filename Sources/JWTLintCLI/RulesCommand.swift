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
            case .json: Output.standardOutput(RuleCatalogReport.json(rules))
            case .markdown: Output.standardOutput(RuleCatalogReport.markdown(rules))
            case .text: Output.standardOutput(RuleCatalogReport.text(rules, profile: chosen, verbose: verbose))
            }
        }
    }
}
