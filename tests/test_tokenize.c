/* Tokenizer and normalisation: token boundaries, kinds, byte spans,
 * folding, UTF-8 errors. */
#include "harness.h"
#include "internal.h"

static bede_analyzer *analyzer(int policy) {
    bede_text_options o;
    bede_text_default_options(&o);
    o.utf8_policy = policy;
    o.tag = 0;
    return bede_analyzer_new(&o, NULL);
}

/* Tokens of text joined by single spaces (normal forms). */
static const char *joined(const char *text) {
    static char out[4096];
    bede_analyzer *an = analyzer(BEDE_UTF8_REJECT);
    bede_doc *doc = bede_doc_new();
    out[0] = 0;
    if (bede_analyze(an, text, strlen(text), doc, NULL) >= 0) {
        size_t n = bede_doc_token_count(doc), pos = 0;
        const bede_token *t = bede_doc_tokens(doc);
        for (size_t i = 0; i < n; i++) {
            const char *w = bede_doc_string(doc, t[i].norm);
            pos += (size_t)snprintf(out + pos, sizeof out - pos, "%s%s",
                                    i ? " " : "", w);
            if (pos >= sizeof out) break;
        }
    } else {
        snprintf(out, sizeof out, "(error)");
    }
    bede_doc_free(doc);
    bede_analyzer_free(an);
    return out;
}

static void t_possessives_and_contractions(void) {
    CHECK_STR(joined("Iran's foreign ministry"), "Iran 's foreign ministry");
    CHECK_STR(joined("the countries' leaders"), "the countries ' leaders");
    CHECK_STR(joined("They don't know"), "They do n't know");
    CHECK_STR(joined("We can't and won't"), "We ca n't and wo n't");
    CHECK_STR(joined("I'm sure they're here and we've seen it; he'll go, "
                     "she'd say"),
              "I 'm sure they 're here and we 've seen it ; he 'll go , "
              "she 'd say");
    CHECK_STR(joined("O'Brien met N'Djamena's mayor"),
              "O'Brien met N'Djamena 's mayor");
    CHECK_STR(joined("Iran\xE2\x80\x99s envoy"), "Iran 's envoy");
    CHECK_STR(joined("DON'T"), "DO N'T");
}

static void t_abbreviations(void) {
    CHECK_STR(joined("the U.S. and U.N. envoys"), "the U.S. and U.N. envoys");
    CHECK_STR(joined("Lt. Col. Ahmed and Gen. Smith"),
              "Lt. Col. Ahmed and Gen. Smith");
    CHECK_STR(joined("on Feb. 19 at 9 a.m."), "on Feb. 19 at 9 a.m.");
    CHECK_STR(joined("George W. Bush"), "George W. Bush");
    CHECK_STR(joined("Acme Inc. said"), "Acme Inc. said");
    CHECK_STR(joined("No. 10 said no."), "No. 10 said no .");
    CHECK_STR(joined("U.S.-led coalition"), "U.S.-led coalition");
    CHECK_STR(joined("e.g. this, i.e. that"), "e.g. this , i.e. that");
    CHECK_STR(joined("it ended."), "it ended .");
}

static void t_numbers(void) {
    CHECK_STR(joined("1,200 troops"), "1,200 troops");
    CHECK_STR(joined("3.5 percent"), "3.5 percent");
    CHECK_STR(joined("rose 12% to $40.5 million"),
              "rose 12% to $40.5 million");
    CHECK_STR(joined("\xE2\x82\xAC" "3bn"), "\xE2\x82\xAC" "3bn");
    CHECK_STR(joined("on 2026-02-19 at 10:30"), "on 2026-02-19 at 10:30");
    CHECK_STR(joined("in the 1990s, 19th"), "in the 1990s , 19th");
    CHECK_STR(joined("1, 2 and 3,4"), "1 , 2 and 3 , 4");
    CHECK_STR(joined("F-16 jets"), "F-16 jets");
}

static void t_words_urls_tags(void) {
    /* "anti-" and "pro-" are words of their own, the name after them
     * too; other hyphenated words stay whole */
    CHECK_STR(joined("al-Qaeda and pro-Russian forces"),
              "al-Qaeda and pro- Russian forces");
    CHECK_STR(joined("anti-Israel protests, an anti- Gondor parade"),
              "anti- Israel protests , an anti- Gondor parade");
    CHECK_STR(joined("antiwar, Pro-EU, pros-and-cons"),
              "antiwar , Pro- EU , pros-and-cons");
    CHECK_STR(joined("see https://www.un.org/press/en. Then"),
              "see https://www.un.org/press/en . Then");
    CHECK_STR(joined("(www.gov.uk)"), "( www.gov.uk )");
    CHECK_STR(joined("mail press@un.org now"), "mail press@un.org now");
    CHECK_STR(joined("#Gaza and @UN"), "#Gaza and @UN");
    CHECK_STR(joined("[the (inner) part]"), "[ the ( inner ) part ]");
}

