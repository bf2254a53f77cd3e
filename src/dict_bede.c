/*
 * bede's own dictionary format (data/README.md and the README of each
 * folder): reader and writer. The writer's output read back gives the same
 * entries, phrases, codes and patterns, so `bede dict convert` turns a
 * PETRARCH-2 or TABARI dictionary into an equivalent bede one.
 */
#include "dict_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ reading */

/* A byte of a logical line in its file. */
typedef struct {
    uint32_t line, column;
} bpos;

typedef struct {
    bede_dict *d;
    dict_lines *r;
    uint32_t file;
    bede_error *err;
    char_vec text;  /* the logical line (continuations joined) */
    struct {
        bpos *v;
        size_t n, cap;
    } pos;          /* where each byte of text is */
    uint32_t line;  /* its first line */
    const char *pend; size_t pendn; bool has_pend; /* lookahead line */
} breader;

/* Removes a `#` comment (at the start or after a blank). */
static size_t cut_comment(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] == '#' && (i == 0 || is_blank(s[i - 1]))) return i;
    return n;
}

static bool blank_line(const char *s, size_t n) {
    n = cut_comment(s, n);
    for (size_t i = 0; i < n; i++)
        if (!is_blank(s[i])) return false;
    return true;
}

/* Appends line s[0..n) (the reader's current line) to the logical line. */
static int append(breader *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        bpos at = {b->r->line, (uint32_t)i + 1};
        if (VEC_PUSH(b->text, s[i]) != 0 || VEC_PUSH(b->pos, at) != 0)
            return BEDE_ERR_NOMEM;
    }
    return 0;
}

/* Next logical line into b->text; false at the end. */
static int bnext(breader *b) {
    const char *s;
    size_t n;
    b->text.n = b->pos.n = 0;
    for (;;) {
        if (b->has_pend) {
            s = b->pend;
            n = b->pendn;
            b->has_pend = false;
        } else if (!dict_lines_next(b->r, &s, &n)) {
            return 0;
        }
        if (!blank_line(s, n)) break;
    }
    if (is_blank(s[0]))
        return bede_fail(b->err, BEDE_ERR_SYNTAX, b->r->name, b->r->line, 1, 0,
                         "a continuation line (starting with a blank) with "
                         "nothing to continue");
    b->line = b->r->line;
    if (append(b, s, cut_comment(s, n)) != 0) return BEDE_ERR_NOMEM;
    while (dict_lines_next(b->r, &s, &n)) {
        if (blank_line(s, n)) continue;
        if (!is_blank(s[0])) {
            b->pend = s;
            b->pendn = n;
            b->has_pend = true;
            break;
        }
        bpos joint = {b->r->line, 1};
        if (VEC_PUSH(b->text, ' ') != 0 || VEC_PUSH(b->pos, joint) != 0)
            return BEDE_ERR_NOMEM;
        if (append(b, s, cut_comment(s, n)) != 0) return BEDE_ERR_NOMEM;
    }
    if (VEC_PUSH(b->text, '\0') != 0) return BEDE_ERR_NOMEM;
    b->text.n--;
    return 1;
}

/* Where byte off of the logical line is: its own line (a continuation
 * line's, not the first's) and column. Past the end: after the last byte. */
static dict_loc bat(const breader *b, size_t off) {
    if (off < b->pos.n)
        return (dict_loc){b->r->name, b->pos.v[off].line, b->pos.v[off].column};
    if (!b->pos.n) return (dict_loc){b->r->name, b->line, (uint32_t)off + 1};
    bpos last = b->pos.v[b->pos.n - 1];
    return (dict_loc){b->r->name, last.line,
                      last.column + (uint32_t)(off - b->pos.n) + 1};
}

#define BERR(off, ...)                                                         \
    bede_fail(b->err, BEDE_ERR_SYNTAX, b->r->name, bat(b, off).line,           \
              bat(b, off).column, 0, __VA_ARGS__)

/* The offset of ` = ` (the last one when last), or n. */
static size_t find_eq(const char *s, size_t n, bool last) {
    size_t at = n;
    for (size_t i = 1; i + 1 < n + 1; i++)
        if (s[i] == '=' && is_blank(s[i - 1]) &&
            (i + 1 == n || is_blank(s[i + 1]))) {
            at = i;
            if (!last) break;
        }
    return at;
}

