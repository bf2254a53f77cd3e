/*
 * Input readers of `bede code` and `bede validate` (see input.h).
 *
 * Line-based inputs (paras, jsonl, tabari) are read line by line, so a file
 * of any size streams through in constant memory; lines may end in LF, CRLF
 * or a lone CR (TABARI files from old Macs). PETRARCH XML is fed to expat in
 * blocks and the records its callbacks complete wait in a small queue.
 */
#include "input.h"

#include <ctype.h>
#include <errno.h>
#include <expat.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* ------------------------------------------------------------ utilities */

typedef struct sbuf {
    char *s;
    size_t len, cap;
} sbuf;

static int sb_reserve(sbuf *b, size_t more) {
    if (b->len + more + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) return -1;
    b->s = s;
    b->cap = cap;
    return 0;
}

static int sb_add(sbuf *b, const char *s, size_t n) {
    if (sb_reserve(b, n)) return -1;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

static int sb_addc(sbuf *b, char c) {
    return sb_add(b, &c, 1);
}

/* Takes the buffer's string (an empty one when nothing was added). */
static char *sb_take(sbuf *b, size_t *len) {
    if (!b->s && sb_reserve(b, 0)) return NULL;
    char *s = b->s;
    if (len) *len = b->len;
    s[b->len] = '\0';
    *b = (sbuf){0};
    return s;
}

static char *dupn(const char *s, size_t n) {
    char *d = malloc(n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *dup(const char *s) {
    return s ? dupn(s, strlen(s)) : NULL;
}

static int is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i])) return 0;
    return 1;
}

static void trim(const char **s, size_t *n) {
    while (*n && isspace((unsigned char)**s))
        (*s)++, (*n)--;
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

static const char *const kind_names[IN_KIND_COUNT] = {"text", "paras", "jsonl",
                                                      "petrarch", "tabari"};

const char *in_kind_name(int kind) {
    return kind >= 0 && kind < IN_KIND_COUNT ? kind_names[kind] : "?";
}

int in_kind_from_name(const char *name) {
    for (int k = 0; k < IN_KIND_COUNT; k++)
        if (strcmp(name, kind_names[k]) == 0) return k;
    return -1;
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

in_kind in_kind_from_path(const char *path) {
    if (ends_with(path, ".jsonl")) return IN_JSONL;
    if (ends_with(path, ".xml")) return IN_PETRARCH;
    return IN_TEXT;
}

static int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return days[m - 1];
}

int32_t in_parse_date(const char *s, size_t len) {
    char d[8];
    size_t n = 0;
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        for (size_t i = 0; i < 10; i++)
            if (i != 4 && i != 7) d[n++] = s[i];
    } else if (len == 8 || len == 6) {
        memcpy(d, s, len);
        n = len;
    } else {
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)d[i])) return 0;
    int y, m, day;
    if (n == 8) {
        y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
            (d[3] - '0');
        m = (d[4] - '0') * 10 + (d[5] - '0');
        day = (d[6] - '0') * 10 + (d[7] - '0');
    } else {
        y = (d[0] - '0') * 10 + (d[1] - '0');
        y += y >= 50 ? 1900 : 2000;
        m = (d[2] - '0') * 10 + (d[3] - '0');
        day = (d[4] - '0') * 10 + (d[5] - '0');
    }
    if (y < 1 || m < 1 || m > 12 || day < 1 || day > days_in_month(y, m))
        return 0;
    return y * 10000 + m * 100 + day;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
    unsigned c = s[0];
    if (c < 0x80) return 1;
    size_t len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000;
    else
        return 0;
    if (n < len) return 0;
    unsigned cp = c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

char *in_latin1_to_utf8(const char *s, size_t len, size_t *out_len) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        size_t k = utf8_seq(u + i, len - i);
        if (!k) break;
        i += k;
    }
    if (i == len) return NULL;
    /* Not UTF-8: the whole text is taken as Latin-1, byte by byte. */
    char *out = malloc(2 * len + 1);
    if (!out) return NULL;
    size_t n = 0;
    for (i = 0; i < len; i++) {
        if (u[i] < 0x80) {
            out[n++] = (char)u[i];
        } else {
            out[n++] = (char)(0xC0 | (u[i] >> 6));
            out[n++] = (char)(0x80 | (u[i] & 0x3F));
        }
    }
    out[n] = '\0';
    *out_len = n;
    return out;
}

