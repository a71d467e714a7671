"""The lint case table: writes Vectors/lint/cases.json, Vectors/samples/tokens.txt and
Vectors/samples/README.md.

Every token is built here, from the keys in Vectors/keys/, with its expected findings written next
to it. Each case starts from the clean token (header {"alg":"ES256","kid":"TESTKEYA01","typ":"JWT"},
claims {"iss","iat":now-30,"exp":now+270,"aud","bid"}, ES256 with key A) and changes one thing;
the "combined" group reproduces real-world 401s that break several rules at once.

case(id, comment, token, errors=[rule, ...], warnings=[rule, ...], key=..., kid=..., issuer=...,
     bundle_id=..., now=..., leeway=...)
  errors/warnings: the COMPLETE expected finding list (a rule can appear twice).
  key: path relative to Vectors/ (default keys/SubscriptionKey_TESTKEYA01.p8), or None for no key.

ECDSA signatures are deterministic (RFC 6979): rerunning with the same keys gives the same file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

sys.path.insert(0, str(Path(__file__).resolve().parent))
from jws import (  # noqa: E402
    P256_N, VECTORS, b64std, b64u, b64u_padded, build, cjson, es256_der, es256_raw, first,
    json_variants, length_1_mod_4, load_private, noncanonical_last_char, raw_to_rs, rs_to_raw,
)

# --- fixed inputs -------------------------------------------------------------------------

NOW = 1767225600                      # 2026-01-01T00:00:00Z, the default --now of every case
LEEWAY = 60
ISS = "57246542-96fe-1a63-e053-0824d011072a"   # Apple's example issuer ID
BID = "com.example.app"
AUD = "appstoreconnect-v1"
MAX_TOKEN_BYTES = 65536
MAX_DEPTH = 32

KEY_A = "keys/SubscriptionKey_TESTKEYA01.p8"
KEY_B = "keys/AuthKey_TESTKEYB02.p8"
KEY_C = "keys/SubscriptionKey_TESTKEYC03.p8"
KEY_A_PUB = "keys/TESTKEYA01.pub.pem"
KEY_A_JWK = "keys/TESTKEYA01.jwk.json"
KEY_B_PUB = "keys/TESTKEYB02.pub.pem"

KA = load_private(KEY_A)
KB = load_private(KEY_B)
KC = load_private(KEY_C)
K_RSA = load_private("keys/bad/rsa.p8")
K_P384 = load_private("keys/bad/p384.p8")
# The "attacker" key: derived from a public string, so it is the same on every run and obviously
# worthless. It is never written to keys/ (no lint case ever loads it as --key).
K_ATTACKER = ec.derive_private_key(
    int.from_bytes(hashlib.sha256(b"jwtlint corpus: attacker key, public test value").digest(), "big") % P256_N,
    ec.SECP256R1())

HEADER = {"alg": "ES256", "kid": "TESTKEYA01", "typ": "JWT"}
CLAIMS = {"iss": ISS, "iat": NOW - 30, "exp": NOW + 270, "aud": AUD, "bid": BID}

DROP = object()   # H(kid=DROP) / C(bid=DROP): remove the member


def _with(base: dict, overrides: dict) -> dict:
    out = dict(base)
    for k, v in overrides.items():
        if v is DROP:
            out.pop(k, None)
        else:
            out[k] = v
    return out


def H(**kw) -> dict:
    """The clean header with members replaced/added (kept in place) or dropped."""
    return _with(HEADER, kw)


def C(**kw) -> dict:
    """The clean claims with members replaced/added (kept in place) or dropped."""
    return _with(CLAIMS, kw)


class Raw(str):
    """A JSON fragment written verbatim by obj()."""


def obj(*members) -> bytes:
    """A JSON object from (name, value) pairs, in order, duplicates allowed. Raw() names/values are
    written verbatim; everything else through json.dumps."""
    def enc(x):
        return x if isinstance(x, Raw) else json.dumps(x, separators=(",", ":"), ensure_ascii=False)
    return ("{" + ",".join(f"{enc(k)}:{enc(v)}" for k, v in members) + "}").encode("utf-8")


def with_raw(d: dict, placeholder_value: str, raw: bytes) -> bytes:
    """cjson(d) with the JSON string "placeholder_value" replaced by raw bytes (for invalid UTF-8,
    \\u escapes, deep nesting ...)."""
    text = cjson(d)
    needle = json.dumps(placeholder_value).encode()
    assert text.count(needle) == 1, placeholder_value
    return text.replace(needle, raw)


def es384_raw(message: bytes) -> bytes:
    """Raw r||s (48 bytes each) by the P-384 key in keys/bad/p384.p8."""
    r, s = decode_dss_signature(K_P384.sign(message, ec.ECDSA(hashes.SHA384(), deterministic_signing=True)))
    return rs_to_raw(r, s, width=48)


def signer(key):
    return lambda msg: es256_raw(key, msg)


def tok(header=None, claims=None, *, key=None, sign=None, **segs):
    """A token: header/claims default to the clean ones; signed ES256 with `key` (default key A)
    over the exact signing input, unless `sign` (a function of the signing input) is given."""
    return build(HEADER if header is None else header,
                 CLAIMS if claims is None else claims,
                 signer=sign or signer(key or KA), **segs)


def has_urlsafe_only_chars(seg: str) -> bool:
    return bool(re.search(r"[-_]", seg))


def det_bytes(label: str, n: int) -> bytes:
    """n deterministic filler bytes (for the JWE look-alike)."""
    out = b""
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(f"{label}/{counter}".encode()).digest()
        counter += 1
    return out[:n]


# --- the case registry -------------------------------------------------------------------

CASES: list[dict] = []
_group = "clean"
_DEFAULT = object()


def group(name: str) -> None:
    """Cases below belong to this rule's group (its triggering cases and non-triggering twins)."""
    global _group
    _group = name


def case(id: str, comment: str, token, *, errors=(), warnings=(), key=_DEFAULT, kid=None,
         issuer=None, bundle_id=None, now=NOW, leeway=LEEWAY, profile="auto", judged=None) -> None:
    """profile: the --profile given ("auto" or a name); judged: the profile expected to judge the
    token (default: the pinned one, else app-store-server-api)."""
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", id), id
    assert all(c["id"] != id for c in CASES), f"duplicate id {id}"
    findings = ([{"rule": r, "severity": "error"} for r in errors]
                + [{"rule": r, "severity": "warning"} for r in warnings])
    CASES.append({
        "id": id,
        "group": _group,
        "comment": comment,
        "token": str(token),
        "profile": judged or (profile if profile != "auto" else "app-store-server-api"),
        "options": {"key": KEY_A if key is _DEFAULT else key, "kid": kid, "issuer": issuer,
                    "bundleId": bundle_id, "now": now, "leeway": leeway, "profile": profile},
        "findings": findings,
        "exit": 1 if errors else 0,
    })


# =========================================================================================
# The table
# =========================================================================================

T = tok()   # the clean token

group("clean")
case("clean", "the clean reference token: ES256, kid TESTKEYA01, typ JWT, Apple's example iss, "
     "iat now-30, exp now+270, aud appstoreconnect-v1, bid com.example.app, signed with key A", T)

# ---------------------------------------------------------------------------------------
group("token.format")
case("format-one-segment", "only the header segment", T.header_seg, errors=["token.format"])
case("format-two-segments", "header.payload with no signature segment", f"{T.header_seg}.{T.payload_seg}",
     errors=["token.format"])
case("format-four-segments", "a fourth segment appended", f"{T}.{T.signature_seg}", errors=["token.format"])
_jwe_header = b64u(cjson({"alg": "RSA-OAEP-256", "enc": "A256GCM", "kid": "TESTKEYA01"}))
_jwe = ".".join([_jwe_header, b64u(det_bytes("jwe-cek", 256)), b64u(det_bytes("jwe-iv", 12)),
                 b64u(det_bytes("jwe-ciphertext", 120)), b64u(det_bytes("jwe-tag", 16))])
case("format-five-segments-jwe", "a JWE (5 segments: RSA-OAEP-256/A256GCM look-alike), not a JWS", _jwe,
     errors=["token.format"])
_t = tok(header_seg="")
case("format-empty-header-segment", "empty header segment (signature over '.payload' with key A)", _t,
     errors=["token.format"])
_t = tok(payload_seg="")
case("format-empty-payload-segment", "empty payload segment, RFC 7515 Appendix F detached-payload style "
     "(signature over 'header.' with key A)", _t, errors=["token.format"])
case("format-space-inside", "a space inside the payload segment",
     f"{T.header_seg}.{T.payload_seg[:20]} {T.payload_seg[20:]}.{T.signature_seg}", errors=["token.format"])
case("format-tab-after-dot", "a tab right after the first dot",
     f"{T.header_seg}.\t{T.payload_seg}.{T.signature_seg}", errors=["token.format"])
case("format-bearer-two-spaces", "'Bearer' followed by two spaces (RFC 6750 §2.1 allows 1*SP)", f"Bearer  {T}")
case("format-bearer-lowercase", "'bearer' in lower case (auth schemes are case-insensitive, RFC 7235 §2.1)", f"bearer {T}")
case("format-bearer-bearer", "'Bearer Bearer <token>' (prefix added twice)", f"Bearer Bearer {T}",
     errors=["token.format"])
case("format-authorization-bearer-bearer", "'Authorization: Bearer Bearer <token>'",
     f"Authorization: Bearer Bearer {T}", errors=["token.format"])


def _sized_token(total: int):
    """A clean token padded with a harmless 'pad' claim to exactly `total` bytes."""
    for n in range(total):
        t = tok(claims=C(pad="x" * n))
        if len(str(t)) == total:
            return t
        if len(str(t)) > total:
            break
    raise AssertionError(f"no token of exactly {total} bytes")


_t_max = _sized_token(MAX_TOKEN_BYTES)
_t_over = _sized_token(MAX_TOKEN_BYTES + 1)
case("format-too-long", f"{MAX_TOKEN_BYTES + 1} bytes (a long 'pad' claim; otherwise clean and validly signed)",
     _t_over, errors=["token.format"])
# twins
case("format-max-length", f"exactly {MAX_TOKEN_BYTES} bytes (a long 'pad' claim): the limit is allowed", _t_max)
case("format-bearer", "'Bearer <token>'", f"Bearer {T}")
case("format-authorization-header", "'Authorization: Bearer <token>'", f"Authorization: Bearer {T}")
case("format-authorization-lowercase", "header name in lower case, as HTTP/2 sends it",
     f"authorization: Bearer {T}")
case("format-authorization-uppercase", "header name in upper case", f"AUTHORIZATION: Bearer {T}")
case("format-surrounding-whitespace", "leading and trailing spaces and tabs are trimmed", f" \t {T}\t  ")
case("format-authorization-surrounding-whitespace", "whitespace around a whole Authorization line is trimmed",
     f"\t Authorization: Bearer {T} \t")

