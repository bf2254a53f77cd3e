/*
 * Dictionaries: every PETRARCH-2 and TABARI reference file loads with the
 * entry counts read off the files; lookups give the codes the files give;
 * malformed input is an error at the right line and column and leaves the
 * dictionary as it was; bede's format round-trips.
 */
#include "bede.h"
#include "harness.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define REF BEDE_SOURCE_DIR "/../shared/reference/"
#define P2 REF "petrarch2/"
#define TAB REF "tabari/"


/* The peers' reference files beside the project; the tests that read
 * them are skipped, with a note, when a checkout has none. */
static bool have_reference(void) {
    if (access(P2 "CAMEO.2.0.txt", R_OK) == 0 &&
        access(TAB "TABARI.Demo.actors", R_OK) == 0)
        return true;
    fprintf(stderr, "  skipped: no reference dictionaries at %s\n", REF);
    return false;
}

static bede_dict *load(const char *path) {
    bede_error err;
    bede_dict *d = bede_dict_load_file(path, BEDE_DICT_FORMAT_AUTO,
                                       BEDE_DICT_KIND_AUTO, &err);
    if (!d) {
        char msg[1024];
        fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
    }
    return d;
}

/* The code the whole of phrase gets in kind on date, "" for none, NULL
 * when no phrase of kind covers it. */
static const char *code_of(const bede_dict *d, int kind, const char *phrase,
                           int32_t date) {
    static bede_doc *doc;
    static char buf[128];
    if (!doc) doc = bede_doc_new();
    if (bede_analyze(harness_lookup_analyzer(), phrase, strlen(phrase), doc, NULL) < 0)
        return NULL;
    size_t n = bede_doc_token_count(doc);
    bede_dict_match m[4];
    int k = bede_dict_match_at(d, kind, doc, 0, n, date, m, 4);
    if (k <= 0 || m[0].last != n) return NULL;
    if (m[0].code < 0) return "";
    bede_dict_code c;
    if (bede_dict_get_code(d, kind, m[0].entry, (size_t)m[0].code, &c) < 0)
        return NULL;
    snprintf(buf, sizeof buf, "%s", c.code);
    return buf;
}

/* The line of the entry whose phrase covers all of phrase in kind, or 0. */
static uint32_t line_of(const bede_dict *d, int kind, const char *phrase) {
    static bede_doc *doc;
    if (!doc) doc = bede_doc_new();
    if (bede_analyze(harness_lookup_analyzer(), phrase, strlen(phrase), doc,
                     NULL) < 0)
        return 0;
    size_t n = bede_doc_token_count(doc);
    bede_dict_match m[4];
    bede_dict_entry e;
    if (bede_dict_match_at(d, kind, doc, 0, n, 0, m, 4) <= 0 ||
        m[0].last != n || bede_dict_get_entry(d, kind, m[0].entry, &e) < 0)
        return 0;
    return e.line;
}

static size_t warnings(const bede_dict *d) { return bede_dict_note_count(d); }

/* Phrases of the entry of kind that starts on line. */
static long phrases_at(const bede_dict *d, int kind, uint32_t line) {
    for (size_t i = 0; i < bede_dict_entry_count(d, kind); i++) {
        bede_dict_entry e;
        bede_dict_get_entry(d, kind, i, &e);
        if (e.line == line) return (long)e.phrase_count;
    }
    return -1;
}

static void test_petrarch_actors(void) {
    if (!have_reference()) return;
    bede_dict *d = load(P2 "Phoenix.MilNonState.actors.txt");
    CHECK(d != NULL);
    if (!d) return;
    /* 1021 records, 772 `+` synonyms */
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_ACTORS), 1021);
    CHECK_INT(bede_dict_phrase_count(d, BEDE_DICT_ACTORS), 1021 + 772);
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Abu Nidal Organization", 0),
              "IMGMUSALQ");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Fatah Revolutionary Council", 0),
              "IMGMUSALQ");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "ANARCHISTS' ATTACK GROUP", 0),
              "GRCREB");
    bede_dict_free(d);

    d = load(P2 "Phoenix.Countries.actors.txt");
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_ACTORS), 18390);
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Afghanistan", 0), "AFG");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "afghanistan", 0), "AFG");
    /* HAMID_KARZAI_ [AFGELI 750101-000101] [AFGGOV >011222] [AFGELI] */
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Hamid Karzai", 20050601),
              "AFGGOV");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "President Karzai", 20050601),
              "AFGGOV");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Hamid Karzai", 19900101),
              "AFGELI");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Hamid Karzai", 20010601),
              "AFGELI");
    CHECK(code_of(d, BEDE_DICT_ACTORS, "Hamid", 0) == NULL);
    /* unreadable dates are skipped with warnings (7 in this file) */
    CHECK_INT(warnings(d), 7);
    bede_dict_free(d);

    d = load(P2 "Phoenix.International.actors.txt");
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_ACTORS), 7841);
    /* BAN_KI-MOON: [IGOUNO >20070101], [KORGOVBUS 2004017-...] skipped */
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Ban Ki-moon", 20100101), "IGOUNO");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Ban Ki-moon", 20050101), "");
    /* JAVIER_DE_CUELLAR_ [IGOUNO 820101-911231] [ELI] on one line */
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Javier de Cuellar", 19850101),
              "IGOUNO");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Javier de Cuellar", 19950101),
              "ELI");
    bede_dict_free(d);

    d = load(P2 "PETR.Validate.actors.txt");
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_ACTORS), 129);
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Lorien", 0), "ELR/GAL");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Isildur", 0), "@COMPLEX");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Danish", 0), "DNK");
    bede_dict_free(d);
}

