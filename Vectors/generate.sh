#!/usr/bin/env bash
# Regenerate everything under Vectors/ (see Vectors/README.md):
#   keys/      TEST-ONLY keys: random keys only when missing (or with --new-keys, which changes
#              every token); derived files (public PEMs, JWK, bad keys, index.json) every time
#   lint/cases.json, samples/   from the case table in gen/cases.py (deterministic ECDSA, so
#              unchanged keys give byte-identical output)
#   wycheproof/ copied from ../shared/vectors/wycheproof when that directory exists
#              (or from $WYCHEPROOF_DIR); otherwise the committed copies are kept
#   signed/    App Store-style signed data from a TEST-ONLY chain, each case with the verdict of Apple's
#              Python SignedDataVerifier (deterministic: byte-identical output), and the examples of the
#              apple-signed rules in Sources/JWTLint/SignedData/SignedDataExamples.swift
#   real/tokens.json  fresh tokens from Apple's app-store-server-library and PyJWT
# then runs gen/selfcheck.py. Needs python3 (>= 3.9) and PyPI access the first time (pinned
# packages go into the git-ignored Vectors/.venv).
#
# Usage: Vectors/generate.sh [--new-keys]
set -euo pipefail
vectors="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$vectors")"
new_keys=()
for arg in "$@"; do
    case "$arg" in
        --new-keys) new_keys=(--new-keys) ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "generate.sh: unknown argument $arg" >&2; exit 2 ;;
    esac
done

python="$("$vectors/gen/venv.sh")"
export PYTHONDONTWRITEBYTECODE=1
cd "$vectors"

"$python" gen/keys.py ${new_keys[@]+"${new_keys[@]}"}
"$python" gen/cases.py
"$python" gen/offers.py
"$python" gen/signed_data.py

wycheproof_src="${WYCHEPROOF_DIR:-$(cd "$root/.." && pwd)/shared/vectors/wycheproof}"
if [ -d "$wycheproof_src" ]; then
    mkdir -p wycheproof
    for f in ecdsa_secp256r1_sha256_p1363_test.json json_web_signature_test.json LICENSE README.md; do
        cp "$wycheproof_src/$f" "wycheproof/$f"
        chmod 644 "wycheproof/$f"
    done
    echo "wycheproof: copied from $wycheproof_src"
else
    echo "wycheproof: $wycheproof_src not found, keeping the committed copies"
fi

"$vectors/real/generate.sh" > /dev/null
echo "real/tokens.json: $("$python" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["tokens"]))' real/tokens.json) tokens from Apple's library and PyJWT"

"$python" gen/selfcheck.py
