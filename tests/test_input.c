/*
 * Readers and writers of `bede code` and `bede validate` (tools/input.c,
 * tools/output.c), over tiny inputs written here.
 */
#include "../tools/input.h"
#include "../tools/output.h"
#include "harness.h"

#include <jansson.h>

/* A reader over a string. */
static in_reader *open_text(const char *text, in_kind kind, FILE **f) {
    *f = fmemopen((void *)text, strlen(text), "rb");
    if (!*f) return NULL;
    return in_open_stream(*f, "t", kind);
}

/* Reads every record of text; returns how many, records in out. */
static size_t read_all(const char *text, in_kind kind, in_record *out,
                       size_t cap) {
    FILE *f;
    in_reader *in = open_text(text, kind, &f);
    CHECK(in != NULL);
    if (!in) return 0;
    size_t n = 0;
    in_record r = {0};
    int rc;
    while ((rc = in_next(in, &r)) == 1) {
        if (n < cap)
            out[n] = r;
        else
            in_record_free(&r);
        memset(&r, 0, sizeof r);
        n++;
    }
    CHECK_INT(rc, 0);
    in_close(in);
    fclose(f);
    return n;
}

static void free_all(in_record *r, size_t n) {
    for (size_t i = 0; i < n; i++)
        in_record_free(&r[i]);
}

static void test_kinds(void) {
    CHECK_INT(in_kind_from_path("a/b.jsonl"), IN_JSONL);
    CHECK_INT(in_kind_from_path("x.xml"), IN_PETRARCH);
    CHECK_INT(in_kind_from_path("story.txt"), IN_TEXT);
    CHECK_INT(in_kind_from_path("-"), IN_TEXT);
    CHECK_INT(in_kind_from_name("tabari"), IN_TABARI);
    CHECK_INT(in_kind_from_name("nope"), -1);
    CHECK_STR(in_kind_name(IN_PARAS), "paras");
}

static void test_dates(void) {
    CHECK_INT(in_parse_date("2024-03-05", 10), 20240305);
    CHECK_INT(in_parse_date("20240305", 8), 20240305);
    CHECK_INT(in_parse_date("950101", 6), 19950101);
    CHECK_INT(in_parse_date("080804", 6), 20080804);
    CHECK_INT(in_parse_date("2024-02-30", 10), 0);
    CHECK_INT(in_parse_date("2023-02-29", 10), 0);
    CHECK_INT(in_parse_date("2024-02-29", 10), 20240229);
    CHECK_INT(in_parse_date("2024-3-05", 9), 0);
    CHECK_INT(in_parse_date("yesterday", 9), 0);
}

static void test_text(void) {
    in_record r[2];
    size_t n =
        read_all("Iran criticised Israel.\n\nA second line.\n", IN_TEXT, r, 2);
    CHECK_INT(n, 1);
    if (n != 1) return;
    CHECK_STR(r[0].id, "t");
    CHECK_INT(r[0].len, strlen("Iran criticised Israel.\n\nA second line.\n"));
    CHECK(!r[0].rejected);
    free_all(r, n);
    /* a byte order mark is not part of the story */
    n = read_all("\xEF\xBB\xBFStory.", IN_TEXT, r, 2);
    CHECK_INT(n, 1);
    if (n == 1) CHECK_STR(r[0].text, "Story.");
    free_all(r, n);
}

static void test_paras(void) {
    in_record r[4];
    size_t n = read_all("\nFirst story\nstill first.\n\n \nSecond story."
                        "\r\n\r\nThird\rstory.",
                        IN_PARAS, r, 4);
    CHECK_INT(n, 3);
    if (n != 3) return;
    CHECK_STR(r[0].text, "First story\nstill first.");
    CHECK_STR(r[0].id, "t:2");
    CHECK_INT(r[0].line, 2);
    CHECK_STR(r[1].text, "Second story.");
    CHECK_INT(r[1].line, 6);
    CHECK_STR(r[2].text, "Third\nstory.");
    CHECK_INT(r[2].line, 8);
    free_all(r, n);
}

