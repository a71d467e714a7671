#!/usr/bin/env python3
"""Writes N App Store-style signed transactions, one per line, signed by the TEST-ONLY chain of
Vectors/gen/signed_data.py (leaf, intermediate with Apple's OIDs, root), and the chain's root as PEM and DER.

Usage: make_signed.py [--new-leaf] N OUT ROOT_PEM ROOT_DER
Each transaction has its own transactionId and signedDate (all within the test leaf's validity), bundle ID
com.example.app, environment Sandbox: what a sandbox verifier of that app accepts. With --new-leaf, each is signed
by a leaf of its own (its own key and serial number) under the same intermediate and root, as when a verifier
meets a certificate for the first time in every JWS. Needs `cryptography`.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Vectors" / "gen"))
import signed_data  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402


def main() -> None:
    arguments = sys.argv[1:]
    new_leaf = arguments[:1] == ["--new-leaf"]
    if new_leaf:
        arguments = arguments[1:]
    count, out, root_pem, root_der = int(arguments[0]), Path(arguments[1]), Path(arguments[2]), Path(arguments[3])
    chain = signed_data.Chain()
    header = {"alg": "ES256", "x5c": chain.x5c(chain.leaf, chain.intermediate, chain.root)}
    with out.open("w") as stream:
        for index in range(count):
            key = chain.leaf_key
            if new_leaf:
                key = ec.generate_private_key(ec.SECP256R1())
                leaf = chain.leaf_with(key, 1000 + index, signed_data.utc(2025), signed_data.utc(2028), signed_data.LEAF_OID)
                header = {"alg": "ES256", "x5c": chain.x5c(leaf, chain.intermediate, chain.root)}
            payload = signed_data.transaction(transactionId=str(2000000000000000 + index),
                                              signedDate=signed_data.SIGNED_DATE - index * 1000)
            stream.write(signed_data.jws(header, payload, key) + "\n")
    root_pem.write_bytes(chain.root.public_bytes(serialization.Encoding.PEM))
    root_der.write_bytes(signed_data.der(chain.root))


if __name__ == "__main__":
    main()
