/*
 * The compiled form of a dictionary: the arrays of a bede_dict written as
 * they are in memory, so that loading is mapping the file and pointing the
 * arrays into it. Reading the PETRARCH-2 and TABARI texts tokenizes every
 * phrase; loading the compiled file only checks it.
 *
 * Layout (every number in the byte order of the machine that wrote it,
 * which the header checks; data/README.md, "Compiled form"):
 *
 *   header    magic "BEDEDICT", format version, byte-order mark, total size,
 *             XXH64 of every byte after the header, record-layout signature,
 *             number of sections
 *   sections  one {offset, count, element size, id} per array, in id order
 *   arrays    each at an 8-byte aligned offset, padding bytes zero
 *
 * Records refer to each other by index and to strings by offset into the
 * chars section, never by pointer, so the image is position independent.
 * Notes (load warnings) hold their message as an offset into a text section
 * and are copied to the heap on load, since bede_dict_check adds to them.
 *
 * A file is trusted only after the header, the checksum and then the
 * structure pass: every section inside the file, every stored index in
 * range, every string id inside chars (whose last byte is NUL), the trie a
 * tree whose lists end, hash tables with an empty slot. A crafted file with
 * a correct checksum thus cannot make a lookup read out of bounds or loop.
 */
#define _DEFAULT_SOURCE /* MAP_POPULATE */
#include "dict_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#define FORMAT_VERSION 1
#define BYTE_ORDER_MARK 0x01020304u

typedef struct {
    char magic[8];
    uint32_t version;
    uint32_t byte_order; /* BYTE_ORDER_MARK as written */
    uint64_t total_size; /* of the whole file */
    uint64_t checksum;   /* XXH64, seed 0, of bytes [sizeof header, total) */
    uint32_t layout;     /* layout_signature() of the writer */
    uint32_t nsections;
    uint64_t reserved;   /* zero */
} file_header;

typedef struct {
    uint64_t offset, count;
    uint32_t elem_size, id;
} file_section;

/* A note as stored: message is an offset into SEC_NOTE_TEXT. */
typedef struct {
    uint32_t file, line, column, message, other_file, other_line;
} file_note;

/* Scalars of the model, one uint64 each in SEC_META. */
enum {
    META_STRCOUNT,
    META_TRIE_USED,
    META_PHRASE_COUNT, /* BEDE_DICT_KIND_COUNT of them */
    META_COUNT = META_PHRASE_COUNT + BEDE_DICT_KIND_COUNT
};

enum {
    SEC_META,
    SEC_CHARS,
    SEC_STRHASH,
    SEC_ENTRIES,
    SEC_BYKIND, /* BEDE_DICT_KIND_COUNT sections */
    SEC_PHRASES = SEC_BYKIND + BEDE_DICT_KIND_COUNT,
    SEC_WORDS,
    SEC_CODES,
    SEC_BLOCKS,
    SEC_PATTERNS,
    SEC_ELEMS,
    SEC_NOTES,
    SEC_NOTE_TEXT,
    SEC_TRIE_NODES,
    SEC_TRIE_SPECIALS,
    SEC_TRIE_VALUES,
    SEC_TRIE_SLOTS,
    SEC_COUNT
};

static const char *const section_names[SEC_COUNT] = {
    "meta",     "chars",    "string hash", "entries",  "actors index",
    "agents index", "verbs index", "discards index", "issues index",
    "options index", "synsets index", "phrases", "words", "codes", "blocks",
    "patterns", "pattern elements", "notes", "note text", "trie nodes",
    "trie special edges", "trie values", "trie slots"};

static size_t elem_size(int sec) {
    switch (sec) {
    case SEC_META: return sizeof(uint64_t);
    case SEC_CHARS:
    case SEC_NOTE_TEXT: return 1;
    case SEC_ENTRIES: return sizeof(dict_entry);
    case SEC_PHRASES: return sizeof(dict_phrase);
    case SEC_WORDS: return sizeof(dict_word);
    case SEC_CODES: return sizeof(dict_code);
    case SEC_BLOCKS: return sizeof(dict_block);
    case SEC_PATTERNS: return sizeof(dict_pattern);
    case SEC_ELEMS: return sizeof(dict_elem);
    case SEC_NOTES: return sizeof(file_note);
    case SEC_TRIE_NODES: return sizeof(trie_node);
    case SEC_TRIE_SPECIALS: return sizeof(trie_special);
    case SEC_TRIE_VALUES: return sizeof(trie_value);
    case SEC_TRIE_SLOTS: return sizeof(trie_slot);
    default: return sizeof(uint32_t); /* string hash, bykind */
    }
}

