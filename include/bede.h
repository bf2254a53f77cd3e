/*
 * bede — automated political event coding.
 *
 * The one public header. Every type and function starts with bede_ / BEDE_.
 * Handles are opaque; a built handle (analyzer) is read-only and may be shared
 * by any number of threads. Results (bede_doc) belong to the caller and are
 * reused between calls to avoid allocation on the hot path.
 *
 * Errors: functions return 0 or a positive count on success and a negative
 * bede_status on failure; when the caller passes a bede_error, it is filled
 * with a message naming file:line:column (or byte offset) and what was
 * expected.
 */
#ifndef BEDE_H
#define BEDE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define BEDE_API
#else
#define BEDE_API __attribute__((visibility("default")))
#endif

#define BEDE_VERSION_MAJOR 0
#define BEDE_VERSION_MINOR 1
#define BEDE_VERSION_PATCH 0
#define BEDE_VERSION_STRING "0.1.0"

/* Version of the library actually linked (may differ from the header). */
BEDE_API const char *bede_version(void);

/* ------------------------------------------------------------------ errors */

typedef enum bede_status {
    BEDE_OK = 0,
    BEDE_ERR_NOMEM = -1,    /* allocation failed */
    BEDE_ERR_IO = -2,       /* a file could not be opened or read */
    BEDE_ERR_UTF8 = -3,     /* input is not valid UTF-8 */
    BEDE_ERR_SYNTAX = -4,   /* a data or input file is malformed */
    BEDE_ERR_FORMAT = -5,   /* a binary file has the wrong magic/version */
    BEDE_ERR_CHECKSUM = -6, /* a binary file is truncated or corrupted */
    BEDE_ERR_ARG = -7,      /* an argument is out of range */
    BEDE_ERR_LIMIT = -8,    /* an input exceeds a documented limit */
    BEDE_ERR_ABORTED = -9   /* a callback asked to stop */
} bede_status;

/* Where an error happened and what was expected. line/column are 1-based;
 * 0 means "not applicable". offset is a byte offset into the input. */
typedef struct bede_error {
    int status;
    char file[256];
    uint32_t line, column;
    uint64_t offset;
    char message[512];
} bede_error;

/* Static description of a status code ("invalid UTF-8", ...). Never NULL. */
BEDE_API const char *bede_strerror(int status);

/* Formats err as "file:line:column: message" (or "byte N: message") into
 * buf; returns buf. */
BEDE_API const char *bede_error_format(const bede_error *err, char *buf,
                                       size_t cap);

/* ------------------------------------------------------ part-of-speech tags */

/* Penn Treebank tags. Order is part of the ABI and of the tagger model. */
typedef enum bede_tag {
    BEDE_TAG_CC, BEDE_TAG_CD, BEDE_TAG_DT, BEDE_TAG_EX, BEDE_TAG_FW,
    BEDE_TAG_IN, BEDE_TAG_JJ, BEDE_TAG_JJR, BEDE_TAG_JJS, BEDE_TAG_LS,
    BEDE_TAG_MD, BEDE_TAG_NN, BEDE_TAG_NNS, BEDE_TAG_NNP, BEDE_TAG_NNPS,
    BEDE_TAG_PDT, BEDE_TAG_POS, BEDE_TAG_PRP, BEDE_TAG_PRPS, BEDE_TAG_RB,
    BEDE_TAG_RBR, BEDE_TAG_RBS, BEDE_TAG_RP, BEDE_TAG_SYM, BEDE_TAG_TO,
    BEDE_TAG_UH, BEDE_TAG_VB, BEDE_TAG_VBD, BEDE_TAG_VBG, BEDE_TAG_VBN,
    BEDE_TAG_VBP, BEDE_TAG_VBZ, BEDE_TAG_WDT, BEDE_TAG_WP, BEDE_TAG_WPS,
    BEDE_TAG_WRB, BEDE_TAG_HASH, BEDE_TAG_DOLLAR, BEDE_TAG_LQUOTE,
    BEDE_TAG_RQUOTE, BEDE_TAG_LRB, BEDE_TAG_RRB, BEDE_TAG_COMMA,
    BEDE_TAG_PERIOD, BEDE_TAG_COLON,
    BEDE_TAG_COUNT
} bede_tag;

/* "NN", "PRP$", "-LRB-", ... ; "?" for out-of-range values. */
BEDE_API const char *bede_tag_name(int tag);
/* Inverse of bede_tag_name; -1 when name is not a tag. */
BEDE_API int bede_tag_from_name(const char *name);

/* ---------------------------------------------------------------- tokens */

typedef struct bede_span {
    uint32_t start, end; /* byte offsets into the original text, [start,end) */
} bede_span;

