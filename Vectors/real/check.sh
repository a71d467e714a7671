#!/usr/bin/env bash
# What Apple's own library makes lints clean: regenerate fresh tokens of every kind (App Store
# Server API, the StoreKit in-app JWS, App Store Connect API tokens, legacy offer signatures) for
# the TEST keys with app-store-server-library (Python) and PyJWT into a temporary file, then check
# them with the release build of jwtlint against the real clock (Vectors/real/check.py). Fails
# unless each lints with no error under its own profile (warnings such as the missing iat of
# Apple's Python library are fine) and each offer signature verifies.
#
#   Vectors/real/check.sh                 # builds with `swift build -c release --product jwtlint`
#   JWTLINT=/path/to/jwtlint Vectors/real/check.sh   # use an existing binary instead
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$here/generate.sh" --out "$tmp/tokens.json" --lines "$tmp/tokens.txt" >/dev/null

cd "$root"
if [ -n "${JWTLINT:-}" ]; then
    jwtlint="$JWTLINT"
else
    swift build -c release --product jwtlint
    jwtlint=.build/release/jwtlint
fi

echo "check.sh: checking fresh tokens and offer signatures with $jwtlint"
if ! python3 "$here/check.py" "$jwtlint" "$tmp/tokens.json"; then
    echo "check.sh: FAILED: what Apple's library and PyJWT make must lint clean under its own profile" >&2
    exit 1
fi
echo "check.sh: OK, every kind of token from app-store-server-library and PyJWT lints clean under its profile"
