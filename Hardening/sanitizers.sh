#!/usr/bin/env bash
# Runs jwtlint under sanitizers (see Hardening/README.md). Usage: bash Hardening/sanitizers.sh [address|thread|all]
#
#   address  the whole `swift test`, built with AddressSanitizer (and its LeakSanitizer) in .build-asan; the C code
#            compiled into the package (the shims' and jansson's inline functions) also with UndefinedBehaviorSanitizer
#            (swiftc refuses -sanitize=undefined on Linux; Swift code has its own overflow and bounds checks).
#            The jwtlint children of the end-to-end tests are sanitized too, with leak detection on.
#   thread   jwtlint built with ThreadSanitizer in .build-tsan, run over 20,000 tokens (the lint vectors, valid and
#            invalid, repeated: past the batch engine's bulk threshold of 1,000) with --jobs 2, 4 and 16 in json, text and sarif, each
#            output compared with --jobs 1's; then the parallel end-to-end tests under ThreadSanitizer.
#   all      both (the default).
#
# Any sanitizer report fails the run. Exit status: 0 clean; 86 an ASan, LSan or UBSan report; 66 a TSan report;
# 1 a test failed or outputs differ; 2 bad usage. Work files, logs and reports: Hardening/.work/{asan,tsan}/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/Hardening/.work

mode=${1:-all}
case $mode in address | thread | all) ;; *) echo "usage: $0 [address|thread|all]" >&2; exit 2 ;; esac

# Prints the reports a sanitizer wrote to $1 (files report.<pid>) and exits with $2 if there are any. A file that
# only lists the suppressions used (LSan prints them at exit) is shown, and is not a report.
fail_on_reports() {
    local reports=$1 status=$2 file found=0
    shopt -s nullglob
    for file in "$reports"/report.*; do
        [[ $file == *.shown ]] && continue
        if grep -q -E "ERROR: |runtime error|WARNING: ThreadSanitizer" "$file"; then
            echo "--- sanitizer report: $file" >&2
            head -n 80 "$file" >&2
            found=$((found + 1))
        elif [[ ! -f $file.shown ]]; then
            echo "sanitizers: suppressed in $file:" >&2
            grep -E "^ +[0-9]+ +[0-9]+ " "$file" >&2 || true
            touch "$file.shown"
        fi
    done
    shopt -u nullglob
    if ((found)); then
        echo "sanitizers: $found report(s) in $reports" >&2
        exit "$status"
    fi
}

# Builds with `swift build "$@"` quietly (the log is in $1); shows the end of the log if the build fails.
quiet_build() {
    local log=$1
    shift
    if ! swift build "$@" >"$log" 2>&1; then
        grep -v "Cannot export local symbol" "$log" | tail -n 40 >&2
        echo "sanitizers: the build failed; log: $log" >&2
        exit 1
    fi
}

# Runs `swift test "$@"` with its output in $1; prints the failures and the last line.
run_tests() {
    local log=$1 status=0
    shift
    swift test "$@" >"$log" 2>&1 || status=$?
    grep -E "^(✘|✔ Test run)|(^|: )error: " "$log" | grep -v "Cannot export local symbol" | tail -n 60 >&2 || true
    return "$status"
}

address() {
    local started=$SECONDS dir=$work/asan
    local reports=$dir/reports
    rm -rf "$dir"
    mkdir -p "$reports"
    local flags=(--sanitize=address -Xcc -fsanitize=undefined --scratch-path "$root/.build-asan")
    # The same exit code and log path in all three: ASan, LSan and UBSan share one runtime and its common flags.
    local common="exitcode=86:log_path=$reports/report"
    export ASAN_OPTIONS="$common:halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
    export UBSAN_OPTIONS="$common:halt_on_error=1:print_stacktrace=1"
    # The suppressions name only Foundation's Process.run() and the CLI tests' static test data (see the file).
    export LSAN_OPTIONS="$common:suppressions=$root/Hardening/lsan.supp"
    echo "sanitizers: address: building (.build-asan)" >&2
    quiet_build "$dir/build.log" --build-tests "${flags[@]}"
    echo "sanitizers: address: swift test (log: $dir/test.log)" >&2
    local status=0
    # No XCTest pass: the tests are all swift-testing ones, and XCTest's empty run leaks its own objects.
    run_tests "$dir/test.log" --skip-build --disable-xctest "${flags[@]}" ||
        status=$?
    fail_on_reports "$reports" 86
    if ((status != 0)); then
        echo "sanitizers: address: swift test failed (status $status) with no sanitizer report; log: $dir/test.log" >&2
        exit 1
    fi
    echo "sanitizers: address: clean, $((SECONDS - started)) s" >&2
    unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
}

