/*
 * TABARI dictionaries (TABARI manual, chapters 5, 6 and 8): .actors with
 * <NOUN> and <ADJECTIVE> lists, synonyms and date restrictions; .agents;
 * .verbs with <SYNSETS>, <TIME>, irregular forms and patterns; .options.
 * Files may use CR, LF or CRLF line ends and Latin-1 bytes (read as UTF-8).
 *
 * Comments: lines beginning with `#` or `/`, and `;` to the end of a line
 * (`//` and `#` in .options). `~FINISH` ends a file. Words of phrases and
 * patterns are stems unless followed by `_` (whole word, regular endings
 * when it ends the phrase) or `=` (whole word); a blank lets other words
 * come between two words, `_` does not.
 */
#include "dict_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    bede_dict *d;
    dict_lines *r;
    uint32_t file;
    bede_error *err;
    const char *s; /* current line without comment */
    size_t n;
    size_t indent; /* blanks before the content */
} treader;

static bool tnext(treader *rd, bool options) {
    const char *s;
    size_t n;
    while (dict_lines_next(rd->r, &s, &n)) {
        size_t k = 0;
        while (k < n && (is_blank(s[k]) || s[k] == '\f')) k++;
        if (k == n) continue;
        if (!options && (s[k] == '#' || (k == 0 && s[k] == '/'))) continue;
        size_t t = k;
        while (t < n && s[t] == '~') t++;
        if (t > k && n - t >= 6 && memcmp(s + t, "FINISH", 6) == 0)
            return false;
        size_t e = k;
        if (options) {
            while (e < n && s[e] != '#' &&
                   !(s[e] == '/' && e + 1 < n && s[e + 1] == '/'))
                e++;
        } else {
            while (e < n && s[e] != ';') e++;
        }
        while (e > k && is_blank(s[e - 1])) e--;
        if (e == k) continue;
        rd->s = s;
        rd->n = e;
        rd->indent = k;
        return true;
    }
    return false;
}

static dict_loc tat(const treader *rd, size_t col0) {
    return (dict_loc){rd->r->name, rd->r->line, (uint32_t)col0 + 1};
}

/* TABARI phrase p[0..n) -> bede phrase syntax in out: `_` joins words
 * directly, a blank lets words come between (`..`), words are stems unless
 * followed by `_` or `=`; the last word with `_` takes regular endings,
 * except in a synonym set member (closed: "+KRONER_" is not "kroneren").
 * With verb_marks, a word with `=` keeps it: the word as written. */
static size_t tabari_phrase_as(const char *p, size_t n, char *out,
                               size_t cap, bool verb_marks, bool closed) {
    size_t o = 0;
    size_t i = 0;
    while (i < n && o + 8 < cap) {
        while (i < n && is_blank(p[i])) i++;
        if (i >= n) break;
        if (o) {
            /* previous separator: blank (gap) or `_` (join) */
            if (is_blank(p[i - 1])) {
                memcpy(out + o, " .. ", 4);
                o += 4;
            } else {
                out[o++] = ' ';
            }
        }
        size_t b = i;
        while (i < n && !is_blank(p[i]) && p[i] != '_') i++;
        size_t e = i;
        bool exact = false, endings = false;
        if (e > b && p[e - 1] == '=') {
            exact = true;
            e--;
        } else if (e > b && p[e - 1] == '~') {
            e--; /* stem, the next directly after */
        } else if (i < n && p[i] == '_') {
            bool last = true;
            for (size_t q = i; q < n; q++)
                if (p[q] != '_' && !is_blank(p[q])) last = false;
            if (last && !closed) endings = true;
            else exact = true;
        }
        if (e - b + o + 2 >= cap) break;
        if (!verb_marks && e > b && p[b] == '+') b++;
        memcpy(out + o, p + b, e - b);
        o += e - b;
        if (!exact) out[o++] = endings ? '~' : '*';
        /* a verb's `=`: the word as written, not its other forms */
        if (verb_marks && exact && p[e] == '=') out[o++] = '=';
        if (i < n && p[i] == '_') {
            i++;
            while (i < n && p[i] == '_') i++;
            if (i < n && is_blank(p[i])) { /* `WORD_ NEXT`: a gap */
            } else {
                continue; /* joined: the separator is the `_` */
            }
        }
    }
    return o;
}

static size_t tabari_phrase(const char *p, size_t n, char *out, size_t cap,
                            bool verb_marks) {
    return tabari_phrase_as(p, n, out, cap, verb_marks, false);
}

