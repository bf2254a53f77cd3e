/*
 * bede code: stories in, events out.
 * bede validate: codes a PETRARCH or TABARI validation suite and compares
 * the events with the ones its records expect.
 *
 *   bede code [options] [FILE...|-]
 *   bede validate [options] FILE.xml|FILE.project
 *
 * Readers are in input.c, writers in output.c; this file runs them around
 * the coder. `bede code -j N` codes with N threads sharing one coder (each
 * with its own worker) over a ring of record slots; the main thread reads
 * records into the ring and writes finished slots strictly in input order.
 */
#include "cli.h"
#include "input.h"
#include "output.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int32_t parse_date_arg(const char *s) {
    return in_parse_date(s, strlen(s));
}

/* ================================================================ code */

static void code_usage(FILE *f) {
    fputs(
        "usage: bede code [options] [FILE...|-]\n"
        "\n"
        "Codes each story of the inputs and writes its events.\n"
        "\n"
        "inputs (--input; default from each file name: .jsonl -> jsonl,\n"
        ".xml -> petrarch, anything else -> text):\n"
        "  text      the whole file is one story\n"
        "  paras     stories separated by blank lines\n"
        "  jsonl     one {\"id\": ..., \"date\": \"2024-03-05\", \"text\": "
        "...}\n"
        "            per line (other fields are ignored)\n"
        "  petrarch  PETRARCH XML <Sentence id=.. date=YYYYMMDD><Text>..\n"
        "  tabari    TABARI records: a line \"YYMMDD  ID\", the text lines,\n"
        "            a blank line (CR line ends and Latin-1 are accepted)\n"
        "\n"
        "options:\n"
        "  -i, --input KIND     input format (see above)\n"
        "  -f, --format FMT     jsonl (default): one JSON event per line with\n"
        "                       spans, rules and flags; petrarch: "
        "PETRARCH-2's\n"
        "                       tab-separated events; gdelt: GDELT 2.0 rows\n"
        "  --dict PATH          dictionary file or folder (repeatable; a\n"
        "                       folder means every *.txt in it but\n"
        "                       example.txt; default: the bundled data/\n"
        "                       actors, agents, verbs and discards)\n"
        "  --date YYYY-MM-DD    date of stories that give none\n"
        "  --one-a-day          one event per (date, source, target, code)\n"
        "                       in a story\n"
        "  --no-intents         code \"will send aid\" as sending aid, not as\n"
        "                       the intent to (03x), as TABARI and PETRARCH-2\n"
        "  --statements         a verb of saying keeps its own event even when\n"
        "                       what it reports is coded, as PETRARCH-2\n"
        "  --events WHICH       each (default): every event but the ones that\n"
        "                       fold into a governing verb's (what is urged,\n"
        "                       demanded, denied, the background); first: the\n"
        "                       first event of each sentence (TABARI's CODE BY\n"
        "                       SENTENCE); clause: the first of each clause\n"
        "                       between conjunctions (CODE BY CLAUSE); all:\n"
        "                       the folded ones too (CODE ALL)\n"
        "  --default-source CODE  the source of an event whose subject names\n"
        "                       no actor (TABARI's DEFAULT: SOURCE [CODE] PRIOR)\n"
        "  --default-target CODE  the target of an event that names none\n"
        "                       (TABARI's DEFAULT: TARGET [CODE] AFTER)\n"
        "  --min-words N        do not code sentences of fewer than N words (a\n"
        "                       comma is a word; TABARI's MINIMUM WORDS)\n"
        "  --comma-phrases      leave out phrases of 2 to 10 words between\n"
        "                       commas or after a sentence's last comma\n"
        "                       (TABARI's COMMA: with its default lengths)\n"
        "  --time-shift         date events by the time phrases of TABARI verb\n"
        "                       dictionaries (YESTERDAY [-1]); ### discards\n"
        "                       the sentence (TABARI's SET: TIME SHIFTING)\n"
        "  -j, --threads N      code with N threads (output keeps input "
        "order)\n"
        "  -o, --output FILE    write events to FILE (default stdout)\n"
        "  -q, --quiet          no progress bar and no summary\n"
        "  -h, --help           this help\n"
        "\n"
        "A summary goes to stderr at the end (a progress bar too when stderr\n"
        "is a terminal). Exit status: 0; 1 when an input record was\n"
        "rejected (unreadable, malformed, invalid UTF-8) or the output could\n"
        "not be written; 2 for a usage error.\n",
        f);
}

/* Strings of a slot's events: blocks that never move, freed together. */
typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    char data[];
} arena_block;

/* A record in the ring, with what coding made of it. */
typedef struct slot {
    in_record rec;
    bede_event *events;
    size_t nevents, capevents;
    arena_block *strings; /* copies of the events' strings */
    bede_story_stats stats;
    int status; /* bede_code's result; < 0: rejected by the coder */
    char error[700];
    int state; /* SLOT_* */
} slot;

enum { SLOT_FREE, SLOT_FILLED, SLOT_DONE };

typedef struct discard_count {
    char *phrase;
    size_t n;
} discard_count;

typedef struct code_run {
    /* options */
    out_options out;
    const char *output;
    const char **dicts;
    int ndicts;
    const char **files;
    int nfiles;
    int input; /* in_kind, or -1: from each name */
    int threads, quiet, progress;
    bede_coder_options copts;

    const bede_coder *coder;
    FILE *outf;

    /* ring */
    slot *ring;
    size_t nslots;
    uint64_t next_read, next_code, next_write;
    int input_done;
    pthread_mutex_t mu;
    pthread_cond_t work, done;

    /* totals */
    uint64_t read, coded, no_event, discarded, rejected, events, sentences,
        discarded_sentences;
    discard_count *discards;
    size_t ndiscards;
    char first_rejects[5][700];
    uint64_t option_records; /* TABARI { OPTION: } / PETRARCH <Config> */
    char first_option[200];
    int write_failed;
    uint64_t events_written;

    /* progress */
    uint64_t total_bytes, done_bytes; /* total 0: unknown */
    const in_reader *cur;
    double start, last_progress;
} code_run;

static void arena_free(arena_block **a) {
    while (*a) {
        arena_block *next = (*a)->next;
        free(*a);
        *a = next;
    }
}

/* A copy of str that lives until the slot is written; NULL stays NULL. */
static const char *keep(slot *s, const char *str, int *nomem) {
    if (!str) return NULL;
    size_t n = strlen(str) + 1;
    arena_block *b = s->strings;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        b = malloc(sizeof *b + cap);
        if (!b) {
            *nomem = 1;
            return "";
        }
        b->next = s->strings;
        b->used = 0;
        b->cap = cap;
        s->strings = b;
    }
    char *d = b->data + b->used;
    memcpy(d, str, n);
    b->used += n;
    return d;
}

/* Events are kept until the writer gets to them, while the worker codes
 * other stories: their strings (codes the worker composes, labels, rules)
 * are copied, since a worker reuses its string space on the next call. */
static int collect_event(const bede_event *ev, void *user) {
    slot *s = user;
    if (s->nevents == s->capevents) {
        size_t cap = s->capevents ? 2 * s->capevents : 8;
        bede_event *e = realloc(s->events, cap * sizeof *e);
        if (!e) return 1;
        s->events = e;
        s->capevents = cap;
    }
    bede_event *e = &s->events[s->nevents++];
    *e = *ev;
    int nomem = 0;
    bede_event_actor *actors[2] = {&e->source, &e->target};
    for (int a = 0; a < 2; a++) {
        actors[a]->code = keep(s, actors[a]->code, &nomem);
        actors[a]->file = keep(s, actors[a]->file, &nomem);
        actors[a]->agent_file = keep(s, actors[a]->agent_file, &nomem);
    }
    e->code = keep(s, e->code, &nomem);
    e->root = keep(s, e->root, &nomem);
    e->label = keep(s, e->label, &nomem);
    e->rule_file = keep(s, e->rule_file, &nomem);
    e->rule = keep(s, e->rule, &nomem);
    return nomem;
}

/* Codes the record of s with w (any thread). */
static void code_slot(bede_worker *w, slot *s) {
    s->nevents = 0;
    memset(&s->stats, 0, sizeof s->stats);
    s->status = 0;
    if (s->rec.rejected || s->rec.stop) return;
    bede_story story = {s->rec.id, s->rec.date};
    bede_error err;
    memset(&err, 0, sizeof err);
    s->status = bede_code(w, s->rec.text, s->rec.len, &story, collect_event, s,
                          &s->stats, &err);
    int nomem = 0;
    s->stats.discard = keep(s, s->stats.discard, &nomem);
    if (s->status < 0) {
        /* file:line of the record, its id when it has its own, the
         * coder's message (which names the byte offset) */
        int own_id = strcmp(s->rec.id, s->rec.file) != 0;
        snprintf(s->error, sizeof s->error, "%s:%u: %s%.200s%s%.400s",
                 s->rec.file, s->rec.line, own_id ? "story " : "",
                 own_id ? s->rec.id : "", own_id ? ": " : "",
                 err.message[0] ? err.message : bede_strerror(s->status));
    }
}