/* The line of a `synset NAME =` line below the current one, or 0. */
static uint32_t defined_below(const breader *b, const char *name, size_t nn) {
    const dict_lines *r = b->r;
    const char *s = b->has_pend ? b->pend : r->buf + r->pos;
    const char *end = r->buf + r->len;
    uint32_t line = b->has_pend ? r->line : r->line + 1;
    while (s < end) {
        const char *e = s;
        while (e < end && *e != '\n' && *e != '\r')
            e++;
        size_t n = (size_t)(e - s), a = 6;
        if (n > a && memcmp(s, "synset", a) == 0 && is_blank(s[a])) {
            while (a < n && is_blank(s[a]))
                a++;
            if (n - a > nn && memcmp(s + a, name, nn) == 0 &&
                (is_blank(s[a + nn]) || s[a + nn] == '='))
                return line;
        }
        if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n') e++;
        s = e + 1;
        line++;
    }
    return 0;
}

/* A phrase of a synonym set that is `&NAME`: the phrases of that earlier
 * set (data/verbs/README.md). */
static int synset_ref(breader *b, const char *p, size_t pn) {
    const char *s = b->text.v;
    size_t off = (size_t)(p - s);
    for (size_t k = 1; k < pn; k++)
        if (is_blank(p[k]))
            return BERR(off, "expected '&NAME' alone between '|': a "
                             "synonym set is named as a whole phrase");
    uint32_t syn = dict_synset(b->d, p, pn);
    if (syn == NONE) {
        uint32_t below = defined_below(b, p, pn);
        if (below)
            return BERR(off,
                        "expected an earlier synonym set: '%.*s' is "
                        "defined below, on line %u",
                        (int)pn, p, below);
        return BERR(off,
                    "expected an earlier synonym set: '%.*s' is not "
                    "defined",
                    (int)pn, p);
    }
    return dict_add_synset_ref(b->d, syn, bat(b, off), b->err);
}

/* Adds the ` | `-separated phrases of text[from, to); in a synonym set
 * (synset), a phrase may be `&NAME`, another set. */
static int phrases(breader *b, size_t from, size_t to, int allow_verb,
                   bool synset) {
    const char *s = b->text.v;
    size_t i = from;
    int count = 0;
    while (i < to) {
        size_t e = i;
        while (e < to && s[e] != '|') e++;
        const char *p = s + i;
        size_t pn = e - i;
        trim(&p, &pn);
        if (!pn) return BERR(i, "expected a phrase");
        int rc;
        if (synset && p[0] == '&' && pn > 1 && !is_blank(p[1])) {
            rc = synset_ref(b, p, pn);
        } else {
            /* `&NAME` inside a longer phrase would be read as words */
            for (size_t k = 0; synset && k + 1 < pn; k++)
                if (p[k] == '&' && (k == 0 || is_blank(p[k - 1])) &&
                    !is_blank(p[k + 1]))
                    return BERR((size_t)(p - s) + k,
                                "expected '&NAME' alone between '|': a "
                                "synonym set is named as a whole phrase");
            rc = dict_add_phrase(b->d, p, pn, bat(b, (size_t)(p - s)),
                                 allow_verb, b->err);
        }
        if (rc < 0) return rc;
        count++;
        i = e + 1;
    }
    if (!count) return BERR(from, "expected a phrase");
    return count;
}

