/*
 * Fuzz target for the dictionary readers. The first input byte chooses the
 * format (bits 0-1: bede, PETRARCH-2, TABARI, bede), the kind (bits 2-4,
 * modulo the number of kinds), strict mode (bit 5) and whether the result
 * is also compiled and loaded back (bit 7); the rest is one dictionary
 * file. Whatever loads is then read through every accessor, written in
 * bede's format, checked for duplicates and matched against a sentence made
 * of the input's own first words. A file that fails must leave the
 * dictionary empty; a dictionary that loads must compile and load back with
 * the same counts.
 */
#include "bede.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int formats[4] = {BEDE_DICT_FORMAT_BEDE,
                               BEDE_DICT_FORMAT_PETRARCH,
                               BEDE_DICT_FORMAT_TABARI, BEDE_DICT_FORMAT_BEDE};

static void read_all(const bede_dict *d, const bede_doc *doc) {
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        size_t n = bede_dict_entry_count(d, k);
        for (size_t i = 0; i < n; i++) {
            bede_dict_entry e;
            if (bede_dict_get_entry(d, k, i, &e) != 0 || !e.phrase || !e.file)
                abort();
            for (size_t c = 0; c < e.code_count; c++) {
                bede_dict_code code;
                if (bede_dict_get_code(d, k, i, c, &code) != 0 || !code.code)
                    abort();
            }
            for (size_t j = 0; j < e.phrase_count; j++)
                if (!bede_dict_get_phrase(d, k, i, j, NULL)) abort();
            int c = bede_dict_code_on(d, k, i, 20100101);
            if (c >= (int)e.code_count) abort();
        }
        size_t nt = bede_doc_token_count(doc);
        for (size_t at = 0; at < nt; at++) {
            bede_dict_match m[8];
            int r = bede_dict_match_at(d, k, doc, at, 0, 0, m, 8);
            for (int i = 0; i < r && i < 8; i++)
                if (m[i].first != at || m[i].last > nt || m[i].last <= at ||
                    m[i].entry >= n)
                    abort();
        }
        bede_dict_write(d, k, "/dev/null", NULL);
    }
    for (size_t i = 0; i < bede_dict_note_count(d); i++) {
        bede_dict_note nt;
        if (bede_dict_get_note(d, i, &nt) != 0 || !nt.message || !nt.file)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    static bede_analyzer *an;
    static bede_doc *doc;
    static char tmp[64];
    if (!an) {
        bede_text_options o;
        bede_text_default_options(&o);
        o.tag = 0;
        o.chunk = 0;
        o.datelines = 0;
        o.utf8_policy = BEDE_UTF8_REPLACE;
        an = bede_analyzer_new(&o, NULL);
        doc = bede_doc_new();
        snprintf(tmp, sizeof tmp, "/tmp/fuzz-dict-%ld.bdict", (long)getpid());
        if (!an || !doc) abort();
    }
    uint8_t sel = data[0];
    int format = formats[sel & 3];
    int kind = ((sel >> 2) & 7) % BEDE_DICT_KIND_COUNT;
    bede_dict_options opts;
    bede_dict_default_options(&opts);
    opts.strict = (sel >> 5) & 1;
    bede_dict *d = bede_dict_new(&opts, NULL);
    if (!d) abort();
    /* copy so that reads past the end are caught by the sanitizers */
    size_t len = size - 1;
    char *text = malloc(len ? len : 1);
    if (!text) abort();
    memcpy(text, data + 1, len);
    bede_error err;
    int rc = bede_dict_add_text(d, "fuzz.txt", text, len, format, kind, &err);
    if (rc < 0) {
        for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
            if (bede_dict_entry_count(d, k)) abort(); /* not rolled back */
    }
    /* a sentence of the input's first words */
    size_t sn = len < 200 ? len : 200;
    if (bede_analyze(an, text, sn, doc, NULL) < 0 &&
        bede_analyze(an, "", 0, doc, NULL) < 0)
        abort();
    read_all(d, doc);
    if (rc > 0 && (sel & 0x80)) {
        if (bede_dict_compile(d, tmp, &err) != 0) abort();
        bede_dict *c = bede_dict_load_compiled(tmp, &err);
        if (!c) {
            char msg[1024];
            fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
            abort(); /* the checks refuse what the readers built */
        }
        for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
            if (bede_dict_entry_count(c, k) != bede_dict_entry_count(d, k) ||
                bede_dict_phrase_count(c, k) != bede_dict_phrase_count(d, k))
                abort();
        read_all(c, doc);
        bede_dict_free(c);
        unlink(tmp);
    }
    if (bede_dict_check(d, NULL) < 0) abort();
    free(text);
    bede_dict_free(d);
    return 0;
}
