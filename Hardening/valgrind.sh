#!/usr/bin/env bash
# Runs the release jwtlint under valgrind's memcheck (see Hardening/README.md): over every vector, every key file and
# each subcommand, then the end-to-end tests of hostile inputs (or all of JWTLintCLITests) with jwtlint run through
# memcheck; then sums up every process's log. Fails on any byte definitely or indirectly lost and any memory error.
#
#   bash Hardening/valgrind.sh [--tests hostile|all|none] [--jobs N]
#     --tests  hostile (the default): the suites HostileInputTests, BoundedMemoryTests and ClosedPipeTests;
#              all: every suite of JWTLintCLITests; none: only the direct runs.
#     --jobs   valgrind processes at a time for the direct runs (default: the number of processors).
#
# Built with `-c release -Xswiftc -gnone` in .build-valgrind (valgrind cannot read Swift's debug info). Exit status:
# 0 clean; 99 a leak or a memory error; 1 a test failed or a run ended with an unexpected status; 2 bad usage or no
# valgrind. Work files and one log per process (logs/<pid>.log): Hardening/.work/valgrind/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/Hardening/.work/valgrind
scratch=$root/.build-valgrind
tests=hostile
jobs=$(nproc 2>/dev/null || echo 2)
usage() { echo "usage: $0 [--tests hostile|all|none] [--jobs N]" >&2; exit 2; }
while (($#)); do
    case $1 in
    --tests) [[ ${2:-} =~ ^(hostile|all|none)$ ]] || usage; tests=$2; shift 2 ;;
    --jobs) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; jobs=$2; shift 2 ;;
    *) usage ;;
    esac
done
if ! command -v valgrind >/dev/null 2>&1; then
    # Installed as .ci/setup installs the build's packages: through apt, as root or with sudo.
    echo "valgrind.sh: installing valgrind" >&2
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || { echo "valgrind.sh: valgrind is missing; run as root, or install it (apt-get install valgrind)" >&2; exit 2; }
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq valgrind; } >&2 ||
        { echo "valgrind.sh: could not install valgrind" >&2; exit 2; }
fi
command -v python3 >/dev/null 2>&1 || { echo "valgrind.sh: python3 is needed" >&2; exit 2; }

started=$SECONDS
rm -rf "$work"
mkdir -p "$work/logs" "$work/in" "$work/out"

build() {
    local log=$1
    shift
    if ! swift build "$@" >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "valgrind.sh: the build failed; log: $log" >&2
        exit 1
    fi
}
echo "valgrind.sh: building the release jwtlint with -gnone (.build-valgrind)" >&2
build "$work/build-release.log" -c release -Xswiftc -gnone --product jwtlint --scratch-path "$scratch"
binary=$scratch/release/jwtlint

# The wrapper: valgrind with one log per process. Also what the end-to-end tests run jwtlint through.
suppressions=()
[[ -f $root/Hardening/valgrind.supp ]] && suppressions=("--suppressions=$root/Hardening/valgrind.supp")
wrapper=$work/memcheck
{
    echo '#!/bin/sh'
    printf 'exec valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99'
    printf ' --num-callers=40 --log-file=%q' "$work/logs/%p.log"
    for s in "${suppressions[@]}"; do printf ' %q' "$s"; done
    echo ' "$@"'
} >"$wrapper"
chmod +x "$wrapper"

# The inputs: token files per option group of the lint vectors, the real tokens, Wycheproof's ES256 cases (one JWK
# file per key), and the list of runs, one a line: name, accepted exit statuses (comma-separated), stdin file,
# then the arguments, separated by tabs.
python3 - "$root" "$work/in" >"$work/runs.tsv" <<'EOF'
import json, os, sys
root, inputs = sys.argv[1], sys.argv[2]
vectors = os.path.join(root, "Vectors")
runs = []
def run(name, statuses, args, stdin="/dev/null"):
    runs.append("\t".join([name, ",".join(map(str, statuses)), stdin] + [str(a) for a in args]))
