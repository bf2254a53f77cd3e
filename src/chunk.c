/*
 * Phrase chunker and clause analysis: one tagged sentence in, phrases and
 * clauses out, for the event coder to read "who did what to whom".
 *
 * Three linear passes, no recursion, no allocation beyond the two output
 * vectors (the phrase vector's spare capacity holds the base chunks):
 *
 * 1. Base chunks. Left to right over the tags: verb groups, base noun
 *    phrases, adjective and adverb runs.
 *    - VP: optional adverbs, then auxiliaries/modals/negation/adverbs up to
 *      the main verb, plus trailing particles ("carried out"). A group goes
 *      on past a verb only when that verb is an auxiliary (modal, be, have,
 *      do, get). "to" + base verb opens an infinitival VP. "is expected to
 *      visit" is two VPs: [is expected] (PASSIVE) and [to visit]
 *      (INFINITIVE), the second heading an INFINITIVAL clause. head = main
 *      (last) verb. tense comes from the first verb: will/shall/would ->
 *      future, could/might -> past, other modals -> present; VBD past;
 *      VBZ/VBP present; VB present when it follows a noun or pronoun, else
 *      non-finite; infinitives and bare participles non-finite.
 *    - NP: [PDT] [DT|PRP$] modifiers nouns. head = last noun (else last
 *      number, else last token); det = the DT or PRP$ token ("its army" is one
 *      NP with det "its"). A title followed by a name is one run of nouns, so
 *      "U.S. President Donald Trump" is one NP headed by "Trump". A possessive
 *      ends its NP: "Iran 's" is an NP flagged POSSESSOR whose attach is the
 *      NP that follows ("foreign ministry spokesman"). Pronouns (PRP, EX and
 *      stand-alone demonstratives/quantifiers) are NPs flagged PRONOUN.
 *      Quantities keep their hedge: "at least 12 people", "more than 100".
 *      Scare quotes stay inside: [the " crimes "] of the regime.
 *    - ADJP / ADVP: adjective and adverb runs outside VPs and NPs.
 *
 * 2. Structure. Possessor chains, coordination, prepositional phrases and
 *    apposition, emitted in document order (a phrase that covers others comes
 *    before them):
 *    - Coordination: "Israel and Egypt", "Israel, Egypt and Jordan" give one
 *      NP over the whole span flagged COORD (head = first conjunct's head)
 *      followed by one NP per conjunct flagged CONJUNCT with attach = the
 *      COORD NP. Not when the last conjunct is followed by a finite verb and
 *      a finite verb came before ("attacked Gaza and Hamas fired rockets" is
 *      clause coordination), unless that verb is a verb of saying.
 *    - PP: preposition + the NP (or coordination) right after it; the PP
 *      covers both and its head is the preposition; the NP follows with
 *      attach = the PP. "after Israel attacked" (a subordinator whose NP is
 *      followed by a finite verb) is not a PP but opens an adverbial clause.
 *      attach rule, first match wins: an "of" PP attaches to the NP that
 *      ends right before it; a time PP ("on Friday", "in 2024") to the
 *      nearest preceding VP; after an NP headed by a name or pronoun, or
 *      after a verb's object when the preposition is one verbs take (to,
 *      from, into, against, at, by, ...: "sent troops to Haiti"), to the
 *      nearest preceding VP; otherwise to the nearest preceding top-level
 *      NP, VP or ADJP. NPs inside PPs do not count ("met with X in Y" ->
 *      met, "attacks in Jenin" -> attacks); commas, conjunctions and clause
 *      openers end the search. A PP left without a target ("On Friday,
 *      Israel said") attaches to the verb of its clause.
 *    - Apposition: NP1 , NP2 [PPs] followed by a comma or the end of the
 *      sentence (and not by another list member): NP2 is flagged APPOS with
 *      attach = NP1 ("Esmail Baghaei, the ministry 's spokesman, said").
 *
 * 3. Clauses. Clause 0 is MAIN and spans the sentence; every other clause is
 *    nested in its parent. An explicit stack (bounded depth; deeper material
 *    stays in the innermost clause) tracks open clauses:
 *    - subject = first NP before the verb, object = first NP right after it.
 *    - RELATIVE: which/who/whom/that after an NP; subject = the antecedent
 *      when the relative word is followed by the verb, else the antecedent is
 *      the object. Bare participles after an NP ("the attack carried out by
 *      Hamas") are reduced relatives with the antecedent as subject.
 *    - PARTICIPIAL: a participle after a comma or opening the sentence;
 *      subject = the parent clause's subject.
 *    - INFINITIVAL: to + verb; subject = the governing verb's object for
 *      verbs like urge/ask/call on ("urged the groups to stay united" ->
 *      "the groups"), else the governing clause's subject.
 *    - COMPLEMENT: reported speech. "said (that) X did", "told reporters X
 *      did": the content is a COMPLEMENT clause whose parent is the saying
 *      clause. When the saying clause comes last ("X did Y, diplomats said",
 *      "'...,' said the minister") the MAIN clause is the saying clause and
 *      the content before the comma becomes its COMPLEMENT. "according to X"
 *      is read the same way: MAIN has the VP "according" as verb and X as
 *      subject, and the reported content is its COMPLEMENT.
 *    - ADVERBIAL: after/when/because/while/as/if/... + clause or -ing form.
 *    - COORDINATE: "..., and Y did" / "... and did": parent = the clause it is
 *      coordinated with; with no subject of its own it shares that clause's.
 *    Passive clauses keep the grammatical subject; the VP's PASSIVE flag and
 *    the "by" PP give the agent.
 *
 * Tagging errors common in news text are absorbed where the context is
 * unambiguous: a gerund or -s form right before a finite verb is a noun
 * ("Fighting resumed", "jets struck"); a lone VBN/VBD is the finite verb
 * when the clause still waits for one and no other verb follows
 * ("Guterres, the U.N. chief, called(VBN) for ..."); "according to" is
 * read the same whatever its tags.
 */
#include "internal.h"

#include <string.h>

enum { MAX_DEPTH = 64 };

/* ------------------------------------------------------------- word lists */

static const char *const BE_FORMS[] = {"be",  "am",   "is",   "are",
                                       "was", "were", "been", "being",
                                       "'s",  "'re",  "'m",   NULL};
static const char *const HAVE_FORMS[] = {"have", "has", "had", "having",
                                         "'ve",  "'d",  NULL};
static const char *const DO_FORMS[] = {"do", "does", "did", NULL};
static const char *const GET_FORMS[] = {"get",    "gets",    "got",
                                        "gotten", "getting", NULL};
static const char *const NEG_WORDS[] = {"not", "n't", "never", NULL};
static const char *const FUTURE_MODALS[] = {"will",  "shall", "'ll", "wo",
                                            "would", "'d",    NULL};
static const char *const PAST_MODALS[] = {"could", "might", NULL};

/* Verbs after which an adjective-like participle is a predicate, not a new
 * verb group: "stay united", "remained closed". */
static const char *const COPULAS[] = {
    "stay",  "remain", "become",  "seem",     "appear",  "look",
    "feel",  "sound",  "keep",    "grow",     "prove",   "turn",
    "stays", "stayed", "remains", "remained", "becomes", "became",
    "seems", "seemed", "appears", "appeared", NULL};

/* Verbs of saying and thinking: what follows is reported content. */
static const char *const SAYING[] = {
    "say",       "said",       "tell",      "told",        "announce",
    "state",     "add",        "claim",     "report",      "warn",
    "insist",    "deny",       "confirm",   "note",        "argue",
    "believe",   "think",      "thought",   "acknowledge", "admit",
    "explain",   "stress",     "emphasize", "emphasise",   "declare",
    "reiterate", "allege",     "suggest",   "indicate",    "write",
    "wrote",     "tweet",      "assert",    "maintain",    "predict",
    "fear",      "hope",       "know",      "knew",        "feel",
    "felt",      "understand", "agree",     "conclude",    "reveal",
    "vow",       "pledge",     "promise",   "threaten",    "signal",
    "concede",   "estimate",   "contend",   "charge",      "complain",
    "decide",    "recall",     "remark",    "respond",     "reply",
    "caution",   "assure",     "inform",    "remind",      "notify",
    "demand",    "doubt",      "suspect",   "accord",      "according",
    "post",      "urge",       "ask",       "show",        "find",
    "found",     "expect",     "worry",     "realize",     "realise",
    "mention",   "observe",    "testify",   "hint",        "imply",
    "boast",     "lament",     "repeat",    "retort",      "counter",
    "shout",     "chant",      "yell",      "scream",      "cry",
    "wonder",    "whisper",    "plead",     NULL};

/* Verbs whose object hears the message: "told reporters that ...". */
static const char *const TELL[] = {"tell",     "told",   "inform", "assure",
                                   "remind",   "notify", "warn",   "convince",
                                   "persuade", NULL};

/* Object-control verbs: "urged the groups to stay united" -> the groups. */
static const char *const OBJ_CONTROL[] = {
    "urge",     "ask",       "call",      "tell",      "told",     "order",
    "force",    "allow",     "invite",    "encourage", "warn",     "persuade",
    "help",     "want",      "require",   "press",     "pressure", "push",
    "instruct", "authorize", "authorise", "permit",    "advise",   "request",
    "enable",   "compel",    "lead",      "led",       "appeal",   "implore",
    "beg",      "expect",    "cause",     "convince",  "direct",   "oblige",
    "prompt",   "inspire",   "challenge", "dare",      "train",    "mandate",
    "empower",  "get",       "got",       NULL};

/* Subordinators that open an adverbial clause. */
static const char *const SUBORDINATORS[] = {
    "after",    "before", "when",    "whenever", "while",  "because", "since",
    "although", "though", "as",      "if",       "unless", "until",   "till",
    "whereas",  "once",   "whether", "whilst",   "lest",   "so",      NULL};

/* First words of two-word prepositions: "because of", "ahead of". */
static const char *const PREP_HEADS[] = {
    "because", "instead", "ahead", "out",  "regardless", "irrespective",
    "prior",   "due",     "close", "next", NULL};

/* Prepositions that usually belong to the verb even after its object:
 * "sent troops to Haiti", "fired rockets at Ashkelon". */
static const char *const VERB_PREPS[] = {
    "to", "from", "into",   "onto",    "towards", "toward", "against",
    "at", "by",   "across", "through", "out",     NULL};

static const char *const QUANT_WORDS[] = {
    "about",         "around", "nearly", "almost", "roughly",
    "approximately", "some",   "over",   "just",   "only",
    "barely",        "under",  "up",     NULL};

/* Nouns that head a title with an adjective inside it: "deputy foreign
 * minister", "acting interior minister". */
static const char *const TITLE_PREFIXES[] = {"deputy",    "vice",  "acting",
                                             "assistant", "chief", "interim",
                                             "former",    "prime", NULL};

