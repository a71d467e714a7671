"""Byte-exact JWS building blocks for the jwtlint test corpus.

Everything here works on bytes the caller controls: headers and payloads are
either dicts (serialised compactly) or raw bytes (for odd JSON), segments can
be replaced or post-processed, and signatures are computed over the exact
`header.payload` bytes of the token being built.

ECDSA signatures use deterministic nonces (RFC 6979), so rerunning the
generator with the same keys reproduces every token byte for byte.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

VECTORS = Path(__file__).resolve().parent.parent

# P-256 group order n and field prime p (SEC 2, FIPS 186-4 D.1.2.3).
P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
P256_P = 0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF

B64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


# --- base64 -------------------------------------------------------------------

def b64u(data: bytes) -> str:
    """Canonical unpadded base64url (RFC 7515 §2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64u_padded(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def b64std(data: bytes) -> str:
    """Standard alphabet (`+` `/`), unpadded."""
    return base64.b64encode(data).rstrip(b"=").decode("ascii")


def noncanonical_last_char(seg: str) -> str:
    """Same decoded bytes under a lenient decoder, but with non-zero unused trailing bits."""
    rem = len(seg) % 4
    assert rem in (2, 3), f"segment length {len(seg)} has no trailing bits"
    idx = B64URL_ALPHABET.index(seg[-1])
    return seg[:-1] + B64URL_ALPHABET[idx + 1]


def length_1_mod_4(seg: str) -> str:
    """Shortest edit of `seg` that gives a length ≡ 1 (mod 4), which no base64 string can have."""
    rem = len(seg) % 4
    return {0: seg + "A", 2: seg[:-1], 3: seg[:-2]}[rem]


# --- JSON -----------------------------------------------------------------------

def cjson(obj) -> bytes:
    """Compact JSON, member order as given, UTF-8."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def json_variants(obj: dict) -> Iterator[bytes]:
    """Equivalent serialisations of a flat-ish object that differ only in insignificant whitespace.

    Used to find a formatting whose base64url has some property (contains `-`, has a given length
    mod 4, ...), deterministically.
    """
    items = [(json.dumps(k, ensure_ascii=False), json.dumps(v, separators=(",", ":"), ensure_ascii=False))
             for k, v in obj.items()]
    n = len(items)
    for mask in range(1 << (2 * n)):
        parts = []
        for i, (k, v) in enumerate(items):
            sp_colon = " " if mask >> (2 * i) & 1 else ""
            sp_comma = " " if mask >> (2 * i + 1) & 1 else ""
            parts.append(f"{k}:{sp_colon}{v}" + ("," + sp_comma if i < n - 1 else ""))
        yield ("{" + "".join(parts) + "}").encode("utf-8")


def first(candidates: Iterable, predicate: Callable) -> object:
    for c in candidates:
        if predicate(c):
            return c
    raise AssertionError("no candidate satisfies the predicate")


# --- keys and ES256 -----------------------------------------------------------

def load_private(path: Union[str, Path], password: Optional[bytes] = None):
    return serialization.load_pem_private_key(Path(VECTORS, path).read_bytes(), password=password)


def es256_der(key: ec.EllipticCurvePrivateKey, message: bytes) -> bytes:
    return key.sign(message, ec.ECDSA(hashes.SHA256(), deterministic_signing=True))


def es256_raw(key: ec.EllipticCurvePrivateKey, message: bytes) -> bytes:
    """JWS ES256 signature: raw r||s, 32 bytes each (RFC 7518 §3.4)."""
    r, s = decode_dss_signature(es256_der(key, message))
    return rs_to_raw(r, s)


def rs_to_raw(r: int, s: int, width: int = 32) -> bytes:
    return r.to_bytes(width, "big") + s.to_bytes(width, "big")


def raw_to_rs(raw: bytes) -> tuple[int, int]:
    half = len(raw) // 2
    return int.from_bytes(raw[:half], "big"), int.from_bytes(raw[half:], "big")


# --- tokens ---------------------------------------------------------------------

Bytesish = Union[dict, list, bytes, str, int, None]


def _raw(value: Bytesish) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return cjson(value)


@dataclass
class JWS:
    header_json: bytes
    payload_json: bytes
    header_seg: str
    payload_seg: str
    signature: bytes
    signature_seg: str

    @property
    def signing_input(self) -> bytes:
        return f"{self.header_seg}.{self.payload_seg}".encode("ascii")

    @property
    def compact(self) -> str:
        return f"{self.header_seg}.{self.payload_seg}.{self.signature_seg}"

    def __str__(self) -> str:
        return self.compact


Segment = Union[None, str, Callable[[bytes], str]]


def build(header: Bytesish, payload: Bytesish, *,
          signer: Callable[[bytes], bytes],
          header_seg: Segment = None,
          payload_seg: Segment = None,
          signature_seg: Union[None, str, Callable[[bytes], str]] = None) -> JWS:
    """Build a compact JWS.

    header/payload: dict (compact JSON) or raw bytes/str (used verbatim).
    *_seg: None → canonical base64url of the bytes; a function of the raw bytes → segment text;
           a str → used verbatim.
    signer: called with the exact signing input `header_seg.payload_seg` (ASCII bytes).
    signature_seg: None → canonical base64url of the signature; a function of the raw signature
           bytes; or a verbatim string.
    """
    h = _raw(header)
    p = _raw(payload)

    def seg(spec: Segment, data: bytes) -> str:
        if spec is None:
            return b64u(data)
        if callable(spec):
            return spec(data)
        return spec

    hs = seg(header_seg, h)
    ps = seg(payload_seg, p)
    sig = signer(f"{hs}.{ps}".encode("ascii"))
    ss = seg(signature_seg, sig)
    return JWS(h, p, hs, ps, sig, ss)
