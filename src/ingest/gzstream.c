/* gzstream.c - a mapped input as one decompressed byte stream: every gzip
 * member in order through one window (see gzstream.h). */
#include "ingest/gzstream.h"

#include <stdlib.h>
#include <string.h>

static void ring_push(rv__gz *s, uint64_t dec, uint64_t comp)
{
	size_t i = (s->ring_head + s->ring_n) % RV__GZ_MEMBER_RING;
	if (s->ring_n == RV__GZ_MEMBER_RING) {
		s->ring_head = (s->ring_head + 1) % RV__GZ_MEMBER_RING;
		s->ring_n--;
		i = (s->ring_head + s->ring_n) % RV__GZ_MEMBER_RING;
	}
	s->ring_dec[i] = dec;
	s->ring_comp[i] = comp;
	s->ring_n++;
}

/* Compressed offset of the member that starts at stream offset dec, or -1. */
int64_t rv__gz_member_at(rv__gz *s, uint64_t dec)
{
	while (s->ring_n && s->ring_dec[s->ring_head] < dec) {
		s->ring_head = (s->ring_head + 1) % RV__GZ_MEMBER_RING;
		s->ring_n--;
	}
	if (s->ring_n && s->ring_dec[s->ring_head] == dec)
		return (int64_t)s->ring_comp[s->ring_head];
	return -1;
}

/* Start the next gzip member where zlib stands; false at the end or on junk. */
static bool member_begin(rv__gz *s)
{
	size_t pos = rv__gz_in_pos(s);
	/* Padding between members (some writers pad with NULs or newlines). */
	while (pos < s->in_len && (s->in[pos] == 0 || s->in[pos] == '\n' || s->in[pos] == '\r'))
		pos++;
	if (pos >= s->in_len) {
		s->z_done = true;
		return false;
	}
	if (!rv__gz_magic(s->in + pos, s->in_len - pos)) {
		s->z_done = true;
		s->z_err = "data between gzip members is not gzip";
		s->z_err_off = pos;
		s->z_corrupt = true;
		s->z_junk = true;
		return false;
	}
	if (inflateReset(&s->zs) != Z_OK) {
		s->z_done = true;
		s->z_err = "zlib reset failed";
		s->z_err_off = pos;
		return false;
	}
	s->zs.next_in = (Bytef *)(s->in + pos);
	s->zs.avail_in = (uInt)(s->in_len - pos > UINT32_MAX ? UINT32_MAX : s->in_len - pos);
	s->z_live = true;
	s->z_fresh = true;
	s->member_comp = pos;
	s->member_dec = s->off + rv__gz_avail(s);
	ring_push(s, s->member_dec, pos);
	return true;
}

/* Drop what is buffered and restart inflating at the first gzip header at
 * or after compressed offset from. False when there is none. */
bool rv__gz_restart_member(rv__gz *s, size_t from)
{
	if (from >= s->in_len)
		return false;
	const unsigned char *p = memmem(s->in + from, s->in_len - from, "\x1f\x8b\x08", 3);
	if (!p)
		return false;
	s->off += rv__gz_avail(s);
	s->start = s->end = 0;
	s->ring_n = 0;
	s->z_done = s->z_live = s->z_corrupt = s->z_junk = s->z_cut = false;
	s->z_err = NULL;
	s->zs.next_in = (Bytef *)p;
	s->zs.avail_in = 0;
	s->member_comp = (size_t)(p - s->in); /* so the next search starts past it */
	return true;
}

/* After corrupt data: restart at the next gzip header past the damage. */
bool rv__gz_resync(rv__gz *s)
{
	if (!s->gz || !s->z_corrupt)
		return false;
	size_t from = s->z_err_off > s->member_comp ? s->z_err_off : s->member_comp + 1;
	return rv__gz_restart_member(s, from);
}

/* At least want bytes free at the end of the window: slide what is unread
 * to the front, grow if still short. False out of memory (the window is
 * unchanged but for the slide). */