static void test_petrarch_agents(void) {
    if (!have_reference()) return;
    bede_dict *d = load(P2 "Phoenix.agents.txt");
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_AGENTS), 2244);
    /* `[~ENV}` and the code-less ISLAMIC_EXTREMIST: two warnings */
    CHECK_INT(warnings(d), 2);
    CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "police", 0), "~COP");
    /* POLICE {} (line 256): no plural; PRESIDENT (1141): one */
    CHECK_INT(phrases_at(d, BEDE_DICT_AGENTS, 256), 1);
    CHECK_INT(phrases_at(d, BEDE_DICT_AGENTS, 1141), 2);
    /* regular plural generated */
    CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "presidents", 0), "~GOV");
    /* !PERSON! substitution: POLICE!PERSON! */
    CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "policewomen", 0), "~COP");
    CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "chambers of commerce", 0),
              "~BUS");
    bede_dict_free(d);

    d = load(P2 "PETR.Validate.agents.txt");
    CHECK(d != NULL);
    if (!d) return;
    /* CONGRESS -> CONGRESSES (ends in SS) */
    CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "congresses", 0), "~LEG");
    CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "ministry of silly walks", 0),
              "~GOV");
    CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "attorneys general", 0), "~GOV");
    bede_dict_free(d);
}

static void test_petrarch_verbs(void) {
    if (!have_reference()) return;
    bede_dict *d = load(P2 "CAMEO.2.0.txt");
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_SYNSETS), 40);
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_VERBS), 1817);
    CHECK(bede_dict_pattern_count(d) > 4500);
    /* HURRY {HURRIES HURRYING HURRIED } in the ACCELERATE block [---] */
    CHECK(code_of(d, BEDE_DICT_VERBS, "hurried", 0) != NULL);
    CHECK_INT(phrases_at(d, BEDE_DICT_VERBS, 713), 4);
    /* regular forms of ACCELERATE */
    CHECK(code_of(d, BEDE_DICT_VERBS, "accelerated", 0) != NULL);
    CHECK(code_of(d, BEDE_DICT_VERBS, "accelerating", 0) != NULL);
    /* +ASK_FOR {+ASKED_FOR ...} [020] */
    CHECK_STR(code_of(d, BEDE_DICT_VERBS, "asked for", 0), "020");
    /* synonym set &CEASEFIRE: +TRUCE -> plural TRUCES */
    CHECK(code_of(d, BEDE_DICT_SYNSETS, "truces", 0) != NULL);
    bede_dict_free(d);

    d = load(P2 "PETR.Validate.verbs.txt");
    CHECK(d != NULL);
    if (d) CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_SYNSETS), 17);
    bede_dict_free(d);
}

static void test_petrarch_discards_issues(void) {
    if (!have_reference()) return;
    bede_dict *d = load(P2 "Phoenix.discards.txt");
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_DISCARDS), 506);
    /* not ending in `_`: a stem */
    CHECK(code_of(d, BEDE_DICT_DISCARDS, "basketballs", 0) != NULL);
    bede_dict_free(d);
    d = load(P2 "PETR.Validate.discards.txt");
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_DISCARDS), 9);
    bede_dict_entry e;
    CHECK(bede_dict_get_entry(d, BEDE_DICT_DISCARDS, 2, &e) == 0);
    CHECK((e.flags & BEDE_DICT_ENTRY_STORY) != 0); /* +World Golf ... */
    bede_dict_free(d);

    d = load(P2 "Phoenix.IssueCoding.txt");
    CHECK(d != NULL);
    if (!d) return;
    CHECK(bede_dict_entry_count(d, BEDE_DICT_ISSUES) > 3000);
    /* n:preschool -> preschool, preschools; pre+n:school -> pre-school */
    CHECK_STR(code_of(d, BEDE_DICT_ISSUES, "preschools", 0),
              "EARLY_CHILDHOOD_EDUCATION");
    CHECK_STR(code_of(d, BEDE_DICT_ISSUES, "pre school", 0),
              "EARLY_CHILDHOOD_EDUCATION");
    bede_dict_free(d);
}

