#ifndef COPENSSL_FIXED_BASE_ISSUER_H
#define COPENSSL_FIXED_BASE_ISSUER_H
// An issuer's P-384 key whose ECDSA verifications use fixed-base tables, and an X509_STORE_CTX verify function that
// verifies a leaf under a trusted intermediate with such a key. Included by shim.h, after OpenSSL's headers.
//
// Why: OpenSSL 3.0 verifies P-384 with its generic code, about ten times slower than P-256, and a leaf seen for the
// first time costs one such verification. Each ECDSA verification computes u1·G + u2·Q; with a table of multiples
// of G and another of the issuer's point Q, both become fixed-base multiplications (about 2.5 times faster here).
//
// How: everything but that sum stays OpenSSL's. The key is a legacy EC_KEY whose method is OpenSSL's own except
// `verify_sig`, the step given a digest and a parsed (r, s): OpenSSL still reads the certificate, matches the
// algorithms, hashes the to-be-signed part, rejects a signature that is not DER, and then calls
// copenssl_fixed_base_verify_sig, which does what OpenSSL's ossl_ecdsa_simple_verify_sig does (FIPS 186-5
// §6.4.2) with the tables. An EC_KEY with a method of its own is a "foreign" key to OpenSSL 3, verified on the
// legacy path, which calls the method.
//
// The EC_KEY functions are deprecated in OpenSSL 3.0 (hidden by OPENSSL_NO_DEPRECATED) and absent from builds made
// with `no-deprecated`: they are declared weak, and every function here fails (returns 0 or NULL) when one is
// missing, so that jwtlint verifies with OpenSSL's own code instead.
//
// Tested by Tests/JWTLintTests/FixedBaseIssuerKeyTests.swift (Wycheproof's 504 P-384 cases, tampered leaves).
// SwiftPM does not rebuild the Swift module that imports this header when only the header changes: touch
// Sources/JWTLint/Crypto/FixedBaseIssuerKey.swift after editing it.

typedef struct ec_key_st EC_KEY;  // as OpenSSL's types.h declares them where deprecated types are not hidden
typedef struct ec_key_method_st EC_KEY_METHOD;
extern const EC_KEY_METHOD *EC_KEY_OpenSSL(void) __attribute__((weak));
extern EC_KEY_METHOD *EC_KEY_METHOD_new(const EC_KEY_METHOD *meth) __attribute__((weak));
extern void EC_KEY_METHOD_get_verify(const EC_KEY_METHOD *meth,
                                     int (**pverify)(int type, const unsigned char *dgst, int dgst_len,
                                                     const unsigned char *sigbuf, int sig_len, EC_KEY *eckey),
                                     int (**pverify_sig)(const unsigned char *dgst, int dgst_len,
                                                         const ECDSA_SIG *sig, EC_KEY *eckey)) __attribute__((weak));
extern void EC_KEY_METHOD_set_verify(EC_KEY_METHOD *meth,
                                     int (*verify)(int type, const unsigned char *dgst, int dgst_len,
                                                   const unsigned char *sigbuf, int sig_len, EC_KEY *eckey),
                                     int (*verify_sig)(const unsigned char *dgst, int dgst_len,
                                                       const ECDSA_SIG *sig, EC_KEY *eckey)) __attribute__((weak));
extern EC_KEY *EC_KEY_new_by_curve_name(int nid) __attribute__((weak));
extern int EC_KEY_set_method(EC_KEY *key, const EC_KEY_METHOD *meth) __attribute__((weak));
extern int EC_KEY_set_public_key(EC_KEY *key, const EC_POINT *pub) __attribute__((weak));
extern const EC_GROUP *EC_KEY_get0_group(const EC_KEY *key) __attribute__((weak));
extern const EC_POINT *EC_KEY_get0_public_key(const EC_KEY *key) __attribute__((weak));
extern int EC_KEY_set_ex_data(EC_KEY *key, int idx, void *arg) __attribute__((weak));
extern void *EC_KEY_get_ex_data(const EC_KEY *key, int idx) __attribute__((weak));
extern void EC_KEY_free(EC_KEY *key) __attribute__((weak));
extern int EVP_PKEY_assign(EVP_PKEY *pkey, int type, void *key) __attribute__((weak));
extern int EC_POINT_get_Jprojective_coordinates_GFp(const EC_GROUP *group, const EC_POINT *p, BIGNUM *x, BIGNUM *y,
                                                    BIGNUM *z, BN_CTX *ctx) __attribute__((weak));