void in_record_free(in_record *r) {
    free(r->id);
    free(r->file);
    free(r->text);
    for (size_t i = 0; i < r->nevents; i++) {
        free(r->events[i].source);
        free(r->events[i].target);
        free(r->events[i].code);
    }
    free(r->events);
    free(r->category);
    free(r->error_kind);
    for (size_t i = 0; i < r->noptions; i++)
        free(r->options[i]);
    free(r->options);
    memset(r, 0, sizeof *r);
}

static int add_expect(in_record *r, const char *src, size_t ns, const char *tgt,
                      size_t nt, const char *code, size_t nc) {
    in_expect *e = realloc(r->events, (r->nevents + 1) * sizeof *e);
    if (!e) return -1;
    r->events = e;
    trim(&src, &ns);
    trim(&tgt, &nt);
    trim(&code, &nc);
    e[r->nevents] = (in_expect){dupn(src, ns), dupn(tgt, nt), dupn(code, nc)};
    r->nevents++;
    return 0;
}

static int add_option(char ***list, size_t *n, const char *s, size_t len) {
    char **l = realloc(*list, (*n + 1) * sizeof *l);
    if (!l) return -1;
    *list = l;
    trim(&s, &len);
    l[(*n)++] = dupn(s, len);
    return 0;
}

static void reject(in_record *r, uint32_t line, uint32_t col, const char *fmt,
                   ...) {
    va_list ap;
    int n =
        snprintf(r->reason, sizeof r->reason,
                 "%s:%u:%u: ", r->file ? r->file : "?", line, col ? col : 1);
    if (n < 0 || (size_t)n >= sizeof r->reason) n = 0;
    va_start(ap, fmt);
    vsnprintf(r->reason + n, sizeof r->reason - (size_t)n, fmt, ap);
    va_end(ap);
    r->rejected = 1;
}

/* --------------------------------------------------------------- reader */

typedef struct xml_state xml_state;

struct in_reader {
    FILE *f;
    int owns;
    char *name;
    in_kind kind;
    uint64_t read, size;
    uint32_t line; /* lines read so far */
    int eof;
    sbuf linebuf;
    /* paras / tabari: a line read ahead */
    int have_pending;
    xml_state *xml;
    in_environment env;
    unsigned story; /* stories returned, for ids */
    int four_digit_years; /* tabari: TABARI's SET: YYYY = TRUE */
};

static uint64_t file_size(FILE *f) {
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
        return (uint64_t)st.st_size;
    return 0;
}

void in_set_four_digit_years(in_reader *in, int on) {
    if (in) in->four_digit_years = on;
}

in_reader *in_open_stream(FILE *f, const char *name, in_kind kind) {
    in_reader *in = calloc(1, sizeof *in);
    if (!in) return NULL;
    in->f = f;
    in->name = dup(name);
    in->kind = kind;
    in->size = file_size(f);
    if (!in->name) {
        free(in);
        return NULL;
    }
    return in;
}

in_reader *in_open(const char *path, in_kind kind, char *msg, size_t cap) {
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(msg, cap, "%s: %s", path, strerror(errno));
        return NULL;
    }
    in_reader *in = in_open_stream(f, is_stdin ? "stdin" : path, kind);
    if (!in) {
        if (!is_stdin) fclose(f);
        snprintf(msg, cap, "%s: out of memory", path);
        return NULL;
    }
    in->owns = !is_stdin;
    return in;
}

static void xml_free(xml_state *x);

void in_close(in_reader *in) {
    if (!in) return;
    if (in->owns) fclose(in->f);
    free(in->name);
    free(in->linebuf.s);
    xml_free(in->xml);
    in_environment *e = &in->env;
    free(e->verbfile);
    free(e->actorfile);
    free(e->agentfile);
    free(e->discardfile);
    for (size_t i = 0; i < e->ninclude; i++)
        free(e->include[i]);
    for (size_t i = 0; i < e->nexclude; i++)
        free(e->exclude[i]);
    free(e->include);
    free(e->exclude);
    free(in);
}

uint64_t in_bytes_read(const in_reader *in) {
    return in->read;
}
uint64_t in_size(const in_reader *in) {
    return in->size;
}
const in_environment *in_environment_of(const in_reader *in) {
    return &in->env;
}

/* Drops a UTF-8 byte order mark that some editors put at the start. */
static void strip_bom(sbuf *b) {
    if (b->len >= 3 && memcmp(b->s, "\xEF\xBB\xBF", 3) == 0) {
        memmove(b->s, b->s + 3, b->len - 3 + 1);
        b->len -= 3;
    }
}