static void test_tabari(void) {
    if (!have_reference()) return;
    bede_dict *d = load(TAB "TABARI.Demo.actors");
    CHECK(d != NULL);
    if (!d) return;
    /* ARGENTIN is a stem; ETHIOP too */
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Argentina", 0), "ARG");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Ethiopian", 0), "ETH");
    /* AXNOR [AR1 <911226] [AR2] */
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Axnor", 19900101), "AR1");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Axnor", 19950101), "AR2");
    /* GOLLUM with +SMEAGOL and [HOBGOV 950601 - 990815] */
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Smeagol", 19970101), "HOBGOV");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "sheep", 0), "@NOUN");
    /* AL GORE (words may come between) vs AL_GORE */
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Al Gore", 0), "AGR");
    bede_dict_free(d);

    d = load(TAB "Validate.agents");
    CHECK(d != NULL);
    if (d) {
        CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_AGENTS), 86);
        /* POLICE_ : whole word with regular endings */
        CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "police", 0), "~COP");
        CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "soldiers", 0), "~MIL");
    }
    bede_dict_free(d);

    d = load(TAB "TABARI.Demo.verbs");
    CHECK(d != NULL);
    if (d) {
        /* of the stems ATTACK (line 106) and ATTACKED (107), the one that
         * matches more of "attacked", as TABARI chooses roots */
        CHECK_INT(line_of(d, BEDE_DICT_VERBS, "attacked"), 107);
        CHECK_INT(line_of(d, BEDE_DICT_VERBS, "attacks"), 106);
    }
    bede_dict_free(d);

    d = load(TAB "CAMEO.091003.master.verbs"); /* CRLF, Latin-1 */
    CHECK(d != NULL);
    if (d) {
        CHECK(bede_dict_entry_count(d, BEDE_DICT_VERBS) > 1000);
        CHECK(bede_dict_pattern_count(d) > 15000);
        CHECK_STR(code_of(d, BEDE_DICT_VERBS, "abducted", 0), "181");
    }
    bede_dict_free(d);

    d = load(TAB "TABARI.Demo.verbs");
    CHECK(d != NULL);
    if (d) {
        CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_SYNSETS), 5);
        CHECK_STR(code_of(d, BEDE_DICT_VERBS, "acting", 0), "100");
    }
    bede_dict_free(d);

    static const char *const options[] = {
        TAB "CAMEO.09b5.options", TAB "TABARI.Demo.options",
        TAB "Validate.options"};
    for (size_t i = 0; i < 3; i++) {
        d = load(options[i]);
        CHECK(d != NULL);
        if (d) CHECK(bede_dict_entry_count(d, BEDE_DICT_OPTIONS) > 50);
        bede_dict_free(d);
    }
}

/* The message of the last error bad() saw. */
static char bad_message[512];

/* Loads text into a dictionary holding one good file; the error must be at
 * line:column and the dictionary unchanged. */
static void bad(const char *name, int format, int kind, const char *text,
                uint32_t line, uint32_t column) {
    bede_dict *d = bede_dict_new(NULL, NULL);
    const char *good = "Iran | Tehran = IRN\n";
    CHECK_INT(bede_dict_add_text(d, "good.txt", good, strlen(good),
                                 BEDE_DICT_FORMAT_BEDE, BEDE_DICT_ACTORS,
                                 NULL),
              1);
    size_t mem_entries[BEDE_DICT_KIND_COUNT];
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
        mem_entries[k] = bede_dict_entry_count(d, k);
    bede_error err;
    memset(&err, 0, sizeof err);
    int rc = bede_dict_add_text(d, name, text, strlen(text), format, kind,
                                &err);
    CHECK(rc < 0);
    snprintf(bad_message, sizeof bad_message, "%s", err.message);
    if (err.line != line || err.column != column)
        fprintf(stderr, "%s: got %u:%u (%s), want %u:%u\n", name, err.line,
                err.column, err.message, line, column);
    CHECK_INT(err.line, line);
    CHECK_INT(err.column, column);
    CHECK_STR(err.file, name);
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
        CHECK_INT(bede_dict_entry_count(d, k), mem_entries[k]);
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Tehran", 0), "IRN");
    CHECK(code_of(d, BEDE_DICT_ACTORS, "Gondor", 0) == NULL);
    bede_dict_free(d);
}