# ---------------------------------------------------------------------------------------
group("token.encoding")
_h46 = cjson(HEADER)
assert len(_h46) % 3 != 0   # so the header has '=' padding and trailing bits
_p_pad = first(json_variants(CLAIMS), lambda b: len(b) % 3 != 0)
# ASCII JSON only encodes to '-' or '_' (6-bit groups 62, 63) where a byte '>', '?', '~' or DEL sits at an
# offset ≡ 2 (mod 3); the clean header and claims have none. A harmless extra member "~~~" guarantees one.
_h_dash = cjson(H(note="~~~"))
_p_dash = cjson(C(note="~~~"))
assert has_urlsafe_only_chars(b64u(_h_dash)) and has_urlsafe_only_chars(b64u(_p_dash))
_t_sig_dash = first((tok(claims=v) for v in json_variants(CLAIMS)),
                    lambda t: has_urlsafe_only_chars(t.signature_seg))

case("encoding-header-padding", "header segment with '=' padding",
     tok(header_seg=b64u_padded), errors=["token.encoding"])
case("encoding-header-urlencoded-padding", "header segment with URL-encoded padding '%3D%3D'",
     tok(header_seg=lambda b: b64u(b) + "%3D%3D"), errors=["token.encoding"])
case("encoding-payload-padding", "payload segment with '=' padding (signature over the exact padded bytes is valid)",
     tok(claims=_p_pad, payload_seg=b64u_padded), errors=["token.encoding"])
case("encoding-signature-padding", "signature segment with '==' padding",
     tok(signature_seg=b64u_padded), errors=["token.encoding"])
case("encoding-header-standard-alphabet", "header (with an extra note \"~~~\") in the standard base64 alphabet ('+' or '/')",
     tok(header=_h_dash, header_seg=b64std), errors=["token.encoding"])
case("encoding-payload-standard-alphabet", "payload (with an extra note \"~~~\") in the standard base64 alphabet ('+' or '/')",
     tok(claims=_p_dash, payload_seg=b64std), errors=["token.encoding"])
case("encoding-signature-standard-alphabet", "signature in the standard base64 alphabet ('+' or '/')",
     tok(claims=_t_sig_dash.payload_json, signature_seg=b64std), errors=["token.encoding"])
case("encoding-header-noncanonical-bits", "last header character has non-zero unused bits "
     "(a lenient decoder gets the same bytes)",
     tok(header_seg=lambda b: noncanonical_last_char(b64u(b))), errors=["token.encoding"])
case("encoding-payload-noncanonical-bits", "last payload character has non-zero unused bits",
     tok(claims=_p_pad, payload_seg=lambda b: noncanonical_last_char(b64u(b))), errors=["token.encoding"])
case("encoding-signature-noncanonical-bits", "last signature character has non-zero unused bits "
     "(a lenient decoder gets the same, valid, 64 bytes)",
     tok(signature_seg=lambda s: noncanonical_last_char(b64u(s))), errors=["token.encoding"])
case("encoding-header-length-1-mod-4", "header segment length ≡ 1 (mod 4)",
     tok(header_seg=lambda b: length_1_mod_4(b64u(b))), errors=["token.encoding"])
case("encoding-payload-length-1-mod-4", "payload segment length ≡ 1 (mod 4)",
     tok(payload_seg=lambda b: length_1_mod_4(b64u(b))), errors=["token.encoding"])
case("encoding-signature-length-1-mod-4", "signature segment length ≡ 1 (mod 4) (85 characters)",
     tok(signature_seg=lambda s: length_1_mod_4(b64u(s))), errors=["token.encoding"])
case("encoding-payload-invalid-character", "a '$' in the payload segment",
     tok(payload_seg=lambda b: b64u(b)[:30] + "$" + b64u(b)[31:]), errors=["token.encoding"])
case("encoding-header-and-signature", "header and signature both padded: one finding per bad segment",
     tok(header_seg=b64u_padded, signature_seg=b64u_padded), errors=["token.encoding", "token.encoding"])
case("encoding-all-three-segments", "all three segments padded: three findings",
     tok(claims=_p_pad, header_seg=b64u_padded, payload_seg=b64u_padded, signature_seg=b64u_padded),
     errors=["token.encoding", "token.encoding", "token.encoding"])
case("encoding-payload-bad-signature-still-checked", "payload padded AND signed by key B: the signature is "
     "still checked whatever the payload holds",
     tok(claims=_p_pad, payload_seg=b64u_padded, key=KB), errors=["token.encoding", "signature.mismatch"])
case("encoding-payload-padding-no-key", "payload padded, no key: header and signature decode, so unverified",
     tok(claims=_p_pad, payload_seg=b64u_padded), key=None,
     errors=["token.encoding"], warnings=["signature.unverified"])
case("encoding-header-padding-no-key", "header padded, no key: the header does not decode, so no unverified",
     tok(header_seg=b64u_padded), key=None, errors=["token.encoding"])
case("encoding-signature-padding-no-key", "signature padded, no key: the signature does not decode, so no "
     "unverified", tok(signature_seg=b64u_padded), key=None, errors=["token.encoding"])
# twins
_h_u = _h_dash
_t_all_dash = first((tok(header=_h_u, claims=v) for v in json_variants(C(note="~~~"))),
                    lambda t: all(has_urlsafe_only_chars(s) for s in (t.header_seg, t.payload_seg, t.signature_seg)))
case("encoding-urlsafe-characters", "all three segments contain '-' or '_' (extra \"note\":\"~~~\" in header and "
     "claims, JSON whitespace varied for the signature)",
     _t_all_dash)
for _r, _len in ((0, "0"), (1, "2"), (2, "3")):
    _p = first(json_variants(CLAIMS), lambda b, r=_r: len(b) % 3 == r)
    _t = tok(claims=_p)
    assert len(_t.payload_seg) % 4 == int(_len)
    case(f"encoding-payload-length-{_len}-mod-4", f"payload segment length ≡ {_len} (mod 4), canonical "
         "(JSON whitespace varied where needed)", _t)

# ---------------------------------------------------------------------------------------
group("token.json")
case("json-header-not-json", "header is the text 'not json'", tok(header=b"not json"), errors=["token.json"])
case("json-payload-not-json", "payload is truncated JSON (signature over the exact bytes is valid)",
     tok(claims=cjson(CLAIMS)[:-12]), errors=["token.json"])
case("json-payload-trailing-garbage", "payload is a JSON object followed by 'x'",
     tok(claims=cjson(CLAIMS) + b"x"), errors=["token.json"])
case("json-payload-two-objects", "payload is two JSON objects back to back",
     tok(claims=cjson(CLAIMS) + cjson({"bid": BID})), errors=["token.json"])
case("json-header-invalid-utf8", "header has a lone 0xFF byte in a string",
     tok(header=with_raw(H(note="X"), "X", b'"\xff"')), errors=["token.json"])
case("json-payload-invalid-utf8-latin1", "payload has Latin-1 'caf\\xe9' (invalid UTF-8)",
     tok(claims=with_raw(C(note="X"), "X", b'"caf\xe9"')), errors=["token.json"])
case("json-payload-invalid-utf8-overlong", "payload has the overlong encoding C0 AF of '/'",
     tok(claims=with_raw(C(note="X"), "X", b'"a\xc0\xafb"')), errors=["token.json"])
case("json-header-array", "header is a JSON array", tok(header=[HEADER]), errors=["token.json"])
case("json-payload-array", "payload is a JSON array holding the claims", tok(claims=[CLAIMS]), errors=["token.json"])
case("json-payload-string", "payload is a JSON string", tok(claims=b'"hello"'), errors=["token.json"])
case("json-payload-number", "payload is a JSON number", tok(claims=b"42"), errors=["token.json"])
case("json-payload-null", "payload is JSON null", tok(claims=b"null"), errors=["token.json"])


def _nest(levels: int) -> bytes:
    return b"[" * levels + b"1" + b"]" * levels


case("json-payload-too-deep", f"payload nests {MAX_DEPTH + 2} levels (top-level object + {MAX_DEPTH + 1} arrays)",
     tok(claims=with_raw(C(ext="X"), "X", _nest(MAX_DEPTH + 1))), errors=["token.json"])
case("json-header-too-deep", "header nests 41 levels (top-level object + 40 arrays)",
     tok(header=with_raw(H(ext="X"), "X", _nest(40))), errors=["token.json"])
case("json-payload-nul-escape", "bid is \"com.example.app\\u0000\" (a \\u0000 escape)",
     tok(claims=with_raw(C(bid="X"), "X", b'"com.example.app\\u0000"')), errors=["token.json"])
case("json-header-nul-escape", "kid is \"TESTKEYA01\\u0000\"",
     tok(header=with_raw(H(kid="X"), "X", b'"TESTKEYA01\\u0000"')), errors=["token.json"])
case("json-header-and-payload", "neither header nor payload is JSON: one finding per segment",
     tok(header=b"not json", claims=b"not json either"), errors=["token.json", "token.json"])
case("json-payload-not-json-no-key", "payload not JSON, no key: header and signature decode, so unverified",
     tok(claims=cjson(CLAIMS)[:-12]), key=None, errors=["token.json"], warnings=["signature.unverified"])
case("json-header-not-json-no-key", "header not JSON, no key: no unverified (the header did not decode)",
     tok(header=b"not json"), key=None, errors=["token.json"])
# twins
case("json-pretty-printed", "header and payload pretty-printed with newlines and indentation",
     tok(header=json.dumps(HEADER, indent=2).encode(), claims=json.dumps(CLAIMS, indent=2).encode()))
case("json-unicode-escapes", "bid written as \"com.example.\\u0061pp\" (decodes to com.example.app; "
     "--bundle-id com.example.app)", tok(claims=with_raw(C(bid="X"), "X", b'"com.example.\\u0061pp"')),
     bundle_id=BID)
case("json-valid-utf8", "an extra claim with valid multi-byte UTF-8 (\"café ✓ 日本\")", tok(claims=C(note="café ✓ 日本")))
case("json-depth-limit", f"payload nests exactly {MAX_DEPTH} levels (top-level object + {MAX_DEPTH - 1} arrays)",
     tok(claims=with_raw(C(ext="X"), "X", _nest(MAX_DEPTH - 1))))
case("json-other-control-escape", "an extra claim with a \\u0001 escape (only \\u0000 is refused)",
     tok(claims=with_raw(C(note="X"), "X", b'"a\\u0001b"')))

# ---------------------------------------------------------------------------------------
group("token.duplicate-key")
_hm = list(HEADER.items())
_cm = list(CLAIMS.items())
case("duplicate-header-alg", "header has alg twice, both ES256",
     tok(header=obj(("alg", "ES256"), *_hm)), errors=["token.duplicate-key"])
case("duplicate-payload-bid", "payload has bid twice, both com.example.app",
     tok(claims=obj(*_cm, ("bid", BID))), errors=["token.duplicate-key"])
case("duplicate-payload-bid-last-empty", "bid twice, the LAST one empty: the last value is used",
     tok(claims=obj(*_cm, ("bid", ""))), errors=["token.duplicate-key", "claims.bid"])
case("duplicate-payload-bid-first-empty", "bid twice, the first one empty: the last value is used",
     tok(claims=obj(("bid", ""), *_cm)), errors=["token.duplicate-key"])
