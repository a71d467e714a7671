#!/usr/bin/env bash
# Fuzzes jwtlint with libFuzzer (issue 5 §1); see Hardening/README.md, "Fuzzing".
#
#   bash Hardening/fuzz.sh [--seconds N] [--targets FuzzToken,FuzzKey,...] [--jobs N]
#
# Builds the fuzz targets in Hardening/Fuzz (fuzzer + address sanitizer), writes each target's seed corpus from
# Vectors/ and Hardening/Fuzz/seeds into Hardening/.work/fuzz/, replays the regression inputs (Vectors/fuzz/<Target>/)
# and the seeds through each target, then fuzzes each target for --seconds (default 600), --jobs targets at a time
# (default 2). Prints executions, coverage and corpus size per target. Exits 1 if any target crashed, leaked,
# timed out or ran out of memory (the input is kept under Hardening/.work/fuzz/artifacts/ and its path printed),
# 2 for a usage or build error.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
package="$root/Hardening/Fuzz"
work="$root/Hardening/.work/fuzz"
dict="$package/jwt.dict"
all_targets=(FuzzToken FuzzKey FuzzRequest FuzzConfig FuzzOffer)

seconds=600
jobs=2
targets=("${all_targets[@]}")

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while (($#)); do
    case "$1" in
        --seconds) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; seconds=$2; shift 2 ;;
        --seconds=*) seconds=${1#*=}; [[ $seconds =~ ^[1-9][0-9]*$ ]] || usage; shift ;;
        --jobs) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; jobs=$2; shift 2 ;;
        --jobs=*) jobs=${1#*=}; [[ $jobs =~ ^[1-9][0-9]*$ ]] || usage; shift ;;
        --targets) IFS=, read -r -a targets <<<"${2:-}"; shift 2 ;;
        --targets=*) IFS=, read -r -a targets <<<"${1#*=}"; shift ;;
        -h | --help) usage ;;
        *) echo "fuzz.sh: unknown argument '$1'" >&2; usage ;;
    esac
done
for target in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "fuzz.sh: unknown target '$target' (targets: ${all_targets[*]})" >&2; exit 2; }
done

# The longest input each target is given while fuzzing (regression inputs and seeds are replayed whole).
max_len() {
    case "$1" in
        FuzzConfig | FuzzOffer) echo 4096 ;;
        FuzzKey | FuzzRequest) echo 8192 ;;
        FuzzToken) echo 12288 ;;
    esac
}

bash "$root/.ci/setup"

# --sanitize=fuzzer keeps SwiftPM from renaming each executable's main (libFuzzer has its own); -sanitize=fuzzer,address
# instruments every Swift module (the driver keeps only the last -sanitize=, so it must name both). -enable-testing
# lets the targets' `@testable import JWTLint` reach what the library keeps to jwtlint's own targets (package access:
# the text reporters, diagnose's parsers, the configuration file), which this other package could not otherwise.
build=(swift build --package-path "$package" -c release --sanitize=fuzzer
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing)
echo "fuzz.sh: building the fuzz targets" >&2
mkdir -p "$work"
# SwiftPM does not notice a source file added to or removed from the main package (a path dependency here) until the
# root manifest changes: touching it makes the build plan be made afresh.
touch "$package/Package.swift"
for attempt in 1 2 3; do
    "${build[@]}" >"$work/build.log" 2>&1 && break
    # Sources edited while the build ran (an editor saving): build again; any other failure is final.
    if ((attempt < 3)) && grep -q "was modified during the build" "$work/build.log"; then sleep 5; continue; fi
    cat "$work/build.log" >&2
    echo "fuzz.sh: the build failed" >&2
    exit 2
done
bin=$("${build[@]}" --show-bin-path)

# Seed corpora, one folder per target, rebuilt on every run from the committed vectors and seeds (file names are
# content hashes). The corpus folders that fuzzing grows are kept between runs.
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts" "$work/logs"
python3 - "$root" "$work/seeds" <<'PY'
import glob, hashlib, json, os, sys

root, out = sys.argv[1], sys.argv[2]
vectors = os.path.join(root, "Vectors")
seeds = os.path.join(root, "Hardening", "Fuzz", "seeds")

def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

def files(pattern):
    return sorted(p for p in glob.glob(os.path.join(root, pattern)) if os.path.isfile(p))

# FuzzToken: every lint case, the samples, the real tokens, Wycheproof's ES256 JWS vectors, and their Bearer forms.
tokens = [case["token"] for case in json.load(open(os.path.join(vectors, "lint/cases.json")))["cases"]]
tokens += [line.rstrip("\n") for line in open(os.path.join(vectors, "samples/tokens.txt")) if line.strip()]
tokens += [item["token"] for item in json.load(open(os.path.join(vectors, "real/tokens.json")))["tokens"]]
for group in json.load(open(os.path.join(vectors, "wycheproof/json_web_signature_test.json")))["testGroups"]:
    if group.get("public", {}).get("alg") == "ES256":
        tokens += [test["jws"] for test in group["tests"] if isinstance(test.get("jws"), str)]
# App Store-signed data of the test chain (the last linter of FuzzToken trusts its root).
tokens += [case["jws"] for case in json.load(open(os.path.join(vectors, "signed/cases.json")))["cases"]]
tokens += [sample["jws"] for sample in json.load(open(os.path.join(vectors, "signed/real.json")))["samples"]]
for token in tokens:
    put("FuzzToken", token)
for token in tokens[:3]:
    put("FuzzToken", "Bearer " + token)
    put("FuzzToken", "Authorization: Bearer " + token)

