/*
 * Sentence splitter.
 *
 * Works on tokens and the gaps between them. A sentence ends:
 *  - at ".", "!", "?" (plus any closing quotes and brackets glued to it)
 *    when the next token starts a sentence: a capital letter, a digit, or an
 *    opening quote or bracket;
 *  - at "..." only when a capitalised word follows;
 *  - at an abbreviation that ends in a period (U.S., Inc., a.m.) only when a
 *    word that usually opens a sentence follows ("The", "He", "But"); titles
 *    (Gen., Mr.) and initials (George W. Bush) never end a sentence;
 *  - at a paragraph break (blank line), always;
 *  - at a single line break after a short line without final punctuation
 *    (a headline or byline) when the next line starts with a capital letter,
 *    a digit or a quote;
 *  - after max_tokens tokens, so that later stages stay bounded.
 * One pass over the tokens.
 */
#include "internal.h"

#include <string.h>

/* Abbreviations that precede a name and so never end a sentence. */
static const char *const titles[] = {
    "mr.",   "mrs.",  "ms.",   "dr.",     "gen.",  "lt.",   "col.", "maj.",
    "brig.", "capt.", "sgt.",  "adm.",    "gov.",  "sen.",  "rep.", "reps.",
    "pres.", "prof.", "rev.",  "st.",     "gens.", "cmdr.", "cdr.", "lieut.",
    "supt.", "insp.", "det.",  "hon.",    "atty.", "amb.",  "pvt.", "cpl.",
    "msgr.", "fr.",   "sens.", "messrs.", "no.",   "nos.",  "vs.",  "mt.",
    "ft.",   "sec.",  NULL};

/* Words that open a sentence after an abbreviation ("... the U.S. The"). */
static const char *const openers[] = {
    "the",      "he",        "she",        "it",      "they",      "we",
    "i",        "you",       "but",        "and",     "in",        "on",
    "at",       "this",      "that",       "these",   "those",     "there",
    "a",        "an",        "his",        "her",     "its",       "their",
    "our",      "however",   "meanwhile",  "after",   "before",    "while",
    "when",     "if",        "as",         "for",     "some",      "many",
    "most",     "no",        "one",        "both",    "all",       "earlier",
    "later",    "last",      "separately", "yet",     "so",        "also",
    "still",    "since",     "during",     "under",   "according", "officials",
    "what",     "who",       "why",        "how",     "such",      "other",
    "another",  "each",      "more",       "several", "nor",       "instead",
    "then",     "now",       "today",      "on",      "police",    "witnesses",
    "analysts", "diplomats", "residents",  NULL};

typedef struct split_ctx {
    const bede_token *toks;
    const uint8_t *gaps;
    size_t n;
    const char *pool;
} split_ctx;

static const char *lower(const split_ctx *c, size_t i) {
    return c->pool + c->toks[i].lower;
}

static bool is_text(const split_ctx *c, size_t i, const char *s) {
    return i < c->n && strcmp(lower(c, i), s) == 0;
}

static bool is_quote(const split_ctx *c, size_t i) {
    return is_text(c, i, "\"") || is_text(c, i, "'") || is_text(c, i, "``") ||
           is_text(c, i, "''");
}

static bool is_closer(const split_ctx *c, size_t i) {
    return is_text(c, i, ")") || is_text(c, i, "]") || is_text(c, i, "}");
}

static bool is_opener_punct(const split_ctx *c, size_t i) {
    return is_text(c, i, "(") || is_text(c, i, "[") || is_text(c, i, "{");
}

/* First byte of token i's text (ASCII view). */
static unsigned char first_byte(const split_ctx *c, size_t i) {
    return (unsigned char)c->pool[c->toks[i].norm];
}

/* Does token i start a sentence (capital letter, digit, opening quote or
 * bracket followed by one of those)? */
static bool starts_sentence(const split_ctx *c, size_t i) {
    if (i >= c->n) return true;
    const bede_token *t = &c->toks[i];
    if ((is_quote(c, i) || is_opener_punct(c, i)) && i + 1 < c->n &&
        c->gaps[i + 1] == GAP_NONE)
        return starts_sentence(c, i + 1) ||
               c->toks[i + 1].kind != BEDE_TOKEN_WORD;
    if (t->flags & BEDE_TOKF_CAPITALIZED) return true;
    if (t->kind == BEDE_TOKEN_NUMBER) return true;
    unsigned char b = first_byte(c, i);
    return b >= '0' && b <= '9';
}