static bool make_room(rv__gz *s, size_t want)
{
	if (s->cap - s->end >= want)
		return true;
	size_t n = rv__gz_avail(s);
	if (s->start && n)
		memmove(s->win, s->win + s->start, n);
	s->start = 0;
	s->end = n;
	if (s->cap - s->end >= want)
		return true;
	unsigned char *w = realloc(s->win, s->end + want);
	if (!w)
		return false;
	s->win = w;
	s->cap = s->end + want;
	return true;
}

/* The inflated size the member at compressed offset pos declares in its
 * trailer (ISIZE, its last 4 bytes), found without inflating it: before
 * the next gzip header (ID1 ID2 CM=8, reserved flags clear), else at the
 * end of the input. A guess: those bytes may occur inside deflate data,
 * padding may stand between members, and a member over 4 GB declares its
 * size modulo 2^32. It only decides how libdeflate is tried, and
 * libdeflate checks all it inflates. */
static bool member_size_hint(rv__gz *s, size_t pos, size_t *size)
{
	const size_t smallest = 20; /* header, an empty block, trailer */
	size_t end = s->in_len;
	/* The last search holds no header before the one it found: headers
	 * zlib then refuses (junk resynced over, member after member) do not
	 * each rescan the rest of the input. */
	if (s->hint_from <= pos + smallest && pos + smallest <= s->hint_end) {
		end = s->hint_end;
	} else {
		for (size_t from = pos + smallest; from < s->in_len;) {
			const unsigned char *p =
				memmem(s->in + from, s->in_len - from, "\x1f\x8b\x08", 3);
			if (!p)
				break;
			size_t at = (size_t)(p - s->in);
			if (at + 3 < s->in_len && !(p[3] & 0xe0)) {
				end = at;
				break;
			}
			from = at + 1;
		}
		s->hint_from = pos + smallest;
		s->hint_end = end;
	}
	if (end < pos + smallest)
		return false;
	const unsigned char *t = s->in + end - 4;
	*size = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 | (size_t)t[3] << 24;
	return true;
}

/* Inflate the member just begun in one call, when it fits the free window:
 * libdeflate does it about twice as fast as zlib's stream, CRC and length
 * checked alike. A member too large, or damaged, is left to zlib, which
 * reads it from its start and says precisely what is wrong. libdeflate
 * fills all the room it is given before it finds a member too large, so
 * it is given what the member's trailer declares (a member declared larger
 * than the free window goes to zlib untried), or RV__GZ_WHOLE_MEMBER when
 * the trailer cannot be found: what a guess gone wrong costs twice. */
static bool whole_member(rv__gz *s, size_t *produced)
{
	s->z_fresh = false;
	if (!s->whole)
		return false;
	if (!make_room(s, RV__GZ_WHOLE_MEMBER))
		return false;
	size_t pos = rv__gz_in_pos(s), used_in = 0, used_out = 0;
	size_t room = s->cap - s->end, declared = 0;
	if (member_size_hint(s, pos, &declared) && declared > room)
		return false;
	if (declared < RV__GZ_WHOLE_MEMBER)
		declared = RV__GZ_WHOLE_MEMBER;
	if (room > declared)
		room = declared;
	if (libdeflate_gzip_decompress_ex(s->whole, s->in + pos, s->in_len - pos, s->win + s->end,
					  room, &used_in, &used_out) != LIBDEFLATE_SUCCESS) {
		s->whole_redone += room;
		return false;
	}
	s->end += used_out;
	*produced = used_out;
	s->zs.next_in = (Bytef *)(s->in + pos + used_in);
	s->zs.avail_in = 0; /* topped up before zlib reads again */
	s->z_live = false;
	return true;
}

/* Nothing of a damaged member is trusted (a CRC error comes after its
 * bytes were produced): drop what it put in the window. */
static void drop_damaged_member(rv__gz *s)
{
	if (s->member_dec >= s->off) {
		size_t keep = (size_t)(s->member_dec - s->off);
		if (s->start + keep < s->end)
			s->end = s->start + keep;
	} else {
		s->end = s->start;
	}
}

void rv__gz_drop_damaged(rv__gz *s)
{
	/* junk between members is found before any byte of it is kept */
	if (s->keep_damaged && s->z_corrupt && !s->z_junk)
		drop_damaged_member(s);
	s->keep_damaged = false;
}