/* Reads one line (without its end: LF, CRLF or CR) into in->linebuf.
 * Returns 1, or 0 at the end of the input, or -1 on a read error. */
static int read_line(in_reader *in) {
    if (in->have_pending) {
        in->have_pending = 0;
        return 1;
    }
    in->linebuf.len = 0;
    if (in->eof) return 0;
    int c, any = 0;
    while ((c = getc(in->f)) != EOF) {
        any = 1;
        in->read++;
        if (c == '\n') break;
        if (c == '\r') {
            int d = getc(in->f);
            if (d == '\n')
                in->read++;
            else if (d != EOF)
                ungetc(d, in->f);
            break;
        }
        if (sb_addc(&in->linebuf, (char)c)) return -1;
    }
    if (c == EOF) {
        in->eof = 1;
        if (ferror(in->f)) return -1;
    }
    if (!any) return 0;
    if (sb_reserve(&in->linebuf, 0)) return -1;
    in->linebuf.s[in->linebuf.len] = '\0';
    in->line++;
    if (in->line == 1) strip_bom(&in->linebuf);
    return 1;
}

static int read_error(in_reader *in, in_record *r) {
    if (!r->file) r->file = dup(in->name);
    snprintf(r->reason, sizeof r->reason, "%s: read error: %s", in->name,
             ferror(in->f) ? strerror(errno) : "out of memory");
    return -1;
}

/* The id of a record that gives none: file:line. Validation suites
 * (PETRARCH, TABARI) use the file's base name, so that the id does not
 * depend on where the suite is. */
static char *line_id(const in_reader *in, uint32_t line) {
    char buf[600];
    const char *name = in->name;
    if (in->kind == IN_PETRARCH || in->kind == IN_TABARI) {
        const char *slash = strrchr(name, '/');
        if (slash) name = slash + 1;
    }
    snprintf(buf, sizeof buf, "%s:%u", name, line);
    return dup(buf);
}

/* text: the whole input is one story. */
static int next_text(in_reader *in, in_record *r) {
    if (in->eof) return 0;
    sbuf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, in->f)) > 0) {
        in->read += got;
        if (sb_add(&b, chunk, got)) {
            free(b.s);
            return read_error(in, r);
        }
    }
    in->eof = 1;
    if (ferror(in->f)) {
        free(b.s);
        return read_error(in, r);
    }
    strip_bom(&b);
    r->file = dup(in->name);
    r->line = r->column = 1;
    r->id = dup(in->name);
    r->text = sb_take(&b, &r->len);
    if (!r->id || !r->text) return read_error(in, r);
    return 1;
}

/* paras: blank lines separate stories; a story keeps its line breaks. */
static int next_paras(in_reader *in, in_record *r) {
    int rc;
    while ((rc = read_line(in)) == 1 &&
           is_blank(in->linebuf.s, in->linebuf.len)) {
    }
    if (rc <= 0) return rc < 0 ? read_error(in, r) : 0;
    r->file = dup(in->name);
    r->line = in->line;
    r->column = 1;
    sbuf b = {0};
    do {
        if ((b.len && sb_addc(&b, '\n')) ||
            sb_add(&b, in->linebuf.s, in->linebuf.len)) {
            free(b.s);
            return read_error(in, r);
        }
    } while ((rc = read_line(in)) == 1 &&
             !is_blank(in->linebuf.s, in->linebuf.len));
    if (rc < 0) {
        free(b.s);
        return read_error(in, r);
    }
    r->id = line_id(in, r->line);
    r->text = sb_take(&b, &r->len);
    if (!r->id || !r->text) return read_error(in, r);
    return 1;
}

/* Column (1-based) of "key" in a JSON line, for messages about a value. */
static uint32_t key_column(const char *line, const char *key) {
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\"", key);
    const char *p = strstr(line, pat);
    return p ? (uint32_t)(p - line) + 1 : 1;
}