case("duplicate-header-alg-last-none", "alg ES256 then alg none: last wins, so alg is none (signature not checked)",
     tok(header=obj(*_hm, ("alg", "none"))), errors=["token.duplicate-key", "header.alg"])
case("duplicate-header-alg-first-none", "alg none then alg ES256: last wins, ES256 signature verifies",
     tok(header=obj(("alg", "none"), *_hm)), errors=["token.duplicate-key"])
case("duplicate-payload-exp-last-expired", "exp twice, the last one already past",
     tok(claims=obj(*_cm, ("exp", NOW - 10))), errors=["token.duplicate-key", "claims.exp"])
case("duplicate-payload-escaped-name", "bid and \"b\\u0069d\": the same member name once unescaped",
     tok(claims=obj(*_cm, (Raw('"b\\u0069d"'), BID))), errors=["token.duplicate-key"])
case("duplicate-header-and-payload", "a duplicate in the header (typ) and one in the payload (iss)",
     tok(header=obj(*_hm, ("typ", "JWT")), claims=obj(*_cm, ("iss", ISS))),
     errors=["token.duplicate-key", "token.duplicate-key"])
# twins
case("duplicate-names-differ-in-case", "claims bid and BID: names are case-sensitive, not duplicates",
     tok(claims=C(BID="com.example.other")))
case("duplicate-name-in-header-and-payload", "kid in the header and a kid claim in the payload: different objects",
     tok(claims=C(kid="TESTKEYA01")))

# ---------------------------------------------------------------------------------------
group("header.alg")
_hs_secret = KA.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
_hs256 = lambda msg: hmac.new(_hs_secret, msg, hashlib.sha256).digest()  # noqa: E731
case("alg-missing", "no alg member (signed ES256 with key A)", tok(header=H(alg=DROP)), errors=["header.alg"])
case("alg-number", "alg is -7 (the COSE number for ES256), not a string", tok(header=H(alg=-7)), errors=["header.alg"])
case("alg-array", "alg is [\"ES256\"]", tok(header=H(alg=["ES256"])), errors=["header.alg"])
case("alg-none", "alg none with an empty signature segment", tok(header=H(alg="none"), sign=lambda m: b""),
     errors=["header.alg"])
case("alg-none-uppercase", "alg NONE with an empty signature segment",
     tok(header=H(alg="NONE"), sign=lambda m: b""), errors=["header.alg"])
case("alg-hs256-key-confusion", "alg HS256, HMAC-SHA256 keyed with key A's public PEM (key-confusion attack)",
     tok(header=H(alg="HS256"), sign=_hs256), errors=["header.alg"])
case("alg-rs256", "alg RS256, signed with an RSA 2048 key (keys/bad/rsa.p8)",
     tok(header=H(alg="RS256"), sign=lambda m: K_RSA.sign(m, padding.PKCS1v15(), hashes.SHA256())),
     errors=["header.alg"])
case("alg-es256-lowercase", "alg es256 (other letter case; the signature itself is a valid ES256 one)",
     tok(header=H(alg="es256")), errors=["header.alg"])
case("alg-es384", "alg ES384, raw 96-byte signature with a P-384 key",
     tok(header=H(alg="ES384"), sign=es384_raw),
     errors=["header.alg"])
case("alg-es256k", "alg ES256K (secp256k1), signature bytes from key A", tok(header=H(alg="ES256K")),
     errors=["header.alg"])
case("alg-hs256-no-key", "alg HS256 and no key: header.alg, and the signature is unverified",
     tok(header=H(alg="HS256"), sign=_hs256), key=None, errors=["header.alg"], warnings=["signature.unverified"])
case("alg-none-no-key", "alg none, empty signature, no key", tok(header=H(alg="none"), sign=lambda m: b""),
     key=None, errors=["header.alg"], warnings=["signature.unverified"])
# twins
case("alg-last-member", "header members in another order (typ, kid, alg)",
     tok(header={"typ": "JWT", "kid": "TESTKEYA01", "alg": "ES256"}))

# ---------------------------------------------------------------------------------------
group("header.kid")
case("kid-missing", "no kid", tok(header=H(kid=DROP)), errors=["header.kid"])
case("kid-number", "kid is a number", tok(header=H(kid=1234567890)), errors=["header.kid"])
case("kid-trailing-newline", "kid \"TESTKEYA01\\n\" (CI secret with a newline; key given as SPKI, no file-name kid)",
     tok(header=H(kid="TESTKEYA01\n")), key=KEY_A_PUB, errors=["header.kid"])
case("kid-leading-space", "kid \" TESTKEYA01\" (key given as SPKI)", tok(header=H(kid=" TESTKEYA01")),
     key=KEY_A_PUB, errors=["header.kid"])
case("kid-inner-space", "kid \"TESTKEY A01\" (key given as SPKI)", tok(header=H(kid="TESTKEY A01")),
     key=KEY_A_PUB, errors=["header.kid"])
case("kid-trailing-newline-file-name", "kid \"TESTKEYA01\\n\" with the .p8 file: only the whitespace error "
     "(a whitespace kid is not compared further)", tok(header=H(kid="TESTKEYA01\n")), errors=["header.kid"])
case("kid-trailing-newline-flag", "kid \"TESTKEYA01\\n\" with --kid TESTKEYA01: only the whitespace error",
     tok(header=H(kid="TESTKEYA01\n")), kid="TESTKEYA01", errors=["header.kid"])
case("kid-differs-from-flag", "kid TESTKEYZ99, --kid TESTKEYA01", tok(header=H(kid="TESTKEYZ99")),
     kid="TESTKEYA01", errors=["header.kid"])
case("kid-differs-from-file-name", "kid TESTKEYZ99, key file SubscriptionKey_TESTKEYA01.p8, no --kid",
     tok(header=H(kid="TESTKEYZ99")), warnings=["header.kid"])
case("kid-lowercase", "kid testkeya01: differs from the file name AND not [A-Z0-9]{10}: two warnings",
     tok(header=H(kid="testkeya01")), warnings=["header.kid", "header.kid"])
case("kid-neither-file-nor-format", "kid my-key-1 with the .p8 file: file mismatch + format: two warnings",
     tok(header=H(kid="my-key-1")), warnings=["header.kid", "header.kid"])
case("kid-format-only-spki", "kid key-a, key given as SPKI (no file-name kid): format warning only",
     tok(header=H(kid="key-a")), key=KEY_A_PUB, warnings=["header.kid"])
case("kid-format-only-flag", "kid my-key-1 and --kid my-key-1: matches the flag, format warning only",
     tok(header=H(kid="my-key-1")), kid="my-key-1", warnings=["header.kid"])
case("kid-too-short", "kid TESTKEYA0 (9 characters), key given as SPKI", tok(header=H(kid="TESTKEYA0")),
     key=KEY_A_PUB, warnings=["header.kid"])
case("kid-too-long", "kid TESTKEYA011 (11 characters), key given as SPKI", tok(header=H(kid="TESTKEYA011")),
     key=KEY_A_PUB, warnings=["header.kid"])
case("kid-differs-from-flag-and-format", "kid my-key-1, --kid TESTKEYA01: error for the flag, warning for the format",
     tok(header=H(kid="my-key-1")), kid="TESTKEYA01", errors=["header.kid"], warnings=["header.kid"])
# twins
case("kid-matches-flag", "kid TESTKEYA01 and --kid TESTKEYA01", T, kid="TESTKEYA01")
case("kid-flag-overrides-file-name", "kid TESTKEYZ99 and --kid TESTKEYZ99 with SubscriptionKey_TESTKEYA01.p8: "
     "the file name is not compared when --kid is given", tok(header=H(kid="TESTKEYZ99")), kid="TESTKEYZ99")
case("kid-spki-any-valid-kid", "kid TESTKEYZ99, key given as SPKI: no file-name kid, nothing compared",
     tok(header=H(kid="TESTKEYZ99")), key=KEY_A_PUB)
case("kid-digits-only", "kid 0123456789 matches [A-Z0-9]{10} (key given as SPKI)", tok(header=H(kid="0123456789")),
     key=KEY_A_PUB)

# ---------------------------------------------------------------------------------------
group("header.typ")
case("typ-missing", "no typ", tok(header=H(typ=DROP)), warnings=["header.typ"])
case("typ-lowercase", "typ jwt", tok(header=H(typ="jwt")), warnings=["header.typ"])
case("typ-mixed-case", "typ Jwt", tok(header=H(typ="Jwt")), warnings=["header.typ"])
case("typ-jws", "typ JWS", tok(header=H(typ="JWS")), errors=["header.typ"])
case("typ-at-jwt", "typ at+jwt (RFC 9068 access token)", tok(header=H(typ="at+jwt")), errors=["header.typ"])
case("typ-number", "typ is the number 1", tok(header=H(typ=1)), errors=["header.typ"])
# twin
case("typ-first-member", "typ JWT as the first member", tok(header={"typ": "JWT", "alg": "ES256", "kid": "TESTKEYA01"}))

# ---------------------------------------------------------------------------------------
group("header.embedded-key")
_jwk_a = json.loads((VECTORS / KEY_A_JWK).read_text())
_jwk_a.pop("kid")
_cert_der = x509.load_pem_x509_certificate((VECTORS / "keys/bad/certificate.pem").read_bytes()).public_bytes(
    serialization.Encoding.DER)
_x5c = [base64.b64encode(_cert_der).decode()]   # x5c uses standard base64 (RFC 7515 §4.1.6)


def _jwk_of(key) -> dict:
    n = key.public_key().public_numbers()
    return {"kty": "EC", "crv": "P-256", "x": b64u(n.x.to_bytes(32, "big")), "y": b64u(n.y.to_bytes(32, "big"))}


case("embedded-jwk", "header carries a jwk (key A's own public key); signature valid",
     tok(header=H(jwk=_jwk_a)), warnings=["header.embedded-key"])
case("embedded-jku", "header carries a jku URL", tok(header=H(jku="https://attacker.example/jwks.json")),
     warnings=["header.embedded-key"])
case("embedded-x5u", "header carries an x5u URL", tok(header=H(x5u="https://attacker.example/cert.pem")),
     warnings=["header.embedded-key"])
case("embedded-x5c", "header carries x5c (key A's self-signed certificate)", tok(header=H(x5c=_x5c)),
     warnings=["header.embedded-key"])
case("embedded-all-four", "jwk, jku, x5u and x5c together: ONE finding naming all four",
     tok(header=H(jwk=_jwk_a, jku="https://attacker.example/jwks.json", x5u="https://attacker.example/cert.pem",
                  x5c=_x5c)), warnings=["header.embedded-key"])
case("embedded-attacker-jwk", "header carries an attacker's jwk and is signed by the attacker key: the embedded "
     "key is never used, so it does not verify with key A",
     tok(header=H(jwk=_jwk_of(K_ATTACKER)), key=K_ATTACKER),
     errors=["signature.mismatch"], warnings=["header.embedded-key"])
# twins
_sha1_thumb = b64u(hashlib.sha1(_cert_der).digest())
_sha256_thumb = b64u(hashlib.sha256(_cert_der).digest())
case("embedded-thumbprints-only", "x5t and x5t#S256 are certificate thumbprints, not keys",
     tok(header=H(**{"x5t": _sha1_thumb, "x5t#S256": _sha256_thumb})))