static void t_folding(void) {
    /* curly quotes, dashes, ellipsis fold to ASCII; accents are kept */
    CHECK_STR(joined("\xE2\x80\x9CNo\xE2\x80\x9D \xE2\x80\x94 said "
                     "Erdo\xC4\x9F" "an\xE2\x80\xA6"),
              "\" No \" -- said Erdo\xC4\x9F" "an ...");
    CHECK_STR(joined("2015\xE2\x80\x93" "2026"), "2015-2026");
    CHECK_STR(joined("a -- b --- c ... d"), "a -- b --- c ... d");
    /* NFC: e + combining acute -> U+00E9 */
    CHECK_STR(joined("Pe\xCC\x81rez"), "P\xC3\xA9rez");
}

static void t_spans_and_kinds(void) {
    const char *text = "  Iran\xE2\x80\x99s envoy paid $40 on www.x.org #tag";
    bede_analyzer *an = analyzer(BEDE_UTF8_REJECT);
    bede_doc *doc = bede_doc_new();
    CHECK(bede_analyze(an, text, strlen(text), doc, NULL) == 1);
    const bede_token *t = bede_doc_tokens(doc);
    CHECK_INT(bede_doc_token_count(doc), 8);
    CHECK_INT(t[0].span.start, 2);
    CHECK_INT(t[0].span.end, 6);
    CHECK_INT(t[1].span.start, 6);
    CHECK_INT(t[1].span.end, 10); /* ’ is three bytes */
    CHECK_STR(bede_doc_string(doc, t[1].norm), "'s");
    CHECK_STR(bede_doc_string(doc, t[0].lower), "iran");
    CHECK_INT(t[0].flags & BEDE_TOKF_CAPITALIZED, BEDE_TOKF_CAPITALIZED);
    CHECK_INT(t[4].kind, BEDE_TOKEN_NUMBER);
    CHECK_INT(t[6].kind, BEDE_TOKEN_URL);
    CHECK_INT(t[7].kind, BEDE_TOKEN_HASHTAG);
    for (size_t i = 0; i < bede_doc_token_count(doc); i++) {
        CHECK(t[i].span.start < t[i].span.end);
        CHECK(t[i].span.end <= strlen(text));
        if (i) CHECK(t[i].span.start >= t[i - 1].span.end);
    }
    bede_doc_free(doc);
    bede_analyzer_free(an);
}

static void t_invalid_utf8(void) {
    const char text[] = "Iran said \xFF\xFE no";
    bede_analyzer *an = analyzer(BEDE_UTF8_REJECT);
    bede_doc *doc = bede_doc_new();
    bede_error err;
    CHECK_INT(bede_analyze(an, text, sizeof text - 1, doc, &err),
              BEDE_ERR_UTF8);
    CHECK_INT(err.offset, 10);
    char buf[600];
    bede_error_format(&err, buf, sizeof buf);
    CHECK(strstr(buf, "byte 10") != NULL);
    bede_analyzer_free(an);

    an = analyzer(BEDE_UTF8_REPLACE);
    CHECK(bede_analyze(an, text, sizeof text - 1, doc, &err) == 1);
    CHECK_INT(bede_doc_replaced_bytes(doc), 2);
    CHECK_STR(bede_doc_string(doc, bede_doc_tokens(doc)[2].norm),
              "\xEF\xBF\xBD\xEF\xBF\xBD");
    /* truncated sequence at the end, overlong, surrogate */
    const char bad[] = "a \xE2\x80 b \xC0\xAF c \xED\xA0\x80";
    CHECK(bede_analyze(an, bad, sizeof bad - 1, doc, &err) == 1);
    CHECK_INT(bede_doc_replaced_bytes(doc), 7);
    bede_analyzer_free(an);
    bede_doc_free(doc);
}

static void t_empty_and_whitespace(void) {
    bede_analyzer *an = analyzer(BEDE_UTF8_REJECT);
    bede_doc *doc = bede_doc_new();
    CHECK_INT(bede_analyze(an, "", 0, doc, NULL), 0);
    CHECK_INT(bede_analyze(an, " \n\n\t ", 5, doc, NULL), 0);
    CHECK_INT(bede_doc_token_count(doc), 0);
    CHECK_INT(bede_analyze(an, NULL, 0, doc, NULL), 0);
    bede_doc_free(doc);
    bede_analyzer_free(an);
}

TEST_MAIN(TEST(t_possessives_and_contractions), TEST(t_abbreviations),
          TEST(t_numbers), TEST(t_words_urls_tags), TEST(t_folding),
          TEST(t_spans_and_kinds), TEST(t_invalid_utf8),
          TEST(t_empty_and_whitespace))