/* jsonl: {"id": "...", "date": "2024-03-05", "text": "..."} per line. */
static int next_jsonl(in_reader *in, in_record *r) {
    int rc;
    while ((rc = read_line(in)) == 1 &&
           is_blank(in->linebuf.s, in->linebuf.len)) {
    }
    if (rc <= 0) return rc < 0 ? read_error(in, r) : 0;
    const char *line = in->linebuf.s;
    r->file = dup(in->name);
    r->line = in->line;
    r->column = 1;
    json_error_t jerr;
    json_t *obj = json_loadb(line, in->linebuf.len, 0, &jerr);
    if (!obj) {
        r->id = line_id(in, in->line);
        reject(r, in->line, jerr.column > 0 ? (uint32_t)jerr.column : 1,
               "invalid JSON: %s", jerr.text);
        return r->id ? 1 : read_error(in, r);
    }
    if (!json_is_object(obj)) {
        r->id = line_id(in, in->line);
        reject(r, in->line, 1, "expected a JSON object {\"text\": ...}");
        json_decref(obj);
        return r->id ? 1 : read_error(in, r);
    }
    json_t *id = json_object_get(obj, "id");
    json_t *date = json_object_get(obj, "date");
    json_t *text = json_object_get(obj, "text");
    char num[32];
    if (json_is_string(id))
        r->id = dupn(json_string_value(id), json_string_length(id));
    else if (json_is_integer(id)) {
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(id));
        r->id = dup(num);
    } else
        r->id = line_id(in, in->line);
    if (!r->id) {
        json_decref(obj);
        return read_error(in, r);
    }
    if (id && !json_is_string(id) && !json_is_integer(id) &&
        !json_is_null(id)) {
        reject(r, in->line, key_column(line, "id"),
               "expected \"id\" to be a string or a number");
    } else if (!json_is_string(text)) {
        reject(r, in->line, text ? key_column(line, "text") : 1,
               "expected a \"text\" string");
    } else if (date && !json_is_null(date)) {
        if (json_is_string(date)) {
            /* "2024-03-05T10:00:00Z": the day is enough */
            const char *d = json_string_value(date);
            size_t n = json_string_length(date);
            if (n > 10 && d[4] == '-' && (d[10] == 'T' || d[10] == ' ')) n = 10;
            r->date = in_parse_date(d, n);
        } else if (json_is_integer(date)) {
            snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
                     json_integer_value(date));
            r->date = in_parse_date(num, strlen(num));
        }
        if (!r->date)
            reject(r, in->line, key_column(line, "date"),
                   "expected \"date\" as \"YYYY-MM-DD\" or \"YYYYMMDD\"");
    }
    if (!r->rejected) {
        r->text = dupn(json_string_value(text), json_string_length(text));
        r->len = json_string_length(text);
        if (!r->text) {
            json_decref(obj);
            return read_error(in, r);
        }
    }
    json_decref(obj);
    return 1;
}

/* ---------------------------------------------------------------- TABARI */

/* Number of digits of a record header "YYMMDD  ID" (YYYYMMDD when TABARI's
 * YYYY option is set), or 0 when the line is not one. */
static size_t tabari_header(const char *s, size_t n) {
    size_t d = 0;
    while (d < n && isdigit((unsigned char)s[d]))
        d++;
    if (d < 6) return 0;
    return d == n || s[d] == ' ' || s[d] == '\t' ? d : 0;
}

/* Reads the {...} fields of a TABARI comment block (see the manual,
 * "Validation"): { SRC / TGT / CODE }, {---}, {###}, {+++},
 * { OPTION: ... }; a field written -{ ends the checked ones. */
