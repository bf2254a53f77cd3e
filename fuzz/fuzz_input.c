/*
 * Fuzz target for the input readers of `bede code` and `bede validate`
 * (tools/input.c): text, paras, jsonl, PETRARCH XML and TABARI records. The
 * first input byte chooses the reader (and TABARI's four-digit years); the
 * rest is the file. Every record
 * must come back (possibly rejected, with a reason naming file:line:column)
 * and the reader must end: a bad input is never a crash. Replayed by
 * replay.c in `make check`.
 */
#include "../tools/input.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    in_kind kind = (in_kind)(data[0] % IN_KIND_COUNT);
    /* a copy, so that reads past the end are caught by the sanitizers */
    size_t len = size - 1;
    char *copy = malloc(len ? len : 1);
    if (!copy) abort();
    memcpy(copy, data + 1, len);
    FILE *f = len ? fmemopen(copy, len, "rb") : fopen("/dev/null", "rb");
    if (!f) abort();
    in_reader *in = in_open_stream(f, "fuzz", kind);
    if (!in) abort();
    /* TABARI's four-digit years, from a bit the reader choice leaves */
    in_set_four_digit_years(in, (data[0] / IN_KIND_COUNT) & 1);
    in_record r;
    memset(&r, 0, sizeof r);
    int rc;
    size_t n = 0;
    while ((rc = in_next(in, &r)) == 1) {
        if (!r.id || !r.file) abort();
        if (r.rejected && strncmp(r.reason, "fuzz", 4) != 0) abort();
        if (!r.rejected && !r.text) abort();
        if (r.text && strlen(r.text) > r.len) abort();
        for (size_t i = 0; i < r.nevents; i++)
            if (!r.events[i].source || !r.events[i].target ||
                !r.events[i].code)
                abort();
        in_record_free(&r);
        if (++n > size + 1) abort(); /* more records than bytes */
    }
    in_record_free(&r);
    (void)in_environment_of(in);
    in_close(in);
    fclose(f);
    free(copy);
    return 0;
}
