#!/usr/bin/env bash
# Make the tokens of Apple's other services with the libraries people use (Vectors/services/generate.py), in a
# virtual environment of their own (Vectors/services/.venv, git-ignored), into Vectors/services/tokens.json.
# Needs PyPI the first time. Run it by hand when the libraries change; the tokens are committed, and the test
# suite (ServiceTokenTests) lints them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi
PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" "$here/generate.py" "$@"