/* A signature of the sizes and field offsets of every record: a file
 * written by a build whose records differ is refused, not misread. */
static uint32_t layout_signature(void) {
#define F(T, f) offsetof(T, f), sizeof(((T *)0)->f)
    static const size_t v[] = {
        sizeof(dict_entry), F(dict_entry, kind), F(dict_entry, flags),
        F(dict_entry, file), F(dict_entry, line), F(dict_entry, first_phrase),
        F(dict_entry, nphrases), F(dict_entry, first_code),
        F(dict_entry, ncodes), F(dict_entry, block), F(dict_entry, name),
        F(dict_entry, text), sizeof(dict_phrase), F(dict_phrase, first_word),
        F(dict_phrase, nwords), F(dict_phrase, entry), F(dict_phrase, line),
        F(dict_phrase, text), sizeof(dict_word), F(dict_word, word),
        F(dict_word, mode), F(dict_word, verb), sizeof(dict_code),
        F(dict_code, code), F(dict_code, from), F(dict_code, to),
        F(dict_code, dated), F(dict_code, line), sizeof(dict_block),
        F(dict_block, desc), F(dict_block, code), F(dict_block, file),
        F(dict_block, line), F(dict_block, first_pattern),
        F(dict_block, npatterns), sizeof(dict_pattern),
        F(dict_pattern, block), F(dict_pattern, first_elem),
        F(dict_pattern, nelems), F(dict_pattern, code), F(dict_pattern, line),
        F(dict_pattern, text), F(dict_pattern, transform),
        F(dict_pattern, tabari), sizeof(dict_elem),
        F(dict_elem, type), F(dict_elem, mode), F(dict_elem, joined),
        F(dict_elem, value), sizeof(trie_node), F(trie_node, values),
        F(trie_node, last), F(trie_node, specials), sizeof(trie_special),
        F(trie_special, word), F(trie_special, child), F(trie_special, next),
        F(trie_special, mode), sizeof(trie_value), F(trie_value, phrase),
        F(trie_value, next), sizeof(trie_slot), F(trie_slot, key),
        F(trie_slot, child), BEDE_DICT_KIND_COUNT, PAT_ALT_CLOSE};
#undef F
    return (uint32_t)XXH32(v, sizeof v, 0);
}

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

/* ------------------------------------------------------------ writing */

/* Copies of the records with their padding zeroed, so that compiling the
 * same dictionary twice gives the same bytes. */
static void put_record(int sec, void *dst, const void *src) {
    switch (sec) {
    case SEC_ENTRIES: {
        const dict_entry *s = src;
        dict_entry *o = dst;
        o->kind = s->kind, o->flags = s->flags, o->file = s->file;
        o->line = s->line, o->first_phrase = s->first_phrase;
        o->nphrases = s->nphrases, o->first_code = s->first_code;
        o->ncodes = s->ncodes, o->block = s->block, o->name = s->name;
        o->text = s->text;
        break;
    }
    case SEC_WORDS: {
        const dict_word *s = src;
        dict_word *o = dst;
        o->word = s->word, o->mode = s->mode, o->verb = s->verb;
        break;
    }
    case SEC_CODES: {
        const dict_code *s = src;
        dict_code *o = dst;
        o->code = s->code, o->from = s->from, o->to = s->to;
        o->dated = s->dated, o->line = s->line;
        break;
    }
    case SEC_PATTERNS: {
        const dict_pattern *s = src;
        dict_pattern *o = dst;
        o->block = s->block, o->first_elem = s->first_elem;
        o->nelems = s->nelems, o->code = s->code, o->line = s->line;
        o->text = s->text, o->transform = s->transform;
        o->tabari = s->tabari;
        break;
    }
    case SEC_ELEMS: {
        const dict_elem *s = src;
        dict_elem *o = dst;
        o->type = s->type, o->mode = s->mode, o->joined = s->joined;
        o->value = s->value;
        break;
    }
    case SEC_TRIE_SPECIALS: {
        const trie_special *s = src;
        trie_special *o = dst;
        o->word = s->word, o->child = s->child, o->next = s->next;
        o->mode = s->mode;
        break;
    }
    case SEC_TRIE_SLOTS: {
        const trie_slot *s = src;
        trie_slot *o = dst;
        o->key = s->key, o->child = s->child;
        break;
    }
    default: /* records without padding */
        memcpy(dst, src, elem_size(sec));
    }
}

