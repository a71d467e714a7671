"""Data signed the way the App Store signs it, by a TEST-ONLY chain shaped like Apple's, and the verdict of
Apple's own Python `SignedDataVerifier` on each case.

The chain (Vectors/signed/chain/): a P-384 root, a P-384 intermediate with Apple's intermediate OID
1.2.840.113635.100.6.2.1 and a P-256 leaf with Apple's leaf OID 1.2.840.113635.100.6.11.1, each extension an
ASN.1 NULL as in Apple's certificates, with key identifiers and key usages so that OpenSSL's X509_STRICT
accepts them (Apple's verifier sets it). Keys come from fixed labels and signatures are deterministic (RFC 6979),
so a rerun writes the same bytes. Never trust this root outside tests: its private key is a hash of its label.

Variants for the failures: a leaf and an intermediate without their OIDs, a leaf that expired before the data
was signed, a P-384 leaf, and a second root that the verifier is not given.

Every case records what Apple's verifier (app-store-server-library, pinned in requirements.txt) answers for
the same JWS and settings, online checks off: that is the verdict jwtlint must agree with.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID

VECTORS = Path(__file__).resolve().parent.parent
OUT = VECTORS / "signed"

LEAF_OID = x509.ObjectIdentifier("1.2.840.113635.100.6.11.1")
INTERMEDIATE_OID = x509.ObjectIdentifier("1.2.840.113635.100.6.2.1")
ASN1_NULL = b"\x05\x00"

# 2026-01-01T00:00:00Z, in milliseconds: when every payload here was signed.
SIGNED_DATE = 1767225600000
BUNDLE_ID = "com.example.app"
APP_APPLE_ID = 1234567890


def utc(year: int, month: int = 1, day: int = 1) -> datetime.datetime:
    return datetime.datetime(year, month, day, tzinfo=datetime.timezone.utc)


def key(label: str, curve: ec.EllipticCurve = ec.SECP256R1()) -> ec.EllipticCurvePrivateKey:
    """A private key derived from `label`: the same every run. Test-only, and public by construction."""
    order = {"secp256r1": 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
             "secp384r1": int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973", 16)}[curve.name]
    scalar = int.from_bytes(hashlib.sha512(("jwtlint test chain: " + label).encode()).digest(), "big") % (order - 1) + 1
    return ec.derive_private_key(scalar, curve)


def name(common: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, common),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "jwtlint test chain (TEST ONLY, never trust)"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "jwtlint"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
    ])


def certificate(subject: str, subject_key, issuer: str, issuer_key, serial: int, not_before, not_after, *,
                ca: bool, oid=None, issuer_public=None) -> x509.Certificate:
    """Signed as Apple's CAs sign: ECDSA with SHA-384 by a P-384 issuer, SHA-256 by a P-256 one."""
    public = subject_key.public_key()
    builder = (x509.CertificateBuilder()
               .subject_name(name(subject)).issuer_name(name(issuer))
               .public_key(public).serial_number(serial)
               .not_valid_before(not_before).not_valid_after(not_after)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None if ca else None), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False))
    if issuer_public is not None:
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public), critical=False)
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=False, content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
    else:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
    if oid is not None:
        builder = builder.add_extension(x509.UnrecognizedExtension(oid, ASN1_NULL), critical=False)
    digest = hashes.SHA384() if issuer_key.curve.name == "secp384r1" else hashes.SHA256()
    return builder.sign(issuer_key, digest, ecdsa_deterministic=True)


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


