/*
 * The bundled verb dictionaries (the .txt files of data/verbs) against the
 * CAMEO table (data/cameo/events.tsv): every event code of the table is
 * given by at least one verb form or pattern, every code the dictionaries
 * give is in the table (or the null code ---), each file has its header
 * line, and the files load together without duplicates or conflicts.
 * Prints per root code how many verb forms and patterns give its codes.
 *
 * example.txt is a fixture of the dictionary tests, not part of the
 * bundled dictionary, and is left out.
 */
#include "bede.h"
#include "harness.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VERBS BEDE_SOURCE_DIR "/data/verbs"
#define EVENTS BEDE_SOURCE_DIR "/data/cameo/events.tsv"
#define HEADER "# bede dictionary: verbs \xe2\x80\x94 "

#define MAX_CODES 400
#define MAX_FILES 64

typedef struct {
    char code[8];
    int forms, patterns;
} cameo_code;

static cameo_code codes[MAX_CODES];
static size_t ncodes;

static char files[MAX_FILES][512];
static size_t nfiles;

static bede_dict *dict;
static int loaded; /* 1 once load() ran (dict may still be NULL) */

/* Reads the code column of events.tsv: lines that are not comments, after
 * the column names. */
static void read_events(void) {
    FILE *f = fopen(EVENTS, "r");
    CHECK(f != NULL);
    if (!f) return;
    char line[512];
    int header = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        if (!header) {
            header = 1;
            CHECK(strncmp(line, "code\troot\t", 10) == 0);
            continue;
        }
        size_t n = strcspn(line, "\t");
        CHECK(n >= 3 && n <= 4);
        if (n < 3 || n > 4 || ncodes == MAX_CODES) continue;
        memcpy(codes[ncodes].code, line, n);
        codes[ncodes].code[n] = '\0';
        ncodes++;
    }
    fclose(f);
}

static cameo_code *find_code(const char *code) {
    for (size_t i = 0; i < ncodes; i++)
        if (strcmp(codes[i].code, code) == 0) return &codes[i];
    return NULL;
}

static int by_name(const void *a, const void *b) {
    return strcmp((const char *)a, (const char *)b);
}

/* The bundled files in load order (name order: synonym sets first). */
static void list_files(void) {
    DIR *dir = opendir(VERBS);
    CHECK(dir != NULL);
    if (!dir) return;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0) continue;
        if (strcmp(e->d_name, "example.txt") == 0) continue;
        CHECK(nfiles < MAX_FILES);
        if (nfiles == MAX_FILES) break;
        snprintf(files[nfiles++], sizeof files[0], "%s/%.100s", VERBS,
                 e->d_name);
    }
    closedir(dir);
    qsort(files, nfiles, sizeof files[0], by_name);
}

static void load(void) {
    if (loaded) return;
    loaded = 1;
    read_events();
    list_files();
    bede_error err;
    dict = bede_dict_new(NULL, &err);
    CHECK(dict != NULL);
    if (!dict) return;
    for (size_t i = 0; i < nfiles; i++) {
        int rc = bede_dict_add_file(dict, files[i], BEDE_DICT_FORMAT_BEDE,
                                    BEDE_DICT_VERBS, &err);
        if (rc < 0) {
            char msg[1024];
            fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
        }
        CHECK(rc >= 0);
    }
}

static void test_table(void) {
    load();
    /* 298 codes: 3 and 4 digits, from 010 to 2042 */
    CHECK(ncodes >= 290);
    CHECK(find_code("010") != NULL);
    CHECK(find_code("0211") != NULL);
    CHECK(find_code("2042") != NULL);
    CHECK(find_code("01") == NULL);
}

static void test_headers(void) {
    load();
    CHECK(nfiles >= 20);
    for (size_t i = 0; i < nfiles; i++) {
        FILE *f = fopen(files[i], "r");
        char line[256] = "";
        CHECK(f != NULL);
        if (!f) continue;
        if (!fgets(line, sizeof line, f)) line[0] = '\0';
        fclose(f);
        if (strncmp(line, HEADER, strlen(HEADER)) != 0) {
            fprintf(stderr, "%s: first line is not '%s...'\n", files[i],
                    HEADER);
            CHECK(0);
        }
    }
}

