/* textdump_int.h - the pieces of textdump.c that the unit tests check on
 * their own. Not an API: callers use rv_extract(). */
#ifndef RV_TEXTDUMP_INT_H
#define RV_TEXTDUMP_INT_H

#include "core/date.h"
#include "core/str.h"

#include <stdbool.h>

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

#endif