class Chain:
    """The test chain and its variants."""

    def __init__(self):
        # Shaped like Apple's: root and intermediate on P-384 (as Apple Root CA - G3 and WWDR G6), the leaf on P-256.
        self.root_key = key("root", ec.SECP384R1())
        self.root = certificate("jwtlint Test Root CA", self.root_key, "jwtlint Test Root CA", self.root_key, 1,
                                utc(2020), utc(2045), ca=True, issuer_public=self.root_key.public_key())
        self.intermediate_key = key("intermediate", ec.SECP384R1())
        self.intermediate = certificate("jwtlint Test Intermediate CA", self.intermediate_key, "jwtlint Test Root CA",
                                        self.root_key, 2, utc(2020), utc(2040), ca=True, oid=INTERMEDIATE_OID,
                                        issuer_public=self.root_key.public_key())
        self.leaf_key = key("leaf")
        self.leaf = self.leaf_with(self.leaf_key, 3, utc(2025), utc(2028), LEAF_OID)
        self.leaf_without_oid = self.leaf_with(self.leaf_key, 4, utc(2025), utc(2028), None)
        self.expired_leaf = self.leaf_with(self.leaf_key, 5, utc(2023), utc(2024), LEAF_OID)
        self.p384_key = key("leaf p384", ec.SECP384R1())
        self.p384_leaf = self.leaf_with(self.p384_key, 6, utc(2025), utc(2028), LEAF_OID)
        self.intermediate_without_oid = certificate(
            "jwtlint Test Intermediate CA", self.intermediate_key, "jwtlint Test Root CA", self.root_key, 7,
            utc(2020), utc(2040), ca=True, oid=None, issuer_public=self.root_key.public_key())
        # A second, untrusted root with its own intermediate, which signs the same leaf key.
        self.other_root_key = key("other root", ec.SECP384R1())
        self.other_root = certificate("jwtlint Other Test Root CA", self.other_root_key, "jwtlint Other Test Root CA",
                                      self.other_root_key, 8, utc(2020), utc(2045), ca=True,
                                      issuer_public=self.other_root_key.public_key())
        self.other_intermediate = certificate(
            "jwtlint Test Intermediate CA", self.intermediate_key, "jwtlint Other Test Root CA", self.other_root_key, 9,
            utc(2020), utc(2040), ca=True, oid=INTERMEDIATE_OID, issuer_public=self.other_root_key.public_key())
        self.other_leaf = self.leaf_with(self.leaf_key, 10, utc(2025), utc(2028), LEAF_OID,
                                         issuer_key=self.intermediate_key)

    def leaf_with(self, subject_key, serial, not_before, not_after, oid, issuer_key=None):
        return certificate("jwtlint Test Signing Leaf", subject_key, "jwtlint Test Intermediate CA",
                           issuer_key or self.intermediate_key, serial, not_before, not_after, ca=False, oid=oid,
                           issuer_public=(issuer_key or self.intermediate_key).public_key())

    def x5c(self, *certs) -> list[str]:
        return [base64.b64encode(der(c)).decode("ascii") for c in certs]


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jws(header: dict, payload: dict, signing_key, *, header_bytes: bytes | None = None, payload_bytes: bytes | None = None,
        encode=None) -> str:
    """A compact JWS signed with `signing_key` (raw r||s). `encode` writes the header and payload segments (canonical
    base64url unless given), and the signature covers them as written."""
    encode = encode or b64u
    head = encode(header_bytes if header_bytes is not None else json.dumps(header, separators=(",", ":")).encode())
    body = encode(payload_bytes if payload_bytes is not None else json.dumps(payload, separators=(",", ":")).encode())
    signing_input = (head + "." + body).encode()
    signature = signing_key.sign(signing_input, ec.ECDSA(hashes.SHA256(), deterministic_signing=True))
    r, s = decode_dss_signature(signature)
    size = (signing_key.curve.key_size + 7) // 8
    return head + "." + body + "." + b64u(r.to_bytes(size, "big") + s.to_bytes(size, "big"))


# --- payloads, shaped as Apple's documentation and its libraries' models give them ------------------------------

def transaction(environment="Sandbox", bundle_id=BUNDLE_ID, **extra) -> dict:
    payload = {
        "transactionId": "2000000123456789", "originalTransactionId": "2000000123456789",
        "bundleId": bundle_id, "productId": "com.example.app.monthly", "purchaseDate": SIGNED_DATE - 60000,
        "originalPurchaseDate": SIGNED_DATE - 60000, "quantity": 1, "type": "Auto-Renewable Subscription",
        "inAppOwnershipType": "PURCHASED", "signedDate": SIGNED_DATE, "environment": environment,
        "transactionReason": "PURCHASE", "storefront": "USA", "storefrontId": "143441", "price": 9990,
        "currency": "USD", "appTransactionId": "704289572311573249",
    }
    payload.update(extra)
    return payload


