#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#define OPENSSL_API_COMPAT 30000
#define OPENSSL_NO_DEPRECATED 1

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/// `OPENSSL_free` and `OPENSSL_cleanse` reach Swift only through these wrappers (the first is a macro).
static inline void copenssl_free(void *pointer) { OPENSSL_free(pointer); }
static inline void copenssl_cleanse(void *pointer, size_t length) { OPENSSL_cleanse(pointer, length); }
/// Makes a P-256 public key from an uncompressed point, or returns NULL (the error is on OpenSSL's queue).
///
/// In C because OSSL_PARAM keeps its key names by pointer: they must be static strings, which Swift's
/// temporary C strings are not. `point` is only read during the call.
static inline EVP_PKEY *copenssl_p256_public_key(const unsigned char *point, size_t length) {
    OSSL_PARAM params[3];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, (char *)"prime256v1", 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, (void *)point, length);
    params[2] = OSSL_PARAM_construct_end();
    EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
    if (context == NULL) return NULL;
    EVP_PKEY *key = NULL;
    if (EVP_PKEY_fromdata_init(context) != 1 || EVP_PKEY_fromdata(context, &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
        key = NULL;
    }
    EVP_PKEY_CTX_free(context);
    return key;
}

/// Makes an RSA public key from its modulus and public exponent (big-endian bytes), or returns NULL (the error is on
/// OpenSSL's queue). In C for the same reason as the P-256 key above; every allocation is freed before it returns.
static inline EVP_PKEY *copenssl_rsa_public_key(const unsigned char *modulus, size_t modulus_length,
                                                const unsigned char *exponent, size_t exponent_length) {
    if (modulus_length > 4096 || exponent_length > 4096) return NULL;
    BIGNUM *n = BN_bin2bn(modulus, (int)modulus_length, NULL);
    BIGNUM *e = BN_bin2bn(exponent, (int)exponent_length, NULL);
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *context = NULL;
    EVP_PKEY *key = NULL;
    if (n != NULL && e != NULL && builder != NULL
        && OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_N, n) == 1
        && OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_E, e) == 1
        && (params = OSSL_PARAM_BLD_to_param(builder)) != NULL
        && (context = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL)) != NULL
        && EVP_PKEY_fromdata_init(context) == 1) {
        if (EVP_PKEY_fromdata(context, &key, EVP_PKEY_PUBLIC_KEY, params) != 1) key = NULL;
    }
    EVP_PKEY_CTX_free(context);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_free(n);
    BN_free(e);
    return key;
}

/// OpenSSL's fixed-base precomputation for a group's generator, `EC_GROUP_precompute_mult`, declared here: it is
/// deprecated in OpenSSL 3.0 (hidden by OPENSSL_NO_DEPRECATED) and absent from builds made with `no-deprecated`.
/// The reference is weak, so that it is NULL where libcrypto lacks the function, whether libcrypto is linked
/// dynamically or statically (as in a release binary); jwtlint then verifies with EVP_PKEY_verify instead.
extern int EC_GROUP_precompute_mult(EC_GROUP *group, BN_CTX *context) __attribute__((weak));

/// Runs `EC_GROUP_precompute_mult`; returns 0 when it fails or when this libcrypto lacks it. jwtlint sets the
/// generator to the verification key's point, so that each verification's u2·Q becomes a fixed-base
/// multiplication, as fast as u1·G.
static inline int copenssl_precompute_mult(EC_GROUP *group, BN_CTX *context) {
    return EC_GROUP_precompute_mult != NULL ? EC_GROUP_precompute_mult(group, context) : 0;
}
/// The `STACK_OF(X509)` functions are type-safe macros, which Swift does not import.
static inline STACK_OF(X509) *copenssl_x509_stack_new(void) { return sk_X509_new_null(); }
static inline int copenssl_x509_stack_push(STACK_OF(X509) *stack, X509 *certificate) { return sk_X509_push(stack, certificate); }
static inline void copenssl_x509_stack_free(STACK_OF(X509) *stack) { sk_X509_free(stack); }
static inline int copenssl_x509_stack_count(const STACK_OF(X509) *stack) { return sk_X509_num(stack); }
static inline X509 *copenssl_x509_stack_get(const STACK_OF(X509) *stack, int index) { return sk_X509_value(stack, index); }
/// A new EC key on `curve` ("P-256", "P-384"): `EVP_EC_gen` is a macro over a variadic function.
static inline EVP_PKEY *copenssl_ec_generate(const char *curve) { return EVP_EC_gen(curve); }
/// Adds the extension `name` (a short name such as "keyUsage", or a dotted OID with a value such as "ASN1:NULL"),
/// written in OpenSSL's configuration syntax, to `certificate`, whose issuer is `issuer` (itself when self-signed).
static inline int copenssl_add_extension(X509 *certificate, X509 *issuer, const char *name, const char *value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, NULL, NULL, 0);
    X509_EXTENSION *extension = X509V3_EXT_nconf(NULL, &context, name, value);
    if (extension == NULL) return 0;
    int added = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    return added;
}
#include "fixed_base_issuer.h"
#endif
