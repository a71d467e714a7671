"""Check the generated corpus before anyone relies on it.

- every case in lint/cases.json: the independent model in oracle.py gives exactly the expected
  findings (as a multiset), `exit` agrees with the severities, ids are unique kebab-case;
- every rule has triggering cases and non-triggering twins in its group;
- spot checks with `cryptography`: the clean token verifies with key A (from the .p8, the SPKI PEM
  and the JWK), the DER case really is a DER signature that verifies, the high-S case is high-S and
  valid, the leading-zero cases really have a 0x00 first byte, the size limit cases have the right
  sizes, the key layouts are as documented;
- samples/tokens.txt lines are the sample-* cases and give no error;
- real/tokens.json (when present) tokens verify with key A and lint clean (apart from warnings),
  using their own generatedAt as now.

Exit status 0 when everything holds; otherwise it lists the problems and exits 1.
"""

from __future__ import annotations

import base64
import collections
import json
import re
import sys
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

sys.path.insert(0, str(Path(__file__).resolve().parent))
import oracle  # noqa: E402

VECTORS = Path(__file__).resolve().parent.parent
RULES = [
    "token.format", "token.encoding", "token.json", "token.duplicate-key",
    "header.alg", "header.kid", "header.typ", "header.embedded-key", "header.crit", "header.id",
    "claims.iss", "claims.sub", "claims.iat", "claims.exp", "claims.lifetime", "claims.aud", "claims.bid",
    "claims.nonce", "claims.scope", "claims.productId", "claims.offerIdentifier", "claims.transactionId",
    "claims.allowIntroductoryOffer", "claims.request", "claims.origin",
    "signature.encoding", "signature.range", "signature.mismatch", "signature.unverified",
]

problems: list[str] = []


def check(cond: bool, msg: str) -> None:
    if not cond:
        problems.append(msg)


def b64d(seg: str) -> bytes:
    return base64.urlsafe_b64decode(seg + "=" * (-len(seg) % 4))


def bare(token: str) -> str:
    t = token.strip(" \t")
    t = re.sub(r"(?i)^authorization: ", "", t)
    return t[len("Bearer "):] if t.startswith("Bearer ") else t


def jansson_cross_check(cases) -> int:
    """For every header/payload segment that is valid base64url, jansson's verdict (parse error,
    top-level type, duplicate member) must match the oracle's. Depth is jwtlint's own limit, not
    jansson's, so it is compared separately. Returns the number of segments checked (0 when
    libjansson is not installed)."""
    import ctypes
    import ctypes.util
    name = ctypes.util.find_library("jansson")
    if not name:
        return 0
    lib = ctypes.CDLL(name)
    lib.json_loadb.restype = ctypes.c_void_p
    lib.json_loadb.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_void_p]
    lib.json_delete.argtypes = [ctypes.c_void_p]
    REJECT_DUPLICATES, DECODE_ANY = 0x1, 0x4
    err = ctypes.create_string_buffer(512)

    def load(raw: bytes, flags: int):
        v = lib.json_loadb(raw, len(raw), flags, err)
        if not v:
            return None
        kind = ctypes.cast(v, ctypes.POINTER(ctypes.c_int))[0]   # json_t.type; JSON_OBJECT == 0
        lib.json_delete(v)
        return kind

    n = 0
    for c in cases:
        t = bare(c["token"])
        segs = t.split(".")
        if len(segs) != 3 or any(ch.isspace() for ch in t):
            continue
        for seg in segs[:2]:
            raw = oracle.strict_b64url(seg) if seg else None
            if raw is None:
                continue
            n += 1
            kind = load(raw, DECODE_ANY)
            strict = load(raw, DECODE_ANY | REJECT_DUPLICATES)
            jansson_ok = False
            if kind == 0:   # a JSON object; apply jwtlint's own depth limit on top
                try:
                    jansson_ok = oracle._depth(json.loads(raw)) <= oracle.MAX_DEPTH
                except ValueError:
                    jansson_ok = True   # Python refuses what jansson accepts: reported just below
            ours = oracle.parse_json_object(raw)
            check((ours is not None) == jansson_ok,
                  f"{c['id']}: jansson {'accepts' if jansson_ok else 'rejects'} a segment the oracle "
                  f"{'accepts' if ours is not None else 'rejects'}: {raw[:60]!r}")
            if ours is not None and jansson_ok:
                check(ours[1] == (strict is None), f"{c['id']}: duplicate-member verdicts differ: {raw[:60]!r}")
    return n


