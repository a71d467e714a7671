"""Lint the fresh tokens and offer signatures of a tokens.json (written by generate.py) with a jwtlint binary,
against the real clock: every token must lint with no error under auto (or its lintProfile), judged as its
profile; every legacy offer signature must verify. Prints one line per input; exit status 1 on any failure.

    python3 Vectors/real/check.py JWTLINT TOKENS_JSON
"""

import json
import subprocess
import sys
from pathlib import Path

VECTORS = Path(__file__).resolve().parent.parent
ISSUER = "57246542-96fe-1a63-e053-0824d011072a"


def main() -> int:
    jwtlint, tokens_file = sys.argv[1], Path(sys.argv[2])
    doc = json.loads(tokens_file.read_text())
    failures = 0
    for t in doc["tokens"]:
        args = [jwtlint, "lint", "--format", "json", "--key", str(VECTORS / t.get("key", "keys/SubscriptionKey_TESTKEYA01.p8"))]
        if t.get("lintProfile"):
            args += ["--profile", t["lintProfile"]]
        if t.get("issuer", ISSUER):
            args += ["--issuer", t.get("issuer", ISSUER)]
        if t.get("bundleId", "com.example.app"):
            args += ["--bundle-id", t.get("bundleId", "com.example.app")]
        run = subprocess.run(args + ["--", t["token"]], capture_output=True, text=True)
        result = json.loads(run.stdout)["results"][0] if run.stdout else {}
        ok = run.returncode == 0 and result.get("profile") == t["profile"]
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {result.get('profile')}: {t['source']}"
              + ("" if ok else f" (exit {run.returncode}: {run.stdout or run.stderr})"))
    for o in doc.get("offers", []):
        args = [jwtlint, "offer-signature", "--key", str(VECTORS / "keys/SubscriptionKey_TESTKEYA01.p8"),
                "--kid", o["keyId"], "--bundle-id", o["bundleId"], "--product", o["productId"], "--offer",
                o["offerIdentifier"], "--nonce", o["nonce"], "--timestamp", o["timestamp"], "--app-account-token",
                o["appAccountToken"], "--", o["signature"]]
        run = subprocess.run(args, capture_output=True, text=True)
        ok = run.returncode == 0
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} legacy-promotional-offer: {o['source']}"
              + ("" if ok else f" (exit {run.returncode}: {run.stdout or run.stderr})"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
