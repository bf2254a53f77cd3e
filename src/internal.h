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
    (((vec).n < (vec).cap ||                                                   \
      vec_reserve((void **)&(vec).v, &(vec).cap, (vec).n + 1,                  \
                  sizeof(*(vec).v)) == 0)                                      \
         ? ((vec).v[(vec).n++] = (item), 0)                                    \
         : BEDE_ERR_NOMEM)

typedef struct { bede_token *v; size_t n, cap; } token_vec;
typedef struct { bede_phrase *v; size_t n, cap; } phrase_vec;
typedef struct { bede_clause *v; size_t n, cap; } clause_vec;
typedef struct { bede_sentence *v; size_t n, cap; } sentence_vec;
typedef struct { char *v; size_t n, cap; } char_vec;

/* ---- strings.c: the doc's string pool (NUL-terminated strings) */
/* Appends s[0..len) plus NUL; returns its offset, or UINT32_MAX on OOM. */
BEDE_HIDDEN uint32_t pool_add(char_vec *pool, const char *s, size_t len);

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

/* ---- lemma.c: lemmatizer for verbs and nouns */
/* Writes the lemma of the lower-case word w[0..len) with tag into out
 * (capacity cap, NUL-terminated) and returns its length. Words that are not
 * nouns or verbs (or are proper nouns) are copied unchanged. */
BEDE_HIDDEN size_t lemmatize(const char *w, size_t len, int tag, char *out,
                             size_t cap);

/* ---- chunk.c: phrases and clauses of one sentence */
/* toks[0..n) is one tagged sentence; pool resolves its string refs.
 * Appends the sentence's phrases and clauses (indices relative to the
 * sentence) to phrases/clauses. Returns 0 or BEDE_ERR_NOMEM. Linear in n. */
BEDE_HIDDEN int chunk_sentence(const bede_token *toks, uint32_t n,
                               const char *pool, phrase_vec *phrases,
                               clause_vec *clauses);

#endif
