/*
 * bench-dict: the dictionaries in text and compiled form, over the full
 * PETRARCH-2 Phoenix set (actors, agents, CAMEO verbs, discards). Reports
 * the text load time, the compile time, the compiled file's size, the load
 * time of the compiled file (median of several loads), the memory of each
 * handle, and phrase lookups per second: bede_dict_match_at at every token
 * of a few thousand analysed news sentences, for every kind. Single thread.
 *
 *   bench-dict [REFERENCE_DIR [TEXT_FILE]]
 *
 * The floors the figures are held to: text load + compile under 2 s, a
 * compiled load under 20 ms. Skips (exit 0) when the reference
 * dictionaries are absent.
 */
#include "bede.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of this thread: what a load costs, whatever else runs */
static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, size_t n) {
    qsort(v, n, sizeof *v, cmp_double);
    return v[n / 2];
}

static const char *const files[] = {
    "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "CAMEO.2.0.txt",
    "Phoenix.discards.txt"};
#define NFILES (sizeof files / sizeof *files)

static bede_dict *load_text(const char *dir) {
    bede_error err;
    bede_dict *d = bede_dict_new(NULL, &err);
    for (size_t i = 0; d && i < NFILES; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        if (bede_dict_add_file(d, path, BEDE_DICT_FORMAT_AUTO,
                               BEDE_DICT_KIND_AUTO, &err) < 0) {
            char msg[1024];
            fprintf(stderr, "bench-dict: %s\n",
                    bede_error_format(&err, msg, sizeof msg));
            bede_dict_free(d);
            return NULL;
        }
    }
    return d;
}

/* Up to max bytes of text: the news file, else the Brown corpus files. */
static char *read_text(const char *path, size_t max, size_t *len) {
    char *buf = malloc(max + 1);
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (f) {
        *len = fread(buf, 1, max, f);
        fclose(f);
    }
    /* Brown: word/tag tokens; keep the words */
    for (int i = 1; *len < max / 2 && i < 40; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/ca%02d", BEDE_BROWN_DIR, i);
        FILE *g = fopen(p, "rb");
        if (!g) break;
        int c, in_tag = 0;
        while ((c = fgetc(g)) != EOF && *len < max) {
            if (c == '/') in_tag = 1;
            if (c == ' ' || c == '\n' || c == '\t') in_tag = 0;
            if (!in_tag) buf[(*len)++] = (char)c;
        }
        fclose(g);
    }
    buf[*len] = '\0';
    return buf;
}

