/*
 * bede explain: codes one text and shows how — tokens with tags and lemmas,
 * phrases and clauses, actor and agent matches, each verb and the patterns
 * that matched, and why each event was or was not made.
 *
 *   bede explain [--date YYYY-MM-DD] [--dict PATH]... TEXT|-f FILE
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void usage(FILE *f) {
    fputs("usage: bede explain [options] TEXT\n"
          "\n"
          "Codes TEXT (a story) and explains each step.\n"
          "\n"
          "options:\n"
          "  --date YYYY-MM-DD  story date (resolves dated actor codes)\n"
          "  --dict PATH        dictionary file or folder (repeatable;\n"
          "                     default: the bundled data/ folders)\n"
          "  -i, --input FILE   read the story from FILE (- = stdin)\n"
          "  --no-intents       code \"will send aid\" as the act, not as\n"
          "                     the intent to do it (03x)\n"
          "  -h, --help         this help\n",
          f);
}

static void on_trace(const char *line, void *user) {
    fprintf((FILE *)user, "%s\n", line);
}

static int on_event(const bede_event *ev, void *user) {
    const char *text = user;
    printf("EVENT  %s  %s  %s  (%s)\n", ev->source.code, ev->target.code,
           ev->code, ev->label ? ev->label : "");
    printf("       source \"%.*s\"", (int)(ev->source.span.end - ev->source.span.start),
           text + ev->source.span.start);
    if (ev->source.file) printf(" from %s:%u", ev->source.file, ev->source.line);
    if (ev->source.agent_file)
        printf(" + agent %s:%u", ev->source.agent_file, ev->source.agent_line);
    printf("\n       target \"%.*s\"", (int)(ev->target.span.end - ev->target.span.start),
           text + ev->target.span.start);
    if (ev->target.file) printf(" from %s:%u", ev->target.file, ev->target.line);
    if (ev->target.agent_file)
        printf(" + agent %s:%u", ev->target.agent_file, ev->target.agent_line);
    const char *kind =
        !ev->rule ? "" : (ev->flags & BEDE_EVF_PATTERN) ? " pattern \"" : " verb \"";
    printf("\n       verb \"%.*s\" by %s:%u%s%s%s\n",
           (int)(ev->verb.end - ev->verb.start), text + ev->verb.start,
           ev->rule_file ? ev->rule_file : "?", ev->rule_line, kind,
           ev->rule ? ev->rule : "", ev->rule ? "\"" : "");
    printf("       root %s, quad class %d, Goldstein %.1f%s%s%s%s\n", ev->root,
           ev->quad_class, ev->goldstein,
           ev->flags & BEDE_EVF_PASSIVE ? ", passive" : "",
           ev->flags & BEDE_EVF_NOMINAL ? ", nominal" : "",
           ev->flags & BEDE_EVF_REPORTED ? ", reported" : "",
           ev->flags & BEDE_EVF_COMPOUND ? ", compound actor" : "");
    return 0;
}

int bede_explain_main(int argc, char **argv) {
    const char *text = NULL, *input = NULL;
    const char **dicts = calloc((size_t)argc + 1, sizeof *dicts);
    int ndicts = 0;
    int32_t date = 0;
    int intents = 1;
    if (!dicts) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            free(dicts);
            return 0;
        } else if (!strcmp(a, "--date") && val) {
            date = bede_parse_date(val, strlen(val));
            if (!date) {
                fprintf(stderr, "bede explain: --date: expected YYYY-MM-DD, "
                                "got '%s'\n", val);
                free(dicts);
                return 2;
            }
            i++;
        } else if (!strcmp(a, "--dict") && val) {
            dicts[ndicts++] = val;
            i++;
        } else if (!strcmp(a, "--no-intents")) {
            intents = 0;
        } else if ((!strcmp(a, "-i") || !strcmp(a, "--input")) && val) {
            input = val;
            i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "bede explain: unknown option or missing value "
                            "'%s'\n", a);
            usage(stderr);
            free(dicts);
            return 2;
        } else {
            text = a;
        }
    }
    char *buf = NULL;
    size_t len = 0;
    if (input) {
        if (!(buf = cli_read_all(input, &len))) {
            free(dicts);
            return 1;
        }
        text = buf;
    } else if (text) {
        len = strlen(text);
    } else {
        usage(stderr);
        free(dicts);
        return 2;
    }
    bede_dict *d = cli_load_dicts(dicts, ndicts);
    free(dicts);
    if (!d) {
        free(buf);
        return 1;
    }
    bede_error err;
    char msg[1024];
    bede_coder_options opts;
    bede_coder_default_options(&opts);
    opts.intents = intents;
    bede_coder *c = bede_coder_new(d, &opts, &err);
    bede_worker *w = c ? bede_worker_new(c, &err) : NULL;
    int status = 0;
    if (!w) {
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        status = 1;
        goto done;
    }
    /* first the analysis, then the coding with its trace */
    bede_story story = {"text", date};
    bede_worker_trace(w, NULL, NULL);
    if (bede_code(w, text, len, &story, NULL, NULL, NULL, &err) < 0) {
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        status = 1;
        goto done;
    }
    const bede_doc *doc = bede_worker_doc(w);
    printf("== analysis (word/TAG/lemma, [phrases], {clauses})\n");
    for (size_t si = 0; si < bede_doc_sentence_count(doc); si++) {
        const bede_sentence *s = &bede_doc_sentences(doc)[si];
        const bede_token *t = bede_doc_tokens(doc) + s->first_token;
        printf("%zu: ", si + 1);
        for (uint32_t i = 0; i < s->token_count; i++)
            printf("%s%s/%s/%s", i ? " " : "", bede_doc_string(doc, t[i].norm),
                   bede_tag_name(t[i].tag), bede_doc_string(doc, t[i].lemma));
        printf("\n%zu: ", si + 1);
        cli_print_phrases(stdout, doc, si);
    }
    printf("\n== coding\n");
    fflush(stdout);
    bede_worker_trace(w, on_trace, stdout);
    bede_story_stats st;
    int n = bede_code(w, text, len, &story, on_event, (void *)text, &st, &err);
    if (n < 0) {
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        status = 1;
    } else {
        printf("\n%d event%s from %u sentence%s", n, n == 1 ? "" : "s",
               st.sentences, st.sentences == 1 ? "" : "s");
        if (st.discarded_sentences)
            printf(", %u discarded", st.discarded_sentences);
        if (st.discarded_story)
            printf(", story discarded by \"%s\"", st.discard);
        printf("\n");
    }
done:
    bede_worker_free(w);
    bede_coder_free(c);
    bede_dict_free(d);
    free(buf);
    return status;
}
