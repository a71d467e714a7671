#!/usr/bin/env bash
# Make real tokens for the TEST key A with Apple's app-store-server-library (Python) and PyJWT,
# at the versions pinned in Vectors/requirements.txt (installed into the git-ignored
# Vectors/.venv), and write Vectors/real/tokens.json. Extra arguments go to generate.py
# (--out FILE, --lines FILE).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="$("$here/../gen/venv.sh")"
PYTHONDONTWRITEBYTECODE=1 exec "$python" "$here/generate.py" "$@"