case("embedded-jwk-in-claims", "a cnf/jwk claim (RFC 7800) in the payload, not the header",
     tok(claims=C(cnf={"jwk": _jwk_of(K_ATTACKER)})))

# ---------------------------------------------------------------------------------------
group("header.crit")
case("crit-exp", "crit [\"exp\"]", tok(header=H(crit=["exp"])), errors=["header.crit"])
case("crit-empty", "crit [] (present, even if empty)", tok(header=H(crit=[])), errors=["header.crit"])
# twin
case("crit-as-claim", "a claim named crit in the payload", tok(claims=C(crit=["exp"])))

# ---------------------------------------------------------------------------------------
group("claims.iss")
case("iss-missing", "no iss", tok(claims=C(iss=DROP)), errors=["claims.iss"])
case("iss-number", "iss is a number", tok(claims=C(iss=57246542)), errors=["claims.iss"])
case("iss-not-uuid", "iss is my-issuer", tok(claims=C(iss="my-issuer")), errors=["claims.iss"])
case("iss-apple-doc-typo", "iss 57246542-96fe-1a63e053-0824d011072a (Apple's payload example, one hyphen missing)",
     tok(claims=C(iss="57246542-96fe-1a63e053-0824d011072a")), errors=["claims.iss"])
case("iss-trailing-newline", "iss with a trailing \\n", tok(claims=C(iss=ISS + "\n")), errors=["claims.iss"])
case("iss-team-id", "iss is a 10-character Team ID (APNs style)", tok(claims=C(iss="ABCDE12345")),
     errors=["claims.iss"])
case("iss-non-hex", "iss has a 'g' in the last group", tok(claims=C(iss=ISS[:-1] + "g")), errors=["claims.iss"])
case("iss-braces", "iss in braces {…}", tok(claims=C(iss="{" + ISS + "}")), errors=["claims.iss"])
case("iss-urn", "iss as urn:uuid:…", tok(claims=C(iss="urn:uuid:" + ISS)), errors=["claims.iss"])
case("iss-differs-from-flag", "iss is a valid UUID but --issuer names another",
     T, issuer="0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", errors=["claims.iss"])
# twins
case("iss-uppercase", "iss in upper-case hex", tok(claims=C(iss=ISS.upper())))
case("iss-matches-flag", "--issuer equal to iss", T, issuer=ISS)
case("iss-random-v4", "a random-looking version-4 UUID", tok(claims=C(iss="9b2f0a4e-3c1d-4e5f-a6b7-c8d9e0f1a2b3")))

# ---------------------------------------------------------------------------------------
group("claims.iat")
case("iat-missing", "no iat (Apple's Python and Java libraries omit it); lifetime measured from now (270 s)",
     tok(claims=C(iat=DROP)), warnings=["claims.iat"])
case("iat-string", "iat is the string \"1767225570\"", tok(claims=C(iat=str(NOW - 30))), errors=["claims.iat"])
case("iat-bool", "iat is true", tok(claims=C(iat=True)), errors=["claims.iat"])
case("iat-null", "iat is null", tok(claims=C(iat=None)), errors=["claims.iat"])
case("iat-milliseconds", "iat in milliseconds (1767225570000)", tok(claims=C(iat=(NOW - 30) * 1000)),
     errors=["claims.iat"])
case("iat-negative", "iat is -1", tok(claims=C(iat=-1)), errors=["claims.iat"])
case("iat-future-61", "iat now+61 with leeway 60", tok(claims=C(iat=NOW + 61)), errors=["claims.iat"])
case("iat-future-leeway-0", "iat now+1 with --leeway 0", tok(claims=C(iat=NOW + 1)), leeway=0, errors=["claims.iat"])
# twins
case("iat-future-60", "iat now+60 with leeway 60 (the edge is allowed)", tok(claims=C(iat=NOW + 60)))
case("iat-now-leeway-0", "iat exactly now with --leeway 0", tok(claims=C(iat=NOW)), leeway=0)
case("iat-future-within-leeway-120", "iat now+100 with --leeway 120", tok(claims=C(iat=NOW + 100)), leeway=120)
case("iat-fractional", "iat 1767225570.5 (a fractional NumericDate is valid)", tok(claims=C(iat=NOW - 30 + 0.5)))
case("iat-exponent-form", "iat written 1.76722557e9 (a JSON number, = 1767225570)",
     tok(claims=with_raw(C(iat="X"), "X", b"1.76722557e9")))
case("iat-zero", "iat 0 is a valid number of seconds (not negative), but exp - iat is then far over 3600",
     tok(claims=C(iat=0)), errors=["claims.lifetime"])

# ---------------------------------------------------------------------------------------
group("claims.exp")
case("exp-missing", "no exp (lifetime not evaluated)", tok(claims=C(exp=DROP)), errors=["claims.exp"])
case("exp-string", "exp is the string \"1767225870\"", tok(claims=C(exp=str(NOW + 270))), errors=["claims.exp"])
case("exp-bool", "exp is false", tok(claims=C(exp=False)), errors=["claims.exp"])
case("exp-milliseconds", "exp in milliseconds (1767225870000); lifetime not evaluated",
     tok(claims=C(exp=(NOW + 270) * 1000)), errors=["claims.exp"])
case("exp-negative", "exp is -1", tok(claims=C(exp=-1)), errors=["claims.exp"])
case("exp-equals-now", "exp == now is expired", tok(claims=C(exp=NOW)), errors=["claims.exp"])
case("exp-past", "exp now-1", tok(claims=C(exp=NOW - 1)), errors=["claims.exp"])
case("exp-past-within-leeway", "exp now-30 (iat now-100): the leeway applies to iat only, not to exp",
     tok(claims=C(iat=NOW - 100, exp=NOW - 30)), errors=["claims.exp"])
# twins
case("exp-now-plus-1", "exp now+1", tok(claims=C(exp=NOW + 1)))
case("exp-fractional", "exp 1767225870.5 (fractional NumericDate)", tok(claims=C(exp=NOW + 270 + 0.5)))

# ---------------------------------------------------------------------------------------
group("claims.lifetime")
case("lifetime-3601", "exp - iat = 3601 s", tok(claims=C(exp=NOW - 30 + 3601)), errors=["claims.lifetime"])
case("lifetime-7200", "exp - iat = 2 h", tok(claims=C(exp=NOW - 30 + 7200)), errors=["claims.lifetime"])
case("lifetime-3600", "exp - iat = 3600 s exactly: allowed by Apple but fragile (warning)",
     tok(claims=C(exp=NOW - 30 + 3600)), warnings=["claims.lifetime"])
case("lifetime-3541", "exp - iat = 3541 s (within 60 s of the limit)", tok(claims=C(exp=NOW - 30 + 3541)),
     warnings=["claims.lifetime"])
case("lifetime-fractional-3600-5", "exp - iat = 3600.5 s", tok(claims=C(exp=NOW - 30 + 3600.5)),
     errors=["claims.lifetime"])
case("lifetime-fractional-3540-5", "exp - iat = 3540.5 s", tok(claims=C(exp=NOW - 30 + 3540.5)),
     warnings=["claims.lifetime"])
case("lifetime-zero", "exp == iat (both now+60)", tok(claims=C(iat=NOW + 60, exp=NOW + 60)),
     errors=["claims.lifetime"])
case("lifetime-negative", "exp before iat (iat now+60, exp now+30)", tok(claims=C(iat=NOW + 60, exp=NOW + 30)),
     errors=["claims.lifetime"])
case("lifetime-no-iat-3601", "no iat, exp now+3601: measured from now", tok(claims=C(iat=DROP, exp=NOW + 3601)),
     errors=["claims.lifetime"], warnings=["claims.iat"])
case("lifetime-no-iat-3590", "no iat, exp now+3590", tok(claims=C(iat=DROP, exp=NOW + 3590)),
     warnings=["claims.iat", "claims.lifetime"])
# twins
case("lifetime-3540", "exp - iat = 3540 s (not within 60 s of the limit)", tok(claims=C(exp=NOW - 30 + 3540)))
case("lifetime-no-iat-3540", "no iat, exp now+3540", tok(claims=C(iat=DROP, exp=NOW + 3540)),
     warnings=["claims.iat"])
case("lifetime-skipped-iat-string", "iat a string, exp 2 h ahead: lifetime not evaluated",
     tok(claims=C(iat=str(NOW - 30), exp=NOW + 7200)), errors=["claims.iat"])
case("lifetime-skipped-iat-milliseconds", "iat in ms, exp now+270: lifetime (which would be negative) not evaluated",
     tok(claims=C(iat=(NOW - 30) * 1000)), errors=["claims.iat"])
case("lifetime-skipped-exp-milliseconds", "exp in ms (2 h ahead): lifetime not evaluated",
     tok(claims=C(exp=(NOW + 7200) * 1000)), errors=["claims.exp"])
case("lifetime-skipped-iat-negative", "iat -1: lifetime not evaluated", tok(claims=C(iat=-1)), errors=["claims.iat"])

# ---------------------------------------------------------------------------------------
group("claims.aud")
case("aud-missing", "no aud", tok(claims=C(aud=DROP)), errors=["claims.aud"])
case("aud-array", "aud [\"appstoreconnect-v1\"] (array form)", tok(claims=C(aud=[AUD])), errors=["claims.aud"])
case("aud-sandbox", "aud appstoreconnect-v1-sandbox (circulating but false advice)",
     tok(claims=C(aud="appstoreconnect-v1-sandbox")), errors=["claims.aud"])
case("aud-other-case", "aud AppStoreConnect-v1", tok(claims=C(aud="AppStoreConnect-v1")), errors=["claims.aud"])
case("aud-v2", "aud appstoreconnect-v2", tok(claims=C(aud="appstoreconnect-v2")), errors=["claims.aud"])
case("aud-promotional-offer", "aud promotional-offer (the StoreKit in-app JWS audience), --profile app-store-server-api",
     tok(claims=C(aud="promotional-offer")), errors=["claims.aud"], profile="app-store-server-api")
case("aud-leading-space", "aud \" appstoreconnect-v1\"", tok(claims=C(aud=" " + AUD)), errors=["claims.aud"])
case("aud-number", "aud is a number", tok(claims=C(aud=1)), errors=["claims.aud"])
# twin
case("aud-first-member", "aud as the first claim", tok(claims={"aud": AUD, **C(aud=DROP)}))

# ---------------------------------------------------------------------------------------
group("claims.bid")
case("bid-missing", "no bid (Apple: \"strictly required\")", tok(claims=C(bid=DROP)), errors=["claims.bid"])
case("bid-number", "bid is a number", tok(claims=C(bid=42)), errors=["claims.bid"])
case("bid-null", "bid is null", tok(claims=C(bid=None)), errors=["claims.bid"])
case("bid-empty", "bid \"\"", tok(claims=C(bid="")), errors=["claims.bid"])
case("bid-leading-space", "bid \" com.example.app\"", tok(claims=C(bid=" " + BID)), errors=["claims.bid"])
case("bid-trailing-space", "bid \"com.example.app \"", tok(claims=C(bid=BID + " ")), errors=["claims.bid"])
case("bid-trailing-newline", "bid \"com.example.app\\n\"", tok(claims=C(bid=BID + "\n")), errors=["claims.bid"])
case("bid-differs-in-case-from-flag", "bid com.example.App, --bundle-id com.example.app (case-sensitive)",
     tok(claims=C(bid="com.example.App")), bundle_id=BID, errors=["claims.bid"])