static void test_jsonl(void) {
    in_record r[9];
    size_t n = read_all(
        "\xEF\xBB\xBF{\"id\": \"a1\", \"date\": \"2024-03-05\", \"text\": "
        "\"Hello\","
        " \"extra\": [1,2]}\n"
        "\n"
        "{\"id\": 7, \"date\": \"20240306\", \"text\": \"caf\\u00e9\"}\r\n"
        "{\"id\": \"bad\", \"text\": \"x\",}\n"
        "[1, 2]\n"
        "{\"id\": \"nodate\", \"text\": \"no date\"}\n"
        "{\"id\": \"d\", \"date\": \"March 5\", \"text\": \"x\"}\n"
        "{\"id\": \"nt\", \"date\": \"2024-03-05\"}\n"
        "{\"text\": \"id from line\"}\n"
        "{\"id\": \"iso\", \"date\": \"2024-03-05T10:20:00Z\", \"text\": "
        "\"x\"}",
        IN_JSONL, r, 9);
    CHECK_INT(n, 9);
    if (n != 9) return;
    CHECK_INT(r[8].date, 20240305);
    CHECK_STR(r[0].id, "a1");
    CHECK_INT(r[0].date, 20240305);
    CHECK_STR(r[0].text, "Hello");
    CHECK_INT(r[0].line, 1);
    CHECK_STR(r[1].id, "7");
    CHECK_INT(r[1].date, 20240306);
    CHECK_STR(r[1].text, "caf\xc3\xa9");
    CHECK_INT(r[1].line, 3);
    CHECK(r[2].rejected);
    CHECK(strncmp(r[2].reason, "t:4:", 4) == 0);
    CHECK(strstr(r[2].reason, "invalid JSON") != NULL);
    CHECK(r[3].rejected);
    CHECK(strstr(r[3].reason, "expected a JSON object") != NULL);
    CHECK(!r[4].rejected);
    CHECK_INT(r[4].date, 0);
    CHECK(r[5].rejected);
    CHECK_STR(r[5].id, "d");
    /* the column of the "date" key */
    CHECK(strncmp(r[5].reason, "t:7:13: expected \"date\"", 23) == 0);
    CHECK(r[6].rejected);
    CHECK(strstr(r[6].reason, "expected a \"text\" string") != NULL);
    CHECK(!r[7].rejected);
    CHECK_STR(r[7].id, "t:9");
    free_all(r, n);
}

static const char *const xml_sample =
    "<Validation>\n"
    "<Environment>\n"
    "  <Verbfile>v.txt</Verbfile>\n"
    "  <Actorfile>a.txt</Actorfile>\n"
    "  <Include>valid DEMO VERB</Include>\n"
    "</Environment>\n"
    "<Sentences>\n"
    "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
    "<Sentence date=\"19950101\" id=\"DEMO-01\" category=\"DEMO\">\n"
    "<!-- a comment -->\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" "
    "eventcode=\"064\"></EventCoding>\n"
    "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" "
    "eventcode=\"064\"></EventCoding>\n"
    "<Text>\n"
    "Arnor is about to restore ties with \n"
    "  Gondor &amp; Rohan.\n"
    "</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>\n"
    "</Sentence>\n"
    "<Sentence date = \"20080804\" id =\"X-2\" category=\"VERB\">\n"
    "<EventCoding noevents = \"True\"></EventCoding>\n"
    "<Text>Nothing here.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=\"D-3\">\n"
    "<EventCoding error=\"storydiscard\"></EventCoding>\n"
    "<Text>Golf.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"1995-13-01\" id=\"BAD-DATE\"><Text>x</Text></Sentence>\n"
    "<Sentence id=\"NOTEXT\" date=\"19950101\"></Sentence>\n"
    "<Stop></Stop>\n"
    "<Sentence date=\"19950101\" id=\"AFTER\"><Text>y</Text></Sentence>\n"
    "</Sentences>\n"
    "</Validation>\n";