/* Records a coding thread takes from the ring at once. */
enum { BATCH = 16 };

static void *code_thread(void *arg) {
    code_run *r = arg;
    bede_error err;
    bede_worker *w = bede_worker_new(r->coder, &err);
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (r->next_code == r->next_read && !r->input_done)
            pthread_cond_wait(&r->work, &r->mu);
        if (r->next_code == r->next_read) break; /* input done */
        /* take a run of records at once: one lock and one wake-up per run,
         * not per record (short records are the common case) */
        uint64_t first = r->next_code, n = r->next_read - r->next_code;
        if (n > BATCH) n = BATCH;
        r->next_code += n;
        pthread_mutex_unlock(&r->mu);
        for (uint64_t k = 0; k < n; k++) {
            slot *s = &r->ring[(first + k) % r->nslots];
            if (w) {
                code_slot(w, s);
            } else {
                s->status = BEDE_ERR_NOMEM;
                snprintf(s->error, sizeof s->error,
                         "%s: no coding worker: %s", s->rec.id, err.message);
            }
        }
        pthread_mutex_lock(&r->mu);
        for (uint64_t k = 0; k < n; k++)
            r->ring[(first + k) % r->nslots].state = SLOT_DONE;
        pthread_cond_broadcast(&r->done);
    }
    pthread_mutex_unlock(&r->mu);
    bede_worker_free(w);
    return NULL;
}

static void count_discard(code_run *r, const char *phrase) {
    if (!phrase) phrase = "?";
    for (size_t i = 0; i < r->ndiscards; i++)
        if (strcmp(r->discards[i].phrase, phrase) == 0) {
            r->discards[i].n++;
            return;
        }
    discard_count *d = realloc(r->discards, (r->ndiscards + 1) * sizeof *d);
    if (!d) return;
    r->discards = d;
    d[r->ndiscards].phrase = strdup(phrase);
    d[r->ndiscards].n = 1;
    if (d[r->ndiscards].phrase) r->ndiscards++;
}

static void note_reject(code_run *r, const char *reason) {
    if (r->rejected < 5)
        snprintf(r->first_rejects[r->rejected], sizeof r->first_rejects[0],
                 "%s", reason);
    r->rejected++;
}

/* Writes a finished slot's events and counts its outcome (main thread). */
static void finish_slot(code_run *r, slot *s) {
    r->read++;
    if (s->rec.rejected) {
        note_reject(r, s->rec.reason);
    } else if (s->status < 0) {
        note_reject(r, s->error);
    } else {
        r->sentences += s->stats.sentences;
        r->discarded_sentences += s->stats.discarded_sentences;
        if (s->stats.discarded_story) {
            r->discarded++;
            count_discard(r, s->stats.discard);
        } else if (s->nevents == 0) {
            r->no_event++;
        } else {
            r->coded++;
        }
        out_story st = {s->rec.id, s->rec.text, s->rec.len};
        for (size_t i = 0; i < s->nevents; i++) {
            if (out_event(r->outf, &r->out, &st, &s->events[i],
                          r->events_written + 1) < 0)
                r->write_failed = 1;
            r->events_written++;
        }
        r->events += s->nevents;
    }
    in_record_free(&s->rec);
    arena_free(&s->strings);
    s->nevents = 0;
    s->state = SLOT_FREE;
}

static void show_progress(code_run *r, int force) {
    if (!r->progress) return;
    double t = now();
    if (!force && t - r->last_progress < 0.2) return;
    r->last_progress = t;
    double el = t - r->start;
    fprintf(stderr, "\r\033[K  %llu records  %.0f records/s",
            (unsigned long long)r->next_read,
            el > 0 ? (double)r->next_read / el : 0.0);
    if (r->total_bytes) {
        uint64_t b = r->done_bytes + (r->cur ? in_bytes_read(r->cur) : 0);
        double pct = 100.0 * (double)b / (double)r->total_bytes;
        fprintf(stderr, "  %5.1f%%", pct > 100 ? 100.0 : pct);
    }
    fflush(stderr);
}

/* Puts a read record into the next ring slot, waiting for room and writing
 * finished slots meanwhile (main thread). */
static void push_record(code_run *r, bede_worker *inline_worker,
                        in_record *rec) {
    if (inline_worker) { /* -j 1: code here */
        slot *s = &r->ring[0];
        s->rec = *rec;
        memset(rec, 0, sizeof *rec);
        r->next_read++;
        code_slot(inline_worker, s);
        finish_slot(r, s);
        show_progress(r, 0);
        return;
    }
    pthread_mutex_lock(&r->mu);
    for (;;) {
        slot *head = &r->ring[r->next_write % r->nslots];
        while (r->next_write < r->next_read && head->state == SLOT_DONE) {
            pthread_mutex_unlock(&r->mu);
            finish_slot(r, head);
            pthread_mutex_lock(&r->mu);
            r->next_write++;
            head = &r->ring[r->next_write % r->nslots];
        }
        if (r->next_read - r->next_write < r->nslots) break;
        /* the ring is full: make sure the records in it are being coded */
        if (r->next_code < r->next_read) pthread_cond_broadcast(&r->work);
        pthread_cond_wait(&r->done, &r->mu);
    }
    slot *s = &r->ring[r->next_read % r->nslots];
    s->rec = *rec;
    memset(rec, 0, sizeof *rec);
    s->state = SLOT_FILLED;
    r->next_read++;
    /* wake a coder when a run of records is waiting */
    if (r->next_read - r->next_code >= BATCH) pthread_cond_signal(&r->work);
    pthread_mutex_unlock(&r->mu);
    show_progress(r, 0);
}

/* Waits for every slot and writes the rest (main thread, threads > 1). */
static void drain(code_run *r) {
    pthread_mutex_lock(&r->mu);
    r->input_done = 1;
    pthread_cond_broadcast(&r->work);
    while (r->next_write < r->next_read) {
        slot *head = &r->ring[r->next_write % r->nslots];
        if (head->state != SLOT_DONE) {
            pthread_cond_wait(&r->done, &r->mu);
            continue;
        }
        pthread_mutex_unlock(&r->mu);
        finish_slot(r, head);
        show_progress(r, 0);
        pthread_mutex_lock(&r->mu);
        r->next_write++;
    }
    pthread_mutex_unlock(&r->mu);
}

/* A rejected pseudo-record for an input that cannot be opened. */
static void reject_file(in_record *rec, const char *path, const char *msg) {
    memset(rec, 0, sizeof *rec);
    rec->id = strdup(path);
    rec->file = strdup("");
    rec->rejected = 1;
    snprintf(rec->reason, sizeof rec->reason, "%.590s", msg);
}

static int cmp_discard(const void *a, const void *b) {
    const discard_count *x = a, *y = b;
    return x->n < y->n ? 1 : x->n > y->n ? -1 : strcmp(x->phrase, y->phrase);
}

static void print_summary(code_run *r, double elapsed) {
    FILE *e = stderr;
    fprintf(e,
            "bede code: %llu records read: %llu coded, %llu no event, "
            "%llu discarded, %llu rejected\n",
            (unsigned long long)r->read, (unsigned long long)r->coded,
            (unsigned long long)r->no_event, (unsigned long long)r->discarded,
            (unsigned long long)r->rejected);
    if (r->discarded) {
        qsort(r->discards, r->ndiscards, sizeof *r->discards, cmp_discard);
        fprintf(e, "  discarded: %llu stories by %zu discard phrases",
                (unsigned long long)r->discarded, r->ndiscards);
        for (size_t i = 0; i < r->ndiscards && i < 5; i++)
            fprintf(e, "%s\"%s\" %zu", i ? ", " : " (", r->discards[i].phrase,
                    r->discards[i].n);
        fputs(r->ndiscards > 5 ? ", ...)\n" : ")\n", e);
    }
    if (r->discarded_sentences)
        fprintf(e, "  sentences discarded by a discard phrase: %llu\n",
                (unsigned long long)r->discarded_sentences);
    if (r->rejected) {
        fprintf(e, "  rejected: %llu records%s\n",
                (unsigned long long)r->rejected,
                r->rejected > 5 ? ", the first five:" : ":");
        for (uint64_t i = 0; i < r->rejected && i < 5; i++)
            fprintf(e, "    %s\n", r->first_rejects[i]);
    }
    if (r->option_records)
        fprintf(e,
                "  %llu records set coding options, which bede code does "
                "not apply (first: %s)\n",
                (unsigned long long)r->option_records, r->first_option);
    fprintf(e,
            "  %llu events written, %llu sentences, %.2f s, %.0f "
            "sentences/s\n",
            (unsigned long long)r->events_written,
            (unsigned long long)r->sentences, elapsed,
            elapsed > 0 ? (double)r->sentences / elapsed : 0.0);
}