def write(name, text):
    path = os.path.join(inputs, name)
    with open(path, "w") as f:
        f.write(text)
    return path
def lines(tokens):
    return "".join(t + "\n" for t in tokens)

key_a = os.path.join(vectors, "keys/SubscriptionKey_TESTKEYA01.p8")
now = "1767225600"
lint = json.load(open(os.path.join(vectors, "lint/cases.json")))
cases = [c for c in lint["cases"] if c["token"].strip() and "\n" not in c["token"] and "\r" not in c["token"]]
groups = {}
for case in cases:
    groups.setdefault(json.dumps(case["options"], sort_keys=True), []).append(case)
for number, (options, members) in enumerate(sorted(groups.items())):
    options = json.loads(options)
    args = ["lint", "--format", "json", "--now", int(options.get("now") or lint["now"])]
    if options.get("leeway") is not None: args += ["--leeway", int(options["leeway"])]
    if options.get("key"): args += ["--key", os.path.join(vectors, options["key"])]
    if options.get("kid"): args += ["--kid", options["kid"]]
    if options.get("issuer"): args += ["--issuer", options["issuer"]]
    if options.get("bundleId"): args += ["--bundle-id", options["bundleId"]]
    if options.get("profile"): args += ["--profile", options["profile"]]
    file = write(f"cases-{number}.txt", lines(c["token"] for c in members))
    run(f"cases-{number} ({len(members)} tokens)", [max(c["exit"] for c in members)], args + ["--tokens-file", file])

samples = os.path.join(vectors, "samples/tokens.txt")
run("samples", [0], ["lint", "--key", key_a, "--now", now, "--tokens-file", samples])

real = json.load(open(os.path.join(vectors, "real/tokens.json")))
file = write("real.txt", lines(t["token"] for t in real["tokens"] if "key" not in t))
run("real", [0], ["lint", "--key", key_a, "--now", int(real["generatedAt"]) + 1, "--issuer", "57246542-96fe-1a63-e053-0824d011072a",
                  "--bundle-id", "com.example.app", "--tokens-file", file])
file = write("real-app-store-connect.txt", lines(t["token"] for t in real["tokens"] if "key" in t))
run("real App Store Connect API tokens", [0], ["lint", "--key", os.path.join(vectors, "keys/TESTKEYB02.pub.pem"), "--kid", "TESTKEYB02",
                                                "--profile", "app-store-connect-api", "--now", int(real["generatedAt"]) + 1, "--tokens-file", file])
for number, offer in enumerate(real["offers"]):
    run(f"offer-signature real {number}", [0], ["offer-signature", "--key", key_a, "--bundle-id", offer["bundleId"], "--product", offer["productId"],
        "--offer", offer["offerIdentifier"], "--nonce", offer["nonce"], "--timestamp", offer["timestamp"], "--now", int(real["generatedAt"]) + 1]
        + (["--app-account-token", offer["appAccountToken"]] if offer["appAccountToken"] else []) + ["--", offer["signature"]])
offers = json.load(open(os.path.join(vectors, "offers/cases.json")))
for offer in offers["cases"]:
    for format in ["text", "json"]:
        run(f"offer-signature {offer['id']} {format}", [offer["exit"]], ["offer-signature", "--key", os.path.join(vectors, offers["key"]),
            "--kid", offer["keyId"], "--bundle-id", offer["bundleId"], "--product", offer["productId"], "--offer", offer["offerIdentifier"],
            "--nonce", offer["nonce"], "--timestamp", offer["timestamp"], "--now", offer["now"], "--format", format]
            + (["--app-account-token", offer["appAccountToken"]] if offer["appAccountToken"] else []) + ["--", offer["signature"]])