case("bid-differs-from-flag", "bid com.example.app, --bundle-id com.example.other", T,
     bundle_id="com.example.other", errors=["claims.bid"])
# twins
case("bid-matches-flag", "--bundle-id com.example.app", T, bundle_id=BID)
case("bid-other-without-flag", "bid com.example.other and no --bundle-id: nothing to compare",
     tok(claims=C(bid="com.example.other")))

# ---------------------------------------------------------------------------------------
group("signature.encoding")
_der = es256_der(KA, T.signing_input)
assert _der[0] == 0x30 and len(_der) != 64
case("signature-empty", "ES256 with an empty signature segment ('header.payload.')",
     tok(sign=lambda m: b""), errors=["signature.encoding"])
case("signature-63-bytes", "the valid signature minus its last byte", tok(signature_seg=lambda s: b64u(s[:-1])),
     errors=["signature.encoding"])
case("signature-65-bytes", "the valid signature plus a zero byte", tok(signature_seg=lambda s: b64u(s + b"\0")),
     errors=["signature.encoding"])
case("signature-der", f"a real DER ECDSA signature by key A over the signing input ({len(_der)} bytes, "
     "what OpenSSL/Node signers return): signature.encoding, not mismatch",
     tok(sign=lambda m: es256_der(KA, m)), errors=["signature.encoding"])
case("signature-96-bytes", "a raw P-384 signature (96 bytes) under alg ES256",
     tok(sign=es384_raw), errors=["signature.encoding"])
# twins (also: signature-r-leading-zero, signature-s-leading-zero, signature-high-s below)
_i = 0
while True:
    _t_30 = tok(claims=C(jti=f"der{_i}"))
    if _t_30.signature[0] == 0x30:
        break
    _i += 1
case("signature-raw-starts-like-der", "a valid 64-byte raw signature whose first byte is 0x30 (the DER SEQUENCE "
     "tag; jti varied to find one): length decides, not the first byte", _t_30)

# ---------------------------------------------------------------------------------------
group("signature.range")
_r, _s = raw_to_rs(T.signature)


def _with_rs(r: int, s: int):
    return tok(sign=lambda m: rs_to_raw(r, s))


case("signature-r-zero", "r = 0", _with_rs(0, _s), errors=["signature.range"])
case("signature-s-zero", "s = 0", _with_rs(_r, 0), errors=["signature.range"])
case("signature-r-s-zero", "r = s = 0 (all-zero 64 bytes)", _with_rs(0, 0), errors=["signature.range"])
case("signature-r-equals-n", "r = n (the P-256 group order)", _with_rs(P256_N, _s), errors=["signature.range"])
case("signature-s-equals-n", "s = n", _with_rs(_r, P256_N), errors=["signature.range"])
# r + n is ≡ r (mod n), so a verifier that reduces r mod n would accept it; it fits in 32 bytes
# when r < 2^256 - n (almost always). Otherwise fall back to n + 1.
_r_big = _r + P256_N if _r + P256_N < 2 ** 256 else P256_N + 1
case("signature-r-plus-n", "r replaced by r + n (still 32 bytes, ≡ r mod n)" if _r_big != P256_N + 1
     else "r = n + 1", _with_rs(_r_big, _s), errors=["signature.range"])
case("signature-s-all-ones", "s = 2^256 - 1", _with_rs(_r, 2 ** 256 - 1), errors=["signature.range"])
# twins
_i = 0
while True:
    _t_r0 = tok(claims=C(jti=f"r{_i}"))
    if _t_r0.signature[0] == 0:
        break
    _i += 1
case("signature-r-leading-zero", "valid signature whose r starts with a 0x00 byte (jti varied to find one): "
     "fixed-width 32-byte r", _t_r0)
_i = 0
while True:
    _t_s0 = tok(claims=C(jti=f"s{_i}"))
    if _t_s0.signature[32] == 0:
        break
    _i += 1
case("signature-s-leading-zero", "valid signature whose s starts with a 0x00 byte", _t_s0)

# ---------------------------------------------------------------------------------------
group("signature.mismatch")
_flipped = bytearray(T.signature)
_flipped[63] ^= 0x01
assert 0 < raw_to_rs(bytes(_flipped))[1] < P256_N
case("mismatch-signed-by-key-b", "kid TESTKEYA01 but signed with key B", tok(key=KB), errors=["signature.mismatch"])
case("mismatch-bit-flipped", "lowest bit of s flipped", tok(sign=lambda m: bytes(_flipped)),
     errors=["signature.mismatch"])
case("mismatch-payload-changed", "iat changed to now-29 after signing",
     tok(claims=C(iat=NOW - 29), sign=lambda m: T.signature), errors=["signature.mismatch"])
case("mismatch-header-reordered", "header members reordered after signing (same JSON meaning, other bytes)",
     tok(header={"typ": "JWT", "alg": "ES256", "kid": "TESTKEYA01"}, sign=lambda m: T.signature),
     errors=["signature.mismatch"])
case("mismatch-r-s-swapped", "r and s swapped", tok(sign=lambda m: T.signature[32:] + T.signature[:32]),
     errors=["signature.mismatch"])
case("mismatch-over-padded-input", "signature computed over 'header.payload' with '=' padding, token sent unpadded",
     tok(sign=lambda m: es256_raw(KA, (b64u_padded(cjson(HEADER)) + "." + b64u_padded(cjson(CLAIMS))).encode())),
     errors=["signature.mismatch"])
case("mismatch-spki-key", "key A given as SPKI, token signed by key B", tok(key=KB), key=KEY_A_PUB,
     errors=["signature.mismatch"])
case("mismatch-wrong-key-file", "key file AuthKey_TESTKEYB02.p8, token by key A with kid TESTKEYA01: kid differs "
     "from the file name (warning) and the signature does not verify", T, key=KEY_B,
     errors=["signature.mismatch"], warnings=["header.kid"])
# twins
_s_high = max(_s, P256_N - _s)
_t_high = tok(sign=lambda m: rs_to_raw(_r, _s_high))
case("signature-high-s", "the clean token's signature in its high-S form (s > n/2; n - s is just as valid: "
     "ECDSA is malleable, and P-256 verifiers must not reject it)", _t_high)

# ---------------------------------------------------------------------------------------
group("signature.unverified")
case("unverified-clean", "the clean token, no key", T, key=None, warnings=["signature.unverified"])
case("unverified-signed-by-key-b", "signed by key B, no key: nothing to check it against", tok(key=KB), key=None,
     warnings=["signature.unverified"])
case("unverified-header-not-object-no-key", "no key, header is a JSON array: the header did not decode, so no "
     "unverified", tok(header=[HEADER]), key=None, errors=["token.json"])
case("unverified-signature-not-decoded-no-key", "no key, signature segment length ≡ 1 (mod 4): no unverified",
     tok(signature_seg=lambda s: length_1_mod_4(b64u(s))), key=None, errors=["token.encoding"])
case("unverified-key-given", "the clean token with a key: verified, so no unverified", T)
case("unverified-no-file-kid", "kid TESTKEYZ99 with no key: no file name, nothing compared",
     tok(header=H(kid="TESTKEYZ99")), key=None, warnings=["signature.unverified"])

# ---------------------------------------------------------------------------------------
group("keys")
case("key-b-authkey", "signed with key B (AuthKey_TESTKEYB02.p8, the 138-byte MIGH layout), kid TESTKEYB02",
     tok(header=H(kid="TESTKEYB02"), key=KB), key=KEY_B)
case("key-b-spki", "signed with key B, key given as TESTKEYB02.pub.pem", tok(header=H(kid="TESTKEYB02"), key=KB),
     key=KEY_B_PUB)
case("key-c-no-public-key", "signed with key C (SubscriptionKey_TESTKEYC03.p8, 67-byte DER without the public "
     "key: jwtlint must derive it)", tok(header=H(kid="TESTKEYC03"), key=KC), key=KEY_C)
case("key-a-spki", "key A given as SPKI (TESTKEYA01.pub.pem)", T, key=KEY_A_PUB)
case("key-a-jwk", "key A given as a public JWK (TESTKEYA01.jwk.json)", T, key=KEY_A_JWK)
case("key-a-jwk-mismatch", "key A given as a JWK, token signed by key B", tok(key=KB), key=KEY_A_JWK,
     errors=["signature.mismatch"])

# ---------------------------------------------------------------------------------------
group("options")
case("now-later", "--now 300 s later: exp (now+270) has passed", T, now=NOW + 300, errors=["claims.exp"])
case("now-earlier", "--now 100 s earlier: iat is 70 s in the future (leeway 60)", T, now=NOW - 100,
     errors=["claims.iat"])
case("now-earlier-leeway-70", "--now 100 s earlier with --leeway 70", T, now=NOW - 100, leeway=70)

# ---------------------------------------------------------------------------------------
group("services")
TEAM_ID = "DEF123GHIJ"
_apns_header = {"alg": "ES256", "kid": "TESTKEYA01"}
case("apns-clean", "an APNs provider token as Apple documents it: alg and kid, iss the Team ID, iat",
     tok(header=_apns_header, claims={"iss": TEAM_ID, "iat": NOW - 30}), profile="apns")
case("apns-iat-over-an-hour", "an APNs provider token 61 minutes old: 403 ExpiredProviderToken",
     tok(header=_apns_header, claims={"iss": TEAM_ID, "iat": NOW - 3660}), errors=["claims.iat"], profile="apns")
case("apns-issuer-id", "an APNs provider token with the App Store issuer ID, not the Team ID",
     tok(header=_apns_header, claims={"iss": ISS, "iat": NOW - 30}), errors=["claims.iss"], profile="apns")
case("apns-client-secret-audience", "a Sign in with Apple client secret judged as an APNs token: another kind's aud",
     tok(header=_apns_header, claims={"iss": TEAM_ID, "iat": NOW - 30, "aud": "https://appleid.apple.com", "sub": BID,
                                      "exp": NOW + 86400}),
     errors=["claims.aud"], profile="apns")
case("devicecheck-clean", "a DeviceCheck token: the APNs token's shape, with typ",
     tok(claims={"iss": TEAM_ID, "iat": NOW - 30}), profile="devicecheck")
case("siwa-clean", "a Sign in with Apple client secret, picked by its aud: a day's lifetime, sub the client ID",
     tok(header=_apns_header, claims={"iss": TEAM_ID, "iat": NOW - 30, "exp": NOW + 86370, "aud": "https://appleid.apple.com",
                                      "sub": BID}), judged="sign-in-with-apple")
case("siwa-seven-months", "a client secret living seven months: invalid_client",
     tok(header=_apns_header, claims={"iss": TEAM_ID, "iat": NOW - 30, "exp": NOW + 18_144_000, "aud": "https://appleid.apple.com",
                                      "sub": BID}), errors=["claims.lifetime"], judged="sign-in-with-apple")
