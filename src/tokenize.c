/*
 * Tokenizer for English news text.
 *
 * Splits text into Penn-Treebank-style tokens, each with its byte span in the
 * original text: possessives and contractions are split off (Iran 's,
 * do n't, they 're), abbreviations keep their period (U.S., Gen., Feb.),
 * numbers keep their commas, decimals, percent and currency ($1,200.50, 12%),
 * hyphenated words, URLs, e-mail addresses, hashtags and @mentions are single
 * tokens, and every punctuation mark is a token of its own (except "--",
 * "..." and runs of dashes). What lies between two tokens — nothing, spaces, a
 * line break or a blank line — is recorded as a gap for the sentence
 * splitter. One pass, constant work per byte.
 */
#include "internal.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

typedef struct scanner {
    const uint8_t *s;
    size_t len;
} scanner;

/* Code point at i (folded), its byte length in *n; -1 at end. Invalid bytes
 * decode to -2. */
static int32_t at(const scanner *sc, size_t i, size_t *n) {
    if (i >= sc->len) {
        *n = 0;
        return -1;
    }
    if (sc->s[i] < 0x80) {
        *n = 1;
        return sc->s[i];
    }
    int32_t cp;
    *n = utf8_decode(sc->s, sc->len, i, &cp);
    return cp < 0 ? -2 : cp_fold(cp);
}

static int32_t cp_at(const scanner *sc, size_t i) {
    size_t n;
    return at(sc, i, &n);
}

static bool is_alnum(int32_t cp) {
    return cp >= 0 && (cp_is_letter(cp) || cp_is_digit(cp));
}

static bool is_currency(int32_t cp) {
    return cp == '$' || cp == 0x20AC || cp == 0x00A3 || cp == 0x00A5 ||
           cp == 0x20B9 || cp == 0x20BD || cp == 0x20A9 || cp == 0x20BA;
}

/* Abbreviations that keep their period wherever they stand. Matched with the
 * case shown (titles are capitalised; "etc" and "vs" are not). */
static const char *const abbreviations[] = {
    "Mr",    "Mrs",    "Ms",     "Dr",   "Gen",  "Lt",    "Col",    "Maj",
    "Brig",  "Capt",   "Sgt",    "Adm",  "Gov",  "Govt",  "Sen",    "Rep",
    "Reps",  "Pres",   "Prof",   "Rev",  "St",   "Jr",    "Sr",     "Gens",
    "Cmdr",  "Cdr",    "Lieut",  "Supt", "Insp", "Det",   "Hon",    "Atty",
    "Amb",   "Pvt",    "Cpl",    "Msgr", "Fr",   "Sens",  "Messrs", "Jan",
    "Feb",   "Mar",    "Apr",    "Jun",  "Jul",  "Aug",   "Sep",    "Sept",
    "Oct",   "Nov",    "Dec",    "Mon",  "Tue",  "Tues",  "Wed",    "Thu",
    "Thurs", "Fri",    "Sat",    "Sun",  "Co",   "Corp",  "Inc",    "Ltd",
    "Bros",  "Ave",    "Blvd",   "Mt",   "Ft",   "Dept",  "Univ",   "Assn",
    "Est",   "Approx", "approx", "etc",  "vs",   "viz",   "cf",     "al",
    "Nos",   "Vol",    "vol",    "pp",   "Ph",   "Gov't", "Sec",    "Secs",
    "Ala",   "Ariz",   "Calif",  "Colo", "Conn", "Fla",   "Ill",    "Ind",
    "Kan",   "Mass",   "Mich",   "Minn", "Miss", "Nev",   "Okla",   "Ore",
    "Pa",    "Tenn",   "Tex",    "Va",   "Wash", "Wis",   "Wyo",    NULL};

static bool is_abbreviation(const uint8_t *w, size_t n) {
    for (const char *const *a = abbreviations; *a; a++)
        if (strlen(*a) == n && memcmp(*a, w, n) == 0) return true;
    return false;
}