static void test_malformed(void) {
    enum { B = BEDE_DICT_FORMAT_BEDE, P = BEDE_DICT_FORMAT_PETRARCH,
           T = BEDE_DICT_FORMAT_TABARI };
    /* bede */
    bad("a.txt", B, BEDE_DICT_ACTORS, "Gondor = GON\nArnor\n", 2, 6);
    bad("a.txt", B, BEDE_DICT_ACTORS, "Gondor = GON 2001-13-01..\n", 1, 14);
    bad("a.txt", B, BEDE_DICT_ACTORS, "Gondor = GON ..\n", 1, 14);
    bad("a.txt", B, BEDE_DICT_ACTORS, "Gondor | | Rohan = GON\n", 1, 9);
    bad("a.txt", B, BEDE_DICT_ACTORS, "  | Gondor = GON\n", 1, 1);
    bad("g.txt", B, BEDE_DICT_AGENTS, "police = COP\n", 1, 10);
    bad("v.txt", B, BEDE_DICT_VERBS, "block X = 010\nverb go\npattern go = "
        "010\n", 3, 9);
    bad("v.txt", B, BEDE_DICT_VERBS, "block X = 010\npattern * (to = 010\n",
        2, 11);
    bad("d.txt", B, BEDE_DICT_DISCARDS, "Gondor\n", 1, 1);
    /* a continuation line's error is on that line */
    bad("v.txt", B, BEDE_DICT_VERBS, "synset &A = x\n    | | y\n", 2, 6);
    /* PETRARCH-2 */
    bad("x.actors.txt", P, BEDE_DICT_ACTORS, "GONDOR [GON]\n+\n", 2, 2);
    bad("x.actors.txt", P, BEDE_DICT_ACTORS, "GONDOR [GON\n", 1, 8);
    bad("x.actors.txt", P, BEDE_DICT_ACTORS, "\t[GON]\n", 1, 2);
    bad("x.actors.txt", P, BEDE_DICT_ACTORS, "GONDOR [G$N]\n", 1, 9);
    bad("x.actors.txt", P, BEDE_DICT_ACTORS, "<!-- open\nGONDOR [GON]\n", 2,
        1);
    bad("x.agents.txt", P, BEDE_DICT_AGENTS, "POLICE [COP]\n", 1, 9);
    bad("x.agents.txt", P, BEDE_DICT_AGENTS, "!P! MAN [~X]\nX!Q! [~X]\n", 1,
        1);
    bad("x.verbs.txt", P, BEDE_DICT_VERBS, "GO [010]\n", 1, 1);
    bad("x.verbs.txt", P, BEDE_DICT_VERBS, "--- GO [010] ---\n- * WELL\n", 2,
        9);
    bad("x.verbs.txt", P, BEDE_DICT_VERBS, "&SET\n+&NOPE\n", 2, 2);
    /* a set in itself would grow while it is expanded: at its `&` */
    bad("x.verbs.txt", P, BEDE_DICT_VERBS, "&SET\n+A\n+B &SET\n", 3, 4);
    bad("x.issues.txt", P, BEDE_DICT_ISSUES, "<ISSUE TYPE=\"X\">\n", 1, 1);
    /* TABARI */
    bad("x.actors", T, BEDE_DICT_ACTORS, "<NOUN>\nSHEEP\n", 2, 1);
    bad("x.actors", T, BEDE_DICT_ACTORS, "<VERB>\n", 1, 1);
    bad("x.agents", T, BEDE_DICT_AGENTS, "POLICE_ [COP]\n", 1, 10);
    bad("x.verbs", T, BEDE_DICT_VERBS, "- * WELL [010]\n", 1, 1);
    bad("x.verbs", T, BEDE_DICT_VERBS, "GO [010]\n{ }\n", 2, 1);
    bad("x.verbs", T, BEDE_DICT_VERBS, "<SYNSETS>\n&A\n+B\n", 3, 1);
    bad("x.verbs", T, BEDE_DICT_VERBS, "<SYNSETS>\n&A\n+B\n+&A\n", 4, 2);
    bad("x.options", T, BEDE_DICT_OPTIONS, "FROB: 1\n", 1, 1);
    /* invalid UTF-8 in a bede file */
    bad("a.txt", B, BEDE_DICT_ACTORS, "Gondor = GON\nR\xffohan = ROH\n", 2,
        2);
    /* a NUL byte, in any format (TABARI's Latin-1 too) */
    static const char nul[] = "GONDOR [GON]\nRO\0HAN [ROH]\n";
    for (int f = B; f <= T; f++) {
        bede_dict *d = bede_dict_new(NULL, NULL);
        bede_error err;
        CHECK(bede_dict_add_text(d, "x.actors", nul, sizeof nul - 1, f,
                                 BEDE_DICT_ACTORS, &err) < 0);
        CHECK_INT(err.line, 2);
        CHECK_INT(err.column, 3);
        CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_ACTORS), 0);
        bede_dict_free(d);
    }
}

/* The phrases of synonym set number i. */
static long set_phrases(const bede_dict *d, size_t i) {
    bede_dict_entry e;
    if (bede_dict_get_entry(d, BEDE_DICT_SYNSETS, i, &e) != 0) return -1;
    return (long)e.phrase_count;
}

/* How many synonym sets the whole of phrase is a phrase of. */
static int sets_with(const bede_dict *d, const char *phrase) {
    static bede_doc *doc;
    if (!doc) doc = bede_doc_new();
    if (bede_analyze(harness_lookup_analyzer(), phrase, strlen(phrase), doc,
                     NULL) < 0)
        return -1;
    size_t n = bede_doc_token_count(doc);
    bede_dict_match m[8];
    int k = bede_dict_match_at(d, BEDE_DICT_SYNSETS, doc, 0, n, 0, m, 8);
    int whole = 0;
    for (int i = 0; i < k && i < 8; i++)
        if (m[i].last == n) whole++;
    return whole;
}

static int on_event(const bede_event *ev, void *user) {
    snprintf(user, 64, "%s %s %s", ev->source.code, ev->target.code, ev->code);
    return 0;
}

/* The last event coded in text with d, "" when none. */
static const char *coded(const bede_dict *d, const char *text) {
    static char got[64];
    got[0] = '\0';
    bede_coder *c = bede_coder_new(d, NULL, NULL);
    bede_worker *w = c ? bede_worker_new(c, NULL) : NULL;
    CHECK(w != NULL);
    if (w) bede_code(w, text, strlen(text), NULL, on_event, got, NULL, NULL);
    bede_worker_free(w);
    bede_coder_free(c);
    return got;
}

/* A pattern word `word=` (bede) or any PETRARCH-2 pattern word matches the
 * word as written, not through the token's lemma; a plain bede word
 * does; `word=` is written back and read again. */
