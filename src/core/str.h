/* str.h - small string helpers and a growable list of owned strings. */
#ifndef RV_STR_H
#define RV_STR_H

#include <stdbool.h>
#include <stddef.h>

/* Copies that the caller frees. They return NULL only when out of memory
 * (rv_strdup(NULL) returns NULL too). */
char *rv_strdup(const char *s);
char *rv_strndup(const char *s, size_t n);

/* Replace *slot with a copy of s (freeing the old value). s may be NULL. */
int rv_str_set(char **slot, const char *s);
/* Replace *slot with s, taking ownership of s. */
void rv_str_take(char **slot, char *s);

bool rv_str_empty(const char *s);
bool rv_str_starts_with(const char *s, const char *prefix);
bool rv_str_istarts_with(const char *s, const char *prefix); /* ASCII case */
bool rv_str_ends_with(const char *s, const char *suffix);
/* Pointer to the first non-space byte; length without trailing spaces. */
const char *rv_str_ltrim(const char *s);
size_t rv_str_rtrim_len(const char *s, size_t len);
/* Trim spaces in place and collapse runs of white space to one space. */
void rv_str_squeeze(char *s);

/* The length of a title separator at p (" | ", " - ", " – ", " — ", " · "),
 * 0 when none starts there. */
size_t rv_title_sep_len(const char *p);
/* Where a title's last " | Label" (any separator above) starts: its byte
 * offset, or strlen(title) when it has none. *label_at gets the label's
 * first byte. */
size_t rv_title_label_at(const char *title, const char **label_at);
/* Strict decimal parse of a whole string; false on junk or overflow. */
bool rv_parse_long(const char *s, long *out);

/* A list of owned strings. */
typedef struct rv_strlist {
	char **items;
	size_t len;
	size_t cap;
} rv_strlist;

void rv_strlist_init(rv_strlist *l);
void rv_strlist_release(rv_strlist *l);
int rv_strlist_push(rv_strlist *l, const char *s);      /* copies s */
int rv_strlist_push_take(rv_strlist *l, char *s);       /* takes s */
/* Push a copy unless an equal string (case-insensitive when nocase) is present. */
int rv_strlist_push_unique(rv_strlist *l, const char *s, bool nocase);
bool rv_strlist_contains(const rv_strlist *l, const char *s, bool nocase);
/* Join with sep into a new string (caller frees). */
char *rv_strlist_join(const rv_strlist *l, const char *sep);

#endif
