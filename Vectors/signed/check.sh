#!/usr/bin/env bash
# jwtlint agrees with Apple's own verifier: run Apple's Python SignedDataVerifier (app-store-server-library,
# pinned in Vectors/requirements.txt) now, and jwtlint with the same settings, on every signed case and real
# sample (Vectors/signed/check.py). Fails on any disagreement in status, nested status or exit status.
#
#   Vectors/signed/check.sh                           # builds with `swift build --product jwtlint`
#   JWTLINT=/path/to/jwtlint Vectors/signed/check.sh  # use an existing binary instead
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
echo "check.sh: Apple's Python SignedDataVerifier and $jwtlint on every signed case and real sample"
if ! PYTHONDONTWRITEBYTECODE=1 "$python" "$here/check.py" "$jwtlint"; then
    echo "check.sh: FAILED: jwtlint and Apple's verifier disagree" >&2
    exit 1
fi
echo "check.sh: OK, jwtlint gives Apple's verdict on every input"