static const char *const PRONOUN_DETS[] = {
    "this",    "these", "those",   "all",  "some", "both",   "each",
    "many",    "few",   "several", "any",  "none", "either", "neither",
    "another", "much",  "most",    "such", "half", NULL};

static const char *const TEMPORAL[] = {
    "monday",    "tuesday",   "wednesday", "thursday",  "friday",  "saturday",
    "sunday",    "january",   "february",  "march",     "april",   "may",
    "june",      "july",      "august",    "september", "october", "november",
    "december",  "jan",       "jan.",      "feb",       "feb.",    "mar",
    "mar.",      "apr",       "apr.",      "jun",       "jun.",    "jul",
    "jul.",      "aug",       "aug.",      "sep",       "sep.",    "sept",
    "sept.",     "oct",       "oct.",      "nov",       "nov.",    "dec",
    "dec.",      "today",     "yesterday", "tomorrow",  "tonight", "morning",
    "afternoon", "evening",   "night",     "week",      "weekend", "month",
    "year",      "day",       "days",      "weeks",     "months",  "years",
    "hours",     "hour",      "decade",    "decades",   "dawn",    "midnight",
    "noon",      "overnight", "minutes",   "earlier",   "later",   NULL};

static const char *const WEEKDAYS[] = {"monday",   "tuesday", "wednesday",
                                       "thursday", "friday",  "saturday",
                                       "sunday",   NULL};

/* ---------------------------------------------------------------- state */

typedef struct chunker {
    const bede_token *toks;
    uint32_t n;
    const char *pool;
    bede_phrase *base; /* base chunks, in the phrase vector's spare room */
    uint32_t nbase;
    bede_phrase *out; /* the sentence's phrases */
    uint32_t nout, maxout;
} chunker;

static int tag_at(const chunker *c, uint32_t i) {
    return i < c->n ? c->toks[i].tag : -1;
}

static const char *lower_at(const chunker *c, uint32_t i) {
    return i < c->n ? c->pool + c->toks[i].lower : "";
}

static const char *lemma_at(const chunker *c, uint32_t i) {
    return i < c->n ? c->pool + c->toks[i].lemma : "";
}

static bool word_is(const chunker *c, uint32_t i, const char *w) {
    if (i >= c->n) return false;
    const char *l = lower_at(c, i);
    return l[0] == w[0] && strcmp(l, w) == 0;
}

static bool word_in(const chunker *c, uint32_t i, const char *const *list) {
    return i < c->n && str_in_list(list, lower_at(c, i));
}

/* A verb token whose lemma (or, failing a lemma, its form) is in list. */
static bool verb_in(const chunker *c, uint32_t i, const char *const *list) {
    return i < c->n && (str_in_list(list, lemma_at(c, i)) ||
                        str_in_list(list, lower_at(c, i)));
}

static bool is_noun_tag(int t) {
    return t == BEDE_TAG_NN || t == BEDE_TAG_NNS || t == BEDE_TAG_NNP ||
           t == BEDE_TAG_NNPS || t == BEDE_TAG_FW;
}
static bool is_adj_tag(int t) {
    return t == BEDE_TAG_JJ || t == BEDE_TAG_JJR || t == BEDE_TAG_JJS;
}
static bool is_verb_tag(int t) {
    return t == BEDE_TAG_MD || (t >= BEDE_TAG_VB && t <= BEDE_TAG_VBZ);
}
static bool is_adv(const chunker *c, uint32_t i) {
    int t = tag_at(c, i);
    return t == BEDE_TAG_RB || t == BEDE_TAG_RBR || t == BEDE_TAG_RBS ||
           word_in(c, i, NEG_WORDS);
}
static bool is_comma(const chunker *c, uint32_t i) {
    return tag_at(c, i) == BEDE_TAG_COMMA || word_is(c, i, ",");
}
static bool is_quote(const chunker *c, uint32_t i) {
    int t = tag_at(c, i);
    if (t == BEDE_TAG_LQUOTE || t == BEDE_TAG_RQUOTE) return true;
    const char *w = lower_at(c, i);
    return strcmp(w, "\"") == 0 || strcmp(w, "'") == 0 ||
           strcmp(w, "``") == 0 || strcmp(w, "''") == 0;
}
static bool is_cc_and(const chunker *c, uint32_t i) {
    return tag_at(c, i) == BEDE_TAG_CC &&
           (word_is(c, i, "and") || word_is(c, i, "or") || word_is(c, i, "&") ||
            word_is(c, i, "nor"));
}
static bool is_temporal_tok(const chunker *c, uint32_t i) {
    if (word_in(c, i, TEMPORAL)) return true;
    if (tag_at(c, i) != BEDE_TAG_CD) return false;
    const char *w = lower_at(c, i);
    return strlen(w) == 4 && (w[0] == '1' || w[0] == '2') && w[1] >= '0' &&
           w[1] <= '9' && w[2] >= '0' && w[2] <= '9' && w[3] >= '0' &&
           w[3] <= '9';
}

enum { AUX_NONE, AUX_MODAL, AUX_BE, AUX_HAVE, AUX_DO, AUX_GET };

static int aux_kind(const chunker *c, uint32_t i) {
    int t = tag_at(c, i);
    if (t == BEDE_TAG_MD) return AUX_MODAL;
    if (word_in(c, i, BE_FORMS)) return AUX_BE;
    if (word_in(c, i, HAVE_FORMS)) return AUX_HAVE;
    if (word_in(c, i, DO_FORMS)) return AUX_DO;
    if (word_in(c, i, GET_FORMS)) return AUX_GET;
    return AUX_NONE;
}

/* "to" followed by adverbs and a base verb: an infinitive marker. */
static bool is_inf_to(const chunker *c, uint32_t i) {
    if (!word_is(c, i, "to")) return false;
    uint32_t k = i + 1;
    while (k < c->n && is_adv(c, k))
        k++;
    return tag_at(c, k) == BEDE_TAG_VB;
}

/* A preposition token: IN (but not "that") or prepositional "to". */
static bool is_prep(const chunker *c, uint32_t i) {
    int t = tag_at(c, i);
    if (t == BEDE_TAG_IN) return !word_is(c, i, "that");
    return t == BEDE_TAG_TO && !is_inf_to(c, i);
}

/* The first word of "because of", "ahead of", "due to", whatever its tag. */
static bool is_prep_head(const chunker *c, uint32_t i) {
    return word_in(c, i, PREP_HEADS) &&
           (word_is(c, i + 1, "of") || word_is(c, i + 1, "to")) &&
           !is_inf_to(c, i + 1);
}

/* A gerund or mis-tagged noun right before a finite verb: "Fighting
 * resumed", "jets struck". */
static bool noun_before_verb(const chunker *c, uint32_t i) {
    int t = tag_at(c, i), nt = tag_at(c, i + 1);
    if (t != BEDE_TAG_VBG && t != BEDE_TAG_VBZ) return false;
    if (aux_kind(c, i) != AUX_NONE) return false;
    if (i == 0 && t == BEDE_TAG_VBZ && !is_verb_tag(nt) && nt != BEDE_TAG_DT &&
        nt != BEDE_TAG_PRP && nt != BEDE_TAG_PRPS && nt != BEDE_TAG_TO)
        return true; /* "Flights out of Kennedy airport were halted" */
    if (nt != BEDE_TAG_VBD && nt != BEDE_TAG_VBZ && nt != BEDE_TAG_VBP &&
        nt != BEDE_TAG_MD && !(nt == BEDE_TAG_VBN && t == BEDE_TAG_VBG))
        return false;
    if (aux_kind(c, i + 1) == AUX_HAVE && t == BEDE_TAG_VBZ) return false;
    if (i == 0) return true;
    int p = tag_at(c, i - 1);
    return p == BEDE_TAG_DT || p == BEDE_TAG_PRPS || is_adj_tag(p) ||
           p == BEDE_TAG_NNP || p == BEDE_TAG_RB || p == BEDE_TAG_COMMA ||
           p == BEDE_TAG_COLON || p == BEDE_TAG_CC || p == BEDE_TAG_LQUOTE ||
           p == BEDE_TAG_POS;
}

/* ---------------------------------------------------------- base chunks */

static void push_base(chunker *c, int kind, uint32_t first, uint32_t last,
                      uint32_t head, int32_t det, uint16_t flags, int tense) {
    bede_phrase p = {first, last,          head,          -1, det, 0,
                     flags, (uint8_t)kind, (uint8_t)tense};
    c->base[c->nbase++] = p;
}

/* Tense of a verb group from its first verb f (s = first token of the
 * group, for the word before it). */
static int group_tense(const chunker *c, uint32_t s, uint32_t f) {
    int t = tag_at(c, f);
    if (t == BEDE_TAG_MD) {
        if (word_in(c, f, FUTURE_MODALS)) return BEDE_TENSE_FUTURE;
        if (word_in(c, f, PAST_MODALS)) return BEDE_TENSE_PAST;
        return BEDE_TENSE_PRESENT;
    }
    if (t == BEDE_TAG_VBD) return BEDE_TENSE_PAST;
    if (t == BEDE_TAG_VBZ || t == BEDE_TAG_VBP) return BEDE_TENSE_PRESENT;
    if (t == BEDE_TAG_VB &&
        (word_in(c, f, HAVE_FORMS) || word_in(c, f, DO_FORMS)) &&
        is_verb_tag(tag_at(c, f + 1)))
        return BEDE_TENSE_PRESENT; /* "have attacked", "do not accept" */
    if (t == BEDE_TAG_VB && s > 0) {
        int p = tag_at(c, s - 1);
        if (is_noun_tag(p) || p == BEDE_TAG_PRP || p == BEDE_TAG_WDT ||
            p == BEDE_TAG_WP || word_is(c, s - 1, "that"))
            return BEDE_TENSE_PRESENT;
    }
    return BEDE_TENSE_NONE;
}