def renewal_info(environment="Sandbox") -> dict:
    return {
        "originalTransactionId": "2000000123456789", "autoRenewProductId": "com.example.app.monthly",
        "productId": "com.example.app.monthly", "autoRenewStatus": 1, "signedDate": SIGNED_DATE,
        "environment": environment, "recentSubscriptionStartDate": SIGNED_DATE - 60000,
        "renewalDate": SIGNED_DATE + 2592000000, "appTransactionId": "704289572311573249",
    }


def notification(data: dict | None = None, **extra) -> dict:
    payload = {"notificationType": "SUBSCRIBED", "subtype": "INITIAL_BUY",
               "notificationUUID": "002e14d5-51f5-4503-b5a8-c3a1af68eb20", "version": "2.0", "signedDate": SIGNED_DATE}
    if data is not None:
        payload["data"] = data
    payload.update(extra)
    return payload


def notification_data(environment="Sandbox", bundle_id=BUNDLE_ID, app_apple_id=APP_APPLE_ID, **extra) -> dict:
    data = {"appAppleId": app_apple_id, "bundleId": bundle_id, "bundleVersion": "1.0", "environment": environment,
            "status": 1}
    data.update(extra)
    return data


def app_transaction(receipt_type="Sandbox", bundle_id=BUNDLE_ID, app_apple_id=APP_APPLE_ID) -> dict:
    return {"receiptType": receipt_type, "appAppleId": app_apple_id, "bundleId": bundle_id,
            "applicationVersion": "1.0", "versionExternalIdentifier": 0, "receiptCreationDate": SIGNED_DATE,
            "originalPurchaseDate": SIGNED_DATE - 86400000, "originalApplicationVersion": "1.0",
            "deviceVerification": "AAAA", "deviceVerificationNonce": "f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e",
            "appTransactionId": "704289572311573249", "originalPlatform": "iOS"}


def realtime_request(environment="Sandbox", app_apple_id=APP_APPLE_ID) -> dict:
    return {"originalTransactionId": "2000000123456789", "appAppleId": app_apple_id,
            "productId": "com.example.app.monthly", "userLocale": "en-US",
            "requestIdentifier": "6a3b1f0e-6c1d-4f5e-9a8b-7c6d5e4f3a2b", "environment": environment,
            "signedDate": SIGNED_DATE}


# --- cases ---------------------------------------------------------------------------------------------------