jws = json.load(open(os.path.join(vectors, "wycheproof/json_web_signature_test.json")))
for number, group in enumerate(jws["testGroups"]):
    key = group.get("public")
    if not isinstance(key, dict) or key.get("crv") != "P-256":
        continue
    jwk = write(f"wycheproof-{number}.jwk.json", json.dumps(key))
    file = write(f"wycheproof-{number}.txt", lines(t["jws"] for t in group["tests"]))
    run(f"wycheproof-{number} {group.get('comment', '')} ({len(group['tests'])} tokens)", [1, 2],
        ["lint", "--key", jwk, "--now", now, "--tokens-file", file])

clean = cases[0]["token"] if cases[0]["id"] == "clean" else next(c["token"] for c in cases if c["id"] == "clean")
for folder in ["keys", "keys/bad"]:
    for name in sorted(os.listdir(os.path.join(vectors, folder))):
        path = os.path.join(vectors, folder, name)
        if not os.path.isfile(path) or name in ("README.md", "index.json"):
            continue
        run(f"key {folder}/{name}: lint", [0, 1, 2], ["lint", "--key", path, "--now", now, clean])
        run(f"key {folder}/{name}: pubkey", [0, 2], ["pubkey", "--key", path])
        if folder == "keys":
            run(f"key {folder}/{name}: pubkey jwk", [0, 2], ["pubkey", "--key", path, "--format", "jwk"])

# Each subcommand. All lint vectors in one file (several pieces, so the workers run), and 1,200 of them (past
# BatchLinter.bulkThreshold: the prepared key).
everything = write("all-cases.txt", lines(c["token"] for c in cases))
bulk = write("bulk.txt", lines((c["token"] for c in (cases * 5)[:1200])))
for format in ["text", "json", "github", "sarif", "junit"]:
    for jobs in [1, 2]:
        run(f"lint --format {format} --jobs {jobs}", [1], ["lint", "--key", key_a, "--now", now, "--format", format, "--jobs", jobs,
                                                          "--tokens-file", everything])
for jobs in [1, 2]:
    run(f"lint bulk --jobs {jobs} (1200 tokens)", [1], ["lint", "--key", key_a, "--now", now, "--format", "json", "--jobs", jobs, "--tokens-file", bulk])
run("lint standard input --jobs 2", [1], ["lint", "--key", key_a, "--now", now, "--jobs", "2", "-"], stdin=everything)
run("lint --show-token --warnings-as-errors", [1], ["lint", "--now", now, "--show-token", "--warnings-as-errors", "--format", "json", clean, "Bearer " + clean])
run("lint --quiet", [1], ["lint", "--key", key_a, "--now", now, "--quiet", "--tokens-file", everything])
config = write("jwtlint.json", json.dumps({"key": os.path.join(vectors, "keys/TESTKEYA01.pub.pem"), "bundleId": "com.example.app",
                                           "rules": {"claims.iat": "error", "header.typ": "off"}}))
run("lint --config", [0, 1], ["lint", "--config", config, "--now", now, "--tokens-file", samples])
broken = write("broken.json", '{\n  "bundleid": "x"\n}\n')
run("lint --config (broken)", [2], ["lint", "--config", broken, "--now", now, clean])
# App Store-signed data: every case of the test chain (chain verification, the remembered chains, nested data), as a
# sandbox verifier trusting the test root, on one and two threads; and a notification body as a JSON document.
signed_cases = json.load(open(os.path.join(vectors, "signed/cases.json")))["cases"]
signed = write("signed.txt", lines(c["jws"] for c in signed_cases))
test_root = os.path.join(vectors, "signed/chain/root.pem")
for jobs in [1, 2]:
    run(f"lint signed data --jobs {jobs}", [1], ["lint", "--root", test_root, "--environment", "sandbox", "--bundle-id", "com.example.app",
                                                 "--now", now, "--format", "json", "--jobs", jobs, "--tokens-file", signed])
body = write("notification.json", json.dumps({"signedPayload": next(c["jws"] for c in signed_cases if c["name"] == "notification-ok")}, indent=2) + "\n")
run("lint a notification body (JSON document)", [0], ["lint", "--root", test_root, "--environment", "sandbox", "--bundle-id", "com.example.app",
                                                       "--now", now, "--tokens-file", body])
