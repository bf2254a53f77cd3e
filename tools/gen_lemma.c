/*
 * bede-gen-lemma: compiles the lemma tables of data/lemma/ into C source, so
 * that the library carries them as static const data with no loading step.
 *
 *   bede-gen-lemma OUT.c OUT.h EXTRA.tsv EXCEPTIONS.tsv BASES.tsv
 *
 * EXTRA.tsv and EXCEPTIONS.tsv hold "form<TAB>POS<TAB>lemma" rows, EXTRA
 * taking precedence; BASES.tsv holds "form<TAB>POS" rows (POS n or v). The
 * format is documented in data/lemma/README.md. Every word (a form of either
 * kind) goes into one open-addressing hash table whose slots, words, rules
 * and text are written as const arrays; OUT.h declares them together with
 * the hash function, so src/lemma.c and this tool cannot disagree on it.
 *
 * An ill-formed line stops the tool with "file:line:column: expected ...".
 * Outputs are written to temporary files and renamed into place, so a failed
 * run leaves no half-written source behind. Build-time tool only.
 */
#include "bede.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One definition of the hash, compiled here and written into OUT.h. */
#define STRINGIFY(...) #__VA_ARGS__
#define EXPAND_STRINGIFY(...) STRINGIFY(__VA_ARGS__)
#define LEMMA_HASH_FUNCTION                                                    \
    static inline uint32_t lemma_hash(const char *s, size_t n) {               \
        uint32_t h = 2166136261u;                                              \
        for (size_t i = 0; i < n; i++) {                                       \
            h ^= (unsigned char)s[i];                                          \
            h *= 16777619u;                                                    \
        }                                                                      \
        return h;                                                              \
    }
LEMMA_HASH_FUNCTION

enum { MAX_WORD = 63 };       /* longest form or lemma, in bytes */
enum { POS_NOUN = 0xfe, POS_VERB = 0xff };
enum { BASE_NOUN = 1, BASE_VERB = 2 };

typedef struct rule {
    char *form, *lemma;
    const char *file;
    unsigned line;
    int rank; /* 0 for EXTRA, 1 for EXCEPTIONS */
    uint8_t pos;
} rule;

typedef struct word {
    const char *text;
    uint8_t flags;
    size_t first_rule, nrules;
} word;

typedef struct {
    rule *v;
    size_t n, cap;
} rule_vec;

typedef struct {
    char *v;
    size_t n, cap;
} text_vec;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)))
__attribute__((noreturn));
static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("bede-gen-lemma: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) die("out of memory");
    return p;
}

