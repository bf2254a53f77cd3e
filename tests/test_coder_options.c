/*
 * The coder's options that change which events a sentence gives (the ones
 * TABARI sets with DEFAULT:, SET: MINIMUM WORDS, SET: CODE BY, COMMA:, and
 * its dominant and subordinate codes), each against the default options,
 * over a small dictionary of three states.
 */
#include "bede.h"
#include "harness.h"
#include "code_harness.h"

static const char ACTORS[] = "# bede dictionary\n"
                             "Arnor = ARN\n"
                             "Gondor = GON\n"
                             "Bree = BRE\n"
                             "Eriador = ERI\n";

static const char VERBS[] =
    "# bede dictionary\n"
    "block CRITICIZE = 111\n"
    "verb criticise | criticises | criticised\n"
    "block URGE = 102\n"
    "verb urge | urges | urged\n"
    "block HELP = 092\n"
    "verb help | helps | helped\n"
    "block RESTORE = 064\n"
    "verb restore | restores | restored\n"
    "block SAY = 010?\n"
    "verb say | says | said\n"
    "block TRAVEL = 032\n"
    "verb travel | travels | travelled | leave | leaves | left\n"
    "block ATTEND = 031!\n"
    "verb attend | attends | attended\n"
    "block BURN = 222\n"
    "verb burn | burns | burned\n";

/* A dictionary of ACTORS, the `extra` text (named `name`, of the given
 * format and kind) when name is not NULL, and VERBS unless extra are the
 * verbs; NULL (and a message) when one is refused. */
static bede_dict *dict_of(const char *name, const char *extra,
                          bede_dict_format format, bede_dict_kind kind) {
    bede_error err;
    bede_dict *d = bede_dict_new(NULL, &err);
    if (!d ||
        bede_dict_add_text(d, "actors", ACTORS, sizeof ACTORS - 1,
                           BEDE_DICT_FORMAT_BEDE, BEDE_DICT_ACTORS, &err) < 0 ||
        (name && bede_dict_add_text(d, name, extra, strlen(extra), format,
                                    kind, &err) < 0) ||
        ((!name || kind != BEDE_DICT_VERBS) &&
         bede_dict_add_text(d, "verbs", VERBS, sizeof VERBS - 1,
                            BEDE_DICT_FORMAT_BEDE, BEDE_DICT_VERBS,
                            &err) < 0)) {
        char msg[1024];
        fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
        bede_dict_free(d);
        return NULL;
    }
    return d;
}

static bede_dict *dict(void) {
    return dict_of(NULL, NULL, BEDE_DICT_FORMAT_BEDE, BEDE_DICT_ACTORS);
}

typedef harness_events events;

/* The events of text as "SRC TGT CODE, ..." ("" when none); with_dates
 * adds each event's date. */
static int with_dates;
static const char *code(const bede_dict *d, const bede_coder_options *o,
                        const char *text, events *out) {
    out->with_dates = with_dates;
    return harness_code(d, o, text, out);
}

static bede_dict *d;

/* min_words: fewer words are not coded; a comma is a word, "Arnor's" one */
static void t_min_words(void) {
    bede_coder_options o;
    bede_coder_default_options(&o);
    events e;
    const char *s = "Arnor criticised Gondor.";
    CHECK_STR(code(d, &o, s, &e), "ARN GON 111");
    o.min_words = 3;
    CHECK_STR(code(d, &o, s, &e), "ARN GON 111");
    o.min_words = 4;
    CHECK_STR(code(d, &o, s, &e), "");
    /* Arnor's | envoy | criticised | Gondor | , | again */
    s = "Arnor's envoy criticised Gondor, again.";
    o.min_words = 6;
    CHECK_STR(code(d, &o, s, &e), "ARN GON 111");
    o.min_words = 7;
    CHECK_STR(code(d, &o, s, &e), "");
}

