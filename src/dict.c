/*
 * Event-coding dictionaries: the model, building it from files, lookups.
 *
 * Design
 * ------
 * A bede_dict holds entries of every kind (actors, agents, verbs, discards,
 * issues, options, synsets) in flat arrays that refer to each other by index:
 *
 *   entry   kind, flags, file:line, a run of phrases, a run of codes, and
 *           kind-specific parts: verbs point at their verb block, synsets and
 *           options carry a name, issues their category.
 *   phrase  a run of words (interned lower-case tokens, each with a match
 *           mode: exact, stem, regular endings; and for compound verb forms
 *           which word is the verb), its entry and its line.
 *   code    an interned code string with an optional date range (YYYYMMDD
 *           numbers, 0 = open end) and its line.
 *   block   a verb block: description, default code, a run of patterns.
 *   pattern a parsed verb pattern: a run of elements (words, synsets, `*`,
 *           `$`, `+`, `%`, `^`, noun-phrase, prepositional-phrase and
 *           alternative brackets, each element saying whether the next must
 *           follow directly) plus its code and the text as written.
 *
 * Strings (words, codes, file names) are interned once. Phrases are split
 * into tokens by bede's own tokenizer, so that a dictionary phrase is the
 * token sequence the coder sees in text. Every phrase of a kind is indexed in
 * a trie over word ids (trie.c): one hash probe per token finds the next
 * node, and the matcher returns the longest phrase starting at a token,
 * trying both the token's lower-case form and its lemma.
 *
 * Files are read by one reader per format (dict_bede.c, dict_petrarch.c,
 * dict_tabari.c), which all build entries through the calls declared in
 * dict_internal.h. A file either loads completely or not at all: the arrays
 * are rolled back to where they were before it. Once built, a dictionary is
 * only read, so one handle may be shared by threads.
 */
#include "dict_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------ names */

static const char *const kind_names[BEDE_DICT_KIND_COUNT] = {
    "actors", "agents", "verbs", "discards", "issues", "options", "synsets"};

const char *bede_dict_kind_name(int kind) {
    return kind >= 0 && kind < BEDE_DICT_KIND_COUNT ? kind_names[kind] : "?";
}

int bede_dict_kind_from_name(const char *name) {
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
        if (strcmp(name, kind_names[k]) == 0) return k;
    return -1;
}

static const char *const format_names[] = {"auto", "bede", "petrarch",
                                           "tabari", "compiled"};

const char *bede_dict_format_name(int format) {
    return format >= 0 && format <= BEDE_DICT_FORMAT_COMPILED
               ? format_names[format]
               : "?";
}

int bede_dict_format_from_name(const char *name) {
    for (int f = 0; f <= BEDE_DICT_FORMAT_COMPILED; f++)
        if (strcmp(name, format_names[f]) == 0) return f;
    return -1;
}

/* ------------------------------------------------------------ strings */

static uint64_t str_hash(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (uint8_t)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Is the interned t the n bytes of s? Never reads t past its NUL, even
 * when s holds a NUL byte. */
static bool same_n(const char *t, const char *s, size_t n) {
    size_t k = 0;
    while (k < n && t[k] && t[k] == s[k]) k++;
    return k == n && t[n] == '\0';
}

/* dict_find with the string's str_hash already computed. */
static uint32_t find_hashed(const bede_dict *d, const char *s, size_t n,
                            uint64_t h) {
    if (!d->strslots) return NONE;
    size_t j = h & (d->strslots - 1);
    while (d->strhash[j]) {
        const char *t = d->chars.v + d->strhash[j] - 1;
        if (same_n(t, s, n)) return d->strhash[j] - 1;
        j = (j + 1) & (d->strslots - 1);
    }
    return NONE;
}

uint32_t dict_find(const bede_dict *d, const char *s, size_t n) {
    if (!d->strslots) return NONE;
    size_t j = str_hash(s, n) & (d->strslots - 1);
    while (d->strhash[j]) {
        const char *t = d->chars.v + d->strhash[j] - 1;
        if (same_n(t, s, n)) return d->strhash[j] - 1;
        j = (j + 1) & (d->strslots - 1);
    }
    return NONE;
}

static int grow_strhash(bede_dict *d) {
    size_t n = d->strslots ? d->strslots * 2 : 4096;
    uint32_t *h = calloc(n, sizeof *h);
    if (!h) return BEDE_ERR_NOMEM;
    for (size_t i = 0; i < d->strslots; i++) {
        if (!d->strhash[i]) continue;
        const char *t = d->chars.v + d->strhash[i] - 1;
        size_t j = str_hash(t, strlen(t)) & (n - 1);
        while (h[j]) j = (j + 1) & (n - 1);
        h[j] = d->strhash[i];
    }
    free(d->strhash);
    d->strhash = h;
    d->strslots = n;
    return 0;
}

uint32_t dict_intern(bede_dict *d, const char *s, size_t n) {
    uint32_t have = dict_find(d, s, n);
    if (have != NONE) return have;
    if ((d->strcount + 1) * 2 > d->strslots && grow_strhash(d) != 0)
        return NONE;
    if (d->chars.n + n + 1 >= UINT32_MAX - 1) return NONE;
    uint32_t id = pool_add(&d->chars, s, n);
    if (id == UINT32_MAX) return NONE;
    size_t j = str_hash(s, n) & (d->strslots - 1);
    while (d->strhash[j]) j = (j + 1) & (d->strslots - 1);
    d->strhash[j] = id + 1;
    d->strcount++;
    return id;
}

/* ------------------------------------------------------------ lifetime */

void bede_dict_default_options(bede_dict_options *opts) {
    memset(opts, 0, sizeof *opts);
}

bede_dict *dict_alloc(const bede_dict_options *opts, bede_error *err) {
    bede_dict *d = calloc(1, sizeof *d);
    if (!d) {
        bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
        return NULL;
    }
    if (opts) d->opts = *opts;
    /* tokens only (no tagger): cheap enough to make for every handle */
    bede_text_options to;
    bede_text_default_options(&to);
    to.tag = 0;
    to.chunk = 0;
    to.datelines = 0;
    to.utf8_policy = BEDE_UTF8_REPLACE;
    d->an = bede_analyzer_new(&to, err);
    d->doc = bede_doc_new();
    if (!d->an || !d->doc) {
        bede_dict_free(d);
        bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
        return NULL;
    }
    return d;
}

bede_dict *bede_dict_new(const bede_dict_options *opts, bede_error *err) {
    bede_dict *d = dict_alloc(opts, err);
    if (!d) return NULL;
    if (trie_init(&d->index, BEDE_DICT_KIND_COUNT) != 0 ||
        dict_intern(d, "", 0) == NONE) {
        bede_dict_free(d);
        bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
        return NULL;
    }
    return d;
}

void bede_dict_free(bede_dict *d) {
    if (!d) return;
    for (size_t i = 0; i < d->notes.n; i++) free(d->notes.v[i].message);
    free(d->notes.v);
    bede_analyzer_free(d->an);
    bede_doc_free(d->doc);
    free(d->scratch.v);
    if (d->image) { /* the other arrays are parts of the image */
        free(d->index.filter);
        dict_release_image(d);
        free(d);
        return;
    }
    free(d->chars.v);
    free(d->strhash);
    free(d->entries.v);
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) free(d->bykind[k].v);
    free(d->phrases.v);
    free(d->words.v);
    free(d->codes.v);
    free(d->blocks.v);
    free(d->patterns.v);
    free(d->elems.v);
    trie_free(&d->index);
    free(d);
}

void dict_save(const bede_dict *d, dict_mark *m) {
    m->entries = d->entries.n;
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        m->bykind[k] = d->bykind[k].n;
        m->phrase_count[k] = d->phrase_count[k];
    }
    m->phrases = d->phrases.n;
    m->words = d->words.n;
    m->codes = d->codes.n;
    m->blocks = d->blocks.n;
    m->patterns = d->patterns.n;
    m->elems = d->elems.n;
    m->notes = d->notes.n;
}

static int index_phrases(bede_dict *d, size_t from);

