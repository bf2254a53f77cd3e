/*
 * The event coder: an analysed story + dictionaries -> events.
 *
 * For each sentence, in order:
 *
 * 1. Discards. A discard phrase voids the sentence (or, flagged STORY, the
 *    whole story).
 * 2. Mentions. Left to right over the tokens, the longest actor or agent
 *    phrase starting at each token (dict.c's trie). Null codes (`---`) and
 *    TABARI's @NOUN/@ADJECTIVE words block a span without giving an actor.
 * 3. Actors of noun phrases. Every NP of the chunker gets the actors of the
 *    mentions starting inside it, of its possessor ("Iran 's spokesman") and
 *    of an "of" phrase after it ("the foreign minister of Iran"). Actor
 *    codes and agent codes compose: IRN + ~COP = IRNCOP, NGO~ + IRN = NGOIRN.
 *    A coordination has the actors of its conjuncts. An NP without a named
 *    actor is resolved from the story (coreference): a pronoun to the last
 *    subject actor, a definite description ("the council", "the
 *    spokesman") to the last actor with the same head word or agent; an
 *    agent alone falls back to the dateline's country.
 * 4. Verbs. The head of every verb group (and, with opts.nominal, of every
 *    noun phrase) is looked up in the verb dictionary. The patterns of its
 *    verb block are matched around it (match_pattern below): words to the
 *    right of `*` forward from the verb, words to its left backward, other
 *    words skipped unless `_` joins them, `$` `+` `%` `^` binding actor
 *    NPs. The pattern with most elements matched wins; with none, the verb's
 *    own code applies.
 * 5. Roles. Unbound source: the clause subject (the "by" agent in the
 *    passive; a relative clause's antecedent, a participial clause's parent
 *    subject — the chunker sets these). Unbound target: the clause object,
 *    then the first actor after the verb inside the clause (the passive
 *    subject in the passive). A negated verb gives no event unless its
 *    pattern says `not`. A verb of saying whose reported content produced
 *    events gives no statement event of its own.
 * 6. Events. One per (source actor, target actor) pair of compound actors;
 *    a code `A:B` adds the paired event B from target to source. Duplicates
 *    within a sentence are dropped; with opts.one_a_day, within the story.
 *
 * Options change what a sentence gives: opts.min_words skips short
 * sentences and opts.comma_phrases leaves comma-delimited phrases out
 * (words.c); opts.default_source and default_target stand for missing
 * actors; opts.code_by keeps only the first event, or also the ones that
 * fold into another. TABARI's dominant (!) and subordinate (?) codes are
 * weighed last (select_events).
 *
 * Every step can explain itself through the worker's trace callback.
 */
#include "dict_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    TOPIC = 2,                     /* see bede_worker.covered */
    VERB_WORD = 4,                 /* see bede_worker.covered */
    MAX_ACTORS = 8,
    MAX_MATCHES = 8,
    MAX_PATTERN_STEPS = 4096,
    TOKEN_CANDS = 6,               /* stem/ending ids a cache entry holds */
    TOKEN_CACHE = 8192,            /* entries of a worker's token cache */
    TOKEN_CACHE_CHARS = 1u << 20   /* bytes of keys before it starts over */
};

struct bede_coder {
    const bede_dict *dict;
    bede_analyzer *an;
    bede_coder_options opts;
    dict_stems stems; /* the dictionary's stems: lengths and filter */
};

/* One actor of a noun phrase. Codes are offsets into the worker's pool. */
typedef struct {
    uint32_t code;         /* pool offset */
    uint32_t first, last;  /* doc tokens that gave it */
    uint8_t how;           /* bede_actor_how */
    uint8_t guessed;       /* an agent alone given the sentence's state */
    uint8_t by_event;      /* a description of an earlier event ("the
                              strikes"): that event's source */
    uint8_t dated;         /* its dictionary entry has dated codes: a
                              person whose office the date decides */
    uint32_t file, line;   /* dict strings (interned ids) */
    uint32_t agent_file, agent_line;
    uint32_t plain;        /* pool offset + 1 of its dictionary code when
                              an agent was joined to it, else 0 */
} actor;

/* A dictionary match over doc tokens [first, last). */
typedef struct {
    uint32_t first, last;
    uint8_t agent;    /* an agent, not an actor */
    uint8_t blocked;  /* a null code: no actor here */
    uint8_t prefixed; /* after "anti-" (1) or "pro-" (2): what the phrase
                         is against or for, not its actor */
    uint32_t entry;   /* global entry index */
    int32_t code;     /* code index within the entry */
} mention;

/* What an NP resolved to: a run of actors. */
typedef struct {
    uint32_t first, n;
    uint8_t done;
    uint8_t against; /* named after "anti-": what the NP is against
                        ("anti-Israel protests"), not who acts */
} np_actors;

/* An actor seen earlier in the story, for coreference. */
typedef struct {
    actor a;
    uint32_t head;    /* pool offset of the NP's head word (lower case) */
    uint32_t title;   /* pool offset of the last word of a role named in
                         the NP ("minister" of "Foreign Minister Qin
                         Gang"), or NONE */
    uint32_t agent;   /* pool offset of the agent code, or NONE */
    char root[3];     /* an event's source: the event's CAMEO root, for
                         "the strikes", "the sanctions" later; else "" */
    uint8_t subject;
} seen_actor;

/* A candidate event before emission. */
typedef struct {
    actor src, tgt;
    uint32_t code; /* dict string */
    uint32_t verb_first, verb_last;
    uint32_t rule_file, rule_line, rule; /* dict strings; rule may be NONE */
    uint32_t flags;
    uint32_t sentence;
    int32_t clause; /* the clause of its verb (sentence-relative) */
    uint8_t reads_back; /* its pattern read the verb governing it ("$ warn
                           be_*" on "warned ... would be arrested") */
    uint8_t dead;       /* superseded by a later candidate */
    uint8_t rank;   /* RANK_*: TABARI's subordinate and dominant codes */
    int32_t days;   /* the sentence's time shift (opts.time_shift) */
} cand;

enum { RANK_PLAIN, RANK_SUBORDINATE, RANK_DOMINANT };

/* The actors of a verb's event: what the verbs that fold into it are coded
 * with when opts.code_by is BEDE_CODE_ALL. */
typedef struct {
    np_actors src, tgt;
} governed;

/* The dictionary ids of one token: its lower-case form and lemma, and the
 * tagged stem and ending ids it may match through. */
typedef struct {
    uint64_t hash;   /* 0: empty */
    uint32_t key;    /* offset of "lower\0lemma\0" in the cache's chars */
    uint32_t lower, lemma;
    uint8_t flags;   /* the token flags that change the answer */
    uint8_t ncands;
    uint32_t cands[TOKEN_CANDS];
} token_ids;

struct bede_worker {
    const bede_coder *c;
    bede_doc *doc;
    bede_trace_fn trace;
    void *trace_user;
    char_vec pool; /* composed codes, head words; reset per story */
    struct { mention *v; size_t n, cap; } mentions;
    struct { actor *v; size_t n, cap; } actors;
    struct { np_actors *v; size_t n, cap; } nps; /* per phrase of sentence */
    struct { seen_actor *v; size_t n, cap; } seen;
    /* acts of the sentence that named no target ("Iran seized an oil
     * tanker"), for a later "the seizure" */
    struct { seen_actor *v; size_t n, cap; } untargeted;
    actor pair[2];  /* the last two actors named together ("India and
                       Pakistan"), for "the two countries" later */
    int has_pair;
    actor group[4]; /* the last three or four named together ("Britain,
                       France and Germany"), for "the three countries" */
    int ngroup;
    struct { cand *v; size_t n, cap; } cands;
    struct { cand *v; size_t n, cap; } story_events; /* one-a-day */
    /* per sentence token: 1 read by an earlier verb (no verb or noun event
     * here), TOPIC after a verb that made an event (no noun event here),
     * VERB_WORD a later word of a verb's own phrase ("called off") */
    struct { uint8_t *v; size_t n, cap; } covered;
    /* per sentence token: left out as a comma-delimited phrase */
    struct { uint8_t *v; size_t n, cap; } dropped;
    struct { uint32_t *v; size_t n, cap; } words_before;
    /* per sentence token read by a verb's pattern: that verb's actors;
     * per verb token: the actors of its event (for BEDE_CODE_ALL) */
    struct { governed *v; size_t n, cap; } governor, made;
    size_t sentence_cands; /* the first candidate of the sentence */
    int32_t days;          /* the sentence's time shift (opts.time_shift) */
    /* word ids of each doc token (lower-case form, lemma) and the sorted
     * ids present in the sentence, for fast matching */
    struct { uint32_t *v; size_t n, cap; } ids_lower, ids_lemma, present,
        cand_first, stems;
    dict_token_ids ids;
    /* per synonym-set entry: the sentence number when it was last found
     * possible/impossible in the sentence (memo of synset_possible) */
    struct { uint32_t *v; size_t n, cap; } syn_yes, syn_no;
    uint32_t sentence_no;
    uint32_t neg_lo; /* first token of the verb group being coded */
    token_ids *cache;   /* TOKEN_CACHE entries, direct-mapped by hash */
    char_vec cache_chars; /* their keys */
    struct { uint32_t *v; size_t n, cap; } scratch_cands;
    bool void_sentence; /* a TABARI "###" code was met: no events here */
    int32_t cur_clause; /* the clause of the verb being coded */
    bool cur_reads_back; /* its pattern read the verb governing it */
    char means_code[16]; /* the code of a weapon its subject is described
                            as using ("aircraft using precision guided
                            missiles killed ..."), for its clause */
    int32_t means_clause;
    char force_code[16];  /* the code of a verb of force that found no
                             target ("shelled a camp near El Fasher"), its
                             clause and its source's code, for a
                             participle of killing after it */
    int32_t force_clause;
    uint32_t force_src;
    bool cur_other_self; /* its target is another of the source's code
                            ("students ... demand that the university") */
    struct { int32_t *v; size_t n, cap; } np_start, pp_prep;
    int32_t date;
    uint32_t context; /* pool offset of the dateline country code, or NONE */
    /* the sentence being coded */
    const bede_sentence *s;
    const bede_token *toks; /* of the sentence */
    const bede_phrase *ph;
    const bede_clause *cl;
};

/* ------------------------------------------------------------ options */

void bede_coder_default_options(bede_coder_options *opts) {
    memset(opts, 0, sizeof *opts);
    opts->nominal = 1;
    opts->coreference = 1;
    opts->require_target = 2;
    opts->intents = 1;
    opts->negation = 1;
    opts->agents_alone = 1;
    opts->default_source_prior = 1;
    opts->default_target_after = 1;
    opts->code_by = BEDE_CODE_EACH;
    /* TABARI's comma lengths, used when comma_phrases is set */
    opts->comma_min = 2;
    opts->comma_max = 10;
    opts->comma_first_min = 128;
    opts->comma_first_max = 0;
    opts->comma_last_min = 2;
    opts->comma_last_max = 10;
}

bede_coder *bede_coder_new(const bede_dict *dict,
                           const bede_coder_options *opts, bede_error *err) {
    if (!dict) {
        bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "no dictionary");
        return NULL;
    }
    bede_coder *c = calloc(1, sizeof *c);
    if (!c) {
        bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
        return NULL;
    }
    c->dict = dict;
    if (opts)
        c->opts = *opts;
    else
        bede_coder_default_options(&c->opts);
    /* BEDE_CODE_ALL: a statement whose content is coded keeps its own */
    if (c->opts.code_by == BEDE_CODE_ALL) c->opts.statements = 1;
    if (dict_stems_init(dict, &c->stems) != 0) {
        bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
        free(c);
        return NULL;
    }
    c->an = bede_analyzer_new(NULL, err);
    if (!c->an) {
        dict_stems_free(&c->stems);
        free(c);
        return NULL;
    }
    return c;
}

void bede_coder_free(bede_coder *c) {
    if (!c) return;
    bede_analyzer_free(c->an);
    dict_stems_free(&c->stems);
    free(c);
}

const bede_dict *bede_coder_dict(const bede_coder *c) {
    return c ? c->dict : NULL;
}

bede_worker *bede_worker_new(const bede_coder *c, bede_error *err) {
    bede_worker *w = calloc(1, sizeof *w);
    if (!w || !c || !(w->doc = bede_doc_new())) {
        free(w);
        bede_fail(err, c ? BEDE_ERR_NOMEM : BEDE_ERR_ARG, NULL, 0, 0, 0,
                  c ? "out of memory" : "no coder");
        return NULL;
    }
    w->c = c;
    return w;
}

void bede_worker_free(bede_worker *w) {
    if (!w) return;
    bede_doc_free(w->doc);
    free(w->pool.v);
    free(w->mentions.v);
    free(w->actors.v);
    free(w->nps.v);
    free(w->seen.v);
    free(w->untargeted.v);
    free(w->cands.v);
    free(w->story_events.v);
    free(w->covered.v);
    free(w->dropped.v);
    free(w->words_before.v);
    free(w->governor.v);
    free(w->made.v);
    free(w->ids_lower.v);
    free(w->ids_lemma.v);
    free(w->present.v);
    free(w->cand_first.v);
    free(w->stems.v);
    free(w->syn_yes.v);
    free(w->syn_no.v);
    free(w->np_start.v);
    free(w->pp_prep.v);
    free(w->cache);
    free(w->cache_chars.v);
    free(w->scratch_cands.v);
    free(w);
}

void bede_worker_trace(bede_worker *w, bede_trace_fn fn, void *user) {
    if (!w) return;
    w->trace = fn;
    w->trace_user = user;
}

const bede_doc *bede_worker_doc(const bede_worker *w) {
    return w ? w->doc : NULL;
}

/* ------------------------------------------------------------ helpers */

static void tracef(bede_worker *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void tracef(bede_worker *w, const char *fmt, ...) {
    if (!w->trace) return;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    w->trace(buf, w->trace_user);
}

static const char *pstr(const bede_worker *w, uint32_t off) {
    return off == NONE ? NULL : w->pool.v + off;
}

static const char *dstr(const bede_worker *w, uint32_t id) {
    return dict_str(w->c->dict, id);
}

/* Lower-case text of sentence token i. */
static const char *tlower(const bede_worker *w, uint32_t i) {
    return bede_doc_string(w->doc, w->toks[i].lower);
}
static const char *tlemma(const bede_worker *w, uint32_t i) {
    return bede_doc_string(w->doc, w->toks[i].lemma);
}

/* The text of sentence tokens [a, b) for the trace. */
static const char *span_text(const bede_worker *w, uint32_t a, uint32_t b,
                             char *buf, size_t cap) {
    const char *text = bede_doc_text(w->doc);
    if (a >= b) return "";
    uint32_t s = w->toks[a].span.start, e = w->toks[b - 1].span.end;
    size_t n = e - s < cap - 1 ? e - s : cap - 1;
    memcpy(buf, text + s, n);
    buf[n] = 0;
    return buf;
}

static bool is_state(const char *code) {
    /* three letters, all upper case: a state (or a bare region code) */
    return strlen(code) == 3 && code[0] >= 'A' && code[0] <= 'Z';
}

/* Is one code the other or the other's state ("JPNGOV" and "JPN": Tokyo
 * named in a Japanese official's words is Japan's government itself)? */
static bool same_actor(const char *a, const char *b) {
    size_t na = strlen(a), nb = strlen(b);
    if (na == nb) return strcmp(a, b) == 0;
    const char *lng = na > nb ? a : b, *shrt = na > nb ? b : a;
    return strlen(shrt) == 3 && strncmp(lng, shrt, 3) == 0 &&
           strcmp(lng + 3, "GOV") == 0;
}

static bool is_verb_tag(int tag) {
    return tag == BEDE_TAG_VB || tag == BEDE_TAG_VBD || tag == BEDE_TAG_VBG ||
           tag == BEDE_TAG_VBN || tag == BEDE_TAG_VBP || tag == BEDE_TAG_VBZ;
}
static bool is_noun_tag(int tag) {
    return tag == BEDE_TAG_NN || tag == BEDE_TAG_NNS || tag == BEDE_TAG_NNP ||
           tag == BEDE_TAG_NNPS;
}

/* ------------------------------------------------------------ mentions */

/* The applying code string of a dictionary match, or NULL. */
static const char *match_code(const bede_dict *d, uint32_t ge, int32_t ci) {
    const dict_entry *e = &d->entries.v[ge];
    if (ci < 0 || (uint32_t)ci >= e->ncodes) return NULL;
    return dict_str(d, d->codes.v[e->first_code + (uint32_t)ci].code);
}

static uint32_t global_entry(const bede_dict *d, int kind, uint32_t local) {
    return d->bykind[kind].v[local];
}

/* bede_dict_match_at over the sentence's precomputed word ids. */
static int match(const bede_worker *w, int kind, uint32_t at, uint32_t end,
                 bede_dict_match *out, size_t cap) {
    return dict_match_ids(w->c->dict, kind, w->doc, &w->ids, at, end,
                          w->date, out, cap);
}


static uint64_t fnv(const char *s, uint64_t h) {
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 0x100000001b3ULL;
    return h;
}

/* Looks up a token's ids through a per-worker cache (words repeat: most of
 * a story's tokens have been seen before): *lower, *lemma and the run of
 * *ncands tagged ids at *cands (valid until the next call). Returns 0 or
 * BEDE_ERR_NOMEM. */
static int lookup_token(bede_worker *w, const char *lo, const char *le,
                        int kind, uint8_t tflags, uint32_t *lower,
                        uint32_t *lemma, const uint32_t **cands,
                        size_t *ncands) {
    const bede_dict *d = w->c->dict;
    uint8_t flags = (uint8_t)((tflags & BEDE_TOKF_CAPITALIZED) |
                              (kind == BEDE_TOKEN_WORD ? 0x80 : 0));
    uint64_t h = fnv(le, fnv(lo, 0xcbf29ce484222325ULL) * 31) ^ flags;
    if (!h) h = 1;
    if (!w->cache) {
        w->cache = calloc(TOKEN_CACHE, sizeof *w->cache);
        if (!w->cache) return BEDE_ERR_NOMEM;
    }
    token_ids *e = &w->cache[h & (TOKEN_CACHE - 1)];
    if (e->hash == h && e->flags == flags) {
        const char *k = w->cache_chars.v + e->key;
        if (!strcmp(k, lo) && !strcmp(k + strlen(k) + 1, le)) {
            *lower = e->lower;
            *lemma = e->lemma;
            *cands = e->cands;
            *ncands = e->ncands;
            return 0;
        }
    }
    uint32_t a = dict_find(d, lo, strlen(lo));
    uint32_t b = le == lo || !strcmp(le, lo) ? a : dict_find(d, le, strlen(le));
    const char *hy = strchr(lo, '-');
    uint32_t before_hyphen = NONE;
    if (hy && hy > lo && (tflags & BEDE_TOKF_CAPITALIZED)) {
        /* "Marshall Islands-flagged", "U.S.-made", "Rwanda-backed": a
         * name before a hyphen matches as the name; a word of the
         * dictionary itself ("Saudi-led" of "Saudi-led coalition") also
         * matches as the name when it ends in a participle ("Saudi-led
         * airstrikes") */
        size_t ll0 = strlen(lo);
        uint32_t name = dict_find(d, lo, (size_t)(hy - lo));
        if (a == NONE && b == NONE)
            a = b = name;
        else if (name != NONE && ll0 > 3 && !strcmp(lo + ll0 - 2, "ed") &&
                 !strchr(hy + 1, '-'))
            before_hyphen = name;
    }
    if (vec_reserve((void **)&w->scratch_cands.v, &w->scratch_cands.cap, 64,
                    sizeof(uint32_t)))
        return BEDE_ERR_NOMEM;
    size_t nc = kind == BEDE_TOKEN_WORD
                    ? dict_token_cands_in(d, lo, le, &w->c->stems,
                                          w->scratch_cands.v, 63)
                    : 0;
    if (before_hyphen != NONE) w->scratch_cands.v[nc++] = before_hyphen;
    *lower = a;
    *lemma = b;
    *cands = w->scratch_cands.v;
    *ncands = nc;
    if (nc > TOKEN_CANDS) return 0; /* too many to keep */
    size_t ll = strlen(lo), el = strlen(le);
    if (w->cache_chars.n + ll + el + 2 > TOKEN_CACHE_CHARS) {
        memset(w->cache, 0, TOKEN_CACHE * sizeof *w->cache); /* start over */
        w->cache_chars.n = 0;
    }
    if (vec_reserve((void **)&w->cache_chars.v, &w->cache_chars.cap,
                    w->cache_chars.n + ll + el + 2, 1))
        return BEDE_ERR_NOMEM;
    e->hash = h;
    e->flags = flags;
    e->key = (uint32_t)w->cache_chars.n;
    e->lower = a;
    e->lemma = b;
    e->ncands = (uint8_t)nc;
    memcpy(e->cands, w->scratch_cands.v, nc * sizeof(uint32_t));
    memcpy(w->cache_chars.v + w->cache_chars.n, lo, ll + 1);
    memcpy(w->cache_chars.v + w->cache_chars.n + ll + 1, le, el + 1);
    w->cache_chars.n += ll + el + 2;
    return 0;
}

/* The set of word ids in the sentence (w->present) is an open-addressing
 * table, a power of two at least four times the tokens' count: the
 * patterns of every verb ask it whether their words occur. */
static size_t present_slots(uint32_t tokens) {
    size_t n = 64;
    while (n < 4 * (size_t)tokens + 4) n *= 2;
    return n;
}

static size_t present_hash(uint32_t id) {
    return (size_t)((id * 0x9E3779B97F4A7C15ull) >> 32);
}

static void present_add(bede_worker *w, uint32_t id) {
    if (id == NONE) return;
    size_t mask = w->present.n - 1, j = present_hash(id) & mask;
    while (w->present.v[j] != NONE && w->present.v[j] != id)
        j = (j + 1) & mask;
    w->present.v[j] = id;
}

/* Looks up the word ids of the sentence's tokens once. */
static int sentence_ids(bede_worker *w) {
    size_t ntok = bede_doc_token_count(w->doc);
    if (vec_reserve((void **)&w->ids_lower.v, &w->ids_lower.cap, ntok + 1,
                    sizeof(uint32_t)) ||
        vec_reserve((void **)&w->ids_lemma.v, &w->ids_lemma.cap, ntok + 1,
                    sizeof(uint32_t)) ||
        vec_reserve((void **)&w->present.v, &w->present.cap,
                    present_slots(w->s->token_count), sizeof(uint32_t)) ||
        vec_reserve((void **)&w->cand_first.v, &w->cand_first.cap, ntok + 2,
                    sizeof(uint32_t)))
        return BEDE_ERR_NOMEM;
    uint32_t base = w->s->first_token;
    w->present.n = present_slots(w->s->token_count);
    memset(w->present.v, 0xff, w->present.n * sizeof(uint32_t)); /* NONE */
    w->stems.n = 0;
    w->sentence_no++; /* invalidates the synonym-set memo */
    for (uint32_t i = 0; i < w->s->token_count; i++) {
        const char *lo = tlower(w, i), *le = tlemma(w, i);
        uint32_t a, b;
        const uint32_t *cands;
        size_t nc;
        if (lookup_token(w, lo, le, w->toks[i].kind, w->toks[i].flags, &a, &b,
                         &cands, &nc))
            return BEDE_ERR_NOMEM;
        w->ids_lower.v[base + i] = a;
        w->ids_lemma.v[base + i] = b;
        present_add(w, a);
        present_add(w, b);
        if (vec_reserve((void **)&w->stems.v, &w->stems.cap,
                        w->stems.n + nc + 1, sizeof(uint32_t)))
            return BEDE_ERR_NOMEM;
        w->cand_first.v[base + i] = (uint32_t)w->stems.n;
        memcpy(w->stems.v + w->stems.n, cands, nc * sizeof *cands);
        w->stems.n += nc;
    }
    w->cand_first.v[base + w->s->token_count] = (uint32_t)w->stems.n;
    w->ids.lower = w->ids_lower.v;
    w->ids.lemma = w->ids_lemma.v;
    w->ids.cand_first = w->cand_first.v;
    w->ids.cands = w->stems.v;
    return 0;
}

static bool present(const bede_worker *w, uint32_t id) {
    size_t mask = w->present.n - 1;
    for (size_t j = present_hash(id) & mask; w->present.v[j] != NONE;
         j = (j + 1) & mask)
        if (w->present.v[j] == id) return true;
    return false;
}

/* Can some phrase of synonym set `entry` occur in the sentence (its first
 * word, when exact, does)? Memoised per sentence. */
static bool synset_possible(bede_worker *w, uint32_t entry) {
    const bede_dict *d = w->c->dict;
    if (entry < w->syn_yes.n && w->syn_yes.v[entry] == w->sentence_no)
        return true;
    if (entry < w->syn_no.n && w->syn_no.v[entry] == w->sentence_no)
        return false;
    const dict_entry *e = &d->entries.v[entry];
    bool ok = false;
    for (uint32_t k = 0; k < e->nphrases && !ok; k++) {
        const dict_phrase *ph = &d->phrases.v[e->first_phrase + k];
        const dict_word *wd = &d->words.v[ph->first_word];
        ok = ph->nwords == 0 || (wd->mode & 3) != WORD_EXACT ||
             present(w, wd->word);
    }
    size_t n = d->entries.n;
    if (w->syn_yes.n < n) {
        if (vec_reserve((void **)&w->syn_yes.v, &w->syn_yes.cap, n,
                        sizeof(uint32_t)) ||
            vec_reserve((void **)&w->syn_no.v, &w->syn_no.cap, n,
                        sizeof(uint32_t)))
            return true; /* no memo: assume possible */
        memset(w->syn_yes.v, 0, n * sizeof(uint32_t));
        memset(w->syn_no.v, 0, n * sizeof(uint32_t));
        w->syn_yes.n = w->syn_no.n = n;
    }
    (ok ? w->syn_yes.v : w->syn_no.v)[entry] = w->sentence_no;
    return ok;
}

/* Can pattern pat match this sentence at all? Every word and synonym set
 * outside alternatives must occur in it. */
static bool pattern_possible(bede_worker *w, const dict_pattern *pat) {
    const dict_elem *el = &w->c->dict->elems.v[pat->first_elem];
    int depth = 0;
    for (uint32_t k = 0; k < pat->nelems; k++) {
        if (el[k].type == PAT_ALT_OPEN) depth++;
        if (el[k].type == PAT_ALT_CLOSE) depth--;
        if (depth != 0) continue;
        if (el[k].type == PAT_WORD && (el[k].mode & 3) == 0 &&
            !present(w, el[k].value))
            return false;
        if (el[k].type == PAT_SYNSET && !synset_possible(w, el[k].value))
            return false;
    }
    return true;
}

/* Longest actor or agent match at doc token `at` (< end). */
static bool find_mention(bede_worker *w, uint32_t at, uint32_t end,
                         mention *out) {
    const bede_dict *d = w->c->dict;
    bede_dict_match ma[MAX_MATCHES], mg[MAX_MATCHES];
    int na = match(w, BEDE_DICT_ACTORS, at, end, ma, MAX_MATCHES);
    int ng = match(w, BEDE_DICT_AGENTS, at, end, mg, MAX_MATCHES);
    if (na <= 0 && ng <= 0) return false;
    bool use_agent = ng > 0 && (na <= 0 || mg[0].last > ma[0].last);
    const bede_dict_match *m = use_agent ? &mg[0] : &ma[0];
    int kind = use_agent ? BEDE_DICT_AGENTS : BEDE_DICT_ACTORS;
    out->first = m->first;
    out->last = m->last;
    out->agent = use_agent;
    out->entry = global_entry(d, kind, m->entry);
    out->code = m->code;
    const char *code = match_code(d, out->entry, m->code);
    out->blocked = !code || code[0] == '-' || code[0] == '@' ||
                   strcmp(code, "###") == 0 || strcmp(code, "+++") == 0;
    if (code && (!strcmp(code, "###") || !strcmp(code, "@DISCARD")))
        w->void_sentence = true; /* TABARI: discard the sentence */
    return true;
}

/* ("Pakistan-based militants", "a London-based newspaper" are of the
 * place they are based in: not listed) */
static const char *const MADE_IN[] = {
    "made",     "built",   "designed", "produced", "supplied",
    "manufactured", "style", "born",   "backed",
    "sponsored", "funded", "supported", "aligned", "armed",
    "trained",  NULL};

static int collect_mentions(bede_worker *w) {
    w->mentions.n = 0;
    uint32_t base = w->s->first_token, end = base + w->s->token_count;
    for (uint32_t i = base; i < end;) {
        mention m;
        if (w->dropped.v[i - base] || !find_mention(w, i, end, &m)) {
            i++;
            continue;
        }
        /* "emir Tamim bin Hamad Al Thani": a name that starts inside the
         * match and reaches further is the better reading ("Tamim bin
         * Hamad Al Thani" over "Emir Tamim"); the words before it are
         * read alone (only when a proper noun follows the match, the
         * least such a name must reach over) */
        bool name_follows = m.last < end &&
                            w->toks[m.last - base].tag == BEDE_TAG_NNP;
        for (uint32_t k = m.first + 1; name_follows && !m.agent && k < m.last;
             k++) {
            mention m2;
            if (w->dropped.v[k - base] || !find_mention(w, k, end, &m2) ||
                m2.agent || m2.last <= m.last)
                continue;
            bool names = true; /* what it reaches further is a name */
            for (uint32_t t = m.last; t < m2.last; t++)
                if (w->toks[t - base].tag != BEDE_TAG_NNP) names = false;
            if (!names) continue;
            if (!find_mention(w, i, k, &m)) m = m2;
            break;
        }
        /* "U.S.-made missiles", "Iranian-built drones": where a thing
         * was made, not who acts; "Iran-backed militias": who backs a
         * group is not the group */
        const char *lw = tlower(w, m.last - 1 - base);
        const char *dash = strrchr(lw, '-');
        if (dash && str_in_list(MADE_IN, dash + 1)) m.blocked = 1;
        m.prefixed = 0;
        if (m.first > base) {
            const char *prev = tlower(w, m.first - 1 - base);
            m.prefixed = !strcmp(prev, "anti-") ? 1 : !strcmp(prev, "pro-") ? 2 : 0;
        }
        if (VEC_PUSH(w->mentions, m)) return BEDE_ERR_NOMEM;
        if (w->trace) {
            char buf[256];
            const bede_dict *d = w->c->dict;
            const dict_entry *e = &d->entries.v[m.entry];
            const char *code = match_code(d, m.entry, m.code);
            tracef(w, "  %s \"%s\" = %s  (%s:%u)%s",
                   m.agent ? "agent" : "actor",
                   span_text(w, m.first - base, m.last - base, buf,
                             sizeof buf),
                   code ? code : "(no code on this date)",
                   dict_str(d, e->file), e->line,
                   m.blocked ? "  not an actor" : "");
        }
        i = m.last;
    }
    return 0;
}

/* ------------------------------------------------------------ NP actors */

static uint32_t pool_code(bede_worker *w, const char *s, size_t n) {
    return pool_add(&w->pool, s, n);
}

/* Joins an agent code (~COP, NGO~, COP) to an actor code. */
static uint32_t compose(bede_worker *w, const char *actor_code,
                        const char *agent) {
    char buf[128];
    size_t an = strlen(agent);
    if (an && agent[0] == '~')
        snprintf(buf, sizeof buf, "%s%s", actor_code, agent + 1);
    else if (an && agent[an - 1] == '~')
        snprintf(buf, sizeof buf, "%.*s%s", (int)(an - 1), agent,
                 actor_code);
    else
        snprintf(buf, sizeof buf, "%s%s", actor_code, agent);
    return pool_code(w, buf, strlen(buf));
}

/* Agent code without its `~`: "~COP" -> "COP". */
static uint32_t bare_agent(bede_worker *w, const char *agent) {
    size_t n = strlen(agent);
    if (n && agent[0] == '~') return pool_code(w, agent + 1, n - 1);
    if (n && agent[n - 1] == '~') return pool_code(w, agent, n - 1);
    return pool_code(w, agent, n);
}

static int push_actor(bede_worker *w, const actor *a) {
    return VEC_PUSH(w->actors, *a);
}

static void resolve_np(bede_worker *w, uint32_t p);
static int32_t clause_subject(bede_worker *w, int32_t c);
static const np_actors *np_of(bede_worker *w, int32_t p);
static int32_t actor_np_at(bede_worker *w, uint32_t i);

/* Mentions starting inside sentence tokens [a, b). */
static void mentions_in(bede_worker *w, uint32_t a, uint32_t b,
                        const mention **act, size_t *nact,
                        const mention **agent) {
    uint32_t base = w->s->first_token;
    for (size_t i = 0; i < w->mentions.n; i++) {
        const mention *m = &w->mentions.v[i];
        if (m->first < base + a || m->first >= base + b || m->blocked ||
            m->prefixed == 2)
            continue;
        if (m->agent) {
            *agent = m; /* the last agent is the head's */
        } else if (*nact < MAX_ACTORS) {
            act[(*nact)++] = m;
        }
    }
}

/* Heads of a description that refers to the last state named. */
static const char *const PLACE_HEADS[] = {"country", "nation", "city",
                                          "capital", "kingdom", "republic",
                                          "island", NULL};

/* Heads of a description that refers to a group named earlier. */
static const char *const GROUP_HEADS[] = {
    "group", "militia", "movement", "organisation", "organization",
    "faction", "insurgents", NULL};

/* When NP p is a clause's subject and no state is named before it in its
 * sentence: the state of the story's last subject that named one, into
 * out[4]. */
static bool subject_of_story(bede_worker *w, uint32_t p, char out[4]) {
    bool subject = false;
    for (uint32_t c = 0; c < w->s->clause_count && !subject; c++)
        subject = w->cl[c].subject == (int32_t)p;
    if (!subject) return false;
    uint32_t base = w->s->first_token;
    for (size_t i = 0; i < w->mentions.n; i++) {
        const mention *m = &w->mentions.v[i];
        if (m->agent || m->blocked || m->first >= base + w->ph[p].first)
            continue;
        char st[4];
        const char *c = match_code(w->c->dict, m->entry, m->code);
        if (!c) continue;
        snprintf(st, sizeof st, "%.3s", c);
        if (is_state(st)) return false;
    }
    for (size_t i = w->seen.n; i-- > 0;) {
        const seen_actor *sa = &w->seen.v[i];
        if (sa->root[0] || !sa->subject) continue;
        snprintf(out, 4, "%.3s", pstr(w, sa->a.code));
        if (is_state(out)) return true;
    }
    return false;
}

static const char *const SAY_LEMMAS[] = {
    "say", "tell", "state", "add", "announce", "claim", "report", "insist",
    "stress", "warn", "note", "declare", "write", "confirm", NULL};

/* The state of whoever says clause c (c is what a verb of saying
 * reports, and its speaker names a state), into out[4]. */
static bool speaker_state(bede_worker *w, int32_t c, char out[4]) {
    for (int depth = 0; c >= 0 && depth < 16; depth++, c = w->cl[c].parent) {
        if (w->cl[c].kind != BEDE_CLAUSE_COMPLEMENT) continue;
        int32_t pc = w->cl[c].parent;
        if (pc < 0 || w->cl[pc].verb < 0 ||
            !str_in_list(SAY_LEMMAS, tlemma(w, w->ph[w->cl[pc].verb].head)))
            return false;
        int32_t sp = clause_subject(w, pc);
        const np_actors *r = sp >= 0 ? np_of(w, sp) : NULL;
        if (!r || r->n != 1) return false;
        snprintf(out, 4, "%.3s", pstr(w, w->actors.v[r->first].code));
        return is_state(out);
    }
    return false;
}

/* The person named earlier in the story whose name ends in surname
 * ("al-Hayya" too for "Hayya"), or NULL. */
static const seen_actor *by_surname(const bede_worker *w,
                                    const char *surname) {
    const bede_token *toks = bede_doc_tokens(w->doc);
    size_t sl = strlen(surname);
    for (size_t i = w->seen.n; i-- > 0;) {
        const seen_actor *sa = &w->seen.v[i];
        if (sa->root[0] || sa->a.last < sa->a.first + 2) continue;
        const char *last = bede_doc_string(w->doc, toks[sa->a.last - 1].lower);
        size_t ll = strlen(last);
        if (!strcmp(last, surname) ||
            (ll > sl && last[ll - sl - 1] == '-' &&
             !strcmp(last + ll - sl, surname)))
            return sa;
    }
    return NULL;
}

/* Nouns of the person who leads what their "of" phrase names. */
static const char *const HEAD_NOUNS[] = {
    "head", "chief", "director", "director-general", "boss", "chairman",
    "chairwoman", "chair", NULL};

/* Heads of a description that refers to an international organisation
 * named earlier. */
static const char *const IGO_HEADS[] = {
    "agency", "organisation", "organization", "watchdog", "body", "bloc",
    "alliance", "tribunal", NULL};

/* Is code a group outside a state's institutions: an armed group,
 * insurgents, an opposition or a transnational movement? */
static bool non_state_group(const char *code) {
    return !strncmp(code, "IMG", 3) || strstr(code + 3, "REB") ||
           strstr(code + 3, "INS") || strstr(code + 3, "SEP") ||
           strstr(code + 3, "UAF") || strstr(code + 3, "OPP");
}

/* A seen actor for a pronoun or a description, or NULL. */
static const seen_actor *corefer(const bede_worker *w, const char *head,
                                 const char *agent, const char *root,
                                 int pronoun) {
    /* "the minister" after "Foreign Minister Qin Gang ... Secretary of
     * State Antony Blinken": the role named by that very word first;
     * "the strikes" after an attack: the attack's source */
    for (size_t i = w->seen.n; head && !pronoun && i-- > 0;) {
        const seen_actor *s = &w->seen.v[i];
        if (s->title != NONE && strcmp(pstr(w, s->title), head) == 0)
            return s;
        if (root && s->root[0] &&
            (!strcmp(s->root, root) ||
             (!strcmp(root, "**") && strcmp(s->root, "13") >= 0)))
            return s;
    }
    for (size_t i = w->seen.n; i-- > 0;) {
        const seen_actor *s = &w->seen.v[i];
        if (s->root[0]) continue; /* an event's source, not a mention */
        if (pronoun) {
            /* "he" and "she" are people, not a state or an organisation
             * named alone ("called on Syria to help ... He also said") */
            if (s->subject &&
                !(pronoun == 2 && strlen(pstr(w, s->a.code)) == 3))
                return s;
            continue;
        }
        if (head && s->head != NONE && strcmp(pstr(w, s->head), head) == 0)
            return s;
        /* "the group" after "Houthi forces": the last armed or
         * non-state group */
        if (head && str_in_list(GROUP_HEADS, head) &&
            non_state_group(pstr(w, s->a.code)))
            return s;
        /* "the agency" after "the U.N. nuclear watchdog": the last
         * international organisation */
        if (head && str_in_list(IGO_HEADS, head) &&
            !strncmp(pstr(w, s->a.code), "IGO", 3))
            return s;
        if (agent && s->agent != NONE && strcmp(pstr(w, s->agent), agent) == 0)
            return s;
    }
    for (size_t i = w->seen.n; pronoun && i-- > 0;)
        if (!w->seen.v[i].root[0] &&
            !(pronoun == 2 && strlen(pstr(w, w->seen.v[i].a.code)) == 3))
            return &w->seen.v[i];
    return NULL;
}

static const char *const POSSESSIVES[] = {"its", "their", "his", "her",
                                           "our", NULL};

/* Heads of NPs that count what their "of" phrase names. */
static const char *const QUANTITIES[] = {
    "tens",   "hundreds", "thousands", "millions", "dozens", "scores",
    "dozen",  "hundred",  "thousand",  "million",  "some",   "many",
    "most",   "all",      "several",   "few",      "number", "group",
    "groups", "members",  "part",      "majority", NULL};

static const char *const PERSONAL_PRONOUNS[] = {
    "he", "she", "it", "they", "him", "her", "them", "we", "us", NULL};

/* The agent code mention g gives an actor mention m (either may be NULL):
 * "former" right before the agent or the actor's name makes the agent an
 * elite ("former security officials", "former Gondor prosecutors"): ELI,
 * placed where the agent's `~` puts it (TABARI manual 5.4.1, CAMEO). */
static const char *agent_code_for(const bede_worker *w, const mention *g,
                                  const mention *m) {
    if (!g) return NULL;
    const char *code = match_code(w->c->dict, g->entry, g->code);
    if (!code || !*code) return code;
    uint32_t base = w->s->first_token;
    bool former = false;
    if (g->first > base && !strcmp(tlower(w, g->first - base - 1), "former"))
        former = true;
    if (m && m->first > base &&
        !strcmp(tlower(w, m->first - base - 1), "former"))
        former = true;
    if (!former) return code;
    size_t n = strlen(code);
    return code[0] == '~' ? "~ELI" : code[n - 1] == '~' ? "ELI~" : "ELI";
}

/* Does an elite agent join actor code `code` of dictionary entry `entry`?
 * A bare state always takes an agent; a code with its own role takes
 * ELI too ("former officials in the White House": USAGOVELI) unless it
 * already is an elite or names a person whose code the date decides
 * ("former President Bolsonaro" keeps his office of the day). */
static bool elite_joins(const char *code, bool dated, const char *agent) {
    if (is_state(code)) return true;
    if (!agent || (strcmp(agent, "~ELI") && strcmp(agent, "ELI~") &&
                   strcmp(agent, "ELI")))
        return false;
    size_t n = strlen(code);
    if (n < 3 || n > 60) return false;
    for (size_t q = 3; q + 3 <= n; q += 3)
        if (!strncmp(code + q, "ELI", 3)) return false;
    return !dated;
}

/* TABARI's place for an agent (opts.tabari_agents): right before or
 * after actor mention m ("Israeli president", "President Peres",
 * "Israel 's president") or right after its "of" or "in" ("president of
 * Israel"). */
static bool agent_next_to(const bede_worker *w, const mention *g,
                          const mention *m) {
    uint32_t base = w->s->first_token;
    uint32_t gf = g->first; /* "Arnor former security officials" */
    if (gf > base && !strcmp(tlower(w, gf - 1 - base), "former")) gf--;
    if (gf == m->last || g->first == m->last || g->last == m->first)
        return true;
    if (gf == m->last + 1 && !strcmp(tlower(w, m->last - base), "'s"))
        return true;
    if (g->last + 1 == m->first) {
        const char *p = tlower(w, g->last - base);
        return !strcmp(p, "of") || !strcmp(p, "in");
    }
    return false;
}

/* Pushes the actors of the codes of mention m (several for "PRK/KOR"),
 * joined with agent g (may be NULL) when the code is a bare state; the
 * actors span doc tokens [first, last). */
static void push_mention(bede_worker *w, const mention *m, const mention *g,
                         uint32_t first, uint32_t last, uint32_t limit) {
    const bede_dict *d = w->c->dict;
    const dict_entry *e = &d->entries.v[m->entry];
    const char *code = match_code(d, m->entry, m->code);
    const char *agent_code =
        !w->c->opts.tabari_agents || (g && agent_next_to(w, g, m))
            ? agent_code_for(w, g, m)
            : NULL;
    bool dated = false;
    for (uint32_t k = 0; k < e->ncodes; k++)
        if (d->codes.v[e->first_code + k].dated) dated = true;
    for (const char *c = code; c && *c;) {
        const char *slash = strchr(c, '/');
        size_t n = slash ? (size_t)(slash - c) : strlen(c);
        char one[64];
        snprintf(one, sizeof one, "%.*s", (int)n, c);
        actor a;
        memset(&a, 0, sizeof a);
        a.first = first;
        a.last = last;
        a.how = BEDE_ACTOR_PHRASE;
        a.file = e->file;
        a.line = e->line;
        a.agent_file = NONE;
        a.dated = dated;
        if (agent_code && elite_joins(one, dated, agent_code)) {
            a.code = compose(w, one, agent_code);
            a.plain = pool_code(w, one, strlen(one)) + 1;
            const dict_entry *ge = &d->entries.v[g->entry];
            a.agent_file = ge->file;
            a.agent_line = ge->line;
        } else {
            a.code = pool_code(w, one, strlen(one));
        }
        if (w->actors.n < limit) push_actor(w, &a);
        c = slash ? slash + 1 : NULL;
    }
}

/* Of several actors named in one NP ("Bree Prime Minister Romendacil"), the
 * one that names the role (a code with an agent) else the last. */
static const mention *main_mention(bede_worker *w, const mention **act,
                                   size_t n) {
    const mention *best = act[n - 1];
    for (size_t i = 0; i < n; i++) {
        const char *c = match_code(w->c->dict, act[i]->entry, act[i]->code);
        if (c && strlen(c) > 3 && !strchr(c, '/')) best = act[i];
    }
    return best;
}

/* The NP inside a PP right after NP p whose preposition places or owns it
 * ("the ambassadors of Arnor", "lawmakers in Fornost", "soldiers from
 * Gondor"), or -1. */
static int32_t owner_pp_np(const bede_worker *w, uint32_t p) {
    const bede_phrase *ph = &w->ph[p];
    for (uint32_t q = p + 1; q + 1 < w->s->phrase_count; q++) {
        const bede_phrase *o = &w->ph[q];
        if (o->first > ph->last) break;
        if (o->kind != BEDE_PHRASE_PP || o->first != ph->last) continue;
        const char *prep = tlower(w, o->first);
        if (strcmp(prep, "of") && strcmp(prep, "in") && strcmp(prep, "from"))
            return -1;
        const bede_phrase *np = &w->ph[q + 1];
        if (np->kind == BEDE_PHRASE_NP && np->first == o->first + 1)
            return (int32_t)(q + 1);
        return -1;
    }
    return -1;
}

static const char *const ALLEGING[] = {"accuse", "suspect", "charge",
                                       "allege", "blame", "indict", NULL};

/* Verbs that punish someone for a deed ("convicted of", "executed for"). */
static const char *const PUNISHING[] = {
    "convict", "sentence", "jail",   "imprison", "execute",
    "hang",    "arrest",   "detain", "punish",   NULL};

/* Is clause c what someone is accused of (or, when punished, convicted or
 * punished for): an "of", "for" or "with" clause under such a verb? */
static bool allegation_clause(const bede_worker *w, int32_t c,
                              bool punished) {
    const bede_clause *cl = &w->cl[c];
    if (cl->kind != BEDE_CLAUSE_ADVERBIAL || cl->parent < 0) return false;
    const char *first = tlower(w, cl->first);
    int32_t pv = w->cl[cl->parent].verb;
    if (pv < 0 || (strcmp(first, "of") && strcmp(first, "for") &&
                   strcmp(first, "with")))
        return false;
    const char *verb = tlemma(w, w->ph[pv].head);
    return str_in_list(ALLEGING, verb) ||
           (punished && str_in_list(PUNISHING, verb));
}

/* Is sentence token t inside what someone is accused, convicted or punished
 * for ("a man convicted of spying for Israel", "executed for collaborating
 * with Russia")? A state named there is what the deed served, not whose
 * the person is. */
static bool in_allegation(const bede_worker *w, uint32_t t) {
    for (uint32_t c = 0; c < w->s->clause_count; c++)
        if (t >= w->cl[c].first && t < w->cl[c].last &&
            allegation_clause(w, (int32_t)c, true))
            return true;
    return false;
}

/* The first state the sentence names (a state code: not an international
 * or non-state one), other than the one code begins with when code is not
 * NULL, into out[4]; false if none. */
static bool sentence_state_except(const bede_worker *w, const char *code,
                                  char out[4]) {
    const bede_dict *d = w->c->dict;
    uint32_t base = w->s->first_token;
    for (size_t i = 0; i < w->mentions.n; i++) {
        const mention *m = &w->mentions.v[i];
        if (m->agent || m->blocked || m->prefixed) continue;
        if (m->first >= base && in_allegation(w, m->first - base)) continue;
        /* "near the Afghan border": a border is where two states meet,
         * not the state of the people found there */
        static const char *const EDGES[] = {"border", "frontier", "boundary",
                                            NULL};
        if (m->last >= base && m->last < base + w->s->token_count &&
            str_in_list(EDGES, tlemma(w, m->last - base)))
            continue;
        const char *c = match_code(d, m->entry, m->code);
        if (!c || strlen(c) < 3 || (code && !strncmp(c, code, 3)) ||
            !strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3) ||
            !strncmp(c, "IMG", 3) || !strncmp(c, "MNC", 3))
            continue;
        bool upper = true;
        for (int k = 0; k < 3; k++)
            if (c[k] < 'A' || c[k] > 'Z') upper = false;
        if (!upper) continue;
        memcpy(out, c, 3);
        out[3] = 0;
        return true;
    }
    return false;
}