/* A verb group from s (leading adverbs) and i (first verb or "to"). */
static uint32_t take_vp(chunker *c, uint32_t s, uint32_t i) {
    uint16_t flags = 0;
    uint32_t j = i, head = i;
    int tense = BEDE_TENSE_NONE, aux = AUX_NONE;
    bool first = true;
    for (uint32_t k = s; k < i; k++)
        if (word_in(c, k, NEG_WORDS)) flags |= BEDE_PHF_NEGATED;
    if (word_is(c, j, "to")) {
        flags |= BEDE_PHF_INFINITIVE;
        head = j++;
        while (j < c->n && is_adv(c, j)) {
            if (word_in(c, j, NEG_WORDS)) flags |= BEDE_PHF_NEGATED;
            j++;
        }
    }
    while (j < c->n && is_verb_tag(tag_at(c, j))) {
        int t = tag_at(c, j);
        if (first && !(flags & BEDE_PHF_INFINITIVE))
            tense = group_tense(c, s, j);
        first = false;
        if (t == BEDE_TAG_MD) {
            flags |= BEDE_PHF_MODAL;
        } else if (aux == AUX_BE || aux == AUX_GET) {
            if (t == BEDE_TAG_VBN || t == BEDE_TAG_VBD)
                flags |= BEDE_PHF_PASSIVE;
            else if (t == BEDE_TAG_VBG && aux == AUX_BE)
                flags |= BEDE_PHF_PROGRESSIVE;
        } else if (aux == AUX_HAVE) {
            if (t == BEDE_TAG_VBN || t == BEDE_TAG_VBD)
                flags |= BEDE_PHF_PERFECT;
        }
        head = j;
        aux = aux_kind(c, j);
        j++;
        if (aux == AUX_NONE) break;
        uint32_t k = j;
        while (k < c->n && is_adv(c, k))
            k++;
        int nt = tag_at(c, k);
        if (!is_verb_tag(nt) || nt == BEDE_TAG_MD) break;
        for (uint32_t m = j; m < k; m++)
            if (word_in(c, m, NEG_WORDS)) flags |= BEDE_PHF_NEGATED;
        j = k;
    }
    while (j < c->n && tag_at(c, j) == BEDE_TAG_RP)
        j++;
    if (j == s) j = s + 1;
    push_base(c, BEDE_PHRASE_VP, s, j, head, -1, flags, tense);
    return j;
}

/* End of a quantity hedge before a number ("at least", "more than",
 * "nearly"), or i when there is none. */
static uint32_t quant_prefix(const chunker *c, uint32_t i) {
    uint32_t j = i;
    if ((word_is(c, i, "at") &&
         (word_is(c, i + 1, "least") || word_is(c, i + 1, "most"))) ||
        (word_is(c, i + 1, "than") &&
         (word_is(c, i, "more") || word_is(c, i, "less") ||
          word_is(c, i, "fewer"))) ||
        (word_is(c, i, "up") && word_is(c, i + 1, "to")))
        j = i + 2;
    else if (word_in(c, i, QUANT_WORDS))
        j = i + 1;
    return (j > i && tag_at(c, j) == BEDE_TAG_CD) ? j : i;
}

/* "that afternoon", "that day": a demonstrative before a time noun. */
static bool that_temporal(const chunker *c, uint32_t i) {
    return word_is(c, i, "that") && is_noun_tag(tag_at(c, i + 1)) &&
           is_temporal_tok(c, i + 1);
}

/* Can a participle at i modify a noun when no determiner opened the NP? */
static bool bare_participle_modifier(const chunker *c, uint32_t i) {
    int t = tag_at(c, i);
    if (t != BEDE_TAG_VBN && t != BEDE_TAG_VBG) return false;
    int nt = tag_at(c, i + 1);
    if (!is_noun_tag(nt) && !is_adj_tag(nt)) return false;
    if (i == 0) return t == BEDE_TAG_VBN;
    int p = tag_at(c, i - 1);
    if (p == BEDE_TAG_POS) return true;
    return t == BEDE_TAG_VBN && (p == BEDE_TAG_IN || p == BEDE_TAG_LQUOTE);
}

static bool np_start(const chunker *c, uint32_t i) {
    int t = tag_at(c, i);
    if (that_temporal(c, i)) return true;
    if (t == BEDE_TAG_DT) return !word_is(c, i, "that");
    return t == BEDE_TAG_PDT || t == BEDE_TAG_PRPS || is_noun_tag(t) ||
           t == BEDE_TAG_CD || t == BEDE_TAG_DOLLAR || t == BEDE_TAG_HASH ||
           t == BEDE_TAG_PRP || t == BEDE_TAG_EX || quant_prefix(c, i) > i ||
           bare_participle_modifier(c, i);
}

/* "more air defence systems": a comparative quantifier before a noun. */
static bool more_before_noun(const chunker *c, uint32_t i) {
    int nt = tag_at(c, i + 1);
    return (word_is(c, i, "more") || word_is(c, i, "less") ||
            word_is(c, i, "fewer")) &&
           (is_noun_tag(nt) || is_adj_tag(nt));
}

/* "Turkish and Azerbaijani(NNP) special forces": at "and" (j), a
 * capitalised adjective before it and a name tagged as a noun after it
 * that modifies what follows are a list of demonyms. */
static bool demonym_and_name(const chunker *c, uint32_t j) {
    return j > 0 && is_cc_and(c, j) && is_adj_tag(tag_at(c, j - 1)) &&
           (c->toks[j - 1].flags & BEDE_TOKF_CAPITALIZED) &&
           tag_at(c, j + 1) == BEDE_TAG_NNP &&
           (c->toks[j + 1].flags & BEDE_TOKF_CAPITALIZED) &&
           (is_adj_tag(tag_at(c, j + 2)) || is_noun_tag(tag_at(c, j + 2)));
}

/* Does the name at j begin the subject of a sentence that opens with a
 * preposition, swallowed by the preposition's NP: "On Monday Israel
 * struck", "In a statement Russia condemned"? The NP so far (from s, its
 * last noun at last_noun) runs from the opening preposition; it ends
 * before the name when that noun is a common noun or a date word, and the
 * nouns from j (with "and") meet a finite verb, so the clause has no
 * other subject. */
static bool opening_pp_subject(const chunker *c, uint32_t s, int32_t last_noun,
                               uint32_t j) {
    uint32_t p = 0;
    while (p < s && is_quote(c, p))
        p++;
    if (s == 0 || s - 1 != p || !is_prep(c, p) || last_noun < 0) return false;
    int lt = tag_at(c, (uint32_t)last_noun);
    if (lt != BEDE_TAG_NN && !is_temporal_tok(c, (uint32_t)last_noun))
        return false;
    if (!(c->toks[j].flags & BEDE_TOKF_CAPITALIZED)) return false;
    /* "Israel", "Hamas militants", "Israel and Egypt" */
    uint32_t k = j;
    while (k < c->n && (is_noun_tag(tag_at(c, k)) ||
                        (is_cc_and(c, k) && is_noun_tag(tag_at(c, k + 1)))))
        k++;
    while (k < c->n && is_adv(c, k))
        k++;
    int vt = tag_at(c, k);
    return vt == BEDE_TAG_VBD || vt == BEDE_TAG_VBZ || vt == BEDE_TAG_VBP ||
           vt == BEDE_TAG_MD;
}

/* A base NP from i. */
static uint32_t take_np(chunker *c, uint32_t i) {
    uint32_t s = i, j = i;
    int32_t det = -1, last_noun = -1, last_cd = -1;
    uint16_t flags = 0;
    int t = tag_at(c, i);
    if (t == BEDE_TAG_PRP || t == BEDE_TAG_EX) {
        j = i + 1;
        if (tag_at(c, j) == BEDE_TAG_POS) {
            flags |= BEDE_PHF_POSSESSOR;
            j++;
        }
        push_base(c, BEDE_PHRASE_NP, s, j, i, -1, flags | BEDE_PHF_PRONOUN, 0);
        return j;
    }
    j = quant_prefix(c, i);
    if (j == i && more_before_noun(c, i)) j = i + 1;
    if (j == i) {
        if (tag_at(c, j) == BEDE_TAG_PDT) j++;
        if (tag_at(c, j) == BEDE_TAG_DT || tag_at(c, j) == BEDE_TAG_PRPS ||
            that_temporal(c, j)) {
            if (!word_is(c, j, "that") || j == s) det = (int32_t)j++;
        }
    }
    bool any = j > s && det < 0; /* a quantity hedge or predeterminer */
    while (j < c->n) {
        t = tag_at(c, j);
        if (is_noun_tag(t)) {
            if (last_noun >= 0 && word_in(c, j, WEEKDAYS) &&
                !is_temporal_tok(c, (uint32_t)last_noun))
                break;
            /* "told reporters Israel ...": a name after a plural noun */
            if (last_noun >= 0 && (t == BEDE_TAG_NNP || t == BEDE_TAG_NNPS) &&
                tag_at(c, (uint32_t)last_noun) == BEDE_TAG_NNS)
                break;
            if ((t == BEDE_TAG_NNP || t == BEDE_TAG_NNPS) &&
                opening_pp_subject(c, s, last_noun, j))
                break;
            last_noun = (int32_t)j++;
            any = true;
            continue;
        }
        if (t == BEDE_TAG_CD) {
            if (last_noun >= 0 &&
                tag_at(c, (uint32_t)last_noun) != BEDE_TAG_NNP &&
                tag_at(c, (uint32_t)last_noun) != BEDE_TAG_NNPS)
                break;
            last_cd = (int32_t)j++;
            any = true;
            continue;
        }
        if (t == BEDE_TAG_DOLLAR || t == BEDE_TAG_HASH) {
            if (last_noun >= 0) break;
            j++;
            any = true;
            continue;
        }
        if (is_adj_tag(t)) {
            int nt = tag_at(c, j + 1);
            /* "the Israeli(NNP) prime minister", "the Hamas official(JJ)
             * said", "Former(NNP) chief executive" */
            /* also "Turkish and Azerbaijani(NNP) special forces", "with
             * Azerbaijani special forces", but not "gave Ukraine military
             * aid" */
            int pt = s > 0 ? tag_at(c, s - 1) : -1;
            bool initial_name = last_noun == (int32_t)s && s == j - 1 &&
                                tag_at(c, s) == BEDE_TAG_NNP &&
                                (s == 0 || is_quote(c, s - 1) ||
                                 pt == BEDE_TAG_CC || pt == BEDE_TAG_IN ||
                                 pt == BEDE_TAG_COMMA) &&
                                is_noun_tag(nt) && !is_temporal_tok(c, j + 1);
            bool demonym =
                det >= 0 && last_noun == (int32_t)j - 1 &&
                tag_at(c, j - 1) == BEDE_TAG_NNP && (last_noun == det + 1) &&
                (is_noun_tag(nt) || nt == BEDE_TAG_COMMA ||
                 nt == BEDE_TAG_PERIOD || nt == BEDE_TAG_COLON ||
                 nt == BEDE_TAG_VBD || nt == BEDE_TAG_VBZ || nt == BEDE_TAG_MD);
            bool title = last_noun == (int32_t)j - 1 &&
                         word_in(c, j - 1, TITLE_PREFIXES) && is_noun_tag(nt);
            demonym = demonym || initial_name || title;
            if (demonym && !is_noun_tag(nt)) {
                /* "the U.N. secretary-general": the adjective is the head */
                last_noun = (int32_t)j++;
                break;
            }
            if (last_noun >= 0 && !demonym &&
                !((c->toks[j].flags & BEDE_TOKF_CAPITALIZED) &&
                  is_noun_tag(tag_at(c, j + 1))))
                break;
            j++;
            any = true;
            continue;
        }
        if (t == BEDE_TAG_COMMA && last_noun < 0 && j > s &&
            is_adj_tag(tag_at(c, j - 1)) && is_adj_tag(tag_at(c, j + 1))) {
            /* "complete, full diplomatic ties": a list of adjectives */
            uint32_t k = j + 1;
            while (k < c->n && is_adj_tag(tag_at(c, k))) k++;
            if (k < c->n && is_noun_tag(tag_at(c, k))) {
                j++;
                continue;
            }
        }
        if (noun_before_verb(c, j)) {
            last_noun = (int32_t)j++;
            any = true;
            break;
        }
        if ((t == BEDE_TAG_VBN || t == BEDE_TAG_VBG) && last_noun < 0) {
            int nt = tag_at(c, j + 1);
            if ((is_noun_tag(nt) || is_adj_tag(nt)) &&
                (any || det >= 0 || bare_participle_modifier(c, j))) {
                j++;
                any = true;
                continue;
            }
            /* "the wounded": a participle after an article is the head */
            if (!any && det >= 0 &&
                (word_is(c, (uint32_t)det, "the") ||
                 word_is(c, (uint32_t)det, "a") ||
                 word_is(c, (uint32_t)det, "an")) &&
                !is_noun_tag(nt) && nt != BEDE_TAG_DT) {
                j++;
                any = true;
            }
            break;
        }
        if (t == BEDE_TAG_LQUOTE && j > s) {
            /* scare quotes inside a noun phrase: the "crimes" of, the
             * so-called "resistance axis" */
            uint32_t k = j + 1;
            while (k < c->n && k < j + 5 &&
                   (is_noun_tag(tag_at(c, k)) || is_adj_tag(tag_at(c, k))))
                k++;
            if (k > j + 1 && tag_at(c, k) == BEDE_TAG_RQUOTE) {
                for (uint32_t m = j + 1; m < k; m++)
                    if (is_noun_tag(tag_at(c, m))) last_noun = (int32_t)m;
                j = k + 1;
                any = true;
                continue;
            }
            break;
        }
        if (t == BEDE_TAG_CC && last_noun < 0 && j > s &&
            is_adj_tag(tag_at(c, j - 1)) && is_adj_tag(tag_at(c, j + 1)) &&
            is_cc_and(c, j)) {
            j++;
            continue;
        }
        if (t == BEDE_TAG_CC && is_cc_and(c, j) && last_noun == (int32_t)j - 1 &&
            tag_at(c, j - 1) == BEDE_TAG_NN && tag_at(c, j + 1) == BEDE_TAG_NN &&
            (tag_at(c, j + 2) == BEDE_TAG_NN ||
             tag_at(c, j + 2) == BEDE_TAG_NNS) &&
            !is_noun_tag(tag_at(c, j + 3))) {
            /* "a drone and missile attack", "oil and gas fields": two
             * nouns modifying one head */
            j++;
            continue;
        }
        if (last_noun < 0 && j > s && demonym_and_name(c, j)) {
            j += 2;
            any = true;
            continue;
        }
        break;
    }
    if (j == s) j = s + 1;
    uint32_t end = j;
    if (tag_at(c, j) == BEDE_TAG_POS) {
        flags |= BEDE_PHF_POSSESSOR;
        j++;
    }
    uint32_t head = last_noun >= 0 ? (uint32_t)last_noun
                    : last_cd >= 0 ? (uint32_t)last_cd
                                   : end - 1;
    if (!any && det >= 0 && end == (uint32_t)det + 1 &&
        word_in(c, (uint32_t)det, PRONOUN_DETS))
        flags |= BEDE_PHF_PRONOUN;
    push_base(c, BEDE_PHRASE_NP, s, j, head, det, flags, 0);
    return j;
}