static void test_petrarch(void) {
    FILE *f;
    in_reader *in = open_text(xml_sample, IN_PETRARCH, &f);
    CHECK(in != NULL);
    if (!in) return;
    in_record r[8];
    memset(r, 0, sizeof r);
    size_t n = 0;
    while (n < 8 && in_next(in, &r[n]) == 1)
        n++;
    CHECK_INT(n, 7);
    const in_environment *env = in_environment_of(in);
    CHECK_STR(env->verbfile, "v.txt");
    CHECK_STR(env->actorfile, "a.txt");
    CHECK(env->agentfile == NULL);
    CHECK_INT(env->ninclude, 3);
    if (env->ninclude == 3) CHECK_STR(env->include[1], "DEMO");
    if (n == 7) {
        CHECK_STR(r[0].id, "DEMO-01");
        CHECK_INT(r[0].date, 19950101);
        CHECK_STR(r[0].text,
                  "Arnor is about to restore ties with Gondor & Rohan.");
        CHECK_STR(r[0].category, "DEMO");
        CHECK_INT(r[0].line, 9);
        CHECK_INT(r[0].nevents, 2);
        CHECK(r[0].expect & IN_EXP_EVENTS);
        if (r[0].nevents == 2) {
            CHECK_STR(r[0].events[1].source, "GON");
            CHECK_STR(r[0].events[1].target, "ARN");
            CHECK_STR(r[0].events[1].code, "064");
        }
        CHECK_INT(r[0].noptions, 1);
        if (r[0].noptions) CHECK_STR(r[0].options[0], "require_dyad = false");
        CHECK_STR(r[1].id, "X-2");
        CHECK_INT(r[1].date, 20080804);
        CHECK(r[1].expect & IN_EXP_NONE);
        CHECK_INT(r[1].noptions, 0);
        CHECK(r[2].expect & IN_EXP_DISCARD);
        CHECK_STR(r[2].error_kind, "storydiscard");
        CHECK(r[3].rejected);
        CHECK(strstr(r[3].reason, "expected date=\"YYYYMMDD\"") != NULL);
        CHECK(r[4].rejected);
        CHECK(strstr(r[4].reason, "<Text>") != NULL);
        CHECK(r[5].stop);
        CHECK_STR(r[6].id, "AFTER");
    }
    free_all(r, n);
    in_close(in);
    fclose(f);
}

static void test_petrarch_truncated(void) {
    in_record r[2];
    size_t n = read_all("<Sentences>\n<Sentence date=\"19950101\" id=\"CUT\">"
                        "<Text>Cut short",
                        IN_PETRARCH, r, 2);
    CHECK_INT(n, 1);
    if (n != 1) return;
    CHECK(r[0].rejected);
    CHECK(strstr(r[0].reason, "t:2:") == r[0].reason);
    CHECK(strstr(r[0].reason, "expected </Text>") != NULL);
    free_all(r, n);
}

static void test_petrarch_malformed(void) {
    in_record r[4];
    size_t n = read_all("<Sentences>\n"
                        "<Sentence date=\"19950101\" id=\"OK\"><Text>Fine."
                        "</Text></Sentence>\n"
                        "<Sentence date=\"19950101\" id=\"BROKEN\">\n"
                        "<Text>Broken.</Txt>\n"
                        "</Sentence>\n"
                        "<Sentence date=\"19950101\" id=\"LOST\"><Text>x"
                        "</Text></Sentence>\n"
                        "</Sentences>\n",
                        IN_PETRARCH, r, 4);
    CHECK_INT(n, 2);
    if (n != 2) return;
    CHECK_STR(r[0].id, "OK");
    CHECK(!r[0].rejected);
    CHECK(r[1].rejected);
    CHECK(strncmp(r[1].reason, "t:4:16: malformed XML", 21) == 0);
    CHECK(strstr(r[1].reason, "expected </Text>") != NULL);
    free_all(r, n);
}

