/*
 * Private model of the event-coding dictionaries, shared by the model
 * (dict.c), the phrase trie (trie.c) and the readers and writer of each
 * format (dict_bede.c, dict_petrarch.c, dict_tabari.c). See the comment atop
 * dict.c for the design and data/README.md for the formats.
 */
#ifndef BEDE_DICT_INTERNAL_H
#define BEDE_DICT_INTERNAL_H

#include "internal.h"

#include <string.h>

#define NONE UINT32_MAX

/* ---- trie.c: a phrase trie over word ids (one root per kind) */

/* How a phrase word matches a token. */
enum {
    WORD_EXACT = 0,   /* the token is the word */
    WORD_STEM = 1,    /* the token begins with the word */
    WORD_ENDINGS = 2, /* the word or the word + -s -es -ed -en -ing / -ies */
    WORD_LITERAL = 3, /* the token as written, not its lemma, no endings
                         (TABARI's closed WORD_ and root WORD=) */
    WORD_GAP = 4      /* flag: other tokens may come before this word */
};

/* Tags of a slot's word id for stem and regular-ending edges (word ids
 * are offsets into the string pool, below TRIE_ENDINGS). */
#define TRIE_STEM 0x80000000u
#define TRIE_ENDINGS 0x40000000u

typedef struct { uint64_t key; uint32_t child; } trie_slot;
typedef struct { uint32_t word, child, next; uint8_t mode; } trie_special;
typedef struct { uint32_t phrase, next; } trie_value;
typedef struct {
    uint32_t values;   /* head of the phrases ending here, or NONE */
    uint32_t last;     /* tail of that list (keeps load order) */
    uint32_t specials; /* head of stem/endings edges, or NONE */
} trie_node;

typedef struct trie {
    struct { trie_node *v; size_t n, cap; } nodes;
    struct { trie_special *v; size_t n, cap; } specials;
    struct { trie_value *v; size_t n, cap; } values;
    trie_slot *slots; /* open addressing, key = (node << 32 | word) + 1 */
    size_t nslots, used;
    /* Bloom filter of the slots' keys, eight bits a slot, two per key:
     * most probes are for edges that do not exist, and the filter, an
     * eighth of the table's size, answers them from the cache. Built by
     * trie_add_edge and, for a compiled image, by trie_build_filter. */
    uint64_t *filter;
} trie;

BEDE_HIDDEN int trie_init(trie *t, uint32_t roots);
BEDE_HIDDEN int trie_build_filter(trie *t);
BEDE_HIDDEN void trie_free(trie *t);
/* Child of node along (word, mode), created when absent; NONE on OOM. */
BEDE_HIDDEN uint32_t trie_add_edge(trie *t, uint32_t node, uint32_t word,
                                   int mode);
BEDE_HIDDEN int trie_add_value(trie *t, uint32_t node, uint32_t phrase);
/* Exact child of node along word, or NONE. */
BEDE_HIDDEN uint32_t trie_child(const trie *t, uint32_t node, uint32_t word);
BEDE_HIDDEN size_t trie_memory(const trie *t);

/* ---- the model */

/* A word of a phrase. */
typedef struct {
    uint32_t word;  /* interned lower-case token */
    uint8_t mode;   /* WORD_EXACT/STEM/ENDINGS, | WORD_GAP */
    uint8_t verb;   /* the verb of a compound verb form (`+`) */
} dict_word;

typedef struct {
    uint32_t first_word, nwords;
    uint32_t entry;
    uint32_t line;
    uint32_t text; /* interned, the phrase as written (for messages) */
} dict_phrase;

typedef struct {
    uint32_t code;     /* interned */
    int32_t from, to;  /* YYYYMMDD, 0 = open */
    uint8_t dated;
    uint32_t line;
} dict_code;

typedef struct {
    uint8_t kind;
    uint32_t flags;  /* BEDE_DICT_ENTRY_* */
    uint32_t file;   /* interned path */
    uint32_t line;
    uint32_t first_phrase, nphrases;
    uint32_t first_code, ncodes;
    uint32_t block;  /* verbs: index into blocks, else NONE */
    uint32_t name;   /* synsets: &NAME; options: the command or label code */
    uint32_t text;   /* options: the value; issues: the category */
} dict_entry;

/* Elements of a parsed verb pattern. */
enum {
    PAT_WORD,      /* value = word id, mode = WORD_* */
    PAT_SYNSET,    /* value = synset entry (global index) */
    PAT_VERB,      /* * */
    PAT_SOURCE,    /* $ */
    PAT_TARGET,    /* + */
    PAT_COMPOUND,  /* % */
    PAT_SKIP,      /* ^ */
    PAT_NP_OPEN,   /* {  noun phrase, head last (PETRARCH-2) */
    PAT_NP_CLOSE,  /* } */
    PAT_PP_OPEN,   /* (  prepositional phrase */
    PAT_PP_CLOSE,  /* ) */
    PAT_ALT_OPEN,  /* {  alternatives (TABARI) */
    PAT_ALT_OR,    /* | */
    PAT_ALT_CLOSE  /* } */
};