typedef struct {
    FILE *f;
    XXH64_state_t *xx;
    uint64_t pos; /* bytes written after the header */
    int failed;
} writer;

static void emit(writer *w, const void *p, size_t n) {
    if (!n || w->failed) return;
    if (fwrite(p, 1, n, w->f) != n) w->failed = 1;
    XXH64_update(w->xx, p, n);
    w->pos += n;
}

static void emit_section(writer *w, int sec, const void *v, size_t count) {
    size_t es = elem_size(sec);
    if (sec == SEC_CHARS || sec == SEC_NOTE_TEXT || sec == SEC_META ||
        sec == SEC_STRHASH || (sec >= SEC_BYKIND && sec < SEC_PHRASES)) {
        emit(w, v, count * es);
    } else {
        unsigned char buf[4096];
        size_t per = sizeof buf / es;
        const unsigned char *src = v;
        for (size_t i = 0; i < count;) {
            size_t k = count - i < per ? count - i : per;
            memset(buf, 0, k * es);
            for (size_t j = 0; j < k; j++)
                put_record(sec, buf + j * es, src + (i + j) * es);
            emit(w, buf, k * es);
            i += k;
        }
    }
    static const unsigned char zero[8];
    emit(w, zero, align8(count * es) - count * es);
}

int bede_dict_compile(const bede_dict *d, const char *path, bede_error *err) {
    if (!d || !path)
        return bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "bad argument");
    if (d->indexed != d->phrases.n)
        return bede_fail(err, BEDE_ERR_ARG, path, 0, 0, 0,
                         "the dictionary is not fully indexed");
    /* notes: records and their messages, laid out first */
    file_note *notes = calloc(d->notes.n ? d->notes.n : 1, sizeof *notes);
    char_vec text = {0, 0, 0};
    if (!notes)
        return bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
    for (size_t i = 0; i < d->notes.n; i++) {
        const dict_note_rec *r = &d->notes.v[i];
        notes[i] = (file_note){r->file, r->line, r->column, 0, r->other_file,
                               r->other_line};
        notes[i].message = pool_add(&text, r->message, strlen(r->message));
        if (notes[i].message == UINT32_MAX) {
            free(notes);
            free(text.v);
            return bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0,
                             "out of memory");
        }
    }
    uint64_t meta[META_COUNT];
    memset(meta, 0, sizeof meta);
    meta[META_STRCOUNT] = d->strcount;
    meta[META_TRIE_USED] = d->index.used;
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
        meta[META_PHRASE_COUNT + k] = d->phrase_count[k];

    const void *ptr[SEC_COUNT];
    size_t count[SEC_COUNT];
#define SET(sec, p, n) (ptr[sec] = (p), count[sec] = (n))
    SET(SEC_META, meta, META_COUNT);
    SET(SEC_CHARS, d->chars.v, d->chars.n);
    SET(SEC_STRHASH, d->strhash, d->strslots);
    SET(SEC_ENTRIES, d->entries.v, d->entries.n);
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++)
        SET(SEC_BYKIND + k, d->bykind[k].v, d->bykind[k].n);
    SET(SEC_PHRASES, d->phrases.v, d->phrases.n);
    SET(SEC_WORDS, d->words.v, d->words.n);
    SET(SEC_CODES, d->codes.v, d->codes.n);
    SET(SEC_BLOCKS, d->blocks.v, d->blocks.n);
    SET(SEC_PATTERNS, d->patterns.v, d->patterns.n);
    SET(SEC_ELEMS, d->elems.v, d->elems.n);
    SET(SEC_NOTES, notes, d->notes.n);
    SET(SEC_NOTE_TEXT, text.v, text.n);
    SET(SEC_TRIE_NODES, d->index.nodes.v, d->index.nodes.n);
    SET(SEC_TRIE_SPECIALS, d->index.specials.v, d->index.specials.n);
    SET(SEC_TRIE_VALUES, d->index.values.v, d->index.values.n);
    SET(SEC_TRIE_SLOTS, d->index.slots, d->index.nslots);