void dict_rollback(bede_dict *d, const dict_mark *m) {
    d->entries.n = m->entries;
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        d->bykind[k].n = m->bykind[k];
        d->phrase_count[k] = m->phrase_count[k];
    }
    d->phrases.n = m->phrases;
    d->words.n = m->words;
    d->codes.n = m->codes;
    d->blocks.n = m->blocks;
    d->patterns.n = m->patterns;
    d->elems.n = m->elems;
    for (size_t i = m->notes; i < d->notes.n; i++) free(d->notes.v[i].message);
    d->notes.n = m->notes;
    if (d->indexed > d->phrases.n) {
        /* phrases of the failed file were indexed: index again */
        trie_free(&d->index);
        d->indexed = 0;
        if (trie_init(&d->index, BEDE_DICT_KIND_COUNT) == 0)
            index_phrases(d, 0);
    }
}

/* ------------------------------------------------------------ building */

int dict_begin_named(bede_dict *d, int kind, const char *name, size_t len,
                     uint32_t file, uint32_t line) {
    int rc = dict_begin_entry(d, kind, file, line);
    if (rc < 0) return rc;
    dict_cur(d)->name = dict_intern(d, name, len);
    return dict_cur(d)->name == NONE ? BEDE_ERR_NOMEM : 0;
}

int dict_begin_entry(bede_dict *d, int kind, uint32_t file, uint32_t line) {
    dict_entry e;
    memset(&e, 0, sizeof e);
    e.kind = (uint8_t)kind;
    e.file = file;
    e.line = line;
    e.first_phrase = (uint32_t)d->phrases.n;
    e.first_code = (uint32_t)d->codes.n;
    e.block = NONE;
    e.name = NONE;
    e.text = NONE;
    if (VEC_PUSH(d->entries, e) != 0) return BEDE_ERR_NOMEM;
    uint32_t id = (uint32_t)(d->entries.n - 1);
    if (VEC_PUSH(d->bykind[kind], id) != 0) {
        d->entries.n--;
        return BEDE_ERR_NOMEM;
    }
    return 0;
}

int dict_add_code(bede_dict *d, const char *code, size_t n, int32_t from,
                  int32_t to, int dated, uint32_t line) {
    /* TABARI's special codes, spelled so that `#` only starts comments */
    if (n == 3 && memcmp(code, "###", 3) == 0) code = "@DISCARD", n = 8;
    if (n == 3 && memcmp(code, "+++", 3) == 0) code = "@COMPLEX", n = 8;
    dict_code c = {dict_intern(d, code, n), from, to, (uint8_t)(dated != 0),
                   line};
    if (c.code == NONE || VEC_PUSH(d->codes, c) != 0) return BEDE_ERR_NOMEM;
    dict_cur(d)->ncodes++;
    return 0;
}

int dict_warn(bede_dict *d, dict_loc loc, bede_error *err, const char *fmt,
              ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (d->opts.strict)
        return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, loc.column,
                         0, "%s", msg);
    dict_note_rec nr;
    memset(&nr, 0, sizeof nr);
    uint32_t f = dict_intern(d, loc.file, strlen(loc.file));
    nr.message = strdup(msg);
    if (f == NONE || !nr.message) {
        free(nr.message);
        return bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
    }
    nr.file = f;
    nr.line = loc.line;
    nr.column = loc.column;
    nr.other_file = NONE;
    if (VEC_PUSH(d->notes, nr) != 0) {
        free(nr.message);
        return bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
    }
    return 0;
}

void trim(const char **s, size_t *n) {
    while (*n && (is_blank(**s) || **s == '\r' || **s == '\n')) (*s)++, (*n)--;
    while (*n && (is_blank((*s)[*n - 1]) || (*s)[*n - 1] == '\r' ||
                  (*s)[*n - 1] == '\n'))
        (*n)--;
}

/* A raw word of a phrase: bytes [start, end) of the cleaned text. */
typedef struct {
    size_t start, end;
    uint8_t mode, verb;
} raw_word;

#define MAX_PHRASE_WORDS 256

int dict_add_phrase(bede_dict *d, const char *text, size_t n, dict_loc loc,
                    int allow_verb, bede_error *err) {
    raw_word raw[MAX_PHRASE_WORDS];
    size_t nraw = 0;
    int gap_next = 0;
    d->scratch.n = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && is_blank(text[i])) i++;
        if (i >= n) break;
        size_t s = i;
        while (i < n && !is_blank(text[i])) i++;
        size_t e = i;
        if (e - s == 2 && text[s] == '.' && text[s + 1] == '.') {
            gap_next = 1;
            continue;
        }
        raw_word w = {0, 0, WORD_EXACT, 0};
        if (gap_next) w.mode |= WORD_GAP;
        gap_next = 0;
        if ((allow_verb & DICT_PHRASE_VERB) && text[s] == '+') {
            w.verb = 1;
            s++;
        }
        if (e > s && text[e - 1] == '*') {
            w.mode |= WORD_STEM;
            e--;
        } else if (e > s && text[e - 1] == '~') {
            w.mode |= WORD_ENDINGS;
            e--;
        } else if ((allow_verb & DICT_PHRASE_LITERAL) && e > s + 1 &&
                   text[e - 1] == '=') {
            w.mode |= WORD_LITERAL;
            e--;
        }
        if (e == s)
            return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line,
                             loc.column + (uint32_t)s, 0,
                             "expected a word, found '%.*s'", (int)(i - s),
                             text + s);
        if (nraw == MAX_PHRASE_WORDS)
            return bede_fail(err, BEDE_ERR_LIMIT, loc.file, loc.line,
                             loc.column, 0, "phrase of more than %d words",
                             MAX_PHRASE_WORDS);
        if (d->scratch.n && VEC_PUSH(d->scratch, ' ') != 0)
            return BEDE_ERR_NOMEM;
        w.start = d->scratch.n;
        for (size_t k = s; k < e; k++)
            if (VEC_PUSH(d->scratch, text[k]) != 0) return BEDE_ERR_NOMEM;
        w.end = d->scratch.n;
        raw[nraw++] = w;
    }
    if (nraw == 0)
        return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, loc.column,
                         0, "expected a phrase");
    bede_error terr;
    char clean_buf[2048];
    if (d->scratch.n >= sizeof clean_buf)
        return bede_fail(err, BEDE_ERR_LIMIT, loc.file, loc.line, loc.column,
                         0, "phrase longer than %zu bytes",
                         sizeof clean_buf - 1);
    memcpy(clean_buf, d->scratch.v, d->scratch.n);
    const char *clean = clean_buf;
    int rc = bede_analyze(d->an, clean, d->scratch.n, d->doc, &terr);
    if (rc < 0)
        return bede_fail(err, rc, loc.file, loc.line, loc.column, 0,
                         "phrase '%.*s': %s", (int)n, text, terr.message);
    const bede_token *toks = bede_doc_tokens(d->doc);
    size_t ntok = bede_doc_token_count(d->doc);
    if (ntok == 0)
        return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, loc.column,
                         0, "phrase '%.*s' has no words", (int)n, text);
    dict_phrase ph;
    ph.first_word = (uint32_t)d->words.n;
    ph.nwords = 0;
    ph.entry = (uint32_t)(d->entries.n - 1);
    ph.line = loc.line;
    ph.text = NONE;
    size_t r = 0;
    for (size_t t = 0; t < ntok; t++) {
        while (r + 1 < nraw && toks[t].span.start >= raw[r].end) r++;
        const char *lw = bede_doc_string(d->doc, toks[t].lower);
        dict_word w = {dict_intern(d, lw, strlen(lw)), WORD_EXACT, 0};
        if (w.word == NONE) return BEDE_ERR_NOMEM;
        bool last_of_word =
            t + 1 == ntok || toks[t + 1].span.start >= raw[r].end;
        bool first_of_word = toks[t].span.start <= raw[r].start;
        if (last_of_word) w.mode |= raw[r].mode & 3;
        if (first_of_word) {
            w.verb = raw[r].verb;
            w.mode |= raw[r].mode & WORD_GAP;
        }
        if (VEC_PUSH(d->words, w) != 0) return BEDE_ERR_NOMEM;
        ph.nwords++;
    }
    /* the text as written, with its markers: reads back the same */
    d->scratch.n = 0;
    for (size_t k = 0; k < nraw; k++) {
        if (k && VEC_PUSH(d->scratch, ' ') != 0) return BEDE_ERR_NOMEM;
        if ((raw[k].mode & WORD_GAP) &&
            (VEC_PUSH(d->scratch, '.') != 0 || VEC_PUSH(d->scratch, '.') != 0 ||
             VEC_PUSH(d->scratch, ' ') != 0))
            return BEDE_ERR_NOMEM;
        if (raw[k].verb && VEC_PUSH(d->scratch, '+') != 0)
            return BEDE_ERR_NOMEM;
        for (size_t q = raw[k].start; q < raw[k].end; q++)
            if (VEC_PUSH(d->scratch, clean[q]) != 0) return BEDE_ERR_NOMEM;
        if ((raw[k].mode & 3) == WORD_STEM && VEC_PUSH(d->scratch, '*') != 0)
            return BEDE_ERR_NOMEM;
        if ((raw[k].mode & 3) == WORD_ENDINGS &&
            VEC_PUSH(d->scratch, '~') != 0)
            return BEDE_ERR_NOMEM;
    }
    ph.text = dict_intern(d, d->scratch.v, d->scratch.n);
    if (ph.text == NONE || VEC_PUSH(d->phrases, ph) != 0) return BEDE_ERR_NOMEM;
    dict_entry *e = dict_cur(d);
    if (e->nphrases == 0) e->first_phrase = (uint32_t)(d->phrases.n - 1);
    e->nphrases++;
    d->phrase_count[e->kind]++;
    return 0;
}