static bool eq_nocase(const uint8_t *w, size_t n, const char *lit) {
    size_t m = strlen(lit);
    if (m != n) return false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = w[i];
        if (c >= 'A' && c <= 'Z') c = (uint8_t)(c + 32);
        if (c != (uint8_t)lit[i]) return false;
    }
    return true;
}

typedef struct tok_out {
    token_vec *toks;
    byte_vec *gaps;
    char_vec *pool;
    const uint8_t *s;
    uint8_t pending_gap;
} tok_out;

static int emit(tok_out *o, size_t start, size_t end, int kind,
                uint8_t extra_flags) {
    bede_token t;
    memset(&t, 0, sizeof t);
    t.span.start = (uint32_t)start;
    t.span.end = (uint32_t)end;
    t.kind = (uint8_t)kind;
    int rc = normalize_token((const char *)o->s + start, end - start, o->pool,
                             &t.norm, &t.lower);
    if (rc) return rc;
    t.lemma = t.lower;
    /* case flags from the normal form */
    const uint8_t *w = (const uint8_t *)o->pool->v + t.norm;
    size_t wl = strlen((const char *)w);
    int letters = 0, uppers = 0;
    bool first = true;
    for (size_t i = 0; i < wl;) {
        int32_t cp;
        i += utf8_decode(w, wl, i, &cp);
        if (cp < 0 || !cp_is_letter(cp)) continue;
        letters++;
        if (cp_is_upper(cp)) {
            uppers++;
            if (first) t.flags |= BEDE_TOKF_CAPITALIZED;
        }
        first = false;
    }
    if (letters > 1 && uppers == letters) t.flags |= BEDE_TOKF_ALLCAPS;
    if (o->pending_gap != GAP_NONE) t.flags |= BEDE_TOKF_SPACE_BEFORE;
    t.flags |= extra_flags;
    if (VEC_PUSH(*o->toks, t)) return BEDE_ERR_NOMEM;
    if (VEC_PUSH(*o->gaps, o->pending_gap)) return BEDE_ERR_NOMEM;
    o->pending_gap = GAP_NONE;
    return 0;
}

/* Length of a URL starting at i ("http://", "https://", "www."), 0 if none.
 * Trailing punctuation that more likely ends the sentence is left out. */
static size_t scan_url(const scanner *sc, size_t i) {
    static const char *const prefixes[] = {"https://", "http://", "www.",
                                           "ftp://", NULL};
    size_t plen = 0;
    for (const char *const *p = prefixes; *p; p++) {
        size_t n = strlen(*p);
        if (sc->len - i > n && eq_nocase(sc->s + i, n, *p)) {
            plen = n;
            break;
        }
    }
    if (!plen) return 0;
    size_t j = i + plen, n;
    for (;;) {
        int32_t cp = at(sc, j, &n);
        if (cp < 0 && cp != -2) break;
        if (cp >= 0 && (cp_is_space(cp) || cp == '"' || cp == '<' || cp == '>'))
            break;
        j += n;
    }
    /* drop trailing sentence punctuation and unbalanced closing brackets */
    while (j > i + plen) {
        uint8_t c = sc->s[j - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
            c == '?' || c == '\'' || c == ')' || c == ']') {
            if (c == ')' || c == ']') {
                uint8_t open = c == ')' ? '(' : '[';
                int depth = 0;
                for (size_t k = i; k < j; k++)
                    depth += sc->s[k] == open ? 1 : sc->s[k] == c ? -1 : 0;
                if (depth >= 0) break;
            }
            j--;
        } else {
            break;
        }
    }
    return j - i;
}

/* An initialism "U.S.", "U.N.", "e.g.", "a.m.": single letters each
 * followed by a period, at least two. Returns its length or 0. */
static size_t scan_initialism(const scanner *sc, size_t i) {
    size_t j = i, count = 0, n;
    for (;;) {
        int32_t cp = at(sc, j, &n);
        if (cp < 0 || !cp_is_letter(cp)) break;
        size_t n2;
        if (at(sc, j + n, &n2) != '.') break;
        int32_t after = cp_at(sc, j + n + 1);
        j += n + 1;
        count++;
        if (after < 0 || !cp_is_letter(after)) break;
        /* next letter must itself be a single letter followed by '.' */
        size_t n3;
        at(sc, j, &n3);
        if (cp_at(sc, j + n3) != '.') {
            /* "U.S.-led" continues as a hyphenated word elsewhere */
            break;
        }
    }
    return count >= 2 ? j - i : 0;
}

