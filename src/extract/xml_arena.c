/* xml_arena.c - a per-thread bump arena for libxml2 (see xml_arena.h).
 *
 * libxml2 takes its allocator as four process-wide functions
 * (xmlMemSetup); these serve the calling thread's arena while it has a
 * window open and pass through to malloc otherwise. A block carries its
 * size in the 16 bytes before it (realloc needs it); a free of the last
 * block gives its room back, other frees inside the arena do nothing.
 * Frees and reallocs of blocks that did not come from the arena (malloc'ed
 * before the window, or by another thread) go to free/realloc.
 *
 * Why: on a page of news, malloc, free and xmlFreeDoc took a fifth of the
 * extraction's instructions; a bump pointer and one reset cost next to
 * nothing, and the tree's nodes lie next to each other for the walks.
 *
 * Under AddressSanitizer the arena's unused and released bytes are
 * poisoned, so a read of a node after the window still reports.
 */
#include "extract/xml_arena.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define RV_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RV_ARENA_ASAN 1
#endif
#endif
#ifdef RV_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ALIGN 16u
#define HEAD 16u                     /* size word before each block, padded */
#define CHUNK_MIN ((size_t)1 << 20)  /* a small page's tree fits in one */
#define RETAIN_MAX ((size_t)64 << 20) /* kept across windows at most */

typedef struct chunk {
	struct chunk *next;
	size_t size, used; /* of data */
	unsigned char *data;
} chunk;

typedef struct arena {
	chunk *chunks; /* newest first: blocks are cut from the first */
	bool active;
	unsigned char *last; /* the newest block, which can grow or shrink in place */
} arena;

static _Thread_local arena cur;
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;

static size_t round_up(size_t n)
{
	return (n + (ALIGN - 1)) & ~(size_t)(ALIGN - 1);
}

static bool in_arena(const void *p)
{
	const unsigned char *b = p;
	for (const chunk *c = cur.chunks; c; c = c->next)
		if (b >= c->data && b < c->data + c->size)
			return true;
	return false;
}

static size_t block_size(const unsigned char *p)
{
	size_t n;
	memcpy(&n, p - HEAD, sizeof n);
	return n;
}

static void *arena_alloc(size_t n)
{
	size_t need = HEAD + round_up(n ? n : 1);
	if (need < n) /* overflow */
		return NULL;
	chunk *c = cur.chunks;
	if (!c || c->size - c->used < need) {
		/* doubling, up to the most a window keeps */
		size_t size = !c			   ? CHUNK_MIN
			      : c->size < RETAIN_MAX / 2 ? c->size * 2
							 : RETAIN_MAX;
		if (size < need)
			size = round_up(need);
		/* the chunk record and its data in one allocation, data aligned */
		unsigned char *mem = malloc(round_up(sizeof(chunk)) + size);
		if (!mem)
			return NULL;
		c = (chunk *)(void *)mem;
		c->data = mem + round_up(sizeof(chunk));
		c->size = size;
		c->used = 0;
		c->next = cur.chunks;
		cur.chunks = c;
		POISON(c->data, size);
	}
	unsigned char *b = c->data + c->used + HEAD;
	c->used += need;
	UNPOISON(b - HEAD, need);
	size_t rounded = need - HEAD;
	memcpy(b - HEAD, &rounded, sizeof rounded);
	cur.last = b;
	return b;
}

void *rv__xml_arena_malloc(size_t n)
{
	return cur.active ? arena_alloc(n) : malloc(n ? n : 1);
}

void rv__xml_arena_free(void *p)
{
	if (!p)
		return;
	if (!in_arena(p)) {
		free(p);
		return;
	}
	if (p == cur.last) {
		size_t n = HEAD + block_size(p);
		cur.chunks->used -= n;
		POISON(cur.chunks->data + cur.chunks->used, n);
		cur.last = NULL;
	}
}

void *rv__xml_arena_realloc(void *p, size_t n)
{
	if (!p)
		return rv__xml_arena_malloc(n);
	if (!in_arena(p))
		return realloc(p, n);
	size_t old = block_size(p);
	if (p == cur.last) {
		chunk *c = cur.chunks;
		size_t want = round_up(n ? n : 1);
		if (want <= old || c->size - c->used >= want - old) {
			if (want > old)
				UNPOISON((unsigned char *)p + old, want - old);
			else
				POISON((unsigned char *)p + want, old - want);
			c->used = c->used - old + want;
			memcpy((unsigned char *)p - HEAD, &want, sizeof want);
			return p;
		}
	}
	void *q = rv__xml_arena_malloc(n);
	if (q)
		memcpy(q, p, old < n ? old : n);
	return q;
}

char *rv__xml_arena_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = rv__xml_arena_malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

static void setup(void)
{
	xmlMemSetup(rv__xml_arena_free, rv__xml_arena_malloc, rv__xml_arena_realloc,
		    rv__xml_arena_strdup);
	/* libxml2's process-wide tables (encoding handlers, the dictionary's
	 * lock) are made on first use: made here, outside any window */
	xmlInitParser();
	xmlDictFree(xmlDictCreate());
}

void rv__xml_arena_begin(void)
{
	pthread_once(&setup_once, setup);
	/* the thread's libxml2 state (made on first use) stays out of the
	 * arena, and the last error it keeps holds nothing from before */
	xmlResetLastError();
	cur.active = true;
	cur.last = NULL;
}

void rv__xml_arena_end(void)
{
	/* the thread's last error would keep pointers into the arena */
	xmlResetLastError();
	cur.active = false;
	cur.last = NULL;
	/* keep the largest chunk (when not too large) for the next window */
	chunk *keep = NULL;
	for (chunk *c = cur.chunks; c; c = c->next)
		if (c->size <= RETAIN_MAX && (!keep || c->size > keep->size))
			keep = c;
	for (chunk *c = cur.chunks, *next; c; c = next) {
		next = c->next;
		if (c == keep)
			continue;
		UNPOISON(c->data, c->size);
		free(c);
	}
	cur.chunks = keep;
	if (keep) {
		keep->next = NULL;
		keep->used = 0;
		POISON(keep->data, keep->size);
	}
}
