/*
 * bede dict — dictionary commands of the CLI, over the public API.
 *
 *   bede dict check   [options] DICT...         duplicates, conflicts, counts
 *   bede dict lookup  [options] PHRASE DICT...  every code PHRASE can get
 *   bede dict stats   [options] DICT...         counts, memory, load time
 *   bede dict convert [options] DICT... [-o OUT] in bede's format
 *   bede dict compile [options] -o FILE DICT... the compiled (binary) form
 *
 * Every command reads a compiled file as well as the text files.
 */
#include "bede.h"
#include "cli.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int bede_dict_main(int argc, char **argv);

static void dict_usage(FILE *f) {
    fputs("usage: bede dict COMMAND [options] [PHRASE] [DICT...]\n"
          "\n"
          "DICT is a dictionary file, a compiled file or a folder of *.txt\n"
          "files; without any, bede's bundled dictionaries (data/).\n"
          "\n"
          "commands:\n"
          "  check      load, report warnings, duplicates and conflicts\n"
          "             (same phrase, different codes) with both locations,\n"
          "             and print counts per kind\n"
          "  lookup     PHRASE DICT...: every code the phrase can get, the\n"
          "             entry (file:line) giving it, the one applying on --date\n"
          "  stats      counts per kind, memory, load time\n"
          "  convert    write the dictionaries in bede's format (-o FILE for\n"
          "             one kind, -o DIR for several: DIR/KIND.txt)\n"
          "  compile    -o FILE DICT...: write the compiled form, which loads\n"
          "             in milliseconds (every command reads it as DICT)\n"
          "\n"
          "options:\n"
          "  --from bede|petrarch|tabari|compiled\n"
          "                                format of the DICT files (default:\n"
          "                                from their names and magic)\n"
          "  --kind actors|agents|verbs|discards|issues|options\n"
          "  --date YYYY-MM-DD             story date for lookup\n"
          "  --strict                      warnings are errors\n"
          "  -o, --output PATH             convert, compile: where to write\n",
          f);
}

#define MIB (1024.0 * 1024.0)

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int32_t parse_date(const char *s) {
    int y, m, d;
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 ||
        (strlen(s) == 8 && sscanf(s, "%4d%2d%2d", &y, &m, &d) == 3))
        return y * 10000 + m * 100 + d;
    return -1;
}

static void print_date(int32_t v) {
    printf("%04d-%02d-%02d", v / 10000, v / 100 % 100, v % 100);
}

static void print_code(const bede_dict_code *c) {
    printf("%s", c->code);
    if (c->dated) {
        printf(" ");
        if (c->from) print_date(c->from);
        printf("..");
        if (c->to) print_date(c->to);
    }
}

static void print_counts(const bede_dict *d) {
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        size_t n = bede_dict_entry_count(d, k);
        if (!n) continue;
        printf("%-9s %8zu entries %8zu phrases", bede_dict_kind_name(k), n,
               bede_dict_phrase_count(d, k));
        if (k == BEDE_DICT_VERBS)
            printf(" %8zu patterns", bede_dict_pattern_count(d));
        printf("\n");
    }
}

static int lookup(const bede_dict *d, const char *phrase, int32_t date) {
    bede_text_options to;
    bede_text_default_options(&to);
    to.chunk = 0;
    to.datelines = 0;
    bede_error err;
    bede_analyzer *an = bede_analyzer_new(&to, &err);
    bede_doc *doc = bede_doc_new();
    if (!an || !doc || bede_analyze(an, phrase, strlen(phrase), doc, &err) < 0) {
        char msg[1024];
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        bede_doc_free(doc);
        bede_analyzer_free(an);
        return 1;
    }
    size_t ntok = bede_doc_token_count(doc);
    int found = 0;
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        bede_dict_match m[64];
        int n = bede_dict_match_at(d, k, doc, 0, ntok, date, m, 64);
        if (n <= 0 || m[0].last != ntok) continue;
        for (int i = 0; i < n && i < 64; i++) {
            bede_dict_entry e;
            bede_dict_get_entry(d, k, m[i].entry, &e);
            printf("%s %s:%u: %s", bede_dict_kind_name(k), e.file, e.line,
                   e.phrase);
            if (e.block) printf(" (block %s [%s])", e.block, e.block_code);
            printf("\n");
            for (uint32_t c = 0; c < e.code_count; c++) {
                bede_dict_code code;
                bede_dict_get_code(d, k, m[i].entry, c, &code);
                printf("  %s ", (int)c == m[i].code ? "*" : " ");
                print_code(&code);
                printf("   (%s:%u)\n", code.file, code.line);
            }
            if (!e.code_count && e.block)
                printf("  * %s   (the block's code)\n", e.block_code);
            if (m[i].code < 0 && e.code_count)
                printf("  no code applies%s\n", date ? " on that date" : "");
            found++;
        }
    }
    if (!found) printf("no entry for '%s'\n", phrase);
    if (date) {
        printf("(* = applies on ");
        print_date(date);
        printf(")\n");
    } else if (found) {
        printf("(* = applies when the story date is unknown)\n");
    }
    bede_doc_free(doc);
    bede_analyzer_free(an);
    return found ? 0 : 1;
}

