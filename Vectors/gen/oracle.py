"""An independent, deliberately plain Python model of the agreed jwtlint lint semantics.

It exists only to check the corpus: selfcheck.py runs every case in lint/cases.json through it
and compares its findings with the expected ones written by hand in cases.py. It shares no code
with the generator (it parses each token from scratch), so a slip in either shows up as a
disagreement. It is not a second implementation to ship.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Optional

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
UUID_RE = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
KID_RE = re.compile(r"[A-Z0-9]{10}")
FILE_KID_RE = re.compile(r"(?:SubscriptionKey|AuthKey)_([^/]+)\.p8")
WS = " \t\n\r\f\v"
MAX_BYTES = 65536
MAX_DEPTH = 32
MS_THRESHOLD = 100_000_000_000
MAX_LIFETIME = 3600
LIFETIME_MARGIN = 60


def load_public_key(path: Path):
    data = path.read_bytes()
    if path.suffix == ".json":
        jwk = json.loads(data)
        assert jwk["kty"] == "EC" and jwk["crv"] == "P-256"
        assert "d" not in jwk, "a private JWK is refused: give the public JWK"
        x = int.from_bytes(b64decode_lenient(jwk["x"]), "big")
        y = int.from_bytes(b64decode_lenient(jwk["y"]), "big")
        return ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
    if b"PUBLIC KEY" in data:
        key = serialization.load_pem_public_key(data)
    else:
        key = serialization.load_pem_private_key(data, password=None).public_key()
    assert isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1"
    return key


def b64decode_lenient(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def strict_b64url(seg: str) -> Optional[bytes]:
    if any(c not in ALPHABET for c in seg) or len(seg) % 4 == 1:
        return None
    if len(seg) % 4:
        unused = 4 if len(seg) % 4 == 2 else 2
        if ALPHABET.index(seg[-1]) & ((1 << unused) - 1):
            return None
    return b64decode_lenient(seg)


class _Obj(dict):
    duplicate = False


def _pairs(pairs):
    o = _Obj()
    for k, v in pairs:
        if k in o:
            o.duplicate = True
        o[k] = v          # last value wins
    return o


def _depth(v) -> int:
    if isinstance(v, dict):
        return 1 + max((_depth(x) for x in v.values()), default=0)
    if isinstance(v, list):
        return 1 + max((_depth(x) for x in v), default=0)
    return 0


def _has_nul(v) -> bool:
    if isinstance(v, str):
        return "\0" in v
    if isinstance(v, dict):
        return any(_has_nul(k) or _has_nul(x) for k, x in v.items())
    if isinstance(v, list):
        return any(_has_nul(x) for x in v)
    return False


def parse_json_object(raw: bytes):
    """(object, duplicate) or None when token.json applies."""
    try:
        text = raw.decode("utf-8", errors="strict")

        def bad_constant(name):
            raise ValueError(name)
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=bad_constant)
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(value, dict) or _depth(value) > MAX_DEPTH or _has_nul(value):
        return None
    return value, value.duplicate


def is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


IN_APP = {"promotional-offer": "promotional-offer",
          "introductory-offer-eligibility": "introductory-offer-eligibility",
          "advanced-commerce-api": "advanced-commerce-in-app"}
SIWA_AUD = "https://appleid.apple.com"
AUD_SERVER = "appstoreconnect-v1"
AUDIENCE = {"app-store-server-api": "appstoreconnect-v1", "app-store-connect-api": "appstoreconnect-v1",
            **{profile: aud for aud, profile in IN_APP.items()}, "sign-in-with-apple": SIWA_AUD}
# The kinds told by their aud (loosely): the in-app JWS and the Sign in with Apple client secret.
AUTO_AUDIENCE = {**IN_APP, SIWA_AUD: "sign-in-with-apple"}
# Apple's other services: iss is the Team ID, typ may be left out.
TEAM = {"apns", "devicecheck", "sign-in-with-apple", "musickit", "weatherkit", "mapkit"}
NO_AUD = {"apns", "devicecheck", "musickit", "weatherkit", "mapkit"}
MAPS_FRAMEWORKS = {"embed_api", "mapkit_js", "server_api", "web_snapshots"}
BROWSER_FRAMEWORKS = {"embed_api", "mapkit_js", "web_snapshots"}
DOMAIN_RE = re.compile(r"(?:https?://)?(?:\*\.)?[A-Za-z0-9.-]+(?::[0-9]+)?")
TEAM_ID_RE = re.compile(r"[A-Z0-9]{10}")
SIX_MONTHS = 15_777_000
APNS_MAX_AGE = 3600
ORIGIN_RE = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?")
MAX_AGE_IN_APP = 86400
ASC_MAX_LIFETIME = 1200
ASC_LONG_LIVED_MAX = 15_778_800
ASC_LONG_LIVED = {"ciBuildActions", "ciBuildRuns", "scmGitReferences", "ciIssues", "ciMacOsVersions", "ciProducts",
                  "scmProviders", "perfPowerMetrics", "diagnosticSignatures", "diagnosticLogs", "scmPullRequests",
                  "scmRepositories", "ciTestResults", "ciWorkflows", "ciXcodeVersions"}
ASC_METHODS = {"GET", "POST", "PATCH", "DELETE"}
OPERATIONS = {"CREATE_ONE_TIME_CHARGE", "CREATE_SUBSCRIPTION", "MODIFY_SUBSCRIPTION", "REACTIVATE_SUBSCRIPTION"}
PERIODS = {"P1W", "P1M", "P2M", "P3M", "P6M", "P1Y"}


def auto_profile(claims) -> str:
    """The profile --profile auto picks: by aud (a string, or an array of one string), compared without
    regard to case or surrounding whitespace; anything else is an App Store Server API token."""
    if not isinstance(claims, dict):
        return "app-store-server-api"
    aud = claims.get("aud")
    if isinstance(aud, list) and len(aud) == 1:
        aud = aud[0]
    if isinstance(aud, str):
        return AUTO_AUDIENCE.get(aud.strip().lower(), "app-store-server-api")
    return "app-store-server-api"


def good_string(v) -> bool:
    """A non-empty string without (ASCII) whitespace around it."""
    return isinstance(v, str) and v != "" and v == v.strip(WS)


def time_value(claims, name):
    """('missing'|'invalid'|'ok', value)."""
    if name not in claims:
        return "missing", None
    v = claims[name]
    if not is_number(v) or v > MS_THRESHOLD or v < 0:
        return "invalid", v
    return "ok", v


def scope_entry(v):
    """(method, path) of a readable scope entry, else None."""
    if not isinstance(v, str) or " " not in v:
        return None
    method, target = v.split(" ", 1)
    if method not in ASC_METHODS or not target.startswith("/v") or " " in target:
        return None
    return method, target.split("?", 1)[0]


def long_lived_allowed(claims) -> bool:
    scope = claims.get("scope")
    if not isinstance(scope, list) or not scope:
        return False
    for item in scope:
        entry = scope_entry(item)
        if entry is None or entry[0] != "GET":
            return False
        segs = [x for x in entry[1].split("/") if x]
        if not (len(segs) >= 2 and segs[1] in ASC_LONG_LIVED) and not (len(segs) >= 4 and segs[-1] in ASC_LONG_LIVED):
            return False
    return True


def b64std_strict(text: str):
    """Canonical padded standard base64, else None."""
    if not text or len(text) % 4 or re.search(r"[^A-Za-z0-9+/=]", text) or re.search(r"=[^=]", text):
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except Exception:
        return None
    return raw if base64.b64encode(raw).decode() == text else None


def b64_lenient(text: str):
    t = text.replace("-", "+").replace("_", "/").replace("=", "")
    if len(t) % 4 == 1 or re.search(r"[^A-Za-z0-9+/]", t):
        return None
    t += "=" * (-len(t) % 4)
    raw = base64.b64decode(t)
    return raw if base64.b64encode(raw).decode() == t else None


def request_problems(req: dict) -> int:
    """How many claims.request findings the JSON request inside gets."""
    n = 0
    op = req.get("operation")
    if not (isinstance(op, str) and op in OPERATIONS):
        n += 1
    if req.get("version") != "1" or not isinstance(req.get("version"), str):
        n += 1

    def string(v, limit=None):
        return 1 if not isinstance(v, str) or v == "" or (limit is not None and len(v) > limit) else 0

    def uuid(v):
        return 0 if isinstance(v, str) and UUID_RE.fullmatch(v) else 1

    def currency(v):
        return 0 if isinstance(v, str) and re.fullmatch(r"[A-Z]{3}", v) else 1

    def amount(v):
        return 0 if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else 1

    def member(obj, name, check, required=True):
        if name not in obj or (obj[name] is None and not required):
            return 1 if required else 0
        return check(obj[name])

    def obj_of(members):
        def check(v):
            if not isinstance(v, dict):
                return 1
            return sum(member(v, name, c, r) for name, c, r in members)
        return check

    def array_of(members):
        def check(v):
            if not isinstance(v, list):
                return 1
            k = 1 if not v else 0
            for item in v:
                k += obj_of(members)(item)
            return k
        return check

    item = [("SKU", lambda v: string(v, 128), True), ("description", lambda v: string(v, 45), True),
            ("displayName", lambda v: string(v, 30), True), ("price", amount, True)]
    sku = [("SKU", lambda v: string(v, 128), True)]
    n += member(req, "requestInfo", obj_of([("requestReferenceId", uuid, True), ("appAccountToken", uuid, False),
                                            ("consistencyToken", string, False)]))
    per_op = {
        "CREATE_ONE_TIME_CHARGE": [("currency", currency, True), ("taxCode", string, True),
                                   ("item", obj_of(item), True), ("storefront", string, False)],
        "CREATE_SUBSCRIPTION": [("currency", currency, True), ("taxCode", string, True),
                                ("descriptors", obj_of(item[1:3]), True),
                                ("items", array_of(item + [("offer", obj_of([]), False)]), True),
                                ("period", lambda v: 0 if isinstance(v, str) and v in PERIODS else 1, True),
                                ("previousTransactionId", string, False), ("storefront", string, False)],
        "MODIFY_SUBSCRIPTION": [("transactionId", string, True),
                                ("retainBillingCycle", lambda v: 0 if isinstance(v, bool) else 1, True),
                                ("addItems", array_of(sku), False), ("changeItems", array_of(sku), False),
                                ("removeItems", array_of(sku), False), ("currency", currency, False),
                                ("taxCode", string, False), ("descriptors", obj_of([]), False),
                                ("periodChange", obj_of([]), False), ("storefront", string, False)],
        "REACTIVATE_SUBSCRIPTION": [("transactionId", string, True), ("items", array_of(sku), False),
                                    ("storefront", string, False)],
    }
    for name, check, required in per_op.get(op, []) if isinstance(op, str) else []:
        n += member(req, name, check, required)
    return n


def lint(line: str, *, key: Optional[str], kid: Optional[str], issuer: Optional[str],
         bundle_id: Optional[str], now: float, leeway: float, base: Path, profile: str = "auto"):
    """(findings, judged profile) for one input line."""
    out: list[tuple[str, str]] = []
    E = lambda r: out.append((r, "error"))    # noqa: E731
    W = lambda r: out.append((r, "warning"))  # noqa: E731
    judged = profile if profile != "auto" else "app-store-server-api"

    # --- input form and token.format ---
    s = line.strip(" \t")
    m = re.match(r"authorization: ", s, re.IGNORECASE)
    if m:
        s = s[m.end():]
    m = re.match(r"bearer[ \t]+", s, re.IGNORECASE)  # RFC 6750 §2.1: "Bearer" 1*SP; schemes are case-insensitive
    if m:
        s = s[m.end():]
    parts = s.split(".")
    if (any(c in WS for c in s) or len(s.encode()) > MAX_BYTES or len(parts) != 3
            or parts[0] == "" or parts[1] == ""):
        E("token.format")
        return out, judged
    hseg, pseg, sseg = parts

    # --- token.encoding ---
    hraw, praw, sig = strict_b64url(hseg), strict_b64url(pseg), strict_b64url(sseg)
    for x in (hraw, praw, sig):
        if x is None:
            E("token.encoding")

    # --- token.json / token.duplicate-key ---
    header = claims = None
    if hraw is not None:
        r = parse_json_object(hraw)
        if r is None:
            E("token.json")
        else:
            header, dup = r
            if dup:
                E("token.duplicate-key")
    if praw is not None:
        r = parse_json_object(praw)
        if r is None:
            E("token.json")
        else:
            claims, dup = r
            if dup:
                E("token.duplicate-key")

    if profile == "auto":
        judged = auto_profile(claims)
        aud = claims.get("aud") if isinstance(claims, dict) else None
        if isinstance(aud, list) and len(aud) == 1:
            aud = aud[0]
        aud_known = isinstance(aud, str) and (aud == AUD_SERVER or aud.strip().lower() in AUTO_AUDIENCE)
        if not aud_known and isinstance(header, dict) and "id" in header:
            judged = "weatherkit"   # told by its header id
    in_app = judged in IN_APP.values()
    asc = judged == "app-store-connect-api"

    key_path = base / key if key else None
    file_kid = None
    if key_path is not None:
        fm = FILE_KID_RE.fullmatch(key_path.name)
        file_kid = fm.group(1) if fm else None

    # --- header rules ---
    if header is not None:
        alg = header.get("alg")
        if alg != "ES256":
            E("header.alg")
        if "kid" not in header or not isinstance(header["kid"], str):
            E("header.kid")
        else:
            k = header["kid"]
            if any(c in WS for c in k):
                E("header.kid")
            else:
                if kid is not None:
                    if k != kid:
                        E("header.kid")
                elif file_kid is not None and k != file_kid:
                    W("header.kid")
                if not KID_RE.fullmatch(k):
                    W("header.kid")
        if "typ" not in header:
            if judged not in TEAM or judged == "mapkit" or "type" in header:
                W("header.typ")
        elif header["typ"] != "JWT":
            t = header["typ"]
            if isinstance(t, str) and t.upper() == "JWT":
                W("header.typ")
            else:
                E("header.typ")
        if any(name in header for name in ("jwk", "jku", "x5u", "x5c")):
            W("header.embedded-key")
        if "crit" in header:
            E("header.crit")
        if judged in TEAM and judged != "weatherkit" and "id" in header:
            E("header.id")   # a WeatherKit token's marker under another service's profile
        if judged == "weatherkit":
            hid = header.get("id")
            if not good_string(hid) or "." not in hid or not TEAM_ID_RE.fullmatch(hid.split(".", 1)[0]) or hid.split(".", 1)[1] == "":
                E("header.id")
            elif isinstance(claims, dict):
                team, service = hid.split(".", 1)
                if isinstance(claims.get("iss"), str) and claims["iss"] != team:
                    E("header.id")
                if isinstance(claims.get("sub"), str) and claims["sub"] != service:
                    E("header.id")

    # --- claims rules ---
    if claims is not None:
        iss = claims.get("iss")
        team = judged in TEAM
        if asc and claims.get("sub") == "user":
            if "iss" in claims:
                E("claims.iss")
        elif team:
            if not isinstance(iss, str) or not TEAM_ID_RE.fullmatch(iss) or (issuer is not None and iss != issuer):
                E("claims.iss")
        elif not isinstance(iss, str) or not UUID_RE.fullmatch(iss) or (issuer is not None and iss != issuer):
            E("claims.iss")

        if asc and "sub" in claims and claims["sub"] != "user":
            E("claims.sub")
        if judged in ("sign-in-with-apple", "weatherkit") and not good_string(claims.get("sub")):
            E("claims.sub")

        iat_state, iat = time_value(claims, "iat")
        if iat_state == "missing":
            (E if in_app or team else W)("claims.iat")
        elif iat_state == "invalid":
            E("claims.iat")
        elif iat > now + leeway:
            E("claims.iat")
        elif judged == "apns" and now - iat > APNS_MAX_AGE:
            E("claims.iat")
        elif in_app and now - iat > MAX_AGE_IN_APP:
            W("claims.iat")

        if in_app:
            if "exp" in claims:
                E("claims.exp")
        elif judged in ("weatherkit", "mapkit"):
            # exp is required, with no limit Apple publishes.
            exp_state, exp = time_value(claims, "exp")
            if exp_state != "ok" or exp <= now:
                E("claims.exp")
        elif judged in ("apns", "devicecheck"):
            # exp is optional; checked when there, with no lifetime limit.
            exp_state, exp = time_value(claims, "exp")
            if exp_state == "invalid" or (exp_state == "ok" and exp <= now):
                E("claims.exp")
        else:
            exp_state, exp = time_value(claims, "exp")
            if exp_state != "ok":
                E("claims.exp")
            elif exp <= now:
                E("claims.exp")
            if exp_state == "ok" and iat_state != "invalid":
                start = iat if iat_state == "ok" else now
                life = exp - start
                limit = ASC_MAX_LIFETIME if asc else SIX_MONTHS if team else MAX_LIFETIME
                margin = 86_400 if team else LIFETIME_MARGIN
                if exp <= start:
                    if iat_state == "ok":
                        E("claims.lifetime")
                elif life > limit:
                    if not (asc and long_lived_allowed(claims) and life <= ASC_LONG_LIVED_MAX):
                        E("claims.lifetime")
                elif life > limit - margin:
                    W("claims.lifetime")

        if judged in NO_AUD:
            if "aud" in claims:
                aud = claims["aud"]
                (E if isinstance(aud, str) and aud in AUDIENCE.values() else W)("claims.aud")
        elif claims.get("aud") != AUDIENCE[judged] or not isinstance(claims.get("aud"), str):
            E("claims.aud")

        if judged == "musickit" and "origin" in claims:
            origin = claims["origin"]
            if not isinstance(origin, list):
                E("claims.origin")
            else:
                for entry in origin:
                    if not isinstance(entry, str) or not ORIGIN_RE.fullmatch(entry):
                        E("claims.origin")

        if judged == "mapkit":
            scope = claims.get("scope")
            names = scope.split(" ") if isinstance(scope, str) else []
            if not isinstance(scope, str) or not [n for n in names if n] or any(n and n not in MAPS_FRAMEWORKS for n in names):
                E("claims.scope")
            if "origin" not in claims:
                if any(n in BROWSER_FRAMEWORKS for n in names):
                    E("claims.origin")
            elif not isinstance(claims["origin"], str):
                E("claims.origin")
            else:
                for entry in claims["origin"].split(","):
                    if entry == "" or any(c.isspace() for c in entry):
                        E("claims.origin")
                    elif not DOMAIN_RE.fullmatch(entry):
                        W("claims.origin")
        elif team and "scope" in claims:
            scope = claims["scope"]
            maps = isinstance(scope, str) and scope != "" and all(n in MAPS_FRAMEWORKS for n in scope.split(" "))
            requests = isinstance(scope, list) and scope and all(scope_entry(e) is not None for e in scope)
            (E if maps or requests else W)("claims.scope")

        bid = claims.get("bid")
        if team:
            pass
        elif asc:
            if "bid" in claims:
                E("claims.bid")
        elif (not isinstance(bid, str) or bid == "" or bid != bid.strip(WS)
                or (bundle_id is not None and bid != bundle_id)):
            E("claims.bid")

        if in_app:
            nonce = claims.get("nonce")
            if not good_string(nonce) or not UUID_RE.fullmatch(nonce):
                E("claims.nonce")
        if asc and "scope" in claims:
            scope = claims["scope"]
            if not isinstance(scope, list) or not scope:
                E("claims.scope")
            else:
                for entry in scope:
                    if scope_entry(entry) is None:
                        E("claims.scope")
        if judged in ("promotional-offer", "introductory-offer-eligibility"):
            if not good_string(claims.get("productId")):
                E("claims.productId")
            if "transactionId" in claims:
                t = claims["transactionId"]
                if not good_string(t):
                    E("claims.transactionId")
                elif not t.isascii() or not t.isdigit():
                    W("claims.transactionId")
            elif judged == "introductory-offer-eligibility":
                E("claims.transactionId")
        if judged == "promotional-offer" and not good_string(claims.get("offerIdentifier")):
            E("claims.offerIdentifier")
        if judged == "introductory-offer-eligibility" and not isinstance(claims.get("allowIntroductoryOffer"), bool):
            E("claims.allowIntroductoryOffer")
        if judged == "advanced-commerce-in-app":
            req = claims.get("request")
            if not isinstance(req, str):
                E("claims.request")
            else:
                raw = b64std_strict(req)
                if raw is None:
                    E("claims.request")
                    raw = b64_lenient(req)
                if raw is not None:
                    r = parse_json_object(raw)
                    if r is None:
                        E("claims.request")
                    else:
                        for _ in range(request_problems(r[0])):
                            E("claims.request")

    # --- signature ---
    if header is not None and sig is not None:
        if key_path is None:
            W("signature.unverified")
        elif header.get("alg") == "ES256":
            if len(sig) != 64:
                E("signature.encoding")
            else:
                r_, s_ = int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big")
                if not (0 < r_ < N and 0 < s_ < N):
                    E("signature.range")
                else:
                    pub = load_public_key(key_path)
                    try:
                        pub.verify(encode_dss_signature(r_, s_), f"{hseg}.{pseg}".encode(),
                                   ec.ECDSA(hashes.SHA256()))
                    except Exception:
                        E("signature.mismatch")
    return out, judged


# --- the legacy promotional offer signature (Vectors/offers/cases.json) ---------------------------------------

OFFER_ORDER = ["bundleId", "keyId", "productId", "offerIdentifier", "appAccountToken", "nonce", "timestamp"]


def offer_fields(case: dict) -> list[str]:
    f = [case[k] for k in OFFER_ORDER]
    f[4], f[5] = f[4].lower(), f[5].lower()
    return f


def offer_payload_with(case: dict, mistake: str) -> str:
    """The payload a signer made when making `mistake` (the codes of offers.py)."""
    f = offer_fields(case)
    sep = "\u2063"
    kind, _, arg = mistake.partition(":")
    if kind == "nonce-case":
        f[5] = case["nonce"].upper() if case["nonce"] == f[5] else case["nonce"]
    elif kind == "token-case":
        f[4] = case["appAccountToken"].upper() if case["appAccountToken"] == f[4] else case["appAccountToken"]
    elif kind == "token-left-out":
        f[4] = ""
    elif kind == "timestamp-seconds":
        f[6] = str(int(f[6]) // 1000)
    elif kind == "separator":
        sep = arg
    elif kind == "key-id":
        f[1] = arg
    elif kind == "field-order":
        f = [f[int(i)] for i in arg.split(",")]
    return sep.join(f)


def offer_signature_raw(text: str):
    """(raw r||s or None, number of offer.encoding findings)."""
    n = 0
    raw = b64std_strict(text)
    if raw is None:
        n += 1
        raw = b64_lenient(text)
        if raw is None:
            return None, n
    if not is_der(raw):
        try:
            inner = base64.b64decode(raw.decode("ascii"), validate=True)
            if base64.b64encode(inner) == raw and (is_der(inner) or len(inner) == 64):
                n += 1
                raw = inner
        except Exception:
            pass
    if is_der(raw):
        r, s = decode_dss_signature(raw)
    elif len(raw) == 64:
        n += 1
        r, s = int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
    else:
        return None, n + 1
    if not (0 < r < N and 0 < s < N):
        return None, n + 1
    return (r, s), n


def is_der(raw: bytes) -> bool:
    try:
        r, s = decode_dss_signature(raw)
    except Exception:
        return False
    return encode_dss_signature(r, s) == raw and r.bit_length() <= 256 and s.bit_length() <= 256


def offer_check(case: dict, key_path: Path) -> list[tuple[str, str]]:
    """The findings of `jwtlint offer-signature` for a case, the mistake search left out (one offer.signature
    error when the signature does not verify over Apple's payload)."""
    out = []
    if not UUID_RE.fullmatch(case["nonce"]):
        out.append(("offer.nonce", "error"))
    ts = case["timestamp"]
    if not (ts.isascii() and ts.isdigit() and len(ts) <= 16):
        out.append(("offer.timestamp", "error"))
    elif int(ts) < MS_THRESHOLD:
        out.append(("offer.timestamp", "error"))
    elif int(ts) / 1000 > case["now"] + 60 or case["now"] - int(ts) / 1000 > 86400:
        out.append(("offer.timestamp", "error"))
    rs, n = offer_signature_raw(case["signature"])
    out += [("offer.encoding", "error")] * n
    if rs is None:
        return out
    pub = load_public_key(key_path)
    try:
        pub.verify(encode_dss_signature(*rs), "\u2063".join(offer_fields(case)).encode(), ec.ECDSA(hashes.SHA256()))
    except Exception:
        out.append(("offer.signature", "error"))
    return out


def offer_verifies(case: dict, payload: str, key_path: Path) -> bool:
    rs, _ = offer_signature_raw(case["signature"])
    try:
        load_public_key(key_path).verify(encode_dss_signature(*rs), payload.encode(), ec.ECDSA(hashes.SHA256()))
        return True
    except Exception:
        return False