static void test_pattern_literal(void) {
    const char *actors = "Arnor = ARN\nGondor = GON\n";
    const char *pverbs = "--- ABANDON [345] ---\nABANDON\n- * EFFORT [987]\n";
    const char *bverbs = "# bede dictionary: verbs\n"
                         "block ABANDON = 345\n"
                         "verb abandon | abandoned\n"
                         "pattern * effort = 987\n";
    const char *text = "Arnor abandoned efforts with Gondor.";
    for (int k = 0; k < 2; k++) {
        bede_dict *d = bede_dict_new(NULL, NULL);
        CHECK(bede_dict_add_text(d, "a.txt", actors, strlen(actors),
                                 BEDE_DICT_FORMAT_BEDE, BEDE_DICT_ACTORS,
                                 NULL) == 2);
        const char *v = k ? bverbs : pverbs;
        CHECK(bede_dict_add_text(d, "v.txt", v, strlen(v),
                                 k ? BEDE_DICT_FORMAT_BEDE
                                   : BEDE_DICT_FORMAT_PETRARCH,
                                 BEDE_DICT_VERBS, NULL) > 0);
        CHECK_STR(coded(d, text), k ? "ARN GON 987" : "ARN GON 345");
        if (k == 0) {
            char path[] = "/tmp/bede-lit-XXXXXX";
            int fd = mkstemp(path);
            CHECK(fd >= 0);
            if (fd >= 0) close(fd);
            CHECK(bede_dict_write(d, BEDE_DICT_VERBS, path, NULL) == 0);
            char buf[512];
            harness_read(path, buf, sizeof buf);
            CHECK(strstr(buf, "pattern * effort=") != NULL);
            bede_dict *b = bede_dict_new(NULL, NULL);
            CHECK(bede_dict_add_text(b, "a.txt", actors, strlen(actors),
                                     BEDE_DICT_FORMAT_BEDE, BEDE_DICT_ACTORS,
                                     NULL) == 2);
            CHECK(bede_dict_add_file(b, path, BEDE_DICT_FORMAT_BEDE,
                                     BEDE_DICT_VERBS, NULL) > 0);
            CHECK_STR(coded(b, text), "ARN GON 345");
            bede_dict_free(b);
            unlink(path);
        }
        bede_dict_free(d);
    }
}

/* A synonym set may name earlier sets as whole phrases (data/verbs/
 * README.md): their phrases are its own, two levels deep, in patterns, in
 * the compiled form and written back; naming itself, a later set, an
 * unknown set or a set inside a phrase is an error at the `&`. */
