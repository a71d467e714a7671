#!/usr/bin/env python3
"""Write what jwtlint prints for a fixed set of inputs into a folder, one file per command, so two builds can be
compared byte for byte (`diff -r before after`): a refactoring that must not change output proves it this way.

Usage: snapshot.py JWTLINT OUTDIR

Covered: the lint vectors (Vectors/lint, Vectors/services, Vectors/signed, Vectors/samples) under every profile
and every output format; `rules` in every format, verbose or not, for every profile; `explain` for every rule;
the README's sample commands. Every command runs with a fixed --now, so the output does not depend on the clock.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VECTORS = os.path.join(ROOT, "Vectors")
NOW = "1767225600"
FORMATS = ["text", "json", "github", "sarif", "junit"]


def run(jwtlint, out_dir, name, args, stdin=b""):
    result = subprocess.run([jwtlint] + args, input=stdin, capture_output=True, cwd=VECTORS, timeout=300)
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(b"$ jwtlint " + " ".join(args).encode() + b"\n")
        f.write(result.stdout)
        f.write(b"--- stderr\n" + result.stderr)
        f.write(b"--- exit %d\n" % result.returncode)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: snapshot.py JWTLINT OUTDIR")
    jwtlint, out_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    rules = json.loads(subprocess.run([jwtlint, "rules", "--format", "json"], capture_output=True,
                                      check=True).stdout)
    rule_list = rules["rules"] if isinstance(rules, dict) else rules
    profiles = sorted({p for r in rule_list for p in r.get("profiles", [])})
    if not profiles:
        sys.exit("snapshot.py: no profiles found in `jwtlint rules --format json`")

    # Every token of the vectors, one per line.
    lint_cases = json.load(open(os.path.join(VECTORS, "lint", "cases.json")))["cases"]
    services = json.load(open(os.path.join(VECTORS, "services", "tokens.json")))["tokens"]
    signed = json.load(open(os.path.join(VECTORS, "signed", "cases.json")))["cases"]
    corpora = {
        "lint": "\n".join(c["token"] for c in lint_cases if isinstance(c.get("token"), str)),
        "services": "\n".join(t["token"] for t in services),
        "signed": "\n".join(c["jws"] for c in signed),
    }
    keys = {
        "lint": ["--key", "keys/SubscriptionKey_TESTKEYA01.p8"],
        "services": [],
        "signed": ["--root", "signed/chain/root.pem"],
        # The signed corpus again with expectations, so that the app-identity and environment checks report.
        "signed-production": ["--root", "signed/chain/root.pem", "--environment", "production", "--bundle-id",
                              "com.example.app", "--app-apple-id", "1234567890"],
        "signed-sandbox-other-app": ["--root", "signed/chain/root.pem", "--environment", "sandbox", "--bundle-id",
                                     "com.example.other"],
    }
    corpora["signed-production"] = corpora["signed-sandbox-other-app"] = corpora["signed"]
    for corpus, tokens in corpora.items():
        data = (tokens + "\n").encode()
        for profile in ["auto"] + profiles:
            for fmt in FORMATS:
                run(jwtlint, out_dir, f"lint-{corpus}-{profile}-{fmt}.txt",
                    ["lint", "--now", NOW, "--jobs", "1", "--profile", profile, "--format", fmt] + keys[corpus] +
                    ["-"], data)
    for sample in ["tokens.txt", "failing.txt"]:
        data = open(os.path.join(VECTORS, "samples", sample), "rb").read()
        for fmt in FORMATS:
            run(jwtlint, out_dir, f"samples-{sample}-{fmt}.txt",
                ["lint", "--key", "keys/TESTKEYA01.pub.pem", "--kid", "TESTKEYA01", "--now", NOW, "--format", fmt,
                 "-"], data)

    for fmt in ["text", "json", "markdown"]:
        for verbose in [[], ["--verbose"]]:
            suffix = "-verbose" if verbose else ""
            run(jwtlint, out_dir, f"rules-{fmt}{suffix}.txt", ["rules", "--format", fmt] + verbose)
            for profile in profiles:
                run(jwtlint, out_dir, f"rules-{profile}-{fmt}{suffix}.txt",
                    ["rules", "--format", fmt, "--profile", profile] + verbose)
    for rule in rule_list:
        run(jwtlint, out_dir, f"explain-{rule['id']}.txt", ["explain", rule["id"]])

    # The README's sample commands (the ones that run offline on the vectors).
    token = lint_cases[0]["token"]
    readme = [
        ("readme-main", ["lint", "--key", "keys/TESTKEYA01.pub.pem", "--kid", "TESTKEYA01", "--now", NOW, "-"],
         open(os.path.join(VECTORS, "samples", "tokens.txt"), "rb").read()),
        ("readme-decode", ["decode", "--now", NOW, token], b""),
        ("readme-diagnose", ["diagnose", "--key", "keys/TESTKEYA01.pub.pem", "--now", NOW, "-"],
         b"GET /inApps/v1/history/1000000000000001 HTTP/1.1\r\nHost: api.storekit.itunes.apple.com\r\n"
         b"Authorization: Bearer " + token.encode() + b"\r\n\r\n"),
        ("readme-pubkey", ["pubkey", "--key", "keys/TESTKEYA01.pub.pem"], b""),
        ("readme-help", ["--help"], b""),
    ]
    for name, args, data in readme:
        run(jwtlint, out_dir, name + ".txt", args, data)
    for command in ["lint", "decode", "diagnose", "explain", "rules", "sign", "serve", "notify", "chain", "pubkey",
                    "offer-signature", "realtime"]:
        run(jwtlint, out_dir, f"help-{command}.txt", [command, "--help"])
    print(f"snapshot.py: {len(os.listdir(out_dir))} outputs in {out_dir}")


if __name__ == "__main__":
    main()