int dict_word_tokens(bede_dict *d, const char *w, size_t n, uint32_t *out,
                     size_t cap, dict_loc loc, bede_error *err) {
    bede_error terr;
    int rc = bede_analyze(d->an, w, n, d->doc, &terr);
    if (rc < 0)
        return bede_fail(err, rc, loc.file, loc.line, loc.column, 0,
                         "word '%.*s': %s", (int)n, w, terr.message);
    const bede_token *toks = bede_doc_tokens(d->doc);
    size_t ntok = bede_doc_token_count(d->doc);
    if (ntok > cap)
        return bede_fail(err, BEDE_ERR_LIMIT, loc.file, loc.line, loc.column,
                         0, "word '%.*s' has too many parts", (int)n, w);
    for (size_t t = 0; t < ntok; t++) {
        const char *lw = bede_doc_string(d->doc, toks[t].lower);
        out[t] = dict_intern(d, lw, strlen(lw));
        if (out[t] == NONE) return BEDE_ERR_NOMEM;
    }
    return (int)ntok;
}

uint32_t dict_synset(const bede_dict *d, const char *name, size_t n) {
    uint32_t id = dict_find(d, name, n);
    if (id == NONE) return NONE;
    const u32_vec *v = &d->bykind[BEDE_DICT_SYNSETS];
    for (size_t i = v->n; i-- > 0;)
        if (d->entries.v[v->v[i]].name == id) return v->v[i];
    return NONE;
}

int dict_add_synset_ref(bede_dict *d, uint32_t syn, dict_loc loc,
                        bede_error *err) {
    dict_entry *e = dict_cur(d);
    const dict_entry *s = &d->entries.v[syn];
    if (syn == d->entries.n - 1)
        return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, loc.column,
                         0,
                         "synonym set '%s' names itself: expected an "
                         "earlier set",
                         dict_str(d, s->name));
    if ((uint64_t)e->nphrases + s->nphrases > DICT_SYNSET_PHRASE_LIMIT)
        return bede_fail(err, BEDE_ERR_LIMIT, loc.file, loc.line, loc.column, 0,
                         "synonym set '%s' would hold more than %d "
                         "phrases with '%s'",
                         dict_str(d, e->name), DICT_SYNSET_PHRASE_LIMIT,
                         dict_str(d, s->name));
    /* s is complete (it is earlier) and already holds the sets it names */
    for (uint32_t k = 0; k < s->nphrases; k++) {
        dict_phrase ph = d->phrases.v[s->first_phrase + k];
        ph.entry = (uint32_t)(d->entries.n - 1);
        ph.line = loc.line;
        if (VEC_PUSH(d->phrases, ph) != 0) return BEDE_ERR_NOMEM;
        e = dict_cur(d);
        if (e->nphrases == 0) e->first_phrase = (uint32_t)(d->phrases.n - 1);
        e->nphrases++;
        d->phrase_count[e->kind]++;
    }
    return 0;
}

/* ------------------------------------------------------------ dates */

static bool valid_ymd(int y, int m, int dd) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || dd < 1 || dd > days[m - 1]) return false;
    if (m == 2 && dd == 29) {
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (!leap) return false;
    }
    return true;
}

