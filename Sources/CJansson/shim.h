#ifndef CJANSSON_SHIM_H
#define CJANSSON_SHIM_H
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// `json_typeof` is a function-like macro, which Swift does not import.
static inline json_type cjansson_typeof(const json_t *json) { return json_typeof(json); }

/// `json_decref` is `static inline` in jansson.h; a wrapper keeps the call site obvious.
static inline void cjansson_decref(json_t *json) { json_decref(json); }

/// jansson allocates through these once `cjansson_clear_freed_memory` ran: each block starts with its size, so
/// that it can be overwritten with zeros before it is freed. What jansson parses may be a private JWK, and freed
/// memory keeps what it held until something else reuses it.
static inline void *cjansson_clearing_malloc(size_t size) {
    if (size > SIZE_MAX - 16) return NULL;
    unsigned char *block = (unsigned char *)malloc(size + 16);
    if (block == NULL) return NULL;
    memcpy(block, &size, sizeof size);
    return block + 16;
}

static inline void cjansson_clearing_free(void *pointer) {
    if (pointer == NULL) return;
    unsigned char *block = (unsigned char *)pointer - 16;
    size_t size;
    memcpy(&size, block, sizeof size);
    memset(block, 0, size + 16);
    __asm__ __volatile__("" : : "r"(block) : "memory");  // the stores above are not dead: keep them
    free(block);
}

/// Makes jansson clear every block it frees. Call once, before any other jansson call.
static inline void cjansson_clear_freed_memory(void) {
    json_set_alloc_funcs(cjansson_clearing_malloc, cjansson_clearing_free);
}
#endif