def cases(chain: Chain) -> list[dict]:
    good = chain.x5c(chain.leaf, chain.intermediate, chain.root)
    header = {"alg": "ES256", "x5c": good}
    sign = lambda payload, h=None, k=None: jws(h or header, payload, k or chain.leaf_key)
    sandbox = {"environment": "Sandbox", "bundleId": BUNDLE_ID}
    production = {"environment": "Production", "bundleId": BUNDLE_ID, "appAppleId": APP_APPLE_ID}
    out: list[dict] = []

    def case(name, description, token, method, settings, payload_type=None, roots=("test",)):
        out.append({"name": name, "description": description, "jws": token, "method": method,
                    "settings": dict(settings, roots=list(roots)), "payloadType": payload_type or method})

    tx = sign(transaction())
    case("transaction-ok", "a sandbox transaction, verified as of its signedDate", tx, "transaction", sandbox)
    case("transaction-wrong-bundle", "a transaction for another bundle ID", tx, "transaction",
         dict(sandbox, bundleId="com.example.other"))
    case("transaction-wrong-environment", "a sandbox transaction given to a production verifier", tx, "transaction",
         production)
    case("transaction-apple-root-only", "the test chain without the test root: only Apple's root is trusted", tx,
         "transaction", sandbox, roots=("apple",))
    case("renewal-info-ok", "sandbox renewal info", sign(renewal_info()), "renewalInfo", sandbox)
    case("renewal-info-wrong-environment", "sandbox renewal info given to a production verifier",
         sign(renewal_info()), "renewalInfo", production)
    case("notification-ok", "a SUBSCRIBED notification with its data",
         sign(notification(notification_data(signedTransactionInfo=tx, signedRenewalInfo=sign(renewal_info())))),
         "notification", sandbox)
    case("notification-nested-other-bundle", "a notification whose transaction is for another app",
         sign(notification(notification_data(signedTransactionInfo=sign(transaction(bundle_id="com.example.other")),
                                              signedRenewalInfo=sign(renewal_info())))), "notification", sandbox)
    case("notification-nested-garbage", "a notification whose signedTransactionInfo is not a JWS",
         sign(notification(notification_data(signedTransactionInfo="not a jws"))), "notification", sandbox)
    case("notification-production-app-apple-id", "a production notification for another appAppleId",
         sign(notification(notification_data("Production", app_apple_id=987654321))), "notification", production)
    case("notification-production-ok", "a production notification", sign(notification(notification_data("Production"))),
         "notification", production)
    case("notification-summary", "a RENEWAL_EXTENDED summary notification",
         sign(notification(None, notificationType="RENEWAL_EXTENSION", subtype="SUMMARY", summary={
             "requestIdentifier": "a7b1c3d5-1111-2222-3333-444455556666", "environment": "Sandbox",
             "appAppleId": APP_APPLE_ID, "bundleId": BUNDLE_ID, "productId": "com.example.app.monthly",
             "storefrontCountryCodes": ["USA"], "succeededCount": 3, "failedCount": 0})), "notification", sandbox,
         payload_type="summary")
    case("notification-external-purchase-token", "an external purchase token notification (sandbox by its ID)",
         sign(notification(None, notificationType="EXTERNAL_PURCHASE_TOKEN", subtype="UNREPORTED",
                           externalPurchaseToken={"externalPurchaseId": "SANDBOX_1b2c3d4e", "tokenCreationDate": SIGNED_DATE,
                                                  "appAppleId": APP_APPLE_ID, "bundleId": BUNDLE_ID})),
         "notification", sandbox, payload_type="externalPurchaseToken")
    case("app-transaction-ok", "a sandbox app transaction, verified as of its receiptCreationDate",
         sign({k: v for k, v in app_transaction().items()}), "appTransaction", sandbox)
    case("app-transaction-wrong-bundle", "an app transaction for another bundle ID",
         sign(app_transaction(bundle_id="com.example.other")), "appTransaction", sandbox)
    case("realtime-request-ok", "a Retention Messaging realtime request", sign(realtime_request()), "realtimeRequest",
         sandbox)
    case("realtime-request-production-app-apple-id", "a production realtime request for another appAppleId",
         sign(realtime_request("Production", app_apple_id=987654321)), "realtimeRequest", production)

    # The chain.
    case("x5c-missing", "no x5c header", sign(transaction(), {"alg": "ES256"}), "transaction", sandbox)
    case("x5c-empty", "an empty x5c", sign(transaction(), {"alg": "ES256", "x5c": []}), "transaction", sandbox)
    case("x5c-two-certificates", "x5c of two certificates",
         sign(transaction(), {"alg": "ES256", "x5c": good[:2]}), "transaction", sandbox)
    case("x5c-four-certificates", "x5c of four certificates",
         sign(transaction(), {"alg": "ES256", "x5c": good + good[2:]}), "transaction", sandbox)
    case("x5c-leaf-not-base64", "a leaf that is not base64",
         sign(transaction(), {"alg": "ES256", "x5c": ["not base64!"] + good[1:]}), "transaction", sandbox)
    case("x5c-leaf-garbage", "a leaf that is base64 of bytes that are no certificate",
         sign(transaction(), {"alg": "ES256", "x5c": [base64.b64encode(b"garbage").decode()] + good[1:]}),
         "transaction", sandbox)
    case("x5c-intermediate-truncated", "an intermediate cut short",
         sign(transaction(), {"alg": "ES256", "x5c": [good[0], base64.b64encode(der(chain.intermediate)[:200]).decode(), good[2]]}),
         "transaction", sandbox)
    case("x5c-leaf-without-oid", "a leaf without Apple's leaf OID",
         sign(transaction(), {"alg": "ES256", "x5c": chain.x5c(chain.leaf_without_oid, chain.intermediate, chain.root)}),
         "transaction", sandbox)
    case("x5c-intermediate-without-oid", "an intermediate without Apple's intermediate OID",
         sign(transaction(), {"alg": "ES256", "x5c": chain.x5c(chain.leaf, chain.intermediate_without_oid, chain.root)}),
         "transaction", sandbox)
    case("x5c-leaf-expired", "a leaf that expired before signedDate",
         sign(transaction(), {"alg": "ES256", "x5c": chain.x5c(chain.expired_leaf, chain.intermediate, chain.root)}),
         "transaction", sandbox)
    case("x5c-untrusted-root", "a chain to a root the verifier is not given",
         sign(transaction(), {"alg": "ES256", "x5c": chain.x5c(chain.other_leaf, chain.other_intermediate, chain.other_root)}),
         "transaction", sandbox)
    case("x5c-root-swapped", "the trusted chain with another root last (the verifier never reads the third certificate)",
         sign(transaction(), {"alg": "ES256", "x5c": chain.x5c(chain.leaf, chain.intermediate, chain.other_root)}),
         "transaction", sandbox)
    case("x5c-leaf-p384", "a P-384 leaf signing ES384-sized signatures",
         jws({"alg": "ES256", "x5c": chain.x5c(chain.p384_leaf, chain.intermediate, chain.root)}, transaction(), chain.p384_key),
         "transaction", sandbox)
    case("signature-other-key", "signed by another P-256 key than the leaf's", sign(transaction(), k=key("another leaf")),
         "transaction", sandbox)
    # x5c that is no array: Apple's Python verifier takes len() of whatever it is.
    for name, value, description in (
            ("x5c-string-of-three", "abc", "x5c a string of three characters"),
            ("x5c-string", "not a chain", "x5c a string"),
            ("x5c-object-of-three", {"a": 1, "b": 2, "c": 3}, "x5c an object of three members"),
            ("x5c-object", {"leaf": good[0]}, "x5c an object of one member"),
            ("x5c-number", 3, "x5c the number 3"),
            ("x5c-null", None, "x5c null")):
        case(name, description, sign(transaction(), {"alg": "ES256", "x5c": value}), "transaction", sandbox)
    # Encodings and JSON that are not canonical, which Apple's Python verifier reads all the same: PyJWT pads a
    # segment to a multiple of four and decodes it with Python's lenient base64 (both alphabets, other bytes skipped,
    # unused bits ignored); json.loads keeps the last of a duplicate member.
    parts = tx.split(".")
    last = parts[2][-1]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    assert len(parts[2]) == 86, "a P-256 signature is 86 base64url characters, the last with four unused bits"
    flipped = alphabet[alphabet.index(last) ^ 0x0F]
    case("signature-unused-bits", "the signature's last character changed in its four unused bits only",
         ".".join(parts[:2] + [parts[2][:-1] + flipped]), "transaction", sandbox)
    case("signature-three-stray-characters", "three '!' inside the signature segment, which Python's base64 skips",
         ".".join(parts[:2] + [parts[2][:40] + "!!!" + parts[2][40:]]), "transaction", sandbox)
    case("signature-two-stray-characters", "two '!' inside the signature segment: Python's base64 finds the padding wrong",
         ".".join(parts[:2] + [parts[2][:40] + "!!" + parts[2][40:]]), "transaction", sandbox)
    case("segments-padded", "header and payload segments padded with '=', and signed so",
         jws(header, transaction(), chain.leaf_key, encode=lambda data: base64.urlsafe_b64encode(data).decode("ascii")),
         "transaction", sandbox)
    standard = lambda data: base64.b64encode(data).decode("ascii").rstrip("=")
    case("segments-standard-alphabet", "header and payload segments in standard base64 ('+' and '/'), and signed so",
         jws(header, transaction(productId="com.example.app.monthly>>>???"), chain.leaf_key, encode=standard),
         "transaction", sandbox)
    assert any(c in "+/" for c in out[-1]["jws"].split(".")[1]), "the standard-alphabet case must have '+' or '/'"
    body = json.dumps(transaction(), separators=(",", ":"))
    case("payload-duplicate-bundle-id", "bundleId twice, the last one right",
         jws(header, {}, chain.leaf_key, payload_bytes=('{"bundleId":"com.example.other",' + body[1:]).encode()),
         "transaction", sandbox)
    case("payload-duplicate-bundle-id-last-wrong", "bundleId twice, the last one for another app",
         jws(header, {}, chain.leaf_key, payload_bytes=(body[:-1] + ',"bundleId":"com.example.other"}').encode()),
         "transaction", sandbox)
    case("header-duplicate-alg", "alg twice in the header: ES384, then ES256",
         jws({}, transaction(), chain.leaf_key,
             header_bytes=('{"alg":"ES384",' + json.dumps(header, separators=(",", ":"))[1:]).encode()),
         "transaction", sandbox)
    case("alg-es384", "alg ES384", sign(transaction(), {"alg": "ES384", "x5c": good}), "transaction", sandbox)
    case("alg-missing", "no alg", sign(transaction(), {"x5c": good}), "transaction", sandbox)
    case("not-a-jws", "not a JWS at all", "not.a.jws", "transaction", sandbox)
    # Registered JWT claims, which PyJWT checks once the signature verifies.
    for name, extra, description in (
            ("claims-exp-past", {"exp": 1500000000}, "exp in 2017"),
            ("claims-exp-future", {"exp": 4102444800}, "exp in 2100"),
            ("claims-nbf-future", {"nbf": 4102444800}, "nbf in 2100"),
            ("claims-iat-not-a-number", {"iat": "yesterday"}, "iat \"yesterday\""),
            ("claims-iat-digits", {"iat": " 1767225000 "}, "iat as a string of digits, in the past"),
            ("claims-aud", {"aud": "com.example.app"}, "an aud"),
            ("claims-aud-empty", {"aud": ""}, "an empty aud"),
            ("claims-sub-number", {"sub": 5}, "sub a number"),
            ("claims-jti-string", {"jti": "abc"}, "jti a string")):
        case(name, description, sign(transaction(**extra)), "transaction", sandbox)
    case("signed-date-not-a-number", "a signedDate that is not a number",
         sign(transaction(signedDate="yesterday")), "transaction", sandbox)
    case("unknown-payload", "a payload of no known kind, given to the transaction method",
         sign({"signedDate": SIGNED_DATE, "environment": "Sandbox", "bundleId": BUNDLE_ID, "note": "hello"}), "transaction",
         sandbox, payload_type="unknown")
    case("signed-date-missing", "no signedDate: the chain is checked as of now",
         sign({k: v for k, v in transaction().items() if k != "signedDate"}), "transaction", sandbox)

    # Data Apple does not sign: Xcode and local testing, where the verifier skips the signature.
    xcode = sign(transaction("Xcode"), {"alg": "ES256", "x5c": [base64.b64encode(b"not a certificate").decode()]})
    case("xcode-transaction", "an Xcode transaction, verified as Xcode data", xcode, "transaction",
         {"environment": "Xcode", "bundleId": BUNDLE_ID})
    case("xcode-transaction-as-sandbox", "an Xcode transaction given to a sandbox verifier", xcode, "transaction", sandbox)
    local = sign(transaction("LocalTesting"), {"alg": "ES256"})
    case("local-testing-transaction", "a LocalTesting transaction, verified as local testing data", local, "transaction",
         {"environment": "LocalTesting", "bundleId": BUNDLE_ID})
    return out