static void test_synset_nesting(void) {
    enum {
        B = BEDE_DICT_FORMAT_BEDE,
        P = BEDE_DICT_FORMAT_PETRARCH,
        T = BEDE_DICT_FORMAT_TABARI
    };
    const char *verbs = "# bede dictionary: verbs\n"
                        "synset &DRONES = drones | attack drones\n"
                        "synset &WEAPONS = missiles\n"
                        "    | &DRONES | tanks\n"
                        "synset &ARMS = &WEAPONS | rifles\n"
                        "block SUPPLY = 070\n"
                        "verb supply | supplies | supplied\n"
                        "pattern * with &ARMS = 072\n";
    const char *actors = "Iran = IRN\nRussia = RUS\n";
    bede_dict *d = bede_dict_new(NULL, NULL);
    CHECK_INT(bede_dict_add_text(d, "v.txt", verbs, strlen(verbs), B,
                                 BEDE_DICT_VERBS, NULL),
              4);
    CHECK_INT(bede_dict_add_text(d, "a.txt", actors, strlen(actors), B,
                                 BEDE_DICT_ACTORS, NULL),
              2);
    CHECK_INT(set_phrases(d, 0), 2);
    /* missiles, drones, attack drones, tanks */
    CHECK_INT(set_phrases(d, 1), 4);
    /* two levels: &ARMS > &WEAPONS > &DRONES */
    CHECK_INT(set_phrases(d, 2), 5);
    CHECK_INT(sets_with(d, "attack drones"), 3);
    CHECK_INT(sets_with(d, "tanks"), 2);
    CHECK_INT(sets_with(d, "rifles"), 1);
    /* in order, each copy on the line that names its set */
    uint32_t line = 0;
    CHECK_STR(bede_dict_get_phrase(d, BEDE_DICT_SYNSETS, 1, 1, &line),
              "drones");
    CHECK_INT(line, 4);
    CHECK_STR(bede_dict_get_phrase(d, BEDE_DICT_SYNSETS, 1, 3, &line), "tanks");
    CHECK_STR(bede_dict_get_phrase(d, BEDE_DICT_SYNSETS, 2, 2, NULL),
              "attack drones");
    CHECK_STR(coded(d, "Iran supplied Russia with attack drones."),
              "IRN RUS 072");
    CHECK_STR(coded(d, "Iran supplied Russia with rifles."), "IRN RUS 072");
    CHECK_STR(coded(d, "Iran supplied Russia with bread."), "IRN RUS 070");
    /* a set's phrases in a set that names it are not duplicates */
    CHECK_INT(bede_dict_check(d, NULL), 0);
    /* the compiled form holds them */
    char path[] = "/tmp/bede-syn-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) close(fd);
    CHECK(bede_dict_compile(d, path, NULL) == 0);
    bede_dict *c = bede_dict_load_compiled(path, NULL);
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(set_phrases(c, 2), 5);
        CHECK_INT(sets_with(c, "attack drones"), 3);
        CHECK_STR(coded(c, "Iran supplied Russia with drones."), "IRN RUS 072");
    }
    bede_dict_free(c);
    /* written back as named */
    CHECK(bede_dict_write(d, BEDE_DICT_VERBS, path, NULL) == 0);
    char text[1024];
    harness_read(path, text, sizeof text);
    CHECK(strstr(text, "synset &WEAPONS = missiles | &DRONES | tanks\n"));
    CHECK(strstr(text, "synset &ARMS = &WEAPONS | rifles\n"));
    c = bede_dict_load_file(path, B, BEDE_DICT_VERBS, NULL);
    CHECK(c != NULL);
    if (c) CHECK_INT(set_phrases(c, 2), 5);
    bede_dict_free(c);
    unlink(path);
    bede_dict_free(d);

    /* a set named again later: `&A` is written only where it names the
     * set meant */
    const char *again = "synset &A = x\nsynset &B = &A\nsynset &A = &B | y\n";
    d = bede_dict_new(NULL, NULL);
    CHECK_INT(bede_dict_add_text(d, "v.txt", again, strlen(again), B,
                                 BEDE_DICT_VERBS, NULL),
              3);
    CHECK_INT(set_phrases(d, 2), 2);
    CHECK(bede_dict_write(d, BEDE_DICT_VERBS, path, NULL) == 0);
    harness_read(path, text, sizeof text);
    CHECK(strstr(text, "synset &B = &A\nsynset &A = &B | y\n"));
    unlink(path);
    bede_dict_free(d);

    /* errors name the `&` and what was expected */
    bad("v.txt", B, BEDE_DICT_VERBS, "synset &A = x | &A\n", 1, 17);
    CHECK(strstr(bad_message, "'&A' names itself"));
    /* an earlier &A does not make it an extension of itself */
    bad("v.txt", B, BEDE_DICT_VERBS, "synset &A = x\nsynset &A = &A | y\n", 2,
        13);
    CHECK(strstr(bad_message, "names itself"));
    /* two sets naming each other: the first names a set not yet defined */
    bad("v.txt", B, BEDE_DICT_VERBS, "synset &A = x | &B\nsynset &B = y | &A\n",
        1, 17);
    CHECK(strstr(bad_message, "expected an earlier synonym set: '&B' is "
                              "defined below, on line 2"));
    bad("v.txt", B, BEDE_DICT_VERBS,
        "synset &A = x | &C\nsynset &B = &A\nsynset &C = &B\n", 1, 17);
    CHECK(strstr(bad_message, "on line 3"));
    bad("v.txt", B, BEDE_DICT_VERBS, "synset &A = x\n    | &NOPE\n", 2, 7);
    CHECK(strstr(bad_message, "'&NOPE' is not defined"));
    bad("v.txt", B, BEDE_DICT_VERBS,
        "synset &A = x\nsynset &B = office of &A\n", 2, 23);
    CHECK(strstr(bad_message, "expected '&NAME' alone"));
    bad("v.txt", B, BEDE_DICT_VERBS, "synset &A = x\nsynset &B = &A y\n", 2,
        13);
    CHECK(strstr(bad_message, "expected '&NAME' alone"));
    /* `&` is a word like any other where it names no set */
    d = bede_dict_new(NULL, NULL);
    const char *amp = "synset &A = r & d | &\n";
    CHECK_INT(bede_dict_add_text(d, "v.txt", amp, strlen(amp), B,
                                 BEDE_DICT_VERBS, NULL),
              1);
    CHECK_INT(set_phrases(d, 0), 2);
    bede_dict_free(d);
    /* sets of sets doubling at each line stop at a bound */
    char big[4096] = "synset &S0 = a | b\n";
    for (int i = 1; i < 16; i++)
        snprintf(big + strlen(big), sizeof big - strlen(big),
                 "synset &S%d = &S%d | &S%d\n", i, i - 1, i - 1);
    d = bede_dict_new(NULL, NULL);
    bede_error err;
    CHECK(bede_dict_add_text(d, "v.txt", big, strlen(big), B, BEDE_DICT_VERBS,
                             &err) == BEDE_ERR_LIMIT);
    CHECK_INT(err.line, 14);
    bede_dict_free(d);

    /* PETRARCH-2: `+&NAME` of an earlier set, as TABARI's */
    const char *pv = "&TIES\n+MILITARY\n+ECONOMIC\n&REL\n+&TIES\n+CLOSER\n"
                     "&ALL\n+&REL\n";
    d = bede_dict_new(NULL, NULL);
    CHECK_INT(bede_dict_add_text(d, "x.verbs.txt", pv, strlen(pv), P,
                                 BEDE_DICT_VERBS, NULL),
              3);
    CHECK_INT(set_phrases(d, 0), 4); /* with plurals */
    CHECK_INT(set_phrases(d, 1), 6);
    CHECK_INT(set_phrases(d, 2), 6);
    CHECK_INT(sets_with(d, "militaries"), 3);
    CHECK_INT(bede_dict_check(d, NULL), 0);
    bede_dict_free(d);
    bad("x.verbs.txt", P, BEDE_DICT_VERBS, "&A\n+X\n+&B\n&B\n+&A\n", 3, 2);
    CHECK(strstr(bad_message, "not defined before here"));

    /* TABARI (manual 5.6): also inside a phrase, one phrase per member */
    const char *tv = "<SYNSETS>\n&TIES\n+MILITARY\n+ECONOMIC\n&REL\n+&TIES\n"
                     "+OFFICE_OF_&TIES_AFFAIRS\n&ALL\n+&REL\n</SYNSETS>\n";
    d = bede_dict_new(NULL, NULL);
    CHECK_INT(bede_dict_add_text(d, "x.verbs", tv, strlen(tv), T,
                                 BEDE_DICT_VERBS, NULL),
              3);
    CHECK_INT(set_phrases(d, 1), 4);
    CHECK_INT(set_phrases(d, 2), 4);
    CHECK_INT(sets_with(d, "office of economic affairs"), 2);
    CHECK_INT(sets_with(d, "military"), 3);
    CHECK_INT(bede_dict_check(d, NULL), 0);
    bede_dict_free(d);
    bad("x.verbs", T, BEDE_DICT_VERBS,
        "<SYNSETS>\n&A\n+X\n+OFFICE_OF_&B\n&B\n+Y\n</SYNSETS>\n", 4, 12);
}

