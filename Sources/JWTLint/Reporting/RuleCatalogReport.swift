/// The rule catalog, or some of its rules, as `jwtlint rules` prints it: text, JSON or a Markdown table.
package enum RuleCatalogReport {
    /// One line per rule (ID, default severity, summary); `verbose` adds each rule's explanation, source, fix and
    /// profiles. With `profile`, a description of the kind of token it judges comes first.
    package static func text(_ rules: [RuleDescription], profile: Profile? = nil, verbose: Bool = false) -> String {
        var text = ""
        if let profile {
            text += "\(profile.name): \(profile.title)\n  \(profile.summary)\n\n"
        }
        let width = rules.map(\.id.rawValue.count).max() ?? 0
        for rule in rules {
            let id = rule.id.rawValue + String(repeating: " ", count: width - rule.id.rawValue.count)
            let severity = rule.defaultSeverity.rawValue + String(repeating: " ", count: 7 - rule.defaultSeverity.rawValue.count)
            text += "\(id)  \(severity)  \(rule.summary)\n"
            if verbose {
                let profiles = RuleCatalog.profiles(running: rule.id).map(\.rawValue).joined(separator: ", ")
                text += "    \(rule.explanation)\n    Source: \(rule.source)\n    Fix: \(rule.fix)\n    Profiles: \(profiles)\n\n"
            }
        }
        return text
    }

    /// `{"rules":[{"id","severity","summary","explanation","source","fix","profiles"}, ...]}` and a newline.
    package static func json(_ rules: [RuleDescription]) -> String {
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
        return writer.text
    }

    /// A Markdown table (ID, default severity, summary, profiles), as the README shows the whole catalog.
    package static func markdown(_ rules: [RuleDescription] = RuleCatalog.all) -> String {
        var text = "| Rule | Default severity | Checks | Profiles |\n|---|---|---|---|\n"
        for rule in rules {
            let summary = rule.summary.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
            let profiles = RuleCatalog.profiles(running: rule.id)
            let shown = rule.id.checkingCommand.map { "`\($0)`" }
                ?? (profiles.count == ProfileName.allCases.count ? "all" : profiles.map(\.rawValue).joined(separator: ", "))
            text += "| `\(rule.id)` | \(rule.defaultSeverity.rawValue) | \(summary) | \(shown) |\n"
        }
        return text
    }
}
