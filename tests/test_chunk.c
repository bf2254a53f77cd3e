/*
 * Tests for the phrase chunker and clause analysis (src/chunk.c).
 *
 * Unit tests build tagged token arrays by hand ("word/TAG" or
 * "word/TAG/lemma"), so they do not depend on the tagger. The case-file
 * driver runs tests/cases/chunks.txt (format: tests/cases/README.md, section
 * "chunks.txt") through the public pipeline and reports every failing case
 * with the expectation that failed and the chunked sentence it got. Cases
 * listed in tests/cases/chunks.known-failures must fail (and are reported as
 * expected failures); one that starts passing fails the test so the list
 * stays honest.
 */
#include "harness.h"
#include "internal.h"

#include <ctype.h>
#include <stdint.h>
#include <time.h>

/* ------------------------------------------------------ hand-built input */

enum { MAX_TOKS = 4096, POOL_CAP = 1 << 17 };

typedef struct sent {
    bede_token toks[MAX_TOKS];
    char pool[POOL_CAP];
    size_t used;
    uint32_t n;
    phrase_vec ph;
    clause_vec cl;
} sent;

static uint32_t pool_put(sent *s, const char *w, size_t len) {
    if (s->used + len + 1 > POOL_CAP) return 0;
    uint32_t ref = (uint32_t)s->used;
    memcpy(s->pool + s->used, w, len);
    s->pool[s->used + len] = 0;
    s->used += len + 1;
    return ref;
}

/* Fills s from "word/TAG[/lemma] ..." and chunks it. */
static int build(sent *s, const char *spec) {
    s->used = 0;
    s->n = 0;
    s->ph.n = 0;
    s->cl.n = 0;
    pool_put(s, "", 0);
    const char *p = spec;
    while (*p && s->n < MAX_TOKS) {
        while (*p == ' ')
            p++;
        if (!*p) break;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        /* the tag is after the first '/' that is not the first character */
        const char *sl = memchr(p + 1, '/', (size_t)(e - p - 1));
        if (!sl) {
            fprintf(stderr, "bad token spec: %.*s\n", (int)(e - p), p);
            return -1;
        }
        const char *sl2 = memchr(sl + 1, '/', (size_t)(e - sl - 1));
        char tagname[16] = {0};
        size_t tl = (size_t)((sl2 ? sl2 : e) - sl - 1);
        if (tl >= sizeof tagname) tl = sizeof tagname - 1;
        memcpy(tagname, sl + 1, tl);
        int tag = bede_tag_from_name(tagname);
        if (tag < 0) {
            fprintf(stderr, "bad tag: %s\n", tagname);
            return -1;
        }
        bede_token *t = &s->toks[s->n++];
        memset(t, 0, sizeof *t);
        size_t wl = (size_t)(sl - p);
        t->norm = pool_put(s, p, wl);
        char low[256];
        if (wl >= sizeof low) wl = sizeof low - 1;
        for (size_t i = 0; i < wl; i++)
            low[i] = (char)tolower((unsigned char)p[i]);
        t->lower = pool_put(s, low, wl);
        t->lemma = sl2 ? pool_put(s, sl2 + 1, (size_t)(e - sl2 - 1)) : t->lower;
        t->tag = (uint8_t)tag;
        t->kind = BEDE_TOKEN_WORD;
        if (isupper((unsigned char)p[0])) t->flags |= BEDE_TOKF_CAPITALIZED;
        p = e;
    }
    return chunk_sentence(s->toks, s->n, s->pool, &s->ph, &s->cl);
}

/* ------------------------------------------------------------ rendering */

typedef struct view {
    const bede_token *toks;
    uint32_t n;
    const bede_phrase *ph;
    uint32_t nph;
    const bede_clause *cl;
    uint32_t ncl;
    const char *(*str)(const void *ctx, uint32_t ref);
    const void *ctx;
} view;

static const char *sent_str(const void *ctx, uint32_t ref) {
    return ((const sent *)ctx)->pool + ref;
}
static const char *doc_str(const void *ctx, uint32_t ref) {
    return bede_doc_string((const bede_doc *)ctx, ref);
}

static view sent_view(const sent *s) {
    view v = {s->toks,           s->n,     s->ph.v, (uint32_t)s->ph.n, s->cl.v,
              (uint32_t)s->cl.n, sent_str, s};
    return v;
}

/* Token text of [first, last) joined by single spaces. */
static void span_text(const view *v, uint32_t first, uint32_t last, char *buf,
                      size_t cap) {
    size_t len = 0;
    buf[0] = 0;
    for (uint32_t i = first; i < last && i < v->n; i++) {
        int w = snprintf(buf + len, cap - len, "%s%s", i > first ? " " : "",
                         v->str(v->ctx, v->toks[i].norm));
        if (w < 0 || (size_t)w >= cap - len) break;
        len += (size_t)w;
    }
}

static void phrase_text(const view *v, int32_t p, char *buf, size_t cap) {
    if (p < 0 || (uint32_t)p >= v->nph) {
        snprintf(buf, cap, "-");
        return;
    }
    span_text(v, v->ph[p].first, v->ph[p].last, buf, cap);
}

static const char *const FLAG_NAMES[] = {
    "NEGATED", "PASSIVE",   "PROGRESSIVE", "PERFECT",    "MODAL",   "COORD",
    "APPOS",   "POSSESSOR", "PRONOUN",     "INFINITIVE", "CONJUNCT"};
