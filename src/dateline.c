/*
 * Datelines: "TEHRAN, Feb 19 (Reuters) - ...", "Tehran, IRNA – ...",
 * "WASHINGTON (AP) — ...", "KYIV, Ukraine, March 3 (AFP) -- ...",
 * "ISLAMABAD: ...".
 *
 * A dateline opens a story, or follows a headline/byline paragraph or two.
 * Its place, date and agency are story metadata, not sentence text. It is
 * recognised only when it is unmistakable: the place is in capitals, or a
 * region ("Beirut, Lebanon"), an agency or a date stands between place and
 * dash. "Tehran said on Monday -"
 * is a sentence, not a dateline.
 */
#include "internal.h"

#include <string.h>

static const char *const months[] = {
    "january", "february", "march",     "april",    "may",      "june",
    "july",    "august",   "september", "october",  "november", "december",
    "jan",     "jan.",     "feb",       "feb.",     "mar",      "mar.",
    "apr",     "apr.",     "jun",       "jun.",     "jul",      "jul.",
    "aug",     "aug.",     "sep",       "sep.",     "sept",     "sept.",
    "oct",     "oct.",     "nov",       "nov.",     "dec",      "dec.",
    "monday",  "tuesday",  "wednesday", "thursday", "friday",   "saturday",
    "sunday",  NULL};

/* Agencies recognised without brackets ("Tehran, IRNA –"). */
static const char *const agencies[] = {
    "irna",      "isna",    "tasnim",    "fars",    "mehr",     "reuters",
    "ap",        "afp",     "xinhua",    "tass",    "sputnik",  "wafa",
    "sana",      "kcna",    "yonhap",    "kyodo",   "pti",      "ani",
    "ians",      "anadolu", "app",       "bernama", "antara",   "dpa",
    "efe",       "ansa",    "mena",      "qna",     "spa",      "wam",
    "kuna",      "bna",     "ona",       "petra",   "interfax", "ria",
    "ukrinform", "unian",   "saba",      "nna",     "upi",      "pap",
    "irib",      "aa",      "apa",       "trend",   "belta",    "vna",
    "kpl",       "pna",     "xinhuanet", "ptv",     "presstv",  "aljazeera",
    NULL};

/* Capitalised labels that open captions and rubrics, not places
 * ("FILE PHOTO: ...", "UPDATE 2-...", "EXCLUSIVE-..."). */
static const char *const labels[] = {
    "photo",     "file",     "video",      "update",    "breaking", "exclusive",
    "analysis",  "opinion",  "editorial",  "watch",     "live",     "factbox",
    "explainer", "comment",  "correction", "corrected", "refile",   "insight",
    "interview", "timeline", "graphic",    "pictures",  "focus",    "wrapup",
    "column",    NULL};

typedef struct dl_scan {
    const bede_token *toks;
    const uint8_t *gaps;
    size_t n;
    const char *pool;
} dl_scan;

static const char *lower(const dl_scan *d, size_t i) {
    return d->pool + d->toks[i].lower;
}

static bool is_word(const dl_scan *d, size_t i) {
    return i < d->n && d->toks[i].kind == BEDE_TOKEN_WORD;
}

static bool is_cap(const dl_scan *d, size_t i) {
    return is_word(d, i) && (d->toks[i].flags & BEDE_TOKF_CAPITALIZED);
}

static bool is_dash(const dl_scan *d, size_t i) {
    if (i >= d->n) return false;
    const char *w = lower(d, i);
    return d->toks[i].kind == BEDE_TOKEN_PUNCT &&
           (strcmp(w, "-") == 0 || strcmp(w, "--") == 0 ||
            strcmp(w, "---") == 0);
}

static bool is_punct(const dl_scan *d, size_t i, const char *p) {
    return i < d->n && strcmp(lower(d, i), p) == 0;
}

/* Name words: capitalised words joined by "/" or "-" and the lower-case
 * particles of place names (Rio de Janeiro, Dar es Salaam). Returns the
 * index after the name, or start if none. Sets *all_caps. */
static size_t scan_name(const dl_scan *d, size_t i, size_t max_words,
                        bool *all_caps) {
    static const char *const particles[] = {"de", "da", "do", "es",  "al", "el",
                                            "la", "of", "du", "del", NULL};
    size_t words = 0, j = i;
    *all_caps = true;
    while (j < d->n && words < max_words) {
        if (is_cap(d, j) && !str_in_list(months, lower(d, j))) {
            if (!(d->toks[j].flags & BEDE_TOKF_ALLCAPS) &&
                !(d->toks[j].span.end - d->toks[j].span.start == 1))
                *all_caps = false;
            j++;
            words++;
        } else if (words && (is_punct(d, j, "/") || is_punct(d, j, "-")) &&
                   is_cap(d, j + 1) && d->gaps[j] == GAP_NONE) {
            j++;
        } else if (words && is_word(d, j) &&
                   str_in_list(particles, lower(d, j)) && is_cap(d, j + 1)) {
            j++;
        } else {
            break;
        }
    }
    return words ? j : i;
}

