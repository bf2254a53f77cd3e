/*
 * bede — command-line interface. A thin layer over the public API in
 * include/bede.h: it reads inputs, calls the library and prints results.
 *
 *   bede tokens [options] [FILE...|-]   one sentence per line, tokens
 *   bede tag    [options] [FILE...|-]   one sentence per line, word/TAG/lemma
 *   bede phrases [options] [FILE...|-]  phrases [NP ...] and clauses {kind ...}
 *   bede dict ...                        dictionaries (tools/bede_dict.c)
 *   bede explain [options] TEXT          why a text gets its events
 *                                        (tools/bede_explain.c)
 *   bede code [options] [FILE...|-]     stories -> events (tools/bede_code.c)
 *   bede validate FILE                   PETRARCH / TABARI validation suites
 *   bede version
 */
#include "bede.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef enum { OUT_TEXT, OUT_JSONL } out_format;

#include "cli.h"

typedef struct cli {
    const char *command;
    out_format format;
    bede_text_options opts;
    const char *model;
    const char *text; /* --text: analyse this string */
    int per_line;     /* --lines: each input line is a story */
    int stats;        /* --stats: summary on stderr */
    const char **files;
    int nfiles;
} cli;

static void usage(FILE *f) {
    fputs("usage: bede COMMAND [options] [FILE...|-]\n"
          "\n"
          "commands:\n"
          "  tokens     print each sentence's tokens, one sentence per line\n"
          "  tag        print each sentence as word/TAG/lemma\n"
          "  phrases    print each sentence's phrases [NP ...] and clauses\n"
          "             {kind ...}\n"
          "  dict       dictionaries: check, lookup, stats, convert\n"
          "             (bede dict --help)\n"
          "  explain    code a text and show why each event was or was\n"
          "             not made (bede explain --help)\n"
          "  code       code stories (text, paras, jsonl, PETRARCH XML,\n"
          "             TABARI) into events (bede code --help)\n"
          "  validate   run a PETRARCH or TABARI validation suite\n"
          "             (bede validate --help)\n"
          "  version    print the library version\n"
          "\n"
          "options:\n"
          "  -f, --format text|jsonl  output format (default text); jsonl\n"
          "                           adds byte spans, phrases and clauses\n"
          "  -t, --text STRING        analyse STRING instead of files\n"
          "  --lines                  each input line is a separate story\n"
          "  --replace-invalid        replace invalid UTF-8 (and count it)\n"
          "                           instead of rejecting the input\n"
          "  --no-dateline            do not look for datelines\n"
          "  --model FILE             part-of-speech model (text format)\n"
          "  --stats                  print a summary on stderr\n"
          "  -h, --help               this help\n",
          f);
}

/* Reads a whole file ("-" is standard input). Returns NULL on error. */
char *cli_read_all(const char *path, size_t *len) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bede: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    if (f != stdin) fclose(f);
    if (!buf || bad) {
        fprintf(stderr, "bede: %s: read error\n", path);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static void json_string(FILE *out, const char *s, size_t n) {
    putc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                fprintf(out, "\\u%04x", c);
            else
                putc(c, out);
        }
    }
    putc('"', out);
}

static void json_cstr(FILE *out, const char *s) {
    json_string(out, s, strlen(s));
}

static void json_span(FILE *out, const char *key, bede_span sp,
                      const char *text) {
    fprintf(out, "\"%s\":", key);
    if (sp.start == sp.end) {
        fputs("null", out);
        return;
    }
    fprintf(out, "{\"start\":%u,\"end\":%u,\"text\":", sp.start, sp.end);
    json_string(out, text + sp.start, sp.end - sp.start);
    putc('}', out);
}

