/*
 * Tests of the part-of-speech tagger: accuracy on the held-out Brown press
 * reportage files (ca04, ca08, ..., ca44) mapped to Penn Treebank tags and
 * split as bede's tokenizer splits words, accuracy on the held-out news
 * sentences of data/tagger/news.tagged (every fifth), speed, the model
 * loader's errors, and edge cases.
 *
 * The corpus is read and mapped by the trainer's own code (included below),
 * so the test sees exactly the tokens and tags the model was trained on.
 */
#define BEDE_TRAIN_TAGGER_NO_MAIN
#include "../tools/train_tagger.c"

#include "harness.h"

#include <time.h>
#include <unistd.h>

/* Defined in src/tagger.c. */

/* The floor asserted on the held-out files (percent of tokens). */
#define ACCURACY_FLOOR 96.5
/* The floor on the held-out news sentences (measured: 95.43%). */
#define NEWS_ACCURACY_FLOOR 93.5

static const char *const heldout_files[] = {"ca04", "ca08", "ca12", "ca16",
                                            "ca20", "ca24", "ca28", "ca32",
                                            "ca36", "ca40", "ca44"};

static bool sanitized(void) {
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

static bool optimized(void) {
#ifdef __OPTIMIZE__
    bool opt = true;
#else
    bool opt = false;
#endif
    return opt && !sanitized();
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const char *map_path(void) {
    return BEDE_SOURCE_DIR "/data/tagger/brown-ptb.tsv";
}

static const char *news_path(void) {
    return BEDE_SOURCE_DIR "/data/tagger/news.tagged";
}

/* The corpus, read once for the tests that need it: train is the Brown
 * training files plus the news training sentences (once each), test the
 * held-out Brown files, news the held-out news sentences. */
typedef struct corpora {
    brown_corpus train, test, news;
    long news_sentences;
    bool ok;
} corpora;

static corpora *get_corpora(void) {
    static corpora c;
    static bool tried;
    if (!tried) {
        tried = true;
        c.ok = brown_load(&c.train, BEDE_BROWN_DIR, map_path(), false) == 0 &&
               brown_load(&c.test, BEDE_BROWN_DIR, map_path(), true) == 0;
        if (c.ok) {
            c.news_sentences = news_read_file(&c.train, &c.news, news_path(), 1);
            c.ok = c.news_sentences > 0 && brown_finish(&c.train) == 0 &&
                   brown_finish(&c.news) == 0;
        }
        if (!c.ok)
            fprintf(stderr, "cannot read the Brown corpus in %s "
                            "(run scripts/install-deps.sh)\n",
                    BEDE_BROWN_DIR);
    }
    return &c;
}

static void t_heldout_files_are_named(void) {
    char(*names)[8] = malloc(600 * sizeof *names);
    int n = brown_list_files(BEDE_BROWN_DIR, names, 600);
    CHECK(n == 500);
    size_t held = 0;
    for (int i = 0; i < n; i++) {
        bool listed = false;
        for (size_t k = 0; k < sizeof heldout_files / sizeof *heldout_files;
             k++)
            if (strcmp(names[i], heldout_files[k]) == 0) listed = true;
        CHECK(brown_is_heldout(names[i]) == listed);
        held += listed;
    }
    CHECK_INT(held, sizeof heldout_files / sizeof *heldout_files);
    free(names);
}

static void t_mapping(void) {
    /* one sentence through the Brown -> PTB mapping */
    brown_map m = {0};
    CHECK(brown_map_load(&m, map_path()) == 0);
    brown_corpus c = {0};
    char line[] = "\tThe/at Fulton/np-tl County/nn-tl Grand/jj-tl Jury/nn-tl "
                  "said/vbd Atlanta's/np$ workers/nns didn't/dod* go/vb ,/, "
                  "``/`` I'm/ppss+bem sure/jj ''/'' they/ppss go/vb --/-- "
                  "can't/md* all/abn the/at ;/. what's/wdt+bez cannot/md* ./.";
    unsigned dollars = 0;
    CHECK(brown_add_line(&c, &m, line, &dollars) == 0);
    CHECK(brown_finish(&c) == 0);
    static const char *const want[][2] = {
        {"The", "DT"},    {"Fulton", "NNP"}, {"County", "NNP"},
        {"Grand", "NNP"}, {"Jury", "NNP"},   {"said", "VBD"},
        {"Atlanta", "NNP"}, {"'s", "POS"},   {"workers", "NNS"},
        {"did", "VBD"},   {"n't", "RB"},     {"go", "VB"},
        {",", ","},       {"\"", "``"},      {"I", "PRP"},
        {"'m", "VBP"},    {"sure", "JJ"},    {"\"", "''"},
        {"they", "PRP"},  {"go", "VBP"},     {"--", ":"},
        {"ca", "MD"},     {"n't", "RB"},     {"all", "PDT"},
        {"the", "DT"},    {";", ":"},        {"what", "WP"},
        {"'s", "VBZ"},    {"cannot", "MD"},  {".", "."}};
    size_t nwant = sizeof want / sizeof want[0];
    CHECK_INT(c.ntok, nwant);
    for (size_t i = 0; i < nwant && i < c.ntok; i++) {
        CHECK_STR(c.words[i], want[i][0]);
        CHECK_STR(bede_tag_name(c.tag[i]), want[i][1]);
    }
    brown_corpus_free(&c);
    free(m.v);
}

/* Accuracy of the built-in model on test, and on the words of test not in
 * train (percent). */
static void accuracy(const brown_corpus *test, const brown_corpus *train,
                     double *acc_out, double *uacc_out, size_t *unknown_out) {
    bede_error err;
    tagger *t = tagger_new_builtin(&err);
    CHECK(t != NULL);
    *acc_out = *uacc_out = 0;
    *unknown_out = 0;
    if (!t) return;
    tag_accuracy a;
    CHECK_INT(brown_accuracy(t, test, train, &a), 0);
    *acc_out = a.tokens ? 100.0 * (double)a.right / (double)a.tokens : 0;
    *uacc_out = a.unknown ? 100.0 * (double)a.unknown_right / (double)a.unknown
                          : 0.0;
    *unknown_out = a.unknown;
    tagger_free(t);
}

static void t_heldout_accuracy(void) {
    corpora *c = get_corpora();
    CHECK(c->ok);
    if (!c->ok) return;
    double acc, uacc;
    size_t unknown;
    accuracy(&c->test, &c->train, &acc, &uacc, &unknown);
    printf("held-out ca04 ca08 ... ca44: %zu sentences, %zu tokens; "
           "accuracy %.2f%%; unknown words %.2f%% of %zu\n",
           c->test.nsent, c->test.ntok, acc, uacc, unknown);
    CHECK(c->test.ntok > 20000);
    CHECK(acc >= ACCURACY_FLOOR);
    CHECK(uacc >= 80.0);
}

static void t_news_heldout_accuracy(void) {
    corpora *c = get_corpora();
    CHECK(c->ok);
    if (!c->ok) return;
    double acc, uacc;
    size_t unknown;
    accuracy(&c->news, &c->train, &acc, &uacc, &unknown);
    printf("held-out news sentences (every fifth of %ld): %zu sentences, "
           "%zu tokens; accuracy %.2f%%; unknown words %.2f%% of %zu\n",
           c->news_sentences, c->news.nsent, c->news.ntok, acc, uacc,
           unknown);
    CHECK(c->news_sentences >= 400);
    CHECK_INT(c->news.nsent, (size_t)c->news_sentences / 5);
    CHECK(acc >= NEWS_ACCURACY_FLOOR);
}

/* Malformed news lines fail with file:line:column (printed on stderr). */
static void t_news_file_errors(void) {
    static const char *const bad[] = {
        "Iran/NNP condemns/VBZ  the/DT raid/NN\n", /* empty token */
        "Iran/NNP condemns/XYZ\n",                 /* unknown tag */
        "Iran/NNP condemns\n",                     /* no slash */
        "/NNP condemns/VBZ\n",                     /* empty word */
        "Iran/ condemns/VBZ\n",                    /* empty tag */
        "Iran/NNP\tcondemns/VBZ\n",               /* a tab */
    };
    char path[] = "/tmp/bede-test-news-XXXXXX";
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int fd = mkstemp(path);
        CHECK(fd >= 0);
        if (fd < 0) return;
        FILE *f = fdopen(fd, "w");
        fprintf(f, "# a comment\nThe/DT talks/NNS resumed/VBD ./.\n%s",
                bad[i]);
        fclose(f);
        brown_corpus train = {0}, test = {0};
        CHECK(news_read_file(&train, &test, path, 3) == -1);
        brown_corpus_free(&train);
        brown_corpus_free(&test);
        unlink(path);
        memcpy(path + strlen(path) - 6, "XXXXXX", 6);
    }
    /* a good file: sentence 5 is held out, the others are added 3 times */
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    FILE *f = fdopen(fd, "w");
    for (int i = 0; i < 6; i++)
        fprintf(f, "%sSanctions/NNS bite/VBP ./.\n\n", i == 2 ? "# x\n" : "");
    fclose(f);
    brown_corpus train = {0}, test = {0};
    CHECK(news_read_file(&train, &test, path, 3) == 6);
    CHECK_INT(train.nsent, 15);
    CHECK_INT(test.nsent, 1);
    CHECK(brown_finish(&train) == 0 && brown_finish(&test) == 0);
    CHECK_STR(test.words[1], "bite");
    CHECK_STR(bede_tag_name(test.tag[1]), "VBP");
    brown_corpus_free(&train);
    brown_corpus_free(&test);
    unlink(path);
}

static void t_speed_and_load_time(void) {
    corpora *c = get_corpora();
    if (!c->ok) return;
    bede_error err;
    double t0 = now();
    int loads = 5;
    for (int i = 0; i < loads; i++) tagger_free(tagger_new_builtin(&err));
    double load_ms = (now() - t0) * 1000.0 / loads;
    tagger *t = tagger_new_builtin(&err);
    CHECK(t != NULL);
    if (!t) return;
    const brown_corpus *test = &c->test;
    uint8_t *tags = malloc(test->ntok);
    size_t tokens = 0;
    int rounds = optimized() ? 20 : 2;
    t0 = now();
    for (int r = 0; r < rounds; r++)
        for (size_t s = 0; s < test->nsent; s++) {
            tagger_tag(t, test->words + test->sent[s].first,
                       test->len + test->sent[s].first, test->sent[s].n,
                       tags + test->sent[s].first);
            tokens += test->sent[s].n;
        }
    double secs = now() - t0;
    double rate = (double)tokens / secs;
    /* figures only: tests never assert timings (make bench measures) */
    printf("builtin model load %.1f ms; tagging %.2fM tokens/s%s\n", load_ms,
           rate / 1e6, optimized() ? "" : " (unoptimised build)");
    free(tags);
    tagger_free(t);
}

static void t_deterministic(void) {
    corpora *c = get_corpora();
    if (!c->ok) return;
    bede_error err;
    tagger *a = tagger_new_builtin(&err);
    tagger *b = tagger_new_file(BEDE_SOURCE_DIR "/data/tagger/bede-pos.model",
                                &err);
    CHECK(a && b);
    if (a && b) {
        const brown_corpus *test = &c->test;
        uint8_t *ta = malloc(test->ntok), *tb = malloc(test->ntok);
        for (size_t s = 0; s < test->nsent; s++) {
            size_t f = test->sent[s].first;
            tagger_tag(a, test->words + f, test->len + f, test->sent[s].n,
                       ta + f);
            tagger_tag(b, test->words + f, test->len + f, test->sent[s].n,
                       tb + f);
        }
        CHECK(memcmp(ta, tb, test->ntok) == 0);
        /* again with the same tagger: nothing is remembered */
        for (size_t s = 0; s < test->nsent; s++) {
            size_t f = test->sent[s].first;
            tagger_tag(a, test->words + f, test->len + f, test->sent[s].n,
                       tb + f);
        }
        CHECK(memcmp(ta, tb, test->ntok) == 0);
        free(ta);
        free(tb);
    }
    tagger_free(a);
    tagger_free(b);
}

/* Tags a space-separated sentence; returns the tags, space-separated. */
static const char *tag_line(const tagger *t, const char *text, char *out,
                            size_t cap) {
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", text);
    const char *words[128];
    uint32_t lens[128];
    uint8_t tags[128];
    size_t n = 0;
    char *save = NULL;
    for (char *w = strtok_r(buf, " ", &save); w && n < 128;
         w = strtok_r(NULL, " ", &save)) {
        words[n] = w;
        lens[n++] = (uint32_t)strlen(w);
    }
    tagger_tag(t, words, lens, n, tags);
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(out + o, o < cap ? cap - o : 0, "%s%s",
                              i ? " " : "", bede_tag_name(tags[i]));
    return out;
}

static void t_news_sentences(void) {
    bede_error err;
    tagger *t = tagger_new_builtin(&err);
    CHECK(t != NULL);
    if (!t) return;
    char out[1024];
    CHECK_STR(tag_line(t, "The president said he would veto the bill .", out,
                       sizeof out),
              "DT NN VBD PRP MD VB DT NN .");
    CHECK_STR(tag_line(t, "Police arrested 12 protesters in Tehran on Friday .",
                       out, sizeof out),
              "NNS VBD CD NNS IN NNP IN NNP .");
    CHECK_STR(tag_line(t, "Iran 's foreign minister did n't attend .", out,
                       sizeof out),
              "NNP POS JJ NN VBD RB VB .");
    CHECK_STR(tag_line(t, "\" We will not negotiate , \" he said .", out,
                       sizeof out),
              "`` PRP MD RB VB , '' PRP VBD .");
    /* news-domain checks (these sentences are not in news.tagged) */
    CHECK_STR(tag_line(t, "Turkey 's foreign ministry spokesman strongly "
                          "condemned Russia 's strikes on Kharkiv .",
                       out, sizeof out),
              "NNP POS JJ NN NN RB VBD NNP POS NNS IN NNP .");
    CHECK_STR(tag_line(t, "The U.S. bore responsibility for the collapse of "
                          "the talks , he said .",
                       out, sizeof out),
              "DT NNP VBD NN IN DT NN IN DT NNS , PRP VBD .");
    CHECK_STR(tag_line(t, "Egypt Condemns Israeli Strike on Rafah",
                       out, sizeof out),
              "NNP VBZ JJ NN IN NNP");
    CHECK_STR(tag_line(t, "Four soldiers were killed in the ambush , the "
                          "army said on Sunday .",
                       out, sizeof out),
              "CD NNS VBD VBN IN DT NN , DT NN VBD IN NNP .");
    tagger_free(t);
}

static void t_empty_sentence(void) {
    bede_error err;
    tagger *t = tagger_new_builtin(&err);
    CHECK(t != NULL);
    uint8_t tag = 77;
    tagger_tag(t, NULL, NULL, 0, &tag);
    CHECK_INT(tag, 77);
    const char *w[1] = {"Hello"};
    uint32_t l[1] = {5};
    tagger_tag(t, w, l, 1, &tag);
    CHECK(tag < BEDE_TAG_COUNT);
    tagger_free(t);
}

static void t_long_sentence_is_linear(void) {
    bede_error err;
    tagger *t = tagger_new_builtin(&err);
    CHECK(t != NULL);
    if (!t) return;
    enum { N = 100000 };
    static const char *const vocab[] = {"the", "protesters", "marched", "on",
                                        "Parliament", ",", "and", "police",
                                        "fired", "tear", "gas", "1,200"};
    size_t nv = sizeof vocab / sizeof vocab[0];
    const char **words = malloc(N * sizeof *words);
    uint32_t *lens = malloc(N * sizeof *lens);
    uint8_t *tags = malloc(N);
    for (size_t i = 0; i < N; i++) {
        words[i] = vocab[(i * 7 + i / 3) % nv];
        lens[i] = (uint32_t)strlen(words[i]);
    }
    double t0 = now();
    tagger_tag(t, words, lens, 10000, tags);
    double small = now() - t0;
    t0 = now();
    tagger_tag(t, words, lens, N, tags);
    double big = now() - t0;
    bool valid = true;
    for (size_t i = 0; i < N; i++) valid &= tags[i] < BEDE_TAG_COUNT;
    CHECK(valid);
    printf("100,000-token sentence: %.1f ms (10,000 tokens: %.1f ms)\n",
           big * 1000, small * 1000);
    CHECK(big < 5.0);
    CHECK(big < small * 30 + 0.05); /* ~10x: linear, not quadratic */
    free(words);
    free(lens);
    free(tags);
    tagger_free(t);
}

static void t_odd_bytes(void) {
    bede_error err;
    tagger *t = tagger_new_builtin(&err);
    CHECK(t != NULL);
    if (!t) return;
    static char long_word[5000];
    memset(long_word, 'a', sizeof long_word - 1);
    long_word[0] = 'Z';
    const char *words[] = {"\xff\xfe", "caf\xc3", "\xc3\xa9t\xc3\xa9",
                           "", "a\tb", "\x01\x02", "\xe2\x80\x99",
                           long_word, "\"", "'", "U.S.", "$", "12%",
                           "#iran", "http://example.com/a?b=c", "\x80"};
    size_t n = sizeof words / sizeof words[0];
    uint32_t lens[16];
    uint8_t tags[16];
    for (size_t i = 0; i < n; i++) lens[i] = (uint32_t)strlen(words[i]);
    tagger_tag(t, words, lens, n, tags);
    for (size_t i = 0; i < n; i++) CHECK(tags[i] < BEDE_TAG_COUNT);
    /* every word alone, too (window boundaries on both sides) */
    for (size_t i = 0; i < n; i++) {
        tagger_tag(t, words + i, lens + i, 1, tags);
        CHECK(tags[0] < BEDE_TAG_COUNT);
    }
    tagger_free(t);
}

static void t_missing_file(void) {
    bede_error err;
    memset(&err, 0, sizeof err);
    tagger *t = tagger_new_file("/nonexistent/bede-pos.model", &err);
    CHECK(t == NULL);
    CHECK_INT(err.status, BEDE_ERR_IO);
    CHECK_STR(err.file, "/nonexistent/bede-pos.model");
    CHECK(tagger_new_file("/nonexistent/bede-pos.model", NULL) == NULL);
    CHECK(tagger_new_file(NULL, &err) == NULL);
}

/* Writes text to a temporary file and loads it as a model. */
static tagger *load_text(const char *text, size_t len, bede_error *err) {
    char path[] = "/tmp/bede-test-model-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return NULL;
    FILE *f = fdopen(fd, "wb");
    fwrite(text, 1, len, f);
    fclose(f);
    memset(err, 0, sizeof *err);
    tagger *t = tagger_new_file(path, err);
    unlink(path);
    return t;
}

/* A small valid model: header lines, then the given body. */
static size_t small_model(char *buf, size_t cap, const char *counts,
                          const char *body) {
    char tl[1024];
    size_t o = (size_t)snprintf(buf, cap, "bede-pos-model 1\n# a test\ntags");
    for (int i = 0; i < BEDE_TAG_COUNT; i++)
        o += (size_t)snprintf(buf + o, cap - o, " %s", bede_tag_name(i));
    o += (size_t)snprintf(buf + o, cap - o, "\ntemplates %s\n%s\n%s",
                          tagger_train_template_names(tl, sizeof tl), counts,
                          body);
    return o;
}

typedef struct bad_model {
    const char *counts, *body;
    uint32_t line, column; /* expected position (0: any) */
    int status;
} bad_model;

static void t_malformed_models(void) {
    bede_error err;
    char buf[8192];
    /* the small model itself loads and tags */
    size_t len = small_model(buf, sizeof buf, "counts 1 2 3",
                             "d the DT\nf w dog NN:50 VB:-3\nf bias NN:1\n");
    tagger *t = load_text(buf, len, &err);
    CHECK(t != NULL);
    if (t) {
        const char *w[2] = {"the", "dog"};
        uint32_t l[2] = {3, 3};
        uint8_t tg[2];
        tagger_tag(t, w, l, 2, tg);
        CHECK_INT(tg[0], BEDE_TAG_DT);
        CHECK_INT(tg[1], BEDE_TAG_NN);
        tagger_free(t);
    }
    /* header errors */
    t = load_text("hello\n", 6, &err);
    CHECK(t == NULL);
    CHECK_INT(err.status, BEDE_ERR_SYNTAX);
    CHECK_INT(err.line, 1);
    CHECK_INT(err.column, 1);
    CHECK(strstr(err.message, "expected") != NULL);
    t = load_text("bede-pos-model 2\n", 17, &err);
    CHECK(t == NULL);
    CHECK_INT(err.status, BEDE_ERR_FORMAT);
    CHECK_INT(err.line, 1);
    CHECK_INT(err.column, 16);
    t = load_text("", 0, &err);
    CHECK(t == NULL);
    CHECK_INT(err.status, BEDE_ERR_SYNTAX);
    t = load_text("bede-pos-model 1\ntags CC CD XX\n", 31, &err);
    CHECK(t == NULL);
    CHECK_INT(err.line, 2);
    CHECK_INT(err.column, 12);
    /* body errors: lines 1-5 are the header, the body starts on line 6 */
    static const bad_model bad[] = {
        {"counts 1 1 1", "f w dog NN:abc\n", 6, 12, BEDE_ERR_SYNTAX},
        {"counts 0 1 1", "f w dog NN:40000\n", 6, 12, BEDE_ERR_SYNTAX},
        {"counts 0 1 1", "f w dog XX:4\n", 6, 9, BEDE_ERR_SYNTAX},
        {"counts 0 1 1", "f w dog NN4\n", 6, 9, BEDE_ERR_SYNTAX},
        {"counts 0 1 1", "f nope dog NN:4\n", 6, 3, BEDE_ERR_SYNTAX},
        {"counts 0 1 1", "f t12 NN\n", 6, 9, BEDE_ERR_SYNTAX},
        {"counts 0 2 2", "f w dog NN:1\nf w dog VB:1\n", 7, 3,
         BEDE_ERR_SYNTAX},
        {"counts 0 1 2", "f w dog NN:1 NN:2\n", 6, 14, BEDE_ERR_SYNTAX},
        {"counts 0 2 2", "f w dog NN:1\n", 7, 1, BEDE_ERR_SYNTAX},
        {"counts 0 1 1", "f w dog NN:1 VB:2\n", 6, 14, BEDE_ERR_SYNTAX},
        {"counts 0 1 1", "f w dog NN:1\nf w cat NN:1\n", 7, 3,
         BEDE_ERR_SYNTAX},
        {"counts 1 0 0", "d the\n", 6, 6, BEDE_ERR_SYNTAX},
        {"counts 1 0 0", "d the DT extra\n", 6, 10, BEDE_ERR_SYNTAX},
        {"counts 2 0 0", "d the DT\nd the NN\n", 7, 3, BEDE_ERR_SYNTAX},
        {"counts x 0 0", "", 5, 8, BEDE_ERR_SYNTAX},
        {"counts 9999999 9999999 9999999", "", 5, 1, BEDE_ERR_SYNTAX},
        {"counts 0 0 0", "what is this\n", 6, 1, BEDE_ERR_SYNTAX},
        {"counts 0 0 0\ncounts 0 0 0", "", 6, 1, BEDE_ERR_SYNTAX},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        len = small_model(buf, sizeof buf, bad[i].counts, bad[i].body);
        t = load_text(buf, len, &err);
        CHECK(t == NULL);
        tagger_free(t);
        CHECK_INT(err.status, bad[i].status);
        if (err.line != bad[i].line || err.column != bad[i].column) {
            char msg[1024];
            fprintf(stderr, "case %zu: %s\n", i,
                    bede_error_format(&err, msg, sizeof msg));
        }
        CHECK_INT(err.line, bad[i].line);
        CHECK_INT(err.column, bad[i].column);
        CHECK(strstr(err.message, "expected") != NULL);
    }
    /* a model must be NUL-free text */
    len = small_model(buf, sizeof buf, "counts 0 1 1", "f w d\0g NN:1\n");
    t = load_text(buf, len + 8, &err);
    CHECK(t == NULL);
    tagger_free(t);
}

/* Every prefix and many one-byte corruptions of a small model either load
 * or fail with an error; none crashes. */
static void t_truncated_and_corrupted(void) {
    char buf[8192], tmp[8192];
    bede_error err;
    size_t len = small_model(buf, sizeof buf, "counts 2 3 5",
                             "d the DT\nd a DT\nf w dog NN:50 VB:-3\n"
                             "f t1w DT dog NN:7\nf bias NN:1 JJ:2\n");
    size_t loaded = 0;
    for (size_t cut = 0; cut < len; cut += 3) {
        tagger *t = load_text(buf, cut, &err);
        if (t) {
            loaded++;
        } else {
            CHECK(err.status != 0);
            CHECK(err.message[0] != 0);
        }
        tagger_free(t);
    }
    CHECK(loaded <= 2); /* only cuts inside the final newline may load */
    static const char junk[] = {'\0', '\n', ' ', ':', '-', '9', 'x', '\xff'};
    for (size_t pos = 0; pos < len; pos += 5) {
        memcpy(tmp, buf, len);
        tmp[pos] = junk[pos % sizeof junk];
        tagger *t = load_text(tmp, len, &err);
        tagger_free(t);
    }
    CHECK(1);
}

TEST_MAIN(TEST(t_heldout_files_are_named), TEST(t_mapping),
          TEST(t_heldout_accuracy), TEST(t_news_heldout_accuracy),
          TEST(t_news_file_errors), TEST(t_speed_and_load_time),
          TEST(t_deterministic), TEST(t_news_sentences),
          TEST(t_empty_sentence), TEST(t_long_sentence_is_linear),
          TEST(t_odd_bytes), TEST(t_missing_file), TEST(t_malformed_models),
          TEST(t_truncated_and_corrupted))
