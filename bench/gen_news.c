/*
 * bench-gen-news: writes news-like text for the benchmarks.
 *
 *   bench-gen-news BROWN_DIR MEGABYTES OUTPUT
 *
 * Takes the Brown corpus press, report and editorial files (ca..cr), strips
 * the tags, restores ordinary spacing (no space before , . ' 's n't, glued
 * quotes), and writes paragraphs of stories separated by blank lines, each
 * story opened by a wire dateline, until OUTPUT holds MEGABYTES of text.
 * Deterministic: the same corpus gives the same file.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends a detagged, detokenised version of one Brown file to out. */
static size_t convert(const char *path, FILE *out, unsigned *story) {
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    static const char *const places[] = {
        "TEHRAN, Feb 19 (Reuters) - ", "WASHINGTON (AP) - ",
        "KYIV, Ukraine, March 3 (AFP) -- ", "UNITED NATIONS, Nov 4 (Reuters) - ",
        "BEIRUT (Reuters) - ", "Tehran, IRNA - ", "ISLAMABAD: "};
    char line[65536];
    size_t written = 0;
    int para_sentences = 0, first = 1;
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '\n' || *p == 0) continue;
        if (first) {
            written += (size_t)fprintf(out, "%s", places[*story % 7]);
            first = 0;
        } else if (para_sentences >= 4) {
            fputs("\n\n", out);
            written += 2;
            para_sentences = 0;
        } else {
            fputc(' ', out);
            written++;
        }
        int need_space = 0, in_quote = 0;
        for (char *tok = strtok(p, " \t\n"); tok; tok = strtok(NULL, " \t\n")) {
            char *slash = strrchr(tok, '/');
            if (slash && slash != tok) *slash = 0;
            const char *w = tok;
            int no_space_before = 0, no_space_after = 0;
            if (strcmp(w, "``") == 0) {
                w = "\"";
                no_space_after = 1;
                in_quote = 1;
            } else if (strcmp(w, "''") == 0) {
                w = "\"";
                no_space_before = 1;
                in_quote = 0;
            } else if (strchr(".,;:?!)'", w[0]) && w[1] == 0) {
                no_space_before = 1;
            } else if (strcmp(w, "(") == 0) {
                no_space_after = 1;
            }
            if (need_space && !no_space_before) {
                fputc(' ', out);
                written++;
            }
            fputs(w, out);
            written += strlen(w);
            need_space = !no_space_after;
        }
        (void)in_quote;
        para_sentences++;
    }
    fputs("\n\n", out);
    written += 2;
    (*story)++;
    fclose(f);
    return written;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: bench-gen-news BROWN_DIR MEGABYTES OUTPUT\n");
        return 2;
    }
    size_t target = (size_t)atol(argv[2]) << 20;
    DIR *d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *s = e->d_name;
        if (strlen(s) == 4 && s[0] == 'c' && s[1] >= 'a' && s[1] <= 'r') {
            names = realloc(names, (n + 1) * sizeof *names);
            names[n++] = strdup(s);
        }
    }
    closedir(d);
    if (n == 0) {
        fprintf(stderr, "bench-gen-news: no Brown files in %s\n", argv[1]);
        return 1;
    }
    qsort(names, n, sizeof *names, cmp);
    FILE *out = fopen(argv[3], "w");
    if (!out) {
        perror(argv[3]);
        return 1;
    }
    size_t total = 0;
    unsigned story = 0;
    while (total < target) {
        for (size_t i = 0; i < n && total < target; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
            total += convert(path, out, &story);
        }
    }
    if (fclose(out) != 0) return 1;
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    printf("%zu bytes, %u stories\n", total, story);
    return 0;
}