enum { NFLAGS = sizeof FLAG_NAMES / sizeof FLAG_NAMES[0] };

static int flag_from_name(const char *name) {
    for (int i = 0; i < NFLAGS; i++)
        if (strcmp(FLAG_NAMES[i], name) == 0) return 1 << i;
    return 0;
}

/* Prints the sentence as bracketed phrases with clause brackets, then one
 * line per phrase and per clause. */
static void render(const view *v, FILE *out) {
    char buf[1024];
    /* bracket line: top-level phrases in order, clause starts as {KIND */
    uint32_t p = 0;
    for (uint32_t t = 0; t < v->n;) {
        for (uint32_t k = 0; k < v->ncl; k++)
            if (v->cl[k].first == t && k > 0)
                fprintf(out, "{%s ", bede_clause_kind_name(v->cl[k].kind));
        while (p < v->nph && v->ph[p].first < t)
            p++;
        uint32_t next = t + 1;
        if (p < v->nph && v->ph[p].first == t) {
            uint32_t end = v->ph[p].last;
            fprintf(out, "[%s", bede_phrase_kind_name(v->ph[p].kind));
            for (uint32_t i = t; i < end; i++)
                fprintf(out, " %s", v->str(v->ctx, v->toks[i].norm));
            fprintf(out, "] ");
            next = end > t ? end : t + 1;
        } else {
            fprintf(out, "%s ", v->str(v->ctx, v->toks[t].norm));
        }
        for (uint32_t k = 1; k < v->ncl; k++)
            if (v->cl[k].last > t && v->cl[k].last <= next &&
                v->cl[k].last > v->cl[k].first)
                fprintf(out, "} ");
        t = next;
    }
    fprintf(out, "\n");
    for (uint32_t i = 0; i < v->nph; i++) {
        const bede_phrase *ph = &v->ph[i];
        phrase_text(v, (int32_t)i, buf, sizeof buf);
        fprintf(out, "  %2u %-4s [%s] head=%s", i,
                bede_phrase_kind_name(ph->kind), buf,
                v->str(v->ctx, v->toks[ph->head].norm));
        if (ph->det >= 0)
            fprintf(out, " det=%s", v->str(v->ctx, v->toks[ph->det].norm));
        if (ph->kind == BEDE_PHRASE_VP)
            fprintf(out, " tense=%s", bede_tense_name(ph->tense));
        for (int f = 0; f < NFLAGS; f++)
            if (ph->flags & (1u << f)) fprintf(out, " +%s", FLAG_NAMES[f]);
        if (ph->attach >= 0) {
            phrase_text(v, ph->attach, buf, sizeof buf);
            fprintf(out, " >%d[%s]", ph->attach, buf);
        }
        fprintf(out, " clause=%d\n", ph->clause);
    }
    for (uint32_t k = 0; k < v->ncl; k++) {
        const bede_clause *c = &v->cl[k];
        fprintf(out, "  c%u %s [%u,%u) parent=%d", k,
                bede_clause_kind_name(c->kind), c->first, c->last, c->parent);
        phrase_text(v, c->verb, buf, sizeof buf);
        fprintf(out, " verb=[%s]", buf);
        phrase_text(v, c->subject, buf, sizeof buf);
        fprintf(out, " subj=[%s]", buf);
        phrase_text(v, c->object, buf, sizeof buf);
        fprintf(out, " obj=[%s]\n", buf);
    }
}

/* Structural invariants every output must keep, whatever the input. The
 * first broken one is printed. */
