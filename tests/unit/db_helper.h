/* db_helper.h - a throwaway store for the tests that need one, and the one
 * way they feed the pipeline a text record. */
#ifndef RV_TEST_DB_HELPER_H
#define RV_TEST_DB_HELPER_H

#include "pipeline/pipeline.h"
#include "test.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* /tmp/NAME-PID.db, removed if a run before left it. */
static inline void test_db_path(char *path, size_t n, const char *name)
{
	snprintf(path, n, "/tmp/%s-%d.db", name, (int)getpid());
	unlink(path);
}

/* The database and the WAL files SQLite keeps beside it. */
static inline void test_db_remove(const char *path)
{
	char p[300];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* An English plain-text record through the pipeline (url may be NULL);
 * fails the test when the pipeline refuses it. */
static inline int test_add_text(rv_pipeline *p, const char *ref, const char *url, const char *title,
				const char *text, const char *published, int64_t *id)
{
	rv_record r = { 0 };
	rv_error err = { 0 };
	r.data = text;
	r.len = strlen(text);
	r.format = RV_FORMAT_TEXT;
	r.plain = true;
	r.ref = ref;
	r.url = url;
	r.title = title;
	r.published = published;
	r.lang = "en";
	int rc = rv_pipeline_add(p, &r, id, &err);
	if (rc)
		TEST_FAIL("pipeline add %s: %s", ref, err.msg);
	return rc;
}

#endif
