#!/usr/bin/env python3
"""PyJWT's verification of the benchmark's tokens, as a peer would run it: signature, exp, aud, required claims.

Usage: pyjwt_verify.py PUBLIC_KEY.pem TOKENS NOW
Prints how many verified; exit status 0 when all did.
"""
import sys

import jwt


def main() -> int:
    key = open(sys.argv[1]).read()
    now = int(sys.argv[3])
    total = verified = 0
    options = {"require": ["exp", "iss", "aud"], "verify_iat": False}
    with open(sys.argv[2]) as tokens:
        for line in tokens:
            token = line.strip()
            if not token:
                continue
            total += 1
            try:
                # PyJWT reads the clock itself; leeway keeps these fixed-time tokens valid at any real time.
                jwt.decode(token, key, algorithms=["ES256"], audience="appstoreconnect-v1", options=options,
                           leeway=abs(__import__("time").time() - now) + 600)
                verified += 1
            except jwt.PyJWTError:
                pass
    print(f"{verified} of {total} verified")
    return 0 if verified == total else 1


if __name__ == "__main__":
    sys.exit(main())
