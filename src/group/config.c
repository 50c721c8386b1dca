/* config.c - the grouping settings. One table holds every setting with its
 * type, default and range; the defaults are set, a "name = value" is checked
 * and parsed, and the settings in effect are printed from it. A command runs
 * with the defaults, then $REVUE_GROUP_CONFIG's file, then $REVUE_GROUP.
 * README.md ("Grouping", "Settings") says what each setting does;
 * tests/e2e/group_settings.sh checks that its table and this one agree.
 */
#include "group/group.h"
#include "core/str.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* X(name, type, default, lowest, highest) */
#define GROUP_SETTINGS(X)                                                                          \
	X(event_threshold, double, 0.30, 0, 1)                                                     \
	X(event_window_days, int, 3, 0, 3650)                                                      \
	X(long_window_days, int, 1, 0, 3650)                                                       \
	X(storyline_threshold, double, 0.06, 0, 1)                                                 \
	X(storyline_window_days, int, 30, 0, 3650)                                                 \
	X(title_weight, double, 2.0, 0, 100)                                                       \
	X(centroid_terms, int, 120, 1, 4096)                                                       \
	X(article_terms, int, 60, 1, 4096)                                                         \
	X(probe_terms, int, 10, 1, 256)                                                            \
	X(posting_cap, int, 32, 1, 65535)                                                          \
	X(time_decay, double, 0.3, 0, 1)                                                           \
	X(time_bonus, double, 0.25, 0, 1)                                                          \
	X(min_content, double, 0.05, 0, 1)                                                         \
	X(drift_damping, double, 0.0, 0, 4)                                                        \
	X(undated_drift, double, 0.5, 0, 4)                                                        \
	X(undated_margin, double, 0.05, 0, 1)                                                      \
	X(entity_weight, double, 0.5, 0, 100)                                                      \
	X(headline_name_words, int, 4, 0, 64)                                                      \
	X(headline_surname, int, 1, 0, 1)                                                          \
	X(entity_alias, int, 1, 0, 1)                                                              \
	X(member_link, double, 0.0, 0, 2)                                                          \
	X(member_keep, int, 8, 1, RV_GROUP_MEMBER_KEEP_MAX)                                        \
	X(member_mix, double, 0.5, 0, 1)                                                           \
	X(cohesion, double, 0.0, 0, 4)                                                             \
	X(lede_cohesion, double, 0.8, 0, 4)                                                        \
	X(merge_threshold, double, 0.5, 0, 1)                                                      \
	X(merge_members, double, 0.5, 0, 1)                                                        \
	X(merge_near, double, 0.1, 0, 1)                                                           \
	X(bridge_threshold, double, 0.35, 0, 1)                                                    \
	X(half_dated, double, 0.3, 0, 1)                                                           \
	X(anchor_share, double, 0.7, 0.5, 1)                                                       \
	X(idf_prior, double, 20.0, 0, 1000000)                                                     \
	X(short_threshold, double, 0.26, 0, 1)                                                     \
	X(short_terms, int, 15, 0, 4096)                                                           \
	X(char_grams, double, 0.6, 0, 10)                                                          \
	X(long_threshold, double, 0.27, 0, 1)                                                      \
	X(clear_threshold, double, 0.18, 0, 1)                                                     \
	X(clear_ratio, double, 0.6, 0, 1)                                                          \
	X(lede_clear_threshold, double, 0.2, 0, 1)                                                 \
	X(lede_clear_ratio, double, 0.4, 0, 1)                                                     \
	X(lede_terms, int, 70, 0, 65536)                                                           \
	X(contested_threshold, double, 0.4, 0, 1)                                                  \
	X(contested_ratio, double, 0.9, 0, 1)                                                      \
	X(size_penalty, double, 0.0, 0, 1)                                                         \
	X(person_conflict, double, 0.4, 0, 1)                                                      \
	X(org_protagonist, int, 3, 0, 1000)                                                        \
	X(weekday_conflict, double, 0.2, 0, 1)                                                     \
	X(weekday_agree, double, 0.1, 0, 1)                                                        \
	X(scope_factor, double, 0.0, 0, 1000)                                                      \
	X(retire_after, int, 200000, 1, 1000000000)                                                \
	X(near_dup_threshold, double, 0.7, 0, 1)                                                   \
	X(near_dup_min_tokens, int, 30, 1, 100000)                                                 \
	X(near_dup_memory, int, 50000, 1, 10000000)

