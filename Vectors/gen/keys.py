"""Generate the corpus's TEST-ONLY keys under Vectors/keys/.

Keys are random, so they are generated only when missing (or with --new-keys): new keys change
every token in the corpus. Everything derived from a key (public PEMs, JWKs, the certificate,
the encrypted copy, the truncated copy, keys/index.json) is rewritten on every run from the
private keys on disk, so it never drifts from them.

Layouts (DER of the PKCS#8 PrivateKeyInfo inside the PEM):
  SubscriptionKey_TESTKEYA01.p8  150 bytes, `MIGTAgEA…`: ECPrivateKey with [0] parameters and [1]
                                 public key (the layout of keys downloaded from App Store Connect).
  AuthKey_TESTKEYB02.p8          138 bytes, `MIGHAgEA…`: ECPrivateKey with [1] public key but no [0]
                                 parameters (OpenSSL's default; the layout of Apple's own
                                 testSigningKey.p8).
  SubscriptionKey_TESTKEYC03.p8   67 bytes, `MEECAQAw…`: ECPrivateKey with neither [0] nor [1]
                                 (`openssl ec -no_public`): the public key must be derived from d.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import textwrap
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

sys.path.insert(0, str(Path(__file__).resolve().parent))
from jws import P256_P, VECTORS, b64u  # noqa: E402

KEYS = VECTORS / "keys"
BAD = KEYS / "bad"

A = KEYS / "SubscriptionKey_TESTKEYA01.p8"
B = KEYS / "AuthKey_TESTKEYB02.p8"
C = KEYS / "SubscriptionKey_TESTKEYC03.p8"
RSA_KEY = BAD / "rsa.p8"
P384_KEY = BAD / "p384.p8"
GARBAGE = BAD / "garbage.p8"

# DER pieces
ALG_ID_EC_P256 = bytes.fromhex("301306072a8648ce3d020106082a8648ce3d030107")  # id-ecPublicKey, prime256v1
PARAMS_P256 = bytes.fromhex("a00a06082a8648ce3d030107")                     # [0] namedCurve prime256v1

PREFIX_A = "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg"
PREFIX_B = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg"
PREFIX_C = "MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBC"  # next char mixes in bits of d


def der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    if n < 0x100:
        return bytes([0x81, n])
    return bytes([0x82, n >> 8, n & 0xFF])


def tlv(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + der_len(len(content)) + content


def pkcs8_der(key: ec.EllipticCurvePrivateKey, *, params: bool, public: bool) -> bytes:
    """PKCS#8 PrivateKeyInfo for a P-256 key, with the inner ECPrivateKey fields chosen explicitly."""
    d = key.private_numbers().private_value.to_bytes(32, "big")
    inner = tlv(0x02, b"\x01") + tlv(0x04, d)
    if params:
        inner += PARAMS_P256
    if public:
        point = key.public_key().public_bytes(serialization.Encoding.X962,
                                              serialization.PublicFormat.UncompressedPoint)
        inner += tlv(0xA1, tlv(0x03, b"\x00" + point))
    ec_private_key = tlv(0x30, inner)
    return tlv(0x30, tlv(0x02, b"\x00") + ALG_ID_EC_P256 + tlv(0x04, ec_private_key))


def pem(label: str, der: bytes, *, final_newline: bool = True) -> bytes:
    import base64
    body = "\n".join(textwrap.wrap(base64.b64encode(der).decode(), 64))
    text = f"-----BEGIN {label}-----\n{body}\n-----END {label}-----"
    return (text + ("\n" if final_newline else "")).encode()


def pem_body_der(path: Path) -> bytes:
    import base64
    lines = path.read_text().strip().splitlines()
    return base64.b64decode("".join(l for l in lines if not l.startswith("-----")))


def public_pem(key) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def jwk(public_key, kid=None) -> dict:
    nums = public_key.public_numbers()
    size = (public_key.curve.key_size + 7) // 8
    crv = {"secp256r1": "P-256", "secp384r1": "P-384"}[public_key.curve.name]
    out = {"kty": "EC", "crv": crv, "x": b64u(nums.x.to_bytes(size, "big")), "y": b64u(nums.y.to_bytes(size, "big"))}
    if kid is not None:
        out["kid"] = kid
    return out


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_json(path: Path, obj) -> None:
    write(path, (json.dumps(obj, indent=2) + "\n").encode())