/* Are the actor mentions of one NP joined by "and" (and commas) only:
 * "Chinese and Russian", "Israeli, Egyptian and Jordanian"? */
static bool coordinated(const bede_worker *w, const mention **act, size_t n) {
    uint32_t base = w->s->first_token;
    bool conj = false;
    for (size_t i = 0; i + 1 < n; i++) {
        if (act[i + 1]->first <= act[i]->last) return false;
        for (uint32_t t = act[i]->last; t < act[i + 1]->first; t++) {
            const char *x = tlower(w, t - base);
            if (!strcmp(x, "and") || !strcmp(x, "&"))
                conj = true;
            else if (strcmp(x, ","))
                return false;
        }
        if (act[i + 1]->first == act[i]->last) return false;
    }
    return conj;
}

/* The NP in apposition to NP p that names an actor, or -1. */
static int32_t appositive(bede_worker *w, uint32_t p) {
    for (uint32_t q = p + 1; q < w->s->phrase_count; q++) {
        const bede_phrase *o = &w->ph[q];
        if (o->kind != BEDE_PHRASE_NP || !(o->flags & BEDE_PHF_APPOS) ||
            o->attach != (int32_t)p)
            continue;
        resolve_np(w, q);
        if (w->nps.v[q].n) return (int32_t)q;
    }
    return -1;
}

/* Does agent mention g name the role of NP ph: is the head in it, or is it
 * a title before the head's name ("Prime Minister Romendacil")? */
/* Heads that are the means of a role's own action: "air force planes",
 * "navy warships", "police vehicles" act for the role. */
static const char *const ROLE_MEANS[] = {
    "plane",   "jet",     "aircraft", "warplane", "drone",   "helicopter",
    "gunship", "ship",    "warship",  "vessel",   "boat",    "submarine",
    "tank",    "vehicle", "convoy",   "unit",     "patrol",  "artillery",
    "battery", "fighter", "bomber",   "frigate",  "destroyer", "channel",
    "station", "network", "outlet",   "target",   "position", "hideout",
    "base",    "camp",    "stronghold", NULL};

/* Nouns of a person that take the role before them: "a dissident artist",
 * "an opposition figure", "two rebel men". */
static const char *const PERSON_HEADS[] = {
    "artist", "writer",  "poet",   "blogger", "figure",    "man",
    "woman",  "person",  "member", "lawyer",  "singer",    "musician",
    "rapper", "author",  "academic", "scholar", "filmmaker", "citizen",
    "youth",  "cleric",  NULL};

static bool role_of_head(const bede_worker *w, const mention *g,
                         const bede_phrase *ph) {
    uint32_t base = w->s->first_token, head = base + ph->head;
    if (g->first <= head && head < g->last) return true;
    if (g->last > head) return false;
    if (g->last == head && (str_in_list(ROLE_MEANS, tlemma(w, ph->head)) ||
                            str_in_list(PERSON_HEADS, tlemma(w, ph->head))))
        return true;
    for (uint32_t t = g->last; t <= head; t++) {
        int tag = w->toks[t - base].tag;
        if (tag != BEDE_TAG_NNP && tag != BEDE_TAG_NNPS) return false;
    }
    return true;
}

/* Copies the actors of NP q (resolving it first) as a new run for an NP
 * starting at doc token `from`, joining agent g (may be NULL) to bare
 * states; returns where the run starts. */
static uint32_t adopt_actors(bede_worker *w, uint32_t q, uint32_t from,
                             const mention *g) {
    const bede_dict *d = w->c->dict;
    resolve_np(w, q);
    uint32_t first = (uint32_t)w->actors.n, limit = first + MAX_ACTORS;
    const np_actors *r = &w->nps.v[q];
    for (uint32_t k = 0; k < r->n && w->actors.n < limit; k++) {
        actor a = w->actors.v[r->first + k];
        const char *code = pstr(w, a.code);
        /* "gang members in the port city": a place named earlier too */
        const char *agent_code = agent_code_for(w, g, NULL);
        /* TABARI: only the first actor right after the agent's "of" */
        if (g && w->c->opts.tabari_agents &&
            (k > 0 || g->last + 1 != w->s->first_token + w->ph[q].first ||
             (strcmp(tlower(w, g->last - w->s->first_token), "of") &&
              strcmp(tlower(w, g->last - w->s->first_token), "in"))))
            agent_code = NULL;
        if (agent_code && elite_joins(code, a.dated, agent_code) &&
            (a.how == BEDE_ACTOR_PHRASE || a.how == BEDE_ACTOR_COREF)) {
            a.plain = a.code + 1; /* before compose moves the pool */
            a.code = compose(w, code, agent_code);
            const dict_entry *ge = &d->entries.v[g->entry];
            a.agent_file = ge->file;
            a.agent_line = ge->line;
        }
        a.first = from;
        push_actor(w, &a);
    }
    return first;
}

/* The actor mention that opens coordination NP p when it names a bare
 * state ("Danish" in "Danish media and government"), or NULL. */
static const mention *leading_state(const bede_worker *w, uint32_t p) {
    uint32_t first = w->ph[p].first;
    if (w->toks[first].tag == BEDE_TAG_DT && first + 1 < w->ph[p].last)
        first++; /* "the Danish media and government" */
    uint32_t at = w->s->first_token + first;
    for (size_t i = 0; i < w->mentions.n; i++) {
        const mention *m = &w->mentions.v[i];
        if (m->first < at) continue;
        if (m->first > at) break;
        const char *code = match_code(w->c->dict, m->entry, m->code);
        return !m->agent && !m->blocked && code && is_state(code) ? m : NULL;
    }
    return NULL;
}

/* The NP of the "of" phrase after a quantity NP p ("tens of thousands of
 * protesters"), or -1. */
static int32_t counted_np(const bede_worker *w, uint32_t p) {
    /* also a number: "one of its boats", "three of the soldiers" */
    if (!str_in_list(QUANTITIES, tlower(w, w->ph[p].head)) &&
        w->toks[w->ph[p].head].tag != BEDE_TAG_CD)
        return -1;
    int32_t q = owner_pp_np(w, p);
    return q > 0 && !strcmp(tlower(w, w->ph[q - 1].first), "of") ? q : -1;
}

/* Does NP p name its place in an "of" phrase ("the city of Kherson")? */
static bool of_place(const bede_worker *w, uint32_t p) {
    int32_t q = owner_pp_np(w, p);
    return q > 0 && !strcmp(tlower(w, w->ph[q - 1].first), "of");
}

/* Is possessor NP q a definite description of a place ("the country's")
 * that refers to one state? */
static bool possessor_refers(bede_worker *w, uint32_t q) {
    const bede_phrase *o = &w->ph[q];
    if (o->det < 0 || strcmp(tlower(w, (uint32_t)o->det), "the") != 0 ||
        !str_in_list(PLACE_HEADS, tlower(w, o->head)))
        return false;
    const np_actors *r = np_of(w, (int32_t)q);
    return r && r->n == 1 && is_state(pstr(w, w->actors.v[r->first].code));
}

/* Resolves phrase p (an NP, sentence-relative) into w->nps.v[p]. */
/* The NP an NP p is tied to by a participle right after it ("a group
 * linked to Russian military intelligence", "gunmen loyal to the
 * general"), or -1; a sponsor ("backed by Iran") is not the group. */
static int32_t affiliate(bede_worker *w, uint32_t p) {
    static const char *const ties[] = {"link",   "tie",   "affiliate",
                                       "connect", "allied", "ally",
                                       "loyal",  "close", NULL};
    uint32_t i = w->ph[p].last;
    if (i + 2 >= w->s->token_count || !str_in_list(ties, tlemma(w, i)))
        return -1;
    int tag = w->toks[i].tag;
    if (tag != BEDE_TAG_VBN && tag != BEDE_TAG_JJ && tag != BEDE_TAG_VBD)
        return -1;
    const char *prep = tlower(w, i + 1);
    if (strcmp(prep, "to") != 0 && strcmp(prep, "with") != 0 &&
        strcmp(prep, "by") != 0)
        return -1;
    int32_t q = actor_np_at(w, i + 2);
    return q >= 0 && (uint32_t)q != p ? q : -1;
}

/* Makes NP p refer to n actors (copied: pushing may move w->actors),
 * spanning p's words, each composed with agent_code when not NULL and
 * a bare state ("its troops"). */
static void refer_actors(bede_worker *w, uint32_t p, const actor *from,
                         size_t n, const char *agent_code) {
    uint32_t base = w->s->first_token;
    const bede_phrase *ph = &w->ph[p];
    actor copy[MAX_ACTORS];
    if (n > MAX_ACTORS) n = MAX_ACTORS;
    memcpy(copy, from, n * sizeof *copy);
    np_actors *out = &w->nps.v[p];
    out->first = (uint32_t)w->actors.n;
    for (size_t k = 0; k < n; k++) {
        actor a = copy[k];
        a.how = BEDE_ACTOR_COREF;
        a.first = base + ph->first;
        a.last = base + ph->last;
        char st[4];
        snprintf(st, sizeof st, "%.3s", pstr(w, a.code));
        if (agent_code && is_state(st)) a.code = compose(w, st, agent_code);
        push_actor(w, &a);
    }
    out = &w->nps.v[p];
    out->n = (uint32_t)(w->actors.n - out->first);
}

/* refer_actors for actors w->actors.v[first .. first + n). */
static void refer_np(bede_worker *w, uint32_t p, uint32_t first, size_t n,
                     const char *agent_code) {
    refer_actors(w, p, &w->actors.v[first], n, agent_code);
}

/* For the object pronoun NP p, the nearest NP before it in the sentence
 * that has actors, is not the subject of p's clause, and agrees in number
 * (plural: a coordination or a plural head); -1 if none. */
static bool in_locative_pp(bede_worker *w, uint32_t i, bool in_too);

static int32_t object_antecedent(bede_worker *w, uint32_t p, bool plural) {
    int32_t c = w->ph[p].clause;
    int32_t own = c >= 0 ? clause_subject(w, c) : -1;
    for (uint32_t q = p; q-- > 0;) {
        const bede_phrase *o = &w->ph[q];
        if (o->kind != BEDE_PHRASE_NP || (int32_t)q == own ||
            (o->flags & (BEDE_PHF_PRONOUN | BEDE_PHF_POSSESSOR |
                         BEDE_PHF_CONJUNCT)))
            continue;
        int tag = w->toks[o->head].tag;
        bool many = (o->flags & BEDE_PHF_COORD) || tag == BEDE_TAG_NNS ||
                    tag == BEDE_TAG_NNPS;
        if (many != plural) continue;
        /* "met Xi Jinping in Beijing and invited him": a place is not
         * whom a person pronoun names */
        if (!plural && in_locative_pp(w, o->first, true)) continue;
        if (np_of(w, (int32_t)q)) return (int32_t)q;
    }
    return -1;
}

/* Heads of "the two ...s" that name any two actors. */
static const char *const PAIR_HEADS[] = {"man",     "woman",  "leader",
                                         "side",    "country", "nation",
                                         "party",   "state",  "government",
                                         "two",     "three",  "four",
                                         "power",   NULL};

/* Heads of "the two ...s" that name two states. */
static const char *const STATE_HEADS[] = {"country", "nation", "state",
                                          "neighbour", "neighbor", NULL};

/* May actor code cc be one of "the two ...s": of role want (if any), a
 * state when states, and not the clause's own subject own? */
static bool pair_candidate(const char *cc, const char *want, bool states,
                           const char *own) {
    if (want && (strlen(cc) < 6 || strcmp(cc + 3, want) != 0)) return false;
    if (own && same_actor(own, cc)) return false;
    if (states) {
        char st[4];
        snprintf(st, sizeof st, "%.3s", cc);
        if (!is_state(st) || !strcmp(st, "IGO") || !strcmp(st, "NGO") ||
            !strcmp(st, "IMG") || !strcmp(st, "MNC"))
            return false;
    }
    return true;
}

/* Does NP ph join modifiers before its head with "and" ("Iranian and
 * U.S. negotiators")? */
static bool coord_modifiers(const bede_worker *w, const bede_phrase *ph) {
    for (uint32_t t = ph->first; t < ph->head; t++)
        if (!strcmp(tlower(w, t), "and")) return true;
    return false;
}

/* Is ph "the two ...s" or "both ...s"? */
static bool pair_np(const bede_worker *w, const bede_phrase *ph) {
    /* "The two discussed ...": the number alone */
    if (!strcmp(tlower(w, ph->head), "two") && ph->head > ph->first &&
        !strcmp(tlower(w, ph->head - 1), "the"))
        return true;
    int tag = w->toks[ph->head].tag;
    if (tag != BEDE_TAG_NNS && tag != BEDE_TAG_NNPS) return false;
    for (uint32_t t = ph->first; t < ph->head; t++)
        if (!strcmp(tlower(w, t), "two") || !strcmp(tlower(w, t), "both"))
            return true;
    return false;
}

/* 3 or 4 when ph is "the three ...s" or "the four ...s" (or the number
 * alone, "the three"), else 0. */
static int group_np(const bede_worker *w, const bede_phrase *ph) {
    for (uint32_t t = ph->first; t <= ph->head; t++) {
        if (t == ph->head && t > ph->first &&
            strcmp(tlower(w, t), "three") && strcmp(tlower(w, t), "four"))
            break;
        int n = !strcmp(tlower(w, t), "three") ? 3
                : !strcmp(tlower(w, t), "four") ? 4 : 0;
        if (n && t > ph->first && !strcmp(tlower(w, t - 1), "the")) return n;
    }
    return 0;
}

/* The CAMEO root of NP ph's head as an event noun of the verb
 * dictionary ("strikes": 19), into root[3]; false if it is none. */
static bool noun_root(bede_worker *w, const bede_phrase *ph, char root[3]) {
    const bede_dict *d = w->c->dict;
    if (!is_noun_tag(w->toks[ph->head].tag)) return false;
    /* "the launch", "the test", "the operation": a noun of any act refers
     * to the story's last event of force or coercion (roots 13-20: "**") */
    static const char *const ANY_ACT[] = {"launch", "test", "firing",
                                          "operation", "incident", "action",
                                          NULL};
    uint32_t b = w->s->first_token;
    bede_dict_match m[2];
    int nm = match(w, BEDE_DICT_VERBS, b + ph->head, b + w->s->token_count, m,
                   2);
    if (nm <= 0) {
        if (!str_in_list(ANY_ACT, tlemma(w, ph->head))) return false;
        memcpy(root, "**", 3);
        return true;
    }
    uint32_t ge = global_entry(d, BEDE_DICT_VERBS, m[0].entry);
    const char *code = match_code(d, ge, m[0].code);
    const dict_entry *e = &d->entries.v[ge];
    if (!code && e->block != NONE) code = dstr(w, d->blocks.v[e->block].code);
    if ((!code || !strcmp(code, "---")) &&
        str_in_list(ANY_ACT, tlemma(w, ph->head))) {
        memcpy(root, "**", 3);
        return true;
    }
    if (!code || !(code[0] >= '0' && code[0] <= '9') ||
        !(code[1] >= '0' && code[1] <= '9'))
        return false;
    snprintf(root, 3, "%.2s", code);
    return true;
}

static const char *const WHERE_PREPS[] = {"in", "at", "inside", "near",
                                          "across", NULL};

/* Is agent code a role of people found at a place (protesters,
 * civilians, police, students, workers, refugees) rather than of a
 * government speaking for its state? */
static bool people_role(const char *agent) {
    static const char *const roles[] = {"OPP", "CVL", "COP", "EDU",
                                        "LAB", "REF", "AGR", NULL};
    char r[4];
    snprintf(r, sizeof r, "%s", agent[0] == '~' ? agent + 1 : agent);
    return str_in_list(roles, r);
}

/* The state of an "in"/"at"/"near" place of clause c ("rallied in
 * Belgrade"), else of the sentence ("rescued schoolchildren kidnapped in
 * Kaduna state"), into out[4]; false if none. */
static bool place_of_clause(bede_worker *w, int32_t c, char out[4]) {
    if (c < 0) return false;
    for (int pass = 0; pass < 2; pass++)
    for (uint32_t p = 0; p < w->s->phrase_count; p++) {
        const bede_phrase *pp = &w->ph[p];
        if (pp->kind != BEDE_PHRASE_PP || (pass == 0 && pp->clause != c) ||
            !str_in_list(WHERE_PREPS, tlower(w, pp->first)))
            continue;
        for (size_t i = 0; i < w->mentions.n; i++) {
            const mention *m = &w->mentions.v[i];
            uint32_t b = w->s->first_token;
            if (m->agent || m->blocked || m->prefixed ||
                m->first < b + pp->first || m->first >= b + pp->last)
                continue;
            const char *code = match_code(w->c->dict, m->entry, m->code);
            if (code && strlen(code) == 3 && is_state(code)) {
                memcpy(out, code, 4);
                return true;
            }
        }
    }
    return false;
}

/* NP p refers to actor a (a copy, placed on p's words), for the reason
 * why. */
static void refer_one(bede_worker *w, uint32_t p, actor a, const char *why) {
    const bede_phrase *ph = &w->ph[p];
    char buf[256];
    a.how = BEDE_ACTOR_COREF;
    a.first = w->s->first_token + ph->first;
    a.last = w->s->first_token + ph->last;
    push_actor(w, &a);
    np_actors *out = &w->nps.v[p];
    out->first = (uint32_t)w->actors.n - 1;
    out->n = 1;
    tracef(w, "  \"%s\" refers to %s (%s)",
           span_text(w, ph->first, ph->last, buf, sizeof buf),
           pstr(w, a.code), why);
}

static void resolve_np_named(bede_worker *w, uint32_t p);

/* The actors of NP p, found once. "the U.N. agency" after the World Food
 * Programme is that agency: a definite description naming an
 * organisation takes the more specific code of one of its bodies named
 * earlier in the story. */
static void resolve_np(bede_worker *w, uint32_t p) {
    if (w->nps.v[p].done) return;
    resolve_np_named(w, p);
    const np_actors *out = &w->nps.v[p];
    const bede_phrase *ph = &w->ph[p];
    if (out->n != 1 || ph->det < 0 || strcmp(tlower(w, (uint32_t)ph->det), "the") ||
        !str_in_list(IGO_HEADS, tlemma(w, ph->head)))
        return;
    actor *a = &w->actors.v[out->first];
    const char *code = pstr(w, a->code);
    size_t n = strlen(code);
    if (n < 3 || strncmp(code, "IGO", 3) != 0) return;
    for (size_t i = w->seen.n; i-- > 0;) {
        const char *sc = pstr(w, w->seen.v[i].a.code);
        if (w->seen.v[i].root[0] || strlen(sc) <= n || strncmp(sc, code, n))
            continue;
        a->code = w->seen.v[i].a.code;
        tracef(w, "  \"%s\" refers to %s (named earlier)",
               tlower(w, ph->head), sc);
        return;
    }
}

