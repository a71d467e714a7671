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
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
UUID_RE = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
KID_RE = re.compile(r"[A-Z0-9]{10}")
FILE_KID_RE = re.compile(r"(?:SubscriptionKey|AuthKey)_([^/]+)\.p8")
WS = " \t\n\r\f\v"
MAX_BYTES = 16384
MAX_DEPTH = 32
MS_THRESHOLD = 100_000_000_000
MAX_LIFETIME = 3600
LIFETIME_MARGIN = 60


def load_public_key(path: Path):
    data = path.read_bytes()
    if path.suffix == ".json":
        jwk = json.loads(data)
        assert jwk["kty"] == "EC" and jwk["crv"] == "P-256"
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


def lint(line: str, *, key: Optional[str], kid: Optional[str], issuer: Optional[str],
         bundle_id: Optional[str], now: float, leeway: float, base: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    E = lambda r: out.append((r, "error"))    # noqa: E731
    W = lambda r: out.append((r, "warning"))  # noqa: E731

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
        return out
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

    # --- claims rules ---
    if claims is not None:
        iss = claims.get("iss")
        if not isinstance(iss, str) or not UUID_RE.fullmatch(iss) or (issuer is not None and iss != issuer):
            E("claims.iss")

        iat_ok = True
        if "iat" not in claims:
            W("claims.iat")
            iat = None
        else:
            iat = claims["iat"]
            if not is_number(iat) or iat > MS_THRESHOLD or iat < 0:
                E("claims.iat")
                iat_ok = False
            elif iat > now + leeway:
                E("claims.iat")

        exp_ok = False
        if "exp" not in claims:
            E("claims.exp")
        else:
            exp = claims["exp"]
            if not is_number(exp) or exp > MS_THRESHOLD or exp < 0:
                E("claims.exp")
            else:
                exp_ok = True
                if exp <= now:
                    E("claims.exp")

        if iat_ok and exp_ok:
            start = iat if iat is not None else now
            life = exp - start
            if life > MAX_LIFETIME or exp <= start:
                E("claims.lifetime")
            elif life > MAX_LIFETIME - LIFETIME_MARGIN:
                W("claims.lifetime")

        if claims.get("aud") != "appstoreconnect-v1" or not isinstance(claims.get("aud"), str):
            E("claims.aud")

        bid = claims.get("bid")
        if (not isinstance(bid, str) or bid == "" or bid != bid.strip(WS)
                or (bundle_id is not None and bid != bundle_id)):
            E("claims.bid")

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
    return out
