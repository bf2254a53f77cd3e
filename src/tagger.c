/*
 * Part-of-speech tagger: a greedy left-to-right averaged perceptron over Penn
 * Treebank tags (Collins 2002; the feature set follows Honnibal's
 * "A good part-of-speech tagger in about 200 lines of Python").
 *
 * The model is the text format of data/tagger/README.md: a tag dictionary of
 * frequent unambiguous words and one line per feature with its non-zero
 * integer weights. Loading hashes every feature name once into an
 * open-addressing table whose slots point at compact rows of (tag, weight)
 * pairs; tagging computes the same 64-bit hashes from the words without
 * allocating, sums the rows of the features that exist, and takes the best
 * tag. Each token's hashes are computed once, in a five-token window.
 *
 * bede-train-tagger uses the tagger_train_* functions at the end of this
 * file, so that training and tagging share one definition of the features.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

BEDE_HIDDEN extern const unsigned char bede_tagger_model[];
BEDE_HIDDEN extern const size_t bede_tagger_model_len;

#define MODEL_MAGIC "bede-pos-model"
#define MODEL_VERSION 1

/* ------------------------------------------------------------ hashing */

static uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

/* Hash of a feature value's bytes (FNV-1a, then mixed). */
static uint64_t hash_bytes(const char *s, size_t len) {
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (uint8_t)s[i];
        h *= 0x100000001B3ull;
    }
    return mix64(h ^ len);
}

static uint64_t hash_str(const char *s) { return hash_bytes(s, strlen(s)); }

/* Key of a feature: its template and the hashes of its parts. */
static uint64_t feature_key(unsigned tmpl, uint64_t a, uint64_t b) {
    uint64_t k = mix64((tmpl + 1) * 0x9E3779B97F4A7C15ull ^ a);
    return mix64(k ^ (b * 0xC2B2AE3D27D4EB4Full));
}

/* ------------------------------------------------------- feature templates */

/* What a template part is made of. */
enum part {
    PART_W0,   /* the word, lower-cased (numbers and long words: its shape) */
    PART_WM1,  /* previous word */
    PART_WM2,  /* the word two back */
    PART_WP1,  /* next word */
    PART_WP2,  /* the word two ahead */
    PART_PRE1, /* first character, original case */
    PART_SUF1, /* last 1..4 characters, lower case */
    PART_SUF2,
    PART_SUF3,
    PART_SUF4,
    PART_SUF3M1, /* last 3 characters of the previous word */
    PART_SUF3P1, /* last 3 characters of the next word */
    PART_SHAPE,  /* Xx, d,d, X.X., x-x ... */
    PART_T1,     /* previous tag */
    PART_T2,     /* tag two back */
    PART_QUOTE   /* "1" inside an open double quote, else "0" */
};

typedef struct feature_template {
    const char *name;
    uint8_t nparts;
    uint8_t part[2];
} feature_template;

/* The order is part of the model format (the file lists the names). */
static const feature_template templates[] = {
    {"bias", 0, {0, 0}},
    {"w", 1, {PART_W0, 0}},
    {"p1", 1, {PART_PRE1, 0}},
    {"s1", 1, {PART_SUF1, 0}},
    {"s2", 1, {PART_SUF2, 0}},
    {"s3", 1, {PART_SUF3, 0}},
    {"s4", 1, {PART_SUF4, 0}},
    {"sh", 1, {PART_SHAPE, 0}},
    {"t1", 1, {PART_T1, 0}},
    {"t2", 1, {PART_T2, 0}},
    {"t12", 2, {PART_T1, PART_T2}},
    {"t1w", 2, {PART_T1, PART_W0}},
    {"t1sh", 2, {PART_T1, PART_SHAPE}},
    {"w-1", 1, {PART_WM1, 0}},
    {"s3-1", 1, {PART_SUF3M1, 0}},
    {"w-2", 1, {PART_WM2, 0}},
    {"w+1", 1, {PART_WP1, 0}},
    {"s3+1", 1, {PART_SUF3P1, 0}},
    {"w+2", 1, {PART_WP2, 0}},
    {"w-1w", 2, {PART_WM1, PART_W0}},
    {"ww+1", 2, {PART_W0, PART_WP1}},
    {"q", 1, {PART_QUOTE, 0}},
};
#define NTEMPLATES (sizeof templates / sizeof templates[0])
#define MAX_FEATURES 32

enum {
    TMPL_BIAS, TMPL_W, TMPL_P1, TMPL_S1, TMPL_S2, TMPL_S3, TMPL_S4, TMPL_SH,
    TMPL_T1, TMPL_T2, TMPL_T12, TMPL_T1W, TMPL_T1SH, TMPL_WM1, TMPL_S3M1,
    TMPL_WM2, TMPL_WP1, TMPL_S3P1, TMPL_WP2, TMPL_WM1W, TMPL_WWP1, TMPL_Q
};

/* Pseudo-words and pseudo-tags outside the sentence. */
static const char *const boundary_words[4] = {"-START2-", "-START-", "-END-",
                                              "-END2-"};
#define TAG_START (BEDE_TAG_COUNT)      /* previous tag at position 0 */
#define TAG_START2 (BEDE_TAG_COUNT + 1) /* tag two back at position 0, 1 */

static const char *tag_part_name(int tag) {
    if (tag == TAG_START) return "-START-";
    if (tag == TAG_START2) return "-START2-";
    return bede_tag_name(tag);
}

/* ------------------------------------------------------------ word forms */

#define LOWER_MAX 64 /* longer words are represented by their shape */
#define SHAPE_MAX 8

/* The strings a token contributes to features. */
typedef struct word_forms {
    char lower[LOWER_MAX + 1];
    char shape[SHAPE_MAX + 1];
    const char *value; /* lower, or shape for numbers and long words */
    uint32_t lower_len, shape_len, value_len;
    uint32_t pre1_len;   /* bytes of the first character */
    uint32_t suf_off[5]; /* lower + suf_off[k]: last k characters, k=1..4 */
    uint8_t nsuf;        /* suffixes available (0 for numbers/long words) */
} word_forms;

static char shape_class(uint8_t c) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    if (c >= 0x80) return 'u';
    if (c <= 0x20 || c == 0x7F) return '_';
    return (char)c;
}