static int add_tphrase(treader *rd, const char *p, size_t n, size_t col0,
                       bool verb, bool closed) {
    char out[2048];
    const char *t = p;
    size_t tn = n;
    trim(&t, &tn);
    size_t o = tabari_phrase_as(t, tn, out, sizeof out, verb, closed);
    return dict_add_phrase(rd->d, out, o, tat(rd, col0 + (size_t)(t - p)),
                           verb ? DICT_PHRASE_VERB | DICT_PHRASE_LITERAL : 0,
                           rd->err);
}

static bool is_word_byte(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* An actor or agent phrase. TABARI reads a hyphen in the text as a blank,
 * so its dictionaries write "al-Assad" as AL_ASSAD: besides the words
 * joined, such a phrase also matches them written as one hyphenated word
 * ("al-Assad") or with the underscore itself ("Dol_Amroth"). */
static int add_tactor_phrase(treader *rd, const char *p, size_t n,
                             size_t col0) {
    int rc = add_tphrase(rd, p, n, col0, false, false);
    bool joins = false;
    for (size_t i = 1; i + 1 < n && !joins; i++)
        joins = p[i] == '_' && is_word_byte(p[i - 1]) &&
                is_word_byte(p[i + 1]);
    if (rc < 0 || !joins || n >= 1024) return rc;
    static const char with[2] = {'-', '\x01'};
    for (int v = 0; v < 2 && rc >= 0; v++) {
        char q[1024];
        for (size_t i = 0; i < n; i++)
            q[i] = i > 0 && i + 1 < n && p[i] == '_' &&
                           is_word_byte(p[i - 1]) && is_word_byte(p[i + 1])
                       ? with[v]
                       : p[i];
        char out[2048];
        const char *t = q;
        size_t tn = n;
        trim(&t, &tn);
        size_t o = tabari_phrase(t, tn, out, sizeof out, false);
        for (size_t i = 0; i < o; i++)
            if (out[i] == '\x01') out[i] = '_';
        rc = dict_add_phrase(rd->d, out, o, tat(rd, col0 + (size_t)(t - q)),
                             0, rd->err);
    }
    return rc;
}

/* ------------------------------------------------------------ actors */

static int read_tactors(treader *rd, int kind) {
    bede_dict *d = rd->d;
    int entries = 0;
    bool open = false;
    const char *section = NULL;
    while (tnext(rd, false)) {
        const char *s = rd->s;
        size_t n = rd->n, k = rd->indent;
        if (s[k] == '<') {
            const char *t = s + k;
            size_t tn = n - k;
            static const char *const secs[] = {"NOUN", "ADJECTIVE"};
            bool ok = false;
            for (size_t q = 0; q < 2 && kind == BEDE_DICT_ACTORS; q++) {
                size_t ln = strlen(secs[q]);
                if (tn == ln + 2 && memcmp(t + 1, secs[q], ln) == 0 &&
                    t[ln + 1] == '>' && !section) {
                    section = secs[q];
                    ok = true;
                } else if (section && tn == ln + 3 && t[1] == '/' &&
                           memcmp(t + 2, secs[q], ln) == 0 &&
                           strcmp(section, secs[q]) == 0) {
                    section = NULL;
                    ok = true;
                }
            }
            if (!ok)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 section ? "expected </%s>"
                                         : "expected <NOUN> or <ADJECTIVE>",
                                 section);
            open = false;
            continue;
        }
        if (k > 0 && s[k] == '[') {
            if (!open)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "code line before any actor");
            int rc = dict_read_codes(d, s + k, n - k, tat(rd, k),
                                     kind == BEDE_DICT_AGENTS, rd->err);
            if (rc < 0) return rc;
            continue;
        }
        bool syn = s[k] == '+';
        if (syn && (!open || section))
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                             "synonym '+' before any actor");
        size_t ps = k + (syn ? 1 : 0);
        const char *br = memchr(s + ps, '[', n - ps);
        size_t pe = br ? (size_t)(br - s) : n;
        if (section && br)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)pe + 1,
                             "words of <%s> have no codes", section);
        if (!syn) {
            int rc = dict_begin_entry(d, kind, rd->file, rd->r->line);
            if (rc < 0) return rc;
            entries++;
            open = !section;
            if (section) {
                char code[16];
                int cn = snprintf(code, sizeof code, "@%s", section);
                if (dict_add_code(d, code, (size_t)cn, 0, 0, 0,
                                  rd->r->line) != 0)
                    return BEDE_ERR_NOMEM;
            }
        }
        int rc = add_tactor_phrase(rd, s + ps, pe - ps, ps);
        if (rc < 0) return rc;
        if (br) {
            rc = dict_read_codes(d, br, n - pe, tat(rd, pe),
                                 kind == BEDE_DICT_AGENTS, rd->err);
            if (rc < 0) return rc;
            if (rc == 0 && kind == BEDE_DICT_AGENTS)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)pe + 1,
                                 "expected an agent code");
        } else if (kind == BEDE_DICT_AGENTS) {
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)n + 1,
                             "expected an agent code '[~CODE]'");
        }
    }
    if (section)
        return DICT_FAIL(rd, BEDE_ERR_SYNTAX, 1, "<%s> is not closed by </%s>",
                         section, section);
    return entries;
}

