/*
 * Compiled dictionaries: a compiled file gives exactly what the text files
 * it was compiled from give (counts, entries, codes, phrases, notes, every
 * phrase match at every token, bede_dict_write), compiling is deterministic,
 * and a truncated, corrupted, foreign or crafted file is rejected with a
 * message naming it.
 */
#include "bede.h"
#include "harness.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#define P2 BEDE_SOURCE_DIR "/../shared/reference/petrarch2/"

static char tmpdir[64];

static void remove_tmpdir(void) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
}

/* A path in a directory of this run, removed at exit. */
static const char *tmp_path(const char *name) {
    static char buf[4][256];
    static int k;
    if (!tmpdir[0]) {
        snprintf(tmpdir, sizeof tmpdir, "/tmp/bede-cdict-XXXXXX");
        if (!mkdtemp(tmpdir)) abort();
        atexit(remove_tmpdir);
    }
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}



/* A dictionary of the files (NULL-terminated), or NULL. */
static bede_dict *load_all(const char *const *files) {
    bede_error err;
    bede_dict *d = bede_dict_new(NULL, &err);
    for (size_t i = 0; d && files[i]; i++)
        if (bede_dict_add_file(d, files[i], BEDE_DICT_FORMAT_AUTO,
                               BEDE_DICT_KIND_AUTO, &err) < 0) {
            harness_print_error(&err);
            bede_dict_free(d);
            return NULL;
        }
    return d;
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static void spill(const char *path, const void *buf, size_t len) {
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    CHECK(fwrite(buf, 1, len, f) == len);
    fclose(f);
}

static bool same_str(const char *a, const char *b) {
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static const int32_t dates[] = {0, 19800101, 19950615, 20050101, 20140101};

/* Every entry, code, phrase and note of a and b are the same. */
static void same_entries(const bede_dict *a, const bede_dict *b) {
    size_t bad = 0;
    CHECK_INT(bede_dict_pattern_count(b), bede_dict_pattern_count(a));
    CHECK_INT(bede_dict_note_count(b), bede_dict_note_count(a));
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        CHECK_INT(bede_dict_entry_count(b, k), bede_dict_entry_count(a, k));
        CHECK_INT(bede_dict_phrase_count(b, k), bede_dict_phrase_count(a, k));
        for (size_t i = 0; i < bede_dict_entry_count(a, k); i++) {
            bede_dict_entry x, y;
            if (bede_dict_get_entry(a, k, i, &x) != 0 ||
                bede_dict_get_entry(b, k, i, &y) != 0 || x.kind != y.kind ||
                !same_str(x.phrase, y.phrase) || !same_str(x.file, y.file) ||
                x.line != y.line || x.phrase_count != y.phrase_count ||
                x.code_count != y.code_count || !same_str(x.block, y.block) ||
                !same_str(x.block_code, y.block_code) || x.flags != y.flags) {
                if (bad++ < 5)
                    fprintf(stderr, "%s entry %zu differs\n",
                            bede_dict_kind_name(k), i);
                continue;
            }
            for (size_t c = 0; c < x.code_count; c++) {
                bede_dict_code p, q;
                bede_dict_get_code(a, k, i, c, &p);
                bede_dict_get_code(b, k, i, c, &q);
                if (!same_str(p.code, q.code) || p.from != q.from ||
                    p.to != q.to || p.dated != q.dated ||
                    !same_str(p.file, q.file) || p.line != q.line)
                    bad++;
            }
            for (size_t j = 0; j < x.phrase_count; j++) {
                uint32_t la = 0, lb = 1;
                if (!same_str(bede_dict_get_phrase(a, k, i, j, &la),
                              bede_dict_get_phrase(b, k, i, j, &lb)) ||
                    la != lb)
                    bad++;
            }
            for (size_t t = 0; t < 5; t++)
                if (bede_dict_code_on(a, k, i, dates[t]) !=
                    bede_dict_code_on(b, k, i, dates[t]))
                    bad++;
        }
    }
    for (size_t i = 0; i < bede_dict_note_count(a); i++) {
        bede_dict_note p, q;
        bede_dict_get_note(a, i, &p);
        bede_dict_get_note(b, i, &q);
        if (!same_str(p.file, q.file) || p.line != q.line ||
            p.column != q.column || !same_str(p.message, q.message) ||
            !same_str(p.other_file, q.other_file) ||
            p.other_line != q.other_line)
            bad++;
    }
    CHECK_INT(bad, 0);
}

/* bede_dict_write gives the same bytes for every kind. */
static void same_writes(const bede_dict *a, const bede_dict *b) {
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        const char *pa = tmp_path("write-a.txt"), *pb = tmp_path("write-b.txt");
        CHECK(bede_dict_write(a, k, pa, NULL) == 0);
        CHECK(bede_dict_write(b, k, pb, NULL) == 0);
        size_t na = 0, nb = 0;
        char *xa = slurp(pa, &na), *xb = slurp(pb, &nb);
        CHECK(xa && xb && na == nb && memcmp(xa, xb, na) == 0);
        free(xa);
        free(xb);
    }
}

