/* Names of tags, phrase kinds, clause kinds, tenses and token kinds. */
#include "internal.h"

#include <string.h>

static const char *const tag_names[BEDE_TAG_COUNT] = {
    "CC",   "CD",  "DT",  "EX",  "FW",    "IN",    "JJ",  "JJR", "JJS",
    "LS",   "MD",  "NN",  "NNS", "NNP",   "NNPS",  "PDT", "POS", "PRP",
    "PRP$", "RB",  "RBR", "RBS", "RP",    "SYM",   "TO",  "UH",  "VB",
    "VBD",  "VBG", "VBN", "VBP", "VBZ",   "WDT",   "WP",  "WP$", "WRB",
    "#",    "$",   "``",  "''",  "-LRB-", "-RRB-", ",",   ".",   ":"};

const char *bede_tag_name(int tag) {
    return tag >= 0 && tag < BEDE_TAG_COUNT ? tag_names[tag] : "?";
}

int bede_tag_from_name(const char *name) {
    if (!name) return -1;
    for (int i = 0; i < BEDE_TAG_COUNT; i++)
        if (strcmp(tag_names[i], name) == 0) return i;
    return -1;
}

#define NAME_OF(table, i)                                                      \
    ((i) >= 0 && (size_t)(i) < sizeof(table) / sizeof(table[0]) ? table[i]     \
                                                                : "?")

const char *bede_phrase_kind_name(int kind) {
    static const char *const names[] = {"NP", "VP", "PP", "ADJP", "ADVP"};
    return NAME_OF(names, kind);
}

const char *bede_clause_kind_name(int kind) {
    static const char *const names[] = {
        "main",       "relative",  "participial", "infinitival",
        "complement", "adverbial", "coordinate"};
    return NAME_OF(names, kind);
}

const char *bede_tense_name(int tense) {
    static const char *const names[] = {"none", "present", "past", "future"};
    return NAME_OF(names, tense);
}

const char *bede_token_kind_name(int kind) {
    static const char *const names[] = {"word", "number", "punct",   "symbol",
                                        "url",  "email",  "hashtag", "mention"};
    return NAME_OF(names, kind);
}