#undef SET

    file_section table[SEC_COUNT];
    memset(table, 0, sizeof table);
    uint64_t off = align8(sizeof(file_header) + sizeof table);
    for (int s = 0; s < SEC_COUNT; s++) {
        table[s].offset = off;
        table[s].count = count[s];
        table[s].elem_size = (uint32_t)elem_size(s);
        table[s].id = (uint32_t)s;
        off += align8(count[s] * elem_size(s));
    }
    file_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, DICT_MAGIC, 8);
    h.version = FORMAT_VERSION;
    h.byte_order = BYTE_ORDER_MARK;
    h.total_size = off;
    h.layout = layout_signature();
    h.nsections = SEC_COUNT;

    /* write next to the target, then rename: readers never see half */
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    writer w = {NULL, XXH64_createState(), 0, 0};
    int fd = -1;
    if (tmp) {
        snprintf(tmp, plen + 16, "%s.tmp.XXXXXX", path);
        fd = mkstemp(tmp);
    }
    if (!tmp || !w.xx || fd < 0) {
        int e = errno;
        free(notes);
        free(text.v);
        XXH64_freeState(w.xx);
        free(tmp);
        return bede_fail(err, tmp ? BEDE_ERR_IO : BEDE_ERR_NOMEM, path, 0, 0,
                         0, "cannot create a temporary file next to it: %s",
                         strerror(e));
    }
    fchmod(fd, 0644);
    w.f = fdopen(fd, "wb");
    if (!w.f) {
        close(fd);
        w.failed = 1;
    } else {
        XXH64_reset(w.xx, 0);
        if (fwrite(&h, sizeof h, 1, w.f) != 1) w.failed = 1;
        emit(&w, table, sizeof table);
        static const unsigned char zero[8];
        emit(&w, zero, align8(sizeof h + sizeof table) - sizeof h -
                           sizeof table);
        for (int s = 0; s < SEC_COUNT; s++)
            emit_section(&w, s, ptr[s], count[s]);
        h.checksum = XXH64_digest(w.xx);
        if (sizeof h + w.pos != h.total_size || fseek(w.f, 0, SEEK_SET) != 0 ||
            fwrite(&h, sizeof h, 1, w.f) != 1)
            w.failed = 1;
        if (fclose(w.f) != 0) w.failed = 1;
    }
    int e = errno;
    free(notes);
    free(text.v);
    XXH64_freeState(w.xx);
    if (!w.failed && rename(tmp, path) != 0) {
        e = errno;
        w.failed = 1;
    }
    if (w.failed) {
        unlink(tmp);
        free(tmp);
        return bede_fail(err, BEDE_ERR_IO, path, 0, 0, 0, "cannot write: %s",
                         strerror(e));
    }
    free(tmp);
    return 0;
}

/* ------------------------------------------------------------ checking */

typedef struct {
    const unsigned char *base;
    size_t len;
    const char *name;
    bede_error *err;
    const file_section *sec;
    size_t nchars;
} image;

#define BAD(...)                                                               \
    bede_fail(im->err, BEDE_ERR_FORMAT, im->name, 0, 0, 0,                     \
              "corrupt compiled dictionary: " __VA_ARGS__)

static const void *sec_ptr(const image *im, int s) {
    return im->base + im->sec[s].offset;
}

static bool str_ok(const image *im, uint32_t id) { return id < im->nchars; }
static bool opt_str_ok(const image *im, uint32_t id) {
    return id == NONE || id < im->nchars;
}
/* first + n <= limit, without overflow */
static bool run_ok(uint32_t first, uint32_t n, size_t limit) {
    return (uint64_t)first + n <= limit;
}

