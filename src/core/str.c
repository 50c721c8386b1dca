#include "core/str.h"
#include "core/buf.h"
#include "core/error.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *rv_strdup(const char *s)
{
	return s ? rv_strndup(s, strlen(s)) : NULL;
}

char *rv_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int rv_str_set(char **slot, const char *s)
{
	char *copy = NULL;
	if (s && !(copy = rv_strdup(s)))
		return RV_ENOMEM;
	free(*slot);
	*slot = copy;
	return RV_OK;
}

void rv_str_take(char **slot, char *s)
{
	free(*slot);
	*slot = s;
}

bool rv_str_empty(const char *s)
{
	return !s || !*rv_str_ltrim(s);
}

bool rv_str_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool rv_str_istarts_with(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

bool rv_str_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

const char *rv_str_ltrim(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return s;
}

size_t rv_str_rtrim_len(const char *s, size_t len)
{
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	return len;
}

void rv_str_squeeze(char *s)
{
	char *w = s;
	bool space = true; /* drops leading spaces */
	for (const char *r = s; *r; r++) {
		if (isspace((unsigned char)*r)) {
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *r;
			space = false;
		}
	}
	if (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
}

bool rv_parse_long(const char *s, long *out)
{
	if (!s || !*s)
		return false;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

void rv_strlist_init(rv_strlist *l)
{
	l->items = NULL;
	l->len = l->cap = 0;
}

void rv_strlist_release(rv_strlist *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i]);
	free(l->items);
	rv_strlist_init(l);
}

int rv_strlist_push_take(rv_strlist *l, char *s)
{
	if (!s)
		return RV_ENOMEM;
	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		char **p = realloc(l->items, cap * sizeof *p);
		if (!p) {
			free(s);
			return RV_ENOMEM;
		}
		l->items = p;
		l->cap = cap;
	}
	l->items[l->len++] = s;
	return RV_OK;
}

int rv_strlist_push(rv_strlist *l, const char *s)
{
	return rv_strlist_push_take(l, rv_strdup(s));
}

bool rv_strlist_contains(const rv_strlist *l, const char *s, bool nocase)
{
	for (size_t i = 0; i < l->len; i++)
		if (nocase ? !strcasecmp(l->items[i], s) : !strcmp(l->items[i], s))
			return true;
	return false;
}

int rv_strlist_push_unique(rv_strlist *l, const char *s, bool nocase)
{
	if (rv_strlist_contains(l, s, nocase))
		return RV_OK;
	return rv_strlist_push(l, s);
}

char *rv_strlist_join(const rv_strlist *l, const char *sep)
{
	/* Sized first and copied once: an article's text is joined from
	 * hundreds of paragraphs, and growing a buffer for it cost more than
	 * the copy. Same bound as an rv_buf. */
	size_t seplen = strlen(sep), total = 0;
	for (size_t i = 0; i < l->len; i++) {
		size_t add = strlen(l->items[i]) + (i ? seplen : 0);
		if (add > RV_BUF_DEFAULT_MAX - total)
			return NULL;
		total += add;
	}
	char *out = malloc(total + 1), *w = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < l->len; i++) {
		if (i) {
			memcpy(w, sep, seplen);
			w += seplen;
		}
		size_t n = strlen(l->items[i]);
		memcpy(w, l->items[i], n);
		w += n;
	}
	*w = '\0';
	return out;
}

size_t rv_title_sep_len(const char *p)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 " /* – */,
					    " \xE2\x80\x94 " /* — */, " \xC2\xB7 " /* · */, NULL };
	if (*p != ' ')
		return 0;
	for (const char *const *sep = seps; *sep; sep++) {
		size_t k = strlen(*sep);
		if (!strncmp(p, *sep, k))
			return k;
	}
	return 0;
}

size_t rv_title_label_at(const char *title, const char **label_at)
{
	size_t n = strlen(title), at = n;
	*label_at = title + n;
	for (size_t i = 1; i < n; i++) {
		size_t k = rv_title_sep_len(title + i);
		if (k && title[i + k]) {
			at = i;
			*label_at = title + i + k;
		}
	}
	return at;
}