static int run_code(code_run *r) {
    bede_dict *dict = cli_load_dicts(r->dicts, r->ndicts);
    if (!dict) return 1;
    bede_error err;
    char msg[1024];
    bede_coder *coder = bede_coder_new(dict, &r->copts, &err);
    if (!coder) {
        fprintf(stderr, "bede: %s\n", bede_error_format(&err, msg, sizeof msg));
        bede_dict_free(dict);
        return 1;
    }
    r->coder = coder;
    r->outf = stdout;
    if (r->output && strcmp(r->output, "-") != 0) {
        r->outf = fopen(r->output, "w");
        if (!r->outf) {
            fprintf(stderr, "bede: %s: %s\n", r->output, strerror(errno));
            bede_coder_free(coder);
            bede_dict_free(dict);
            return 1;
        }
    }
    static const char *const stdin_only[] = {"-"};
    const char **files = r->nfiles ? r->files : (const char **)stdin_only;
    int nfiles = r->nfiles ? r->nfiles : 1;
    for (int i = 0; i < nfiles; i++) {
        struct stat st;
        if (strcmp(files[i], "-") == 0 || stat(files[i], &st) != 0 ||
            !S_ISREG(st.st_mode)) {
            r->total_bytes = 0;
            break;
        }
        r->total_bytes += (uint64_t)st.st_size;
    }

    bede_worker *inline_worker = NULL;
    pthread_t *tids = NULL;
    int nthreads = 0;
    if (r->threads <= 1) {
        r->nslots = 1;
        inline_worker = bede_worker_new(coder, &err);
        if (!inline_worker) {
            fprintf(stderr, "bede: %s\n",
                    bede_error_format(&err, msg, sizeof msg));
            bede_coder_free(coder);
            bede_dict_free(dict);
            return 1;
        }
    } else {
        r->nslots = 8 * BATCH * (size_t)r->threads;
        tids = calloc((size_t)r->threads, sizeof *tids);
    }
    r->ring = calloc(r->nslots, sizeof *r->ring);
    if (!r->ring || (r->threads > 1 && !tids)) {
        fprintf(stderr, "bede: out of memory\n");
        return 1;
    }
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->work, NULL);
    pthread_cond_init(&r->done, NULL);
    for (int t = 0; t < r->threads && r->threads > 1; t++) {
        if (pthread_create(&tids[t], NULL, code_thread, r) != 0) break;
        nthreads++;
    }
    if (r->threads > 1 && nthreads == 0) {
        fprintf(stderr, "bede: cannot start threads\n");
        return 1;
    }

    r->start = now();
    int read_failed = 0;
    for (int i = 0; i < nfiles; i++) {
        int kind = r->input >= 0 ? r->input : (int)in_kind_from_path(files[i]);
        in_reader *in = in_open(files[i], (in_kind)kind, msg, sizeof msg);
        in_record rec;
        if (!in) {
            reject_file(&rec, files[i], msg);
            push_record(r, inline_worker, &rec);
            continue;
        }
        r->cur = in;
        memset(&rec, 0, sizeof rec);
        int rc;
        while ((rc = in_next(in, &rec)) == 1) {
            if (rec.stop && kind == IN_PETRARCH) { /* <Stop>: no story */
                in_record_free(&rec);
                continue;
            }
            if (rec.noptions) { /* validation settings: not applied */
                if (!r->option_records++)
                    snprintf(r->first_option, sizeof r->first_option,
                             "%s:%u: %s", rec.file, rec.line, rec.options[0]);
            }
            push_record(r, inline_worker, &rec);
        }
        if (rc < 0) {
            fprintf(stderr, "bede: %s\n", rec.reason);
            read_failed = 1;
            in_record_free(&rec);
        }
        r->done_bytes += in_bytes_read(in);
        r->cur = NULL;
        in_close(in);
    }
    if (!inline_worker) drain(r);
    for (int t = 0; t < nthreads; t++)
        pthread_join(tids[t], NULL);
    double elapsed = now() - r->start;
    if (r->progress) fputs("\r\033[K", stderr);

    if (fflush(r->outf) != 0 || ferror(r->outf)) r->write_failed = 1;
    if (r->outf != stdout && fclose(r->outf) != 0) r->write_failed = 1;
    if (r->write_failed)
        fprintf(stderr, "bede: %s: write error\n",
                r->output ? r->output : "stdout");
    if (!r->quiet) print_summary(r, elapsed);

    for (size_t i = 0; i < r->nslots; i++) {
        in_record_free(&r->ring[i].rec);
        arena_free(&r->ring[i].strings);
        free(r->ring[i].events);
    }
    free(r->ring);
    free(tids);
    for (size_t i = 0; i < r->ndiscards; i++)
        free(r->discards[i].phrase);
    free(r->discards);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->work);
    pthread_cond_destroy(&r->done);
    bede_worker_free(inline_worker);
    bede_coder_free(coder);
    bede_dict_free(dict);
    return r->rejected || r->write_failed || read_failed ? 1 : 0;
}

static void date_added_now(char *buf, size_t cap) {
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, cap, "%Y%m%d%H%M%S", &tm);
}

int bede_code_main(int argc, char **argv) {
    code_run r;
    memset(&r, 0, sizeof r);
    r.input = -1;
    r.threads = 1;
    r.out.format = OUT_JSONL;
    r.out.data_dir = cli_data_dir();
    date_added_now(r.out.date_added, sizeof r.out.date_added);
    bede_coder_default_options(&r.copts);
    r.dicts = calloc((size_t)argc + 1, sizeof *r.dicts);
    r.files = calloc((size_t)argc + 1, sizeof *r.files);
    if (!r.dicts || !r.files) {
        free(r.dicts);
        free(r.files);
        return 1;
    }
    int rc = 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = strcmp(a, "-i") == 0 || strcmp(a, "--input") == 0 ||
                    strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0 ||
                    strcmp(a, "--dict") == 0 || strcmp(a, "--date") == 0 ||
                    strcmp(a, "-j") == 0 || strcmp(a, "--threads") == 0 ||
                    strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 ||
                    strcmp(a, "--events") == 0 ||
                    strcmp(a, "--default-source") == 0 ||
                    strcmp(a, "--default-target") == 0 ||
                    strcmp(a, "--min-words") == 0;
        if (takes && !val) {
            fprintf(stderr, "bede code: option '%s' needs a value\n", a);
            goto done;
        }
        if (strcmp(a, "-i") == 0 || strcmp(a, "--input") == 0) {
            r.input = in_kind_from_name(val);
            if (r.input < 0) {
                fprintf(stderr,
                        "bede code: unknown input '%s' (text, paras, jsonl, "
                        "petrarch, tabari)\n",
                        val);
                goto done;
            }
        } else if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
            int f = out_format_from_name(val);
            if (f < 0) {
                fprintf(stderr,
                        "bede code: unknown format '%s' (jsonl, petrarch, "
                        "gdelt)\n",
                        val);
                goto done;
            }
            r.out.format = (out_format)f;
        } else if (strcmp(a, "--dict") == 0) {
            r.dicts[r.ndicts++] = val;
        } else if (strcmp(a, "--date") == 0) {
            r.copts.default_date = parse_date_arg(val);
            if (!r.copts.default_date) {
                fprintf(stderr,
                        "bede code: --date expects YYYY-MM-DD, got '%s'\n",
                        val);
                goto done;
            }
        } else if (strcmp(a, "-j") == 0 || strcmp(a, "--threads") == 0) {
            char *end;
            long n = strtol(val, &end, 10);
            if (*end || n < 1 || n > 256) {
                fprintf(stderr, "bede code: -j expects 1..256, got '%s'\n",
                        val);
                goto done;
            }
            r.threads = (int)n;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            r.output = val;
        } else if (strcmp(a, "--one-a-day") == 0) {
            r.copts.one_a_day = 1;
        } else if (strcmp(a, "--no-intents") == 0) {
            r.copts.intents = 0;
        } else if (strcmp(a, "--statements") == 0) {
            r.copts.statements = 1;
        } else if (strcmp(a, "--events") == 0) {
            if (strcmp(val, "each") == 0)
                r.copts.code_by = BEDE_CODE_EACH;
            else if (strcmp(val, "first") == 0)
                r.copts.code_by = BEDE_CODE_FIRST;
            else if (strcmp(val, "all") == 0)
                r.copts.code_by = BEDE_CODE_ALL;
            else if (strcmp(val, "clause") == 0)
                r.copts.code_by = BEDE_CODE_CLAUSE;
            else {
                fprintf(stderr,
                        "bede code: --events expects each, first, clause or "
                        "all, got '%s'\n",
                        val);
                goto done;
            }
        } else if (strcmp(a, "--default-source") == 0 ||
                   strcmp(a, "--default-target") == 0) {
            if (!*val || strlen(val) > 31 || strpbrk(val, " \t")) {
                fprintf(stderr, "bede code: %s expects a code, got '%s'\n", a,
                        val);
                goto done;
            }
            if (a[10] == 's')
                r.copts.default_source = val;
            else
                r.copts.default_target = val;
        } else if (strcmp(a, "--min-words") == 0) {
            char *end;
            long n = strtol(val, &end, 10);
            if (*end || n < 0 || n > 10000) {
                fprintf(stderr,
                        "bede code: --min-words expects 0..10000, got '%s'\n",
                        val);
                goto done;
            }
            r.copts.min_words = (uint32_t)n;
        } else if (strcmp(a, "--comma-phrases") == 0) {
            r.copts.comma_phrases = 1;
        } else if (strcmp(a, "--time-shift") == 0) {
            r.copts.time_shift = 1;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            r.quiet = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            code_usage(stdout);
            rc = 0;
            goto done;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "bede code: unknown option '%s'\n", a);
            code_usage(stderr);
            goto done;
        } else {
            r.files[r.nfiles++] = a;
            continue;
        }
        if (takes) i++;
    }
    r.progress = !r.quiet && isatty(STDERR_FILENO);
    rc = run_code(&r);
