/*
 * The office-holder dictionaries data/actors/leaders*.txt: they load
 * without warnings, duplicates or conflicts; every entry has a dated code;
 * the dated codes of one entry never overlap; and lookups by story date give
 * the office a person held on that day.
 */
#include "bede.h"
#include "harness.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACTORS BEDE_SOURCE_DIR "/data/actors"

static bede_dict *dict;
static int files;
static bede_doc *doc;

/* Every leaders*.txt of data/actors in one dictionary. */
static bede_dict *leaders(void) {
    if (dict) return dict;
    bede_error err;
    dict = bede_dict_new(NULL, &err);
    DIR *dir = opendir(ACTORS);
    if (!dict || !dir) {
        if (dir) closedir(dir);
        return dict;
    }
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (strncmp(e->d_name, "leaders", 7) != 0 || n < 4 ||
            strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", ACTORS, e->d_name);
        if (bede_dict_add_file(dict, path, BEDE_DICT_FORMAT_AUTO,
                               BEDE_DICT_KIND_AUTO, &err) < 0) {
            char msg[1024];
            fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
            harness_failures++;
        }
        files++;
    }
    closedir(dir);
    return dict;
}

/* The code the whole of phrase gets on date (YYYYMMDD), "" when no code
 * applies, NULL when no entry covers the phrase. */
static const char *code_of(const char *phrase, int32_t date) {
    static char buf[64];
    if (!doc) doc = bede_doc_new();
    if (bede_analyze(harness_lookup_analyzer(), phrase, strlen(phrase), doc, NULL) < 0)
        return NULL;
    size_t n = bede_doc_token_count(doc);
    bede_dict_match m[4];
    int k =
        bede_dict_match_at(leaders(), BEDE_DICT_ACTORS, doc, 0, n, date, m, 4);
    if (k <= 0 || m[0].last != n) return NULL;
    if (m[0].code < 0) return "";
    bede_dict_code c;
    if (bede_dict_get_code(leaders(), BEDE_DICT_ACTORS, m[0].entry,
                           (size_t)m[0].code, &c) < 0)
        return NULL;
    snprintf(buf, sizeof buf, "%s", c.code);
    return buf;
}

static void test_loads_clean(void) {
    bede_dict *d = leaders();
    CHECK(d != NULL);
    if (!d) return;
    CHECK(files >= 1);
    CHECK(bede_dict_entry_count(d, BEDE_DICT_ACTORS) > 1000);
    bede_error err;
    CHECK_INT(bede_dict_check(d, &err), 0);
    size_t notes = bede_dict_note_count(d);
    for (size_t i = 0; i < notes; i++) {
        bede_dict_note note;
        if (bede_dict_get_note(d, i, &note) == 0)
            fprintf(stderr, "%s:%u: %s\n", note.file, (unsigned)note.line,
                    note.message);
    }
    CHECK_INT(notes, 0);
}

/* Each entry is dated; its dated codes are well-formed ranges (from <= to)
 * that do not overlap, so a story date picks at most one office. */
static void test_dated_ranges(void) {
    bede_dict *d = leaders();
    if (!d) return;
    size_t n = bede_dict_entry_count(d, BEDE_DICT_ACTORS);
    for (size_t i = 0; i < n; i++) {
        bede_dict_entry e;
        if (bede_dict_get_entry(d, BEDE_DICT_ACTORS, i, &e) < 0) continue;
        int dated = 0, bad = 0;
        for (uint32_t a = 0; a < e.code_count; a++) {
            bede_dict_code ca;
            bede_dict_get_code(d, BEDE_DICT_ACTORS, i, a, &ca);
            if (!ca.dated) continue;
            dated++;
            int32_t lo = ca.from ? ca.from : INT32_MIN;
            int32_t hi = ca.to ? ca.to : INT32_MAX;
            if (lo > hi) bad = 1;
            for (uint32_t b = a + 1; b < e.code_count; b++) {
                bede_dict_code cb;
                bede_dict_get_code(d, BEDE_DICT_ACTORS, i, b, &cb);
                if (!cb.dated) continue;
                int32_t lo2 = cb.from ? cb.from : INT32_MIN;
                int32_t hi2 = cb.to ? cb.to : INT32_MAX;
                if (lo <= hi2 && lo2 <= hi) bad = 1;
            }
        }
        if (!dated || bad) {
            fprintf(stderr, "%s:%u: %s: %s\n", e.file, (unsigned)e.line,
                    e.phrase,
                    dated ? "overlapping or reversed dates" : "no dated code");
            harness_failures++;
        }
    }
}

