import subprocess

from appstoreserverlibrary.api_client import APIException, AppStoreServerAPIClient
from appstoreserverlibrary.models.Environment import Environment
from appstoreserverlibrary.signed_data_verifier import SignedDataVerifier
from cryptography import x509
from cryptography.hazmat.primitives import serialization

# Start the stand-in: the first line it prints is its URL.
server = subprocess.Popen(
    ["jwtlint", "serve", "--key", "Vectors/keys/SubscriptionKey_TESTKEYA01.p8",
     "--issuer", "57246542-96fe-1a63-e053-0824d011072a", "--bundle-id", "com.example.app",
     "--port", "0", "--write-root", "/tmp/stand-in-root.pem"],
    stdout=subprocess.PIPE, text=True)
url = server.stdout.readline().strip()

# Your real client and token code, pointed at the stand-in.
key = open("Vectors/keys/SubscriptionKey_TESTKEYA01.p8", "rb").read()
client = AppStoreServerAPIClient(key, "TESTKEYA01", "57246542-96fe-1a63-e053-0824d011072a",
                                 "com.example.app", Environment.SANDBOX)
client._base_url = url

# Signed data comes from the stand-in's test chain: trust its root, never in production.
root = x509.load_pem_x509_certificate(open("/tmp/stand-in-root.pem", "rb").read())
verifier = SignedDataVerifier([root.public_bytes(serialization.Encoding.DER)], False,
                              Environment.SANDBOX, "com.example.app", None)
info = client.get_transaction_info("2000000000000011")
print(verifier.verify_and_decode_signed_transaction(info.signedTransactionInfo).productId)

# A token Apple would refuse gets Apple's 401, and the stand-in's log (standard error) says why.
wrong = AppStoreServerAPIClient(key, "TESTKEYA01", "57246542-96fe-1a63-e053-0824d011072a",
                                "com.example.other", Environment.SANDBOX)
wrong._base_url = url
try:
    wrong.get_transaction_info("2000000000000011")
except APIException as error:
    print(error.http_status_code)  # 401; the log names claims.bid and how to fix it

server.terminate()
server.wait()