thread() {
    local started=$SECONDS dir=$work/tsan
    local reports=$dir/reports
    rm -rf "$dir"
    mkdir -p "$reports"
    export TSAN_OPTIONS="halt_on_error=1:exitcode=66:second_deadlock_stack=1:log_path=$reports/report"
    echo "sanitizers: thread: building (.build-tsan)" >&2
    quiet_build "$dir/build.log" --build-tests --sanitize=thread --scratch-path "$root/.build-tsan"
    local binary=$root/.build-tsan/debug/jwtlint key=$root/Vectors/keys/TESTKEYA01.pub.pem
    python3 - "$dir" <<'EOF'
import json, sys
cases = json.load(open("Vectors/lint/cases.json"))["cases"]
tokens = [c["token"] for c in cases if c["token"].strip() and "\n" not in c["token"] and "\r" not in c["token"]]
lines = (tokens * (20000 // len(tokens) + 1))[:20000]
open(sys.argv[1] + "/tokens.txt", "w").write("\n".join(lines) + "\n")
open(sys.argv[1] + "/tokens-500.txt", "w").write("\n".join(lines[:500]) + "\n")
EOF
    # Lints standard input $3 with `--jobs $2` and the rest of the arguments; the output goes to $dir/$1.$2, the
    # status is echoed.
    lint() {
        local name=$1 jobs=$2 input=$3 status=0
        shift 3
        "$binary" lint --jobs "$jobs" --key "$key" --now 1767225600 "$@" <"$input" >"$dir/$name.$jobs" 2>"$dir/$name.$jobs.err" ||
            status=$?
        echo "$status"
    }
    local mismatches=0
    # Compares runs with --jobs 1 and with each of the job counts $2, standard input $3, the rest of the arguments.
    compare() {
        local name=$1 counts=$2 input=$3
        shift 3
        local reference
        reference=$(lint "$name" 1 "$input" "$@")
        fail_on_reports "$reports" 66
        for jobs in $counts; do
            local status
            status=$(lint "$name" "$jobs" "$input" "$@")
            fail_on_reports "$reports" 66
            if [[ $status != "$reference" ]] || ! cmp -s "$dir/$name.1" "$dir/$name.$jobs"; then
                echo "sanitizers: thread: $name: --jobs $jobs (status $status) differs from --jobs 1 (status $reference)" >&2
                mismatches=$((mismatches + 1))
            fi
        done
        if [[ $reference != 1 ]]; then
            echo "sanitizers: thread: $name: status $reference, expected 1 (the vectors hold invalid tokens)" >&2
            mismatches=$((mismatches + 1))
        fi
        echo "sanitizers: thread: $name: --jobs 1 and $counts: $(wc -c <"$dir/$name.1") bytes, status $reference" >&2
    }
    for format in json text sarif; do
        compare "file-$format" "2 4 16" /dev/null --format "$format" --tokens-file "$dir/tokens.txt"
    done
    compare stdin-json "4" "$dir/tokens.txt" --format json -
    # Fewer inputs than the bulk threshold: the workers without the prepared key.
    compare small-json "2 4" /dev/null --format json --tokens-file "$dir/tokens-500.txt"
    echo "sanitizers: thread: the parallel end-to-end tests (log: $dir/test.log)" >&2
    local status=0
    run_tests "$dir/test.log" --skip-build --disable-xctest --sanitize=thread --scratch-path "$root/.build-tsan" \
        --filter 'ParallelLintTests|ClosedPipeTests' || status=$?
    fail_on_reports "$reports" 66
    if ((status != 0 || mismatches != 0)); then
        echo "sanitizers: thread: failed (swift test status $status, $mismatches mismatches)" >&2
        exit 1
    fi
    rm -f "$dir"/file-* "$dir"/stdin-* "$dir"/small-*
    echo "sanitizers: thread: clean, $((SECONDS - started)) s" >&2
    unset TSAN_OPTIONS
}

case $mode in
address) address ;;
thread) thread ;;
all)
    address
    thread
    ;;
esac