/* Is [i, j) "anti" or "pro" (any case)? */
static bool is_prefix_word(const scanner *sc, size_t i, size_t j) {
    static const char *const prefixes[] = {"anti", "pro"};
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        size_t n = strlen(prefixes[k]);
        if (j - i == n && strncasecmp((const char *)sc->s + i, prefixes[k], n) == 0)
            return true;
    }
    return false;
}

/* Scans a word/number run starting at i: letters, digits, marks, joined by
 * hyphens between alphanumerics, apostrophes between letters, and inside
 * numbers by ",ddd", ".d", ":dd" and "/d". Stops before anything else. */
static size_t scan_word(const scanner *sc, size_t i, bool *has_at) {
    size_t j = i, n;
    *has_at = false;
    for (;;) {
        int32_t cp = at(sc, j, &n);
        if (cp >= 0 &&
            (is_alnum(cp) || cp == '_' || (cp >= 0x300 && cp < 0x370))) {
            j += n;
            continue;
        }
        if (j == i) break;
        int32_t prev = cp_at(sc, j - 1); /* ASCII-safe for connectors below */
        size_t n2;
        int32_t next = at(sc, j + n, &n2);
        if (cp == '-' && is_prefix_word(sc, i, j) &&
            (is_alnum(next) || next == ' ')) {
            /* "anti-Israel protests", "pro-government militias": the
             * prefix is a word of its own, so the name after it is read
             * as a name */
            return j + n - i;
        }
        if (cp == '-' && is_alnum(next)) {
            j += n;
            continue;
        }
        if (cp == '\'' && is_alnum(next) && j > i) {
            j += n;
            continue;
        }
        bool prev_digit = prev >= '0' && prev <= '9';
        if (prev_digit && (cp == '.' || cp == ':' || cp == '/') &&
            next >= '0' && next <= '9') {
            j += n;
            continue;
        }
        if (prev_digit && cp == ',') {
            /* thousands separator: exactly three digits follow */
            bool three = true;
            for (size_t k = 1; k <= 3; k++)
                if (j + k >= sc->len || sc->s[j + k] < '0' ||
                    sc->s[j + k] > '9')
                    three = false;
            if (three && !(j + 4 < sc->len && sc->s[j + 4] >= '0' &&
                           sc->s[j + 4] <= '9')) {
                j += 1;
                continue;
            }
        }
        if (cp == '@' && is_alnum(next)) {
            /* e-mail: local@domain.tld */
            size_t k = j + 1;
            bool dot = false;
            for (;;) {
                size_t m;
                int32_t c = at(sc, k, &m);
                if (c >= 0 && (is_alnum(c) || c == '-' || c == '_')) {
                    k += m;
                } else if (c == '.' && is_alnum(cp_at(sc, k + 1))) {
                    dot = true;
                    k += 1;
                } else {
                    break;
                }
            }
            if (dot) {
                *has_at = true;
                j = k;
            }
            break;
        }
        if (cp == '.' && *has_at == false && next >= 0 && is_alnum(next) &&
            j > i) {
            /* domain-like "un.org" inside a word: keep only when the part
             * after the dot is lower-case letters (not a new sentence) */
            size_t k = j + 1;
            bool lower = true;
            size_t m;
            for (int32_t c = at(sc, k, &m); c >= 0 && is_alnum(c);
                 c = at(sc, k, &m)) {
                if (!(c >= 'a' && c <= 'z')) lower = false;
                k += m;
            }
            int32_t p0 = cp_at(sc, i);
            if (lower && k - (j + 1) >= 2 && k - (j + 1) <= 4 && p0 >= 'a' &&
                p0 <= 'z') {
                j = k;
                continue;
            }
        }
        break;
    }
    return j - i;
}