static char *xstrndup(const char *s, size_t n) {
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

static void push_rule(rule_vec *rv, rule r) {
    if (rv->n == rv->cap) {
        rv->cap = rv->cap ? rv->cap * 2 : 1024;
        rv->v = xrealloc(rv->v, rv->cap * sizeof *rv->v);
    }
    rv->v[rv->n++] = r;
}

/* Reads a whole file; NULL with errno set when it cannot be read. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t n = 0, cap = 1 << 16;
    char *buf = xrealloc(NULL, cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) buf = xrealloc(buf, cap *= 2);
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    *len = n;
    return buf;
}

static int is_form_byte(char c) {
    return (c >= 'a' && c <= 'z') || c == '\'' || c == '-';
}

static const struct {
    const char *name;
    uint8_t pos;
} pos_names[] = {
    {"n", POS_NOUN},         {"v", POS_VERB},         {"NN", BEDE_TAG_NN},
    {"NNS", BEDE_TAG_NNS},   {"MD", BEDE_TAG_MD},     {"VB", BEDE_TAG_VB},
    {"VBD", BEDE_TAG_VBD},   {"VBG", BEDE_TAG_VBG},   {"VBN", BEDE_TAG_VBN},
    {"VBP", BEDE_TAG_VBP},   {"VBZ", BEDE_TAG_VBZ},
};

/* A cursor over one line of a .tsv file, for error positions. */
typedef struct {
    const char *path;
    unsigned line;
    const char *start; /* first byte of the line */
    const char *p, *end;
} cursor;

static void __attribute__((noreturn, format(printf, 2, 3)))
syntax_error(const cursor *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s:%u:%u: ", c->path, c->line,
            (unsigned)(c->p - c->start) + 1);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

/* Reads a form or lemma: [a-z'-]{1,MAX_WORD}. */
static char *read_word(cursor *c, const char *what) {
    const char *s = c->p;
    while (c->p < c->end && is_form_byte(*c->p)) c->p++;
    if (c->p == s)
        syntax_error(c, "expected a %s of lower-case letters a-z, "
                     "apostrophes and hyphens", what);
    if (c->p - s > MAX_WORD) {
        c->p = s;
        syntax_error(c, "expected a %s of at most %d bytes", what, MAX_WORD);
    }
    return xstrndup(s, (size_t)(c->p - s));
}

static void expect_tab(cursor *c, const char *after) {
    if (c->p < c->end && *c->p == '\t') {
        c->p++;
        return;
    }
    syntax_error(c, "expected a tab after the %s", after);
}

static uint8_t read_pos(cursor *c, int bases) {
    const char *s = c->p;
    while (c->p < c->end && *c->p != '\t') c->p++;
    size_t n = (size_t)(c->p - s);
    size_t count = bases ? 2 : sizeof pos_names / sizeof pos_names[0];
    for (size_t i = 0; i < count; i++)
        if (strlen(pos_names[i].name) == n &&
            memcmp(pos_names[i].name, s, n) == 0)
            return pos_names[i].pos;
    c->p = s;
    if (bases) syntax_error(c, "expected POS n or v");
    syntax_error(c, "expected POS n, v or one of the tags NN NNS MD VB VBD "
                    "VBG VBN VBP VBZ");
}

static const char *pos_name(uint8_t pos) {
    for (size_t i = 0; i < sizeof pos_names / sizeof pos_names[0]; i++)
        if (pos_names[i].pos == pos) return pos_names[i].name;
    return "?";
}

/* Parses one .tsv file into rules (bases == 0) or base forms. */
static void parse_file(const char *path, int bases, int rank, rule_vec *out) {
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf) die("%s: %s", path, strerror(errno));
    cursor c = {path, 0, buf, buf, buf};
    const char *end = buf + len;
    for (const char *line = buf; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *eol = nl ? nl : end;
        c.line++;
        c.start = c.p = line;
        c.end = eol;
        if (c.end > line && c.end[-1] == '\r') c.end--;
        line = nl ? nl + 1 : end;
        if (c.p == c.end || *c.p == '#') continue;
        if (memchr(c.p, 0, (size_t)(c.end - c.p))) {
            c.p = memchr(c.p, 0, (size_t)(c.end - c.p));
            syntax_error(&c, "expected text, not a NUL byte");
        }
        rule r = {0};
        r.file = path;
        r.line = c.line;
        r.rank = rank;
        r.form = read_word(&c, "form");
        expect_tab(&c, "form");
        r.pos = read_pos(&c, bases);
        if (!bases) {
            expect_tab(&c, "POS");
            r.lemma = read_word(&c, "lemma");
        }
        if (c.p != c.end)
            syntax_error(&c, "expected the end of the line after the %s",
                         bases ? "POS" : "lemma");
        push_rule(out, r);
    }
    free(buf);
}

/* Orders rules by form, then file precedence, then a tag before a class. */
static int rule_cmp(const void *a, const void *b) {
    const rule *x = a, *y = b;
    int d = strcmp(x->form, y->form);
    if (d) return d;
    if (x->rank != y->rank) return x->rank - y->rank;
    int xc = x->pos >= POS_NOUN, yc = y->pos >= POS_NOUN;
    if (xc != yc) return xc - yc;
    return (int)x->pos - (int)y->pos;
}

/* Fails on two rows of one file with the same form and POS (rows sorted). */
static void check_duplicates(const rule_vec *rv) {
    for (size_t i = 1; i < rv->n; i++) {
        const rule *a = &rv->v[i - 1], *b = &rv->v[i];
        if (a->rank == b->rank && a->pos == b->pos &&
            strcmp(a->form, b->form) == 0) {
            const rule *later = a->line > b->line ? a : b;
            const rule *first = a->line > b->line ? b : a;
            fprintf(stderr,
                    "%s:%u:1: expected one row per form and POS; \"%s\" %s "
                    "is already on line %u\n",
                    later->file, later->line, later->form, pos_name(later->pos),
                    first->line);
            exit(1);
        }
    }
}

static size_t text_add(text_vec *t, const char *s) {
    size_t n = strlen(s), at = t->n;
    if (t->n + n > t->cap) {
        while (t->n + n > t->cap) t->cap = t->cap ? t->cap * 2 : 1 << 16;
        t->v = xrealloc(t->v, t->cap);
    }
    memcpy(t->v + t->n, s, n);
    t->n += n;
    return at;
}