typedef enum bede_token_kind {
    BEDE_TOKEN_WORD,
    BEDE_TOKEN_NUMBER,  /* 1,200  3.5  12%  $40  40bn  2026-02-19 */
    BEDE_TOKEN_PUNCT,
    BEDE_TOKEN_SYMBOL,
    BEDE_TOKEN_URL,
    BEDE_TOKEN_EMAIL,
    BEDE_TOKEN_HASHTAG,
    BEDE_TOKEN_MENTION
} bede_token_kind;

/* Token flags. */
#define BEDE_TOKF_CAPITALIZED 0x01u /* first letter upper case */
#define BEDE_TOKF_ALLCAPS 0x02u     /* every letter upper case */
#define BEDE_TOKF_SPACE_BEFORE 0x04u
#define BEDE_TOKF_SENT_START 0x08u
#define BEDE_TOKF_ABBREV 0x10u /* ends with an abbreviation period */

/* One token. Strings are offsets into the document's string pool: use
 * bede_doc_string(doc, tok->norm). All strings are NUL-terminated. */
typedef struct bede_token {
    bede_span span;  /* bytes of the original text */
    uint32_t norm;   /* NFC text with quotes/apostrophes/dashes folded */
    uint32_t lower;  /* lower-cased norm: the matching key */
    uint32_t lemma;  /* lemma of lower (verbs and nouns), else lower */
    uint8_t kind;    /* bede_token_kind */
    uint8_t tag;     /* bede_tag */
    uint8_t flags;   /* BEDE_TOKF_* */
    uint8_t reserved;
} bede_token;

/* --------------------------------------------------------------- phrases */

typedef enum bede_phrase_kind {
    BEDE_PHRASE_NP,   /* noun phrase */
    BEDE_PHRASE_VP,   /* verb group: auxiliaries, modals, negation, verb */
    BEDE_PHRASE_PP,   /* preposition + its NP */
    BEDE_PHRASE_ADJP,
    BEDE_PHRASE_ADVP,
    BEDE_PHRASE_COUNT
} bede_phrase_kind;

/* Phrase flags. */
#define BEDE_PHF_NEGATED 0x0001u     /* VP: not, n't, never */
#define BEDE_PHF_PASSIVE 0x0002u     /* VP: be + VBN */
#define BEDE_PHF_PROGRESSIVE 0x0004u /* VP: be + VBG */
#define BEDE_PHF_PERFECT 0x0008u     /* VP: have + VBN */
#define BEDE_PHF_MODAL 0x0010u       /* VP: has a modal */
#define BEDE_PHF_COORD 0x0020u       /* NP: coordination of NPs */
#define BEDE_PHF_APPOS 0x0040u       /* NP: apposition to `attach` */
#define BEDE_PHF_POSSESSOR 0x0080u   /* NP: possessor of `attach` */
#define BEDE_PHF_PRONOUN 0x0100u     /* NP: a pronoun */
#define BEDE_PHF_INFINITIVE 0x0200u  /* VP: to + VB */
#define BEDE_PHF_CONJUNCT 0x0400u    /* NP: member of coordination `attach` */

typedef enum bede_tense {
    BEDE_TENSE_NONE, /* non-finite */
    BEDE_TENSE_PRESENT,
    BEDE_TENSE_PAST,
    BEDE_TENSE_FUTURE
} bede_tense;

/* A phrase over tokens [first, last) of its sentence (indices relative to
 * the sentence). head is the head token. attach is the phrase index
 * (relative to the sentence) this phrase attaches to — a PP to the phrase
 * it modifies, an apposition or possessor or conjunct to its NP — or -1. */
typedef struct bede_phrase {
    uint32_t first, last, head;
    int32_t attach;
    int32_t det;    /* determiner token, or -1 */
    int32_t clause; /* clause index (relative to the sentence) */
    uint16_t flags; /* BEDE_PHF_* */
    uint8_t kind;   /* bede_phrase_kind */
    uint8_t tense;  /* bede_tense, VPs only */
} bede_phrase;

/* --------------------------------------------------------------- clauses */

typedef enum bede_clause_kind {
    BEDE_CLAUSE_MAIN,
    BEDE_CLAUSE_RELATIVE,     /* "..., which ...", "who ..." */
    BEDE_CLAUSE_PARTICIPIAL,  /* "..., urging them to ..." */
    BEDE_CLAUSE_INFINITIVAL,  /* "urged them to stay united" */
    BEDE_CLAUSE_COMPLEMENT,   /* reported speech: "said (that) ..." */
    BEDE_CLAUSE_ADVERBIAL,    /* "after ...", "when ...", "because ..." */
    BEDE_CLAUSE_COORDINATE,   /* "..., and X did ..." */
    BEDE_CLAUSE_COUNT
} bede_clause_kind;

/* A clause over tokens [first, last) of its sentence. parent is the index of
 * the enclosing clause or -1; verb/subject/object are phrase indices or -1. */