#define BAD(cond)                                                              \
    do {                                                                       \
        if (cond) {                                                            \
            if (!bad) fprintf(stderr, "invalid structure: %s\n", #cond);       \
            bad++;                                                             \
        }                                                                      \
    } while (0)

static int check_valid(const view *v) {
    int bad = 0;
    for (uint32_t i = 0; i < v->nph; i++) {
        const bede_phrase *p = &v->ph[i];
        BAD(p->first >= p->last || p->last > v->n);
        BAD(p->head < p->first || p->head >= p->last);
        BAD(p->attach < -1 || p->attach >= (int32_t)v->nph ||
            p->attach == (int32_t)i);
        BAD(p->det < -1 || (p->det >= 0 && ((uint32_t)p->det < p->first ||
                                            (uint32_t)p->det >= p->last)));
        BAD(p->clause < 0 || p->clause >= (int32_t)v->ncl);
        BAD(p->kind >= BEDE_PHRASE_COUNT || p->tense > BEDE_TENSE_FUTURE);
        BAD(i > 0 && p->first < v->ph[i - 1].first);
    }
    BAD(v->n > 0 && v->ncl == 0);
    for (uint32_t k = 0; k < v->ncl; k++) {
        const bede_clause *c = &v->cl[k];
        BAD(c->first > c->last || c->last > v->n);
        BAD(k == 0 && (c->parent != -1 || c->kind != BEDE_CLAUSE_MAIN));
        BAD(k > 0 && (c->parent < 0 || c->parent >= (int32_t)v->ncl ||
                      c->parent == (int32_t)k));
        BAD(k > 0 && c->parent >= 0 && c->parent < (int32_t)v->ncl &&
            (c->first < v->cl[c->parent].first ||
             c->last > v->cl[c->parent].last));
        BAD(c->verb < -1 || c->verb >= (int32_t)v->nph);
        BAD(c->verb >= 0 && v->ph[c->verb].kind != BEDE_PHRASE_VP);
        BAD(c->subject < -1 || c->subject >= (int32_t)v->nph);
        BAD(c->subject >= 0 && v->ph[c->subject].kind != BEDE_PHRASE_NP);
        BAD(c->object < -1 || c->object >= (int32_t)v->nph);
        BAD(c->object >= 0 && v->ph[c->object].kind != BEDE_PHRASE_NP);
        BAD(c->kind >= BEDE_CLAUSE_COUNT || c->reserved[0]);
    }
    return bad;
}

/* ------------------------------------------------------ expectation lines */

/* Reads "[text]" at *p into buf; returns 0 on success. */
static int read_bracket(const char **p, char *buf, size_t cap) {
    const char *s = *p;
    if (*s != '[') return -1;
    const char *e = strchr(s + 1, ']');
    if (!e) return -1;
    size_t len = (size_t)(e - s - 1);
    if (len >= cap) len = cap - 1;
    memcpy(buf, s + 1, len);
    buf[len] = 0;
    *p = e + 1;
    return 0;
}

static int kind_from_name(const char *name) {
    for (int k = 0; k < BEDE_PHRASE_COUNT; k++)
        if (strcmp(bede_phrase_kind_name(k), name) == 0) return k;
    return -1;
}

static int clause_kind_from_name(const char *name) {
    char low[32];
    size_t i = 0;
    for (; name[i] && i + 1 < sizeof low; i++)
        low[i] = (char)tolower((unsigned char)name[i]);
    low[i] = 0;
    for (int k = 0; k < BEDE_CLAUSE_COUNT; k++)
        if (strcmp(bede_clause_kind_name(k), low) == 0) return k;
    return -1;
}

static bool phrase_is(const view *v, int32_t p, int kind, const char *text) {
    char buf[1024];
    if (p < 0 || (uint32_t)p >= v->nph) return false;
    if (kind >= 0 && v->ph[p].kind != kind) return false;
    phrase_text(v, p, buf, sizeof buf);
    return strcmp(buf, text) == 0;
}

/* Checks one attribute "name=value" / "+FLAG" / "-FLAG" / ">[text]" of
 * phrase p. Returns 1 when it holds, 0 when not, -1 when malformed. */
static int phrase_attr(const view *v, int32_t p, const char *a) {
    const bede_phrase *ph = &v->ph[p];
    char buf[1024];
    if (a[0] == '+' || a[0] == '-') {
        int f = flag_from_name(a + 1);
        if (!f) return -1;
        return a[0] == '+' ? (ph->flags & f) != 0 : (ph->flags & f) == 0;
    }
    if (a[0] == '>') {
        const char *s = a + 1;
        if (strcmp(s, "-") == 0) return ph->attach < 0;
        int kind = -1;
        char kname[8] = {0};
        size_t k = 0;
        while (isupper((unsigned char)s[k]) && k + 1 < sizeof kname) {
            kname[k] = s[k];
            k++;
        }
        if (k) {
            kind = kind_from_name(kname);
            if (kind < 0) return -1;
            s += k;
        }
        if (read_bracket(&s, buf, sizeof buf)) return -1;
        return phrase_is(v, ph->attach, kind, buf);
    }
    const char *eq = strchr(a, '=');
    if (!eq) return -1;
    const char *val = eq + 1;
    size_t nl = (size_t)(eq - a);
    if (nl == 4 && strncmp(a, "head", 4) == 0)
        return strcmp(v->str(v->ctx, v->toks[ph->head].norm), val) == 0;
    if (nl == 3 && strncmp(a, "det", 3) == 0) {
        if (strcmp(val, "-") == 0) return ph->det < 0;
        return ph->det >= 0 &&
               strcmp(v->str(v->ctx, v->toks[ph->det].norm), val) == 0;
    }
    if (nl == 5 && strncmp(a, "tense", 5) == 0)
        return strcmp(bede_tense_name(ph->tense), val) == 0;
    if (nl == 6 && strncmp(a, "clause", 6) == 0) {
        int k = clause_kind_from_name(val);
        if (k < 0) return -1;
        return ph->clause >= 0 && (uint32_t)ph->clause < v->ncl &&
               v->cl[ph->clause].kind == k;
    }
    return -1;
}

/* Splits s into attribute words; a bracketed text may hold spaces. */
static int next_word(const char **p, char *buf, size_t cap) {
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s) return 0;
    size_t len = 0;
    int depth = 0;
    while (*s && (depth > 0 || (*s != ' ' && *s != '\t'))) {
        if (*s == '[') depth++;
        if (*s == ']' && depth > 0) depth--;
        if (len + 1 < cap) buf[len++] = *s;
        s++;
    }
    buf[len] = 0;
    *p = s;
    return 1;
}

/* A phrase expectation: "NP [text] attr..." or "!NP [text]". Returns 1 when
 * met, 0 when not, -1 when malformed. */
static int check_phrase_line(const view *v, const char *line) {
    bool negated = line[0] == '!';
    const char *s = line + negated;
    char kname[8] = {0}, text[1024], attrs[64][256];
    size_t k = 0;
    while (isupper((unsigned char)*s) && k + 1 < sizeof kname)
        kname[k++] = *s++;
    int kind = kind_from_name(kname);
    while (*s == ' ')
        s++;
    if (kind < 0 || read_bracket(&s, text, sizeof text)) return -1;
    int na = 0;
    while (na < 64 && next_word(&s, attrs[na], sizeof attrs[na]))
        na++;
    for (uint32_t p = 0; p < v->nph; p++) {
        if (!phrase_is(v, (int32_t)p, kind, text)) continue;
        if (negated) return 0;
        bool all = true;
        for (int a = 0; a < na; a++) {
            int r = phrase_attr(v, (int32_t)p, attrs[a]);
            if (r < 0) return -1;
            if (!r) all = false;
        }
        if (all) return 1;
    }
    return negated ? 1 : 0;
}

