/// The `scope` claim of an App Store Connect API token, read: entries of an HTTP method, a URL path and an
/// optional query ("GET /v1/apps?filter[platform]=IOS"), and whether they allow a long-lived token.
enum AppStoreConnectScope {
    /// One scope entry.
    struct Entry: Equatable {
        let method: String
        let path: String
        let query: String?
    }

    /// Why a scope entry cannot be read.
    enum EntryProblem: Error, Equatable {
        case notAString
        case noMethod
        case unknownMethod(String)
        case lowerCaseMethod(String)
        case notAPath
    }

    /// The HTTP methods the App Store Connect API uses.
    static let methods: Set<String> = ["GET", "POST", "PATCH", "DELETE"]

    /// The resources whose GET-only scopes allow a token to live up to six months, by the first path segment
    /// after the version (or by relationship, for metrics and logs reached from apps and builds): Build Actions,
    /// Build Runs, Git References, Issues, macOS Versions, Products, Providers, Power and Performance Metrics and
    /// Logs, Pull Requests, Repositories, Test Results, Workflows, Xcode Versions. The mapping from Apple's names
    /// to the API's resource types is jwtlint's.
    static let longLivedResources: [String: String] = [
        "ciBuildActions": "Build Actions", "ciBuildRuns": "Build Runs", "scmGitReferences": "Git References",
        "ciIssues": "Issues", "ciMacOsVersions": "macOS Versions", "ciProducts": "Products", "scmProviders": "Providers",
        "perfPowerMetrics": "Power and Performance Metrics and Logs",
        "diagnosticSignatures": "Power and Performance Metrics and Logs", "diagnosticLogs": "Power and Performance Metrics and Logs",
        "scmPullRequests": "Pull Requests", "scmRepositories": "Repositories", "ciTestResults": "Test Results",
        "ciWorkflows": "Workflows", "ciXcodeVersions": "Xcode Versions",
    ]

    /// The longest lifetime a long-lived token may have: six months, taken as half of 365.25 days.
    static let longLivedMaximum: Double = 15_778_800

    /// Reads one entry.
    static func entry(_ value: JSONValue) -> Result<Entry, EntryProblem> {
        guard let text = value.stringValue else { return .failure(.notAString) }
        guard let space = text.firstIndex(of: " ") else { return .failure(.noMethod) }
        let method = String(text[..<space])
        let target = String(text[text.index(after: space)...])
        guard methods.contains(method) else {
            return .failure(methods.contains(method.uppercased()) ? .lowerCaseMethod(method) : .unknownMethod(method))
        }
        guard target.hasPrefix("/v"), !target.contains(" ") else { return .failure(.notAPath) }
        if let question = target.firstIndex(of: "?") {
            return .success(Entry(method: method, path: String(target[..<question]), query: String(target[target.index(after: question)...])))
        }
        return .success(Entry(method: method, path: target, query: nil))
    }

    /// The long-lived resource a path reads, if it reads one: its first resource type, or a metrics or logs
    /// relationship at its end.
    static func longLivedResource(of path: String) -> String? {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.count >= 2 else { return nil }
        if let name = longLivedResources[segments[1]] { return name }
        if let last = segments.last, segments.count >= 4, let name = longLivedResources[last] { return name }
        return nil
    }

    /// Whether a token with these claims may live longer than 20 minutes, and if not, why not.
    enum LongLived: Equatable {
        case allowed
        case noScope
        case unreadableScope
        case notGetOnly(String)
        case resourceNotListed(String)
    }

    static func longLived(_ claims: JSONObject) -> LongLived {
        guard let scope = claims["scope"] else { return .noScope }
        guard case .array(let items) = scope, !items.isEmpty else { return .unreadableScope }
        for item in items {
            guard case .success(let entry) = entry(item) else { return .unreadableScope }
            guard entry.method == "GET" else { return .notGetOnly(item.stringValue ?? "") }
            guard longLivedResource(of: entry.path) != nil else { return .resourceNotListed(entry.path) }
        }
        return .allowed
    }
}
