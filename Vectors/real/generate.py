"""Make every kind of token the TEST keys sign, the way real servers do, with real code:

  (a) Apple's own app-store-server-library for Python: AppStoreServerAPIClient._generate_token(),
      the method its request code calls for every request (`_get_headers()` puts it in
      `Authorization: Bearer …`), for the SANDBOX and PRODUCTION environments, plus the exact
      Authorization header value the library sends;
  (b) PyJWT directly, as Apple's "Generating JSON Web Tokens for API requests" page describes:
      header alg ES256 + kid + typ JWT, claims iss, iat, exp = iat + 5 min, aud, bid;
  (c) Apple's library's StoreKit in-app JWS creators for key A: PromotionalOfferV2SignatureCreator (with and
      without a transaction ID), IntroductoryOfferEligibilitySignatureCreator and
      AdvancedCommerceAPIInAppSignatureCreator (a one-time charge and a new subscription);
  (d) App Store Connect API tokens for key B (AuthKey_TESTKEYB02.p8), with PyJWT as Apple's "Generating tokens
      for API requests" describes: a team key's (iss) and an individual key's (sub "user"), 20 minutes, and a
      scoped one;
  (e) legacy promotional offer signatures with Apple's PromotionalOfferSignatureCreator, with and without an app
      account token.

Writes {"generatedAt": <unix seconds>, "tokens": [{"source", "token", "profile" (the profile that must judge it
under auto, or under "lintProfile" when given), optional "key", "issuer", "bundleId", "lintProfile"}], "offers":
[{"source", "bundleId", "keyId", "productId", "offerIdentifier", "appAccountToken", "nonce", "timestamp",
"signature"}]} to --out (default Vectors/real/tokens.json), optionally the key A tokens one per line to --lines, and
prints them. Run it through Vectors/real/generate.sh, which sets up the pinned packages.
"""

from __future__ import annotations

import argparse
import json
import time
from importlib.metadata import version
from pathlib import Path

import uuid

import jwt
from appstoreserverlibrary.api_client import AppStoreServerAPIClient
from appstoreserverlibrary.jws_signature_creator import (
    AdvancedCommerceAPIInAppSignatureCreator, IntroductoryOfferEligibilitySignatureCreator,
    PromotionalOfferV2SignatureCreator)
from appstoreserverlibrary.models.AdvancedCommerceDescriptors import AdvancedCommerceDescriptors
from appstoreserverlibrary.models.AdvancedCommerceOneTimeChargeCreateRequest import AdvancedCommerceOneTimeChargeCreateRequest
from appstoreserverlibrary.models.AdvancedCommerceOneTimeChargeItem import AdvancedCommerceOneTimeChargeItem
from appstoreserverlibrary.models.AdvancedCommercePeriod import AdvancedCommercePeriod
from appstoreserverlibrary.models.AdvancedCommerceRequestInfo import AdvancedCommerceRequestInfo
from appstoreserverlibrary.models.AdvancedCommerceSubscriptionCreateItem import AdvancedCommerceSubscriptionCreateItem
from appstoreserverlibrary.models.AdvancedCommerceSubscriptionCreateRequest import AdvancedCommerceSubscriptionCreateRequest
from appstoreserverlibrary.models.Environment import Environment
from appstoreserverlibrary.promotional_offer import PromotionalOfferSignatureCreator

VECTORS = Path(__file__).resolve().parent.parent
KEY_FILE = VECTORS / "keys" / "SubscriptionKey_TESTKEYA01.p8"   # TEST-ONLY key
KEY_ID = "TESTKEYA01"
ISSUER_ID = "57246542-96fe-1a63-e053-0824d011072a"
BUNDLE_ID = "com.example.app"
ASC_KEY_FILE = VECTORS / "keys" / "AuthKey_TESTKEYB02.p8"   # TEST-ONLY key, standing in for an App Store Connect API key
ASC_KEY_ID = "TESTKEYB02"
PRODUCT = "com.example.app.monthly"


def library_client(environment: Environment) -> AppStoreServerAPIClient:
    return AppStoreServerAPIClient(KEY_FILE.read_bytes(), KEY_ID, ISSUER_ID, BUNDLE_ID, environment)


def pyjwt_token(now: int) -> str:
    return jwt.encode(
        {"iss": ISSUER_ID, "iat": now, "exp": now + 5 * 60, "aud": "appstoreconnect-v1", "bid": BUNDLE_ID},
        KEY_FILE.read_bytes(),
        algorithm="ES256",
        headers={"kid": KEY_ID, "typ": "JWT"},
    )