static void test_warnings_and_strict(void) {
    const char *text = "GONDOR\n\t[GON 20121204]\n\t[GONGOV >20010101]\n";
    bede_dict *d = bede_dict_new(NULL, NULL);
    CHECK_INT(bede_dict_add_text(d, "w.actors.txt", text, strlen(text),
                                 BEDE_DICT_FORMAT_PETRARCH, BEDE_DICT_ACTORS,
                                 NULL),
              1);
    CHECK_INT(bede_dict_note_count(d), 1);
    bede_dict_note nt;
    CHECK(bede_dict_get_note(d, 0, &nt) == 0);
    CHECK_INT(nt.line, 2);
    CHECK_INT(nt.column, 3);
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Gondor", 20050101), "GONGOV");
    bede_dict_free(d);
    bede_dict_options o;
    bede_dict_default_options(&o);
    o.strict = 1;
    d = bede_dict_new(&o, NULL);
    bede_error err;
    CHECK(bede_dict_add_text(d, "w.actors.txt", text, strlen(text),
                             BEDE_DICT_FORMAT_PETRARCH, BEDE_DICT_ACTORS,
                             &err) < 0);
    CHECK_INT(err.line, 2);
    CHECK_INT(bede_dict_entry_count(d, BEDE_DICT_ACTORS), 0);
    bede_dict_free(d);
}

static void test_check(void) {
    const char *a = "Gondor = GON\nMinas Tirith = GON\n";
    const char *b = "gondor = GON\nminas tirith = MNT\n";
    bede_dict *d = bede_dict_new(NULL, NULL);
    bede_dict_add_text(d, "a.txt", a, strlen(a), BEDE_DICT_FORMAT_BEDE,
                       BEDE_DICT_ACTORS, NULL);
    bede_dict_add_text(d, "b.txt", b, strlen(b), BEDE_DICT_FORMAT_BEDE,
                       BEDE_DICT_ACTORS, NULL);
    CHECK_INT(bede_dict_check(d, NULL), 2);
    CHECK_INT(bede_dict_note_count(d), 2);
    int conflicts = 0, dups = 0;
    for (size_t i = 0; i < bede_dict_note_count(d); i++) {
        bede_dict_note nt;
        bede_dict_get_note(d, i, &nt);
        CHECK_STR(nt.file, "b.txt");
        CHECK_STR(nt.other_file, "a.txt");
        CHECK_INT(nt.line, nt.other_line);
        if (strstr(nt.message, "conflict")) conflicts++;
        if (strstr(nt.message, "duplicate")) dups++;
    }
    CHECK_INT(conflicts, 1);
    CHECK_INT(dups, 1);
    bede_dict_free(d);
}

/* Every phrase of every entry gets, in the converted dictionary, the same
 * codes on each test date as in the original. */
static void round_trip(const char *path, int kind) {
    bede_dict *d = load(path);
    CHECK(d != NULL);
    if (!d) return;
    char out[] = "/tmp/bede-dict-XXXXXX";
    int fd = mkstemp(out);
    CHECK(fd >= 0);
    if (fd < 0) {
        bede_dict_free(d);
        return;
    }
    close(fd);
    CHECK(bede_dict_write(d, kind, out, NULL) == 0);
    bede_error err;
    bede_dict *c = bede_dict_load_file(out, BEDE_DICT_FORMAT_BEDE, kind, &err);
    if (!c) {
        char msg[1024];
        fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
    }
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(bede_dict_entry_count(c, kind),
                  bede_dict_entry_count(d, kind));
        CHECK_INT(bede_dict_phrase_count(c, kind),
                  bede_dict_phrase_count(d, kind));
        static const int32_t dates[] = {0, 19800101, 19950615, 20050101,
                                        20140101};
        size_t bad_ = 0, n = bede_dict_entry_count(d, kind);
        for (size_t i = 0; i < n; i++) {
            bede_dict_entry e;
            bede_dict_get_entry(d, kind, i, &e);
            for (size_t j = 0; j < e.phrase_count; j++) {
                const char *ph = bede_dict_get_phrase(d, kind, i, j, NULL);
                if (strstr(ph, "..") || strchr(ph, '*') || strchr(ph, '~'))
                    continue; /* not literal text */
                for (size_t t = 0; t < 5; t++) {
                    const char *x = code_of(d, kind, ph, dates[t]);
                    char xs[128];
                    snprintf(xs, sizeof xs, "%s", x ? x : "(none)");
                    if (!strcmp(xs, "---")) xs[0] = '\0';
                    const char *y = code_of(c, kind, ph, dates[t]);
                    char ys[128];
                    snprintf(ys, sizeof ys, "%s", y ? y : "(none)");
                    if (!strcmp(ys, "---")) ys[0] = '\0';
                    if (strcmp(xs, ys) != 0 && bad_++ < 5)
                        fprintf(stderr, "%s '%s' on %d: %s vs %s\n", path, ph,
                                (int)dates[t], xs, ys);
                }
            }
        }
        CHECK_INT(bad_, 0);
    }
    bede_dict_free(c);
    bede_dict_free(d);
    unlink(out);
}