/* Matches of every kind at every token of text are the same. Returns the
 * number of lookups made. */
static size_t same_matches(const bede_dict *a, const bede_dict *b,
                           const char *text, size_t len, size_t *found) {
    static bede_doc *doc;
    if (!doc) doc = bede_doc_new();
    if (bede_analyze(harness_lookup_analyzer(), text, len, doc, NULL) < 0) {
        CHECK(0);
        return 0;
    }
    size_t n = bede_doc_token_count(doc), calls = 0, bad = 0;
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
        for (size_t at = 0; at < n; at++)
            for (size_t t = 0; t < 5; t += 2) {
                bede_dict_match ma[16], mb[16];
                memset(ma, 0, sizeof ma);
                memset(mb, 0, sizeof mb);
                int ra = bede_dict_match_at(a, k, doc, at, 0, dates[t], ma, 16);
                int rb = bede_dict_match_at(b, k, doc, at, 0, dates[t], mb, 16);
                calls++;
                if (ra > 0) (*found)++;
                if (ra != rb || memcmp(ma, mb, sizeof ma) != 0) bad++;
            }
    CHECK_INT(bad, 0);
    return calls;
}

/* Text made of every phrase of a, a few hundred per document. */
static void same_matches_all_phrases(const bede_dict *a, const bede_dict *b) {
    size_t cap = 1 << 16, len = 0, calls = 0, found = 0, inbatch = 0;
    char *text = malloc(cap);
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
        for (size_t i = 0; i < bede_dict_entry_count(a, k); i++) {
            bede_dict_entry e;
            bede_dict_get_entry(a, k, i, &e);
            for (size_t j = 0; j < e.phrase_count; j++) {
                const char *ph = bede_dict_get_phrase(a, k, i, j, NULL);
                size_t n = strlen(ph);
                if (len + n + 4 > cap) text = realloc(text, cap *= 2);
                memcpy(text + len, ph, n);
                len += n;
                memcpy(text + len, " .\n", 3);
                len += 3;
                if (++inbatch == 300) {
                    calls += same_matches(a, b, text, len, &found);
                    len = inbatch = 0;
                }
            }
        }
    if (len) calls += same_matches(a, b, text, len, &found);
    free(text);
    CHECK(found > 0 || !calls);
    fprintf(stderr, "  %zu lookups, %zu found, same in both\n", calls, found);
}