def main() -> int:
    doc = json.loads((VECTORS / "lint/cases.json").read_text())
    cases = doc["cases"]
    by_id = {c["id"]: c for c in cases}
    check(len(by_id) == len(cases), "duplicate case ids")

    # --- every case against the oracle ---
    for c in cases:
        check(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c["id"]) is not None, f"{c['id']}: id not kebab-case")
        o = {**doc["defaults"], **c["options"]}
        got, judged = oracle.lint(c["token"], key=o["key"], kid=o["kid"], issuer=o["issuer"], bundle_id=o["bundleId"],
                                  now=o["now"], leeway=o["leeway"], base=VECTORS, profile=o["profile"])
        check(judged == c["profile"], f"{c['id']}: oracle judges it as {judged}, case says {c['profile']}")
        want = [(f["rule"], f["severity"]) for f in c["findings"]]
        check(collections.Counter(got) == collections.Counter(want),
              f"{c['id']}: oracle says {sorted(got)}, case says {sorted(want)}")
        check(c["exit"] == (1 if any(s == "error" for _, s in want) else 0), f"{c['id']}: exit disagrees")
        for r, s in want:
            check(r in RULES and s in ("error", "warning"), f"{c['id']}: unknown rule/severity {r}/{s}")
        if o["key"]:
            check((VECTORS / o["key"]).is_file(), f"{c['id']}: key file {o['key']} missing")

    # --- coverage: each rule triggered somewhere, and a non-triggering twin in its group ---
    for rule in RULES:
        trig = [c for c in cases if any(f["rule"] == rule for f in c["findings"])]
        twins = [c for c in cases if c["group"] == rule and not any(f["rule"] == rule for f in c["findings"])]
        check(len(trig) > 0, f"{rule}: no triggering case")
        check(len(twins) > 0, f"{rule}: no non-triggering twin in its group")
    check(by_id["clean"]["findings"] == [], "clean case must have no findings")

    # --- crypto spot checks ---
    key_a = serialization.load_pem_private_key((VECTORS / "keys/SubscriptionKey_TESTKEYA01.p8").read_bytes(), None)
    pub_a = key_a.public_key()
    for path in ("keys/TESTKEYA01.pub.pem", "keys/TESTKEYA01.jwk.json"):
        check(oracle.load_public_key(VECTORS / path).public_numbers() == pub_a.public_numbers(),
              f"{path} is not key A's public key")

    def parts(case_id):
        return bare(by_id[case_id]["token"]).split(".")

    def verifies(h, p, raw) -> bool:
        try:
            r, s = int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
            pub_a.verify(encode_dss_signature(r, s), f"{h}.{p}".encode(), ec.ECDSA(hashes.SHA256()))
            return True
        except Exception:
            return False

    h, p, s = parts("clean")
    check(verifies(h, p, b64d(s)), "clean token does not verify with key A")
    check(json.loads(b64d(h)) == {"alg": "ES256", "kid": "TESTKEYA01", "typ": "JWT"}, "clean header differs")
    check(set(json.loads(b64d(p))) == {"iss", "iat", "exp", "aud", "bid"}, "clean claims differ")

    h, p, s = parts("signature-der")
    der = b64d(s)
    check(der[0] == 0x30 and 68 <= len(der) <= 72 and len(der) != 64, "signature-der is not DER-shaped")
    try:
        r, s_ = decode_dss_signature(der)
        pub_a.verify(der, f"{h}.{p}".encode(), ec.ECDSA(hashes.SHA256()))
    except Exception as e:  # noqa: BLE001
        problems.append(f"signature-der: not a valid DER signature by key A ({e})")

    h, p, s = parts("signature-high-s")
    raw = b64d(s)
    check(int.from_bytes(raw[32:], "big") > oracle.N // 2 and verifies(h, p, raw), "signature-high-s wrong")
    h, p, s = parts("signature-r-leading-zero")
    check(b64d(s)[0] == 0 and verifies(h, p, b64d(s)), "signature-r-leading-zero wrong")
    h, p, s = parts("signature-s-leading-zero")
    check(b64d(s)[32] == 0 and verifies(h, p, b64d(s)), "signature-s-leading-zero wrong")
    h, p, s = parts("signature-raw-starts-like-der")
    check(b64d(s)[0] == 0x30 and len(b64d(s)) == 64 and verifies(h, p, b64d(s)), "signature-raw-starts-like-der wrong")
    h, p, s = parts("encoding-signature-noncanonical-bits")
    check(verifies(h, p, b64d(s)), "noncanonical-bits signature should verify under a lenient decoder")
    check(len(by_id["format-max-length"]["token"]) == oracle.MAX_BYTES, "format-max-length size")
    check(len(by_id["format-too-long"]["token"]) == oracle.MAX_BYTES + 1, "format-too-long size")
    for cid, n in (("signature-63-bytes", 63), ("signature-65-bytes", 65), ("signature-96-bytes", 96),
                   ("signature-empty", 0)):
        check(len(b64d(parts(cid)[2])) == n, f"{cid}: length")
    h, p, s = parts("embedded-attacker-jwk")
    jwk = json.loads(b64d(h))["jwk"]
    att = ec.EllipticCurvePublicNumbers(int.from_bytes(b64d(jwk["x"]), "big"), int.from_bytes(b64d(jwk["y"]), "big"),
                                        ec.SECP256R1()).public_key()
    raw = b64d(s)
    try:
        att.verify(encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")),
                   f"{h}.{p}".encode(), ec.ECDSA(hashes.SHA256()))
    except Exception:  # noqa: BLE001
        problems.append("embedded-attacker-jwk: not signed by the embedded key")

    # --- key layouts ---
    for name, prefix, size in (("SubscriptionKey_TESTKEYA01.p8", "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg", 150),
                               ("AuthKey_TESTKEYB02.p8", "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg", 138),
                               ("SubscriptionKey_TESTKEYC03.p8", "MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBC", 67)):
        lines = (VECTORS / "keys" / name).read_text().splitlines()
        check(lines[0] == "-----BEGIN PRIVATE KEY-----" and lines[1].startswith(prefix), f"{name}: prefix")
        check(len(base64.b64decode("".join(lines[1:-1]))) == size, f"{name}: DER size")
    index = json.loads((VECTORS / "keys/index.json").read_text())
    for entry in index["keys"]:
        path = VECTORS / entry["path"]
        if entry["usable"]:
            check(path.is_file(), f"{entry['path']} missing")
        else:
            try:
                k = oracle.load_public_key(path)
                problems.append(f"{entry['path']}: a 'bad' key loads as P-256 ({k})")
            except Exception:  # noqa: BLE001
                pass

    # --- samples ---
    lines = (VECTORS / "samples/tokens.txt").read_text().splitlines()
    sample_cases = [c for c in cases if c["group"] == "sample"]
    check([c["token"] for c in sample_cases] == lines, "samples/tokens.txt differs from the sample-* cases")
    check(8 <= len(lines) <= 12, "samples: want 8-12 lines")
    for c in sample_cases:
        check(c["exit"] == 0, f"{c['id']}: a sample must not have errors")

    # --- the legacy promotional offer cases: the oracle's findings, and each named mistake re-made and verified ---
    offers = json.loads((VECTORS / "offers/cases.json").read_text())
    offer_key = VECTORS / offers["key"]
    for c in offers["cases"]:
        got = oracle.offer_check(c, offer_key)
        want = [(f["rule"], f["severity"]) for f in c["findings"]]
        check(collections.Counter(got) == collections.Counter(want), f"offers/{c['id']}: oracle says {sorted(got)}, case says {sorted(want)}")
        check(c["exit"] == (1 if want else 0), f"offers/{c['id']}: exit disagrees")
        if c["mistake"]:
            check(oracle.offer_verifies(c, oracle.offer_payload_with(c, c["mistake"]), offer_key),
                  f"offers/{c['id']}: the signature does not verify with the mistake {c['mistake']} made")
    check(any(c["findings"] == [] for c in offers["cases"]), "offers: no clean case")

    # --- the JSON verdicts against jansson itself (the parser jwtlint uses), when it is installed ---
    jansson_checked = jansson_cross_check(cases)

    # --- real tokens ---
    real = VECTORS / "real/tokens.json"
    if real.exists():
        rd = json.loads(real.read_text())
        for t in rd["tokens"]:
            got, judged = oracle.lint(t["token"], key=t.get("key", "keys/SubscriptionKey_TESTKEYA01.p8"), kid=None,
                                      issuer=t.get("issuer", "57246542-96fe-1a63-e053-0824d011072a"),
                                      bundle_id=t.get("bundleId", "com.example.app"), now=rd["generatedAt"], leeway=60,
                                      base=VECTORS, profile=t.get("lintProfile", "auto"))
            check(not any(sev == "error" for _, sev in got), f"real token from {t['source']}: {got}")
            check(judged == t.get("profile", "app-store-server-api"), f"real token from {t['source']}: judged as {judged}")

    if problems:
        print("selfcheck FAILED:")
        for p in problems:
            print("  -", p)
        return 1
    print(f"selfcheck: {len(cases)} lint cases and {len(offers['cases'])} offer cases agree with the oracle; crypto, key layout, sample"
          f"{' and real-token' if real.exists() else ''} checks pass; "
          + (f"jansson agrees on {jansson_checked} JSON segments" if jansson_checked
             else "libjansson not found, jansson cross-check skipped"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
