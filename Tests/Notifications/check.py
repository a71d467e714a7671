"""`jwtlint notify` against a real HTTP receiver that verifies every request with Apple's own Python
SignedDataVerifier (app-store-server-library, pinned in Vectors/requirements.txt), trusting the root of a chain made by
`jwtlint chain create`, online checks off:

- every notificationType and subtype of the installed library's enums is sent (with every other pair jwtlint knows),
  in sandbox and in production; each verifies with status OK and decodes into the library's models, nested signed data
  (transaction, renewal info, app transaction) verified and decoded too, and its data hangs together;
- the same receiver answering 500, hanging, closing the connection, or answering 10 MB gives the right exit status and
  attempt result, and --retry resends the same notificationUUID until it succeeds;
- every built-in scenario (`notify --scenario`) is sent in order, verified, about one customer, its dates in order;
  a scenario file that is not one is refused; a load test (`--count`) sends distinct notifications that all verify,
  and counts a failing endpoint's answers;
- `jwtlint realtime` sends Retention Messaging realtime requests that verify with verify_and_decode_realtime_request,
  in sandbox and in production, and judges the receiver's answers: a message, an alternate product, promotional offers
  signed by Apple's own PromotionalOfferV2SignatureCreator and PromotionalOfferSignatureCreator (V1) pass, with the
  key; an offer for another transaction, a bad shape, a 500 and a slow answer fail with the right rule; a local
  performance test passes against a fast receiver and fails against a slow one;
- hostile input (a --set path that is not there, a --from file that is not JSON, a URL that is not one, a port where
  nothing listens) is one line on standard error and exit status 2.

    python Tests/Notifications/check.py JWTLINT    (with Vectors/.venv's python: it imports Apple's library)
"""

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from appstoreserverlibrary.models.Environment import Environment
from appstoreserverlibrary.models.NotificationTypeV2 import NotificationTypeV2
from appstoreserverlibrary.models.Subtype import Subtype
from appstoreserverlibrary.jws_signature_creator import PromotionalOfferV2SignatureCreator
from appstoreserverlibrary.promotional_offer import PromotionalOfferSignatureCreator
from appstoreserverlibrary.signed_data_verifier import SignedDataVerifier, VerificationException
from cryptography import x509
from cryptography.hazmat.primitives import serialization

BUNDLE = "com.example.notified"
APP_APPLE_ID = 987654321
KEY_FILE = Path(__file__).resolve().parents[2] / "Vectors" / "keys" / "SubscriptionKey_TESTKEYA01.p8"
KEY_ID = "TESTKEYA01"
ISSUER = "57246542-96fe-1a63-e053-0824d011072a"
MESSAGE_ID = "a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b"
failures = []


def check(condition: bool, what: str) -> None:
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