# --- Apple's verdict -----------------------------------------------------------------------------------------

def apple_status(case: dict, roots: dict[str, bytes]) -> str:
    from appstoreserverlibrary.models.Environment import Environment
    from appstoreserverlibrary.signed_data_verifier import SignedDataVerifier, VerificationException

    settings = case["settings"]
    verifier = SignedDataVerifier([roots[name] for name in settings["roots"]], False, Environment(settings["environment"]),
                                  settings["bundleId"], settings.get("appAppleId"))
    method = {"transaction": verifier.verify_and_decode_signed_transaction,
              "renewalInfo": verifier.verify_and_decode_renewal_info,
              "notification": verifier.verify_and_decode_notification,
              "appTransaction": verifier.verify_and_decode_app_transaction,
              "realtimeRequest": verifier.verify_and_decode_realtime_request}[case["method"]]
    try:
        method(case["jws"])
        return "OK"
    except VerificationException as error:
        return error.status.name


# The rule examples of the apple-signed rules (Sources/JWTLint/SignedData/SignedDataExamples.swift): a few of the
# cases above, and the test root, as Swift constants.
SWIFT_EXAMPLES = {
    "transaction": "transaction-ok",
    "productionNotification": "notification-production-ok", "otherAppNotification": "notification-production-app-apple-id",
    "twoCertificates": "x5c-two-certificates", "noX5C": "x5c-missing", "garbageLeaf": "x5c-leaf-garbage",
    "leafWithoutOID": "x5c-leaf-without-oid", "intermediateWithoutOID": "x5c-intermediate-without-oid",
    "expiredLeaf": "x5c-leaf-expired", "untrustedRoot": "x5c-untrusted-root", "rootSwapped": "x5c-root-swapped",
    "p384Leaf": "x5c-leaf-p384", "xcodeTransaction": "xcode-transaction", "signedDateNotANumber": "signed-date-not-a-number",
    "unknownPayload": "unknown-payload", "expiredClaim": "claims-exp-past",
}