static void resolve_np_named(bede_worker *w, uint32_t p) {
    np_actors *out = &w->nps.v[p];
    if (out->done) return;
    out->done = 1;
    out->first = (uint32_t)w->actors.n;
    out->n = 0;
    const bede_phrase *ph = &w->ph[p];
    const bede_dict *d = w->c->dict;
    uint32_t base = w->s->first_token;
    uint32_t first = (uint32_t)w->actors.n, limit = first + MAX_ACTORS;

    /* a coordination: its conjuncts' actors (resolved first, so that the
     * run of this NP holds only the copies) */
    if (ph->flags & BEDE_PHF_COORD) {
        uint32_t last_conj = p;
        const char *shared = NULL;
        char prev_state[4] = "";
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                first = (uint32_t)w->actors.n, limit = first + MAX_ACTORS;
                const mention *la[MAX_ACTORS], *lg = NULL;
                size_t nla = 0;
                if (last_conj != p)
                    mentions_in(w, w->ph[last_conj].first,
                                w->ph[last_conj].last, la, &nla, &lg);
                if (lg && nla == 1 && lg->first > la[0]->first)
                    shared = match_code(d, lg->entry, lg->code);
            }
            for (uint32_t q = p + 1; q < w->s->phrase_count; q++) {
                const bede_phrase *c = &w->ph[q];
                if (c->first >= ph->last) break;
                if (!(c->flags & BEDE_PHF_CONJUNCT) || c->attach != (int32_t)p)
                    continue;
                resolve_np(w, q);
                if (pass == 0) {
                    last_conj = q;
                    continue;
                }
                const np_actors *r = &w->nps.v[q];
                for (uint32_t k = 0; k < r->n && w->actors.n < limit; k++) {
                    actor a = w->actors.v[r->first + k];
                    /* "the U.S. and British militaries": a bare state
                     * shares the last member's role */
                    const char *code = pstr(w, a.code);
                    if (q != last_conj && shared && is_state(code) &&
                        w->ph[q].last - w->ph[q].first <= 2)
                        a.code = compose(w, code, shared);
                    /* "25 Chinese military aircraft and seven navy
                     * ships": a role whose state was only guessed is of
                     * the state the member before it names */
                    if (a.guessed && prev_state[0] && strlen(code) > 3) {
                        char moved[64];
                        snprintf(moved, sizeof moved, "%s%s", prev_state,
                                 code + 3);
                        a.code = pool_code(w, moved, strlen(moved));
                        a.guessed = 0;
                    }
                    push_actor(w, &a);
                }
                prev_state[0] = '\0';
                if (r->n == 1 && !w->actors.v[r->first].guessed &&
                    w->actors.v[r->first].how == BEDE_ACTOR_PHRASE) {
                    const char *c0 = pstr(w, w->actors.v[r->first].code);
                    char st[4];
                    snprintf(st, sizeof st, "%.3s", c0);
                    if (is_state(st)) memcpy(prev_state, st, 4);
                }
            }
        }
        out = &w->nps.v[p];
        out->first = first;
        out->n = (uint32_t)(w->actors.n - first);
        return;
    }

    const mention *act[MAX_ACTORS], *pact[MAX_ACTORS];
    size_t nact = 0, npact = 0;
    const mention *agent = NULL, *pagent = NULL;
    mentions_in(w, ph->first, ph->last, act, &nact, &agent);
    /* a role word that only modifies the head ("military cooperation",
     * "police vehicle") is not the NP's role */
    /* but people's gatherings are theirs: "ahead of an opposition
     * march", "a student protest" */
    static const char *const GATHERINGS[] = {
        "march", "rally", "protest", "demonstration", "sit-in",
        "procession", "walkout", NULL};
    if (agent && agent->prefixed != 1 && !w->c->opts.tabari_agents &&
        !role_of_head(w, agent, ph) &&
        !(agent->last == base + ph->head &&
          str_in_list(GATHERINGS, tlemma(w, ph->head))))
        agent = NULL;
    /* the possessor right before it */
    uint32_t pfirst = ph->first;
    int32_t poss = -1;
    for (uint32_t q = 0; q < p; q++) {
        const bede_phrase *o = &w->ph[q];
        if ((o->flags & BEDE_PHF_POSSESSOR) && o->attach == (int32_t)p &&
            o->kind == BEDE_PHRASE_NP) {
            mentions_in(w, o->first, o->last, pact, &npact, &pagent);
            pfirst = o->first;
            poss = (int32_t)q;
        }
    }
    const mention *g = agent ? agent : pagent;
    char buf[256];
    const mention *own_named = nact ? main_mention(w, act, nact) : NULL;
    const char *named_code =
        own_named ? match_code(d, own_named->entry, own_named->code) : NULL;
    bool own_wins = named_code && strlen(named_code) > 3 &&
                    own_named->first <= base + ph->head &&
                    base + ph->head < own_named->last;
    if (npact && agent && !own_wins) {
        /* "Ithilen 's minister Calimehtar": the possessor's role; but
         * "Sudan's paramilitary Rapid Support Forces" is the group the
         * head names */
        push_mention(w, main_mention(w, pact, npact), g, base + pfirst,
                     base + ph->last, limit);
    } else if (nact > 1 && coordinated(w, act, nact)) {
        /* "Chinese and Russian warships": each with the role; "Philippine
         * and U.S. marines": a bare state shares the role the last member
         * names itself (USAMIL) */
        const char *lc = match_code(d, act[nact - 1]->entry,
                                    act[nact - 1]->code);
        char lst[4] = "";
        if (lc && strlen(lc) > 3) snprintf(lst, sizeof lst, "%.3s", lc);
        const char *role =
            !g && lst[0] && is_state(lst) && !strchr(lc, '/') ? lc + 3 : NULL;
        for (size_t i = 0; i < nact; i++) {
            size_t from = w->actors.n;
            push_mention(w, act[i], g, base + pfirst, base + ph->last, limit);
            for (size_t k = from; role && i + 1 < nact && k < w->actors.n;
                 k++) {
                const char *c = pstr(w, w->actors.v[k].code);
                if (strlen(c) == 3 && is_state(c))
                    w->actors.v[k].code = compose(w, c, role);
            }
        }
    } else if (nact && !(npact && main_mention(w, act, nact)->last <=
                                      base + ph->head)) {
        push_mention(w, main_mention(w, act, nact), g, base + pfirst,
                     base + ph->last, limit);
    } else if (npact) {
        /* also "Sweden's NATO membership bid": the possessor owns an NP
         * whose own actor only modifies its head */
        push_mention(w, main_mention(w, pact, npact), g, base + pfirst,
                     base + ph->last, limit);
    } else if (agent && poss >= 0 && !pagent &&
               possessor_refers(w, (uint32_t)poss)) {
        /* "the country's nuclear forces": the role of the state the
         * possessive description refers to */
        first = adopt_actors(w, (uint32_t)poss, base + ph->first, agent);
    } else if (!agent && pagent && poss >= 0) {
        /* "the government's decision": the possessor's actor, found as
         * the possessor would be (its role and guessed state) */
        first = adopt_actors(w, (uint32_t)poss, base + ph->first, NULL);
    } else if (!agent && !nact && !npact &&
               str_in_list(HEAD_NOUNS, tlemma(w, ph->head)) &&
               owner_pp_np(w, p) >= 0 &&
               !strcmp(tlower(w, w->ph[owner_pp_np(w, p)].first - 1), "of")) {
        /* "the head of the U.N. nuclear watchdog": whom the head leads */
        first = adopt_actors(w, (uint32_t)owner_pp_np(w, p), base + ph->first,
                             NULL);
    } else if (!agent && counted_np(w, p) >= 0) {
        /* "tens of thousands of protesters", "dozens of Israeli soldiers":
         * the counted are the actors */
        first = adopt_actors(w, (uint32_t)counted_np(w, p), base + ph->first,
                             NULL);
    } else if (appositive(w, p) >= 0) {
        /* "Esmaeil Baghaei, Iran's foreign ministry spokesman, said": the
         * apposition names the role */
        first = adopt_actors(w, (uint32_t)appositive(w, p), base + ph->first,
                             NULL);
    } else if (affiliate(w, p) >= 0) {
        /* "a hacker group linked to Russian military intelligence": whom
         * the participle ties it to */
        first = adopt_actors(w, (uint32_t)affiliate(w, p), base + ph->first,
                             NULL);
    } else if (agent) {
        /* an agent placed by its PP: "the ambassadors of Arnor, Osgiliath
         * and Gondor", "lawmakers in Fornost"; a member of a coordination
         * shares the PP after the last member ("lawmakers and officials in
         * Fornost") */
        /* "its ambassador from Madrid": the possessive pronoun owns the
         * role, the PP only places it */
        const char *pdet = ph->det >= 0 ? tlower(w, (uint32_t)ph->det) : "";
        bool owned = !strcmp(pdet, "its") || !strcmp(pdet, "their") ||
                     !strcmp(pdet, "his") || !strcmp(pdet, "her") ||
                     !strcmp(pdet, "our");
        int32_t q = owned ? -1 : owner_pp_np(w, p);
        const mention *lead =
            q < 0 && (ph->flags & BEDE_PHF_CONJUNCT) && ph->attach >= 0
                ? leading_state(w, (uint32_t)ph->attach)
                : NULL;
        if (lead && lead->first < base + ph->first) {
            /* "Danish media and government": the state before a
             * coordination of roles is each role's */
            push_mention(w, lead, agent, base + ph->first, base + ph->last,
                         limit);
            q = -1;
        } else if (q < 0 && (ph->flags & BEDE_PHF_CONJUNCT) &&
                   ph->attach >= 0) {
            const bede_phrase *co = &w->ph[ph->attach];
            for (uint32_t k = p + 1; k < w->s->phrase_count && q < 0; k++) {
                const bede_phrase *o = &w->ph[k];
                if (o->first >= co->last) break;
                if ((o->flags & BEDE_PHF_CONJUNCT) && o->attach == ph->attach &&
                    o->last == co->last)
                    q = owner_pp_np(w, k);
            }
        }
        if (q >= 0)
            first = adopt_actors(w, (uint32_t)q, base + ph->first, agent);
    }
    bool anti = nact ? true : agent && agent->prefixed == 1;
    for (size_t i = 0; i < nact; i++)
        if (act[i]->prefixed != 1) anti = false;
    out = &w->nps.v[p];
    out->first = first;
    out->n = (uint32_t)(w->actors.n - first);
    out->against = anti && out->n;
    if (!out->n && agent && w->c->opts.tabari_agents) {
        /* TABARI: an agent right before an actor is its role, whatever
         * phrase the actor is in ("human rights activists Gondor") */
        for (size_t i = 0; i < w->mentions.n; i++) {
            const mention *m = &w->mentions.v[i];
            if (m->first != base + ph->last || m->agent || m->blocked ||
                agent->last != base + ph->last)
                continue;
            push_mention(w, m, agent, base + ph->first, m->last, limit);
            out = &w->nps.v[p];
            out->n = (uint32_t)(w->actors.n - out->first);
            return;
        }
    }
    if (out->n || !w->c->opts.coreference) return;

    /* no named actor: a pronoun, a description or an agent alone */
    const char *head = tlower(w, ph->head);
    bool pronoun = (ph->flags & BEDE_PHF_PRONOUN) &&
                   str_in_list(PERSONAL_PRONOUNS, head);
    /* an agent alone ("a senior official") is an actor unless
     * opts.agents_alone is 0 (TABARI's CONVERT AGENTS = FALSE) */
    const char *agent_code =
        w->c->opts.agents_alone ? agent_code_for(w, agent, NULL) : NULL;
    uint32_t bare = agent_code ? bare_agent(w, agent_code) : NONE;
    const char *det = ph->det >= 0 ? tlower(w, (uint32_t)ph->det) : "";
    bool definite = !strcmp(det, "the") || !strcmp(det, "both") ||
                    !strcmp(det, "its") ||
                    !strcmp(det, "their") || !strcmp(det, "his") ||
                    !strcmp(det, "her");
    if (!pronoun && !agent_code && ph->last - ph->first == 1 &&
        w->toks[ph->head].tag == BEDE_TAG_NNP) {
        /* "Hamas leader Khalil al-Hayya ... Hayya thanked Egypt": a
         * surname alone is the person named with it before */
        const seen_actor *sa = by_surname(w, tlower(w, ph->head));
        if (sa) {
            refer_one(w, p, sa->a, "the person of that name");
            return;
        }
    }
    if (!pronoun && !agent_code && !definite) return;
    if (!pronoun && !agent_code && !strcmp(det, "the") &&
        str_in_list(PLACE_HEADS, head) && !of_place(w, p)) {
        /* "condemned the coup in Gabon and suspended the country": the
         * last state named, in this sentence or before */
        /* a state, or the state of a role ("Kim Jong Un" -> PRK) */
        int32_t q = -1;
        char st[4];
        /* "Chinese warships simulated a blockade of the island": what the
         * clause acts on is not its own subject's state; but "the
         * country's nuclear forces" may be the subject's own */
        int32_t subj = ph->clause >= 0 && !(ph->flags & BEDE_PHF_POSSESSOR)
                           ? clause_subject(w, ph->clause)
                           : -1;
        char spk[4];
        if (!w->c->opts.tabari_agents && speaker_state(w, ph->clause, spk)) {
            /* "said the military was ready to defend the country's
             * sovereignty": the speaker's country */
            actor a;
            memset(&a, 0, sizeof a);
            a.code = pool_code(w, spk, 3);
            a.agent_file = a.file = NONE;
            refer_one(w, p, a, "the speaker's state");
            return;
        }
        for (uint32_t k = p; k-- > 0 && q < 0;) {
            if (subj >= 0 && w->ph[k].first >= w->ph[subj].first &&
                w->ph[k].last <= w->ph[subj].last)
                continue;
            const np_actors *r = w->ph[k].kind == BEDE_PHRASE_NP &&
                                         !(w->ph[k].flags & BEDE_PHF_COORD)
                                     ? np_of(w, (int32_t)k)
                                     : NULL;
            if (r && r->n == 1) {
                snprintf(st, sizeof st, "%.3s",
                         pstr(w, w->actors.v[r->first].code));
                if (is_state(st)) q = (int32_t)k;
            }
        }
        const seen_actor *sa = NULL;
        for (size_t i = w->seen.n; q < 0 && i-- > 0 && !sa;) {
            if (w->seen.v[i].root[0]) continue; /* an event's source */
            snprintf(st, sizeof st, "%.3s", pstr(w, w->seen.v[i].a.code));
            if (is_state(st)) sa = &w->seen.v[i];
        }
        if (q >= 0 || sa) {
            actor a = q >= 0 ? w->actors.v[w->nps.v[q].first] : sa->a;
            a.code = pool_code(w, st, 3);
            refer_one(w, p, a, "the last state named");
            return;
        }
    }
    /* "Israel's military said its aircraft struck ...": a role or a
     * role's means owned by a possessive pronoun is the pronoun's */
    bool possessed = (!strcmp(det, "its") || !strcmp(det, "their") ||
                      !strcmp(det, "his") || !strcmp(det, "her")) &&
                     (agent_code || str_in_list(ROLE_MEANS, tlemma(w, ph->head)));
    /* "granted asylum to Bashar al-Assad and his family": kin owned by
     * "his" or "her" next to a named person in a coordination are that
     * person's household, coded as the person */
    static const char *const KIN[] = {
        "family", "wife",  "husband", "son",      "daughter", "child",
        "relative", "brother", "sister", "kin",   "household", NULL};
    if ((!strcmp(det, "his") || !strcmp(det, "her")) &&
        (ph->flags & BEDE_PHF_CONJUNCT) && ph->attach >= 0 &&
        str_in_list(KIN, tlemma(w, ph->head))) {
        int32_t q = -1;
        for (uint32_t k = p; k-- > 0 && q < 0;)
            if ((w->ph[k].flags & BEDE_PHF_CONJUNCT) &&
                w->ph[k].attach == ph->attach)
                q = (int32_t)k;
        const np_actors *r = q >= 0 ? np_of(w, q) : NULL;
        if (r && r->n == 1 && w->toks[w->ph[q].head].tag == BEDE_TAG_NNP &&
            !is_state(pstr(w, w->actors.v[r->first].code))) {
            refer_np(w, p, r->first, 1, NULL);
            tracef(w, "  \"%s\" refers to the person named before it",
                   span_text(w, ph->first, ph->last, buf, sizeof buf));
            return;
        }
    }
    /* "Fico met Xi and invited him": an object pronoun in a clause that
     * shares its subject is not that subject */
    bool shared_subject =
        pronoun && ph->clause >= 0 &&
        (!strcmp(head, "him") || !strcmp(head, "her") ||
         !strcmp(head, "them")) &&
        w->cl[ph->clause].kind == BEDE_CLAUSE_COORDINATE &&
        (w->cl[ph->clause].subject < 0 ||
         (w->cl[ph->clause].parent >= 0 &&
          w->cl[ph->clause].subject ==
              clause_subject(w, w->cl[ph->clause].parent)));
    if ((pronoun || possessed) && !shared_subject) {
        /* "Iran said it condemned ...": the subject of an enclosing clause
         * that comes before the pronoun */
        int32_t c = ph->clause;
        for (int depth = 0; c >= 0 && depth < 16; depth++) {
            /* "Russia and Iran withdrew their forces": a possessive may
             * be its own clause's subject's; a pronoun is not */
            if (!(possessed && depth == 0)) c = w->cl[c].parent;
            if (c < 0) break;
            int32_t subj = clause_subject(w, c);
            if (subj < 0 || subj == (int32_t)p || w->ph[subj].first > ph->first ||
                (w->ph[subj].flags & BEDE_PHF_PRONOUN))
                continue;
            /* "the minister warned Afghans that they would be arrested":
             * "they" is not a singular subject; "Chinese vessels rammed
             * one of its boats": "its" is not a plural one */
            int stag = w->toks[w->ph[subj].head].tag;
            /* (NNPS names are states: "the United States said it") */
            bool plural_subj = (w->ph[subj].flags & BEDE_PHF_COORD) ||
                               stag == BEDE_TAG_NNS;
            if (pronoun && (!strcmp(head, "they") || !strcmp(head, "them")) &&
                !plural_subj && object_antecedent(w, p, true) >= 0)
                break;
            if (plural_subj && (!strcmp(det, "its") || !strcmp(head, "it") ||
                                !strcmp(det, "his") || !strcmp(det, "her") ||
                                !strcmp(head, "he") || !strcmp(head, "she")))
                continue;
            const np_actors *r = np_of(w, subj);
            if (!r) continue;
            /* "its troops": the antecedent's state with the role */
            refer_np(w, p, r->first, r->n, possessed ? agent_code : NULL);
            tracef(w, "  \"%s\" refers to the subject of the clause around it",
                   span_text(w, ph->first, ph->last, buf, sizeof buf));
            return;
        }
    }
    if (pronoun && (!strcmp(head, "them") || !strcmp(head, "him") ||
                    !strcmp(head, "her") || !strcmp(head, "they"))) {
        /* "the envoy who met Houthi leaders urged them": an object pronoun
         * is not its own clause's subject but the nearest actor before it
         * of its number */
        int32_t q = object_antecedent(w, p, !strcmp(head, "them") || !strcmp(head, "they"));
        if (q >= 0) {
            const np_actors *r = np_of(w, q);
            refer_np(w, p, r->first, r->n, NULL);
            tracef(w, "  \"%s\" refers to \"%s\" before it",
                   span_text(w, ph->first, ph->last, buf, sizeof buf),
                   tlower(w, w->ph[q].head));
            return;
        }
    }
    bool anyone = str_in_list(PAIR_HEADS, tlemma(w, ph->head));
    int many = !pronoun && anyone ? group_np(w, ph) : 0;
    if (many) {
        /* "Britain, France and Germany ... the three countries": the last
         * three or four named together, in this sentence or before */
        const np_actors *r = NULL;
        for (uint32_t k = p; k-- > 0 && !r;) {
            const np_actors *q = w->ph[k].kind == BEDE_PHRASE_NP &&
                                         (w->ph[k].flags & BEDE_PHF_COORD)
                                     ? np_of(w, (int32_t)k)
                                     : NULL;
            if (q && (int)q->n == many) r = q;
        }
        actor grp[4];
        int n = 0;
        if (r)
            for (uint32_t k = 0; k < r->n; k++)
                grp[n++] = w->actors.v[r->first + k];
        else if (w->ngroup == many)
            for (int k = 0; k < many; k++) grp[n++] = w->group[k];
        if (n) {
            refer_actors(w, p, grp, (size_t)n, NULL);
            tracef(w, "  \"%s\" refers to the %d named together before it",
                   span_text(w, ph->first, ph->last, buf, sizeof buf), n);
            return;
        }
    }
    if (!pronoun && ((agent_code && bare != NONE) || anyone) &&
        pair_np(w, ph)) {
        /* "the two presidents", "both ministers": the last two actors
         * named with that role; "the two men", "both sides", "the two
         * countries": the last two actors named */
        const char *want = anyone || bare == NONE ? NULL : pstr(w, bare);
        /* candidates: this sentence's actors before the NP, nearest
         * first, then the story's */
        actor two[2];
        int found = 0;
        /* "the two countries": states only; never the clause's own
         * subject ("Guterres urged the two countries") */
        bool states = str_in_list(STATE_HEADS, tlemma(w, ph->head));
        int32_t own = ph->clause >= 0 ? clause_subject(w, ph->clause) : -1;
        const char *own_code = NULL;
        if (own >= 0 && own != (int32_t)p && w->ph[own].first < ph->first) {
            const np_actors *r = np_of(w, own);
            if (r && r->n == 1) own_code = pstr(w, w->actors.v[r->first].code);
        }
        /* the last pair named together, in this sentence or before
         * ("Iranian and U.S. negotiators": a pair of modifiers too) */
        for (uint32_t k = p; k-- > 0 && found < 2;) {
            const np_actors *r =
                w->ph[k].kind == BEDE_PHRASE_NP &&
                        ((w->ph[k].flags & BEDE_PHF_COORD) ||
                         (coord_modifiers(w, &w->ph[k]) &&
                          !(w->ph[k].flags & BEDE_PHF_POSSESSOR)))
                    ? np_of(w, (int32_t)k)
                    : NULL;
            if (r && r->n == 2 &&
                pair_candidate(pstr(w, w->actors.v[r->first].code), want,
                               states, own_code) &&
                pair_candidate(pstr(w, w->actors.v[r->first + 1].code), want,
                               states, own_code)) {
                two[0] = w->actors.v[r->first + 1];
                two[1] = w->actors.v[r->first];
                found = 2;
            }
        }
        if (!found && w->has_pair &&
            pair_candidate(pstr(w, w->pair[0].code), want, states, own_code) &&
            pair_candidate(pstr(w, w->pair[1].code), want, states, own_code)) {
            two[0] = w->pair[1];
            two[1] = w->pair[0];
            found = 2;
        }
        /* "X met Y in Tehran. The two discussed ...": the two sides of
         * the story's last event between two actors */
        for (size_t i = w->sentence_cands; !found && i-- > 0;) {
            const cand *c = &w->cands.v[i];
            if (c->dead || !c->tgt.code || c->tgt.code == NONE) continue;
            const char *sc = pstr(w, c->src.code), *tc = pstr(w, c->tgt.code);
            if (!*sc || !*tc || same_actor(sc, tc)) continue;
            if (pair_candidate(sc, want, states, own_code) &&
                pair_candidate(tc, want, states, own_code)) {
                two[0] = c->tgt;
                two[1] = c->src;
                found = 2;
            }
            break;
        }
        for (uint32_t k = p; k-- > 0 && found < 2;) {
            const bede_phrase *o = &w->ph[k];
            if (o->kind != BEDE_PHRASE_NP ||
                (o->flags & (BEDE_PHF_COORD | BEDE_PHF_PRONOUN |
                             BEDE_PHF_POSSESSOR)))
                continue;
            const np_actors *r = np_of(w, (int32_t)k);
            if (!r || r->n != 1) continue;
            const actor *c = &w->actors.v[r->first];
            const char *cc = pstr(w, c->code);
            if (!pair_candidate(cc, want, states, own_code)) continue;
            if (found && same_actor(pstr(w, two[0].code), cc)) continue;
            two[found++] = *c;
        }
        for (size_t i = w->seen.n; i-- > 0 && found < 2;) {
            const seen_actor *sa = &w->seen.v[i];
            if (sa->root[0]) continue;
            const char *cc = pstr(w, sa->a.code);
            if (!pair_candidate(cc, want, states, own_code)) continue;
            if (found && same_actor(pstr(w, two[0].code), cc)) continue;
            two[found++] = sa->a;
        }
        if (found == 2) {
            actor t = two[0];
            two[0] = two[1];
            two[1] = t;
            refer_actors(w, p, two, 2, NULL);
            tracef(w, "  \"%s\" refers to %s and %s (named earlier)",
                   span_text(w, ph->first, ph->last, buf, sizeof buf),
                   pstr(w, two[0].code), pstr(w, two[1].code));
            return;
        }
    }
    /* "Protesters stormed parliament ... police fired live rounds at the
     * crowds": a definite crowd after protesters are named is those
     * protesters */
    static const char *const CROWD_HEADS[] = {"crowd", "mob", "throng", NULL};
    if (!pronoun && !strcmp(det, "the") &&
        str_in_list(CROWD_HEADS, tlemma(w, ph->head))) {
        for (uint32_t k = p; k-- > 0;) {
            const np_actors *r = w->ph[k].kind == BEDE_PHRASE_NP
                                     ? np_of(w, (int32_t)k)
                                     : NULL;
            const char *rc =
                r && r->n == 1 ? pstr(w, w->actors.v[r->first].code) : "";
            if (strlen(rc) == 6 && !strcmp(rc + 3, "OPP")) {
                refer_np(w, p, r->first, 1, NULL);
                tracef(w, "  \"%s\" refers to the protesters named before",
                       span_text(w, ph->first, ph->last, buf, sizeof buf));
                return;
            }
        }
        for (size_t i = w->seen.n; i-- > 0;) {
            const seen_actor *sa = &w->seen.v[i];
            const char *rc = pstr(w, sa->a.code);
            if (sa->root[0] || strlen(rc) != 6 || strcmp(rc + 3, "OPP") != 0)
                continue;
            refer_actors(w, p, &sa->a, 1, NULL);
            tracef(w, "  \"%s\" refers to the protesters named before",
                   span_text(w, ph->first, ph->last, buf, sizeof buf));
            return;
        }
    }
    char root[3];
    const seen_actor *s =
        pronoun ? corefer(w, NULL, NULL, NULL,
                          !strcmp(head, "he") || !strcmp(head, "she") ? 2
                                                                      : 1)
                : corefer(w, definite ? head : NULL,
                          bare == NONE || !definite ? NULL : pstr(w, bare),
                          definite && !agent_code && noun_root(w, ph, root)
                              ? root
                              : NULL,
                          false);
    actor a;
    char state[4];
    memset(&a, 0, sizeof a);
    a.first = base + ph->first;
    a.last = base + ph->last;
    a.agent_file = NONE;
    a.file = NONE;
    char here[4];
    char spk[4];
    if (agent_code && !pronoun && definite && !w->c->opts.tabari_agents &&
        speaker_state(w, ph->clause, spk) &&
        (!s || strncmp(pstr(w, s->a.code), spk, 3) != 0)) {
        /* "Venezuela's defence minister said the military was ready": a
         * role named by a description in what someone says is of the
         * speaker's state */
        a.code = compose(w, spk, agent_code);
        a.how = BEDE_ACTOR_CONTEXT;
        a.guessed = 1;
    } else if (agent_code && !pronoun && !w->c->opts.unknown_state &&
        people_role(agent_code) &&
        (place_of_clause(w, ph->clause, here) ||
         sentence_state_except(w, NULL, here))) {
        /* "thousands of protesters rallied in Belgrade", "Serbian police
         * detained dozens of demonstrators": people are of the place
         * their sentence names, else of its first state, whatever the
         * dateline */
        a.code = compose(w, here, agent_code);
        a.how = BEDE_ACTOR_CONTEXT;
        a.guessed = 1;
    } else if (s) {
        /* TABARI forwards a pronoun's actor without its agent */
        a.code = pronoun && w->c->opts.tabari_agents && s->a.plain
                     ? s->a.plain - 1
                     : s->a.code;
        a.how = BEDE_ACTOR_COREF;
        a.by_event = s->root[0] != 0;
        a.file = s->a.file;
        a.line = s->a.line;
    } else if (agent_code && w->c->opts.unknown_state) {
        a.code = compose(w, w->c->opts.unknown_state, agent_code);
        a.how = BEDE_ACTOR_CONTEXT;
    } else if (agent_code && w->context != NONE) {
        a.code = compose(w, pstr(w, w->context), agent_code);
        a.how = BEDE_ACTOR_CONTEXT;
        a.guessed = 1;
    } else if (agent_code && !w->c->opts.tabari_agents &&
               subject_of_story(w, p, state)) {
        /* "Venezuela condemned ... Defence Minister Vladimir Padrino Lopez
         * said": a role alone as a clause's subject, before any state of
         * its own sentence, is of the state the story is about */
        a.code = compose(w, state, agent_code);
        a.how = BEDE_ACTOR_CONTEXT;
        a.guessed = 1;
    } else if (agent_code && sentence_state_except(w, NULL, state)) {
        /* "Pakistani troops killed 12 militants in North Waziristan": an
         * agent alone belongs to the state the sentence is about */
        a.code = compose(w, state, agent_code);
        a.how = BEDE_ACTOR_CONTEXT;
        a.guessed = 1;
    } else {
        return;
    }
    if (agent) {
        const dict_entry *ge = &d->entries.v[agent->entry];
        a.agent_file = ge->file;
        a.agent_line = ge->line;
    }
    push_actor(w, &a);
    out = &w->nps.v[p];
    out->n = 1;
    out->against = anti;
    tracef(w, "  \"%s\" refers to %s (%s)",
           span_text(w, ph->first, ph->last, buf, sizeof buf),
           pstr(w, a.code),
           a.how == BEDE_ACTOR_COREF ? "named earlier"
           : w->context != NONE      ? "the dateline's country"
                                     : "the state this sentence names first");
}

/* Actors of phrase p (resolving it on first use); NULL if none. */
static const np_actors *np_of(bede_worker *w, int32_t p) {
    if (p < 0 || (uint32_t)p >= w->s->phrase_count) return NULL;
    if (w->ph[p].kind != BEDE_PHRASE_NP) return NULL;
    resolve_np(w, (uint32_t)p);
    const np_actors *r = &w->nps.v[p];
    return r->n ? r : NULL;
}