/* Lookups per second over the documents of text. */
static double lookups(const bede_dict *d, const char *text, size_t len,
                      size_t *calls_out, size_t *found_out,
                      size_t *sentences_out) {
    bede_text_options o;
    bede_text_default_options(&o);
    o.chunk = 0;
    bede_analyzer *an = bede_analyzer_new(&o, NULL);
    bede_doc *doc = bede_doc_new();
    size_t calls = 0, found = 0, sentences = 0;
    double spent = 0;
    /* documents of about 8 KB, cut at a blank line */
    for (size_t at = 0; at < len;) {
        size_t end = at + 8192 < len ? at + 8192 : len;
        while (end < len && !(text[end - 1] == '\n' && text[end] == '\n'))
            end++;
        if (bede_analyze(an, text + at, end - at, doc, NULL) >= 0) {
            sentences += bede_doc_sentence_count(doc);
            size_t n = bede_doc_token_count(doc);
            double t0 = now();
            for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
                for (size_t i = 0; i < n; i++) {
                    bede_dict_match m[8];
                    if (bede_dict_match_at(d, k, doc, i, 0, 20140101, m, 8) >
                        0)
                        found++;
                    calls++;
                }
            spent += now() - t0;
        }
        at = end;
    }
    bede_doc_free(doc);
    bede_analyzer_free(an);
    *calls_out = calls;
    *found_out = found;
    *sentences_out = sentences;
    return spent > 0 ? (double)calls / spent : 0;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : BEDE_REFERENCE_DIR "/petrarch2";
    const char *news = argc > 2 ? argv[2] : BEDE_NEWS_FILE;
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/%s", dir, files[0]);
    if (access(probe, R_OK) != 0) {
        printf("skipped: the PETRARCH-2 reference dictionaries are not at "
               "%s\n",
               dir);
        return 0;
    }
    char out[] = "/tmp/bede-bench-dict-XXXXXX";
    int fd = mkstemp(out);
    if (fd < 0) return 1;
    close(fd);

    enum { TEXT_RUNS = 3, LOAD_RUNS = 25 };
    double tload[TEXT_RUNS], tcomp[TEXT_RUNS], tmapped[LOAD_RUNS],
        cmapped[LOAD_RUNS];
    bede_dict *d = NULL;
    for (int r = 0; r < TEXT_RUNS; r++) {
        bede_dict_free(d);
        double t0 = now();
        d = load_text(dir);
        double t1 = now();
        if (!d) return 1;
        bede_error err;
        if (bede_dict_compile(d, out, &err) != 0) {
            char msg[1024];
            fprintf(stderr, "bench-dict: %s\n",
                    bede_error_format(&err, msg, sizeof msg));
            return 1;
        }
        tload[r] = t1 - t0;
        tcomp[r] = now() - t1;
    }
    size_t entries = 0, phrases = 0;
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        entries += bede_dict_entry_count(d, k);
        phrases += bede_dict_phrase_count(d, k);
    }
    struct stat st;
    long long size = stat(out, &st) == 0 ? (long long)st.st_size : -1;
    bede_dict *c = NULL;
    for (int r = 0; r < LOAD_RUNS; r++) {
        bede_dict_free(c);
        double t0 = now(), c0 = cpu_now();
        c = bede_dict_load_compiled(out, NULL);
        tmapped[r] = now() - t0;
        cmapped[r] = cpu_now() - c0;
        if (!c) return 1;
    }
    double ml = median(tload, TEXT_RUNS), mc = median(tcomp, TEXT_RUNS);
    double mm = median(tmapped, LOAD_RUNS), mcpu = median(cmapped, LOAD_RUNS);
    printf("dictionaries: PETRARCH-2 Phoenix set, %zu files, %zu entries, "
           "%zu phrases, %zu patterns\n",
           NFILES, entries, phrases, bede_dict_pattern_count(d));
    printf("text load         %8.1f ms (median of %d)\n", ml * 1e3,
           TEXT_RUNS);
    printf("compile           %8.1f ms; load + compile %.1f ms (floor "
           "< 2000 ms)\n",
           mc * 1e3, (ml + mc) * 1e3);
    printf("compiled file     %8.1f MiB (%lld bytes)\n", size / 1048576.0,
           size);
    printf("compiled load     %8.2f ms (median of %d; fastest %.2f ms, "
           "slowest %.2f ms; floor < 20 ms), %.2f ms of CPU\n",
           mm * 1e3, LOAD_RUNS, tmapped[0] * 1e3,
           tmapped[LOAD_RUNS - 1] * 1e3, mcpu * 1e3);
    size_t mapped = bede_dict_mapped_bytes(c);
    printf("memory, text      %8.1f MiB (heap)\n",
           bede_dict_memory(d) / 1048576.0);
    printf("memory, compiled  %8.1f KiB heap + %.1f MiB mapped read-only "
           "(shared between processes)\n",
           (bede_dict_memory(c) - mapped) / 1024.0, mapped / 1048576.0);

    size_t len;
    char *text = read_text(news, 1 << 20, &len);
    size_t calls, found, sentences;
    double rt = lookups(d, text, len, &calls, &found, &sentences);
    size_t calls2, found2, sentences2;
    double rc = lookups(c, text, len, &calls2, &found2, &sentences2);
    printf("lookups           %zu sentences, %zu tokens x %d kinds = %zu "
           "bede_dict_match_at calls, %zu found\n",
           sentences, calls / BEDE_DICT_KIND_COUNT, BEDE_DICT_KIND_COUNT,
           calls, found);
    printf("lookups/s, text   %8.2f M/s\n", rt / 1e6);
    printf("lookups/s, compiled %6.2f M/s%s\n", rc / 1e6,
           found2 == found ? "" : "  (DIFFERENT MATCHES)");
    free(text);
    bede_dict_free(c);
    bede_dict_free(d);
    unlink(out);
    return found2 == found ? 0 : 1;
}
