/*
 * The benchmark's baseline: the least a verifier of ES256 tokens can do, and nothing else.
 * For each line of TOKENS: find the two dots, base64url-decode the 64-byte signature, wrap r||s in DER
 * (EVP_DigestVerify wants DER), and call EVP_DigestVerifyInit + EVP_DigestVerify over header.payload.
 * No JSON, no claims, no output per token. Prints the number of tokens that verified.
 *
 * Usage: verify PUBLIC_KEY.pem TOKENS
 */
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int b64url_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

/* Decodes unpadded base64url; returns the byte count or -1. */
static long b64url_decode(const char *in, size_t length, unsigned char *out, size_t capacity) {
    unsigned int accumulator = 0;
    int bits = 0;
    size_t written = 0;
    for (size_t i = 0; i < length; i++) {
        int value = b64url_value((unsigned char)in[i]);
        if (value < 0) return -1;
        accumulator = (accumulator << 6) | (unsigned int)value;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (written == capacity) return -1;
            out[written++] = (unsigned char)(accumulator >> bits);
        }
    }
    return (long)written;
}

/* DER INTEGER of a 32-byte big-endian value. */
static size_t der_integer(const unsigned char *value, unsigned char *out) {
    size_t start = 0;
    while (start < 31 && value[start] == 0) start++;
    size_t length = 32 - start;
    int pad = value[start] & 0x80 ? 1 : 0;
    out[0] = 0x02;
    out[1] = (unsigned char)(length + pad);
    if (pad) out[2] = 0;
    memcpy(out + 2 + pad, value + start, length);
    return 2 + pad + length;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: verify PUBLIC_KEY.pem TOKENS\n");
        return 2;
    }
    FILE *keyFile = fopen(argv[1], "r");
    if (!keyFile) { perror(argv[1]); return 2; }
    EVP_PKEY *key = PEM_read_PUBKEY(keyFile, NULL, NULL, NULL);
    fclose(keyFile);
    if (!key) { fprintf(stderr, "cannot read the public key\n"); return 2; }
    FILE *tokens = fopen(argv[2], "r");
    if (!tokens) { perror(argv[2]); return 2; }

    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    long verified = 0, total = 0;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    while ((length = getline(&line, &capacity, tokens)) > 0) {
        while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = 0;
        if (length == 0) continue;
        total++;
        char *first = memchr(line, '.', (size_t)length);
        char *second = first ? memchr(first + 1, '.', (size_t)(line + length - first - 1)) : NULL;
        if (!second) continue;
        unsigned char raw[64], der[72];
        if (b64url_decode(second + 1, (size_t)(line + length - second - 1), raw, sizeof raw) != 64) continue;
        size_t r = der_integer(raw, der + 2);
        size_t s = der_integer(raw + 32, der + 2 + r);
        der[0] = 0x30;
        der[1] = (unsigned char)(r + s);
        if (EVP_DigestVerifyInit(context, NULL, EVP_sha256(), NULL, key) == 1 &&
            EVP_DigestVerify(context, der, 2 + r + s, (const unsigned char *)line, (size_t)(second - line)) == 1) {
            verified++;
        }
        EVP_MD_CTX_reset(context);
    }
    EVP_MD_CTX_free(context);
    free(line);
    fclose(tokens);
    EVP_PKEY_free(key);
    printf("%ld of %ld verified\n", verified, total);
    return verified == total ? 0 : 1;
}
