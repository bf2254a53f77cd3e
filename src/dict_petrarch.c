/*
 * PETRARCH-2 dictionaries (dictionaries.rst): actors with synonyms and date
 * restrictions, agents with plurals and substitution sets, CAMEO verbs with
 * synonym sets, verb blocks, verb forms, patterns and transformations,
 * discards and issues.
 *
 * Comments are `#` to the end of the line and `<!-- ... -->` (which may span
 * lines); TABARI's `;` comments are also read in actor files, where
 * PETRARCH-2's own files use them. Where PETRARCH-2 and TABARI document that
 * something unreadable is skipped (an undefined synonym set in a pattern, a
 * date that cannot be read), it is skipped with a warning; everything else
 * that does not follow the syntax is an error naming file:line:column.
 */
#include "dict_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

bool dict_code_ok(const char *s, size_t n) {
    if (!n) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '#' || c == '+' ||
              c == '/' || c == '~' || c == ':' || c == '!' || c == '?' ||
              c == '@' || c == '_'))
            return false;
    }
    /* hyphens only in the null code or in event codes like -7 */
    return true;
}

size_t dict_plural(const char *w, size_t n, char *out) {
    memcpy(out, w, n);
    if (n && (w[n - 1] == 'Y' || w[n - 1] == 'y')) {
        bool up = w[n - 1] == 'Y';
        memcpy(out + n - 1, up ? "IES" : "ies", 3);
        return n + 2;
    }
    if (n >= 2 && (w[n - 1] == 'S' || w[n - 1] == 's') &&
        (w[n - 2] == 'S' || w[n - 2] == 's')) {
        memcpy(out + n, w[n - 1] == 'S' ? "ES" : "es", 2);
        return n + 2;
    }
    out[n] = w[n - 1] >= 'a' ? 's' : 'S';
    return n + 1;
}

static bool is_vowel(char c) {
    c = (char)(c >= 'a' ? c - 32 : c);
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

void dict_verb_forms(const char *w, size_t n, char out[3][80]) {
    if (n > 70) n = 70;
    char last = (char)(n ? (w[n - 1] >= 'a' ? w[n - 1] - 32 : w[n - 1]) : 0);
    char prev = (char)(n > 1 ? (w[n - 2] >= 'a' ? w[n - 2] - 32 : w[n - 2]) : 0);
    bool ies = last == 'Y' && n > 1 && !is_vowel(prev);
    bool es = last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
              (last == 'H' && (prev == 'C' || prev == 'S'));
    bool e = last == 'E';
    snprintf(out[0], 80, "%.*s%s", (int)(ies ? n - 1 : n), w,
             ies ? "IES" : es ? "ES" : "S");
    snprintf(out[1], 80, "%.*s%s", (int)(ies ? n - 1 : n), w,
             ies ? "IED" : e ? "D" : "ED");
    snprintf(out[2], 80, "%.*s%s", (int)(e && prev != 'E' && n > 2 ? n - 1 : n),
             w, "ING");
}

/* Reads one restriction `<date`, `>date`, `date-date` (blanks allowed). */
static int read_restriction(const char *s, size_t n, int32_t *from,
                            int32_t *to) {
    *from = *to = 0;
    trim(&s, &n);
    if (n && (s[0] == '<' || s[0] == '>')) {
        const char *t = s + 1;
        size_t tn = n - 1;
        trim(&t, &tn);
        int32_t v = dict_parse_date(t, tn);
        if (!v) return -1;
        if (s[0] == '<')
            *to = v;
        else
            *from = v;
        return 0;
    }
    const char *dash = memchr(s, '-', n);
    if (!dash) return -2;
    const char *a = s, *b = dash + 1;
    size_t an = (size_t)(dash - s), bn = n - an - 1;
    trim(&a, &an);
    trim(&b, &bn);
    *from = dict_parse_date(a, an);
    *to = dict_parse_date(b, bn);
    return *from && *to ? 0 : -1;
}

int dict_read_codes(bede_dict *d, const char *s, size_t n, dict_loc loc,
                    int agent, bede_error *err) {
    int count = 0;
    size_t i = 0;
    while (i < n) {
        if (is_blank(s[i])) {
            i++;
            continue;
        }
        if (s[i] != '[') {
            if (!count)
                return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line,
                                 loc.column + (uint32_t)i, 0,
                                 "expected '[' starting a code, found '%c'",
                                 s[i]);
            /* text after the codes: PETRARCH-2 reads up to the ']' */
            int w = dict_warn(d, (dict_loc){loc.file, loc.line,
                                            loc.column + (uint32_t)i},
                              err, "text after the codes ignored: '%.*s'",
                              (int)(n - i > 40 ? 40 : n - i), s + i);
            return w < 0 ? w : count;
        }
        const char *close = memchr(s + i, ']', n - i);
        if (!close) {
            /* `[~LEG}` is in PETRARCH-2's own documentation and files */
            close = memchr(s + i, '}', n - i);
            if (!close)
                return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line,
                                 loc.column + (uint32_t)i, 0,
                                 "'[' without its ']'");
            int w = dict_warn(d, (dict_loc){loc.file, loc.line,
                                            loc.column + (uint32_t)(close - s)},
                              err, "code closed by '}' instead of ']'");
            if (w < 0) return w;
        }
        const char *b = s + i + 1;
        size_t bn = (size_t)(close - b);
        uint32_t col = loc.column + (uint32_t)(i + 1);
        trim(&b, &bn);
        size_t cn = 0;
        while (cn < bn && !is_blank(b[cn])) cn++;
        if (!cn)
            return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, col, 0,
                             "expected a code in '[...]'");
        if (!dict_code_ok(b, cn))
            return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, col, 0,
                             "'%.*s' is not a code (letters, digits, ---)",
                             (int)cn, b);
        if (agent && b[0] != '~' && b[cn - 1] != '~')
            return bede_fail(err, BEDE_ERR_SYNTAX, loc.file, loc.line, col, 0,
                             "agent code '%.*s' needs '~' before or after it",
                             (int)cn, b);
        if (cn < bn) {
            int32_t from, to;
            int rr = read_restriction(b + cn, bn - cn, &from, &to);
            if (rr < 0) {
                int w = dict_warn(
                    d, (dict_loc){loc.file, loc.line, col}, err,
                    rr == -2 ? "date restriction '%.*s' of %.*s has no '<', "
                               "'>' or '-': code skipped"
                             : "date restriction '%.*s' of %.*s cannot be "
                               "read: code skipped",
                    (int)(bn - cn - 1), b + cn + 1, (int)cn, b);
                if (w < 0) return w;
            } else if (dict_add_code(d, b, cn, from, to, 1, loc.line) != 0) {
                return BEDE_ERR_NOMEM;
            } else {
                count++;
            }
        } else {
            if (dict_add_code(d, b, cn, 0, 0, 0, loc.line) != 0)
                return BEDE_ERR_NOMEM;
            count++;
        }
        i = (size_t)(close - s) + 1;
    }
    return count;
}