/* Adds the `, `-separated codes of text[from, to): CODE [FROM..TO]. */
static int codes(breader *b, size_t from, size_t to, bool agent) {
    const char *s = b->text.v;
    size_t i = from;
    int undated = 0;
    while (i < to) {
        size_t e = i;
        while (e < to && s[e] != ',') e++;
        const char *c = s + i;
        size_t cn = e - i;
        trim(&c, &cn);
        size_t off = (size_t)(c - s);
        size_t k = 0;
        while (k < cn && !is_blank(c[k])) k++;
        if (!k || !dict_code_ok(c, k))
            return BERR(off, "expected a code (letters, digits, ---)");
        if (agent && c[0] != '~' && c[k - 1] != '~')
            return BERR(off, "agent code '%.*s' needs '~' before or after "
                             "it", (int)k, c);
        int32_t df = 0, dt = 0;
        int dated = 0;
        if (k < cn) {
            const char *r = c + k;
            size_t rn = cn - k;
            trim(&r, &rn);
            const char *dots = NULL;
            for (size_t q = 0; q + 1 < rn; q++)
                if (r[q] == '.' && r[q + 1] == '.') {
                    dots = r + q;
                    break;
                }
            if (!dots)
                return BERR((size_t)(r - s),
                            "expected dates FROM..TO, FROM.. or ..TO");
            size_t an = (size_t)(dots - r), bn = rn - an - 2;
            if (an && !(df = dict_parse_date(r, an)))
                return BERR((size_t)(r - s), "expected a date YYYY-MM-DD");
            if (bn && !(dt = dict_parse_date(dots + 2, bn)))
                return BERR((size_t)(dots + 2 - s),
                            "expected a date YYYY-MM-DD");
            if (!an && !bn)
                return BERR((size_t)(r - s), "'..' without dates");
            if (df && dt && df > dt)
                return BERR((size_t)(r - s), "dates out of order");
            dated = 1;
        } else {
            undated++; /* the first is the default; others never apply */
        }
        if (dict_add_code(b->d, c, k, df, dt, dated, b->line) != 0)
            return BEDE_ERR_NOMEM;
        i = e + 1;
    }
    return 0;
}

static bool keyword(const char *s, size_t n, const char *kw, size_t *after) {
    size_t kl = strlen(kw);
    if (n < kl || strncmp(s, kw, kl) != 0) return false;
    if (n > kl && !is_blank(s[kl]) && kw[kl - 1] != ':') return false;
    *after = kl;
    return true;
}

static int begin(breader *b, int kind) {
    return dict_begin_entry(b->d, kind, b->file, b->line);
}