/* "CL KIND verb=[..] subj=[..]|- obj=[..]|- parent=KIND|-". */
static int check_clause_line(const view *v, const char *line) {
    const char *s = line + 2;
    char word[256], kname[32];
    if (!next_word(&s, kname, sizeof kname)) return -1;
    int kind = clause_kind_from_name(kname);
    if (kind < 0) return -1;
    char attrs[16][256];
    int na = 0;
    while (na < 16 && next_word(&s, attrs[na], sizeof attrs[na]))
        na++;
    for (uint32_t k = 0; k < v->ncl; k++) {
        const bede_clause *c = &v->cl[k];
        if (c->kind != kind) continue;
        bool all = true;
        for (int a = 0; a < na && all; a++) {
            const char *eq = strchr(attrs[a], '=');
            if (!eq) return -1;
            size_t nl = (size_t)(eq - attrs[a]);
            const char *val = eq + 1;
            int32_t target;
            if (nl == 6 && strncmp(attrs[a], "parent", 6) == 0) {
                if (strcmp(val, "-") == 0) {
                    all = c->parent < 0;
                } else {
                    int pk = clause_kind_from_name(val);
                    if (pk < 0) return -1;
                    all = c->parent >= 0 && (uint32_t)c->parent < v->ncl &&
                          v->cl[c->parent].kind == pk;
                }
                continue;
            }
            if (nl == 4 && strncmp(attrs[a], "verb", 4) == 0)
                target = c->verb;
            else if (nl == 4 && strncmp(attrs[a], "subj", 4) == 0)
                target = c->subject;
            else if (nl == 3 && strncmp(attrs[a], "obj", 3) == 0)
                target = c->object;
            else
                return -1;
            if (strcmp(val, "-") == 0) {
                all = target < 0;
                continue;
            }
            const char *b = val;
            if (read_bracket(&b, word, sizeof word)) return -1;
            all = phrase_is(v, target, -1, word);
        }
        if (all) return 1;
    }
    return 0;
}

static int check_line(const view *v, const char *line) {
    if (line[0] == 'C' && line[1] == 'L' && line[2] == ' ')
        return check_clause_line(v, line);
    return check_phrase_line(v, line);
}

/* ------------------------------------------------------------ unit tests */

static sent S;

/* Phrase index with kind and text, or -1. */
static int32_t find(const view *v, int kind, const char *text) {
    for (uint32_t p = 0; p < v->nph; p++)
        if (phrase_is(v, (int32_t)p, kind, text)) return (int32_t)p;
    return -1;
}

/* Runs spec and checks each expectation line (case-file syntax). */
static void expect(const char *spec, const char *const *lines) {
    CHECK_INT(build(&S, spec), 0);
    view v = sent_view(&S);
    CHECK_INT(check_valid(&v), 0);
    bool ok = true;
    for (; *lines; lines++) {
        int r = check_line(&v, *lines);
        if (r != 1) {
            fprintf(stderr, "  expected: %s (%s)\n", *lines,
                    r < 0 ? "malformed" : "not met");
            ok = false;
        }
        CHECK(r == 1);
    }
    if (!ok) render(&v, stderr);
}

#define LINES(...) ((const char *const[]){__VA_ARGS__, NULL})

static void t_possessor_and_coordination(void) {
    expect(
        "Iran/NNP 's/POS foreign/JJ ministry/NN spokesman/NN strongly/RB "
        "condemned/VBD/condemn Israel/NNP 's/POS attacks/NNS/attack in/IN "
        "Jenin/NNP and/CC urged/VBD/urge the/DT Palestinian/JJ groups/NNS "
        "to/TO stay/VB united/VBN ./.",
        LINES("NP [Iran 's] head=Iran +POSSESSOR >[foreign ministry spokesman]",
              "NP [foreign ministry spokesman] head=spokesman det=- -POSSESSOR",
              "VP [strongly condemned] head=condemned tense=past -NEGATED",
              "NP [Israel 's] +POSSESSOR >[attacks]",
              "PP [in Jenin] head=in >NP[attacks]", "NP [Jenin] >PP[in Jenin]",
              "!NP [Jenin and urged]", "VP [to stay] +INFINITIVE tense=none",
              "ADJP [united]",
              "CL main verb=[strongly condemned] "
              "subj=[foreign ministry spokesman] obj=[attacks] parent=-",
              "CL coordinate verb=[urged] subj=[foreign ministry spokesman] "
              "obj=[the Palestinian groups] parent=main",
              "CL infinitival verb=[to stay] subj=[the Palestinian groups] "
              "parent=coordinate"));
}