/* Writes the text pool as string literal pieces of at most 64 bytes. */
static void write_text(FILE *f, const text_vec *t) {
    fputs("const char bede_lemma_text[] =\n", f);
    for (size_t i = 0; i < t->n; i += 64) {
        size_t n = t->n - i < 64 ? t->n - i : 64;
        fprintf(f, "    \"%.*s\"\n", (int)n, t->v + i);
    }
    if (t->n == 0) fputs("    \"\"\n", f);
    fputs("    ;\n\n", f);
}

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static FILE *open_out(const char *path, char *tmp, size_t cap) {
    if ((size_t)snprintf(tmp, cap, "%s.tmp", path) >= cap)
        die("%s: path too long", path);
    FILE *f = fopen(tmp, "w");
    if (!f) die("%s: %s", tmp, strerror(errno));
    return f;
}

static void close_out(FILE *f, const char *tmp, const char *path) {
    int bad = ferror(f);
    if (fclose(f) != 0) bad = 1;
    if (bad) {
        remove(tmp);
        die("%s: write error", tmp);
    }
    if (rename(tmp, path) != 0) {
        remove(tmp);
        die("%s: %s", path, strerror(errno));
    }
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: bede-gen-lemma OUT.c OUT.h EXTRA.tsv "
                        "EXCEPTIONS.tsv BASES.tsv\n");
        return 2;
    }
    const char *out_c = argv[1], *out_h = argv[2];
    rule_vec rules = {0}, bases = {0};
    parse_file(argv[3], 0, 0, &rules);
    parse_file(argv[4], 0, 1, &rules);
    parse_file(argv[5], 1, 0, &bases);
    qsort(rules.v, rules.n, sizeof *rules.v, rule_cmp);
    qsort(bases.v, bases.n, sizeof *bases.v, rule_cmp);
    check_duplicates(&rules);
    check_duplicates(&bases);

    /* Words: the union of rule forms and base forms, sorted. */
    word *words = xrealloc(NULL, (rules.n + bases.n) * sizeof *words);
    size_t nwords = 0, ri = 0, bi = 0;
    while (ri < rules.n || bi < bases.n) {
        const char *r = ri < rules.n ? rules.v[ri].form : NULL;
        const char *b = bi < bases.n ? bases.v[bi].form : NULL;
        const char *next = !r ? b : !b ? r : strcmp(r, b) <= 0 ? r : b;
        word w = {0};
        w.text = next;
        w.first_rule = ri;
        while (ri < rules.n && strcmp(rules.v[ri].form, next) == 0) ri++;
        w.nrules = ri - w.first_rule;
        while (bi < bases.n && strcmp(bases.v[bi].form, next) == 0)
            w.flags |= bases.v[bi++].pos == POS_NOUN ? BASE_NOUN : BASE_VERB;
        if (w.nrules > 255) die("\"%s\": more than 255 rows", w.text);
        words[nwords++] = w;
    }
    if (nwords >= 65535) die("%zu words; the slot table holds 65534", nwords);
    if (rules.n >= 65535) die("%zu rows; the rule table holds 65534", rules.n);

    size_t slots = 1024;
    while (slots < 2 * nwords) slots *= 2;
    uint16_t *slot = xrealloc(NULL, slots * sizeof *slot);
    memset(slot, 0, slots * sizeof *slot);
    size_t max_len = 0, max_probe = 0;
    for (size_t i = 0; i < nwords; i++) {
        size_t n = strlen(words[i].text), probe = 1;
        if (n > max_len) max_len = n;
        size_t s = lemma_hash(words[i].text, n) & (slots - 1);
        while (slot[s]) s = (s + 1) & (slots - 1), probe++;
        slot[s] = (uint16_t)(i + 1);
        if (probe > max_probe) max_probe = probe;
    }

    char tmp_c[4096], tmp_h[4096];
    FILE *h = open_out(out_h, tmp_h, sizeof tmp_h);
    fprintf(h,
            "/* Generated by bede-gen-lemma from %s, %s and %s. Do not edit. "
            "*/\n"
            "#ifndef BEDE_LEMMA_TABLE_H\n#define BEDE_LEMMA_TABLE_H\n\n"
            "#include <stddef.h>\n#include <stdint.h>\n\n"
            "#define LEMMA_HIDDEN __attribute__((visibility(\"hidden\")))\n"
            "#define LEMMA_POS_NOUN 0x%02xu /* rule for NN and NNS */\n"
            "#define LEMMA_POS_VERB 0x%02xu /* rule for VB VBD VBG VBN VBP "
            "VBZ */\n"
            "#define LEMMA_BASE_NOUN 0x%02xu /* listed noun base form */\n"
            "#define LEMMA_BASE_VERB 0x%02xu /* listed verb base form */\n"
            "#define LEMMA_MAX_LEN %zu /* longest word in the table */\n"
            "#define LEMMA_SLOT_MASK %zuu\n"
            "#define LEMMA_WORD_COUNT %zu\n"
            "#define LEMMA_RULE_COUNT %zu\n\n"
            "/* A word: text[0..len) in bede_lemma_text, its rules\n"
            " * bede_lemma_rules[rule..rule+nrules) in order of precedence. */\n"
            "typedef struct lemma_word {\n"
            "    uint32_t text;\n    uint16_t rule;\n"
            "    uint8_t len, nrules, flags;\n} lemma_word;\n\n"
            "/* A rule: the lemma is text[0..len) when the tag matches pos (a\n"
            " * bede_tag, LEMMA_POS_NOUN or LEMMA_POS_VERB). */\n"
            "typedef struct lemma_rule {\n"
            "    uint32_t text;\n    uint8_t len, pos;\n} lemma_rule;\n\n"
            "LEMMA_HIDDEN extern const char bede_lemma_text[];\n"
            "LEMMA_HIDDEN extern const lemma_word bede_lemma_words[LEMMA_WORD_COUNT];\n"
            "LEMMA_HIDDEN extern const lemma_rule bede_lemma_rules[LEMMA_RULE_COUNT + 1];\n"
            "/* Word index + 1 by hash, 0 for an empty slot; probe linearly. "
            "*/\n"
            "LEMMA_HIDDEN extern const uint16_t bede_lemma_slots[LEMMA_SLOT_MASK + 1];\n\n"
            "%s\n\n#endif\n",
            base_name(argv[3]), base_name(argv[4]), base_name(argv[5]), POS_NOUN, POS_VERB, BASE_NOUN,
            BASE_VERB, max_len, slots - 1, nwords, rules.n,
            EXPAND_STRINGIFY(LEMMA_HASH_FUNCTION));
    close_out(h, tmp_h, out_h);

    text_vec text = {0};
    size_t *word_text = xrealloc(NULL, nwords * sizeof *word_text);
    size_t *rule_text = xrealloc(NULL, (rules.n + 1) * sizeof *rule_text);
    for (size_t i = 0; i < nwords; i++) word_text[i] = text_add(&text, words[i].text);
    for (size_t i = 0; i < rules.n; i++) {
        /* A lemma that is also a word shares the word's text. */
        const char *lemma = rules.v[i].lemma;
        size_t lo = 0, hi = nwords;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(words[mid].text, lemma) < 0) lo = mid + 1;
            else hi = mid;
        }
        rule_text[i] = lo < nwords && strcmp(words[lo].text, lemma) == 0
                           ? word_text[lo]
                           : text_add(&text, lemma);
    }
    if (text.n > UINT32_MAX) die("text pool too large");

    FILE *c = open_out(out_c, tmp_c, sizeof tmp_c);
    fprintf(c,
            "/* Generated by bede-gen-lemma from %s, %s and %s. Do not edit.\n"
            " * %zu words, %zu rules, %zu slots, longest probe %zu. */\n"
            "#include \"lemma_table.h\"\n\n",
            base_name(argv[3]), base_name(argv[4]), base_name(argv[5]), nwords,
            rules.n, slots, max_probe);
    write_text(c, &text);
    fputs("const lemma_word bede_lemma_words[LEMMA_WORD_COUNT] = {\n", c);
    for (size_t i = 0; i < nwords; i++)
        fprintf(c, "    {%zu, %zu, %zu, %zu, %u}, /* %s */\n", word_text[i],
                words[i].first_rule, strlen(words[i].text), words[i].nrules,
                words[i].flags, words[i].text);
    fputs("};\n\nconst lemma_rule bede_lemma_rules[LEMMA_RULE_COUNT + 1] = {\n",
          c);
    for (size_t i = 0; i < rules.n; i++)
        fprintf(c, "    {%zu, %zu, %u}, /* %s %s %s (%s:%u) */\n", rule_text[i],
                strlen(rules.v[i].lemma), rules.v[i].pos, rules.v[i].form,
                pos_name(rules.v[i].pos), rules.v[i].lemma,
                base_name(rules.v[i].file), rules.v[i].line);
    fputs("    {0, 0, 0}};\n\n", c);
    fputs("const uint16_t bede_lemma_slots[LEMMA_SLOT_MASK + 1] = {\n", c);
    for (size_t i = 0; i < slots; i++)
        fprintf(c, "%u,%s", slot[i], i % 16 == 15 ? "\n" : "");
    fputs("};\n", c);
    close_out(c, tmp_c, out_c);

    for (size_t i = 0; i < rules.n; i++) {
        free(rules.v[i].form);
        free(rules.v[i].lemma);
    }
    for (size_t i = 0; i < bases.n; i++) free(bases.v[i].form);
    free(rules.v);
    free(bases.v);
    free(words);
    free(slot);
    free(text.v);
    free(word_text);
    free(rule_text);
    return 0;
}
