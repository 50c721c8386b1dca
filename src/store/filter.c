/* filter.c - the WHERE terms of an rv_filter, shared by every query that
 * picks articles by it: article and story lists (sqlite.c), story pages
 * (browse.c) and search hits (search.c). One list of terms writes both the
 * SQL and the bindings, so the placeholders and the values bound to them
 * cannot drift apart, and the three agree on what each filter means. */
#include "store/sqlite_int.h"

#include <stddef.h>

/* A filter as SQL over the articles row a, and the one value bound to its
 * placeholder: text, or an id when text is NULL. */
struct term {
	const char *sql;
	const char *text;
	int64_t id;
};

#define MAX_TERMS 6

/* The terms f sets, in the one order of the SQL and the bindings. Days
 * compare as the first ten characters of published (YYYY-MM-DD), inclusive
 * at both ends. A source is an outlet as shown, so "[file.txt]" finds the
 * articles of a file with no outlet. */
static size_t terms(const rv_filter *f, struct term t[MAX_TERMS])
{
	size_t n = 0;
	if (f->since)
		t[n++] = (struct term){ " AND substr(a.published, 1, 10) >= ?", f->since, 0 };
	if (f->until)
		t[n++] = (struct term){ " AND substr(a.published, 1, 10) <= ?", f->until, 0 };
	if (f->lang)
		t[n++] = (struct term){ " AND a.lang = ?", f->lang, 0 };
	if (f->source)
		t[n++] = (struct term){ " AND " RV_OUTLET_LABEL_SQL("a") " = ?", f->source, 0 };
	if (f->event)
		t[n++] = (struct term){ " AND a.event = ?", NULL, f->event };
	if (f->storyline)
		t[n++] = (struct term){ " AND a.storyline = ?", NULL, f->storyline };
	return n;
}

bool rv__filter_any(const rv_filter *f)
{
	struct term t[MAX_TERMS];
	return terms(f, t) > 0;
}

int rv__filter_sql(rv_buf *sql, const rv_filter *f)
{
	struct term t[MAX_TERMS];
	size_t n = terms(f, t);
	int rc = RV_OK;
	for (size_t i = 0; i < n && rc == RV_OK; i++)
		rc = rv_buf_puts(sql, t[i].sql);
	return rc;
}

int rv__filter_bind(sqlite3_stmt *st, int first, const rv_filter *f)
{
	struct term t[MAX_TERMS];
	size_t n = terms(f, t);
	int i = first;
	for (size_t k = 0; k < n; k++, i++) {
		if (t[k].text)
			sqlite3_bind_text(st, i, t[k].text, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, i, t[k].id);
	}
	return i;
}