static void word_forms_of(const char *w, size_t len, word_forms *f) {
    bool digit = false;
    uint32_t sl = 0;
    char last = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)w[i];
        if (c >= '0' && c <= '9') digit = true;
        if (c >= 0x80 && c < 0xC0) continue; /* UTF-8 continuation */
        char k = shape_class(c);
        bool run = k == 'X' || k == 'x' || k == 'd' || k == 'u';
        if (run && k == last) continue;
        last = k;
        if (sl < SHAPE_MAX) f->shape[sl++] = k;
    }
    f->shape[sl] = 0;
    f->shape_len = sl;
    f->pre1_len = 0;
    if (len) {
        size_t j = 1;
        while (j < len && ((uint8_t)w[j] & 0xC0) == 0x80 && j < 4) j++;
        f->pre1_len = (uint32_t)j;
    }
    f->nsuf = 0;
    if (digit || len > LOWER_MAX) {
        f->lower_len = 0;
        f->lower[0] = 0;
        f->value = f->shape;
        f->value_len = sl;
        return;
    }
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)w[i];
        f->lower[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    f->lower[len] = 0;
    f->lower_len = (uint32_t)len;
    f->value = f->lower;
    f->value_len = (uint32_t)len;
    /* suffixes of 1..4 characters, stepping over continuation bytes; only
     * when the word is longer than the suffix */
    size_t pos = len;
    for (unsigned k = 1; k <= 4 && pos > 0; k++) {
        pos--;
        while (pos > 0 && ((uint8_t)f->lower[pos] & 0xC0) == 0x80) pos--;
        if (pos == 0) break;
        f->suf_off[k] = (uint32_t)pos;
        f->nsuf = (uint8_t)k;
    }
}

/* The hashes one token contributes, computed once per token. */
typedef struct tok_info {
    uint64_t value, pre1, shape, suf[5];
    uint8_t nsuf;
    bool quote;
} tok_info;

static void tok_info_of(const char *w, size_t len, tok_info *ti) {
    word_forms f;
    word_forms_of(w, len, &f);
    ti->value = hash_bytes(f.value, f.value_len);
    ti->pre1 = hash_bytes(w, f.pre1_len);
    ti->shape = hash_bytes(f.shape, f.shape_len);
    ti->nsuf = f.nsuf;
    for (unsigned k = 1; k <= f.nsuf; k++)
        ti->suf[k] = hash_bytes(f.lower + f.suf_off[k],
                                f.lower_len - f.suf_off[k]);
    ti->quote = len == 1 && w[0] == '"';
}

static void tok_info_boundary(int which, tok_info *ti) {
    memset(ti, 0, sizeof *ti);
    ti->value = hash_str(boundary_words[which]);
    ti->shape = ti->value;
    ti->pre1 = ti->value;
}

/* Feature keys of the middle token of win[0..5) (positions i-2..i+2) given
 * the hashes of the previous two tags. Returns the count; which[] receives
 * the template of each key. */
static size_t window_keys(const tok_info *const win[5], uint64_t t1,
                          uint64_t t2, int open_quote, const uint64_t *quote_h,
                          uint64_t *keys, uint8_t *which) {
    const tok_info *w0 = win[2];
    size_t n = 0;
#define ADD(tm, a, b)                                                          \
    do {                                                                       \
        which[n] = (uint8_t)(tm);                                              \
        keys[n++] = feature_key((tm), (a), (b));                               \
    } while (0)
    ADD(TMPL_BIAS, 0, 0);
    ADD(TMPL_W, w0->value, 0);
    ADD(TMPL_P1, w0->pre1, 0);
    for (unsigned k = 1; k <= w0->nsuf; k++)
        ADD(TMPL_S1 + k - 1, w0->suf[k], 0);
    ADD(TMPL_SH, w0->shape, 0);
    ADD(TMPL_T1, t1, 0);
    ADD(TMPL_T2, t2, 0);
    ADD(TMPL_T12, t1, t2);
    ADD(TMPL_T1W, t1, w0->value);
    ADD(TMPL_T1SH, t1, w0->shape);
    ADD(TMPL_WM1, win[1]->value, 0);
    if (win[1]->nsuf >= 3) ADD(TMPL_S3M1, win[1]->suf[3], 0);
    ADD(TMPL_WM2, win[0]->value, 0);
    ADD(TMPL_WP1, win[3]->value, 0);
    if (win[3]->nsuf >= 3) ADD(TMPL_S3P1, win[3]->suf[3], 0);
    ADD(TMPL_WP2, win[4]->value, 0);
    ADD(TMPL_WM1W, win[1]->value, w0->value);
    ADD(TMPL_WWP1, w0->value, win[3]->value);
    if (w0->quote) ADD(TMPL_Q, quote_h[open_quote ? 1 : 0], 0);
#undef ADD
    return n;
}

/* Whether a double quote is open after a token tagged tag. */
static int quote_state(int open, int tag) {
    if (tag == BEDE_TAG_LQUOTE) return 1;
    if (tag == BEDE_TAG_RQUOTE) return 0;
    return open;
}

/* ------------------------------------------------------------- the model */

/* A slot of the feature table: the top 40 bits of the feature's key and,
 * in the low 24 bits, 1 + the offset of its row in weights (0: empty). A
 * row is its length, then (tag << 16 | weight) per non-zero weight. Keys
 * are 64-bit hashes; two features of a model never share the top 40 bits
 * within a probe run (the loader rejects it as a duplicate). */
typedef uint64_t feature_slot;
#define SLOT_ROW_BITS 24
#define SLOT_ROW_MASK ((1ull << SLOT_ROW_BITS) - 1)
#define SLOT_KEY(k) ((k) & ~SLOT_ROW_MASK)

struct tagger {
    feature_slot *slots;
    size_t mask;
    uint32_t *weights;
    size_t nweights;
    uint64_t *dict; /* (hash & ~0xFF) | (tag + 1); 0 is empty */
    size_t dict_mask;
    uint64_t tag_hash[BEDE_TAG_COUNT + 2];
    uint64_t quote_hash[2];
    uint64_t boundary_hash[4];
    tok_info boundary[4];
};

static size_t pow2_at_least(size_t n) {
    size_t p = 16;
    while (p < n) p <<= 1;
    return p;
}

/* The row of a feature, or NULL. */
static const uint32_t *find_feature(const tagger *t, uint64_t key) {
    size_t i = key & t->mask;
    for (;;) {
        feature_slot s = t->slots[i];
        if (!s) return NULL;
        if (SLOT_KEY(s) == SLOT_KEY(key))
            return t->weights + (s & SLOT_ROW_MASK) - 1;
        i = (i + 1) & t->mask;
    }
}