/* Removes comments from a line: `#` to the end, `<!-- -->` (in_comment
 * carries an open `<!--` to the next lines), and `;` when semicolon. Writes
 * the kept bytes (same columns, comment bytes as blanks) into buf. */
static size_t strip_comments(const char *s, size_t n, char *buf,
                             bool *in_comment, bool semicolon) {
    size_t o = 0;
    bool in_code = false;
    for (size_t i = 0; i < n; i++) {
        if (*in_comment) {
            if (i + 2 < n + 0 && s[i] == '-' && s[i + 1] == '-' &&
                s[i + 2] == '>') {
                *in_comment = false;
                buf[o++] = ' ';
                buf[o++] = ' ';
                buf[o++] = ' ';
                i += 2;
                continue;
            }
            buf[o++] = ' ';
            continue;
        }
        if (s[i] == '<' && i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' &&
            s[i + 3] == '-') {
            *in_comment = true;
            buf[o++] = ' ';
            continue;
        }
        if (s[i] == '[') in_code = true;
        if (s[i] == ']') in_code = false;
        /* `#` starts a comment, except in a code: [###] */
        if ((s[i] == '#' && !in_code) || (semicolon && s[i] == ';')) break;
        buf[o++] = s[i];
    }
    return o;
}

typedef struct {
    bede_dict *d;
    dict_lines *r;
    uint32_t file;
    bede_error *err;
    char *line; /* current line, comments blanked */
    size_t n;
    bool in_comment;
    char_vec buf;
    size_t expand_left; /* phrases one synonym-set line may still give */
} reader;

/* Next line with content; false at end of file. */
static bool next_line(reader *rd, bool semicolon) {
    const char *s;
    size_t n;
    while (dict_lines_next(rd->r, &s, &n)) {
        if (rd->buf.cap < n + 4) {
            if (vec_reserve((void **)&rd->buf.v, &rd->buf.cap, n + 4, 1) != 0)
                return false;
        }
        rd->n = strip_comments(s, n, rd->buf.v, &rd->in_comment, semicolon);
        rd->line = rd->buf.v;
        rd->line[rd->n] = '\0';
        size_t k = 0;
        while (k < rd->n && (is_blank(rd->line[k]) || rd->line[k] == '\f'))
            k++;
        if (k < rd->n) return true;
    }
    return false;
}