/* ------------------------------------------------------------ verbs */

/* Splits `text [CODE]` at the last `[`. */
static int tsplit_code(treader *rd, size_t from, size_t *pe, const char **code,
                       size_t *cn) {
    const char *s = rd->s;
    size_t n = rd->n;
    const char *br = NULL;
    for (size_t i = n; i-- > from;)
        if (s[i] == '[') {
            br = s + i;
            break;
        }
    *code = NULL;
    *cn = 0;
    *pe = n;
    if (!br) return 0;
    const char *close = memchr(br, ']', n - (size_t)(br - s));
    if (!close)
        return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(br - s) + 1,
                         "'[' without its ']'");
    for (const char *t = close + 1; t < s + n; t++)
        if (!is_blank(*t))
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(t - s) + 1,
                             "unexpected '%c' after the code", *t);
    *code = br + 1;
    *cn = (size_t)(close - br - 1);
    trim(code, cn);
    if (*cn == 5 && memcmp(*code, "- - -", 5) == 0) { /* the manual's null */
        *code = "---";
        *cn = 3;
    }
    if (!dict_code_ok(*code, *cn))
        return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(br - s) + 2,
                         "'%.*s' is not an event code", (int)*cn, *code);
    *pe = (size_t)(br - s);
    return 0;
}

