"""Make App Store Server API tokens for the TEST key A the way real servers do, with real code:

  (a) Apple's own app-store-server-library for Python: AppStoreServerAPIClient._generate_token(),
      the method its request code calls for every request (`_get_headers()` puts it in
      `Authorization: Bearer …`), for the SANDBOX and PRODUCTION environments, plus the exact
      Authorization header value the library sends;
  (b) PyJWT directly, as Apple's "Generating JSON Web Tokens for API requests" page describes:
      header alg ES256 + kid + typ JWT, claims iss, iat, exp = iat + 5 min, aud, bid.

Writes {"generatedAt": <unix seconds>, "tokens": [{"source": "...", "token": "..."}]} to --out
(default Vectors/real/tokens.json), optionally the bare tokens one per line to --lines, and prints
them. Run it through Vectors/real/generate.sh, which sets up the pinned packages.
"""

from __future__ import annotations

import argparse
import json
import time
from importlib.metadata import version
from pathlib import Path

import jwt
from appstoreserverlibrary.api_client import AppStoreServerAPIClient
from appstoreserverlibrary.models.Environment import Environment

VECTORS = Path(__file__).resolve().parent.parent
KEY_FILE = VECTORS / "keys" / "SubscriptionKey_TESTKEYA01.p8"   # TEST-ONLY key
KEY_ID = "TESTKEYA01"
ISSUER_ID = "57246542-96fe-1a63-e053-0824d011072a"
BUNDLE_ID = "com.example.app"


def library_client(environment: Environment) -> AppStoreServerAPIClient:
    return AppStoreServerAPIClient(KEY_FILE.read_bytes(), KEY_ID, ISSUER_ID, BUNDLE_ID, environment)


def pyjwt_token(now: int) -> str:
    return jwt.encode(
        {"iss": ISSUER_ID, "iat": now, "exp": now + 5 * 60, "aud": "appstoreconnect-v1", "bid": BUNDLE_ID},
        KEY_FILE.read_bytes(),
        algorithm="ES256",
        headers={"kid": KEY_ID, "typ": "JWT"},
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=VECTORS / "real" / "tokens.json")
    ap.add_argument("--lines", type=Path, help="also write the inputs one per line (for jwtlint ... -)")
    args = ap.parse_args()

    lib = f"app-store-server-library {version('app-store-server-library')} (Python)"
    pyjwt = f"PyJWT {version('PyJWT')}"
    now = int(time.time())
    sandbox = library_client(Environment.SANDBOX)
    tokens = [
        {"source": f"{lib}, sandbox", "token": sandbox._generate_token()},
        {"source": f"{lib}, production", "token": library_client(Environment.PRODUCTION)._generate_token()},
        {"source": f"{lib}, sandbox, Authorization header as sent (_get_headers)",
         "token": f"Authorization: {sandbox._get_headers()['Authorization']}"},
        {"source": f"{pyjwt}, as Apple's docs describe (kid, typ; iss, iat, exp = iat + 5 min, aud, bid)",
         "token": pyjwt_token(now)},
    ]
    doc = {"generatedAt": now, "tokens": tokens}
    args.out.write_text(json.dumps(doc, indent=2) + "\n")
    if args.lines:
        args.lines.write_text("".join(t["token"] + "\n" for t in tokens))
    for t in tokens:
        print(f"# {t['source']}\n{t['token']}")


if __name__ == "__main__":
    main()
