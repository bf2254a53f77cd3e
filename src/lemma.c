/*
 * Lemmatizer for nouns and verbs: attacked -> attack, sought -> seek,
 * militias -> militia, crises -> crisis, 're -> be.
 *
 * Everything runs on const tables compiled from data/lemma/ by
 * tools/gen_lemma.c into one open-addressing hash table (lemma_table.h):
 *  1. a row of extra.tsv or exceptions.tsv for the form and its tag wins;
 *  2. otherwise the suffix rules of the tag apply: -s/-es/-ies/-men for NNS,
 *     -s/-es/-ies for VBZ, -ed for VBD and VBN, -ing for VBG;
 *  3. where a suffix rule is ambiguous (hoped: hop or hope? cases: cas or
 *     case? news: new or news?) the WordNet base forms of bases.tsv decide;
 *     that list holds every base form of the shapes asked about, so a miss
 *     is an answer too.
 * Proper nouns (NNP, NNPS), VB and VBP without a row, and all other tags are
 * copied unchanged. data/lemma/README.md describes the rules with examples.
 * No allocation and no state: safe from any number of threads.
 */
#include "internal.h"
#include "lemma_table.h"

#include <string.h>

/* Copies stem[0..n) and then suffix into out, truncating to cap - 1 bytes,
 * NUL-terminates, and returns the number of bytes written. cap > 0. */
static size_t emit(char *out, size_t cap, const char *stem, size_t n,
                   const char *suffix) {
    size_t room = cap - 1;
    if (n > room) n = room;
    memcpy(out, stem, n);
    size_t k = strlen(suffix);
    if (k > room - n) k = room - n;
    memcpy(out + n, suffix, k);
    out[n + k] = 0;
    return n + k;
}

/* The table entry for s[0..n), or NULL. */
static const lemma_word *find_word(const char *s, size_t n) {
    if (n == 0 || n > LEMMA_MAX_LEN) return NULL;
    for (uint32_t i = lemma_hash(s, n) & LEMMA_SLOT_MASK;;
         i = (i + 1) & LEMMA_SLOT_MASK) {
        uint16_t k = bede_lemma_slots[i];
        if (k == 0) return NULL;
        const lemma_word *e = &bede_lemma_words[k - 1];
        if (e->len == n && memcmp(bede_lemma_text + e->text, s, n) == 0)
            return e;
    }
}

/* Whether stem[0..n) + suffix is a listed base form of the kind in flag
 * (LEMMA_BASE_NOUN or LEMMA_BASE_VERB). */
static bool is_base(const char *stem, size_t n, const char *suffix,
                    unsigned flag) {
    size_t k = strlen(suffix);
    if (n + k > LEMMA_MAX_LEN) return false;
    char buf[LEMMA_MAX_LEN];
    memcpy(buf, stem, n);
    memcpy(buf + n, suffix, k);
    const lemma_word *e = find_word(buf, n + k);
    return e && (e->flags & flag);
}

static bool ends_with(const char *w, size_t len, const char *suffix) {
    size_t k = strlen(suffix);
    return len >= k && memcmp(w + len - k, suffix, k) == 0;
}

static bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool is_consonant(char c) {
    return c >= 'a' && c <= 'z' && !is_vowel(c);
}

/* Whether c is one of the bytes of set (never for NUL). */
static bool in_set(char c, const char *set) {
    return c != 0 && strchr(set, c) != NULL;
}

static bool has_vowel(const char *w, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) || w[i] == 'y') return true;
    return false;
}

/* The last c in w[0..n), or NULL. */
static const char *memrchr_or_null(const char *w, char c, size_t n) {
    while (n > 0)
        if (w[--n] == c) return w + n;
    return NULL;
}

/* "stopp", "call": ends in two equal consonants. */
static bool ends_doubled(const char *w, size_t n) {
    return n >= 3 && w[n - 1] == w[n - 2] && is_consonant(w[n - 1]);
}

/* "hop", "star", "plan": consonant-vowel-consonant, whose -ing and -ed
 * forms double the consonant (hopping), so "hoping" must be hope. */
static bool ends_cvc(const char *w, size_t n) {
    return n >= 2 && is_consonant(w[n - 1]) && !in_set(w[n - 1], "wxy") &&
           is_vowel(w[n - 2]) && (n == 2 || !is_vowel(w[n - 3]));
}

/* Stem endings that (almost) no English verb has without a final e (argu-,
 * solv-, judg-, collaps-, handl-, realiz-, reduc-, fluorinat-): the -ed and
 * -ing forms of verbs missing from WordNet ("weaponized") get their e back.
 * Known verbs never get here. */