/* Compiles d, loads it back both ways and compares everything. */
static void round_trip(bede_dict *d, const char *name) {
    char path[256];
    snprintf(path, sizeof path, "%s", tmp_path(name));
    bede_error err;
    if (bede_dict_compile(d, path, &err) != 0) {
        harness_print_error(&err);
        CHECK(0);
        return;
    }
    bede_dict *c = bede_dict_load_compiled(path, &err);
    if (!c) harness_print_error(&err);
    CHECK(c != NULL);
    if (!c) return;
    CHECK(bede_dict_mapped_bytes(c) > 0);
    CHECK(bede_dict_mapped_bytes(d) == 0);
    same_entries(d, c);
    same_writes(d, c);
    same_matches_all_phrases(d, c);
    static const char news[] =
        "Afghan President Hamid Karzai met UN Secretary-General Ban Ki-moon "
        "in Kabul on Tuesday. Israeli soldiers killed two Palestinians. "
        "The United States called off talks with North Korea and accused "
        "Iran of supporting militants. Argentine police arrested protesters "
        "after the match. Foreign ministers of the European Union will "
        "meet in Brussels.";
    size_t found = 0;
    same_matches(d, c, news, sizeof news - 1, &found);

    /* the same file through the automatic paths */
    bede_dict *viaload = bede_dict_load_file(path, BEDE_DICT_FORMAT_AUTO,
                                             BEDE_DICT_KIND_AUTO, &err);
    CHECK(viaload != NULL && bede_dict_mapped_bytes(viaload) > 0);
    if (viaload) same_entries(d, viaload);
    bede_dict_free(viaload);
    bede_dict *empty = bede_dict_new(NULL, NULL);
    CHECK(bede_dict_add_file(empty, path, BEDE_DICT_FORMAT_AUTO,
                             BEDE_DICT_KIND_AUTO, &err) >= 0);
    CHECK(bede_dict_mapped_bytes(empty) > 0);
    same_entries(d, empty);
    bede_dict_free(empty);

    /* deterministic, also from a compiled dictionary */
    const char *again = tmp_path("again.bdict");
    CHECK(bede_dict_compile(c, again, NULL) == 0);
    size_t n1 = 0, n2 = 0;
    char *b1 = slurp(path, &n1), *b2 = slurp(again, &n2);
    CHECK(b1 && b2 && n1 == n2 && memcmp(b1, b2, n1) == 0);
    /* from memory */
    bede_dict *m = bede_dict_load_compiled_memory(b1, n1, "mem", &err);
    CHECK(m != NULL);
    if (m) same_entries(d, m);
    bede_dict_free(m);
    free(b1);
    free(b2);

    /* check works on it: its notes are its own */
    int dups = bede_dict_check(d, NULL), cdups = bede_dict_check(c, NULL);
    CHECK_INT(cdups, dups);
    same_entries(d, c);
    bede_dict_free(c);
    unlink(again);
}

static void test_examples(void) {
    static const char *const files[] = {
        BEDE_SOURCE_DIR "/data/actors/example.txt",
        BEDE_SOURCE_DIR "/data/agents/example.txt",
        BEDE_SOURCE_DIR "/data/verbs/example.txt",
        BEDE_SOURCE_DIR "/data/discards/example.txt",
        BEDE_SOURCE_DIR "/data/issues/example.txt", NULL};
    bede_dict *d = load_all(files);
    CHECK(d != NULL);
    if (!d) return;
    round_trip(d, "examples.bdict");
    bede_dict_free(d);
    /* each file alone, too */
    for (size_t i = 0; files[i]; i++) {
        const char *one[] = {files[i], NULL};
        d = load_all(one);
        CHECK(d != NULL);
        if (d) round_trip(d, "one.bdict");
        bede_dict_free(d);
    }
    /* an empty dictionary */
    d = bede_dict_new(NULL, NULL);
    round_trip(d, "empty.bdict");
    bede_dict_free(d);
}

static void test_phoenix(void) {
    static const char *const files[] = {P2 "Phoenix.Countries.actors.txt",
                                        P2 "Phoenix.International.actors.txt",
                                        P2 "Phoenix.MilNonState.actors.txt",
                                        P2 "Phoenix.agents.txt",
                                        P2 "CAMEO.2.0.txt",
                                        P2 "Phoenix.discards.txt",
                                        NULL};
    if (access(files[0], R_OK) != 0) {
        fprintf(stderr, "  skipped: no reference dictionaries at %s\n", P2);
        return;
    }
    bede_dict *d = load_all(files);
    CHECK(d != NULL);
    if (!d) return;
    round_trip(d, "phoenix.bdict");
    bede_dict_free(d);
}

/* Loads path expecting failure with status and a message containing want,
 * naming the file. */
static void rejected(const char *path, int status, const char *want,
                     bool compiled) {
    bede_error err;
    memset(&err, 0, sizeof err);
    bede_dict *d = bede_dict_load_compiled(path, &err);
    CHECK(d == NULL);
    bede_dict_free(d);
    CHECK_INT(err.status, status);
    CHECK_STR(err.file, path);
    if (!strstr(err.message, want)) {
        fprintf(stderr, "  message '%s' lacks '%s'\n", err.message, want);
        CHECK(0);
    }
    /* the automatic path gives the same message for a file with the magic */
    if (!compiled) return;
    bede_error e2;
    d = bede_dict_load_file(path, BEDE_DICT_FORMAT_AUTO, BEDE_DICT_KIND_AUTO,
                            &e2);
    CHECK(d == NULL);
    bede_dict_free(d);
    CHECK_STR(e2.message, err.message);
}