def generate_random_keys(force: bool) -> None:
    """The random material: three P-256 keys, the RSA and P-384 keys, the garbage bytes."""
    if force or not A.exists():
        k = ec.generate_private_key(ec.SECP256R1())
        # No newline after the END line, like the .p8 files App Store Connect hands out.
        write(A, pem("PRIVATE KEY", pkcs8_der(k, params=True, public=True), final_newline=False))
    if force or not B.exists():
        k = ec.generate_private_key(ec.SECP256R1())
        write(B, pem("PRIVATE KEY", pkcs8_der(k, params=False, public=True)))
    if force or not C.exists():
        k = ec.generate_private_key(ec.SECP256R1())
        write(C, pem("PRIVATE KEY", pkcs8_der(k, params=False, public=False)))
    if force or not RSA_KEY.exists():
        k = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        write(RSA_KEY, k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    if force or not P384_KEY.exists():
        k = ec.generate_private_key(ec.SECP384R1())
        write(P384_KEY, k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption()))
    if force or not GARBAGE.exists():
        write(GARBAGE, os.urandom(256))


def derive_files() -> None:
    """Everything that follows from the private keys on disk."""
    load = lambda p, pw=None: serialization.load_pem_private_key(p.read_bytes(), password=pw)  # noqa: E731
    key_a, key_b, key_c = load(A), load(B), load(C)
    key_rsa, key_p384 = load(RSA_KEY), load(P384_KEY)

    # Layout checks (the point of having A, B and C).
    for path, prefix, size in ((A, PREFIX_A, 150), (B, PREFIX_B, 138), (C, PREFIX_C, 67)):
        der = pem_body_der(path)
        body = path.read_text().splitlines()[1]
        assert body.startswith(prefix), (path.name, body[:48])
        assert len(der) == size, (path.name, len(der))
    assert not A.read_bytes().endswith(b"\n")

    write(KEYS / "TESTKEYA01.pub.pem", public_pem(key_a))
    write(KEYS / "TESTKEYB02.pub.pem", public_pem(key_b))
    write(KEYS / "TESTKEYC03.pub.pem", public_pem(key_c))
    write_json(KEYS / "TESTKEYA01.jwk.json", jwk(key_a.public_key(), "TESTKEYA01"))

    # --- keys that must be refused -----------------------------------------------
    write(BAD / "p384.pub.pem", public_pem(key_p384))
    write(BAD / "rsa.pub.pem", public_pem(key_rsa))
    write_json(BAD / "jwk-p384.json", jwk(key_p384.public_key(), "TESTKEYP38"))
    off = jwk(key_a.public_key(), "TESTKEYA01")
    y = key_a.public_key().public_numbers().y
    off["y"] = b64u(((y + 1) % P256_P).to_bytes(32, "big"))  # (x, y+1) is not on P-256
    write_json(BAD / "jwk-off-curve.json", off)
    # Key A's JWK with its private "d": refused, since a private JWK has no place where tokens are linted.
    private = jwk(key_a.public_key(), "TESTKEYA01")
    private["d"] = b64u(key_a.private_numbers().private_value.to_bytes(32, "big"))
    write_json(BAD / "jwk-private.json", private)

    # Encrypted PKCS#8 of key A, password "test". Re-encrypting would give new random salt/IV on
    # every run, so keep the file while it still decrypts to key A.
    enc = BAD / "encrypted.p8"
    keep = False
    if enc.exists():
        try:
            keep = load(enc, b"test").private_numbers() == key_a.private_numbers()
        except Exception:
            keep = False
    if not keep:
        write(enc, key_a.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.BestAvailableEncryption(b"test")))
    assert enc.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")

    # Self-signed certificate for key A (a certificate is not a key file). Same reuse rule.
    cert_path = BAD / "certificate.pem"
    keep = False
    if cert_path.exists():
        try:
            cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
            keep = cert.public_key().public_numbers() == key_a.public_key().public_numbers()
        except Exception:
            keep = False
    if not keep:
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "jwtlint TEST ONLY key TESTKEYA01")])
        cert = (x509.CertificateBuilder()
                .subject_name(name).issuer_name(name)
                .public_key(key_a.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))
                .not_valid_after(datetime.datetime(2036, 1, 1, tzinfo=datetime.timezone.utc))
                .sign(key_a, hashes.SHA256()))
        write(cert_path, cert.public_bytes(serialization.Encoding.PEM))

    write(BAD / "empty.p8", b"")
    write(BAD / "not-pem.p8", b"hello")
    # Key A's PEM with the base64 body cut in half (header and footer kept).
    lines = A.read_text().splitlines()
    body = "".join(lines[1:-1])
    half = body[: len(body) // 2]
    write(BAD / "truncated.p8", ("-----BEGIN PRIVATE KEY-----\n" + "\n".join(textwrap.wrap(half, 64))
                                 + "\n-----END PRIVATE KEY-----\n").encode())

    write_index(key_a, key_b, key_c)


def write_index(key_a, key_b, key_c) -> None:
    """keys/index.json: what each key file is and whether jwtlint must accept it."""
    def ok(path, kind, file_kid, pub):
        return {"path": str(path.relative_to(VECTORS)), "usable": True, "kind": kind,
                "fileNameKid": file_kid, "publicKeyJwk": jwk(pub.public_key() if hasattr(pub, "public_key") else pub)}

    def bad(name, why):
        return {"path": f"keys/bad/{name}", "usable": False, "reason": why}

    entries = [
        ok(A, "PKCS#8 EC P-256 private key, 150-byte DER (MIGTAgEA…, [0] params + [1] public key)", "TESTKEYA01", key_a),
        ok(B, "PKCS#8 EC P-256 private key, 138-byte DER (MIGHAgEA…, [1] public key, no [0] params)", "TESTKEYB02", key_b),
        ok(C, "PKCS#8 EC P-256 private key, 67-byte DER (MEECAQAw…, no [0] params, no [1] public key)", "TESTKEYC03", key_c),
        ok(KEYS / "TESTKEYA01.pub.pem", "SPKI public key of TESTKEYA01", None, key_a),
        ok(KEYS / "TESTKEYB02.pub.pem", "SPKI public key of TESTKEYB02", None, key_b),
        ok(KEYS / "TESTKEYC03.pub.pem", "SPKI public key of TESTKEYC03", None, key_c),
        ok(KEYS / "TESTKEYA01.jwk.json", "public EC JWK of TESTKEYA01 (carries \"kid\":\"TESTKEYA01\")", None, key_a),
        bad("p384.p8", "PKCS#8 EC private key on P-384, not P-256"),
        bad("rsa.p8", "PKCS#8 RSA 2048 private key"),
        bad("encrypted.p8", "encrypted PKCS#8 (BEGIN ENCRYPTED PRIVATE KEY; password \"test\", key A inside)"),
        bad("certificate.pem", "a self-signed X.509 certificate for key A, not a key"),
        bad("garbage.p8", "256 random bytes"),
        bad("empty.p8", "empty file"),
        bad("not-pem.p8", "the text \"hello\""),
        bad("p384.pub.pem", "SPKI public key on P-384"),
        bad("rsa.pub.pem", "SPKI RSA public key"),
        bad("jwk-p384.json", "EC JWK with crv P-384"),
        bad("jwk-off-curve.json", "P-256 JWK whose (x, y) is not on the curve (key A's x, y+1)"),
        bad("jwk-private.json", "key A's P-256 JWK with its private \"d\" member (a private JWK is refused)"),
        bad("truncated.p8", "key A's PEM with the base64 body cut in half"),
        bad("missing.p8", "does not exist (for the missing-file error)"),
    ]
    write_json(KEYS / "index.json", {
        "description": "TEST-ONLY keys generated for jwtlint's corpus. Never use them for anything real. "
                       "usable=false: `jwtlint lint --key FILE` must exit 2 with one stderr line naming the file.",
        "keys": entries,
    })


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--new-keys", action="store_true", help="regenerate the random keys (changes every token)")
    args = ap.parse_args()
    generate_random_keys(args.new_keys)
    derive_files()
    print(f"keys: {KEYS.relative_to(VECTORS.parent)} (random keys generated where missing{', all regenerated' if args.new_keys else ''}; derived files rewritten)")


if __name__ == "__main__":
    main()
