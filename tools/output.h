/*
 * Event writers of `bede code`: one event per line as JSON, as PETRARCH-2's
 * tab-separated event records, or as GDELT 2.0 event rows.
 */
#ifndef BEDE_TOOLS_OUTPUT_H
#define BEDE_TOOLS_OUTPUT_H

#include "bede.h"

#include <stdint.h>
#include <stdio.h>

/*
 * jsonl fields: doc_id, sent_id (0-based sentence of the story), date
 * ("YYYY-MM-DD" or null), source, target ("---": none), code, root,
 * quad_class, goldstein, label, source_text, target_text, verb_text (the
 * words of each span, or null), spans {source, target, verb, sentence}
 * ([start, end) byte offsets into the story text, or null), rule {at:
 * "file:line", text: the pattern or null}, source_rule and target_rule
 * ("file:line" of the actor entries), source_agent_rule and
 * target_agent_rule when an agent was joined, source_how and target_how
 * (phrase, coref, context, default, none), flags (passive, nominal,
 * reported, compound, pattern) and sentence (its text).
 */
typedef enum out_format {
    OUT_JSONL,    /* one JSON object per event */
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
