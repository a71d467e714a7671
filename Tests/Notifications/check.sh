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
