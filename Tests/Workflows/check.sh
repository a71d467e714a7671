#!/usr/bin/env bash
# The GitHub workflows (.github/workflows) checked locally by Tests/Workflows/check.py: they parse, their steps run
# scripts that exist, and the release workflow's publishing step, run with a stand-in for gh over DIST, uploads the
# assets the action and the plugin download.
#
#   bash Tests/Workflows/check.sh DIST      DIST: a folder Scripts/release.sh --out wrote
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -eq 1 ] || { echo "workflows check: usage: check.sh DIST" >&2; exit 2; }
if ! python3 -c 'import yaml' 2>/dev/null; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml >&2
fi
python3 "$here/check.py" "$root" "$1"
