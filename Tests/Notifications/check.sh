#!/usr/bin/env bash
# `jwtlint notify` against a receiver that verifies every request with Apple's own Python SignedDataVerifier
# (app-store-server-library, pinned in Vectors/requirements.txt), trusting a chain from `jwtlint chain create`
# (Tests/Notifications/check.py). CI runs it.
#
#   Tests/Notifications/check.sh                           # builds jwtlint (debug)
#   JWTLINT=/path/to/jwtlint Tests/Notifications/check.sh  # an existing jwtlint
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="$("$root/Vectors/gen/venv.sh")"
cd "$root"
if [ -n "${JWTLINT:-}" ]; then
    jwtlint="$JWTLINT"
else
    swift build --product jwtlint
    jwtlint="$(swift build --show-bin-path)/jwtlint"
fi
PYTHONDONTWRITEBYTECODE=1 "$python" "$here/check.py" "$jwtlint"

# The README's example, as written there (a test checks the two are the same), with this jwtlint on PATH.
printed="$(cd "$root" && PATH="$(dirname "$jwtlint"):$PATH" PYTHONDONTWRITEBYTECODE=1 "$python" "$here/readme_example.py" 2>/dev/null)"
if [ "$printed" != $'DID_RENEW com.example.app.yearly\n0' ]; then
    echo "check.sh: FAILED: the README's notification example printed: $printed" >&2
    exit 1
fi
echo "check.sh: the README's notification example runs and prints what it says"