static dict_loc at(const reader *rd, size_t col0) {
    return (dict_loc){rd->r->name, rd->r->line, (uint32_t)col0 + 1};
}

/* Copies phrase s[0..n) with `_` as blanks and a final `_` dropped. */
static size_t underscores(const char *s, size_t n, char *out, bool *final) {
    trim(&s, &n);
    *final = n && s[n - 1] == '_';
    size_t o = 0;
    for (size_t i = 0; i < n; i++) out[o++] = s[i] == '_' ? ' ' : s[i];
    while (o && is_blank(out[o - 1])) o--;
    return o;
}

/* ------------------------------------------------------------ actors */

static int read_actors(reader *rd) {
    bede_dict *d = rd->d;
    int entries = 0;
    bool open = false;
    char ph[1024];
    while (next_line(rd, true)) {
        const char *s = rd->line;
        size_t n = rd->n;
        size_t k = 0;
        while (k < n && is_blank(s[k])) k++;
        if (k > 0 && s[k] == '[') { /* date restriction line */
            if (!open)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "code line before any actor");
            int rc = dict_read_codes(d, s + k, n - k, at(rd, k), 0, rd->err);
            if (rc < 0) return rc;
            continue;
        }
        bool syn = s[k] == '+';
        if (syn && !open)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                             "synonym '+' before any actor");
        size_t ps = k + (syn ? 1 : 0);
        const char *br = memchr(s + ps, '[', n - ps);
        size_t pe = br ? (size_t)(br - s) : n;
        if (pe - ps >= sizeof ph)
            return DICT_FAIL(rd, BEDE_ERR_LIMIT, (uint32_t)ps + 1,
                             "phrase too long");
        if (!syn) {
            int rc = dict_begin_entry(d, BEDE_DICT_ACTORS, rd->file,
                                      rd->r->line);
            if (rc < 0) return rc;
            open = true;
            entries++;
        }
        bool final;
        size_t pn = underscores(s + ps, pe - ps, ph, &final);
        int rc = dict_add_phrase(d, ph, pn, at(rd, ps), 0, rd->err);
        if (rc < 0) return rc;
        if (br) {
            rc = dict_read_codes(d, br, n - pe, at(rd, pe), 0, rd->err);
            if (rc < 0) return rc;
        }
    }
    return entries;
}

/* ------------------------------------------------------------ agents */

typedef struct {
    char name[64];
    char items[16][64];
    int n;
} subst_set;

/* Calls add(rd, word, len, loc, false) for each blank-separated word of
 * the braces {...} between ob and cb on line s: the explicit plurals of an
 * agent, the irregular forms of a verb. */
static int each_braced_word(reader *rd, const char *s, const char *ob,
                            const char *cb,
                            int (*add)(reader *, const char *, size_t,
                                       dict_loc, bool)) {
    const char *q = ob + 1;
    while (q < cb) {
        while (q < cb && is_blank(*q)) q++;
        const char *e = q;
        while (e < cb && !is_blank(*e)) e++;
        if (e > q) {
            int rc = add(rd, q, (size_t)(e - q), at(rd, (size_t)(q - s)),
                         false);
            if (rc < 0) return rc;
        }
        q = e;
    }
    return 0;
}

/* Adds the phrase and, unless noplural, its regular plural. */
static int agent_phrase(reader *rd, const char *p, size_t n, dict_loc loc,
                        bool plural) {
    char ph[1100];
    bool final;
    size_t pn = underscores(p, n, ph, &final);
    int rc = dict_add_phrase(rd->d, ph, pn, loc, 0, rd->err);
    if (rc < 0 || !plural || !pn) return rc;
    char pl[1100];
    size_t pln = dict_plural(ph, pn, pl);
    return dict_add_phrase(rd->d, pl, pln, loc, 0, rd->err);
}