static int digits(const char *s, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int32_t dict_parse_date(const char *s, size_t n) {
    int y, m, dd;
    if (n == 10 && s[4] == '-' && s[7] == '-') {
        y = digits(s, 4);
        m = digits(s + 5, 2);
        dd = digits(s + 8, 2);
    } else if (n == 8) {
        y = digits(s, 4);
        m = digits(s + 4, 2);
        dd = digits(s + 6, 2);
    } else if (n == 6) {
        y = digits(s, 2);
        if (y >= 0) y += y <= 30 ? 2000 : 1900;
        m = digits(s + 2, 2);
        dd = digits(s + 4, 2);
    } else {
        return 0;
    }
    if (y < 0 || m < 0 || dd < 0 || !valid_ymd(y, m, dd)) return 0;
    return y * 10000 + m * 100 + dd;
}

/* ------------------------------------------------------------ lines */

int dict_lines_open(dict_lines *r, const char *name, const char *text,
                    size_t len, int latin1, bede_error *err) {
    memset(r, 0, sizeof *r);
    r->name = name;
    size_t bad = utf8_first_invalid((const uint8_t *)text, len);
    const char *nul = len ? memchr(text, '\0', len) : NULL;
    if ((bad < len && !latin1) || nul) {
        /* a NUL byte would cut the strings made of the text short */
        size_t at = nul && (latin1 || (size_t)(nul - text) < bad)
                        ? (size_t)(nul - text)
                        : bad;
        uint32_t line = 1, col = 1;
        for (size_t i = 0; i < at; i++) {
            if (text[i] == '\n' || (text[i] == '\r' &&
                                    (i + 1 >= len || text[i + 1] != '\n'))) {
                line++;
                col = 1;
            } else if (((uint8_t)text[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        if (at != bad)
            return bede_fail(err, BEDE_ERR_SYNTAX, name, line, col, at,
                             "NUL byte: a dictionary is text");
        return bede_fail(err, BEDE_ERR_UTF8, name, line, col, bad,
                         "invalid UTF-8 byte 0x%02X",
                         (unsigned)(uint8_t)text[bad]);
    }
    size_t cap = bad < len ? len * 2 + 1 : len + 1;
    r->buf = malloc(cap);
    if (!r->buf)
        return bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
    if (bad < len) { /* Latin-1 (TABARI files) */
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
            uint8_t c = (uint8_t)text[i];
            if (c < 0x80) {
                r->buf[o++] = (char)c;
            } else {
                r->buf[o++] = (char)(0xC0 | (c >> 6));
                r->buf[o++] = (char)(0x80 | (c & 0x3F));
            }
        }
        r->len = o;
    } else {
        memcpy(r->buf, text, len);
        r->len = len;
    }
    r->buf[r->len] = '\0';
    return 0;
}

bool dict_lines_next(dict_lines *r, const char **s, size_t *n) {
    if (r->pos >= r->len) return false;
    size_t b = r->pos, e = b;
    while (e < r->len && r->buf[e] != '\n' && r->buf[e] != '\r') e++;
    *s = r->buf + b;
    *n = e - b;
    if (e < r->len && r->buf[e] == '\r' && e + 1 < r->len &&
        r->buf[e + 1] == '\n')
        e++;
    r->pos = e < r->len ? e + 1 : e;
    r->line++;
    return true;
}

void dict_lines_close(dict_lines *r) {
    free(r->buf);
    r->buf = NULL;
}

/* ------------------------------------------------------------ index */

/* Stems are also interned behind a \x01, words with regular endings behind
 * a \x02, so that the matcher asks the string table, not the trie, whether
 * a prefix of a token is a stem or a token less its ending such a word. */
static uint32_t stem_mark(bede_dict *d, uint32_t word, char mark) {
    const char *w = dict_str(d, word);
    size_t n = strlen(w);
    char buf[256];
    if (n + 1 >= sizeof buf) return word; /* too long to be a stem */
    buf[0] = mark;
    memcpy(buf + 1, w, n);
    return dict_intern(d, buf, n + 1);
}

static int index_phrases(bede_dict *d, size_t from) {
    for (size_t p = from; p < d->phrases.n; p++) {
        const dict_phrase *ph = &d->phrases.v[p];
        uint32_t node = d->entries.v[ph->entry].kind;
        for (uint32_t k = 0; k < ph->nwords && node != NONE; k++) {
            const dict_word *w = &d->words.v[ph->first_word + k];
            if ((w->mode & 3) != WORD_EXACT && !(w->mode & WORD_GAP) &&
                stem_mark(d, w->word, (w->mode & 3) == WORD_STEM ? 1 : 2) ==
                    NONE)
                return BEDE_ERR_NOMEM;
            node = trie_add_edge(&d->index, node, w->word, w->mode);
        }
        if (node == NONE || trie_add_value(&d->index, node, (uint32_t)p) != 0)
            return BEDE_ERR_NOMEM;
        d->indexed = p + 1;
    }
    return 0;
}

/* ------------------------------------------------------------ loading */

static bool has(const char *hay, const char *needle) {
    return strstr(hay, needle) != NULL;
}

/* Guesses format and kind from the file name and first bytes. */
static int guess(const char *name, const char *text, size_t len, int *format,
                 int *kind) {
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    char lower[256];
    size_t n = strlen(base);
    if (n >= sizeof lower) n = sizeof lower - 1;
    for (size_t i = 0; i < n; i++)
        lower[i] = (char)(base[i] >= 'A' && base[i] <= 'Z' ? base[i] + 32
                                                            : base[i]);
    lower[n] = '\0';
    int f = BEDE_DICT_FORMAT_AUTO, k = -1;
    const char *tag = "# bede dictionary";
    bool bede_head = len >= strlen(tag) && memcmp(text, tag, strlen(tag)) == 0;
    for (int kk = 0; kk < BEDE_DICT_KIND_COUNT; kk++) {
        char dir[40];
        snprintf(dir, sizeof dir, "data/%s/", kind_names[kk]);
        if (has(name, dir)) {
            f = BEDE_DICT_FORMAT_BEDE;
            k = kk;
        }
    }
    const char *dot = strrchr(lower, '.');
    if (f == BEDE_DICT_FORMAT_AUTO && dot) {
        static const char *const tab[][2] = {{".actors", "actors"},
                                             {".agents", "agents"},
                                             {".verbs", "verbs"},
                                             {".options", "options"}};
        for (size_t i = 0; i < 4; i++)
            if (strcmp(dot, tab[i][0]) == 0) {
                f = BEDE_DICT_FORMAT_TABARI;
                k = bede_dict_kind_from_name(tab[i][1]);
            }
    }
    if (f == BEDE_DICT_FORMAT_AUTO && bede_head) {
        /* "# bede dictionary: verbs ..." names its kind; else the folder
         * (an installed share/bede/verbs/ as well as data/verbs/) */
        const char *p = text + strlen(tag);
        size_t rest = len - strlen(tag);
        if (rest && *p == ':') p++, rest--;
        while (rest && *p == ' ') p++, rest--;
        for (int kk = 0; kk < BEDE_DICT_KIND_COUNT && k < 0; kk++) {
            size_t kl = strlen(kind_names[kk]);
            if (rest >= kl && memcmp(p, kind_names[kk], kl) == 0) k = kk;
            char dir[40];
            snprintf(dir, sizeof dir, "/%s/", kind_names[kk]);
            if (k < 0 && has(name, dir)) k = kk;
        }
        if (k >= 0) f = BEDE_DICT_FORMAT_BEDE;
    }
    if (f == BEDE_DICT_FORMAT_AUTO) {
        f = bede_head ? BEDE_DICT_FORMAT_BEDE : BEDE_DICT_FORMAT_PETRARCH;
        if (has(lower, "actor"))
            k = BEDE_DICT_ACTORS;
        else if (has(lower, "agent"))
            k = BEDE_DICT_AGENTS;
        else if (has(lower, "verb") || strncmp(lower, "cameo", 5) == 0)
            k = BEDE_DICT_VERBS;
        else if (has(lower, "discard"))
            k = BEDE_DICT_DISCARDS;
        else if (has(lower, "issue"))
            k = BEDE_DICT_ISSUES;
        else if (has(lower, "option"))
            k = BEDE_DICT_OPTIONS;
    }
    if (*format == BEDE_DICT_FORMAT_AUTO) *format = f;
    if (*kind == BEDE_DICT_KIND_AUTO) *kind = k;
    return *kind >= 0 ? 0 : -1;
}

int bede_dict_add_text(bede_dict *d, const char *name, const char *text,
                       size_t len, int format, int kind, bede_error *err) {
    if (!d || (!text && len))
        return bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "no dictionary");
    if (!name) name = "(text)";
    if (format < BEDE_DICT_FORMAT_AUTO || format > BEDE_DICT_FORMAT_COMPILED ||
        kind < BEDE_DICT_KIND_AUTO || kind >= BEDE_DICT_KIND_COUNT)
        return bede_fail(err, BEDE_ERR_ARG, name, 0, 0, 0,
                         "unknown format or kind");
    if (format == BEDE_DICT_FORMAT_COMPILED ||
        (format == BEDE_DICT_FORMAT_AUTO && dict_is_compiled(text, len)))
        return dict_add_compiled(d, name, text, len, false, err);
    if (d->image)
        return bede_fail(err, BEDE_ERR_ARG, name, 0, 0, 0,
                         "compiled dictionaries are read-only; load the text "
                         "files to extend them");
    if (guess(name, text, len, &format, &kind) != 0)
        return bede_fail(err, BEDE_ERR_ARG, name, 0, 0, 0,
                         "cannot tell which kind of dictionary this is "
                         "(actors, agents, verbs, discards, issues, "
                         "options): name it");
    dict_lines r;
    int rc = dict_lines_open(&r, name, text, len,
                             format == BEDE_DICT_FORMAT_TABARI, err);
    if (rc < 0) return rc;
    uint32_t file = dict_intern(d, name, strlen(name));
    if (file == NONE) {
        dict_lines_close(&r);
        return bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
    }
    dict_mark m;
    dict_save(d, &m);
    if (format == BEDE_DICT_FORMAT_BEDE)
        rc = dict_read_bede(d, &r, file, kind, err);
    else if (format == BEDE_DICT_FORMAT_PETRARCH)
        rc = dict_read_petrarch(d, &r, file, kind, err);
    else
        rc = dict_read_tabari(d, &r, file, kind, err);
    dict_lines_close(&r);
    if (rc == BEDE_ERR_NOMEM && err && err->status != BEDE_ERR_NOMEM)
        bede_fail(err, rc, name, 0, 0, 0, "out of memory");
    if (rc >= 0 && index_phrases(d, d->indexed) != 0)
        rc = bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
    if (rc < 0) {
        dict_rollback(d, &m);
        return rc;
    }
    return (int)(d->entries.n - m.entries);
}

int bede_dict_add_file(bede_dict *d, const char *path, int format, int kind,
                       bede_error *err) {
    if (!d || !path)
        return bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "no file");
    /* a compiled file is mapped, not read: look at its magic first (only
     * in a regular file: a pipe would lose what was peeked; a compiled
     * image read from one is still recognised by bede_dict_add_text) */
    struct stat st;
    bool regular = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    if (format == BEDE_DICT_FORMAT_COMPILED && regular)
        return dict_add_compiled(d, path, NULL, 0, true, err);
    if (format == BEDE_DICT_FORMAT_AUTO && regular) {
        char head[8];
        size_t got = 0;
        FILE *f = fopen(path, "rb");
        if (f) {
            got = fread(head, 1, sizeof head, f);
            fclose(f);
        }
        if (dict_is_compiled(head, got))
            return dict_add_compiled(d, path, NULL, 0, true, err);
    }
    char *buf;
    size_t n;
    int rc = read_file(path, &buf, &n, err);
    if (rc) return rc;
    rc = bede_dict_add_text(d, path, buf, n, format, kind, err);
    free(buf);
    return rc;
}

bede_dict *bede_dict_load_file(const char *path, int format, int kind,
                               bede_error *err) {
    if (format == BEDE_DICT_FORMAT_COMPILED)
        return bede_dict_load_compiled(path, err);
    bede_dict *d = bede_dict_new(NULL, err);
    if (!d) return NULL;
    if (bede_dict_add_file(d, path, format, kind, err) < 0) {
        bede_dict_free(d);
        return NULL;
    }
    return d;
}

/* ------------------------------------------------------------ reading */

static bool kind_ok(int kind) {
    return kind >= 0 && kind < BEDE_DICT_KIND_COUNT;
}

size_t bede_dict_entry_count(const bede_dict *d, int kind) {
    return d && kind_ok(kind) ? d->bykind[kind].n : 0;
}

size_t bede_dict_phrase_count(const bede_dict *d, int kind) {
    return d && kind_ok(kind) ? d->phrase_count[kind] : 0;
}

size_t bede_dict_pattern_count(const bede_dict *d) {
    return d ? d->patterns.n : 0;
}

size_t bede_dict_memory(const bede_dict *d) {
    if (!d) return 0;
    size_t notes = d->notes.cap * sizeof(dict_note_rec);
    for (size_t i = 0; i < d->notes.n; i++)
        notes += strlen(d->notes.v[i].message) + 1;
    if (d->image) return sizeof *d + d->image_len + notes;
    size_t m = notes + sizeof *d + d->chars.cap + d->strslots * sizeof(uint32_t) +
               d->entries.cap * sizeof(dict_entry) +
               d->phrases.cap * sizeof(dict_phrase) +
               d->words.cap * sizeof(dict_word) +
               d->codes.cap * sizeof(dict_code) +
               d->blocks.cap * sizeof(dict_block) +
               d->patterns.cap * sizeof(dict_pattern) +
               d->elems.cap * sizeof(dict_elem) + trie_memory(&d->index);
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
        m += d->bykind[k].cap * sizeof(uint32_t);
    return m;
}

static const dict_entry *entry_of(const bede_dict *d, int kind, size_t i) {
    if (!d || !kind_ok(kind) || i >= d->bykind[kind].n) return NULL;
    return &d->entries.v[d->bykind[kind].v[i]];
}

int bede_dict_get_entry(const bede_dict *d, int kind, size_t i,
                        bede_dict_entry *out) {
    const dict_entry *e = entry_of(d, kind, i);
    if (!e) return BEDE_ERR_ARG;
    memset(out, 0, sizeof *out);
    out->kind = e->kind;
    out->phrase = e->nphrases ? dict_str(d, d->phrases.v[e->first_phrase].text)
                              : dict_str(d, e->name);
    if (!out->phrase) out->phrase = "";
    out->file = dict_str(d, e->file);
    out->line = e->line;
    out->phrase_count = e->nphrases;
    out->code_count = e->ncodes;
    out->flags = e->flags;
    if (e->block != NONE) {
        out->block = dict_str(d, d->blocks.v[e->block].desc);
        out->block_code = dict_str(d, d->blocks.v[e->block].code);
    }
    return 0;
}

int bede_dict_get_code(const bede_dict *d, int kind, size_t i, size_t code,
                       bede_dict_code *out) {
    const dict_entry *e = entry_of(d, kind, i);
    if (!e || code >= e->ncodes) return BEDE_ERR_ARG;
    const dict_code *c = &d->codes.v[e->first_code + code];
    out->code = dict_str(d, c->code);
    out->from = c->from;
    out->to = c->to;
    out->dated = c->dated;
    out->file = dict_str(d, e->file);
    out->line = c->line;
    return 0;
}

const char *bede_dict_get_phrase(const bede_dict *d, int kind, size_t i,
                                 size_t j, uint32_t *line) {
    const dict_entry *e = entry_of(d, kind, i);
    if (!e || j >= e->nphrases) return NULL;
    const dict_phrase *p = &d->phrases.v[e->first_phrase + j];
    if (line) *line = p->line;
    return dict_str(d, p->text);
}

int bede_dict_get_pattern(const bede_dict *d, size_t i,
                          bede_dict_pattern *out) {
    if (!d || !out || i >= d->patterns.n) return BEDE_ERR_ARG;
    const dict_pattern *p = &d->patterns.v[i];
    const dict_block *b = &d->blocks.v[p->block];
    out->text = dict_str(d, p->text);
    out->code = dict_str(d, p->code);
    out->block = dict_str(d, b->desc);
    out->file = dict_str(d, b->file);
    out->line = p->line;
    return 0;
}

/* With no date known, the code still in force when the dictionary was
 * written (a dated code without an end, the latest such) describes
 * today's news best: "Donald Trump" is USAGOV, not the undated USAELI. */
static int code_on(const bede_dict *d, const dict_entry *e, int32_t date) {
    int undated = -1, current = -1;
    int32_t current_from = -1;
    for (uint32_t k = 0; k < e->ncodes; k++) {
        const dict_code *c = &d->codes.v[e->first_code + k];
        if (!c->dated) {
            if (undated < 0) undated = (int)k;
            continue;
        }
        if (date && (!c->from || date >= c->from) && (!c->to || date <= c->to))
            return (int)k;
        if (!date && !c->to && c->from > current_from) {
            current = (int)k;
            current_from = c->from;
        }
    }
    if (!date && current >= 0) return current;
    if (undated < 0 && !date && e->ncodes) return 0;
    return undated;
}

int bede_dict_code_on(const bede_dict *d, int kind, size_t i, int32_t date) {
    const dict_entry *e = entry_of(d, kind, i);
    return e ? code_on(d, e, date) : -1;
}

/* ------------------------------------------------------------ matching */

static bool ends_with_ending(const char *tok, const char *word) {
    size_t wn = strlen(word);
    if (strncmp(tok, word, wn) != 0) {
        /* y -> ies, ied */
        if (wn > 1 && word[wn - 1] == 'y' && strncmp(tok, word, wn - 1) == 0)
            return strcmp(tok + wn - 1, "ies") == 0 ||
                   strcmp(tok + wn - 1, "ied") == 0;
        return false;
    }
    const char *rest = tok + wn;
    static const char *const endings[] = {"", "s", "es", "ed", "en", "ing"};
    for (size_t i = 0; i < sizeof endings / sizeof *endings; i++)
        if (strcmp(rest, endings[i]) == 0) return true;
    return false;
}

typedef struct {
    const bede_dict *d;
    const bede_doc *doc;
    const bede_token *toks;
    size_t at, end;
    size_t best_end;
    uint32_t best_node;
    /* word ids of the tokens, or NULL to look them up here */
    const dict_token_ids *ids;
    size_t best_chars; /* characters the best path's words match */
} match_state;

void dict_stem_lengths(const bede_dict *d, size_t *min, size_t *max) {
    *min = *max = 0;
    for (size_t i = 0; i < d->words.n; i++) {
        const dict_word *w = &d->words.v[i];
        if ((w->mode & 3) != WORD_STEM) continue;
        size_t n = strlen(dict_str(d, w->word));
        if (!*min || n < *min) *min = n;
        if (n > *max) *max = n;
    }
}

size_t dict_token_cands(const bede_dict *d, const char *lower,
                        const char *lemma, uint32_t *out, size_t cap) {
    return dict_token_cands_in(d, lower, lemma, NULL, out, cap);
}

/* The filter's two bits of a marked stem's hash. */
static bool stems_may_have(const dict_stems *st, uint64_t h) {
    uint64_t a = (h >> 7) & st->mask, b = (h >> 37) & st->mask;
    return (st->bits[a >> 6] >> (a & 63) & 1) &&
           (st->bits[b >> 6] >> (b & 63) & 1);
}

int dict_stems_init(const bede_dict *d, dict_stems *st) {
    memset(st, 0, sizeof *st);
    dict_stem_lengths(d, &st->min, &st->max);
    size_t nbits = 1u << 12;
    while (nbits < 16 * d->words.n && nbits < (1u << 22)) nbits <<= 1;
    st->bits = calloc(nbits / 64, sizeof *st->bits);
    if (!st->bits) return BEDE_ERR_NOMEM;
    st->mask = nbits - 1;
    char buf[256];
    for (size_t i = 0; i < d->words.n; i++) {
        const dict_word *w = &d->words.v[i];
        int mode = w->mode & 3;
        if (mode != WORD_STEM && mode != WORD_ENDINGS) continue;
        const char *ws = dict_str(d, w->word);
        size_t n = ws ? strlen(ws) : 0;
        if (!ws || n + 1 >= sizeof buf) continue;
        buf[0] = mode == WORD_STEM ? '\x01' : '\x02'; /* stem_mark */
        memcpy(buf + 1, ws, n);
        uint64_t h = str_hash(buf, n + 1);
        uint64_t a = (h >> 7) & st->mask, b = (h >> 37) & st->mask;
        st->bits[a >> 6] |= 1ull << (a & 63);
        st->bits[b >> 6] |= 1ull << (b & 63);
    }
    return 0;
}

void dict_stems_free(dict_stems *st) {
    free(st->bits);
    memset(st, 0, sizeof *st);
}

size_t dict_token_cands_in(const bede_dict *d, const char *lower,
                           const char *lemma, const dict_stems *st,
                           uint32_t *out, size_t cap) {
    size_t n = 0, len = strlen(lower);
    size_t stem_min = st ? st->min : 1, stem_max = st ? st->max : SIZE_MAX;
    char buf[256];
    if (len + 1 < sizeof buf && stem_min) {
        buf[0] = '\x01'; /* stems are interned behind \x01 (stem_mark) */
        memcpy(buf + 1, lower, len);
        size_t top = len < stem_max ? len : stem_max;
        /* the marked prefix's hash, one byte at a time */
        uint64_t h = str_hash(buf, 1);
        for (size_t k = 1; k <= top && n < cap; k++) {
            h = (h ^ (uint8_t)buf[k]) * 1099511628211ULL;
            if (k < stem_min || (st && !stems_may_have(st, h))) continue;
            if (find_hashed(d, buf, k + 1, h) == NONE) continue;
            uint32_t id = dict_find(d, lower, k);
            if (id != NONE && id < TRIE_ENDINGS) out[n++] = id | TRIE_STEM;
        }
    }
    /* word~: the word itself, or with -s -es -ed -en -ing, or y -> -ies -ied */
    static const char *const endings[] = {"", "s", "es", "ed", "en", "ing"};
    const char *forms[2] = {lower, lemma};
    for (int f = 0; f < 2; f++) {
        const char *w = forms[f];
        if (f == 1 && (!lemma || !strcmp(lemma, lower))) break;
        size_t wl = strlen(w);
        if (wl + 1 >= sizeof buf) continue;
        buf[0] = '\x02'; /* words with endings are marked (stem_mark) */
        memcpy(buf + 1, w, wl);
        for (size_t e = 0; e < sizeof endings / sizeof *endings && n < cap;
             e++) {
            size_t el = strlen(endings[e]);
            if (wl <= el || strcmp(w + wl - el, endings[e]) != 0) continue;
            uint64_t h = str_hash(buf, wl - el + 1);
            if ((st && !stems_may_have(st, h)) ||
                find_hashed(d, buf, wl - el + 1, h) == NONE)
                continue;
            uint32_t id = dict_find(d, w, wl - el);
            if (id != NONE && id < TRIE_ENDINGS) out[n++] = id | TRIE_ENDINGS;
        }
        if (wl > 3 && n < cap &&
            (!strcmp(w + wl - 3, "ies") || !strcmp(w + wl - 3, "ied"))) {
            buf[wl - 2] = 'y'; /* buf holds \x02 + w: w[wl-3] is buf[wl-2] */
            if (dict_find(d, buf, wl - 1) != NONE) {
                uint32_t id = dict_find(d, buf + 1, wl - 2);
                if (id != NONE && id < TRIE_ENDINGS)
                    out[n++] = id | TRIE_ENDINGS;
            }
        }
    }
    return n;
}

/* Does token tok match the word w in mode (WORD_EXACT/STEM/ENDINGS)? */
static bool token_matches(const match_state *st, const bede_token *tok,
                          uint32_t w, int mode) {
    const char *lower = bede_doc_string(st->doc, tok->lower);
    const char *lemma = bede_doc_string(st->doc, tok->lemma);
    const char *ws = dict_str(st->d, w);
    switch (mode & 3) {
    case WORD_STEM: return strncmp(lower, ws, strlen(ws)) == 0;
    case WORD_ENDINGS:
        return ends_with_ending(lower, ws) || ends_with_ending(lemma, ws);
    case WORD_LITERAL: return strcmp(lower, ws) == 0;
    default: return strcmp(lower, ws) == 0 || strcmp(lemma, ws) == 0;
    }
}

/* Characters of word id (a stem or ending edge's tag left out). */
static size_t word_length(const bede_dict *d, uint32_t id) {
    const char *s = dict_str(d, id & ~(TRIE_STEM | TRIE_ENDINGS));
    return s ? strlen(s) : 0;
}

/* Follows the trie from node over tokens [i, end), keeping the longest
 * phrase; of equally long ones, the one whose words match the most
 * characters of the tokens (a token or its lemma all of them, a stem or a
 * word with endings its own: "attacked*" before "attack*" for "attacked",
 * as TABARI chooses), else the first found. chars: those matched up to
 * i. */
static void match_from(match_state *st, uint32_t node, size_t i,
                       size_t chars) {
    const trie *t = &st->d->index;
    if (t->nodes.v[node].values != NONE &&
        (i > st->best_end || (i == st->best_end && chars > st->best_chars))) {
        st->best_end = i;
        st->best_node = node;
        st->best_chars = chars;
    }
    if (i >= st->end) return;
    const bede_token *tok = &st->toks[i];
    uint32_t w1;
    if (st->ids) {
        w1 = st->ids->lower[i];
    } else {
        const char *lower = bede_doc_string(st->doc, tok->lower);
        w1 = dict_find(st->d, lower, strlen(lower));
    }
    /* the token itself, or its lemma: all of its characters */
    size_t whole = strlen(bede_doc_string(st->doc, tok->lower));
    uint32_t c = w1 == NONE ? NONE : trie_child(t, node, w1);
    if (c != NONE) match_from(st, c, i + 1, chars + whole);
    if (tok->lemma != tok->lower) {
        uint32_t w2;
        if (st->ids) {
            w2 = st->ids->lemma[i];
        } else {
            const char *lemma = bede_doc_string(st->doc, tok->lemma);
            w2 = dict_find(st->d, lemma, strlen(lemma));
        }
        uint32_t c2 = w2 == NONE || w2 == w1 ? NONE : trie_child(t, node, w2);
        if (c2 != NONE && c2 != c) match_from(st, c2, i + 1, chars + whole);
    }
    /* stem and ending edges: one probe per candidate id of the token */
    uint32_t local[64];
    const uint32_t *cands = local;
    size_t nc;
    if (st->ids) {
        cands = st->ids->cands + st->ids->cand_first[i];
        nc = st->ids->cand_first[i + 1] - st->ids->cand_first[i];
    } else {
        nc = dict_token_cands(st->d, bede_doc_string(st->doc, tok->lower),
                              bede_doc_string(st->doc, tok->lemma), local,
                              sizeof local / sizeof *local);
    }
    for (size_t k = 0; k < nc; k++) {
        uint32_t cc = trie_child(t, node, cands[k]);
        if (cc != NONE)
            match_from(st, cc, i + 1, chars + word_length(st->d, cands[k]));
    }
    for (uint32_t s = t->nodes.v[node].specials; s != NONE;
         s = t->specials.v[s].next) {
        const trie_special *sp = &t->specials.v[s];
        if (!(sp->mode & WORD_GAP)) {
            if (token_matches(st, tok, sp->word, sp->mode))
                match_from(st, sp->child, i + 1,
                           chars + word_length(st->d, sp->word));
            continue;
        }
        /* a gap skips words but not a comma: "Radagast, the Brown wizard"
         * is not RADAGAST THE_BROWN */
        for (size_t j = i; j < st->end; j++) {
            if (token_matches(st, &st->toks[j], sp->word, sp->mode))
                match_from(st, sp->child, j + 1,
                           chars + word_length(st->d, sp->word));
            if (!strcmp(bede_doc_string(st->doc, st->toks[j].lower), ","))
                break;
        }
    }
}

int bede_dict_match_at(const bede_dict *d, int kind, const bede_doc *doc,
                       size_t at, size_t end, int32_t date,
                       bede_dict_match *out, size_t cap) {
    return dict_match_ids(d, kind, doc, NULL, at, end, date, out, cap);
}

int dict_match_ids(const bede_dict *d, int kind, const bede_doc *doc,
                   const dict_token_ids *ids, size_t at, size_t end,
                   int32_t date, bede_dict_match *out, size_t cap) {
    if (!d || !doc || !kind_ok(kind)) return BEDE_ERR_ARG;
    size_t ntok = bede_doc_token_count(doc);
    if (end == 0 || end > ntok) end = ntok;
    if (at >= end) return 0;
    match_state st = {d, doc, bede_doc_tokens(doc), at, end, at, NONE, ids, 0};
    match_from(&st, (uint32_t)kind, at, 0);
    if (st.best_node == NONE) return 0;
    int count = 0;
    uint32_t last_entry = NONE;
    const trie *t = &d->index;
    for (uint32_t v = t->nodes.v[st.best_node].values; v != NONE;
         v = t->values.v[v].next) {
        uint32_t ge = d->phrases.v[t->values.v[v].phrase].entry;
        if (ge == last_entry) continue;
        last_entry = ge;
        if ((size_t)count < cap) {
            const dict_entry *e = &d->entries.v[ge];
            /* kind-local index: binary search over bykind (ascending) */
            const u32_vec *bk = &d->bykind[kind];
            size_t lo = 0, hi = bk->n;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (bk->v[mid] < ge)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            out[count].first = (uint32_t)at;
            out[count].last = (uint32_t)st.best_end;
            out[count].entry = (uint32_t)lo;
            out[count].code = code_on(d, e, date);
        }
        count++;
    }
    return count;
}

/* ------------------------------------------------------------ check */

static bool same_codes(const bede_dict *d, const dict_entry *a,
                       const dict_entry *b) {
    uint32_t ca = a->ncodes ? a->ncodes : 0, cb = b->ncodes;
    if (ca != cb) return false;
    if (!ca && a->block != NONE && b->block != NONE)
        return d->blocks.v[a->block].code == d->blocks.v[b->block].code;
    for (uint32_t k = 0; k < ca; k++) {
        const dict_code *x = &d->codes.v[a->first_code + k];
        const dict_code *y = &d->codes.v[b->first_code + k];
        if (x->code != y->code || x->from != y->from || x->to != y->to ||
            x->dated != y->dated)
            return false;
    }
    return a->flags == b->flags;
}

static int add_pair_note(bede_dict *d, const dict_phrase *p,
                         const dict_phrase *q, bool same) {
    const dict_entry *a = &d->entries.v[p->entry];
    const dict_entry *b = &d->entries.v[q->entry];
    char msg[400];
    snprintf(msg, sizeof msg, "%s: %s '%s'", kind_names[b->kind],
             same ? "duplicate" : "conflict (different codes)",
             dict_str(d, q->text));
    dict_note_rec nr;
    memset(&nr, 0, sizeof nr);
    nr.file = b->file;
    nr.line = q->line;
    nr.column = 1;
    nr.message = strdup(msg);
    nr.other_file = a->file;
    nr.other_line = p->line;
    if (!nr.message || VEC_PUSH(d->notes, nr) != 0) {
        free(nr.message);
        return BEDE_ERR_NOMEM;
    }
    return 0;
}

/* Is q a copy of p made by naming p's set inside q's (dict_add_synset_ref),
 * rather than the same words written twice? Written phrases have words of
 * their own; copies share them. */
static bool synset_copy(const dict_phrase *p, const dict_phrase *q) {
    return p->first_word == q->first_word && p->nwords == q->nwords;
}

/* Is the phrase of trie value v a copy of one of the phrases listed before
 * it, from first on (a set named inside another)? */
static bool copied_here(const bede_dict *d, uint32_t first, uint32_t v) {
    const trie *t = &d->index;
    const dict_phrase *q = &d->phrases.v[t->values.v[v].phrase];
    if (d->entries.v[q->entry].kind != BEDE_DICT_SYNSETS) return false;
    for (uint32_t u = first; u != v; u = t->values.v[u].next)
        if (synset_copy(&d->phrases.v[t->values.v[u].phrase], q)) return true;
    return false;
}

int bede_dict_check(bede_dict *d, bede_error *err) {
    if (!d) return bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "no dictionary");
    int found = 0;
    const trie *t = &d->index;
    for (size_t n = 0; n < t->nodes.n; n++) {
        uint32_t first = t->nodes.v[n].values;
        if (first == NONE) continue;
        const dict_phrase *p = &d->phrases.v[t->values.v[first].phrase];
        for (uint32_t v = t->values.v[first].next; v != NONE;
             v = t->values.v[v].next) {
            const dict_phrase *q = &d->phrases.v[t->values.v[v].phrase];
            if (q->entry == p->entry || copied_here(d, first, v)) continue;
            bool same = same_codes(d, &d->entries.v[p->entry],
                                   &d->entries.v[q->entry]);
            if (add_pair_note(d, p, q, same) != 0)
                return bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0,
                                 "out of memory");
            found++;
        }
    }
    return found;
}

