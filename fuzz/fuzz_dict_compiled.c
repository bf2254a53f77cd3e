/*
 * Fuzz target for loading compiled dictionaries. An input that begins with
 * 'B' (as the magic does) is an image, loaded as it is, so a compiled file
 * is a seed by itself. Otherwise the first byte chooses the mode and the
 * rest is the image: with bit 0 set, the header's total size and checksum
 * are rewritten to match the bytes, so that the structural checks behind
 * them (sections, indices, strings, the trie) are what gets fuzzed. Whatever loads is read through every accessor, written
 * in bede's format, checked and matched against a fixed sentence: a crafted
 * image must be refused or be safe to use.
 */
#include "bede.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Header offsets (src/dict_compiled.c, data/README.md). */
enum { TOTAL_AT = 16, SUM_AT = 24, HEADER = 48 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    static bede_analyzer *an;
    static bede_doc *doc;
    if (!an) {
        bede_text_options o;
        bede_text_default_options(&o);
        o.tag = 0;
        o.chunk = 0;
        o.datelines = 0;
        an = bede_analyzer_new(&o, NULL);
        doc = bede_doc_new();
        static const char s[] =
            "Afghan President Hamid Karzai met UN Secretary-General Ban "
            "Ki-moon in Kabul; Israeli troops called off the raid and police "
            "accused the army of a cease fire violation.";
        if (!an || !doc || bede_analyze(an, s, sizeof s - 1, doc, NULL) < 0)
            abort();
    }
    uint8_t mode = data[0] == 'B' ? 0 : data[0];
    size_t skip = data[0] == 'B' ? 0 : 1, len = size - skip;
    uint8_t *img = malloc(len ? len : 1);
    if (!img) abort();
    memcpy(img, data + skip, len);
    if ((mode & 1) && len >= HEADER) {
        uint64_t total = len, sum = XXH64(img + HEADER, len - HEADER, 0);
        memcpy(img + TOTAL_AT, &total, 8);
        memcpy(img + SUM_AT, &sum, 8);
    }
    bede_error err;
    bede_dict *d = bede_dict_load_compiled_memory(img, len, "fuzz.bdict",
                                                  &err);
    free(img); /* the dictionary keeps its own copy */
    if (!d) {
        if (!err.message[0] || strcmp(err.file, "fuzz.bdict") != 0) abort();
        return 0;
    }
    size_t nt = bede_doc_token_count(doc);
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        size_t n = bede_dict_entry_count(d, k);
        for (size_t i = 0; i < n; i++) {
            bede_dict_entry e;
            if (bede_dict_get_entry(d, k, i, &e) != 0) abort();
            for (size_t c = 0; c < e.code_count; c++) {
                bede_dict_code code;
                if (bede_dict_get_code(d, k, i, c, &code) != 0) abort();
            }
            for (size_t j = 0; j < e.phrase_count; j++)
                bede_dict_get_phrase(d, k, i, j, NULL);
            bede_dict_code_on(d, k, i, 20100101);
        }
        for (size_t at = 0; at < nt; at++) {
            bede_dict_match m[8];
            bede_dict_match_at(d, k, doc, at, 0, 20100101, m, 8);
        }
        bede_dict_write(d, k, "/dev/null", NULL);
    }
    bede_dict_check(d, NULL);
    for (size_t i = 0; i < bede_dict_note_count(d); i++) {
        bede_dict_note n;
        bede_dict_get_note(d, i, &n);
    }
    bede_dict_free(d);
    return 0;
}