int bede_dict_main(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "--help") == 0) {
        dict_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "check") && strcmp(cmd, "lookup") && strcmp(cmd, "stats") &&
        strcmp(cmd, "convert") && strcmp(cmd, "compile")) {
        fprintf(stderr, "bede dict: unknown command '%s'\n", cmd);
        dict_usage(stderr);
        return 2;
    }
    int format = BEDE_DICT_FORMAT_AUTO, kind = BEDE_DICT_KIND_AUTO;
    int32_t date = 0;
    const char *out = NULL, *phrase = NULL;
    bede_dict_options opts;
    bede_dict_default_options(&opts);
    const char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    if (!files) return 1;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--from") == 0 && val) {
            format = bede_dict_format_from_name(val);
            if (format <= 0) {
                fprintf(stderr, "bede dict: unknown format '%s'\n", val);
                free(files);
                return 2;
            }
            i++;
        } else if (strcmp(a, "--kind") == 0 && val) {
            kind = bede_dict_kind_from_name(val);
            if (kind < 0) {
                fprintf(stderr, "bede dict: unknown kind '%s'\n", val);
                free(files);
                return 2;
            }
            i++;
        } else if (strcmp(a, "--date") == 0 && val) {
            date = parse_date(val);
            if (date < 0) {
                fprintf(stderr, "bede dict: expected --date YYYY-MM-DD\n");
                free(files);
                return 2;
            }
            i++;
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) &&
                   val) {
            out = val;
            i++;
        } else if (strcmp(a, "--strict") == 0) {
            opts.strict = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "bede dict: unknown or incomplete option '%s'\n",
                    a);
            free(files);
            return 2;
        } else if (strcmp(cmd, "lookup") == 0 && !phrase) {
            phrase = a;
        } else {
            files[nfiles++] = a;
        }
    }
    if (strcmp(cmd, "compile") == 0 && !out) {
        fprintf(stderr, "bede dict: compile needs -o FILE\n");
        free(files);
        return 2;
    }
    bede_error err;
    char msg[1024];
    bede_dict *d = bede_dict_new(&opts, &err);
    if (!d) {
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        free(files);
        return 1;
    }
    double t0 = now();
    /* no DICT: bede's bundled dictionaries; a folder: its *.txt files */
    if (!nfiles && bede_dict_add_bundled(d, cli_data_dir(), &err) < 0) {
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        bede_dict_free(d);
        free(files);
        return 1;
    }
    for (int f = 0; f < nfiles; f++) {
        bool auto_kind =
            format == BEDE_DICT_FORMAT_AUTO && kind == BEDE_DICT_KIND_AUTO;
        if ((auto_kind ? bede_dict_add_path(d, files[f], &err)
                       : bede_dict_add_file(d, files[f], format, kind, &err)) <
            0) {
            fprintf(stderr, "bede: %s\n",
                    bede_error_format(&err, msg, sizeof msg));
            bede_dict_free(d);
            free(files);
            return 1;
        }
    }
    double t1 = now();
    int status = 0;
    if (strcmp(cmd, "check") == 0) {
        int found = bede_dict_check(d, &err);
        size_t notes = bede_dict_note_count(d);
        for (size_t i = 0; i < notes; i++) {
            bede_dict_note nt;
            bede_dict_get_note(d, i, &nt);
            printf("%s:%u:%u: %s", nt.file, nt.line, nt.column, nt.message);
            if (nt.other_file)
                printf(" (also %s:%u)", nt.other_file, nt.other_line);
            printf("\n");
        }
        print_counts(d);
        printf("%zu warnings, %d duplicates or conflicts\n",
               notes - (size_t)(found > 0 ? found : 0), found);
    } else if (strcmp(cmd, "stats") == 0) {
        print_counts(d);
        size_t mapped = bede_dict_mapped_bytes(d);
        printf("memory    %8.1f MiB", (double)bede_dict_memory(d) / MIB);
        if (mapped)
            printf(" (%.1f MiB of it the compiled file, mapped and shared)",
                   (double)mapped / MIB);
        printf("\nload      %8.1f ms\n", (t1 - t0) * 1000.0);
    } else if (strcmp(cmd, "compile") == 0) {
        if (bede_dict_compile(d, out, &err) < 0) {
            fprintf(stderr, "bede: %s\n",
                    bede_error_format(&err, msg, sizeof msg));
            status = 1;
        } else {
            double t2 = now();
            size_t entries = 0;
            for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
                entries += bede_dict_entry_count(d, k);
            struct stat st;
            long long size = stat(out, &st) == 0 ? (long long)st.st_size : -1;
            printf("%s: %zu entries, %lld bytes; read in %.1f ms, compiled "
                   "in %.1f ms\n",
                   out, entries, size, (t1 - t0) * 1000.0,
                   (t2 - t1) * 1000.0);
        }
    } else if (strcmp(cmd, "lookup") == 0) {
        if (!phrase) {
            fprintf(stderr, "bede dict: lookup needs a PHRASE\n");
            status = 2;
        } else {
            status = lookup(d, phrase, date);
        }
    } else { /* convert */
        int kinds = 0;
        for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
            if (k != BEDE_DICT_SYNSETS && bede_dict_entry_count(d, k)) kinds++;
        for (int k = 0; k < BEDE_DICT_KIND_COUNT && !status; k++) {
            if (k == BEDE_DICT_SYNSETS || !bede_dict_entry_count(d, k))
                continue;
            char path[4096];
            if (kinds > 1) {
                if (!out) {
                    fprintf(stderr, "bede dict: several kinds: give -o DIR\n");
                    status = 2;
                    break;
                }
                mkdir(out, 0777);
                snprintf(path, sizeof path, "%s/%s.txt", out,
                         bede_dict_kind_name(k));
            } else {
                snprintf(path, sizeof path, "%s", out ? out : "-");
            }
            if (bede_dict_write(d, k, path, &err) < 0) {
                fprintf(stderr, "bede: %s\n",
                        bede_error_format(&err, msg, sizeof msg));
                status = 1;
            }
        }
    }
    bede_dict_free(d);
    free(files);
    if (fflush(stdout) != 0) status = 1;
    return status;
}
