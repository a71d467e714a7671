#ifndef CLEARING_ALLOCATOR_H
#define CLEARING_ALLOCATOR_H
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// An allocator that overwrites every block with zeros before freeing it, for the C libraries jwtlint uses
/// (OpenSSL and jansson): they copy key material (a private key's DER, a private JWK's members) into buffers of
/// their own and free some without clearing them, and freed memory keeps what it held until it is reused.
/// Each block starts with its size, so that it can be cleared whole. The Swift code hands these functions to
/// each library when the program asks for it (`MemoryHygiene.clearFreedMemory()`). Header-only, like the other
/// shims, so that no separately compiled C object (with debug information valgrind cannot read) is linked in.
/// The `_at` forms take the file and line arguments of OpenSSL's `CRYPTO_set_mem_functions` (ignored).

/// Room before each block for its size, keeping the 16-byte alignment malloc gives.
#define CLEARING_ALLOCATOR_HEADER 16
static inline void *clearing_malloc(size_t size) {
    if (size > SIZE_MAX - CLEARING_ALLOCATOR_HEADER) return NULL;
    unsigned char *block = (unsigned char *)malloc(size + CLEARING_ALLOCATOR_HEADER);
    if (block == NULL) return NULL;
    memcpy(block, &size, sizeof size);
    return block + CLEARING_ALLOCATOR_HEADER;
}

static inline void clearing_free(void *pointer) {
    if (pointer == NULL) return;
    unsigned char *block = (unsigned char *)pointer - CLEARING_ALLOCATOR_HEADER;
    size_t size;
    memcpy(&size, block, sizeof size);
    memset(block, 0, size + CLEARING_ALLOCATOR_HEADER);
    __asm__ __volatile__("" : : "r"(block) : "memory");  // the stores above are not dead: keep them
    free(block);
}

static inline void *clearing_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return clearing_malloc(size);
    if (size == 0) {
        clearing_free(pointer);
        return NULL;
    }
    size_t old;
    memcpy(&old, (unsigned char *)pointer - CLEARING_ALLOCATOR_HEADER, sizeof old);
    void *moved = clearing_malloc(size);
    if (moved == NULL) return NULL;
    memcpy(moved, pointer, old < size ? old : size);
    clearing_free(pointer);
    return moved;
}

static inline void *clearing_malloc_at(size_t size, const char *file, int line) {
    (void)file;
    (void)line;
    return clearing_malloc(size);
}

static inline void clearing_free_at(void *pointer, const char *file, int line) {
    (void)file;
    (void)line;
    clearing_free(pointer);
}

static inline void *clearing_realloc_at(void *pointer, size_t size, const char *file, int line) {
    (void)file;
    (void)line;
    return clearing_realloc(pointer, size);
}
#endif