static int dict_find(const tagger *t, uint64_t h) {
    if (!t->dict) return -1;
    uint64_t fp = h & ~(uint64_t)0xFF;
    size_t i = (h >> 8) & t->dict_mask;
    for (;;) {
        uint64_t s = t->dict[i];
        if (!s) return -1;
        if ((s & ~(uint64_t)0xFF) == fp) return (int)(s & 0xFF) - 1;
        i = (i + 1) & t->dict_mask;
    }
}

/* Inserts a dictionary word; returns 1 if it was already there. */
static int dict_insert(tagger *t, uint64_t h, int tag) {
    uint64_t fp = h & ~(uint64_t)0xFF;
    size_t i = (h >> 8) & t->dict_mask;
    while (t->dict[i]) {
        if ((t->dict[i] & ~(uint64_t)0xFF) == fp) return 1;
        i = (i + 1) & t->dict_mask;
    }
    t->dict[i] = fp | (uint64_t)(tag + 1);
    return 0;
}

static void tagger_init_hashes(tagger *t) {
    for (int i = 0; i < BEDE_TAG_COUNT + 2; i++)
        t->tag_hash[i] = hash_str(tag_part_name(i));
    t->quote_hash[0] = hash_str("0");
    t->quote_hash[1] = hash_str("1");
    for (int i = 0; i < 4; i++) tok_info_boundary(i, &t->boundary[i]);
}

void tagger_free(tagger *t) {
    if (!t) return;
    free(t->slots);
    free(t->weights);
    free(t->dict);
    free(t);
}

/* ---------------------------------------------------------------- parser */

typedef struct parser {
    const char *base, *p, *end, *line_start;
    const char *file;
    uint32_t line;
    bede_error *err;
} parser;

static uint32_t column_of(const parser *ps, const char *at) {
    return (uint32_t)(at - ps->line_start) + 1;
}

static int syntax(parser *ps, const char *at, const char *fmt, const char *a) {
    return bede_fail(ps->err, BEDE_ERR_SYNTAX, ps->file, ps->line,
                     column_of(ps, at), (uint64_t)(at - ps->base), fmt, a);
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static void skip_blanks(parser *ps) {
    while (ps->p < ps->end && is_blank(*ps->p)) ps->p++;
}

/* Next whitespace-delimited field on this line; *len = 0 at end of line. */
static const char *field(parser *ps, size_t *len) {
    skip_blanks(ps);
    const char *s = ps->p;
    while (ps->p < ps->end && !is_blank(*ps->p) && *ps->p != '\n' &&
           *ps->p != '\0')
        ps->p++;
    *len = (size_t)(ps->p - s);
    return s;
}

static bool at_eol(parser *ps) {
    skip_blanks(ps);
    return ps->p >= ps->end || *ps->p == '\n';
}

static bool field_is(const char *s, size_t len, const char *want) {
    return strlen(want) == len && memcmp(s, want, len) == 0;
}

/* Moves to the start of the next line. */
static void next_line(parser *ps) {
    while (ps->p < ps->end && *ps->p != '\n') ps->p++;
    if (ps->p < ps->end) ps->p++;
    ps->line_start = ps->p;
    ps->line++;
}

/* A tag name of the model file; -1 if it is none. The names are those of
 * bede_tag_name(), checked by tagger_parse() against it. */
static const char tag_names[BEDE_TAG_COUNT][6] = {
    "CC",  "CD",  "DT",   "EX",   "FW",    "IN",    "JJ",  "JJR", "JJS",
    "LS",  "MD",  "NN",   "NNS",  "NNP",   "NNPS",  "PDT", "POS", "PRP",
    "PRP$", "RB", "RBR",  "RBS",  "RP",    "SYM",   "TO",  "UH",  "VB",
    "VBD", "VBG", "VBN",  "VBP",  "VBZ",   "WDT",   "WP",  "WP$", "WRB",
    "#",   "$",   "``",   "''",   "-LRB-", "-RRB-", ",",   ".",   ":"};

static int parse_tag(const char *s, size_t len) {
    if (len == 0 || len > 5) return -1;
    for (int i = 0; i < BEDE_TAG_COUNT; i++) {
        const char *name = tag_names[i];
        if (name[0] != s[0]) continue;
        size_t k = 1;
        while (k < len && name[k] == s[k]) k++;
        if (k == len && name[k] == 0) return i;
    }
    return -1;
}

/* Parses a decimal integer in [lo, hi] from s[0..len). */
static bool parse_int(const char *s, size_t len, long lo, long hi, long *out) {
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    if (i == len) return false;
    long v = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
        if (v > 1000000000L) return false;
    }
    if (neg) v = -v;
    if (v < lo || v > hi) return false;
    *out = v;
    return true;
}

static int expect_eol(parser *ps) {
    if (!at_eol(ps)) return syntax(ps, ps->p, "expected end of line%s", "");
    return 0;
}

/* "tags CC CD ...": must list bede's tags in bede_tag order. */
static int parse_tags_line(parser *ps) {
    for (int i = 0; i < BEDE_TAG_COUNT; i++) {
        size_t len;
        const char *s = field(ps, &len);
        if (!field_is(s, len, bede_tag_name(i)))
            return syntax(ps, s, "expected tag %s (tags in bede_tag order)",
                          bede_tag_name(i));
    }
    return expect_eol(ps);
}

/* "templates bias w ...": must list this tagger's feature templates. */
static int parse_templates_line(parser *ps) {
    for (size_t i = 0; i < NTEMPLATES; i++) {
        size_t len;
        const char *s = field(ps, &len);
        if (!field_is(s, len, templates[i].name))
            return syntax(ps, s,
                          "expected feature template %s (the model was "
                          "trained with other features)",
                          templates[i].name);
    }
    return expect_eol(ps);
}

static int find_template(const char *s, size_t len) {
    for (size_t i = 0; i < NTEMPLATES; i++)
        if (field_is(s, len, templates[i].name)) return (int)i;
    return -1;
}

/* Hash of one part of a feature as written in the model file. */
static uint64_t part_hash(const char *s, size_t len) {
    return hash_bytes(s, len);
}