/* Remembers the actors of the sentence's NPs for later coreference. */
static void remember(bede_worker *w, size_t before) {
    for (uint32_t p = 0; p < w->s->phrase_count; p++) {
        const bede_phrase *ph = &w->ph[p];
        if (ph->kind == BEDE_PHRASE_NP) {
            const np_actors *r = w->nps.v[p].done ? &w->nps.v[p] : NULL;
            if (r && r->n == 2 &&
                !same_actor(pstr(w, w->actors.v[r->first].code),
                            pstr(w, w->actors.v[r->first + 1].code))) {
                w->pair[0] = w->actors.v[r->first];
                w->pair[1] = w->actors.v[r->first + 1];
                w->has_pair = 1;
            }
            if (r && (r->n == 3 || r->n == 4) && (ph->flags & BEDE_PHF_COORD)) {
                for (uint32_t k = 0; k < r->n; k++)
                    w->group[k] = w->actors.v[r->first + k];
                w->ngroup = (int)r->n;
            }
        }
        if (ph->kind != BEDE_PHRASE_NP || (ph->flags & BEDE_PHF_COORD))
            continue;
        const np_actors *r = np_of(w, (int32_t)p);
        if (!r || w->actors.v[r->first].how == BEDE_ACTOR_COREF) continue;
        /* subjects of reported content ("said the U.S. bore ...") are not
         * what a later "he" refers to */
        bool subject = false;
        for (uint32_t c = 0; c < w->s->clause_count; c++)
            if (w->cl[c].subject == (int32_t)p &&
                w->cl[c].kind != BEDE_CLAUSE_COMPLEMENT &&
                w->cl[c].kind != BEDE_CLAUSE_RELATIVE &&
                w->cl[c].kind != BEDE_CLAUSE_ADVERBIAL &&
                /* "called on Syria to help": the object asked to act */
                w->cl[c].kind != BEDE_CLAUSE_INFINITIVAL)
                subject = true;
        seen_actor s;
        s.a = w->actors.v[r->first];
        /* what "the council" or "the strikes" refers back to: an NP whose
         * head is part of a name or role ("the Security Council") or an
         * event noun ("U.S. strikes") */
        s.head = NONE;
        uint32_t head_tok = w->s->first_token + ph->head;
        bool named = false, event_noun = false;
        for (size_t i = 0; i < w->mentions.n; i++) {
            const mention *m = &w->mentions.v[i];
            if (!m->blocked && m->first <= head_tok && head_tok < m->last)
                named = true;
        }
        /* "U.S. strikes" ... "denounced the strikes": an NP headed by an
         * event noun is what a later "the strikes" refers to */
        bede_dict_match vm[2];
        if (!named && is_noun_tag(w->toks[ph->head].tag) &&
            match(w, BEDE_DICT_VERBS, head_tok, w->s->first_token +
                                                    w->s->token_count,
                  vm, 2) > 0)
            event_noun = true;
        if (named || event_noun) {
            const char *head = tlower(w, ph->head);
            s.head = pool_code(w, head, strlen(head));
        }
        /* the last word before the head that alone names a role
         * ("Foreign Minister Qin Gang": "minister") */
        s.title = NONE;
        for (uint32_t t = ph->first; t < ph->head; t++) {
            bede_dict_match am[2];
            uint32_t b = w->s->first_token;
            /* ("crown prince Mohammed bin Salman": "prince", the last
             * word of a role of several words) */
            if (is_noun_tag(w->toks[t].tag) ||
                w->toks[t].tag == BEDE_TAG_JJ) {
                if (match(w, BEDE_DICT_AGENTS, b + t, b + ph->head, am, 2) <= 0)
                    continue;
                uint32_t last = am[0].last - 1 - b;
                if (!is_noun_tag(w->toks[last].tag)) continue;
                const char *tl = tlower(w, last);
                s.title = pool_code(w, tl, strlen(tl));
            }
        }
        s.agent = NONE;
        char agent[4];
        const char *code = pstr(w, s.a.code);
        if (strlen(code) >= 6) {
            memcpy(agent, code + 3, 3); /* pool_code may move the pool */
            agent[3] = 0;
            s.agent = pool_code(w, agent, 3);
        }
        s.subject = subject;
        s.root[0] = 0;
        VEC_PUSH(w->seen, s);
    }
    /* the sources of this sentence's events, for a later description by
     * an event noun of the same root: "Russian forces struck Kyiv ...
     * NATO condemned the strikes" */
    for (size_t i = before; i < w->cands.n; i++) {
        const cand *c = &w->cands.v[i];
        seen_actor s;
        memset(&s, 0, sizeof s);
        s.a = c->src;
        s.head = s.title = s.agent = NONE;
        snprintf(s.root, sizeof s.root, "%.2s", pstr(w, c->code));
        VEC_PUSH(w->seen, s);
    }
    for (size_t i = 0; i < w->untargeted.n; i++)
        VEC_PUSH(w->seen, w->untargeted.v[i]);
    w->untargeted.n = 0;
}

/* ------------------------------------------------------------ patterns */

typedef struct {
    bede_worker *w;
    const dict_pattern *pat;
    const dict_elem *el;
    uint32_t lo, hi;     /* sentence tokens the pattern may use */
    int32_t src, tgt;    /* bound NPs (phrase index) */
    int32_t comp;        /* `%` */
    uint32_t words;      /* words matched */
    uint32_t letters;    /* letters of the literal words matched (TABARI) */
    int steps;
    bool has_not;
    uint32_t reach; /* end of the last token the pattern used */
    uint32_t start; /* first token the pattern used before the verb */
    uint32_t neg_lo; /* first token of the verb's group */
    bool bwd_verb;   /* a word matched before `*` is a verb */
    int32_t passive_subject; /* a passive verb's subject NP, or -1 */
    int32_t own_np; /* a noun's own NP (nominal), or -1 */
} pmatch;

static const char *const NEGATIONS[] = {"not", "n't", "never", NULL};

/* The NP (not COORD's conjuncts) with actors starting at sentence token i. */
static int32_t actor_np_at(bede_worker *w, uint32_t i) {
    int32_t best = -1;
    if (i >= w->s->token_count) return -1;
    for (int k = 0; k < 2 && best < 0; k++) {
        int32_t p = w->np_start.v[2 * i + (uint32_t)k];
        if (p >= 0 && np_of(w, p)) best = p;
    }
    if (best >= 0 && (w->ph[best].flags & BEDE_PHF_POSSESSOR) &&
        w->ph[best].attach >= 0 && np_of(w, w->ph[best].attach))
        best = w->ph[best].attach; /* "Iran 's army": the whole NP */
    return best;
}

/* For each token, the (at most two) NPs, not conjuncts, that start there or
 * whose first word after a leading determiner it is; and the PP whose NP
 * starts there. */
static int index_starts(bede_worker *w) {
    uint32_t n = w->s->token_count;
    if (vec_reserve((void **)&w->np_start.v, &w->np_start.cap, 2 * (size_t)n + 2,
                    sizeof(int32_t)) ||
        vec_reserve((void **)&w->pp_prep.v, &w->pp_prep.cap, (size_t)n + 1,
                    sizeof(int32_t)))
        return BEDE_ERR_NOMEM;
    for (uint32_t i = 0; i < 2 * n; i++) w->np_start.v[i] = -1;
    for (uint32_t i = 0; i < n; i++) w->pp_prep.v[i] = -1;
    for (uint32_t p = 0; p < w->s->phrase_count; p++) {
        const bede_phrase *ph = &w->ph[p];
        if (ph->kind == BEDE_PHRASE_PP && ph->first + 1 < n)
            w->pp_prep.v[ph->first + 1] = (int32_t)p;
        if (ph->kind != BEDE_PHRASE_NP || (ph->flags & BEDE_PHF_CONJUNCT))
            continue;
        uint32_t at[2] = {ph->first, UINT32_MAX};
        if (!(ph->flags & BEDE_PHF_POSSESSOR) && ph->det >= 0 &&
            (uint32_t)ph->det + 1 > ph->first && (uint32_t)ph->det + 1 < ph->last)
            at[1] = (uint32_t)ph->det + 1;
        for (int k = 0; k < 2; k++) {
            if (at[k] >= n) continue;
            int32_t *slot = &w->np_start.v[2 * at[k]];
            if (slot[0] < 0)
                slot[0] = (int32_t)p;
            else if (slot[1] < 0)
                slot[1] = (int32_t)p;
        }
    }
    return 0;
}

static bool word_at(const pmatch *m, uint32_t i, uint32_t word, int mode) {
    if ((mode & 3) == WORD_EXACT || (mode & 3) == WORD_LITERAL) {
        uint32_t t = m->w->s->first_token + i;
        return m->w->ids_lower.v[t] == word ||
               ((mode & 3) == WORD_EXACT && m->w->ids_lemma.v[t] == word);
    }
    const char *ws = dict_str(m->w->c->dict, word);
    const char *lower = tlower(m->w, i), *lemma = tlemma(m->w, i);
    switch (mode & 3) {
    case WORD_STEM: return strncmp(lower, ws, strlen(ws)) == 0;
    case WORD_ENDINGS: {
        size_t n = strlen(ws);
        if (strncmp(lower, ws, n) != 0) return strcmp(lemma, ws) == 0;
        const char *r = lower + n;
        return !*r || !strcmp(r, "s") || !strcmp(r, "es") ||
               !strcmp(r, "ed") || !strcmp(r, "ing") || !strcmp(r, "en") ||
               strcmp(lemma, ws) == 0;
    }
    default: return strcmp(lower, ws) == 0 || strcmp(lemma, ws) == 0;
    }
}

/* Does the synset phrase `ph` match forward at token i? End in *end. */
/* Words [k, nwords) of synset phrase ph from token i; a word marked
 * WORD_GAP may come after other words, but not past a comma ("austrian
 * gold florin" for AUSTRIAN FLORIN). End in *end. */
static bool phrase_from(const pmatch *m, const dict_phrase *ph, uint32_t k,
                        uint32_t i, uint32_t *end) {
    const bede_dict *d = m->w->c->dict;
    if (k == ph->nwords) {
        *end = i;
        return true;
    }
    const dict_word *wd = &d->words.v[ph->first_word + k];
    for (uint32_t j = i; j < m->hi; j++) {
        if (word_at(m, j, wd->word, wd->mode) &&
            phrase_from(m, ph, k + 1, j + 1, end))
            return true;
        if (k == 0 || !(wd->mode & WORD_GAP) || !strcmp(tlower(m->w, j), ","))
            break;
    }
    return false;
}

static bool phrase_at(const pmatch *m, const dict_phrase *ph, uint32_t i,
                      uint32_t *end) {
    return phrase_from(m, ph, 0, i, end);
}

static bool synset_at(const pmatch *m, uint32_t entry, uint32_t i,
                      uint32_t *end) {
    const bede_dict *d = m->w->c->dict;
    const dict_entry *e = &d->entries.v[entry];
    for (uint32_t k = 0; k < e->nphrases; k++)
        if (phrase_at(m, &d->phrases.v[e->first_phrase + k], i, end))
            return true;
    return false;
}

/* Index just past the alternative group starting at element k (ALT_OPEN). */
static uint32_t alt_end(const pmatch *m, uint32_t k, uint32_t n) {
    int depth = 0;
    for (; k < n; k++) {
        if (m->el[k].type == PAT_ALT_OPEN) depth++;
        if (m->el[k].type == PAT_ALT_CLOSE && --depth == 0) return k + 1;
    }
    return n;
}

/* Matches elements [k, n) forward from token i (may skip unless joined).
 * On success records the bindings; returns true. */
static bool fwd(pmatch *m, uint32_t k, uint32_t n, uint32_t i, bool joined);

/* Where a pattern binds an actor element: `$` `+` `%`; `^` binds none. */
static int32_t *slot_of(pmatch *m, int type) {
    return type == PAT_SOURCE     ? &m->src
           : type == PAT_TARGET   ? &m->tgt
           : type == PAT_COMPOUND ? &m->comp
                                  : NULL;
}

static bool bwd(pmatch *m, int32_t k, uint32_t i);

/* Element k matched tokens [j, end) before the verb: go on with the
 * elements before it. A negation belongs to the verb's own group (not the
 * "not" of a quotation before "he told"), unless the pattern reads a word
 * before it too ("SUGGESTED_{ NEVER | DON'T } *": the negation is what the
 * pattern is about). */
static bool bwd_take(pmatch *m, int32_t k, uint32_t j, uint32_t end) {
    bool isnot = false, had = m->has_not;
    for (uint32_t t = j; t < end; t++)
        if (str_in_list(NEGATIONS, tlower(m->w, t))) isnot = true;
    if (isnot && j < m->neg_lo && k == 0) return false;
    m->words++;
    if (isnot) m->has_not = true;
    if (bwd(m, k - 1, j)) {
        if (j < m->start) m->start = j;
        for (uint32_t t = j; t < end; t++)
            if (is_verb_tag(m->w->toks[t].tag)) m->bwd_verb = true;
        return true;
    }
    m->words--;
    m->has_not = had;
    return false;
}

/* Letters of a pattern word: TABARI ranks the patterns that match by the
 * letters of their literal words. */
static uint32_t word_letters(const pmatch *m, uint32_t word) {
    return (uint32_t)strlen(dict_str(m->w->c->dict, word));
}

static void reached(pmatch *m, uint32_t end) {
    if (end > m->reach) m->reach = end;
}

static bool fwd_one(pmatch *m, uint32_t k, uint32_t n, uint32_t j) {
    const dict_elem *e = &m->el[k];
    uint32_t end;
    switch (e->type) {
    case PAT_WORD:
        if (!word_at(m, j, e->value, e->mode)) return false;
        m->words++;
        m->letters += word_letters(m, e->value);
        if (fwd(m, k + 1, n, j + 1, e->joined)) {
            reached(m, j + 1);
            return true;
        }
        m->words--;
        m->letters -= word_letters(m, e->value);
        return false;
    case PAT_SYNSET:
        if (!synset_at(m, e->value, j, &end)) return false;
        m->words++;
        if (fwd(m, k + 1, n, end, e->joined)) {
            reached(m, end);
            return true;
        }
        m->words--;
        return false;
    case PAT_SOURCE:
    case PAT_TARGET:
    case PAT_COMPOUND:
    case PAT_SKIP: {
        int32_t p = actor_np_at(m->w, j);
        if (p < 0) return false;
        int32_t *slot = slot_of(m, e->type);
        int32_t old = slot ? *slot : -1;
        if (slot) *slot = p;
        m->words++;
        if (fwd(m, k + 1, n, m->w->ph[p].last, e->joined)) {
            reached(m, m->w->ph[p].last);
            return true;
        }
        m->words--;
        if (slot) *slot = old;
        return false;
    }
    default: return false;
    }
}

static bool fwd(pmatch *m, uint32_t k, uint32_t n, uint32_t i, bool joined) {
    if (++m->steps > MAX_PATTERN_STEPS) return false;
    /* brackets of noun and prepositional phrases only group words */
    while (k < n && (m->el[k].type == PAT_NP_OPEN ||
                     m->el[k].type == PAT_NP_CLOSE ||
                     m->el[k].type == PAT_PP_OPEN ||
                     m->el[k].type == PAT_PP_CLOSE))
        k++;
    if (k >= n) return true;
    if (m->el[k].type == PAT_VERB) return false; /* not here */
    if (m->el[k].type == PAT_TARGET && m->passive_subject >= 0 && m->tgt < 0) {
        /* "Armenia was urged by the EU to ...": the target of an active
         * pattern is the passive verb's subject */
        m->tgt = m->passive_subject;
        m->words++;
        if (fwd(m, k + 1, n, i, false)) return true;
        m->words--;
        m->tgt = -1;
    }
    if (m->el[k].type == PAT_ALT_OPEN) {
        /* { a | b c | d } rest: each alternative followed by the rest, as
         * one sequence */
        uint32_t close = alt_end(m, k, n);
        const dict_elem *saved = m->el;
        dict_elem seq[64];
        uint32_t start = k + 1;
        for (uint32_t a = k + 1; a < close; a++) {
            if (saved[a].type != PAT_ALT_OR && saved[a].type != PAT_ALT_CLOSE)
                continue;
            uint32_t len = (a - start), rest = n - close;
            if (k + len + rest <= sizeof seq / sizeof *seq && len) {
                memcpy(seq, saved, k * sizeof *seq);
                memcpy(seq + k, saved + start, len * sizeof *seq);
                /* "}_X": X follows the alternative directly */
                if (saved[close - 1].joined) seq[k + len - 1].joined = 1;
                memcpy(seq + k + len, saved + close, rest * sizeof *seq);
                m->el = seq;
                bool ok = fwd(m, k, k + len + rest, i, joined);
                m->el = saved;
                if (ok) return true;
            }
            start = a + 1;
        }
        return false;
    }
    for (uint32_t j = i; j < m->hi; j++) {
        if (fwd_one(m, k, n, j)) return true;
        if (joined) break;
        if (m->steps > MAX_PATTERN_STEPS) return false;
    }
    return false;
}

static bool bwd(pmatch *m, int32_t k, uint32_t i);

/* Backward over an alternative group "{ a | b c | d }" closing at element
 * `close`: each alternative followed (leftwards) by the elements before the
 * group is tried as one sequence ("HAS { NOT | DECLINED } *"). */
static bool bwd_alternatives(pmatch *m, int32_t close, uint32_t i) {
    int32_t open = close, depth = 0;
    for (; open >= 0; open--) {
        if (m->el[open].type == PAT_ALT_CLOSE) depth++;
        if (m->el[open].type == PAT_ALT_OPEN && --depth == 0) break;
    }
    if (open < 0) return bwd(m, close - 1, i);
    const dict_elem *saved = m->el;
    dict_elem seq[64];
    bool ok = false;
    for (int32_t start = open + 1, k = open + 1; k <= close && !ok; k++) {
        if (saved[k].type != PAT_ALT_OR && k != close) continue;
        /* elements [0, open) then the alternative [start, k) */
        int32_t n = open + (k - start);
        if (n <= 0 || n > (int32_t)(sizeof seq / sizeof *seq)) {
            start = k + 1;
            continue;
        }
        memcpy(seq, saved, (size_t)open * sizeof *seq);
        memcpy(seq + open, saved + start, (size_t)(k - start) * sizeof *seq);
        if (saved[close].joined && k > start) seq[n - 1].joined = 1;
        m->el = seq;
        ok = bwd(m, n - 1, i);
        m->el = saved;
        start = k + 1;
    }
    return ok;
}

/* Is phrase ph between commas, with a comma before it (after the pattern's
 * start) and one between it and token i? "Gollum, with Radagast, called
 * on Gondor": the actor before the verb is not the aside. */
static bool comma_enclosed(const pmatch *m, const bede_phrase *ph,
                           uint32_t i) {
    bool after = false, before = false;
    for (uint32_t t = ph->last; t < i && !after; t++)
        if (!strcmp(tlower(m->w, t), ",")) after = true;
    for (uint32_t t = m->lo; t < ph->first && !before; t++)
        if (!strcmp(tlower(m->w, t), ",")) before = true;
    return after && before;
}

/* A noun's pattern binds element k (`$`, `+`) to an actor of the noun's
 * own phrase before its head that ends at token j: "ANTI- + *" reads
 * "an anti- Gondor parade". The slot is the noun's NP. */
static bool bwd_own_actor(pmatch *m, int32_t k, uint32_t j) {
    uint32_t base = m->w->s->first_token;
    for (size_t q = 0; q < m->w->mentions.n; q++) {
        const mention *mm = &m->w->mentions.v[q];
        if (mm->agent || mm->blocked || mm->last != base + j + 1 ||
            mm->first < base + m->w->ph[m->own_np].first)
            continue;
        int32_t *slot = slot_of(m, m->el[k].type);
        int32_t old = slot ? *slot : -1;
        if (slot) *slot = m->own_np;
        m->words++;
        if (bwd(m, k - 1, mm->first - base)) return true;
        m->words--;
        if (slot) *slot = old;
    }
    return false;
}

/* Backward: elements [0, k) right to left ending before token i. */
static bool bwd(pmatch *m, int32_t k, uint32_t i) {
    if (++m->steps > MAX_PATTERN_STEPS) return false;
    while (k >= 0 && (m->el[k].type == PAT_NP_OPEN ||
                      m->el[k].type == PAT_NP_CLOSE ||
                      m->el[k].type == PAT_PP_OPEN ||
                      m->el[k].type == PAT_PP_CLOSE))
        k--;
    if (k < 0) return true;
    if (m->el[k].type == PAT_ALT_CLOSE) return bwd_alternatives(m, k, i);
    if (m->el[k].type == PAT_ALT_OPEN || m->el[k].type == PAT_ALT_OR)
        return bwd(m, k - 1, i); /* unbalanced: ignore the bracket */
    const dict_elem *e = &m->el[k];
    bool joined = e->joined;
    for (uint32_t j = i; j-- > m->lo;) {
        if (e->type == PAT_WORD) {
            uint32_t letters = word_letters(m, e->value);
            m->letters += letters;
            if (word_at(m, j, e->value, e->mode) && bwd_take(m, k, j, j + 1))
                return true;
            m->letters -= letters;
        } else if (e->type == PAT_SOURCE || e->type == PAT_TARGET ||
                   e->type == PAT_COMPOUND || e->type == PAT_SKIP) {
            if (m->own_np >= 0 && j >= m->w->ph[m->own_np].first &&
                bwd_own_actor(m, k, j))
                return true;
            /* the actor NP ending at or before j */
            for (uint32_t p = 0; p < m->w->s->phrase_count; p++) {
                const bede_phrase *ph = &m->w->ph[p];
                if (ph->kind != BEDE_PHRASE_NP || ph->last != j + 1 ||
                    (ph->flags & BEDE_PHF_CONJUNCT) ||
                    (ph->flags & BEDE_PHF_POSSESSOR) || !np_of(m->w, (int32_t)p))
                    continue;
                if (comma_enclosed(m, ph, i)) continue;
                int32_t *slot = slot_of(m, e->type);
                int32_t old = slot ? *slot : -1;
                if (slot) *slot = (int32_t)p;
                m->words++;
                if (bwd(m, k - 1, ph->first)) return true;
                m->words--;
                if (slot) *slot = old;
            }
        } else if (e->type == PAT_SYNSET) {
            uint32_t end;
            if (synset_at(m, e->value, j, &end) &&
                (m->el[k].joined ? end == i : end <= i) &&
                bwd_take(m, k, j, end))
                return true;
        }
        /* `a_*`: the word must come right before (a synonym phrase may
         * be several tokens long: try a few starts) */
        if (m->el[k].joined && (e->type != PAT_SYNSET || i - j >= 4)) break;
        if (m->steps > MAX_PATTERN_STEPS) return false;
        (void)joined;
    }
    return false;
}

/* Matches pattern pat around the verb at sentence tokens [v0, v1) within
 * [lo, hi). */
/* Is there, among sentence tokens [from, to), a preposition that opens
 * the background of the news ("following the coup", "amid protests")? */
static const char *const BACKGROUND[] = {"following", "after", "since",
                                         "amid", "before", "during", NULL};

/* Does pattern pat name one of those words itself ("* after talks")? */
static bool names_background(const bede_worker *w, const dict_pattern *pat) {
    const bede_dict *d = w->c->dict;
    for (uint32_t k = 0; k < pat->nelems; k++) {
        const dict_elem *el = &d->elems.v[pat->first_elem + k];
        if (el->type == PAT_WORD && str_in_list(BACKGROUND, dstr(w, el->value)))
            return true;
    }
    return false;
}

static bool background_between(const bede_worker *w, uint32_t from,
                               uint32_t to) {
    for (uint32_t i = from; i < to && i < w->s->token_count; i++)
        if ((w->toks[i].tag == BEDE_TAG_IN || w->toks[i].tag == BEDE_TAG_VBG) &&
            str_in_list(BACKGROUND, tlower(w, i)))
            return true;
    return false;
}

static bool match_pattern(bede_worker *w, const dict_pattern *pat,
                          uint32_t v0, uint32_t v1, uint32_t lo, uint32_t hi,
                          int32_t passive_subject, int32_t own_np,
                          pmatch *m) {
    const bede_dict *d = w->c->dict;
    memset(m, 0, sizeof *m);
    m->w = w;
    m->pat = pat;
    m->el = &d->elems.v[pat->first_elem];
    m->lo = lo;
    m->hi = hi;
    m->src = m->tgt = m->comp = -1;
    m->passive_subject = passive_subject;
    m->own_np = own_np;
    m->start = v0;
    m->neg_lo = w->neg_lo < v0 ? w->neg_lo : v0;
    uint32_t star = pat->nelems;
    for (uint32_t k = 0; k < pat->nelems; k++)
        if (m->el[k].type == PAT_VERB) {
            star = k;
            break;
        }
    if (star == pat->nelems) return false;
    bool joined = m->el[star].joined;
    if (!fwd(m, star + 1, pat->nelems, v1, joined)) return false;
    uint32_t words = m->words;
    int32_t src = m->src, tgt = m->tgt, comp = m->comp;
    if (!bwd(m, (int32_t)star - 1, v0)) return false;
    if (!pat->tabari && star + 1 < pat->nelems &&
        background_between(w, v1, m->reach) && !names_background(w, pat)) {
        /* "suspended its membership following the military coup": the
         * words of the pattern are not read in the background */
        return false;
    }
    (void)words;
    (void)src;
    (void)tgt;
    (void)comp;
    return true;
}

/* ------------------------------------------------------------ events */

/* ------------------------------------------------------------ options
 *
 * What the coder options that change a sentence's events do to one verb's
 * roles: default_source and default_target, code_by, comma_phrases.
 */

static bool same_actor(const char *a, const char *b);
static int32_t first_actor_after(bede_worker *w, uint32_t from, uint32_t hi,
                                 int32_t exclude, bool in_too);
static bool background(const bede_worker *w, const cand *c);
static bool violent(const char *code);
static int32_t unreal_governor(const bede_worker *w, size_t from,
                               const cand *c);

/* The options' state for the sentence w->s: the tokens left out as
 * comma-delimited phrases, no event yet. Returns 0 or BEDE_ERR_NOMEM. */
static int sentence_options(bede_worker *w) {
    const bede_sentence *s = w->s;
    uint32_t nt = s->token_count + 1;
    if (vec_reserve((void **)&w->dropped.v, &w->dropped.cap, nt, 1) ||
        vec_reserve((void **)&w->words_before.v, &w->words_before.cap, nt,
                    sizeof(uint32_t)) ||
        vec_reserve((void **)&w->governor.v, &w->governor.cap, nt,
                    sizeof(governed)) ||
        vec_reserve((void **)&w->made.v, &w->made.cap, nt, sizeof(governed)))
        return BEDE_ERR_NOMEM;
    memset(w->dropped.v, 0, nt);
    memset(w->governor.v, 0, nt * sizeof(governed));
    memset(w->made.v, 0, nt * sizeof(governed));
    w->sentence_cands = w->cands.n;
    w->means_code[0] = 0;
    w->means_clause = -1;
    w->force_code[0] = 0;
    w->force_clause = -1;
    if (!w->c->opts.comma_phrases ||
        !comma_phrases(w->doc, s, &w->c->opts, w->dropped.v,
                       w->words_before.v) ||
        !w->trace)
        return 0;
    char buf[256];
    for (uint32_t a = 0, b; a < s->token_count; a = b) {
        for (b = a; b < s->token_count && w->dropped.v[b]; b++) {
        }
        if (b > a)
            tracef(w, "  left out, a comma-delimited phrase: \"%s\"",
                   span_text(w, a, b, buf, sizeof buf));
        else
            b++;
    }
    return 0;
}

/* BEDE_CODE_ALL: the marks that keep later words from being coded (what a
 * verb's pattern read, its topic) are dropped, but for the words of a
 * verb's own phrase ("called off"). */
static void uncover(bede_worker *w) {
    for (uint32_t t = 0; t < w->s->token_count; t++)
        if (!(w->covered.v[t] & VERB_WORD)) w->covered.v[t] = 0;
}

/* BEDE_CODE_ALL: the actors of the event that a verb at token v0 of clause
 * folds into, or NULL: the verb whose pattern read it, the verb asking,
 * alleging or denying what it tells, the verb of an enclosing clause when
 * it tells the background ("after ..."). */
static const governed *folded_into(const bede_worker *w, uint32_t v0,
                                   int32_t clause) {
    if (w->governor.v[v0].src.n) return &w->governor.v[v0];
    cand c;
    memset(&c, 0, sizeof c);
    c.clause = clause;
    c.verb_first = v0;
    int32_t j = unreal_governor(w, w->sentence_cands, &c);
    if (j >= 0) {
        const governed *g = &w->made.v[w->cands.v[j].verb_first];
        return g->src.n ? g : NULL;
    }
    if (clause < 0 || !background(w, &c)) return NULL;
    for (int32_t k = w->cl[clause].parent, depth = 0; k >= 0 && depth < 16;
         k = w->cl[k].parent, depth++)
        for (size_t i = w->cands.n; i-- > w->sentence_cands;) {
            const cand *g = &w->cands.v[i];
            if (g->clause == k && g->verb_first < v0 &&
                w->made.v[g->verb_first].src.n)
                return &w->made.v[g->verb_first];
        }
    return NULL;
}

/* Are the actors of run t all among those of run s ("Elrond and Gondor
 * urged Bree to assist them": them is the source again)? */
static bool same_actors(const bede_worker *w, const np_actors *s,
                        const np_actors *t) {
    for (uint32_t j = 0; j < t->n; j++) {
        bool in = false;
        for (uint32_t i = 0; i < s->n && !in; i++)
            in = same_actor(pstr(w, w->actors.v[s->first + i].code),
                            pstr(w, w->actors.v[t->first + j].code));
        if (!in) return false;
    }
    return t->n > 0;
}

/* BEDE_CODE_ALL: the actors a possessive determiner of event noun NP np
 * refers to ("Eriador ... by its resumption of ties"): the subject of its
 * clause or of one enclosing it, named before it; NULL if none. */
static const np_actors *possessive_referent(bede_worker *w, int32_t np) {
    if (w->c->opts.code_by != BEDE_CODE_ALL || np < 0) return NULL;
    const bede_phrase *ph = &w->ph[np];
    if (ph->det < 0 || !str_in_list(POSSESSIVES, tlower(w, (uint32_t)ph->det)))
        return NULL;
    for (int32_t c = ph->clause, depth = 0; c >= 0 && depth < 16;
         c = w->cl[c].parent, depth++) {
        int32_t subj = clause_subject(w, c);
        if (subj < 0 || subj == np || w->ph[subj].first > ph->first ||
            (w->ph[subj].flags & BEDE_PHF_PRONOUN))
            continue;
        const np_actors *r = np_of(w, subj);
        if (r) return r;
    }
    return NULL;
}

/* The actors the options give one verb, kept while it is coded. */
typedef struct {
    governed fold;
    np_actors src, tgt, first;
} option_actors;

/* A run of one actor with code (opts.default_source or default_target). */
static np_actors default_actor(bede_worker *w, const char *code) {
    actor a;
    memset(&a, 0, sizeof a);
    a.code = pool_code(w, code, strlen(code));
    a.how = BEDE_ACTOR_DEFAULT;
    a.file = a.agent_file = NONE;
    np_actors r;
    memset(&r, 0, sizeof r);
    r.first = (uint32_t)w->actors.n;
    r.done = 1;
    if (push_actor(w, &a) == 0) r.n = 1;
    return r;
}

/* The source the options give the verb (or noun) at tokens [v0, v1) of
 * clause, whose roles so far are *src and *tgt (the latter from NP
 * tgt_np), reading up to token hi, and what that changes of its target:
 * under BEDE_CODE_ALL, the source of the event it folds into; TABARI's
 * DEFAULT without PRIOR, the first actor after it; opts.default_source. */
static void option_source(bede_worker *w, option_actors *x,
                          const np_actors **src, const np_actors **tgt,
                          int32_t tgt_np, uint32_t v0, uint32_t v1,
                          uint32_t hi, int32_t clause, bool nominal,
                          const char *code) {
    const bede_coder_options *opt = &w->c->opts;
    char buf[256];
    memset(x, 0, sizeof *x);
    const governed *g = opt->code_by == BEDE_CODE_ALL && !nominal
                            ? folded_into(w, v0, clause)
                            : NULL;
    if (g) {
        /* part of that event ("Calenardhon urged Bree to assist it": CAL
         * BRE 102 and CAL BRE 092): its source; its own target other than
         * the source ("it" is the one urging), else that event's */
        x->fold = *g;
        *src = &x->fold.src;
        if (*tgt && same_actors(w, *src, *tgt)) *tgt = NULL;
        if (!*tgt && x->fold.tgt.n) *tgt = &x->fold.tgt;
        tracef(w, "    \"%s\" = %s: part of an earlier verb's event, coded "
                  "with its source",
               span_text(w, v0, v1, buf, sizeof buf), code);
    }
    if (!*src && opt->default_source && !opt->default_source_prior &&
        !nominal) {
        /* TABARI's DEFAULT without PRIOR: the first actor after the verb is
         * the source (the first member of a compound), the next one the
         * target */
        int32_t p = first_actor_after(w, v1, hi, -1, false);
        const np_actors *r = np_of(w, p);
        if (r) {
            x->first = *r;
            x->first.n = 1;
            *src = &x->first;
            if (!*tgt || tgt_np == p) {
                *tgt = NULL;
                if (r->n > 1) {
                    x->tgt = *r;
                    x->tgt.first++;
                    x->tgt.n--;
                    *tgt = &x->tgt;
                } else {
                    *tgt = np_of(w, first_actor_after(w, w->ph[p].last, hi,
                                                      -1, false));
                }
            }
            tracef(w, "    \"%s\" = %s: the first actor after it is the "
                      "source",
                   span_text(w, v0, v1, buf, sizeof buf), code);
        }
    }
    if (!*src && opt->default_source) {
        x->src = default_actor(w, opt->default_source);
        if (x->src.n) *src = &x->src;
        tracef(w, "    \"%s\" = %s: no source actor, the default %s",
               span_text(w, v0, v1, buf, sizeof buf), code,
               opt->default_source);
    }
}

/* opts.default_target for a verb without a target: with
 * default_target_after also where a compound source would act on itself
 * (mutual), else only where it would not. */
static void option_target(bede_worker *w, option_actors *x,
                          const np_actors **tgt, bool mutual, uint32_t v0,
                          uint32_t v1, const char *code) {
    const bede_coder_options *opt = &w->c->opts;
    char buf[256];
    if (*tgt || !opt->default_target || (mutual && !opt->default_target_after))
        return;
    x->tgt = default_actor(w, opt->default_target);
    if (x->tgt.n) *tgt = &x->tgt;
    tracef(w, "    \"%s\" = %s: no target actor, the default %s",
           span_text(w, v0, v1, buf, sizeof buf), code, opt->default_target);
}

/* Remembers the actors of the event of the verb at token v0, and that the
 * later words its pattern read, up to token reach, belong to that event
 * (for BEDE_CODE_ALL). */
static void record_event(bede_worker *w, uint32_t v0, uint32_t v1,
                         uint32_t reach, const np_actors *src,
                         const np_actors *tgt) {
    governed g;
    memset(&g, 0, sizeof g);
    g.src = *src;
    if (tgt) g.tgt = *tgt;
    w->made.v[v0] = g;
    for (uint32_t t = v1; t < reach && t < w->s->token_count; t++)
        w->governor.v[t] = g;
}

/* The value of the longest key of map[0..n) that is a prefix of code
 * ("0811" takes the row of "081"), or NULL. */
static const char *by_longest_prefix(const char *const (*map)[2], size_t n,
                                     const char *code) {
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(map[i][0]);
        if (k > best_len && strncmp(code, map[i][0], k) == 0) {
            best = map[i][1];
            best_len = k;
        }
    }
    return best;
}

