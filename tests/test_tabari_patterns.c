/*
 * How TABARI-format verb patterns read a sentence: negation words the
 * pattern names, word endings (`_`, `=`, `-`), gaps in synonym sets and the
 * precedence of patterns, each over a small dictionary of four states.
 */
#include "bede.h"
#include "harness.h"
#include "code_harness.h"

static const char ACTORS[] = "# bede dictionary\n"
                             "Arnor = ARN\n"
                             "Gondor = GON\n"
                             "Rohan = ROH\n"
                             "Eriador = ERI\n";

typedef harness_events events;

/* TABARI-format actors added to ACTORS by code_with() */
static const char *tactors;

/* The events of text as "SRC TGT CODE, ..." ("" when none), coded with
 * ACTORS (and tactors) and the TABARI verbs dictionary `verbs`. */
static const char *code(const char *verbs, const char *text, events *out) {
    out->buf[0] = '\0';
    bede_error err;
    bede_dict *d = bede_dict_new(NULL, &err);
    CHECK(d != NULL);
    if (!d) return out->buf;
    if (bede_dict_add_text(d, "actors", ACTORS, sizeof ACTORS - 1,
                           BEDE_DICT_FORMAT_BEDE, BEDE_DICT_ACTORS, &err) < 0 ||
        bede_dict_add_text(d, "tabari.verbs", verbs, strlen(verbs),
                           BEDE_DICT_FORMAT_TABARI, BEDE_DICT_VERBS,
                           &err) < 0 ||
        (tactors && bede_dict_add_text(d, "tabari.actors", tactors,
                                       strlen(tactors), BEDE_DICT_FORMAT_TABARI,
                                       BEDE_DICT_ACTORS, &err) < 0)) {
        char msg[1024];
        fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
        CHECK(!"dictionary refused");
        bede_dict_free(d);
        return out->buf;
    }
    out->with_dates = 0;
    harness_code(d, NULL, text, out);
    bede_dict_free(d);
    return out->buf;
}

/* A negation word the pattern names after another of its words is read,
 * not taken as the verb's own negation */
static void t_negation_in_pattern(void) {
    static const char verbs[] =
        "SHOULD  [101]\n"
        "- SUGGESTED_{ NEVER | DON'T } * DEMAND CONVENTIONS  [171]\n"
        "- SUGGESTED * DEMAND CONVENTIONS  [162]\n";
    events e;
    CHECK_STR(code(verbs,
                   "Arnor suggested never Gondor should demand conventions "
                   "with Rohan.",
                   &e),
              "ARN ROH 171");
    CHECK_STR(code(verbs,
                   "Arnor suggested Gondor should demand conventions with "
                   "Rohan.",
                   &e),
              "ARN ROH 162");
}

/* A gap in an actor phrase does not cross a comma; an actor set off by
 * commas is not the source before the verb; a past participle after the
 * comma that closes an apposition is the verb of a sentence with no other */
static void t_commas(void) {
    static const char verbs[] = "CALLED_ON  [095]\n"
                                "- $ *  [095]\n";
    events e;
    tactors = "GOLLUM [HOB]\n"
              "RADAGAST THE_BROWN  [RAD]\n"
              "SARUMAN  [SAR]\n";
    CHECK_STR(code(verbs,
                   "Gollum accompanying Radagast, the Brown wizard of "
                   "renown, called on Gondor to be allowed to leave.",
                   &e),
              "HOB GON 095");
    CHECK_STR(code(verbs, "Gollum, with Saruman, called on Gondor.", &e),
              "HOB GON 095");
    CHECK_STR(code(verbs, "Gondor called on Radagast the Brown.", &e),
              "GON RAD 095");
    tactors = NULL;
}

/* "ANTI-" reads the token "anti-"; `+` binds the actor inside the noun's
 * own phrase; the protest's source is the subject of its clause */
static void t_anti_noun(void) {
    static const char verbs[] = "PARADE  [017]\n"
                                "- ANTI- + *  [111]\n";
    events e;
    CHECK_STR(code(verbs, "Arnor took part in an anti- Gondor parade.", &e),
              "ARN GON 111");
    CHECK_STR(
        code(verbs, "Arnor was said to march in an anti-Gondor parade.", &e),
        "ARN GON 111");
}

/* "WORD_ " is the word as written, not necessarily next to what follows;
 * "}_X" puts X right after the alternative */