/* Rewrites the checksum so that only the structure checks see a change. */
static void reseal(char *buf, size_t len) {
    uint64_t sum = XXH64(buf + 48, len - 48, 0);
    memcpy(buf + 24, &sum, 8);
}

static void test_rejected(void) {
    static const char *const files[] = {
        BEDE_SOURCE_DIR "/data/actors/example.txt",
        BEDE_SOURCE_DIR "/data/verbs/example.txt", NULL};
    bede_dict *d = load_all(files);
    CHECK(d != NULL);
    if (!d) return;
    const char *good = tmp_path("good.bdict"), *bad = tmp_path("bad.bdict");
    CHECK(bede_dict_compile(d, good, NULL) == 0);
    size_t len = 0;
    char *buf = slurp(good, &len);
    CHECK(buf && len > 1000);
    if (!buf) return;
    char *b = malloc(len);

    spill(bad, buf, len / 2);
    rejected(bad, BEDE_ERR_CHECKSUM, "size mismatch: the file is truncated",
             true);
    spill(bad, buf, 20);
    rejected(bad, BEDE_ERR_CHECKSUM, "truncated", true);
    spill(bad, buf, 0);
    rejected(bad, BEDE_ERR_FORMAT, "not a compiled bede dictionary", false);

    memcpy(b, buf, len);
    b[len - 100] ^= 0x10;
    spill(bad, b, len);
    rejected(bad, BEDE_ERR_CHECKSUM,
             "checksum mismatch: the file is corrupt or truncated (expected "
             "0x",
             true);

    memcpy(b, buf, len);
    uint32_t v = 2;
    memcpy(b + 8, &v, 4);
    spill(bad, b, len);
    rejected(bad, BEDE_ERR_FORMAT,
             "unsupported compiled format version 2 (expected version 1)",
             true);

    memcpy(b, buf, len);
    b[0] = 'X';
    spill(bad, b, len);
    rejected(bad, BEDE_ERR_FORMAT, "expected the magic 'BEDEDICT'", false);

    memcpy(b, buf, len);
    uint32_t bom = 0x04030201;
    memcpy(b + 12, &bom, 4);
    spill(bad, b, len);
    rejected(bad, BEDE_ERR_FORMAT, "another byte order", true);

    /* crafted with a correct checksum: the structure checks catch them */
    uint64_t off;
    memcpy(b, buf, len);
    memcpy(&off, buf + 48 + 3 * 24, 8); /* the entries section */
    uint32_t huge = 0x7fffffff;
    memcpy(b + off + 16, &huge, 4); /* entry 0's first_phrase */
    reseal(b, len);
    spill(bad, b, len);
    rejected(bad, BEDE_ERR_FORMAT, "corrupt compiled dictionary: entry 0",
             true);

    memcpy(b, buf, len);
    uint64_t count = 1u << 30;
    memcpy(b + 48 + 1 * 24 + 8, &count, 8); /* chars count */
    reseal(b, len);
    spill(bad, b, len);
    rejected(bad, BEDE_ERR_FORMAT, "section chars", true);

    /* every single byte of the sections changed, resealed: refused or
     * loaded, never a crash (ASan and UBSan builds check the reads) */
    size_t loaded = 0;
    for (size_t i = 48; i < len; i += 7) {
        memcpy(b, buf, len);
        b[i] ^= (char)(0x5a ^ (i & 0xff));
        reseal(b, len);
        bede_dict *x = bede_dict_load_compiled_memory(b, len, "x", NULL);
        if (x) {
            loaded++;
            bede_dict_write(x, BEDE_DICT_VERBS, "/dev/null", NULL);
            bede_dict_write(x, BEDE_DICT_ACTORS, "/dev/null", NULL);
            size_t found = 0;
            static const char s[] = "Karzai called off the talks in Kabul.";
            static bede_doc *doc;
            if (!doc) doc = bede_doc_new();
            bede_analyze(harness_lookup_analyzer(), s, sizeof s - 1, doc, NULL);
            for (size_t at = 0; at < bede_doc_token_count(doc); at++) {
                bede_dict_match m[4];
                if (bede_dict_match_at(x, BEDE_DICT_ACTORS, doc, at, 0, 0, m,
                                       4) > 0)
                    found++;
            }
            bede_dict_free(x);
        }
    }
    CHECK(loaded > 0);

    /* read-only, and no mixing */
    bede_error err;
    bede_dict *c = bede_dict_load_compiled(good, &err);
    CHECK(c != NULL);
    CHECK(bede_dict_add_file(c, files[0], BEDE_DICT_FORMAT_AUTO,
                             BEDE_DICT_KIND_AUTO, &err) < 0);
    CHECK_STR(err.message, "compiled dictionaries are read-only; load the "
                           "text files to extend them");
    CHECK(bede_dict_add_text(c, "x.txt", "a = B\n", 6, BEDE_DICT_FORMAT_BEDE,
                             BEDE_DICT_ACTORS, &err) < 0);
    CHECK_STR(err.message, "compiled dictionaries are read-only; load the "
                           "text files to extend them");
    CHECK(bede_dict_add_file(c, good, BEDE_DICT_FORMAT_AUTO,
                             BEDE_DICT_KIND_AUTO, &err) < 0);
    CHECK_INT(bede_dict_entry_count(c, BEDE_DICT_ACTORS),
              bede_dict_entry_count(d, BEDE_DICT_ACTORS));
    bede_dict_free(c);
    CHECK(bede_dict_add_file(d, good, BEDE_DICT_FORMAT_AUTO,
                             BEDE_DICT_KIND_AUTO, &err) < 0);
    CHECK(strstr(err.message, "cannot be added to other dictionaries") !=
          NULL);
    /* an image through bede_dict_add_text */
    bede_dict *e = bede_dict_new(NULL, NULL);
    CHECK(bede_dict_add_text(e, "mem.bdict", buf, len, BEDE_DICT_FORMAT_AUTO,
                             BEDE_DICT_KIND_AUTO, NULL) > 0);
    CHECK_INT(bede_dict_entry_count(e, BEDE_DICT_VERBS),
              bede_dict_entry_count(d, BEDE_DICT_VERBS));
    bede_dict_free(e);
    /* a text file named as compiled is refused by its magic */
    rejected(files[0], BEDE_ERR_FORMAT, "not a compiled bede dictionary",
             false);
    /* the written file is complete or absent: no temporary left */
    CHECK(bede_dict_compile(d, tmp_path("no/such/dir.bdict"), &err) < 0);
    CHECK_STR(err.file, tmp_path("no/such/dir.bdict"));

    free(b);
    free(buf);
    unlink(bad);
    unlink(good);
    bede_dict_free(d);
}