typedef struct bede_clause {
    uint32_t first, last;
    int32_t parent;
    int32_t verb, subject, object;
    uint8_t kind; /* bede_clause_kind */
    uint8_t reserved[3];
} bede_clause;

/* ------------------------------------------------------------- sentences */

typedef struct bede_sentence {
    bede_span span;          /* bytes of the original text */
    uint32_t first_token;    /* index into bede_doc_tokens() */
    uint32_t token_count;
    uint32_t first_phrase;   /* index into bede_doc_phrases() */
    uint32_t phrase_count;
    uint32_t first_clause;   /* index into bede_doc_clauses() */
    uint32_t clause_count;
    uint32_t paragraph;      /* 0-based paragraph number */
} bede_sentence;

/* Story metadata recognised in a dateline ("TEHRAN, Feb 19 (Reuters) -").
 * Spans are empty (start == end) when absent. */
typedef struct bede_dateline {
    bede_span whole, place, date, agency;
} bede_dateline;

/* -------------------------------------------------------------- analysis */

typedef enum bede_utf8_policy {
    BEDE_UTF8_REJECT,  /* invalid UTF-8 is an error naming its byte offset */
    BEDE_UTF8_REPLACE  /* invalid bytes become U+FFFD and are counted */
} bede_utf8_policy;

typedef struct bede_text_options {
    int utf8_policy;          /* bede_utf8_policy; default REJECT */
    int datelines;            /* recognise datelines; default 1 */
    int tag;                  /* run the tagger and lemmatizer; default 1 */
    int chunk;                /* run phrases and clauses; default 1 */
    uint32_t max_sentence_tokens; /* longer runs are split; default 400 */
} bede_text_options;

/* Fills opts with the defaults above. */
BEDE_API void bede_text_default_options(bede_text_options *opts);

/* The text analyser: tokenizer, sentence splitter, tagger model, lemma
 * table. Read-only once built; share it between threads. */
typedef struct bede_analyzer bede_analyzer;

/* Builds an analyser with the tagger model compiled into the library.
 * opts may be NULL for defaults. Free with bede_analyzer_free(). */
BEDE_API bede_analyzer *bede_analyzer_new(const bede_text_options *opts,
                                          bede_error *err);

/* As bede_analyzer_new, with a tagger model read from model_path (the text
 * model format of data/tagger/README.md). Free with bede_analyzer_free(). */
BEDE_API bede_analyzer *bede_analyzer_new_with_model(
    const bede_text_options *opts, const char *model_path, bede_error *err);

BEDE_API void bede_analyzer_free(bede_analyzer *an);

/* The result of analysing one text. Create once, reuse for many texts (its
 * memory is kept), free with bede_doc_free(). Not shared between threads. */
typedef struct bede_doc bede_doc;

BEDE_API bede_doc *bede_doc_new(void);
BEDE_API void bede_doc_free(bede_doc *doc);

/* Analyses text[0..len) into doc, replacing what doc held. The doc keeps
 * pointers to text: text must outlive the doc's use. Returns the number of
 * sentences, or a negative bede_status. */
BEDE_API int bede_analyze(const bede_analyzer *an, const char *text,
                          size_t len, bede_doc *doc, bede_error *err);

BEDE_API const char *bede_doc_text(const bede_doc *doc);
BEDE_API size_t bede_doc_text_length(const bede_doc *doc);
BEDE_API size_t bede_doc_sentence_count(const bede_doc *doc);
BEDE_API const bede_sentence *bede_doc_sentences(const bede_doc *doc);
BEDE_API const bede_token *bede_doc_tokens(const bede_doc *doc);
BEDE_API size_t bede_doc_token_count(const bede_doc *doc);
BEDE_API const bede_phrase *bede_doc_phrases(const bede_doc *doc);
BEDE_API const bede_clause *bede_doc_clauses(const bede_doc *doc);
BEDE_API const bede_dateline *bede_doc_dateline(const bede_doc *doc);
/* Number of invalid UTF-8 sequences replaced (BEDE_UTF8_REPLACE). */
BEDE_API size_t bede_doc_replaced_bytes(const bede_doc *doc);
/* A string of the doc's pool (bede_token.norm/.lower/.lemma). */
BEDE_API const char *bede_doc_string(const bede_doc *doc, uint32_t ref);

BEDE_API const char *bede_phrase_kind_name(int kind);
BEDE_API const char *bede_clause_kind_name(int kind);
BEDE_API const char *bede_tense_name(int tense);
BEDE_API const char *bede_token_kind_name(int kind);

/* ============================================================ dictionaries
 *
 * Event-coding dictionaries: actor phrases -> actor codes, agent nouns ->
 * agent codes, verbs and patterns -> CAMEO event codes, discard phrases,
 * issue keywords. Read from bede's own text format (data/README.md), from
 * PETRARCH-2's and from TABARI's. A bede_dict is built by adding files, then
 * only read: one handle may be shared by any number of threads.
 */

