/* sqlite_int.h - the SQLite store's internals, shared by the files of
 * src/store/ that add queries (search, story facts, watch state). Not an
 * interface: callers outside src/store use store.h. */
#ifndef RV_STORE_SQLITE_INT_H
#define RV_STORE_SQLITE_INT_H

#include "store/store.h"

#include <sqlite3.h>

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
	ST_INDEX_FROM,
	ST_COUNT
};

struct rv_store {
	sqlite3 *db;
	sqlite3_stmt *stmt[ST_COUNT];
	char *path;
	int64_t fts_from; /* first article of the transaction not yet in the search index; 0: none */
};

/* The SQL functions the browse queries use (browse.c): rv_entity_key(name,
 * type) and rv_fold(text). Registered on every connection the store opens. */
int rv__browse_register(sqlite3 *db);

#endif
