/*
 * Dictionaries from paths: a file, or a folder of them (every *.txt in name
 * order, so that a folder's synonym sets can come first, e.g. 00-synsets.txt;
 * example.txt, each data folder's test sample, is left out).
 */
#include "internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int bede_dict_add_path(bede_dict *d, const char *path, bede_error *err) {
    struct stat st;
    if (!d || !path) return bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "no dictionary or path");
    if (stat(path, &st) != 0)
        return bede_fail(err, BEDE_ERR_IO, path, 0, 0, 0,
                         "cannot open: no such file or folder");
    if (!S_ISDIR(st.st_mode))
        return bede_dict_add_file(d, path, BEDE_DICT_FORMAT_AUTO,
                                  BEDE_DICT_KIND_AUTO, err);
    DIR *dir = opendir(path);
    if (!dir) return bede_fail(err, BEDE_ERR_IO, path, 0, 0, 0, "cannot read folder");
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (struct dirent *de; (de = readdir(dir));) {
        if (de->d_name[0] == '.' || !ends_with(de->d_name, ".txt")) continue;
        /* each bundled folder's example.txt is a test sample, not data */
        if (strcmp(de->d_name, "example.txt") == 0) continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            char **nn = realloc(names, cap * sizeof *names);
            if (!nn) { rc = BEDE_ERR_NOMEM; break; }
            names = nn;
        }
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        if (!(names[n] = malloc(len))) { rc = BEDE_ERR_NOMEM; break; }
        snprintf(names[n++], len, "%s/%s", path, de->d_name);
    }
    closedir(dir);
    if (rc == 0 && n) qsort(names, n, sizeof *names, by_name);
    int total = 0;
    for (size_t i = 0; i < n && rc >= 0; i++) {
        int k = bede_dict_add_file(d, names[i], BEDE_DICT_FORMAT_AUTO,
                                   BEDE_DICT_KIND_AUTO, err);
        if (k < 0) rc = k;
        else total += k;
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    if (rc == BEDE_ERR_NOMEM) return bede_fail(err, rc, path, 0, 0, 0, "out of memory");
    return rc < 0 ? rc : total;
}

int bede_dict_add_bundled(bede_dict *d, const char *data_dir,
                          bede_error *err) {
    static const char *const kinds[] = {"actors", "agents", "verbs",
                                        "discards"};
    if (!d || !data_dir)
        return bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0,
                         "no dictionary or data folder");
    int total = 0;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", data_dir, kinds[i]);
        int k = bede_dict_add_path(d, path, err);
        if (k < 0) return k;
        total += k;
    }
    return total;
}