typedef enum bede_dict_format {
    BEDE_DICT_FORMAT_AUTO,     /* from the file name; see bede_dict_add_file */
    BEDE_DICT_FORMAT_BEDE,
    BEDE_DICT_FORMAT_PETRARCH, /* PETRARCH-2 (dictionaries.rst) */
    BEDE_DICT_FORMAT_TABARI,   /* TABARI 0.8 (manual, ch. 5, 6, 8) */
    BEDE_DICT_FORMAT_COMPILED  /* bede_dict_compile's binary form */
} bede_dict_format;

typedef enum bede_dict_kind {
    BEDE_DICT_ACTORS,
    BEDE_DICT_AGENTS,
    BEDE_DICT_VERBS,
    BEDE_DICT_DISCARDS,
    BEDE_DICT_ISSUES,
    BEDE_DICT_OPTIONS,  /* TABARI .options: code labels */
    BEDE_DICT_SYNSETS,  /* synonym sets of the verb dictionaries */
    BEDE_DICT_KIND_COUNT,
    BEDE_DICT_KIND_AUTO = -1 /* from the file name */
} bede_dict_kind;

typedef struct bede_dict bede_dict;

typedef struct bede_dict_options {
    int strict; /* warnings (e.g. an unreadable date restriction) are errors */
} bede_dict_options;

BEDE_API void bede_dict_default_options(bede_dict_options *opts);

/* An empty dictionary. opts may be NULL. Free with bede_dict_free(). */
BEDE_API bede_dict *bede_dict_new(const bede_dict_options *opts,
                                  bede_error *err);
BEDE_API void bede_dict_free(bede_dict *d);

/* Adds the entries of one file. With BEDE_DICT_FORMAT_AUTO and
 * BEDE_DICT_KIND_AUTO, the format and kind come from the name: `.actors`,
 * `.agents`, `.verbs`, `.options` are TABARI; `actors`, `agents`, `verbs`,
 * `discards`, `issue` in a name ending `.txt` (CAMEO.* is verbs) are
 * PETRARCH-2, unless the file is in a folder data/KIND/ or starts with the
 * line `# bede dictionary`, which makes it bede's. Returns the number of
 * entries added, or a negative bede_status with err naming
 * file:line:column; on error the dictionary is unchanged. */
BEDE_API int bede_dict_add_file(bede_dict *d, const char *path, int format,
                                int kind, bede_error *err);
/* As bede_dict_add_file, from memory; name is used in messages. */
BEDE_API int bede_dict_add_text(bede_dict *d, const char *name,
                                const char *text, size_t len, int format,
                                int kind, bede_error *err);
/* bede_dict_new + bede_dict_add_file. Free with bede_dict_free(). */
BEDE_API bede_dict *bede_dict_load_file(const char *path, int format,
                                        int kind, bede_error *err);

/* The compiled form (data/README.md, "Compiled form"): a versioned,
 * checksummed binary image of a whole dictionary, loaded in milliseconds.
 *
 * bede_dict_compile writes d to path (through a temporary file renamed into
 * place). Returns 0 or a negative bede_status. */
BEDE_API int bede_dict_compile(const bede_dict *d, const char *path,
                               bede_error *err);
/* Maps a compiled file read-only (shared between threads and processes).
 * A file with the wrong magic, version or byte order, truncated, corrupt or
 * inconsistent is rejected with err naming it. The dictionary is
 * read-only: adding files to it is an error. bede_dict_load_file and
 * bede_dict_add_file (into an empty dictionary) recognise compiled files
 * by their magic. Free with bede_dict_free(). */
BEDE_API bede_dict *bede_dict_load_compiled(const char *path,
                                            bede_error *err);
/* As bede_dict_load_compiled from buf[0..len), which is copied: the caller
 * may free buf at once. name is used in messages. */
BEDE_API bede_dict *bede_dict_load_compiled_memory(const void *buf,
                                                   size_t len,
                                                   const char *name,
                                                   bede_error *err);
/* Bytes of the compiled file d has mapped (shared with every process that
 * maps it); 0 for a dictionary built from text or loaded from memory. */
BEDE_API size_t bede_dict_mapped_bytes(const bede_dict *d);

/* Adds a file (as bede_dict_add_file with automatic format and kind) or a
 * folder: every *.txt in it in name order, except example.txt (the test
 * sample of each of bede's data folders). Returns the number of
 * entries added or a negative status; a failing file leaves the ones before
 * it loaded. */
BEDE_API int bede_dict_add_path(bede_dict *d, const char *path,
                                bede_error *err);

/* Adds bede's bundled dictionaries: the folders actors, agents, verbs and
 * discards of data_dir (the source tree's data/ or the installed
 * share/bede). Returns the number of entries added or a negative status. */
