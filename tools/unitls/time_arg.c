/* Points in time given on the command line: RFC 3339 or seconds since the
 * epoch. Parsed here with plain arithmetic: timegm() is not POSIX, and
 * mktime() would bring in the local time zone. */
#include "time_arg.h"

#include <stddef.h>

/* The fields of an RFC 3339 date-time, as written. */
struct date_time {
    int year, month, day, hour, minute, second;
    int offset_minutes; /* east of UTC */
};

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads exactly `width` digits at *text and advances past them. Returns the
 * number, or -1 if a character is not a digit. */
static int read_digits(const char **text, int width)
{
    int value = 0;
    for (int i = 0; i < width; i++) {
        char c = (*text)[i];
        if (!is_digit(c))
            return -1;
        value = value * 10 + (c - '0');
    }
    *text += width;
    return value;
}

/* Expects character `c` (or `alt`) at *text and advances past it. */
static int expect(const char **text, char c, char alt)
{
    if (**text != c && **text != alt)
        return -1;
    *text += 1;
    return 0;
}

static int is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/* Days from 1970-01-01 to year-month-day in the proleptic Gregorian
 * calendar (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t year_of_era = y - era * 400;
    int64_t shifted_month = month > 2 ? month - 3 : month + 9;
    int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

/* "YYYY-MM-DD" */
static int parse_date(const char **text, struct date_time *dt)
{
    if ((dt->year = read_digits(text, 4)) < 0 || expect(text, '-', '-') ||
        (dt->month = read_digits(text, 2)) < 0 || expect(text, '-', '-') ||
        (dt->day = read_digits(text, 2)) < 0)
        return -1;
    if (dt->month < 1 || dt->month > 12 || dt->day < 1 ||
        dt->day > days_in_month(dt->year, dt->month))
        return -1;
    return 0;
}

/* "HH:MM:SS" and an optional fraction ".d+", which is dropped. */
static int parse_time(const char **text, struct date_time *dt)
{
    if ((dt->hour = read_digits(text, 2)) < 0 || expect(text, ':', ':') ||
        (dt->minute = read_digits(text, 2)) < 0 || expect(text, ':', ':') ||
        (dt->second = read_digits(text, 2)) < 0)
        return -1;
    if (dt->hour > 23 || dt->minute > 59 || dt->second > 60)
        return -1;
    if (**text == '.') {
        *text += 1;
        if (!is_digit(**text))
            return -1;
        while (is_digit(**text))
            *text += 1;
    }
    return 0;
}

/* "Z" or "+HH:MM" / "-HH:MM", then the end of the text. */
static int parse_offset(const char *text, struct date_time *dt)
{
    if (expect(&text, 'Z', 'z') == 0) {
        dt->offset_minutes = 0;
        return *text == '\0' ? 0 : -1;
    }
    int sign = *text == '-' ? -1 : 1;
    int hours, minutes;
    if (expect(&text, '+', '-') || (hours = read_digits(&text, 2)) < 0 ||
        expect(&text, ':', ':') || (minutes = read_digits(&text, 2)) < 0)
        return -1;
    if (hours > 23 || minutes > 59 || *text != '\0')
        return -1;
    dt->offset_minutes = sign * (hours * 60 + minutes);
    return 0;
}

/* 'T' between date and time; RFC 3339 (5.6, NOTE) also allows 't' and a
 * space. */
static int parse_separator(const char **text)
{
    if (expect(text, 'T', 't') == 0)
        return 0;
    return expect(text, ' ', ' ');
}

static int parse_rfc3339(const char *text, int64_t *out)
{
    struct date_time dt;
    if (parse_date(&text, &dt) || parse_separator(&text) ||
        parse_time(&text, &dt) || parse_offset(text, &dt))
        return -1;
    int64_t days = days_from_civil(dt.year, dt.month, dt.day);
    int64_t seconds = ((days * 24 + dt.hour) * 60 + dt.minute) * 60 +
                      dt.second;
    *out = seconds - (int64_t)dt.offset_minutes * 60;
    return 0;
}

/* Digits only, up to INT64_MAX. */
static int parse_epoch(const char *text, int64_t *out)
{
    int64_t value = 0;
    for (const char *c = text; *c != '\0'; c++) {
        if (!is_digit(*c))
            return -1;
        int digit = *c - '0';
        if (value > (INT64_MAX - digit) / 10)
            return -1;
        value = value * 10 + digit;
    }
    *out = value;
    return 0;
}

static int all_digits(const char *text)
{
    if (*text == '\0')
        return 0;
    for (; *text != '\0'; text++)
        if (!is_digit(*text))
            return 0;
    return 1;
}

int time_arg_parse(const char *text, int64_t *out)
{
    if (text == NULL)
        return -1;
    return all_digits(text) ? parse_epoch(text, out)
                            : parse_rfc3339(text, out);
}