static bool needs_final_e(const char *w, size_t n) {
    if (n < 2) return false;
    char prev = w[n - 2];
    switch (w[n - 1]) {
    case 'v':
    case 'u': return true;                        /* solv, argu */
    case 'z': return prev == 'i' || prev == 'y';  /* realiz, analyz */
    case 's': return in_set(prev, "iylnpr");     /* advis, collaps */
    case 'g': return prev == 'd' || prev == 'r';  /* judg, merg */
    case 'c': return in_set(prev, "eou");        /* reduc */
    case 'l': return in_set(prev, "bcdfgkptz");  /* handl */
    case 't': /* fluorinat, not boat or threat */
        return prev == 'a' && n >= 5 && !in_set(w[n - 3], "aeo");
    default: return false;
    }
}

/* Whether the part of w[0..n) after its last hyphen is a verb: "re-fill". */
static bool hyphen_compound(const char *w, size_t n) {
    const char *hyphen = memrchr_or_null(w, '-', n);
    return hyphen && is_base(hyphen + 1, (size_t)(w + n - hyphen - 1), "",
                             LEMMA_BASE_VERB);
}

/* A lemma as a prefix of the word plus a suffix. */
typedef struct {
    size_t keep;
    const char *add;
} split;

/* Whether the -es of w[0..len) may be an ending of its own: after s, x, z,
 * ch, sh or o (taxes, churches, heroes), not in agrees or hopes. */
static bool es_ending(const char *w, size_t len) {
    if (len < 4 || !ends_with(w, len, "es")) return false;
    char c = w[len - 3];
    return c == 's' || c == 'x' || c == 'z' || c == 'o' ||
           (c == 'h' && (w[len - 4] == 'c' || w[len - 4] == 's'));
}

/* NNS: militias, agencies, taxes, headaches, gunmen; news and status stay. */
static split noun_plural(const char *w, size_t len) {
    split whole = {len, ""};
    if (ends_with(w, len, "men") && len > 3) return (split){len - 3, "man"};
    if (len < 3 || w[len - 1] != 's' || ends_with(w, len, "ss")) return whole;
    if (ends_with(w, len, "us") || ends_with(w, len, "is")) {
        /* menus, taxis, iraqis; but status, crisis, tennis */
        return is_base(w, len - 1, "", LEMMA_BASE_NOUN) ? (split){len - 1, ""}
                                                         : whole;
    }
    if (is_base(w, len, "", LEMMA_BASE_NOUN)) return whole; /* news */
    if (ends_with(w, len, "ies") && len >= 4) {
        /* ties, movies; agencies */
        if (is_base(w, len - 3, "ie", LEMMA_BASE_NOUN))
            return (split){len - 1, ""};
        return (split){len - 3, "y"};
    }
    if (es_ending(w, len)) {
        /* cases, headaches, shoes; buses, churches, potatoes */
        if (is_base(w, len - 2, "e", LEMMA_BASE_NOUN))
            return (split){len - 1, ""};
        return (split){len - 2, ""};
    }
    return (split){len - 1, ""};
}

/* VBZ: attacks, denies, dies, reaches, uses, goes. */
static split verb_s(const char *w, size_t len) {
    split whole = {len, ""};
    if (len < 3 || w[len - 1] != 's' || ends_with(w, len, "ss") ||
        ends_with(w, len, "us"))
        return whole;
    if (ends_with(w, len, "ies") && len >= 4) {
        if (is_base(w, len - 3, "ie", LEMMA_BASE_VERB))
            return (split){len - 1, ""};
        return (split){len - 3, "y"};
    }
    if (es_ending(w, len)) {
        /* uses, seizes, shoes: the e belongs to the verb, unless the
         * stem without it is a verb too (axes: ax; buses: bus). */
        if (is_base(w, len - 2, "e", LEMMA_BASE_VERB) &&
            !is_base(w, len - 2, "", LEMMA_BASE_VERB))
            return (split){len - 1, ""};
        return (split){len - 2, ""};
    }
    return (split){len - 1, ""};
}

/* The lemma of a verb stem w[0..n) left by removing -ed or -ing (ing tells
 * which): undoubles consonants, restores a silent e. */