static void test_tabari(void) {
    /* CR line endings (old Mac files), a Latin-1 e-acute, comments, an
     * expected event after the comment closed. */
    const char *text = "####\r# header comment\r\r"
                       "950101  DEMO-01\r"
                       "Arnor is about to restore ties with Gondor. \r"
                       "Caf\xe9 owners \r"
                       "/*\\n------\r"
                       "\\n[Simple coding]\r"
                       "\\n{ ARN / GON / 064 } 950101\r"
                       "\\n{GON/ARN/ 064} */\r"
                       "\\n{ ARN / GON / 111 } */\r"
                       "\r"
                       "950101  TIME-Modify\r"
                       "Option record.\r"
                       "/*\\n{ OPTION: SET: TIME SHIFT = FALSE } */\r\r"
                       "950103  DEMO-05 extra\r"
                       "Nothing checked.\r"
                       "/*\\n-{ARN / GON / 064 } */\r\r"
                       "950104  NONE-1\r"
                       "Nothing.\r"
                       "/* \\n{---} */\r\r"
                       "950104  BAD-1\r"
                       "Bad field.\r"
                       "/* \\n{ ARN GON 064 } */\r\r"
                       "20150607 YYYY-01\r"
                       "Four-digit year.\r"
                       "/* \\n{ ARN / GON / 010 } */\r\r"
                       "9501201  DIGITS-7\r"
                       "Seven digits.\r"
                       "/* \\n{---} */\r\r"
                       "stray text\rmore stray\r\r"
                       "990101  FINAL-01\r"
                       "The end.\r";
    in_record r[10];
    size_t n = read_all(text, IN_TABARI, r, 10);
    CHECK_INT(n, 9);
    if (n != 9) return;
    CHECK_STR(r[0].id, "DEMO-01");
    CHECK_INT(r[0].date, 19950101);
    CHECK_INT(r[0].line, 4);
    CHECK_STR(r[0].text,
              "Arnor is about to restore ties with Gondor. Caf\xc3\xa9 owners");
    CHECK_INT(r[0].nevents, 3);
    if (r[0].nevents == 3) {
        CHECK_STR(r[0].events[0].source, "ARN");
        CHECK_STR(r[0].events[0].target, "GON");
        CHECK_STR(r[0].events[0].code, "064");
        CHECK_STR(r[0].events[1].source, "GON");
        CHECK_STR(r[0].events[1].code, "064");
        CHECK_STR(r[0].events[2].code, "111");
    }
    CHECK(!r[0].stop);
    CHECK_INT(r[1].expect, IN_EXP_OPTIONS);
    CHECK_INT(r[1].noptions, 1);
    if (r[1].noptions) CHECK_STR(r[1].options[0], "SET: TIME SHIFT = FALSE");
    CHECK_STR(r[2].id, "DEMO-05");
    CHECK(r[2].expect & IN_EXP_SUBSET);
    CHECK_INT(r[2].nevents, 0);
    CHECK(r[3].expect & IN_EXP_NONE);
    CHECK(r[4].rejected);
    CHECK(strstr(r[4].reason, "{ SOURCE / TARGET / CODE }") != NULL);
    CHECK_STR(r[5].id, "YYYY-01");
    CHECK_INT(r[5].date, 20150607);
    CHECK(!r[5].rejected);
    CHECK_STR(r[6].id, "DIGITS-7");
    CHECK(r[6].rejected);
    CHECK(strstr(r[6].reason, "expected a date YYMMDD or YYYYMMDD") != NULL);
    CHECK(r[7].rejected);
    CHECK(strncmp(r[7].reason, "t:37:1: expected a record header", 32) == 0);
    CHECK_STR(r[8].id, "FINAL-01");
    CHECK(r[8].stop);
    free_all(r, n);
}

static void test_latin1(void) {
    size_t n = 0;
    CHECK(in_latin1_to_utf8("plain", 5, &n) == NULL);
    CHECK(in_latin1_to_utf8("caf\xc3\xa9", 5, &n) == NULL);
    char *s = in_latin1_to_utf8("caf\xe9", 4, &n);
    CHECK_STR(s, "caf\xc3\xa9");
    CHECK_INT(n, 5);
    free(s);
}

/* An event over "Iran criticised Israel on Monday." */
static const char story_text[] = "Iran criticised Israel on Monday.";

static bede_event sample_event(void) {
    bede_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sentence = 0;
    ev.date = 20240305;
    ev.source = (bede_event_actor){
        "IRN", {0, 4}, BEDE_ACTOR_PHRASE, "/data/actors/countries.txt", 12,
        NULL,  0};
    ev.target = (bede_event_actor){
        "ISR", {16, 22}, BEDE_ACTOR_PHRASE, "/data/actors/countries.txt", 30,
        NULL,  0};
    ev.code = "111";
    ev.root = "11";
    ev.quad_class = 3;
    ev.goldstein = -2.0;
    ev.label = "Criticize or denounce";
    ev.verb = (bede_span){5, 15};
    ev.sentence_span = (bede_span){0, 33};
    ev.rule_file = "/data/verbs/cameo.txt";
    ev.rule_line = 7;
    ev.rule = "criticise";
    ev.flags = BEDE_EVF_PASSIVE | BEDE_EVF_PATTERN;
    return ev;
}

