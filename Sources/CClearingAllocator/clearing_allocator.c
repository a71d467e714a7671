#include "clearing_allocator.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Room before each block for its size, keeping the 16-byte alignment malloc gives.
enum { header_size = 16 };

void *clearing_malloc(size_t size) {
    if (size > SIZE_MAX - header_size) return NULL;
    unsigned char *block = (unsigned char *)malloc(size + header_size);
    if (block == NULL) return NULL;
    memcpy(block, &size, sizeof size);
    return block + header_size;
}

void clearing_free(void *pointer) {
    if (pointer == NULL) return;
    unsigned char *block = (unsigned char *)pointer - header_size;
    size_t size;
    memcpy(&size, block, sizeof size);
    memset(block, 0, size + header_size);
    __asm__ __volatile__("" : : "r"(block) : "memory");  // the stores above are not dead: keep them
    free(block);
}

void *clearing_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return clearing_malloc(size);
    if (size == 0) {
        clearing_free(pointer);
        return NULL;
    }
    size_t old;
    memcpy(&old, (unsigned char *)pointer - header_size, sizeof old);
    void *moved = clearing_malloc(size);
    if (moved == NULL) return NULL;
    memcpy(moved, pointer, old < size ? old : size);
    clearing_free(pointer);
    return moved;
}

void *clearing_malloc_at(size_t size, const char *file, int line) {
    (void)file;
    (void)line;
    return clearing_malloc(size);
}

void clearing_free_at(void *pointer, const char *file, int line) {
    (void)file;
    (void)line;
    clearing_free(pointer);
}

void *clearing_realloc_at(void *pointer, size_t size, const char *file, int line) {
    (void)file;
    (void)line;
    return clearing_realloc(pointer, size);
}