static int tabari_expectations(in_record *r, const char *c, size_t n,
                               uint32_t line) {
    int subset = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i] == '\n') line++;
        if (c[i] != '{') continue;
        size_t j = i;
        while (j > 0 && (c[j - 1] == ' ' || c[j - 1] == '\t'))
            j--;
        if (j > 0 && c[j - 1] == '-') subset = 1;
        r->expect |= IN_EXP_EVENTS;
        if (subset) {
            r->expect |= IN_EXP_SUBSET;
            return 0;
        }
        size_t start = i + 1, end = start;
        while (end < n && c[end] != '}')
            end++;
        const char *f = c + start;
        size_t len = end - start;
        trim(&f, &len);
        if (len == 3 && memcmp(f, "---", 3) == 0)
            r->expect |= IN_EXP_NONE;
        else if (len == 3 && memcmp(f, "###", 3) == 0)
            r->expect |= IN_EXP_DISCARD;
        else if (len == 3 && memcmp(f, "+++", 3) == 0)
            r->expect |= IN_EXP_COMPLEX;
        else if (len >= 7 && memcmp(f, "OPTION:", 7) == 0) {
            if (add_option(&r->options, &r->noptions, f + 7, len - 7))
                return -1;
        } else if (len > 0) {
            const char *s1 = memchr(f, '/', len);
            const char *s2 =
                s1 ? memchr(s1 + 1, '/', len - (size_t)(s1 + 1 - f)) : NULL;
            if (!s1 || !s2 || memchr(s2 + 1, '/', len - (size_t)(s2 + 1 - f)))
                reject(r, line, 1,
                       "expected an event { SOURCE / TARGET / CODE }, "
                       "{---}, {###}, {+++} or { OPTION: ... }, got {%.*s}",
                       (int)(len > 60 ? 60 : len), f);
            else if (add_expect(r, f, (size_t)(s1 - f), s1 + 1,
                                (size_t)(s2 - s1 - 1), s2 + 1,
                                len - (size_t)(s2 + 1 - f)))
                return -1;
        }
        i = end;
    }
    if ((r->expect & IN_EXP_EVENTS) == 0 && r->noptions == 0) r->stop = 1;
    if (r->noptions && !r->nevents &&
        !(r->expect & (IN_EXP_NONE | IN_EXP_DISCARD | IN_EXP_COMPLEX)))
        r->expect = IN_EXP_OPTIONS;
    return 0;
}

/* Appends a text line to b, joining wrapped lines with one blank. */
static int join_line(sbuf *b, const char *s, size_t n) {
    trim(&s, &n);
    if (!n) return 0;
    if (b->len && sb_addc(b, ' ')) return -1;
    return sb_add(b, s, n);
}

/* tabari: "YYMMDD  ID ..." then text lines, then a blank line; a comment
 * block after the text (slash-star ... star-slash) holds the validation
 * fields. */
static int next_tabari(in_reader *in, in_record *r) {
    int rc;
    for (;;) {
        rc = read_line(in);
        if (rc <= 0) return rc < 0 ? read_error(in, r) : 0;
        const char *s = in->linebuf.s;
        size_t n = in->linebuf.len;
        if (is_blank(s, n) || s[0] == '#') continue;
        if (tabari_header(s, n)) break;
        /* Stray text outside a record: one rejection for the whole run. */
        r->file = dup(in->name);
        r->line = in->line;
        r->column = 1;
        r->id = line_id(in, in->line);
        reject(r, in->line, 1,
               "expected a record header \"YYMMDD ID\" (six digits, a "
               "blank, the record id)");
        while ((rc = read_line(in)) == 1 &&
               !is_blank(in->linebuf.s, in->linebuf.len) &&
               !tabari_header(in->linebuf.s, in->linebuf.len)) {
        }
        if (rc == 1 && tabari_header(in->linebuf.s, in->linebuf.len))
            in->have_pending = 1;
        if (rc < 0) return read_error(in, r);
        return r->id ? 1 : read_error(in, r);
    }
    const char *s = in->linebuf.s;
    size_t n = in->linebuf.len;
    r->file = dup(in->name);
    r->line = in->line;
    r->column = 1;
    size_t digits = tabari_header(s, n);
    if (in->four_digit_years)
        /* TABARI reads the date by its width: the first eight digits */
        r->date = digits >= 8 ? in_parse_date(s, 8) : 0;
    else
        r->date = digits == 6 || digits == 8 ? in_parse_date(s, digits) : 0;
    size_t i = digits;
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    size_t k = i;
    while (k < n && !isspace((unsigned char)s[k]))
        k++;
    r->id = k > i ? dupn(s + i, k - i) : line_id(in, in->line);
    if (!r->id) return read_error(in, r);
    if (!r->date)
        reject(r, in->line, 1,
               in->four_digit_years
                   ? "expected a date YYYYMMDD (four-digit years are set), "
                     "got \"%.*s\""
                   : "expected a date YYMMDD or YYYYMMDD, got \"%.*s\"",
               (int)(digits > 12 ? 12 : digits), s);

    sbuf text = {0}, comment = {0};
    uint32_t comment_line = 0;
    int in_comment = 0;
    while ((rc = read_line(in)) == 1 &&
           !is_blank(in->linebuf.s, in->linebuf.len)) {
        const char *p = in->linebuf.s, *end = p + in->linebuf.len;
        while (p < end) {
            if (!in_comment) {
                const char *o = strstr(p, "/*");
                const char *f = comment_line ? strstr(p, "\\n{") : NULL;
                if (f && (!o || f < o)) {
                    /* a "\n{ GON / FOR / 044 }" field (and its closing
                     * star-slash) after the comment closed: an expected
                     * event, not text */
                    if (join_line(&text, p, (size_t)(f - p))) goto nomem;
                    const char *c = strstr(f, "*/");
                    size_t flen = c ? (size_t)(c - f) : (size_t)(end - f);
                    if (sb_add(&comment, f, flen) || sb_addc(&comment, '\n'))
                        goto nomem;
                    p = c ? c + 2 : end;
                    continue;
                }
                size_t len = o ? (size_t)(o - p) : (size_t)(end - p);
                if (join_line(&text, p, len)) goto nomem;
                if (!o) break;
                in_comment = 1;
                if (!comment_line) comment_line = in->line;
                p = o + 2;
            } else {
                const char *c = strstr(p, "*/");
                size_t len = c ? (size_t)(c - p) : (size_t)(end - p);
                if (sb_add(&comment, p, len) || sb_addc(&comment, '\n'))
                    goto nomem;
                if (!c) break;
                in_comment = 0;
                p = c + 2;
            }
        }
    }
    if (rc < 0) goto readerr;
    char *t = sb_take(&text, &r->len);
    if (!t) goto nomem;
    size_t ulen;
    char *u = in_latin1_to_utf8(t, r->len, &ulen);
    if (u) {
        free(t);
        t = u;
        r->len = ulen;
    }
    r->text = t;
    if (comment.len) {
        char *cu = in_latin1_to_utf8(comment.s, comment.len, &ulen);
        int bad = tabari_expectations(r, cu ? cu : comment.s,
                                      cu ? ulen : comment.len, comment_line);
        free(cu);
        if (bad) goto nomem;
    } else {
        r->stop = 1;
    }
    free(comment.s);
    return 1;
nomem:
readerr:
    free(text.s);
    free(comment.s);
    return read_error(in, r);
}

