/* sort.c - a stable merge sort, bottom up: runs of width 1, 2, 4 ...
 * merged back and forth between the array and one scratch buffer. */
#include "core/sort.h"

#include <stdlib.h>
#include <string.h>

/* Merge the sorted runs [lo, mid) and [mid, hi) of from into to; on a tie
 * the left run's element first, which is what keeps the sort stable. */
static void merge_runs(const char *from, char *to, size_t lo, size_t mid, size_t hi, size_t size,
		       int (*cmp)(const void *, const void *))
{
	size_t i = lo, j = mid, k = lo;
	while (i < mid && j < hi) {
		if (cmp(from + j * size, from + i * size) < 0)
			memcpy(to + k++ * size, from + j++ * size, size);
		else
			memcpy(to + k++ * size, from + i++ * size, size);
	}
	if (i < mid)
		memcpy(to + k * size, from + i * size, (mid - i) * size);
	else if (j < hi)
		memcpy(to + k * size, from + j * size, (hi - j) * size);
}

bool rv_sort_stable(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n < 2 || !size)
		return true;
	char *scratch = malloc(n * size);
	if (!scratch)
		return false;
	char *from = base, *to = scratch;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = mid + width < n ? mid + width : n;
			merge_runs(from, to, lo, mid, hi, size, cmp);
		}
		char *t = from;
		from = to;
		to = t;
	}
	if (from != base)
		memcpy(base, from, n * size);
	free(scratch);
	return true;
}