size_t bede_dict_note_count(const bede_dict *d) { return d ? d->notes.n : 0; }

int bede_dict_get_note(const bede_dict *d, size_t i, bede_dict_note *out) {
    if (!d || !out || i >= d->notes.n) return BEDE_ERR_ARG;
    const dict_note_rec *r = &d->notes.v[i];
    out->file = dict_str(d, r->file);
    out->line = r->line;
    out->column = r->column;
    out->message = r->message;
    out->other_file = dict_str(d, r->other_file);
    out->other_line = r->other_line;
    return 0;
}

/* ------------------------------------------------------------ verbs */

int dict_begin_block(bede_dict *d, const char *desc, size_t dn,
                     const char *code, size_t cn, uint32_t file,
                     uint32_t line) {
    dict_block b = {dict_intern(d, desc, dn), dict_intern(d, code, cn), file,
                    line, (uint32_t)d->patterns.n, 0};
    if (b.desc == NONE || b.code == NONE || VEC_PUSH(d->blocks, b) != 0)
        return BEDE_ERR_NOMEM;
    return 0;
}

static int push_elem(bede_dict *d, int type, int mode, uint32_t value) {
    dict_elem e = {(uint8_t)type, (uint8_t)mode, 0, value};
    return VEC_PUSH(d->elems, e);
}