/* "f TEMPLATE PART... TAG:W ...". */
static int parse_feature_line(parser *ps, tagger *t, size_t *nfeatures,
                              size_t max_features, size_t max_weights) {
    size_t len;
    const char *s = field(ps, &len);
    int tm = find_template(s, len);
    if (tm < 0)
        return syntax(ps, s, "expected a feature template name%s", "");
    uint64_t h[2] = {0, 0};
    for (unsigned k = 0; k < templates[tm].nparts; k++) {
        const char *v = field(ps, &len);
        if (len == 0)
            return syntax(ps, v, "expected a value of feature template %s",
                          templates[tm].name);
        h[k] = part_hash(v, len);
    }
    if (*nfeatures >= max_features)
        return syntax(ps, s, "expected no more than the %s feature lines "
                             "announced by counts", "");
    uint64_t key = feature_key((unsigned)tm, h[0], h[1]);
    size_t i = key & t->mask;
    while (t->slots[i]) {
        if (SLOT_KEY(t->slots[i]) == SLOT_KEY(key))
            return syntax(ps, s, "expected each feature once (duplicate "
                                 "feature)%s", "");
        i = (i + 1) & t->mask;
    }
    if (t->nweights >= max_weights)
        return syntax(ps, s, "expected no more weights than announced by "
                             "counts%s", "");
    size_t row = t->nweights;
    uint32_t seen_lo = 0, seen_hi = 0;
    uint32_t count = 0;
    t->nweights++; /* the count */
    while (!at_eol(ps)) {
        const char *w = field(ps, &len);
        const char *colon = memchr(w, ':', len);
        if (!colon)
            return syntax(ps, w, "expected TAG:WEIGHT%s", "");
        int tag = parse_tag(w, (size_t)(colon - w));
        if (tag < 0) return syntax(ps, w, "expected a tag name before ':'%s", "");
        uint32_t bit = 1u << (tag & 31);
        uint32_t *seen = tag < 32 ? &seen_lo : &seen_hi;
        if (*seen & bit)
            return syntax(ps, w, "expected each tag once per feature%s", "");
        *seen |= bit;
        long v;
        if (!parse_int(colon + 1, len - (size_t)(colon - w) - 1, -32768, 32767,
                       &v))
            return syntax(ps, colon + 1,
                          "expected an integer weight in [-32768, 32767]%s",
                          "");
        if (t->nweights >= max_weights)
            return syntax(ps, w, "expected no more weights than announced by "
                                 "counts%s", "");
        t->weights[t->nweights++] =
            ((uint32_t)tag << 16) | (uint16_t)(int16_t)v;
        count++;
    }
    t->weights[row] = count;
    t->slots[i] = SLOT_KEY(key) | (row + 1);
    (*nfeatures)++;
    return 0;
}

static int parse_model(parser *ps, tagger *t) {
    size_t len;
    /* line 1: magic and version */
    const char *s = field(ps, &len);
    if (!field_is(s, len, MODEL_MAGIC))
        return syntax(ps, s, "expected \"%s 1\" (a bede tagger model)",
                      MODEL_MAGIC);
    s = field(ps, &len);
    long version;
    if (!parse_int(s, len, 0, 1000000, &version))
        return syntax(ps, s, "expected a format version number%s", "");
    if (version != MODEL_VERSION)
        return bede_fail(ps->err, BEDE_ERR_FORMAT, ps->file, ps->line,
                         column_of(ps, s), 0,
                         "expected model format version %d, found %ld",
                         MODEL_VERSION, version);
    int rc = expect_eol(ps);
    if (rc) return rc;
    next_line(ps);

    bool have_tags = false, have_templates = false, have_counts = false;
    size_t max_dict = 0, max_features = 0, max_weights = 0;
    size_t ndict = 0, nfeatures = 0;
    while (ps->p < ps->end) {
        s = field(ps, &len);
        if (len == 0 || s[0] == '#') {
            if (len == 0 && ps->p < ps->end && *ps->p == '\0')
                return syntax(ps, ps->p, "expected text, found a NUL byte%s",
                              "");
            next_line(ps);
            continue;
        }
        if (field_is(s, len, "tags")) {
            if ((rc = parse_tags_line(ps))) return rc;
            have_tags = true;
        } else if (field_is(s, len, "templates")) {
            if ((rc = parse_templates_line(ps))) return rc;
            have_templates = true;
        } else if (field_is(s, len, "counts")) {
            if (have_counts)
                return syntax(ps, s, "expected one counts line%s", "");
            long v[3];
            for (int k = 0; k < 3; k++) {
                const char *c = field(ps, &len);
                if (!parse_int(c, len, 0, 16000000, &v[k]))
                    return syntax(ps, c,
                                  "expected counts DICT FEATURES WEIGHTS "
                                  "(integers up to 16000000)%s",
                                  "");
            }
            if ((rc = expect_eol(ps))) return rc;
            /* every line takes more than 4 bytes: larger counts are lies */
            size_t room = (size_t)(ps->end - ps->base) / 4 + 16;
            if (room > SLOT_ROW_MASK / 2) room = SLOT_ROW_MASK / 2;
            if ((size_t)v[0] > room || (size_t)v[1] > room ||
                (size_t)v[2] > room)
                return syntax(ps, s, "expected counts that fit the size of "
                                     "the model%s", "");
            max_dict = (size_t)v[0];
            max_features = (size_t)v[1];
            max_weights = (size_t)v[1] + (size_t)v[2];
            t->mask = pow2_at_least(max_features + max_features / 2 + 1) - 1;
            t->slots = calloc(t->mask + 1, sizeof *t->slots);
            t->weights = malloc((max_weights + 1) * sizeof *t->weights);
            t->dict_mask = pow2_at_least(max_dict * 2 + 1) - 1;
            t->dict = calloc(t->dict_mask + 1, sizeof *t->dict);
            if (!t->slots || !t->weights || !t->dict)
                return bede_fail(ps->err, BEDE_ERR_NOMEM, ps->file, ps->line,
                                 1, 0, "out of memory for the tagger model");
            have_counts = true;
        } else if (field_is(s, len, "d") || field_is(s, len, "f")) {
            if (!have_tags || !have_templates || !have_counts)
                return syntax(ps, s,
                              "expected tags, templates and counts lines "
                              "before %s lines",
                              s[0] == 'd' ? "d" : "f");
            if (s[0] == 'd') {
                const char *w = field(ps, &len);
                if (len == 0)
                    return syntax(ps, w, "expected a word after d%s", "");
                uint64_t h = hash_bytes(w, len);
                const char *tg = field(ps, &len);
                int tag = parse_tag(tg, len);
                if (tag < 0) return syntax(ps, tg, "expected a tag name%s", "");
                if ((rc = expect_eol(ps))) return rc;
                if (ndict >= max_dict)
                    return syntax(ps, s, "expected no more dictionary words "
                                         "than announced by counts%s", "");
                if (dict_insert(t, h, tag))
                    return syntax(ps, w, "expected each dictionary word "
                                         "once%s", "");
                ndict++;
            } else {
                rc = parse_feature_line(ps, t, &nfeatures, max_features,
                                        max_weights);
                if (rc) return rc;
            }
        } else {
            return syntax(ps, s,
                          "expected a line starting with tags, templates, "
                          "counts, d, f or #%s",
                          "");
        }
        next_line(ps);
    }
    if (!have_tags || !have_templates || !have_counts)
        return syntax(ps, ps->p, "expected tags, templates and counts lines "
                                 "(the model ends early)%s", "");
    if (ndict != max_dict || nfeatures != max_features)
        return syntax(ps, ps->p,
                      "expected as many d and f lines as announced by counts "
                      "(the model is truncated)%s",
                      "");
    return 0;
}

