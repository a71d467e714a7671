#!/usr/bin/env python3
"""Apple's own Python SignedDataVerifier (app-store-server-library), online checks off, on every signed
transaction of a file: the reference jwtlint's signed-data verification is measured against.

Usage: apple_verify.py ROOT.der TRANSACTIONS
Trusts ROOT.der only; expects Sandbox data of com.example.app, as Benchmarks/make_signed.py writes it.
Exits 1 if any transaction does not verify.
"""
import sys

from appstoreserverlibrary.models.Environment import Environment
from appstoreserverlibrary.signed_data_verifier import SignedDataVerifier


def main() -> int:
    root = open(sys.argv[1], "rb").read()
    verifier = SignedDataVerifier([root], False, Environment.SANDBOX, "com.example.app")
    with open(sys.argv[2]) as stream:
        for line in stream:
            if line.strip():
                verifier.verify_and_decode_signed_transaction(line.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
