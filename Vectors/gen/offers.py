"""The legacy promotional offer signature cases: writes Vectors/offers/cases.json.

Each case is what an app passes to StoreKit (bundle ID, key ID, product, offer, app account token, nonce,
timestamp, signature) plus the time it is checked at and the COMPLETE list of (rule, severity) findings
`jwtlint offer-signature` must report, and the mistake it must name, or null: nonce-case, token-case,
token-left-out, timestamp-seconds, separator:<the separator>, key-id:<the key ID signed>,
field-order:<the indices of Apple's fields, in the order signed>. Signatures are made with test
key A, deterministically (RFC 6979), over Apple's payload or over a payload with one classic mistake made.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

sys.path.insert(0, str(Path(__file__).resolve().parent))
from jws import VECTORS, b64u, es256_der, load_private, rs_to_raw  # noqa: E402

NOW = 1767225600
KEY_A = "keys/SubscriptionKey_TESTKEYA01.p8"
KA = load_private(KEY_A)
SEP = "\u2063"
BASE = {"bundleId": "com.example.app", "keyId": "TESTKEYA01", "productId": "com.example.app.monthly",
        "offerIdentifier": "winback.50", "appAccountToken": "7e3fb20b-4cdb-47cc-936d-99d65f608138",
        "nonce": "c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13", "timestamp": str((NOW - 30) * 1000)}
ORDER = ["bundleId", "keyId", "productId", "offerIdentifier", "appAccountToken", "nonce", "timestamp"]

CASES: list[dict] = []


def fields(values: dict) -> list[str]:
    """Apple's fields: the app account token and nonce lower-cased."""
    f = [values[k] for k in ORDER]
    f[4], f[5] = f[4].lower(), f[5].lower()
    return f


def sign(payload: str) -> bytes:
    return es256_der(KA, payload.encode())


def case(id: str, comment: str, *, values=None, signed=None, sep=SEP, encode=None, errors=(), warnings=(),
         mistake=None, now=NOW) -> None:
    """`signed`: the field list actually signed (default: Apple's fields of `values`); `encode`: how the DER
    becomes the signature string (default: standard base64)."""
    values = {**BASE, **(values or {})}
    der = sign(sep.join(signed if signed is not None else fields(values)))
    signature = encode(der) if encode else base64.b64encode(der).decode()
    CASES.append({
        "id": id, "comment": comment, **values, "signature": signature, "now": now,
        "findings": [{"rule": r, "severity": "error"} for r in errors] + [{"rule": r, "severity": "warning"} for r in warnings],
        "mistake": mistake, "exit": 1 if errors else 0,
    })


def changed(index: int, value: str) -> list[str]:
    f = fields(BASE)
    f[index] = value
    return f


case("clean", "Apple's payload, signed with key A, 30 s old")
case("clean-no-token", "no app account token: an empty field", values={"appAccountToken": ""})
case("clean-uppercase-nonce-given", "the app passes the nonce in upper case; Apple's payload lower-cases it",
     values={"nonce": BASE["nonce"].upper()})
case("clean-23-hours", "23 hours old", values={"timestamp": str((NOW - 23 * 3600) * 1000)})
case("nonce-signed-uppercase", "the nonce signed in upper case (Swift's uuidString)",
     signed=changed(5, BASE["nonce"].upper()), errors=["offer.signature"], mistake="nonce-case")
case("token-signed-uppercase", "the app account token signed in upper case",
     signed=changed(4, BASE["appAccountToken"].upper()), errors=["offer.signature"],
     mistake="token-case")
case("token-left-out", "signed with an empty app account token while the app passes one", signed=changed(4, ""),
     errors=["offer.signature"], mistake="token-left-out")
case("timestamp-signed-in-seconds", "the timestamp signed in seconds, passed in milliseconds",
     signed=changed(6, str(NOW - 30)), errors=["offer.signature"], mistake="timestamp-seconds")
for name, sep in (("pipe", "|"), ("comma", ","), ("nothing", ""), ("invisible-plus", "\u2064")):
    case(f"separator-{name}", f"fields joined by {sep!r}", sep=sep, errors=["offer.signature"],
         mistake=f"separator:{sep}")
case("key-id-lowercase", "the key ID signed in lower case", signed=changed(1, "testkeya01"), errors=["offer.signature"],
     mistake="key-id:testkeya01")
case("order-product-offer-swapped", "product and offer swapped",
     signed=[fields(BASE)[i] for i in (0, 1, 3, 2, 4, 5, 6)], errors=["offer.signature"], mistake="field-order:0,1,3,2,4,5,6")
case("other-values", "signed for another offer: no classic mistake explains it", values={"offerIdentifier": "winback.75"},
     signed=fields(BASE), errors=["offer.signature"])
case("timestamp-seconds", "the timestamp in seconds, signed and passed so", values={"timestamp": str(NOW - 30)},
     errors=["offer.timestamp"])
case("timestamp-25-hours", "25 hours old", values={"timestamp": str((NOW - 25 * 3600) * 1000)}, errors=["offer.timestamp"])
case("timestamp-future", "2 minutes ahead", values={"timestamp": str((NOW + 120) * 1000)}, errors=["offer.timestamp"])
case("nonce-not-uuid", "a nonce that is not a UUID", values={"nonce": "12345"}, errors=["offer.nonce"])
case("encoding-base64url", "base64url, unpadded", encode=b64u, errors=["offer.encoding"])
case("encoding-twice", "base64 of base64", encode=lambda d: base64.b64encode(base64.b64encode(d)).decode(),
     errors=["offer.encoding"])
case("encoding-raw", "raw r || s, as in a JWS",
     encode=lambda d: base64.b64encode(rs_to_raw(*decode_dss_signature(d))).decode(), errors=["offer.encoding"])


def main() -> None:
    out = VECTORS / "offers" / "cases.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({
        "description": "jwtlint offer-signature cases (generated by Vectors/gen/offers.py; do not edit). Each case: "
                       "the values an app passes to StoreKit, the signature, the time it is checked at, the COMPLETE "
                       "(rule, severity) findings and the mistake named (null when none). Signed with the TEST-ONLY "
                       f"key {KEY_A}. See Vectors/README.md.",
        "key": KEY_A, "cases": CASES}, indent=2, ensure_ascii=False) + "\n")
    print(f"offers/cases.json: {len(CASES)} cases")


if __name__ == "__main__":
    main()
