"""Print the signatures of the legacy promotional offer rule examples (Sources/JWTLint/Offers/OfferSignatureRules.swift).

The examples are signed with a throwaway P-256 key derived from a public string (its private scalar is the
SHA-256 of that string), deterministically (RFC 6979), so this script prints the same constants on every run.
Run it with Vectors/.venv's python (Vectors/gen/venv.sh) and paste its output over the constants in that file.
"""

import base64
import hashlib
import json

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
KEY = ec.derive_private_key(
    int.from_bytes(hashlib.sha256(b"jwtlint rule examples: legacy promotional offer key, public test value").digest(),
                   "big") % N, ec.SECP256R1())
SEP = "\u2063"
BUNDLE, KID, PRODUCT, OFFER = "com.example.app", "2X9R4HXF34", "com.example.app.monthly", "winback.50"
TOKEN, NONCE, TS = "7e3fb20b-4cdb-47cc-936d-99d65f608138", "c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13", "1767225570000"


def b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def der(message: str) -> bytes:
    return KEY.sign(message.encode(), ec.ECDSA(hashes.SHA256(), deterministic_signing=True))


def sig(fields, sep=SEP) -> str:
    return base64.b64encode(der(sep.join(fields))).decode()


def main() -> None:
    numbers = KEY.public_key().public_numbers()
    jwk = {"kty": "EC", "crv": "P-256", "x": b64u(numbers.x.to_bytes(32, "big")), "y": b64u(numbers.y.to_bytes(32, "big"))}
    apple = [BUNDLE, KID, PRODUCT, OFFER, TOKEN, NONCE, TS]
    raw = der(SEP.join(apple))
    r, s = decode_dss_signature(raw)
    out = {
        "key": json.dumps(jwk, separators=(",", ":")),
        "clean": sig(apple),
        "noToken": sig([BUNDLE, KID, PRODUCT, OFFER, "", NONCE, TS]),
        "upperNonce": sig([BUNDLE, KID, PRODUCT, OFFER, TOKEN, NONCE.upper(), TS]),
        "pipes": sig(apple, "|"),
        "seconds": sig([BUNDLE, KID, PRODUCT, OFFER, TOKEN, NONCE, TS[:-3]]),
        "swapped": sig([BUNDLE, KID, OFFER, PRODUCT, TOKEN, NONCE, TS]),
        "secondsGiven": sig([BUNDLE, KID, PRODUCT, OFFER, TOKEN, NONCE, TS[:-3]]),
        "old": sig([BUNDLE, KID, PRODUCT, OFFER, TOKEN, NONCE, "1767135600000"]),
        "rawRS": base64.b64encode(r.to_bytes(32, "big") + s.to_bytes(32, "big")).decode(),
        "url": b64u(raw),
        "twice": base64.b64encode(base64.b64encode(raw)).decode(),
    }
    for name, value in out.items():
        print(f'    static let {name} = {json.dumps(value)}')


if __name__ == "__main__":
    main()