static tagger *tagger_parse(const char *text, size_t len, const char *file,
                            bede_error *err) {
    tagger *t = calloc(1, sizeof *t);
    if (!t) {
        bede_fail(err, BEDE_ERR_NOMEM, file, 0, 0, 0, "out of memory");
        return NULL;
    }
    tagger_init_hashes(t);
    for (int i = 0; i < BEDE_TAG_COUNT; i++)
        if (strcmp(tag_names[i], bede_tag_name(i)) != 0) {
            bede_fail(err, BEDE_ERR_FORMAT, file, 0, 0, 0,
                      "tag %d is %s in the tagger but %s in bede", i,
                      tag_names[i], bede_tag_name(i));
            tagger_free(t);
            return NULL;
        }
    parser ps = {text, text, text + len, text, file, 1, err};
    if (parse_model(&ps, t) != 0) {
        tagger_free(t);
        return NULL;
    }
    return t;
}

tagger *tagger_new_builtin(bede_error *err) {
    return tagger_parse((const char *)bede_tagger_model, bede_tagger_model_len,
                        "data/tagger/bede-pos.model (built in)", err);
}

tagger *tagger_new_file(const char *path, bede_error *err) {
    if (!path) {
        bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "no tagger model path");
        return NULL;
    }
    char *buf;
    size_t n;
    if (read_file(path, &buf, &n, err)) return NULL;
    tagger *t = tagger_parse(buf, n, path, err);
    free(buf);
    return t;
}

/* ---------------------------------------------------------------- tagging */

static int best_tag(const tagger *t, const uint64_t *keys, size_t nkeys) {
    int32_t score[BEDE_TAG_COUNT + 3] = {0};
    for (size_t k = 0; k < nkeys; k++)
        __builtin_prefetch(&t->slots[keys[k] & t->mask]);
    for (size_t k = 0; k < nkeys; k++) {
        const uint32_t *row = find_feature(t, keys[k]);
        if (!row) continue;
        uint32_t cnt = row[0];
        for (uint32_t j = 1; j <= cnt; j++)
            score[row[j] >> 16] += (int16_t)(uint16_t)(row[j] & 0xFFFF);
    }
    int best = 0;
    for (int i = 1; i < BEDE_TAG_COUNT; i++)
        if (score[i] > score[best]) best = i;
    return best;
}

void tagger_tag(const tagger *t, const char *const *words,
                const uint32_t *lens, size_t n, uint8_t *tags) {
    if (!t || n == 0) return;
    /* ring of token infos: slot (pos + 2) % 5 holds position pos */
    tok_info ring[5];
    const tok_info *win[5];
    uint64_t exact[5];
    for (size_t k = 0; k < 3 && k < n; k++) {
        tok_info_of(words[k], lens[k], &ring[(k + 2) % 5]);
        exact[(k + 2) % 5] = hash_bytes(words[k], lens[k]);
    }
    int prev = TAG_START, prev2 = TAG_START2, open = 0;
    uint64_t keys[MAX_FEATURES];
    uint8_t which[MAX_FEATURES];
    for (size_t i = 0; i < n; i++) {
        /* window positions i-2 .. i+2 */
        for (int d = -2; d <= 2; d++) {
            long pos = (long)i + d;
            if (pos < 0)
                win[d + 2] = &t->boundary[pos == -2 ? 0 : 1];
            else if ((size_t)pos >= n)
                win[d + 2] = &t->boundary[(size_t)pos == n ? 2 : 3];
            else
                win[d + 2] = &ring[(size_t)(pos + 2) % 5];
        }
        int tag = dict_find(t, exact[(i + 2) % 5]);
        if (tag < 0) {
            size_t nk = window_keys(win, t->tag_hash[prev], t->tag_hash[prev2],
                                    open, t->quote_hash, keys, which);
            tag = best_tag(t, keys, nk);
        }
        tags[i] = (uint8_t)tag;
        open = quote_state(open, tag);
        prev2 = prev;
        prev = tag;
        /* the slot of position i-2 is now free: fill it with i+3 */
        if (i + 3 < n) {
            size_t slot = (i + 5) % 5;
            tok_info_of(words[i + 3], lens[i + 3], &ring[slot]);
            exact[slot] = hash_bytes(words[i + 3], lens[i + 3]);
        }
    }
}

static bool word_in_ci(const char *w, uint32_t len,
                       const char *const *list) {
    /* list words are lower case: the first letter turns most away */
    for (size_t k = 0; list[k]; k++)
        if ((w[0] | 0x20) == list[k][0] && strlen(list[k]) == len &&
            strncasecmp(w, list[k], len) == 0)
            return true;
    return false;
}

/* "signed a peace agreement in Washington aimed(VBD) at ending ...": after
 * a finite verb that is not one of saying or thinking, a past form right
 * after a noun and before a preposition, with no comma, conjunction or
 * relative word between, describes that noun: a past participle. */