case("siwa-no-sub", "a client secret without sub",
     tok(header=_apns_header, claims={"iss": TEAM_ID, "iat": NOW - 30, "exp": NOW + 86370, "aud": "https://appleid.apple.com"}),
     errors=["claims.sub"], judged="sign-in-with-apple")
group("claims.origin")
case("musickit-clean", "a MusicKit developer token with an origin, living 180 days",
     tok(header=_apns_header, claims={"iss": TEAM_ID, "iat": NOW - 30, "exp": NOW + 15_552_000,
                                      "origin": ["https://music.example.com"]}), profile="musickit")
case("musickit-origin-string", "a MusicKit developer token whose origin is a string, not an array",
     tok(header=_apns_header, claims={"iss": TEAM_ID, "iat": NOW - 30, "exp": NOW + 15_552_000,
                                      "origin": "https://music.example.com"}), errors=["claims.origin"], profile="musickit")

group("header.id")
_wk = {"iss": TEAM_ID, "iat": NOW - 30, "exp": NOW + 3570, "sub": "com.example.weather"}
case("weatherkit-clean", "a WeatherKit token, picked by its header id: TEAMID.SERVICEID",
     tok(header={"alg": "ES256", "kid": "TESTKEYA01", "id": TEAM_ID + ".com.example.weather"}, claims=_wk), judged="weatherkit")
case("weatherkit-no-id", "a WeatherKit token without the header id: WeatherKit's 401",
     tok(header=_apns_header, claims=_wk), errors=["header.id"], profile="weatherkit")
case("weatherkit-id-other-team", "a WeatherKit token whose header id names another team than iss",
     tok(header={"alg": "ES256", "kid": "TESTKEYA01", "id": "ABC123DEFG.com.example.weather"}, claims=_wk),
     errors=["header.id"], judged="weatherkit")

group("mapkit")
_maps = {"iss": TEAM_ID, "iat": NOW - 30, "exp": NOW + 3570, "scope": "server_api"}
case("mapkit-server-api", "a Maps Server API token as Apple documents it: typ JWT, scope server_api",
     tok(claims=_maps), profile="mapkit")
case("mapkit-js-origin", "a MapKit JS token with a domain pattern and a list of origins",
     tok(claims=dict(_maps, scope="mapkit_js web_snapshots", origin="*.example.com,https://maps.example.org")), profile="mapkit")
case("mapkit-no-scope", "a MapKit token without scope", tok(claims={k: v for k, v in _maps.items() if k != "scope"}),
     errors=["claims.scope"], profile="mapkit")
case("mapkit-scope-array", "a MapKit token whose scope is an array", tok(claims=dict(_maps, scope=["server_api"])),
     errors=["claims.scope"], profile="mapkit")
case("mapkit-js-no-origin", "a MapKit JS token without the origin its scope requires", tok(claims=dict(_maps, scope="mapkit_js")),
     errors=["claims.origin"], profile="mapkit")
case("mapkit-origin-path", "a MapKit token whose origin has a path: no browser's Origin matches it",
     tok(claims=dict(_maps, scope="mapkit_js", origin="https://maps.example.com/page")), warnings=["claims.origin"], profile="mapkit")
case("mapkit-no-typ", "a MapKit token without typ, which Apple's page requires", tok(header=_apns_header, claims=_maps),
     warnings=["header.typ"], profile="mapkit")
case("mapkit-under-apns", "a Maps Server API token judged as an APNs token: its scope names MapKit", tok(claims=_maps),
     errors=["claims.scope"], profile="apns")

# ---------------------------------------------------------------------------------------
group("combined")
case("combined-milliseconds-no-bid", "the classic 401 (forum 732746): iat and exp in milliseconds, no bid",
     tok(claims=C(iat=(NOW - 30) * 1000, exp=(NOW + 3570) * 1000, bid=DROP)),
     errors=["claims.iat", "claims.exp", "claims.bid"])
case("combined-app-store-connect-api-token", "an App Store Connect API team-key token: scope, 20-minute lifetime, no bid",
     tok(claims={"iss": ISS, "iat": NOW - 30, "exp": NOW - 30 + 1200, "aud": AUD,
                 "scope": ["GET /v1/apps?filter[platform]=IOS"]}), errors=["claims.bid"])
case("combined-app-store-connect-individual-key", "an App Store Connect API individual-key token: sub user, no iss, "
     "no bid", tok(claims={"sub": "user", "iat": NOW - 30, "exp": NOW + 270, "aud": AUD}),
     errors=["claims.iss", "claims.bid"])
case("combined-storekit-promotional-offer", "a StoreKit promotional-offer JWS (Apple library layout): aud "
     "promotional-offer, nonce, no exp",
     tok(claims={"productId": "com.example.app.monthly", "offerIdentifier": "WINBACK1", "transactionId": "2000000000000001",
                 "bid": BID, "iss": ISS, "aud": "promotional-offer", "iat": NOW - 30,
                 "nonce": "6edffe66-b482-11eb-8529-0242ac130003"}),
     errors=["claims.aud", "claims.exp"], profile="app-store-server-api")
case("combined-apns-provider-token", "an APNs provider token: no typ, iss is a Team ID, only iat",
     tok(header={"alg": "ES256", "kid": "TESTKEYA01"}, claims={"iss": "ABCDE12345", "iat": NOW - 30}),
     errors=["claims.iss", "claims.exp", "claims.aud", "claims.bid"], warnings=["header.typ"])
case("combined-sandbox-aud-one-hour", "aud appstoreconnect-v1-sandbox and a 1-hour lifetime",
     tok(claims=C(aud="appstoreconnect-v1-sandbox", exp=NOW - 30 + 3600)),
     errors=["claims.aud"], warnings=["claims.lifetime"])
case("combined-clock-ahead", "server clock 90 s ahead: iat now+90 and exp iat+3600",
     tok(claims=C(iat=NOW + 90, exp=NOW + 90 + 3600)), errors=["claims.iat"], warnings=["claims.lifetime"])
case("combined-ci-secret-newlines", "kid and iss read from CI secrets with trailing newlines (fastlane#29985)",
     tok(header=H(kid="TESTKEYA01\n"), claims=C(iss=ISS + "\n")), errors=["header.kid", "claims.iss"])
case("combined-asc-key-for-server-api", "signed with the App Store Connect key (AuthKey_TESTKEYB02) but checked "
     "against the In-App Purchase key: kid differs from the file name, signature mismatch",
     tok(header=H(kid="TESTKEYB02"), key=KB), errors=["signature.mismatch"], warnings=["header.kid"])
case("combined-node-der-signature", "jsonwebtoken-style claims (iat first) with a DER signature from crypto.sign",
     tok(header={"alg": "ES256", "typ": "JWT", "kid": "TESTKEYA01"},
         claims={"bid": BID, "iat": NOW - 30, "exp": NOW + 270, "aud": AUD, "iss": ISS},
         sign=lambda m: es256_der(KA, m)), errors=["signature.encoding"])
case("combined-everything-wrong-no-key", "header {\"alg\":\"HS256\"}, payload {}, no key",
     tok(header={"alg": "HS256"}, claims={}, sign=_hs256), key=None,
     errors=["header.alg", "header.kid", "claims.iss", "claims.exp", "claims.aud", "claims.bid"],
     warnings=["header.typ", "claims.iat", "signature.unverified"])
case("combined-empty-payload-object", "payload {}: every required claim missing",
     tok(claims={}), errors=["claims.iss", "claims.exp", "claims.aud", "claims.bid"], warnings=["claims.iat"])
# twins
case("combined-legacy-nonce", "a 2021-era token with a nonce claim (no longer documented, harmless)",
     tok(claims=C(nonce="6edffe66-b482-11eb-8529-0242ac130003")))
case("combined-all-flags", "the clean token with --kid, --issuer and --bundle-id all matching", T,
     kid="TESTKEYA01", issuer=ISS, bundle_id=BID)

# =========================================================================================
# Profiles: the StoreKit in-app JWS and App Store Connect API tokens
# =========================================================================================

NONCE = "c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13"
PRODUCT = "com.example.app.monthly"
TXN = "2000000123456789"
REQUEST_ONE_TIME = {"operation": "CREATE_ONE_TIME_CHARGE", "version": "1",
                    "requestInfo": {"requestReferenceId": "f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"},
                    "currency": "USD", "taxCode": "C003-00-1",
                    "item": {"SKU": "gems.100", "description": "A pack of 100 gems", "displayName": "100 gems",
                             "price": 4990}}


def req(request) -> str:
    """A request claim as Apple's libraries write it: standard, padded base64 of the JSON (Python's
    json.dumps spacing, as app-store-server-library does)."""
    raw = request if isinstance(request, bytes) else json.dumps(request).encode()
    return base64.b64encode(raw).decode()


# The claims in the order Apple's Python library writes them: the feature claims, then bid, iss, aud, iat, nonce.
PROMO = {"productId": PRODUCT, "offerIdentifier": "winback.50", "transactionId": TXN,
         "bid": BID, "iss": ISS, "aud": "promotional-offer", "iat": NOW - 30, "nonce": NONCE}
INTRO = {"productId": PRODUCT, "allowIntroductoryOffer": True, "transactionId": TXN,
         "bid": BID, "iss": ISS, "aud": "introductory-offer-eligibility", "iat": NOW - 30, "nonce": NONCE}
ACA = {"request": req(REQUEST_ONE_TIME), "bid": BID, "iss": ISS, "aud": "advanced-commerce-api", "iat": NOW - 30,
       "nonce": NONCE}
ASC = {"iss": ISS, "iat": NOW - 30, "exp": NOW - 30 + 900, "aud": AUD}
ASC_INDIVIDUAL = {"sub": "user", "iat": NOW - 30, "exp": NOW - 30 + 900, "aud": AUD}
PROMO_P, INTRO_P, ACA_P, ASC_P = ("promotional-offer", "introductory-offer-eligibility", "advanced-commerce-in-app",
                                  "app-store-connect-api")


def promo(**kw):
    return tok(claims=_with(PROMO, kw))


def intro(**kw):
    return tok(claims=_with(INTRO, kw))


def aca(**kw):
    return tok(claims=_with(ACA, kw))


def asc(**kw):
    return tok(claims=_with(ASC, kw))


# ---------------------------------------------------------------------------------------
group("profile")
case("profile-auto-promotional-offer", "a promotional offer signature as Apple's Python library lays it out: auto "
     "picks promotional-offer by aud", promo(), judged=PROMO_P)
case("profile-auto-introductory-offer-eligibility", "an introductory offer eligibility signature: auto picks it by aud",
     intro(), judged=INTRO_P)
case("profile-auto-advanced-commerce", "an Advanced Commerce in-app request (a one-time charge): auto picks "
     "advanced-commerce-in-app by aud advanced-commerce-api", aca(), judged=ACA_P)
case("profile-auto-aud-other-case", "aud Promotional-Offer: auto still picks promotional-offer, whose claims.aud "
     "says the case is wrong", promo(aud="Promotional-Offer"), errors=["claims.aud"], judged=PROMO_P)