done:
    free(r.dicts);
    free(r.files);
    return rc;
}

/* ============================================================ validate */

static void validate_usage(FILE *f) {
    fputs(
        "usage: bede validate [options] FILE.xml|FILE.project\n"
        "\n"
        "Codes a validation suite and compares the events with the ones its\n"
        "records expect: a PETRARCH unit-test file (<Environment> names the\n"
        "dictionaries, <EventCoding> the expected events) or a TABARI\n"
        ".project (its .actors, .agents, .verbs, .options and text files;\n"
        "the expected events in { SOURCE / TARGET / CODE } fields of each\n"
        "record's comment). A record passes when bede makes exactly the\n"
        "expected (source, target, code) triples. bede codes the <Text>\n"
        "with its own analysis; parse trees are ignored.\n"
        "\n"
        "options:\n"
        "  -v, --verbose                   show the coder's trace of each\n"
        "                                  failing record\n"
        "  --dict PATH                     code with these dictionaries\n"
        "                                  (repeatable) instead of the\n"
        "                                  suite's; a suite naming none\n"
        "                                  gets bede's bundled ones\n"
        "  --known-failures FILE           ids expected to fail, one per line\n"
        "                                  (`ID  # why: REASON | events`):\n"
        "                                  exit 0 when every failure is\n"
        "                                  listed; a failing record shows\n"
        "                                  its reason\n"
        "  --write-known-failures FILE     write the current failures there,\n"
        "                                  keeping the reasons FILE gives\n"
        "  -h, --help                      this help\n"
        "\n"
        "Exit status: 0 when every record passes (or every failure is known);\n"
        "1 otherwise or when the suite cannot be read; 2 for a usage error.\n",
        f);
}

typedef struct strlist {
    char **s;
    size_t n;
} strlist;

static int sl_add(strlist *l, const char *s) {
    char **v = realloc(l->s, (l->n + 1) * sizeof *v);
    if (!v) return -1;
    l->s = v;
    if (!(v[l->n] = strdup(s))) return -1;
    l->n++;
    return 0;
}

static long sl_find(const strlist *l, const char *s) {
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->s[i], s) == 0) return (long)i;
    return -1;
}

static void sl_free(strlist *l) {
    for (size_t i = 0; i < l->n; i++)
        free(l->s[i]);
    free(l->s);
    memset(l, 0, sizeof *l);
}

/* An event as validation compares it. */
typedef struct triple {
    const char *source, *target, *code;
} triple;

static void triples_free(triple *t, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free((char *)t[i].source);
        free((char *)t[i].target);
        free((char *)t[i].code);
    }
}

typedef struct validation {
    int verbose;
    const char *suite, *known_path, *write_path;
    strlist known;      /* ids of --known-failures */
    strlist why;        /* per known id: why it fails ("" when not said) */
    char *known_failed; /* per known id: failed in this run */
    bede_dict *dict;
    const char **dicts; /* --dict: instead of the suite's dictionaries */
    int ndicts;
    /* PETRARCH's require_dyad option switches between two coders */
    bede_coder *coder[2];
    bede_worker *worker[2];
    int require_target;
    strlist unsupported; /* options seen but not applied */
    /* the coder options of the suite, changed by its option lines; the
     * coders are rebuilt before the next record when they change */
    bede_coder_options copts;
    int coders_stale;
    char default_source[32], default_target[32];
    int default_prior, default_after; /* TABARI keeps these until OFF */
    int four_digit_years;             /* TABARI's SET: YYYY */
    /* TABARI's FORWARD: records of one story are coded together */
    char forward_mask[64];
    int forwarding;
    char *story; /* the texts of the story's records so far */
    size_t story_len;
    char story_key[64];  /* its story number, as written */
    long story_sentence; /* the sentence number of its last record */
    size_t events_from;  /* events of sentences before this offset are
                            the earlier records' */
    /* results */
    size_t passed, failed, skipped;
    strlist failures;     /* "ID\tsummary" */
    strlist false_alarms; /* "ID\tproduced ..." */
    strlist skips;        /* "ID: why" */
    /* the trace of the record being coded (-v) */
    char *trace;
    size_t trace_len;
    FILE *trace_f;
    triple *produced;
    size_t nproduced, capproduced;
} validation;

static void on_trace(const char *line, void *user) {
    validation *v = user;
    if (v->trace_f) fprintf(v->trace_f, "    | %s\n", line);
}

static int on_event(const bede_event *ev, void *user) {
    validation *v = user;
    if (ev->sentence_span.start < v->events_from) return 0;
    triple t = {ev->source.code ? ev->source.code : "---",
                ev->target.code ? ev->target.code : "---",
                ev->code ? ev->code : "---"};
    for (size_t i = 0; i < v->nproduced; i++) /* a set: no duplicates */
        if (strcmp(v->produced[i].source, t.source) == 0 &&
            strcmp(v->produced[i].target, t.target) == 0 &&
            strcmp(v->produced[i].code, t.code) == 0)
            return 0;
    if (v->nproduced == v->capproduced) {
        size_t cap = v->capproduced ? 2 * v->capproduced : 8;
        triple *p = realloc(v->produced, cap * sizeof *p);
        if (!p) return 1;
        v->produced = p;
        v->capproduced = cap;
    }
    /* copies: the worker's strings may move while it codes on */
    t.source = strdup(t.source);
    t.target = strdup(t.target);
    t.code = strdup(t.code);
    v->produced[v->nproduced++] = t;
    if (!t.source || !t.target || !t.code) return 1;
    return 0;
}

static int same(const in_expect *e, const triple *t) {
    return strcmp(e->source, t->source) == 0 &&
           strcmp(e->target, t->target) == 0 && strcmp(e->code, t->code) == 0;
}

/* Appends "SRC TGT CODE, ..." (or "none") to a string of cap bytes. */
static void list_expected(char *buf, size_t cap, const in_expect *e, size_t n,
                          const char *none) {
    size_t len = strlen(buf);
    if (!n) snprintf(buf + len, cap - len, "%s", none);
    for (size_t i = 0; i < n && len < cap; i++) {
        snprintf(buf + len, cap - len, "%s%s %s %s", i ? ", " : "", e[i].source,
                 e[i].target, e[i].code);
        len = strlen(buf);
    }
}

static void list_produced(char *buf, size_t cap, const triple *t, size_t n) {
    size_t len = strlen(buf);
    if (!n) snprintf(buf + len, cap - len, "none");
    for (size_t i = 0; i < n && len < cap; i++) {
        snprintf(buf + len, cap - len, "%s%s %s %s", i ? ", " : "", t[i].source,
                 t[i].target, t[i].code);
        len = strlen(buf);
    }
}

static void note_option(validation *v, const char *opt) {
    if (sl_find(&v->unsupported, opt) < 0) sl_add(&v->unsupported, opt);
}

/* ---- TABARI's run-time options (manual, chapter 8) */

/* Does command c[0..n) (before its colon) name TABARI's command `name`?
 * TABARI reads the first four characters. */
static int tabari_command(const char *c, size_t n, const char *name) {
    size_t len = strlen(name);
    return n >= (len < 4 ? len : 4) && n <= len && strncmp(c, name, n) == 0;
}

/* The code in the brackets after `key` in s (DEFAULT: SOURCE [USA]) into
 * code[32], and whether `flag` follows the brackets before `stop` (or the
 * end); 0 when key or its brackets are missing. */
