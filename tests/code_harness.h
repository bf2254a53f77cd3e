/*
 * Coding a text in a test: the events it gives as one short string,
 * "SRC TGT CODE, SRC TGT CODE" ("" when none), for CHECK_STR. Include
 * after bede.h and harness.h.
 */
#ifndef BEDE_TEST_CODE_HARNESS_H
#define BEDE_TEST_CODE_HARNESS_H

typedef struct {
    char buf[512];
    int with_dates; /* each event also with its date (yyyymmdd) */
} harness_events;

static inline int harness_on_event(const bede_event *ev, void *user) {
    harness_events *e = user;
    size_t n = strlen(e->buf);
    snprintf(e->buf + n, sizeof e->buf - n, "%s%s %s %s", n ? ", " : "",
             ev->source.code, ev->target.code, ev->code);
    n = strlen(e->buf);
    if (e->with_dates)
        snprintf(e->buf + n, sizeof e->buf - n, " %d", (int)ev->date);
    return 0;
}

/* The events of text coded with d and options o (NULL: the defaults), as
 * a story dated 2024-03-05. */
static inline const char *harness_code(const bede_dict *d,
                                       const bede_coder_options *o,
                                       const char *text,
                                       harness_events *out) {
    out->buf[0] = '\0';
    bede_coder_options defaults;
    if (!o) {
        bede_coder_default_options(&defaults);
        o = &defaults;
    }
    bede_error err;
    bede_coder *c = d ? bede_coder_new(d, o, &err) : NULL;
    bede_worker *w = c ? bede_worker_new(c, &err) : NULL;
    CHECK(w != NULL);
    bede_story story = {"test", 20240305};
    if (w)
        CHECK(bede_code(w, text, strlen(text), &story, harness_on_event, out,
                        NULL, &err) >= 0);
    bede_worker_free(w);
    bede_coder_free(c);
    return out->buf;
}

#endif
