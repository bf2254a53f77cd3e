/*
 * Fuzz target for the coder: the input is a story, coded with bede's
 * bundled dictionaries (data/, loaded once) by one of four coders that the
 * first byte picks: the default options, or sets of the options that
 * change which events a sentence gives (default actors, code_by, comma
 * phrases, min_words, time_shift). Every event must name actors and a code
 * and point inside the story. Built for libFuzzer with
 * -DBEDE_FUZZ=ON (make fuzz); replay.c runs it over the text seeds in
 * `make check`.
 */
#include "bede.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bede_dict *dict;
static bede_coder *coder[4];
static bede_worker *worker[4];

static void setup(void) {
    bede_error err;
    dict = bede_dict_new(NULL, &err);
    if (!dict || bede_dict_add_bundled(dict, BEDE_SOURCE_DIR "/data", &err) < 0)
        abort();
    for (int k = 0; k < 4; k++) {
        bede_coder_options o;
        bede_coder_default_options(&o);
        if (k == 1) {
            o.code_by = BEDE_CODE_ALL;
            o.comma_phrases = 1;
            o.default_source = "SRCDEF";
            o.default_target = "TGTDEF";
        } else if (k == 2) {
            o.code_by = BEDE_CODE_FIRST;
            o.min_words = 5;
            o.time_shift = 1;
            o.default_source = "SRCDEF";
            o.default_source_prior = 0;
            o.default_target_after = 0;
        } else if (k == 3) {
            o.comma_phrases = 1;
            o.comma_first_min = 0;
            o.comma_first_max = 20;
            o.comma_min = 0;
            o.comma_last_min = 0;
            o.require_target = 0;
        }
        coder[k] = bede_coder_new(dict, &o, &err);
        worker[k] = coder[k] ? bede_worker_new(coder[k], &err) : NULL;
        if (!worker[k]) abort();
    }
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
    if (!worker[0]) setup();
    /* copy so that reads past the end are caught by the sanitizers */
    char *text = malloc(size ? size : 1);
    if (!text) abort();
    memcpy(text, data, size);
    story s = {size};
    bede_story st = {"fuzz", size && (data[0] & 1) ? 20240101 : 0};
    bede_error err;
    bede_worker *w = worker[size ? (data[0] >> 1) & 3 : 0];
    int n = bede_code(w, text, size, &st, check_event, &s, NULL, &err);
    if (n < 0 && n != BEDE_ERR_UTF8) abort();
    free(text);
    return 0;
}