/* Month [Day] [, Year] | Day Month [Year]. Returns the index after it. */
static size_t scan_date(const dl_scan *d, size_t i) {
    size_t j = i;
    if (is_word(d, j) && str_in_list(months, lower(d, j))) {
        j++;
        if (j < d->n && d->toks[j].kind == BEDE_TOKEN_NUMBER) j++;
        if (is_punct(d, j, ",") && j + 1 < d->n &&
            d->toks[j + 1].kind == BEDE_TOKEN_NUMBER)
            j += 2;
        else if (j < d->n && d->toks[j].kind == BEDE_TOKEN_NUMBER)
            j++;
        return j;
    }
    if (j < d->n && d->toks[j].kind == BEDE_TOKEN_NUMBER && is_word(d, j + 1) &&
        str_in_list(months, lower(d, j + 1))) {
        j += 2;
        if (j < d->n && d->toks[j].kind == BEDE_TOKEN_NUMBER) j++;
        return j;
    }
    return i;
}

static void set_span(bede_span *s, const bede_token *toks, size_t a, size_t b) {
    s->start = toks[a].span.start;
    s->end = toks[b - 1].span.end;
}

/* Tries a dateline starting at token s; returns the index after its dash
 * or colon, or 0. */
static size_t match_at(const dl_scan *d, size_t s, bede_dateline *dl) {
    bool caps;
    size_t j = scan_name(d, s, 5, &caps);
    if (j == s) return 0;
    for (size_t k = s; k < j; k++)
        if (str_in_list(labels, d->pool + d->toks[k].lower)) return 0;
    /* a dateline place is not a sentence start like "The" */
    memset(dl, 0, sizeof *dl);
    size_t place_end = j;
    bool has_agency = false, has_date = false, has_region = false;
    for (int guard = 0; guard < 6 && j < d->n; guard++) {
        if (is_punct(d, j, ",")) {
            size_t k = scan_date(d, j + 1);
            if (k > j + 1) {
                set_span(&dl->date, d->toks, j + 1, k);
                has_date = true;
                j = k;
                continue;
            }
            if (is_word(d, j + 1) && str_in_list(agencies, lower(d, j + 1))) {
                bool c2;
                k = scan_name(d, j + 1, 3, &c2);
                if (k == j + 1) k = j + 2;
                set_span(&dl->agency, d->toks, j + 1, k);
                has_agency = true;
                j = k;
                continue;
            }
            bool c2;
            k = scan_name(d, j + 1, 3, &c2);
            if (k > j + 1 && !has_date && !has_agency) {
                place_end = k; /* "KYIV, Ukraine", "Beirut, Lebanon" */
                has_region = true;
                j = k;
                continue;
            }
            return 0;
        }
        if (is_punct(d, j, "(")) {
            size_t k = j + 1;
            while (k < d->n && k < j + 6 && !is_punct(d, k, ")")) {
                if (d->toks[k].kind != BEDE_TOKEN_WORD &&
                    !is_punct(d, k, "-") && !is_punct(d, k, "/"))
                    return 0;
                k++;
            }
            if (!is_punct(d, k, ")") || k == j + 1) return 0;
            set_span(&dl->agency, d->toks, j + 1, k);
            has_agency = true;
            j = k + 1;
            continue;
        }
        if (is_dash(d, j) ||
            (is_punct(d, j, ":") && caps && !has_agency && !has_date)) {
            if (!(caps || has_agency || has_date || has_region)) return 0;
            if (j + 1 >= d->n) return 0;
            set_span(&dl->place, d->toks, s, place_end);
            set_span(&dl->whole, d->toks, s, j + 1);
            return j + 1;
        }
        return 0;
    }
    return 0;
}

size_t find_dateline(const bede_token *toks, const uint8_t *gaps, size_t n,
                     const char *pool, size_t *first, bede_dateline *dl) {
    dl_scan d = {toks, gaps, n, pool};
    memset(dl, 0, sizeof *dl);
    /* candidate starts: the story's first token, and the first token of
     * each of the next paragraphs while every paragraph before it is one
     * short line (a headline or byline) */
    size_t start = 0;
    for (int para = 0; para < 4 && start < n; para++) {
        size_t end = match_at(&d, start, dl);
        if (end) {
            *first = start;
            return end;
        }
        size_t k = start + 1;
        while (k < n && gaps[k] != GAP_PARAGRAPH) {
            if (gaps[k] == GAP_NEWLINE) break; /* a wrapped paragraph */
            k++;
        }
        if (k >= n || gaps[k] != GAP_PARAGRAPH || k - start > 16) break;
        start = k;
    }
    memset(dl, 0, sizeof *dl);
    return 0;
}
