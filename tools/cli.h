/*
 * Pieces shared by the commands of the bede CLI (tools/bede*.c).
 */
#ifndef BEDE_CLI_H
#define BEDE_CLI_H

#include "bede.h"

#include <stdio.h>

/* Subcommands: argv[0] is the subcommand's name. */
int bede_dict_main(int argc, char **argv);    /* tools/bede_dict.c */
int bede_explain_main(int argc, char **argv); /* tools/bede_explain.c */
int bede_code_main(int argc, char **argv);     /* tools/bede_code.c */
int bede_validate_main(int argc, char **argv); /* tools/bede_code.c */

/* Reads a whole file ("-" is standard input); NULL (and a message on
 * stderr) on error. */
char *cli_read_all(const char *path, size_t *len);

/* Prints sentence si with its phrases as [KIND ...] and clauses {kind ...}. */
void cli_print_phrases(FILE *out, const bede_doc *doc, size_t si);

/* The dictionaries at paths (files or folders), or bede's bundled ones
 * (data/actors, agents, verbs, discards) when n == 0. NULL, with the error
 * printed on stderr, on failure. */
bede_dict *cli_load_dicts(const char *const *paths, int n);

/* The folder of bede's bundled data: $BEDE_DATA_DIR, else the installed or
 * source-tree folder compiled in. */
const char *cli_data_dir(void);

#endif