extern int EC_POINTs_mul(const EC_GROUP *group, EC_POINT *r, const BIGNUM *scalar, size_t num,
                         const EC_POINT *points[], const BIGNUM *scalars[], BN_CTX *ctx) __attribute__((weak));

/// Whether this libcrypto has every deprecated function used here.
static inline int copenssl_fixed_base_available(void) {
    return EC_KEY_OpenSSL != NULL && EC_KEY_METHOD_new != NULL && EC_KEY_METHOD_get_verify != NULL
        && EC_KEY_METHOD_set_verify != NULL && EC_KEY_new_by_curve_name != NULL && EC_KEY_set_method != NULL
        && EC_KEY_set_public_key != NULL && EC_KEY_get0_group != NULL && EC_KEY_get0_public_key != NULL
        && EC_KEY_set_ex_data != NULL && EC_KEY_get_ex_data != NULL && EC_KEY_free != NULL && EC_POINTs_mul != NULL
        && EVP_PKEY_assign != NULL && EC_POINT_get_Jprojective_coordinates_GFp != NULL
        && EC_GROUP_precompute_mult != NULL;
}

/// The tables a fixed-base key verifies with: the curve with its standard generator G, and the curve with the key's
/// point Q as generator, both with their multiples precomputed. Owned by the Swift side; only read here.
typedef struct {
    const EC_GROUP *generator_table;
    const EC_GROUP *key_table;
} copenssl_fixed_base_tables;

/// k·B where B is `table`'s generator, by the precomputed table. EC_POINTs_mul with no other point (or one point
/// and no generator scalar) takes OpenSSL's constant-time ladder, which ignores the table (it is meant for secret
/// scalars; these are public): one more point, the curve's generator of `standard`, with scalar 0, keeps it on the
/// windowed path that uses the table, and adds nothing to the result.
static inline int copenssl_fixed_base_mul(const EC_GROUP *table, const EC_GROUP *standard, EC_POINT *result,
                                          const BIGNUM *scalar, const BIGNUM *zero, BN_CTX *context) {
    const EC_POINT *points[1] = { EC_GROUP_get0_generator(standard) };
    const BIGNUM *scalars[1] = { zero };
    return EC_POINTs_mul(table, result, scalar, 1, points, scalars, context);
}

/// Whether x(R) mod n = r, for R = (X, Y, Z) not the point at infinity, without the inversion that converting R to
/// affine coordinates costs: x(R) = X/Z² (Jacobian coordinates), and x(R) < p < 2n, so x(R) mod n = r exactly when
/// x(R) = r or x(R) = r + n (the latter only when r + n < p), that is when X = c·Z² (mod p) for one of them.
/// 1 equal, 0 not, -1 error. `r` is in 1...n-1.
static inline int copenssl_x_matches(const EC_GROUP *group, const EC_POINT *point, const BIGNUM *r, BN_CTX *context) {
    const BIGNUM *field = EC_GROUP_get0_field(group), *order = EC_GROUP_get0_order(group);
    BN_CTX_start(context);
    BIGNUM *x = BN_CTX_get(context), *z = BN_CTX_get(context), *zz = BN_CTX_get(context);
    BIGNUM *candidate = BN_CTX_get(context), *product = BN_CTX_get(context);
    int result = -1;
    if (product != NULL && field != NULL && order != NULL
        && EC_POINT_get_Jprojective_coordinates_GFp(group, point, x, NULL, z, context)
        && BN_mod_sqr(zz, z, field, context) && BN_copy(candidate, r) != NULL) {
        result = 0;
        for (int attempt = 0; attempt < 2 && result == 0; attempt++) {
            if (attempt == 1 && (!BN_add(candidate, r, order) || BN_cmp(candidate, field) >= 0)) break;
            if (!BN_mod_mul(product, candidate, zz, field, context)) {
                result = -1;
                break;
            }
            result = BN_cmp(product, x) == 0;
        }
    }
    BN_CTX_end(context);
    return result;
}

