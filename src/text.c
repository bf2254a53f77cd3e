/*
 * The analyser: raw text -> sentences of tagged, lemmatised, chunked tokens.
 *
 * bede_analyze runs the stages in order — UTF-8 check, tokenize, dateline,
 * sentences, tagger, lemmatizer, chunker — into a caller-owned bede_doc whose
 * arrays are kept between calls, so that a long run allocates only while its
 * documents grow.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct bede_analyzer {
    bede_text_options opts;
    tagger *tagger;
};

struct bede_doc {
    const char *text;
    size_t len;
    token_vec tokens;
    byte_vec gaps;
    sentence_vec sentences;
    phrase_vec phrases;
    clause_vec clauses;
    char_vec pool;
    bede_dateline dateline;
    size_t replaced;
    /* tagger scratch, one entry per token of the longest sentence */
    const char **words;
    uint32_t *lens;
    uint8_t *tags;
    size_t scratch_cap;
};

void bede_text_default_options(bede_text_options *opts) {
    memset(opts, 0, sizeof *opts);
    opts->utf8_policy = BEDE_UTF8_REJECT;
    opts->datelines = 1;
    opts->tag = 1;
    opts->chunk = 1;
    opts->max_sentence_tokens = 400;
}

static bede_analyzer *analyzer_make(const bede_text_options *opts,
                                    const char *model_path, bede_error *err) {
    bede_analyzer *an = calloc(1, sizeof *an);
    if (!an) {
        bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
        return NULL;
    }
    if (opts)
        an->opts = *opts;
    else
        bede_text_default_options(&an->opts);
    if (an->opts.max_sentence_tokens == 0) an->opts.max_sentence_tokens = 400;
    if (!an->opts.tag) return an; /* tokens and sentences only */
    an->tagger =
        model_path ? tagger_new_file(model_path, err) : tagger_new_builtin(err);
    if (!an->tagger) {
        free(an);
        return NULL;
    }
    return an;
}

bede_analyzer *bede_analyzer_new(const bede_text_options *opts,
                                 bede_error *err) {
    return analyzer_make(opts, NULL, err);
}

bede_analyzer *bede_analyzer_new_with_model(const bede_text_options *opts,
                                            const char *model_path,
                                            bede_error *err) {
    if (!model_path) {
        bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "model path is NULL");
        return NULL;
    }
    return analyzer_make(opts, model_path, err);
}

void bede_analyzer_free(bede_analyzer *an) {
    if (!an) return;
    tagger_free(an->tagger);
    free(an);
}

bede_doc *bede_doc_new(void) {
    return calloc(1, sizeof(bede_doc));
}

void bede_doc_free(bede_doc *doc) {
    if (!doc) return;
    free(doc->tokens.v);
    free(doc->gaps.v);
    free(doc->sentences.v);
    free(doc->phrases.v);
    free(doc->clauses.v);
    free(doc->pool.v);
    free(doc->words);
    free(doc->lens);
    free(doc->tags);
    free(doc);
}

static void doc_reset(bede_doc *doc, const char *text, size_t len) {
    doc->text = text;
    doc->len = len;
    doc->tokens.n = doc->gaps.n = doc->sentences.n = 0;
    doc->phrases.n = doc->clauses.n = doc->pool.n = 0;
    doc->replaced = 0;
    memset(&doc->dateline, 0, sizeof doc->dateline);
}

static int reserve_scratch(bede_doc *doc, size_t n) {
    if (n <= doc->scratch_cap) return 0;
    size_t cap = doc->scratch_cap ? doc->scratch_cap : 64;
    while (cap < n)
        cap *= 2;
    const char **w = realloc(doc->words, cap * sizeof *w);
    if (!w) return BEDE_ERR_NOMEM;
    doc->words = w;
    uint32_t *l = realloc(doc->lens, cap * sizeof *l);
    if (!l) return BEDE_ERR_NOMEM;
    doc->lens = l;
    uint8_t *t = realloc(doc->tags, cap);
    if (!t) return BEDE_ERR_NOMEM;
    doc->tags = t;
    doc->scratch_cap = cap;
    return 0;
}