static void test_lookups_by_date(void) {
    if (!leaders()) return;
    CHECK_STR(code_of("Rouhani", 20180501), "IRNGOV");
    CHECK_STR(code_of("Rouhani", 20230101), "IRNELI");
    CHECK_STR(code_of("Pezeshkian", 20250101), "IRNGOV");
    CHECK_STR(code_of("President Pezeshkian", 20230101), "IRNELI");
    CHECK_STR(code_of("Esmaeil Baghaei", 20250301), "IRNGOV");
    CHECK_STR(code_of("Biden", 20220601), "USAGOV");
    CHECK_STR(code_of("Biden", 20250601), "USAELI");
    /* former presidents are elites, also while campaigning */
    CHECK_STR(code_of("Trump", 20180601), "USAGOV");
    CHECK_STR(code_of("Trump", 20220601), "USAELI");
    CHECK_STR(code_of("Donald Trump", 20260601), "USAGOV");
    CHECK_STR(code_of("Zelenskyy", 20180101), "UKRELI");
    CHECK_STR(code_of("Zelensky", 20230101), "UKRGOV");
    CHECK_STR(code_of("Netanyahu", 20220101), "ISROPP");
    CHECK_STR(code_of("Prime Minister Netanyahu", 20240101), "ISRGOV");
    CHECK_STR(code_of("Erdoğan", 20240101), "TURGOV");
    CHECK_STR(code_of("Starmer", 20220101), "GBROPP");
    CHECK_STR(code_of("Keir Starmer", 20250101), "GBRGOV");
    CHECK_STR(code_of("Lula", 20200101), "BRAOPP");
    CHECK_STR(code_of("Lula", 20240101), "BRAGOV");
    CHECK_STR(code_of("Assad", 20200101), "SYRGOV");
    CHECK_STR(code_of("Assad", 20250101), "SYRELI");
    CHECK_STR(code_of("al-Sharaa", 20240101), "SYRREB");
    CHECK_STR(code_of("Ahmed al-Sharaa", 20250301), "SYRGOV");
    /* one title + surname for two presidents of Lebanon */
    CHECK_STR(code_of("President Aoun", 20200101), "LBNGOV");
    CHECK_STR(code_of("President Aoun", 20240101), "LBNELI");
    CHECK_STR(code_of("President Aoun", 20250601), "LBNGOV");
    /* heads of international bodies before and after */
    CHECK_STR(code_of("Guterres", 20200101), "IGOUNO");
    CHECK_STR(code_of("Guterres", 20160601), "PRTELI");
    CHECK_STR(code_of("Rutte", 20200101), "NLDGOV");
    CHECK_STR(code_of("Mark Rutte", 20250101), "IGONAT");
    CHECK_STR(code_of("Kaja Kallas", 20250101), "IGOEEC");
    CHECK_STR(code_of("Ursula von der Leyen", 20180101), "DEUGOV");
    CHECK_STR(code_of("Maria Zakharova", 20200101), "RUSGOV");
    CHECK_STR(code_of("Mao Ning", 20230101), "CHNGOV");
    CHECK_STR(code_of("Takaichi", 20251101), "JPNGOV");
    CHECK_STR(code_of("Ishiba", 20251101), "JPNELI");
    CHECK_STR(code_of("Lee Jae-myung", 20230101), "KOROPP");
    CHECK_STR(code_of("Prime Minister Sharif", 20200101), "PAKELI");
    CHECK_STR(code_of("Prime Minister Sharif", 20250101), "PAKGOV");
    /* ambiguous surnames are not entries of their own */
    CHECK(code_of("Khan", 20250101) == NULL);
    CHECK(code_of("Muscat", 20250101) == NULL);
    CHECK(code_of("Harris", 20250101) == NULL);
}

/* Last: frees what the tests above share. */
static void test_free(void) {
    bede_dict_free(dict);
    bede_doc_free(doc);
    dict = NULL;
    doc = NULL;
}

TEST_MAIN(TEST(test_loads_clean), TEST(test_dated_ranges),
          TEST(test_lookups_by_date), TEST(test_free))