run("lint (no token)", [2], ["lint", "--now", now, "-"])
run("lint (bad flag)", [2], ["lint", "--issuer", "not-a-uuid", clean])
curl = write("curl.txt", "curl -X POST \\\n  -H 'Content-Type: application/json' \\\n  -H \"Authorization: Bearer Bearer " + clean +
             "\" \\\n  \"https://api.storekit.apple.com/inApps/v1/history/2000000123456789\"\n")
response = write("response.txt", "HTTP/1.1 401 Unauthorized\nserver: daiquiri/3.0.0\n\nUnauthenticated\n\nRequest ID: 4ZQ7VRBWQHJ2ZNUNP4IPWQCKVE.0.0\n")
request = write("request.txt", "POST /inApps/v1/history/1 HTTP/1.1\nHost: api.storekit.apple.com\nAuthorization: Bearer " + clean + "\n\n")
run("diagnose curl --response", [1], ["diagnose", "--key", key_a, "--now", now, "--response", response, "-"], stdin=curl)
run("diagnose request", [0], ["diagnose", "--key", key_a, "--now", now, "-"], stdin=request)
for case in cases:
    if case["id"] in ("iat-milliseconds", "signature-der", "combined-storekit-promotional-offer"):
        run(f"diagnose {case['id']}", [1], ["diagnose", "--key", key_a, "--now", now, write(f"diagnose-{case['id']}.txt", case["token"])])
run("decode", [0], ["decode", "--now", now, clean])
run("decode (broken)", [1], ["decode", "--now", now, "x.y.z"])
run("sign", [0], ["sign", "--key", key_a, "--issuer", "57246542-96fe-1a63-e053-0824d011072a", "--bundle-id", "com.example.app", "--now", now])
issuer = "57246542-96fe-1a63-e053-0824d011072a"
request_file = write("request.json", '{"operation":"REACTIVATE_SUBSCRIPTION","version":"1","requestInfo":{"requestReferenceId":"f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"},"transactionId":"1"}')
for name, extra in [("promotional-offer", ["--issuer", issuer, "--bundle-id", "b", "--product", "p", "--offer", "o"]),
                    ("introductory-offer-eligibility", ["--issuer", issuer, "--bundle-id", "b", "--product", "p", "--transaction-id", "1",
                                                        "--allow-introductory-offer", "false"]),
                    ("advanced-commerce-in-app", ["--issuer", issuer, "--bundle-id", "b", "--request", request_file]),
                    ("app-store-connect-api", ["--individual", "--scope", "GET /v1/apps"])]:
    run(f"sign --profile {name}", [0], ["sign", "--profile", name, "--key", key_a, "--now", now] + extra)
run("sign --profile promotional-offer (missing --offer)", [2], ["sign", "--profile", "promotional-offer", "--key", key_a, "--issuer", issuer,
                                                                 "--bundle-id", "b", "--product", "p"])
run("rules --profile advanced-commerce-in-app", [0], ["rules", "--profile", "advanced-commerce-in-app", "--verbose"])
run("explain offer.signature", [0], ["explain", "offer.signature"])
run("sign (lifetime over 3600)", [2], ["sign", "--key", key_a, "--issuer", "57246542-96fe-1a63-e053-0824d011072a",
                                       "--bundle-id", "com.example.app", "--lifetime", "4000"])
for args in (["rules"], ["rules", "--verbose"], ["rules", "--format", "json"], ["rules", "--format", "markdown"]):
    run(" ".join(args), [0], args)
run("explain claims.exp", [0], ["explain", "claims.exp"])
run("explain (unknown)", [2], ["explain", "claims.expiry"])
run("--help", [0], ["--help"])
print("\n".join(runs))
EOF