static void t_np_coordination(void) {
    expect("Israel/NNP and/CC Egypt/NNP signed/VBD/sign a/DT deal/NN ./.",
           LINES("NP [Israel and Egypt] +COORD head=Israel >-",
                 "NP [Israel] +CONJUNCT >[Israel and Egypt]",
                 "NP [Egypt] +CONJUNCT >[Israel and Egypt]",
                 "CL main verb=[signed] subj=[Israel and Egypt] obj=[a deal]"));
    expect("Leaders/NNS of/IN Egypt/NNP ,/, Jordan/NNP ,/, and/CC Qatar/NNP "
           "met/VBD/meet ./.",
           LINES("NP [Egypt , Jordan , and Qatar] +COORD",
                 "PP [of Egypt , Jordan , and Qatar] >[Leaders]",
                 "NP [Jordan] +CONJUNCT", "NP [Qatar] +CONJUNCT",
                 "CL main verb=[met] subj=[Leaders]"));
    /* clause coordination, not NP coordination */
    expect("Israel/NNP attacked/VBD/attack Gaza/NNP and/CC Hamas/NNP "
           "fired/VBD/fire rockets/NNS/rocket ./.",
           LINES("!NP [Gaza and Hamas]", "NP [Gaza] -CONJUNCT",
                 "CL main verb=[attacked] subj=[Israel] obj=[Gaza]",
                 "CL coordinate verb=[fired] subj=[Hamas] obj=[rockets] "
                 "parent=main"));
    /* after a verb of saying, the conjunction still joins NPs */
    expect("He/PRP said/VBD/say Israel/NNP and/CC Egypt/NNP signed/VBD/sign "
           "a/DT deal/NN ./.",
           LINES("NP [Israel and Egypt] +COORD", "NP [He] +PRONOUN",
                 "CL main verb=[said] subj=[He] obj=-",
                 "CL complement verb=[signed] subj=[Israel and Egypt] "
                 "parent=main"));
}

static void t_apposition_and_titles(void) {
    expect(
        "Esmail/NNP Baghaei/NNP ,/, the/DT ministry/NN 's/POS "
        "spokesman/NN ,/, said/VBD/say Tehran/NNP would/MD respond/VB ./.",
        LINES("NP [Esmail Baghaei] head=Baghaei -APPOS",
              "NP [spokesman] +APPOS >[Esmail Baghaei]",
              "NP [the ministry 's] +POSSESSOR det=the >[spokesman]",
              "VP [would respond] +MODAL tense=future head=respond",
              "CL main verb=[said] subj=[Esmail Baghaei]",
              "CL complement verb=[would respond] subj=[Tehran] parent=main"));
    expect("U.S./NNP President/NNP Donald/NNP Trump/NNP met/VBD/meet "
           "Foreign/NNP Minister/NNP Abbas/NNP Araghchi/NNP ./.",
           LINES("NP [U.S. President Donald Trump] head=Trump",
                 "NP [Foreign Minister Abbas Araghchi] head=Araghchi",
                 "CL main verb=[met] subj=[U.S. President Donald Trump] "
                 "obj=[Foreign Minister Abbas Araghchi]"));
    expect("Israel/NNP struck/VBD/strike Jenin/NNP ,/, the/DT largest/JJS "
           "camp/NN in/IN the/DT West/NNP Bank/NNP ./.",
           LINES("NP [the largest camp] +APPOS >[Jenin] head=camp det=the",
                 "PP [in the West Bank] >[the largest camp]"));
    /* a reporting clause after a comma is not an appositive */
    expect("Israel/NNP struck/VBD/strike Jenin/NNP ,/, the/DT ministry/NN "
           "said/VBD/say ./.",
           LINES("NP [the ministry] -APPOS",
                 "CL main verb=[said] subj=[the ministry]",
                 "CL complement verb=[struck] subj=[Israel] obj=[Jenin] "
                 "parent=main"));
}

static void t_verb_groups(void) {
    expect("Egypt/NNP did/VBD/do not/RB condemn/VB/condemn the/DT raid/NN "
           ",/, which/WDT has/VBZ/have been/VBN/be widely/RB "
           "criticised/VBN/criticise ./.",
           LINES("VP [did not condemn] +NEGATED tense=past head=condemn",
                 "VP [has been widely criticised] +PASSIVE +PERFECT "
                 "tense=present head=criticised",
                 "CL main verb=[did not condemn] subj=[Egypt] obj=[the raid]",
                 "CL relative verb=[has been widely criticised] "
                 "subj=[the raid] parent=main"));
    expect("Talks/NNS/talk are/VBP/be being/VBG/be held/VBN/hold and/CC "
           "leaders/NNS/leader will/MD meet/VB on/IN Friday/NNP ./.",
           LINES("VP [are being held] +PASSIVE +PROGRESSIVE tense=present",
                 "VP [will meet] +MODAL tense=future -PASSIVE",
                 "PP [on Friday] >VP[will meet]"));
    expect("He/PRP is/VBZ/be expected/VBN/expect to/TO visit/VB Cairo/NNP "
           "./.",
           LINES("VP [is expected] +PASSIVE head=expected",
                 "VP [to visit] +INFINITIVE head=visit",
                 "CL main verb=[is expected] subj=[He]",
                 "CL infinitival verb=[to visit] subj=[He] obj=[Cairo] "
                 "parent=main"));
    expect("Two/CD soldiers/NNS/soldier were/VBD/be killed/VBN/kill by/IN "
           "Hezbollah/NNP fighters/NNS/fighter ./.",
           LINES("VP [were killed] +PASSIVE tense=past",
                 "PP [by Hezbollah fighters] >VP[were killed]",
                 "NP [Two soldiers] head=soldiers",
                 "CL main verb=[were killed] subj=[Two soldiers] obj=-"));
    expect("Militants/NNS/militant never/RB carried/VBD/carry out/RP "
           "the/DT attack/NN ./.",
           LINES("VP [never carried out] +NEGATED head=carried",
                 "CL main verb=[never carried out] obj=[the attack]"));
}