static int read_agents(reader *rd) {
    bede_dict *d = rd->d;
    int entries = 0;
    subst_set sets[8];
    int nsets = 0;
    while (next_line(rd, false)) {
        const char *s = rd->line;
        size_t n = rd->n;
        size_t k = 0;
        while (k < n && is_blank(s[k])) k++;
        const char *eq = memchr(s, '=', n);
        if (s[k] == '!' && eq) { /* !NAME! = A, B, C */
            const char *e = memchr(s + k + 1, '!', n - k - 1);
            if (!e || e > eq || e - (s + k) + 1 >= 64)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "expected !NAME! = A, B, ...");
            if (nsets == 8)
                return DICT_FAIL(rd, BEDE_ERR_LIMIT, (uint32_t)k + 1,
                                 "more than 8 substitution sets");
            subst_set *ss = &sets[nsets++];
            size_t nn = (size_t)(e - (s + k)) + 1;
            memcpy(ss->name, s + k, nn);
            ss->name[nn] = '\0';
            ss->n = 0;
            const char *p = eq + 1, *end = s + n;
            while (p < end) {
                const char *c = memchr(p, ',', (size_t)(end - p));
                if (!c) c = end;
                const char *t = p;
                size_t tn = (size_t)(c - p);
                trim(&t, &tn);
                if (!tn || tn >= 64 || ss->n == 16)
                    return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(p - s) + 1,
                                     "expected a word in the substitution "
                                     "set (at most 16)");
                memcpy(ss->items[ss->n], t, tn);
                ss->items[ss->n++][tn] = '\0';
                p = c + 1;
            }
            continue;
        }
        const char *br = memchr(s, '[', n);
        if (!br) {
            int w = dict_warn(d, at(rd, k), rd->err,
                              "agent without a code '[~CODE]': skipped");
            if (w < 0) return w;
            continue;
        }
        size_t pe = (size_t)(br - s);
        /* plural in { } */
        const char *ob = memchr(s, '{', pe);
        const char *cb = ob ? memchr(ob, '}', pe - (size_t)(ob - s)) : NULL;
        if (ob && !cb)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(ob - s) + 1,
                             "'{' without its '}'");
        size_t phe = ob ? (size_t)(ob - s) : pe;
        int rc = dict_begin_entry(d, BEDE_DICT_AGENTS, rd->file, rd->r->line);
        if (rc < 0) return rc;
        entries++;
        rc = dict_read_codes(d, br, n - pe, at(rd, pe), 1, rd->err);
        if (rc < 0) return rc;
        if (rc != 1)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)pe + 1,
                             "expected one agent code");
        /* the phrase, with a substitution set expanded */
        const char *p = s + k;
        size_t pn = phe - k;
        trim(&p, &pn);
        const char *m1 = memchr(p, '!', pn);
        if (m1) {
            const char *m2 = memchr(m1 + 1, '!', pn - (size_t)(m1 + 1 - p));
            int which = -1;
            for (int q = 0; m2 && q < nsets; q++)
                if (strlen(sets[q].name) == (size_t)(m2 - m1) + 1 &&
                    memcmp(sets[q].name, m1, (size_t)(m2 - m1) + 1) == 0)
                    which = q;
            if (which < 0)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(m1 - s) + 1,
                                 "substitution set '%.*s' is not defined",
                                 m2 ? (int)(m2 - m1) + 1 : 1, m1);
            for (int q = 0; q < sets[which].n; q++) {
                char ph[1100];
                size_t a = (size_t)(m1 - p), it = strlen(sets[which].items[q]);
                size_t rest = pn - a - (size_t)(m2 - m1) - 1;
                if (a + it + rest >= sizeof ph)
                    return DICT_FAIL(rd, BEDE_ERR_LIMIT, (uint32_t)k + 1,
                                     "phrase too long");
                memcpy(ph, p, a);
                memcpy(ph + a, sets[which].items[q], it);
                memcpy(ph + a + it, m2 + 1, rest);
                rc = agent_phrase(rd, ph, a + it + rest, at(rd, k), false);
                if (rc < 0) return rc;
            }
        } else {
            /* a blank between words lets other words come between */
            char ph[1100];
            size_t o = 0;
            if (pn >= 500)
                return DICT_FAIL(rd, BEDE_ERR_LIMIT, (uint32_t)k + 1,
                                 "phrase too long");
            for (size_t i = 0; i < pn; i++) {
                if (is_blank(p[i])) {
                    while (i + 1 < pn && is_blank(p[i + 1])) i++;
                    memcpy(ph + o, " .. ", 4);
                    o += 4;
                } else {
                    ph[o++] = p[i];
                }
            }
            rc = agent_phrase(rd, ph, o, at(rd, k), !ob);
            if (rc < 0) return rc;
        }
        if (ob) { /* explicit plurals; {} = none */
            rc = each_braced_word(rd, s, ob, cb, agent_phrase);
            if (rc < 0) return rc;
        }
    }
    return entries;
}