static void reduced_relatives(const char *const *words, const uint32_t *lens,
                              size_t n, uint8_t *tags) {
    static const char *const REPORTING[] = {
        "said", "says", "told", "claimed", "believed", "believes",
        "reported", "announced", "warned", "stated", "added", "insisted",
        "noted", "confirmed", "denied", "thinks", "thought", "argued",
        "feared", "fears", "hoped", "hopes", "knew", "showed", "suggested",
        "alleged", "estimated", "predicted", NULL};
    static const char *const BREAKS[] = {"that", "which", "who", "whom",
                                         "and", "but", "or", "while",
                                         "as", "when", "after", "before",
                                         "because", "if", "where", NULL};
    bool finite = false;
    for (size_t i = 0; i + 1 < n; i++) {
        int t = tags[i];
        if (t == BEDE_TAG_COMMA || t == BEDE_TAG_CC || t == BEDE_TAG_COLON ||
            word_in_ci(words[i], lens[i], BREAKS)) {
            finite = false;
            continue;
        }
        if (t == BEDE_TAG_VBD && finite && i > 0 && lens[i] > 3 &&
            strncasecmp(words[i] + lens[i] - 2, "ed", 2) == 0 &&
            (tags[i - 1] == BEDE_TAG_NN || tags[i - 1] == BEDE_TAG_NNS ||
             tags[i - 1] == BEDE_TAG_NNP || tags[i - 1] == BEDE_TAG_NNPS) &&
            (tags[i + 1] == BEDE_TAG_IN || tags[i + 1] == BEDE_TAG_TO)) {
            tags[i] = BEDE_TAG_VBN;
            continue;
        }
        if (t == BEDE_TAG_VBD || t == BEDE_TAG_VBZ || t == BEDE_TAG_VBP)
            finite = !word_in_ci(words[i], lens[i], REPORTING);
        if (t == BEDE_TAG_MD) finite = false;
    }
}

/* Corrections the perceptron gets wrong on news often enough to matter:
 * "villagers near(VBP) Ramallah" is the preposition after a noun, "a gunman
 * shot(NN) and wounded" a verb. */