class Receiver(BaseHTTPRequestHandler):
    """Answers by path: /verify/<environment> verifies and records; /500 answers 500; /hang never answers;
    /close closes without answering; /big answers 200 with 10 MB; /flaky fails twice per notificationUUID, then
    succeeds."""

    protocol_version = "HTTP/1.1"
    verifiers: dict = {}
    received: list = []
    seen_uuids: dict = {}
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        path = self.path
        if path == "/hang":
            time.sleep(5)
            return
        if path == "/close":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if path == "/ok":
            self.answer(200, b"")
            return
        if path == "/500":
            self.answer(500, b"internal error\n")
            return
        if path == "/big":
            self.answer(200, b"x" * (10 * 1024 * 1024))
            return
        if path == "/flaky":
            uuid = json.loads(body).get("signedPayload", "")[:64]
            with self.lock:
                count = self.seen_uuids.get(uuid, 0) + 1
                self.seen_uuids[uuid] = count
            self.answer(200 if count >= 3 else 503, b"")
            return
        if path.startswith("/realtime/"):
            self.realtime(path.split("/")[2:], body)
            return
        if path.startswith("/verify/"):
            environment = path.split("/")[2]
            record = {"content_type": self.headers.get("Content-Type"), "body": body}
            try:
                payload = json.loads(body)["signedPayload"]
                verifier = self.verifiers[environment]
                decoded = verifier.verify_and_decode_notification(payload)
                record["decoded"] = decoded
                record["nested"] = decode_nested(verifier, decoded)
                record["status"] = "OK"
                status, answer = 200, b""
            except VerificationException as error:
                record["status"] = error.status.name
                status, answer = 400, error.status.name.encode()
            except Exception as error:  # noqa: BLE001: any other failure is the test's finding
                record["status"] = f"{type(error).__name__}: {error}"
                status, answer = 400, b""
            # Recorded before answering: jwtlint exits as soon as it has the answer, and the check reads the
            # record then.
            with self.lock:
                self.received.append(record)
            self.answer(status, answer)
            return
        self.answer(404, b"")

    def realtime(self, parts: list, body: bytes) -> None:
        """/realtime/<environment>/<answer>: verifies the request with verify_and_decode_realtime_request, records
        it, and answers as <answer> says."""
        environment, kind = parts[0], parts[1]
        record = {"content_type": self.headers.get("Content-Type")}
        try:
            decoded = self.verifiers[environment].verify_and_decode_realtime_request(json.loads(body)["signedPayload"])
            record["decoded"] = decoded
            record["status"] = "OK"
        except VerificationException as error:
            record["status"] = error.status.name
            decoded = None
        except Exception as error:  # noqa: BLE001: any other failure is the test's finding
            record["status"] = f"{type(error).__name__}: {error}"
            decoded = None
        with self.lock:
            self.received.append(record)
        if decoded is None:
            self.answer(400, b"")
            return
        if kind == "slow":
            time.sleep(0.9)
        answer = realtime_answer(kind, decoded)
        self.answer(500 if kind == "500" else 200, json.dumps(answer).encode(), "application/json")

    def answer(self, status: int, body: bytes, content_type: str = "") -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def realtime_answer(kind: str, decoded) -> dict:
    """The answer a Get Retention Message endpoint gives, made with Apple's own library where it signs."""
    key = KEY_FILE.read_bytes()
    if kind == "v2" or kind == "v2-other":
        transaction = decoded.originalTransactionId if kind == "v2" else "2000000999999999"
        jws = PromotionalOfferV2SignatureCreator(key, KEY_ID, ISSUER, BUNDLE).create_signature(
            decoded.productId, "winback.50", transaction)
        return {"promotionalOffer": {"messageIdentifier": MESSAGE_ID, "promotionalOfferSignatureV2": jws}}
    if kind == "v1":
        nonce, token, timestamp = "c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13", "7e3fb20b-4cdb-47cc-936d-99d65f608138", int(time.time() * 1000)
        signature = PromotionalOfferSignatureCreator(key, KEY_ID, BUNDLE).create_signature(
            decoded.productId, "winback.50", token, uuid.UUID(nonce), timestamp)
        return {"promotionalOffer": {"messageIdentifier": MESSAGE_ID, "promotionalOfferSignatureV1": {
            "encodedSignature": signature, "productId": decoded.productId, "nonce": nonce, "timestamp": timestamp,
            "keyId": KEY_ID, "offerIdentifier": "winback.50", "appAccountToken": token}}}
    if kind == "alternate":
        return {"alternateProduct": {"messageIdentifier": MESSAGE_ID, "productId": BUNDLE + ".yearly", "billingPlanType": "MONTHLY"}}
    if kind == "two":
        return {"message": {"messageIdentifier": MESSAGE_ID}, "alternateProduct": {"messageIdentifier": MESSAGE_ID, "productId": "p"}}
    if kind == "nouuid":
        return {"message": {"messageIdentifier": "winback"}}
    return {"message": {"messageIdentifier": MESSAGE_ID}}