/* Emits a word run [start,end), splitting off contractions and
 * possessives: n't, 's, 'm, 'd, 're, 've, 'll. */
static int emit_word(tok_out *o, size_t start, size_t end, int kind) {
    const uint8_t *w = o->s + start;
    size_t n = end - start;
    if (kind == BEDE_TOKEN_WORD) {
        /* n't: "don't" -> do n't; "can't" -> ca n't */
        if (n > 3 && eq_nocase(w + n - 3, 3, "n't")) {
            int rc = emit(o, start, end - 3, kind, 0);
            if (rc) return rc;
            return emit(o, end - 3, end, kind, 0);
        }
        /* curly apostrophe is 3 bytes: n + ’ + t */
        if (n > 5 && (w[n - 5] == 'n' || w[n - 5] == 'N') &&
            memcmp(w + n - 4, "\xE2\x80\x99", 3) == 0 &&
            (w[n - 1] == 't' || w[n - 1] == 'T')) {
            int rc = emit(o, start, end - 5, kind, 0);
            if (rc) return rc;
            return emit(o, end - 5, end, kind, 0);
        }
        static const char *const clitics[] = {"s",  "m",  "d", "re",
                                              "ve", "ll", NULL};
        for (const char *const *c = clitics; *c; c++) {
            size_t cl = strlen(*c);
            size_t apos_len = 0;
            if (n > cl + 1 && w[n - cl - 1] == '\'')
                apos_len = 1;
            else if (n > cl + 3 &&
                     memcmp(w + n - cl - 3, "\xE2\x80\x99", 3) == 0)
                apos_len = 3;
            if (!apos_len || !eq_nocase(w + n - cl, cl, *c)) continue;
            size_t cut = end - cl - apos_len;
            int rc = emit(o, start, cut, kind, 0);
            if (rc) return rc;
            return emit(o, cut, end, kind, 0);
        }
    }
    return emit(o, start, end, kind, 0);
}