def write_swift_examples(chain: Chain, cases_by_name: dict) -> None:
    lines = [
        "// Generated by Vectors/gen/signed_data.py: do not edit. Data signed by jwtlint's TEST-ONLY chain, for the",
        "// examples of the apple-signed rules; the same tokens are cases of Vectors/signed/cases.json.",
        "",
        "/// Tokens of the test chain, and its root, for the apple-signed rules' examples.",
        "enum SignedDataExamples {",
        "    /// The test chain's root (Vectors/signed/chain/root.pem), base64 DER. Trusted only by examples that say so.",
        f'    static let testRoot = "{base64.b64encode(der(chain.root)).decode()}"',
    ]
    for swift_name, case_name in SWIFT_EXAMPLES.items():
        case = cases_by_name[case_name]
        lines.append(f"    /// {case['description']} (case {case_name}).")
        lines.append(f'    static let {swift_name} = "{case["jws"]}"')
    lines.append("}")
    target = VECTORS.parent / "Sources" / "JWTLint" / "SignedData" / "SignedDataExamples.swift"
    target.write_text("\n".join(lines) + "\n")


def nested_statuses(case: dict, roots: dict[str, bytes]) -> list[dict]:
    """For a notification: what Apple's verifier says of its data.signedTransactionInfo and signedRenewalInfo, each
    given to its own method with the same settings (the notification method does not look inside)."""
    if case["method"] != "notification" or case["jws"].count(".") != 2:
        return []
    payload = json.loads(base64.urlsafe_b64decode(case["jws"].split(".")[1] + "=="))
    data = payload.get("data") or {}
    out = []
    for member, method in (("signedTransactionInfo", "transaction"), ("signedRenewalInfo", "renewalInfo")):
        if isinstance(data.get(member), str):
            inner = dict(case, jws=data[member], method=method)
            out.append({"member": "data." + member, "verificationStatus": apple_status(inner, roots)})
    return out


