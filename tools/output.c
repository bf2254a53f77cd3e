/*
 * Event writers of `bede code` (see output.h).
 */
#include "output.h"

#include <jansson.h>
#include <string.h>

static const char *const format_names[OUT_FORMAT_COUNT] = {"jsonl", "petrarch",
                                                           "gdelt"};

const char *out_format_name(int format) {
    return format >= 0 && format < OUT_FORMAT_COUNT ? format_names[format]
                                                    : "?";
}

int out_format_from_name(const char *name) {
    for (int k = 0; k < OUT_FORMAT_COUNT; k++)
        if (strcmp(name, format_names[k]) == 0) return k;
    return -1;
}

/* The text of a span, or NULL when it is empty or out of the story. */
static const char *span_text(const out_story *st, bede_span sp, size_t *n) {
    if (sp.end <= sp.start || sp.end > st->len) return NULL;
    *n = sp.end - sp.start;
    return st->text + sp.start;
}

static const char *code_or_null(const char *code) {
    return code && *code ? code : "---";
}

/* A dictionary location as "file:line", relative to the data folder. */
static void where(char *buf, size_t cap, const out_options *o, const char *file,
                  uint32_t line) {
    if (o->data_dir && *o->data_dir) {
        size_t n = strlen(o->data_dir);
        if (strncmp(file, o->data_dir, n) == 0 && file[n] == '/') file += n + 1;
    }
    snprintf(buf, cap, "%s:%u", file, line);
}

/* ------------------------------------------------------------------ JSON */

static json_t *jstr(const char *s, size_t n) {
    json_t *v = s ? json_stringn(s, n) : NULL;
    return v ? v : json_null();
}

static json_t *jspan(bede_span sp) {
    if (sp.end <= sp.start) return json_null();
    return json_pack("[II]", (json_int_t)sp.start, (json_int_t)sp.end);
}

static json_t *jwhere(const out_options *o, const char *file, uint32_t line) {
    if (!file || !*file) return json_null();
    char buf[1024];
    where(buf, sizeof buf, o, file, line);
    return json_string(buf);
}

static const char *how_name(int how) {
    switch (how) {
    case BEDE_ACTOR_PHRASE:
        return "phrase";
    case BEDE_ACTOR_COREF:
        return "coref";
    case BEDE_ACTOR_CONTEXT:
        return "context";
    case BEDE_ACTOR_DEFAULT:
        return "default";
    default:
        return "none";
    }
}