/* -------------------------------------------------------------- PETRARCH */

typedef enum { X_NONE, X_TEXT, X_ENV_FIELD } xml_capture;

struct xml_state {
    XML_Parser p;
    in_reader *in;
    in_record *queue; /* completed records, oldest first */
    size_t nqueue, head, capqueue;
    in_record cur;
    int in_sentence;
    int have_text;
    xml_capture capture;
    sbuf buf;
    char **options; /* <Config> since the last record */
    size_t noptions;
    char open[64][32]; /* names of the open elements, for messages */
    size_t depth;
    int failed, done, nomem;
};

static void xml_free(xml_state *x) {
    if (!x) return;
    XML_ParserFree(x->p);
    for (size_t i = x->head; i < x->nqueue; i++)
        in_record_free(&x->queue[i]);
    free(x->queue);
    in_record_free(&x->cur);
    free(x->buf.s);
    for (size_t i = 0; i < x->noptions; i++)
        free(x->options[i]);
    free(x->options);
    free(x);
}

static const char *attr(const XML_Char **atts, const char *name) {
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0) return atts[i + 1];
    return NULL;
}

static int xml_push(xml_state *x, in_record *r) {
    if (x->head == x->nqueue) x->head = x->nqueue = 0;
    if (x->nqueue == x->capqueue) {
        size_t cap = x->capqueue ? 2 * x->capqueue : 16;
        in_record *q = realloc(x->queue, cap * sizeof *q);
        if (!q) return -1;
        x->queue = q;
        x->capqueue = cap;
    }
    x->queue[x->nqueue++] = *r;
    memset(r, 0, sizeof *r);
    return 0;
}

static uint32_t xml_line(const xml_state *x) {
    return (uint32_t)XML_GetCurrentLineNumber(x->p);
}
static uint32_t xml_col(const xml_state *x) {
    return (uint32_t)XML_GetCurrentColumnNumber(x->p) + 1;
}

/* PETRARCH's display text is wrapped: lines become one blank. */
static char *collapse_text(const char *s, size_t n, size_t *out) {
    trim(&s, &n);
    sbuf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' || s[i] == '\r') {
            while (b.len && (b.s[b.len - 1] == ' ' || b.s[b.len - 1] == '\t'))
                b.len--;
            while (i + 1 < n && isspace((unsigned char)s[i + 1]))
                i++;
            if (sb_addc(&b, ' ')) goto fail;
        } else if (sb_addc(&b, s[i])) {
            goto fail;
        }
    }
    return sb_take(&b, out);
fail:
    free(b.s);
    return NULL;
}

