#!/usr/bin/env bash
# The SwiftPM command plugin, both ways a package gets it:
# - the release's plugin package (dist/jwtlint-plugin: the plugin on the release binary in jwtlint.artifactbundle):
#   Tests/Fixtures/PluginUser, copied beside it, runs `swift package jwtlint ...` and must print what the development
#   build prints, read its .jwtlint.json and relative paths from its own folder, and fail when jwtlint fails;
# - this package's own plugin, built from source: Tests/Fixtures/Consumer depends on this package by path.
# Also checks the artifact bundle's zip: its checksum (SwiftPM's) is its .sha256, and it holds the same bundle.
#
#   bash Tests/Plugin/check.sh [DIST]      DIST: a folder Scripts/release.sh --out wrote; default: run it now
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source Scripts/release-common.sh
dist="$(release_dist "${1:-}" "$work")"
version="$(jwtlint_version "$root")"
[ -d "$dist/jwtlint-plugin" ] || { echo "plugin check: FAILED: no jwtlint-plugin in $dist" >&2; exit 1; }

swift build --product jwtlint >&2
dev="$(swift build --show-bin-path)/jwtlint"
failures=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

# The zip SwiftPM would download: its checksum is the published SHA-256, and it unpacks to the plugin's bundle.
zip="$dist/jwtlint-$version.artifactbundle.zip"
checksum="$(swift package compute-checksum "$zip")"
if [ "$checksum" == "$(awk '{print $1}' "$zip.sha256")" ]; then pass "the zip's SwiftPM checksum is its .sha256"; else fail "the zip's checksum $checksum is not its .sha256"; fi
mkdir -p "$work/unzipped"
(cd "$work/unzipped" && unzip -q "$zip")
if diff -r "$work/unzipped/jwtlint.artifactbundle" "$dist/jwtlint-plugin/jwtlint.artifactbundle" > /dev/null; then
    pass "the zip holds the plugin package's jwtlint.artifactbundle"
else
    fail "the zip and the plugin package hold different bundles"
fi
info="$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["artifacts"]["jwtlint"]; v=a["variants"][0]; print(a["type"], a["version"], v["path"], *v["supportedTriples"])' "$dist/jwtlint-plugin/jwtlint.artifactbundle/info.json")"
if [ "$info" == "executable $version jwtlint-$version-x86_64-linux/bin/jwtlint x86_64-unknown-linux-gnu" ]; then pass "info.json: $info"; else fail "info.json says: $info"; fi

# The user's package beside the plugin package, with the vectors' key and samples.
cp -r "$dist/jwtlint-plugin" "$work/jwtlint-plugin"
cp -r Tests/Fixtures/PluginUser "$work/PluginUser"
rm -rf "$work/PluginUser/.build"
mkdir -p "$work/PluginUser/keys"
cp Vectors/keys/TESTKEYA01.pub.pem "$work/PluginUser/keys/"
cp -r Vectors/samples "$work/PluginUser/samples"
now=1767225600