static void print_phrase_flags(FILE *out, unsigned flags) {
    static const char *const names[] = {
        "negated", "passive",   "progressive", "perfect",    "modal",   "coord",
        "appos",   "possessor", "pronoun",     "infinitive", "conjunct"};
    fputs("[", out);
    int first = 1;
    for (unsigned b = 0; b < sizeof names / sizeof names[0]; b++)
        if (flags & (1u << b)) {
            fprintf(out, "%s\"%s\"", first ? "" : ",", names[b]);
            first = 0;
        }
    fputs("]", out);
}

static void print_sentence_jsonl(FILE *out, const bede_doc *doc,
                                 const char *doc_id, size_t si) {
    const bede_sentence *s = &bede_doc_sentences(doc)[si];
    const char *text = bede_doc_text(doc);
    const bede_token *toks = bede_doc_tokens(doc) + s->first_token;
    fputs("{\"doc\":", out);
    json_cstr(out, doc_id);
    fprintf(out,
            ",\"sent\":%zu,\"paragraph\":%u,\"start\":%u,\"end\":%u,"
            "\"text\":",
            si, s->paragraph, s->span.start, s->span.end);
    json_string(out, text + s->span.start, s->span.end - s->span.start);
    if (si == 0) {
        const bede_dateline *dl = bede_doc_dateline(doc);
        if (dl->whole.end > dl->whole.start) {
            fputs(",\"dateline\":{", out);
            json_span(out, "whole", dl->whole, text);
            putc(',', out);
            json_span(out, "place", dl->place, text);
            putc(',', out);
            json_span(out, "date", dl->date, text);
            putc(',', out);
            json_span(out, "agency", dl->agency, text);
            putc('}', out);
        }
    }
    fputs(",\"tokens\":[", out);
    for (uint32_t i = 0; i < s->token_count; i++) {
        const bede_token *t = &toks[i];
        fprintf(out, "%s{\"i\":%u,\"text\":", i ? "," : "", i);
        json_cstr(out, bede_doc_string(doc, t->norm));
        fprintf(out, ",\"start\":%u,\"end\":%u,\"tag\":\"%s\",\"lemma\":",
                t->span.start, t->span.end, bede_tag_name(t->tag));
        json_cstr(out, bede_doc_string(doc, t->lemma));
        fprintf(out, ",\"kind\":\"%s\"}", bede_token_kind_name(t->kind));
    }
    fputs("],\"phrases\":[", out);
    const bede_phrase *ph = bede_doc_phrases(doc) + s->first_phrase;
    for (uint32_t i = 0; i < s->phrase_count; i++) {
        const bede_phrase *p = &ph[i];
        fprintf(out,
                "%s{\"i\":%u,\"kind\":\"%s\",\"first\":%u,\"last\":%u,"
                "\"head\":%u,\"attach\":%d,\"det\":%d,\"clause\":%d,",
                i ? "," : "", i, bede_phrase_kind_name(p->kind), p->first,
                p->last, p->head, p->attach, p->det, p->clause);
        if (p->kind == BEDE_PHRASE_VP)
            fprintf(out, "\"tense\":\"%s\",", bede_tense_name(p->tense));
        fputs("\"flags\":", out);
        print_phrase_flags(out, p->flags);
        fputs(",\"text\":", out);
        if (p->first < p->last && p->last <= s->token_count) {
            bede_span sp = {toks[p->first].span.start,
                            toks[p->last - 1].span.end};
            json_string(out, text + sp.start, sp.end - sp.start);
        } else {
            fputs("\"\"", out);
        }
        putc('}', out);
    }
    fputs("],\"clauses\":[", out);
    const bede_clause *cl = bede_doc_clauses(doc) + s->first_clause;
    for (uint32_t i = 0; i < s->clause_count; i++) {
        const bede_clause *c = &cl[i];
        fprintf(out,
                "%s{\"i\":%u,\"kind\":\"%s\",\"first\":%u,\"last\":%u,"
                "\"parent\":%d,\"verb\":%d,\"subject\":%d,\"object\":%d}",
                i ? "," : "", i, bede_clause_kind_name(c->kind), c->first,
                c->last, c->parent, c->verb, c->subject, c->object);
    }
    fputs("]}\n", out);
}