/* default_source, default_target and their PRIOR and AFTER forms */
static void t_default_actors(void) {
    bede_coder_options o;
    bede_coder_default_options(&o);
    o.require_target = 1; /* no event without a target, unless a default */
    events e;
    const char *nosrc = "Officials restored ties with Gondor on Monday.";
    const char *notgt = "Arnor restored ties with the rebels on Monday.";
    const char *compound = "Arnor and Bree restored ties on Monday.";
    CHECK_STR(code(d, &o, nosrc, &e), "");
    CHECK_STR(code(d, &o, notgt, &e), "");
    CHECK_STR(code(d, &o, compound, &e), "ARN BRE 064, BRE ARN 064");

    o.default_source = "SRCDEF";
    o.default_target = "TGTDEF";
    CHECK_STR(code(d, &o, nosrc, &e), "SRCDEF GON 064");
    CHECK_STR(code(d, &o, notgt, &e), "ARN TGTDEF 064");
    /* AFTER: the default target also where a compound would act on
     * itself; without it, each member acts on the other */
    CHECK_STR(code(d, &o, compound, &e), "ARN TGTDEF 064, BRE TGTDEF 064");
    o.default_target_after = 0;
    CHECK_STR(code(d, &o, compound, &e), "ARN BRE 064, BRE ARN 064");
    CHECK_STR(code(d, &o, notgt, &e), "ARN TGTDEF 064");
    /* without PRIOR the first actor after the verb is the source, the next
     * one the target */
    o.default_source_prior = 0;
    o.default_target_after = 1;
    CHECK_STR(code(d, &o, nosrc, &e), "GON TGTDEF 064");
    CHECK_STR(code(d, &o, "Officials restored ties with Gondor and Bree.", &e),
              "GON BRE 064");
    /* a named source is never replaced */
    CHECK_STR(code(d, &o, "Arnor restored ties with Gondor.", &e),
              "ARN GON 064");
}

/* BEDE_CODE_FIRST, BEDE_CODE_ALL */
static void t_code_by(void) {
    bede_coder_options o;
    bede_coder_default_options(&o);
    events e;
    const char *two =
        "Arnor criticised Gondor on Monday and Bree criticised Arnor on "
        "Tuesday.";
    const char *urged = "Arnor urged Bree on Monday to help it.";
    const char *after =
        "Arnor restored ties with Gondor after crowds burned its embassy.";
    CHECK_STR(code(d, &o, two, &e), "ARN GON 111, BRE ARN 111");
    CHECK_STR(code(d, &o, urged, &e), "ARN BRE 102");
    CHECK_STR(code(d, &o, after, &e), "ARN GON 064");
    o.code_by = BEDE_CODE_FIRST;
    CHECK_STR(code(d, &o, two, &e), "ARN GON 111");
    /* the first event of each clause between conjunctions; "and" joining
     * two actors makes no clause */
    const char *one = "Arnor criticised Gondor and urged Bree to help it.";
    const char *both = "Arnor and Bree criticised Gondor.";
    CHECK_STR(code(d, &o, one, &e), "ARN GON 111");
    o.code_by = BEDE_CODE_EACH;
    CHECK_STR(code(d, &o, one, &e), "ARN GON 111, ARN BRE 102");
    o.code_by = BEDE_CODE_CLAUSE;
    CHECK_STR(code(d, &o, two, &e), "ARN GON 111, BRE ARN 111");
    CHECK_STR(code(d, &o, one, &e), "ARN GON 111, ARN BRE 102");
    CHECK_STR(code(d, &o, both, &e), "ARN GON 111, BRE GON 111");
    CHECK_STR(code(d, &o, "Arnor criticised Gondor, urging Bree to help it.",
                   &e),
              "ARN GON 111");
    o.code_by = BEDE_CODE_ALL;
    CHECK_STR(code(d, &o, two, &e), "ARN GON 111, BRE ARN 111");
    /* what is urged and the background are coded too, as part of the
     * event they fold into */
    CHECK_STR(code(d, &o, urged, &e), "ARN BRE 102, ARN BRE 092");
    CHECK_STR(code(d, &o, after, &e), "ARN GON 064, ARN GON 222");
    /* with a target of its own */
    CHECK_STR(
        code(d, &o, "Arnor urged Gondor on Monday to criticise Bree.", &e),
        "ARN GON 102, ARN BRE 111");
}