/* A code given by a verb or a pattern: a table code or the null code; a
 * paired code "042:043" (the event and the one its target makes back)
 * counts as its first part, and its second must be a code too. */
static cameo_code *given(const char *code_in, const char *file,
                         uint32_t line) {
    char code[16];
    snprintf(code, sizeof code, "%s", code_in);
    char *colon = strchr(code, ':');
    if (colon) {
        *colon = '\0';
        if (strcmp(colon + 1, "---") != 0 && !find_code(colon + 1)) {
            fprintf(stderr, "%s:%u: '%s' is not a CAMEO event code\n", file,
                    (unsigned)line, colon + 1);
            CHECK(0);
        }
    }
    if (strcmp(code, "---") == 0) return NULL;
    cameo_code *c = find_code(code);
    if (!c) {
        fprintf(stderr, "%s:%u: '%s' is not a CAMEO event code\n", file,
                (unsigned)line, code);
        CHECK(0);
    }
    return c;
}

static void test_codes_valid_and_covered(void) {
    load();
    if (!dict) return;
    size_t nentries = bede_dict_entry_count(dict, BEDE_DICT_VERBS);
    size_t npatterns = bede_dict_pattern_count(dict);
    size_t forms = 0;
    for (size_t i = 0; i < nentries; i++) {
        bede_dict_entry e;
        CHECK(bede_dict_get_entry(dict, BEDE_DICT_VERBS, i, &e) == 0);
        forms += e.phrase_count;
        const char *code = e.block_code;
        uint32_t line = e.line;
        bede_dict_code c;
        if (e.code_count) {
            CHECK(e.code_count == 1); /* bede's verbs have one code */
            CHECK(bede_dict_get_code(dict, BEDE_DICT_VERBS, i, 0, &c) == 0);
            code = c.code;
            line = c.line;
        }
        CHECK(code != NULL);
        if (!code) continue;
        cameo_code *cc = given(code, e.file, line);
        if (cc) cc->forms += (int)e.phrase_count;
    }
    for (size_t i = 0; i < npatterns; i++) {
        bede_dict_pattern p;
        CHECK(bede_dict_get_pattern(dict, i, &p) == 0);
        cameo_code *cc = given(p.code, p.file, p.line);
        if (cc) cc->patterns++;
    }

    printf("root  codes  covered  verb forms  patterns\n");
    int missing = 0;
    for (size_t i = 0; i < ncodes;) {
        char root[3] = {codes[i].code[0], codes[i].code[1], '\0'};
        int n = 0, covered = 0, rf = 0, rp = 0;
        for (; i < ncodes && strncmp(codes[i].code, root, 2) == 0; i++) {
            n++;
            rf += codes[i].forms;
            rp += codes[i].patterns;
            if (codes[i].forms || codes[i].patterns)
                covered++;
            else {
                fprintf(stderr, "CAMEO %s: no verb or pattern gives it\n",
                        codes[i].code);
                missing++;
            }
        }
        printf("%-4s  %5d  %7d  %10d  %8d\n", root, n, covered, rf, rp);
    }
    printf("total %zu codes, %zu verb entries, %zu verb forms, %zu "
           "patterns\n",
           ncodes, nentries, forms, npatterns);
    CHECK_INT(missing, 0);
}

static void test_clean(void) {
    load();
    if (!dict) return;
    bede_error err;
    int found = bede_dict_check(dict, &err);
    CHECK_INT(found, 0);
    size_t n = bede_dict_note_count(dict);
    for (size_t i = 0; i < n && i < 20; i++) {
        bede_dict_note note;
        if (bede_dict_get_note(dict, i, &note) == 0)
            fprintf(stderr, "%s:%u: %s\n", note.file, (unsigned)note.line,
                    note.message);
    }
    CHECK_INT(n, 0);
}

static void cleanup(void) { bede_dict_free(dict); }

TEST_MAIN(TEST(test_table), TEST(test_headers),
          TEST(test_codes_valid_and_covered), TEST(test_clean),
          TEST(cleanup))