static int split_words(char ***list, size_t *n, const char *s) {
    while (*s) {
        while (*s && isspace((unsigned char)*s))
            s++;
        const char *w = s;
        while (*s && !isspace((unsigned char)*s))
            s++;
        if (s > w && add_option(list, n, w, (size_t)(s - w))) return -1;
    }
    return 0;
}

static void XMLCALL xml_start(void *ud, const XML_Char *name,
                              const XML_Char **atts) {
    xml_state *x = ud;
    if (x->depth < sizeof x->open / sizeof x->open[0])
        snprintf(x->open[x->depth], sizeof x->open[0], "%s", name);
    x->depth++;
    in_reader *in = x->in;
    if (strcmp(name, "Sentence") == 0) {
        in_record_free(&x->cur);
        in_record *r = &x->cur;
        x->in_sentence = 1;
        x->have_text = 0;
        r->file = dup(in->name);
        r->line = xml_line(x);
        r->column = xml_col(x);
        const char *id = attr(atts, "id"), *date = attr(atts, "date");
        const char *cat = attr(atts, "category");
        r->id = id ? dup(id) : line_id(in, r->line);
        if (cat) r->category = dup(cat);
        r->options = x->options;
        r->noptions = x->noptions;
        x->options = NULL;
        x->noptions = 0;
        if (!r->id || (cat && !r->category)) x->nomem = 1;
        if (date) {
            r->date = in_parse_date(date, strlen(date));
            if (!r->date)
                reject(r, r->line, r->column,
                       "expected date=\"YYYYMMDD\", got \"%.20s\"", date);
        }
    } else if (strcmp(name, "EventCoding") == 0 && x->in_sentence) {
        in_record *r = &x->cur;
        const char *src = attr(atts, "sourcecode");
        const char *tgt = attr(atts, "targetcode");
        const char *code = attr(atts, "eventcode");
        const char *none = attr(atts, "noevents");
        const char *error = attr(atts, "error");
        if (src || tgt || code) {
            r->expect |= IN_EXP_EVENTS;
            if (add_expect(r, src ? src : "", src ? strlen(src) : 0,
                           tgt ? tgt : "", tgt ? strlen(tgt) : 0,
                           code ? code : "", code ? strlen(code) : 0))
                x->nomem = 1;
        }
        if (none && (strcasecmp(none, "true") == 0))
            r->expect |= IN_EXP_EVENTS | IN_EXP_NONE;
        if (error) {
            r->expect |= IN_EXP_EVENTS | IN_EXP_NONE;
            if (strstr(error, "discard")) r->expect |= IN_EXP_DISCARD;
            free(r->error_kind);
            r->error_kind = dup(error);
        }
    } else if (strcmp(name, "Text") == 0 && x->in_sentence) {
        x->capture = X_TEXT;
        x->buf.len = 0;
    } else if (strcmp(name, "Config") == 0) {
        const char *opt = attr(atts, "option"), *val = attr(atts, "value");
        if (opt) {
            char line[512];
            snprintf(line, sizeof line, "%s = %s", opt, val ? val : "");
            if (add_option(&x->options, &x->noptions, line, strlen(line)))
                x->nomem = 1;
        }
    } else if (strcmp(name, "Stop") == 0) {
        in_record r = {0};
        r.file = dup(in->name);
        r.line = xml_line(x);
        r.column = xml_col(x);
        r.id = dup("<Stop>");
        r.text = dup("");
        r.stop = 1;
        if (!r.id || !r.text || xml_push(x, &r)) {
            in_record_free(&r);
            x->nomem = 1;
        }
    } else if (!x->in_sentence &&
               (strcmp(name, "Verbfile") == 0 ||
                strcmp(name, "Actorfile") == 0 ||
                strcmp(name, "Agentfile") == 0 ||
                strcmp(name, "Discardfile") == 0 ||
                strcmp(name, "Include") == 0 || strcmp(name, "Exclude") == 0)) {
        x->capture = X_ENV_FIELD;
        x->buf.len = 0;
    }
}