static int read_tverbs(treader *rd) {
    bede_dict *d = rd->d;
    int entries = 0;
    int section = 0; /* 1 synsets, 2 time */
    bool verb_open = false, synset_open = false;
    while (tnext(rd, false)) {
        const char *s = rd->s;
        size_t n = rd->n, k = rd->indent;
        const char *t = s + k;
        size_t tn = n - k;
        if (t[0] == '<') {
            bool ok = false;
            if (tn == 6 && memcmp(t, "<TIME>", 6) == 0 && !section) {
                section = 2, ok = true;
                int rc = dict_begin_block(d, "<TIME>", 6, "---", 3, rd->file,
                                          rd->r->line);
                if (rc < 0) return rc;
            } else if (tn == 7 && memcmp(t, "</TIME>", 7) == 0 &&
                       section == 2)
                section = 0, ok = true;
            if (tn == 9 && memcmp(t, "<SYNSETS>", 9) == 0 && !section)
                section = 1, ok = true;
            if (tn == 10 && memcmp(t, "</SYNSETS>", 10) == 0 && section == 1)
                section = 0, ok = true;
            if (!ok)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "expected <SYNSETS>, </SYNSETS>, <TIME> or "
                                 "</TIME>");
            verb_open = synset_open = false;
            continue;
        }
        if (section == 1) {
            if (t[0] == '&') {
                size_t e = 1;
                while (e < tn && !is_blank(t[e])) e++;
                if (e < 2)
                    return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                     "expected a synonym set name after '&'");
                int rc = dict_begin_named(d, BEDE_DICT_SYNSETS, t, e,
                                          rd->file, rd->r->line);
                if (rc < 0) return rc;
                entries++;
                synset_open = true;
                continue;
            }
            if (t[0] != '+' || !synset_open)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "expected '&NAME' or '+phrase' in "
                                 "<SYNSETS>");
            /* a member naming other sets: expand them */
            const char *amp = memchr(t + 1, '&', tn - 1);
            if (amp) {
                size_t e = (size_t)(amp - s);
                while (e < n && !is_blank(s[e])) e++;
                uint32_t syn = NONE;
                size_t q = e;
                for (; q > (size_t)(amp - s) + 1; q--) {
                    if (q < e && s[q] != '_') continue;
                    syn = dict_synset(d, amp, q - (size_t)(amp - s));
                    if (syn != NONE) break;
                }
                if (syn == NONE)
                    return DICT_FAIL(rd, BEDE_ERR_SYNTAX,
                                     (uint32_t)(amp - s) + 1,
                                     "synonym set '%.*s' is not defined "
                                     "before here",
                                     (int)(e - (size_t)(amp - s)), amp);
                /* the set being defined would double with each such line */
                if (syn == d->entries.n - 1)
                    return DICT_FAIL(rd, BEDE_ERR_SYNTAX,
                                     (uint32_t)(amp - s) + 1,
                                     "synonym set '%.*s' refers to itself",
                                     (int)(q - (size_t)(amp - s)), amp);
                /* `+&NAME` alone: that set's phrases as they are, which
                 * the writer writes back as `&NAME` */
                if (amp == t + 1 && q == n) {
                    int rc = dict_add_synset_ref(
                        d, syn, tat(rd, (size_t)(amp - s)), rd->err);
                    if (rc < 0) return rc;
                    continue;
                }
                const dict_entry *se = &d->entries.v[syn];
                uint32_t np = se->nphrases, fp = se->first_phrase;
                for (uint32_t j = 0; j < np; j++) {
                    /* the member phrase's bede text, then the rest */
                    char buf[2048];
                    const char *mt = dict_str(d, d->phrases.v[fp + j].text);
                    char rest[1024];
                    size_t rn = tabari_phrase(s + q, n - q, rest, sizeof rest,
                                              false);
                    char pre[1024];
                    size_t pn = tabari_phrase(t + 1, (size_t)(amp - t - 1),
                                              pre, sizeof pre, false);
                    /* a blank around the set's name is a gap, as
                     * between the words of a member: "&TIETYPES
                     * ASSURANCES" matches "cultural internal assurances" */
                    const char *gap_before =
                        amp > t + 1 && is_blank(amp[-1]) ? " .. " : " ";
                    const char *gap_after =
                        q < n && is_blank(s[q]) ? " .. " : " ";
                    int bn = snprintf(buf, sizeof buf, "%.*s%s%s%s%.*s",
                                      (int)pn, pre, pn ? gap_before : "", mt,
                                      rn ? gap_after : "", (int)rn, rest);
                    if (bn < 0 || (size_t)bn >= sizeof buf)
                        return DICT_FAIL(rd, BEDE_ERR_LIMIT, (uint32_t)k + 1,
                                         "synonym set phrase too long");
                    int rc = dict_add_phrase(d, buf, (size_t)bn,
                                             tat(rd, k + 1), 0, rd->err);
                    if (rc < 0) return rc;
                }
                continue;
            }
            int rc = add_tphrase(rd, t + 1, tn - 1, k + 1, false, true);
            if (rc < 0) return rc;
            continue;
        }
        if (t[0] == '{') { /* irregular forms of the verb above */
            const char *cb = memchr(t, '}', tn);
            if (!cb)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "'{' without its '}'");
            if (!verb_open)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "verb forms '{...}' before any verb");
            const char *q = t + 1;
            int forms = 0;
            while (q < cb) {
                while (q < cb && is_blank(*q)) q++;
                const char *e = q;
                while (e < cb && !is_blank(*e)) e++;
                if (e > q) {
                    int rc = add_tphrase(rd, q, (size_t)(e - q),
                                         (size_t)(q - s), true, false);
                    if (rc < 0) return rc;
                    forms++;
                }
                q = e;
            }
            if (!forms)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "no verb forms inside '{...}'");
            continue;
        }
        size_t pe;
        const char *code;
        size_t cn;
        int rc = tsplit_code(rd, k, &pe, &code, &cn);
        if (rc < 0) return rc;
        if (t[0] == '-' && (tn == 1 || is_blank(t[1]) || t[1] == '_' ||
                            t[1] == '*')) { /* pattern */
            if (!code)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)n + 1,
                                 "expected a code '[CODE]' after the pattern");
            if (!verb_open && section != 2)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                                 "pattern before any verb");
            rc = dict_add_pattern(d, t + 1, pe - k - 1, code, cn,
                                  tat(rd, k + 1), BEDE_DICT_FORMAT_TABARI,
                                  rd->err);
            if (rc < 0) return rc;
            continue;
        }
        /* a verb root (its own block), or a <TIME> phrase */
        if (!code)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)n + 1,
                             "expected a code '[CODE]' after the verb");
        if (section != 2) {
            const char *v = s + k;
            size_t vn = pe - k;
            trim(&v, &vn);
            rc = dict_begin_block(d, v, vn, code, cn, rd->file, rd->r->line);
            if (rc < 0) return rc;
        }
        rc = dict_begin_entry(d, BEDE_DICT_VERBS, rd->file, rd->r->line);
        if (rc < 0) return rc;
        dict_cur(d)->block = (uint32_t)(d->blocks.n - 1);
        entries++;
        if (dict_add_code(d, code, cn, 0, 0, 0, rd->r->line) != 0)
            return BEDE_ERR_NOMEM;
        rc = add_tphrase(rd, s + k, pe - k, k, true, false);
        if (rc < 0) return rc;
        verb_open = true;
    }
    if (section)
        return DICT_FAIL(rd, BEDE_ERR_SYNTAX, 1, "<%s> is not closed",
                         section == 1 ? "SYNSETS" : "TIME");
    return entries;
}

