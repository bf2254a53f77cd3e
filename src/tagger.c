/* placeholder until the tagger lands */
#include "internal.h"
#include <stdlib.h>
struct tagger { int unused; };
tagger *tagger_new_builtin(bede_error *err) { (void)err; return calloc(1, sizeof(tagger)); }
tagger *tagger_new_file(const char *path, bede_error *err) { (void)path; (void)err; return calloc(1, sizeof(tagger)); }
void tagger_free(tagger *t) { free(t); }
void tagger_tag(const tagger *t, const char *const *words, const uint32_t *lens, size_t n, uint8_t *tags) {
    (void)t; (void)words; (void)lens;
    for (size_t i = 0; i < n; i++) tags[i] = BEDE_TAG_NN;
}
