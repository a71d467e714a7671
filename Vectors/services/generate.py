"""Make the tokens of Apple's other services the way the libraries people use make them, with those libraries'
own code, for the TEST key A (Vectors/keys/SubscriptionKey_TESTKEYA01.p8, standing in for each service's key):

  - APNs: aioapns's JWTAuthorizationHeaderProvider.get_header() (what its client sends on every connection);
  - DeviceCheck: devicecheck's DeviceCheck.generate_token();
  - WeatherKit: weatherkit-python's WeatherKit(...).token;
  - Sign in with Apple client secret: django-allauth's AppleOAuth2Client.generate_client_secret(), with its app
    settings stubbed (no database, no request);
  - MusicKit: PyJWT, as Apple's "Generating developer tokens" describes (iss, iat, exp six months less a day,
    origin);
  - MapKit: PyJWT, as Apple's "Creating and using tokens with Maps Server API" describes (typ JWT; iss, iat, exp,
    scope, and origin for MapKit JS);
  - Sign in with Apple identity tokens: PyJWT RS256 with TEST-ONLY RSA keys standing in for Apple's, whose public
    halves are written as a JWK Set (services/apple-keys.json) the way https://appleid.apple.com/auth/keys serves
    Apple's; the private keys are made afresh and never written. The broken variants include the attacks a
    verifier must refuse: alg none, HS256 keyed with the public key, a kid in no key of the set.

Each comes with the profile that must judge it, and broken variants, each with one mistake and the rule that must
name it. Writes {"generatedAt", "teamId", "tokens": [{"source", "token", "profile", "pinned", "clientId",
"expect"}]} to --out (default Vectors/services/tokens.json). Run it through Vectors/services/generate.sh.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import time
from importlib.metadata import version
from pathlib import Path
from unittest import mock

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

HERE = Path(__file__).resolve().parent
KEY_PATH = HERE.parent / "keys" / "SubscriptionKey_TESTKEYA01.p8"
KEY_ID = "TESTKEYA01"
TEAM_ID = "DEF123GHIJ"
ISSUER_ID = "57246542-96fe-1a63-e053-0824d011072a"
BUNDLE_ID = "com.example.app"
SERVICE_ID = "com.example.weather"


def apns() -> str:
    from aioapns.connection import JWTAuthorizationHeaderProvider
    header = JWTAuthorizationHeaderProvider(KEY_PATH.read_text(), KEY_ID, TEAM_ID).get_header()
    return header.split(" ", 1)[1]


def devicecheck() -> str:
    from devicecheck import DeviceCheck
    return DeviceCheck(TEAM_ID, BUNDLE_ID, KEY_ID, KEY_PATH.read_text()).generate_token()


def weatherkit() -> str:
    from weatherkit.weatherkit import WeatherKit
    return WeatherKit(TEAM_ID, SERVICE_ID, KEY_PATH.read_text(), KEY_ID).token


def client_secret() -> str:
    import django
    from django.conf import settings
    if not settings.configured:
        settings.configure(INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sites",
                                           "allauth", "allauth.account", "allauth.socialaccount",
                                           "allauth.socialaccount.providers.apple"],
                           MIDDLEWARE=["allauth.account.middleware.AccountMiddleware"])
        django.setup()
    from allauth.socialaccount.providers.apple import client as apple
    app = mock.Mock(key=TEAM_ID, settings={"certificate_key": KEY_PATH.read_text()})
    adapter = mock.Mock()
    adapter.get_app.return_value = app
    made = apple.AppleOAuth2Client.__new__(apple.AppleOAuth2Client)
    made.request = None
    made.consumer_key = BUNDLE_ID
    made.consumer_secret = KEY_ID
    with mock.patch.object(apple, "get_adapter", return_value=adapter):
        return made.generate_client_secret()


def pyjwt(claims: dict, headers: dict | None = None, algorithm: str = "ES256", key: str | None = None) -> str:
    return jwt.encode(claims, key or KEY_PATH.read_text(), algorithm=algorithm, headers={"kid": KEY_ID, **(headers or {})})


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def identity_material(now: int):
    """TEST-ONLY RSA keys as Apple's key set, and a function signing identity tokens with the first."""
    keys = {kid: rsa.generate_private_key(public_exponent=65537, key_size=2048) for kid in ("JWTLINT-A", "JWTLINT-B")}

    def number(value: int) -> str:
        return b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))

    key_set = {"keys": [{"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256", "n": number(key.public_key().public_numbers().n),
                         "e": number(key.public_key().public_numbers().e)} for kid, key in keys.items()]}
    nonce = hashlib.sha256(b"jwtlint-test-sign-in").hexdigest()
    claims = {"iss": "https://appleid.apple.com", "aud": BUNDLE_ID, "exp": now + 600, "iat": now,
              "sub": "001234.0a1b2c3d4e5f60718293a4b5c6d7e8f9.1234", "nonce": nonce, "c_hash": "3Q2w1E4r5T6y7U8i9O0pAa",
              "email": "x7k2m9q4p1@privaterelay.appleid.com", "email_verified": True, "is_private_email": True,
              "auth_time": now, "nonce_supported": True}

    def sign(changes: dict | None = None, kid: str = "JWTLINT-A", algorithm: str = "RS256") -> str:
        body = {**claims, **(changes or {})}
        return jwt.encode(body, keys["JWTLINT-A"], algorithm=algorithm, headers={"kid": kid})

    def unsecured() -> str:
        return b64url(json.dumps({"kid": "JWTLINT-A", "alg": "none"}).encode()) + "." + b64url(json.dumps(claims).encode()) + "."

    def hmac_with_public_key() -> str:
        # The algorithm-confusion attack: HS256 keyed with the PEM of Apple's public key, which anyone can fetch.
        # PyJWT refuses to do it, so the token is made by hand.
        secret = keys["JWTLINT-A"].public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        signing_input = b64url(json.dumps({"kid": "JWTLINT-A", "alg": "HS256"}).encode()) + "." + b64url(json.dumps(claims).encode())
        return signing_input + "." + b64url(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())

    return key_set, nonce, sign, unsecured, hmac_with_public_key


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(HERE / "tokens.json"))
    args = parser.parse_args()
    now = int(time.time())
    musickit = {"iss": TEAM_ID, "iat": now, "exp": now + 15_777_000 - 86_400, "origin": ["https://music.example.com"]}
    maps_server = {"iss": TEAM_ID, "iat": now, "exp": now + 3600, "scope": "server_api"}
    mapkit_js = {"iss": TEAM_ID, "iat": now, "exp": now + 86_400 * 30, "scope": "mapkit_js", "origin": "*.example.com"}
    key_set, nonce, identity, unsecured, hmac_with_public_key = identity_material(now)
    (HERE / "apple-keys.json").write_text(json.dumps(key_set, indent=2) + "\n")
    pyjwt_version = version("PyJWT")

    def identity_entry(source: str, token: str, expect: str | None = None) -> dict:
        entry = {"source": source, "token": token, "profile": "sign-in-with-apple-identity", "pinned": False,
                 "clientId": BUNDLE_ID, "nonce": nonce, "keySet": "services/apple-keys.json"}
        if expect:
            entry["expect"] = expect
        return entry

    tokens = [
        {"source": f"aioapns {version('aioapns')}: JWTAuthorizationHeaderProvider.get_header()", "token": apns(),
         "profile": "apns", "pinned": True},
        {"source": f"devicecheck {version('devicecheck')}: DeviceCheck.generate_token()", "token": devicecheck(),
         "profile": "devicecheck", "pinned": True},
        {"source": f"weatherkit-python {version('weatherkit-python')}: WeatherKit(...).token", "token": weatherkit(),
         "profile": "weatherkit", "pinned": False, "clientId": SERVICE_ID},
        {"source": f"django-allauth {version('django-allauth')}: AppleOAuth2Client.generate_client_secret()",
         "token": client_secret(), "profile": "sign-in-with-apple", "pinned": False, "clientId": BUNDLE_ID},
        {"source": f"PyJWT {version('PyJWT')}, as Apple's \"Generating developer tokens\" describes", "token": pyjwt(musickit),
         "profile": "musickit", "pinned": True},
        {"source": f"PyJWT {version('PyJWT')}, a Maps Server API token as Apple's \"Creating and using tokens\" describes",
         "token": pyjwt(maps_server, {"typ": "JWT"}), "profile": "mapkit", "pinned": True},
        {"source": f"PyJWT {version('PyJWT')}, a MapKit JS token with a domain pattern as origin",
         "token": pyjwt(mapkit_js, {"typ": "JWT"}), "profile": "mapkit", "pinned": True},
        identity_entry(f"PyJWT {pyjwt_version} RS256, an identity token as Apple signs them (booleans)", identity()),
        identity_entry(f"PyJWT {pyjwt_version} RS256, an identity token with email_verified and is_private_email as strings",
                       identity({"email_verified": "true", "is_private_email": "false"})),
        # One mistake each, and the rule that must name it.
        {"source": "an APNs token with the App Store issuer ID (PyJWT)", "token": pyjwt({"iss": ISSUER_ID, "iat": now}),
         "profile": "apns", "pinned": True, "expect": "claims.iss"},
        {"source": "an APNs token two hours old (PyJWT)", "token": pyjwt({"iss": TEAM_ID, "iat": now - 7200}),
         "profile": "apns", "pinned": True, "expect": "claims.iat"},
        {"source": "a DeviceCheck token with iat in milliseconds (PyJWT)", "token": pyjwt({"iss": TEAM_ID, "iat": now * 1000}),
         "profile": "devicecheck", "pinned": True, "expect": "claims.iat"},
        {"source": "a client secret living seven months (PyJWT)",
         "token": pyjwt({"iss": TEAM_ID, "iat": now, "exp": now + 18_144_000, "aud": "https://appleid.apple.com", "sub": BUNDLE_ID}),
         "profile": "sign-in-with-apple", "pinned": False, "clientId": BUNDLE_ID, "expect": "claims.lifetime"},
        {"source": "a client secret for another client ID (PyJWT)",
         "token": pyjwt({"iss": TEAM_ID, "iat": now, "exp": now + 3600, "aud": "https://appleid.apple.com", "sub": "com.example.other"}),
         "profile": "sign-in-with-apple", "pinned": False, "clientId": BUNDLE_ID, "expect": "claims.sub"},
        {"source": "a WeatherKit token without the header id (PyJWT)",
         "token": pyjwt({"iss": TEAM_ID, "iat": now, "exp": now + 3600, "sub": SERVICE_ID}),
         "profile": "weatherkit", "pinned": True, "clientId": SERVICE_ID, "expect": "header.id"},
        {"source": "a MusicKit token signed with HS256 (PyJWT)", "token": pyjwt(musickit, algorithm="HS256", key="not-a-key-just-a-secret-32-bytes!"),
         "profile": "musickit", "pinned": True, "expect": "header.alg"},
        {"source": "a MapKit JS token without the origin its scope requires (PyJWT)",
         "token": pyjwt({k: v for k, v in mapkit_js.items() if k != "origin"}, {"typ": "JWT"}),
         "profile": "mapkit", "pinned": True, "expect": "claims.origin"},
        {"source": "a Maps Server API token whose scope is an array (PyJWT)",
         "token": pyjwt({**maps_server, "scope": ["server_api"]}, {"typ": "JWT"}), "profile": "mapkit", "pinned": True,
         "expect": "claims.scope"},
        identity_entry("an identity token with alg none", unsecured(), "header.alg"),
        identity_entry("an identity token signed HS256 with Apple's public key as the secret", hmac_with_public_key(), "header.alg"),
        identity_entry("an identity token whose kid is in no key of the set", identity(kid="JWTLINT-Z"), "signature.key-set"),
        identity_entry("an identity token naming the set's second key, signed with the first", identity(kid="JWTLINT-B"), "signature.mismatch"),
        identity_entry("an identity token for another app", identity({"aud": "com.example.other"}), "claims.aud"),
        identity_entry("an identity token from another issuer", identity({"iss": "https://appleid.apple.com.example.net"}), "claims.iss"),
        identity_entry("an identity token that expired an hour ago", identity({"iat": now - 4200, "exp": now - 3600}), "claims.exp"),
        identity_entry("an identity token for another sign-in (nonce)", identity({"nonce": hashlib.sha256(b"other").hexdigest()}), "claims.nonce"),
        identity_entry("an identity token whose email_verified is \"yes\"", identity({"email_verified": "yes"}), "claims.email_verified"),
    ]
    document = {"generatedAt": now, "teamId": TEAM_ID, "tokens": tokens}
    Path(args.out).write_text(json.dumps(document, indent=2) + "\n")
    print(f"{args.out}: {len(tokens)} tokens")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