# FuzzKey: every key file in Vectors/keys and Vectors/keys/bad, and the committed variants.
for path in files("Vectors/keys/*") + files("Vectors/keys/bad/*") + files("Hardening/Fuzz/seeds/key/*"):
    if not path.endswith(".md") and not path.endswith("index.json"):
        put("FuzzKey", open(path, "rb").read())

# FuzzRequest: the committed requests (curl, HTTP, header lines; NUL, then Apple's response), and a few tokens.
for path in files("Hardening/Fuzz/seeds/request/*"):
    put("FuzzRequest", open(path, "rb").read())
for token in tokens[:10]:
    put("FuzzRequest", token)

# FuzzConfig: the committed configuration files.
for path in files("Hardening/Fuzz/seeds/config/*"):
    put("FuzzConfig", open(path, "rb").read())

# FuzzOffer: every offer case and Apple's own offer signatures, as eight lines of fields.
names = ["bundleId", "keyId", "productId", "offerIdentifier", "appAccountToken", "nonce", "timestamp", "signature"]
offers = json.load(open(os.path.join(vectors, "offers/cases.json")))["cases"]
offers += json.load(open(os.path.join(vectors, "real/tokens.json"))).get("offers", [])
for offer in offers:
    put("FuzzOffer", "\n".join(offer[name] for name in names))
PY

# Swift's own crash backtracer would run inside the sanitized process on a trap (a failed check, fatalError), and
# ASan reports its memory reads as a heap-buffer-overflow, hiding the real failure: let libFuzzer report the trap.
export SWIFT_BACKTRACE=enable=no

failed=0

# Replays the regression inputs and the seeds: each must run without a finding.
replay() {
    local target=$1
    local inputs=()
    [[ -d "$root/Vectors/fuzz/$target" ]] && while IFS= read -r -d '' file; do inputs+=("$file"); done \
        < <(find "$root/Vectors/fuzz/$target" -type f ! -name '*.md' -print0 | sort -z)
    local regressions=${#inputs[@]}
    while IFS= read -r -d '' file; do inputs+=("$file"); done < <(find "$work/seeds/$target" -type f -print0 | sort -z)
    if "$bin/$target" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/$target-replay-" \
        "${inputs[@]}" >"$work/logs/$target.replay.log" 2>&1; then
        echo "$target: replayed $regressions regression inputs and $((${#inputs[@]} - regressions)) seeds: no finding"
    else
        echo "$target: REPLAY FAILED (log: $work/logs/$target.replay.log)"
        grep -E "^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*fuzz property failed|Running: )" "$work/logs/$target.replay.log" | tail -5
        return 1
    fi
}

# Fuzzes one target for $seconds; its log is $work/logs/<target>.log.
fuzz() {
    local target=$1
    mkdir -p "$work/corpus/$target" "$work/artifacts/$target"
    "$bin/$target" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -dict="$dict" -print_final_stats=1 -artifact_prefix="$work/artifacts/$target/" \
        "$work/corpus/$target" "$work/seeds/$target" >"$work/logs/$target.log" 2>&1
}

# What one fuzzing run found and did.
summarize() {
    local target=$1 status=$2 log="$work/logs/$1.log"
    local done_line executions rate corpus_files
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
    [[ -n $done_line ]] || done_line=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -1 || true)
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    corpus_files=$(find "$work/corpus/$target" -type f | wc -l)
    local cov ft corp
    cov=$(grep -oE 'cov: [0-9]+' <<<"$done_line" | grep -oE '[0-9]+' || true)
    ft=$(grep -oE 'ft: [0-9]+' <<<"$done_line" | grep -oE '[0-9]+' || true)
    corp=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' <<<"$done_line" | sed 's/corp: //' || true)
    local result=ok artifact=""
    if ((status != 0)); then
        result="FAILED (exit $status)"
        grep -q "ERROR: LeakSanitizer" "$log" && result="LEAK"
        grep -q "ERROR: AddressSanitizer" "$log" && result="ADDRESS SANITIZER ERROR"
        grep -qE "ERROR: libFuzzer: deadly signal|Fatal error" "$log" && result="CRASH"
        grep -q "ERROR: libFuzzer: timeout" "$log" && result="TIMEOUT"
        grep -q "ERROR: libFuzzer: out-of-memory" "$log" && result="OUT OF MEMORY"
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    fi
    printf '%s: %s; %s executions, %s exec/s, cov %s, ft %s, corpus %s units (%s files in %s)\n' \
        "$target" "$result" "${executions:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$corpus_files" \
        "${work#"$root/"}/corpus/$target"
    if ((status != 0)); then
        grep -E "^(==[0-9]+==ERROR|SUMMARY|Fatal error)|fuzz property failed" "$log" | head -3 | sed 's/^/    /'
        [[ -n $artifact ]] && echo "    input: $artifact"
        echo "    log: $log"
    fi
}

for target in "${targets[@]}"; do
    replay "$target" || failed=1
done
if ((failed)); then
    echo "fuzz.sh: a regression input or seed fails; fix it before fuzzing" >&2
    exit 1
fi

echo "fuzz.sh: fuzzing ${targets[*]} for $seconds s each, $jobs at a time" >&2
running=0
for target in "${targets[@]}"; do
    if ((running >= jobs)); then
        wait -n || true
        running=$((running - 1))
    fi
    rm -f "$work/logs/$target.status"
    { status=0; fuzz "$target" || status=$?; echo "$status" >"$work/logs/$target.status"; } &
    running=$((running + 1))
done
wait
for target in "${targets[@]}"; do
    status=$(cat "$work/logs/$target.status" 2>/dev/null || echo 2)
    summarize "$target" "$status"
    ((status == 0)) || failed=1
done
exit "$failed"
