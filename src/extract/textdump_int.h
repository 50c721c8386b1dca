/* textdump_int.h - the pieces of textdump.c that the unit tests check on
 * their own. Not an API: callers use rv_extract(). */
#ifndef RV_TEXTDUMP_INT_H
#define RV_TEXTDUMP_INT_H

#include "core/date.h"
#include "core/str.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- measures of a line (textdump_text.c); s is valid UTF-8 */

struct rv__td_letters {
	size_t letters, upper, lower, digits;
};
/* Letters (any script; with their case) and ASCII digits in s[0..len). */
struct rv__td_letters rv__td_count_letters(const char *s, size_t len);
/* Space-separated words; in Chinese, Japanese, Thai ... two characters
 * count as a word. */
size_t rv__td_count_words(const char *s);
/* First / last code point (-1 when none). */
int32_t rv__td_first_cp(const char *s);
int32_t rv__td_last_cp(const char *s, size_t len);
bool rv__td_cp_is_letter(int32_t cp);
/* Ends with . ! ? … 。 ！ ？ ؟ । or a closing quote or bracket. */
bool rv__td_ends_sentence(const char *s);
/* Ends with "..." or "…": a teaser or a cut lead. */
bool rv__td_is_truncated(const char *s);
/* Accent-free lower-case copy, spaces squeezed (NULL: out of memory). */
char *rv__td_fold(const char *s);
/* http://, https:// or www. */
bool rv__td_is_url_token(const char *t, size_t n);

/* ---- pieces of textdump.c and textdump_clean.c the unit tests check */

/* 2-5 capitalised words (particles such as "de", "von" allowed), no digits,
 * not an all-capitals acronym: the shape of a person's name. */
bool rv__textdump_is_name(const char *s);

/* A day written in a URL path (/2022/01/24/, /20220124/, /2022-01-24/). */
bool rv__textdump_url_date(const char *url, rv_date *out);

/* A clean outlet name from a URL's host, without "www.", "m." or a
 * language label: "https://fr.example.com/x" -> "example.com". New string. */
char *rv__textdump_host_name(const char *url);

/* Split s where paragraphs were glued ("conflit.Le", "abstientAu",
 * "KievL'hystérie"), appending the pieces to out. */
int rv__textdump_split_glued(const char *s, rv_strlist *out);

/* Remove " | PHOTO / AGENCY" credits and their short caption, in place. */
void rv__textdump_strip_credits(char *s);

/* Cut a closing subscription pitch from the end of *para, in place. */
int rv__textdump_cut_pitch(char **para);

/* Drop the last sentence of *para when it is a pitch's lead-in. */
int rv__textdump_cut_pitch_lead(char **para);

/* Remove ". ." and " ." left where a caption or a link was cut out. */
void rv__textdump_tidy(char *s);

#endif