/* ------------------------------------------------------------ discards */

static int read_discards(reader *rd) {
    int entries = 0;
    while (next_line(rd, false)) {
        const char *s = rd->line;
        size_t n = rd->n, k = 0;
        while (k < n && is_blank(s[k])) k++;
        bool story = s[k] == '+';
        if (story) k++;
        const char *p = s + k;
        size_t pn = n - k;
        trim(&p, &pn);
        if (!pn)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                             "expected a phrase");
        char ph[1100];
        if (pn >= sizeof ph - 2)
            return DICT_FAIL(rd, BEDE_ERR_LIMIT, (uint32_t)k + 1,
                             "phrase too long");
        bool final;
        size_t o = underscores(p, pn, ph, &final);
        if (!final) ph[o++] = '*'; /* not ending in `_`: a stem */
        int rc = dict_begin_entry(rd->d, BEDE_DICT_DISCARDS, rd->file,
                                  rd->r->line);
        if (rc < 0) return rc;
        dict_cur(rd->d)->flags = story ? BEDE_DICT_ENTRY_STORY : 0;
        entries++;
        rc = dict_add_phrase(rd->d, ph, o, at(rd, k), 0, rd->err);
        if (rc < 0) return rc;
    }
    return entries;
}

/* ------------------------------------------------------------ issues */

/* Expands the issue phrase words (n: v: +) into every variant and adds
 * them. words[i] is the i-th blank-separated word. */
static int issue_variants(reader *rd, char words[][128], size_t nw,
                          size_t i, char *acc, size_t an, dict_loc loc) {
    if (i == nw) return dict_add_phrase(rd->d, acc, an, loc, 0, rd->err);
    const char *w = words[i];
    size_t wn = strlen(w);
    char vars[12][300];
    int nv = 0;
    if (wn > 2 && (w[0] == 'n' || w[0] == 'v') && w[1] == ':') {
        snprintf(vars[nv++], 300, "%.127s", w + 2);
        if (w[0] == 'n') {
            char pl[140];
            size_t pn = dict_plural(w + 2, wn - 2, pl);
            snprintf(vars[nv++], 300, "%.*s", (int)pn, pl);
        } else {
            char f[3][80];
            dict_verb_forms(w + 2, wn - 2, f);
            for (int q = 0; q < 3; q++) {
                for (char *c = f[q]; *c; c++)
                    if (*c >= 'A' && *c <= 'Z') *c = (char)(*c + 32);
                snprintf(vars[nv++], 300, "%.79s", f[q]);
            }
        }
    } else {
        snprintf(vars[nv++], 300, "%.127s", w);
    }
    int base = nv;
    for (int v = 0; v < base; v++) { /* `+`: blank and hyphen */
        char *plus = strchr(vars[v], '+');
        if (!plus || plus == vars[v] || !plus[1]) continue;
        memcpy(vars[nv], vars[v], sizeof vars[nv]);
        vars[nv][plus - vars[v]] = '-';
        *plus = ' ';
        nv++;
    }
    for (int v = 0; v < nv; v++) {
        /* `n:` inside a `+` word ("pre+n:school") */
        char *inner = strstr(vars[v], "n:");
        if (inner && inner > vars[v] && (inner[-1] == ' ' || inner[-1] == '-'))
            memmove(inner, inner + 2, strlen(inner + 2) + 1);
        size_t vl = strlen(vars[v]);
        if (an + vl + 2 > 1024)
            return bede_fail(rd->err, BEDE_ERR_LIMIT, loc.file, loc.line,
                             loc.column, 0, "phrase too long");
        size_t o = an;
        if (o) acc[o++] = ' ';
        memcpy(acc + o, vars[v], vl);
        int rc = issue_variants(rd, words, nw, i + 1, acc, o + vl, loc);
        if (rc < 0) return rc;
    }
    return 0;
}

