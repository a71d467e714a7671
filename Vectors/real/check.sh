#!/usr/bin/env bash
# Tokens from Apple's own library lint clean: regenerate fresh tokens for the TEST key A with
# app-store-server-library (Python) and PyJWT into a temporary file, then lint them with the
# release build of jwtlint against the real clock. Fails unless jwtlint exits 0 (no error
# finding; warnings such as the missing iat of Apple's Python library are fine).
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

echo "check.sh: linting $(wc -l < "$tmp/tokens.txt" | tr -d ' ') fresh tokens with $jwtlint"
status=0
"$jwtlint" lint --key Vectors/keys/SubscriptionKey_TESTKEYA01.p8 \
    --issuer 57246542-96fe-1a63-e053-0824d011072a --bundle-id com.example.app - < "$tmp/tokens.txt" || status=$?
if [ "$status" -ne 0 ]; then
    echo "check.sh: FAILED: jwtlint exited $status, want 0 (tokens from Apple's library must lint clean)" >&2
    exit 1
fi
echo "check.sh: OK, tokens from app-store-server-library and PyJWT lint clean"
