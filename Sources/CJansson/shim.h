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

#endif