/* Compiling over a file in use: the mapped dictionary keeps its answers,
 * a new load sees the new file. */
static void test_replace_in_use(void) {
    static const char *const actors[] = {
        BEDE_SOURCE_DIR "/data/actors/example.txt", NULL};
    static const char *const verbs[] = {
        BEDE_SOURCE_DIR "/data/verbs/example.txt", NULL};
    bede_dict *a = load_all(actors), *v = load_all(verbs);
    CHECK(a && v);
    if (!a || !v) return;
    char path[256];
    snprintf(path, sizeof path, "%s", tmp_path("in-use.bdict"));
    CHECK(bede_dict_compile(a, path, NULL) == 0);
    bede_dict *old = bede_dict_load_compiled(path, NULL);
    CHECK(old != NULL);
    CHECK(bede_dict_compile(v, path, NULL) == 0);
    bede_dict *now = bede_dict_load_compiled(path, NULL);
    CHECK(now != NULL);
    if (old && now) {
        same_entries(a, old);
        same_writes(a, old);
        same_entries(v, now);
        CHECK_INT(bede_dict_entry_count(now, BEDE_DICT_ACTORS), 0);
    }
    bede_dict_free(old);
    bede_dict_free(now);
    bede_dict_free(a);
    bede_dict_free(v);
}

TEST_MAIN(TEST(test_examples), TEST(test_rejected), TEST(test_replace_in_use),
          TEST(test_phoenix))