/* CAMEO codes a promise of cooperation as intent (03x): "said it would
 * release", "will send aid". The intent code of a cooperative action, or
 * NULL when the code is not one. */
static const char *intent_code(const char *code) {
    static const char *const map[][2] = {
        {"040", "036"},   {"041", "036"},   {"042", "036"},  {"043", "036"},
        {"044", "036"},   {"045", "039"},   {"046", "036"},  {"05", "032"},
        {"057", "037"},   {"060", "031"},   {"061", "0311"}, {"062", "0312"},
        {"063", "0313"},  {"064", "0314"},  {"070", "033"},  {"071", "0331"},
        {"072", "0332"},  {"073", "0333"},  {"074", "0334"}, {"075", "0334"},
        {"080", "035"},   {"081", "0351"},  {"082", "0352"}, {"083", "034"},
        {"0831", "0341"}, {"0832", "0342"}, {"0833", "0343"},
        {"0834", "0344"}, {"084", "0353"},  {"085", "0354"}, {"086", "0355"},
        {"087", "0356"}};
    return by_longest_prefix(map, sizeof map / sizeof *map, code);
}

/* A coercive act in the future tense ("Israel would strike Lebanon",
 * "will impose sanctions") is CAMEO's threat of it (13x), or NULL. */
static const char *threat_code(const char *code) {
    static const char *const map[][2] = {
        {"16", "131"},  {"163", "1312"}, {"164", "1313"}, {"17", "137"},
        {"18", "1383"}, {"19", "1384"},  {"191", "1381"}, {"192", "1382"},
        {"20", "1383"}, {"204", "1385"}};
    return by_longest_prefix(map, sizeof map / sizeof *map, code);
}

/* Verbs whose object noun carries the event: "carried out airstrikes". */
static const char *const LIGHT_VERBS[] = {
    "carry", "launch", "conduct", "stage", "mount", "wage", "hold", "make",
    "order", "step", "intensify", "escalate", "begin", "start", "continue",
    "resume", "commit", "perpetrate", "unleash", "announce", "complete",
    "finish", "end", NULL};

/* TABARI's test of a verb (its manual, 7.4): a word of the verb
 * dictionary is a verb unless "the", "a" or "an" comes right before it or
 * it is capitalised inside the sentence. */
static bool tabari_verb_word(const bede_worker *w, uint32_t i) {
    if (i > 0) {
        const char *p = tlower(w, i - 1);
        if (!strcmp(p, "the") || !strcmp(p, "a") || !strcmp(p, "an"))
            return false;
        if (w->toks[i].flags & BEDE_TOKF_CAPITALIZED) return false;
    }
    return true;
}

/* Does the verb of clause c, ending at token v1, order ("order",
 * "decree") an act its object names with a noun of the verb dictionary
 * ("ordered the expulsion of", "decreed the closure of")? */
static bool ordered_act(bede_worker *w, int32_t c, uint32_t v1) {
    static const char *const ORDERING[] = {"order", "decree", NULL};
    const bede_clause *cl = &w->cl[c];
    if (cl->verb < 0 || cl->object < 0 ||
        !str_in_list(ORDERING, tlemma(w, w->ph[cl->verb].head)) ||
        w->ph[cl->object].first < v1)
        return false;
    uint32_t h = w->ph[cl->object].head;
    int tag = w->toks[h].tag;
    if (tag != BEDE_TAG_NN && tag != BEDE_TAG_NNS) return false;
    bede_dict_match m[MAX_MATCHES];
    uint32_t base = w->s->first_token;
    return match(w, BEDE_DICT_VERBS, base + h, base + w->s->token_count, m,
                 MAX_MATCHES) > 0;
}

static int add_cand(bede_worker *w, const actor *src, const actor *tgt,
                    const char *code, size_t cn, uint32_t v0, uint32_t v1,
                    uint32_t rule_file, uint32_t rule_line, uint32_t rule,
                    uint32_t flags) {
    cand c;
    memset(&c, 0, sizeof c);
    c.src = *src;
    if (tgt) {
        c.tgt = *tgt;
    } else {
        c.tgt.code = NONE;
        c.tgt.how = BEDE_ACTOR_NONE;
        c.tgt.file = c.tgt.agent_file = NONE;
    }
    c.code = pool_code(w, code, cn);
    c.verb_first = v0;
    c.verb_last = v1;
    c.rule_file = rule_file;
    c.rule_line = rule_line;
    c.rule = rule;
    c.flags = flags;
    c.clause = w->cur_clause;
    c.reads_back = w->cur_reads_back;
    return VEC_PUSH(w->cands, c);
}


/* Emits events for every source x target of the NP runs, for code (may be
 * "A:B", "A", ":B"). */
static void make_events(bede_worker *w, const np_actors *src,
                        const np_actors *tgt, const char *code, uint32_t v0,
                        uint32_t v1, uint32_t rule_file, uint32_t rule_line,
                        uint32_t rule, uint32_t flags) {
    char main_code[16] = "", paired[16] = "";
    const char *colon = strchr(code, ':');
    size_t mn = colon ? (size_t)(colon - code) : strlen(code);
    snprintf(main_code, sizeof main_code, "%.*s", (int)mn, code);
    if (colon) snprintf(paired, sizeof paired, "%s", colon + 1);
    /* TABARI's ! and ? mark dominant and subordinate events (select_events)
     * and are not part of the code */
    uint8_t main_rank = RANK_PLAIN, paired_rank = RANK_PLAIN;
    for (char *p = main_code; *p; p++)
        if (*p == '!' || *p == '?') {
            main_rank = *p == '!' ? RANK_DOMINANT : RANK_SUBORDINATE;
            *p = 0;
        }
    for (char *p = paired; *p; p++)
        if (*p == '!' || *p == '?') {
            paired_rank = *p == '!' ? RANK_DOMINANT : RANK_SUBORDINATE;
            *p = 0;
        }
    uint32_t nf = (src->n > 1 || (tgt && tgt->n > 1)) ? BEDE_EVF_COMPOUND : 0;
    for (uint32_t i = 0; i < src->n; i++) {
        actor sa = w->actors.v[src->first + i];
        uint32_t nt = tgt ? tgt->n : 1;
        for (uint32_t j = 0; j < nt; j++) {
            const actor *ta = tgt ? &w->actors.v[tgt->first + j] : NULL;
            if (ta && same_actor(pstr(w, sa.code), pstr(w, ta->code)) &&
                !w->cur_other_self)
                continue; /* an actor acting on itself */
            if (*main_code && strcmp(main_code, "---") != 0 &&
                add_cand(w, &sa, ta, main_code, strlen(main_code), v0, v1,
                         rule_file, rule_line, rule, flags | nf) == 0)
                w->cands.v[w->cands.n - 1].rank = main_rank;
            if (*paired && strcmp(paired, "---") != 0 && ta &&
                add_cand(w, ta, &sa, paired, strlen(paired), v0, v1,
                         rule_file, rule_line, rule, flags | nf) == 0)
                w->cands.v[w->cands.n - 1].rank = paired_rank;
        }
    }
}

/* The end of what a verb may read after it in its clause: the clause, cut
 * where a nested clause with a verb and subject of its own starts after the
 * verb — a coordinate or adverbial one, and, unless `reported`, reported
 * content and "of V-ing" ("accused X of attacking"). Relative and
 * participial clauses describing the object and infinitival ones the verb
 * governs stay in. */
/* "in retaliation for the killing of ...", "in response to the
 * attack": what is answered came before */
static const char *const RESPONSE_TO[] = {"retaliation", "response",
                                          "revenge", "reprisal", NULL};

static const char *const ABOUT_PREPS[] = {"of", "for", "about", "over",
                                          "on", NULL};

static uint32_t verb_reach(const bede_worker *w, int32_t clause, uint32_t v1,
                           bool reported) {
    if (clause < 0 || (uint32_t)clause >= w->s->clause_count)
        return w->s->token_count;
    uint32_t hi = w->cl[clause].last;
    for (uint32_t k = 0; k < w->s->clause_count; k++) {
        const bede_clause *o = &w->cl[k];
        /* "accused X of targeting", "optimistic about reviving talks
         * with Y": what the verb is about */
        bool of_ing = o->kind == BEDE_CLAUSE_ADVERBIAL &&
                      str_in_list(ABOUT_PREPS, tlower(w, o->first));
        /* "declared martial law, accusing the opposition of ...": a
         * participle after a comma is an act of its own, not the object's
         * description */
        bool own_act = o->kind == BEDE_CLAUSE_PARTICIPIAL && o->first > 0 &&
                       w->toks[o->first - 1].tag == BEDE_TAG_COMMA;
        if (o->parent != clause || o->kind == BEDE_CLAUSE_INFINITIVAL ||
            o->kind == BEDE_CLAUSE_RELATIVE ||
            (o->kind == BEDE_CLAUSE_PARTICIPIAL && !own_act) || of_ing ||
            (reported && o->kind == BEDE_CLAUSE_COMPLEMENT))
            continue;
        if (o->first >= v1 && o->first < hi) hi = o->first;
    }
    return hi;
}

/* First actor NP after token `from` within [from, hi), not excluded. */
/* Prepositions of place and time: "met in Abu Dhabi" names where, not
 * whom. */
/* ("fought alongside Russian forces": allies, not whom) */
static const char *const LOCATIVE[] = {
    "near",   "inside", "outside",   "during", "across", "throughout",
    "around", "within", "along",     "beyond", "amid",   "alongside",
    "beside", NULL};

/* Is the NP starting at token i the object of a place or time PP? "in"
 * counts only when `in_too` ("Pashinyan and Aliyev met in Abu Dhabi"; but
 * "Xi arrived in Moscow" is a visit to Russia). */
static bool in_locative_pp(bede_worker *w, uint32_t i, bool in_too) {
    if (i >= w->s->token_count) return false;
    /* "fought alongside Russian forces" with "alongside" read as an
     * adverb */
    if (i > 0 && str_in_list(LOCATIVE, tlower(w, i - 1))) return true;
    if (w->pp_prep.v[i] < 0) return false;
    const bede_phrase *pp = &w->ph[w->pp_prep.v[i]];
    const char *prep = tlower(w, pp->first);
    return str_in_list(LOCATIVE, prep) || (in_too && !strcmp(prep, "in"));
}

/* First actor NP after token `from` within [from, hi), not excluded and not
 * a place or time. */
static int32_t first_actor_after(bede_worker *w, uint32_t from, uint32_t hi,
                                 int32_t exclude, bool in_too) {
    for (uint32_t i = from; i < hi; i++) {
        /* "vowed to strengthen its forces during a visit to a weapons
         * factory": what follows is the circumstance */
        if (w->toks[i].tag == BEDE_TAG_IN &&
            (!strcmp(tlower(w, i), "during") || !strcmp(tlower(w, i), "amid")))
            return -1;
        int32_t p = actor_np_at(w, i);
        if (p >= 0 && p != exclude &&
            !in_locative_pp(w, w->ph[p].first, in_too))
            return p;
    }
    return -1;
}

/* TABARI's default target search (its manual, 5.8): the first actor after
 * the verb whose code is not the source's, else the first such before it,
 * leaving out comma phrases and roles of no known state; NULL when none. */
static const np_actors *tabari_target(bede_worker *w, const np_actors *src,
                                      uint32_t v0, uint32_t v1) {
    char sc[64]; /* a copy: resolving a phrase may move the pool */
    snprintf(sc, sizeof sc, "%s", pstr(w, w->actors.v[src->first].code));
    for (int pass = 0; pass < 2; pass++) {
        uint32_t from = pass ? 0 : v1;
        uint32_t to = pass ? v0 : w->s->token_count;
        for (uint32_t i = from; i < to; i++) {
            if (w->dropped.v[i]) continue;
            int32_t p = actor_np_at(w, i);
            if (p < 0 || (uint32_t)w->ph[p].first != i) continue;
            const np_actors *r = np_of(w, p);
            if (!r || !r->n || r->against) continue;
            const char *tc = pstr(w, w->actors.v[r->first].code);
            if (tc[0] == '~' || tc[0] == '-' || same_actor(tc, sc)) continue;
            return r;
        }
    }
    return NULL;
}

/* TABARI's default source search (its manual, 5.8): the first actor
 * before the verb, from the start of the sentence, whose code is not the
 * target's; NULL when none. */
static const np_actors *tabari_source(bede_worker *w, const np_actors *tgt,
                                      uint32_t v0) {
    char tcode[64] = ""; /* a copy: resolving a phrase may move the pool */
    if (tgt && tgt->n)
        snprintf(tcode, sizeof tcode, "%s",
                 pstr(w, w->actors.v[tgt->first].code));
    const char *tc = tcode[0] ? tcode : NULL;
    for (uint32_t i = 0; i < v0; i++) {
        int32_t p = actor_np_at(w, i);
        if (p < 0 || w->ph[p].first != i) continue;
        const np_actors *r = np_of(w, p);
        if (!r || !r->n || r->against) continue;
        if (tc && same_actor(pstr(w, w->actors.v[r->first].code), tc))
            continue;
        return r;
    }
    return NULL;
}

/* "A gunman shot and wounded the prime minister": a verb whose clause
 * ends at "and" + a verb without a subject of its own shares that verb's
 * object; returns the object NP, or -1. */
static int32_t shared_object(bede_worker *w, int32_t clause, uint32_t v1) {
    if (clause < 0) return -1;
    for (uint32_t k = 0; k < w->s->clause_count; k++) {
        const bede_clause *o = &w->cl[k];
        if (o->parent != clause || o->kind != BEDE_CLAUSE_COORDINATE ||
            o->first != v1 ||
            (o->subject >= 0 && w->ph[o->subject].first >= o->first) ||
            o->verb < 0 ||
            o->object < 0 || strcmp(tlower(w, o->first), "and") != 0 ||
            w->ph[o->verb].first != o->first + 1)
            continue;
        return np_of(w, o->object) ? o->object : -1;
    }
    return -1;
}

/* Are t's actors the source's state's own (BGDMIL for BGDGOV): what a
 * show of force deploys, not whom it is against ("deployed the army")? */
static bool own_forces(const bede_worker *w, const np_actors *src,
                       const np_actors *t) {
    if (!t || !t->n || !src->n) return false;
    for (uint32_t j = 0; j < t->n; j++) {
        const char *tc = pstr(w, w->actors.v[t->first + j].code);
        bool mine = false;
        for (uint32_t i = 0; i < src->n && !mine; i++)
            mine = !strncmp(tc, pstr(w, w->actors.v[src->first + i].code), 3);
        if (!mine) return false;
    }
    return true;
}

/* The first actor of np (a role that took a guessed state) as a copy in
 * *out with the state of another state the sentence names, put in
 * other[4]; false if the sentence names none. */
static bool move_state(bede_worker *w, const np_actors *np, np_actors *out,
                       char other[4]) {
    actor a = w->actors.v[np->first]; /* a copy: the NP keeps its own */
    const char *c = pstr(w, a.code);
    if (!sentence_state_except(w, c, other)) return false;
    char moved[64];
    snprintf(moved, sizeof moved, "%s%s", other, c + 3);
    a.code = pool_code(w, moved, strlen(moved));
    out->first = (uint32_t)w->actors.n;
    out->n = push_actor(w, &a) == 0;
    out->done = 1;
    return true;
}

/* Are t's actors the armed forces of the source, a state or its
 * government, that an act of aid or an intent sends or offers ("will send
 * 20,000 troops to Gaza")? */
static bool sent_forces(const bede_worker *w, const np_actors *src,
                        const np_actors *t, const char *code) {
    if (!t || !t->n || (strncmp(code, "07", 2) && strncmp(code, "03", 2)) ||
        !own_forces(w, src, t))
        return false;
    for (uint32_t i = 0; i < src->n; i++) { /* a state or its government */
        const char *c = pstr(w, w->actors.v[src->first + i].code);
        if (strlen(c) != 3 && strncmp(c + 3, "GOV", 3)) return false;
    }
    for (uint32_t j = 0; j < t->n; j++) {
        const char *c = pstr(w, w->actors.v[t->first + j].code);
        if (strlen(c) < 6 || !strstr(c + 3, "MIL")) return false;
    }
    return true;
}

/* Are all of t's actors a state's people against its rulers or
 * without arms (opposition, rebels, insurgents, civilians, students,
 * workers)? Police deployed "ahead of an opposition march" are shown to
 * them, not the state's own. */
static bool dissidents(const bede_worker *w, const np_actors *t) {
    static const char *const roles[] = {"OPP", "REB", "INS", "CVL",
                                        "EDU", "LAB", NULL};
    if (!t || !t->n) return false;
    for (uint32_t j = 0; j < t->n; j++) {
        const char *c = pstr(w, w->actors.v[t->first + j].code);
        char role[4];
        if (strlen(c) < 6) return false;
        snprintf(role, sizeof role, "%s", c + 3);
        if (!str_in_list(roles, role)) return false;
    }
    return true;
}

/* "had been placed on full alert and were ready to respond to any
 * Israeli attack": a posture joined by "and" to the same subject's
 * readiness ("ready", "prepared") to answer someone is aimed at that
 * someone; the readiness is the posture, not a threat of its own (its
 * words are marked read). Returns the NP of whom, or -1. */
static int32_t readiness_target(bede_worker *w, int32_t clause, uint32_t v1) {
    static const char *const ready[] = {"ready", "prepared", NULL};
    if (clause < 0) return -1;
    for (uint32_t k = 0; k < w->s->clause_count; k++) {
        const bede_clause *o = &w->cl[k];
        if (o->parent != clause || o->kind != BEDE_CLAUSE_COORDINATE ||
            o->first < v1 || strcmp(tlower(w, o->first), "and") != 0 ||
            (o->subject >= 0 && w->ph[o->subject].first >= o->first))
            continue;
        uint32_t r = o->first + 1;
        while (r < o->last && r < o->first + 4 &&
               !str_in_list(ready, tlower(w, r)))
            r++;
        if (r >= o->last || !str_in_list(ready, tlower(w, r))) continue;
        int32_t p = first_actor_after(w, r, o->last, -1, false);
        if (p < 0) continue;
        for (uint32_t t = o->first; t < o->last && t < w->s->token_count; t++)
            w->covered.v[t] |= 1;
        return p;
    }
    return -1;
}

/* For a clause describing NP deal ("a deal brokered by China", "the
 * truce mediated by Qatar"), when deal names an accord, the compound
 * subject of the nearest clause around it that has one (the parties), or
 * -1. */
static int32_t deal_parties(bede_worker *w, int32_t clause, int32_t deal) {
    static const char *const accords[] = {
        "deal",  "agreement", "accord", "truce",      "ceasefire",
        "pact",  "talks",     "treaty", "settlement", "exchange", NULL};
    if (clause < 0 || deal < 0 ||
        !str_in_list(accords, tlemma(w, w->ph[deal].head)))
        return -1;
    for (int32_t c = w->cl[clause].parent, depth = 0; c >= 0 && depth < 16;
         c = w->cl[c].parent, depth++) {
        int32_t s = clause_subject(w, c);
        const np_actors *a = s >= 0 ? np_of(w, s) : NULL;
        if (a && a->n > 1) return s;
        if (a) return -1;
    }
    return -1;
}

/* For subject NP subj naming prisoners, the NP of an "in" PP right after
 * it whose head is a place of detention held by another state ("in
 * Israeli jails", "in Russian custody"), or -1. */
static int32_t jailer_of(bede_worker *w, int32_t subj, const np_actors *src) {
    static const char *const held[] = {"prisoner", "detainee", "inmate",
                                       "captive", NULL};
    static const char *const jails[] = {"jail", "prison", "custody",
                                        "detention", NULL};
    if (subj < 0 || !str_in_list(held, tlemma(w, w->ph[subj].head)))
        return -1;
    uint32_t i = w->ph[subj].last;
    if (i + 1 >= w->s->token_count || strcmp(tlower(w, i), "in") != 0)
        return -1;
    int32_t q = actor_np_at(w, i + 1);
    const np_actors *j = q >= 0 ? np_of(w, q) : NULL;
    if (!j || j->n != 1 || !str_in_list(jails, tlemma(w, w->ph[q].head)))
        return -1;
    const char *jc = pstr(w, w->actors.v[j->first].code);
    for (uint32_t k = 0; k < src->n; k++)
        if (!strncmp(jc, pstr(w, w->actors.v[src->first + k].code), 3))
            return -1;
    return q;
}

/* The complement clause (with a subject) of an infinitive of demanding
 * that follows verb end v1 of clause ("... to demand that the government
 * withdraw the law"), or -1. */
static int32_t demand_purpose(bede_worker *w, int32_t clause, uint32_t v1) {
    static const char *const demanding[] = {"demand", "urge", "insist",
                                            NULL};
    if (clause < 0) return -1;
    for (uint32_t k = 0; k < w->s->clause_count; k++) {
        const bede_clause *o = &w->cl[k];
        if (o->parent != clause || o->kind != BEDE_CLAUSE_INFINITIVAL ||
            o->first < v1 || o->verb < 0 ||
            !str_in_list(demanding, tlemma(w, w->ph[o->verb].head)))
            continue;
        for (uint32_t j = 0; j < w->s->clause_count; j++)
            if (w->cl[j].parent == (int32_t)k &&
                w->cl[j].kind == BEDE_CLAUSE_COMPLEMENT &&
                w->cl[j].subject >= 0)
                return (int32_t)j;
        return -1;
    }
    return -1;
}

/* Does any actor of t share a state with an actor of src? */
static bool shares_state(const bede_worker *w, const np_actors *src,
                         const np_actors *t) {
    if (!t) return false;
    for (uint32_t j = 0; j < t->n; j++)
        for (uint32_t i = 0; i < src->n; i++)
            if (!strncmp(pstr(w, w->actors.v[t->first + j].code),
                         pstr(w, w->actors.v[src->first + i].code), 3))
                return true;
    return false;
}

/* Verbs of saying that, with "must" in what they tell, demand. */
static const char *const DEMANDING_SAY[] = {"say", "tell", "stress",
                                            "insist", "declare", NULL};

/* The complement clause after verb end v1 of clause whose verb group is
 * "must" + a verb (not "must have"), or -1. */
static int32_t must_content(bede_worker *w, int32_t clause, uint32_t v1) {
    if (clause < 0) return -1;
    for (uint32_t k = 0; k < w->s->clause_count; k++) {
        const bede_clause *o = &w->cl[k];
        if (o->parent != clause || o->kind != BEDE_CLAUSE_COMPLEMENT ||
            o->first < v1 || o->verb < 0)
            continue;
        const bede_phrase *vp = &w->ph[o->verb];
        if (vp->flags & BEDE_PHF_NEGATED) return -1;
        for (uint32_t t = vp->first; t < vp->head; t++)
            if (!strcmp(tlower(w, t), "must") &&
                strcmp(tlower(w, t + 1), "have") != 0)
                return (int32_t)k;
        return -1;
    }
    return -1;
}

/* Is NP p the object of a preposition naming a topic ("for", "on",
 * "about", "over", "regarding")? */
static bool topic_pp(const bede_worker *w, int32_t p) {
    static const char *const preps[] = {"for", "on", "about", "over",
                                        "regarding", NULL};
    const bede_phrase *ph = &w->ph[p];
    return ph->first > 0 && str_in_list(preps, tlower(w, ph->first - 1));
}

/* Is code a consultation with a partner (04x but visits and hosting)? */
static bool consult_code(const char *code) {
    return !strncmp(code, "04", 2) && strncmp(code, "042", 3) != 0 &&
           strncmp(code, "043", 3) != 0;
}

/* May NP p be whom clause's consultation is with: its object, or after
 * "with", "to", "from" ("a call from"), "by" ("a message sent by"),
 * "between" or "among"? */
static bool consult_partner(const bede_worker *w, int32_t clause, int32_t p) {
    static const char *const preps[] = {"with", "to",    "from", "by",
                                        "between", "among", NULL};
    if (clause >= 0 && w->cl[clause].object == p) return true;
    const bede_phrase *ph = &w->ph[p];
    if (ph->first == 0) return false;
    const char *before = tlower(w, ph->first - 1);
    if (str_in_list(preps, before)) return true;
    /* the object itself, not an earlier noun: "met Macron" */
    int tag = w->toks[ph->first - 1].tag;
    return tag != BEDE_TAG_IN && tag != BEDE_TAG_TO && tag != BEDE_TAG_DT &&
           is_verb_tag(tag);
}

/* Is NP p possibly a partner of an act: not the object of "by", "under",
 * "from", "despite", "amid" or "during" (a broker, a framework, a
 * circumstance)? */
static bool partner_pp(const bede_worker *w, int32_t p) {
    static const char *const preps[] = {"by",   "under", "from", "despite",
                                        "amid", "during", NULL};
    const bede_phrase *ph = &w->ph[p];
    if (ph->first == 0) return true;
    return !str_in_list(preps, tlower(w, ph->first - 1));
}

/* Is NP p what an event noun happened to: the object of an "of" PP after
 * a noun of the verb dictionary ("the killing of 26 tourists")? */
static bool event_patient(bede_worker *w, int32_t p) {
    const bede_phrase *n = &w->ph[p];
    if (n->first < 2 || strcmp(tlower(w, n->first - 1), "of") != 0)
        return false;
    uint32_t h = n->first - 2; /* the head noun before "of" */
    if (!is_noun_tag(w->toks[h].tag)) return false;
    bede_dict_match vm[2];
    uint32_t b = w->s->first_token;
    return match(w, BEDE_DICT_VERBS, b + h, b + w->s->token_count, vm, 2) > 0;
}

/* Is NP p a court named after "at", "in", "before" or "with": where a
 * case is brought, not whom it is against? */
static bool court_venue(bede_worker *w, int32_t p) {
    static const char *const preps[] = {"at", "in", "before", "with", NULL};
    static const char *const courts[] = {"court", "tribunal", NULL};
    const bede_phrase *n = &w->ph[p];
    return n->first > 0 && str_in_list(preps, tlower(w, n->first - 1)) &&
           str_in_list(courts, tlemma(w, n->head));
}

/* The object of a participle or relative clause of accusing that follows
 * verb end v1 in clause ("a case ... accusing Israel of genocide"), or
 * -1. */
static int32_t accused_by_case(bede_worker *w, int32_t clause, uint32_t v1) {
    static const char *const accuse[] = {"accuse", "charge", "allege", NULL};
    if (clause < 0) return -1;
    for (uint32_t k = 0; k < w->s->clause_count; k++) {
        const bede_clause *o = &w->cl[k];
        if (o->parent != clause || o->first < v1 || o->verb < 0 ||
            o->object < 0 ||
            (o->kind != BEDE_CLAUSE_RELATIVE &&
             o->kind != BEDE_CLAUSE_PARTICIPIAL) ||
            !str_in_list(accuse, tlemma(w, w->ph[o->verb].head)))
            continue;
        return np_of(w, o->object) ? o->object : -1;
    }
    return -1;
}

/* Is NP p the subject of an absolute "with" after a comma (", with
 * Oman's foreign minister carrying messages"): "with", its NP (with a
 * possessor), then a present participle? */
static bool absolute_with(bede_worker *w, int32_t p) {
    uint32_t start = w->ph[p].first;
    for (uint32_t q = 0; q < w->s->phrase_count; q++)
        if ((w->ph[q].flags & BEDE_PHF_POSSESSOR) &&
            w->ph[q].attach == p && w->ph[q].first < start)
            start = w->ph[q].first;
    uint32_t end = w->ph[p].last;
    return start >= 2 && !strcmp(tlower(w, start - 1), "with") &&
           w->toks[start - 2].tag == BEDE_TAG_COMMA &&
           end < w->s->token_count && w->toks[end].tag == BEDE_TAG_VBG;
}

/* Is NP p whom an earlier act named by a noun in a PP was done to
 * ("opened an investigation into the attack on the prime minister",
 * "protested against the arrest of the city's mayor")? The act the
 * verb is about is the attack or the arrest, whose victim is not the
 * verb's target. */
static bool patient_of_act(bede_worker *w, int32_t p) {
    static const char *const preps[] = {"of", "on", "against", NULL};
    /* "the arrest of the city's mayor, Ekrem Imamoglu": the name is the
     * mayor */
    if ((w->ph[p].flags & BEDE_PHF_APPOS) && w->ph[p].attach >= 0)
        p = w->ph[p].attach;
    uint32_t start = w->ph[p].first;
    for (uint32_t q = 0; q < w->s->phrase_count; q++)
        if ((w->ph[q].flags & BEDE_PHF_POSSESSOR) &&
            w->ph[q].attach == p && w->ph[q].first < start)
            start = w->ph[q].first; /* "the city 's mayor" */
    if (start < 3 || !str_in_list(preps, tlower(w, start - 1))) return false;
    uint32_t h = start - 2; /* the act's noun */
    if (!is_noun_tag(w->toks[h].tag)) return false;
    bede_dict_match vm[2];
    uint32_t b = w->s->first_token;
    if (match(w, BEDE_DICT_VERBS, b + h, b + w->s->token_count, vm, 2) <= 0)
        return false;
    /* the noun's own phrase is the object of a preposition of what is
     * looked into or answered; not "for" ("called for a boycott against
     * X", "claimed responsibility for an attack on X": the source's own
     * act, whose target is the verb's) */
    static const char *const about[] = {"into", "against", "over", "about",
                                        "at", NULL};
    uint32_t k = h;
    while (k > 0 && (is_noun_tag(w->toks[k - 1].tag) ||
                     w->toks[k - 1].tag == BEDE_TAG_JJ ||
                     w->toks[k - 1].tag == BEDE_TAG_DT))
        k--;
    return k > 0 && str_in_list(about, tlower(w, k - 1));
}

/* May NP p of reported content be a statement's target: not the
 * speaker's own (src), not a description of an earlier event, not what
 * an event noun was done to? */
static bool content_target(bede_worker *w, const np_actors *src, int32_t p) {
    const np_actors *t = np_of(w, p);
    if (!t || !t->n) return false;
    if (w->actors.v[t->first].by_event || event_patient(w, p)) return false;
    if (!(src && t->n == 1 && src->n == 1)) return true;
    const char *sc = pstr(w, w->actors.v[src->first].code);
    const char *tc = pstr(w, w->actors.v[t->first].code);
    /* "the commerce ministry said Beijing would ...": its own state */
    return !same_actor(sc, tc) &&
           !(strlen(tc) == 3 && is_state(tc) && !strncmp(sc, tc, 3));
}

/* Is NP p, with a possessive determiner ("their forces", "its
 * troops"), the source's own side? */
static bool possessed_own(bede_worker *w, const np_actors *src, int32_t p) {
    const bede_phrase *ph = &w->ph[p];
    return ph->det >= 0 &&
           str_in_list(POSSESSIVES, tlower(w, (uint32_t)ph->det)) &&
           own_forces(w, src, np_of(w, p));
}

/* A copy of actor a as a run of its own, the NP actors *out. */
static bool copy_actor(bede_worker *w, const actor *a, np_actors *out) {
    actor copy = *a; /* a may point into the actors push_actor grows */
    out->first = (uint32_t)w->actors.n;
    if (push_actor(w, &copy) != 0) return false;
    out->n = 1;
    out->done = 1;
    return true;
}

/* For a verb of coordinate clause c joined by "and" without a subject of
 * its own, the target of the event its parent clause's verb made with the
 * same source, as a run in *out; false if none. */
static bool earlier_partner(bede_worker *w, int32_t c, const np_actors *src,
                            np_actors *out) {
    if (c < 0 || w->cl[c].kind != BEDE_CLAUSE_COORDINATE ||
        strcmp(tlower(w, w->cl[c].first), "and") != 0 ||
        (w->cl[c].subject >= 0 &&
         w->ph[w->cl[c].subject].first >= w->cl[c].first))
        return false;
    const char *sc = pstr(w, w->actors.v[src->first].code);
    for (size_t i = w->cands.n; i-- > 0;) {
        const cand *g = &w->cands.v[i];
        if (g->clause != w->cl[c].parent) continue;
        /* (what the first verb only said is no dealing) */
        if (g->tgt.code == NONE || strcmp(pstr(w, g->src.code), sc) != 0 ||
            !strncmp(pstr(w, g->code), "01", 2))
            return false;
        return copy_actor(w, &g->tgt, out);
    }
    return false;
}

/* Is NP p inside the infinitive of a plan, proposal or attempt ("any
 * plan to displace Palestinians")? */
static bool plan_content(const bede_worker *w, int32_t p) {
    static const char *const PLANS[] = {"plan", "proposal", "attempt", "bid",
                                        "effort", "idea", "scheme", "call",
                                        NULL};
    int32_t c = w->ph[p].clause;
    return c >= 0 && w->cl[c].kind == BEDE_CLAUSE_INFINITIVAL &&
           w->cl[c].first > 0 &&
           str_in_list(PLANS, tlemma(w, w->cl[c].first - 1));
}

/* "Protesters threw fireworks at police, who responded with water
 * cannon": whom a response answers is the source of the story's last
 * event against the responder; into *out. */
static bool answered_actor(bede_worker *w, uint32_t v0, const np_actors *src,
                           np_actors *out) {
    static const char *const RESPONDING[] = {"respond", "retaliate", "react",
                                             "reply", NULL};
    if (!str_in_list(RESPONDING, tlemma(w, v0))) return false;
    const char *sc = pstr(w, w->actors.v[src->first].code);
    for (size_t i = w->cands.n; i-- > 0;) {
        const cand *g = &w->cands.v[i];
        if (g->dead || g->tgt.code == NONE ||
            strcmp(pstr(w, g->tgt.code), sc) != 0)
            continue;
        return copy_actor(w, &g->src, out);
    }
    return false;
}

