#!/usr/bin/env python3
"""`jwtlint notify --count` as a load test of a webhook: how many notifications a second a handler that verifies
each one takes, against the same endpoint's transport alone, measured in the same run.

    python3 Benchmarks/notify_load.py [--jwtlint PATH] [--count 3000] [--concurrency 8] [--rounds 3]

1. Makes a chain (`jwtlint chain create`) and starts `jwtlint serve --chain` as the handler: its POST
   /notifications verifies each notification and its nested transaction and renewal info as Apple's
   SignedDataVerifier would (three ES256 signatures and a chain each), and logs it.
2. Alternating, for --rounds rounds: the baseline, `jwtlint notify TEST --count N` to a path serve answers 404 at
   once (connection, request and answer; nothing verified); then `jwtlint notify DID_RENEW --count N` to
   /notifications, every one of which must come back SUCCESS (verified). Both with --concurrency at a time,
   sharing the machine's cores with the server.
3. Reports the medians: notifications a second, p50 and p99, and the ratio of verified notifications a second to
   the baseline's. Prints a Markdown table (Benchmarks/notify-results.md is a run's output).
jwtlint is the one given, or the release build in .build/release (swift build -c release).
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def notify(jwtlint: str, chain: Path, url: str, kind: str, count: int, concurrency: int, must_succeed: bool) -> dict:
    result = subprocess.run([jwtlint, "notify", kind, "--chain", str(chain), "--bundle-id", "com.example.app", "--count", str(count),
                             "--concurrency", str(concurrency), "--url", url, "--format", "json"], capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout)
    if must_succeed and report["sendAttemptResults"] != {"SUCCESS": count}:
        sys.exit(f"notify_load: not every notification was verified: {report['sendAttemptResults']}")
    return report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jwtlint", default=str(ROOT / ".build/release/jwtlint"))
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jwtlint-notify-load-"))
    chain = work / "chain"
    subprocess.run([args.jwtlint, "chain", "create", str(chain)], check=True, capture_output=True)
    server = subprocess.Popen([args.jwtlint, "serve", "--key", str(ROOT / "Vectors/keys/SubscriptionKey_TESTKEYA01.p8"), "--chain", str(chain),
                               "--bundle-id", "com.example.app", "--port", "0", "--log", "/dev/null"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = server.stdout.readline().strip()
        baseline, verified = [], []
        for _ in range(args.rounds):
            baseline.append(notify(args.jwtlint, chain, url + "/jwtlint/none", "TEST", args.count, args.concurrency, False))
            verified.append(notify(args.jwtlint, chain, url + "/notifications", "DID_RENEW", args.count, args.concurrency, True))
    finally:
        server.terminate()
        server.wait(timeout=20)

    def median(reports: list, key: str) -> float:
        return statistics.median(r["responseTimesMilliseconds"][key] if key != "perSecond" else r["perSecond"] for r in reports)

    rate, base = median(verified, "perSecond"), median(baseline, "perSecond")
    print(f"| {args.count} notifications, {args.concurrency} at a time, median of {args.rounds} rounds | per second | p50 | p99 |")
    print("|---|---|---|---|")
    print(f"| baseline: answered 404 at once (nothing verified) | {base:,.0f} | {median(baseline, 'p50')} ms | {median(baseline, 'p99')} ms |")
    print(f"| DID_RENEW to `jwtlint serve` /notifications, each verified | {rate:,.0f} | {median(verified, 'p50')} ms | {median(verified, 'p99')} ms |")
    print(f"\nratio of verified notifications a second to the baseline's: {rate / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