void rv_group_config_default(rv_group_config *c)
{
#define X(f, type, def, lo, hi) c->f = (type)(def);
	GROUP_SETTINGS(X)
#undef X
}

int rv_group_config_set(rv_group_config *c, const char *name, const char *value, rv_error *err)
{
	char *end;
	errno = 0;
	double v = strtod(value, &end);
	if (errno || end == value || *rv_str_ltrim(end))
		return rv_fail(err, RV_EINPUT, "%s: not a number: '%s'", name, value);
/* Written so that NaN, which strtod() accepts, fails the range test; a
 * setting held in an int takes whole numbers only, rather than losing the
 * fraction it was given. */
#define X(f, type, def, lo, hi)                                                                    \
	if (!strcmp(name, #f)) {                                                                   \
		if (!(v >= (lo) && v <= (hi)))                                                     \
			return rv_fail(err, RV_EINPUT, "%s must be in [%g, %g]", name,             \
			               (double)(lo), (double)(hi));                                \
		if ((double)(type)v != v)                                                          \
			return rv_fail(err, RV_EINPUT, "%s must be a whole number: '%s'", name,    \
			               value);                                                     \
		c->f = (type)v;                                                                    \
		return RV_OK;                                                                      \
	}
	GROUP_SETTINGS(X)
#undef X
	return rv_fail(err, RV_EINPUT, "unknown grouping setting '%s'", name);
}

int rv_group_config_load(rv_group_config *c, const char *path, rv_error *err)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return rv_fail(err, RV_EINPUT, "%s: cannot open: %s", path, strerror(errno));
	char line[512];
	int rc = RV_OK, lineno = 0;
	while (rc == RV_OK && fgets(line, sizeof line, f)) {
		lineno++;
		size_t len = strlen(line);
		if (len == sizeof line - 1 && line[len - 1] != '\n' && !feof(f)) {
			rc = rv_fail(err, RV_EINPUT, "%s:%d: line longer than %zu bytes", path,
			             lineno, sizeof line - 2);
			break;
		}
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *eq = strchr(line, '=');
		if (eq)
			*eq = '\0';
		char *name = line;
		rv_str_squeeze(name);
		if (!eq) {
			if (*name)
				rc = rv_fail(err, RV_EINPUT, "%s:%d: expected name = value", path,
				             lineno);
			continue;
		}
		char *value = eq + 1;
		rv_str_squeeze(value);
		rv_error why = { 0 };
		if (rv_group_config_set(c, name, value, &why) != RV_OK)
			rc = rv_fail(err, why.code, "%s:%d: %s", path, lineno, why.msg);
	}
	if (rc == RV_OK && ferror(f))
		rc = rv_fail(err, RV_EIO, "%s: cannot read", path);
	fclose(f);
	return rc;
}

void rv_group_config_print(const rv_group_config *c, void *file)
{
#define X(f, type, def, lo, hi) fprintf(file, "%s = %g\n", #f, (double)c->f);
	GROUP_SETTINGS(X)
#undef X
}

int rv_group_config_from_env(rv_group_config *c, rv_error *err)
{
	rv_group_config_default(c);
	const char *file = getenv("REVUE_GROUP_CONFIG");
	int rc;
	if (file && *file && (rc = rv_group_config_load(c, file, err)))
		return rc;
	/* REVUE_GROUP="name=value,name=value" overrides single settings. */
	const char *list = getenv("REVUE_GROUP");
	if (!list || !*list)
		return RV_OK;
	char *copy = rv_strdup(list), *save = NULL;
	if (!copy)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	rc = RV_OK;
	for (char *item = strtok_r(copy, ",", &save); item && !rc;
	     item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '=');
		if (!eq) {
			rc = rv_fail(err, RV_EINPUT, "REVUE_GROUP: expected name=value, got '%s'",
			             item);
			break;
		}
		*eq = '\0';
		rv_error why = { 0 };
		if (rv_group_config_set(c, item, eq + 1, &why) != RV_OK)
			rc = rv_fail(err, why.code, "REVUE_GROUP: %s", why.msg);
	}
	free(copy);
	return rc;
}
