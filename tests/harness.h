/*
 * A small test harness: CHECK records a failure and goes on, TEST_MAIN runs
 * the listed tests and prints "N passed, N failed".
 */
#ifndef BEDE_TEST_HARNESS_H
#define BEDE_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_failures;
static int harness_checks __attribute__((unused));

#define CHECK(cond)                                                            \
    do {                                                                       \
        harness_checks++;                                                      \
        if (!(cond)) {                                                         \
            harness_failures++;                                                \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
        }                                                                      \
    } while (0)

#define CHECK_STR(got, want)                                                   \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        harness_checks++;                                                      \
        if (!g_ || strcmp(g_, w_) != 0) {                                      \
            harness_failures++;                                                \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__,      \
                    __LINE__, g_ ? g_ : "(null)", w_);                         \
        }                                                                      \
    } while (0)

#define CHECK_INT(got, want)                                                   \
    do {                                                                       \
        long long g_ = (long long)(got), w_ = (long long)(want);               \
        harness_checks++;                                                      \
        if (g_ != w_) {                                                        \
            harness_failures++;                                                \
            fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__,         \
                    __LINE__, #got, g_, w_);                                   \
        }                                                                      \
    } while (0)

/* Reads at most cap - 1 bytes of the file at path into buf, NUL-terminated
 * (empty when it cannot be read); returns how many. */
static inline size_t harness_read(const char *path, char *buf, size_t cap) {
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, cap - 1, f) : 0;
    if (f) fclose(f);
    buf[n] = '\0';
    return n;
}

/* Is id listed in a known-failures text ("id reason..." lines, `#`
 * comments)? */
static inline int harness_known_failure(const char *known, const char *id) {
    if (!known) return 0;
    size_t il = strlen(id);
    for (const char *p = known; *p;) {
        const char *e = strchr(p, '\n');
        size_t ll = e ? (size_t)(e - p) : strlen(p);
        if (p[0] != '#' && ll >= il && strncmp(p, id, il) == 0 &&
            (ll == il || p[il] == ' ' || p[il] == '\t'))
            return 1;
        p = e ? e + 1 : p + ll;
    }
    return 0;
}

#ifdef BEDE_H
/* A tokenizer-and-tagger analyser (no chunking, no datelines) for looking
 * phrases up in dictionaries; made once per test program. */
static inline bede_analyzer *harness_lookup_analyzer(void) {
    static bede_analyzer *an;
    if (!an) {
        bede_text_options o;
        bede_text_default_options(&o);
        o.chunk = 0;
        o.datelines = 0;
        an = bede_analyzer_new(&o, NULL);
    }
    return an;
}

static inline void harness_print_error(const bede_error *err) {
    char msg[1024];
    fprintf(stderr, "%s\n", bede_error_format(err, msg, sizeof msg));
}
#endif

typedef struct {
    const char *name;
    void (*fn)(void);
} harness_test;

static inline int harness_run(const harness_test *tests, size_t n) {
    int passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        int before = harness_failures;
        tests[i].fn();
        if (harness_failures == before) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "FAIL %s\n", tests[i].name);
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

#define TEST(fn) {#fn, fn}
#define TEST_MAIN(...)                                                         \
    int main(void) {                                                           \
        static const harness_test tests_[] = {__VA_ARGS__};                    \
        return harness_run(tests_, sizeof tests_ / sizeof tests_[0]);         \
    }

#endif