static void test_round_trip(void) {
    if (!have_reference()) return;
    round_trip(P2 "Phoenix.MilNonState.actors.txt", BEDE_DICT_ACTORS);
    round_trip(P2 "PETR.Validate.actors.txt", BEDE_DICT_ACTORS);
    round_trip(P2 "Phoenix.agents.txt", BEDE_DICT_AGENTS);
    round_trip(P2 "Phoenix.discards.txt", BEDE_DICT_DISCARDS);
    round_trip(P2 "Phoenix.IssueCoding.txt", BEDE_DICT_ISSUES);
    round_trip(P2 "CAMEO.2.0.txt", BEDE_DICT_VERBS);
    /* patterns coded ### (discard) and +++ are written so they read back */
    round_trip(P2 "PETR.Validate.verbs.txt", BEDE_DICT_VERBS);
    round_trip(TAB "TABARI.Demo.actors", BEDE_DICT_ACTORS);
}

static void test_bede_examples(void) {
    static const char *const files[] = {
        BEDE_SOURCE_DIR "/data/actors/example.txt",
        BEDE_SOURCE_DIR "/data/agents/example.txt",
        BEDE_SOURCE_DIR "/data/verbs/example.txt",
        BEDE_SOURCE_DIR "/data/discards/example.txt",
        BEDE_SOURCE_DIR "/data/issues/example.txt"};
    bede_dict *d = bede_dict_new(NULL, NULL);
    for (size_t i = 0; i < 5; i++) {
        bede_error err;
        int rc = bede_dict_add_file(d, files[i], BEDE_DICT_FORMAT_AUTO,
                                    BEDE_DICT_KIND_AUTO, &err);
        if (rc < 0) {
            char msg[1024];
            fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
        }
        CHECK(rc > 0);
    }
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Kabul", 0), "AFG");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Karzai", 20100101), "AFGGOV");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Karzai", 20200101), "AFGELI");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Argentine", 0), "ARG");
    CHECK_STR(code_of(d, BEDE_DICT_AGENTS, "foreign ministers", 0),
              "~GOVFRM");
    CHECK_STR(code_of(d, BEDE_DICT_VERBS, "called off", 0), "160");
    CHECK(code_of(d, BEDE_DICT_DISCARDS, "basketballs", 0) != NULL);
    CHECK_STR(code_of(d, BEDE_DICT_ISSUES, "pre-schools", 0),
              "EARLY_CHILDHOOD_EDUCATION");
    CHECK(bede_dict_pattern_count(d) >= 4);
    bede_dict_free(d);
}

/* Dated codes: on a date the one in force; with no date the one still in
 * force when the dictionary was written, else the undated one. */
static void test_dates(void) {
    const char *text =
        "# bede dictionary: actors\n"
        "Aragorn = GONELI ..2019-12-31, GONGOV 2020-01-01..2022-06-30, "
        "GONELI\n"
        "Boromir = GONMIL 2001-01-01..2002-01-01, GONCVL\n"
        "Faramir = GONGOV 2015-01-01..2020-01-01, GONGOV 2024-01-01.., "
        "GONELI\n";
    bede_dict *d = bede_dict_new(NULL, NULL);
    CHECK_INT(bede_dict_add_text(d, "dates.txt", text, strlen(text),
                                 BEDE_DICT_FORMAT_BEDE, BEDE_DICT_ACTORS, NULL),
              3);
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Aragorn", 20210101), "GONGOV");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Aragorn", 20100101), "GONELI");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Aragorn", 0), "GONELI");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Boromir", 0), "GONCVL");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Faramir", 20170101), "GONGOV");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Faramir", 20220101), "GONELI");
    CHECK_STR(code_of(d, BEDE_DICT_ACTORS, "Faramir", 0), "GONGOV");
    bede_dict_free(d);
}

TEST_MAIN(TEST(test_dates), TEST(test_petrarch_actors), TEST(test_petrarch_agents),
          TEST(test_petrarch_verbs), TEST(test_petrarch_discards_issues),
          TEST(test_tabari), TEST(test_malformed), TEST(test_synset_nesting),
          TEST(test_pattern_literal),
          TEST(test_warnings_and_strict), TEST(test_check),
          TEST(test_round_trip), TEST(test_bede_examples))
