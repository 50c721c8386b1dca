/* sort.h - a stable sort (sort.c).
 *
 * qsort() may reorder elements that compare equal, and lists shown to
 * people (entities by mentions, figures by outlets) keep their first-seen
 * order among equals, so that the same store always lists the same way.
 */
#ifndef RV_SORT_H
#define RV_SORT_H

#include <stdbool.h>
#include <stddef.h>

/* Sort n elements of size bytes at base by cmp, keeping the order of
 * elements that compare equal (a merge sort: O(n log n), n elements of
 * scratch). Returns false, base unchanged, when out of memory. */
bool rv_sort_stable(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