typedef struct {
    uint8_t type;
    uint8_t mode;   /* PAT_WORD: WORD_* */
    uint8_t joined; /* the next element must follow directly (`_`) */
    uint32_t value;
} dict_elem;

typedef struct {
    uint32_t block;
    uint32_t first_elem, nelems;
    uint32_t code;  /* interned */
    uint32_t line;
    uint32_t text;  /* as written */
    uint8_t transform; /* a PETRARCH-2 `~` transformation, kept as text */
    uint8_t tabari;    /* from a TABARI file: ranked by letters matched */
} dict_pattern;

typedef struct {
    uint32_t desc, code; /* interned */
    uint32_t file, line;
    uint32_t first_pattern, npatterns;
} dict_block;

typedef struct {
    uint32_t file, line, column; /* file: interned */
    char *message;
    uint32_t other_file, other_line; /* other_file: interned or NONE */
} dict_note_rec;

typedef struct { uint32_t *v; size_t n, cap; } u32_vec;

struct bede_dict {
    bede_dict_options opts;
    /* interned strings: offsets into chars; hash of offsets + 1 */
    char_vec chars;
    uint32_t *strhash;
    size_t strslots, strcount;
    struct { dict_entry *v; size_t n, cap; } entries;
    u32_vec bykind[BEDE_DICT_KIND_COUNT]; /* global entry index per kind */
    struct { dict_phrase *v; size_t n, cap; } phrases;
    struct { dict_word *v; size_t n, cap; } words;
    struct { dict_code *v; size_t n, cap; } codes;
    struct { dict_block *v; size_t n, cap; } blocks;
    struct { dict_pattern *v; size_t n, cap; } patterns;
    struct { dict_elem *v; size_t n, cap; } elems;
    struct { dict_note_rec *v; size_t n, cap; } notes;
    size_t phrase_count[BEDE_DICT_KIND_COUNT];
    trie index;
    size_t indexed; /* phrases [0, indexed) are in the trie */
    /* tokenizer for phrases (build time only) */
    bede_analyzer *an;
    bede_doc *doc;
    char_vec scratch;
    /* A compiled dictionary (dict_compiled.c): the arrays above, except
     * notes, point into this read-only image of the file, mmap'ed
     * (image_mapped) or a malloc'ed copy; they are never grown or freed one
     * by one, and the dictionary takes no more files. */
    const void *image;
    size_t image_len;
    bool image_mapped;
};

/* A position in the dictionary's arrays, to undo a failed file. */
typedef struct {
    size_t entries, bykind[BEDE_DICT_KIND_COUNT], phrases, words, codes,
        blocks, patterns, elems, notes, phrase_count[BEDE_DICT_KIND_COUNT];
} dict_mark;

/* A handle with its options and phrase tokenizer but no arrays yet. */
BEDE_HIDDEN bede_dict *dict_alloc(const bede_dict_options *opts,
                                  bede_error *err);

/* ---- dict_compiled.c */
#define DICT_MAGIC "BEDEDICT"
/* Do the first bytes of a file say it is a compiled dictionary? */
static inline bool dict_is_compiled(const void *head, size_t len) {
    return len >= 8 && memcmp(head, DICT_MAGIC, 8) == 0;
}
/* Unmaps or frees a compiled dictionary's image. */
BEDE_HIDDEN void dict_release_image(bede_dict *d);
/* Adds a compiled file (file: path) or image buf[0..len) to d: allowed
 * only while d is empty, d then becomes that compiled dictionary. */
BEDE_HIDDEN int dict_add_compiled(bede_dict *d, const char *path,
                                  const void *buf, size_t len, bool file,
                                  bede_error *err);

BEDE_HIDDEN void dict_save(const bede_dict *d, dict_mark *m);
BEDE_HIDDEN void dict_rollback(bede_dict *d, const dict_mark *m);

/* Interns s[0..n); returns its id (offset) or NONE on OOM. */
BEDE_HIDDEN uint32_t dict_intern(bede_dict *d, const char *s, size_t n);
/* Id of s[0..n) if interned, else NONE. */
BEDE_HIDDEN uint32_t dict_find(const bede_dict *d, const char *s, size_t n);
static inline const char *dict_str(const bede_dict *d, uint32_t id) {
    return id == NONE ? NULL : d->chars.v + id;
}