/// ECDSA verification of a digest with (r, s) already parsed from DER, as OpenSSL's ossl_ecdsa_simple_verify_sig:
/// 1 valid, 0 invalid, -1 error. r and s must lie in 1...n-1; e is the digest's leftmost bits, as many as n has;
/// w = s^-1 mod n, u1 = e·w mod n, u2 = r·w mod n, R = u1·G + u2·Q (both fixed-base), valid when R is not the point
/// at infinity and x(R) mod n = r.
static int copenssl_fixed_base_verify_sig(const unsigned char *digest, int digest_length, const ECDSA_SIG *signature,
                                          EC_KEY *key) {
    const copenssl_fixed_base_tables *tables = EC_KEY_get_ex_data(key, 0);
    const EC_GROUP *group = EC_KEY_get0_group(key);
    if (tables == NULL || group == NULL || EC_KEY_get0_public_key(key) == NULL || signature == NULL
        || digest == NULL || digest_length < 0) return -1;
    const BIGNUM *order = EC_GROUP_get0_order(group);
    const BIGNUM *r = NULL, *s = NULL;
    ECDSA_SIG_get0(signature, &r, &s);
    if (r == NULL || s == NULL || BN_is_zero(r) || BN_is_negative(r) || BN_ucmp(r, order) >= 0
        || BN_is_zero(s) || BN_is_negative(s) || BN_ucmp(s, order) >= 0) return 0;
    int result = -1;
    BN_CTX *context = BN_CTX_new();
    EC_POINT *sum = EC_POINT_new(group), *second = EC_POINT_new(group);
    if (context == NULL || sum == NULL || second == NULL) goto done;
    BN_CTX_start(context);
    BIGNUM *e = BN_CTX_get(context), *w = BN_CTX_get(context), *u1 = BN_CTX_get(context);
    BIGNUM *u2 = BN_CTX_get(context), *zero = BN_CTX_get(context);
    if (zero == NULL) goto end;
    BN_zero(zero);
    int bits = BN_num_bits(order), length = digest_length;
    if (8 * length > bits) length = (bits + 7) / 8;
    if (BN_bin2bn(digest, length, e) == NULL) goto end;
    if (8 * length > bits && !BN_rshift(e, e, 8 - (bits & 0x7))) goto end;
    if (BN_mod_inverse(w, s, order, context) == NULL || !BN_mod_mul(u1, e, w, order, context)
        || !BN_mod_mul(u2, r, w, order, context)
        || !copenssl_fixed_base_mul(tables->generator_table, group, sum, u1, zero, context)
        || !copenssl_fixed_base_mul(tables->key_table, group, second, u2, zero, context)
        || !EC_POINT_add(group, sum, sum, second, context)) goto end;
    result = EC_POINT_is_at_infinity(group, sum) ? 0 : copenssl_x_matches(group, sum, r, context);
end:
    BN_CTX_end(context);
done:
    EC_POINT_free(second);
    EC_POINT_free(sum);
    BN_CTX_free(context);
    return result;
}

/// A new EC_KEY method: OpenSSL's own with copenssl_fixed_base_verify_sig as its verify_sig, or NULL. The caller keeps
/// it for the life of the process (keys refer to it).
static inline EC_KEY_METHOD *copenssl_fixed_base_new_method(void) {
    if (!copenssl_fixed_base_available()) return NULL;
    EC_KEY_METHOD *method = EC_KEY_METHOD_new(EC_KEY_OpenSSL());
    if (method == NULL) return NULL;
    int (*verify)(int, const unsigned char *, int, const unsigned char *, int, EC_KEY *) = NULL;
    EC_KEY_METHOD_get_verify(EC_KEY_OpenSSL(), &verify, NULL);
    EC_KEY_METHOD_set_verify(method, verify, copenssl_fixed_base_verify_sig);
    return method;
}

