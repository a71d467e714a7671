# Sourced (not run) by Scripts/release.sh, Scripts/publish-release.sh and the release, plugin and action checks:
# the lines they shared.

# The version the code stamps (JWTLintVersion.current), read from the package at $1.
jwtlint_version() {
    sed -n 's/^ *package static let current = "\([0-9][0-9.]*\)".*/\1/p' "$1/Sources/JWTLint/JWTLintVersion.swift"
}

# The release folder to check, as an absolute path: $1 when given (a folder Scripts/release.sh --out wrote), else a
# release built now into $2/dist. Run from the package's root.
release_dist() {
    if [ -n "${1:-}" ]; then
        (cd "$1" && pwd)
    else
        bash Scripts/release.sh --out "$2/dist" > /dev/null
        echo "$2/dist"
    fi
}