/* A bracket to print around tokens: opens before token pos/2 (even pos),
 * closes after token pos/2 (odd pos). */
typedef struct bracket {
    uint32_t pos, len, index;
    uint8_t rank; /* order among brackets of one length at one place */
    const char *open; /* "{kind " or "[KIND ", NULL for a closing one */
    char close;
} bracket;

/* Outer brackets open first and close last: openings longest first,
 * clauses before phrases; closings shortest first, phrases before clauses;
 * then in document order. */
static int bracket_cmp(const void *pa, const void *pb) {
    const bracket *a = pa, *b = pb;
    if (a->pos != b->pos) return a->pos < b->pos ? -1 : 1;
    if (a->len != b->len)
        return (a->len < b->len) == (a->open == NULL) ? -1 : 1;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Prints a sentence with its phrases as [KIND ...] and its clauses other
 * than the main one as {kind ...}; nested spans nest. */
void cli_print_phrases(FILE *out, const bede_doc *doc, size_t si) {
    const bede_sentence *s = &bede_doc_sentences(doc)[si];
    const bede_token *toks = bede_doc_tokens(doc) + s->first_token;
    const bede_phrase *ph = bede_doc_phrases(doc) + s->first_phrase;
    const bede_clause *cl = bede_doc_clauses(doc) + s->first_clause;
    size_t cap = 2 * ((size_t)s->phrase_count + s->clause_count), nb = 0;
    bracket *br = malloc((cap ? cap : 1) * sizeof *br);
    if (!br) return;
    char names[BEDE_PHRASE_COUNT + BEDE_CLAUSE_COUNT][16];
    for (int k = 0; k < BEDE_PHRASE_COUNT; k++)
        snprintf(names[k], sizeof names[k], "[%s ", bede_phrase_kind_name(k));
    for (int k = 0; k < BEDE_CLAUSE_COUNT; k++)
        snprintf(names[BEDE_PHRASE_COUNT + k], sizeof names[0], "{%s ",
                 bede_clause_kind_name(k));
    for (uint32_t k = 1; k < s->clause_count; k++) {
        uint32_t len = cl[k].last - cl[k].first;
        if (len == 0 || cl[k].last > s->token_count) continue;
        br[nb++] = (bracket){2 * cl[k].first, len, k, 0,
                             names[BEDE_PHRASE_COUNT + cl[k].kind], 0};
        br[nb++] = (bracket){2 * cl[k].last - 1, len, k, 1, NULL, '}'};
    }
    for (uint32_t k = 0; k < s->phrase_count; k++) {
        uint32_t len = ph[k].last - ph[k].first;
        if (len == 0 || ph[k].last > s->token_count) continue;
        br[nb++] = (bracket){2 * ph[k].first, len, k, 1, names[ph[k].kind], 0};
        br[nb++] = (bracket){2 * ph[k].last - 1, len, k, 0, NULL, ']'};
    }
    qsort(br, nb, sizeof *br, bracket_cmp);
    size_t b = 0;
    for (uint32_t i = 0; i < s->token_count; i++) {
        for (; b < nb && br[b].pos == 2 * i; b++) fputs(br[b].open, out);
        fputs(bede_doc_string(doc, toks[i].norm), out);
        for (; b < nb && br[b].pos == 2 * i + 1; b++) putc(br[b].close, out);
        if (i + 1 < s->token_count) putc(' ', out);
    }
    putc('\n', out);
    free(br);
}

static void print_sentence_text(FILE *out, const cli *c, const bede_doc *doc,
                                size_t si) {
    if (strcmp(c->command, "phrases") == 0) {
        cli_print_phrases(out, doc, si);
        return;
    }
    const bede_sentence *s = &bede_doc_sentences(doc)[si];
    const bede_token *toks = bede_doc_tokens(doc) + s->first_token;
    for (uint32_t i = 0; i < s->token_count; i++) {
        if (i) putc(' ', out);
        fputs(bede_doc_string(doc, toks[i].norm), out);
        if (strcmp(c->command, "tag") == 0)
            fprintf(out, "/%s/%s", bede_tag_name(toks[i].tag),
                    bede_doc_string(doc, toks[i].lemma));
    }
    putc('\n', out);
}

typedef struct totals {
    size_t stories, sentences, tokens, rejected, replaced;
} totals;

static int analyse_story(const cli *c, const bede_analyzer *an, bede_doc *doc,
                         const char *id, const char *text, size_t len,
                         totals *tot) {
    bede_error err;
    int n = bede_analyze(an, text, len, doc, &err);
    tot->stories++;
    if (n < 0) {
        char msg[1024];
        fprintf(stderr, "bede: %s: %s\n", id,
                bede_error_format(&err, msg, sizeof msg));
        tot->rejected++;
        return 1;
    }
    tot->sentences += (size_t)n;
    tot->tokens += bede_doc_token_count(doc);
    tot->replaced += bede_doc_replaced_bytes(doc);
    if (c->format == OUT_TEXT && strcmp(c->command, "tokens") == 0 &&
        bede_doc_dateline(doc)->whole.end > 0 && !c->per_line) {
        const bede_dateline *dl = bede_doc_dateline(doc);
        printf("# dateline place=\"%.*s\" date=\"%.*s\" agency=\"%.*s\"\n",
               (int)(dl->place.end - dl->place.start), text + dl->place.start,
               (int)(dl->date.end - dl->date.start), text + dl->date.start,
               (int)(dl->agency.end - dl->agency.start),
               text + dl->agency.start);
    }
    for (int i = 0; i < n; i++) {
        if (c->format == OUT_JSONL)
            print_sentence_jsonl(stdout, doc, id, (size_t)i);
        else
            print_sentence_text(stdout, c, doc, (size_t)i);
    }
    return 0;
}

static int run_analysis(const cli *c) {
    bede_error err;
    bede_analyzer *an =
        c->model ? bede_analyzer_new_with_model(&c->opts, c->model, &err)
                 : bede_analyzer_new(&c->opts, &err);
    if (!an) {
        char msg[1024];
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        return 1;
    }
    bede_doc *doc = bede_doc_new();
    if (!doc) {
        bede_analyzer_free(an);
        fprintf(stderr, "bede: out of memory\n");
        return 1;
    }
    totals tot = {0};
    int status = 0;
    if (c->text) {
        status |=
            analyse_story(c, an, doc, "text", c->text, strlen(c->text), &tot);
    } else {
        static const char *const stdin_only[] = {"-"};
        const char **files = c->nfiles ? c->files : (const char **)stdin_only;
        int nfiles = c->nfiles ? c->nfiles : 1;
        for (int f = 0; f < nfiles; f++) {
            size_t len;
            char *buf = cli_read_all(files[f], &len);
            if (!buf) {
                status = 1;
                tot.rejected++;
                continue;
            }
            if (c->per_line) {
                size_t start = 0, line = 0;
                char id[512];
                for (size_t i = 0; i <= len; i++) {
                    if (i < len && buf[i] != '\n') continue;
                    line++;
                    if (i > start) {
                        snprintf(id, sizeof id, "%s:%zu", files[f], line);
                        status |= analyse_story(c, an, doc, id, buf + start,
                                                i - start, &tot);
                    }
                    start = i + 1;
                }
            } else {
                status |= analyse_story(c, an, doc, files[f], buf, len, &tot);
            }
            free(buf);
        }
    }
    if (c->stats)
        fprintf(stderr,
                "bede: %zu stories, %zu sentences, %zu tokens, %zu rejected, "
                "%zu invalid bytes replaced\n",
                tot.stories, tot.sentences, tot.tokens, tot.rejected,
                tot.replaced);
    bede_doc_free(doc);
    bede_analyzer_free(an);
    if (fflush(stdout) != 0) status = 1;
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    cli c;
    memset(&c, 0, sizeof c);
    c.command = argv[1];
    bede_text_default_options(&c.opts);
    if (strcmp(c.command, "-h") == 0 || strcmp(c.command, "--help") == 0 ||
        strcmp(c.command, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(c.command, "version") == 0 ||
        strcmp(c.command, "--version") == 0) {
        printf("bede %s\n", bede_version());
        return 0;
    }
    if (strcmp(c.command, "dict") == 0)
        return bede_dict_main(argc - 1, argv + 1);
    if (strcmp(c.command, "explain") == 0)
        return bede_explain_main(argc - 1, argv + 1);
    if (strcmp(c.command, "code") == 0)
        return bede_code_main(argc - 1, argv + 1);
    if (strcmp(c.command, "validate") == 0)
        return bede_validate_main(argc - 1, argv + 1);
    if (strcmp(c.command, "tokens") != 0 && strcmp(c.command, "tag") != 0 &&
        strcmp(c.command, "phrases") != 0) {
        fprintf(stderr, "bede: unknown command '%s'\n", c.command);
        usage(stderr);
        return 2;
    }
    c.files = calloc((size_t)argc, sizeof *c.files);
    if (!c.files) return 1;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
            if (!val) goto missing;
            if (strcmp(val, "text") == 0)
                c.format = OUT_TEXT;
            else if (strcmp(val, "jsonl") == 0)
                c.format = OUT_JSONL;
            else {
                fprintf(stderr, "bede: unknown format '%s' (text, jsonl)\n",
                        val);
                free(c.files);
                return 2;
            }
            i++;
        } else if (strcmp(a, "-t") == 0 || strcmp(a, "--text") == 0) {
            if (!val) goto missing;
            c.text = val;
            i++;
        } else if (strcmp(a, "--model") == 0) {
            if (!val) goto missing;
            c.model = val;
            i++;
        } else if (strcmp(a, "--lines") == 0) {
            c.per_line = 1;
        } else if (strcmp(a, "--replace-invalid") == 0) {
            c.opts.utf8_policy = BEDE_UTF8_REPLACE;
        } else if (strcmp(a, "--no-dateline") == 0) {
            c.opts.datelines = 0;
        } else if (strcmp(a, "--stats") == 0) {
            c.stats = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            free(c.files);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "bede: unknown option '%s'\n", a);
            usage(stderr);
            free(c.files);
            return 2;
        } else {
            c.files[c.nfiles++] = a;
        }
        continue;
    missing:
        fprintf(stderr, "bede: option '%s' needs a value\n", a);
        free(c.files);
        return 2;
    }
    int rc = run_analysis(&c);
    free(c.files);
    return rc;
}

/* ------------------------------------------------ shared by subcommands */

const char *cli_data_dir(void) {
    const char *env = getenv("BEDE_DATA_DIR");
    if (env && *env) return env;
    struct stat st;
    if (stat(BEDE_DATA_DIR "/verbs", &st) == 0) return BEDE_DATA_DIR;
    return BEDE_INSTALLED_DATA_DIR;
}

bede_dict *cli_load_dicts(const char *const *paths, int n) {
    bede_error err;
    char msg[1024];
    bede_dict *d = bede_dict_new(NULL, &err);
    if (!d) {
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        return NULL;
    }
    int rc = n ? 0 : bede_dict_add_bundled(d, cli_data_dir(), &err);
    for (int i = 0; i < n && rc >= 0; i++)
        rc = bede_dict_add_path(d, paths[i], &err);
    if (rc < 0) {
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        bede_dict_free(d);
        return NULL;
    }
    return d;
}