static void t_closed_words(void) {
    static const char verbs[] =
        "ADOPT  [081]\n"
        "- * RESOLUTION_  [102]\n"
        "BREAK_  [1717]\n"
        "- + KNOWN_ * IN_ $  [076]\n"
        "- + * IN_ $  [075]\n"
        "DEMAND  [150]\n"
        "- * { GENEVA_ | INTERNATIONAL_ }_CONVENTIONS  [161]\n"
        "- * CONVENTIONS  [162]\n";
    events e;
    CHECK_STR(code(verbs, "Arnor adopted a resolution with Gondor.", &e),
              "ARN GON 102");
    CHECK_STR(code(verbs, "Arnor adopted resolutions with Gondor.", &e),
              "ARN GON 081");
    CHECK_STR(code(verbs, "Arnor was known to break in Gondor.", &e),
              "GON ARN 076");
    CHECK_STR(code(verbs, "Arnor demanded Geneva conventions from Gondor.", &e),
              "ARN GON 161");
    CHECK_STR(code(verbs,
                   "Arnor demanded Geneva Shriners conventions from Gondor.",
                   &e),
              "ARN GON 162");
}

/* Of the TABARI patterns that match, the one whose words have the most
 * letters wins, not the one with the most words */
static void t_precedence(void) {
    static const char verbs[] = "SENT  [070]\n"
                                "- * BIG AID  [071]\n"
                                "- * HUMANITARIAN  [073]\n";
    events e;
    CHECK_STR(code(verbs, "Arnor sent big humanitarian aid to Gondor.", &e),
              "ARN GON 073");
    CHECK_STR(code(verbs, "Arnor sent big aid to Gondor.", &e), "ARN GON 071");
}

/* A blank between the words of a synonym set member is a gap, also where
 * the member names another set ("+&TYPES ASSURANCES"); a `_` is not; a
 * member ending in `_` is that word only ("+KRONER_") */
static void t_synset_gaps(void) {
    static const char verbs[] = "<SYNSETS>\n"
                                "&CURRENCY\n"
                                "+AUSTRIAN FLORIN\n"
                                "+KRONER_\n"
                                "&TYPES\n"
                                "+CULTURAL\n"
                                "&OPEN\n"
                                "+&TYPES ASSURANCES\n"
                                "&CLOSED\n"
                                "+&TYPES_MEMOS\n"
                                "</SYNSETS>\n"
                                "CONTRIBUTE  [070]\n"
                                "- * &CURRENCY  [903]\n"
                                "WELCOME  [041]\n"
                                "- * &OPEN  [914]\n"
                                "- * &CLOSED  [911]\n";
    events e;
    CHECK_STR(code(verbs,
                   "Arnor contributed a million austrian gold florin to "
                   "Gondor.",
                   &e),
              "ARN GON 903");
    CHECK_STR(code(verbs,
                   "Arnor contributed austrian wine, florin to "
                   "Gondor.",
                   &e),
              "ARN GON 070");
    /* a member's last word with `_` is closed: no endings */
    CHECK_STR(code(verbs, "Arnor contributed a million kroner to Gondor.", &e),
              "ARN GON 903");
    CHECK_STR(code(verbs, "Arnor contributed a million kroneren to Gondor.",
                   &e),
              "ARN GON 070");
    CHECK_STR(code(verbs,
                   "Rohan welcomed cultural internal assurances sent by "
                   "Eriador.",
                   &e),
              "ROH ERI 914");
    CHECK_STR(
        code(verbs, "Rohan welcomed cultural internal memos from Eriador.", &e),
        "ROH ERI 041");
}

/* A verb root written `BAN=` is that word only, not "baning" or "baned"
 * (nor "bans": TABARI lists other forms of such a verb itself) */
static void t_exact_root(void) {
    static const char verbs[] = "BAN= [191]\n";
    events e;
    CHECK_STR(code(verbs, "Arnor did ban Gondor.", &e), "ARN GON 191");
    CHECK_STR(code(verbs, "Arnor is baning Gondor.", &e), "");
    CHECK_STR(code(verbs, "Arnor has baned Gondor.", &e), "");
}

/* What one is asked or urged to do is not an event, even when the
 * dictionary's code for the asking is not a CAMEO appeal */
static void t_asked_content(void) {
    static const char verbs[] = "ASK  [090]\n"
                                "URGE  [090]\n"
                                "ASSIST  [092]\n";
    events e;
    CHECK_STR(code(verbs, "Arnor asked Gondor to assist Rohan.", &e),
              "ARN GON 090");
    CHECK_STR(code(verbs, "Arnor urged Gondor to assist Rohan.", &e),
              "ARN GON 090");
    CHECK_STR(code(verbs, "Gondor assisted Rohan.", &e), "GON ROH 092");
}

int main(void) {
    static const harness_test tests[] = {
        {"negation_in_pattern", t_negation_in_pattern},
        {"commas", t_commas},
        {"anti_noun", t_anti_noun},
        {"closed_words", t_closed_words},
        {"precedence", t_precedence},
        {"synset_gaps", t_synset_gaps},
        {"exact_root", t_exact_root},
        {"asked_content", t_asked_content},
    };
    return harness_run(tests, sizeof tests / sizeof *tests);
}