/* Adjectives (with "and"/"or" between them) from i; returns the end. */
static uint32_t adj_run_end(const chunker *c, uint32_t i) {
    uint32_t j = i;
    while (j < c->n) {
        if (is_adj_tag(tag_at(c, j))) {
            j++;
        } else if (j > i && is_cc_and(c, j) && is_adj_tag(tag_at(c, j + 1))) {
            j++;
        } else if (j > i && demonym_and_name(c, j)) {
            j += 2;
        } else {
            break;
        }
    }
    return j;
}

static void base_chunks(chunker *c) {
    uint32_t i = 0;
    while (i < c->n) {
        int t = tag_at(c, i);
        if (quant_prefix(c, i) > i) {
            i = take_np(c, i);
            continue;
        }
        if (word_is(c, i, "according") && word_is(c, i + 1, "to")) {
            /* always a verb group, whatever its tag: see the clause rules */
            push_base(c, BEDE_PHRASE_VP, i, i + 1, i, -1, 0, BEDE_TENSE_NONE);
            i++;
            continue;
        }
        if (is_prep_head(c, i)) {
            i++; /* left to the PP rules */
            continue;
        }
        if (noun_before_verb(c, i) || more_before_noun(c, i)) {
            i = take_np(c, i);
            continue;
        }
        if (t == BEDE_TAG_NN || t == BEDE_TAG_NNS) {
            /* "who control much of Yemen": no noun follows "who" */
            if (i > 0 && word_is(c, i - 1, "who")) {
                push_base(c, BEDE_PHRASE_VP, i, i + 1, i, -1, 0,
                          BEDE_TENSE_PRESENT);
                i++;
                continue;
            }
        }
        if (is_adv(c, i)) {
            uint32_t k = i;
            while (k < c->n && is_adv(c, k))
                k++;
            if (is_inf_to(c, k)) {
                /* "not to provoke" but "too early | to say" */
                uint32_t m = k;
                while (m > i && word_in(c, m - 1, NEG_WORDS))
                    m--;
                if (m > i)
                    push_base(c, BEDE_PHRASE_ADVP, i, m, m - 1, -1, 0, 0);
                i = take_vp(c, m, k);
                continue;
            }
            if (is_verb_tag(tag_at(c, k)) && !noun_before_verb(c, k)) {
                i = take_vp(c, i, k);
                continue;
            }
            if (is_adj_tag(tag_at(c, k))) {
                uint32_t e = adj_run_end(c, k);
                if (!is_noun_tag(tag_at(c, e)) && tag_at(c, e) != BEDE_TAG_CD) {
                    push_base(c, BEDE_PHRASE_ADJP, i, e, e - 1, -1, 0, 0);
                    i = e;
                    continue;
                }
            }
            push_base(c, BEDE_PHRASE_ADVP, i, k, k - 1, -1, 0, 0);
            i = k;
            continue;
        }
        if (is_verb_tag(t)) {
            if (bare_participle_modifier(c, i)) {
                i = take_np(c, i);
                continue;
            }
            /* "stay united": a participle after a copula is a predicate */
            if ((t == BEDE_TAG_VBN || t == BEDE_TAG_VBD) && c->nbase > 0) {
                const bede_phrase *pv = &c->base[c->nbase - 1];
                if (pv->kind == BEDE_PHRASE_VP && pv->last == i &&
                    verb_in(c, pv->head, COPULAS)) {
                    push_base(c, BEDE_PHRASE_ADJP, i, i + 1, i, -1, 0, 0);
                    i++;
                    continue;
                }
            }
            i = take_vp(c, i, i);
            continue;
        }
        if (is_inf_to(c, i)) {
            i = take_vp(c, i, i);
            continue;
        }
        if (is_adj_tag(t)) {
            uint32_t e = adj_run_end(c, i);
            int et = tag_at(c, e);
            /* "complete, full diplomatic ties": an adjective list */
            while (et == BEDE_TAG_COMMA && is_adj_tag(tag_at(c, e + 1))) {
                uint32_t e2 = adj_run_end(c, e + 1);
                if (!is_noun_tag(tag_at(c, e2))) break;
                e = e2;
                et = tag_at(c, e);
            }
            if (is_noun_tag(et) || et == BEDE_TAG_CD ||
                ((et == BEDE_TAG_VBN || et == BEDE_TAG_VBG) &&
                 is_noun_tag(tag_at(c, e + 1)))) {
                i = take_np(c, i);
            } else {
                push_base(c, BEDE_PHRASE_ADJP, i, e, e - 1, -1, 0, 0);
                i = e;
            }
            continue;
        }
        if (np_start(c, i)) {
            i = take_np(c, i);
            continue;
        }
        i++;
    }
}

/* ------------------------------------------------------------ structure */

typedef struct structurer {
    chunker *c;
    uint32_t b;          /* next base chunk */
    int32_t last_top;    /* attach candidate: top-level NP/VP/ADJP */
    int32_t last_vp;     /* nearest VP since the last boundary */
    int32_t last_np;     /* last NP group emitted (any level) */
    bool verb_seen;      /* a finite, non-saying verb since the boundary */
    bool np_after_vp;    /* last_top is an NP right after a VP */
    uint32_t coord_memo; /* no coordination starts before this token */
    int ap_state;        /* apposition: 0 idle, 1 NP1, 2 NP1 ",", 3 NP2 */
    int32_t ap_np1, ap_np2;
} structurer;

static int32_t emit(chunker *c, const bede_phrase *p) {
    if (c->nout >= c->maxout) return -1;
    c->out[c->nout] = *p;
    c->out[c->nout].clause = 0;
    return (int32_t)c->nout++;
}

/* Base index after the possessor chain starting at base b. */
static uint32_t unit_end(const chunker *c, uint32_t b) {
    uint32_t e = b;
    while (e + 1 < c->nbase && c->base[e].kind == BEDE_PHRASE_NP &&
           (c->base[e].flags & BEDE_PHF_POSSESSOR) &&
           c->base[e + 1].kind == BEDE_PHRASE_NP &&
           c->base[e + 1].first == c->base[e].last)
        e++;
    return e + 1;
}

static bool base_finite_vp_at(const chunker *c, uint32_t b, uint32_t tok) {
    return b < c->nbase && c->base[b].kind == BEDE_PHRASE_VP &&
           c->base[b].first == tok && c->base[b].tense != BEDE_TENSE_NONE &&
           !(c->base[b].flags & BEDE_PHF_INFINITIVE);
}

/* Extent of the NP group at base b: one unit or a coordination of units.
 * Returns the base index after the group; *coord tells which. */
