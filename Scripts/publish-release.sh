#!/usr/bin/env bash
# Publishes a release that Scripts/release.sh built in DIST as the GitHub release TAG, with gh (GH_TOKEN and GH_REPO
# set, as .github/workflows/release.yml sets them). TAG must be v followed by JWTLintVersion.current. The assets are
# the names the action and the plugin's binaryTarget download:
#   jwtlint-VERSION-ARCH-linux.tar.gz and its .sha256, jwtlint-VERSION.artifactbundle.zip and its .sha256
# Each .sha256 is checked against its file before anything is published.
#
# Usage: bash Scripts/publish-release.sh DIST TAG [--dry-run]    (--dry-run: check and print the assets, publish nothing)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 2 ] || { echo "publish-release.sh: usage: publish-release.sh DIST TAG [--dry-run]" >&2; exit 2; }
dist="$1" tag="$2" dry_run="${3:-}"
source "$root/Scripts/release-common.sh"
version="$(jwtlint_version "$root")"
[ "$tag" == "v$version" ] || { echo "publish-release.sh: the tag $tag is not v$version, the version the code says (Sources/JWTLint/JWTLintVersion.swift)" >&2; exit 2; }
arch="$(uname -m)"
assets=(
    "jwtlint-$version-$arch-linux.tar.gz" "jwtlint-$version-$arch-linux.tar.gz.sha256"
    "jwtlint-$version.artifactbundle.zip" "jwtlint-$version.artifactbundle.zip.sha256"
)
paths=()
for asset in "${assets[@]}"; do
    [ -f "$dist/$asset" ] || { echo "publish-release.sh: $dist/$asset is missing; run Scripts/release.sh --out $dist" >&2; exit 1; }
    paths+=("$dist/$asset")
done
for file in "jwtlint-$version-$arch-linux.tar.gz" "jwtlint-$version.artifactbundle.zip"; do
    expected="$(awk 'NR == 1 {print $1}' "$dist/$file.sha256")"
    actual="$(sha256sum "$dist/$file" | awk '{print $1}')"
    [ "$expected" == "$actual" ] || { echo "publish-release.sh: $file.sha256 does not match $file" >&2; exit 1; }
done
if [ "$dry_run" == "--dry-run" ]; then
    printf '%s\n' "${assets[@]}"
    exit 0
fi
if ! command -v gh >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gh
fi
gh release create "$tag" "${paths[@]}" --title "jwtlint $version" --notes "jwtlint $version: see README.md for what it checks and how to install it."