static bool pat_special(char c) {
    return is_blank(c) || c == '_' || c == '{' || c == '}' || c == '(' ||
           c == ')' || c == '|';
}

/* Is s[i..) a group with `|` at its own level before its `}`? */
static bool alt_group(const char *s, size_t n, size_t i) {
    int depth = 0;
    for (; i < n; i++) {
        if (s[i] == '{') depth++;
        if (s[i] == '}' && --depth == 0) return false;
        if (s[i] == '|' && depth == 1) return true;
    }
    return false;
}

int dict_add_pattern(bede_dict *d, const char *s, size_t n, const char *code,
                     size_t cn, dict_loc loc, int format, bede_error *err) {
    if (!d->blocks.n)
        return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, loc.column,
                         0, "pattern before any verb");
    if (!cn || !dict_code_ok(code, cn))
        return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, loc.column,
                         0, "expected an event code for the pattern");
    while (n && is_blank(*s)) s++, n--, loc.column++;
    trim(&s, &n);
    dict_pattern p;
    memset(&p, 0, sizeof p);
    p.block = (uint32_t)(d->blocks.n - 1);
    p.first_elem = (uint32_t)d->elems.n;
    /* as for entries: `#` only starts comments in bede's format */
    if (cn == 3 && memcmp(code, "###", 3) == 0) code = "@DISCARD", cn = 8;
    if (cn == 3 && memcmp(code, "+++", 3) == 0) code = "@COMPLEX", cn = 8;
    p.code = dict_intern(d, code, cn);
    p.text = dict_intern(d, s, n);
    p.line = loc.line;
    if (p.code == NONE || p.text == NONE) return BEDE_ERR_NOMEM;
    uint8_t stack[64];
    size_t opened[64];
    size_t depth = 0, verbs = 0;
    bool tabari = format == BEDE_DICT_FORMAT_TABARI;
    size_t i = 0;
    /* A malformed pattern is an error in bede's format; PETRARCH-2 and
     * TABARI files are read as TABARI does (manual 5.2.4): the line is
     * ignored, with a warning. */