static int check_header(image *im) {
    const file_header *h = (const file_header *)im->base;
    if (!dict_is_compiled(im->base, im->len))
        return bede_fail(im->err, BEDE_ERR_FORMAT, im->name, 0, 0, 0,
                         "not a compiled bede dictionary (expected the magic "
                         "'%s' at its start)",
                         DICT_MAGIC);
    if (im->len < sizeof *h)
        return bede_fail(im->err, BEDE_ERR_CHECKSUM, im->name, 0, 0, 0,
                         "truncated: %zu bytes, shorter than the %zu-byte "
                         "header",
                         im->len, sizeof *h);
    if (h->byte_order != BYTE_ORDER_MARK)
        return bede_fail(im->err, BEDE_ERR_FORMAT, im->name, 0, 0, 0,
                         "written on a machine of another byte order "
                         "(expected mark 0x%08x, found 0x%08x): compile it "
                         "again here",
                         BYTE_ORDER_MARK, (unsigned)h->byte_order);
    if (h->version != FORMAT_VERSION)
        return bede_fail(im->err, BEDE_ERR_FORMAT, im->name, 0, 0, 0,
                         "unsupported compiled format version %u (expected "
                         "version %u): compile it again from the text files",
                         (unsigned)h->version, FORMAT_VERSION);
    if (h->total_size != im->len)
        return bede_fail(im->err, BEDE_ERR_CHECKSUM, im->name, 0, 0, 0,
                         "size mismatch: the file is truncated or has bytes "
                         "appended (expected %llu bytes, found %zu)",
                         (unsigned long long)h->total_size, im->len);
    uint64_t sum = XXH64(im->base + sizeof *h, im->len - sizeof *h, 0);
    if (sum != h->checksum)
        return bede_fail(im->err, BEDE_ERR_CHECKSUM, im->name, 0, 0, 0,
                         "checksum mismatch: the file is corrupt or truncated "
                         "(expected 0x%016llx, found 0x%016llx)",
                         (unsigned long long)h->checksum,
                         (unsigned long long)sum);
    if (h->layout != layout_signature())
        return bede_fail(im->err, BEDE_ERR_FORMAT, im->name, 0, 0, 0,
                         "written by a bede with other record layouts "
                         "(expected layout 0x%08x, found 0x%08x): compile it "
                         "again from the text files",
                         (unsigned)layout_signature(), (unsigned)h->layout);
    if (h->nsections != SEC_COUNT)
        return BAD("expected %d sections, found %u", SEC_COUNT,
                   (unsigned)h->nsections);
    if (im->len < sizeof *h + SEC_COUNT * sizeof(file_section))
        return BAD("the section table runs past the end of the file");
    im->sec = (const file_section *)(im->base + sizeof *h);
    uint64_t data = sizeof *h + SEC_COUNT * sizeof(file_section);
    for (int s = 0; s < SEC_COUNT; s++) {
        const file_section *t = &im->sec[s];
        uint64_t es = elem_size(s);
        if (t->id != (uint32_t)s || t->elem_size != es)
            return BAD("section %d: expected %s of %llu-byte records", s,
                       section_names[s], (unsigned long long)es);
        if (t->offset % 8 || t->offset < data || t->offset > im->len ||
            t->count >= UINT32_MAX || t->count > (im->len - t->offset) / es)
            return BAD("section %s (offset %llu, %llu records) is not inside "
                       "the file",
                       section_names[s], (unsigned long long)t->offset,
                       (unsigned long long)t->count);
    }
    if (im->sec[SEC_META].count != META_COUNT)
        return BAD("expected %d meta values", META_COUNT);
    return 0;
}

/* Every stored index in range: what the lookups, the writer and the coder
 * follow without checking. */
static int check_records(image *im, bede_dict *d) {
    const char *chars = d->chars.v;
    if (!d->chars.n || chars[d->chars.n - 1] != '\0')
        return BAD("the strings do not end with a NUL byte");
    im->nchars = d->chars.n;
    /* string hash: a power of two with an empty slot, so probes end */
    size_t ns = d->strslots, empty = 0;
    if (ns & (ns - 1)) return BAD("string hash of %zu slots", ns);
    for (size_t i = 0; i < ns; i++) {
        if (!d->strhash[i])
            empty++;
        else if (!str_ok(im, d->strhash[i] - 1))
            return BAD("string hash slot %zu out of range", i);
    }
    if (ns && !empty) return BAD("string hash without an empty slot");

    for (size_t i = 0; i < d->entries.n; i++) {
        const dict_entry *e = &d->entries.v[i];
        if (e->kind >= BEDE_DICT_KIND_COUNT || !str_ok(im, e->file) ||
            !run_ok(e->first_phrase, e->nphrases, d->phrases.n) ||
            !run_ok(e->first_code, e->ncodes, d->codes.n) ||
            (e->block != NONE && e->block >= d->blocks.n) ||
            !opt_str_ok(im, e->name) || !opt_str_ok(im, e->text))
            return BAD("entry %zu out of range", i);
        bool named = e->kind == BEDE_DICT_SYNSETS || e->kind == BEDE_DICT_OPTIONS;
        if ((named && e->name == NONE) ||
            (e->kind == BEDE_DICT_OPTIONS && e->text == NONE))
            return BAD("entry %zu has no name", i);
    }
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        const u32_vec *v = &d->bykind[k];
        for (size_t i = 0; i < v->n; i++)
            if (v->v[i] >= d->entries.n || d->entries.v[v->v[i]].kind != k ||
                (i && v->v[i] <= v->v[i - 1]))
                return BAD("%s: entry %zu out of range or order",
                           section_names[SEC_BYKIND + k], i);
    }
    for (size_t i = 0; i < d->phrases.n; i++) {
        const dict_phrase *p = &d->phrases.v[i];
        if (!run_ok(p->first_word, p->nwords, d->words.n) ||
            p->entry >= d->entries.n || !str_ok(im, p->text))
            return BAD("phrase %zu out of range", i);
        const dict_entry *e = &d->entries.v[p->entry];
        if (i < e->first_phrase || i - e->first_phrase >= e->nphrases)
            return BAD("phrase %zu is not one of its entry's", i);
    }
    for (size_t i = 0; i < d->words.n; i++)
        if (!str_ok(im, d->words.v[i].word) || d->words.v[i].mode > 7)
            return BAD("word %zu out of range", i);
    for (size_t i = 0; i < d->codes.n; i++)
        if (!str_ok(im, d->codes.v[i].code))
            return BAD("code %zu out of range", i);
    for (size_t i = 0; i < d->blocks.n; i++) {
        const dict_block *b = &d->blocks.v[i];
        if (!str_ok(im, b->desc) || !str_ok(im, b->code) ||
            !opt_str_ok(im, b->file) ||
            !run_ok(b->first_pattern, b->npatterns, d->patterns.n))
            return BAD("verb block %zu out of range", i);
    }
    for (size_t i = 0; i < d->patterns.n; i++) {
        const dict_pattern *p = &d->patterns.v[i];
        if (p->block >= d->blocks.n ||
            !run_ok(p->first_elem, p->nelems, d->elems.n) ||
            !str_ok(im, p->code) || !str_ok(im, p->text))
            return BAD("pattern %zu out of range", i);
    }
    for (size_t i = 0; i < d->elems.n; i++) {
        const dict_elem *el = &d->elems.v[i];
        bool ok = el->type <= PAT_ALT_CLOSE && el->mode <= 7;
        if (ok && el->type == PAT_WORD) ok = str_ok(im, el->value);
        if (ok && el->type == PAT_SYNSET)
            ok = el->value < d->entries.n &&
                 d->entries.v[el->value].kind == BEDE_DICT_SYNSETS;
        if (!ok) return BAD("pattern element %zu out of range", i);
    }
    return 0;
}

