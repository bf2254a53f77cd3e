/* Sentence splitter and datelines, driven by tests/cases/sentences.txt (see
 * tests/cases/README.md for the format). Every case is one test. */
#include "harness.h"
#include "internal.h"

typedef struct scase {
    char id[128];
    int line;
    char *input;
    char place[128], date[64], agency[64];
    char **expected;
    size_t nexpected;
} scase;

static char *dupn(const char *s, size_t n) {
    char *d = malloc(n + 1);
    if (!d) exit(1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* Copies s[0..n) with whitespace runs collapsed to one space, trimmed. */
static char *collapse(const char *s, size_t n) {
    char *d = malloc(n + 1);
    size_t k = 0;
    int space = 0;
    if (!d) exit(1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = 1;
            continue;
        }
        if (space && k) d[k++] = ' ';
        space = 0;
        d[k++] = (char)c;
    }
    d[k] = 0;
    return d;
}

static void copy_field(char *dst, size_t cap, const char *src) {
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

static size_t load_cases(const char *path, scase **out) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(1);
    }
    size_t cap = 64, n = 0;
    scase *cases = calloc(cap, sizeof *cases);
    char line[16384];
    int lineno = 0, in_expected = 0;
    size_t input_cap = 0, input_len = 0;
    scase *cur = NULL;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n') line[--len] = 0;
        if (strncmp(line, "### ", 4) == 0) {
            if (n == cap) cases = realloc(cases, (cap *= 2) * sizeof *cases);
            cur = &cases[n++];
            memset(cur, 0, sizeof *cur);
            sscanf(line + 4, "%127s", cur->id);
            cur->line = lineno;
            cur->input = calloc(1, 1);
            input_cap = 1;
            input_len = 0;
            in_expected = 0;
            continue;
        }
        if (!cur) continue; /* file header comments */
        if (!in_expected) {
            if (strcmp(line, "---") == 0) {
                in_expected = 1;
                continue;
            }
            size_t need = input_len + len + 2;
            if (need > input_cap) {
                input_cap = need * 2;
                cur->input = realloc(cur->input, input_cap);
            }
            if (input_len) cur->input[input_len++] = '\n';
            memcpy(cur->input + input_len, line, len);
            input_len += len;
            cur->input[input_len] = 0;
            continue;
        }
        if (len == 0) continue;
        if (strncmp(line, "@place ", 7) == 0) {
            copy_field(cur->place, sizeof cur->place, line + 7);
        } else if (strncmp(line, "@date ", 6) == 0) {
            copy_field(cur->date, sizeof cur->date, line + 6);
        } else if (strncmp(line, "@agency ", 8) == 0) {
            copy_field(cur->agency, sizeof cur->agency, line + 8);
        } else {
            cur->expected = realloc(cur->expected,
                                    (cur->nexpected + 1) * sizeof(char *));
            cur->expected[cur->nexpected++] = dupn(line, len);
        }
    }
    fclose(f);
    *out = cases;
    return n;
}

static int span_is(const char *text, bede_span sp, const char *want) {
    size_t n = sp.end - sp.start;
    return strlen(want) == n && memcmp(text + sp.start, want, n) == 0;
}

/* Runs one case; prints a diff and returns 0 when it fails. */
static int run_case(const bede_analyzer *an, bede_doc *doc, const scase *c) {
    bede_error err;
    int ns = bede_analyze(an, c->input, strlen(c->input), doc, &err);
    int ok = ns >= 0 && (size_t)ns == c->nexpected;
    const bede_sentence *s = bede_doc_sentences(doc);
    for (size_t i = 0; ok && i < c->nexpected; i++) {
        char *got = collapse(c->input + s[i].span.start,
                             s[i].span.end - s[i].span.start);
        if (strcmp(got, c->expected[i]) != 0) ok = 0;
        free(got);
    }
    const bede_dateline *dl = bede_doc_dateline(doc);
    if (ok && !span_is(c->input, dl->place, c->place)) ok = 0;
    if (ok && !span_is(c->input, dl->date, c->date)) ok = 0;
    if (ok && !span_is(c->input, dl->agency, c->agency)) ok = 0;
    if (ok) return 1;
    fprintf(stderr, "\nFAIL %s (sentences.txt:%d)\n  expected:\n", c->id,
            c->line);
    if (c->place[0] || c->date[0] || c->agency[0])
        fprintf(stderr, "    @dateline place=[%s] date=[%s] agency=[%s]\n",
                c->place, c->date, c->agency);
    for (size_t i = 0; i < c->nexpected; i++)
        fprintf(stderr, "    [%s]\n", c->expected[i]);
    fprintf(stderr, "  got:\n");
    if (dl->whole.end > dl->whole.start)
        fprintf(stderr, "    @dateline place=[%.*s] date=[%.*s] agency=[%.*s]\n",
                (int)(dl->place.end - dl->place.start),
                c->input + dl->place.start,
                (int)(dl->date.end - dl->date.start), c->input + dl->date.start,
                (int)(dl->agency.end - dl->agency.start),
                c->input + dl->agency.start);
    for (int i = 0; i < ns; i++) {
        char *got = collapse(c->input + s[i].span.start,
                             s[i].span.end - s[i].span.start);
        fprintf(stderr, "    [%s]\n", got);
        free(got);
    }
    return 0;
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1]
                                : BEDE_SOURCE_DIR "/tests/cases/sentences.txt";
    scase *cases;
    size_t n = load_cases(path, &cases);
    bede_text_options o;
    bede_text_default_options(&o);
    o.tag = 0; /* splitting does not depend on tags */
    bede_analyzer *an = bede_analyzer_new(&o, NULL);
    bede_doc *doc = bede_doc_new();
    int passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        if (run_case(an, doc, &cases[i]))
            passed++;
        else
            failed++;
    }
    /* the case file must hold what it promises */
    if (n < 300) {
        fprintf(stderr, "sentences.txt has %zu cases; at least 300 expected\n",
                n);
        failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    for (size_t i = 0; i < n; i++) {
        free(cases[i].input);
        for (size_t k = 0; k < cases[i].nexpected; k++)
            free(cases[i].expected[k]);
        free(cases[i].expected);
    }
    free(cases);
    bede_doc_free(doc);
    bede_analyzer_free(an);
    return failed ? 1 : 0;
}