static int read_issues(reader *rd) {
    bede_dict *d = rd->d;
    int entries = 0;
    uint32_t category = NONE;
    while (next_line(rd, false)) {
        const char *s = rd->line;
        size_t n = rd->n, k = 0;
        while (k < n && is_blank(s[k])) k++;
        if (s[k] == '<') {
            const char *t = s + k;
            size_t tn = n - k;
            trim(&t, &tn);
            if (tn >= 8 && memcmp(t, "</ISSUE>", 8) == 0) {
                category = NONE;
                continue;
            }
            const char *c = strstr(t, "CATEGORY=\"");
            if (strncmp(t, "<ISSUE", 6) != 0 || !c || t[tn - 1] != '>')
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "expected <ISSUE CATEGORY=\"...\"> or "
                                 "</ISSUE>");
            c += 10;
            const char *q = memchr(c, '"', (size_t)(t + tn - c));
            if (!q)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(c - s) + 1,
                                 "category without its closing '\"'");
            category = dict_intern(d, c, (size_t)(q - c));
            if (category == NONE) return BEDE_ERR_NOMEM;
            continue;
        }
        uint32_t flags = 0;
        if (s[k] == '~') {
            flags = BEDE_DICT_ENTRY_IGNORE;
            k++;
            if (s[k] == '~') {
                flags = BEDE_DICT_ENTRY_IGNORE2;
                k++;
            }
        }
        const char *br = memchr(s + k, '[', n - k);
        size_t pe = br ? (size_t)(br - s) : n;
        if (!flags && !br) {
            int w = dict_warn(d, at(rd, k), rd->err,
                              "issue phrase without a code '[CODE]': "
                              "skipped");
            if (w < 0) return w;
            continue;
        }
        int rc = dict_begin_entry(d, BEDE_DICT_ISSUES, rd->file, rd->r->line);
        if (rc < 0) return rc;
        entries++;
        dict_cur(d)->flags = flags;
        dict_cur(d)->text = category;
        if (br) {
            rc = dict_read_codes(d, br, n - pe, at(rd, pe), 0, rd->err);
            if (rc < 0) return rc;
        }
        char words[32][128];
        size_t nw = 0, i = k;
        while (i < pe) {
            while (i < pe && is_blank(s[i])) i++;
            size_t b = i;
            while (i < pe && !is_blank(s[i])) i++;
            if (i == b) break;
            if (nw == 32 || i - b >= 128)
                return DICT_FAIL(rd, BEDE_ERR_LIMIT, (uint32_t)b + 1,
                                 "issue phrase too long");
            memcpy(words[nw], s + b, i - b);
            words[nw++][i - b] = '\0';
        }
        if (!nw)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                             "expected a phrase");
        char acc[1100];
        rc = issue_variants(rd, words, nw, 0, acc, 0, at(rd, k));
        if (rc < 0) return rc;
    }
    return entries;
}

/* ------------------------------------------------------------ verbs */

#define SYNSET_EXPANSION_LIMIT 10000

/* Adds the synonym-set phrase p (with `&NAME` references expanded). */
static int synset_phrase(reader *rd, const char *p, size_t n, dict_loc loc,
                         bool plural, int depth) {
    const char *amp = memchr(p, '&', n);
    if (amp && depth < 4) {
        size_t e = (size_t)(amp - p) + 1;
        while (e < n && !is_blank(p[e])) e++;
        uint32_t syn = NONE;
        size_t k = e;
        for (; k > (size_t)(amp - p) + 1; k--) {
            if (k < e && p[k] != '_') continue;
            syn = dict_synset(rd->d, amp, k - (size_t)(amp - p));
            if (syn != NONE) break;
        }
        /* on the line itself, the column of `&`; in a phrase made by an
         * expansion, the line's */
        dict_loc ref = loc;
        if (depth == 0) ref.column += (uint32_t)(amp - p);
        if (syn == NONE)
            return bede_fail(rd->err, BEDE_ERR_SYNTAX, ref.file, ref.line,
                             ref.column, 0,
                             "synonym set '%.*s' is not defined before here",
                             (int)(e - (size_t)(amp - p)), amp);
        /* the set being defined grows as its phrases are added: using it
         * in itself would never end */
        if (syn == rd->d->entries.n - 1)
            return bede_fail(rd->err, BEDE_ERR_SYNTAX, ref.file, ref.line,
                             ref.column, 0,
                             "synonym set '%.*s' refers to itself",
                             (int)(k - (size_t)(amp - p)), amp);
        /* a whole phrase naming a set: its phrases as they are, which the
         * writer writes back as `&NAME` */
        if (depth == 0 && amp == p && k == n)
            return dict_add_synset_ref(rd->d, syn, ref, rd->err);
        uint32_t first = rd->d->entries.v[syn].first_phrase;
        uint32_t count = rd->d->entries.v[syn].nphrases;
        for (uint32_t j = 0; j < count; j++) {
            const char *t = dict_str(rd->d, rd->d->phrases.v[first + j].text);
            char ph[1100];
            size_t a = (size_t)(amp - p), tl = strlen(t), rest = n - k;
            if (a + tl + rest + 2 >= sizeof ph)
                return bede_fail(rd->err, BEDE_ERR_LIMIT, loc.file, loc.line,
                                 loc.column, 0, "synonym set phrase too long");
            memcpy(ph, p, a);
            memcpy(ph + a, t, tl);
            memcpy(ph + a + tl, p + k, rest);
            for (size_t q = a + tl; q < a + tl + rest; q++)
                if (ph[q] == '_') ph[q] = ' ';
            int rc = synset_phrase(rd, ph, a + tl + rest, loc, false,
                                   depth + 1);
            if (rc < 0) return rc;
        }
        return 0;
    }
    /* sets of sets multiply: bound what one line may give */
    if (rd->expand_left-- == 0)
        return bede_fail(rd->err, BEDE_ERR_LIMIT, loc.file, loc.line,
                         loc.column, 0,
                         "synonym sets expand to more than %d phrases",
                         SYNSET_EXPANSION_LIMIT);
    char ph[1100];
    bool final;
    size_t pn = underscores(p, n, ph, &final);
    int rc = dict_add_phrase(rd->d, ph, pn, loc, 0, rd->err);
    if (rc < 0 || !plural || final) return rc;
    char pl[1100];
    size_t pln = dict_plural(ph, pn, pl);
    return dict_add_phrase(rd->d, pl, pln, loc, 0, rd->err);
}

