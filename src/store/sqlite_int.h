/* sqlite_int.h - the SQLite store's internals, shared by the files of
 * src/store/ that add queries (search, story facts, watch state). Not an
 * interface: callers outside src/store use store.h. */
#ifndef RV_STORE_SQLITE_INT_H
#define RV_STORE_SQLITE_INT_H

#include "store/store.h"
#include "core/buf.h"

#include <sqlite3.h>
#include <stdbool.h>

enum stmt_id {
	ST_HAS_ARTICLE,
	ST_FIND_ORIGINAL,
	ST_GROUPING_OF,
	ST_MERGE_MOVE,
	ST_MERGE_DROP,
	ST_SUPERSEDE,
	ST_DROP_ENTITIES,
	ST_DROP_QUOTES,
	ST_DROP_FIGURES,
	ST_INSERT_ARTICLE,
	ST_INSERT_ENTITY,
	ST_INSERT_QUOTE,
	ST_INSERT_FIGURE,
	ST_SAVE_EVENT,
	ST_GET_ARTICLE,
	ST_GET_ENTITIES,
	ST_GET_QUOTES,
	ST_GET_FIGURES,
	ST_HAS_ANALYSIS,
	ST_INDEX_FROM,
	ST_COUNT
};

struct rv_store {
	sqlite3 *db;
	sqlite3_stmt *stmt[ST_COUNT];
	char *path;
	int64_t fts_from; /* first article of the transaction not yet in the search index; 0: none */
};

/* The filters of f (limit and offset aside) as SQL terms over the articles
 * row `a`, for a query whose WHERE clause is open: each term is
 * " AND ...", with one anonymous placeholder "?" per value, which
 * rv__filter_bind() binds from parameter first on; it returns the next
 * free parameter. Nothing of f is ever written into the SQL text.
 * rv__filter_sql fails (RV_EINPUT) only when sql is full. */
int rv__filter_sql(rv_buf *sql, const rv_filter *f);
int rv__filter_bind(sqlite3_stmt *st, int first, const rv_filter *f);
/* Whether f filters anything (limit and offset aside). */
bool rv__filter_any(const rv_filter *f);

/* The SQL function the entity lists use (entity_list.c): rv_fold(text).
 * Registered on every connection the store opens. */
int rv__entity_list_register(sqlite3 *db);

#endif