/* ------------------------------------------------------------ options */

static int read_toptions(treader *rd) {
    static const char *const commands[] = {
        "SET", "LABEL", "FORWARD", "DEFAULT", "COMMA", "COMPLEX",
        "NONEVENTS", "OUTPUT", "FREQS", "ISSUES", "NOTE"};
    int entries = 0;
    while (tnext(rd, true)) {
        const char *s = rd->s;
        size_t n = rd->n, k = rd->indent;
        if (s[k] == '~') break; /* end mark */
        const char *colon = memchr(s + k, ':', n - k);
        size_t cmd = colon ? (size_t)(colon - s) - k : 0;
        int which = -1;
        for (size_t q = 0; colon && q < sizeof commands / sizeof *commands;
             q++) {
            size_t cl = strlen(commands[q]);
            /* TABARI reads the first four characters of a command */
            size_t m = cmd < cl ? cmd : cl;
            if ((m >= 4 || m == cl) && strncmp(s + k, commands[q], m) == 0 &&
                cmd <= cl)
                which = (int)q;
        }
        if (which < 0)
            return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)k + 1,
                             "expected an options command (SET:, LABEL:, "
                             "COMPLEX:, OUTPUT:, DEFAULT:, ...)");
        const char *v = colon + 1;
        size_t vn = (size_t)(s + n - v);
        trim(&v, &vn);
        int rc = dict_begin_entry(rd->d, BEDE_DICT_OPTIONS, rd->file,
                                  rd->r->line);
        if (rc < 0) return rc;
        entries++;
        dict_entry *e = dict_cur(rd->d);
        if (which == 1) { /* LABEL: code=text */
            const char *eq = memchr(v, '=', vn);
            if (!eq)
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(v - s) + 1,
                                 "expected LABEL: CODE=text");
            const char *c = v;
            size_t cn = (size_t)(eq - v);
            trim(&c, &cn);
            const char *l = eq + 1;
            size_t ln = vn - cn - 1;
            ln = (size_t)(v + vn - l);
            trim(&l, &ln);
            if (!dict_code_ok(c, cn))
                return DICT_FAIL(rd, BEDE_ERR_SYNTAX, (uint32_t)(c - s) + 1,
                                 "'%.*s' is not a code", (int)cn, c);
            e->name = dict_intern(rd->d, c, cn);
            e->text = dict_intern(rd->d, l, ln);
            if (dict_add_code(rd->d, c, cn, 0, 0, 0, rd->r->line) != 0)
                return BEDE_ERR_NOMEM;
        } else {
            e = dict_cur(rd->d);
            e->name = dict_intern(rd->d, commands[which],
                                  strlen(commands[which]));
            e->text = dict_intern(rd->d, v, vn);
        }
        if (e->name == NONE || e->text == NONE) return BEDE_ERR_NOMEM;
    }
    return entries;
}

int dict_read_tabari(bede_dict *d, dict_lines *r, uint32_t file, int kind,
                     bede_error *err) {
    treader rd;
    memset(&rd, 0, sizeof rd);
    rd.d = d;
    rd.r = r;
    rd.file = file;
    rd.err = err;
    switch (kind) {
    case BEDE_DICT_ACTORS:
    case BEDE_DICT_AGENTS: return read_tactors(&rd, kind);
    case BEDE_DICT_VERBS: return read_tverbs(&rd);
    case BEDE_DICT_OPTIONS: return read_toptions(&rd);
    default:
        return bede_fail(err, BEDE_ERR_ARG, r->name, 0, 0, 0,
                         "TABARI has no %s dictionary",
                         bede_dict_kind_name(kind));
    }
}
