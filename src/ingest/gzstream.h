/* gzstream.h - a mapped input read as one decompressed byte stream
 * (internal to src/ingest: the WARC reader and the gzip file reader). Not an
 * API.
 *
 * A gzip input is every member in order, as gzip -d reads it, inflated
 * through one owned window that only grows to what the reader asks to see
 * at once (rv__gz_ensure), so neither a huge input nor a gzip bomb can take
 * the memory. NULs and line breaks between members are padding; anything
 * else there stops the stream as junk. A plain input is its own window.
 *
 * The stream ends clean (z_err NULL), cut short (z_err set, z_corrupt
 * false), or on bad data (z_corrupt: a damaged member, or junk between
 * members when z_junk). Nothing of a damaged member is left in the window
 * (its bytes cannot be trusted: a CRC error comes after they were produced)
 * unless keep_damaged is set: then what it gave before its damage stays, as
 * gzip -d writes it out.
 */
#ifndef RV_INGEST_GZSTREAM_H
#define RV_INGEST_GZSTREAM_H

#include <libdeflate.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

/* Window space read at a time. */
#define RV__GZ_CHUNK ((size_t)256 << 10)
/* Window space libdeflate is given for a whole member at once (see
 * gzstream.c, whole_member()): a larger member goes to zlib. */
#define RV__GZ_WHOLE_MEMBER ((size_t)1 << 20)
/* Where the last members began, for rv__gz_member_at(). */
#define RV__GZ_MEMBER_RING 4096

typedef struct rv__gz {
	const unsigned char *in;
	size_t in_len;
	bool gz;
	z_stream zs;
	struct libdeflate_decompressor *whole; /* NULL: zlib only */
	bool z_fresh;      /* a member begun, nothing of it inflated yet */
	bool z_live;       /* inside a member */
	bool z_done;       /* no more input */
	const char *z_err; /* why the stream stopped early, NULL when clean */
	size_t z_err_off;  /* where, compressed */
	bool z_corrupt;    /* bad data, not a cut: the next member may be fine */
	bool z_junk;       /* the bad data was between members, not in one */
	bool z_cut;        /* the file ends inside a member */
	bool keep_damaged; /* set by the caller: see above */
	/* Window space libdeflate was given for members it could not finish
	 * (too large, or damaged), which zlib then inflates from their start:
	 * at most that much inflated twice. */
	uint64_t whole_redone;
	/* member_size_hint()'s last search: no member header in [hint_from,
	 * hint_end), one at hint_end unless it is in_len */
	size_t hint_from, hint_end;
	size_t member_comp;  /* where the current member starts, compressed */
	uint64_t member_dec; /* and decompressed */
	unsigned char *win;  /* gz: owned window; plain: the mapping */
	size_t cap, start, end;
	uint64_t off; /* stream offset of win[start] */
	uint64_t ring_dec[RV__GZ_MEMBER_RING];
	uint64_t ring_comp[RV__GZ_MEMBER_RING];
	size_t ring_head, ring_n;
} rv__gz;

/* Whether data starts with the gzip magic (the one test of it: the sniffer,
 * the ingest dispatch and the stream all ask here). */
static inline bool rv__gz_magic(const void *data, size_t len)
{
	const unsigned char *p = data;
	return len >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* Start reading data (len bytes, not copied: it must outlive the stream):
 * inflated when it starts with the gzip magic, else as it is. False when
 * zlib or the window cannot be set up (nothing to close then). */
bool rv__gz_open(rv__gz *s, const char *data, size_t len);
/* Free what the stream holds. */
void rv__gz_close(rv__gz *s);

/* Turn keep_damaged off, dropping what a damaged member already left in
 * the window: the stream is then as if it had never been set. */
void rv__gz_drop_damaged(rv__gz *s);

/* Bytes readable at rv__gz_cur(). */
static inline size_t rv__gz_avail(const rv__gz *s)
{
	return s->end - s->start;
}

static inline const char *rv__gz_cur(const rv__gz *s)
{
	return (const char *)s->win + s->start;
}

/* Where zlib stands in the compressed input. */
static inline size_t rv__gz_in_pos(const rv__gz *s)
{
	return (size_t)((const unsigned char *)s->zs.next_in - s->in);
}

/* Make at least n bytes readable at rv__gz_cur() (the window may move);
 * returns what is there, less than n at the end of the stream. */
size_t rv__gz_ensure(rv__gz *s, size_t n);
/* Move past n readable bytes. */
void rv__gz_consume(rv__gz *s, size_t n);
/* Drop n bytes, inflating and discarding; returns how many were dropped. */
uint64_t rv__gz_skip(rv__gz *s, uint64_t n);

/* Compressed offset of the member that starts at stream offset dec, or -1
 * (offsets asked for must not decrease). */
int64_t rv__gz_member_at(rv__gz *s, uint64_t dec);
/* Drop what is buffered and restart inflating at the first gzip header at
 * or after compressed offset from. False when there is none. */
bool rv__gz_restart_member(rv__gz *s, size_t from);
/* After corrupt data: restart at the next gzip header past the damage. */
bool rv__gz_resync(rv__gz *s);

#endif
