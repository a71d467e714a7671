#!/usr/bin/env bash
# The page of `jwtlint serve` in a real browser: headless Chromium from Debian's packages (installed when missing),
# driven by Tests/Browser/browser_test.py over the DevTools protocol. CI runs it.
#
#   Tests/Browser/check.sh                           # builds jwtlint and jwtlint-serve (debug)
#   JWTLINT=/path/to/jwtlint Tests/Browser/check.sh  # an existing jwtlint, with jwtlint-serve beside it
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium" ]; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "browser check: installing chromium (Debian's package)" >&2
        sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
        export DEBIAN_FRONTEND=noninteractive
        "${sudo[@]}" apt-get install -y -qq chromium >&2 || { "${sudo[@]}" apt-get update -qq >&2 && "${sudo[@]}" apt-get install -y -qq chromium >&2; }
        chromium="$(command -v chromium)"
    else
        echo "browser check: FAILED: no chromium, and no apt-get to install it with" >&2
        exit 1
    fi
fi
cd "$root"
if [ -n "${JWTLINT:-}" ]; then
    jwtlint="$JWTLINT"
else
    swift build --product jwtlint
    swift build --product jwtlint-serve
    jwtlint="$(swift build --show-bin-path)/jwtlint"
fi
timeout 300 python3 "$here/browser_test.py" "$jwtlint" "$chromium"