static int read_line(breader *b, int kind, uint32_t *category) {
    bede_dict *d = b->d;
    const char *s = b->text.v;
    size_t n = b->text.n, a;
    int rc;
    if (kind == BEDE_DICT_ACTORS || kind == BEDE_DICT_AGENTS) {
        size_t eq = find_eq(s, n, true);
        if (eq == n) return BERR(n, "expected ' = ' and the codes");
        if ((rc = begin(b, kind)) < 0) return rc;
        if ((rc = phrases(b, 0, eq, 0, false)) < 0) return rc;
        return codes(b, eq + 1, n, kind == BEDE_DICT_AGENTS);
    }
    if (kind == BEDE_DICT_DISCARDS) {
        bool story = keyword(s, n, "story:", &a);
        if (!story && !keyword(s, n, "sentence:", &a))
            return BERR(0, "expected 'story:' or 'sentence:'");
        if ((rc = begin(b, kind)) < 0) return rc;
        dict_cur(d)->flags = story ? BEDE_DICT_ENTRY_STORY : 0;
        return phrases(b, a, n, 0, false);
    }
    if (kind == BEDE_DICT_ISSUES) {
        if (s[0] == '[') {
            const char *close = memchr(s, ']', n);
            if (!close || close == s + 1) return BERR(0, "expected [CATEGORY]");
            *category = dict_intern(d, s + 1, (size_t)(close - s) - 1);
            return *category == NONE ? BEDE_ERR_NOMEM : 0;
        }
        if ((rc = begin(b, kind)) < 0) return rc;
        dict_cur(d)->text = *category;
        if (s[0] == '~') {
            bool two = n > 1 && s[1] == '~';
            dict_cur(d)->flags =
                two ? BEDE_DICT_ENTRY_IGNORE2 : BEDE_DICT_ENTRY_IGNORE;
            return phrases(b, two ? 2 : 1, n, 0, false);
        }
        size_t eq = find_eq(s, n, true);
        if (eq == n) return BERR(n, "expected ' = ' and the issue code");
        if ((rc = phrases(b, 0, eq, 0, false)) < 0) return rc;
        return codes(b, eq + 1, n, false);
    }
    if (kind == BEDE_DICT_OPTIONS) {
        bool label = keyword(s, n, "label", &a);
        if (!label && !keyword(s, n, "option", &a))
            return BERR(0, "expected 'label CODE = text' or 'option NAME = "
                           "value'");
        size_t eq = find_eq(s, n, false);
        if (eq == n) return BERR(n, "expected ' = '");
        const char *k = s + a, *v = s + eq + 1;
        size_t kn = eq - a, vn = n - eq - 1;
        trim(&k, &kn);
        trim(&v, &vn);
        if (!kn) return BERR(a, "expected a name");
        if ((rc = begin(b, kind)) < 0) return rc;
        dict_cur(d)->name = dict_intern(d, k, kn);
        dict_cur(d)->text = dict_intern(d, v, vn);
        if (label && dict_add_code(d, k, kn, 0, 0, 0, b->line) != 0)
            return BEDE_ERR_NOMEM;
        return dict_cur(d)->name == NONE || dict_cur(d)->text == NONE
                   ? BEDE_ERR_NOMEM
                   : 0;
    }
    /* verbs */
    if (keyword(s, n, "synset", &a)) {
        size_t eq = find_eq(s, n, false);
        const char *nm = s + a;
        size_t nn = eq - a;
        trim(&nm, &nn);
        if (eq == n || nn < 2 || nm[0] != '&')
            return BERR(a, "expected 'synset &NAME = phrase | phrase'");
        rc = dict_begin_named(d, BEDE_DICT_SYNSETS, nm, nn, b->file, b->line);
        if (rc < 0) return rc;
        return phrases(b, eq + 1, n, 0, true);
    }
    if (keyword(s, n, "block", &a)) {
        size_t eq = find_eq(s, n, true);
        if (eq == n) return BERR(n, "expected 'block NAME = CODE'");
        const char *nm = s + a, *c = s + eq + 1;
        size_t nn = eq - a, cn = n - eq - 1;
        trim(&nm, &nn);
        trim(&c, &cn);
        if (!dict_code_ok(c, cn))
            return BERR(eq + 1, "expected the block's code");
        return dict_begin_block(d, nm, nn, c, cn, b->file, b->line);
    }
    if (keyword(s, n, "verb", &a)) {
        if (!d->blocks.n) return BERR(0, "verb before any block");
        size_t eq = find_eq(s, n, true);
        if ((rc = begin(b, BEDE_DICT_VERBS)) < 0) return rc;
        dict_cur(d)->block = (uint32_t)(d->blocks.n - 1);
        if ((rc = phrases(b, a, eq, 1, false)) < 0) return rc;
        return eq < n ? codes(b, eq + 1, n, false) : 0;
    }
    if (keyword(s, n, "pattern", &a)) {
        size_t eq = find_eq(s, n, true);
        if (eq == n) return BERR(n, "expected ' = ' and the pattern's code");
        const char *c = s + eq + 1;
        size_t cn = n - eq - 1;
        trim(&c, &cn);
        rc = dict_add_pattern(d, s + a, eq - a, c, cn, bat(b, a),
                              BEDE_DICT_FORMAT_BEDE, b->err);
        return rc < 0 ? rc : 0;
    }
    if (keyword(s, n, "transform", &a)) {
        rc = dict_add_transform(d, s + a, n - a, bat(b, a), b->err);
        return rc < 0 ? rc : 0;
    }
    return BERR(0, "expected synset, block, verb, pattern or transform");
}

int dict_read_bede(bede_dict *d, dict_lines *r, uint32_t file, int kind,
                   bede_error *err) {
    breader b;
    memset(&b, 0, sizeof b);
    b.d = d;
    b.r = r;
    b.file = file;
    b.err = err;
    if (kind == BEDE_DICT_SYNSETS) kind = BEDE_DICT_VERBS;
    size_t before = d->entries.n;
    uint32_t category = NONE;
    int rc;
    while ((rc = bnext(&b)) > 0) {
        rc = read_line(&b, kind, &category);
        if (rc < 0) break;
    }
    free(b.text.v);
    free(b.pos.v);
    return rc < 0 ? rc : (int)(d->entries.n - before);
}

/* ------------------------------------------------------------ writing */

static void put_date(FILE *f, int32_t v) {
    fprintf(f, "%04d-%02d-%02d", v / 10000, v / 100 % 100, v % 100);
}

static void put_codes(FILE *f, const bede_dict *d, const dict_entry *e) {
    for (uint32_t k = 0; k < e->ncodes; k++) {
        const dict_code *c = &d->codes.v[e->first_code + k];
        fprintf(f, "%s%s", k ? ", " : "", dict_str(d, c->code));
        if (c->dated) {
            fputc(' ', f);
            if (c->from) put_date(f, c->from);
            fputs("..", f);
            if (c->to) put_date(f, c->to);
        }
    }
}