static split verb_stem(const char *w, size_t n, bool ing) {
    bool verb = is_base(w, n, "", LEMMA_BASE_VERB);
    bool verb_e = is_base(w, n, "e", LEMMA_BASE_VERB);
    if (verb && verb_e) {
        /* hoped, hoping -> hope (hop doubles: hopped); singed -> singe but
         * singing -> sing (sing and singe are both verbs) */
        return ing && !ends_cvc(w, n) ? (split){n, ""} : (split){n, "e"};
    }
    if (verb) return (split){n, ""};
    if (verb_e) return (split){n, "e"};
    if (ends_doubled(w, n)) {
        /* stopped, travelled; re-filled keeps its ll. Only the part after a
         * hyphen is tried: inside a word, "controll" ends in "roll". */
        return hyphen_compound(w, n) ? (split){n, ""} : (split){n - 1, ""};
    }
    /* A compound of a known verb: overdeveloped, outdated, prepackaged. */
    for (size_t i = 1; i + 3 <= n; i++) {
        if (is_base(w + i, n - i, "", LEMMA_BASE_VERB)) return (split){n, ""};
        if (is_base(w + i, n - i, "e", LEMMA_BASE_VERB))
            return (split){n, "e"};
    }
    if (needs_final_e(w, n)) return (split){n, "e"};
    return (split){n, ""};
}

/* VBD, VBN: attacked, stopped, hoped, agreed, denied, died, called. */
static split verb_ed(const char *w, size_t len) {
    split whole = {len, ""};
    if (len < 4 || !ends_with(w, len, "ed")) return whole;
    if (ends_with(w, len, "ied")) {
        if (is_base(w, len - 3, "ie", LEMMA_BASE_VERB))
            return (split){len - 1, ""}; /* died, tied */
        if (is_base(w, len - 2, "", LEMMA_BASE_VERB))
            return (split){len - 2, ""}; /* taxied, skied */
        return (split){len - 3, "y"};    /* denied */
    }
    if (ends_with(w, len, "eed")) {
        /* agreed, freed; need and bleed are no past forms */
        return is_base(w, len - 2, "e", LEMMA_BASE_VERB) ? (split){len - 1, ""}
                                                         : whole;
    }
    if (!has_vowel(w, len - 2)) return whole; /* shed, pled */
    return verb_stem(w, len - 2, false);
}

/* VBG: making, stopping, dying, agreeing, visiting. */
static split verb_ing(const char *w, size_t len) {
    split whole = {len, ""};
    if (len < 5 || !ends_with(w, len, "ing")) return whole;
    size_t n = len - 3;
    if (!has_vowel(w, n)) return whole; /* bring, sting */
    if (w[n - 1] == 'y' && n >= 2 && is_base(w, n - 1, "ie", LEMMA_BASE_VERB))
        return (split){n - 1, "ie"}; /* dying, lying, tying */
    return verb_stem(w, n, true);
}

static bool rule_matches(uint8_t pos, int tag) {
    if (pos == LEMMA_POS_NOUN)
        return tag == BEDE_TAG_NN || tag == BEDE_TAG_NNS;
    if (pos == LEMMA_POS_VERB)
        return tag >= BEDE_TAG_VB && tag <= BEDE_TAG_VBZ;
    return pos == tag;
}

size_t lemmatize(const char *w, size_t len, int tag, char *out, size_t cap) {
    if (cap == 0) return 0;
    bool verb = tag >= BEDE_TAG_VB && tag <= BEDE_TAG_VBZ;
    if (!verb && tag != BEDE_TAG_NN && tag != BEDE_TAG_NNS &&
        tag != BEDE_TAG_MD)
        return emit(out, cap, w, len, "");

    const lemma_word *e = find_word(w, len);
    if (e) {
        for (unsigned i = 0; i < e->nrules; i++) {
            const lemma_rule *r = &bede_lemma_rules[e->rule + i];
            if (rule_matches(r->pos, tag))
                return emit(out, cap, bede_lemma_text + r->text, r->len, "");
        }
    }

    split s = {len, ""};
    switch (tag) {
    case BEDE_TAG_NNS: s = noun_plural(w, len); break;
    case BEDE_TAG_VBZ: s = verb_s(w, len); break;
    case BEDE_TAG_VBD:
    case BEDE_TAG_VBN: s = verb_ed(w, len); break;
    case BEDE_TAG_VBG: s = verb_ing(w, len); break;
    default: break;
    }
    return emit(out, cap, w, s.keep, s.add);
}

bool lemma_past_form(const char *w, size_t len) {
    const lemma_word *e = find_word(w, len);
    if (e)
        for (unsigned i = 0; i < e->nrules; i++) {
            const lemma_rule *r = &bede_lemma_rules[e->rule + i];
            bool differs = r->len != len ||
                           memcmp(bede_lemma_text + r->text, w, len) != 0;
            if ((r->pos == BEDE_TAG_VBD || r->pos == BEDE_TAG_VBN ||
                 r->pos == LEMMA_POS_VERB) &&
                differs && !ends_with(w, len, "s") &&
                !ends_with(w, len, "ing"))
                return true;
        }
    return len > 4 && ends_with(w, len, "ed");
}
