#ifndef CLEARING_ALLOCATOR_H
#define CLEARING_ALLOCATOR_H
#include <stddef.h>

/// An allocator that overwrites every block with zeros before freeing it, for the C libraries jwtlint uses
/// (OpenSSL and jansson): they copy key material (a private key's DER, a private JWK's members) into buffers of
/// their own and free some without clearing them, and freed memory keeps what it held until it is reused.
/// Each block starts with its size, so that it can be cleared whole. The Swift code hands these functions to
/// each library when the program asks for it (`MemoryHygiene.clearFreedMemory()`).

/// malloc; NULL when out of memory or `size` is too large.
void *clearing_malloc(size_t size);
/// free, after overwriting the block with zeros; NULL is ignored.
void clearing_free(void *pointer);
/// realloc (NULL allocates, size 0 frees); the old block is cleared, never left behind.
void *clearing_realloc(void *pointer, size_t size);

/// The same, with the file and line arguments of OpenSSL's `CRYPTO_set_mem_functions` (ignored).
void *clearing_malloc_at(size_t size, const char *file, int line);
void clearing_free_at(void *pointer, const char *file, int line);
void *clearing_realloc_at(void *pointer, size_t size, const char *file, int line);
#endif