BEDE_API int bede_dict_add_bundled(bede_dict *d, const char *data_dir,
                                   bede_error *err);

/* "actors", "agents", ...; "?" out of range. */
BEDE_API const char *bede_dict_kind_name(int kind);
/* Inverse of bede_dict_kind_name; -1 when unknown. */
BEDE_API int bede_dict_kind_from_name(const char *name);
/* "bede", "petrarch", "tabari", "compiled"; inverse returns -1 when
 * unknown. */
BEDE_API const char *bede_dict_format_name(int format);
BEDE_API int bede_dict_format_from_name(const char *name);

/* Number of entries (a record with its synonyms is one entry) and of
 * phrases (each synonym, plural or verb form is one) of a kind. */
BEDE_API size_t bede_dict_entry_count(const bede_dict *d, int kind);
BEDE_API size_t bede_dict_phrase_count(const bede_dict *d, int kind);
BEDE_API size_t bede_dict_pattern_count(const bede_dict *d);
/* Bytes of memory held by the handle (with the whole image of a compiled
 * file, though only the pages read are resident). */
BEDE_API size_t bede_dict_memory(const bede_dict *d);

/* One code of an entry. Dates are YYYYMMDD numbers; 0 = open end. */
typedef struct bede_dict_code {
    const char *code;
    int32_t from, to;
    int dated;        /* has a date restriction */
    const char *file;
    uint32_t line;
} bede_dict_code;

/* One entry. For verbs, block is the verb block description and
 * block_code its code; patterns counts the block's patterns. */
typedef struct bede_dict_entry {
    int kind;
    const char *phrase;     /* the first phrase, as written (normalised) */
    const char *file;
    uint32_t line;
    uint32_t phrase_count;
    uint32_t code_count;
    const char *block, *block_code; /* verbs; NULL otherwise */
    uint32_t flags;         /* BEDE_DICT_ENTRY_* */
} bede_dict_entry;

#define BEDE_DICT_ENTRY_STORY 0x1u  /* discard: the whole story */
#define BEDE_DICT_ENTRY_IGNORE 0x2u /* issue: `~` ignore phrase */
#define BEDE_DICT_ENTRY_IGNORE2 0x4u /* issue: `~~` ignore phrase */

/* Fills out for entry index i of kind (0 <= i < entry_count). */
BEDE_API int bede_dict_get_entry(const bede_dict *d, int kind, size_t i,
                                 bede_dict_entry *out);
BEDE_API int bede_dict_get_code(const bede_dict *d, int kind, size_t i,
                                size_t code, bede_dict_code *out);
/* The phrase j of entry i as its tokens joined by blanks, with the file
 * line it came from. */
BEDE_API const char *bede_dict_get_phrase(const bede_dict *d, int kind,
                                          size_t i, size_t j,
                                          uint32_t *line);
/* Verb pattern i (0 <= i < bede_dict_pattern_count): its text as written,
 * its code, the verb block it belongs to and where it was read. */
typedef struct bede_dict_pattern {
    const char *text, *code, *block;
    const char *file;
    uint32_t line;
} bede_dict_pattern;
BEDE_API int bede_dict_get_pattern(const bede_dict *d, size_t i,
                                   bede_dict_pattern *out);
/* Index of the code of entry i that applies on date (YYYYMMDD; 0 = no date
 * known: the latest dated code without an end, i.e. in force when the
 * dictionary was written, else the undated code, else the first), or -1
 * when none applies. */
BEDE_API int bede_dict_code_on(const bede_dict *d, int kind, size_t i,
                               int32_t date);

/* A phrase match over tokens [first, last) of a document. */
typedef struct bede_dict_match {
    uint32_t first, last;
    uint32_t entry;   /* entry index (of the kind searched) */
    int32_t code;     /* bede_dict_code_on(entry, date) */
} bede_dict_match;

/* Longest phrase of kind starting at token `at` of doc, not running past
 * token `end` (exclusive; 0 = end of doc). Matching ignores case, tries
 * each token's lower-case form and its lemma. Of phrases equally long, the
 * one whose words match the most characters (a token or its lemma matches
 * all of its characters, a stem or a word with endings its own: TABARI's
 * stem `attacked` before `attack` for "attacked"). Writes up to cap
 * matches (every entry whose phrase is that one, in load order) and
 * returns how many entries have it (0 if none). */
BEDE_API int bede_dict_match_at(const bede_dict *d, int kind,
                                const bede_doc *doc, size_t at, size_t end,
                                int32_t date, bede_dict_match *out,
                                size_t cap);

/* Diagnostics found while loading (warnings) and by bede_dict_check
 * (duplicates and conflicts). */
typedef struct bede_dict_note {
    const char *file;
    uint32_t line, column;
    const char *message;
    const char *other_file; /* the other location of a duplicate, or NULL */
    uint32_t other_line;
} bede_dict_note;