case("profile-auto-aud-array", "aud [\"introductory-offer-eligibility\"]: auto picks the profile, claims.aud refuses "
     "the array", intro(aud=["introductory-offer-eligibility"]), errors=["claims.aud"], judged=INTRO_P)
case("profile-auto-uppercase-nonce-fractional-iat", "Apple's Swift library's layout: an upper-case nonce and a "
     "fractional iat", promo(nonce=NONCE.upper(), iat=NOW - 29.75), judged=PROMO_P)
case("profile-pinned-server-token-as-promotional-offer", "the clean server API token under --profile promotional-offer",
     T, profile=PROMO_P,
     errors=["claims.exp", "claims.aud", "claims.nonce", "claims.productId", "claims.offerIdentifier"])
case("profile-pinned-promotional-offer-as-introductory", "a promotional offer signature under --profile "
     "introductory-offer-eligibility", promo(), profile=INTRO_P,
     errors=["claims.aud", "claims.allowIntroductoryOffer"])
case("profile-pinned-advanced-commerce-as-server", "an Advanced Commerce in-app request under --profile "
     "app-store-server-api", aca(), profile="app-store-server-api", errors=["claims.exp", "claims.aud"])
case("profile-pinned-server-token-as-app-store-connect", "the clean server API token under --profile "
     "app-store-connect-api: bid says it is a server API token", T, profile=ASC_P, errors=["claims.bid"])
case("profile-app-store-connect-team-key", "an App Store Connect API team key's token, 15 minutes",
     asc(), profile=ASC_P)
case("profile-app-store-connect-individual-key", "an App Store Connect API individual key's token: sub user, no iss",
     tok(claims=ASC_INDIVIDUAL), profile=ASC_P)
case("profile-app-store-connect-under-auto", "an App Store Connect API team key's token under auto: judged as a "
     "server API token, which needs bid", asc(), errors=["claims.bid"])

# ---------------------------------------------------------------------------------------
group("claims.nonce")
case("nonce-missing", "a promotional offer signature without nonce", promo(nonce=DROP), errors=["claims.nonce"],
     judged=PROMO_P)
case("nonce-not-uuid", "nonce \"12345\"", intro(nonce="12345"), errors=["claims.nonce"], judged=INTRO_P)
case("nonce-number", "nonce 42", aca(nonce=42), errors=["claims.nonce"], judged=ACA_P)
case("nonce-braces", "nonce in braces, as .NET writes GUIDs", promo(nonce="{" + NONCE + "}"), errors=["claims.nonce"],
     judged=PROMO_P)
# twins
case("nonce-uppercase", "an upper-case nonce (Apple's Swift library)", intro(nonce=NONCE.upper()), judged=INTRO_P)
case("nonce-absent-server-token", "a server API token without nonce: not checked there", T)

# ---------------------------------------------------------------------------------------
group("claims.productId")
case("product-missing", "no productId", promo(productId=DROP), errors=["claims.productId"], judged=PROMO_P)
case("product-empty", "productId \"\"", intro(productId=""), errors=["claims.productId"], judged=INTRO_P)
case("product-array", "productId [\"com.example.app.monthly\"]", promo(productId=[PRODUCT]),
     errors=["claims.productId"], judged=PROMO_P)
# twin
case("product-present", "productId com.example.app.monthly", intro(), judged=INTRO_P)

# ---------------------------------------------------------------------------------------
group("claims.offerIdentifier")
case("offer-identifier-missing", "no offerIdentifier", promo(offerIdentifier=DROP), errors=["claims.offerIdentifier"],
     judged=PROMO_P)
case("offer-identifier-padded", "offerIdentifier \" winback.50\"", promo(offerIdentifier=" winback.50"),
     errors=["claims.offerIdentifier"], judged=PROMO_P)
# twin
case("offer-identifier-present", "offerIdentifier winback.50", promo(), judged=PROMO_P)

# ---------------------------------------------------------------------------------------
group("claims.transactionId")
case("transaction-missing-introductory", "introductory offer eligibility without transactionId (required)",
     intro(transactionId=DROP), errors=["claims.transactionId"], judged=INTRO_P)
case("transaction-number", "transactionId as a JSON number", promo(transactionId=2000000123456789),
     errors=["claims.transactionId"], judged=PROMO_P)
case("transaction-null", "transactionId null (Apple's libraries leave it out instead)", promo(transactionId=None),
     errors=["claims.transactionId"], judged=PROMO_P)
case("transaction-uuid", "transactionId a UUID (an app account token?)", intro(transactionId=NONCE),
     warnings=["claims.transactionId"], judged=INTRO_P)
# twin
case("transaction-absent-promotional", "a promotional offer signature without transactionId (optional)",
     promo(transactionId=DROP), judged=PROMO_P)

# ---------------------------------------------------------------------------------------
group("claims.allowIntroductoryOffer")
case("allow-intro-missing", "no allowIntroductoryOffer", intro(allowIntroductoryOffer=DROP),
     errors=["claims.allowIntroductoryOffer"], judged=INTRO_P)
case("allow-intro-string", "allowIntroductoryOffer \"true\"", intro(allowIntroductoryOffer="true"),
     errors=["claims.allowIntroductoryOffer"], judged=INTRO_P)
case("allow-intro-number", "allowIntroductoryOffer 1", intro(allowIntroductoryOffer=1),
     errors=["claims.allowIntroductoryOffer"], judged=INTRO_P)
# twin
case("allow-intro-false", "allowIntroductoryOffer false", intro(allowIntroductoryOffer=False), judged=INTRO_P)

# ---------------------------------------------------------------------------------------
group("claims.request")
_req = dict(REQUEST_ONE_TIME)
case("request-missing", "no request claim", aca(request=DROP), errors=["claims.request"], judged=ACA_P)
case("request-object", "request as a JSON object, not base64", aca(request=REQUEST_ONE_TIME), errors=["claims.request"],
     judged=ACA_P)
case("request-base64url", "request in base64url (the JWS alphabet), unpadded",
     aca(request=b64u(json.dumps({**_req, "taxCode": "C003-00-1??>"}).encode())), errors=["claims.request"],
     judged=ACA_P)
case("request-unpadded", "request in standard base64 without padding",
     aca(request=b64std(json.dumps({**_req, "currency": "EURO"}).encode())),
     errors=["claims.request", "claims.request"], judged=ACA_P)
case("request-not-json", "request decodes to text that is not JSON", aca(request=req(b"operation=CREATE")),
     errors=["claims.request"], judged=ACA_P)
case("request-no-operation-version", "operation and version left out (Apple's Python library 3.1.0)",
     aca(request=req(_with(_req, {"operation": DROP, "version": DROP}))),
     errors=["claims.request", "claims.request"], judged=ACA_P)
case("request-unknown-operation", "operation CREATE_CONSUMABLE", aca(request=req({**_req, "operation": "CREATE_CONSUMABLE"})),
     errors=["claims.request"], judged=ACA_P)
case("request-version-number", "version 1 as a number and a requestReferenceId that is not a UUID",
     aca(request=req({**_req, "version": 1, "requestInfo": {"requestReferenceId": "order-17"}})),
     errors=["claims.request", "claims.request"], judged=ACA_P)
case("request-one-time-charge-incomplete", "a one-time charge without taxCode, its price a string",
     aca(request=req(_with(_req, {"taxCode": DROP, "item": {**_req["item"], "price": "4.99"}}))),
     errors=["claims.request", "claims.request"], judged=ACA_P)
case("request-subscription-no-period", "a new subscription without period, its displayName 31 characters",
     aca(request=req({"operation": "CREATE_SUBSCRIPTION", "version": "1",
                      "requestInfo": {"requestReferenceId": "f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"},
                      "currency": "USD", "taxCode": "C003-00-1",
                      "descriptors": {"description": "Pro features", "displayName": "P" * 31},
                      "items": [{"SKU": "pro", "description": "Pro", "displayName": "Pro", "price": 9990}]})),
     errors=["claims.request", "claims.request"], judged=ACA_P)
case("request-modify-no-retain", "a modification without retainBillingCycle",
     aca(request=req({"operation": "MODIFY_SUBSCRIPTION", "version": "1",
                      "requestInfo": {"requestReferenceId": "f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"},
                      "transactionId": TXN})),
     errors=["claims.request"], judged=ACA_P)
# twins
case("request-reactivate", "a reactivation", aca(request=req({
    "operation": "REACTIVATE_SUBSCRIPTION", "version": "1",
    "requestInfo": {"requestReferenceId": "f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"}, "transactionId": TXN})),
    judged=ACA_P)
case("request-subscription", "a new subscription with an offer-free item and an app account token", aca(request=req({
    "operation": "CREATE_SUBSCRIPTION", "version": "1",
    "requestInfo": {"requestReferenceId": "f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e",
                    "appAccountToken": "7e3fb20b-4cdb-47cc-936d-99d65f608138"},
    "currency": "EUR", "taxCode": "C003-00-1", "descriptors": {"description": "Pro features", "displayName": "Pro"},
    "items": [{"SKU": "pro.monthly", "description": "Pro, monthly", "displayName": "Pro", "price": 9990}],
    "period": "P1M"})), judged=ACA_P)
case("request-modify", "a modification adding an item", aca(request=req({
    "operation": "MODIFY_SUBSCRIPTION", "version": "1",
    "requestInfo": {"requestReferenceId": "f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"}, "transactionId": TXN,
    "retainBillingCycle": True, "addItems": [{"SKU": "pro.extra", "description": "Extra", "displayName": "Extra",
                                              "price": 1990}]})), judged=ACA_P)

# ---------------------------------------------------------------------------------------
group("claims.iat")
case("iat-in-app-missing", "a promotional offer signature without iat: required there", promo(iat=DROP),
     errors=["claims.iat"], judged=PROMO_P)
case("iat-in-app-25-hours", "an introductory offer eligibility signature issued 25 hours ago",
     intro(iat=NOW - 25 * 3600), warnings=["claims.iat"], judged=INTRO_P)
case("iat-in-app-future", "an Advanced Commerce request issued 2 minutes ahead", aca(iat=NOW + 120),
     errors=["claims.iat"], judged=ACA_P)
case("iat-in-app-23-hours", "a promotional offer signature issued 23 hours ago", promo(iat=NOW - 23 * 3600),
     judged=PROMO_P)

# ---------------------------------------------------------------------------------------
group("claims.exp")
case("exp-in-app-present", "a promotional offer signature with exp (Apple refuses it)", promo(exp=NOW + 300),
     errors=["claims.exp"], judged=PROMO_P)
case("exp-in-app-null", "an Advanced Commerce request with exp null", aca(exp=None), errors=["claims.exp"], judged=ACA_P)
case("exp-app-store-connect-missing", "an App Store Connect API token without exp", asc(exp=DROP), profile=ASC_P,
     errors=["claims.exp"])
case("exp-in-app-absent", "an introductory offer eligibility signature, no exp", intro(), judged=INTRO_P)

# ---------------------------------------------------------------------------------------
group("claims.lifetime")
case("lifetime-app-store-connect-1201", "an App Store Connect API token living 1201 s", asc(exp=NOW - 30 + 1201),
     profile=ASC_P, errors=["claims.lifetime"])