static uint32_t group_scan(structurer *st, uint32_t b, bool strict,
                           bool *coord) {
    chunker *c = st->c;
    uint32_t e = unit_end(c, b);
    *coord = false;
    if (c->base[b].first < st->coord_memo) return e;
    /* "signed a pact last year, and thousands of troops ...": a time is
     * not a member of a list of actors */
    if (is_temporal_tok(c, c->base[e - 1].head)) return e;
    uint32_t u = e;
    for (;;) {
        uint32_t pos = c->base[u - 1].last;
        bool final = false;
        uint32_t next = pos + 1;
        if (is_comma(c, pos)) {
            if (is_cc_and(c, pos + 1)) {
                final = true;
                next = pos + 2;
            }
        } else if (is_cc_and(c, pos)) {
            final = true;
        } else {
            /* the NP starting at pos may still open a coordination:
             * "Old foes Gondor and Osgiliath" */
            st->coord_memo = pos;
            return e;
        }
        if (u >= c->nbase || c->base[u].kind != BEDE_PHRASE_NP ||
            c->base[u].first != next ||
            (c->base[u].flags & BEDE_PHF_PRONOUN && !final)) {
            st->coord_memo = next + 1;
            return e;
        }
        u = unit_end(c, u);
        /* "Arnor and Gondor ministers and Rohan": one more "and" */
        if (final && !(u < c->nbase && is_cc_and(c, c->base[u - 1].last) &&
                       c->base[u].kind == BEDE_PHRASE_NP &&
                       c->base[u].first == c->base[u - 1].last + 1))
            break;
    }
    if (strict && base_finite_vp_at(c, u, c->base[u - 1].last)) {
        st->coord_memo = c->base[u - 1].last;
        return e;
    }
    *coord = true;
    return u;
}

/* Emits one unit (possessors then the possessed NP); returns the main NP. */
static int32_t emit_unit(chunker *c, uint32_t b, uint32_t e, int32_t attach,
                         uint16_t extra) {
    int32_t idx = -1;
    for (uint32_t k = b; k < e; k++) {
        bede_phrase p = c->base[k];
        if (k + 1 < e) {
            p.attach = (int32_t)c->nout + 1;
        } else {
            p.attach = attach;
            p.flags |= extra;
        }
        idx = emit(c, &p);
    }
    return idx;
}

/* Emits the NP group [b, e) (a coordination when coord); returns the group's
 * phrase (the COORD NP or the unit's main NP). */
static int32_t emit_group(chunker *c, uint32_t b, uint32_t e, bool coord,
                          int32_t attach) {
    if (!coord) return emit_unit(c, b, e, attach, 0);
    uint32_t ue = unit_end(c, b);
    bede_phrase cp = {c->base[b].first,
                      c->base[e - 1].last,
                      c->base[ue - 1].head,
                      attach,
                      -1,
                      0,
                      BEDE_PHF_COORD,
                      BEDE_PHRASE_NP,
                      0};
    int32_t ci = emit(c, &cp);
    if (ci < 0) return -1;
    for (uint32_t u = b; u < e;) {
        uint32_t x = unit_end(c, u);
        emit_unit(c, u, x, ci, BEDE_PHF_CONJUNCT);
        u = x;
    }
    return ci;
}

static bool np_is_temporal(const chunker *c, int32_t np) {
    return np >= 0 && is_temporal_tok(c, c->out[np].head);
}

/* An NP headed by a name or a pronoun: PPs after it belong to the verb. */
static bool np_is_name(const chunker *c, int32_t np) {
    int t = tag_at(c, c->out[np].head);
    return t == BEDE_TAG_NNP || t == BEDE_TAG_NNPS ||
           (c->out[np].flags & BEDE_PHF_PRONOUN);
}

static bool np_appos_ok(const chunker *c, int32_t np) {
    return np >= 0 && !(c->out[np].flags & BEDE_PHF_PRONOUN) &&
           !np_is_temporal(c, np);
}

/* The unit at base b is followed by a comma or a conjunction: a list. */
static bool list_member_at(const chunker *c, uint32_t b, uint32_t tok) {
    if (b >= c->nbase || c->base[b].kind != BEDE_PHRASE_NP ||
        c->base[b].first != tok)
        return false;
    uint32_t e = unit_end(c, b);
    uint32_t pos = c->base[e - 1].last;
    return is_comma(c, pos) || is_cc_and(c, pos);
}

static void appos_mark(structurer *st) {
    chunker *c = st->c;
    bede_phrase *p = &c->out[st->ap_np2];
    p->flags |= BEDE_PHF_APPOS;
    p->attach = st->ap_np1;
    st->ap_state = 0;
}

static void boundary(structurer *st, bool clause_edge) {
    st->last_top = -1;
    st->last_vp = -1;
    if (clause_edge) st->verb_seen = false;
}

static void structure(chunker *c) {
    structurer st = {c, 0, -1, -1, -1, false, false, 0, 0, -1, -1};
    uint32_t t = 0;
    while (t < c->n) {
        if (st.b < c->nbase && c->base[st.b].first == t) {
            const bede_phrase *bp = &c->base[st.b];
            if (bp->kind == BEDE_PHRASE_NP) {
                bool coord;
                uint32_t e = group_scan(&st, st.b, st.verb_seen, &coord);
                int32_t g = emit_group(c, st.b, e, coord, -1);
                t = c->base[e - 1].last;
                st.b = e;
                if (g < 0) continue;
                st.np_after_vp = st.last_top >= 0 &&
                                 c->out[st.last_top].kind == BEDE_PHRASE_VP;
                st.last_top = g;
                st.last_np = g;
                if (st.ap_state == 2 && !(c->out[g].flags & BEDE_PHF_PRONOUN)) {
                    st.ap_np2 = g;
                    st.ap_state = 3;
                } else if (np_appos_ok(c, g)) {
                    st.ap_np1 = g;
                    st.ap_state = 1;
                } else {
                    st.ap_state = 0;
                }
                continue;
            }
            int32_t idx = emit(c, bp);
            t = bp->last;
            st.b++;
            if (idx < 0) continue;
            if (bp->kind == BEDE_PHRASE_VP) {
                st.last_top = idx;
                st.last_vp = idx;
                if (bp->tense != BEDE_TENSE_NONE &&
                    !(bp->flags & BEDE_PHF_INFINITIVE))
                    st.verb_seen = !verb_in(c, bp->head, SAYING);
            } else if (bp->kind == BEDE_PHRASE_ADJP) {
                st.last_top = idx;
            }
            st.ap_state = 0;
            continue;
        }
        /* a token outside the base chunks */
        if (is_prep(c, t) || is_prep_head(c, t)) {
            uint32_t q = t + 1;
            if (is_prep(c, q) && (word_is(c, q, "of") || word_is(c, q, "to") ||
                                  word_is(c, q, "from")))
                q++;
            if (st.b < c->nbase && c->base[st.b].kind == BEDE_PHRASE_NP &&
                c->base[st.b].first == q) {
                bool coord;
                uint32_t e = group_scan(&st, st.b, st.verb_seen, &coord);
                uint32_t gend = c->base[e - 1].last;
                if (word_in(c, t, SUBORDINATORS) &&
                    base_finite_vp_at(c, e, gend)) {
                    /* "after Israel attacked": a clause, not a PP */
                    boundary(&st, true);
                    st.ap_state = 0;
                    t++;
                    continue;
                }
                int32_t attach;
                if (word_is(c, t, "of") && st.last_np >= 0 &&
                    c->out[st.last_np].last == t) {
                    attach = st.last_np;
                } else if (st.last_vp >= 0 &&
                           is_temporal_tok(c, c->base[e - 1].head)) {
                    attach = st.last_vp;
                } else if (st.last_top >= 0 &&
                           c->out[st.last_top].kind == BEDE_PHRASE_NP &&
                           (np_is_name(c, st.last_top) ||
                            (st.np_after_vp && word_in(c, t, VERB_PREPS)))) {
                    attach = st.last_vp;
                } else {
                    attach = st.last_top;
                }
                bede_phrase pp = {t, gend,           t, attach, -1, 0,
                                  0, BEDE_PHRASE_PP, 0};
                int32_t pi = emit(c, &pp);
                int32_t g = pi >= 0 ? emit_group(c, st.b, e, coord, pi) : -1;
                t = gend;
                st.b = e;
                if (g < 0) continue;
                st.last_np = g;
                if (st.ap_state == 3) {
                    /* PPs may follow the appositive */
                } else if (attach >= 0 && np_appos_ok(c, g)) {
                    st.ap_np1 = g;
                    st.ap_state = 1;
                } else {
                    st.ap_state = 0;
                }
                continue;
            }
        }
        int tg = tag_at(c, t);
        if (is_comma(c, t)) {
            if (st.ap_state == 1) {
                st.ap_state = 2;
            } else if (st.ap_state == 3) {
                if (list_member_at(c, st.b, t + 1))
                    st.ap_state = 0;
                else
                    appos_mark(&st);
            } else {
                st.ap_state = 0;
            }
            boundary(&st, true);
        } else if (is_quote(c, t)) {
            /* quotes leave every state alone */
        } else if (tg == BEDE_TAG_PERIOD) {
            if (st.ap_state == 3) appos_mark(&st);
            st.ap_state = 0;
            boundary(&st, true);
        } else {
            /* "Hans Grundberg, the U.N. envoy who met ...": a relative
             * clause may follow the appositive */
            if (st.ap_state == 3 &&
                (tg == BEDE_TAG_WP || tg == BEDE_TAG_WDT))
                appos_mark(&st);
            if (tg == BEDE_TAG_CC) {
                boundary(&st, false);
            } else if (tg == BEDE_TAG_COLON || tg == BEDE_TAG_WDT ||
                       tg == BEDE_TAG_WP || tg == BEDE_TAG_WPS ||
                       tg == BEDE_TAG_WRB || tg == BEDE_TAG_LRB ||
                       tg == BEDE_TAG_RRB || word_is(c, t, "that") ||
                       word_in(c, t, SUBORDINATORS)) {
                boundary(&st, true);
            } else {
                boundary(&st, false);
            }
            st.ap_state = 0;
        }
        t++;
    }
    if (st.ap_state == 3) appos_mark(&st);
}

/* -------------------------------------------------------------- clauses */

enum { IT_END, IT_TOKEN, IT_PHRASE };

typedef struct item {
    int type;
    uint32_t first, last; /* tokens */
    int32_t ph;           /* main phrase (the possessed NP of a chain) */
    uint32_t p0, p1;      /* phrases covered */
} item;

typedef struct cursor {
    uint32_t t, p;
} cursor;

static item next_item(const chunker *c, cursor *cur) {
    item it = {IT_END, cur->t, cur->t, -1, cur->p, cur->p};
    while (cur->p < c->nout && c->out[cur->p].first < cur->t)
        cur->p++;
    if (cur->t >= c->n) return it;
    if (cur->p < c->nout && c->out[cur->p].first == cur->t) {
        uint32_t m = cur->p;
        uint32_t end = c->out[m].last;
        while (c->out[m].kind == BEDE_PHRASE_NP &&
               (c->out[m].flags & BEDE_PHF_POSSESSOR) && m + 1 < c->nout &&
               c->out[m + 1].kind == BEDE_PHRASE_NP &&
               c->out[m + 1].first == c->out[m].last) {
            m++;
            end = c->out[m].last;
        }
        uint32_t p = m + 1;
        while (p < c->nout && c->out[p].first < end)
            p++;
        it.type = IT_PHRASE;
        it.last = end;
        it.ph = (int32_t)m;
        it.p0 = cur->p;
        it.p1 = p;
        cur->t = end > cur->t ? end : cur->t + 1;
        cur->p = p;
        return it;
    }
    it.type = IT_TOKEN;
    it.last = cur->t + 1;
    cur->t++;
    return it;
}

