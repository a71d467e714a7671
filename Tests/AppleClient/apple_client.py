"""Apple's own Python client against `jwtlint serve`: the real AppStoreServerAPIClient, pointed at the stand-in,
calls every endpoint the stand-in answers with a good token (each answer must parse as the library's model, and
every signed field must verify with the library's SignedDataVerifier trusting the root the stand-in wrote), then
with broken tokens (another key, another bundle ID, expired: the library must raise its 401 error and the log must
name the rule). Then the notification flow, with a chain from `jwtlint chain create` and a receiver that verifies with
the library's SignedDataVerifier: Request a Test Notification reaches it, Get Test Notification Status and Get
Notification History give the real attempt (SUCCESS, or UNSUCCESSFUL_HTTP_RESPONSE_CODE from a receiver answering
500); a scenario sent from the page reaches it in order and becomes the stand-in's data; a notification posted to
serve's /notifications is verified and logged. Exit status 1 on any failure.

    python Tests/AppleClient/apple_client.py JWTLINT    (with Vectors/.venv's python: it imports Apple's library)
"""

import datetime
import json
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt

from appstoreserverlibrary.api_client import APIException, AppStoreServerAPIClient, GetTransactionHistoryVersion
from appstoreserverlibrary.models.ConsumptionRequest import ConsumptionRequest
from appstoreserverlibrary.models.DeliveryStatus import DeliveryStatus
from appstoreserverlibrary.models.Environment import Environment
from appstoreserverlibrary.models.ExtendReasonCode import ExtendReasonCode
from appstoreserverlibrary.models.ExtendRenewalDateRequest import ExtendRenewalDateRequest
from appstoreserverlibrary.models.NotificationHistoryRequest import NotificationHistoryRequest
from appstoreserverlibrary.models.NotificationTypeV2 import NotificationTypeV2
from appstoreserverlibrary.models.TransactionHistoryRequest import TransactionHistoryRequest
from appstoreserverlibrary.models.UpdateAppAccountTokenRequest import UpdateAppAccountTokenRequest
from appstoreserverlibrary.signed_data_verifier import SignedDataVerifier
from cryptography import x509
from cryptography.hazmat.primitives import serialization

ROOT = Path(__file__).resolve().parents[2]
KEYS = ROOT / "Vectors" / "keys"
ISSUER = "57246542-96fe-1a63-e053-0824d011072a"
BUNDLE = "com.example.app"
failures = []


def check(condition: bool, what: str) -> None:
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


class ExpiredTokenClient(AppStoreServerAPIClient):
    """Signs as Apple's client does, but with an exp ten minutes past."""

    def _generate_token(self) -> str:
        past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10)
        return jwt.encode({"bid": self._bundle_id, "iss": self._issuer_id, "aud": "appstoreconnect-v1",
                           "exp": int(past.timestamp())}, self._signing_key, algorithm="ES256", headers={"kid": self._key_id})


def client(url: str, key_file: str = "SubscriptionKey_TESTKEYA01.p8", bundle: str = BUNDLE, cls=AppStoreServerAPIClient):
    made = cls((KEYS / key_file).read_bytes(), "TESTKEYA01", ISSUER, bundle, Environment.SANDBOX)
    made._base_url = url  # Apple's client has no setting for its host; tests point it elsewhere this way.
    return made


def log_lines(log_file: Path, before: int) -> list:
    """The log's lines once it has more than `before` (the log is written on a thread of its own)."""
    deadline = time.monotonic() + 10
    while True:
        lines = log_file.read_text().splitlines()
        if len(lines) > before or time.monotonic() > deadline:
            return lines
        time.sleep(0.02)


class Receiver(BaseHTTPRequestHandler):
    """A developer's notification endpoint: verifies each notification with Apple's SignedDataVerifier and records it;
    /fail answers 500."""

    protocol_version = "HTTP/1.1"
    verifier = None
    received: list = []

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            decoded = self.verifier.verify_and_decode_notification(json.loads(body)["signedPayload"])
            self.received.append(("OK", decoded))
        except Exception as error:  # noqa: BLE001: any failure is the test's finding
            self.received.append((f"{type(error).__name__}: {error}", None))
        status = 500 if self.path == "/fail" else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()