/* Writes ev with o into a string (caller frees). */
static char *write_one(const out_options *o, const bede_event *ev,
                       uint64_t id) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    out_story st = {"doc\t1", story_text, sizeof story_text - 1};
    CHECK_INT(out_event(f, o, &st, ev, id), 0);
    fclose(f);
    return buf;
}

static void test_write_jsonl(void) {
    out_options o = {OUT_JSONL, "/data", ""};
    bede_event ev = sample_event();
    char *line = write_one(&o, &ev, 1);
    CHECK(line != NULL);
    if (!line) return;
    CHECK(line[strlen(line) - 1] == '\n');
    CHECK(strstr(line, "\"goldstein\":-2.0,") != NULL);
    CHECK(strchr(line, '\n') == line + strlen(line) - 1);
    json_error_t jerr;
    json_t *obj = json_loads(line, 0, &jerr);
    CHECK(obj != NULL);
    if (obj) {
        CHECK_STR(json_string_value(json_object_get(obj, "doc_id")), "doc\t1");
        CHECK_INT(json_integer_value(json_object_get(obj, "sent_id")), 0);
        CHECK_STR(json_string_value(json_object_get(obj, "date")),
                  "2024-03-05");
        CHECK_STR(json_string_value(json_object_get(obj, "source")), "IRN");
        CHECK_STR(json_string_value(json_object_get(obj, "target")), "ISR");
        CHECK_STR(json_string_value(json_object_get(obj, "code")), "111");
        CHECK_STR(json_string_value(json_object_get(obj, "root")), "11");
        CHECK_INT(json_integer_value(json_object_get(obj, "quad_class")), 3);
        CHECK(json_real_value(json_object_get(obj, "goldstein")) == -2.0);
        CHECK_STR(json_string_value(json_object_get(obj, "label")),
                  "Criticize or denounce");
        CHECK_STR(json_string_value(json_object_get(obj, "source_text")),
                  "Iran");
        CHECK_STR(json_string_value(json_object_get(obj, "target_text")),
                  "Israel");
        CHECK_STR(json_string_value(json_object_get(obj, "verb_text")),
                  "criticised");
        json_t *spans = json_object_get(obj, "spans");
        json_t *tgt = json_object_get(spans, "target");
        CHECK_INT(json_integer_value(json_array_get(tgt, 0)), 16);
        CHECK_INT(json_integer_value(json_array_get(tgt, 1)), 22);
        CHECK_INT(json_array_size(json_object_get(spans, "sentence")), 2);
        CHECK(json_is_array(json_object_get(spans, "verb")));
        json_t *rule = json_object_get(obj, "rule");
        CHECK_STR(json_string_value(json_object_get(rule, "at")),
                  "verbs/cameo.txt:7");
        CHECK_STR(json_string_value(json_object_get(rule, "text")),
                  "criticise");
        CHECK_STR(json_string_value(json_object_get(obj, "source_rule")),
                  "actors/countries.txt:12");
        CHECK_STR(json_string_value(json_object_get(obj, "target_rule")),
                  "actors/countries.txt:30");
        json_t *flags = json_object_get(obj, "flags");
        CHECK_INT(json_array_size(flags), 2);
        CHECK_STR(json_string_value(json_array_get(flags, 0)), "passive");
        CHECK_STR(json_string_value(json_array_get(flags, 1)), "pattern");
        CHECK_STR(json_string_value(json_object_get(obj, "sentence")),
                  story_text);
        json_decref(obj);
    }
    free(line);

    /* no target, no date */
    ev.target =
        (bede_event_actor){"---", {0, 0}, BEDE_ACTOR_NONE, NULL, 0, NULL, 0};
    ev.date = 0;
    line = write_one(&o, &ev, 2);
    obj = line ? json_loads(line, 0, &jerr) : NULL;
    CHECK(obj != NULL);
    if (obj) {
        CHECK(json_is_null(json_object_get(obj, "date")));
        CHECK_STR(json_string_value(json_object_get(obj, "target")), "---");
        CHECK(json_is_null(json_object_get(obj, "target_text")));
        CHECK(json_is_null(json_object_get(obj, "target_rule")));
        CHECK(json_is_null(
            json_object_get(json_object_get(obj, "spans"), "target")));
        json_decref(obj);
    }
    free(line);
}

