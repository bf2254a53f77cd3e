/*
 * The coder's acceptance test: tests/cases/events.txt (news-style stories
 * and the events a codebook coder writes for them) coded with bede's bundled
 * dictionaries (data/actors, agents, verbs, discards). A case passes when
 * the produced (source, target, code) set equals the expected set. Cases
 * listed in tests/cases/events.known-failures must fail (each with its
 * reason); a listed case that passes is reported so the list can shrink, an
 * unlisted failure fails the test. Format: tests/cases/README.md.
 *
 * Also run here: regression cases named after what they guard
 * (tests/cases/coder-regressions.txt, same format, no known failures).
 */
#include "harness.h"
#include "internal.h"

#include <stdbool.h>

typedef struct {
    char src[32], tgt[32], code[8];
} triple;

enum { MAX_TRIPLES = 64 };

/* With --write-known-failures FILE: every failing case of events.txt is
 * written there, with what was expected and produced. */
static FILE *write_known;

typedef struct {
    triple v[MAX_TRIPLES];
    int n;
} triples;

static int on_event(const bede_event *ev, void *user) {
    triples *t = user;
    if (t->n >= MAX_TRIPLES) return 0;
    triple *x = &t->v[t->n++];
    snprintf(x->src, sizeof x->src, "%s", ev->source.code);
    snprintf(x->tgt, sizeof x->tgt, "%s", ev->target.code);
    snprintf(x->code, sizeof x->code, "%s", ev->code);
    return 0;
}

static bool has(const triples *t, const triple *x) {
    for (int i = 0; i < t->n; i++)
        if (!strcmp(t->v[i].src, x->src) && !strcmp(t->v[i].tgt, x->tgt) &&
            !strcmp(t->v[i].code, x->code))
            return true;
    return false;
}

static bool same(const triples *a, const triples *b) {
    for (int i = 0; i < a->n; i++)
        if (!has(b, &a->v[i])) return false;
    for (int i = 0; i < b->n; i++)
        if (!has(a, &b->v[i])) return false;
    return true;
}

static void print_triples(const char *label, const triples *t) {
    fprintf(stderr, "  %s:", label);
    if (!t->n) fprintf(stderr, " (none)");
    for (int i = 0; i < t->n; i++)
        fprintf(stderr, " %s>%s:%s", t->v[i].src, t->v[i].tgt, t->v[i].code);
    fprintf(stderr, "\n");
}

static bede_dict *bundled(void) {
    bede_error err;
    bede_dict *d = bede_dict_new(NULL, &err);
    if (d && bede_dict_add_bundled(d, BEDE_SOURCE_DIR "/data", &err) < 0) {
        char msg[1024];
        fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
        bede_dict_free(d);
        return NULL;
    }
    return d;
}

/* Is the case being run from a file that has a known-failures list? */
static bool known_file_case;

typedef struct {
    int cases, passed, failed, known, known_passing, events_expected,
        events_produced, events_right, events_root_right, events_actors_right,
        no_event_cases, false_alarms;
} tally;

/* Codes one case; updates the tally. */
static void run_case(bede_worker *w, const char *file, unsigned line,
                     const char *id, int32_t date, const char *text,
                     const triples *want, const char *known, tally *t) {
    triples got = {.n = 0};
    bede_story story = {id, date};
    bede_error err;
    int n = bede_code(w, text, strlen(text), &story, on_event, &got, NULL,
                      &err);
    t->cases++;
    t->events_expected += want->n;
    t->events_produced += got.n;
    for (int i = 0; i < got.n; i++) {
        if (has(want, &got.v[i])) t->events_right++;
        /* the same actors with the right root code, or any code */
        bool root = false, actors = false;
        for (int j = 0; j < want->n; j++) {
            const triple *a = &got.v[i], *b = &want->v[j];
            if (strcmp(a->src, b->src) || strcmp(a->tgt, b->tgt)) continue;
            actors = true;
            if (!strncmp(a->code, b->code, 2)) root = true;
        }
        t->events_root_right += root;
        t->events_actors_right += actors;
    }
    if (want->n == 0) {
        t->no_event_cases++;
        if (got.n) t->false_alarms++;
    }
    bool ok = n >= 0 && same(want, &got);
    bool kf = harness_known_failure(known, id);
    if (ok && !kf) {
        t->passed++;
    } else if (ok && kf) {
        t->passed++;
        t->known_passing++;
        printf("NOW PASSING %s (listed as a known failure)\n", id);
    } else if (kf && !write_known) {
        t->known++;
    } else if (write_known && known_file_case) {
        t->known++;
        fprintf(write_known, "%s  # expected", id);
        for (int i = 0; i < want->n; i++)
            fprintf(write_known, "%s %s %s %s", i ? "," : "", want->v[i].src,
                    want->v[i].tgt, want->v[i].code);
        fprintf(write_known, "%s; produced", want->n ? "" : " none");
        for (int i = 0; i < got.n; i++)
            fprintf(write_known, "%s %s %s %s", i ? "," : "", got.v[i].src,
                    got.v[i].tgt, got.v[i].code);
        fprintf(write_known, "%s\n", got.n ? "" : " none");
    } else {
        t->failed++;
        harness_failures++;
        fprintf(stderr, "%s:%u: FAIL %s: %s\n", file, line, id, text);
        print_triples("expected", want);
        print_triples("produced", &got);
    }
}

