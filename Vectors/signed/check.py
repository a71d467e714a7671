"""Apple's Python SignedDataVerifier and a jwtlint binary, side by side, on every case of signed/cases.json and
every real sample of signed/real.json: Apple's verifier is run now (not read from the files), each input under its
case's settings, and jwtlint is run with the same settings as command-line flags. Both must give the same status,
for a notification's nested transaction and renewal info too; jwtlint's exit status must be 0 exactly when the
status is OK; and the status recorded in the files must still be what Apple's verifier says. One line per input;
exit status 1 on any disagreement.

    python Vectors/signed/check.py JWTLINT      (with Vectors/.venv's python: it imports Apple's library)
"""

import json
import subprocess
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

SIGNED = Path(__file__).resolve().parent
sys.path.insert(0, str(SIGNED.parent / "gen"))
from signed_data import apple_status, nested_statuses  # noqa: E402  (the generator's calls of Apple's verifier)

ENVIRONMENT_FLAGS = {"Sandbox": "sandbox", "Production": "production", "Xcode": "xcode", "LocalTesting": "local-testing"}


def jwtlint_verdict(jwtlint: str, case: dict) -> tuple[str, dict[str, str], int]:
    settings = case["settings"]
    args = [jwtlint, "lint", "--format", "json", "--profile", "apple-signed",
            "--environment", ENVIRONMENT_FLAGS[settings["environment"]], "--bundle-id", settings["bundleId"]]
    if settings.get("appAppleId") is not None:
        args += ["--app-apple-id", str(settings["appAppleId"])]
    if "test" in settings["roots"]:
        args += ["--root", str(SIGNED / "chain" / "root.pem")]
    run = subprocess.run(args + ["--", case["jws"]], capture_output=True, text=True)
    try:
        result = json.loads(run.stdout)["results"][0]
    except (ValueError, KeyError, IndexError):
        return f"no result (exit {run.returncode}: {run.stderr.strip()})", {}, run.returncode
    nested = {item["member"]: item.get("verificationStatus", "-") for item in result.get("nested", [])}
    return result.get("verificationStatus", "-"), nested, run.returncode


def main() -> int:
    jwtlint = sys.argv[1]
    test_root = x509.load_pem_x509_certificate((SIGNED / "chain" / "root.pem").read_bytes())
    roots = {"test": test_root.public_bytes(serialization.Encoding.DER),
             "apple": (SIGNED / "chain" / "AppleRootCA-G3.cer").read_bytes()}
    inputs = [("case", case) for case in json.loads((SIGNED / "cases.json").read_text())["cases"]]
    for sample in json.loads((SIGNED / "real.json").read_text())["samples"]:
        inputs.append(("real", dict(sample, settings=dict(sample["settings"], roots=["apple"]))))
    failures = 0
    for kind, case in inputs:
        apple = apple_status(case, roots)
        apple_nested = {item["member"]: item["verificationStatus"] for item in nested_statuses(case, roots)}
        ours, ours_nested, exit_status = jwtlint_verdict(jwtlint, case)
        recorded = case["expected"]["verificationStatus"]
        problems = []
        if ours != apple:
            problems.append(f"jwtlint says {ours}")
        if ours_nested != apple_nested:
            problems.append(f"nested: Apple's verifier says {apple_nested}, jwtlint {ours_nested}")
        failing = apple != "OK" or any(status != "OK" for status in apple_nested.values())
        if exit_status != (1 if failing else 0):
            problems.append(f"jwtlint exits {exit_status}")
        if recorded != apple:
            problems.append(f"the file records {recorded}: regenerate with Vectors/gen/signed_data.py")
        failures += bool(problems)
        print(f"{'FAIL' if problems else 'ok  '} {kind} {case['name']}: Apple's verifier {apple}"
              + (f"; {'; '.join(problems)}" if problems else ""))
    print(f"{len(inputs) - failures} of {len(inputs)} agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