/* Are all actors of t the source's own (the same actor, or its state's
 * government)? */
static bool is_source(const bede_worker *w, const np_actors *src,
                      const np_actors *t) {
    if (!t || !t->n) return false;
    for (uint32_t j = 0; j < t->n; j++) {
        const char *tc = pstr(w, w->actors.v[t->first + j].code);
        bool mine = false;
        for (uint32_t i = 0; i < src->n && !mine; i++)
            mine = same_actor(pstr(w, w->actors.v[src->first + i].code), tc);
        if (!mine) return false;
    }
    return true;
}

/* The NP of a "by" phrase after the verb (passive agent). */
static int32_t by_agent(bede_worker *w, uint32_t from, uint32_t hi,
                        bool from_too) {
    for (uint32_t p = 0; p < w->s->phrase_count; p++) {
        const bede_phrase *ph = &w->ph[p];
        if (ph->kind != BEDE_PHRASE_PP || ph->first < from || ph->first >= hi)
            continue;
        const char *prep = tlower(w, ph->first);
        if (strcmp(prep, "by") != 0 &&
            !(from_too && strcmp(prep, "from") == 0))
            continue;
        int32_t np = actor_np_at(w, ph->first + 1);
        if (np >= 0) return np;
    }
    return -1;
}

/* A noun in a PP right after a verb of being ("Iran is in talks with the
 * US", "Russia remains at war with Ukraine", "Gaza was under attack"):
 * returns the clause's subject NP, or -1; *undergoes is set when the
 * subject is what the event happens to ("under attack", "under fire"). */
static const char *const BEING[] = {"be", "remain", "stay", "keep", NULL};
static const char *const BEING_PREPS[] = {"in", "at", "into", "under", NULL};

static int32_t being_subject(bede_worker *w, int32_t np, int32_t clause,
                             bool *undergoes) {
    *undergoes = false;
    if (np < 0 || clause < 0) return -1;
    const bede_phrase *n = &w->ph[np];
    for (uint32_t p = 1; p < w->s->phrase_count; p++) {
        const bede_phrase *pp = &w->ph[p], *vp = &w->ph[p - 1];
        if (pp->kind != BEDE_PHRASE_PP || pp->first >= n->first ||
            pp->last < n->last)
            continue;
        if (n->first != pp->first + 1 || n->det >= 0)
            return -1; /* a state, not a thing: "in talks", not "in a deal" */
        if (!str_in_list(BEING_PREPS, tlower(w, pp->first)) ||
            vp->kind != BEDE_PHRASE_VP || vp->last != pp->first ||
            !str_in_list(BEING, tlemma(w, vp->head)) ||
            w->cl[clause].verb != (int32_t)(p - 1))
            return -1;
        *undergoes = strcmp(tlower(w, pp->first), "under") == 0;
        return clause_subject(w, clause);
    }
    return -1;
}

/* The "by" agent of a participle clause right after NP p ("a bomb
 * planted by militants", "drones launched by the Houthis"), or -1. */
static int32_t described_by(bede_worker *w, int32_t p) {
    for (uint32_t k = 0; k < w->s->clause_count; k++) {
        const bede_clause *o = &w->cl[k];
        if ((o->kind != BEDE_CLAUSE_RELATIVE &&
             o->kind != BEDE_CLAUSE_PARTICIPIAL) ||
            o->first != w->ph[p].last || o->verb < 0 ||
            w->toks[w->ph[o->verb].head].tag != BEDE_TAG_VBN)
            continue;
        return by_agent(w, w->ph[o->verb].last, o->last, false);
    }
    return -1;
}

/* Is NP np the object of "during" ("during a visit to Y") or of "on"
 * with an indefinite or possessive determiner ("on a visit to", "on his
 * trip to")? */
static bool during_pp(const bede_worker *w, int32_t np) {
    if (np < 0) return false;
    const bede_phrase *n = &w->ph[np];
    if (n->first == 0) return false;
    const char *prep = tlower(w, n->first - 1);
    if (!strcmp(prep, "during")) return true;
    if (strcmp(prep, "on") != 0 || n->det < 0) return false;
    const char *det = tlower(w, (uint32_t)n->det);
    return !strcmp(det, "a") || !strcmp(det, "an") || !strcmp(det, "his") ||
           !strcmp(det, "her") || !strcmp(det, "its") ||
           !strcmp(det, "their");
}

/* The subject NP of clause c, following the chunker's links. */
static int32_t clause_subject(bede_worker *w, int32_t c) {
    for (int depth = 0; c >= 0 && depth < 8; depth++) {
        const bede_clause *cl = &w->cl[c];
        if (cl->subject >= 0) {
            const bede_phrase *ph = &w->ph[cl->subject];
            /* "Iran 's envoy": the possessor is not the subject */
            if ((ph->flags & BEDE_PHF_POSSESSOR) && ph->attach >= 0)
                return ph->attach;
            return cl->subject;
        }
        if (cl->kind != BEDE_CLAUSE_PARTICIPIAL &&
            cl->kind != BEDE_CLAUSE_COORDINATE &&
            cl->kind != BEDE_CLAUSE_INFINITIVAL)
            return -1;
        c = cl->parent;
    }
    return -1;
}

/* Is code an interaction that a compound source can have among itself
 * (meeting, agreeing, cooperating, a ceasefire, fighting: roots 03-06, 0871
 * and 19), unlike statements, appeals or protests ("Egypt and Jordan did
 * not comment")? */
static bool mutual_code(const char *code) {
    static const char *const roots[] = {"03",  "04", "05", "06",
                                        "0871", "19", NULL};
    /* a visit, hosting and mediation go one way */
    if (!strncmp(code, "042", 3) || !strncmp(code, "043", 3) ||
        !strncmp(code, "045", 3))
        return false;
    for (int i = 0; roots[i]; i++)
        if (!strncmp(code, roots[i], strlen(roots[i]))) return true;
    return false;
}

static bool say_verb(const bede_worker *w, uint32_t h) {
    return str_in_list(SAY_LEMMAS, tlemma(w, h));
}

/* Is NP np what a noun of possibility is about ("the possibility of war
 * between ...", "the risk of a conflict", "fears of clashes"), or what is
 * (not) ruled out? */
static bool only_possible(const bede_worker *w, int32_t np) {
    static const char *const nouns[] = {
        "possibility", "risk",   "threat", "prospect", "danger",
        "fear",        "chance", "likelihood", "spectre", "specter", NULL};
    const bede_phrase *n = &w->ph[np];
    if (n->first < 2) return false;
    /* "has not ruled out a meeting between Putin and Zelenskiy" */
    if (!strcmp(tlower(w, n->first - 1), "out") &&
        !strcmp(tlemma(w, n->first - 2), "rule"))
        return true;
    return !strcmp(tlower(w, n->first - 1), "of") &&
           str_in_list(nouns, tlemma(w, n->first - 2));
}

/* The NP of a "between"/"among" PP right after NP np ("talks between
 * Russia and Ukraine"), when it names several actors; else -1. */
static int32_t between_np(bede_worker *w, int32_t np) {
    if (np < 0 || (uint32_t)np + 1 >= w->s->phrase_count) return -1;
    const bede_phrase *pp = &w->ph[np + 1];
    if (pp->kind != BEDE_PHRASE_PP || pp->first != w->ph[np].last ||
        (strcmp(tlower(w, pp->first), "between") != 0 &&
         strcmp(tlower(w, pp->first), "among") != 0))
        return -1;
    int32_t q = actor_np_at(w, pp->first + 1);
    const np_actors *a = q >= 0 ? np_of(w, q) : NULL;
    return a && a->n > 1 ? q : -1;
}

/* Is there an "in"/"at" place in [from, hi) whose state is neither
 * side's? */
static bool third_place(bede_worker *w, const np_actors *src,
                        const np_actors *tgt, uint32_t from, uint32_t hi) {
    for (uint32_t p = 0; p < w->s->phrase_count; p++) {
        const bede_phrase *pp = &w->ph[p];
        if (pp->kind != BEDE_PHRASE_PP || pp->first < from ||
            pp->first >= hi ||
            (strcmp(tlower(w, pp->first), "in") != 0 &&
             strcmp(tlower(w, pp->first), "at") != 0))
            continue;
        int32_t q = actor_np_at(w, pp->first + 1);
        const np_actors *at = q >= 0 ? np_of(w, q) : NULL;
        if (!at || at->n != 1) continue;
        const char *pc = pstr(w, w->actors.v[at->first].code);
        if (strlen(pc) != 3 || !is_state(pc)) continue;
        const np_actors *sides[2] = {src, tgt};
        for (int k = 0; k < 2; k++)
            for (uint32_t i = 0; i < sides[k]->n; i++)
                if (!strncmp(pstr(w, w->actors.v[sides[k]->first + i].code),
                             pc, 3))
                    return false;
        return true;
    }
    return false;
}

/* Is code a reaction to what another did: a comment, appeal, praise,
 * demand, disapproval, rejection, threat, protest or cut in relations? */
static bool reacting_code(const char *code) {
    static const char *const roots[] = {"01", "02", "05", "10", "11",
                                        "12", "13", "14", "16", NULL};
    for (int i = 0; roots[i]; i++)
        if (!strncmp(code, roots[i], 2)) return true;
    return false;
}

/* Is code an act that needs no one to act on: declining to comment,
 * claiming or denying responsibility, appeals for calm or restraint,
 * easing restrictions, investigating, rejecting a plan, protesting,
 * showing force, curfews and states of emergency, nuclear tests? Acts
 * of meeting, helping, praising or fighting need a target. */
static bool alone_code(const char *code) {
    static const char *const codes[] = {"011",  "015",  "016",  "024",
                                        "025",  "081",  "09",   "12",
                                        "14",   "15",   "172",  "2041",
                                        "2042", NULL};
    for (int i = 0; codes[i]; i++)
        if (!strncmp(code, codes[i], strlen(codes[i]))) return true;
    return false;
}

/* Are all of src's actors civilians of a state (settlers, villagers,
 * protesters, students, workers): roles without arms of war? */
static bool unarmed(const bede_worker *w, const np_actors *src) {
    static const char *const civil[] = {"CVL", "SET", "OPP", "EDU", "LAB",
                                        "REF", "BUS", "AGR", "HLH", NULL};
    for (uint32_t i = 0; i < src->n; i++) {
        const char *c = pstr(w, w->actors.v[src->first + i].code);
        char role[4];
        if (strlen(c) != 6) return false;
        snprintf(role, sizeof role, "%s", c + 3);
        if (!str_in_list(civil, role)) return false;
    }
    return src->n > 0;
}

/* "Brazil's president said Brazil would support ...": a speaker who
 * holds a role of the state named as the reported act's subject speaks for
 * it; src (one actor, a bare state) becomes the speaker's actor. */
/* The code, into out[16], of an act of force more specific than 190 that
 * the head noun of clause c's subject names by itself ("airstrikes",
 * "shelling", "a missile strike"); false when it names none. */
static bool subject_force(bede_worker *w, int32_t c, char out[16]) {
    int32_t sj = clause_subject(w, c);
    if (sj < 0) return false;
    uint32_t h = w->ph[sj].head;
    int tag = w->toks[h].tag;
    if (tag != BEDE_TAG_NN && tag != BEDE_TAG_NNS) return false;
    const bede_dict *d = w->c->dict;
    uint32_t base = w->s->first_token;
    for (uint32_t f = w->ph[sj].first; f <= h; f++) {
        bede_dict_match m[MAX_MATCHES];
        int n = match(w, BEDE_DICT_VERBS, base + f, base + h + 1, m,
                      MAX_MATCHES);
        if (n <= 0 || m[0].last != base + h + 1) continue;
        uint32_t ge = global_entry(d, BEDE_DICT_VERBS, m[0].entry);
        const dict_entry *e = &d->entries.v[ge];
        const char *code = match_code(d, ge, m[0].code);
        if (!code && e->block != NONE)
            code = dstr(w, d->blocks.v[e->block].code);
        if (!code || strncmp(code, "19", 2) != 0 || !strcmp(code, "190") ||
            strlen(code) >= 16)
            return false;
        snprintf(out, 16, "%s", code);
        out[strcspn(out, ":!?")] = '\0';
        return true;
    }
    return false;
}

/* Are the actors of src all armed forces of a state (a MIL role)? */
static bool armed_forces(const bede_worker *w, const np_actors *src) {
    for (uint32_t i = 0; i < src->n; i++) {
        const char *c = pstr(w, w->actors.v[src->first + i].code);
        char st[4];
        snprintf(st, sizeof st, "%.3s", c);
        if (!is_state(st) || strncmp(c + 3, "MIL", 3) != 0) return false;
    }
    return src->n > 0;
}

static const np_actors *speaker_for_state(bede_worker *w,
                                          const np_actors *src,
                                          int32_t clause) {
    const char *sc = pstr(w, w->actors.v[src->first].code);
    if (strlen(sc) != 3 || !is_state(sc)) return src;
    int32_t c = clause;
    for (int depth = 0; c >= 0 && depth < 16; depth++, c = w->cl[c].parent) {
        if (w->cl[c].kind != BEDE_CLAUSE_COMPLEMENT) continue;
        int32_t p = w->cl[c].parent;
        int32_t subj = p >= 0 ? clause_subject(w, p) : -1;
        /* not an attribution after the fact ("..., officials said") */
        if (subj < 0 || w->ph[subj].first > w->cl[c].first ||
            w->cl[p].verb < 0 || !say_verb(w, w->ph[w->cl[p].verb].head))
            return src;
        const np_actors *sp = np_of(w, subj);
        if (!sp || sp->n != 1) return src;
        const char *spc = pstr(w, w->actors.v[sp->first].code);
        if (strlen(spc) > 3 && !strncmp(spc, sc, 3) && !strchr(spc, '~')) {
            tracef(w, "    the speaker (%s) speaks for %s", spc, sc);
            return sp;
        }
        return src;
    }
    return src;
}