/* Starts a new entry of kind; the phrases and codes added next are its. */
BEDE_HIDDEN int dict_begin_entry(bede_dict *d, int kind, uint32_t file,
                                 uint32_t line);
/* Starts a new named entry (a synonym set "&NAME"). */
BEDE_HIDDEN int dict_begin_named(bede_dict *d, int kind, const char *name,
                                 size_t len, uint32_t file, uint32_t line);
static inline dict_entry *dict_cur(bede_dict *d) {
    return &d->entries.v[d->entries.n - 1];
}

/* Where a phrase's text sits in its file, for error messages. */
typedef struct {
    const char *file;
    uint32_t line, column;
} dict_loc;

/* Flags of dict_add_phrase's allow_verb. */
enum {
    DICT_PHRASE_VERB = 1,   /* a word may begin with `+` */
    DICT_PHRASE_LITERAL = 2 /* a word may end in `=`: the token as written
                               (TABARI's verb root BAN=) */
};

/* Adds phrase text[0..n) to the current entry. Words are separated by
 * blanks; a word may end in `*` (stem) or `~` (regular endings) and, with
 * flag DICT_PHRASE_VERB in allow_verb, begin with `+` (the verb of a
 * compound verb form), with DICT_PHRASE_LITERAL end in `=`; the word `..`
 * lets other words come before the next one. Each word is split into
 * tokens by bede's tokenizer. Errors name loc. */
BEDE_HIDDEN int dict_add_phrase(bede_dict *d, const char *text, size_t n,
                                dict_loc loc, int allow_verb,
                                bede_error *err);
/* Tokenizes one word (no markers) into out word ids; returns the count
 * (0 for a word with no tokens) or a negative status. */
BEDE_HIDDEN int dict_word_tokens(bede_dict *d, const char *w, size_t n,
                                 uint32_t *out, size_t cap, dict_loc loc,
                                 bede_error *err);
BEDE_HIDDEN int dict_add_code(bede_dict *d, const char *code, size_t n,
                              int32_t from, int32_t to, int dated,
                              uint32_t line);
