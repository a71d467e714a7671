#!/usr/bin/env bash
# The release binaries in a bare Debian root: Scripts/release.sh builds the tarball; this checks its SHA-256,
# unpacks it into a minimal Debian (debootstrap --variant=minbase: no Swift, no jansson, no OpenSSL development
# files), and there lints the vectors with the same output, byte for byte, as the development build; then starts
# `jwtlint serve` there and has it refuse a request without a token. Needs root (chroot) and Debian's mirror the
# first time: the root is kept in $JWTLINT_BARE_ROOT (default /var/cache/jwtlint/bare-root-bookworm).
#
#   bash Tests/Release/check.sh [DIST]    DIST: a folder Scripts/release.sh --out wrote; default: run it now
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bare="${JWTLINT_BARE_ROOT:-/var/cache/jwtlint/bare-root-bookworm}"
[[ $(id -u) -eq 0 ]] || { echo "release check: FAILED: chroot needs root" >&2; exit 1; }
cd "$root"

if [ ! -x "$bare/bin/bash" ] || [ ! -f "$bare/.jwtlint-bare-root" ]; then
    command -v debootstrap >/dev/null || { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2; }
    echo "release check: making a bare Debian root in $bare (debootstrap --variant=minbase bookworm)" >&2
    rm -rf "$bare"
    mkdir -p "$(dirname "$bare")"
    debootstrap --variant=minbase bookworm "$bare" http://deb.debian.org/debian >&2
    touch "$bare/.jwtlint-bare-root"
fi
for absent in usr/bin/swift usr/include/jansson.h usr/include/openssl/evp.h usr/lib/x86_64-linux-gnu/libjansson.so.4; do
    if [ -e "$bare/$absent" ]; then
        echo "release check: FAILED: the bare root has /$absent" >&2
        exit 1
    fi
done

out="$(mktemp -d)"
cleanup() {
    umount "$bare/proc" 2>/dev/null || true
    rm -rf "$out" "$bare/opt/jwtlint" "$bare/tmp/jwtlint-check"
}
trap cleanup EXIT
# As in any container: the Swift runtime of a static binary reads its arguments from /proc/self/cmdline.
mountpoint -q "$bare/proc" || mount -t proc proc "$bare/proc"
source Scripts/release-common.sh
tarball="$(ls "$(release_dist "${1:-}" "$out")"/jwtlint-*-x86_64-linux.tar.gz | head -1)"
(cd "$(dirname "$tarball")" && sha256sum -c "$(basename "$tarball").sha256" >&2)
rm -rf "$bare/opt/jwtlint" "$bare/tmp/jwtlint-check"
mkdir -p "$bare/opt/jwtlint" "$bare/tmp/jwtlint-check"
tar -C "$bare/opt/jwtlint" --strip-components=1 -xzf "$tarball"
cp -r Vectors/keys Vectors/samples Vectors/signed "$bare/tmp/jwtlint-check/"
python3 - "$root/Vectors/lint/cases.json" "$bare/tmp/jwtlint-check/lint-tokens.txt" <<'PY'
import json, sys
cases = json.load(open(sys.argv[1]))["cases"]
open(sys.argv[2], "w").write("".join(case["token"] + "\n" for case in cases))
PY

swift build --product jwtlint >&2
dev="$(swift build --show-bin-path)/jwtlint"
failures=0
# One command at a time, in the root and here, on the same files: the outputs and exit statuses must be equal.
compare() {
    local label="$1"; shift
    local here_out there_out here_status=0 there_status=0
    here_out="$(cd "$bare/tmp/jwtlint-check" && "$dev" "$@" 2>&1)" || here_status=$?
    there_out="$(chroot "$bare" /bin/sh -c 'cd /tmp/jwtlint-check && exec /opt/jwtlint/bin/jwtlint "$@" 2>&1' sh "$@")" || there_status=$?
    if [ "$here_out" == "$there_out" ] && [ "$here_status" == "$there_status" ]; then
        echo "ok   $label (exit $there_status, $(printf '%s' "$there_out" | wc -l) lines)"
    else
        echo "FAIL $label: exit $there_status in the bare root, $here_status from the development build"
        diff <(printf '%s\n' "$here_out") <(printf '%s\n' "$there_out") | head -10 || true
        failures=$((failures + 1))
    fi
}
compare "version" --version
compare "the main job" lint --key keys/TESTKEYA01.pub.pem --kid TESTKEYA01 --now 1767225600 --tokens-file samples/tokens.txt
compare "the failing sample" lint --key keys/TESTKEYA01.pub.pem --kid TESTKEYA01 --now 1767225600 --tokens-file samples/failing.txt
compare "every lint case, JSON" lint --key keys/SubscriptionKey_TESTKEYA01.p8 --now 1767225600 --format json --tokens-file lint-tokens.txt
compare "every lint case, SARIF" lint --key keys/TESTKEYA01.pub.pem --now 1767225600 --format sarif --tokens-file lint-tokens.txt
compare "a signed notification" lint --root signed/chain/root.pem --environment sandbox --bundle-id com.example.app --format json \
    "$(python3 -c 'import json,sys; print(next(c["jws"] for c in json.load(open(sys.argv[1]))["cases"] if c["name"] == "notification-ok"))' "$root/Vectors/signed/cases.json")"
compare "the rules" rules --format json

# jwtlint serve in the root: its first line is the URL; a request without a token gets Apple's 401.
chroot "$bare" /opt/jwtlint/bin/jwtlint serve --key /tmp/jwtlint-check/keys/TESTKEYA01.pub.pem --port 0 > "$out/serve.out" 2> "$out/serve.err" &
serve=$!
for _ in $(seq 50); do [ -s "$out/serve.out" ] && break; sleep 0.1; done
url="$(head -1 "$out/serve.out")"
answer="$(python3 - "$url" <<'PY'
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(sys.argv[1] + "/inApps/v1/transactions/1", timeout=10)
    print("200")
except urllib.error.HTTPError as error:
    print(error.code, error.read().decode().splitlines()[0])
PY
)" || answer="no answer"
kill -TERM "$serve"; wait "$serve" || true
if [ "$answer" == "401 Unauthenticated" ]; then
    echo "ok   jwtlint serve in the bare root answers $answer"
else
    echo "FAIL jwtlint serve in the bare root: $url answered '$answer' ($(head -3 "$out/serve.err"))"
    failures=$((failures + 1))
fi

if ((failures)); then
    echo "release check: FAILED: $failures difference(s) between the release binary in a bare Debian root and the development build" >&2
    exit 1
fi
echo "release check: the release binaries run in a bare Debian root and say what the development build says"