def wait_for(condition, seconds: float = 15):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def check_notification_flow(jwtlint: str, work: Path) -> None:
    """serve --chain --notification-url: Apple's client requests a test notification, the receiver verifies it, and
    the status and history say how it went; a scenario sent from the page becomes the stand-in's data; a
    notification posted to serve's /notifications is verified and logged."""
    chain = work / "chain"
    subprocess.run([jwtlint, "chain", "create", str(chain)], check=True, capture_output=True)
    root = x509.load_pem_x509_certificate((chain / "root.pem").read_bytes()).public_bytes(serialization.Encoding.DER)
    Receiver.verifier = SignedDataVerifier([root], False, Environment.SANDBOX, BUNDLE, None)
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    receiver.daemon_threads = True
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{receiver.server_address[1]}"
    for path, expected in (("/ok", "SUCCESS"), ("/fail", "UNSUCCESSFUL_HTTP_RESPONSE_CODE")):
        log_file = work / f"notify{path.replace('/', '-')}.jsonl"
        server = subprocess.Popen([jwtlint, "serve", "--key", str(KEYS / "SubscriptionKey_TESTKEYA01.p8"), "--issuer", ISSUER,
                                   "--bundle-id", BUNDLE, "--port", "0", "--chain", str(chain), "--notification-url", base + path,
                                   "--log", str(log_file)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            url = server.stdout.readline().strip()
            api = client(url)
            Receiver.received.clear()
            token = api.request_test_notification().testNotificationToken

            def status_now():
                try:
                    return api.get_test_notification_status(token)
                except APIException as error:
                    if error.raw_api_error == 4040008:
                        return None
                    raise
            check(wait_for(lambda: status_now() is not None), f"{path}: Get Test Notification Status answers once the attempt is over")
            status = status_now()
            results = [attempt.rawSendAttemptResult for attempt in status.sendAttempts or []]
            got = Receiver.received[0] if Receiver.received else ("nothing received", None)
            check(results == [expected] and got[0] == "OK" and got[1].notificationType == NotificationTypeV2.TEST
                  and got[1].notificationUUID == Receiver.verifier.verify_and_decode_notification(status.signedPayload).notificationUUID,
                  f"{path}: the TEST notification reached the receiver, verified by Apple's verifier, and its status is {results} ({got[0]})")
            now = int(time.time() * 1000)
            history = api.get_notification_history(None, NotificationHistoryRequest(startDate=now - 3_600_000, endDate=now + 60_000))
            check([a.rawSendAttemptResult for a in history.notificationHistory[0].sendAttempts] == [expected],
                  f"{path}: Get Notification History gives the same attempt")
            if path != "/ok":
                continue
            # A scenario from the page: its notifications reach the receiver in order, and become the stand-in's data.
            request = urllib.request.Request(url + "/jwtlint/notify", data=json.dumps({"scenario": "subscription-lifecycle"}).encode(),
                                             headers={"Content-Type": "application/json"}, method="POST")
            sent = json.loads(urllib.request.urlopen(request, timeout=10).read())
            original = sent["originalTransactionId"]
            check(wait_for(lambda: len(Receiver.received) == 7), f"the scenario's 6 notifications reached the receiver ({len(Receiver.received) - 1})")
            types = [decoded.rawNotificationType for state, decoded in Receiver.received[1:] if state == "OK"]
            check(types == ["SUBSCRIBED", "DID_RENEW", "DID_FAIL_TO_RENEW", "DID_RENEW", "DID_CHANGE_RENEWAL_STATUS", "EXPIRED"],
                  f"in order, each verified ({types})")
            history = api.get_transaction_history(original, None, TransactionHistoryRequest(), GetTransactionHistoryVersion.V2)
            ids = {Receiver.verifier.verify_and_decode_signed_transaction(t).transactionId for t in history.signedTransactions}
            check(len(ids) == 3, f"Get Transaction History answers the scenario's three periods ({len(ids)} transactions)")
            statuses = api.get_all_subscription_statuses(original)
            check(statuses.data[0].lastTransactions[0].rawStatus == 2, "Get All Subscription Statuses: the scenario left it expired (status 2)")
            # The stand-in receives: a notification posted to /notifications is verified, logged with its status.
            lines_before = len(log_file.read_text().splitlines())
            posted = subprocess.run([jwtlint, "notify", "DID_RENEW", "BILLING_RECOVERY", "--chain", str(chain), "--bundle-id", BUNDLE,
                                     "--url", url + "/notifications"], capture_output=True)
            record = next((json.loads(line) for line in log_lines(log_file, lines_before)[lines_before:]
                           if json.loads(line)["request"] == "POST /notifications"), {})
            check(posted.returncode == 0 and record.get("status") == 200 and "DID_RENEW/BILLING_RECOVERY" in record.get("verdict", "")
                  and ": OK" in record.get("verdict", ""), f"a notification posted to serve is verified and logged ({record.get('verdict')})")
            lines_before = len(log_file.read_text().splitlines())
            foreign = subprocess.run([jwtlint, "notify", "TEST", "--bundle-id", BUNDLE, "--url", url + "/notifications"], capture_output=True)
            record = next((json.loads(line) for line in log_lines(log_file, lines_before)[lines_before:]
                           if json.loads(line)["request"] == "POST /notifications"), {})
            check(foreign.returncode == 1 and record.get("status") == 400 and "VERIFICATION_FAILURE" in record.get("verdict", ""),
                  f"a notification signed by a chain serve does not trust is refused: 400, VERIFICATION_FAILURE ({record.get('verdict')})")
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
    receiver.shutdown()


def main() -> int:
    jwtlint = sys.argv[1]
    work = Path(tempfile.mkdtemp(prefix="jwtlint-apple-client-"))
    root_file, log_file = work / "root.pem", work / "requests.jsonl"
    server = subprocess.Popen([jwtlint, "serve", "--key", str(KEYS / "SubscriptionKey_TESTKEYA01.p8"), "--issuer", ISSUER,
                               "--bundle-id", BUNDLE, "--port", "0", "--write-root", str(root_file), "--log", str(log_file)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().strip()
        check(url.startswith("http://127.0.0.1:"), f"jwtlint serve prints its URL first: {url}")
        root = x509.load_pem_x509_certificate(root_file.read_bytes()).public_bytes(serialization.Encoding.DER)
        verifier = SignedDataVerifier([root], False, Environment.SANDBOX, BUNDLE, None)
        good = client(url)

        info = good.get_transaction_info("2000000000000011")
        transaction = verifier.verify_and_decode_signed_transaction(info.signedTransactionInfo)
        check(transaction.transactionId == "2000000000000011" and transaction.bundleId == BUNDLE,
              "Get Transaction Info: the transaction verifies with Apple's SignedDataVerifier")
        history = good.get_transaction_history("2000000000000010", None, TransactionHistoryRequest(), GetTransactionHistoryVersion.V2)
        check(len(history.signedTransactions) == 2 and history.hasMore is False
              and all(verifier.verify_and_decode_signed_transaction(t) for t in history.signedTransactions),
              "Get Transaction History (v2): two transactions, both verify")
        statuses = good.get_all_subscription_statuses("2000000000000010")
        last = statuses.data[0].lastTransactions[0]
        renewal = verifier.verify_and_decode_renewal_info(last.signedRenewalInfo)
        check(last.status is not None and renewal.autoRenewStatus is not None,
              "Get All Subscription Statuses: an active subscription, its renewal info verifies")
        order = good.look_up_order_id("MQ5ZLR7N9T")
        check(order.status == 0 and len(order.signedTransactions) == 1, "Look Up Order ID: one transaction")
        check(good.look_up_order_id("NOSUCHORDER").status == 1, "Look Up Order ID: an unknown order has status 1")
        refunds = good.get_refund_history("2000000000000001", None)
        check(len(refunds.signedTransactions) == 1
              and verifier.verify_and_decode_signed_transaction(refunds.signedTransactions[0]).revocationDate is not None,
              "Get Refund History: the refunded transaction verifies")
        test = good.request_test_notification()
        status = good.get_test_notification_status(test.testNotificationToken)
        notification = verifier.verify_and_decode_notification(status.signedPayload)
        check(notification.notificationType == NotificationTypeV2.TEST, "Request a Test Notification and its status: a TEST notification that verifies")
        now = int(time.time() * 1000)
        notifications = good.get_notification_history(None, NotificationHistoryRequest(startDate=now - 3_600_000, endDate=now + 60_000))
        check(len(notifications.notificationHistory) == 1, "Get Notification History: the test notification")
        try:
            good.send_consumption_information("2000000000000001", ConsumptionRequest(
                customerConsented=True, sampleContentProvided=False, deliveryStatus=DeliveryStatus.DELIVERED))
            check(True, "Send Consumption Information: accepted")
        except APIException as error:
            check(False, f"Send Consumption Information: refused with {error.http_status_code}")
        good.set_app_account_token("2000000000000010", UpdateAppAccountTokenRequest(appAccountToken="7e3fb20b-4cdb-47cc-936d-99d65f608138"))
        check(verifier.verify_and_decode_signed_transaction(good.get_transaction_info("2000000000000011").signedTransactionInfo).appAccountToken
              == "7e3fb20b-4cdb-47cc-936d-99d65f608138", "Set App Account Token: later transactions carry it")
        extended = good.extend_subscription_renewal_date("2000000000000010", ExtendRenewalDateRequest(
            extendByDays=5, extendReasonCode=ExtendReasonCode.CUSTOMER_SATISFACTION, requestIdentifier="apple-client-test"))
        check(extended.success is True and extended.effectiveDate is not None, "Extend a Subscription Renewal Date: success")
        try:
            good.get_transaction_info("2999")
            check(False, "an unknown transaction raises")
        except APIException as error:
            check(error.http_status_code == 404 and error.raw_api_error == 4040010, "an unknown transaction: 404, errorCode 4040010")

        for name, broken, rule in (("another key", client(url, key_file="AuthKey_TESTKEYB02.p8"), "signature.mismatch"),
                                   ("another bundle ID", client(url, bundle="com.example.other"), "claims.bid"),
                                   ("an expired token", client(url, cls=ExpiredTokenClient), "claims.exp")):
            lines_before = len(log_file.read_text().splitlines())
            try:
                broken.get_transaction_info("2000000000000001")
                check(False, f"{name}: the library raises")
            except APIException as error:
                check(error.http_status_code == 401, f"{name}: Apple's client raises its 401 error")
            last_record = json.loads(log_lines(log_file, lines_before)[-1])
            check(last_record["status"] == 401 and any(f["rule"] == rule for f in last_record["findings"]),
                  f"{name}: the log names {rule}")
            check(all(len(part) < 40 for part in str(last_record.get("token")).split()), f"{name}: the log holds no whole token")
        check_notification_flow(jwtlint, work)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            code = "killed after 20 s"
        check(code == 0, f"jwtlint serve stops cleanly on SIGTERM (exit {code})")
    print(f"{'FAILED' if failures else 'passed'}: Apple's Python client against jwtlint serve, {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
