#!/usr/bin/env python3
"""Writes N valid tokens, one per line, signed ES256 with a test key.

Usage: make_tokens.py N KEY.p8 OUT [--now UNIX_SECONDS] [--mixed]
Without --mixed, App Store Server API tokens. With --mixed, the kinds `--profile auto` tells apart, in turn:
App Store Server API tokens, promotional offer signatures, introductory offer eligibility signatures and
Advanced Commerce in-app requests (a one-time charge), laid out as Apple's Python library lays them out.
Each token has a distinct iat and bid suffix, so no two lines are the same; all are valid at --now
(default 1767225600): server tokens with a 5-minute lifetime, in-app JWS with no exp. Needs `cryptography`.
"""
import argparse
import base64
import json
import re
import uuid

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


REQUEST = {"operation": "CREATE_ONE_TIME_CHARGE", "version": "1",
           "requestInfo": {"requestReferenceId": "f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"}, "currency": "USD",
           "taxCode": "C003-00-1",
           "item": {"SKU": "gems.100", "description": "A pack of 100 gems", "displayName": "100 gems", "price": 4990}}


def in_app_claims(kind: int, iat: int, bid: str, index: int) -> dict:
    """A StoreKit in-app JWS's claims: 1 promotional offer, 2 introductory offer eligibility, 3 Advanced Commerce."""
    nonce = str(uuid.UUID(int=index * 0x9E3779B97F4A7C15 % (1 << 128), version=4))
    base = {"bid": bid, "iss": "57246542-96fe-1a63-e053-0824d011072a", "iat": iat, "nonce": nonce}
    if kind == 1:
        return {"productId": "com.example.app.monthly", "offerIdentifier": "winback.50",
                "transactionId": str(2000000000000000 + index), **base, "aud": "promotional-offer"}
    if kind == 2:
        return {"productId": "com.example.app.monthly", "allowIntroductoryOffer": index % 2 == 0,
                "transactionId": str(2000000000000000 + index), **base, "aud": "introductory-offer-eligibility"}
    request = base64.b64encode(json.dumps(REQUEST).encode()).decode()
    return {"request": request, **base, "aud": "advanced-commerce-api"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("key")
    parser.add_argument("out")
    parser.add_argument("--now", type=int, default=1767225600)
    parser.add_argument("--mixed", action="store_true")
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
            if args.mixed and index % 4:
                claims = in_app_claims(index % 4, iat, claims["bid"], index)
            signing_input = header + "." + b64u(json.dumps(claims, separators=(",", ":")).encode())
            der = key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256()))
            r, s = decode_dss_signature(der)
            out.write(signing_input + "." + b64u(r.to_bytes(32, "big") + s.to_bytes(32, "big")) + "\n")


if __name__ == "__main__":
    main()