/* The synonym sets by the first word run of their first phrase, to find
 * which set a run of copies in another set came from. */
typedef struct {
    uint32_t first_word, entry;
} set_start;

static int cmp_set_start(const void *a, const void *b) {
    const set_start *x = a, *y = b;
    if (x->first_word != y->first_word)
        return x->first_word < y->first_word ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Is set e, or a set after r and before e, named like set r? Then
 * `&NAME` at e would name that one, not r. */
static bool shadowed(const bede_dict *d, uint32_t r, uint32_t e) {
    const u32_vec *sv = &d->bykind[BEDE_DICT_SYNSETS];
    if (d->entries.v[e].name == d->entries.v[r].name) return true;
    for (size_t q = 0; q < sv->n && sv->v[q] < e; q++)
        if (sv->v[q] > r && d->entries.v[sv->v[q]].name == d->entries.v[r].name)
            return true;
    return false;
}

/* The earlier synonym set whose phrases set ge (global entry index) holds
 * as copies from its phrase j on (dict_add_synset_ref: that set was named
 * there), the one with most phrases, and *count their number; NONE when
 * phrase j is ge's own. starts[0..n) is sorted by cmp_set_start. */
static uint32_t named_set_at(const bede_dict *d, const set_start *starts,
                             size_t n, uint32_t ge, uint32_t j,
                             uint32_t *count) {
    const dict_entry *e = &d->entries.v[ge];
    const dict_phrase *ph = &d->phrases.v[e->first_phrase];
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (starts[mid].first_word < ph[j].first_word)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t best = NONE;
    *count = 0;
    for (; lo < n && starts[lo].first_word == ph[j].first_word &&
           starts[lo].entry < ge;
         lo++) {
        const dict_entry *r = &d->entries.v[starts[lo].entry];
        if (r->nphrases <= *count || r->nphrases > e->nphrases - j) continue;
        const dict_phrase *rp = &d->phrases.v[r->first_phrase];
        uint32_t k = 0;
        while (k < r->nphrases && rp[k].first_word == ph[j + k].first_word &&
               rp[k].nwords == ph[j + k].nwords)
            k++;
        if (k < r->nphrases || shadowed(d, starts[lo].entry, ge)) continue;
        best = starts[lo].entry;
        *count = r->nphrases;
    }
    return best;
}

/* The phrases of entry ge; of a synonym set (starts not NULL), the sets it
 * names as `&NAME`. */
static void put_phrases(FILE *f, const bede_dict *d, uint32_t ge,
                        const set_start *starts, size_t nstarts) {
    const dict_entry *e = &d->entries.v[ge];
    uint32_t written = 0;
    for (uint32_t j = 0; j < e->nphrases; written++) {
        uint32_t n = 0;
        uint32_t set =
            starts ? named_set_at(d, starts, nstarts, ge, j, &n) : NONE;
        if (written) fputs(written % 4 == 0 ? "\n    | " : " | ", f);
        if (set != NONE) {
            fputs(dict_str(d, d->entries.v[set].name), f);
            j += n;
        } else {
            fputs(dict_str(d, d->phrases.v[e->first_phrase + j].text), f);
            j++;
        }
    }
}

static void put_pattern(FILE *f, const bede_dict *d, const dict_pattern *p) {
    for (uint32_t i = 0; i < p->nelems; i++) {
        const dict_elem *el = &d->elems.v[p->first_elem + i];
        switch (el->type) {
        case PAT_WORD:
            fputs(dict_str(d, el->value), f);
            if ((el->mode & 3) == WORD_STEM) fputc('*', f);
            if ((el->mode & 3) == WORD_ENDINGS) fputc('~', f);
            if ((el->mode & 3) == WORD_LITERAL) fputc('=', f);
            break;
        case PAT_SYNSET:
            fputs(dict_str(d, d->entries.v[el->value].name), f);
            break;
        default: {
            static const char sym[] = "??*$+%^{}(){|}";
            fputc(sym[el->type], f);
        }
        }
        if (i + 1 < p->nelems) fputc(el->joined ? '_' : ' ', f);
    }
}

static int write_kind(const bede_dict *d, int kind, FILE *f) {
    fprintf(f, "# bede dictionary: %s\n", bede_dict_kind_name(kind));
    const u32_vec *v = &d->bykind[kind];
    uint32_t category = NONE;
    if (kind == BEDE_DICT_VERBS) {
        const u32_vec *sv = &d->bykind[BEDE_DICT_SYNSETS];
        /* without memory for the index, sets named are written out */
        set_start *starts = malloc((sv->n ? sv->n : 1) * sizeof *starts);
        size_t nstarts = 0;
        for (size_t i = 0; starts && i < sv->n; i++) {
            const dict_entry *e = &d->entries.v[sv->v[i]];
            if (e->nphrases)
                starts[nstarts++] = (set_start){
                    d->phrases.v[e->first_phrase].first_word, sv->v[i]};
        }
        if (starts) qsort(starts, nstarts, sizeof *starts, cmp_set_start);
        for (size_t i = 0; i < sv->n; i++) {
            const dict_entry *e = &d->entries.v[sv->v[i]];
            fprintf(f, "synset %s = ", dict_str(d, e->name));
            put_phrases(f, d, sv->v[i], starts, nstarts);
            fputc('\n', f);
        }
        free(starts);
        size_t vi = 0;
        for (size_t bi = 0; bi < d->blocks.n; bi++) {
            const dict_block *bl = &d->blocks.v[bi];
            fprintf(f, "\nblock %s = %s\n", dict_str(d, bl->desc),
                    dict_str(d, bl->code));
            for (; vi < v->n && d->entries.v[v->v[vi]].block == bi; vi++) {
                const dict_entry *e = &d->entries.v[v->v[vi]];
                fputs("verb ", f);
                put_phrases(f, d, v->v[vi], NULL, 0);
                if (e->ncodes) {
                    fputs(" = ", f);
                    put_codes(f, d, e);
                }
                fputc('\n', f);
            }
            for (uint32_t pi = 0; pi < bl->npatterns; pi++) {
                const dict_pattern *p = &d->patterns.v[bl->first_pattern + pi];
                if (p->transform) {
                    fprintf(f, "transform %s\n", dict_str(d, p->text));
                    continue;
                }
                fputs("pattern ", f);
                put_pattern(f, d, p);
                fprintf(f, " = %s\n", dict_str(d, p->code));
            }
        }
        return 0;
    }
    for (size_t i = 0; i < v->n; i++) {
        const dict_entry *e = &d->entries.v[v->v[i]];
        switch (kind) {
        case BEDE_DICT_DISCARDS:
            fputs(e->flags & BEDE_DICT_ENTRY_STORY ? "story: " : "sentence: ",
                  f);
            put_phrases(f, d, v->v[i], NULL, 0);
            break;
        case BEDE_DICT_ISSUES:
            if (e->text != category && e->text != NONE) {
                category = e->text;
                fprintf(f, "\n[%s]\n", dict_str(d, category));
            }
            if (e->flags & BEDE_DICT_ENTRY_IGNORE2)
                fputs("~~ ", f);
            else if (e->flags & BEDE_DICT_ENTRY_IGNORE)
                fputs("~ ", f);
            put_phrases(f, d, v->v[i], NULL, 0);
            if (e->ncodes) {
                fputs(" = ", f);
                put_codes(f, d, e);
            }
            break;
        case BEDE_DICT_OPTIONS:
            fprintf(f, "%s %s = %s", e->ncodes ? "label" : "option",
                    dict_str(d, e->name), dict_str(d, e->text));
            break;
        default:
            put_phrases(f, d, v->v[i], NULL, 0);
            fputs(" = ", f);
            if (!e->ncodes) fputs("---", f);
            put_codes(f, d, e);
        }
        fputc('\n', f);
    }
    return 0;
}

int bede_dict_write(const bede_dict *d, int kind, const char *path,
                    bede_error *err) {
    if (!d || kind < 0 || kind >= BEDE_DICT_KIND_COUNT || !path)
        return bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "bad argument");
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
    if (!f)
        return bede_fail(err, BEDE_ERR_IO, path, 0, 0, 0, "cannot create: %s",
                         strerror(errno));
    write_kind(d, kind, f);
    int bad = ferror(f);
    if (f != stdout) bad |= fclose(f);
    else bad |= fflush(f);
    if (bad) return bede_fail(err, BEDE_ERR_IO, path, 0, 0, 0, "write error");
    return 0;
}
