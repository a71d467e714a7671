#!/usr/bin/env bash
# Make sure Vectors/.venv exists with the pinned packages of Vectors/requirements.txt, then print
# the path of its python on stdout (everything else goes to stderr).
# Usage: python="$(Vectors/gen/venv.sh)"
set -euo pipefail
vectors="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$vectors/.venv"
req="$vectors/requirements.txt"
base_python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    "$base_python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else "Python >= 3.9 needed")' >&2
    # Debian and Ubuntu ship venv (with ensurepip) as a package of its own.
    if ! "$base_python" -c 'import ensurepip, venv' >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
        echo "venv: installing python3-venv" >&2
        sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq python3-venv >&2 \
            || { "${sudo[@]}" apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq python3-venv >&2; }
    fi
    echo "venv: creating $venv" >&2
    "$base_python" -m venv "$venv" >&2
fi
want="$("$venv/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$req")"
stamp="$venv/.requirements.sha256"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
    echo "venv: installing $(grep -cv '^\s*\(#\|$\)' "$req") pinned packages from requirements.txt" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
    echo "$want" > "$stamp"
fi
echo "$venv/bin/python"