int tokenize(const char *text, size_t len, token_vec *toks, byte_vec *gaps,
             char_vec *pool, size_t *replaced) {
    scanner sc = {(const uint8_t *)text, len};
    tok_out o = {toks, gaps, pool, (const uint8_t *)text, GAP_PARAGRAPH};
    size_t i = 0, n;
    int newlines = 2; /* start of text acts as a paragraph break */
    int rc = 0;
    while (i < len && rc == 0) {
        int32_t cp = at(&sc, i, &n);
        /* whitespace, NUL and other control characters */
        if (cp >= 0 && (cp_is_space(cp) || cp < 0x20 || cp == 0x7F)) {
            if (cp == '\n') newlines++;
            i += n;
            continue;
        }
        if (newlines >= 2)
            o.pending_gap = GAP_PARAGRAPH;
        else if (newlines == 1)
            o.pending_gap = GAP_NEWLINE;
        else if (o.pending_gap == GAP_NONE && i > 0 && toks->n > 0 &&
                 toks->v[toks->n - 1].span.end < i)
            o.pending_gap = GAP_SPACE;
        newlines = 0;

        if (cp == -2) { /* invalid bytes: one symbol token per run */
            size_t j = i;
            while (j < len && cp_at(&sc, j) == -2) {
                j++;
                (*replaced)++;
            }
            rc = emit(&o, i, j, BEDE_TOKEN_SYMBOL, 0);
            i = j;
            continue;
        }
        size_t url = (cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W' ||
                      cp == 'f' || cp == 'F')
                         ? scan_url(&sc, i)
                         : 0;
        if (url) {
            rc = emit(&o, i, i + url, BEDE_TOKEN_URL, 0);
            i += url;
            continue;
        }
        if (cp_is_letter(cp) || cp_is_digit(cp)) {
            size_t ini = cp_is_letter(cp) ? scan_initialism(&sc, i) : 0;
            if (ini) {
                /* "U.S.-led": an initialism joined by a hyphen */
                bool dummy;
                size_t end = i + ini;
                if (cp_at(&sc, end) == '-' && is_alnum(cp_at(&sc, end + 1)))
                    end += 1 + scan_word(&sc, end + 1, &dummy);
                rc = emit(&o, i, end, BEDE_TOKEN_WORD,
                          end == i + ini ? BEDE_TOKF_ABBREV : 0);
                i = end;
                continue;
            }
            bool email;
            size_t wl = scan_word(&sc, i, &email);
            size_t end = i + wl;
            if (email) {
                rc = emit(&o, i, end, BEDE_TOKEN_EMAIL, 0);
                i = end;
                continue;
            }
            int kind = cp_is_digit(cp) ? BEDE_TOKEN_NUMBER : BEDE_TOKEN_WORD;
            if (kind == BEDE_TOKEN_NUMBER && cp_at(&sc, end) == '%') end++;
            /* abbreviation period: known abbreviations and single capital
             * initials ("George W. Bush") keep their period */
            if (kind == BEDE_TOKEN_WORD && cp_at(&sc, end) == '.' &&
                cp_at(&sc, end + 1) != '.') {
                bool abbrev;
                if (wl == 2 && memcmp(sc.s + i, "No", 2) == 0) {
                    /* "No. 5" but not "said No." */
                    size_t k = end + 1;
                    while (k < len && sc.s[k] == ' ')
                        k++;
                    abbrev = k < len && sc.s[k] >= '0' && sc.s[k] <= '9';
                } else {
                    abbrev = (wl == 1 && cp >= 'A' && cp <= 'Z') ||
                             is_abbreviation(sc.s + i, wl);
                }
                if (abbrev) {
                    rc =
                        emit(&o, i, end + 1, BEDE_TOKEN_WORD, BEDE_TOKF_ABBREV);
                    i = end + 1;
                    continue;
                }
            }
            rc = emit_word(&o, i, end, kind);
            i = end;
            continue;
        }
        if ((cp == '#' || cp == '@') && i + 1 < len &&
            is_alnum(cp_at(&sc, i + 1))) {
            bool dummy;
            size_t wl = scan_word(&sc, i + 1, &dummy);
            rc = emit(&o, i, i + 1 + wl,
                      cp == '#' ? BEDE_TOKEN_HASHTAG : BEDE_TOKEN_MENTION, 0);
            i += 1 + wl;
            continue;
        }
        if (is_currency(cp) && cp_is_digit(cp_at(&sc, i + n))) {
            bool dummy;
            size_t wl = scan_word(&sc, i + n, &dummy);
            size_t end = i + n + wl;
            if (cp_at(&sc, end) == '%') end++;
            rc = emit(&o, i, end, BEDE_TOKEN_NUMBER, 0);
            i = end;
            continue;
        }
        if (cp == '.' || cp == 0x2026) {
            /* ellipsis: "..." (or more) or U+2026 */
            size_t j = i;
            int dots = 0;
            for (;;) {
                size_t m;
                int32_t c = at(&sc, j, &m);
                if (c == '.') {
                    dots++;
                } else if (c == 0x2026) {
                    dots += 3;
                } else {
                    break;
                }
                j += m;
            }
            rc = emit(&o, i, j, BEDE_TOKEN_PUNCT, 0);
            i = j;
            continue;
        }
        if (cp == '-' || cp == 0x2014) {
            /* "-", "--", "---", em dash */
            size_t j = i + n;
            if (cp == '-')
                while (cp_at(&sc, j) == '-')
                    j++;
            rc = emit(&o, i, j, BEDE_TOKEN_PUNCT, 0);
            i = j;
            continue;
        }
        int kind = BEDE_TOKEN_PUNCT;
        if (cp >= 0x80) {
            utf8proc_category_t c = utf8proc_category(cp);
            if (c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO)
                kind = BEDE_TOKEN_SYMBOL;
        } else if (strchr("+<=>^`|~$%&*\\", (int)cp)) {
            kind = BEDE_TOKEN_SYMBOL;
        }
        rc = emit(&o, i, i + n, kind, 0);
        i += n;
    }
    return rc;
}