# Runs every line of runs.tsv under valgrind, $jobs at a time; then counts the runs whose exit status is not an
# accepted one.
total=$(wc -l <"$work/runs.tsv")
echo "valgrind.sh: $total direct runs under memcheck, $jobs at a time" >&2
count=0
while IFS=$'\t' read -r -a fields; do
    count=$((count + 1))
    (
        status=0
        "$wrapper" "$binary" "${fields[@]:3}" <"${fields[2]}" >"$work/out/$count.out" 2>"$work/out/$count.err" || status=$?
        echo "$status" >"$work/out/$count.status"
    ) &
    while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
done <"$work/runs.tsv"
wait
unexpected=0
count=0
while IFS=$'\t' read -r -a fields; do
    count=$((count + 1))
    status=$(cat "$work/out/$count.status" 2>/dev/null || echo "none")
    if [[ ,${fields[1]}, != *,$status,* ]]; then
        echo "valgrind.sh: run $count (${fields[0]}): exit status $status, expected ${fields[1]}; see $work/out/$count.err" >&2
        unexpected=$((unexpected + 1))
    fi
done <"$work/runs.tsv"
direct_logs=$(find "$work/logs" -name '*.log' | wc -l)
echo "valgrind.sh: direct runs done, $((SECONDS - started)) s" >&2

test_status=0
if [[ $tests != none ]]; then
    # The end-to-end tests, with the release jwtlint run through the wrapper (Tests/JWTLintCLITests/CLIRunner.swift).
    # Skipped: the search of jwtlint's memory for the private key (KeyHygieneTests), which reads the process's
    # mappings through /proc: under valgrind those are valgrind's own, not the program's.
    filter='JWTLintCLITests\.'
    [[ $tests == hostile ]] && filter='JWTLintCLITests\.(HostileInputTests|BoundedMemoryTests|ClosedPipeTests)/'
    echo "valgrind.sh: building the tests (.build-valgrind, debug)" >&2
    build "$work/build-tests.log" --build-tests --scratch-path "$scratch"
    echo "valgrind.sh: the end-to-end tests ($tests) through memcheck (log: $work/test.log)" >&2
    JWTLINT_TEST_BINARY=$binary JWTLINT_TEST_WRAPPER=$wrapper \
        swift test --skip-build --disable-xctest --scratch-path "$scratch" --filter "$filter" \
        --skip 'KeyHygieneTests/memoryHoldsNoKey' >"$work/test.log" 2>&1 || test_status=$?
    grep -E "^(✘|✔ Test run)" "$work/test.log" | tail -n 60 >&2 || true
    echo "valgrind.sh: tests done, $(($(find "$work/logs" -name '*.log' | wc -l) - direct_logs)) processes, $((SECONDS - started)) s" >&2
fi

# The summary of every log.
summary_status=0
python3 - "$work/logs" <<'EOF' || summary_status=$?
import os, re, sys
folder = sys.argv[1]
kinds = ["definitely lost", "indirectly lost", "possibly lost", "still reachable"]
totals = {k: [0, 0] for k in kinds}
errors = contexts = invalid_read = invalid_write = loss_records = killed_lost = 0
other = {}
bad, incomplete, signals = [], [], {}
headers = re.compile(r"^==\d+== (Invalid (?:read|write) of size \d+|Conditional jump or move depends on uninitialised value|"
                     r"Use of uninitialised value|Syscall param .*|Invalid free\(\)|Mismatched free\(\)|"
                     r"Source and destination overlap|Argument '.*' of function .*|Jump to the invalid address|"
                     r"Invalid .* value|Process terminating with default action of signal \d+ \(\w+\))")
