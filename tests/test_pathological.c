/* Pathological inputs through the whole text stage: each must finish (the
 * ctest TIMEOUT bounds the time) with a valid structure and no crash. */
#include "harness.h"
#include "internal.h"

#define MB (1u << 20)

static bede_analyzer *an_reject, *an_replace;

/* Analyses buf and checks the invariants every doc must satisfy. */
static int analyse(bede_analyzer *an, const char *buf, size_t len) {
    bede_doc *doc = bede_doc_new();
    bede_error err;
    int ns = bede_analyze(an, buf, len, doc, &err);
    if (ns >= 0) {
        const bede_sentence *s = bede_doc_sentences(doc);
        const bede_token *t = bede_doc_tokens(doc);
        size_t nt = bede_doc_token_count(doc);
        for (int i = 0; i < ns; i++) {
            CHECK(s[i].token_count > 0);
            CHECK(s[i].token_count <= 400);
            CHECK(s[i].first_token + s[i].token_count <= nt);
            const bede_phrase *p = bede_doc_phrases(doc) + s[i].first_phrase;
            for (uint32_t k = 0; k < s[i].phrase_count; k++) {
                CHECK(p[k].first <= p[k].last);
                CHECK(p[k].last <= s[i].token_count);
            }
        }
        for (size_t i = 0; i < nt; i++) {
            CHECK(t[i].span.end <= len);
            CHECK(t[i].tag < BEDE_TAG_COUNT);
        }
    }
    bede_doc_free(doc);
    return ns;
}

static char *repeat(const char *unit, size_t total, size_t *len) {
    size_t u = strlen(unit);
    char *buf = malloc(total + 1);
    size_t n = 0;
    while (n + u <= total) {
        memcpy(buf + n, unit, u);
        n += u;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static void t_megabyte_sentence(void) {
    size_t len;
    char *buf = repeat("officials said the talks would continue ", MB, &len);
    int ns = analyse(an_reject, buf, len);
    CHECK(ns > 100); /* split into bounded pieces */
    free(buf);
}

static void t_megabyte_word(void) {
    size_t len;
    char *buf = repeat("a", MB, &len);
    CHECK_INT(analyse(an_reject, buf, len), 1);
    free(buf);
}

static void t_nested_brackets_and_quotes(void) {
    size_t n = 100000;
    char *buf = malloc(2 * n + 16);
    memset(buf, '(', n);
    memcpy(buf + n, "war", 3);
    memset(buf + n + 3, ')', n);
    CHECK(analyse(an_reject, buf, 2 * n + 3) > 0);
    memset(buf, '"', 2 * n + 3);
    CHECK(analyse(an_reject, buf, 2 * n + 3) > 0);
    for (size_t i = 0; i < 2 * n; i += 2) memcpy(buf + i, "[\"", 2);
    CHECK(analyse(an_reject, buf, 2 * n) > 0);
    free(buf);
}

static void t_punctuation_floods(void) {
    const char *units[] = {".", "-", "...", ". ", "? ", "U.S. ", "'s ",
                           "Mr. ", ", ", "\n", "\n\n", "$1,000,000,",
                           "http://", "@", "#"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t len;
        char *buf = repeat(units[i], MB / 4, &len);
        CHECK(analyse(an_reject, buf, len) >= 0);
        free(buf);
    }
}

static void t_nul_and_control_bytes(void) {
    char buf[] = "Iran\0said\0\0the\x01talks\x7f" "failed.\0";
    CHECK(analyse(an_reject, buf, sizeof buf - 1) == 1);
}

static void t_random_bytes(void) {
    size_t len = MB;
    char *buf = malloc(len);
    uint64_t x = 88172645463325252ull;
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = (char)(x & 0xFF);
    }
    CHECK(analyse(an_reject, buf, len) == BEDE_ERR_UTF8);
    CHECK(analyse(an_replace, buf, len) > 0);
    /* random printable ASCII with spaces and punctuation */
    static const char alphabet[] = "abcXYZ .,;:!?\"'()[]-$%0123\n";
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = alphabet[x % (sizeof alphabet - 1)];
    }
    CHECK(analyse(an_reject, buf, len) > 0);
    free(buf);
}

/* The coder over the bundled dictionaries on news-like text with every
 * actor and verb repeated, a megabyte without punctuation, nested quotes
 * and brackets around actors, and random printable junk: every input ends,
 * every event points inside its story. */
static int count_event(const bede_event *ev, void *user) {
    size_t *len = user;
    CHECK(ev->verb.end <= len[0] && ev->source.span.end <= len[0]);
    len[1]++;
    return 0;
}

static void t_coder(void) {
    bede_error err;
    bede_dict *d = bede_dict_new(NULL, &err);
    CHECK(d != NULL);
    if (!d) return;
    CHECK(bede_dict_add_bundled(d, BEDE_SOURCE_DIR "/data", &err) >= 0);
    bede_coder *c = bede_coder_new(d, NULL, &err);
    bede_worker *w = c ? bede_worker_new(c, &err) : NULL;
    CHECK(w != NULL);
    if (!w) {
        bede_coder_free(c);
        bede_dict_free(d);
        return;
    }
    static const char *const units[] = {
        "Israel and Iran and Egypt and Hamas condemned ",
        "Iran's foreign minister said he told Russia that China urged ",
        "\"(((Iran [condemned] {Israel} \"",
        "he said it said they said she said ",
        "the council the ministry the spokesman the army "};
    bede_story st = {"pathological", 20240101};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t len;
        char *buf = repeat(units[u], MB / 4, &len);
        size_t acc[2] = {len, 0};
        CHECK(bede_code(w, buf, len, &st, count_event, acc, NULL, &err) >= 0);
        free(buf);
    }
    size_t len = MB / 4;
    char *buf = malloc(len);
    static const char alphabet[] = "IranIsraelcondemned ,.;:!?\"'()-$0\n";
    uint64_t x = 88172645463325252ull;
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = alphabet[x % (sizeof alphabet - 1)];
    }
    size_t acc[2] = {len, 0};
    CHECK(bede_code(w, buf, len, &st, count_event, acc, NULL, &err) >= 0);
    free(buf);
    bede_worker_free(w);
    bede_coder_free(c);
    bede_dict_free(d);
}

int main(void) {
    bede_text_options o;
    bede_text_default_options(&o);
    an_reject = bede_analyzer_new(&o, NULL);
    o.utf8_policy = BEDE_UTF8_REPLACE;
    an_replace = bede_analyzer_new(&o, NULL);
    if (!an_reject || !an_replace) return 1;
    static const harness_test tests[] = {
        TEST(t_megabyte_sentence), TEST(t_megabyte_word),
        TEST(t_nested_brackets_and_quotes), TEST(t_punctuation_floods),
        TEST(t_nul_and_control_bytes), TEST(t_random_bytes), TEST(t_coder)};
    int rc = harness_run(tests, sizeof tests / sizeof tests[0]);
    bede_analyzer_free(an_reject);
    bede_analyzer_free(an_replace);
    return rc;
}
