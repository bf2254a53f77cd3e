/* Error codes, messages and the error record every failing call fills. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *bede_version(void) {
    return BEDE_VERSION_STRING;
}

const char *bede_strerror(int status) {
    switch (status) {
    case BEDE_OK:
        return "success";
    case BEDE_ERR_NOMEM:
        return "out of memory";
    case BEDE_ERR_IO:
        return "input/output error";
    case BEDE_ERR_UTF8:
        return "invalid UTF-8";
    case BEDE_ERR_SYNTAX:
        return "syntax error";
    case BEDE_ERR_FORMAT:
        return "unsupported file format";
    case BEDE_ERR_CHECKSUM:
        return "checksum mismatch (truncated or corrupted)";
    case BEDE_ERR_ARG:
        return "invalid argument";
    case BEDE_ERR_LIMIT:
        return "limit exceeded";
    case BEDE_ERR_ABORTED:
        return "stopped by the caller";
    default:
        return "unknown error";
    }
}

int bede_fail(bede_error *err, int status, const char *file, uint32_t line,
              uint32_t column, uint64_t offset, const char *fmt, ...) {
    if (!err) return status;
    memset(err, 0, sizeof *err);
    err->status = status;
    if (file) snprintf(err->file, sizeof err->file, "%s", file);
    err->line = line;
    err->column = column;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

const char *bede_error_format(const bede_error *err, char *buf, size_t cap) {
    if (!buf || cap == 0) return buf;
    if (!err) {
        snprintf(buf, cap, "no error");
    } else if (err->file[0] && err->line) {
        snprintf(buf, cap, "%s:%u:%u: %s", err->file, err->line, err->column,
                 err->message);
    } else if (err->file[0]) {
        snprintf(buf, cap, "%s: %s", err->file, err->message);
    } else if (err->status == BEDE_ERR_UTF8 || err->offset) {
        snprintf(buf, cap, "byte %llu: %s", (unsigned long long)err->offset,
                 err->message);
    } else {
        snprintf(buf, cap, "%s",
                 err->message[0] ? err->message : bede_strerror(err->status));
    }
    return buf;
}

int vec_reserve(void **v, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *p = realloc(*v, n * elem);
    if (!p) return BEDE_ERR_NOMEM;
    *v = p;
    *cap = n;
    return 0;
}

bool str_in_list(const char *const *list, const char *w) {
    /* the first byte rules out most entries without a call */
    for (; *list; list++)
        if ((*list)[0] == w[0] && strcmp(*list, w) == 0) return true;
    return false;
}

int read_file(const char *path, char **out, size_t *len, bede_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return bede_fail(err, BEDE_ERR_IO, path, 0, 0, 0, "cannot open: %s",
                         strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) { /* room for the data and a NUL */
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf)
        return bede_fail(err, BEDE_ERR_NOMEM, path, 0, 0, 0,
                         "out of memory reading the file");
    if (bad) {
        free(buf);
        return bede_fail(err, BEDE_ERR_IO, path, 0, 0, 0, "read error");
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

uint32_t pool_add(char_vec *pool, const char *s, size_t len) {
    if (pool->n + len + 1 > UINT32_MAX) return UINT32_MAX;
    if (vec_reserve((void **)&pool->v, &pool->cap, pool->n + len + 1, 1))
        return UINT32_MAX;
    uint32_t off = (uint32_t)pool->n;
    memcpy(pool->v + pool->n, s, len);
    pool->v[pool->n + len] = '\0';
    pool->n += len + 1;
    return off;
}
