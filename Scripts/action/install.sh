#!/usr/bin/env bash
# The action's first step (action.yml): puts jwtlint on PATH for the steps after it.
# - By default it downloads the release tarball of JWTLINT_VERSION for this runner (Linux x86_64), checks its SHA-256
#   against JWTLINT_SHA256 or the .sha256 file published beside it, and unpacks it under RUNNER_TEMP.
# - With JWTLINT_BUILD_FROM_SOURCE=true it builds jwtlint from the action's own source instead (Swift 6 needed;
#   on Debian and Ubuntu the build's C libraries are installed when missing).
# Every failure is one line starting with ::error, which GitHub shows as an annotation.
set -euo pipefail
fail() { echo "::error title=jwtlint action::$*"; exit 1; }

version="${JWTLINT_VERSION:?}"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "version '$version' is not a release version like 0.2.0"
temp="${RUNNER_TEMP:?RUNNER_TEMP is set by the runner}"
source_dir="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is set by the runner}"

case "${JWTLINT_BUILD_FROM_SOURCE:-false}" in
    true)
        command -v swift >/dev/null || fail "build-from-source needs Swift 6 on the runner (for example swift-actions/setup-swift)"
        if command -v apt-get >/dev/null; then bash "$source_dir/.ci/setup" --build >&2; fi
        scratch="$temp/jwtlint-build"
        echo "jwtlint: building from $source_dir" >&2
        swift build -c release --product jwtlint --package-path "$source_dir" --scratch-path "$scratch" >&2 \
            || fail "building jwtlint from source failed (see the log above)"
        bin="$(swift build -c release --package-path "$source_dir" --scratch-path "$scratch" --show-bin-path)"
        ;;
    false)
        [ "$(uname -s)" == Linux ] || fail "the release is built for Linux; on $(uname -s) set build-from-source: true"
        arch="$(uname -m)"
        [ "$arch" == x86_64 ] || fail "there is no release for $arch yet; set build-from-source: true"
        name="jwtlint-$version-$arch-linux"
        url="${JWTLINT_DOWNLOAD_URL:-}"
        if [ -z "$url" ]; then
            [ -n "${JWTLINT_ACTION_REPOSITORY:-}" ] || fail "the runner did not say which repository this action comes from; set download-url"
            url="${GITHUB_SERVER_URL:-https://github.com}/$JWTLINT_ACTION_REPOSITORY/releases/download/v$version/$name.tar.gz"
        fi
        work="$temp/jwtlint-download"
        rm -rf "$work" && mkdir -p "$work"
        curl -fsSL --retry 3 --proto '=https,file' -o "$work/$name.tar.gz" "$url" || fail "could not download $url"
        expected="${JWTLINT_SHA256:-}"
        if [ -z "$expected" ]; then
            curl -fsSL --retry 3 --proto '=https,file' -o "$work/sha256" "$url.sha256" || fail "could not download $url.sha256"
            expected="$(awk 'NR == 1 {print $1}' "$work/sha256")"
        fi
        expected="$(printf '%s' "$expected" | tr 'A-F' 'a-f')"
        [[ $expected =~ ^[0-9a-f]{64}$ ]] || fail "the expected SHA-256 '$expected' is not 64 hexadecimal digits"
        actual="$(sha256sum "$work/$name.tar.gz" | awk '{print $1}')"
        [ "$actual" == "$expected" ] || fail "the tarball's SHA-256 is $actual, not $expected: not installed"
        rm -rf "$temp/$name"
        tar -C "$temp" -xzf "$work/$name.tar.gz" "$name/" || fail "$url is not a jwtlint $version tarball ($name/)"
        bin="$temp/$name/bin"
        ;;
    *) fail "build-from-source is '$JWTLINT_BUILD_FROM_SOURCE'; it takes true or false" ;;
esac

[ -x "$bin/jwtlint" ] || fail "no jwtlint in $bin"
installed="$("$bin/jwtlint" --version)" || fail "$bin/jwtlint does not run on this runner"
echo "jwtlint $installed from $bin" >&2
echo "$bin" >> "${GITHUB_PATH:?GITHUB_PATH is set by the runner}"