/* Tags, lemmatises and chunks one sentence. */
static int analyse_sentence(const bede_analyzer *an, bede_doc *doc,
                            bede_sentence *s) {
    bede_token *toks = doc->tokens.v + s->first_token;
    size_t n = s->token_count;
    if (an->opts.tag) {
        if (reserve_scratch(doc, n)) return BEDE_ERR_NOMEM;
        /* A sentence in capitals ("ARNOR HAS EXCHANGED PRISONERS") is
         * tagged in lower case: capitals would read as names throughout. */
        size_t words = 0, caps = 0;
        for (size_t i = 0; i < n; i++) {
            if (toks[i].kind != BEDE_TOKEN_WORD) continue;
            words++;
            if ((toks[i].flags & BEDE_TOKF_ALLCAPS) &&
                toks[i].span.end - toks[i].span.start > 1)
                caps++;
        }
        bool shouting = words >= 4 && caps * 10 >= words * 8;
        for (size_t i = 0; i < n; i++) {
            doc->words[i] =
                doc->pool.v + (shouting ? toks[i].lower : toks[i].norm);
            doc->lens[i] = (uint32_t)strlen(doc->words[i]);
        }
        tagger_tag(an->tagger, doc->words, doc->lens, n, doc->tags);
        tagger_correct(doc->words, doc->lens, n, doc->tags);
        for (size_t i = 0; i < n; i++) {
            toks[i].tag = doc->tags[i];
            int tag = toks[i].tag;
            bool lemmatised = (tag >= BEDE_TAG_VB && tag <= BEDE_TAG_VBZ) ||
                              tag == BEDE_TAG_NN || tag == BEDE_TAG_NNS ||
                              tag == BEDE_TAG_MD;
            if (!lemmatised) continue;
            char buf[256];
            const char *low = doc->pool.v + toks[i].lower;
            size_t len = strlen(low);
            if (len >= sizeof buf) continue;
            size_t m = lemmatize(low, len, tag, buf, sizeof buf);
            if (m == len && memcmp(buf, low, len) == 0) continue;
            uint32_t ref = pool_add(&doc->pool, buf, m);
            if (ref == UINT32_MAX) return BEDE_ERR_NOMEM;
            toks[i].lemma = ref;
        }
    }
    toks[0].flags |= BEDE_TOKF_SENT_START;
    if (an->opts.chunk && an->opts.tag) {
        size_t p0 = doc->phrases.n, c0 = doc->clauses.n;
        int rc = chunk_sentence(toks, (uint32_t)n, doc->pool.v, &doc->phrases,
                                &doc->clauses);
        if (rc) return rc;
        s->first_phrase = (uint32_t)p0;
        s->phrase_count = (uint32_t)(doc->phrases.n - p0);
        s->first_clause = (uint32_t)c0;
        s->clause_count = (uint32_t)(doc->clauses.n - c0);
    } else {
        s->first_phrase = (uint32_t)doc->phrases.n;
        s->first_clause = (uint32_t)doc->clauses.n;
    }
    return 0;
}