/* TABARI's dominant (!) and subordinate (?) codes */
static void t_dominant_subordinate(void) {
    bede_coder_options o;
    bede_coder_default_options(&o);
    o.statements = 1; /* "said" keeps an event of its own */
    events e;
    /* a subordinate event only when there is no other */
    CHECK_STR(code(d, &o, "Bree said it to Arnor on Monday.", &e),
              "BRE ARN 010");
    CHECK_STR(code(d, &o, "Bree said Arnor criticised Gondor on Monday.", &e),
              "ARN GON 111");
    /* a dominant event leaves out the others */
    CHECK_STR(code(d, &o,
                   "Arnor left for Gondor on Monday and attended talks with "
                   "Bree.",
                   &e),
              "ARN BRE 031");
}

/* comma_phrases: a phrase between commas of comma_min to comma_max words,
 * one after a comma that ends the sentence, one before its first comma */
static void t_comma_phrases(void) {
    bede_coder_options o;
    bede_coder_default_options(&o);
    events e;
    const char *inner = "Gondor criticised Arnor, which criticised Bree, on "
                        "Monday.";
    const char *last = "Arnor criticised Gondor, and Bree criticised Arnor.";
    CHECK_STR(code(d, &o, inner, &e), "GON ARN 111, ARN BRE 111");
    CHECK_STR(code(d, &o, last, &e), "ARN GON 111, BRE ARN 111");
    o.comma_phrases = 1; /* TABARI's lengths: 2 to 10 words */
    CHECK_STR(code(d, &o, inner, &e), "GON ARN 111");
    CHECK_STR(code(d, &o, last, &e), "ARN GON 111");
    o.comma_min = 4; /* "which criticised Bree" is 3 words */
    CHECK_STR(code(d, &o, inner, &e), "GON ARN 111, ARN BRE 111");
    o.comma_last_max = 3; /* "and Bree criticised Arnor" is 4 */
    CHECK_STR(code(d, &o, last, &e), "ARN GON 111, BRE ARN 111");
    /* the phrase before the first comma, here 3 words */
    o.comma_first_min = 2;
    o.comma_first_max = 3;
    CHECK_STR(code(d, &o, last, &e), "BRE ARN 111");
    /* a list of actors has no comma-delimited phrase */
    bede_coder_default_options(&o);
    o.comma_phrases = 1;
    CHECK_STR(code(d, &o, "Arnor, Gondor and Bree criticised Eriador.", &e),
              "ARN ERI 111, GON ERI 111, BRE ERI 111");
}

/* time_shift: TABARI's <TIME> phrases date or discard their sentence */
static void t_time_shift(void) {
    static const char tverbs[] = "<TIME>\n"
                                 "YESTERDAY [-1]\n"
                                 "LAST_WEEK [-7]\n"
                                 "ONCE_UPON_A_TIME [###]\n"
                                 "</TIME>\n"
                                 "CRITICISED [111]\n";
    bede_dict *td = dict_of("tabari.verbs", tverbs, BEDE_DICT_FORMAT_TABARI,
                            BEDE_DICT_VERBS);
    CHECK(td != NULL);
    if (!td) return;
    bede_coder_options o;
    bede_coder_default_options(&o);
    events e;
    with_dates = 1;
    const char *text = "Arnor criticised Gondor yesterday. Bree criticised "
                       "Arnor last week. Gondor criticised Bree once upon a "
                       "time.";
    CHECK_STR(code(td, &o, text, &e),
              "ARN GON 111 20240305, BRE ARN 111 20240305, "
              "GON BRE 111 20240305");
    o.time_shift = 1;
    CHECK_STR(code(td, &o, text, &e),
              "ARN GON 111 20240304, BRE ARN 111 20240227");
    with_dates = 0;
    bede_dict_free(td);
}

/* negation 0: a negated verb is coded as if it were not (TABARI) */
static void t_negation(void) {
    bede_coder_options o;
    bede_coder_default_options(&o);
    events e;
    const char *s = "Arnor did not criticise Gondor.";
    CHECK_STR(code(d, &o, s, &e), "");
    o.negation = 0;
    CHECK_STR(code(d, &o, s, &e), "ARN GON 111");
}

/* tabari_verbs: a noun of the verb dictionary is a verb unless "the",
 * "a" or "an" is right before it (TABARI) */
