/* xml_arena.h - libxml2's allocations for one page from a per-thread arena.
 *
 * A parsed page is tens of thousands of small allocations (nodes,
 * attributes, text, dictionary entries) that all die together. Between
 * rv__xml_arena_begin() and rv__xml_arena_end() every libxml2 allocation
 * of the calling thread is cut from a bump arena, libxml2's frees are
 * no-ops, and rv__xml_arena_end() releases everything at once: xmlFreeDoc
 * is not needed for a document parsed inside the window (and must not be
 * called after it). Outside a window, and in other threads, libxml2 uses
 * malloc as before. Nothing libxml2 allocated in a window may be used
 * after it ends.
 */
#ifndef RV_EXTRACT_XML_ARENA_H
#define RV_EXTRACT_XML_ARENA_H

#include <stddef.h>

/* Start a window on this thread (windows do not nest). */
void rv__xml_arena_begin(void);
/* End the window: everything libxml2 allocated in it is released. */
void rv__xml_arena_end(void);

/* The allocator itself, for tests. */
void *rv__xml_arena_malloc(size_t n);
void *rv__xml_arena_realloc(void *p, size_t n);
void rv__xml_arena_free(void *p);
char *rv__xml_arena_strdup(const char *s);

#endif