#define PERR(col, ...)                                                         \
    do {                                                                       \
        d->elems.n = p.first_elem;                                             \
        dict_loc l_ = {loc.file, loc.line, loc.column + (uint32_t)(col)};      \
        if (format != BEDE_DICT_FORMAT_BEDE) {                                 \
            char m_[300];                                                      \
            snprintf(m_, sizeof m_, __VA_ARGS__);                              \
            int w_ = dict_warn(d, l_, err, "%s: pattern ignored", m_);        \
            return w_ < 0 ? w_ : 0;                                            \
        }                                                                      \
        return bede_fail(err, BEDE_ERR_SYNTAX, l_.file, l_.line, l_.column, 0, \
                         __VA_ARGS__);                                         \
    } while (0)
    while (i < n) {
        char c = s[i];
        size_t start = i;
        if (is_blank(c)) {
            i++;
            continue;
        }
        if (c == '_') {
            if (d->elems.n == p.first_elem) PERR(i, "'_' joins nothing");
            /* TABARI: "KNOWN_ * IN" closes the word; only "KNOWN_*" and
             * "}_X" make the next element follow directly */
            if (!tabari || (i + 1 < n && !is_blank(s[i + 1])))
                d->elems.v[d->elems.n - 1].joined = 1;
            i++;
            continue;
        }
        int rc = 0;
        if (c == '{') {
            if (depth == sizeof stack) PERR(i, "brackets nested too deeply");
            bool alt = alt_group(s, n, i);
            opened[depth] = i;
            stack[depth++] = alt ? PAT_ALT_OPEN : PAT_NP_OPEN;
            rc = push_elem(d, alt ? PAT_ALT_OPEN : PAT_NP_OPEN, 0, 0);
            i++;
        } else if (c == '(') {
            if (depth == sizeof stack) PERR(i, "brackets nested too deeply");
            opened[depth] = i;
            stack[depth++] = PAT_PP_OPEN;
            rc = push_elem(d, PAT_PP_OPEN, 0, 0);
            i++;
        } else if (c == '}' || c == ')') {
            uint8_t want = c == ')' ? PAT_PP_OPEN : 0;
            if (!depth || (want && stack[depth - 1] != want) ||
                (!want && stack[depth - 1] == PAT_PP_OPEN))
                PERR(i, "'%c' closes nothing", c);
            uint8_t open = stack[--depth];
            rc = push_elem(d, open == PAT_PP_OPEN    ? PAT_PP_CLOSE
                              : open == PAT_ALT_OPEN ? PAT_ALT_CLOSE
                                                     : PAT_NP_CLOSE,
                           0, 0);
            i++;
        } else if (c == '|') {
            if (!depth || stack[depth - 1] != PAT_ALT_OPEN)
                PERR(i, "'|' outside '{ ... }' alternatives");
            rc = push_elem(d, PAT_ALT_OR, 0, 0);
            i++;
        } else if ((c == '*' || c == '$' || c == '+' || c == '%' ||
                    c == '^') &&
                   (i + 1 == n || pat_special(s[i + 1]))) {
            int type = c == '*'   ? PAT_VERB
                       : c == '$' ? PAT_SOURCE
                       : c == '+' ? PAT_TARGET
                       : c == '%' ? PAT_COMPOUND
                                  : PAT_SKIP;
            if (type == PAT_VERB) verbs++;
            rc = push_elem(d, type, 0, 0);
            i++;
        } else if (c == '&') {
            size_t e = i + 1;
            while (e < n && !is_blank(s[e]) && s[e] != '{' && s[e] != '}' &&
                   s[e] != '(' && s[e] != ')' && s[e] != '|')
                e++;
            /* the longest defined name: `_` may be a connector after it */
            uint32_t syn = NONE;
            size_t k = e;
            for (; k > i + 1; k--) {
                if (k < e && s[k] != '_') continue;
                syn = dict_synset(d, s + i, k - i);
                if (syn != NONE) break;
            }
            if (syn == NONE) {
                d->elems.n = p.first_elem;
                int w = dict_warn(d, (dict_loc){loc.file, loc.line,
                                                loc.column + (uint32_t)i},
                                  err,
                                  "synonym set '%.*s' is not defined: "
                                  "pattern ignored",
                                  (int)(e - i), s + i);
                return w < 0 ? w : 0;
            }
            rc = push_elem(d, PAT_SYNSET, 0, syn);
            i = k;
        } else {
            size_t e = i;
            while (e < n && !pat_special(s[e])) e++;
            /* PETRARCH-2 matches a pattern word as written ("EFFORT" is
             * not "efforts"); bede's own format also through the lemma */
            int mode = tabari                                ? WORD_STEM
                       : format == BEDE_DICT_FORMAT_PETRARCH ? WORD_LITERAL
                                                             : WORD_EXACT;
            size_t we = e;
            bool prefix = false; /* TABARI "ANTI-": the token "anti-" */
            if (s[we - 1] == '-' && tabari && we - 1 > i) {
                mode = WORD_EXACT;
                prefix = true;
                we--;
            } else if (s[we - 1] == '=' && we - 1 > i) {
                mode = WORD_LITERAL; /* as written, not by its lemma */
                we--;
            } else if (s[we - 1] == '~' && we - 1 > i) {
                mode = tabari ? WORD_STEM : WORD_ENDINGS;
                we--;
                if (tabari && e < n && s[e] == '_') {
                    /* XXXX~_YYYY: a stem, the next word directly after */
                }
            } else if (s[we - 1] == '*' && !tabari && we - 1 > i) {
                mode = WORD_STEM;
                we--;
            } else if (tabari && e < n && s[e] == '_') {
                /* WORD_ : closed, the word as written */
                mode = WORD_LITERAL;
            }
            uint32_t toks[16];
            int nt = dict_word_tokens(d, s + i, we - i, toks, 16,
                                      (dict_loc){loc.file, loc.line,
                                                 loc.column + (uint32_t)i},
                                      err);
            if (nt < 0) {
                d->elems.n = p.first_elem;
                return nt;
            }
            if (prefix && nt > 0) {
                char buf[128];
                int bn = snprintf(buf, sizeof buf, "%s-",
                                  dict_str(d, toks[nt - 1]));
                if (bn > 0 && (size_t)bn < sizeof buf) {
                    toks[nt - 1] = dict_intern(d, buf, (size_t)bn);
                    if (toks[nt - 1] == NONE) return BEDE_ERR_NOMEM;
                }
            }
            for (int t = 0; t < nt && rc == 0; t++) {
                rc = push_elem(d, PAT_WORD, t + 1 == nt ? mode : WORD_EXACT,
                               toks[t]);
                if (t + 1 < nt) d->elems.v[d->elems.n - 1].joined = 1;
            }
            i = e;
        }
        (void)start;
        if (rc != 0) return BEDE_ERR_NOMEM;
    }
    if (depth) PERR(opened[depth - 1], "'%s' is not closed",
                    stack[depth - 1] == PAT_PP_OPEN ? "(" : "{");
    if (verbs != 1) {
        if (format == BEDE_DICT_FORMAT_BEDE)
            PERR(0, verbs ? "more than one verb '*' in the pattern"
                          : "expected the verb '*' in the pattern");
        /* PETRARCH-2 and TABARI cannot use such a pattern either */
        d->elems.n = p.first_elem;
        int w = dict_warn(d, loc, err,
                          verbs ? "more than one verb '*': pattern ignored"
                                : "no verb '*' standing alone: pattern "
                                  "ignored");
        return w < 0 ? w : 0;
    }