/* The next item that is not a quote mark. */
static item next_solid(const chunker *c, cursor *cur) {
    for (;;) {
        item it = next_item(c, cur);
        if (it.type != IT_TOKEN || !is_quote(c, it.first)) return it;
    }
}

static int item_kind(const chunker *c, const item *it) {
    return it->type == IT_PHRASE ? c->out[it->ph].kind : -1;
}

static bool finite_vp(const chunker *c, int32_t ph) {
    return ph >= 0 && c->out[ph].kind == BEDE_PHRASE_VP &&
           c->out[ph].tense != BEDE_TENSE_NONE &&
           !(c->out[ph].flags & BEDE_PHF_INFINITIVE);
}

/* After an NP: skips PPs and ADVPs and returns the phrase that follows
 * (or -1). */
static int32_t phrase_after_pps(const chunker *c, cursor cur) {
    for (;;) {
        item it = next_solid(c, &cur);
        if (it.type != IT_PHRASE) return -1;
        int k = c->out[it.ph].kind;
        if (k == BEDE_PHRASE_PP || k == BEDE_PHRASE_ADVP) continue;
        return it.ph;
    }
}

/* The NP object of the PP at index pp. */
static int32_t pp_object(const chunker *c, uint32_t pp, uint32_t end) {
    for (uint32_t k = pp + 1; k < end; k++)
        if (c->out[k].kind == BEDE_PHRASE_NP && c->out[k].attach == (int32_t)pp)
            return (int32_t)k;
    return -1;
}

enum {
    PREV_NONE,
    PREV_NP,
    PREV_VP,
    PREV_PP,
    PREV_ADJP,
    PREV_COMMA,
    PREV_CC,
    PREV_SEMI,
    PREV_OTHER
};

/* reserved[0] of a clause while it is built: how to find its subject */
enum { INHERIT_NONE, INHERIT_SUBJECT };

typedef struct frame {
    int32_t clause;
    bool comma_close; /* closes at the next comma */
    bool saying;      /* its verb reports speech or thought */
    bool subj_next_np;
    bool subj_to_pp;
} frame;

typedef struct clauser {
    chunker *c;
    clause_vec *cv;
    size_t cbase;
    frame st[MAX_DEPTH];
    int sp;
    int err;
    int prev, prev_before_comma;
    int32_t prev_np, last_np_any;
    int32_t last_pp, last_pp_np;
    int32_t main_comma; /* comma after complete material, or -1 */
    int since_items;
    int32_t since_np;
    bool restructured;
} clauser;

#define CL(s, i) ((s)->cv->v[(s)->cbase + (size_t)(i)])

static frame *top(clauser *s) {
    return &s->st[s->sp - 1];
}

static int32_t open_clause(clauser *s, int kind, uint32_t first, int32_t parent,
                           bool comma_close) {
    if (s->sp >= MAX_DEPTH) return -1;
    if (parent >= 0 && first < CL(s, parent).first)
        first = CL(s, parent).first; /* children nest in their parent */
    bede_clause cl = {first, s->c->n, parent,        -1,
                      -1,    -1,      (uint8_t)kind, {0, 0, 0}};
    if (VEC_PUSH(*s->cv, cl)) {
        s->err = BEDE_ERR_NOMEM;
        return -1;
    }
    int32_t idx = (int32_t)(s->cv->n - s->cbase - 1);
    frame f = {idx, comma_close, false, false, false};
    s->st[s->sp++] = f;
    return idx;
}

/* Closes the open clauses above depth at token pos; a parent always ends at
 * or after its children. */
static void pop_to(clauser *s, int depth, uint32_t pos) {
    while (s->sp > depth) {
        bede_clause *cl = &CL(s, top(s)->clause);
        if (pos < cl->first) pos = cl->first;
        cl->last = pos;
        s->sp--;
    }
}

static bool has_verb(clauser *s, int d) {
    return CL(s, s->st[d].clause).verb >= 0;
}

static void set_verb(clauser *s, frame *f, int32_t ph) {
    chunker *c = s->c;
    CL(s, f->clause).verb = ph;
    if (verb_in(c, c->out[ph].head, SAYING)) f->saying = true;
}

/* "X did Y, diplomats said": MAIN becomes the saying clause and the content
 * before the comma becomes its COMPLEMENT. */
static void restructure(clauser *s, int32_t vp, int32_t subject) {
    chunker *c = s->c;
    uint32_t comma = (uint32_t)s->main_comma;
    pop_to(s, 1, comma);
    bede_clause *main = &CL(s, 0);
    bede_clause cl = {main->first,
                      comma,
                      0,
                      main->verb,
                      main->subject,
                      main->object,
                      BEDE_CLAUSE_COMPLEMENT,
                      {0, 0, 0}};
    if (VEC_PUSH(*s->cv, cl)) {
        s->err = BEDE_ERR_NOMEM;
        return;
    }
    int32_t nc = (int32_t)(s->cv->n - s->cbase - 1);
    for (int32_t k = 1; k < nc; k++) {
        if (CL(s, k).parent == 0 && CL(s, k).first < comma) {
            CL(s, k).parent = nc;
            if (CL(s, k).last > CL(s, nc).last) CL(s, nc).last = CL(s, k).last;
        }
    }
    for (uint32_t p = 0; p < c->nout; p++)
        if (c->out[p].clause == 0 && c->out[p].first < comma)
            c->out[p].clause = nc;
    main = &CL(s, 0);
    main->verb = vp;
    main->subject = subject;
    main->object = -1;
    s->st[0].saying = true;
    s->st[0].subj_next_np = subject < 0;
    s->restructured = true;
    s->main_comma = -1;
}

/* "said the convoy, which carried food, was looted": the saying clause's
 * object is the subject of a COMPLEMENT clause whose verb is vp. */
static void reanalyse_object(clauser *s, int32_t vp) {
    chunker *c = s->c;
    frame *f = top(s);
    int32_t parent = f->clause;
    int32_t obj = CL(s, parent).object;
    uint32_t from = c->out[obj].first;
    CL(s, parent).object = -1;
    int32_t k = open_clause(s, BEDE_CLAUSE_COMPLEMENT, from, parent, false);
    if (k < 0) return;
    CL(s, k).subject = obj;
    CL(s, k).verb = vp;
    for (int32_t j = k - 1; j > parent && CL(s, j).first >= from; j--)
        if (CL(s, j).parent == parent) CL(s, j).parent = k;
    for (uint32_t p = (uint32_t)obj;
         p < c->nout && c->out[p].first < c->out[vp].first; p++)
        if (c->out[p].clause == parent) c->out[p].clause = k;
}

/* The nearest open clause whose verb is (non-)finite; -1 if none. */
static int find_frame(clauser *s, bool finite) {
    for (int d = s->sp - 1; d >= 0; d--) {
        int32_t v = CL(s, s->st[d].clause).verb;
        if (v >= 0 && finite_vp(s->c, v) == finite) return d;
    }
    return -1;
}

/* "Merz said that Europe must defend itself and pledged to ...": a past
 * verb after "and" joins the innermost clause from d outwards whose verb
 * is in the past too, when the clause at d has a verb of another tense;
 * else d. */
static int past_frame(clauser *s, int d) {
    int32_t v = CL(s, s->st[d].clause).verb;
    if (v < 0 || s->c->out[v].tense == BEDE_TENSE_PAST ||
        s->c->out[v].tense == BEDE_TENSE_NONE)
        return d;
    for (int e = d - 1; e >= 0; e--) {
        int32_t u = CL(s, s->st[e].clause).verb;
        if (u >= 0 && s->c->out[u].tense == BEDE_TENSE_PAST) return e;
    }
    return d;
}

/* A VP that is a lone VBN/VBD: a finite past verb the tagger may have
 * read as a participle. */
static bool bare_past_participle(const chunker *c, int32_t ph) {
    const bede_phrase *p = &c->out[ph];
    int t = tag_at(c, p->head);
    return p->kind == BEDE_PHRASE_VP && !(p->flags & BEDE_PHF_INFINITIVE) &&
           p->head == p->first && (t == BEDE_TAG_VBN || t == BEDE_TAG_VBD);
}

static void clause_np(clauser *s, const item *it, cursor after) {
    chunker *c = s->c;
    int32_t ph = it->ph;
    if (c->out[ph].flags & BEDE_PHF_APPOS) return;
    frame *f = top(s);
    bede_clause *cl = &CL(s, f->clause);
    int32_t next = phrase_after_pps(c, after);
    bool next_finite = finite_vp(c, next);
    if (!next_finite && next >= 0 && cl->verb >= 0 && f->saying &&
        (s->prev == PREV_COMMA || s->prev == PREV_VP || s->prev == PREV_PP) &&
        bare_past_participle(c, next))
        next_finite = true; /* "said militants fired(VBN) rockets" */
    if (cl->verb < 0) {
        if (cl->subject < 0 || (s->prev == PREV_COMMA && next_finite))
            cl->subject = ph;
    } else if (f->subj_next_np) {
        cl->subject = ph;
        f->subj_next_np = false;
    } else if (!s->restructured && s->main_comma >= 0 && s->since_items == 0 &&
               next_finite && verb_in(c, c->out[next].head, SAYING)) {
        s->since_np = ph; /* "..., diplomats said": see clause_vp */
    } else if (next_finite) {
        bool waiting = false;
        for (int d = 0; d < s->sp - 1; d++)
            if (!has_verb(s, d)) waiting = true;
        if (waiting) {
            if (cl->object < 0 && s->prev == PREV_VP) cl->object = ph;
        } else {
            int kind = BEDE_CLAUSE_COMPLEMENT;
            int32_t parent = f->clause, antecedent = -1;
            if (s->prev == PREV_SEMI) {
                kind = BEDE_CLAUSE_COORDINATE;
                pop_to(s, 1, it->first);
                parent = 0;
            } else if (!f->saying && s->prev == PREV_NP) {
                kind = BEDE_CLAUSE_RELATIVE;
                antecedent = s->prev_np;
            }
            int32_t k = open_clause(s, kind, it->first, parent, false);
            if (k >= 0) {
                CL(s, k).subject = ph;
                CL(s, k).object = antecedent;
            }
        }
    } else if (cl->object < 0 && s->prev == PREV_VP) {
        cl->object = ph;
    }
}

/* Does a verb for the waiting clause come later: a finite VP, or a
 * participle right after a comma ("The rebels, backed by Rwanda, seized")?
 * Looks a bounded number of items ahead. */