/* Finds phrases entered twice in a kind (same codes: duplicate; different
 * codes: conflict) and adds them to the notes. Returns the number found. */
BEDE_API int bede_dict_check(bede_dict *d, bede_error *err);
BEDE_API size_t bede_dict_note_count(const bede_dict *d);
/* Fills out with note i (0 <= i < note_count); strings belong to d. */
BEDE_API int bede_dict_get_note(const bede_dict *d, size_t i,
                                bede_dict_note *out);

/* Writes every entry of kind in bede's format to path ("-": stdout).
 * Returns 0 or a negative bede_status. */
BEDE_API int bede_dict_write(const bede_dict *d, int kind, const char *path,
                             bede_error *err);

/* ======================================================= end dictionaries */

/* ================================================================= coder
 *
 * The event coder: analysed sentences + dictionaries -> events (source
 * actor, target actor, CAMEO event code, date), each with the evidence that
 * produced it. A bede_coder (dictionary, analyser, options) is read-only
 * once built and is shared by threads; each thread codes with its own
 * bede_worker.
 */

typedef struct bede_coder_options {
    int32_t default_date; /* YYYYMMDD used when a story has none; 0 = none */
    int nominal;          /* code nominal events ("Israel's attacks on
                             Gaza"); default 1 */
    int coreference;      /* resolve pronouns and descriptions to actors
                             named earlier in the story; default 1 */
    int require_target;   /* events without a target actor: 1 drops them
                             all (TABARI's and PETRARCH-2's convention);
                             2 keeps them only from a verb of a main
                             clause whose act needs no one to act on
                             ("Japan declined to comment", protests,
                             shows of force, curfews, investigations,
                             rejections, appeals for calm), never from a
                             noun or from what is reported, urged or
                             threatened; 0 keeps them all; default 2 */
    int one_a_day;        /* within a story, keep one event per (date,
                             source, target, code); default 0 */
    const char *unknown_state; /* when set, a role whose state no phrase
                             names ("a senior official") is coded with this
                             in place of the state: "---" gives PETRARCH-2's
                             "---GOV", "~" TABARI's "~GOV" (borrowed: it
                             must outlive the coder); default NULL: the
                             dateline's or the sentence's state */
    int statements;       /* a verb of saying gives its own event even
                             when what it reports was coded, as PETRARCH-2
                             does; default 0 ("Iran said it condemned X" is
                             one event, IRN 111 X) */
    int intents;          /* a cooperative act in the future tense ("will
                             send aid") is CAMEO's intent to do it (03x);
                             default 1 (TABARI and PETRARCH-2 keep the act's
                             code: their suites are run with 0) */
    int negation;         /* a verb negated in its own group ("did not
                             condemn") gives no event unless a pattern
                             reads the negation ("HAS NOT * TROOPS");
                             default 1; 0 codes it as if it were not
                             negated, as TABARI does (its dictionaries
                             read negation only in patterns) */
    int tabari_verbs;     /* a noun of the verb dictionary is coded as a
                             verb where TABARI takes it for one: unless
                             "the", "a" or "an" comes right before it or it
                             is capitalised inside the sentence (TABARI's
                             manual, 7.4), it gives its own code without a
                             pattern, its clause's subject acting on the
                             first actor after it ("it has no new sign
                             with Gondor" -> SIGN), and its patterns read
                             the whole sentence as a verb's do; default 0:
                             a noun gives an event only through a pattern
                             or an actor of its own phrase */
    int tabari_search;    /* TABARI's default actor search (its manual,
                             5.8) fills what bede's reading leaves empty: a
                             verb whose subject names no known actor
                             ("Calenardon might affirm ...") takes the
                             first actor before it as source, and a verb of
                             a main clause with no target the first actor
                             after it, else before it, whose code is not
                             the source's; default 0: no source or target,
                             as require_target says */
    int agents_alone;     /* a role named with no actor ("a senior
                             official", "police") is an actor: coreference,
                             the sentence's or the dateline's state, or
                             unknown_state; default 1; 0 as TABARI without
                             SET: CONVERT AGENTS = TRUE (its manual, 8.2.6):
                             such a phrase names no actor */
    int tabari_agents;    /* agents joined as TABARI joins them: only to the
                             actor right before or after the agent word
                             ("Israeli president", "President Peres",
                             "Israel's president") or right after its "of"
                             or "in" ("president of Israel"), even where
                             it only modifies another noun ("government
                             radio"), never across other words or to later
                             members of a list; and
                             a pronoun refers to the actor without the
                             agent its mention had ("Fornost President
                             Umbardacil ... He" -> FOR); default 0: bede
                             joins a role to the actor its phrase names
                             ("Dagolath's first Deputy Prime Minister" ->
                             DAGGOV, "ambassadors of Arnor and Gondor" ->
                             ARNGOV, GONGOV) */

    /* Default actors (TABARI's DEFAULT: command): codes given to a side of
     * an event that no actor gives ("Officials restored ties with Gondor"
     * -> SRCDEF GON), so that verbs are coded without a known source or
     * target. Borrowed: they must outlive the coder. */
    const char *default_source; /* default NULL: no source, no event */
    const char *default_target; /* default NULL: as require_target says */
    int default_source_prior; /* 1 (default): the default source stands
                             for every subject that names no actor (TABARI's
                             PRIOR); 0: the first actor after the verb is the
                             source first, its next one the target, and the
                             default comes only when none is found */
    int default_target_after; /* 1 (default): the default target stands for
                             every target no actor gives, also where a
                             compound source would act on itself (TABARI's
                             AFTER); 0: only when no target is found at all
                             ("Bree and Arnor restored ties" stays BRE ARN,
                             ARN BRE) */

    uint32_t min_words;   /* sentences of fewer words are not coded (a
                             comma counts as a word, a possessive 's or a
                             contraction does not); TABARI's MINIMUM WORDS;
                             default 0: every sentence */
    int code_by;          /* bede_code_by: which events of a sentence;
                             default BEDE_CODE_EACH */

    /* Comma-delimited phrases left out of coding (TABARI's COMMA:): a
     * phrase of comma_min to comma_max words between two commas, one of
     * comma_first_min to comma_first_max words before the sentence's first
     * comma, one of comma_last_min to comma_last_max words after a comma
     * that ends the sentence's phrases (bounds included). Commas pair up
     * from the left, as in TABARI: the first and second delimit a phrase,
     * the third and fourth the next, a last odd one the phrase that ends
     * the sentence. Commas inside a list of actors ("Arnor, Gondor and
     * Bree") are not counted. Words are counted as for min_words. */
    int comma_phrases;    /* default 0: every word is coded */
    uint32_t comma_min, comma_max;             /* default 2, 10 */
    uint32_t comma_first_min, comma_first_max; /* default 128, 0: never */
    uint32_t comma_last_min, comma_last_max;   /* default 2, 10 */

    int time_shift;       /* the time phrases of TABARI verb dictionaries
                             (its <TIME> block: YESTERDAY [-1]) date the
                             events of their sentence that many days from
                             the story's date; one coded ### discards the
                             sentence, +++ leaves it uncoded; the first of a
                             sentence counts, its patterns are not read;
                             TABARI's SET: TIME SHIFTING; default 0 */
} bede_coder_options;