static int write_jsonl(FILE *f, const out_options *o, const out_story *st,
                       const bede_event *ev) {
    json_t *obj = json_object();
    if (!obj) return -1;
    char date[16];
    json_object_set_new(obj, "doc_id", json_string(st->id ? st->id : ""));
    json_object_set_new(obj, "sent_id", json_integer(ev->sentence));
    if (ev->date > 0) {
        snprintf(date, sizeof date, "%04d-%02d-%02d", ev->date / 10000,
                 ev->date / 100 % 100, ev->date % 100);
        json_object_set_new(obj, "date", json_string(date));
    } else {
        json_object_set_new(obj, "date", json_null());
    }
    json_object_set_new(obj, "source",
                        json_string(code_or_null(ev->source.code)));
    json_object_set_new(obj, "target",
                        json_string(code_or_null(ev->target.code)));
    json_object_set_new(obj, "code", json_string(ev->code ? ev->code : ""));
    json_object_set_new(obj, "root", json_string(ev->root ? ev->root : ""));
    json_object_set_new(obj, "quad_class", json_integer(ev->quad_class));
    json_object_set_new(obj, "goldstein", json_real(ev->goldstein));
    json_object_set_new(obj, "label", json_string(ev->label ? ev->label : ""));
    size_t n = 0;
    const char *s = span_text(st, ev->source.span, &n);
    json_object_set_new(obj, "source_text", jstr(s, n));
    s = span_text(st, ev->target.span, &n);
    json_object_set_new(obj, "target_text", jstr(s, n));
    s = span_text(st, ev->verb, &n);
    json_object_set_new(obj, "verb_text", jstr(s, n));
    json_t *spans = json_object();
    json_object_set_new(spans, "source", jspan(ev->source.span));
    json_object_set_new(spans, "target", jspan(ev->target.span));
    json_object_set_new(spans, "verb", jspan(ev->verb));
    json_object_set_new(spans, "sentence", jspan(ev->sentence_span));
    json_object_set_new(obj, "spans", spans);
    json_t *rule = json_object();
    json_object_set_new(rule, "at", jwhere(o, ev->rule_file, ev->rule_line));
    json_object_set_new(rule, "text",
                        ev->rule ? json_string(ev->rule) : json_null());
    json_object_set_new(obj, "rule", rule);
    json_object_set_new(obj, "source_rule",
                        jwhere(o, ev->source.file, ev->source.line));
    json_object_set_new(obj, "target_rule",
                        jwhere(o, ev->target.file, ev->target.line));
    if (ev->source.agent_file)
        json_object_set_new(
            obj, "source_agent_rule",
            jwhere(o, ev->source.agent_file, ev->source.agent_line));
    if (ev->target.agent_file)
        json_object_set_new(
            obj, "target_agent_rule",
            jwhere(o, ev->target.agent_file, ev->target.agent_line));
    json_object_set_new(obj, "source_how",
                        json_string(how_name(ev->source.how)));
    json_object_set_new(obj, "target_how",
                        json_string(how_name(ev->target.how)));
    static const struct {
        unsigned bit;
        const char *name;
    } flags[] = {{BEDE_EVF_PASSIVE, "passive"},
                 {BEDE_EVF_NOMINAL, "nominal"},
                 {BEDE_EVF_REPORTED, "reported"},
                 {BEDE_EVF_COMPOUND, "compound"},
                 {BEDE_EVF_PATTERN, "pattern"}};
    json_t *fl = json_array();
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (ev->flags & flags[i].bit)
            json_array_append_new(fl, json_string(flags[i].name));
    json_object_set_new(obj, "flags", fl);
    s = span_text(st, ev->sentence_span, &n);
    json_object_set_new(obj, "sentence", jstr(s, n));
    /* Goldstein weights have one decimal: no 3.3999999999999999 */
    int rc = json_dumpf(obj, f, JSON_COMPACT | JSON_REAL_PRECISION(6));
    json_decref(obj);
    if (rc != 0 || putc('\n', f) == EOF) return -1;
    return 0;
}

/* ---------------------------------------------------- tab-separated rows */

/* A field of a tab-separated row: tabs and line breaks become blanks. */
static void tsv_field(FILE *f, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        putc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, f);
    }
}

static void tsv_str(FILE *f, const char *s) {
    if (s) tsv_field(f, s, strlen(s));
}

static void tsv_span(FILE *f, const out_story *st, bede_span sp,
                     const char *none) {
    size_t n = 0;
    const char *s = span_text(st, sp, &n);
    if (s)
        tsv_field(f, s, n);
    else
        fputs(none, f);
}

/* PETRARCH-2's event record (PETRwriter.write_events with actor and event
 * text): date, source, target, code, issues, ids, story source, source
 * text, target text, event text. bede has no story source: NULL, as
 * PETRARCH-2 writes when none is given. */
static int write_petrarch(FILE *f, const out_story *st, const bede_event *ev) {
    fprintf(f, "%08d\t", ev->date > 0 ? ev->date : 0);
    tsv_str(f, code_or_null(ev->source.code));
    putc('\t', f);
    tsv_str(f, code_or_null(ev->target.code));
    putc('\t', f);
    tsv_str(f, ev->code);
    fputs("\t\t", f); /* no issues */
    tsv_str(f, st->id);
    fprintf(f, "-%u\tNULL\t", ev->sentence);
    tsv_span(f, st, ev->source.span, "---");
    putc('\t', f);
    tsv_span(f, st, ev->target.span, "---");
    putc('\t', f);
    tsv_span(f, st, ev->verb, "---");
    return putc('\n', f) == EOF ? -1 : 0;
}

