/// jwtlint's version: the one source that `jwtlint --version`, `jwtlint-serve --version` and `--help` print, and that
/// a release stamps (the release script rewrites the line below and names its files after it).
package enum JWTLintVersion {
    /// The version, `MAJOR.MINOR.PATCH`.
    package static let current = "0.2.0"
}
