import ArgumentParser
import JWTLint

extension JWTLintCommand {
    /// `jwtlint explain RULE`: one rule in full.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain one rule: what it checks, why, where the rule comes from, and how to fix a token that breaks it.",
            discussion: "RULE is a rule ID such as claims.lifetime; 'jwtlint rules' lists them all.")

        @Argument(help: ArgumentHelp("The rule ID.", valueName: "rule"))
        var rule: String

        func run() throws {
            guard let description = RuleCatalog.rule(id: rule) else {
                let close = RuleCatalog.all.map(\.id.rawValue).filter { $0.contains(rule) || rule.contains($0.split(separator: ".").last.map(String.init) ?? "") }
                let hint = close.isEmpty ? "see 'jwtlint rules'" : "did you mean \(close.joined(separator: ", "))?"
                throw UsageError(message: "no rule is called '\(rule)'; \(hint)")
            }
            var text = "\(description.id) (\(description.defaultSeverity.rawValue))\n"
            text += "  \(description.summary)\n\n"
            text += wrap(description.explanation, indent: "  ") + "\n\n"
            text += "Source:\n" + wrap(description.source, indent: "  ") + "\n\n"
            text += "Fix:\n" + wrap(description.fix, indent: "  ") + "\n\n"
            if let command = description.id.checkingCommand {
                text += "Checked by: jwtlint \(command)\n\n"
            } else {
                text += "Profiles: " + RuleCatalog.profiles(running: description.id).map(\.rawValue).joined(separator: ", ") + "\n\n"
            }
            text += "Examples that break the rule:\n"
            for example in description.triggeringExamples { text += "  - \(example.note)\(profileNote(example))\n" }
            text += "Examples that keep it:\n"
            for example in description.nonTriggeringExamples { text += "  - \(example.note)\(profileNote(example))\n" }
            Output.standardOutput(text)
        }

        /// " (promotional-offer)" for an example linted under a pinned profile other than the server API's.
        private func profileNote(_ example: RuleExample) -> String {
            guard case .pinned(let name) = example.profile, name != .appStoreServerAPI else { return "" }
            return " (\(name))"
        }

        /// `text` broken into lines of at most 100 columns, each starting with `indent`.
        private func wrap(_ text: String, indent: String) -> String {
            var lines: [String] = []
            var line = indent
            for word in text.split(separator: " ") {
                if line.count + word.count + 1 > 100 && line.count > indent.count {
                    lines.append(line)
                    line = indent
                }
                line += (line.count > indent.count ? " " : "") + word
            }
            lines.append(line)
            return lines.joined(separator: "\n")
        }
    }
}