/* Splits a line at tabs; returns the number of fields. */
static size_t split_tabs(char *line, char **fields, size_t cap) {
    size_t n = 0;
    line[strcspn(line, "\n")] = '\0';
    for (char *p = line;; p++) {
        if (n < cap) fields[n] = p;
        n++;
        p = strchr(p, '\t');
        if (!p) break;
        *p = '\0';
    }
    return n;
}

static void test_write_petrarch(void) {
    out_options o = {OUT_PETRARCH, NULL, ""};
    bede_event ev = sample_event();
    char *line = write_one(&o, &ev, 1);
    CHECK(line != NULL);
    if (!line) return;
    char *f[16];
    size_t n = split_tabs(line, f, 16);
    CHECK_INT(n, OUT_PETRARCH_COLUMNS);
    if (n == OUT_PETRARCH_COLUMNS) {
        CHECK_STR(f[0], "20240305");
        CHECK_STR(f[1], "IRN");
        CHECK_STR(f[2], "ISR");
        CHECK_STR(f[3], "111");
        CHECK_STR(f[4], "");
        CHECK_STR(f[5], "doc 1-0"); /* the tab of the id became a blank */
        CHECK_STR(f[6], "NULL");
        CHECK_STR(f[7], "Iran");
        CHECK_STR(f[8], "Israel");
        CHECK_STR(f[9], "criticised");
    }
    free(line);
}

static void test_write_gdelt(void) {
    out_options o = {OUT_GDELT, NULL, "20240306120000"};
    bede_event ev = sample_event();
    ev.source.code = "IRNGOVMIL";
    ev.target.code = "IGOUNO";
    char *line = write_one(&o, &ev, 42);
    CHECK(line != NULL);
    if (!line) return;
    char *f[80];
    size_t n = split_tabs(line, f, 80);
    CHECK_INT(n, OUT_GDELT_COLUMNS);
    if (n == OUT_GDELT_COLUMNS) {
        CHECK_STR(f[0], "42");
        CHECK_STR(f[1], "20240305");
        CHECK_STR(f[2], "202403");
        CHECK_STR(f[3], "2024");
        CHECK_STR(f[4], "2024.2603"); /* (3 * 30 + 5) / 365 */
        CHECK_STR(f[5], "IRNGOVMIL");
        CHECK_STR(f[6], "Iran");
        CHECK_STR(f[7], "IRN");
        CHECK_STR(f[8], "");
        CHECK_STR(f[12], "GOV");
        CHECK_STR(f[13], "MIL");
        CHECK_STR(f[15], "IGOUNO");
        CHECK_STR(f[17], "");
        CHECK_STR(f[18], "UNO");
        CHECK_STR(f[22], "IGO");
        CHECK_STR(f[26], "111");
        CHECK_STR(f[27], "111");
        CHECK_STR(f[28], "11");
        CHECK_STR(f[29], "3");
        CHECK_STR(f[30], "-2.0");
        CHECK_STR(f[31], "1");
        CHECK_STR(f[32], "1");
        CHECK_STR(f[33], "1");
        CHECK_STR(f[59], "20240306120000");
        CHECK_STR(f[60], "doc 1");
    }
    free(line);

    out_actor_parts p;
    out_actor_split("REB", &p);
    CHECK_STR(p.country, "");
    CHECK_STR(p.type[0], "REB");
    out_actor_split("---", &p);
    CHECK_STR(p.country, "");
    out_actor_split("NGOHRIAMN", &p);
    CHECK_STR(p.group, "AMN");
    CHECK_STR(p.type[0], "NGO");
    CHECK_STR(p.type[1], "HRI");
}

TEST_MAIN(TEST(test_kinds), TEST(test_dates), TEST(test_text), TEST(test_paras),
          TEST(test_jsonl), TEST(test_petrarch), TEST(test_petrarch_malformed),
          TEST(test_petrarch_truncated), TEST(test_tabari), TEST(test_latin1),
          TEST(test_write_jsonl), TEST(test_write_petrarch),
          TEST(test_write_gdelt))