/* Runs every case of a case file. */
static void run_file(const char *name, const char *known_name, tally *t) {
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/cases/%s", BEDE_SOURCE_DIR, name);
    char *buf;
    size_t len;
    CHECK(read_file(path, &buf, &len, NULL) == 0);
    if (!buf) return;
    char *known = NULL;
    known_file_case = known_name != NULL;
    if (known_name) {
        snprintf(path, sizeof path, "%s/tests/cases/%s", BEDE_SOURCE_DIR,
                 known_name);
        size_t klen;
        if (read_file(path, &known, &klen, NULL) != 0) known = NULL;
    }
    bede_dict *d = bundled();
    CHECK(d != NULL);
    bede_error err;
    bede_coder *c = d ? bede_coder_new(d, NULL, &err) : NULL;
    bede_worker *w = c ? bede_worker_new(c, &err) : NULL;
    CHECK(w != NULL);
    /* one pass over the lines: "== ID DATE note", text, "-> S T C" */
    char id[128] = "", *text = NULL;
    size_t tlen = 0, tcap = 0;
    triples want = {.n = 0};
    int32_t date = 0;
    unsigned line = 0, case_line = 0;
    bool open_case = false;
    char *save = NULL;
    for (char *l = strtok_r(buf, "\n", &save);; l = strtok_r(NULL, "\n", &save)) {
        line++;
        bool header = l && !strncmp(l, "== ", 3);
        if ((header || !l) && open_case) {
            if (w) run_case(w, name, case_line, id, date, text ? text : "",
                            &want, known, t);
            open_case = false;
        }
        if (!l) break;
        if (header) {
            char dbuf[32] = "";
            if (sscanf(l + 3, "%127s %31s", id, dbuf) != 2 ||
                !(date = bede_parse_date(dbuf, strlen(dbuf)))) {
                fprintf(stderr, "%s:%u:4: expected '== ID YYYY-MM-DD'\n",
                        name, line);
                harness_failures++;
                continue;
            }
            open_case = true;
            case_line = line;
            tlen = 0;
            if (text) text[0] = 0;
            want.n = 0;
        } else if (!open_case || l[0] == '#') {
            continue;
        } else if (!strncmp(l, "->", 2)) {
            triple x;
            if (sscanf(l + 2, "%31s %31s %7s", x.src, x.tgt, x.code) != 3) {
                fprintf(stderr, "%s:%u:3: expected '-> SOURCE TARGET CODE'\n",
                        name, line);
                harness_failures++;
            } else if (want.n < MAX_TRIPLES) {
                want.v[want.n++] = x;
            }
        } else {
            size_t n = strlen(l);
            if (tlen + n + 2 > tcap) {
                tcap = 2 * (tlen + n + 2);
                char *nt = realloc(text, tcap);
                if (!nt) break;
                text = nt;
            }
            if (tlen) text[tlen++] = '\n';
            memcpy(text + tlen, l, n);
            tlen += n;
            text[tlen] = 0;
        }
    }
    (void)line;
    free(text);
    bede_worker_free(w);
    bede_coder_free(c);
    bede_dict_free(d);
    free(known);
    free(buf);
}

static void print_tally(const char *name, const tally *t) {
    double p = t->events_produced ? 100.0 * t->events_right / t->events_produced : 0;
    double r = t->events_expected ? 100.0 * t->events_right / t->events_expected : 0;
    printf("%s: %d cases, %d passed (%.1f%%), %d failed, %d known failures, "
           "%d known failures now passing\n",
           name, t->cases, t->passed,
           t->cases ? 100.0 * t->passed / t->cases : 0, t->failed, t->known,
           t->known_passing);
    printf("%s: events: %d expected, %d produced, %d right: precision "
           "%.1f%%, recall %.1f%%; no-event cases: %d, false alarms %d\n",
           name, t->events_expected, t->events_produced, t->events_right, p,
           r, t->no_event_cases, t->false_alarms);
    if (t->events_produced)
        printf("%s: of the events produced, %.1f%% have the expected actors "
               "and root code, %.1f%% the expected actors\n",
               name, 100.0 * t->events_root_right / t->events_produced,
               100.0 * t->events_actors_right / t->events_produced);
}

static void t_spec(void) {
    tally t = {0};
    run_file("events.txt", "events.known-failures", &t);
    print_tally("events.txt", &t);
    CHECK(t.cases >= 200);
}

static void t_regressions(void) {
    tally t = {0};
    run_file("coder-regressions.txt", NULL, &t);
    print_tally("coder-regressions.txt", &t);
    CHECK(t.cases > 0);
}

int main(int argc, char **argv) {
    if (argc == 3 && !strcmp(argv[1], "--write-known-failures")) {
        if (!(write_known = fopen(argv[2], "w"))) {
            perror(argv[2]);
            return 1;
        }
        fprintf(write_known,
                "# Cases of events.txt that bede does not code as expected yet, "
                "one id per\n# line; after '#' the expected and the produced "
                "events. Regenerate with:\n#   "
                "build/tests/test_events --write-known-failures "
                "tests/cases/events.known-failures\n");
    }
    static const harness_test tests[] = {
        {"spec", t_spec},
        {"regressions", t_regressions},
    };
    int rc = harness_run(tests, sizeof tests / sizeof *tests);
    if (write_known) fclose(write_known);
    return rc;
}