int bede_analyze(const bede_analyzer *an, const char *text, size_t len,
                 bede_doc *doc, bede_error *err) {
    if (!an || !doc || (!text && len)) {
        return bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0,
                         "analyzer, doc and text must not be NULL");
    }
    if (len >= UINT32_MAX) {
        return bede_fail(err, BEDE_ERR_LIMIT, NULL, 0, 0, 0,
                         "text of %zu bytes exceeds the 4 GB limit", len);
    }
    doc_reset(doc, text ? text : "", len);
    if (an->opts.utf8_policy == BEDE_UTF8_REJECT) {
        size_t bad = utf8_first_invalid((const uint8_t *)doc->text, len);
        if (bad < len) {
            return bede_fail(err, BEDE_ERR_UTF8, NULL, 0, 0, bad,
                             "invalid UTF-8 byte 0x%02X at byte offset %zu; "
                             "expected a valid UTF-8 sequence",
                             (unsigned)(unsigned char)doc->text[bad], bad);
        }
    }
    int rc = tokenize(doc->text, len, &doc->tokens, &doc->gaps, &doc->pool,
                      &doc->replaced);
    if (rc)
        return bede_fail(err, rc, NULL, 0, 0, 0, "tokenizer: %s",
                         bede_strerror(rc));
    size_t n = doc->tokens.n;
    size_t dl_first = 0, dl_end = 0;
    if (an->opts.datelines && n)
        dl_end = find_dateline(doc->tokens.v, doc->gaps.v, n, doc->pool.v,
                               &dl_first, &doc->dateline);
    uint32_t maxt = an->opts.max_sentence_tokens;
    if (dl_end) {
        rc = split_sentences(doc->tokens.v, doc->gaps.v, 0, dl_first,
                             doc->pool.v, maxt, &doc->sentences);
        if (!rc)
            rc = split_sentences(doc->tokens.v, doc->gaps.v, dl_end, n,
                                 doc->pool.v, maxt, &doc->sentences);
    } else {
        rc = split_sentences(doc->tokens.v, doc->gaps.v, 0, n, doc->pool.v,
                             maxt, &doc->sentences);
    }
    if (rc)
        return bede_fail(err, rc, NULL, 0, 0, 0, "sentence splitter: %s",
                         bede_strerror(rc));
    /* paragraph numbers, in one pass over the tokens */
    uint32_t para = 0;
    size_t tok = 0;
    for (size_t i = 0; i < doc->sentences.n; i++) {
        bede_sentence *s = &doc->sentences.v[i];
        for (; tok <= s->first_token && tok < n; tok++)
            if (tok > 0 && doc->gaps.v[tok] == GAP_PARAGRAPH) para++;
        s->paragraph = para;
        rc = analyse_sentence(an, doc, s);
        if (rc)
            return bede_fail(err, rc, NULL, 0, 0, 0, "analysis: %s",
                             bede_strerror(rc));
    }
    return (int)(doc->sentences.n > INT32_MAX ? INT32_MAX : doc->sentences.n);
}

const char *bede_doc_text(const bede_doc *doc) {
    return doc->text;
}
size_t bede_doc_text_length(const bede_doc *doc) {
    return doc->len;
}
size_t bede_doc_sentence_count(const bede_doc *doc) {
    return doc->sentences.n;
}
/* Array accessors never return NULL, so that `array + 0` is always valid. */
const bede_sentence *bede_doc_sentences(const bede_doc *doc) {
    static const bede_sentence none[1];
    return doc->sentences.v ? doc->sentences.v : none;
}
const bede_token *bede_doc_tokens(const bede_doc *doc) {
    static const bede_token none[1];
    return doc->tokens.v ? doc->tokens.v : none;
}
size_t bede_doc_token_count(const bede_doc *doc) {
    return doc->tokens.n;
}
const bede_phrase *bede_doc_phrases(const bede_doc *doc) {
    static const bede_phrase none[1];
    return doc->phrases.v ? doc->phrases.v : none;
}
const bede_clause *bede_doc_clauses(const bede_doc *doc) {
    static const bede_clause none[1];
    return doc->clauses.v ? doc->clauses.v : none;
}
const bede_dateline *bede_doc_dateline(const bede_doc *doc) {
    return &doc->dateline;
}
size_t bede_doc_replaced_bytes(const bede_doc *doc) {
    return doc->replaced;
}
const char *bede_doc_string(const bede_doc *doc, uint32_t ref) {
    return ref < doc->pool.n ? doc->pool.v + ref : "";
}
