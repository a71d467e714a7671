#!/usr/bin/env python3
"""Writes N valid App Store Server API tokens, one per line, signed ES256 with a test key.

Usage: make_tokens.py N KEY.p8 OUT [--now UNIX_SECONDS]
Each token has a distinct iat and bid suffix, so no two lines are the same; all are valid at --now
(default 1767225600) with a 5-minute lifetime. Needs the `cryptography` package.
"""
import argparse
import base64
import json
import re

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("key")
    parser.add_argument("out")
    parser.add_argument("--now", type=int, default=1767225600)
    args = parser.parse_args()
    with open(args.key, "rb") as handle:
        key = serialization.load_pem_private_key(handle.read(), password=None)
    match = re.search(r"(?:SubscriptionKey|AuthKey)_([A-Z0-9]+)\.p8$", args.key)
    kid = match.group(1) if match else "TESTKEYA01"
    header = b64u(json.dumps({"alg": "ES256", "kid": kid, "typ": "JWT"}, separators=(",", ":")).encode())
    with open(args.out, "w") as out:
        for index in range(args.count):
            iat = args.now - 30 - index % 60
            claims = {"iss": "57246542-96fe-1a63-e053-0824d011072a", "iat": iat, "exp": iat + 300,
                      "aud": "appstoreconnect-v1", "bid": f"com.example.app{index % 1000}"}
            signing_input = header + "." + b64u(json.dumps(claims, separators=(",", ":")).encode())
            der = key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256()))
            r, s = decode_dss_signature(der)
            out.write(signing_input + "." + b64u(r.to_bytes(32, "big") + s.to_bytes(32, "big")) + "\n")


if __name__ == "__main__":
    main()
