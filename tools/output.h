/*
 * Event writers of `bede code`: one event per line as JSON, as PETRARCH-2's
 * tab-separated event records, or as GDELT 2.0 event rows.
 */
#ifndef BEDE_TOOLS_OUTPUT_H
#define BEDE_TOOLS_OUTPUT_H

#include "bede.h"

#include <stdint.h>
#include <stdio.h>

typedef enum out_format {
    OUT_JSONL,    /* one JSON object per event (see out_event) */
    OUT_PETRARCH, /* date source target code issues ids source_name
                     source_text target_text verb_text */
    OUT_GDELT,    /* the 61 columns of a GDELT 2.0 event row */
    OUT_FORMAT_COUNT
} out_format;

#define OUT_GDELT_COLUMNS 61
#define OUT_PETRARCH_COLUMNS 10

const char *out_format_name(int format);
int out_format_from_name(const char *name);

/* The story an event comes from: spans are offsets into text. */
typedef struct out_story {
    const char *id;
    const char *text;
    size_t len;
} out_story;

typedef struct out_options {
    out_format format;
    /* Dictionary paths under this folder are written relative to it
       ("verbs/cameo.txt:120"); NULL keeps them as loaded. */
    const char *data_dir;
    /* GDELT DATEADDED, YYYYMMDDHHMMSS; empty when not set. */
    char date_added[16];
} out_options;

/* Writes one event as a line. event_id is the running number of the event
 * in the output (GDELT's GLOBALEVENTID). Returns 0, or -1 when f fails. */
int out_event(FILE *f, const out_options *o, const out_story *st,
              const bede_event *ev, uint64_t event_id);

/* GDELT's break-out of an actor code: country (or region), known group
 * (IGO/NGO/... code) and up to three role codes. Fields are "" when the
 * code does not give them. */
typedef struct out_actor_parts {
    char country[4], group[4], type[3][4];
} out_actor_parts;
void out_actor_split(const char *code, out_actor_parts *p);

#endif