/// A public key on `curve` (a NID) at `point` (SEC 1 encoding), verified with `method` and `tables` (which the
/// caller keeps alive as long as the key), or NULL (the error is on OpenSSL's queue).
static inline EVP_PKEY *copenssl_fixed_base_key(const EC_KEY_METHOD *method, int curve, const unsigned char *point,
                                                size_t length, copenssl_fixed_base_tables *tables) {
    if (method == NULL || !copenssl_fixed_base_available()) return NULL;
    EC_KEY *key = EC_KEY_new_by_curve_name(curve);
    EVP_PKEY *pkey = EVP_PKEY_new();
    EC_POINT *public_point = key != NULL ? EC_POINT_new(EC_KEY_get0_group(key)) : NULL;
    int made = key != NULL && pkey != NULL && public_point != NULL && EC_KEY_set_method(key, method) == 1
        && EC_POINT_oct2point(EC_KEY_get0_group(key), public_point, point, length, NULL) == 1
        && EC_KEY_set_public_key(key, public_point) == 1 && EC_KEY_set_ex_data(key, 0, tables) == 1
        && EVP_PKEY_assign(pkey, EVP_PKEY_EC, key) == 1;
    EC_POINT_free(public_point);
    if (!made) {
        EC_KEY_free(key);
        EVP_PKEY_free(pkey);
        return NULL;
    }
    return pkey;  // owns the EC_KEY now
}

/// ossl_x509_check_cert_time's test: whether `certificate` is valid at `time` (X509_cmp_time is -1 for a time
/// before or at the given one, 1 after it, 0 for a malformed one).
static inline int copenssl_valid_at(const X509 *certificate, time_t *time) {
    return X509_cmp_time(X509_get0_notBefore(certificate), time) < 0
        && X509_cmp_time(X509_get0_notAfter(certificate), time) > 0;
}

/// An X509_STORE_CTX verify function (what OpenSSL's internal_verify does for a chain built as far as a trusted
/// intermediate, X509_V_FLAG_PARTIAL_CHAIN) that checks the leaf's signature with the key in the context's
/// ex_data 0 (a fixed-base key for the same point as the intermediate's): the chain must be the leaf and the
/// issuer in ex_data 1 (the intermediate the key was made from); the issuer valid at the context's time, the leaf
/// issued by it (X509_check_issued: names, key identifiers, key usage), its signature valid under the key
/// (X509_verify), and the leaf valid at the time. The issuer's validity and X509_check_issued are deliberately
/// redundant: the caller only uses the key at a time the intermediate covers, and OpenSSL built the chain with
/// X509_check_issued; they are kept so that this function checks all that internal_verify does, on its own.
static int copenssl_verify_with_issuer_key(X509_STORE_CTX *context) {
    EVP_PKEY *issuer_key = X509_STORE_CTX_get_ex_data(context, 0);
    X509 *expected_issuer = X509_STORE_CTX_get_ex_data(context, 1);
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(context);
    X509_VERIFY_PARAM *parameters = X509_STORE_CTX_get0_param(context);
    int error = X509_V_ERR_UNSPECIFIED;
    if (issuer_key != NULL && expected_issuer != NULL && chain != NULL && sk_X509_num(chain) == 2
        && sk_X509_value(chain, 1) == expected_issuer && parameters != NULL
        && (X509_VERIFY_PARAM_get_flags(parameters) & X509_V_FLAG_USE_CHECK_TIME) != 0) {
        X509 *leaf = sk_X509_value(chain, 0), *issuer = sk_X509_value(chain, 1);
        time_t time = X509_VERIFY_PARAM_get_time(parameters);
        if (!copenssl_valid_at(issuer, &time)) error = X509_V_ERR_CERT_HAS_EXPIRED;
        else if ((error = X509_check_issued(issuer, leaf)) != X509_V_OK) {}
        else if (X509_verify(leaf, issuer_key) <= 0) error = X509_V_ERR_CERT_SIGNATURE_FAILURE;
        else if (!copenssl_valid_at(leaf, &time)) error = X509_V_ERR_CERT_HAS_EXPIRED;
        else return 1;
    }
    X509_STORE_CTX_set_error(context, error);
    return 0;
}

/// Makes `context` verify with copenssl_verify_with_issuer_key and `issuer_key`, made from `issuer`'s key (both kept
/// alive by the caller). Indexes 0 and 1 of the context's ex_data are jwtlint's: nothing else in the process sets them.
static inline int copenssl_use_issuer_key(X509_STORE_CTX *context, EVP_PKEY *issuer_key, X509 *issuer) {
    if (X509_STORE_CTX_set_ex_data(context, 0, issuer_key) != 1 || X509_STORE_CTX_set_ex_data(context, 1, issuer) != 1) return 0;
    X509_STORE_CTX_set_verify(context, copenssl_verify_with_issuer_key);
    return 1;
}

#endif