static int tabari_bracket(const char *s, const char *key, const char *stop,
                          const char *flag, char *code, int *flagged) {
    const char *k = strstr(s, key);
    const char *open = k ? strchr(k, '[') : NULL;
    const char *close = open ? strchr(open, ']') : NULL;
    if (!close) return 0;
    const char *a = open + 1, *b = close;
    while (a < b && *a == ' ')
        a++;
    while (b > a && b[-1] == ' ')
        b--;
    if (b == a || b - a > 31) return 0;
    memcpy(code, a, (size_t)(b - a));
    code[b - a] = '\0';
    const char *end = strstr(close, stop);
    const char *f = strstr(close, flag);
    *flagged = f && (!end || f < end);
    return 1;
}

/* DEFAULT: SOURCE [code] <PRIOR> TARGET [code] <AFTER>, DEFAULT: OFF.
 * As in TABARI, PRIOR and AFTER stay set until DEFAULT: OFF. */
static int tabari_default(validation *v, const char *arg) {
    if (strncmp(arg, "OFF", 3) == 0) {
        v->default_source[0] = v->default_target[0] = '\0';
        v->default_prior = v->default_after = 0;
    } else {
        int prior = 0, after = 0;
        int src = tabari_bracket(arg, "SOURCE", "TARGET", "PRIOR",
                                 v->default_source, &prior);
        int tgt = tabari_bracket(arg, "TARGET", "SOURCE", "AFTER",
                                 v->default_target, &after);
        if (!src && !tgt) return 0;
        v->default_prior |= src && prior;
        v->default_after |= tgt && after;
    }
    v->copts.default_source = v->default_source[0] ? v->default_source : NULL;
    v->copts.default_target = v->default_target[0] ? v->default_target : NULL;
    v->copts.default_source_prior = v->default_prior;
    v->copts.default_target_after = v->default_after;
    v->coders_stale = 1;
    return 1;
}

/* COMMA: MIN = n MAX = n EMIN = n EMAX = n BMIN = n BMAX = n, COMMA: OFF.
 * Lengths not given keep their values. */
static int tabari_comma(validation *v, const char *arg) {
    if (strncmp(arg, "OFF", 3) == 0) {
        v->copts.comma_phrases = 0;
        v->coders_stale = 1;
        return 1;
    }
    struct {
        const char *key;
        uint32_t *value;
    } keys[] = {{"MIN", &v->copts.comma_min},
                {"MAX", &v->copts.comma_max},
                {"EMIN", &v->copts.comma_last_min},
                {"EMAX", &v->copts.comma_last_max},
                {"BMIN", &v->copts.comma_first_min},
                {"BMAX", &v->copts.comma_first_max}};
    int found = 0;
    for (const char *p = arg; *p;) {
        size_t n = strcspn(p, " =");
        const char *q = p + n;
        while (*q == ' ' || *q == '=')
            q++;
        char *end;
        unsigned long value = strtoul(q, &end, 10);
        for (size_t k = 0; end > q && k < sizeof keys / sizeof *keys; k++)
            if (strlen(keys[k].key) == n && strncmp(p, keys[k].key, n) == 0) {
                *keys[k].value = (uint32_t)value;
                found++;
            }
        p = end > q ? end : q + strcspn(q, " ");
        while (*p == ' ')
            p++;
    }
    if (!found) return 0;
    v->copts.comma_phrases = 1;
    v->coders_stale = 1;
    return 1;
}

/* FORWARD: mask [DOC] [OFF]: the mask over the record id (^ the blanks
 * before it, * any character, N the story number, S the sentence
 * number); OFF keeps the mask but codes each record alone. */
static int tabari_forward(validation *v, const char *arg) {
    size_t n = strcspn(arg, " ");
    if (!n || n >= sizeof v->forward_mask || !strpbrk(arg, "NS")) return 0;
    memcpy(v->forward_mask, arg, n);
    v->forward_mask[n] = '\0';
    v->forwarding = strstr(arg + n, "OFF") == NULL;
    v->story_len = 0;
    return 1;
}

/* Applies one TABARI option line (SET: CODE BY, MINIMUM WORDS, TIME
 * SHIFTING, CONVERT AGENTS, YYYY; DEFAULT:, COMMA:, FORWARD:) to the coder
 * options of the records that follow; 0 when it is not one bede applies. */
static int apply_tabari_option(validation *v, const char *opt) {
    char u[512];
    size_t n = 0;
    for (const char *p = opt; *p && n + 1 < sizeof u; p++) {
        char c = (char)toupper((unsigned char)*p);
        if (c == '\t') c = ' ';
        if (c == ' ' && (n == 0 || u[n - 1] == ' ')) continue;
        u[n++] = c;
    }
    while (n && u[n - 1] == ' ')
        n--;
    u[n] = '\0';
    char *colon = strchr(u, ':');
    if (!colon) return 0;
    size_t cn = (size_t)(colon - u);
    while (cn && u[cn - 1] == ' ')
        cn--;
    const char *arg = colon + 1;
    while (*arg == ' ')
        arg++;
    if (tabari_command(u, cn, "DEFAULT")) return tabari_default(v, arg);
    if (tabari_command(u, cn, "COMMA")) return tabari_comma(v, arg);
    if (tabari_command(u, cn, "FORWARD")) return tabari_forward(v, arg);
    if (!tabari_command(u, cn, "SET")) return 0;
    const char *eq = strchr(arg, '=');
    const char *value = eq ? eq + 1 : "";
    while (*value == ' ')
        value++;
    if (strncmp(arg, "CODE", 4) == 0) {
        /* CODE BY CLAUSE (TABARI's default), BY SENTENCE, ALL */
        v->copts.code_by = strstr(arg, "SEN")   ? BEDE_CODE_FIRST
                           : strstr(arg, "ALL") ? BEDE_CODE_ALL
                                                : BEDE_CODE_CLAUSE;
    } else if (strncmp(arg, "MIN", 3) == 0 && isdigit((unsigned char)*value)) {
        v->copts.min_words = (uint32_t)strtoul(value, NULL, 10);
    } else if (strncmp(arg, "TIME", 4) == 0 && *value) {
        v->copts.time_shift = *value == 'T';
    } else if (strncmp(arg, "CONVERT", 7) == 0 && *value) {
        v->copts.agents_alone = *value == 'T';
    } else if (strncmp(arg, "YYYY", 4) == 0 && *value) {
        v->four_digit_years = *value == 'T';
        return 1;
    } else {
        return 0;
    }
    v->coders_stale = 1;
    return 1;
}

/* Reads the option commands of a TABARI .options file (LABEL: lines name
 * codes and are read with the dictionaries; `#` and `//` start
 * comments). */
static int apply_options_file(validation *v, const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "bede validate: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "#\r\n")] = '\0';
        char *slashes = strstr(line, "//");
        if (slashes) *slashes = '\0';
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        size_t n = strlen(p);
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            p[--n] = '\0';
        if (p[0] == '~') break; /* end mark */
        if (!n || strncasecmp(p, "LABEL", 5) == 0) continue;
        if (!apply_tabari_option(v, p)) note_option(v, p);
    }
    fclose(f);
    return 0;
}

/* The story number (N) and sentence number (S) of record id per the
 * FORWARD mask; a sentence number that is not a number is 0, as in
 * TABARI. */
static void forward_fields(const char *mask, const char *id, char *story,
                           size_t cap, long *sentence) {
    while (*mask == '^')
        mask++; /* the blanks before the id */
    size_t n = 0;
    char digits[32];
    size_t nd = 0;
    int numeric = 1;
    for (size_t i = 0; mask[i] && id[i]; i++) {
        if (mask[i] == 'N' && n + 1 < cap) story[n++] = id[i];
        if (mask[i] == 'S' && nd + 1 < sizeof digits) {
            if (!isdigit((unsigned char)id[i])) numeric = 0;
            digits[nd++] = id[i];
        }
    }
    story[n] = '\0';
    digits[nd] = '\0';
    *sentence = numeric && nd ? strtol(digits, NULL, 10) : 0;
}

/* TABARI's FORWARD: a record that goes on with the story of the record
 * coded before it (the same story number, the next sentence number) is
 * coded after that story's earlier records, so that its pronouns and
 * descriptions refer back to them; only the events of its own sentences
 * count (v->events_from). Sets *text and *len to what is coded. */
