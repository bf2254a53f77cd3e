/*
 * Words of a sentence as TABARI counts them, for the coder options that
 * work on counts: min_words (TABARI's SET: MINIMUM WORDS) and the
 * comma-delimited phrases left out of coding (TABARI's COMMA:).
 *
 * A word is a run of tokens not separated by blanks ("Gondor's",
 * "Barad-Dur", "don't" are one word each); punctuation is no word, except
 * a comma, which counts as one.
 */
#include "internal.h"

#include <string.h>

static bool is_comma(const bede_doc *doc, const bede_token *t) {
    return t->kind == BEDE_TOKEN_PUNCT &&
           strcmp(bede_doc_string(doc, t->norm), ",") == 0;
}

/* Fills before[i] (when not NULL) with the number of words of sentence s
 * before its token i, for i in [0, token_count]; returns the number of
 * words. */
static uint32_t count_words(const bede_doc *doc, const bede_sentence *s,
                            uint32_t *before) {
    const bede_token *toks = bede_doc_tokens(doc) + s->first_token;
    uint32_t words = 0;
    bool boundary = true;
    for (uint32_t i = 0; i < s->token_count; i++) {
        const bede_token *t = &toks[i];
        if (before) before[i] = words;
        if (t->flags & BEDE_TOKF_SPACE_BEFORE) boundary = true;
        if (is_comma(doc, t)) {
            words++;
            boundary = true;
        } else if (t->kind == BEDE_TOKEN_PUNCT ||
                   t->kind == BEDE_TOKEN_SYMBOL) {
            continue;
        } else if (boundary) {
            words++;
            boundary = false;
        }
    }
    if (before) before[s->token_count] = words;
    return words;
}

uint32_t sentence_words(const bede_doc *doc, const bede_sentence *s) {
    return count_words(doc, s, NULL);
}

/* Is sentence token i inside a coordination of noun phrases ("Arnor,
 * Gondor and Bree")? Its commas list actors and delimit no phrase. */
static bool in_coordination(const bede_doc *doc, const bede_sentence *s,
                            uint32_t i) {
    const bede_phrase *ph = bede_doc_phrases(doc) + s->first_phrase;
    for (uint32_t p = 0; p < s->phrase_count; p++)
        if ((ph[p].flags & BEDE_PHF_COORD) && ph[p].first < i &&
            i + 1 < ph[p].last)
            return true;
    return false;
}

static bool within(uint32_t n, uint32_t lo, uint32_t hi) {
    return n >= lo && n <= hi;
}

int comma_phrases(const bede_doc *doc, const bede_sentence *s,
                  const bede_coder_options *o, uint8_t *dropped,
                  uint32_t *before) {
    uint32_t n = s->token_count;
    memset(dropped, 0, n);
    if (!o->comma_phrases || !n) return 0;
    const bede_token *toks = bede_doc_tokens(doc) + s->first_token;
    count_words(doc, s, before);
    uint32_t end = n; /* the sentence's final punctuation is no word */
    while (end > 0 &&
           (toks[end - 1].kind == BEDE_TOKEN_PUNCT ||
            toks[end - 1].kind == BEDE_TOKEN_SYMBOL) &&
           !is_comma(doc, &toks[end - 1]))
        end--;
    int found = 0;
    int64_t open = -1; /* the comma that opens the current phrase */
    bool first = true;
    for (uint32_t i = 0; i < end; i++) {
        if (!is_comma(doc, &toks[i]) || in_coordination(doc, s, i)) continue;
        if (first &&
            within(before[i], o->comma_first_min, o->comma_first_max)) {
            /* the phrase that opens the sentence */
            memset(dropped, 1, i);
            found++;
        }
        first = false;
        if (open < 0) {
            open = i;
            continue;
        }
        /* between two commas: the commas go with it; the next comma opens
         * the next phrase */
        uint32_t words = before[i] - before[open] - 1;
        if (within(words, o->comma_min, o->comma_max)) {
            memset(dropped + open, 1, i + 1 - (uint32_t)open);
            found++;
        }
        open = -1;
    }
    if (open >= 0) {
        /* a comma without a partner opens the phrase that ends the
         * sentence */
        uint32_t words = before[end] - before[open] - 1;
        if (within(words, o->comma_last_min, o->comma_last_max)) {
            memset(dropped + open, 1, n - (uint32_t)open);
            found++;
        }
    }
    return found;
}
