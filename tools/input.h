/*
 * Input readers of `bede code` and `bede validate`: they turn files of
 * stories into records (id, date, text) and keep what validation files say
 * the coder should produce.
 *
 *   text      one story per file
 *   paras     stories separated by blank lines
 *   jsonl     one JSON object per line: {"id", "date", "text"}
 *   petrarch  PETRARCH XML: <Sentence id date><Text>..</Text></Sentence>
 *   tabari    TABARI text records: "YYMMDD  ID", text lines, a blank line
 *
 * A reader never stops on a bad record: it returns it with `rejected` set
 * and a reason naming file:line:column, and goes on with the next one. Only
 * malformed XML ends a PETRARCH file early (expat cannot resume), after a
 * rejected record saying where.
 */
#ifndef BEDE_TOOLS_INPUT_H
#define BEDE_TOOLS_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum in_kind {
    IN_TEXT,
    IN_PARAS,
    IN_JSONL,
    IN_PETRARCH,
    IN_TABARI,
    IN_KIND_COUNT
} in_kind;

/* "text", "paras", ...; inverse returns -1 when unknown. */
const char *in_kind_name(int kind);
int in_kind_from_name(const char *name);
/* The kind a file name implies: .jsonl -> jsonl, .xml -> petrarch, else
 * text. */
in_kind in_kind_from_path(const char *path);

/* One expected event of a validation record. Codes are kept as written,
 * blank-trimmed. */
typedef struct in_expect {
    char *source, *target, *code;
} in_expect;

/* What a validation record expects besides its events. */
#define IN_EXP_EVENTS 0x01u  /* has expectations (possibly "no event") */
#define IN_EXP_NONE 0x02u    /* no events: noevents="True", {---} */
#define IN_EXP_DISCARD 0x04u /* a discard phrase voids it: {###}, error= */
#define IN_EXP_COMPLEX 0x08u /* TABARI {+++}: too complex to code */
#define IN_EXP_SUBSET 0x10u  /* TABARI -{...}: events after it unchecked */
#define IN_EXP_OPTIONS 0x20u /* only { OPTION: ... } lines */

typedef struct in_record {
    char *id;     /* never NULL */
    int32_t date; /* YYYYMMDD; 0 = none given */
    char *text;   /* UTF-8 unless the input was invalid (then rejected
                     later by the coder, naming the byte) */
    size_t len;
    char *file;            /* the input's name (a copy: records outlive their
                              reader in bede code's ring) */
    uint32_t line, column; /* where the record starts */

    int rejected;     /* the reader could not read it: see reason */
    char reason[600]; /* "file:line:column: expected ..." */

    /* validation */
    unsigned expect; /* IN_EXP_* */
    in_expect *events;
    size_t nevents;
    char *category;   /* PETRARCH category attribute, or NULL */
    char *error_kind; /* PETRARCH <EventCoding error="...">, or NULL */
    char **options;   /* TABARI { OPTION: ... } and PETRARCH <Config>
                         lines seen since the previous record */
    size_t noptions;
    int stop; /* PETRARCH <Stop>, or a TABARI record without
                 validation fields: validation ends here */
} in_record;

void in_record_free(in_record *r);

/* What a PETRARCH validation file's <Environment> names. Strings may be
 * NULL. */
typedef struct in_environment {
    char *verbfile, *actorfile, *agentfile, *discardfile;
    char **include, **exclude; /* category lists, NULL-terminated */
    size_t ninclude, nexclude;
} in_environment;

typedef struct in_reader in_reader;

/* Opens path ("-" = standard input) for reading records of kind. Returns
 * NULL with msg filled when the file cannot be opened. */
in_reader *in_open(const char *path, in_kind kind, char *msg, size_t cap);
/* Reads from f (not closed by the reader); name is used in messages. */
in_reader *in_open_stream(FILE *f, const char *name, in_kind kind);
void in_close(in_reader *in);

/* TABARI's SET: YYYY = TRUE for the records read from now on: a header's
 * date is the first eight digits (YYYYMMDD), also when more follow; off
 * (the default), six (YYMMDD) or eight digits. */
void in_set_four_digit_years(in_reader *in, int on);

/* Reads the next record into r (freed first by the caller, or zeroed).
 * Returns 1 for a record (which may be rejected), 0 at the end, -1 on a
 * read error (msg in r->reason). */
int in_next(in_reader *in, in_record *r);

/* Bytes consumed so far and the input's size (0 when unknown: a pipe). */
uint64_t in_bytes_read(const in_reader *in);
uint64_t in_size(const in_reader *in);

/* The <Environment> of a PETRARCH file: available once the first record
 * has been read (it precedes the records). */
const in_environment *in_environment_of(const in_reader *in);

/* Dates "YYYY-MM-DD", "YYYYMMDD" or "YYMMDD" (TABARI: 50-99 -> 19xx, else
 * 20xx) -> YYYYMMDD; 0 when invalid. */
int32_t in_parse_date(const char *s, size_t len);

/* Converts bytes that are not valid UTF-8 from Latin-1 (each byte one code
 * point). Returns a new string (length in *out_len) or NULL when s is
 * already valid UTF-8. */
char *in_latin1_to_utf8(const char *s, size_t len, size_t *out_len);

#endif