/* Which events of a sentence the coder makes (TABARI's SET: CODE BY). */
typedef enum bede_code_by {
    BEDE_CODE_EACH,  /* each verb's and noun's event, except the ones that
                        fold into a governing verb's: what its pattern read
                        ("urged X to assist"), what is urged, demanded or
                        denied, the statement whose content is coded (see
                        statements), the background ("after ...") and the
                        consequences of an attack */
    BEDE_CODE_FIRST, /* the first event of each sentence (TABARI's CODE BY
                        SENTENCE): its verb's events, paired and compound
                        ones included */
    BEDE_CODE_CLAUSE, /* as EACH, then only the first verb's events in each
                        clause between conjunctions (and, but, or, nor
                        that do not join the words of one phrase or of one
                        dictionary verb, "shot and killed"): TABARI's CODE
                        BY CLAUSE
                        (its manual, 7.6) */
    BEDE_CODE_ALL    /* every event, the folded ones too (TABARI's CODE
                        ALL), each as part of the event it folds into: its
                        source, and its own target, else that event's
                        ("Arnor urged Bree to assist it": ARN BRE 102 and
                        ARN BRE 092; "... to criticise Gondor": ARN GON
                        111); an event noun after a verb has its
                        possessive ("its resumption of ties") as source;
                        statements keep their events (statements = 1) */
} bede_code_by;

/* Whatever code_by says, TABARI's dominant and subordinate codes of the
 * verb dictionaries (`031!`, `023?`) hold within a sentence: a dominant
 * event leaves out the sentence's other events, a subordinate one is kept
 * only when no other is left. */

BEDE_API void bede_coder_default_options(bede_coder_options *opts);

typedef struct bede_coder bede_coder;

/* A coder over dict (borrowed: it must outlive the coder) and the analyser
 * built into the library. opts may be NULL. */
BEDE_API bede_coder *bede_coder_new(const bede_dict *dict,
                                    const bede_coder_options *opts,
                                    bede_error *err);
BEDE_API void bede_coder_free(bede_coder *c);
BEDE_API const bede_dict *bede_coder_dict(const bede_coder *c);