static bool verb_follows(const chunker *c, cursor cur) {
    bool comma = false;
    for (int k = 0; k < 48; k++) {
        item it = next_solid(c, &cur);
        if (it.type == IT_END) return false;
        if (it.type == IT_TOKEN) {
            comma = is_comma(c, it.first);
            if (tag_at(c, it.first) == BEDE_TAG_PERIOD) return false;
            continue;
        }
        const bede_phrase *p = &c->out[it.ph];
        if (p->kind == BEDE_PHRASE_VP &&
            (finite_vp(c, it.ph) ||
             (comma && !(p->flags & BEDE_PHF_INFINITIVE) &&
              (tag_at(c, p->head) == BEDE_TAG_VBN ||
               tag_at(c, p->head) == BEDE_TAG_VBD))))
            return true;
        comma = false;
    }
    return false;
}

/* After a participle: its own object NP and PPs, then a finite verb
 * with nothing between ("protesting in Kabul demanded", "chanting slogans
 * marched")? */
static bool vbg_then_verb(const chunker *c, cursor cur) {
    bool np = false;
    for (int k = 0; k < 16; k++) {
        item it = next_solid(c, &cur);
        if (it.type != IT_PHRASE) return false;
        int kind = c->out[it.ph].kind;
        if (kind == BEDE_PHRASE_PP || kind == BEDE_PHRASE_ADVP) continue;
        if (kind == BEDE_PHRASE_NP && !np) {
            np = true;
            continue;
        }
        return kind == BEDE_PHRASE_VP && finite_vp(c, it.ph) &&
               tag_at(c, c->out[it.ph].head) != BEDE_TAG_VBN &&
               tag_at(c, c->out[it.ph].head) != BEDE_TAG_VBG;
    }
    return false;
}

static void clause_vp(clauser *s, const item *it, cursor after) {
    chunker *c = s->c;
    int32_t ph = it->ph;
    bede_phrase *vp = &c->out[ph];
    frame *f = top(s);
    bede_clause *cl = &CL(s, f->clause);

    if (word_is(c, vp->head, "according")) {
        item nx = next_solid(c, &after);
        if (item_kind(c, &nx) == BEDE_PHRASE_PP &&
            word_is(c, c->out[nx.ph].head, "to")) {
            if (s->sp == 1 && cl->verb < 0 && cl->subject < 0) {
                set_verb(s, f, ph);
                f->saying = true;
                f->subj_to_pp = true;
                return;
            }
            if (!s->restructured && s->main_comma >= 0 && s->since_items == 0) {
                restructure(s, ph, -1);
                s->st[0].subj_next_np = false;
                s->st[0].subj_to_pp = true;
                return;
            }
        }
    }
    if (vp->flags & BEDE_PHF_INFINITIVE) {
        int32_t gov = cl->verb;
        bool initial = gov < 0;
        int32_t k =
            open_clause(s, BEDE_CLAUSE_INFINITIVAL, vp->first, f->clause, true);
        if (k < 0) {
            if (cl->verb < 0) cl->verb = ph;
            return;
        }
        bede_clause *ic = &CL(s, k);
        ic->verb = ph;
        int32_t subj = -1;
        if (!initial && !(c->out[gov].flags & BEDE_PHF_PASSIVE) &&
            verb_in(c, c->out[gov].head, OBJ_CONTROL)) {
            if (s->prev == PREV_NP &&
                CL(s, s->st[s->sp - 2].clause).object == s->prev_np &&
                s->prev_np >= 0)
                subj = s->prev_np;
            else if (s->prev == PREV_PP && s->last_pp >= 0 &&
                     (word_is(c, c->out[s->last_pp].head, "on") ||
                      word_is(c, c->out[s->last_pp].head, "upon") ||
                      word_is(c, c->out[s->last_pp].head, "to") ||
                      word_is(c, c->out[s->last_pp].head, "for")))
                subj = s->last_pp_np;
        }
        if (subj >= 0)
            ic->subject = subj;
        else
            ic->reserved[0] = INHERIT_SUBJECT;
        return;
    }
    if (!finite_vp(c, ph)) {
        int ht = tag_at(c, vp->head);
        bool participle =
            ht == BEDE_TAG_VBG || ht == BEDE_TAG_VBN || ht == BEDE_TAG_VBD;
        if (cl->verb < 0 && cl->kind == BEDE_CLAUSE_COORDINATE &&
            s->prev == PREV_CC) {
            set_verb(s, f, ph);
            return;
        }
        if (participle && s->prev == PREV_COMMA && cl->verb < 0 &&
            cl->subject >= 0 && !verb_follows(c, after)) {
            /* "Guterres, the U.N. chief, called(VBN) for ...": the verb */
            if (ht == BEDE_TAG_VBN || ht == BEDE_TAG_VBD)
                vp->tense = BEDE_TENSE_PAST;
            set_verb(s, f, ph);
            return;
        }
        if (participle && (s->prev == PREV_COMMA ||
                           (s->sp == 1 && cl->verb < 0 && cl->subject < 0))) {
            int32_t k = open_clause(s, BEDE_CLAUSE_PARTICIPIAL, vp->first,
                                    f->clause, true);
            if (k >= 0) {
                CL(s, k).verb = ph;
                CL(s, k).reserved[0] = INHERIT_SUBJECT;
            } else if (cl->verb < 0) {
                cl->verb = ph;
            }
            return;
        }
        if (cl->verb < 0) {
            item nx = next_solid(c, &after);
            if (cl->subject >= 0 && participle && s->prev == PREV_NP &&
                item_kind(c, &nx) == BEDE_PHRASE_PP &&
                word_is(c, c->out[nx.ph].head, "by") &&
                phrase_after_pps(c, after) >= 0 &&
                finite_vp(c, phrase_after_pps(c, after))) {
                /* "The man arrested by police was released" */
                int32_t k = open_clause(s, BEDE_CLAUSE_RELATIVE, vp->first,
                                        f->clause, true);
                if (k >= 0) {
                    CL(s, k).verb = ph;
                    CL(s, k).subject = s->prev_np;
                    c->out[ph].flags |= BEDE_PHF_PASSIVE;
                }
                return;
            }
            if (cl->subject >= 0 && ht == BEDE_TAG_VBG &&
                s->prev == PREV_NP && s->prev_np == cl->subject &&
                vbg_then_verb(c, after)) {
                /* "Afghan women protesting in Kabul demanded ...": a
                 * present participle right after the subject, with the
                 * finite verb after its own words, describes the subject
                 * (a reduced relative) */
                int32_t k = open_clause(s, BEDE_CLAUSE_RELATIVE, vp->first,
                                        f->clause, true);
                if (k >= 0) {
                    CL(s, k).verb = ph;
                    CL(s, k).subject = s->prev_np;
                }
                return;
            }
            /* a participle standing for the finite verb */
            if (ht == BEDE_TAG_VBN || ht == BEDE_TAG_VBD)
                vp->tense = BEDE_TENSE_PAST;
            set_verb(s, f, ph);
            return;
        }
        int kind = BEDE_CLAUSE_PARTICIPIAL;
        int32_t subj = -1;
        if (participle && (s->prev == PREV_NP || s->prev == PREV_PP) &&
            s->last_np_any >= 0) {
            kind = BEDE_CLAUSE_RELATIVE; /* reduced relative */
            subj = s->last_np_any;
            if (ht == BEDE_TAG_VBN && vp->first + 1 == vp->last)
                vp->flags |= BEDE_PHF_PASSIVE;
        } else if (!participle) {
            kind = BEDE_CLAUSE_INFINITIVAL; /* bare: "helped them build" */
            if (s->prev == PREV_NP && cl->object == s->prev_np)
                subj = cl->object;
        }
        int32_t k = open_clause(s, kind, vp->first, f->clause, true);
        if (k >= 0) {
            CL(s, k).verb = ph;
            CL(s, k).subject = subj;
            if (subj < 0) CL(s, k).reserved[0] = INHERIT_SUBJECT;
        }
        return;
    }
    /* a finite verb group */
    if (cl->verb < 0) {
        set_verb(s, f, ph);
        return;
    }
    if (s->prev == PREV_VP && f->saying && cl->kind == BEDE_CLAUSE_RELATIVE &&
        cl->object >= 0) {
        /* "the strike, which Israel said targeted a depot": the antecedent
         * is the subject of what was said */
        int32_t ante = cl->object;
        cl->object = -1;
        int32_t k = open_clause(s, BEDE_CLAUSE_COMPLEMENT, vp->first, f->clause,
                                f->comma_close);
        if (k >= 0) {
            CL(s, k).subject = ante;
            set_verb(s, top(s), ph);
        }
        return;
    }
    for (int d = s->sp - 2; d >= 0; d--) {
        if (!has_verb(s, d)) {
            pop_to(s, d + 1, vp->first);
            set_verb(s, top(s), ph);
            return;
        }
    }
    if (f->saying && cl->object >= 0 && s->prev == PREV_COMMA &&
        c->out[cl->object].first >= cl->first &&
        !verb_in(c, c->out[cl->verb].head, TELL)) {
        reanalyse_object(s, ph);
        return;
    }
    /* the content before the comma must have a finite verb of its own (a
     * lone participle counts only right after the subject): "X, in remarks
     * published on Monday, urged" is one clause */
    if (verb_in(c, vp->head, SAYING) && !s->restructured &&
        s->main_comma >= 0 && CL(s, 0).verb >= 0 &&
        c->out[CL(s, 0).verb].tense != BEDE_TENSE_NONE &&
        !(tag_at(c, c->out[CL(s, 0).verb].head) == BEDE_TAG_VBN &&
          c->out[CL(s, 0).verb].first == c->out[CL(s, 0).verb].head &&
          !(CL(s, 0).subject >= 0 &&
            c->out[CL(s, 0).subject].last == c->out[CL(s, 0).verb].first)) &&
        (s->since_items == 0 || (s->since_items == 1 && s->since_np >= 0))) {
        restructure(s, ph, s->since_items == 1 ? s->since_np : -1);
        return;
    }
    int32_t k =
        open_clause(s, BEDE_CLAUSE_COORDINATE, vp->first, f->clause, false);
    if (k >= 0) {
        set_verb(s, top(s), ph);
        CL(s, k).reserved[0] = INHERIT_SUBJECT;
    }
}

/* After ", and": the outermost clause with a finite verb (at most d). */
static int find_outer_frame(clauser *s, int d) {
    for (int k = 0; k < d; k++) {
        int32_t v = CL(s, s->st[k].clause).verb;
        if (v >= 0 && finite_vp(s->c, v)) return k;
    }
    return d;
}

