#!/usr/bin/env bash
# Apple's Python client (app-store-server-library, pinned in Vectors/requirements.txt) against `jwtlint serve`:
# every endpoint with a good token, signed data verified by Apple's SignedDataVerifier, and broken tokens refused
# with the rule named in the log (Tests/AppleClient/apple_client.py). CI runs it.
#
#   Tests/AppleClient/check.sh                           # builds jwtlint and jwtlint-serve (debug)
#   JWTLINT=/path/to/jwtlint Tests/AppleClient/check.sh  # an existing jwtlint, with jwtlint-serve beside it
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="$("$root/Vectors/gen/venv.sh")"
cd "$root"
if [ -n "${JWTLINT:-}" ]; then
    jwtlint="$JWTLINT"
else
    swift build --product jwtlint
    swift build --product jwtlint-serve
    jwtlint="$(swift build --show-bin-path)/jwtlint"
fi
PYTHONDONTWRITEBYTECODE=1 "$python" "$here/apple_client.py" "$jwtlint"

# The README's example, as written there (a test checks the two are the same), with this jwtlint on PATH.
printed="$(cd "$root" && PATH="$(dirname "$jwtlint"):$PATH" "$python" "$here/readme_example.py" 2>/dev/null)"
if [ "$printed" != $'com.example.monthly\n401' ]; then
    echo "check.sh: FAILED: the README's example printed: $printed" >&2
    exit 1
fi
echo "check.sh: the README's example runs and prints what it says"