/* Inflate into the free space of the window; false when nothing more comes. */
static bool fill(rv__gz *s, size_t want_free)
{
	if (!s->gz || s->z_done)
		return false;
	if (!make_room(s, want_free)) {
		s->z_done = true;
		s->z_err = "out of memory";
		return false;
	}
	for (;;) {
		if (!s->z_live && !member_begin(s))
			return false;
		size_t produced = 0;
		if (s->z_fresh && whole_member(s, &produced)) {
			if (produced)
				return true;
			continue;
		}
		s->zs.next_out = s->win + s->end;
		s->zs.avail_out = (uInt)(s->cap - s->end);
		size_t before = s->end;
		/* Keep avail_in topped up for inputs over 4 GB. */
		if (s->zs.avail_in == 0 && rv__gz_in_pos(s) < s->in_len) {
			size_t rest = s->in_len - rv__gz_in_pos(s);
			s->zs.avail_in = (uInt)(rest > UINT32_MAX ? UINT32_MAX : rest);
		}
		int zr = inflate(&s->zs, Z_NO_FLUSH);
		s->end = s->cap - s->zs.avail_out;
		if (zr == Z_STREAM_END) {
			s->z_live = false;
			if (s->end > before)
				return true;
			continue;
		}
		if (zr == Z_OK) {
			if (s->end > before)
				return true;
			continue;
		}
		if (zr == Z_BUF_ERROR && s->zs.avail_in == 0 && rv__gz_in_pos(s) >= s->in_len) {
			s->z_done = true;
			s->z_err = "gzip stream truncated";
			s->z_cut = true;
			s->z_err_off = rv__gz_in_pos(s);
			return s->end > before;
		}
		s->z_done = true;
		s->z_err = s->zs.msg ? s->zs.msg : "corrupt gzip data";
		s->z_err_off = rv__gz_in_pos(s);
		s->z_corrupt = true;
		if (s->keep_damaged)
			return s->end > before;
		drop_damaged_member(s);
		return false;
	}
}

/* Make at least n bytes readable at rv__gz_cur(); returns what is there. */
size_t rv__gz_ensure(rv__gz *s, size_t n)
{
	while (rv__gz_avail(s) < n) {
		size_t need = n - rv__gz_avail(s);
		if (!fill(s, need > RV__GZ_CHUNK ? need : RV__GZ_CHUNK))
			break;
	}
	return rv__gz_avail(s);
}

void rv__gz_consume(rv__gz *s, size_t n)
{
	s->start += n;
	s->off += n;
}

/* Drop n bytes, inflating and discarding; returns how many were dropped. */
uint64_t rv__gz_skip(rv__gz *s, uint64_t n)
{
	uint64_t done = 0;
	while (done < n) {
		if (!rv__gz_avail(s)) {
			s->start = s->end = 0;
			if (!fill(s, RV__GZ_CHUNK))
				break;
		}
		size_t k = rv__gz_avail(s);
		if ((uint64_t)k > n - done)
			k = (size_t)(n - done);
		rv__gz_consume(s, k);
		done += k;
	}
	return done;
}

bool rv__gz_open(rv__gz *s, const char *data, size_t len)
{
	memset(s, 0, sizeof *s);
	s->in = (const unsigned char *)data;
	s->in_len = len;
	s->gz = rv__gz_magic(data, len);
	if (!s->gz) {
		s->win = (unsigned char *)data;
		s->cap = s->end = len;
		return true;
	}
	if (inflateInit2(&s->zs, 15 + 16) != Z_OK)
		return false;
	s->zs.next_in = (Bytef *)data;
	s->zs.avail_in = 0;
	s->whole = libdeflate_alloc_decompressor();
	s->win = malloc(RV__GZ_CHUNK);
	s->cap = s->win ? RV__GZ_CHUNK : 0;
	return true;
}

void rv__gz_close(rv__gz *s)
{
	if (!s->gz)
		return;
	inflateEnd(&s->zs);
	libdeflate_free_decompressor(s->whole);
	free(s->win);
	s->whole = NULL;
	s->win = NULL;
	s->gz = false;
}
