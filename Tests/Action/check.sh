#!/usr/bin/env bash
# The CI action (action.yml) run locally: Tests/Action/action_runner.py runs its steps as GitHub's runner would,
# with the download pointed at a local release tarball (file://), and check.py checks the annotations it prints,
# its SHA-256 checks, its errors and its build from source.
#
#   bash Tests/Action/check.sh [DIST]      DIST: a folder Scripts/release.sh --out wrote; default: run it now
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source Scripts/release-common.sh
dist="$(release_dist "${1:-}" "$work")"
tarball="$(ls "$dist"/jwtlint-*-x86_64-linux.tar.gz | head -1)"
[ -f "$tarball.sha256" ] || { echo "action check: FAILED: no release tarball with its .sha256 in $dist" >&2; exit 1; }
# The runner reads action.yml with PyYAML (Debian's python3-yaml); the steps download with curl.
missing=()
python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
    # A fresh machine may have no package lists yet.
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
swift build --product jwtlint >&2
python3 "$here/check.py" "$root" "$tarball" "$(swift build --show-bin-path)/jwtlint"