static void t_pp_attachment(void) {
    expect("Araghchi/NNP met/VBD/meet with/IN Lavrov/NNP in/IN Moscow/NNP "
           "on/IN Monday/NNP ./.",
           LINES("PP [with Lavrov] >VP[met]", "PP [in Moscow] >VP[met]",
                 "PP [on Monday] >VP[met]"));
    expect("The/DT head/NN of/IN the/DT agency/NN visited/VBD/visit "
           "Gaza/NNP ./.",
           LINES("PP [of the agency] >NP[The head]",
                 "CL main verb=[visited] subj=[The head] obj=[Gaza]"));
    expect("On/IN Friday/NNP ,/, Israeli/JJ troops/NNS/troop raided/VBD/raid "
           "Nablus/NNP ./.",
           LINES("PP [On Friday] >VP[raided]", "NP [Israeli troops] -APPOS",
                 "CL main verb=[raided] subj=[Israeli troops] obj=[Nablus]"));
    expect("Israeli/JJ forces/NNS/force killed/VBD/kill at/IN least/JJS "
           "12/CD people/NNS/people ./.",
           LINES("NP [at least 12 people] head=people",
                 "CL main obj=[at least 12 people]"));
}

static void t_clause_kinds(void) {
    expect("The/DT U.N./NNP Security/NNP Council/NNP will/MD meet/VB on/IN "
           "Friday/NNP to/TO discuss/VB the/DT crisis/NN ,/, "
           "diplomats/NNS/diplomat said/VBD/say ./.",
           LINES("NP [The U.N. Security Council] head=Council det=The",
                 "CL main verb=[said] subj=[diplomats] obj=- parent=-",
                 "CL complement verb=[will meet] "
                 "subj=[The U.N. Security Council] parent=main",
                 "CL infinitival verb=[to discuss] "
                 "subj=[The U.N. Security Council] obj=[the crisis] "
                 "parent=complement",
                 "VP [said] clause=main",
                 "NP [the crisis] clause=infinitival"));
    expect("``/`` We/PRP will/MD respond/VB ,/, ''/'' said/VBD/say the/DT "
           "minister/NN ./.",
           LINES("CL main verb=[said] subj=[the minister]",
                 "CL complement verb=[will respond] subj=[We] parent=main"));
    expect("Five/CD people/NNS/people were/VBD/be killed/VBN/kill ,/, "
           "according/VBG/accord to/TO the/DT health/NN ministry/NN ./.",
           LINES("CL main verb=[according] subj=[the health ministry]",
                 "CL complement verb=[were killed] subj=[Five people] "
                 "parent=main"));
    expect("According/VBG/accord to/TO the/DT army/NN ,/, militants/NNS "
           "fired/VBD/fire rockets/NNS ./.",
           LINES("CL main verb=[According] subj=[the army]",
                 "CL complement verb=[fired] subj=[militants] obj=[rockets] "
                 "parent=main"));
    expect("Israel/NNP struck/VBD/strike the/DT camp/NN ,/, "
           "killing/VBG/kill 12/CD people/NNS ./.",
           LINES("CL participial verb=[killing] subj=[Israel] "
                 "obj=[12 people] parent=main"));
    expect("The/DT minister/NN told/VBD/tell reporters/NNS/reporter "
           "Israel/NNP would/MD pay/VB ./.",
           LINES("CL main verb=[told] subj=[The minister] obj=[reporters]",
                 "CL complement verb=[would pay] subj=[Israel] parent=main"));
    expect("The/DT minister/NN told/VBD/tell reporters/NNS/reporter that/IN "
           "talks/NNS/talk had/VBD/have failed/VBN/fail ./.",
           LINES("CL main verb=[told] obj=[reporters]",
                 "CL complement verb=[had failed] subj=[talks] parent=main",
                 "VP [had failed] +PERFECT tense=past"));
    expect("Protests/NNS/protest erupted/VBD/erupt after/IN police/NNS "
           "shot/VBD/shoot a/DT teenager/NN ./.",
           LINES("!PP [after police]",
                 "CL adverbial verb=[shot] subj=[police] obj=[a teenager] "
                 "parent=main"));
    expect("The/DT man/NN who/WP attacked/VBD/attack the/DT soldiers/NNS "
           "was/VBD/be arrested/VBN/arrest ./.",
           LINES("CL main verb=[was arrested] subj=[The man]",
                 "CL relative verb=[attacked] subj=[The man] "
                 "obj=[the soldiers] parent=main"));
    expect("Hamas/NNP called/VBD/call on/IN Arab/JJ states/NNS to/TO "
           "cut/VB ties/NNS ./.",
           LINES("CL infinitival verb=[to cut] subj=[Arab states] obj=[ties]"));
    expect("Russia/NNP accused/VBD/accuse Ukraine/NNP of/IN "
           "shelling/VBG/shell the/DT plant/NN ./.",
           LINES("CL adverbial verb=[shelling] subj=[Ukraine] "
                 "obj=[the plant]"));
}