/* Index after the closing quotes/brackets glued to the terminator at i. */
static size_t after_closers(const split_ctx *c, size_t i) {
    size_t e = i + 1;
    while (e < c->n && c->gaps[e] == GAP_NONE &&
           (is_quote(c, e) || is_closer(c, e)))
        e++;
    return e;
}

/* Is there a sentence end after terminator token i? Returns the index of the
 * first token of the next sentence, or 0. */
static size_t end_after(const split_ctx *c, size_t i) {
    const bede_token *t = &c->toks[i];
    const char *w = lower(c, i);
    size_t e = after_closers(c, i);
    if (e >= c->n) return c->n;
    if (c->gaps[e] == GAP_NONE) return 0;
    if (t->kind == BEDE_TOKEN_PUNCT &&
        (strcmp(w, ".") == 0 || strcmp(w, "!") == 0 || strcmp(w, "?") == 0))
        return starts_sentence(c, e) ? e : 0;
    if (t->kind == BEDE_TOKEN_PUNCT && w[0] == '.' && w[1] == '.') {
        /* ellipsis */
        return (c->toks[e].flags & BEDE_TOKF_CAPITALIZED) && !is_text(c, e, "i")
                   ? e
                   : 0;
    }
    if (t->flags & BEDE_TOKF_ABBREV) {
        size_t len = t->span.end - t->span.start;
        if (len == 2) return 0; /* initial "W." */
        if (str_in_list(titles, w)) return 0;
        size_t k = e;
        if (is_quote(c, k) && k + 1 < c->n) k++;
        if ((c->toks[k].flags & BEDE_TOKF_CAPITALIZED) &&
            str_in_list(openers, lower(c, k)))
            return e;
        return 0;
    }
    return 0;
}

static bool is_terminal(const split_ctx *c, size_t i) {
    const char *w = lower(c, i);
    if (c->toks[i].flags & BEDE_TOKF_ABBREV) return true;
    return strcmp(w, ".") == 0 || strcmp(w, "!") == 0 || strcmp(w, "?") == 0 ||
           strcmp(w, ":") == 0 || strcmp(w, ";") == 0 || strcmp(w, ",") == 0 ||
           (w[0] == '.' && w[1] == '.');
}

/* A line break before token k ends a headline: the line before is short and
 * has no final punctuation, and token k starts a sentence. */
static bool headline_break(const split_ctx *c, size_t line_start, size_t k) {
    size_t last = k - 1;
    while (last > line_start && (is_quote(c, last) || is_closer(c, last)))
        last--;
    if (is_terminal(c, last)) return false;
    size_t bytes = c->toks[k - 1].span.end - c->toks[line_start].span.start;
    if (bytes >= 50) return false;
    return starts_sentence(c, k);
}

static int push(sentence_vec *out, const bede_token *toks, size_t a, size_t b) {
    if (b <= a) return 0;
    bede_sentence s;
    memset(&s, 0, sizeof s);
    s.span.start = toks[a].span.start;
    s.span.end = toks[b - 1].span.end;
    s.first_token = (uint32_t)a;
    s.token_count = (uint32_t)(b - a);
    return VEC_PUSH(*out, s);
}

int split_sentences(const bede_token *toks, const uint8_t *gaps, size_t first,
                    size_t n, const char *pool, uint32_t max_tokens,
                    sentence_vec *out) {
    split_ctx c = {toks, gaps, n, pool};
    if (max_tokens == 0) max_tokens = 400;
    size_t start = first, line_start = first;
    size_t k = first;
    while (k < n) {
        if (k > start) {
            bool brk =
                gaps[k] == GAP_PARAGRAPH || k - start >= max_tokens ||
                (gaps[k] == GAP_NEWLINE && headline_break(&c, line_start, k));
            if (brk) {
                if (push(out, toks, start, k)) return BEDE_ERR_NOMEM;
                start = k;
            }
        }
        if (gaps[k] == GAP_NEWLINE || gaps[k] == GAP_PARAGRAPH || k == first)
            line_start = k;
        const bede_token *t = &toks[k];
        bool cand = (t->flags & BEDE_TOKF_ABBREV) ||
                    (t->kind == BEDE_TOKEN_PUNCT &&
                     (pool[t->lower] == '.' || pool[t->lower] == '!' ||
                      pool[t->lower] == '?'));
        if (cand) {
            size_t next = end_after(&c, k);
            if (next && next - start <= max_tokens) {
                /* the closers glued to the terminator end this sentence */
                size_t e = next;
                if (push(out, toks, start, e)) return BEDE_ERR_NOMEM;
                start = e;
                k = e;
                continue;
            }
        }
        k++;
    }
    if (push(out, toks, start, n)) return BEDE_ERR_NOMEM;
    return 0;
}