static int forward_text(validation *v, const in_record *rec, const char **text,
                        size_t *len) {
    v->events_from = 0;
    if (!v->forwarding) {
        v->story_len = 0;
        return 0;
    }
    char key[64];
    long sentence;
    forward_fields(v->forward_mask, rec->id, key, sizeof key, &sentence);
    if (!v->story_len || strcmp(key, v->story_key) != 0 ||
        sentence != v->story_sentence + 1)
        v->story_len = 0; /* a new story */
    char *s = realloc(v->story, v->story_len + 2 + rec->len + 1);
    if (!s) return -1;
    v->story = s;
    if (v->story_len) {
        memcpy(s + v->story_len, "\n\n", 2); /* a paragraph of its own */
        v->story_len += 2;
    }
    v->events_from = v->story_len;
    memcpy(s + v->story_len, rec->text, rec->len);
    v->story_len += rec->len;
    s[v->story_len] = '\0';
    snprintf(v->story_key, sizeof v->story_key, "%s", key);
    v->story_sentence = sentence;
    *text = v->story;
    *len = v->story_len;
    return 0;
}

/* PETRARCH <Config> options: require_dyad is the coder's require_target;
 * the others tune PETRARCH's parse-tree search and do not apply. TABARI
 * { OPTION: } lines: see apply_tabari_option. */
static void apply_options(validation *v, const in_record *rec, int petrarch) {
    for (size_t i = 0; i < rec->noptions; i++) {
        const char *o = rec->options[i];
        if (petrarch && strncmp(o, "require_dyad = ", 15) == 0) {
            v->require_target = strcasecmp(o + 15, "false") != 0;
            continue;
        }
        if (!petrarch && apply_tabari_option(v, o)) continue;
        char name[128];
        snprintf(name, sizeof name, "%s", o);
        char *eq = petrarch ? strstr(name, " = ") : NULL;
        if (eq) *eq = '\0';
        note_option(v, name);
    }
}

static void skip(validation *v, const in_record *rec, const char *why) {
    char line[700];
    snprintf(line, sizeof line, "%s: %s", rec->id, why);
    sl_add(&v->skips, line);
    v->skipped++;
}

static int out_of_memory(bede_error *err) {
    err->status = BEDE_ERR_NOMEM;
    snprintf(err->message, sizeof err->message, "out of memory");
    return BEDE_ERR_NOMEM;
}

/* Codes one validation record and compares. */
static void check_record(validation *v, in_record *rec) {
    int subset = (rec->expect & IN_EXP_SUBSET) != 0;
    if (rec->rejected) {
        v->failed++;
        printf("FAIL %s (%s:%u)\n  cannot be read: %s\n\n", rec->id, rec->file,
               rec->line, rec->reason);
        char line[800];
        snprintf(line, sizeof line, "%s\tcannot be read", rec->id);
        sl_add(&v->failures, line);
        long k = sl_find(&v->known, rec->id);
        if (k >= 0) v->known_failed[k] = 1;
        return;
    }
    if (rec->error_kind && strcmp(rec->error_kind, "bad_input_parse") == 0) {
        skip(v, rec,
             "tests PETRARCH's reading of a broken <Parse> tree, "
             "which bede does not use");
        return;
    }
    if ((rec->expect & IN_EXP_COMPLEX) && !rec->nevents) {
        skip(v, rec,
             "{+++}: TABARI's complexity limit, which bede does not "
             "have");
        return;
    }
    if (subset && !rec->nevents) {
        skip(v, rec, "-{...}: no event checked");
        return;
    }
    /* PETRARCH codes an actor missing from its dictionaries by its words
     * ("\"THE MINISTRY OF MAGIC\"", option new_actor_length); bede does
     * not, so such expectations are left out of the comparison. */
    size_t kept = 0;
    for (size_t i = 0; i < rec->nevents; i++) {
        in_expect *e = &rec->events[i];
        if (e->source[0] == '"' || e->target[0] == '"') {
            free(e->source);
            free(e->target);
            free(e->code);
        } else {
            rec->events[kept++] = *e;
        }
    }
    if (kept < rec->nevents) {
        int all = kept == 0;
        rec->nevents = kept;
        if (all) {
            skip(v, rec,
                 "expects only PETRARCH's text actors "
                 "(new_actor_length)");
            return;
        }
    }
    bede_worker *w = v->worker[v->require_target];
    triples_free(v->produced, v->nproduced);
    v->nproduced = 0;
    free(v->trace);
    v->trace = NULL;
    v->trace_len = 0;
    v->trace_f = v->verbose ? open_memstream(&v->trace, &v->trace_len) : NULL;
    bede_worker_trace(w, v->trace_f ? on_trace : NULL, v);
    bede_story story = {rec->id, rec->date};
    bede_story_stats stats;
    memset(&stats, 0, sizeof stats);
    bede_error err;
    memset(&err, 0, sizeof err);
    const char *text = rec->text;
    size_t len = rec->len;
    int n = forward_text(v, rec, &text, &len) < 0
                ? out_of_memory(&err)
                : bede_code(w, text, len, &story, on_event, v, &stats, &err);
    if (v->trace_f) {
        fclose(v->trace_f);
        v->trace_f = NULL;
    }

    /* Compare the sets: every expected event made, nothing else. */
    size_t nmissing = 0, nextra = 0;
    in_expect *missing = calloc(rec->nevents + 1, sizeof *missing);
    triple *extra = calloc(v->nproduced + 1, sizeof *extra);
    if (!missing || !extra) {
        free(missing);
        free(extra);
        return;
    }
    for (size_t i = 0; i < rec->nevents; i++) {
        int found = 0;
        for (size_t j = 0; j < v->nproduced && !found; j++)
            found = same(&rec->events[i], &v->produced[j]);
        int dup = 0; /* the same expectation written twice */
        for (size_t k = 0; k < nmissing && !dup; k++)
            dup = strcmp(missing[k].source, rec->events[i].source) == 0 &&
                  strcmp(missing[k].target, rec->events[i].target) == 0 &&
                  strcmp(missing[k].code, rec->events[i].code) == 0;
        if (!found && !dup) missing[nmissing++] = rec->events[i];
    }
    for (size_t j = 0; j < v->nproduced && !subset; j++) {
        int found = 0;
        for (size_t i = 0; i < rec->nevents && !found; i++)
            found = same(&rec->events[i], &v->produced[j]);
        if (!found) extra[nextra++] = v->produced[j];
    }
    int pass = n >= 0 && nmissing == 0 && nextra == 0;
    if (pass) {
        v->passed++;
    } else {
        v->failed++;
        char sum[1200] = "expected ";
        list_expected(sum, sizeof sum, rec->events, rec->nevents, "none");
        strncat(sum, "; produced ", sizeof sum - strlen(sum) - 1);
        if (n < 0)
            strncat(sum, "an error", sizeof sum - strlen(sum) - 1);
        else
            list_produced(sum, sizeof sum, v->produced, v->nproduced);
        char line[1400];
        snprintf(line, sizeof line, "%s\t%s", rec->id, sum);
        sl_add(&v->failures, line);
        if (!rec->nevents && v->nproduced) {
            char fa[1200] = "";
            list_produced(fa, sizeof fa, v->produced, v->nproduced);
            snprintf(line, sizeof line, "%s\t%s", rec->id, fa);
            sl_add(&v->false_alarms, line);
        }
        printf("FAIL %s (%s:%u)%s\n", rec->id, rec->file, rec->line,
               !rec->nevents && v->nproduced ? "  [false alarm]" : "");
        printf("  text:     %.*s\n", (int)rec->len, rec->text);
        long kw = sl_find(&v->known, rec->id);
        if (kw >= 0 && v->why.s[kw][0])
            printf("  known:    %s\n", v->why.s[kw]);
        char buf[1200] = "";
        list_expected(buf, sizeof buf, rec->events, rec->nevents,
                      rec->error_kind ? rec->error_kind : "none");
        printf("  expected: %s%s\n", buf,
               subset ? " (and possibly others)" : "");
        if (n < 0) {
            char msg[600];
            printf("  error:    %s\n",
                   bede_error_format(&err, msg, sizeof msg));
        } else {
            buf[0] = '\0';
            list_produced(buf, sizeof buf, v->produced, v->nproduced);
            printf("  produced: %s\n", buf);
            if (nmissing) {
                buf[0] = '\0';
                list_expected(buf, sizeof buf, missing, nmissing, "");
                printf("  missing:  %s\n", buf);
            }
            if (nextra) {
                buf[0] = '\0';
                list_produced(buf, sizeof buf, extra, nextra);
                printf("  extra:    %s\n", buf);
            }
        }
        if (n >= 0 && stats.discarded_story)
            printf("  story discarded by \"%s\"\n",
                   stats.discard ? stats.discard : "?");
        if (v->trace && v->trace_len) printf("  trace:\n%s", v->trace);
        putchar('\n');
    }
    long k = sl_find(&v->known, rec->id);
    if (k >= 0 && !pass) v->known_failed[k] = 1;
    free(missing);
    free(extra);
}

/* Reads --known-failures: the first word of each line that is not blank
 * or a # comment, and the reason after "# why: " up to " | ". */