def in_app_tokens(lib: str) -> list[dict]:
    key = KEY_FILE.read_bytes()
    promo = PromotionalOfferV2SignatureCreator(key, KEY_ID, ISSUER_ID, BUNDLE_ID)
    intro = IntroductoryOfferEligibilitySignatureCreator(key, KEY_ID, ISSUER_ID, BUNDLE_ID)
    aca = AdvancedCommerceAPIInAppSignatureCreator(key, KEY_ID, ISSUER_ID, BUNDLE_ID)
    info = AdvancedCommerceRequestInfo(requestReferenceId=uuid.uuid4())
    one_time = AdvancedCommerceOneTimeChargeCreateRequest(
        currency="USD", taxCode="C003-00-1", requestInfo=info,
        item=AdvancedCommerceOneTimeChargeItem(SKU="gems.100", description="A pack of 100 gems", displayName="100 gems",
                                               price=4990))
    subscription = AdvancedCommerceSubscriptionCreateRequest(
        currency="EUR", taxCode="C003-00-1", requestInfo=info, period=AdvancedCommercePeriod.P1M,
        descriptors=AdvancedCommerceDescriptors(description="Pro features", displayName="Pro"),
        items=[AdvancedCommerceSubscriptionCreateItem(SKU="pro.monthly", description="Pro, monthly", displayName="Pro",
                                                      price=9990)])
    return [
        {"source": f"{lib}, PromotionalOfferV2SignatureCreator", "profile": "promotional-offer",
         "token": promo.create_signature(PRODUCT, "winback.50", "2000000123456789")},
        {"source": f"{lib}, PromotionalOfferV2SignatureCreator without transaction ID", "profile": "promotional-offer",
         "token": promo.create_signature(PRODUCT, "winback.50", None)},
        {"source": f"{lib}, IntroductoryOfferEligibilitySignatureCreator", "profile": "introductory-offer-eligibility",
         "token": intro.create_signature(PRODUCT, False, "2000000123456789")},
        {"source": f"{lib}, AdvancedCommerceAPIInAppSignatureCreator, one-time charge",
         "profile": "advanced-commerce-in-app", "token": aca.create_signature(one_time)},
        {"source": f"{lib}, AdvancedCommerceAPIInAppSignatureCreator, new subscription",
         "profile": "advanced-commerce-in-app", "token": aca.create_signature(subscription)},
    ]


def app_store_connect_tokens(pyjwt: str, now: int) -> list[dict]:
    key = ASC_KEY_FILE.read_bytes()
    common = {"profile": "app-store-connect-api", "lintProfile": "app-store-connect-api",
              "key": "keys/AuthKey_TESTKEYB02.p8", "bundleId": None}
    headers = {"kid": ASC_KEY_ID, "typ": "JWT"}
    return [
        {**common, "source": f"{pyjwt}, App Store Connect API team key (iss, iat, exp = iat + 19 min, aud)",
         "issuer": ISSUER_ID,
         "token": jwt.encode({"iss": ISSUER_ID, "iat": now, "exp": now + 1140, "aud": "appstoreconnect-v1"}, key,
                             algorithm="ES256", headers=headers)},
        {**common, "source": f"{pyjwt}, App Store Connect API individual key (sub user, no iss)", "issuer": None,
         "token": jwt.encode({"sub": "user", "iat": now, "exp": now + 900, "aud": "appstoreconnect-v1"}, key,
                             algorithm="ES256", headers=headers)},
        {**common, "source": f"{pyjwt}, App Store Connect API team key, GET-only scope on Build Runs, 30 days",
         "issuer": ISSUER_ID,
         "token": jwt.encode({"iss": ISSUER_ID, "iat": now, "exp": now + 30 * 86400, "aud": "appstoreconnect-v1",
                              "scope": ["GET /v1/ciBuildRuns"]}, key, algorithm="ES256", headers=headers)},
    ]


def legacy_offers(lib: str, now: int) -> list[dict]:
    creator = PromotionalOfferSignatureCreator(KEY_FILE.read_bytes(), KEY_ID, BUNDLE_ID)
    offers = []
    for label, token in (("with an app account token", str(uuid.uuid4())), ("without app account token", "")):
        nonce = uuid.uuid4()
        timestamp = now * 1000
        offers.append({
            "source": f"{lib}, PromotionalOfferSignatureCreator, {label}", "bundleId": BUNDLE_ID, "keyId": KEY_ID,
            "productId": PRODUCT, "offerIdentifier": "winback.50", "appAccountToken": token, "nonce": str(nonce),
            "timestamp": str(timestamp),
            "signature": creator.create_signature(PRODUCT, "winback.50", token, nonce, timestamp)})
    return offers


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
    for t in tokens:
        t["profile"] = "app-store-server-api"
    tokens += in_app_tokens(lib) + app_store_connect_tokens(pyjwt, now)
    doc = {"generatedAt": now, "tokens": tokens, "offers": legacy_offers(lib, now)}
    args.out.write_text(json.dumps(doc, indent=2) + "\n")
    if args.lines:
        args.lines.write_text("".join(t["token"] + "\n" for t in tokens if "key" not in t))
    for t in tokens:
        print(f"# {t['source']}\n{t['token']}")


if __name__ == "__main__":
    main()