case("lifetime-app-store-connect-1200", "an App Store Connect API token living exactly 20 minutes",
     asc(exp=NOW - 30 + 1200), profile=ASC_P, warnings=["claims.lifetime"])
case("lifetime-app-store-connect-30-days-apps", "30 days, scope GET /v1/apps (not a long-lived resource)",
     asc(exp=NOW - 30 + 30 * 86400, scope=["GET /v1/apps"]), profile=ASC_P, errors=["claims.lifetime"])
case("lifetime-app-store-connect-30-days-post", "30 days, a POST in the scope",
     asc(exp=NOW - 30 + 30 * 86400, scope=["GET /v1/ciBuildRuns", "POST /v1/ciBuildRuns"]), profile=ASC_P,
     errors=["claims.lifetime"])
case("lifetime-app-store-connect-208-days", "208 days, GET-only on Build Runs: over six months",
     asc(exp=NOW - 30 + 208 * 86400, scope=["GET /v1/ciBuildRuns"]), profile=ASC_P, errors=["claims.lifetime"])
case("lifetime-app-store-connect-30-days-no-scope", "30 days, no scope", asc(exp=NOW - 30 + 30 * 86400),
     profile=ASC_P, errors=["claims.lifetime"])
case("lifetime-app-store-connect-1140", "an App Store Connect API token living 1140 s", asc(exp=NOW - 30 + 1140),
     profile=ASC_P)
case("lifetime-app-store-connect-long-lived", "180 days, GET-only on Build Runs, Products' workflows and an app's "
     "power metrics", asc(exp=NOW - 30 + 180 * 86400, scope=[
         "GET /v1/ciBuildRuns?limit=200", "GET /v1/ciProducts/1/workflows", "GET /v1/apps/1/perfPowerMetrics"]),
     profile=ASC_P)

# ---------------------------------------------------------------------------------------
group("claims.iss")
case("iss-app-store-connect-individual-with-iss", "sub user and iss both", asc(sub="user"), profile=ASC_P,
     errors=["claims.iss"])
case("iss-app-store-connect-neither", "neither iss nor sub", asc(iss=DROP), profile=ASC_P, errors=["claims.iss"])
case("iss-in-app-missing", "an Advanced Commerce request without iss", aca(iss=DROP), errors=["claims.iss"],
     judged=ACA_P)
case("iss-app-store-connect-individual", "an individual key's token: no iss needed", tok(claims=ASC_INDIVIDUAL),
     profile=ASC_P)

# ---------------------------------------------------------------------------------------
group("claims.sub")
case("sub-capitalised", "sub \"User\" and no iss: neither key kind", tok(claims=_with(ASC_INDIVIDUAL, {"sub": "User"})), profile=ASC_P,
     errors=["claims.sub", "claims.iss"])
case("sub-key-id", "sub the key ID and no iss", tok(claims=_with(ASC_INDIVIDUAL, {"sub": "TESTKEYA01"})), profile=ASC_P,
     errors=["claims.sub", "claims.iss"])
case("sub-number", "sub 1, with iss", asc(sub=1), profile=ASC_P, errors=["claims.sub"])
case("sub-user", "sub user", tok(claims=ASC_INDIVIDUAL), profile=ASC_P)

# ---------------------------------------------------------------------------------------
group("claims.scope")
case("scope-string", "scope a string, not an array", asc(scope="GET /v1/apps"), profile=ASC_P, errors=["claims.scope"])
case("scope-empty", "scope []", asc(scope=[]), profile=ASC_P, errors=["claims.scope"])
case("scope-lowercase-method", "scope [\"get /v1/apps\"]", asc(scope=["get /v1/apps"]), profile=ASC_P,
     errors=["claims.scope"])
case("scope-full-url-and-no-method", "a full URL, and an entry without method",
     asc(scope=["GET https://api.appstoreconnect.apple.com/v1/apps", "/v1/builds"]), profile=ASC_P,
     errors=["claims.scope", "claims.scope"])
case("scope-valid", "two entries with a query", asc(scope=["GET /v1/apps?filter[platform]=IOS", "PATCH /v1/apps/1"]),
     profile=ASC_P)

# ---------------------------------------------------------------------------------------
group("claims.bid")
case("bid-app-store-connect", "an App Store Connect API token with bid", asc(bid=BID), profile=ASC_P,
     errors=["claims.bid"])
case("bid-in-app-missing", "an introductory offer eligibility signature without bid", intro(bid=DROP),
     errors=["claims.bid"], judged=INTRO_P)
case("bid-in-app-present", "a promotional offer signature with --bundle-id", promo(), bundle_id=BID, judged=PROMO_P)

# ---------------------------------------------------------------------------------------
group("claims.aud")
case("aud-in-app-server-audience", "a promotional offer signature with aud appstoreconnect-v1 under --profile "
     "promotional-offer", promo(aud=AUD), profile=PROMO_P, errors=["claims.aud"])
case("aud-in-app-exact", "advanced-commerce-api under --profile advanced-commerce-in-app", aca(), profile=ACA_P)

# =========================================================================================
# Samples for the main job (Vectors/samples/tokens.txt): no error, a few warnings.
# =========================================================================================

SAMPLES: list[tuple[str, str, str, list[str]]] = []   # (id, description, line, expected warnings)


def sample(id: str, description: str, line, warnings=()):
    SAMPLES.append((id, description, str(line), list(warnings)))


sample("swift-library", "Apple's Swift library style: JWTKit header, claims exp/iss/bid/aud/iat, iat = now, "
       "exp = now + 5 min",
       tok(header={"alg": "ES256", "kid": "TESTKEYA01", "typ": "JWT"},
           claims={"exp": NOW + 300, "iss": ISS, "bid": BID, "aud": AUD, "iat": NOW}))
sample("python-library", "Apple's Python library style (PyJWT, sorted header): bid/iss/aud/exp, no iat",
       tok(header={"alg": "ES256", "kid": "TESTKEYA01", "typ": "JWT"},
           claims={"bid": BID, "iss": ISS, "aud": AUD, "exp": NOW + 300}), ["claims.iat"])
sample("node-library", "Apple's Node library style (jsonwebtoken): header alg/typ/kid, claims bid/iat/exp/aud/iss",
       tok(header={"alg": "ES256", "typ": "JWT", "kid": "TESTKEYA01"},
           claims={"bid": BID, "iat": NOW - 5, "exp": NOW + 295, "aud": AUD, "iss": ISS}))
sample("java-library", "Apple's Java library style (java-jwt): header kid/typ/alg, claims aud/iss/bid/exp, no iat",
       tok(header={"kid": "TESTKEYA01", "typ": "JWT", "alg": "ES256"},
           claims={"aud": AUD, "iss": ISS, "bid": BID, "exp": NOW + 240}), ["claims.iat"])
sample("bearer", "the clean token in `Bearer <token>` form", f"Bearer {T}")
sample("authorization-header", "the clean token as a whole header line `Authorization: Bearer <token>`",
       f"Authorization: Bearer {T}")
sample("lifetime-3590", "exp - iat = 3590 s: within 60 s of Apple's one-hour limit",
       tok(claims=C(exp=NOW - 30 + 3590)), ["claims.lifetime"])
sample("typ-lowercase", "typ \"jwt\" in lower case", tok(header=H(typ="jwt")), ["header.typ"])
sample("no-typ", "no typ header (a habit from APNs provider tokens)", tok(header=H(typ=DROP)), ["header.typ"])
sample("legacy-nonce", "a 2021-era token that still sends a nonce claim", tok(claims=C(nonce="6edffe66-b482-11eb-8529-0242ac130003")))
sample("iat-within-leeway", "iat 45 s ahead of now (inside the 60 s leeway)", tok(claims=C(iat=NOW + 45, exp=NOW + 345)))

group("sample")
for _id, _desc, _line, _warn in SAMPLES:
    case(f"sample-{_id}", f"samples/tokens.txt: {_desc}", _line, warnings=_warn)


# =========================================================================================
# Output
# =========================================================================================

def write_cases() -> None:
    out = {
        "description": "jwtlint lint cases (generated by Vectors/gen/cases.py; do not edit). Each case: the exact "
                       "input line, the lint options, and the COMPLETE list of (rule, severity) findings in any "
                       "order. Keys are TEST-ONLY keys under Vectors/keys/. See Vectors/README.md for the contract.",
        "now": NOW,
        "defaults": {"key": KEY_A, "kid": None, "issuer": None, "bundleId": None, "now": NOW, "leeway": LEEWAY,
                     "profile": "auto"},
        "cases": CASES,
    }
    path = VECTORS / "lint" / "cases.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")


# The failing sample the README shows right below the main job: the classic 401 of a case above.
FAILING_SAMPLE = "combined-milliseconds-no-bid"


def write_samples() -> None:
    d = VECTORS / "samples"
    d.mkdir(exist_ok=True)
    (d / "tokens.txt").write_text("".join(line + "\n" for _, _, line, _ in SAMPLES))
    failing = next(c for c in CASES if c["id"] == FAILING_SAMPLE)
    (d / "failing.txt").write_text(failing["token"] + "\n")
    rows = []
    for n, (id, desc, line, warnings) in enumerate(SAMPLES, 1):
        say = ", ".join(f"`{w}` warning" for w in warnings) if warnings else "no findings"
        rows.append(f"| {n} | `{id}` | {desc} | {say} |")
    total_w = sum(len(w) for *_, w in SAMPLES)
    (d / "README.md").write_text(f"""# Sample tokens (TEST ONLY)

`tokens.txt` holds {len(SAMPLES)} inputs, one per line, all signed with the test key
`Vectors/keys/SubscriptionKey_TESTKEYA01.p8` for the fixed time {NOW} (2026-01-01T00:00:00Z).
They are for trying the main job by hand and for end-to-end tests. The main job checks them with the key's
public half, as a CI box should (no private key there, and so no warning about its file):

```
jwtlint lint --key Vectors/keys/TESTKEYA01.pub.pem --kid TESTKEYA01 --now {NOW} - < Vectors/samples/tokens.txt
```

Expected: exit status 0 (no error), {total_w} warnings in total, as below. Without `--now` the real
clock has long passed their `exp`, so expect errors. The same lines are in `lint/cases.json` as the
`sample-*` cases, so the test suite checks these expectations too.

`failing.txt` holds one token that fails (the case `{FAILING_SAMPLE}`: `iat` and `exp` in milliseconds and no
`bid`, the classic 401): the same command on it exits 1 with three errors, each with its fix.

Generated by `Vectors/gen/cases.py` (run `Vectors/generate.sh`); do not edit by hand.

| Line | Id | What it is | jwtlint should say |
|---|---|---|---|
""" + "\n".join(rows) + "\n")


if __name__ == "__main__":
    write_cases()
    write_samples()
    n_err = sum(1 for c in CASES if c["exit"] == 1)
    print(f"lint/cases.json: {len(CASES)} cases ({n_err} exit 1, {len(CASES) - n_err} exit 0); "
          f"samples/tokens.txt: {len(SAMPLES)} lines")