static int load_known(validation *v) {
    FILE *f = fopen(v->known_path, "r");
    if (!f) {
        if (v->write_path) return 0; /* about to be written */
        fprintf(stderr, "bede validate: %s: %s\n", v->known_path,
                strerror(errno));
        return -1;
    }
    char line[2048];
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '#' || *p == '\n' || *p == '\r' || !*p) continue;
        size_t n = strcspn(p, " \t\r\n#");
        char *why = strstr(p + n, "# why: ");
        const char *reason = "";
        if (why) {
            reason = why + 7;
            char *bar = strstr(why, " | ");
            if (bar) *bar = '\0';
            else why[strcspn(why, "\r\n")] = '\0';
        }
        p[n] = '\0';
        if (sl_find(&v->known, p) < 0) {
            sl_add(&v->known, p);
            sl_add(&v->why, reason);
        }
    }
    fclose(f);
    v->known_failed = calloc(v->known.n + 1, 1);
    return v->known_failed ? 0 : -1;
}

static const char *base_name(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int write_known(const validation *v) {
    FILE *f = fopen(v->write_path, "w");
    if (!f) {
        fprintf(stderr, "bede validate: %s: %s\n", v->write_path,
                strerror(errno));
        return -1;
    }
    fprintf(f,
            "# Records of %s that bede does not code as expected yet, one id\n"
            "# per line; after '#' why it fails (\"why: ... |\", kept when the\n"
            "# file is written again), then the expected and the produced\n"
            "# events. Regenerate with: bede validate %s "
            "--write-known-failures THIS_FILE\n",
            base_name(v->suite), base_name(v->suite));
    for (size_t i = 0; i < v->failures.n; i++) {
        const char *tab = strchr(v->failures.s[i], '\t');
        int idlen =
            tab ? (int)(tab - v->failures.s[i]) : (int)strlen(v->failures.s[i]);
        char id[256];
        snprintf(id, sizeof id, "%.*s", idlen, v->failures.s[i]);
        long k = sl_find(&v->known, id);
        const char *why = k >= 0 && v->why.s[k][0] ? v->why.s[k] : NULL;
        fprintf(f, "%s  # %s%s%s%s\n", id, why ? "why: " : "", why ? why : "",
                why ? " | " : "", tab ? tab + 1 : "");
    }
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        fprintf(stderr, "bede validate: %s: write error\n", v->write_path);
        return -1;
    }
    printf("wrote %zu failures to %s\n", v->failures.n, v->write_path);
    return 0;
}

/* The folder of path, with a trailing '/' ("" for a bare name). */
static void dir_of(const char *path, char *buf, size_t cap) {
    const char *s = strrchr(path, '/');
    size_t n = s ? (size_t)(s - path) + 1 : 0;
    if (n >= cap) n = cap - 1;
    memcpy(buf, path, n);
    buf[n] = '\0';
}

static int add_dict(validation *v, const char *dir, const char *name,
                    int kind) {
    if (v->ndicts) return 0; /* --dict replaces the suite's files */
    char path[4096];
    bede_error err;
    char msg[1024];
    if (name[0] == '/')
        snprintf(path, sizeof path, "%s", name);
    else
        snprintf(path, sizeof path, "%s%s", dir, name);
    if (bede_dict_add_file(v->dict, path, BEDE_DICT_FORMAT_AUTO, kind, &err) <
        0) {
        fprintf(stderr, "bede validate: %s\n",
                bede_error_format(&err, msg, sizeof msg));
        return -1;
    }
    return 0;
}

/* (Re)builds the two coders (require_target off and on) and their workers
 * from v->copts. */
static int build_coders(validation *v) {
    bede_error err;
    char msg[1024];
    for (int rt = 0; rt < 2; rt++) {
        bede_worker_free(v->worker[rt]);
        bede_coder_free(v->coder[rt]);
        v->worker[rt] = NULL;
        bede_coder_options o = v->copts;
        o.require_target = rt;
        v->coder[rt] = bede_coder_new(v->dict, &o, &err);
        if (v->coder[rt]) v->worker[rt] = bede_worker_new(v->coder[rt], &err);
        if (!v->coder[rt] || !v->worker[rt]) {
            fprintf(stderr, "bede validate: %s\n",
                    bede_error_format(&err, msg, sizeof msg));
            return -1;
        }
    }
    v->coders_stale = 0;
    return 0;
}

/* Builds the two coders (and workers) over the loaded dictionary: the
 * --dict files, else the suite's, else (a suite naming none) bede's
 * bundled ones. */
static int make_coders(validation *v, int petrarch) {
    int none = 1;
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
        if (bede_dict_entry_count(v->dict, k)) none = 0;
    if (v->ndicts || none) {
        bede_dict *d = cli_load_dicts(v->dicts, v->ndicts);
        if (!d) return -1;
        bede_dict_free(v->dict);
        v->dict = d;
    }
    bede_coder_options *o = &v->copts;
    bede_coder_default_options(o);
    o->intents = 0; /* the peers code "will restore" as restoring */
    o->unknown_state = petrarch ? "---" : "~"; /* "---GOV", "~GOV" */
    o->statements = petrarch; /* PETRARCH-2 codes "X said" as well */
    if (!petrarch) {
        /* TABARI's defaults (manual, chapter 8): no DEFAULT actors (nor
         * PRIOR and AFTER until set), eight words at least, comma phrases
         * of 2 to 10 words left out (none at the start), time shifting on
         * (it is when the .verbs have <TIME> phrases) */
        o->default_source_prior = o->default_target_after = 0;
        o->min_words = 8;
        o->comma_phrases = 1;
        o->time_shift = 1;
        o->tabari_agents = 1;
        o->tabari_verbs = 1;
        o->tabari_search = 1;
        o->code_by = BEDE_CODE_CLAUSE;
        o->agents_alone = 0; /* SET: CONVERT AGENTS = FALSE */
        o->negation = 0; /* TABARI reads "not" only in patterns */
    }
    return build_coders(v);
}

static int category_included(const in_environment *env, const char *cat) {
    if (!cat) return 1;
    for (size_t i = 0; i < env->nexclude; i++)
        if (strcmp(env->exclude[i], cat) == 0) return 0;
    if (!env->ninclude) return 1;
    for (size_t i = 0; i < env->ninclude; i++)
        if (strcmp(env->include[i], cat) == 0) return 1;
    return 0;
}

/* A PETRARCH unit-test file. */
static int validate_petrarch(validation *v) {
    char msg[1024];
    in_reader *in = in_open(v->suite, IN_PETRARCH, msg, sizeof msg);
    if (!in) {
        fprintf(stderr, "bede validate: %s\n", msg);
        return -1;
    }
    in_record rec;
    memset(&rec, 0, sizeof rec);
    int rc = in_next(in, &rec), status = 0;
    /* The <Environment> precedes the records: read now. */
    const in_environment *env = in_environment_of(in);
    char dir[4096];
    dir_of(v->suite, dir, sizeof dir);
    struct {
        const char *name;
        int kind;
    } files[] = {{env->verbfile, BEDE_DICT_VERBS},
                 {env->actorfile, BEDE_DICT_ACTORS},
                 {env->agentfile, BEDE_DICT_AGENTS},
                 {env->discardfile, BEDE_DICT_DISCARDS}};
    for (size_t i = 0; i < sizeof files / sizeof files[0] && !status; i++)
        if (files[i].name && add_dict(v, dir, files[i].name, files[i].kind))
            status = -1;
    if (!status) status = make_coders(v, 1);
    v->require_target = 1; /* PETRARCH's require_dyad defaults to true */
    for (; rc == 1 && !status; rc = in_next(in, &rec)) {
        apply_options(v, &rec, 1);
        if (rec.stop) {
            printf("stopped at <Stop> (%s:%u)\n\n", rec.file, rec.line);
            in_record_free(&rec);
            break;
        }
        if (!category_included(env, rec.category)) {
            char why[200];
            snprintf(why, sizeof why,
                     "category %s is not in the file's <Include>",
                     rec.category);
            skip(v, &rec, why);
        } else {
            check_record(v, &rec);
        }
        in_record_free(&rec);
    }
    if (rc < 0) {
        fprintf(stderr, "bede validate: %s\n", rec.reason);
        status = -1;
    }
    in_record_free(&rec);
    in_close(in);
    return status;
}

/* A TABARI .project: <actorsfile>, <verbsfile>, <agentsfile>,
 * <optionsfile>, <textfile> lines (TABARI reads only the first two letters
 * of a tag). */