/* The trie: roots first, every other node the child of exactly one edge
 * from a node before it (a tree: matching ends), every list of values and
 * special edges used once and ending, the slot table with an empty slot,
 * and the phrases under each root of that root's kind (a match's entry is
 * looked up in that kind's index). */
static int check_trie(image *im, bede_dict *d) {
    const trie *t = &d->index;
    size_t nn = t->nodes.n, nsp = t->specials.n, nv = t->values.n;
    if (nn < BEDE_DICT_KIND_COUNT) return BAD("the trie has no roots");
    if (t->nslots & (t->nslots - 1))
        return BAD("trie table of %zu slots", t->nslots);
    /* the parent of each node; one byte per special and value: whether a
     * list holds it already */
    uint32_t *parent = malloc((nn + 1) * sizeof *parent);
    unsigned char *sp_seen = calloc(nsp + nv + 1, 1);
    if (!parent || !sp_seen) {
        free(parent);
        free(sp_seen);
        return bede_fail(im->err, BEDE_ERR_NOMEM, NULL, 0, 0, 0,
                         "out of memory");
    }
    for (size_t n = 0; n < nn; n++) parent[n] = NONE;
    unsigned char *v_seen = sp_seen + nsp;
    int rc = 0;
#define FAIL(...)                                                              \
    do {                                                                       \
        rc = BAD(__VA_ARGS__);                                                 \
        goto done;                                                             \
    } while (0)
    size_t used = 0;
    for (size_t i = 0; i < t->nslots; i++) {
        const trie_slot *s = &t->slots[i];
        if (!s->key) continue;
        used++;
        uint64_t from = (s->key - 1) >> 32;
        if (from >= nn || s->child >= nn || s->child <= from ||
            parent[s->child] != NONE)
            FAIL("trie slot %zu out of range", i);
        parent[s->child] = (uint32_t)from;
    }
    if (t->nslots && used == t->nslots) FAIL("trie table without an empty slot");
    if (used != t->used) FAIL("trie table count %zu, found %zu", t->used, used);
    for (size_t n = 0; n < nn; n++) {
        const trie_node *nd = &t->nodes.v[n];
        if ((nd->values != NONE && nd->values >= nv) ||
            (nd->last != NONE && nd->last >= nv) ||
            (nd->specials != NONE && nd->specials >= nsp))
            FAIL("trie node %zu out of range", n);
        for (uint32_t v = nd->values; v != NONE; v = t->values.v[v].next) {
            const trie_value *tv = &t->values.v[v];
            /* lists are appended to: next is after, so they end */
            if (v_seen[v]++ || tv->phrase >= d->phrases.n ||
                (tv->next != NONE && (tv->next >= nv || tv->next <= v)))
                FAIL("trie value %u out of range", (unsigned)v);
        }
        for (uint32_t s = nd->specials; s != NONE; s = t->specials.v[s].next) {
            const trie_special *sp = &t->specials.v[s];
            /* lists are prepended to: next is before */
            if (sp_seen[s]++ || !str_ok(im, sp->word) || sp->mode > 7 ||
                sp->child >= nn || sp->child <= n ||
                parent[sp->child] != NONE ||
                (sp->next != NONE && sp->next >= s))
                FAIL("trie special edge %u out of range", (unsigned)s);
            parent[sp->child] = (uint32_t)n;
        }
    }
    /* parents come before their children: one pass finds each root; the
     * parent array becomes the root's kind */
    for (size_t n = 0; n < nn; n++) {
        if ((n < BEDE_DICT_KIND_COUNT) != (parent[n] == NONE))
            FAIL("trie node %zu is %s", n,
                 parent[n] == NONE ? "unreachable" : "a root with a parent");
        parent[n] = n < BEDE_DICT_KIND_COUNT ? (uint32_t)n : parent[parent[n]];
        for (uint32_t v = t->nodes.v[n].values; v != NONE;
             v = t->values.v[v].next) {
            const dict_phrase *p = &d->phrases.v[t->values.v[v].phrase];
            if (d->entries.v[p->entry].kind != parent[n])
                FAIL("trie node %zu holds a phrase of another kind", n);
        }
    }
done:
#undef FAIL
    free(parent);
    free(sp_seen);
    return rc;
}