/* How an actor of an event was found. */
typedef enum bede_actor_how {
    BEDE_ACTOR_NONE,      /* no actor: code "---" */
    BEDE_ACTOR_PHRASE,    /* an actor phrase of the sentence */
    BEDE_ACTOR_COREF,     /* a pronoun or description: an earlier actor */
    BEDE_ACTOR_CONTEXT,   /* an agent alone, placed by the story's context */
    BEDE_ACTOR_DEFAULT    /* default_source or default_target */
} bede_actor_how;

/* One side of an event. Spans are byte offsets into the story text. */
typedef struct bede_event_actor {
    const char *code;       /* "IRNGOV"; "---" when none */
    bede_span span;         /* the words that gave it (empty when none) */
    int how;                /* bede_actor_how */
    const char *file;       /* the actor entry that gave the code */
    uint32_t line;
    const char *agent_file; /* the agent entry, if one was joined */
    uint32_t agent_line;
} bede_event_actor;

/* Event flags. */
#define BEDE_EVF_PASSIVE 0x01u  /* source from a passive "by" phrase */
#define BEDE_EVF_NOMINAL 0x02u  /* a noun ("the killing of") gave it */
#define BEDE_EVF_REPORTED 0x04u /* inside reported speech */
#define BEDE_EVF_COMPOUND 0x08u /* one of several actors of a phrase */
#define BEDE_EVF_PATTERN 0x10u  /* a verb pattern matched */

/* One coded event. Its strings are valid while the callback runs (the
 * worker reuses their memory for its next story): copy what you keep.
 * Spans are byte offsets into the story text. */
typedef struct bede_event {
    uint32_t sentence;       /* index into bede_doc_sentences() */
    int32_t date;            /* YYYYMMDD; 0 = unknown */
    bede_event_actor source, target;
    const char *code;        /* CAMEO event code: "111" */
    const char *root;        /* its root code: "11" */
    int quad_class;          /* 1 verbal coop ... 4 material conflict */
    double goldstein;        /* -10 .. +10 */
    const char *label;       /* "Criticize or denounce" */
    bede_span verb;          /* the verb or noun of the event */
    bede_span sentence_span; /* the sentence */
    const char *rule_file;   /* the verb entry or pattern that fired */
    uint32_t rule_line;
    const char *rule;        /* the pattern as written, or the verb */
    uint32_t flags;          /* BEDE_EVF_* */
} bede_event;

/* Called once per event; a non-zero return stops coding and bede_code
 * returns BEDE_ERR_ABORTED. */
typedef int (*bede_event_fn)(const bede_event *ev, void *user);
/* Called with each line of a coding's explanation (see bede_worker_trace). */
typedef void (*bede_trace_fn)(const char *line, void *user);

/* Per-thread coding state: the analysed story and scratch space. */
typedef struct bede_worker bede_worker;
BEDE_API bede_worker *bede_worker_new(const bede_coder *c, bede_error *err);
BEDE_API void bede_worker_free(bede_worker *w);
/* With fn set, coding explains itself line by line: actor matches, each
 * verb and the patterns tried, and why each event was or was not made. */
BEDE_API void bede_worker_trace(bede_worker *w, bede_trace_fn fn, void *user);

/* What the coder knows of a story besides its text. */
typedef struct bede_story {
    const char *id;  /* may be NULL */
    int32_t date;    /* YYYYMMDD; 0 = the coder's default date */
} bede_story;

/* Outcome counts of one story. */
typedef struct bede_story_stats {
    uint32_t sentences, events, discarded_sentences;
    int discarded_story; /* a story-level discard phrase was found */
    const char *discard; /* the discard phrase that voided it, or NULL */
} bede_story_stats;

/* Analyses and codes one story, calling fn for each event in text order.
 * stats may be NULL. Returns the number of events, or a negative status
 * (invalid UTF-8 names its byte offset in err). The analysed story stays in
 * the worker until the next call: see bede_worker_doc. */
BEDE_API int bede_code(bede_worker *w, const char *text, size_t len,
                       const bede_story *story, bede_event_fn fn,
                       void *user, bede_story_stats *stats, bede_error *err);
/* The worker's analysed story (tokens, phrases, clauses) of the last call. */
BEDE_API const bede_doc *bede_worker_doc(const bede_worker *w);

/* CAMEO event table (data/cameo/events.tsv, built into the library). */
typedef struct bede_cameo_code {
    const char *code, *root, *label;
    int quad_class;
    double goldstein;
} bede_cameo_code;
/* Fills out for code; returns 0, or BEDE_ERR_ARG when code is unknown. */
BEDE_API int bede_cameo_lookup(const char *code, bede_cameo_code *out);

/* Dates: "YYYY-MM-DD", "YYYYMMDD" or "YYMMDD" -> YYYYMMDD; 0 if invalid. */
BEDE_API int32_t bede_parse_date(const char *s, size_t len);

/* ============================================================ end coder */

#ifdef __cplusplus
}
#endif
#endif /* BEDE_H */