/* Garbage in, valid structure out: random tags, deep nesting, long runs. */
static void t_robust(void) {
    static char spec[MAX_TOKS * 12];
    uint32_t seed = 12345;
    for (int round = 0; round < 2000; round++) {
        size_t len = 0;
        int n = 1 + (int)(seed % 300);
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            int tag = (int)((seed >> 8) % BEDE_TAG_COUNT);
            const char *words[] = {
                "x",   "that",      "to",  "and", ",",   "which",  "said", "'s",
                "not", "according", "was", "of",  "the", "Friday", "\""};
            const char *w = words[(seed >> 20) % 15];
            len += (size_t)snprintf(spec + len, sizeof spec - len, "%s/%s ", w,
                                    bede_tag_name(tag));
        }
        CHECK_INT(build(&S, spec), 0);
        view v = sent_view(&S);
        int bad = check_valid(&v);
        if (bad) {
            fprintf(stderr, "invalid structure for: %s\n", spec);
            render(&v, stderr);
        }
        CHECK_INT(bad, 0);
    }
    /* long and deeply nested inputs: no recursion; ctest's TIMEOUT bounds
     * the time (tests assert no timings) */
    const char *unit[] = {"who/WP said/VBD that/IN the/DT man/NN ",
                          "``/`` (/-LRB- to/TO go/VB ",
                          "and/CC Israel/NNP ,/, ", "of/IN Gaza/NNP 's/POS "};
    for (int u = 0; u < 4; u++) {
        size_t len = 0;
        while (len + 64 < sizeof spec)
            len +=
                (size_t)snprintf(spec + len, sizeof spec - len, "%s", unit[u]);
        CHECK_INT(build(&S, spec), 0);
        view v = sent_view(&S);
        CHECK_INT(check_valid(&v), 0);
    }
    CHECK_INT(build(&S, ""), 0);
    CHECK_INT((int)S.ph.n, 0);
    CHECK_INT(build(&S, "./."), 0);
    CHECK_INT((int)S.cl.n, 1);
}

/* ------------------------------------------------------ case-file driver */

typedef struct kcase {
    char id[64];
} kcase;

/* The NUL-terminated contents of a file, or NULL. */
static char *read_text(const char *path) {
    char *buf;
    size_t len;
    return read_file(path, &buf, &len, NULL) == 0 ? buf : NULL;
}

typedef struct bench_sent {
    uint32_t first, n;
} bench_sent;