#undef PERR
    p.nelems = (uint32_t)(d->elems.n - p.first_elem);
    p.tabari = tabari;
    if (VEC_PUSH(d->patterns, p) != 0) return BEDE_ERR_NOMEM;
    d->blocks.v[d->blocks.n - 1].npatterns++;
    return 1;
}

int dict_add_transform(bede_dict *d, const char *s, size_t n, dict_loc loc,
                       bede_error *err) {
    trim(&s, &n);
    const char *eq = memchr(s, '=', n);
    if (!eq)
        return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, loc.column,
                         0, "expected '=' in the transformation");
    size_t depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '(') depth++;
        if (s[i] == ')' && depth-- == 0)
            return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line,
                             loc.column + (uint32_t)i, 0, "')' closes nothing");
    }
    if (depth)
        return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, loc.column,
                         0, "'(' is not closed");
    if (!d->blocks.n && dict_begin_block(d, "", 0, "---", 3, NONE, 0) != 0)
        return BEDE_ERR_NOMEM;
    dict_pattern p;
    memset(&p, 0, sizeof p);
    p.block = (uint32_t)(d->blocks.n - 1);
    p.first_elem = (uint32_t)d->elems.n;
    p.text = dict_intern(d, s, n);
    p.code = dict_intern(d, "", 0);
    p.line = loc.line;
    p.transform = 1;
    if (p.text == NONE || VEC_PUSH(d->patterns, p) != 0) return BEDE_ERR_NOMEM;
    d->blocks.v[d->blocks.n - 1].npatterns++;
    return 1;
}
