#ifndef COPENSSLTLS_SHIM_H
#define COPENSSLTLS_SHIM_H
#define OPENSSL_API_COMPAT 30000
#define OPENSSL_NO_DEPRECATED 1

// OpenSSL's TLS (libssl), for the HTTPS client that sends notifications: only JWTLintHTTP imports it.
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

/// These are macros in OpenSSL's headers, which Swift cannot call.
static inline int copenssltls_set_min_tls12(SSL_CTX *context) {
    return (int)SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
}
static inline int copenssltls_set_server_name(SSL *connection, const char *name) {
    return (int)SSL_set_tlsext_host_name(connection, name);
}
/// Reads a peer's close without close_notify as the end of the stream, as HTTP/1.1 servers often close.
static inline void copenssltls_ignore_unexpected_eof(SSL_CTX *context) {
    SSL_CTX_set_options(context, SSL_OP_IGNORE_UNEXPECTED_EOF);
}
#endif