void tagger_correct(const char *const *words, const uint32_t *lens, size_t n,
                    uint8_t *tags) {
    /* "Pezeshkian(JJ) invited", "President Pezeshkian(JJ) said": a
     * capitalised word in -an read as a demonym is a name when a finite
     * verb follows it */
    for (size_t i = 0; i + 1 < n; i++) {
        int x = tags[i + 1];
        if (tags[i] == BEDE_TAG_JJ && words[i][0] >= 'A' &&
            words[i][0] <= 'Z' &&
            (x == BEDE_TAG_VBD || x == BEDE_TAG_VBZ || x == BEDE_TAG_MD) &&
            (i == 0 || tags[i - 1] == BEDE_TAG_NNP ||
             tags[i - 1] == BEDE_TAG_COMMA || tags[i - 1] == BEDE_TAG_CC))
            tags[i] = BEDE_TAG_NNP;
    }
    /* "Kurdish(NNP) militant targets": a demonym in -ish or -ese before an
     * adjective or a common noun is its adjective; so is a dotted
     * abbreviation before an adjective ("met U.S.(NNP) special envoy") */
    for (size_t i = 0; i + 1 < n; i++) {
        int x = tags[i + 1];
        if (tags[i] != BEDE_TAG_NNP) continue;
        if (lens[i] > 4 &&
            (strncasecmp(words[i] + lens[i] - 3, "ish", 3) == 0 ||
             strncasecmp(words[i] + lens[i] - 3, "ese", 3) == 0) &&
            (x == BEDE_TAG_JJ || x == BEDE_TAG_NN || x == BEDE_TAG_NNS))
            tags[i] = BEDE_TAG_JJ;
        else if (lens[i] == 4 && words[i][1] == '.' && words[i][3] == '.' &&
                 x == BEDE_TAG_JJ && i + 2 < n &&
                 (tags[i + 2] == BEDE_TAG_NN || tags[i + 2] == BEDE_TAG_NNS))
            tags[i] = BEDE_TAG_JJ;
    }
    /* "charge d'affaires(VBZ)", "Cote d'Ivoire": a French "d'" word is a
     * noun, a name when capitalised after it */
    for (size_t i = 0; i < n; i++)
        if (lens[i] > 2 && (words[i][0] == 'd' || words[i][0] == 'D') &&
            words[i][1] == '\'' && tags[i] != BEDE_TAG_NN &&
            tags[i] != BEDE_TAG_NNS && tags[i] != BEDE_TAG_NNP)
            tags[i] = words[i][2] >= 'A' && words[i][2] <= 'Z'
                          ? BEDE_TAG_NNP
                          : BEDE_TAG_NN;
    /* "party chief To(TO) Lam": a capitalised "To" inside a sentence and
     * before a name is part of the name (Vietnamese names) */
    for (size_t i = 1; i + 1 < n; i++)
        if (tags[i] == BEDE_TAG_TO && lens[i] == 2 && words[i][0] == 'T' &&
            words[i][1] == 'o' && tags[i + 1] == BEDE_TAG_NNP &&
            (tags[i - 1] == BEDE_TAG_NN || tags[i - 1] == BEDE_TAG_NNP ||
             tags[i - 1] == BEDE_TAG_COMMA))
            tags[i] = BEDE_TAG_NNP;
    /* "the Rafah crossing(VBG) and": a present participle after a
     * determiner and names, at the end of its phrase, is the noun they
     * modify */
    for (size_t i = 2; i < n; i++) {
        if (tags[i] != BEDE_TAG_VBG || tags[i - 1] != BEDE_TAG_NNP) continue;
        size_t j = i - 1;
        while (j > 0 && tags[j - 1] == BEDE_TAG_NNP) j--;
        if (j == 0 || (tags[j - 1] != BEDE_TAG_DT && tags[j - 1] != BEDE_TAG_POS &&
                       tags[j - 1] != BEDE_TAG_PRPS))
            continue;
        int x = i + 1 < n ? tags[i + 1] : BEDE_TAG_PERIOD;
        if (x == BEDE_TAG_CC || x == BEDE_TAG_IN || x == BEDE_TAG_TO ||
            x == BEDE_TAG_COMMA || x == BEDE_TAG_PERIOD)
            tags[i] = BEDE_TAG_NN;
    }
    /* "The two discussed(VBN) aid": a sentence needs a finite verb; without
     * one, the first past form after a noun, a number or a pronoun is it */
    bool finite = false;
    for (size_t i = 0; i < n && !finite; i++)
        finite = tags[i] == BEDE_TAG_VBD || tags[i] == BEDE_TAG_VBZ ||
                 tags[i] == BEDE_TAG_VBP || tags[i] == BEDE_TAG_MD;
    for (size_t i = 1; !finite && i + 1 < n; i++) {
        int p = tags[i - 1], x = tags[i + 1];
        if (tags[i] != BEDE_TAG_VBN) continue;
        if ((p == BEDE_TAG_NN || p == BEDE_TAG_NNS || p == BEDE_TAG_NNP ||
             p == BEDE_TAG_NNPS || p == BEDE_TAG_CD || p == BEDE_TAG_PRP) &&
            (x == BEDE_TAG_DT || x == BEDE_TAG_NN || x == BEDE_TAG_NNS ||
             x == BEDE_TAG_NNP || x == BEDE_TAG_NNPS || x == BEDE_TAG_PRPS ||
             x == BEDE_TAG_CD || x == BEDE_TAG_JJ || x == BEDE_TAG_IN ||
             x == BEDE_TAG_TO || x == BEDE_TAG_VBG))
            tags[i] = BEDE_TAG_VBD;
        break;
    }
    for (size_t i = 1; i + 1 < n; i++) {
        int t = tags[i], p = tags[i - 1], x = tags[i + 1];
        if (lens[i] == 4 && strncasecmp(words[i], "near", 4) == 0 &&
            (t == BEDE_TAG_VB || t == BEDE_TAG_VBP || t == BEDE_TAG_JJ ||
             t == BEDE_TAG_RB) &&
            (p == BEDE_TAG_NN || p == BEDE_TAG_NNS || p == BEDE_TAG_NNP ||
             p == BEDE_TAG_NNPS) &&
            (x == BEDE_TAG_DT || x == BEDE_TAG_NNP || x == BEDE_TAG_NNPS ||
             x == BEDE_TAG_CD || x == BEDE_TAG_PRPS))
            tags[i] = BEDE_TAG_IN;
        /* "fired tear gas and live(VB) rounds", "used live(VBP)
         * ammunition": "live" before a noun and after no subject is its
         * adjective */
        if (lens[i] == 4 && strncasecmp(words[i], "live", 4) == 0 &&
            (t == BEDE_TAG_VB || t == BEDE_TAG_VBP) &&
            (x == BEDE_TAG_NN || x == BEDE_TAG_NNS) &&
            (p == BEDE_TAG_CC || p == BEDE_TAG_DT || p == BEDE_TAG_IN ||
             p == BEDE_TAG_VBD || p == BEDE_TAG_VBG || p == BEDE_TAG_VB ||
             p == BEDE_TAG_VBN || p == BEDE_TAG_VBZ || p == BEDE_TAG_VBP))
            tags[i] = t = BEDE_TAG_JJ;
        /* "precision guided(VBD) missiles": "guided" before a weapon is
         * the adjective of guided munitions */
        if (lens[i] == 6 && strncasecmp(words[i], "guided", 6) == 0 &&
            (t == BEDE_TAG_VBD || t == BEDE_TAG_VBN) &&
            (x == BEDE_TAG_NN || x == BEDE_TAG_NNS) &&
            (strncasecmp(words[i + 1], "missile", 7) == 0 ||
             strncasecmp(words[i + 1], "bomb", 4) == 0 ||
             strncasecmp(words[i + 1], "munition", 8) == 0 ||
             strncasecmp(words[i + 1], "rocket", 6) == 0 ||
             strncasecmp(words[i + 1], "weapon", 6) == 0 ||
             strncasecmp(words[i + 1], "shell", 5) == 0))
            tags[i] = t = BEDE_TAG_JJ;
        /* "the military(JJ) said", "the military(JJ) seized(VBN) power":
         * an adjective between a determiner and a verb is the noun it
         * stands for, and the past form after "the military" with an
         * object is its verb */
        if (t == BEDE_TAG_JJ &&
            (p == BEDE_TAG_DT || p == BEDE_TAG_PRPS || p == BEDE_TAG_POS)) {
            if (x == BEDE_TAG_VBD || x == BEDE_TAG_VBZ || x == BEDE_TAG_VBP ||
                x == BEDE_TAG_MD) {
                tags[i] = t = BEDE_TAG_NN;
            } else if (x == BEDE_TAG_VBN && lens[i] == 8 &&
                       strncasecmp(words[i], "military", 8) == 0 &&
                       i + 2 < n) {
                int y = tags[i + 2];
                if (y == BEDE_TAG_DT || y == BEDE_TAG_NN ||
                    y == BEDE_TAG_NNS || y == BEDE_TAG_NNP ||
                    y == BEDE_TAG_PRPS || y == BEDE_TAG_CD ||
                    y == BEDE_TAG_JJ || y == BEDE_TAG_RP) {
                    tags[i] = t = BEDE_TAG_NN;
                    tags[i + 1] = BEDE_TAG_VBD;
                }
            }
        }
        /* "A gunman shot(NN) and wounded(VBD) ...": a past form joined to
         * a past verb after the subject's noun */
        if ((t == BEDE_TAG_NN || t == BEDE_TAG_NNS) && i + 2 < n &&
            x == BEDE_TAG_CC && lens[i + 1] == 3 &&
            strncasecmp(words[i + 1], "and", 3) == 0 &&
            tags[i + 2] == BEDE_TAG_VBD &&
            (p == BEDE_TAG_NN || p == BEDE_TAG_NNS || p == BEDE_TAG_NNP) &&
            lens[i] < 64) {
            char low[64];
            for (size_t k = 0; k < lens[i]; k++)
                low[k] = (char)((words[i][k] >= 'A' && words[i][k] <= 'Z')
                                    ? words[i][k] + 32
                                    : words[i][k]);
            if (lemma_past_form(low, lens[i])) tags[i] = BEDE_TAG_VBD;
        }
    }
    reduced_relatives(words, lens, n, tags);
    /* "Gollum, the hobbit of renown, called(VBN) on Gondor": in a
     * sentence with no finite verb, a past participle right after the
     * comma that closes an apposition is the main verb. */
    size_t open_comma = n;
    for (size_t i = 0; i < n; i++) {
        int t = tags[i];
        if (t == BEDE_TAG_VBD || t == BEDE_TAG_VBZ || t == BEDE_TAG_VBP ||
            t == BEDE_TAG_MD)
            return;
    }
    for (size_t i = 1; i + 1 < n; i++) {
        if (lens[i] != 1 || words[i][0] != ',') continue;
        if (open_comma == n) {
            open_comma = i;
            continue;
        }
        if (tags[i + 1] == BEDE_TAG_VBN) {
            tags[i + 1] = BEDE_TAG_VBD;
            return;
        }
        open_comma = i;
    }
}