/* Codes one verb (or, nominal, one noun) at sentence tokens [v0, v1). */
static void code_verb(bede_worker *w, uint32_t ge, int32_t code_idx,
                      uint32_t v0, uint32_t v1, const bede_phrase *vp,
                      int32_t clause, bool nominal, int32_t np) {
    w->cur_clause = clause;
    w->cur_reads_back = false;
    w->cur_other_self = false;
    const bede_dict *d = w->c->dict;
    const dict_entry *e = &d->entries.v[ge];
    const dict_block *b = e->block == NONE ? NULL : &d->blocks.v[e->block];
    char buf[256];
    uint32_t lo, hi;
    /* patterns read into reported content too ("demanded that Hamas
     * release ..."); the default target stays in the clause */
    uint32_t phi = verb_reach(w, clause, v1, !say_verb(w, v0));
    hi = verb_reach(w, clause, v1, false);
    if (nominal) {
        /* a noun's patterns read its own phrase, up to the next verb */
        for (uint32_t p = 0; p < w->s->phrase_count; p++)
            if (w->ph[p].kind == BEDE_PHRASE_VP && w->ph[p].first >= v1 &&
                w->ph[p].first < phi)
                phi = w->ph[p].first;
        if (phi < hi) hi = phi;
    }
    /* words before the verb may be anywhere earlier in the sentence
     * ("indicated it would act"); before a noun, within its clause ("have
     * postponed their meeting", "raised its voice") */
    lo = nominal && clause >= 0 ? w->cl[clause].first : 0;
    /* TABARI reads a noun it takes for a verb as a verb */
    bool as_verb = nominal && w->c->opts.tabari_verbs &&
                   tabari_verb_word(w, v0);
    if (as_verb) lo = 0;

    int32_t psubj = vp && (vp->flags & BEDE_PHF_PASSIVE)
                        ? clause_subject(w, clause)
                        : -1;
    if (psubj >= 0 && !np_of(w, psubj)) psubj = -1;
    /* the best pattern */
    const dict_pattern *best = NULL;
    pmatch bm;
    memset(&bm, 0, sizeof bm);
    bm.src = bm.tgt = bm.comp = -1;
    uint32_t best_score = 0;
    if (b)
        for (uint32_t k = 0; k < b->npatterns; k++) {
            const dict_pattern *pat = &d->patterns.v[b->first_pattern + k];
            if (!pattern_possible(w, pat)) continue;
            /* PETRARCH-2's "+++" patterns mark phrasings too complex for it;
             * bede codes them by its other patterns */
            const char *pc = dstr(w, pat->code);
            if ((pc[0] == '+' || pc[0] == '@') &&
                (!strcmp(pc, "+++") || !strcmp(pc, "@COMPLEX")))
                continue;
            pmatch m;
            w->neg_lo = vp ? vp->first : v0;
            if (vp && clause >= 0 &&
                w->cl[clause].kind == BEDE_CLAUSE_INFINITIVAL &&
                w->cl[clause].parent >= 0 &&
                w->cl[w->cl[clause].parent].verb >= 0) {
                /* "won't try to clash": the governing group's negation */
                uint32_t f = w->ph[w->cl[w->cl[clause].parent].verb].first;
                if (f < w->neg_lo) w->neg_lo = f;
            }
            bool ok = match_pattern(w, pat, v0, v1, lo, phi, psubj,
                                    nominal ? np : -1, &m);
            /* "held talks in Muscat, with Oman's foreign minister carrying
             * messages": the subject of an absolute "with" is no partner */
            if (ok && m.tgt >= 0 && absolute_with(w, m.tgt)) ok = false;
            if (w->trace && ok)
                tracef(w, "    pattern \"%s\" = %s  (%s:%u) matches",
                       dstr(w, pat->text), dstr(w, pat->code),
                       dstr(w, b->file), pat->line);
            uint32_t score = (pat->tabari ? m.letters : m.words) + 1;
            if (ok && score > best_score) {
                best = pat;
                bm = m;
                best_score = score;
            }
        }
    const char *code;
    /* the rule: the pattern that matched, else the verb as written */
    uint32_t rule_file = e->file, rule_line = e->line,
             rule = e->nphrases ? d->phrases.v[e->first_phrase].text : NONE;
    uint32_t flags = nominal ? BEDE_EVF_NOMINAL : 0;
    for (int32_t c = clause, depth = 0; c >= 0 && depth < 16;
         c = w->cl[c].parent, depth++)
        if (w->cl[c].kind == BEDE_CLAUSE_COMPLEMENT)
            flags |= BEDE_EVF_REPORTED;
    w->cur_reads_back = best && bm.bwd_verb && !nominal;
    if (best) {
        /* a pattern that read on into reported content takes its target
         * there too ("carried out air strikes in Syria" under a misread
         * clause boundary) */
        if (bm.reach > hi) hi = phi;
        /* words of a later verb that the pattern read ("agreed to meet",
         * "pledged to provide support") are not events of their own */
        for (uint32_t t = v1; t < bm.reach && t < w->s->token_count; t++)
            w->covered.v[t] = 1;
        code = dstr(w, best->code);
        rule_line = best->line;
        rule_file = b->file;
        rule = best->text;
        flags |= BEDE_EVF_PATTERN;
    } else {
        code = match_code(d, ge, code_idx);
        if (!code && b) code = dstr(w, b->code);
        if (code && e->ncodes) rule_line = d->codes.v[e->first_code].line;
    }
    if (!best && !nominal && clause >= 0 && ordered_act(w, clause, v1)) {
        /* "ordered the expulsion of two diplomats", "ordered the closure
         * of the border": what is ordered is done; the noun gives the
         * event, with whoever ordered it as its source */
        tracef(w, "    \"%s\": the act it orders is the event",
               span_text(w, v0, v1, buf, sizeof buf));
        return;
    }
    if (code && (!strcmp(code, "###") || !strcmp(code, "@DISCARD"))) {
        tracef(w, "    \"%s\" = %s: the sentence is discarded",
               span_text(w, v0, v1, buf, sizeof buf), code);
        w->void_sentence = true;
        return;
    }
    if (code && (!strcmp(code, "+++") || !strcmp(code, "@COMPLEX"))) {
        tracef(w, "    \"%s\" = %s: marked too complex to code, no event",
               span_text(w, v0, v1, buf, sizeof buf), code);
        return;
    }
    if (!code || strcmp(code, "---") == 0) {
        tracef(w, "    \"%s\": no event (%s)",
               span_text(w, v0, v1, buf, sizeof buf),
               code ? "the verb alone has the null code and no pattern matched"
                    : "no code");
        return;
    }
    /* "told Blinken that Washington must stop interfering": what a
     * speaker says another must do is a demand of that other (coded with
     * the target, below): to change its policy when it must stop, to
     * de-escalate when it must withdraw, to release when it must free, to
     * go when its leader must resign */
    int32_t must = -1;
    if (code && !best && !nominal && !strcmp(code, "010") &&
        str_in_list(DEMANDING_SAY, tlemma(w, v0)))
        must = must_content(w, clause, v1);
    /* "warned that famine had spread": a warning about what no one here
     * threatens to do is a pessimistic comment (012); "warned that it
     * would strike" is coded by what it warns of */
    if (code && !strcmp(code, "130") && !nominal &&
        !strcmp(tlemma(w, v0), "warn") && clause >= 0) {
        for (uint32_t k = 0; k < w->s->clause_count; k++)
            if (w->cl[k].parent == clause &&
                w->cl[k].kind == BEDE_CLAUSE_COMPLEMENT &&
                w->cl[k].first >= v1) {
                tracef(w, "    \"%s\" that ...: a warning of what may come, "
                          "012",
                       span_text(w, v0, v1, buf, sizeof buf));
                code = "012";
                break;
            }
    }
    /* a promise: "will release", "said it would send aid" */
    char intent[16];
    if (vp && vp->tense == BEDE_TENSE_FUTURE && !nominal &&
        w->c->opts.intents) {
        char main_code[16];
        snprintf(main_code, sizeof main_code, "%s", code);
        main_code[strcspn(main_code, ":!?")] = 0;
        const char *ic = intent_code(main_code);
        const char *tc = ic ? NULL : threat_code(main_code);
        if (ic) {
            tracef(w, "    \"%s\" = %s in the future tense: a promise, %s",
                   span_text(w, v0, v1, buf, sizeof buf), main_code, ic);
            snprintf(intent, sizeof intent, "%s", ic);
            code = intent;
        } else if (tc) {
            tracef(w, "    \"%s\" = %s in the future tense: a threat, %s",
                   span_text(w, v0, v1, buf, sizeof buf), main_code, tc);
            snprintf(intent, sizeof intent, "%s", tc);
            code = intent;
        }
    }
    /* negation */
    if (vp && (vp->flags & BEDE_PHF_NEGATED) && !(best && bm.has_not) &&
        w->c->opts.negation) {
        tracef(w, "    \"%s\": negated, no event",
               span_text(w, v0, v1, buf, sizeof buf));
        /* "did not condemn Iran's attack on Israel": what is not
         * condemned is still the sentence's topic, not its news */
        for (uint32_t k = v1; !nominal && k < hi && k < w->s->token_count;
             k++)
            w->covered.v[k] |= TOPIC;
        return;
    }

    /* roles */
    const np_actors *src = NULL, *tgt = NULL;
    np_actors moved_tgt = {0, 0, 0, 0}, partner = {0, 0, 0, 0},
              moved_src = {0, 0, 0, 0};
    /* "Rebuked by Eriador, Osgiliath ...": a past participle heading a
     * participial clause is passive too */
    bool passive =
        vp && ((vp->flags & BEDE_PHF_PASSIVE) ||
               (clause >= 0 &&
                w->cl[clause].kind == BEDE_CLAUSE_PARTICIPIAL &&
                vp->first == vp->head &&
                w->toks[vp->head].tag == BEDE_TAG_VBN));
    if (best && bm.comp >= 0) {
        const np_actors *c = np_of(w, bm.comp);
        /* every ordered pair of the compound's members */
        if (c && c->n > 1) {
            for (uint32_t i = 0; i < c->n; i++)
                for (uint32_t j = 0; j < c->n; j++) {
                    if (i == j) continue;
                    np_actors one = {c->first + i, 1, 1, 0};
                    np_actors two = {c->first + j, 1, 1, 0};
                    make_events(w, &one, &two, code, v0, v1, rule_file,
                                rule_line, rule, flags);
                }
            if (!nominal)
                for (uint32_t k = v1; k < hi && k < w->s->token_count; k++)
                    w->covered.v[k] |= TOPIC;
            return;
        }
    }
    if (best && bm.src >= 0) src = np_of(w, bm.src);
    int32_t tgt_np = -1; /* the NP a verb's target came from */
    if (best && bm.tgt >= 0) {
        tgt = np_of(w, bm.tgt);
        tgt_np = bm.tgt;
    }
    if (nominal) {
        /* source: the possessor or an actor inside the NP before the head;
         * else the subject of the clause whose object this NP is */
        if (!src) {
            const np_actors *own = np_of(w, np);
            if (own && own->n && w->actors.v[own->first].by_event)
                own = NULL; /* "the killing" of an earlier event */
            if (own && own->against) {
                /* "anti-Israel protests": whom they are against */
                if (!tgt) tgt = own;
                /* "Gollum took part in an anti-Gondor parade": when a
                 * pattern read the protest and nothing earlier in the
                 * clause is an event, its subject is the protester */
                bool earlier = !best || clause < 0;
                for (size_t q = w->sentence_cands; q < w->cands.n && !earlier;
                     q++)
                    if (w->cands.v[q].clause == clause) earlier = true;
                int32_t sj = earlier ? -1 : clause_subject(w, clause);
                if (sj >= 0 && sj != np) src = np_of(w, sj);
            } else if (own) {
                src = own;
            }
        }
        if (!src) src = possessive_referent(w, np);
        if (!src && clause >= 0) {
            /* "Israel carried out airstrikes on Gaza": the subject of a
             * light verb whose object the noun is */
            const bede_clause *cl = &w->cl[clause];
            if (cl->object == np && cl->verb >= 0 &&
                str_in_list(LIGHT_VERBS, tlemma(w, w->ph[cl->verb].head))) {
                src = np_of(w, clause_subject(w, clause));
                /* "held a strike against the reforms", "launched drills
                 * around Taiwan": the light verb's target */
                if (src && !tgt) {
                    int32_t p = first_actor_after(w, v1, hi,
                                                  clause_subject(w, clause),
                                                  src->n > 1);
                    if (p >= 0) tgt = np_of(w, p);
                }
            }
        }
        if (!src && np >= 0 && w->ph[np].det >= 0 && clause >= 0 &&
            !strcmp(tlower(w, (uint32_t)w->ph[np].det), "their")) {
            /* "India and the UAE settled their first oil trade": "their"
             * after a compound subject is that subject's */
            const np_actors *s2 = np_of(w, clause_subject(w, clause));
            if (s2 && s2->n > 1) src = s2;
        }
        /* not what only may happen ("a meeting between Putin and Trump
         * could take place") */
        int32_t cv = clause >= 0 ? w->cl[clause].verb : -1;
        int32_t among = src || !mutual_code(code) ||
                                (cv >= 0 && (w->ph[cv].flags & BEDE_PHF_MODAL)) ||
                                only_possible(w, np) ||
                                (clause >= 0 &&
                                 w->cl[clause].kind == BEDE_CLAUSE_INFINITIVAL)
                            ? -1
                            : between_np(w, np);
        if (among >= 0) {
            /* "talks between Russia and Ukraine": each with the other */
            src = np_of(w, among);
            tgt = NULL;
        }
        if ((w->covered.v[v0] & TOPIC) && during_pp(w, np) &&
            strncmp(code, "04", 2) != 0) {
            /* "shot dead three militants during a raid": the raid is the
             * circumstance of the act; a visit is an event of its own */
            tracef(w, "    \"%s\": the circumstance of the event before it",
                   span_text(w, v0, v1, buf, sizeof buf));
            return;
        }
        if (!src && clause >= 0 && during_pp(w, np) &&
            !(w->cl[clause].verb >= 0 &&
              (w->ph[w->cl[clause].verb].flags & BEDE_PHF_NEGATED)))
            /* "apologised ... during a visit to Dar es Salaam": the
             * visit is the clause subject's */
            src = np_of(w, clause_subject(w, clause));
        bool undergoes = false;
        int32_t being = src ? -1 : being_subject(w, np, clause, &undergoes);
        if (being >= 0 && !undergoes) {
            src = np_of(w, being);
        } else if (being >= 0 && !tgt) {
            tgt = np_of(w, being);
            tgt_np = being;
        }
        if (!src) {
            int32_t by = by_agent(w, v1, hi, undergoes);
            if (by >= 0) src = np_of(w, by);
        }
        if (!src && best && bm.bwd_verb && clause >= 0) {
            /* a pattern that reads the verb that governs the noun ("have
             * postponed their meeting", "raised its voice"): that verb's
             * subject */
            src = np_of(w, clause_subject(w, clause));
            if (bm.comp >= 0 && src && src->n > 1) src = NULL; /* `%` */
        }
        /* a noun TABARI takes for a verb ("it has no new sign with
         * Gondor"): the clause's subject acts on the actor after it */
        if (as_verb && !src && clause >= 0)
            src = np_of(w, clause_subject(w, clause));
        if (as_verb && !tgt && src) {
            int32_t p = first_actor_after(w, v1, hi, -1, false);
            if (p >= 0) tgt = np_of(w, p);
        }
        if (!tgt && !best && !(src && src->n > 1) && !as_verb) {
            tracef(w, "    \"%s\": a noun without a pattern, no event",
                   span_text(w, v0, v1, buf, sizeof buf));
            return;
        }
        if (!tgt && best && src && among < 0) {
            /* a noun whose pattern matched takes the first actor after it
             * in its own phrase's reach ("act on a resolution with Libya") */
            int32_t p = first_actor_after(w, v1, hi, np, false);
            if (p >= 0) tgt = np_of(w, p);
        }
    } else {
        int32_t subj = clause_subject(w, clause);
        if (best && clause >= 0 && bm.start < w->cl[clause].first &&
            !passive) {
            /* "Arnor suggested Gondor should ...": a pattern that begins in
             * an enclosing clause takes that clause's subject */
            int32_t c = clause;
            while (c >= 0 && w->cl[c].first > bm.start) c = w->cl[c].parent;
            int32_t outer = c >= 0 ? clause_subject(w, c) : -1;
            if (outer >= 0 && np_of(w, outer)) subj = outer;
        }
        if (passive) {
            if (!src) {
                int32_t by = by_agent(w, v1, hi, false);
                if (by >= 0) src = np_of(w, by);
            }
            if (!src && !tgt && subj >= 0 && !strncmp(code, "15", 2)) {
                /* "the armed forces had been placed on full alert",
                 * "troops were deployed to the border": with no one named
                 * who did it, the forces put in that posture show it */
                src = np_of(w, subj);
                subj = -1;
            }
            if (!tgt && subj >= 0) tgt = np_of(w, subj);
            if (!tgt && src && !strncmp(code, "045", 3)) {
                /* "agreed to restore relations under a deal brokered by
                 * China": the mediator of a deal acts between its
                 * parties, the compound subject of the clause that made
                 * it */
                int32_t q = deal_parties(w, clause, subj);
                if (q >= 0) {
                    tgt = np_of(w, q);
                    tgt_np = q;
                }
            }
            if (!tgt && src && !strncmp(code, "15", 2)) {
                int32_t p = readiness_target(w, clause, v1);
                if (p >= 0) {
                    tgt = np_of(w, p);
                    tgt_np = p;
                }
            }
        } else {
            if (!src && subj >= 0) src = np_of(w, subj);
            if (!src && subj >= 0) {
                /* "A roadside bomb planted by Taliban militants hit ...":
                 * the agent of the participle that describes the
                 * subject */
                int32_t by = described_by(w, subj);
                if (by >= 0) src = np_of(w, by);
            }
            if (!src && clause >= 0 &&
                w->cl[clause].kind == BEDE_CLAUSE_RELATIVE &&
                w->cl[clause].parent >= 0 && w->cl[clause].verb >= 0 &&
                w->ph[w->cl[clause].verb].first == w->cl[clause].first &&
                w->toks[w->ph[w->cl[clause].verb].head].tag == BEDE_TAG_VBG) {
                /* "passed a resolution censuring Iran": a participle that
                 * describes what the enclosing clause's subject made acts
                 * for that subject */
                int32_t outer = clause_subject(w, w->cl[clause].parent);
                if (outer >= 0) src = np_of(w, outer);
            }
            if (!tgt && clause >= 0) {
                int32_t obj = w->cl[clause].object;
                /* "shot dead three militants": the verb's words may
                 * have begun the object's phrase */
                if (obj >= 0 && w->ph[obj].last > v1 &&
                    w->ph[obj].first >= v0) {
                    tgt = np_of(w, obj);
                    /* "deployed the army", "has deployed Russian nuclear
                     * weapons": a show of force's object is what is shown,
                     * its target is named after "against", "near", "to" */
                    if (tgt && !strncmp(code, "15", 2)) tgt = NULL;
                    /* "will send 20,000 troops to Gaza": the source's own
                     * forces are what it sends, not whom it helps */
                    if (tgt && src && sent_forces(w, src, tgt, code))
                        tgt = NULL;
                    /* "withdrew their forces from Syria": the source's own,
                     * named by a possessive, are not its target */
                    if (tgt && src && possessed_own(w, src, obj)) tgt = NULL;
                    if (tgt && in_locative_pp(w, w->ph[obj].first, false))
                        tgt = NULL; /* "fought alongside Russian forces" */
                    if (tgt) tgt_np = obj;
                }
            }
            if (!tgt) {
                /* the first actor after the verb, also in a clause that
                 * describes the object: "cordoned off the roads leading
                 * into Mordor" */
                /* "in X" is where, not whom, for a compound source and
                 * for protests ("staged a protest in Kabul") */
                bool in_too = (src && src->n > 1) || !strncmp(code, "14", 2);
                /* past "in retaliation for", "in response to",
                 * "after", what is answered may name who did it ("in
                 * response to North Korean drills"), not whom it was
                 * done to ("in retaliation for the killing of 26
                 * tourists") */
                uint32_t answered = hi, thi = hi;
                for (uint32_t t = v1; t < hi && answered == hi; t++)
                    if (str_in_list(RESPONSE_TO, tlemma(w, t)) ||
                        (w->toks[t].tag == BEDE_TAG_IN &&
                         (!strcmp(tlower(w, t), "after") ||
                          !strcmp(tlower(w, t), "since") ||
                          !strcmp(tlower(w, t), "following"))))
                        answered = t;
                int32_t obj15 = !strncmp(code, "15", 2) && clause >= 0
                                    ? w->cl[clause].object
                                    : -1;
                int32_t p = first_actor_after(w, v1, thi, subj, in_too);
                /* "recalled its ambassador from Madrid": not the source
                 * again */
                while (p >= 0 && (p == obj15 ||
                       ((w->ph[p].first > answered && event_patient(w, p)) ||
                        patient_of_act(w, p) || absolute_with(w, p) ||
                        (src && (is_source(w, src, np_of(w, p)) ||
                                 possessed_own(w, src, p) ||
                                 (!strncmp(code, "15", 2) &&
                                  own_forces(w, src, np_of(w, p)) &&
                                  !dissidents(w, np_of(w, p))) ||
                                sent_forces(w, src, np_of(w, p), code))))))
                    p = first_actor_after(w, w->ph[p].last, thi, subj, in_too);
                if (p >= 0 && !strncmp(code, "12", 2) &&
                    w->ph[p].first > v1 + 1 &&
                    (!strcmp(tlower(w, w->ph[p].first - 1), "for") ||
                     !strcmp(tlower(w, w->ph[p].first - 1), "about")) &&
                    !is_verb_tag(w->toks[w->ph[p].first - 2].tag)) {
                    /* "rejected a proposal for an interim government in
                     * Afghanistan": what the rejected thing is about */
                    p = -1;
                }
                if (p >= 0 && !strncmp(code, "12", 2) && plan_content(w, p)) {
                    /* "rejected any plan to displace Palestinians": whom
                     * the rejected plan would act on */
                    p = -1;
                }
                if (p >= 0 && consult_code(code) &&
                    (topic_pp(w, p) || !consult_partner(w, clause, p))) {
                    /* "met to discuss humanitarian aid for Gaza", "to meet
                     * the payroll at National Maintenance": a consultation
                     * is with its object or with whom "with", "to" name */
                    p = -1;
                }
                if (p >= 0 && src && src->n > 1 && mutual_code(code) &&
                    !partner_pp(w, p)) {
                    /* "Saudi Arabia and Iran agreed to restore relations
                     * under a deal brokered by China": a compound acting
                     * together takes no broker as its target; each acts
                     * with the other */
                    p = -1;
                }
                if (p >= 0 && !strncmp(code, "115", 3) && court_venue(w, p)) {
                    /* "filed a case at the International Court of
                     * Justice accusing Israel of genocide": the court is
                     * where the case is brought; whom the case accuses is
                     * the target */
                    p = first_actor_after(w, w->ph[p].last, thi, subj,
                                          in_too);
                    if (p < 0) p = accused_by_case(w, clause, v1);
                }
                if (p < 0) p = shared_object(w, clause, v1);
                if (p >= 0) {
                    tgt = np_of(w, p);
                    tgt_np = p;
                }
            }
            if (!tgt && src && (mutual_code(code) || !strncmp(code, "057", 3)) &&
                earlier_partner(w, clause, src, &partner))
                /* "met Xi Jinping in Beijing and signed a dozen
                 * agreements": with whom the first verb dealt */
                tgt = &partner;
            if (!tgt && src && src->n == 1 && !nominal &&
                answered_actor(w, v0, src, &partner))
                tgt = &partner;
            if (!tgt && src && !strncmp(code, "15", 2)) {
                /* "put its forces on alert and is ready to respond to
                 * any Israeli attack" */
                int32_t p = readiness_target(w, clause, v1);
                if (p >= 0) {
                    tgt = np_of(w, p);
                    tgt_np = p;
                }
            }

            int32_t ms = must >= 0 ? w->cl[must].subject : -1;
            if (ms >= 0 && src && content_target(w, src, ms) &&
                !own_forces(w, src, np_of(w, ms)) &&
                !shares_state(w, src, np_of(w, ms))) {
                /* the demand is of whom must act, not of the hearer; not
                 * of the speaker's own side ("Turkey must strengthen its
                 * army", "the two countries must deepen cooperation") */
                static const char *const by_verb[][2] = {
                    {"stop", "1042"},    {"end", "1042"},
                    {"halt", "1042"},    {"cease", "1042"},
                    {"withdraw", "1056"}, {"release", "1053"},
                    {"free", "1053"},    {"resign", "1041"}};
                const char *mv = tlemma(w, w->ph[w->cl[must].verb].head);
                code = "100";
                for (size_t i = 0; i < sizeof by_verb / sizeof *by_verb; i++)
                    if (!strcmp(mv, by_verb[i][0])) code = by_verb[i][1];
                tracef(w, "    \"%s\" that another must act: a demand, %s",
                       span_text(w, v0, v1, buf, sizeof buf), code);
                tgt = np_of(w, ms);
                tgt_np = ms;
            }
            if (!tgt && clause >= 0) {
                /* "Arnor believes Dagolath can cope": the subject of the
                 * reported content is the target */
                for (uint32_t k = 0; k < w->s->clause_count && !tgt; k++) {
                    const bede_clause *o = &w->cl[k];
                    if (o->parent != clause || o->kind != BEDE_CLAUSE_COMPLEMENT ||
                        o->first < v1 || o->subject < 0)
                        continue;
                    tgt = np_of(w, o->subject);
                    if (tgt && !content_target(w, src, o->subject))
                        tgt = NULL;
                    if (!tgt) {
                        /* "optimistic that a meeting between Putin and
                         * Trump could take place", "Erdogan said Ankara's
                         * position on Sweden's bid had not changed": the
                         * content's first actor that is neither the
                         * speaker's own nor what one of its events was
                         * done to */
                        int32_t p = first_actor_after(
                            w, w->ph[o->subject].first, o->last, -1, false);
                        while (p >= 0 && !content_target(w, src, p))
                            p = first_actor_after(w, w->ph[p].last, o->last,
                                                  -1, false);
                        tgt = p >= 0 ? np_of(w, p) : NULL;
                    }
                }
            }
        }
    }
    if (!tgt && src && !strncmp(code, "14", 2) && clause >= 0) {
        /* "Palestinian prisoners in Israeli jails began a hunger strike":
         * prisoners protest against whoever holds them */
        int32_t q = jailer_of(w, clause_subject(w, clause), src);
        if (q >= 0) {
            tgt = np_of(w, q);
            tgt_np = q;
            tracef(w, "    \"%s\": the prisoners' protest is against their "
                      "jailer",
                   span_text(w, v0, v1, buf, sizeof buf));
        }
    }
    if (!nominal && code && !strcmp(code, "141")) {
        /* "set up a protest camp to demand that the university cut its
         * ties with Israel", "rallied to demand that the government
         * withdraw the law": a protest whose purpose is a demand of
         * another is a protest for a change of policy (1412), aimed at
         * whom the demand is of; what is demanded has not happened */
        int32_t k = demand_purpose(w, clause, v1);
        const np_actors *of = k >= 0 ? np_of(w, w->cl[k].subject) : NULL;
        if (of && of->n && !w->actors.v[of->first].by_event) {
            tracef(w, "    \"%s\" = 141 to demand what another must do: "
                      "1412",
                   span_text(w, v0, v1, buf, sizeof buf));
            code = "1412";
            tgt = of;
            tgt_np = w->cl[k].subject;
            /* whom protesters make demands of is another than they, even
             * of their own sector (students of their university) */
            w->cur_other_self = w->cl[k].subject != clause_subject(w, clause);
            int32_t inf = w->cl[k].parent; /* the demand itself too */
            for (uint32_t t = w->cl[inf].first;
                 t < w->cl[k].last && t < w->s->token_count; t++)
                w->covered.v[t] |= 1;
        }
    }
    option_actors ox;
    option_source(w, &ox, &src, &tgt, tgt_np, v0, v1, hi, clause, nominal,
                  code);
    /* TABARI: a subject naming no one it knows ("Calenardon might affirm
     * ...") leaves the source to the first actor before the verb */
    if (!src && w->c->opts.tabari_search && !nominal && !passive &&
        clause >= 0 && clause_subject(w, clause) >= 0)
        src = tabari_source(w, tgt, v0);
    if (!src) {
        tracef(w, "    \"%s\" = %s: no source actor, no event",
               span_text(w, v0, v1, buf, sizeof buf), code);
        return;
    }
    if (tgt && tgt->n == 1 && w->actors.v[tgt->first].by_event &&
        !reacting_code(code)) {
        /* "discussed the war": only a reaction (condemning, rejecting,
         * praising, demanding an end to ...) is aimed at who did it */
        tracef(w, "    \"%s\": an earlier event's description is the "
                  "target of reactions only",
               span_text(w, v0, v1, buf, sizeof buf));
        tgt = NULL;
    }
    if (!nominal && src->n == 1 && clause >= 0)
        src = speaker_for_state(w, src, clause);
    if (!strcmp(code, "040") && tgt && third_place(w, src, tgt, v1, hi)) {
        /* "met his Venezuelan counterpart in New York" */
        tracef(w, "    \"%s\" = 040 in a third state: 044",
               span_text(w, v0, v1, buf, sizeof buf));
        code = "044";
    }
    if (!strcmp(code, "190") && !nominal && clause >= 0 &&
        w->cl[clause].kind == BEDE_CLAUSE_PARTICIPIAL &&
        w->cl[clause].first > 0 &&
        w->toks[w->cl[clause].first - 1].tag == BEDE_TAG_COMMA) {
        /* "launched hundreds of drones at Ukraine, striking a factory": the
         * strike told by the participle is made with the weapons of the
         * attack before it, and takes its more specific code */
        for (size_t j = w->cands.n; j-- > w->sentence_cands;) {
            const cand *g = &w->cands.v[j];
            const char *gc = pstr(w, g->code);
            if (g->clause != w->cl[clause].parent || g->verb_first >= v0 ||
                strncmp(gc, "19", 2) != 0 || !strcmp(gc, "190") ||
                strcmp(pstr(w, g->src.code),
                       pstr(w, w->actors.v[src->first].code)) != 0)
                continue;
            tracef(w, "    \"%s\" = 190 after an attack by %s: %s",
                   span_text(w, v0, v1, buf, sizeof buf), gc, gc);
            snprintf(intent, sizeof intent, "%s", gc);
            code = intent;
            break;
        }
        if (!strcmp(code, "190") && w->force_code[0] &&
            w->force_clause == w->cl[clause].parent &&
            strcmp(w->force_code, "190") != 0 &&
            !strcmp(pstr(w, w->force_src),
                    pstr(w, w->actors.v[src->first].code))) {
            /* "shelled a camp near El Fasher, killing 30 civilians": the
             * killing is what the shelling, which named no one, did */
            tracef(w, "    \"%s\" = 190 after %s that named no target: %s",
                   span_text(w, v0, v1, buf, sizeof buf), w->force_code,
                   w->force_code);
            snprintf(intent, sizeof intent, "%s", w->force_code);
            code = intent;
        }
    }
    if (!strcmp(code, "183") && armed_forces(w, src)) {
        /* "army drones bombed a market", "Israeli jets bombed Gaza": a
         * bombing by armed forces is an air strike, not a bomb attack */
        tracef(w, "    \"%s\" = 183 by armed forces: aerial weapons, 195",
               span_text(w, v0, v1, buf, sizeof buf));
        code = "195";
    }
    if (!strcmp(code, "190") && unarmed(w, src)) {
        /* "settlers attacked villagers": force by people without arms
         * of war is an assault */
        tracef(w, "    \"%s\" = 190 by civilians: an assault, 182",
               span_text(w, v0, v1, buf, sizeof buf));
        code = "182";
    }
    if (tgt && tgt->n == 1 && w->actors.v[tgt->first].guessed &&
        (!strncmp(code, "18", 2) || !strncmp(code, "19", 2) ||
         !strncmp(code, "20", 2) || !strncmp(code, "171", 3)) &&
        !strncmp(pstr(w, w->actors.v[tgt->first].code),
                 pstr(w, w->actors.v[src->first].code), 3)) {
        /* "Israeli jets struck Gaza, killing 12 civilians", "settlers set
         * fire to a mosque near Ramallah": a role without a state of its
         * own took the sentence's first state, the source's; for violence
         * and destruction another state named in the sentence is the better
         * guess, else the event is domestic ("police arrested
         * protesters", "lawmakers called on the government to expel U.S.
         * troops") */
        char other[4];
        if (move_state(w, tgt, &moved_tgt, other)) {
            tgt = &moved_tgt;
            tracef(w, "    the target's role belongs to %s, not to the "
                      "source's state",
                   other);
        }
    }
    if (tgt && tgt->n == 1 && src->n == 1 &&
        w->actors.v[src->first].guessed && violent(code) &&
        !strncmp(pstr(w, w->actors.v[tgt->first].code),
                 pstr(w, w->actors.v[src->first].code), 3)) {
        /* "Iran-backed militias attacked U.S. troops in Syria": a role
         * without a state of its own that took the target's state is of
         * another state the sentence names */
        char other[4];
        if (move_state(w, src, &moved_src, other)) {
            src = &moved_src;
            tracef(w, "    the source's role belongs to %s, not to the "
                      "target's state",
                   other);
        }
    }
    if (tgt && tgt->n == 1 && say_verb(w, v0) &&
        (w->actors.v[tgt->first].guessed ||
         w->actors.v[tgt->first].agent_file != NONE) &&
        strstr(pstr(w, w->actors.v[tgt->first].code), "MED")) {
        /* "told reporters": the press a statement is made to is not its
         * target */
        tracef(w, "    \"%s\": an audience whose state is only guessed is "
                  "no target",
               span_text(w, v0, v1, buf, sizeof buf));
        tgt = NULL;
    }
    if (tgt && tgt->n == 1 && src->n == 1 && !strncmp(code, "14", 2)) {
        /* "Israelis protested ... demanding a deal to free the hostages":
         * people protest their rulers, not their own civilians whom the
         * demand is for */
        const char *tc = pstr(w, w->actors.v[tgt->first].code);
        const char *sc = pstr(w, w->actors.v[src->first].code);
        size_t tl = strlen(tc);
        if (tl == 6 && !strcmp(tc + 3, "CVL") && !strncmp(tc, sc, 3)) {
            tracef(w, "    \"%s\": a protest is not against its own "
                      "people",
                   span_text(w, v0, v1, buf, sizeof buf));
            tgt = NULL;
        }
    }
    if (tgt && src->n > 1 && tgt->n == 1) {
        /* "Israel and Egypt signed ... gas to Egypt": a target that is one
         * of the sources is the other source */
        const actor *ta = &w->actors.v[tgt->first];
        const char *t = pstr(w, ta->code);
        for (uint32_t i = 0; i < src->n && tgt; i++) {
            const char *sc = pstr(w, w->actors.v[src->first + i].code);
            /* a role whose state was guessed counts as that state's:
             * "Armenia and Azerbaijan exchanged prisoners of war" */
            if (same_actor(sc, t) || (ta->guessed && !strncmp(sc, t, 3)))
                tgt = NULL;
        }
    }
    /* TABARI: a main verb with no target acts on the first actor after
     * it, else before it, that is not its source ("restored ties with
     * Gxndor ... after Calenardhon crowds ...") */
    if (!tgt && w->c->opts.tabari_search && !nominal && !passive &&
        pstr(w, w->actors.v[src->first].code)[0] != '~' &&
        !(src->n > 1 && mutual_code(code)) && clause >= 0 &&
        (w->cl[clause].kind == BEDE_CLAUSE_MAIN ||
         w->cl[clause].kind == BEDE_CLAUSE_COORDINATE))
        tgt = tabari_target(w, src, v0, v1);
    option_target(w, &ox, &tgt, src->n > 1 && mutual_code(code), v0, v1,
                  code);
    if (!tgt && src->n > 1 && mutual_code(code) &&
        !(passive && !strncmp(code, "03", 2))) {
        /* "Gondor and Osgiliath renewed ties", "a deal signed by India and
         * Britain": each with the other; but "a truce proposed by A, B
         * and C" names who proposed it, not an intent among them */
        tracef(w, "    \"%s\" = %s: a compound source without a target acts "
                  "on itself, each member on the others",
               span_text(w, v0, v1, buf, sizeof buf), code);
        for (uint32_t i = 0; i < src->n; i++)
            for (uint32_t j = 0; j < src->n; j++) {
                if (i == j) continue;
                np_actors one = {src->first + i, 1, 1, 0};
                np_actors two = {src->first + j, 1, 1, 0};
                make_events(w, &one, &two, code, v0, v1, rule_file, rule_line,
                            rule, flags | BEDE_EVF_COMPOUND);
            }
        return;
    }
    /* "defied sanctions by test-firing a missile": the means is an act as
     * real as the main clause's */
    bool main_clause =
        clause < 0 || w->cl[clause].kind == BEDE_CLAUSE_MAIN ||
        w->cl[clause].kind == BEDE_CLAUSE_COORDINATE ||
        /* "North Korea fired missiles into the sea, the military said":
         * the news before an attribution */
        (w->cl[clause].kind == BEDE_CLAUSE_COMPLEMENT &&
         w->cl[clause].parent >= 0 && w->cl[w->cl[clause].parent].verb >= 0 &&
         w->ph[w->cl[w->cl[clause].parent].verb].first > w->cl[clause].first &&
         w->cl[w->cl[clause].parent].kind == BEDE_CLAUSE_MAIN) ||
        (w->cl[clause].kind == BEDE_CLAUSE_ADVERBIAL &&
         !strcmp(tlower(w, w->cl[clause].first), "by") &&
         w->cl[clause].parent >= 0 &&
         (w->cl[w->cl[clause].parent].kind == BEDE_CLAUSE_MAIN ||
          w->cl[w->cl[clause].parent].kind == BEDE_CLAUSE_COORDINATE));
    if (!tgt && !nominal && violent(code) && clause >= 0 &&
        w->cl[clause].kind == BEDE_CLAUSE_RELATIVE && vp &&
        w->toks[vp->head].tag == BEDE_TAG_VBG && w->cl[clause].parent >= 0 &&
        w->cl[clause].subject >= 0 &&
        w->cl[clause].subject == clause_subject(w, w->cl[clause].parent)) {
        /* "British aircraft using precision guided missiles killed 4
         * Iraqis": what the subject is described as using is the means of
         * its act, coded with that act */
        snprintf(w->means_code, sizeof w->means_code, "%s", code);
        w->means_clause = w->cl[clause].parent;
        tracef(w, "    \"%s\" = %s: the means of the act of its subject",
               span_text(w, v0, v1, buf, sizeof buf), code);
        return;
    }
    if (tgt && !nominal && clause >= 0 && clause == w->means_clause &&
        w->means_code[0] && violent(code) &&
        strlen(w->means_code) > strlen(code) &&
        !strncmp(w->means_code, code,
                 strcmp(code + 2, "0") == 0 ? 2 : strlen(code))) {
        tracef(w, "    \"%s\" = %s with the means its subject uses: %s",
               span_text(w, v0, v1, buf, sizeof buf), code, w->means_code);
        snprintf(intent, sizeof intent, "%s", w->means_code);
        code = intent;
    }
    if (nominal && tgt && tgt->n == 1 && !strncmp(code, "04", 2) &&
        w->actors.v[tgt->first].guessed) {
        /* "during a visit to a weapons factory": a visit to a place whose
         * state is only guessed names no one visited */
        tracef(w, "    \"%s\": the place visited has no state of its own",
               span_text(w, v0, v1, buf, sizeof buf));
        tgt = NULL;
    }
    if (!strcmp(code, "190") && !nominal && !passive && clause >= 0) {
        /* "Israeli airstrikes killed 40 Palestinians": a subject that is
         * itself an act of force names the kind of force */
        char sc[16];
        if (subject_force(w, clause, sc)) {
            tracef(w, "    \"%s\" = 190 by %s named as its subject: %s",
                   span_text(w, v0, v1, buf, sizeof buf), sc, sc);
            snprintf(intent, sizeof intent, "%s", sc);
            code = intent;
        }
    }
    if (!tgt && (w->c->opts.require_target == 1 ||
                 (w->c->opts.require_target == 2 &&
                  (!main_clause || nominal || !alone_code(code))) ||
                 !strncmp(code, "010", 3))) {
        /* "X said" alone is not an event */
        tracef(w, "    \"%s\" = %s: no target actor, no event",
               span_text(w, v0, v1, buf, sizeof buf), code);
        if (!nominal && clause >= 0 && violent(code)) {
            snprintf(w->force_code, sizeof w->force_code, "%s", code);
            w->force_clause = clause;
            w->force_src = w->actors.v[src->first].code;
        }
        if (!nominal && src->n == 1 && strncmp(code, "13", 2) >= 0 &&
            code[0] >= '0' && code[0] <= '9') {
            /* "Iran seized an oil tanker ... The United States condemned
             * the seizure": the act is remembered for what refers to it */
            seen_actor sa;
            memset(&sa, 0, sizeof sa);
            sa.a = w->actors.v[src->first];
            sa.head = sa.title = sa.agent = NONE;
            snprintf(sa.root, sizeof sa.root, "%.2s", code);
            VEC_PUSH(w->untargeted, sa);
        }
        return;
    }
    if (passive) flags |= BEDE_EVF_PASSIVE;
    if (!nominal && tgt_np >= 0) {
        /* "condemned Israel's strikes on Lebanon": the strikes are what is
         * condemned here, not an event of this story */
        const bede_phrase *t = &w->ph[tgt_np];
        for (uint32_t k = t->first; k < t->last; k++) w->covered.v[k] |= 1;
    }
    if (!nominal)
        /* nouns after a verb that made an event are its topic ("protested
         * over the prime minister's remarks"), not events of their own */
        for (uint32_t k = v1; k < hi && k < w->s->token_count; k++)
            w->covered.v[k] |= TOPIC;
    make_events(w, src, tgt, code, v0, v1, rule_file, rule_line, rule, flags);
    record_event(w, v0, v1, best ? bm.reach : v1, src, tgt);
}

/* Looks up the verb at sentence token h and codes it. */
static size_t try_verb(bede_worker *w, uint32_t h, const bede_phrase *vp,
                     int32_t clause, bool nominal, int32_t np) {
    const bede_dict *d = w->c->dict;
    uint32_t base = w->s->first_token;
    if (w->dropped.v[h]) return 0; /* a comma-delimited phrase left out */
    bede_dict_match m[MAX_MATCHES];
    int n = match(w, BEDE_DICT_VERBS, base + h, base + w->s->token_count, m,
                  MAX_MATCHES);
    if (n <= 0) return 0;
    uint32_t ge = global_entry(d, BEDE_DICT_VERBS, m[0].entry);
    const dict_entry *e = &d->entries.v[ge];
    if (nominal && m[0].last - base > h + 1) {
        /* a compound verb form read from a noun ("Gondor wire tapped the
         * links": "wire +tapped") is a verb when its last word is one */
        uint32_t t = m[0].last - base - 1;
        if (is_verb_tag(w->toks[t].tag)) {
            nominal = false;
            np = -1;
            for (uint32_t p = 0; p < w->s->phrase_count; p++)
                if (w->ph[p].kind == BEDE_PHRASE_VP && w->ph[p].first <= t &&
                    t < w->ph[p].last) {
                    vp = &w->ph[p];
                    clause = vp->clause;
                }
        }
    }
    char buf[256];
    tracef(w, "  %s \"%s\": %s entry %s:%u%s%s", nominal ? "noun" : "verb",
           span_text(w, h, m[0].last - base, buf, sizeof buf),
           e->block != NONE ? dstr(w, d->blocks.v[e->block].desc) : "",
           dstr(w, e->file), e->line, vp && (vp->flags & BEDE_PHF_PASSIVE) ? " (passive)" : "",
           vp && (vp->flags & BEDE_PHF_NEGATED) ? " (negated)" : "");
    size_t before = w->cands.n;
    code_verb(w, ge, m[0].code, h, m[0].last - base, vp, clause, nominal, np);
    /* the words of a compound verb ("pause fighting", "called off") are
     * not coded again */
    if (!nominal)
        for (uint32_t t = h + 1; t < m[0].last - base; t++)
            w->covered.v[t] = 1 | VERB_WORD;
    if (w->c->opts.code_by == BEDE_CODE_ALL) uncover(w);
    return w->cands.n - before;
}

/* Codes whose content is not a fact: appeals (02), intents (03), demands
 * (10), disapproval and accusations (11), rejections (12), threats (13),
 * denials (016), agreements signed (057: "signed an agreement to reopen"). */
static bool unreal_code(const char *code) {
    static const char *const roots[] = {"02", "03", "10",  "11", "12",
                                        "13", "016", "057", NULL};
    for (int i = 0; roots[i]; i++)
        if (!strncmp(code, roots[i], strlen(roots[i]))) return true;
    return false;
}

/* Verbs that ask someone to do what their infinitive says. */
static const char *const REQUESTING[] = {"ask", "request", "urge", NULL};

/* The candidate (index) of an earlier verb whose reported or infinitival
 * content holds c's verb and whose code makes that content unreal, or -1. */
static int32_t unreal_governor(const bede_worker *w, size_t from,
                               const cand *c) {
    /* "demanded a ceasefire between Israel and Hamas": a noun after such a
     * verb in its clause */
    for (size_t j = from; (c->flags & BEDE_EVF_NOMINAL) && j < w->cands.n;
         j++) {
        const cand *g = &w->cands.v[j];
        if (g->clause == c->clause && g->verb_first < c->verb_first &&
            !(g->flags & BEDE_EVF_NOMINAL) && unreal_code(pstr(w, g->code)))
            return (int32_t)j;
    }
    int32_t k = c->clause;
    for (int depth = 0; k >= 0 && depth < 16; depth++) {
        const bede_clause *cl = &w->cl[k];
        /* reported or infinitival content, or "of/for V-ing" after an
         * accusation ("accused Israel of targeting hospitals") */
        bool of_ing = cl->kind == BEDE_CLAUSE_ADVERBIAL &&
                      (!strcmp(tlower(w, cl->first), "of") ||
                       !strcmp(tlower(w, cl->first), "for"));
        if (cl->kind != BEDE_CLAUSE_COMPLEMENT &&
            cl->kind != BEDE_CLAUSE_INFINITIVAL && !of_ing)
            return -1;
        int32_t parent = cl->parent;
        for (size_t j = from; j < w->cands.n; j++) {
            const cand *g = &w->cands.v[j];
            /* "thanked Saudi Arabia for inviting Syria back": what is
             * praised for is the praise's reason */
            const char *gc = pstr(w, g->code);
            bool reason = of_ing && !strcmp(tlower(w, cl->first), "for") &&
                          (!strncmp(gc, "05", 2) || !strncmp(gc, "11", 2) ||
                           !strncmp(gc, "12", 2) || !strncmp(gc, "16", 2) ||
                           !strncmp(gc, "17", 2));
            /* "asked Gondor to assist her": what is asked for, whatever
             * code a dictionary that is not CAMEO gives the asking */
            bool asked = cl->kind == BEDE_CLAUSE_INFINITIVAL &&
                         str_in_list(REQUESTING, tlemma(w, g->verb_first));
            if (g->clause == parent && g->verb_first < c->verb_first &&
                !(g->flags & BEDE_EVF_NOMINAL) &&
                (reason || asked || unreal_code(pstr(w, g->code))))
                return (int32_t)j;
        }
        k = parent;
    }
    return -1;
}

/* Is c's verb in a clause of time that tells what came before the news
 * ("five years after crowds burned down its embassy", "after leaving
 * Eriador")? */
static bool background(const bede_worker *w, const cand *c) {
    static const char *const before[] = {"after", "since", "following",
                                         "before", "until", NULL};
    static const char *const spans[] = {"minute", "hour",  "day",    "week",
                                        "month",  "year",  "decade", NULL};
    /* "killed hundreds of civilians after seizing the city": force or
     * coercion told by a participle right after "after", when the news is
     * force too, is a step of the same operation by the same side ("six
     * months after seizing it" is history; "resigned after meeting the
     * president", "celebrated after leaving" stay background) */
    uint32_t v = c->verb_first;
    if (v >= 1 && w->toks[v].tag == BEDE_TAG_VBG && c->clause >= 0 &&
        !strcmp(tlower(w, v - 1), "after") &&
        !(v >= 2 && str_in_list(spans, tlemma(w, v - 2)))) {
        bool step = false, news = false;
        for (size_t j = w->sentence_cands; j < w->cands.n; j++) {
            const cand *g = &w->cands.v[j];
            const char *gc = pstr(w, g->code);
            bool force = !strncmp(gc, "17", 2) || !strncmp(gc, "18", 2) ||
                         !strncmp(gc, "19", 2) || !strncmp(gc, "20", 2);
            if (g->verb_first == v && g->clause == c->clause && force)
                step = true;
            if (g->clause == w->cl[c->clause].parent && g->verb_first < v &&
                force && !strcmp(pstr(w, g->src.code), pstr(w, c->src.code)))
                news = true;
        }
        if (step && news) return false;
    }
    for (int32_t k = c->clause, depth = 0; k >= 0 && depth < 16;
         k = w->cl[k].parent, depth++)
        if (w->cl[k].kind == BEDE_CLAUSE_ADVERBIAL &&
            str_in_list(before, tlower(w, w->cl[k].first)))
            return true;
    /* "after more than a year of fighting", "since the war": "after"
     * before the event word with no verb or comma between */
    for (uint32_t t = c->verb_first; t-- > 0;) {
        int tag = w->toks[t].tag;
        if (tag == BEDE_TAG_COMMA || tag == BEDE_TAG_VBD ||
            tag == BEDE_TAG_VBZ || tag == BEDE_TAG_VBP || tag == BEDE_TAG_MD)
            break;
        if (str_in_list(before, tlower(w, t)) ||
            str_in_list(RESPONSE_TO, tlemma(w, t)))
            return true;
    }
    return false;
}

static bool violent(const char *code) {
    return !strncmp(code, "18", 2) || !strncmp(code, "19", 2) ||
           !strncmp(code, "20", 2);
}

/* Is c the participial consequence of an attack coded in the clause it
 * hangs on ("Hamas fired rockets at Israeli troops, killing four
 * soldiers": one attack, not two)? */
static bool consequence(const bede_worker *w, size_t from, const cand *c) {
    if (c->clause < 0 || !violent(pstr(w, c->code)) || c->tgt.code == NONE)
        return false;
    const bede_clause *cl = &w->cl[c->clause];
    /* "Israel's attacks on Gaza killed 40 people": the killing is what the
     * attacks (coded as a noun) did */
    int32_t subj = cl->subject;
    for (size_t j = from; j < w->cands.n; j++) {
        const cand *g = &w->cands.v[j];
        if (g == c || !violent(pstr(w, g->code)) ||
            strcmp(pstr(w, g->src.code), pstr(w, c->src.code)))
            continue;
        if ((g->flags & BEDE_EVF_NOMINAL) && subj >= 0 &&
            w->ph[subj].head == g->verb_first)
            return true;
        if (cl->kind == BEDE_CLAUSE_PARTICIPIAL && g->clause == cl->parent &&
            g->verb_first < c->verb_first && g->tgt.code != NONE &&
            !strcmp(pstr(w, g->tgt.code), pstr(w, c->tgt.code)))
            return true;
    }
    return false;
}

/* "announced $200 million in grants to Jordan to help the country host
 * refugees": is c, aid (07) in an infinitive of purpose, what the aid
 * its clause's source gave just before is for, not more aid? */
static bool aid_purpose(const bede_worker *w, size_t from, const cand *c) {
    if (c->clause < 0 || w->cl[c->clause].kind != BEDE_CLAUSE_INFINITIVAL ||
        strncmp(pstr(w, c->code), "07", 2) != 0)
        return false;
    for (size_t j = from; j < w->cands.n; j++) {
        const cand *g = &w->cands.v[j];
        if (g != c && !g->dead && g->clause == w->cl[c->clause].parent &&
            g->verb_first < c->verb_first &&
            !strncmp(pstr(w, g->code), "07", 2) &&
            !strcmp(pstr(w, g->src.code), pstr(w, c->src.code)))
            return true;
    }
    return false;
}

/* "attacked a Shi'ite mosque in Kunduz, killing dozens of worshippers":
 * for the participial consequence c of an attack on a building (a place
 * of worship, school, hospital, market) whose people of the same state
 * it names, the candidate index of that attack, whose target the people
 * are; else -1. */