logs = sorted(f for f in os.listdir(folder) if f.endswith(".log"))
for name in logs:
    text = open(os.path.join(folder, name), errors="replace").read()
    command = re.search(r"^==\d+== Command: (.*)$", text, re.M)
    command = command.group(1)[:160] if command else "?"
    summary = re.search(r"ERROR SUMMARY: ([\d,]+) errors from ([\d,]+) contexts", text)
    if not summary:
        incomplete.append(f"{name}: {command}")
        continue
    n, m = (int(x.replace(",", "")) for x in summary.groups())
    errors += n
    contexts += m
    for kind in kinds:
        found = re.search(kind + r": ([\d,]+) bytes in ([\d,]+) blocks", text)
        if found:
            totals[kind][0] += int(found.group(1).replace(",", ""))
            totals[kind][1] += int(found.group(2).replace(",", ""))
    records = len(re.findall(r"are (?:definitely|indirectly) lost in loss record", text))
    loss_records += records
    # Memory errors proper, as opposed to leak records (indirectly lost records count as errors without being listed).
    memory_errors = sum(1 for line in text.splitlines() if headers.match(line) and "Process terminating" not in line)
    for line in text.splitlines():
        header = headers.match(line)
        if not header:
            continue
        what = header.group(1)
        if what.startswith("Invalid read"): invalid_read += 1
        elif what.startswith("Invalid write"): invalid_write += 1
        elif what.startswith("Process terminating"): signals[what] = signals.get(what, 0) + 1
        else: other[re.sub(r"size \d+", "size N", what)] = other.get(re.sub(r"size \d+", "size N", what), 0) + 1
    lost = re.search(r"definitely lost: ([\d,]+) bytes", text), re.search(r"indirectly lost: ([\d,]+) bytes", text)
    # A process killed by SIGPIPE (the closed-pipe tests: its reader went away mid-run) stops with its workers'
    # objects in flight; what valgrind then calls lost is shown, not failed. Every error but a memory error is such
    # a leak: the listed definitely lost records, and the indirectly lost ones valgrind counts without listing.
    # Its memory errors still fail.
    if "default action of signal 13 (SIGPIPE)" in text:
        killed_lost += sum(int(x.group(1).replace(",", "")) for x in lost if x)
        leaks = n - memory_errors
        errors -= leaks
        loss_records -= records
        contexts -= leaks
        for kind in kinds[:2]:
            found = re.search(kind + r": ([\d,]+) bytes in ([\d,]+) blocks", text)
            if found:
                totals[kind][0] -= int(found.group(1).replace(",", ""))
                totals[kind][1] -= int(found.group(2).replace(",", ""))
        if memory_errors:
            bad.append(f"{name}: {memory_errors} memory errors; {command}")
    elif n or any(x and x.group(1) != "0" for x in lost):
        bad.append(f"{name}: {n} errors; {command}")
unclassified = contexts - loss_records - invalid_read - invalid_write - sum(other.values())
print(f"valgrind summary: {len(logs)} processes checked")
for kind in kinds:
    print(f"  {kind + ':':17} {totals[kind][0]:>10,} bytes in {totals[kind][1]:,} blocks")
print(f"  errors:           {errors} (from {contexts} contexts): {invalid_read} invalid reads, {invalid_write} invalid writes, "
      f"{loss_records} definite/indirect loss records, {sum(other.values()) + max(0, unclassified)} other")
for what, number in sorted(other.items()):
    print(f"    {number} x {what}")
for what, number in sorted(signals.items()):
    print(f"  {number} x {what}")
if killed_lost:
    print(f"  killed by SIGPIPE mid-run, not counted above: {killed_lost:,} bytes definitely or indirectly lost")
if incomplete:
    print(f"  {len(incomplete)} logs without a summary (the process was killed):")
    for line in incomplete: print("    " + line)
for line in bad:
    print("  FAIL " + line)
crashed = sum(n for what, n in signals.items() if "SIGPIPE" not in what)
failed = totals["definitely lost"][0] or totals["indirectly lost"][0] or errors or crashed or incomplete
print("valgrind summary: " + ("FAILED" if failed else "clean: no byte definitely or indirectly lost, no memory error"))
sys.exit(99 if failed else 0)
EOF

echo "valgrind.sh: $((SECONDS - started)) s in all" >&2
if ((summary_status != 0)); then exit 99; fi
if ((test_status != 0 || unexpected != 0)); then
    echo "valgrind.sh: failed: swift test status $test_status, $unexpected runs with an unexpected exit status" >&2
    exit 1
fi