static void XMLCALL xml_end(void *ud, const XML_Char *name) {
    xml_state *x = ud;
    if (x->depth) x->depth--;
    in_environment *env = &x->in->env;
    if (x->capture == X_ENV_FIELD) {
        x->capture = X_NONE;
        const char *s = x->buf.s ? x->buf.s : "";
        size_t n = x->buf.len;
        trim(&s, &n);
        char *v = dupn(s, n);
        if (!v) {
            x->nomem = 1;
            return;
        }
        char **slot = strcmp(name, "Verbfile") == 0      ? &env->verbfile
                      : strcmp(name, "Actorfile") == 0   ? &env->actorfile
                      : strcmp(name, "Agentfile") == 0   ? &env->agentfile
                      : strcmp(name, "Discardfile") == 0 ? &env->discardfile
                                                         : NULL;
        if (slot) {
            free(*slot);
            *slot = v;
            return;
        }
        int bad = strcmp(name, "Include") == 0
                      ? split_words(&env->include, &env->ninclude, v)
                      : split_words(&env->exclude, &env->nexclude, v);
        free(v);
        if (bad) x->nomem = 1;
        return;
    }
    if (strcmp(name, "Text") == 0 && x->capture == X_TEXT) {
        x->capture = X_NONE;
        in_record *r = &x->cur;
        free(r->text);
        r->text = collapse_text(x->buf.s ? x->buf.s : "", x->buf.len, &r->len);
        if (!r->text) x->nomem = 1;
        x->have_text = 1;
    } else if (strcmp(name, "Sentence") == 0 && x->in_sentence) {
        x->in_sentence = 0;
        in_record *r = &x->cur;
        if (!x->have_text) {
            if (!r->rejected)
                reject(r, r->line, r->column,
                       "expected a <Text> element in <Sentence>");
            if (!r->text) r->text = dup("");
        }
        if (xml_push(x, r)) x->nomem = 1;
    }
}

static void XMLCALL xml_chars(void *ud, const XML_Char *s, int len) {
    xml_state *x = ud;
    if (x->capture != X_NONE && sb_add(&x->buf, s, (size_t)len)) x->nomem = 1;
}

static int next_petrarch(in_reader *in, in_record *r) {
    xml_state *x = in->xml;
    if (!x) {
        x = in->xml = calloc(1, sizeof *x);
        if (!x || !(x->p = XML_ParserCreate("UTF-8"))) return read_error(in, r);
        x->in = in;
        XML_SetUserData(x->p, x);
        XML_SetElementHandler(x->p, xml_start, xml_end);
        XML_SetCharacterDataHandler(x->p, xml_chars);
    }
    char chunk[65536];
    while (x->head == x->nqueue && !x->done) {
        size_t got = fread(chunk, 1, sizeof chunk, in->f);
        in->read += got;
        int final = got < sizeof chunk;
        if (final && ferror(in->f)) {
            x->done = 1;
            return read_error(in, r);
        }
        if (XML_Parse(x->p, chunk, (int)got, final) == XML_STATUS_ERROR) {
            x->done = 1;
            in_record bad = {0};
            bad.file = dup(in->name);
            bad.line = (uint32_t)XML_GetErrorLineNumber(x->p);
            bad.column = (uint32_t)XML_GetErrorColumnNumber(x->p) + 1;
            bad.id = line_id(in, bad.line);
            bad.text = dup("");
            /* expat names the error; the open element says what was
             * expected when a closing tag does not match */
            enum XML_Error code = XML_GetErrorCode(x->p);
            char expected[80] = "";
            size_t top = x->depth - 1;
            if ((code == XML_ERROR_TAG_MISMATCH ||
                 code == XML_ERROR_NO_ELEMENTS) &&
                x->depth && top < sizeof x->open / sizeof x->open[0])
                snprintf(expected, sizeof expected, ", expected </%s>",
                         x->open[top]);
            reject(&bad, bad.line, bad.column,
                   "malformed XML (%s%s); the rest of the file is skipped",
                   XML_ErrorString(code), expected);
            if (!bad.id || !bad.text || xml_push(x, &bad)) {
                in_record_free(&bad);
                return read_error(in, r);
            }
        }
        if (x->nomem) return read_error(in, r);
        if (final) x->done = 1;
    }
    if (x->head == x->nqueue) return 0;
    *r = x->queue[x->head++];
    return 1;
}

int in_next(in_reader *in, in_record *r) {
    switch (in->kind) {
    case IN_TEXT:
        return next_text(in, r);
    case IN_PARAS:
        return next_paras(in, r);
    case IN_JSONL:
        return next_jsonl(in, r);
    case IN_TABARI:
        return next_tabari(in, r);
    case IN_PETRARCH:
        return next_petrarch(in, r);
    default:
        return 0;
    }
}