static void t_case_file(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/cases/chunks.txt", BEDE_SOURCE_DIR);
    char *text = read_text(path);
    CHECK(text != NULL);
    if (!text) return;
    snprintf(path, sizeof path, "%s/tests/cases/chunks.known-failures",
             BEDE_SOURCE_DIR);
    char *known = read_text(path);
    bede_error err;
    bede_analyzer *an = bede_analyzer_new(NULL, &err);
    CHECK(an != NULL);
    bede_doc *doc = bede_doc_new();
    CHECK(doc != NULL);
    if (!an || !doc) {
        free(text);
        free(known);
        bede_analyzer_free(an);
        bede_doc_free(doc);
        return;
    }
    /* tagged tokens of every case, kept for the speed measurement */
    token_vec all = {0};
    char_vec pool = {0};
    bench_sent *bs = NULL;
    size_t nbs = 0, capbs = 0;

    int cases = 0, passed = 0, xfail = 0, failed = 0, xpass = 0;
    char *line = text;
    char id[64] = {0}, sentence[4096] = {0};
    char *exp[128];
    int nexp = 0;
    bool in_case = false;
    for (;;) {
        char *nl = line ? strchr(line, '\n') : NULL;
        if (nl) *nl = 0;
        bool end = line == NULL;
        bool blank = end || line[0] == 0 || line[0] == '@';
        if (!end && line[0] == '#') {
            line = nl ? nl + 1 : NULL;
            continue;
        }
        if (blank && in_case) {
            cases++;
            int rc = bede_analyze(an, sentence, strlen(sentence), doc, &err);
            char why[2048] = "";
            const bede_sentence *ss = bede_doc_sentences(doc);
            if (rc != 1) {
                snprintf(why, sizeof why, "analysed into %d sentences", rc);
            }
            view v = {0};
            if (rc >= 1) {
                const bede_sentence *s0 = &ss[0];
                v.toks = bede_doc_tokens(doc) + s0->first_token;
                v.n = s0->token_count;
                v.ph = bede_doc_phrases(doc) + s0->first_phrase;
                v.nph = s0->phrase_count;
                v.cl = bede_doc_clauses(doc) + s0->first_clause;
                v.ncl = s0->clause_count;
                v.str = doc_str;
                v.ctx = doc;
                if (check_valid(&v))
                    snprintf(why, sizeof why, "invalid structure");
                /* keep the tokens for the benchmark */
                if (capbs == nbs) {
                    capbs = capbs ? 2 * capbs : 256;
                    bs = realloc(bs, capbs * sizeof *bs);
                }
                if (bs) {
                    bs[nbs].first = (uint32_t)all.n;
                    bs[nbs].n = v.n;
                    nbs++;
                    for (uint32_t i = 0; i < v.n; i++) {
                        bede_token t = v.toks[i];
                        const char *w[3] = {doc_str(doc, t.norm),
                                            doc_str(doc, t.lower),
                                            doc_str(doc, t.lemma)};
                        t.norm = pool_add(&pool, w[0], strlen(w[0]));
                        t.lower = pool_add(&pool, w[1], strlen(w[1]));
                        t.lemma = pool_add(&pool, w[2], strlen(w[2]));
                        if (VEC_PUSH(all, t)) break;
                    }
                }
            }
            for (int e = 0; e < nexp && !why[0] && rc >= 1; e++) {
                int r = check_line(&v, exp[e]);
                if (r != 1)
                    snprintf(why, sizeof why, "%s: %s",
                             r < 0 ? "malformed expectation" : "expected",
                             exp[e]);
            }
            bool kf = harness_known_failure(known, id);
            if (!why[0] && !kf) {
                passed++;
            } else if (why[0] && kf) {
                xfail++;
                printf("XFAIL %s (known failure): %s\n", id, why);
            } else if (!why[0] && kf) {
                xpass++;
                printf("XPASS %s: passes but is listed in "
                       "chunks.known-failures\n",
                       id);
            } else {
                failed++;
                printf("FAIL %s\n  text: %s\n  %s\n  got: ", id, sentence, why);
                if (rc >= 1) {
                    render(&v, stdout);
                    printf("  tags:");
                    for (uint32_t i = 0; i < v.n; i++)
                        printf(" %s/%s", doc_str(doc, v.toks[i].norm),
                               bede_tag_name(v.toks[i].tag));
                    printf("\n");
                } else {
                    printf("-\n");
                }
            }
            in_case = false;
        }
        if (end) break;
        if (line[0] == '@') {
            snprintf(id, sizeof id, "%s", line + 1 + (line[1] == ' '));
            char *sp = strpbrk(id, " \t");
            if (sp) *sp = 0;
            sentence[0] = 0;
            nexp = 0;
            in_case = true;
        } else if (in_case && line[0] && !sentence[0]) {
            snprintf(sentence, sizeof sentence, "%s", line);
        } else if (in_case && line[0] && nexp < 128) {
            exp[nexp++] = line;
        }
        line = nl ? nl + 1 : NULL;
    }
    printf("chunks.txt: %d cases, %d passed, %d failed, %d known failures, "
           "%d known failures now passing (%.1f%% pass)\n",
           cases, passed, failed, xfail, xpass,
           cases ? 100.0 * (passed) / cases : 0.0);
    CHECK(cases >= 160);
    CHECK_INT(failed, 0);
    CHECK_INT(xpass, 0);

    /* speed: chunk the tagged case sentences over and over */
    if (nbs > 0 && all.v) {
        phrase_vec ph = {0};
        clause_vec cl = {0};
        size_t sentences = 0, phrases = 0, tokens = 0;
        clock_t t0 = clock();
        while (sentences < 20000) {
            for (size_t k = 0; k < nbs; k++) {
                ph.n = cl.n = 0;
                chunk_sentence(all.v + bs[k].first, bs[k].n, pool.v, &ph, &cl);
                phrases += ph.n;
                tokens += bs[k].n;
                sentences++;
            }
        }
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        if (secs > 0)
            printf("chunker speed: %zu sentences, %zu tokens in %.3f s: "
                   "%.2f us/sentence, %.1f M tokens/s, %.1f M phrases/s\n",
                   sentences, tokens, secs, 1e6 * secs / (double)sentences,
                   (double)tokens / secs / 1e6, (double)phrases / secs / 1e6);
        free(ph.v);
        free(cl.v);
    }
    free(all.v);
    free(pool.v);
    free(bs);
    free(text);
    free(known);
    bede_doc_free(doc);
    bede_analyzer_free(an);
}

static void t_find_helper(void) {
    CHECK_INT(build(&S, "Israel/NNP said/VBD ./."), 0);
    view v = sent_view(&S);
    CHECK(find(&v, BEDE_PHRASE_NP, "Israel") >= 0);
    CHECK(find(&v, BEDE_PHRASE_NP, "said") < 0);
}

/* Debugging aid: "test_chunk FILE" prints every sentence of FILE (one text
 * per line) as bracketed phrases and clauses instead of running the tests. */
static int render_file(const char *path) {
    char *text = read_text(path);
    if (!text) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    bede_error err;
    bede_analyzer *an = bede_analyzer_new(NULL, &err);
    bede_doc *doc = bede_doc_new();
    int rc = an && doc ? 0 : 1;
    for (char *line = text; line && !rc;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        int ns = bede_analyze(an, line, strlen(line), doc, &err);
        const bede_sentence *ss = bede_doc_sentences(doc);
        for (int k = 0; k < ns; k++) {
            view v = {bede_doc_tokens(doc) + ss[k].first_token,
                      ss[k].token_count,
                      bede_doc_phrases(doc) + ss[k].first_phrase,
                      ss[k].phrase_count,
                      bede_doc_clauses(doc) + ss[k].first_clause,
                      ss[k].clause_count,
                      doc_str,
                      doc};
            render(&v, stdout);
            if (check_valid(&v)) rc = 1;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    bede_doc_free(doc);
    bede_analyzer_free(an);
    return rc;
}

int main(int argc, char **argv) {
    if (argc > 1) return render_file(argv[1]);
    static const harness_test tests[] = {
        TEST(t_possessor_and_coordination),
        TEST(t_np_coordination),
        TEST(t_apposition_and_titles),
        TEST(t_verb_groups),
        TEST(t_pp_attachment),
        TEST(t_clause_kinds),
        TEST(t_robust),
        TEST(t_find_helper),
        TEST(t_case_file),
    };
    int rc = harness_run(tests, sizeof tests / sizeof tests[0]);
    free(S.ph.v);
    free(S.cl.v);
    return rc;
}
