/*
 * Writes the seed corpus of fuzz_dict_compiled into a directory: compiled
 * images of bede's example dictionaries (data/KIND/example.txt), all
 * together and one kind at a time, each as it is and with the mode byte
 * that makes the fuzzer reseal the checksum. Made by the build, because a
 * compiled image follows the record layout of the build that reads it.
 *
 *   make-dict-seeds SOURCE_DIR OUT_DIR
 */
#include "bede.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const kinds[] = {"actors", "agents", "verbs", "discards",
                                    "issues"};

static int seed(const char *out, const char *name, bede_dict *d) {
    char path[4096], tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/.%s.tmp", out, name);
    bede_error err;
    if (bede_dict_compile(d, tmp, &err) != 0) {
        char msg[1024];
        fprintf(stderr, "%s\n", bede_error_format(&err, msg, sizeof msg));
        return 1;
    }
    FILE *f = fopen(tmp, "rb");
    if (!f) return 1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf + 1, 1, (size_t)n, f) != (size_t)n) return 1;
    fclose(f);
    unlink(tmp);
    buf[0] = 1; /* reseal */
    for (int resealed = 0; resealed < 2; resealed++) {
        snprintf(path, sizeof path, "%s/%s%s", out, name,
                 resealed ? "-resealed" : ".bdict");
        FILE *g = fopen(path, "wb");
        if (!g) return 1;
        fwrite(resealed ? buf : buf + 1, 1, (size_t)n + (size_t)resealed, g);
        if (fclose(g) != 0) return 1;
    }
    free(buf);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: make-dict-seeds SOURCE_DIR OUT_DIR\n");
        return 2;
    }
    mkdir(argv[2], 0777);
    bede_dict *all = bede_dict_new(NULL, NULL);
    int bad = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/data/%s/example.txt", argv[1],
                 kinds[k]);
        bede_dict *one = bede_dict_new(NULL, NULL);
        if (bede_dict_add_file(all, path, BEDE_DICT_FORMAT_AUTO,
                               BEDE_DICT_KIND_AUTO, NULL) < 0 ||
            bede_dict_add_file(one, path, BEDE_DICT_FORMAT_AUTO,
                               BEDE_DICT_KIND_AUTO, NULL) < 0) {
            fprintf(stderr, "make-dict-seeds: cannot load %s\n", path);
            bad = 1;
        } else {
            bad |= seed(argv[2], kinds[k], one);
        }
        bede_dict_free(one);
    }
    bad |= seed(argv[2], "examples", all);
    bede_dict_free(all);
    return bad;
}