# run LABEL EXPECTED_STATUS ARGS...: `swift package jwtlint ARGS` in the user's package, against the development
# build run in the same folder with the same arguments: the same standard output, and a failure when jwtlint fails.
run() {
    local label="$1" expected="$2"; shift 2
    local plugin_status=0 dev_status=0
    (cd "$work/PluginUser" && swift package jwtlint "$@" > "$work/plugin.out" 2> "$work/plugin.err") || plugin_status=$?
    (cd "$work/PluginUser" && "$dev" "$@" > "$work/dev.out" 2> "$work/dev.err") || dev_status=$?
    if [ "$dev_status" != "$expected" ]; then
        fail "$label: the development build exits $dev_status, not $expected"
    elif ! cmp -s "$work/plugin.out" "$work/dev.out"; then
        fail "$label: the plugin's output differs from the development build's"
        diff "$work/dev.out" "$work/plugin.out" | head -8
    elif ! diff <(sed "s/^/$([ "$expected" == 2 ] && echo error || echo warning): /" "$work/dev.err") \
            <(grep -v "^error: jwtlint exit status " "$work/plugin.err") > /dev/null; then
        fail "$label: jwtlint's standard error is not SwiftPM's diagnostics: $(head -3 "$work/plugin.err")"
    elif [ "$expected" == 0 ] && [ "$plugin_status" != 0 ]; then
        fail "$label: the plugin failed ($plugin_status): $(tail -2 "$work/plugin.err")"
    elif [ "$expected" != 0 ] && { [ "$plugin_status" == 0 ] || ! grep -q "^error: jwtlint exit status $expected: " "$work/plugin.err"; }; then
        fail "$label: swift package exited $plugin_status without naming jwtlint's exit code $expected: $(tail -2 "$work/plugin.err")"
    else
        pass "$label (jwtlint exit $expected, swift package exit $plugin_status, $(wc -l < "$work/plugin.out") lines)"
    fi
}
run "swift package jwtlint --version" 0 --version
grep -qx "$version" "$work/plugin.out" || fail "the plugin's jwtlint is not version $version"
run "the sample tokens, key and kid from the package's .jwtlint.json" 0 lint --now "$now" --tokens-file samples/tokens.txt
run "the failing sample as GitHub annotations" 1 lint --now "$now" --format github --tokens-file samples/failing.txt
grep -q "^::error file=samples/failing.txt,line=1,title=jwtlint claims.bid::" "$work/plugin.out" || fail "no claims.bid annotation from the plugin"
run "unusable input (a missing key file)" 2 lint --now "$now" --key keys/missing.pem --tokens-file samples/tokens.txt
run "the rules in JSON" 0 rules --format json
# A warning on standard error (a private key readable by others) stays off standard output, so JSON stays JSON.
cp Vectors/keys/SubscriptionKey_TESTKEYA01.p8 "$work/PluginUser/keys/open.p8"
chmod 644 "$work/PluginUser/keys/open.p8"
run "JSON with a warning on standard error" 0 lint --now "$now" --key keys/open.p8 --format json --tokens-file samples/tokens.txt
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/plugin.out" || fail "the plugin's JSON output does not parse"
grep -q "^warning: " "$work/plugin.err" || fail "the key's warning is not among SwiftPM's diagnostics"

# From elsewhere with --package-path: jwtlint still runs in the package's folder.
status=0
(cd "$work" && swift package --package-path PluginUser jwtlint lint --now "$now" --tokens-file samples/tokens.txt > "$work/elsewhere.out" 2>&1) || status=$?
if [ "$status" == 0 ] && grep -q "^11 tokens: 11 passed" "$work/elsewhere.out"; then
    pass "from another folder with --package-path, paths are the package's"
else
    fail "with --package-path: exit $status: $(tail -2 "$work/elsewhere.out")"
fi

# This package's own plugin, built from source in a package that depends on it by path.
status=0
consumer_out="$(swift package --package-path Tests/Fixtures/Consumer jwtlint lint --now "$now" --format github \
    --key ../../../Vectors/keys/TESTKEYA01.pub.pem --tokens-file ../../../Vectors/samples/failing.txt 2> "$work/consumer.err")" || status=$?
dev_out="$(cd Tests/Fixtures/Consumer && "$dev" lint --now "$now" --format github \
    --key ../../../Vectors/keys/TESTKEYA01.pub.pem --tokens-file ../../../Vectors/samples/failing.txt 2>/dev/null)" || true
if [ "$status" != 0 ] && [ "$consumer_out" == "$dev_out" ] && grep -q "^error: jwtlint exit status 1: findings" "$work/consumer.err"; then
    pass "this package's plugin, built from source, prints the same annotations and fails"
else
    fail "the plugin built from source: exit $status: $(tail -3 "$work/consumer.err")"
fi

if ((failures)); then
    echo "plugin check: FAILED: $failures of the checks above" >&2
    exit 1
fi
echo "plugin check: swift package jwtlint runs the release binary and the source build, with jwtlint's output and verdict"
