import json
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from appstoreserverlibrary.models.Environment import Environment
from appstoreserverlibrary.signed_data_verifier import SignedDataVerifier
from cryptography import x509
from cryptography.hazmat.primitives import serialization

# One test chain for the whole suite: the handler under test trusts its root (never in production).
chain = tempfile.mkdtemp() + "/chain"
subprocess.run(["jwtlint", "chain", "create", chain], check=True, capture_output=True)
root = x509.load_pem_x509_certificate(open(chain + "/root.pem", "rb").read())
verifier = SignedDataVerifier([root.public_bytes(serialization.Encoding.DER)], False,
                              Environment.SANDBOX, "com.example.app", None)


# The handler under test: verify, decode, act, answer 200.
class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        notification = verifier.verify_and_decode_notification(body["signedPayload"])
        transaction = verifier.verify_and_decode_signed_transaction(notification.data.signedTransactionInfo)
        print(notification.notificationType.value, transaction.productId)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/apple/notifications"

# Apple's notification, signed by the chain, with a field changed; exit status 0 when the handler answers 2xx.
result = subprocess.run(["jwtlint", "notify", "DID_RENEW", "--chain", chain, "--bundle-id", "com.example.app",
                         "--set", "data.signedTransactionInfo.productId=com.example.app.yearly", "--url", url],
                        capture_output=True, text=True)
print(result.returncode)
server.shutdown()
