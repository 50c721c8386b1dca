/* progress.h - progress of a long ingest on stderr.
 *
 * On a terminal: one line redrawn in place (a bar, files, records,
 * articles/s, ETA) at most five times a second. Otherwise: a plain
 * "progress: key=value ..." line every ten seconds, fit for logs
 * ($REVUE_PROGRESS_SECONDS sets another pace). Quiet: nothing. The ETA comes from bytes: the sizes
 * of the inputs, found up front, and the offset inside an archive that its record refs carry.
 */
#ifndef RV_CLI_PROGRESS_H
#define RV_CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct rv_progress rv_progress;

/* NULL when out of memory (callers then go on without progress). */
rv_progress *rv_progress_new(FILE *out, bool quiet);
void rv_progress_free(rv_progress **p);
/* Count the files and bytes under path (before ingesting it). */
void rv_progress_add_path(rv_progress *p, const char *path);
/* A record was handled: its ref, and the running totals. */
void rv_progress_update(rv_progress *p, const char *ref, size_t records, size_t articles);
/* Clear the bar before another message is printed (terminal only). */
void rv_progress_interrupt(rv_progress *p);
/* Clear the bar (terminal) before the summary line is printed. */
void rv_progress_finish(rv_progress *p);

#endif