/* A warning (or, with opts.strict, an error) at loc. */
BEDE_HIDDEN int dict_warn(bede_dict *d, dict_loc loc, bede_error *err,
                          const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The synset entry (global index) named name, or NONE. */
BEDE_HIDDEN uint32_t dict_synset(const bede_dict *d, const char *name,
                                 size_t n);
/* Most phrases one synonym set may hold once the sets it names are in it:
 * sets naming sets twice over double at each level. */
#define DICT_SYNSET_PHRASE_LIMIT 10000
/* Adds to the current entry, a synonym set, every phrase of the earlier
 * set syn (named as a whole phrase `&NAME` at loc): copies that share the
 * set's words, so that the coder matches them as its own phrases, `bede
 * dict check` does not take them for duplicates and the writer writes
 * `&NAME` again. syn must not be the current entry (a set in itself would
 * grow while it is copied); the caller says so at loc. */
BEDE_HIDDEN int dict_add_synset_ref(bede_dict *d, uint32_t syn, dict_loc loc,
                                    bede_error *err);

/* bede_dict_match_at with each doc token's word ids (dict_find of its
 * lower-case form and of its lemma, NONE when absent) computed by the
 * caller, who matches many kinds over the same tokens. */
typedef struct {
    const uint32_t *lower, *lemma; /* per doc token */
    const uint32_t *cand_first;    /* per doc token + 1: its run of cands */
    const uint32_t *cands;         /* tagged stem/ending ids */
} dict_token_ids;
BEDE_HIDDEN int dict_match_ids(const bede_dict *d, int kind,
                               const bede_doc *doc, const dict_token_ids *ids,
                               size_t at, size_t end, int32_t date,
                               bede_dict_match *out, size_t cap);
/* The tagged ids (TRIE_STEM | id of each prefix of lower that is a word of
 * the dictionary, TRIE_ENDINGS | id of lower or lemma without a regular
 * ending) under which stem and ending edges may match a token. Writes up to
 * cap, returns the count. */
BEDE_HIDDEN size_t dict_token_cands(const bede_dict *d, const char *lower,
                                    const char *lemma, uint32_t *out,
                                    size_t cap);
/* What a coder knows of a dictionary's stems and words with endings: the
 * lengths its stems have (dict_stem_lengths) and a Bloom filter of their
 * marked strings, so that a token's prefixes are looked up only when one
 * may be a stem. Read-only once made; shared by a coder's workers. */
typedef struct {
    uint64_t *bits;
    uint64_t mask;
    size_t min, max;
} dict_stems;
BEDE_HIDDEN int dict_stems_init(const bede_dict *d, dict_stems *st);
BEDE_HIDDEN void dict_stems_free(dict_stems *st);
/* As dict_token_cands, with what st knows of the stems (NULL: try every
 * prefix). */
BEDE_HIDDEN size_t dict_token_cands_in(const bede_dict *d, const char *lower,
                                       const char *lemma,
                                       const dict_stems *st, uint32_t *out,
                                       size_t cap);
/* The shortest and longest stem (`word*`) of the dictionary; 0, 0 when it
 * has none. */
BEDE_HIDDEN void dict_stem_lengths(const bede_dict *d, size_t *min,
                                   size_t *max);

/* Dates: "YYMMDD" (00-30 -> 20YY, else 19YY) or "YYYYMMDD" (PETRARCH-2 and
 * TABARI), "YYYY-MM-DD" (bede). Returns YYYYMMDD or 0 if invalid. */
BEDE_HIDDEN int32_t dict_parse_date(const char *s, size_t n);

/* ---- text files of every format: lines with their numbers */
typedef struct {
    const char *name;
    char *buf; /* owned: UTF-8 */
    size_t len, pos;
    uint32_t line; /* of the line last returned */
} dict_lines;

/* Reads text (converting Latin-1 to UTF-8 when latin1 and the text is not
 * valid UTF-8). Invalid UTF-8 otherwise is an error naming line:column. */
BEDE_HIDDEN int dict_lines_open(dict_lines *r, const char *name,
                                const char *text, size_t len, int latin1,
                                bede_error *err);
/* Next line (CR, LF or CRLF ended) without its end; false at end. */
BEDE_HIDDEN bool dict_lines_next(dict_lines *r, const char **s, size_t *n);
BEDE_HIDDEN void dict_lines_close(dict_lines *r);

/* Fails at column col of the current line of a reader rd (any struct with
 * `bede_error *err` and `dict_lines *r`). */
#define DICT_FAIL(rd, status, col, ...)                                        \
    bede_fail((rd)->err, (status), (rd)->r->name, (rd)->r->line, (col), 0,     \
              __VA_ARGS__)

/* Small text helpers for the readers. */
static inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
BEDE_HIDDEN void trim(const char **s, size_t *n);

/* ---- readers: each adds one file's entries; the caller rolls back on
 * error. Return the number of entries added or a negative status. */
BEDE_HIDDEN int dict_read_bede(bede_dict *d, dict_lines *r, uint32_t file,
                               int kind, bede_error *err);
BEDE_HIDDEN int dict_read_petrarch(bede_dict *d, dict_lines *r,
                                   uint32_t file, int kind, bede_error *err);
BEDE_HIDDEN int dict_read_tabari(bede_dict *d, dict_lines *r, uint32_t file,
                                 int kind, bede_error *err);

/* Starts a verb block: the verbs and patterns added next are its. */
BEDE_HIDDEN int dict_begin_block(bede_dict *d, const char *desc, size_t dn,
                                 const char *code, size_t cn, uint32_t file,
                                 uint32_t line);
/* Adds a pattern to the current block: s[0..n) is the pattern without its
 * leading `-` and its code, in the syntax of format (words of TABARI are
 * stems unless followed by `_` or `=`; bede's and PETRARCH-2's are exact).
 * Elements are separated by blanks or `_` (the next element follows
 * directly). loc.column is the column of s[0]. */
BEDE_HIDDEN int dict_add_pattern(bede_dict *d, const char *s, size_t n,
                                 const char *code, size_t cn, dict_loc loc,
                                 int format, bede_error *err);
/* A PETRARCH-2 transformation line (`~ a (a b X) SAY = a b 015`), kept. */
BEDE_HIDDEN int dict_add_transform(bede_dict *d, const char *s, size_t n,
                                   dict_loc loc, bede_error *err);

/* ---- dict_petrarch.c, shared with the TABARI reader */
/* Reads the `[...]` code blocks in s[0..n) (loc: column of s[0]) into codes
 * of the current entry: `CODE`, `CODE <date`, `CODE >date`,
 * `CODE date-date`. An unreadable date skips that code with a warning. If
 * agent, a code must begin or end with `~`. Returns the number of codes
 * or a negative status. */
BEDE_HIDDEN int dict_read_codes(bede_dict *d, const char *s, size_t n,
                                dict_loc loc, int agent, bede_error *err);
/* Checks a code's characters. */
BEDE_HIDDEN bool dict_code_ok(const char *s, size_t n);
/* Regular English plural of a word: -y -> -ies, -ss -> -sses, else -s
 * (PETRARCH-2's rule). out must hold n + 3 bytes. */
BEDE_HIDDEN size_t dict_plural(const char *w, size_t n, char *out);
/* Regular verb forms (-s, -ed, -ing) of w into out[3] (each n + 4). */
BEDE_HIDDEN void dict_verb_forms(const char *w, size_t n, char out[3][80]);

#endif
