#!/usr/bin/env bash
# Where the time goes: runs jwtlint (the benchmark's build) under valgrind's callgrind on N tokens with
# --jobs 1 --format json and prints the instructions per token of each stage. callgrind counts instructions,
# not seconds, so the numbers repeat exactly on a busy machine. Run Benchmarks/bench.py once first (it builds
# jwtlint and signs the tokens).
#
# Usage: Benchmarks/profile.sh [N]   (default 2000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-2000}"
jwtlint="$root/.build-bench/release/jwtlint"
tokens="$root/Benchmarks/.work/tokens-$count.txt"
work="$root/Benchmarks/.work"
command -v valgrind >/dev/null || { echo "profile.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
[ -x "$jwtlint" ] || { echo "profile.sh: build first: python3 Benchmarks/bench.py" >&2; exit 2; }
if [ ! -f "$tokens" ]; then
    "$work/venv/bin/python" "$root/Benchmarks/make_tokens.py" "$count" "$root/Vectors/keys/SubscriptionKey_TESTKEYA01.p8" "$tokens"
fi
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$jwtlint" lint --jobs 1 --format json \
    --key "$root/Vectors/keys/TESTKEYA01.pub.pem" --now 1767225600 - < "$tokens" > /dev/null 2> "$work/callgrind.log"
total=$(grep -o 'refs: *[0-9,]*' "$work/callgrind.log" | tr -dc '0-9')
callgrind_annotate --inclusive=yes "$work/callgrind.out" > "$work/callgrind.txt" 2>/dev/null
# Inclusive instruction count of the first line matching a pattern (callgrind lists each function once).
count_of() {
    { grep -v '=>' "$work/callgrind.txt" | grep -m1 -E "$1" || true; } | awk '{gsub(",", "", $1); print $1}'
}
per_token() { echo $(( ${1:-0} / count )); }
lint=$(count_of 'LinterV4lint_8verifier')
decode=$(count_of 'TokenDecoderO6decode')
jansson=$(count_of 'JSONParserO11parseObject')
signature=$(count_of 'SignatureCheckO5check')
verify=$(count_of 'ES256VerifierC20verifyWithFixedBases')
inverse=$(count_of '\?\?\?:BN_mod_inverse ')
report=$(count_of 'JSONReporterV6report')
prepare=$(count_of 'preparedForBulkVerification')
printf '%-56s %9s\n' "stage" "instructions per token"
printf '%-56s %9s\n' "lint one token (all of the below but the report)" "$(per_token "$lint")"
printf '%-56s %9s\n' "  decode: input form, base64url, JSON" "$(per_token "$decode")"
printf '%-56s %9s\n' "    of which jansson parse and copy into Swift" "$(per_token "$jansson")"
printf '%-56s %9s\n' "  rules on header and claims" "$(per_token $(( lint - decode - signature )))"
printf '%-56s %9s\n' "  signature check (SHA-256, range, ECDSA)" "$(per_token "$signature")"
printf '%-56s %9s\n' "    of which ECDSA on the fixed-base path" "$(per_token "$verify")"
printf '%-56s %9s\n' "      of which s^-1 mod n (BN_mod_inverse)" "$(per_token "$inverse")"
printf '%-56s %9s\n' "JSON report" "$(per_token "$report")"
printf '%-56s %9s\n' "whole run, startup and table included" "$(per_token "$total")"
printf 'once per run: fixed-base table for the key, %s instructions\n' "${prepare:-0}"
echo "(full listing: $work/callgrind.txt)"