/* ------------------------------------------------- for bede-train-tagger */


const char *tagger_train_template_names(char *buf, size_t cap) {
    size_t n = 0;
    buf[0] = 0;
    for (size_t i = 0; i < NTEMPLATES; i++)
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%s",
                              i ? " " : "", templates[i].name);
    return buf;
}

size_t tagger_train_max_features(void) { return MAX_FEATURES; }

int tagger_train_quote_state(int open, int tag) {
    return quote_state(open, tag);
}

/* Writes the model-file text of one part ("" when it cannot be written:
 * bytes that are not printable in the text format). */
static void part_text(int part, const word_forms *const wf[5],
                      const char *const *wr, const size_t *wl, int prev,
                      int prev2, int open, char *out, size_t cap) {
    const char *s = "";
    size_t len = 0;
    switch (part) {
    case PART_W0: s = wf[2]->value; len = wf[2]->value_len; break;
    case PART_WM1: s = wf[1]->value; len = wf[1]->value_len; break;
    case PART_WM2: s = wf[0]->value; len = wf[0]->value_len; break;
    case PART_WP1: s = wf[3]->value; len = wf[3]->value_len; break;
    case PART_WP2: s = wf[4]->value; len = wf[4]->value_len; break;
    case PART_PRE1: s = wr[2]; len = wf[2]->pre1_len; break;
    case PART_SUF1: case PART_SUF2: case PART_SUF3: case PART_SUF4: {
        unsigned k = (unsigned)(part - PART_SUF1 + 1);
        s = wf[2]->lower + wf[2]->suf_off[k];
        len = wf[2]->lower_len - wf[2]->suf_off[k];
        break;
    }
    case PART_SUF3M1:
        s = wf[1]->lower + wf[1]->suf_off[3];
        len = wf[1]->lower_len - wf[1]->suf_off[3];
        break;
    case PART_SUF3P1:
        s = wf[3]->lower + wf[3]->suf_off[3];
        len = wf[3]->lower_len - wf[3]->suf_off[3];
        break;
    case PART_SHAPE: s = wf[2]->shape; len = wf[2]->shape_len; break;
    case PART_T1: s = tag_part_name(prev); len = strlen(s); break;
    case PART_T2: s = tag_part_name(prev2); len = strlen(s); break;
    case PART_QUOTE: s = open ? "1" : "0"; len = 1; break;
    default: break;
    }
    (void)wl;
    out[0] = 0;
    if (len == 0 || len + 1 > cap) return;
    for (size_t i = 0; i < len; i++)
        if ((uint8_t)s[i] <= 0x20 || s[i] == 0x7F) return;
    memcpy(out, s, len);
    out[len] = 0;
}

/* Feature keys of token i (and, when names != NULL, their model-file text,
 * "" for a feature that cannot be written). Slow: for training only. */
size_t tagger_train_features(const char *const *words, const uint32_t *lens,
                             size_t n, size_t i, int prev, int prev2,
                             int open_quote, uint64_t *keys,
                             char (*names)[256]) {
    tok_info ti[5];
    const tok_info *win[5];
    word_forms wf_store[5];
    const word_forms *wf[5];
    const char *wr[5];
    size_t wl[5];
    for (int d = -2; d <= 2; d++) {
        long pos = (long)i + d;
        const char *w;
        size_t len;
        if (pos < 0 || (size_t)pos >= n) {
            int b = pos < 0 ? (pos == -2 ? 0 : 1) : ((size_t)pos == n ? 2 : 3);
            tok_info_boundary(b, &ti[d + 2]);
            w = boundary_words[b];
            len = strlen(w);
            word_forms_of(w, len, &wf_store[d + 2]);
            /* boundary values are the pseudo-word itself, never lower-cased */
            wf_store[d + 2].value = boundary_words[b];
            wf_store[d + 2].value_len = (uint32_t)len;
            wf_store[d + 2].nsuf = 0;
        } else {
            w = words[pos];
            len = lens[pos];
            tok_info_of(w, len, &ti[d + 2]);
            word_forms_of(w, len, &wf_store[d + 2]);
        }
        win[d + 2] = &ti[d + 2];
        wf[d + 2] = &wf_store[d + 2];
        wr[d + 2] = w;
        wl[d + 2] = len;
    }
    uint64_t qh[2] = {hash_str("0"), hash_str("1")};
    uint8_t which[MAX_FEATURES];
    size_t nk = window_keys(win, hash_str(tag_part_name(prev)),
                            hash_str(tag_part_name(prev2)), open_quote, qh,
                            keys, which);
    if (names) {
        for (size_t k = 0; k < nk; k++) {
            const feature_template *tm = &templates[which[k]];
            size_t off = (size_t)snprintf(names[k], 256, "%s", tm->name);
            for (unsigned p = 0; p < tm->nparts; p++) {
                char part[200];
                part_text(tm->part[p], wf, wr, wl, prev, prev2, open_quote,
                          part, sizeof part);
                if (!part[0] || off + strlen(part) + 2 > 256) {
                    names[k][0] = 0;
                    break;
                }
                off += (size_t)snprintf(names[k] + off, 256 - off, " %s",
                                        part);
            }
        }
    }
    return nk;
}

/* The key of a feature written as "TEMPLATE PART..." (0 if malformed). */
uint64_t tagger_train_key_of_name(const char *name) {
    parser ps = {name, name, name + strlen(name), name, "", 1, NULL};
    size_t len;
    const char *s = field(&ps, &len);
    int tm = find_template(s, len);
    if (tm < 0) return 0;
    uint64_t h[2] = {0, 0};
    for (unsigned k = 0; k < templates[tm].nparts; k++) {
        const char *v = field(&ps, &len);
        if (!len) return 0;
        h[k] = part_hash(v, len);
    }
    return at_eol(&ps) ? feature_key((unsigned)tm, h[0], h[1]) : 0;
}