static void t_tabari_verbs(void) {
    bede_coder_options o;
    bede_coder_default_options(&o);
    events e;
    const char *bare = "Arnor offered help to Gondor.";
    const char *the = "Arnor offered the help to Gondor.";
    CHECK_STR(code(d, &o, bare, &e), "");
    CHECK_STR(code(d, &o, the, &e), "");
    o.tabari_verbs = 1;
    CHECK_STR(code(d, &o, bare, &e), "ARN GON 092");
    CHECK_STR(code(d, &o, the, &e), "");
}

/* tabari_search: a subject that names no known actor leaves the source
 * to the first actor before the verb; a main verb without a target takes
 * the first other actor after it (TABARI) */
static void t_tabari_search(void) {
    bede_coder_options o;
    bede_coder_default_options(&o);
    events e;
    const char *s = "Arnor criticised Gondor, and Gxndor helped Bree.";
    CHECK_STR(code(d, &o, s, &e), "ARN GON 111");
    o.tabari_search = 1;
    CHECK_STR(code(d, &o, s, &e), "ARN GON 111, ARN BRE 092");
    bede_coder_default_options(&o);
    const char *t = "Arnor restored ties with Gxndor after Bree burned it.";
    CHECK_STR(code(d, &o, t, &e), "");
    o.tabari_search = 1;
    CHECK_STR(code(d, &o, t, &e), "ARN BRE 064");
}

/* tabari_agents: an agent joins only the actor right next to it, or
 * right after its "of"; a pronoun refers to the actor without the agent */
static void t_tabari_agents(void) {
    static const char agents[] = "# bede dictionary\n"
                                 "ambassador | ambassadors = ~GOV\n"
                                 "president = ~GOVPRS\n"
                                 "government = ~GOV\n";
    bede_dict *ad =
        dict_of("agents", agents, BEDE_DICT_FORMAT_BEDE, BEDE_DICT_AGENTS);
    CHECK(ad != NULL);
    if (!ad) return;
    bede_coder_options o;
    bede_coder_default_options(&o);
    events e;
    const char *list = "The ambassadors of Arnor and Bree criticised Gondor.";
    const char *apart = "Arnor's new ambassador criticised Gondor.";
    const char *pronoun = "Arnor's president criticised Gondor. He also "
                          "urged Bree to help.";
    CHECK_STR(code(ad, &o, list, &e), "ARNGOV GON 111, BREGOV GON 111");
    CHECK_STR(code(ad, &o, apart, &e), "ARNGOV GON 111");
    CHECK_STR(code(ad, &o, pronoun, &e),
              "ARNGOVPRS GON 111, ARNGOVPRS BRE 102");
    const char *modifier = "The Arnor government radio criticised Gondor.";
    CHECK_STR(code(ad, &o, modifier, &e), "ARN GON 111");
    o.tabari_agents = 1;
    CHECK_STR(code(ad, &o, list, &e), "ARNGOV GON 111, BRE GON 111");
    CHECK_STR(code(ad, &o, apart, &e), "ARN GON 111");
    CHECK_STR(code(ad, &o, pronoun, &e), "ARNGOVPRS GON 111, ARN BRE 102");
    CHECK_STR(code(ad, &o, modifier, &e), "ARNGOV GON 111");
    /* agents_alone 0: a role with no actor names no one */
    const char *alone = "Arnor criticised the ambassadors.";
    bede_coder_default_options(&o);
    o.unknown_state = "~";
    CHECK_STR(code(ad, &o, alone, &e), "ARN ~GOV 111");
    o.agents_alone = 0;
    CHECK_STR(code(ad, &o, alone, &e), "");
    bede_dict_free(ad);
}

int main(void) {
    d = dict();
    if (!d) return 1;
    static const harness_test tests[] = {
        {"min_words", t_min_words},
        {"default_actors", t_default_actors},
        {"code_by", t_code_by},
        {"dominant_subordinate", t_dominant_subordinate},
        {"comma_phrases", t_comma_phrases},
        {"time_shift", t_time_shift},
        {"tabari_agents", t_tabari_agents},
        {"negation", t_negation},
        {"tabari_verbs", t_tabari_verbs},
        {"tabari_search", t_tabari_search},
    };
    int rc = harness_run(tests, sizeof tests / sizeof *tests);
    bede_dict_free(d);
    return rc;
}
