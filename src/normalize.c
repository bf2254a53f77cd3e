/*
 * UTF-8 decoding, character classes and token normalisation.
 *
 * Every token keeps its byte span in the original text; its normal form is
 * NFC with typographic quotes, apostrophes and dashes folded to ASCII, so that
 * "Iran’s" and "Iran's" match the same dictionary entry. ASCII (nearly all
 * news text) takes a fast path that never calls utf8proc.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t utf8_decode(const uint8_t *s, size_t len, size_t i, int32_t *cp) {
    uint8_t c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3, v = c & 0x07, min = 0x10000;
    } else {
        *cp = -1;
        return 1;
    }
    if (len - i <= need) {
        *cp = -1;
        return 1;
    }
    for (size_t k = 1; k <= need; k++) {
        uint8_t b = s[i + k];
        if ((b & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (b & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return need + 1;
}

size_t utf8_first_invalid(const uint8_t *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        /* skip ASCII eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= len) break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t n = utf8_decode(s, len, i, &cp);
        if (cp < 0) return i;
        i += n;
    }
    return len;
}

bool cp_is_letter(int32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return true;
    default:
        return false;
    }
}

bool cp_is_digit(int32_t cp) {
    if (cp < 0x80) return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool cp_is_space(int32_t cp) {
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
               cp == '\f' || cp == '\v';
    if (cp == 0x85 || cp == 0xFEFF || cp == 0x200B) return true;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP;
}

bool cp_is_upper(int32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int32_t cp_fold(int32_t cp) {
    switch (cp) {
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F: /* “ ” „ ‟ */
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
    case 0x301D: /* « » ″ 〝 */
    case 0x301E:
    case 0xFF02:
        return '"';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B: /* ‘ ’ ‚ ‛ */
    case 0x2032:
    case 0x02BC:
    case 0x02B9:
    case 0xFF07: /* ′ ʼ ʹ ＇ */
    case 0x2039:
    case 0x203A: /* ‹ › */
        return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013: /* ‐ ‑ ‒ – */
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
    case 0x00AD: /* − ﹣ － soft */
        return '-';
    case 0x2014:
    case 0x2015:
    case 0x2E3A:
    case 0x2E3B: /* — ― ⸺ ⸻ */
        return 0x2014;
    case 0x2026: /* … is expanded by normalize_token */
        return 0x2026;
    case 0x00A0:
    case 0x202F:
    case 0x2007: /* no-break spaces */
        return ' ';
    default:
        return cp;
    }
}

static int push_cp(char_vec *buf, int32_t cp) {
    uint8_t tmp[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
    if (vec_reserve((void **)&buf->v, &buf->cap, buf->n + (size_t)n, 1))
        return BEDE_ERR_NOMEM;
    memcpy(buf->v + buf->n, tmp, (size_t)n);
    buf->n += (size_t)n;
    return 0;
}

/* Appends the lower-case form of pool->v[off..off+len) and returns its ref,
 * or `off` itself when nothing changes. */
static uint32_t add_lower(char_vec *pool, uint32_t off, size_t len,
                          bool ascii) {
    const char *s = pool->v + off;
    bool has_upper = false;
    if (ascii) {
        for (size_t i = 0; i < len; i++)
            if (s[i] >= 'A' && s[i] <= 'Z') {
                has_upper = true;
                break;
            }
    } else {
        for (size_t i = 0; i < len;) {
            int32_t cp;
            i += utf8_decode((const uint8_t *)s, len, i, &cp);
            if (cp >= 0 && utf8proc_tolower(cp) != cp) {
                has_upper = true;
                break;
            }
        }
    }
    if (!has_upper) return off;
    /* reserve first: pool->v may move */
    if (vec_reserve((void **)&pool->v, &pool->cap, pool->n + len * 2 + 1, 1))
        return UINT32_MAX;
    s = pool->v + off;
    uint32_t out = (uint32_t)pool->n;
    if (ascii) {
        char *d = pool->v + pool->n;
        for (size_t i = 0; i < len; i++)
            d[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
        d[len] = '\0';
        pool->n += len + 1;
        return out;
    }
    char_vec tmp = {0};
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += utf8_decode((const uint8_t *)s, len, i, &cp);
        if (push_cp(&tmp, cp < 0 ? 0xFFFD : utf8proc_tolower(cp))) {
            free(tmp.v);
            return UINT32_MAX;
        }
    }
    uint32_t ref = pool_add(pool, tmp.v, tmp.n);
    free(tmp.v);
    return ref;
}

int normalize_token(const char *s, size_t len, char_vec *pool, uint32_t *norm,
                    uint32_t *lower) {
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            ascii = false;
            break;
        }
    uint32_t ref;
    size_t nlen = len;
    if (ascii) {
        ref = pool_add(pool, s, len);
    } else {
        /* fold typographic punctuation and replace invalid bytes first */
        char_vec folded = {0};
        int rc = 0;
        for (size_t i = 0; i < len && rc == 0;) {
            int32_t cp;
            i += utf8_decode((const uint8_t *)s, len, i, &cp);
            if (cp < 0) {
                rc = push_cp(&folded, 0xFFFD);
                continue;
            }
            cp = cp_fold(cp);
            if (cp == 0x2014) {
                rc = push_cp(&folded, '-');
                if (rc == 0) rc = push_cp(&folded, '-');
            } else if (cp == 0x2026) {
                for (int k = 0; k < 3 && rc == 0; k++)
                    rc = push_cp(&folded, '.');
            } else {
                rc = push_cp(&folded, cp);
            }
        }
        if (rc) {
            free(folded.v);
            return rc;
        }
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t n = 0;
        if (folded.n)
            n = utf8proc_map((const utf8proc_uint8_t *)folded.v,
                             (utf8proc_ssize_t)folded.n, &nfc,
                             UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        if (n < 0 || (folded.n && !nfc)) {
            /* cannot happen after replacement; keep the folded bytes */
            ref = pool_add(pool, folded.v, folded.n);
            nlen = folded.n;
        } else {
            ref = pool_add(pool, (const char *)nfc, (size_t)n);
            nlen = (size_t)n;
        }
        free(nfc);
        free(folded.v);
        ascii = true;
        for (size_t i = 0; ref != UINT32_MAX && i < nlen; i++)
            if ((unsigned char)pool->v[ref + i] >= 0x80) {
                ascii = false;
                break;
            }
    }
    if (ref == UINT32_MAX) return BEDE_ERR_NOMEM;
    uint32_t low = add_lower(pool, ref, nlen, ascii);
    if (low == UINT32_MAX) return BEDE_ERR_NOMEM;
    *norm = ref;
    *lower = low;
    return 0;
}