def decode_nested(verifier: SignedDataVerifier, decoded) -> dict:
    """Every nested signed object, verified and decoded by the library's own methods."""
    nested = {}
    data = decoded.data
    if data is not None and data.signedTransactionInfo:
        nested["transaction"] = verifier.verify_and_decode_signed_transaction(data.signedTransactionInfo)
    if data is not None and data.signedRenewalInfo:
        nested["renewal"] = verifier.verify_and_decode_renewal_info(data.signedRenewalInfo)
    if decoded.appData is not None and decoded.appData.signedAppTransactionInfo:
        nested["appTransaction"] = verifier.verify_and_decode_app_transaction(decoded.appData.signedAppTransactionInfo)
    return nested


def run(jwtlint: str, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([jwtlint, *args], input=stdin, capture_output=True, timeout=120)


def listed_pairs(jwtlint: str) -> list:
    result = run(jwtlint, "notify", "--list")
    pairs = []
    for line in result.stdout.decode().splitlines():
        name = line.split()[0]
        type_name, _, subtype = name.partition("/")
        pairs.append((type_name, subtype or None))
    return pairs


def coherent(decoded, nested: dict, environment: Environment) -> str:
    """Why the decoded notification's data does not hang together, or ''."""
    data = decoded.data
    if decoded.version != "2.0":
        return "version is not 2.0"
    if data is not None and decoded.notificationType != NotificationTypeV2.TEST:
        if data.environment != environment or data.bundleId != BUNDLE:
            return "data's environment or bundleId is not as given"
        transaction = nested.get("transaction")
        renewal = nested.get("renewal")
        if transaction is None:
            return "data has no signedTransactionInfo"
        if transaction.bundleId != BUNDLE or transaction.environment != environment:
            return "the transaction's bundleId or environment is not as given"
        if renewal is not None:
            if renewal.originalTransactionId != transaction.originalTransactionId:
                return "the renewal info's originalTransactionId is not the transaction's"
            if renewal.environment != environment:
                return "the renewal info's environment is not as given"
        if transaction.originalPurchaseDate > transaction.purchaseDate:
            return "originalPurchaseDate is after purchaseDate"
        if transaction.expiresDate is not None and transaction.expiresDate <= transaction.purchaseDate:
            return "expiresDate is not after purchaseDate"
        if transaction.signedDate < transaction.purchaseDate:
            return "the transaction was signed before it was made"
        if transaction.revocationDate is not None and transaction.revocationDate < transaction.purchaseDate:
            return "revocationDate is before purchaseDate"
    if decoded.appData is not None:
        app = nested.get("appTransaction")
        if app is None or app.bundleId != BUNDLE or app.receiptType != environment:
            return "appData's app transaction is missing or not as given"
    return ""


def check_scenarios(jwtlint: str, chain: Path, base: str, work: Path) -> None:
    """Every built-in scenario, verified and coherent; bad scenario files; the load test."""
    listed = run(jwtlint, "notify", "--list-scenarios").stdout.decode()
    names = [line.split(":")[0] for line in listed.splitlines() if line and not line.startswith(" ")]
    samples = sorted(path.stem for path in (Path(__file__).resolve().parents[2] / "Vectors" / "scenarios").glob("*.json"))
    check(sorted(names) == samples and len(names) >= 4, f"the built-in scenarios are the samples in Vectors/scenarios ({names})")
    for name in names:
        Receiver.received.clear()
        result = run(jwtlint, "notify", "--scenario", name, "--chain", str(chain), "--bundle-id", BUNDLE, "--url", f"{base}/verify/sandbox")
        records = list(Receiver.received)
        statuses = [record.get("status") for record in records]
        why = ""
        if result.returncode != 0 or not records or any(status != "OK" for status in statuses):
            why = f"exit {result.returncode}, {statuses}"
        else:
            transactions = [record["nested"].get("transaction") for record in records]
            originals = {t.originalTransactionId for t in transactions if t is not None}
            first_purchases = {t.originalPurchaseDate for t in transactions if t is not None}
            signed = [record["decoded"].signedDate for record in records]
            if len(originals) != 1 or len(first_purchases) != 1:
                why = f"not one customer: {originals}, {first_purchases}"
            elif signed != sorted(signed) or len(set(signed)) != len(signed):
                why = f"signedDates not in order: {signed}"
            for record in records:
                reason = coherent(record["decoded"], record["nested"], Environment.SANDBOX)
                if reason:
                    why = why or f"{record['decoded'].rawNotificationType}: {reason}"
        check(not why, f"scenario {name}: {len(records)} notifications verified, one customer, in order ({why or 'ok'})")

    bad = work / "bad-scenario.json"
    for what, text in [
        ("a scenario step naming no notification Apple has", '{"scenario": "x", "steps": [{"notification": "DID_EXPLODE"}]}'),
        ("a scenario with an unknown member", '{"scenario": "x", "steps": [{"notification": "TEST"}], "stepz": []}'),
        ("a scenario with a duration that is not one", '{"scenario": "x", "steps": [{"notification": "TEST"}, {"notification": "TEST", "after": "soon"}]}'),
        ("a scenario that is not JSON", '{"scenario": '),
        ("a scenario whose edit leads nowhere", '{"scenario": "x", "steps": [{"notification": "TEST", "set": {"data.nothere.x": 1}}]}'),
    ]:
        bad.write_text(text)
        result = run(jwtlint, "notify", "--scenario", str(bad))
        errors = result.stderr.decode().strip().splitlines()
        check(result.returncode == 2 and len(errors) == 1 and errors[0].startswith("jwtlint: "),
              f"{what}: exit 2 with one line ({errors[-1] if errors else 'nothing'})")

    # The load test: distinct notifications, every one verified; a failing endpoint's answers counted.
    Receiver.received.clear()
    result = run(jwtlint, "notify", "DID_RENEW", "--count", "60", "--concurrency", "6", "--chain", str(chain), "--bundle-id", BUNDLE,
                 "--url", f"{base}/verify/sandbox", "--format", "json")
    report = json.loads(result.stdout or b"{}")
    records = list(Receiver.received)
    uuids = {record["decoded"].notificationUUID for record in records if "decoded" in record}
    originals = {record["nested"]["transaction"].originalTransactionId for record in records if "nested" in record}
    check(result.returncode == 0 and report.get("sendAttemptResults") == {"SUCCESS": 60} and len(records) == 60
          and all(record.get("status") == "OK" for record in records) and len(uuids) == 60 and len(originals) == 60,
          f"--count 60: 60 distinct notifications, each verified ({report.get('sendAttemptResults')}, {len(uuids)} UUIDs)")
    result = run(jwtlint, "notify", "TEST", "--count", "20", "--concurrency", "4", "--chain", str(chain), "--url", f"{base}/500", "--format", "json")
    report = json.loads(result.stdout or b"{}")
    check(result.returncode == 1 and report.get("sendAttemptResults") == {"UNSUCCESSFUL_HTTP_RESPONSE_CODE": 20},
          f"--count against an endpoint that answers 500: exit 1, every answer counted ({report.get('sendAttemptResults')})")


def check_realtime(jwtlint: str, chain: Path, base: str) -> None:
    """Realtime requests verified by Apple's library, and answers judged."""
    for name in ("sandbox", "production"):
        Receiver.received.clear()
        result = run(jwtlint, "realtime", "--chain", str(chain), "--app-apple-id", str(APP_APPLE_ID), "--environment", name,
                     "--original-transaction-id", "2000000111111111", "--locale", "fr-FR", "--url", f"{base}/realtime/{name}/message",
                     "--format", "json")
        record = Receiver.received[0] if Receiver.received else {}
        decoded = record.get("decoded")
        line = json.loads(result.stdout or b"{}")
        check(result.returncode == 0 and record.get("status") == "OK" and decoded is not None
              and decoded.originalTransactionId == "2000000111111111" and decoded.appAppleId == APP_APPLE_ID
              and decoded.userLocale == "fr-FR" and decoded.requestIdentifier is not None and line.get("choice") == "message",
              f"{name} realtime request: verified by verify_and_decode_realtime_request, the answer judged ({record.get('status')}; exit {result.returncode})")

    def judged(kind: str, *extra: str) -> tuple:
        result = run(jwtlint, "realtime", "--chain", str(chain), "--bundle-id", BUNDLE, "--url", f"{base}/realtime/sandbox/{kind}",
                     "--format", "json", *extra)
        try:
            line = json.loads(result.stdout)
        except ValueError:
            line = {}
        rules = sorted({finding["rule"] for finding in line.get("findings", []) if finding["severity"] == "error"})
        return result.returncode, line, rules

    key = ["--key", str(KEY_FILE)]
    for kind, extra, want_code, want_rules, want_signature in [
        ("message", [], 0, [], None),
        ("alternate", [], 0, [], None),
        ("v2", key, 0, [], "verified"),
        ("v1", key, 0, [], "verified"),
        ("v2-other", key, 1, ["retention.offer"], "verified"),
        ("two", [], 1, ["retention.choice"], None),
        ("nouuid", [], 1, ["retention.members"], None),
        ("500", [], 1, ["retention.status"], None),
        ("slow", [], 1, ["retention.time"], None),
    ]:
        code, line, rules = judged(kind, *extra)
        check(code == want_code and rules == want_rules and line.get("offerSignature") == want_signature,
              f"realtime answer '{kind}': exit {code}, errors {rules}, offer signature {line.get('offerSignature')}")

    # A V1 offer signed with another key does not verify with this one.
    code, line, rules = judged("v1", "--key", str(KEY_FILE.parent / "SubscriptionKey_TESTKEYC03.p8"))
    check(code == 1 and line.get("offerSignature") == "invalid", f"a V1 offer checked with another key is invalid (exit {code}, {rules})")

    # The performance test, run locally.
    result = run(jwtlint, "realtime", "--chain", str(chain), "--url", f"{base}/realtime/sandbox/message", "--performance-test",
                 "--count", "40", "--concurrency", "8", "--format", "json")
    report = json.loads(result.stdout or b"{}")
    times = report.get("responseTimes") or {}
    check(result.returncode == 0 and report.get("result") == "PASS" and report.get("successRate") == 100
          and report.get("config", {}).get("totalRequests") == 40 and times.get("p50", 10**9) <= times.get("p99", -1),
          f"a performance test of a fast endpoint passes ({report.get('result')}, {report.get('successRate')}%, {times})")
    started = time.monotonic()
    result = run(jwtlint, "realtime", "--chain", str(chain), "--url", f"{base}/realtime/sandbox/slow", "--performance-test",
                 "--count", "8", "--concurrency", "8", "--format", "json")
    took = time.monotonic() - started
    report = json.loads(result.stdout or b"{}")
    check(result.returncode == 1 and report.get("result") == "FAIL" and report.get("failures", {}).get("TIMED_OUT") == 8 and took < 6,
          f"a performance test of a slow endpoint fails, every request TIMED_OUT, the 8 sent at once ({report.get('failures')}, {took:.1f} s)")


def main() -> int:
    jwtlint = sys.argv[1]
    work = Path(tempfile.mkdtemp(prefix="jwtlint-notify-"))
    chain = work / "chain"
    made = run(jwtlint, "chain", "create", str(chain))
    check(made.returncode == 0 and (chain / "root.pem").exists(), "jwtlint chain create writes root.pem")
    mode = (chain / "leaf.key").stat().st_mode & 0o777
    check(mode == 0o600, f"the leaf's key is mode 0600 (it is {oct(mode)})")
    again = run(jwtlint, "chain", "create", str(chain))
    check(again.returncode == 2 and b"--force" in again.stderr, "chain create refuses to replace a chain without --force")

    root = x509.load_pem_x509_certificate((chain / "root.pem").read_bytes()).public_bytes(serialization.Encoding.DER)
    Receiver.verifiers = {
        "sandbox": SignedDataVerifier([root], False, Environment.SANDBOX, BUNDLE),
        "production": SignedDataVerifier([root], False, Environment.PRODUCTION, BUNDLE, APP_APPLE_ID),
    }
    # A listen backlog of 5 (socketserver's default) drops connections beyond it, which then come a second later:
    # the performance test sends 8 at once.
    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    pairs = listed_pairs(jwtlint)
    types = {pair[0] for pair in pairs}
    subtypes = {pair[1] for pair in pairs if pair[1]}
    missing_types = sorted(member.value for member in NotificationTypeV2 if member.value not in types)
    missing_subtypes = sorted(member.value for member in Subtype if member.value not in subtypes)
    check(not missing_types, f"every notificationType of the library is listed ({len(NotificationTypeV2)}; missing: {missing_types})")
    check(not missing_subtypes, f"every subtype of the library is listed ({len(Subtype)}; missing: {missing_subtypes})")

    for environment, name in ((Environment.SANDBOX, "sandbox"), (Environment.PRODUCTION, "production")):
        for type_name, subtype in pairs:
            label = type_name + (f"/{subtype}" if subtype else "")
            args = ["notify", type_name] + ([subtype] if subtype else []) + [
                "--chain", str(chain), "--bundle-id", BUNDLE, "--app-apple-id", str(APP_APPLE_ID),
                "--environment", name, "--url", f"{base}/verify/{name}"]
            Receiver.received.clear()
            result = run(jwtlint, *args)
            record = Receiver.received[0] if Receiver.received else {}
            status = record.get("status", "nothing received")
            ok = result.returncode == 0 and status == "OK"
            if ok:
                decoded = record["decoded"]
                raw_subtype = decoded.rawSubtype
                ok = decoded.rawNotificationType == type_name and raw_subtype == subtype
                why = coherent(decoded, record["nested"], environment)
                ok = ok and not why and record["content_type"] == "application/json"
                status = why or status
            check(ok, f"{name} {label}: verified by Apple's SignedDataVerifier and decoded ({status}; exit {result.returncode})")

    # A notification signed by another chain (a fresh one) is refused: the receiver's verdicts are real.
    Receiver.received.clear()
    result = run(jwtlint, "notify", "TEST", "--bundle-id", BUNDLE, "--url", f"{base}/verify/sandbox")
    record = Receiver.received[0] if Receiver.received else {}
    check(result.returncode == 1 and record.get("status") == "VERIFICATION_FAILURE",
          f"a notification from another chain is refused by Apple's verifier ({record.get('status')}; exit {result.returncode})")

    # The same chain across runs: a second notification from a new process verifies with the same root.
    Receiver.received.clear()
    edited = run(jwtlint, "notify", "DID_RENEW", "--chain", str(chain), "--bundle-id", BUNDLE, "--url", f"{base}/verify/sandbox",
                 "--set", "data.signedTransactionInfo.price=1990", "--add", "data.signedTransactionInfo.appAccountToken=\"7e3fb20b-4cdb-47cc-936d-99d65f608138\"")
    record = Receiver.received[0] if Receiver.received else {}
    transaction = record.get("nested", {}).get("transaction")
    check(edited.returncode == 0 and transaction is not None and transaction.price == 1990
          and transaction.appAccountToken == "7e3fb20b-4cdb-47cc-936d-99d65f608138",
          "--set and --add change the nested transaction before it is signed")

    # --from: a decoded payload, signed as given.
    payload = {"notificationType": "TEST", "notificationUUID": "3b6f3a7c-56a8-4f40-9a8e-3a1a2f1c0d11",
               "data": {"bundleId": BUNDLE, "environment": "Sandbox", "appAppleId": 1}, "version": "2.0",
               "signedDate": int(time.time() * 1000)}
    from_file = work / "payload.json"
    from_file.write_text(json.dumps(payload))
    Receiver.received.clear()
    result = run(jwtlint, "notify", "--from", str(from_file), "--chain", str(chain), "--url", f"{base}/verify/sandbox")
    record = Receiver.received[0] if Receiver.received else {}
    check(result.returncode == 0 and record.get("status") == "OK" and record["decoded"].notificationUUID == payload["notificationUUID"],
          "--from signs a decoded payload as given")

    # Answers that are not a success.
    def attempt(path: str, *extra: str) -> tuple:
        result = run(jwtlint, "notify", "TEST", "--chain", str(chain), "--url", base + path, "--format", "json", *extra)
        lines = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
        return result.returncode, lines

    code, lines = attempt("/500")
    check(code == 1 and lines and lines[-1]["sendAttemptResult"] == "UNSUCCESSFUL_HTTP_RESPONSE_CODE" and lines[-1]["status"] == 500,
          f"a 500 answer: exit 1, UNSUCCESSFUL_HTTP_RESPONSE_CODE (exit {code})")
    started = time.monotonic()
    code, lines = attempt("/hang", "--timeout", "1")
    took = time.monotonic() - started
    check(code == 1 and lines and lines[-1]["sendAttemptResult"] == "TIMED_OUT" and took < 4,
          f"a hanging receiver: exit 1, TIMED_OUT after the 1 s timeout (exit {code}, {took:.1f} s)")
    code, lines = attempt("/close")
    check(code == 1 and lines and lines[-1]["sendAttemptResult"] == "NO_RESPONSE",
          f"a receiver that closes the connection: exit 1, NO_RESPONSE (exit {code}, {lines[-1]['sendAttemptResult'] if lines else None})")
    code, lines = attempt("/big")
    check(code == 0 and lines and lines[-1]["sendAttemptResult"] == "SUCCESS", f"a 10 MB answer: read up to the limit, exit 0 (exit {code})")
    code, lines = attempt("/flaky", "--retry", "--retry-speedup", "360000")
    check(code == 0 and [line["sendAttemptResult"] for line in lines] == ["UNSUCCESSFUL_HTTP_RESPONSE_CODE"] * 2 + ["SUCCESS"]
          and len({line["notificationUUID"] for line in lines}) == 1 and len(Receiver.seen_uuids) == 1,
          f"--retry resends the same notification until it succeeds ({[line['sendAttemptResult'] for line in lines]})")
    code, lines = attempt("/500", "--retry", "--retry-speedup", "1000000")
    check(code == 1 and len(lines) == 6, f"--retry gives up after Apple's five retries ({len(lines)} attempts)")

    check_scenarios(jwtlint, chain, base, work)
    check_realtime(jwtlint, chain, base)

    # Hostile input: one line on standard error, exit status 2.
    not_json = work / "not.json"
    not_json.write_text("{\"notificationType\": ")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    closed_port = listener.getsockname()[1]
    listener.close()
    for what, args in [
        ("a --set path that is not there", ["notify", "TEST", "--set", "data.nothere.deeper=1"]),
        ("a --from file that is not JSON", ["notify", "--from", str(not_json)]),
        ("a --from file that is not there", ["notify", "--from", str(work / "absent.json")]),
        ("a URL that is not one", ["notify", "TEST", "--url", "ftp://example.com/"]),
        ("a URL with a bad port", ["notify", "TEST", "--url", "http://127.0.0.1:99999/"]),
        ("a port where nothing listens", ["notify", "TEST", "--url", f"http://127.0.0.1:{closed_port}/"]),
        ("an unknown type", ["notify", "NOT_A_TYPE"]),
        ("a subtype the type does not have", ["notify", "DID_RENEW", "VOLUNTARY"]),
        ("a chain folder that is not one", ["notify", "TEST", "--chain", str(work)]),
        ("realtime to a URL that is not one", ["realtime", "--url", "localhost:8080"]),
        ("realtime to a port where nothing listens", ["realtime", "--url", f"http://127.0.0.1:{closed_port}/"]),
        ("realtime with a key file that is not one", ["realtime", "--url", base + "/realtime/sandbox/message", "--key", str(not_json)]),
        ("realtime with a locale that is not one", ["realtime", "--locale", "en US; rm"]),
        ("a performance test with no requests", ["realtime", "--url", base, "--performance-test", "--count", "0"]),
    ]:
        result = run(jwtlint, *args)
        errors = result.stderr.decode().strip().splitlines()
        check(result.returncode == 2 and len(errors) == 1 and errors[0].startswith("jwtlint: ") and b"Fatal" not in result.stderr,
              f"{what}: exit 2 with one line ({errors[-1] if errors else 'nothing'})")

    server.shutdown()
    print(f"\n{len(failures)} failed" if failures else "\nall passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
