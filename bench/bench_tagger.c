/*
 * bench_tagger: load time of the built-in part-of-speech model and tagging
 * speed over the held-out Brown press reportage files (ca04, ca08, ...,
 * ca44), single-threaded. Prints figures to compare run to run:
 *
 *   bench_tagger [ROUNDS]
 */
#define BEDE_TRAIN_TAGGER_NO_MAIN
#include "../tools/train_tagger.c"

#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 50;
    if (rounds < 1) rounds = 1;
    brown_corpus test = {0};
    if (brown_load(&test, BEDE_BROWN_DIR,
                   BEDE_SOURCE_DIR "/data/tagger/brown-ptb.tsv", true)) {
        fprintf(stderr, "bench_tagger: cannot read the Brown corpus in %s\n",
                BEDE_BROWN_DIR);
        return 1;
    }
    bede_error err;
    enum { LOADS = 20 };
    double best = 1e9, sum = 0;
    for (int i = 0; i < LOADS; i++) {
        double t0 = now();
        tagger *t = tagger_new_builtin(&err);
        double dt = now() - t0;
        if (!t) {
            fprintf(stderr, "bench_tagger: %s\n", err.message);
            return 1;
        }
        tagger_free(t);
        sum += dt;
        if (dt < best) best = dt;
    }
    printf("model load: %.2f ms mean, %.2f ms best (%d loads)\n",
           sum * 1000 / LOADS, best * 1000, LOADS);

    tagger *t = tagger_new_builtin(&err);
    uint8_t *tags = malloc(test.ntok);
    if (!t || !tags) return 1;
    double t0 = now();
    size_t tokens = 0, right = 0;
    for (int r = 0; r < rounds; r++)
        for (size_t s = 0; s < test.nsent; s++) {
            size_t f = test.sent[s].first;
            tagger_tag(t, test.words + f, test.len + f, test.sent[s].n,
                       tags + f);
            tokens += test.sent[s].n;
        }
    double secs = now() - t0;
    for (size_t i = 0; i < test.ntok; i++) right += tags[i] == test.tag[i];
    printf("tagging: %.2fM tokens/s (%zu tokens x %d rounds in %.2f s); "
           "accuracy %.2f%%\n",
           (double)tokens / secs / 1e6, test.ntok, rounds, secs,
           100.0 * (double)right / (double)test.ntok);
    free(tags);
    tagger_free(t);
    brown_corpus_free(&test);
    return 0;
}
