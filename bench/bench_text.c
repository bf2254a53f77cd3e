/*
 * bench-text: throughput of the text stage on one file of stories separated
 * by blank lines (as bench-gen-news writes). Single thread. Reports, for
 * each pipeline depth (tokenize+split, +tag+lemma, +chunk), tokens/s,
 * sentences/s and MB/s, then the peak resident memory.
 *
 *   bench-text FILE [STORIES_PER_DOC]
 */
#include "bede.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bench-text FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) return 1;
    fclose(f);
    /* stories: split at a blank line that precedes a dateline paragraph;
     * simpler and close enough: every 6 paragraphs form one story */
    size_t cap = 1024, nstories = 0;
    size_t *starts = malloc(cap * sizeof *starts);
    starts[nstories++] = 0;
    int paras = 0;
    for (long i = 0; i + 1 < size; i++) {
        if (buf[i] == '\n' && buf[i + 1] == '\n' && ++paras % 6 == 0) {
            if (nstories == cap) starts = realloc(starts, (cap *= 2) * sizeof *starts);
            starts[nstories++] = (size_t)i + 2;
        }
    }
    printf("input: %s, %.1f MB, %zu stories\n", argv[1], size / 1048576.0,
           nstories);
    static const struct { const char *name; int tag, chunk; } depths[] = {
        {"tokenize+split", 0, 0},
        {"tokenize+split+tag+lemma", 1, 0},
        {"tokenize+split+tag+lemma+chunk", 1, 1}};
    for (size_t d = 0; d < sizeof depths / sizeof depths[0]; d++) {
        bede_text_options o;
        bede_text_default_options(&o);
        o.tag = depths[d].tag;
        o.chunk = depths[d].chunk;
        o.utf8_policy = BEDE_UTF8_REPLACE;
        bede_error err;
        double t0 = now();
        bede_analyzer *an = bede_analyzer_new(&o, &err);
        double load = now() - t0;
        if (!an) {
            fprintf(stderr, "bench-text: %s\n", err.message);
            return 1;
        }
        bede_doc *doc = bede_doc_new();
        size_t tokens = 0, sentences = 0;
        t0 = now();
        for (size_t s = 0; s < nstories; s++) {
            size_t end = s + 1 < nstories ? starts[s + 1] : (size_t)size;
            int n = bede_analyze(an, buf + starts[s], end - starts[s], doc, &err);
            if (n < 0) {
                fprintf(stderr, "bench-text: %s\n", err.message);
                return 1;
            }
            sentences += (size_t)n;
            tokens += bede_doc_token_count(doc);
        }
        double t = now() - t0;
        printf("%-32s %10.0f tokens/s %9.0f sentences/s %7.1f MB/s "
               "(%zu tokens, %zu sentences, %.2f s; analyser built in %.1f ms)\n",
               depths[d].name, tokens / t, sentences / t, size / 1048576.0 / t,
               tokens, sentences, t, load * 1000);
        bede_doc_free(doc);
        bede_analyzer_free(an);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory: %.1f MB resident (input file %.1f MB included)\n",
           ru.ru_maxrss / 1024.0, size / 1048576.0);
    free(starts);
    free(buf);
    return 0;
}