/* Adds verb form text p (`+` marks the verb word of a compound; `_` joins)
 * and, when regular, its regular forms. */
static int verb_forms(reader *rd, const char *p, size_t n, dict_loc loc,
                      bool regular) {
    char ph[1100];
    bool final;
    size_t pn = underscores(p, n, ph, &final);
    int rc = dict_add_phrase(rd->d, ph, pn, loc, 1, rd->err);
    if (rc < 0 || !regular) return rc;
    /* the verb word: after `+`, else the first */
    size_t vs = 0;
    const char *plus = memchr(ph, '+', pn);
    if (plus) vs = (size_t)(plus - ph) + 1;
    size_t ve = vs;
    while (ve < pn && ph[ve] != ' ') ve++;
    if (ve - vs >= 70) return 0;
    char f[3][80];
    dict_verb_forms(ph + vs, ve - vs, f);
    for (int q = 0; q < 3; q++) {
        char out[1200];
        int on = snprintf(out, sizeof out, "%.*s%s%.*s", (int)vs, ph, f[q],
                          (int)(pn - ve), ph + ve);
        if (on < 0 || (size_t)on >= sizeof out) return BEDE_ERR_LIMIT;
        rc = dict_add_phrase(rd->d, out, (size_t)on, loc, 1, rd->err);
        if (rc < 0) return rc;
    }
    return 0;
}

/* Splits `text [CODE]` at its last `[`: *code/cn the code (trimmed). */
static int split_code(reader *rd, const char *s, size_t n, size_t *pe,
                      const char **code, size_t *cn, bool required) {
    const char *br = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == '[') {
            br = s + i;
            break;
        }
    *code = NULL;
    *cn = 0;
    *pe = n;
    if (!br) {
        if (required)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX,
                             (uint32_t)(s + n - rd->line) + 1,
                             "expected a code '[CODE]'");
        return 0;
    }
    const char *close = memchr(br, ']', n - (size_t)(br - s));
    if (!close)
        return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(br - rd->line) + 1,
                         "'[' without its ']'");
    for (const char *t = close + 1; t < s + n; t++)
        if (!is_blank(*t))
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(t - rd->line) + 1,
                             "unexpected '%c' after the code", *t);
    *code = br + 1;
    *cn = (size_t)(close - br - 1);
    trim(code, cn);
    if (!dict_code_ok(*code, *cn))
        return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(br - rd->line) + 2,
                         "'%.*s' is not an event code", (int)*cn, *code);
    *pe = (size_t)(br - s);
    return 0;
}

