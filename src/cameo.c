/*
 * The CAMEO event table (data/cameo/events.tsv, compiled into the library
 * by tools/gen_cameo.c) and date parsing shared by the coder and its users.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

extern const bede_cameo_code bede_cameo_table[];
extern const unsigned bede_cameo_table_len;

static int by_code(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const bede_cameo_code *)elem)->code);
}

int bede_cameo_lookup(const char *code, bede_cameo_code *out) {
    if (!code || !out) return BEDE_ERR_ARG;
    const bede_cameo_code *c =
        bsearch(code, bede_cameo_table, bede_cameo_table_len,
                sizeof *bede_cameo_table, by_code);
    if (!c) return BEDE_ERR_ARG;
    *out = *c;
    return 0;
}

static int num(const char *s, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static bool valid(int y, int m, int d) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return true;
}

int32_t bede_parse_date(const char *s, size_t len) {
    if (!s) return 0;
    int y, m, d;
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
    } else if (len == 8) {
        y = num(s, 4), m = num(s + 4, 2), d = num(s + 6, 2);
    } else if (len == 6) {
        /* TABARI's YYMMDD: 00-30 are 20YY, the rest 19YY */
        y = num(s, 2), m = num(s + 2, 2), d = num(s + 4, 2);
        if (y >= 0) y += y <= 30 ? 2000 : 1900;
    } else {
        return 0;
    }
    if (y < 0 || m < 0 || d < 0 || !valid(y, m, d)) return 0;
    return y * 10000 + m * 100 + d;
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard
 * Hinnant's civil calendar algorithms). */
static int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int32_t date_add_days(int32_t date, int days) {
    if (!date || !days) return date;
    int64_t z = days_from_civil(date / 10000, date / 100 % 100, date % 100) +
                days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = yoe + era * 400 + (m <= 2);
    if (y < 1 || y > 9999) return date;
    return (int32_t)(y * 10000 + m * 100 + d);
}
