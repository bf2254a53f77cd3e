/*
 * Fuzz target for the whole text stage. The first input byte chooses the
 * options (UTF-8 policy, datelines, tagging, chunking, sentence limit); the
 * rest is the text. Built for libFuzzer with -DBEDE_FUZZ=ON (make fuzz) and,
 * without any fuzzing toolchain, linked to replay.c to run the seed corpus
 * in `make check`.
 */
#include "bede.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    uint8_t sel = data[0];
    bede_text_options o;
    bede_text_default_options(&o);
    o.utf8_policy = (sel & 1) ? BEDE_UTF8_REPLACE : BEDE_UTF8_REJECT;
    o.datelines = !(sel & 2);
    o.tag = !(sel & 4);
    o.chunk = !(sel & 8);
    if (sel & 16) o.max_sentence_tokens = 1 + (sel >> 5);
    bede_analyzer *an = bede_analyzer_new(&o, NULL);
    if (!an) abort();
    bede_doc *doc = bede_doc_new();
    if (!doc) abort();
    /* copy so that reads past the end are caught by the sanitizers */
    size_t len = size - 1;
    char *text = malloc(len ? len : 1);
    if (!text) abort();
    memcpy(text, data + 1, len);
    bede_error err;
    int ns = bede_analyze(an, text, len, doc, &err);
    if (ns >= 0) {
        const bede_sentence *s = bede_doc_sentences(doc);
        size_t nt = bede_doc_token_count(doc);
        for (int i = 0; i < ns; i++) {
            if (s[i].first_token + s[i].token_count > nt) abort();
            if (s[i].span.end > len || s[i].span.start > s[i].span.end)
                abort();
            const bede_phrase *p = bede_doc_phrases(doc) + s[i].first_phrase;
            for (uint32_t k = 0; k < s[i].phrase_count; k++)
                if (p[k].last > s[i].token_count || p[k].first > p[k].last)
                    abort();
            const bede_clause *c = bede_doc_clauses(doc) + s[i].first_clause;
            for (uint32_t k = 0; k < s[i].clause_count; k++)
                if (c[k].last > s[i].token_count) abort();
        }
        const bede_token *t = bede_doc_tokens(doc);
        for (size_t i = 0; i < nt; i++)
            if (t[i].span.end > len || t[i].tag >= BEDE_TAG_COUNT) abort();
    } else if (ns != BEDE_ERR_UTF8 || o.utf8_policy != BEDE_UTF8_REJECT) {
        abort(); /* only invalid UTF-8 may be refused */
    }
    free(text);
    bede_doc_free(doc);
    bede_analyzer_free(an);
    return 0;
}
