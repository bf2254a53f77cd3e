/*
 * Private declarations shared by the stages of the text pipeline.
 * Nothing here is part of the public API; see include/bede.h.
 */
#ifndef BEDE_INTERNAL_H
#define BEDE_INTERNAL_H

#include "bede.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BEDE_HIDDEN __attribute__((visibility("hidden")))

/* ---- error.c */
/* Fills err (when non-NULL) and returns status. */
BEDE_HIDDEN int bede_fail(bede_error *err, int status, const char *file,
                          uint32_t line, uint32_t column, uint64_t offset,
                          const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* ---- growable arrays: `T *v; size_t n, cap;` */
BEDE_HIDDEN int vec_reserve(void **v, size_t *cap, size_t need, size_t elem);
#define VEC_PUSH(vec, item)                                                    \
    (((vec).n < (vec).cap || vec_reserve((void **)&(vec).v, &(vec).cap,        \
                                         (vec).n + 1, sizeof(*(vec).v)) == 0)  \
         ? ((vec).v[(vec).n++] = (item), 0)                                    \
         : BEDE_ERR_NOMEM)

typedef struct {
    bede_token *v;
    size_t n, cap;
} token_vec;
typedef struct {
    bede_phrase *v;
    size_t n, cap;
} phrase_vec;
typedef struct {
    bede_clause *v;
    size_t n, cap;
} clause_vec;
typedef struct {
    bede_sentence *v;
    size_t n, cap;
} sentence_vec;
typedef struct {
    char *v;
    size_t n, cap;
} char_vec;

/* Is w one of the strings of the NULL-terminated list? */
BEDE_HIDDEN bool str_in_list(const char *const *list, const char *w);

/* Reads the whole file at path into a malloc'ed, NUL-terminated buffer
 * (*out, *len without the NUL; free it). Returns 0, BEDE_ERR_IO or
 * BEDE_ERR_NOMEM, with err naming the file. */
BEDE_HIDDEN int read_file(const char *path, char **out, size_t *len,
                          bede_error *err);

/* ---- error.c: the doc's string pool (NUL-terminated strings) */
/* Appends s[0..len) plus NUL; returns its offset, or UINT32_MAX on OOM. */
BEDE_HIDDEN uint32_t pool_add(char_vec *pool, const char *s, size_t len);

/* ---- normalize.c: UTF-8 decoding, NFC, punctuation folding, case */
/* Decodes the code point at s[i] (i < len). Returns its byte length (>= 1)
 * and stores it in *cp, or stores -1 for an invalid or truncated sequence
 * (length 1). */
BEDE_HIDDEN size_t utf8_decode(const uint8_t *s, size_t len, size_t i,
                               int32_t *cp);
/* Offset of the first invalid UTF-8 byte in s[0..len), or len if valid. */
BEDE_HIDDEN size_t utf8_first_invalid(const uint8_t *s, size_t len);
/* Character classes used by the tokenizer. */
BEDE_HIDDEN bool cp_is_letter(int32_t cp);
BEDE_HIDDEN bool cp_is_digit(int32_t cp);
BEDE_HIDDEN bool cp_is_space(int32_t cp);
BEDE_HIDDEN bool cp_is_upper(int32_t cp);
/* Curly/low/angle double quotes -> '"'; curly single quotes, primes and
 * modifier apostrophes -> '\''; hyphen and dash variants -> '-' (en dash,
 * minus) or 0x2014 (em dash, horizontal bar); other code points unchanged. */
BEDE_HIDDEN int32_t cp_fold(int32_t cp);
/* Normalises token bytes s[0..len): NFC, folding (em dash -> "--"),
 * invalid bytes -> U+FFFD. Appends the normal form and its lower-case form to
 * pool and stores their refs (equal when the form is already lower case). */
BEDE_HIDDEN int normalize_token(const char *s, size_t len, char_vec *pool,
                                uint32_t *norm, uint32_t *lower);

/* ---- tokenize.c: text -> tokens */
/* What lies between a token and the one before it. */
enum { GAP_NONE, GAP_SPACE, GAP_NEWLINE, GAP_PARAGRAPH };
typedef struct {
    uint8_t *v;
    size_t n, cap;
} byte_vec;
/* Tokenizes text[0..len) (UTF-8 already checked or to be replaced) into
 * toks (kind, span, flags, norm, lower; tag and lemma unset) and gaps (one
 * GAP_* per token). Counts replaced invalid sequences in *replaced. */
BEDE_HIDDEN int tokenize(const char *text, size_t len, token_vec *toks,
                         byte_vec *gaps, char_vec *pool, size_t *replaced);

/* ---- dateline.c */
/* Recognises a dateline at the start of the story (or after a headline
 * paragraph). Returns the index of the first token after it (0 if none),
 * stores the index of its first token in *first and fills *dl. */
BEDE_HIDDEN size_t find_dateline(const bede_token *toks, const uint8_t *gaps,
                                 size_t n, const char *pool, size_t *first,
                                 bede_dateline *dl);

/* ---- sentences.c */
/* Splits toks[first..n) into sentences (token ranges and byte spans); no
 * sentence exceeds max_tokens. Tags/phrases are not yet set. */
BEDE_HIDDEN int split_sentences(const bede_token *toks, const uint8_t *gaps,
                                size_t first, size_t n, const char *pool,
                                uint32_t max_tokens, sentence_vec *out);

/* ---- tagger.c: averaged-perceptron part-of-speech tagger */
typedef struct tagger tagger;
/* The model compiled into the library. Free with tagger_free(). */
BEDE_HIDDEN tagger *tagger_new_builtin(bede_error *err);
/* A model read from a text model file. Free with tagger_free(). */
BEDE_HIDDEN tagger *tagger_new_file(const char *path, bede_error *err);
BEDE_HIDDEN void tagger_free(tagger *t);
/* Tags one sentence. words[i] is the normalised text of token i (NUL
 * terminated, original case), lens[i] its byte length. Writes tags[i] as
 * bede_tag values. Thread-safe on a shared tagger. */
BEDE_HIDDEN void tagger_tag(const tagger *t, const char *const *words,
                            const uint32_t *lens, size_t n, uint8_t *tags);
/* Contextual fixes after tagger_tag ("villagers near(IN) Ramallah"). */
BEDE_HIDDEN void tagger_correct(const char *const *words,
                                const uint32_t *lens, size_t n,
                                uint8_t *tags);

/* For bede-train-tagger, so that training and tagging share one feature
 * extractor: the template names as the model's "templates" line lists them,
 * the feature keys (and names) of token i, the key of a feature name, the
 * open-quote state after a tag, and the most features a token can have. */
BEDE_HIDDEN const char *tagger_train_template_names(char *buf, size_t cap);
BEDE_HIDDEN size_t tagger_train_features(const char *const *words,
                                         const uint32_t *lens, size_t n,
                                         size_t i, int prev, int prev2,
                                         int open_quote, uint64_t *keys,
                                         char (*names)[256]);
BEDE_HIDDEN uint64_t tagger_train_key_of_name(const char *name);
BEDE_HIDDEN int tagger_train_quote_state(int open, int tag);
BEDE_HIDDEN size_t tagger_train_max_features(void);

/* ---- lemma.c: lemmatizer for verbs and nouns */
/* Writes the lemma of the lower-case word w[0..len) with tag into out
 * (capacity cap, NUL-terminated) and returns its length. Words that are not
 * nouns or verbs (or are proper nouns) are copied unchanged. */
BEDE_HIDDEN size_t lemmatize(const char *w, size_t len, int tag, char *out,
                             size_t cap);
/* Is the lower-case word w[0..len) a past tense or participle ("shot",
 * "wounded")? */
BEDE_HIDDEN bool lemma_past_form(const char *w, size_t len);

/* ---- chunk.c: phrases and clauses of one sentence */
/* toks[0..n) is one tagged sentence; pool resolves its string refs.
 * Appends the sentence's phrases and clauses (indices relative to the
 * sentence) to phrases/clauses. Returns 0 or BEDE_ERR_NOMEM. Linear in n. */
BEDE_HIDDEN int chunk_sentence(const bede_token *toks, uint32_t n,
                               const char *pool, phrase_vec *phrases,
                               clause_vec *clauses);

/* ---- cameo.c */
/* date (YYYYMMDD) moved by days; 0 stays 0. */
BEDE_HIDDEN int32_t date_add_days(int32_t date, int days);

/* ---- words.c: words of a sentence as TABARI counts them */
/* Number of words of sentence s of doc: runs of tokens between blanks
 * ("Gondor's" is one), and each comma. */
BEDE_HIDDEN uint32_t sentence_words(const bede_doc *doc,
                                    const bede_sentence *s);
/* Sets dropped[i] (i < s->token_count) for the tokens of the
 * comma-delimited phrases that o's comma_* options leave out of coding;
 * before is scratch space of token_count + 1 entries. Returns the number of
 * phrases left out. */
BEDE_HIDDEN int comma_phrases(const bede_doc *doc, const bede_sentence *s,
                              const bede_coder_options *o, uint8_t *dropped,
                              uint32_t *before);

#endif