def main() -> int:
    chain = Chain()
    (OUT / "chain").mkdir(parents=True, exist_ok=True)
    for label, cert in (("root", chain.root), ("intermediate", chain.intermediate), ("leaf", chain.leaf),
                        ("other-root", chain.other_root)):
        (OUT / "chain" / f"{label}.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    apple_root = (VECTORS.parent.parent / "shared" / "vectors" / "apple" / "AppleRootCA-G3.cer")
    if not apple_root.exists():
        apple_root = OUT / "chain" / "AppleRootCA-G3.cer"
    roots = {"test": der(chain.root), "apple": apple_root.read_bytes()}
    (OUT / "chain" / "AppleRootCA-G3.cer").write_bytes(roots["apple"])
    all_cases = cases(chain)
    for case in all_cases:
        case["expected"] = {"verificationStatus": apple_status(case, roots)}
        nested = nested_statuses(case, roots)
        if nested:
            case["expected"]["nested"] = nested
    document = {
        "about": "App Store-style signed data from a TEST-ONLY chain (gen/signed_data.py), with the verdict of "
                 "Apple's Python SignedDataVerifier (online checks off) for each case's settings. roots: 'test' is "
                 "signed/chain/root.pem, 'apple' is Apple Root CA - G3.",
        "signedDate": SIGNED_DATE,
        "cases": all_cases,
    }
    (OUT / "cases.json").write_text(json.dumps(document, indent=1) + "\n")
    write_swift_examples(chain, {case["name"]: case for case in all_cases})
    counts: dict[str, int] = {}
    for case in all_cases:
        counts[case["expected"]["verificationStatus"]] = counts.get(case["expected"]["verificationStatus"], 0) + 1
    print(f"signed/cases.json: {len(all_cases)} cases; Apple's verifier says {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