static int validate_tabari(validation *v) {
    FILE *f = fopen(v->suite, "rb");
    if (!f) {
        fprintf(stderr, "bede validate: %s: %s\n", v->suite, strerror(errno));
        return -1;
    }
    char dir[4096];
    dir_of(v->suite, dir, sizeof dir);
    strlist texts = {0};
    char options[4096 + 1024] = ""; /* dir + name */
    int status = 0;
    /* Old Mac files end lines in CR: read the whole file and split. */
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 + 1 > cap) {
            cap = cap ? 2 * cap : 65536;
            char *nb = realloc(buf, cap);
            if (!nb) break;
            buf = nb;
        }
        size_t got = fread(buf + len, 1, 4096, f);
        len += got;
        if (!got) break;
    }
    fclose(f);
    if (!buf) return -1;
    buf[len] = '\0';
    for (char *line = buf; line && *line && !status;) {
        char *end = line + strcspn(line, "\r\n");
        char *next = *end ? end + 1 : NULL;
        *end = '\0';
        if (line[0] == '<' && strlen(line) > 3) {
            const char *tag = line + 1;
            char *gt = strchr(line, '>');
            char name[1024] = "";
            if (gt) sscanf(gt + 1, " %1023s", name);
            int kind = strncmp(tag, "ac", 2) == 0   ? BEDE_DICT_ACTORS
                       : strncmp(tag, "ag", 2) == 0 ? BEDE_DICT_AGENTS
                       : strncmp(tag, "ve", 2) == 0 ? BEDE_DICT_VERBS
                       : strncmp(tag, "op", 2) == 0 ? BEDE_DICT_OPTIONS
                                                    : -1;
            if (name[0] && kind == BEDE_DICT_OPTIONS)
                /* its commands are read too, as run-time options */
                snprintf(options, sizeof options, "%s%s",
                         name[0] == '/' ? "" : dir, name);
            if (name[0] && kind >= 0)
                status = add_dict(v, dir, name, kind);
            else if (name[0] && strncmp(tag, "te", 2) == 0)
                sl_add(&texts, name);
        }
        line = next;
    }
    free(buf);
    if (!status && !texts.n) {
        fprintf(stderr, "bede validate: %s: expected a <textfile> line\n",
                v->suite);
        status = -1;
    }
    if (!status) status = make_coders(v, 0);
    /* the project's run-time options, then the records' */
    if (!status && options[0]) status = apply_options_file(v, options);
    if (!status && v->coders_stale) status = build_coders(v);
    /* TABARI codes an event only when it has both actors: no expectation
     * of its validation suite has a null actor. */
    v->require_target = 1;
    int stopped = 0;
    for (size_t t = 0; t < texts.n && !status && !stopped; t++) {
        char path[4096], msg[1024];
        snprintf(path, sizeof path, "%s%s", texts.s[t][0] == '/' ? "" : dir,
                 texts.s[t]);
        in_reader *in = in_open(path, IN_TABARI, msg, sizeof msg);
        if (!in) {
            fprintf(stderr, "bede validate: %s\n", msg);
            status = -1;
            break;
        }
        in_record rec;
        memset(&rec, 0, sizeof rec);
        int rc;
        in_set_four_digit_years(in, v->four_digit_years);
        while ((rc = in_next(in, &rec)) == 1) {
            if (rec.stop) {
                /* TABARI's validation ends at a record without fields */
                printf("stopped at %s (%s:%u): a record without validation "
                       "fields\n\n",
                       rec.id, rec.file, rec.line);
                stopped = 1;
                in_record_free(&rec);
                break;
            }
            if (rec.expect == IN_EXP_OPTIONS)
                skip(v, &rec, "options only");
            else
                check_record(v, &rec);
            /* its options hold for the records that follow */
            apply_options(v, &rec, 0);
            in_set_four_digit_years(in, v->four_digit_years);
            in_record_free(&rec);
            if (v->coders_stale && build_coders(v) < 0) {
                status = -1;
                break;
            }
        }
        if (rc < 0) {
            fprintf(stderr, "bede validate: %s\n", rec.reason);
            status = -1;
        }
        in_record_free(&rec);
        in_close(in);
    }
    sl_free(&texts);
    return status;
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Reads the options of bede validate into v: -1 to go on, else the exit
 * status. */
static int validate_args(validation *v, int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            v->verbose = 1;
        } else if (strcmp(a, "--dict") == 0) {
            if (!val) {
                fprintf(stderr, "bede validate: option '%s' needs a value\n",
                        a);
                return 2;
            }
            v->dicts[v->ndicts++] = val;
            i++;
        } else if (strcmp(a, "--known-failures") == 0 ||
                   strcmp(a, "--write-known-failures") == 0) {
            if (!val) {
                fprintf(stderr, "bede validate: option '%s' needs a value\n",
                        a);
                return 2;
            }
            if (a[2] == 'k')
                v->known_path = val;
            else
                v->write_path = val;
            i++;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            validate_usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "bede validate: unknown option '%s'\n", a);
            validate_usage(stderr);
            return 2;
        } else if (v->suite) {
            fprintf(stderr, "bede validate: one suite at a time\n");
            return 2;
        } else {
            v->suite = a;
        }
    }
    if (!v->suite) {
        validate_usage(stderr);
        return 2;
    }
    if (!ends_with(v->suite, ".xml") && !ends_with(v->suite, ".project")) {
        fprintf(stderr,
                "bede validate: %s: expected a PETRARCH .xml file or a TABARI "
                ".project\n",
                v->suite);
        return 2;
    }
    return -1;
}

int bede_validate_main(int argc, char **argv) {
    validation v;
    memset(&v, 0, sizeof v);
    v.dicts = calloc((size_t)argc + 1, sizeof *v.dicts);
    if (!v.dicts) return 1;
    int args = validate_args(&v, argc, argv);
    if (args >= 0) {
        free(v.dicts);
        return args;
    }
    int petrarch = ends_with(v.suite, ".xml");
    bede_error err;
    int status = 0;
    v.dict = bede_dict_new(NULL, &err);
    /* the file about to be written gives the reasons it keeps */
    if (v.write_path && !v.known_path) v.known_path = v.write_path;
    if (!v.dict || (v.known_path && load_known(&v) < 0)) status = -1;
    if (!status)
        status = petrarch ? validate_petrarch(&v) : validate_tabari(&v);

    int rc = 1;
    if (!status) {
        if (v.false_alarms.n) {
            printf("false alarms (events where none were expected): %zu\n",
                   v.false_alarms.n);
            for (size_t i = 0; i < v.false_alarms.n; i++) {
                char *tab = strchr(v.false_alarms.s[i], '\t');
                if (tab) *tab = '\0';
                printf("  %s: %s\n", v.false_alarms.s[i], tab ? tab + 1 : "");
            }
        }
        if (v.skipped) {
            printf("skipped: %zu\n", v.skipped);
            for (size_t i = 0; i < v.skips.n; i++)
                printf("  %s\n", v.skips.s[i]);
        }
        if (v.unsupported.n) {
            printf("options not applied:");
            for (size_t i = 0; i < v.unsupported.n; i++)
                printf("%s %s", i ? ";" : "", v.unsupported.s[i]);
            putchar('\n');
        }
        size_t unknown = 0;
        if (v.known_path) {
            size_t newly = 0;
            for (size_t i = 0; i < v.known.n; i++)
                if (!v.known_failed[i]) newly++;
            if (newly) {
                printf("newly passing (can be removed from %s):", v.known_path);
                for (size_t i = 0; i < v.known.n; i++)
                    if (!v.known_failed[i]) printf(" %s", v.known.s[i]);
                putchar('\n');
            }
            for (size_t i = 0; i < v.failures.n; i++) {
                char id[512];
                snprintf(id, sizeof id, "%.*s",
                         (int)strcspn(v.failures.s[i], "\t"), v.failures.s[i]);
                if (sl_find(&v.known, id) < 0) {
                    if (!unknown++)
                        printf("new failures (not in %s):", v.known_path);
                    printf(" %s", id);
                }
            }
            if (unknown) putchar('\n');
        }
        size_t checked = v.passed + v.failed;
        printf("pass rate: %.1f%% (%zu of %zu records checked, %zu "
               "skipped)\n",
               checked ? 100.0 * (double)v.passed / (double)checked : 0.0,
               v.passed, checked, v.skipped);
        printf("%zu passed, %zu failed\n", v.passed, v.failed);
        if (v.write_path)
            rc = write_known(&v) < 0 ? 1 : 0;
        else if (v.known_path)
            rc = unknown ? 1 : 0;
        else
            rc = v.failed ? 1 : 0;
    }
    for (int k = 0; k < 2; k++) {
        bede_worker_free(v.worker[k]);
        bede_coder_free(v.coder[k]);
    }
    bede_dict_free(v.dict);
    sl_free(&v.known);
    sl_free(&v.why);
    free(v.known_failed);
    sl_free(&v.unsupported);
    sl_free(&v.failures);
    sl_free(&v.false_alarms);
    sl_free(&v.skips);
    free(v.trace);
    free(v.story);
    free(v.dicts);
    triples_free(v.produced, v.nproduced);
    free(v.produced);
    return rc;
}