/* CAMEO role codes (codebook, tables 3.1 and 3.2) and organisation
 * prefixes: a code starting with one of these names no country. */
static const char *const role_codes[] = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI",
    "LAB", "LEG", "MED", "REF", "MOD", "RAD", "PTY", "SET"};
static const char *const org_codes[] = {"IGO", "IMG", "INT", "MNC",
                                        "NGM", "NGO", "UIS"};

static int in_list(const char *c, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strncmp(c, list[i], 3) == 0) return 1;
    return 0;
}
#define IN_LIST(c, l) in_list(c, l, sizeof l / sizeof l[0])

void out_actor_split(const char *code, out_actor_parts *p) {
    memset(p, 0, sizeof *p);
    if (!code || strlen(code) < 3 || strncmp(code, "---", 3) == 0) return;
    size_t n = strlen(code), i = 0, ntype = 0;
    for (size_t k = 0; k < n; k++)
        if (code[k] < 'A' || code[k] > 'Z') return; /* not a CAMEO code */
    if (IN_LIST(code, org_codes)) {
        /* IGOUNO, NGOHRIAMN: the last three letters name the group unless
         * they are a role. */
        if (n >= 6 && !IN_LIST(code + n - 3, role_codes))
            memcpy(p->group, code + n - 3, 3);
        memcpy(p->type[ntype++], code, 3);
        i = 3;
    } else if (!IN_LIST(code, role_codes)) {
        memcpy(p->country, code, 3);
        i = 3;
    }
    for (; i + 3 <= n && ntype < 3; i += 3)
        if (IN_LIST(code + i, role_codes))
            memcpy(p->type[ntype++], code + i, 3);
}

/* GDELT 2.0 event row: 61 tab-separated columns (codebook + the ADM2
 * columns of 2.0). bede fills the date, actor, event and count columns;
 * names are the words that gave each actor; the rest stay blank. */
static int write_gdelt(FILE *f, const out_options *o, const out_story *st,
                       const bede_event *ev, uint64_t event_id) {
    int y = ev->date / 10000, m = ev->date / 100 % 100, d = ev->date % 100;
    fprintf(f, "%llu\t", (unsigned long long)event_id);
    if (ev->date > 0)
        fprintf(f, "%08d\t%04d%02d\t%04d\t%.4f\t", ev->date, y, m, y,
                y + (m * 30 + d) / 365.0);
    else
        fputs("\t\t\t\t", f);
    const bede_event_actor *actors[2] = {&ev->source, &ev->target};
    for (int a = 0; a < 2; a++) { /* 10 columns each */
        const char *code = actors[a]->code;
        int none = !code || !*code || strcmp(code, "---") == 0;
        out_actor_parts p;
        out_actor_split(none ? NULL : code, &p);
        if (!none) tsv_str(f, code);
        putc('\t', f);
        if (!none) tsv_span(f, st, actors[a]->span, "");
        fprintf(f, "\t%s\t%s\t\t\t\t%s\t%s\t%s\t", p.country, p.group,
                p.type[0], p.type[1], p.type[2]);
    }
    const char *code = ev->code ? ev->code : "";
    fputs("\t", f); /* IsRootEvent */
    fprintf(f, "%s\t%.3s\t%s\t%d\t%.1f\t1\t1\t1\t\t", code, code,
            ev->root ? ev->root : "", ev->quad_class, ev->goldstein);
    for (int g = 0; g < 3 * 8; g++)
        putc('\t', f); /* three geographies */
    fputs(o->date_added, f);
    putc('\t', f);
    tsv_str(f, st->id);
    return putc('\n', f) == EOF ? -1 : 0;
}

int out_event(FILE *f, const out_options *o, const out_story *st,
              const bede_event *ev, uint64_t event_id) {
    switch (o->format) {
    case OUT_PETRARCH:
        return write_petrarch(f, st, ev);
    case OUT_GDELT:
        return write_gdelt(f, o, st, ev, event_id);
    default:
        return write_jsonl(f, o, st, ev);
    }
}