/* A conjunction: "..., and Hamas fired" / "... and urged". */
static void clause_cc(clauser *s, const item *it, cursor after) {
    chunker *c = s->c;
    cursor look = after;
    item n1 = next_solid(c, &look);
    /* "and then it requested", "and later Israel struck": an adverb
     * between the conjunction and the clause */
    while (item_kind(c, &n1) == BEDE_PHRASE_ADVP) n1 = next_solid(c, &look);
    int k1 = item_kind(c, &n1);
    int d = -1;
    bool shared = false;
    if (k1 == BEDE_PHRASE_NP) {
        if (!finite_vp(c, phrase_after_pps(c, look))) return;
        /* "Arnor and Gondor ministers Arnor and Gondor appealed": a clause
         * with no verb yet is not coordinated with the next one; "and"
         * joins its subject */
        if (!has_verb(s, s->sp - 1) && s->prev != PREV_COMMA) return;
        d = find_frame(s, true);
        if (s->prev == PREV_COMMA) d = find_outer_frame(s, d);
    } else if (k1 == BEDE_PHRASE_VP &&
               !(c->out[n1.ph].flags & BEDE_PHF_INFINITIVE)) {
        shared = true;
        d = find_frame(s, finite_vp(c, n1.ph));
        if (d < 0)
            d = find_frame(s, !finite_vp(c, n1.ph));
        else if (s->prev == PREV_COMMA && finite_vp(c, n1.ph))
            d = find_outer_frame(s, d);
        else if (c->out[n1.ph].tense == BEDE_TENSE_PAST)
            d = past_frame(s, d);
    } else {
        return;
    }
    if (d < 0) d = s->sp - 1;
    pop_to(s, d + 1, it->first);
    int32_t k = open_clause(s, BEDE_CLAUSE_COORDINATE, it->first,
                            top(s)->clause, false);
    if (k >= 0 && shared) CL(s, k).reserved[0] = INHERIT_SUBJECT;
}

static void clause_token(clauser *s, const item *it, cursor after) {
    chunker *c = s->c;
    uint32_t t = it->first;
    int tg = tag_at(c, t);
    frame *f = top(s);
    bede_clause *cl = &CL(s, f->clause);
    if (is_comma(c, t) || tg == BEDE_TAG_COLON) {
        while (s->sp > 1 && top(s)->comma_close)
            pop_to(s, s->sp - 1, t);
        bool complete = true;
        for (int d = 0; d < s->sp; d++)
            if (!has_verb(s, d)) complete = false;
        if (complete && !s->restructured && is_comma(c, t)) {
            s->main_comma = (int32_t)t;
            s->since_items = -1; /* this comma itself is counted below */
            s->since_np = -1;
        }
        s->prev_before_comma = s->prev;
        s->prev = (tg == BEDE_TAG_COLON && word_is(c, t, ";")) ? PREV_SEMI
                                                               : PREV_COMMA;
        return;
    }
    if (tg == BEDE_TAG_CC) {
        clause_cc(s, it, after);
        s->prev = PREV_CC;
        return;
    }
    bool wh = tg == BEDE_TAG_WDT || tg == BEDE_TAG_WP || tg == BEDE_TAG_WPS ||
              word_is(c, t, "which") || word_is(c, t, "who") ||
              word_is(c, t, "whom") || word_is(c, t, "whose");
    bool tell_obj = word_is(c, t, "that") && s->prev == PREV_NP &&
                    cl->object == s->prev_np && cl->verb >= 0 &&
                    verb_in(c, c->out[cl->verb].head, TELL);
    /* "told his Israeli counterpart that(WDT) Israel must ...": after the
     * object of a verb of telling, "that" opens what is told, whatever
     * its tag */
    if (word_is(c, t, "that") && (!(tg == BEDE_TAG_WDT) || tell_obj)) {
        if (tell_obj) wh = false;
        if (s->prev == PREV_NP && !tell_obj) {
            wh = true;
        } else if (cl->verb >= 0) {
            open_clause(s, BEDE_CLAUSE_COMPLEMENT, t, f->clause, false);
            s->prev = PREV_OTHER;
            return;
        }
    }
    if (wh && !word_is(c, t, "what")) {
        int32_t ante = -1;
        bool after_comma = false;
        if (s->prev == PREV_NP || s->prev == PREV_PP) {
            ante = s->last_np_any;
        } else if (s->prev == PREV_COMMA && (s->prev_before_comma == PREV_NP ||
                                             s->prev_before_comma == PREV_PP)) {
            ante = s->last_np_any;
            after_comma = true;
        }
        if (ante < 0 && cl->verb >= 0 && s->prev != PREV_COMMA) {
            /* "it was not clear who carried out the attack" */
            open_clause(s, BEDE_CLAUSE_COMPLEMENT, t, f->clause, false);
        } else if (ante >= 0) {
            cursor look = after;
            item nx = next_solid(c, &look);
            int32_t k =
                open_clause(s, BEDE_CLAUSE_RELATIVE, t, f->clause, after_comma);
            if (k >= 0) {
                if (item_kind(c, &nx) == BEDE_PHRASE_VP &&
                    !word_is(c, t, "whose"))
                    CL(s, k).subject = ante;
                else if (!word_is(c, t, "whose"))
                    CL(s, k).object = ante;
            }
        }
        s->prev = PREV_OTHER;
        return;
    }
    if (tg == BEDE_TAG_WRB || word_in(c, t, SUBORDINATORS) ||
        tg == BEDE_TAG_IN) {
        cursor look = after;
        item nx = next_solid(c, &look);
        int k1 = item_kind(c, &nx);
        bool sub = word_in(c, t, SUBORDINATORS) || tg == BEDE_TAG_WRB;
        bool clause_follows =
            (k1 == BEDE_PHRASE_NP && finite_vp(c, phrase_after_pps(c, look)));
        bool ing = k1 == BEDE_PHRASE_VP &&
                   tag_at(c, c->out[nx.ph].head) == BEDE_TAG_VBG &&
                   !finite_vp(c, nx.ph);
        if (word_is(c, t, "where") && s->prev == PREV_NP) {
            open_clause(s, BEDE_CLAUSE_RELATIVE, t, f->clause, false);
        } else if ((sub && (clause_follows || k1 == BEDE_PHRASE_VP)) || ing) {
            /* (read before open_clause, which may move the clauses) */
            int32_t object = cl->object;
            int32_t k =
                open_clause(s, BEDE_CLAUSE_ADVERBIAL, t, f->clause, true);
            if (k >= 0 && ing) {
                /* "accused Israel of killing": the object acts */
                if ((word_is(c, t, "of") || word_is(c, t, "for") ||
                     word_is(c, t, "from")) &&
                    object >= 0)
                    CL(s, k).subject = object;
                else
                    CL(s, k).reserved[0] = INHERIT_SUBJECT;
            }
        }
        s->prev = PREV_OTHER;
        return;
    }
    if (is_quote(c, t)) return;
    s->prev = tg == BEDE_TAG_PERIOD ? PREV_OTHER : PREV_OTHER;
}

static int clauses(chunker *c, clause_vec *cv) {
    clauser s;
    memset(&s, 0, sizeof s);
    s.c = c;
    s.cv = cv;
    s.cbase = cv->n;
    s.prev = PREV_NONE;
    s.prev_np = s.last_np_any = s.last_pp = s.last_pp_np = -1;
    s.main_comma = -1;
    s.since_np = -1;
    if (open_clause(&s, BEDE_CLAUSE_MAIN, 0, -1, false) < 0) return s.err;
    cursor cur = {0, 0};
    for (;;) {
        item it = next_item(c, &cur);
        if (it.type == IT_END || s.err) break;
        if (it.type == IT_TOKEN) {
            bool quote = is_quote(c, it.first);
            clause_token(&s, &it, cur);
            if (!quote) s.since_items++;
            continue;
        }
        int kind = c->out[it.ph].kind;
        if (kind == BEDE_PHRASE_NP) {
            clause_np(&s, &it, cur);
        } else if (kind == BEDE_PHRASE_VP) {
            clause_vp(&s, &it, cur);
        } else if (kind == BEDE_PHRASE_PP) {
            frame *f = top(&s);
            int32_t obj = pp_object(c, (uint32_t)it.ph, it.p1);
            if (f->subj_to_pp && word_is(c, c->out[it.ph].head, "to")) {
                CL(&s, f->clause).subject = obj;
                f->subj_to_pp = false;
            }
            s.last_pp = it.ph;
            s.last_pp_np = obj;
        }
        int32_t cl = top(&s)->clause;
        for (uint32_t p = it.p0; p < it.p1; p++)
            c->out[p].clause = cl;
        if (kind == BEDE_PHRASE_NP) {
            if (!(c->out[it.ph].flags & BEDE_PHF_APPOS)) {
                s.prev = PREV_NP;
                s.prev_np = it.ph;
                s.last_np_any = it.ph;
            }
        } else if (kind == BEDE_PHRASE_VP) {
            s.prev = PREV_VP;
        } else if (kind == BEDE_PHRASE_PP) {
            s.prev = PREV_PP;
            if (s.last_pp_np >= 0) s.last_np_any = s.last_pp_np;
        } else if (kind == BEDE_PHRASE_ADJP) {
            s.prev = PREV_ADJP;
        }
        /* "..., officials on both sides said": PPs do not count */
        if (kind != BEDE_PHRASE_PP || s.since_np < 0) s.since_items++;
    }
    if (s.err) return s.err;
    pop_to(&s, 0, c->n);
    size_t count = cv->n - s.cbase;
    for (size_t k = 0; k < count; k++) {
        bede_clause *cl = &cv->v[s.cbase + k];
        if (cl->reserved[0] == INHERIT_SUBJECT && cl->subject < 0 &&
            cl->parent >= 0 && (size_t)cl->parent < count)
            cl->subject = cv->v[s.cbase + (size_t)cl->parent].subject;
        cl->reserved[0] = 0;
    }
    for (uint32_t p = 0; p < c->nout; p++) {
        bede_phrase *ph = &c->out[p];
        if (ph->kind == BEDE_PHRASE_PP && ph->attach < 0) {
            int32_t v = cv->v[s.cbase + (size_t)ph->clause].verb;
            if (v >= 0 && v != (int32_t)p) ph->attach = v;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ API */

int chunk_sentence(const bede_token *toks, uint32_t n, const char *pool,
                   phrase_vec *phrases, clause_vec *clauses_out) {
    if (n == 0) return 0;
    size_t start = phrases->n;
    /* output: at most 3 phrases per token; base chunks after that */
    size_t maxout = 3 * (size_t)n + 8;
    size_t need = start + maxout + (size_t)n + 8;
    if (need > phrases->cap && vec_reserve((void **)&phrases->v, &phrases->cap,
                                           need, sizeof *phrases->v))
        return BEDE_ERR_NOMEM;
    chunker c = {toks, n,
                 pool, phrases->v + start + maxout,
                 0,    phrases->v + start,
                 0,    (uint32_t)maxout};
    base_chunks(&c);
    structure(&c);
    phrases->n = start + c.nout;
    return clauses(&c, clauses_out);
}