static int check_notes(image *im, bede_dict *d, const file_note *fn,
                       size_t n, const char *text, size_t tn) {
    if (tn && text[tn - 1] != '\0')
        return BAD("the note text does not end with a NUL byte");
    for (size_t i = 0; i < n; i++)
        if (!str_ok(im, fn[i].file) || !opt_str_ok(im, fn[i].other_file) ||
            fn[i].message >= tn)
            return BAD("note %zu out of range", i);
    d->notes.v = calloc(n ? n : 1, sizeof *d->notes.v);
    if (!d->notes.v)
        return bede_fail(im->err, BEDE_ERR_NOMEM, NULL, 0, 0, 0,
                         "out of memory");
    d->notes.cap = n ? n : 1;
    for (size_t i = 0; i < n; i++) {
        dict_note_rec *r = &d->notes.v[i];
        r->file = fn[i].file;
        r->line = fn[i].line;
        r->column = fn[i].column;
        r->other_file = fn[i].other_file;
        r->other_line = fn[i].other_line;
        r->message = strdup(text + fn[i].message);
        if (!r->message)
            return bede_fail(im->err, BEDE_ERR_NOMEM, NULL, 0, 0, 0,
                             "out of memory");
        d->notes.n++;
    }
    return 0;
}

/* ------------------------------------------------------------ loading */

void dict_release_image(bede_dict *d) {
    if (d->image_mapped)
        munmap((void *)d->image, d->image_len);
    else
        free((void *)d->image);
    d->image = NULL;
}

/* A dictionary over the image base[0..len) (mapped or malloc'ed: it is the
 * dictionary's from now on, even on failure). */
