/*
 * Fuzz target for the coder: the input is a story, coded with bede's
 * bundled dictionaries (data/, loaded once). Every event must name actors
 * and a code and point inside the story. Built for libFuzzer with
 * -DBEDE_FUZZ=ON (make fuzz); replay.c runs it over the text seeds in
 * `make check`.
 */
#include "bede.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bede_dict *dict;
static bede_coder *coder;
static bede_worker *worker;

static void setup(void) {
    bede_error err;
    dict = bede_dict_new(NULL, &err);
    if (!dict || bede_dict_add_bundled(dict, BEDE_SOURCE_DIR "/data", &err) < 0)
        abort();
    coder = bede_coder_new(dict, NULL, &err);
    worker = coder ? bede_worker_new(coder, &err) : NULL;
    if (!worker) abort();
}

typedef struct {
    size_t len;
} story;

static int check_event(const bede_event *ev, void *user) {
    const story *s = user;
    if (!ev->source.code || !ev->target.code || !ev->code || !*ev->code)
        abort();
    if (ev->verb.end > s->len || ev->verb.start > ev->verb.end) abort();
    if (ev->source.span.end > s->len || ev->target.span.end > s->len)
        abort();
    if (ev->sentence_span.end > s->len) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!worker) setup();
    /* copy so that reads past the end are caught by the sanitizers */
    char *text = malloc(size ? size : 1);
    if (!text) abort();
    memcpy(text, data, size);
    story s = {size};
    bede_story st = {"fuzz", size && (data[0] & 1) ? 20240101 : 0};
    bede_error err;
    int n = bede_code(worker, text, size, &st, check_event, &s, NULL, &err);
    if (n < 0 && n != BEDE_ERR_UTF8) abort();
    free(text);
    return 0;
}