static int read_verbs(reader *rd) {
    bede_dict *d = rd->d;
    int entries = 0;
    bool in_synset = false, synset_plural = true;
    while (next_line(rd, false)) {
        const char *s = rd->line;
        size_t n = rd->n, k = 0;
        while (k < n && is_blank(s[k])) k++;
        const char *t = s + k;
        size_t tn = n - k;
        trim(&t, &tn);
        if (t[0] == '&') { /* a synonym set */
            size_t e = 1;
            while (e < tn && !is_blank(t[e])) e++;
            synset_plural = t[e - 1] != '_';
            size_t nn = synset_plural ? e : e - 1;
            if (nn < 2)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "expected a synonym set name after '&'");
            int rc = dict_begin_named(d, BEDE_DICT_SYNSETS, t, nn, rd->file,
                                      rd->r->line);
            if (rc < 0) return rc;
            entries++;
            in_synset = true;
            continue;
        }
        if (t[0] == '+' && in_synset) {
            rd->expand_left = SYNSET_EXPANSION_LIMIT;
            int rc = synset_phrase(rd, t + 1, tn - 1, at(rd, k + 1),
                                   synset_plural, 0);
            if (rc < 0) return rc;
            continue;
        }
        in_synset = false;
        if (tn >= 3 && memcmp(t, "---", 3) == 0) { /* block header */
            const char *h = t + 3;
            size_t hn = tn - 3;
            while (hn && (h[hn - 1] == '-' || is_blank(h[hn - 1]))) hn--;
            size_t pe;
            const char *code;
            size_t cn;
            int rc = split_code(rd, h, hn, &pe, &code, &cn, false);
            if (rc < 0) return rc;
            const char *desc = h;
            size_t dn = pe;
            trim(&desc, &dn);
            if (!code) {
                code = "---";
                cn = 3;
            }
            rc = dict_begin_block(d, desc, dn, code, cn, rd->file,
                                  rd->r->line);
            if (rc < 0) return rc;
            continue;
        }
        if (t[0] == '-') { /* pattern */
            size_t pe;
            const char *code;
            size_t cn;
            int rc = split_code(rd, t + 1, tn - 1, &pe, &code, &cn, true);
            if (rc < 0) return rc;
            rc = dict_add_pattern(d, t + 1, pe, code, cn,
                                  at(rd, (size_t)(t + 1 - s)),
                                  BEDE_DICT_FORMAT_PETRARCH, rd->err);
            if (rc < 0) return rc;
            continue;
        }
        if (t[0] == '~') { /* transformation */
            int rc = dict_add_transform(d, t + 1, tn - 1, at(rd, k + 1),
                                        rd->err);
            if (rc < 0) return rc;
            continue;
        }
        /* a verb: FORM {IRREGULAR FORMS} [CODE] */
        if (!d->blocks.n)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                             "verb before any '--- NAME [CODE] ---' block");
        size_t pe;
        const char *code;
        size_t cn;
        int rc = split_code(rd, s, n, &pe, &code, &cn, false);
        if (rc < 0) return rc;
        const char *ob = memchr(s, '{', pe);
        const char *cb = ob ? memchr(ob, '}', pe - (size_t)(ob - s)) : NULL;
        if (ob && !cb)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(ob - s) + 1,
                             "'{' without its '}'");
        size_t ve = ob ? (size_t)(ob - s) : pe;
        const char *v = s + k;
        size_t vn = ve - k;
        trim(&v, &vn);
        rc = dict_begin_entry(d, BEDE_DICT_VERBS, rd->file, rd->r->line);
        if (rc < 0) return rc;
        dict_cur(d)->block = (uint32_t)(d->blocks.n - 1);
        entries++;
        if (code && dict_add_code(d, code, cn, 0, 0, 0, rd->r->line) != 0)
            return BEDE_ERR_NOMEM;
        rc = verb_forms(rd, v, vn, at(rd, (size_t)(v - s)), !ob);
        if (rc < 0) return rc;
        if (ob) {
            rc = each_braced_word(rd, s, ob, cb, verb_forms);
            if (rc < 0) return rc;
        }
    }
    return entries;
}

int dict_read_petrarch(bede_dict *d, dict_lines *r, uint32_t file, int kind,
                       bede_error *err) {
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.d = d;
    rd.r = r;
    rd.file = file;
    rd.err = err;
    int rc;
    switch (kind) {
    case BEDE_DICT_ACTORS: rc = read_actors(&rd); break;
    case BEDE_DICT_AGENTS: rc = read_agents(&rd); break;
    case BEDE_DICT_VERBS: rc = read_verbs(&rd); break;
    case BEDE_DICT_DISCARDS: rc = read_discards(&rd); break;
    case BEDE_DICT_ISSUES: rc = read_issues(&rd); break;
    default:
        rc = bede_fail(err, BEDE_ERR_ARG, r->name, 0, 0, 0,
                       "PETRARCH-2 has no %s dictionary",
                       bede_dict_kind_name(kind));
    }
    if (rc >= 0 && rd.in_comment)
        rc = bede_fail(err, BEDE_ERR_SYNTAX, r->name, r->line, 1, 0,
                       "'<!--' comment not closed by '-->'");
    free(rd.buf.v);
    return rc;
}