static bede_dict *from_image(const void *base, size_t len, bool mapped,
                             const char *name, bede_error *err) {
    bede_dict *d = dict_alloc(NULL, err);
    if (!d) {
        if (mapped)
            munmap((void *)base, len);
        else
            free((void *)base);
        return NULL;
    }
    d->image = base;
    d->image_len = len;
    d->image_mapped = mapped;
    image im = {base, len, name, err, NULL, 0};
    if (check_header(&im) != 0) goto fail;
    const uint64_t *meta = sec_ptr(&im, SEC_META);
    const file_section *s = im.sec;
    /* the image is read-only: the arrays are never written through */
#define ARRAY(sec) ((void *)sec_ptr(&im, sec))
    d->chars.v = ARRAY(SEC_CHARS);
    d->chars.n = s[SEC_CHARS].count;
    d->strhash = ARRAY(SEC_STRHASH);
    d->strslots = s[SEC_STRHASH].count;
    d->strcount = meta[META_STRCOUNT];
#define VEC(vec, sec)                                                          \
    ((vec).v = ARRAY(sec), (vec).n = s[sec].count, (vec).cap = 0)
    VEC(d->entries, SEC_ENTRIES);
    for (int k = 0; k < BEDE_DICT_KIND_COUNT; k++) {
        VEC(d->bykind[k], SEC_BYKIND + k);
        d->phrase_count[k] = meta[META_PHRASE_COUNT + k];
    }
    VEC(d->phrases, SEC_PHRASES);
    VEC(d->words, SEC_WORDS);
    VEC(d->codes, SEC_CODES);
    VEC(d->blocks, SEC_BLOCKS);
    VEC(d->patterns, SEC_PATTERNS);
    VEC(d->elems, SEC_ELEMS);
    VEC(d->index.nodes, SEC_TRIE_NODES);
    VEC(d->index.specials, SEC_TRIE_SPECIALS);
    VEC(d->index.values, SEC_TRIE_VALUES);
#undef VEC
    d->index.slots = ARRAY(SEC_TRIE_SLOTS);
    d->index.nslots = s[SEC_TRIE_SLOTS].count;
    d->index.used = meta[META_TRIE_USED];
    d->indexed = d->phrases.n;
    if (check_records(&im, d) != 0 || check_trie(&im, d) != 0 ||
        check_notes(&im, d, sec_ptr(&im, SEC_NOTES), s[SEC_NOTES].count,
                    sec_ptr(&im, SEC_NOTE_TEXT), s[SEC_NOTE_TEXT].count) != 0)
        goto fail;
    if (trie_build_filter(&d->index) != 0) {
        bede_fail(err, BEDE_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
        goto fail;
    }
#undef ARRAY
    return d;
fail:
    bede_dict_free(d);
    return NULL;
}

bede_dict *bede_dict_load_compiled(const char *path, bede_error *err) {
    if (!path) {
        bede_fail(err, BEDE_ERR_ARG, NULL, 0, 0, 0, "no file");
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        bede_fail(err, BEDE_ERR_IO, path, 0, 0, 0, "cannot open: %s",
                  strerror(errno));
        if (fd >= 0) close(fd);
        return NULL;
    }
    size_t len = (size_t)st.st_size;
    if (len < sizeof(file_header)) {
        /* too short to map usefully: read it and let the checks speak */
        unsigned char head[sizeof(file_header)];
        ssize_t got = read(fd, head, sizeof head);
        close(fd);
        return bede_dict_load_compiled_memory(head, got > 0 ? (size_t)got : 0,
                                              path, err);
    }
    /* every page is read by the checks: fault them in in one go */
    int flags = MAP_SHARED;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE;
#endif
    void *base = mmap(NULL, len, PROT_READ, flags, fd, 0);
    int e = errno;
    close(fd);
    if (base == MAP_FAILED) {
        bede_fail(err, BEDE_ERR_IO, path, 0, 0, 0, "cannot map: %s",
                  strerror(e));
        return NULL;
    }
    return from_image(base, len, true, path, err);
}

bede_dict *bede_dict_load_compiled_memory(const void *buf, size_t len,
                                          const char *name, bede_error *err) {
    if (!name) name = "(memory)";
    if (!buf && len) {
        bede_fail(err, BEDE_ERR_ARG, name, 0, 0, 0, "no buffer");
        return NULL;
    }
    /* a copy: aligned for the records, and owned by the dictionary */
    void *copy = malloc(len ? len : 1);
    if (!copy) {
        bede_fail(err, BEDE_ERR_NOMEM, name, 0, 0, 0, "out of memory");
        return NULL;
    }
    if (len) memcpy(copy, buf, len);
    return from_image(copy, len, false, name, err);
}

size_t bede_dict_mapped_bytes(const bede_dict *d) {
    return d && d->image && d->image_mapped ? d->image_len : 0;
}

/* d takes c's contents; c is freed with what d had. */
static void adopt(bede_dict *d, bede_dict *c) {
    bede_dict t = *d;
    *d = *c;
    *c = t;
    d->opts = c->opts;
    bede_dict_free(c);
}

int dict_add_compiled(bede_dict *d, const char *path, const void *buf,
                      size_t len, bool file, bede_error *err) {
    if (d->image)
        return bede_fail(err, BEDE_ERR_ARG, path, 0, 0, 0,
                         "compiled dictionaries are read-only; load the text "
                         "files to extend them");
    if (d->entries.n || d->notes.n)
        return bede_fail(err, BEDE_ERR_ARG, path, 0, 0, 0,
                         "a compiled dictionary cannot be added to other "
                         "dictionaries; load it alone, or compile all the "
                         "text files together");
    bede_dict *c = file ? bede_dict_load_compiled(path, err)
                        : bede_dict_load_compiled_memory(buf, len, path, err);
    if (!c) return err ? err->status : BEDE_ERR_FORMAT;
    adopt(d, c);
    return (int)d->entries.n;
}