static int32_t building_attack(const bede_worker *w, size_t from,
                               const cand *c) {
    static const char *const buildings[] = {
        "mosque",   "church", "synagogue", "temple",  "shrine",
        "school",   "hospital", "clinic",  "market",  "university",
        "seminary", "madrassa", NULL};
    if (c->clause < 0 || w->cl[c->clause].kind != BEDE_CLAUSE_PARTICIPIAL ||
        !violent(pstr(w, c->code)) || c->tgt.code == NONE)
        return -1;
    const char *tc = pstr(w, c->tgt.code);
    if (strlen(tc) != 6 || strcmp(tc + 3, "CVL") != 0) return -1;
    uint32_t base = w->s->first_token;
    for (size_t j = from; j < w->cands.n; j++) {
        const cand *g = &w->cands.v[j];
        if (g == c || g->clause != w->cl[c->clause].parent ||
            g->verb_first >= c->verb_first || !violent(pstr(w, g->code)) ||
            g->tgt.code == NONE ||
            strcmp(pstr(w, g->src.code), pstr(w, c->src.code)) != 0)
            continue;
        const char *gt = pstr(w, g->tgt.code);
        if (strlen(gt) != 6 || strncmp(gt, tc, 3) != 0 ||
            !strcmp(gt + 3, "CVL"))
            continue;
        for (uint32_t t = g->tgt.first; t < g->tgt.last && t >= base; t++)
            if (is_noun_tag(w->toks[t - base].tag) &&
                str_in_list(buildings, tlemma(w, t - base)))
                return (int32_t)j;
    }
    return -1;
}

/* A modal of the verb dictionary whose pattern matches ("suggested X
 * should demand ..."): codes it and returns true; its bare code does not
 * count ("should have acted" is coded by "acted"). */
static bool try_modal(bede_worker *w, uint32_t t, const bede_phrase *vp) {
    size_t before = w->cands.n;
    if (!try_verb(w, t, vp, vp->clause, false, -1)) return false;
    for (size_t i = before; i < w->cands.n; i++)
        if (!(w->cands.v[i].flags & BEDE_EVF_PATTERN)) {
            w->cands.n = before; /* keep the verb's own reading */
            return false;
        }
    return true;
}


/* ------------------------------------------------------------ sentences */

/* Keeps the events of the sentence (candidates from `before`) that TABARI's
 * dominant and subordinate codes and opts.code_by allow: with a dominant
 * event (`031!`) only the dominant ones, else a subordinate one (`023?`)
 * only when no other is left; BEDE_CODE_FIRST keeps the first verb's. */
/* TABARI's clauses (its manual, 7.6): which clause of the sentence token
 * t is in, counting the conjunctions (and, but, or, nor) before it that
 * do not join words of one phrase or of one verb of the dictionary
 * ("shot and killed"). */
static uint32_t conj_segment(const bede_worker *w, uint32_t t) {
    uint32_t n = 0;
    for (uint32_t i = 1; i < t && i + 1 < w->s->token_count; i++) {
        if (w->toks[i].tag != BEDE_TAG_CC) continue;
        const char *c = tlower(w, i);
        if (strcmp(c, "and") && strcmp(c, "but") && strcmp(c, "or") &&
            strcmp(c, "nor"))
            continue;
        bool inside = false;
        for (uint32_t p = 0; p < w->s->phrase_count && !inside; p++)
            if (w->ph[p].kind == BEDE_PHRASE_NP && w->ph[p].first < i &&
                i + 1 < w->ph[p].last)
                inside = true;
        if (inside) continue;
        if (w->covered.v[i] & VERB_WORD) continue; /* "shot and killed" */
        n++;
    }
    return n;
}

static void select_events(bede_worker *w, size_t before) {
    bool dominant = false, plain = false;
    int64_t first = -1; /* the first verb with an event that is not
                           subordinate */
    for (size_t i = before; i < w->cands.n; i++) {
        const cand *c = &w->cands.v[i];
        if (c->rank == RANK_DOMINANT) dominant = true;
        if (c->rank != RANK_SUBORDINATE) {
            plain = true;
            if (first < 0) first = c->verb_first;
        }
    }
    bool only_first = w->c->opts.code_by == BEDE_CODE_FIRST && first >= 0;
    bool by_clause = w->c->opts.code_by == BEDE_CODE_CLAUSE;
    int64_t seg_first[64];
    for (int k = 0; k < 64; k++) seg_first[k] = -1;
    if (by_clause)
        for (size_t i = before; i < w->cands.n; i++) {
            const cand *c = &w->cands.v[i];
            if (c->rank == RANK_SUBORDINATE) continue;
            uint32_t sg = conj_segment(w, c->verb_first);
            if (sg < 64 &&
                (seg_first[sg] < 0 || c->verb_first < seg_first[sg]))
                seg_first[sg] = c->verb_first;
        }
    size_t kept = before;
    for (size_t i = before; i < w->cands.n; i++) {
        const cand *c = &w->cands.v[i];
        const char *why = NULL;
        uint32_t sg = by_clause ? conj_segment(w, c->verb_first) : 0;
        if (only_first && c->verb_first != first)
            why = "only the sentence's first event is coded";
        else if (by_clause && sg < 64 && seg_first[sg] >= 0 &&
                 c->verb_first != seg_first[sg])
            why = "only the first event of a clause between conjunctions "
                  "is coded";
        else if (!only_first && dominant && c->rank != RANK_DOMINANT)
            why = "a dominant event (!) leaves out the others";
        else if (plain && c->rank == RANK_SUBORDINATE)
            why = "a subordinate event (?) gives way to the others";
        if (why) {
            tracef(w, "  \"%s\" = %s: %s", tlower(w, c->verb_first),
                   pstr(w, c->code), why);
            continue;
        }
        w->cands.v[kept] = *c;
        w->cands.v[kept++].days = w->days;
    }
    w->cands.n = kept;
}

/* TABARI's time phrases (the <TIME> block of its verb dictionaries,
 * YESTERDAY [-1]) for opts.time_shift: the code of the sentence's first
 * one that is not null, into code[16] ("" when none): days to move its
 * events by, "###" (discard it) or "+++" (too complex to code). */
static void time_phrase(bede_worker *w, char code[16]) {
    const bede_dict *d = w->c->dict;
    uint32_t base = w->s->first_token, end = base + w->s->token_count;
    code[0] = '\0';
    for (uint32_t i = base; i < end; i++) {
        bede_dict_match m[MAX_MATCHES];
        int n = match(w, BEDE_DICT_VERBS, i, end, m, MAX_MATCHES);
        for (int k = 0; k < n && k < MAX_MATCHES; k++) {
            uint32_t ge = global_entry(d, BEDE_DICT_VERBS, m[k].entry);
            const dict_entry *e = &d->entries.v[ge];
            if (e->block == NONE ||
                strcmp(dstr(w, d->blocks.v[e->block].desc), "<TIME>") != 0)
                continue;
            const char *c = match_code(d, ge, m[k].code);
            if (!c || !strcmp(c, "---")) continue;
            snprintf(code, 16, "%s", c);
            return;
        }
    }
}

static bool discarded(bede_worker *w, bool *story, uint32_t *which) {
    const bede_dict *d = w->c->dict;
    if (!bede_dict_entry_count(d, BEDE_DICT_DISCARDS)) return false;
    uint32_t base = w->s->first_token, end = base + w->s->token_count;
    for (uint32_t i = base; i < end; i++) {
        bede_dict_match m[2];
        int n = match(w, BEDE_DICT_DISCARDS, i, end, m, 2);
        if (n <= 0) continue;
        uint32_t ge = global_entry(d, BEDE_DICT_DISCARDS, m[0].entry);
        *story = d->entries.v[ge].flags & BEDE_DICT_ENTRY_STORY;
        *which = ge;
        return true;
    }
    return false;
}

/* Verbs whose object is who is to do what the infinitive says. */
static const char *const CONTROL[] = {
    "urge",   "ask",     "call",  "tell",     "order", "invite",
    "allow",  "force",   "press", "encourage", "warn", "permit",
    "request", "persuade", "push", "help",    "require", "instruct",
    "appeal", "advise",  "compel", "enable",  NULL};

/* Is clause c an infinitive that completes a noun ("decision to suspend
 * talks", "bid to join")? */
static bool noun_infinitive(bede_worker *w, int32_t c) {
    if (c < 0 || w->cl[c].kind != BEDE_CLAUSE_INFINITIVAL ||
        w->cl[c].first == 0)
        return false;
    int tag = w->toks[w->cl[c].first - 1].tag;
    if (tag != BEDE_TAG_NN && tag != BEDE_TAG_NNS) return false;
    /* "urged the groups to stay united": whom a verb of asking or making
     * acts on is to act, not a noun the infinitive completes ("abandoned
     * efforts to stop", "blocked the administration's plan to deport") */
    int32_t parent = w->cl[c].parent;
    int32_t pv = parent >= 0 ? w->cl[parent].verb : -1;
    return !(pv >= 0 && str_in_list(CONTROL, tlemma(w, w->ph[pv].head)));
}

/* "A gunman shot and wounded the prime minister": is a the first of two
 * acts of force by the same source on the same target named by verbs
 * joined with "and", which tell one attack (the second, more specific
 * verb stands for it)? */
static bool one_attack(const bede_worker *w, const cand *a, const cand *b) {
    const char *ac = pstr(w, a->code), *bc = pstr(w, b->code);
    if (!violent(ac) || !violent(bc) || a->tgt.code == NONE ||
        b->tgt.code == NONE || b->verb_first <= a->verb_first ||
        strcmp(pstr(w, a->src.code), pstr(w, b->src.code)) != 0 ||
        strcmp(pstr(w, a->tgt.code), pstr(w, b->tgt.code)) != 0 ||
        b->clause < 0 || b->clause == a->clause)
        return false;
    const bede_clause *cl = &w->cl[b->clause];
    return cl->kind == BEDE_CLAUSE_COORDINATE && cl->parent == a->clause &&
           cl->first == a->verb_last && !strcmp(tlower(w, cl->first), "and");
}

/* Is a the same event as b but for one side, where a names only the
 * state of b's role (PAK for PAKCVL): the source, or a target named only
 * as the place? */


static bool less_specific(const bede_worker *w, const cand *a,
                          const cand *b) {
    if (strcmp(pstr(w, a->code), pstr(w, b->code)) != 0) return false;
    const char *as = pstr(w, a->src.code), *bs = pstr(w, b->src.code);
    const char *at = a->tgt.code == NONE ? "" : pstr(w, a->tgt.code);
    const char *bt = b->tgt.code == NONE ? "" : pstr(w, b->tgt.code);
    bool same_src = strcmp(as, bs) == 0, same_tgt = strcmp(at, bt) == 0;
    /* a target state that is only where it happened: "in Pakistan" */
    uint32_t base = w->s->first_token;
    bool where = a->tgt.code != NONE && a->tgt.first > base &&
                 str_in_list(WHERE_PREPS, tlower(w, a->tgt.first - base - 1));
    if (same_src && where && strlen(at) == 3 && is_state(at) &&
        strlen(bt) > 3 && !strncmp(at, bt, 3))
        return true;
    return same_tgt && *at && strlen(as) == 3 && is_state(as) &&
           strlen(bs) > 3 && !strncmp(as, bs, 3);
}

static const char *const HOPING[] = {"hope", "wish", "want", "expect",
                                     NULL};

/* Nouns of a report whose content is only said to have happened. */
static const char *const REPORT_NOUNS[] = {
    "report",     "claim",      "allegation",  "rumor",     "rumour",
    "accusation", "suggestion", "speculation", "assertion", NULL};

/* Verbs that deny or dismiss what is reported ("denied", "brushed
 * aside"). */
static const char *const DISMISSING[] = {
    "deny",   "dismiss", "reject",   "brush",   "refute",   "rebut", "discount",
    "debunk", "scoff",   "downplay", "dispute", "ridicule", NULL};

/* Is clause c (or one around it) the content of a report that its
 * governing verb denies or dismisses ("brushed aside reports that X
 * attacked Y", "dismissed claims that ...")? What is denied is not an
 * event; "confirmed reports that ..." is. */
static bool denied_report(const bede_worker *w, int32_t c) {
    for (int depth = 0; c >= 0 && depth < 16; depth++, c = w->cl[c].parent) {
        const bede_clause *cl = &w->cl[c];
        if ((cl->kind != BEDE_CLAUSE_COMPLEMENT &&
             cl->kind != BEDE_CLAUSE_RELATIVE) ||
            strcmp(tlower(w, cl->first), "that") || cl->parent < 0)
            continue;
        int32_t pv = w->cl[cl->parent].verb;
        if (pv < 0 || !str_in_list(DISMISSING, tlemma(w, w->ph[pv].head)))
            continue;
        /* the noun right before "that", or before a parenthesis set off
         * by commas ("reports, rumored to originate in Mordor, that") */
        uint32_t t = cl->first;
        if (t > 0 && !strcmp(tlower(w, t - 1), ",")) {
            uint32_t k = t - 1;
            while (k > 0 && t - k < 16 && strcmp(tlower(w, k - 1), ","))
                k--;
            if (k == 0 || t - k >= 16) continue;
            t = k - 1;
        }
        if (t == 0 || t - 1 <= w->ph[pv].last - 1 ||
            !str_in_list(REPORT_NOUNS, tlemma(w, t - 1)))
            continue;
        return true;
    }
    return false;
}

/* Is clause c (or one around it) an indirect question ("would not say
 * whether Berlin would send missiles") or a condition ("if they
 * attacked")? */
static bool in_question(const bede_worker *w, int32_t c) {
    bool coordinated = false; /* reached through a coordinate clause */
    for (int depth = 0; c >= 0 && depth < 16;
         depth++, coordinated |= w->cl[c].kind == BEDE_CLAUSE_COORDINATE,
             c = w->cl[c].parent) {
        const char *first = tlower(w, w->cl[c].first);
        /* "companies accused of supplying drone parts": an allegation,
         * whether or not the accusing verb made an event */
        int32_t pv = w->cl[c].parent >= 0 ? w->cl[w->cl[c].parent].verb : -1;
        if (allegation_clause(w, c, false)) return true;
        /* "banned women from studying", "refrained from attacking":
         * what one is kept from has not happened */
        if (w->cl[c].kind == BEDE_CLAUSE_ADVERBIAL && !strcmp(first, "from"))
            return true;
        /* "hoped to visit Tehran", "wants to expand": what is hoped or
         * wanted has not happened (a dictionary pattern of the governing
         * verb codes it as an intent); what is planned or tried is coded */
        if (w->cl[c].kind == BEDE_CLAUSE_INFINITIVAL && pv >= 0 &&
            (str_in_list(HOPING, tlemma(w, w->ph[pv].head)) ||
             /* "failed to reach an agreement": what failed did not
              * happen */
             !strcmp(tlemma(w, w->ph[pv].head), "fail")))
            return true;
        /* "an agreement aimed at ending the fighting", "a law designed to
         * curb protests": a purpose has not happened */
        static const char *const PURPOSE[] = {"aim", "design", "intend",
                                              "mean", NULL};
        if (pv >= 0 && str_in_list(PURPOSE, tlemma(w, w->ph[pv].head)) &&
            w->toks[w->ph[pv].head].tag == BEDE_TAG_VBN &&
            (w->cl[c].kind == BEDE_CLAUSE_INFINITIVAL ||
             (w->cl[c].kind == BEDE_CLAUSE_ADVERBIAL && !strcmp(first, "at"))))
            return true;
        /* "denied sending weapons", "avoided meeting the envoy": what
         * the governing verb denies or avoids right after it was not
         * done */
        static const char *const UNDONE[] = {"deny", "avoid", "stop",
                                             "cease", "quit", NULL};
        /* ("denied restricting aid and accused Hamas": the accusing,
         * joined by "and", was done) */
        if (!coordinated && w->cl[c].kind == BEDE_CLAUSE_PARTICIPIAL &&
            pv >= 0 && w->cl[c].first == w->ph[pv].last &&
            str_in_list(UNDONE, tlemma(w, w->ph[pv].head)))
            return true;
        /* "blocked a resolution demanding a ceasefire", "rejected a
         * proposal that called for talks": what a document that was
         * blocked or rejected says has not happened */
        static const char *const REJECTING[] = {
            "block", "veto", "reject", "defeat", "oppose", "kill", NULL};
        static const char *const DOCUMENTS[] = {
            "resolution", "proposal", "draft", "bill", "motion", "plan",
            "text", "statement", "amendment", NULL};
        if ((w->cl[c].kind == BEDE_CLAUSE_PARTICIPIAL ||
             w->cl[c].kind == BEDE_CLAUSE_RELATIVE) &&
            w->cl[c].first > 0 && pv >= 0 &&
            str_in_list(REJECTING, tlemma(w, w->ph[pv].head))) {
            uint32_t k = w->cl[c].first - 1;
            if (w->toks[k].tag == BEDE_TAG_COMMA && k > 0) k--;
            if (str_in_list(DOCUMENTS, tlemma(w, k))) return true;
        }
        /* "... if Washington attacked", "unless Kyiv signed": a condition */
        if (w->cl[c].kind == BEDE_CLAUSE_ADVERBIAL &&
            (!strcmp(first, "if") || !strcmp(first, "unless")))
            return true;
        if ((w->cl[c].kind == BEDE_CLAUSE_COMPLEMENT ||
             w->cl[c].kind == BEDE_CLAUSE_ADVERBIAL) &&
            (!strcmp(first, "whether") ||
             (w->cl[c].first > 0 && !strcmp(tlower(w, w->cl[c].first - 1),
                                            "whether"))))
            return true;
    }
    return false;
}

/* Is clause k (a reported event's) inside what statement c reports? "The
 * Taliban said Pakistani strikes killed 10 civilians and warned
 * Islamabad": the warning, joined to the saying, reports nothing coded. */
static bool reported_by(const bede_worker *w, int32_t k, const cand *c) {
    if (k < 0 || c->clause < 0) return true;
    for (int depth = 0; k >= 0 && depth < 16; depth++, k = w->cl[k].parent) {
        int32_t pk = w->cl[k].parent;
        if (pk < 0) return false;
        int32_t v = w->cl[pk].verb;
        if (v >= 0 && w->ph[v].first <= c->verb_first &&
            c->verb_first < w->ph[v].last)
            return true;
    }
    return false;
}

static int code_sentence(bede_worker *w, uint32_t si) {
    const bede_sentence *s = &bede_doc_sentences(w->doc)[si];
    w->s = s;
    w->toks = bede_doc_tokens(w->doc) + s->first_token;
    w->ph = bede_doc_phrases(w->doc) + s->first_phrase;
    w->cl = bede_doc_clauses(w->doc) + s->first_clause;
    w->actors.n = 0;
    w->nps.n = 0;
    if (vec_reserve((void **)&w->nps.v, &w->nps.cap, s->phrase_count + 1,
                    sizeof *w->nps.v))
        return BEDE_ERR_NOMEM;
    memset(w->nps.v, 0, (s->phrase_count + 1) * sizeof *w->nps.v);
    w->nps.n = s->phrase_count;
    w->void_sentence = false;
    int rc = collect_mentions(w);
    if (rc || (rc = index_starts(w))) return rc;
    if (vec_reserve((void **)&w->covered.v, &w->covered.cap,
                    s->token_count + 1, 1))
        return BEDE_ERR_NOMEM;
    memset(w->covered.v, 0, s->token_count + 1);

    size_t before = w->cands.n;
    /* verbs, clause by clause; nominal events from NP heads */
    for (uint32_t p = 0; p < s->phrase_count; p++) {
        const bede_phrase *ph = &w->ph[p];
        if ((ph->kind == BEDE_PHRASE_VP && (w->covered.v[ph->head] & 1)) ||
            (ph->kind == BEDE_PHRASE_NP && w->covered.v[ph->head] &&
             between_np(w, (int32_t)p) < 0 &&
             !(w->covered.v[ph->head] == TOPIC &&
               during_pp(w, (int32_t)p)))) {
            tracef(w, "  \"%s\": an earlier verb acts on it or its pattern read it",
                   tlower(w, ph->head));
            continue;
        }
        if (ph->kind == BEDE_PHRASE_VP && (w->covered.v[ph->head] & TOPIC) &&
            noun_infinitive(w, ph->clause)) {
            /* "marched against the government's decision to suspend
             * talks": the decision's content is the protest's topic */
            tracef(w, "  \"%s\": what a noun of the event's topic plans, "
                      "not an event",
                   tlower(w, ph->head));
            continue;
        }
        if (ph->kind == BEDE_PHRASE_VP) {
            /* a modal with patterns of its own ("suggested X should
             * demand ...", TABARI's SHOULD) speaks for its verb group */
            bool coded = false;
            for (uint32_t t = ph->first; t < ph->head && !coded; t++)
                if (w->toks[t].tag == BEDE_TAG_MD)
                    coded = try_modal(w, t, ph);
            if (coded || !is_verb_tag(w->toks[ph->head].tag)) continue;
            try_verb(w, ph->head, ph, ph->clause, false, -1);
        } else if (ph->kind == BEDE_PHRASE_NP && w->c->opts.nominal &&
                   !(ph->flags & (BEDE_PHF_COORD | BEDE_PHF_PRONOUN)) &&
                   is_noun_tag(w->toks[ph->head].tag) &&
                   w->toks[ph->head].tag != BEDE_TAG_NNP &&
                   w->toks[ph->head].tag != BEDE_TAG_NNPS) {
            try_verb(w, ph->head, NULL, ph->clause, true, (int32_t)p);
        }
    }
    /* a verb of saying gives no statement event when its reported content
     * gave events */
    size_t kept = before;
    for (size_t i = before; i < w->cands.n; i++) {
        cand *c = &w->cands.v[i];
        bool drop = false;
        if (!w->c->opts.statements && say_verb(w, c->verb_first) &&
            strncmp(pstr(w, c->code), "10", 2) != 0)
            for (size_t j = before; j < w->cands.n && !drop; j++)
                drop = j != i && (w->cands.v[j].flags & BEDE_EVF_REPORTED) &&
                       reported_by(w, w->cands.v[j].clause, c);
        if (drop) {
            tracef(w, "  the statement \"%s\" gives no event of its own: "
                      "what it reports was coded",
                   tlower(w, c->verb_first));
            continue;
        }
        c->sentence = si;
        w->cands.v[kept++] = *c;
    }
    w->cands.n = kept;
    /* what is demanded, urged, threatened, denied or alleged has not
     * happened: "demanded that Hamas release the hostages" is one event */
    /* "warned Afghans that they would be arrested" with ARREST's pattern
     * "$ warn be_*": the content's pattern read its governor, and its
     * event (137) stands for the governor's (130) */
    for (size_t i = before; i < w->cands.n; i++) {
        cand *c = &w->cands.v[i];
        int32_t gov = c->reads_back ? unreal_governor(w, before, c) : -1;
        if (gov >= 0 && !w->cands.v[gov].reads_back) {
            w->cands.v[gov].dead = 1;
            tracef(w, "  \"%s\": its pattern reads \"%s\", whose event it "
                      "stands for",
                   tlower(w, c->verb_first),
                   tlower(w, w->cands.v[gov].verb_first));
        }
    }
    for (size_t i = before; i < w->cands.n; i++) {
        int32_t g = building_attack(w, before, &w->cands.v[i]);
        if (g >= 0 && !w->cands.v[g].dead) {
            w->cands.v[g].dead = 1;
            tracef(w, "  \"%s\": the people \"%s\" killed or hurt there "
                      "are the attack's target",
                   tlower(w, w->cands.v[g].verb_first),
                   tlower(w, w->cands.v[i].verb_first));
        }
    }
    kept = before;
    bool all = w->c->opts.code_by == BEDE_CODE_ALL; /* nothing folds */
    for (size_t i = before; i < w->cands.n && all; i++)
        w->cands.v[kept++] = w->cands.v[i];
    for (size_t i = before; i < w->cands.n && !all; i++) {
        cand *c = &w->cands.v[i];
        if (c->dead) continue;
        if (background(w, c)) {
            tracef(w, "  \"%s\" is the background of the news (\"after\", "
                      "\"since\" ...): no event of its own",
                   tlower(w, c->verb_first));
            continue;
        }
        if (aid_purpose(w, before, c)) {
            tracef(w, "  \"%s\" is what the aid before it is for: no "
                      "event of its own",
                   tlower(w, c->verb_first));
            continue;
        }
        if (consequence(w, before, c)) {
            tracef(w, "  \"%s\" tells what the attack before it did: no "
                      "event of its own",
                   tlower(w, c->verb_first));
            continue;
        }
        if (denied_report(w, c->clause)) {
            tracef(w,
                   "  \"%s\" is what a denied or dismissed report says: "
                   "no event",
                   tlower(w, c->verb_first));
            continue;
        }
        if (in_question(w, c->clause)) {
            tracef(w, "  \"%s\" is asked about or a condition (\"whether\", "
                      "\"if\"): no event",
                   tlower(w, c->verb_first));
            continue;
        }
        int32_t gov = c->reads_back ? -1 : unreal_governor(w, before, c);
        if (gov >= 0) {
            tracef(w, "  \"%s\" is what \"%s\" asks, alleges or denies: no "
                      "event of its own",
                   tlower(w, c->verb_first),
                   tlower(w, w->cands.v[gov].verb_first));
            continue;
        }
        w->cands.v[kept++] = *c;
    }
    w->cands.n = kept;
    /* "hijacked a train in Pakistan and took its passengers hostage": of
     * two events of one sentence alike but for one side, a side that is
     * only the state of the other's role says less */
    kept = before;
    for (size_t i = before; i < w->cands.n; i++) {
        const cand *c = &w->cands.v[i];
        bool drop = false;
        for (size_t j = before; j < w->cands.n && !drop; j++)
            drop = j != i && (less_specific(w, c, &w->cands.v[j]) ||
                              one_attack(w, c, &w->cands.v[j]));
        if (drop) {
            tracef(w, "  \"%s\": a more specific event of the sentence "
                      "says it",
                   tlower(w, c->verb_first));
            continue;
        }
        w->cands.v[kept++] = w->cands.v[i];
    }
    w->cands.n = kept;
    if (w->void_sentence) {
        tracef(w, "  discarded: a \"###\" code voids the sentence");
        w->cands.n = before;
    }
    remember(w, before);
    return 0;
}

/* ------------------------------------------------------------ emission */

static bool same_event(const bede_worker *w, const cand *a, const cand *b) {
    const char *at = a->tgt.code == NONE ? "" : pstr(w, a->tgt.code);
    const char *bt = b->tgt.code == NONE ? "" : pstr(w, b->tgt.code);
    return strcmp(pstr(w, a->src.code), pstr(w, b->src.code)) == 0 &&
           strcmp(at, bt) == 0 &&
           strcmp(pstr(w, a->code), pstr(w, b->code)) == 0;
}

static void fill_actor(const bede_worker *w, const actor *a,
                       bede_event_actor *out) {
    const bede_token *toks = bede_doc_tokens(w->doc);
    memset(out, 0, sizeof *out);
    if (a->code == NONE) {
        out->code = "---";
        out->how = BEDE_ACTOR_NONE;
        return;
    }
    out->code = pstr(w, a->code);
    out->how = a->how;
    if (a->first < a->last) {
        out->span.start = toks[a->first].span.start;
        out->span.end = toks[a->last - 1].span.end;
    }
    out->file = a->file == NONE ? NULL : dstr(w, a->file);
    out->line = a->line;
    out->agent_file = a->agent_file == NONE ? NULL : dstr(w, a->agent_file);
    out->agent_line = a->agent_line;
}

/* Emits the candidates of the story. */
static int emit(bede_worker *w, bede_event_fn fn, void *user, int *count) {
    const bede_sentence *sents = bede_doc_sentences(w->doc);
    const bede_token *toks = bede_doc_tokens(w->doc);
    for (size_t i = 0; i < w->cands.n; i++) {
        const cand *c = &w->cands.v[i];
        bool dup = false;
        for (size_t j = 0; j < i && !dup; j++) {
            const cand *o = &w->cands.v[j];
            if ((o->sentence == c->sentence ||
                 (w->c->opts.one_a_day && o->days == c->days)) &&
                same_event(w, o, c))
                dup = true;
        }
        if (dup) continue;
        bede_event ev;
        memset(&ev, 0, sizeof ev);
        ev.sentence = c->sentence;
        ev.date = date_add_days(w->date, c->days);
        fill_actor(w, &c->src, &ev.source);
        fill_actor(w, &c->tgt, &ev.target);
        ev.code = pstr(w, c->code);
        bede_cameo_code cc;
        char root[4] = {ev.code[0], ev.code[1] ? ev.code[1] : 0, 0, 0};
        if (bede_cameo_lookup(ev.code, &cc) == 0) {
            ev.root = cc.root;
            ev.quad_class = cc.quad_class;
            ev.goldstein = cc.goldstein;
            ev.label = cc.label;
        } else {
            ev.root = root; /* lives until the callback returns */
            ev.label = "";
        }
        const bede_sentence *s = &sents[c->sentence];
        ev.verb.start = toks[s->first_token + c->verb_first].span.start;
        ev.verb.end = toks[s->first_token + c->verb_last - 1].span.end;
        ev.sentence_span = s->span;
        ev.rule_file = dstr(w, c->rule_file);
        ev.rule_line = c->rule_line;
        ev.rule = c->rule == NONE ? NULL : dstr(w, c->rule);
        ev.flags = c->flags;
        (*count)++;
        if (fn && fn(&ev, user)) return BEDE_ERR_ABORTED;
    }
    return 0;
}

/* The country code of the dateline's place, if an actor. */
static uint32_t dateline_country(bede_worker *w) {
    const bede_dateline *dl = bede_doc_dateline(w->doc);
    if (dl->place.start == dl->place.end) return NONE;
    const bede_token *toks = bede_doc_tokens(w->doc);
    size_t n = bede_doc_token_count(w->doc);
    for (size_t i = 0; i < n && toks[i].span.start < dl->place.end; i++) {
        if (toks[i].span.start < dl->place.start) continue;
        bede_dict_match m[2];
        int k = bede_dict_match_at(w->c->dict, BEDE_DICT_ACTORS, w->doc, i, n,
                                   w->date, m, 2);
        if (k <= 0) continue;
        uint32_t ge = global_entry(w->c->dict, BEDE_DICT_ACTORS, m[0].entry);
        const char *code = match_code(w->c->dict, ge, m[0].code);
        if (code && strlen(code) >= 3 && code[0] != '-' && code[0] != '@')
            return pool_code(w, code, 3);
    }
    return NONE;
}

int bede_code(bede_worker *w, const char *text, size_t len,
              const bede_story *story, bede_event_fn fn, void *user,
              bede_story_stats *stats, bede_error *err) {
    if (!w || (!text && len)) return bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "no worker or text");
    bede_story_stats st;
    memset(&st, 0, sizeof st);
    w->pool.n = 0;
    w->seen.n = 0;
    w->untargeted.n = 0;
    w->has_pair = 0;
    w->ngroup = 0;
    w->cands.n = 0;
    w->date = story && story->date ? story->date : w->c->opts.default_date;
    int rc = bede_analyze(w->c->an, text ? text : "", len, w->doc, err);
    if (rc < 0) return rc;
    w->context = dateline_country(w);
    size_t ns = bede_doc_sentence_count(w->doc);
    st.sentences = (uint32_t)ns;
    char buf[256];
    for (uint32_t si = 0; si < ns; si++) {
        const bede_sentence *s = &bede_doc_sentences(w->doc)[si];
        w->s = s;
        w->toks = bede_doc_tokens(w->doc) + s->first_token;
        if (w->trace) {
            const char *t = bede_doc_text(w->doc);
            size_t n = s->span.end - s->span.start;
            if (n > sizeof buf - 1) n = sizeof buf - 1;
            memcpy(buf, t + s->span.start, n);
            buf[n] = 0;
            tracef(w, "sentence %u: %s", si + 1, buf);
        }
        bool whole = false;
        uint32_t which = NONE;
        if (sentence_ids(w)) return bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
        if (discarded(w, &whole, &which)) {
            const dict_entry *e = &w->c->dict->entries.v[which];
            tracef(w, "  discarded (%s): \"%s\" (%s:%u)",
                   whole ? "the story" : "the sentence",
                   dstr(w, w->c->dict->phrases.v[e->first_phrase].text),
                   dstr(w, e->file), e->line);
            if (whole) {
                st.discarded_story = 1;
                st.discard =
                    dstr(w, w->c->dict->phrases.v[e->first_phrase].text);
                w->cands.n = 0;
                break;
            }
            st.discarded_sentences++;
            continue;
        }
        if (w->c->opts.min_words &&
            sentence_words(w->doc, s) < w->c->opts.min_words) {
            tracef(w, "  fewer than %u words: not coded",
                   w->c->opts.min_words);
            continue;
        }
        w->days = 0;
        if (w->c->opts.time_shift) {
            char tc[16];
            time_phrase(w, tc);
            if (!strcmp(tc, "###") || !strcmp(tc, "@DISCARD")) {
                tracef(w, "  discarded: a time phrase coded %s", tc);
                st.discarded_sentences++;
                continue;
            }
            if (!strcmp(tc, "+++") || !strcmp(tc, "@COMPLEX")) {
                tracef(w, "  a time phrase coded %s: too complex to code", tc);
                continue;
            }
            w->days = atoi(tc);
            if (w->days) tracef(w, "  a time phrase moves its events by %d "
                                   "days", (int)w->days);
        }
        rc = sentence_options(w);
        if (!rc) rc = code_sentence(w, si);
        if (rc) return bede_fail(err, rc, NULL, 0, 0, 0, "out of memory");
        select_events(w, w->sentence_cands);
    }
    int count = 0;
    rc = emit(w, fn, user, &count);
    st.events = (uint32_t)count;
    if (stats) *stats = st;
    if (rc) return bede_fail(err, rc, NULL, 0, 0, 0, "stopped by the caller");
    return count;
}
