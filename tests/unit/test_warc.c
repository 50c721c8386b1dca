/* test_warc.c - the WARC reader: record kinds, gzip layouts, damage, bombs.
 * Archives are built here, in memory, so each test says what it feeds. */
#include "test.h"
#include "core/buf.h"
#include "ingest/ingest.h"
#include "ingest/readers.h"
#include "ingest/gzstream.h"

#include <zlib.h>

static const char page_a[] =
    "<html><head><title>Quay</title></head><body><p>The north quay reopened.</p></body></html>";
static const char page_b[] = "<html><body><p>Ferries leave earlier in winter.</p></body></html>";

static void add_record(rv_buf *b, const char *type, const char *uri, const char *ctype,
                       const char *block, size_t n)
{
	rv_buf_printf(b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: 2022-01-24T11:48:00Z\r\n", type);
	if (uri)
		rv_buf_printf(b, "WARC-Target-URI: %s\r\n", uri);
	rv_buf_printf(b, "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n", ctype, n);
	rv_buf_append(b, block, n);
	rv_buf_puts(b, "\r\n\r\n");
}

static void add_response(rv_buf *b, const char *uri, const char *status, const char *ctype,
                         const char *body)
{
	rv_buf blk;
	rv_buf_init(&blk, 1 << 20);
	rv_buf_printf(&blk, "HTTP/1.1 %s\r\nDate: Tue, 25 Jan 2022 08:00:00 GMT\r\n", status);
	if (ctype)
		rv_buf_printf(&blk, "Content-Type: %s\r\n", ctype);
	rv_buf_printf(&blk, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
	add_record(b, "response", uri, "application/http; msgtype=response", blk.data, blk.len);
	rv_buf_release(&blk);
}

/* Records, each as its own string (so they can be gzipped one by one). */
#define NREC 9
static rv_buf recs[NREC];

static void build_records(void)
{
	for (int i = 0; i < NREC; i++)
		rv_buf_init(&recs[i], 1 << 20);
	add_record(&recs[0], "warcinfo", NULL, "application/warc-fields", "software: t\r\n", 13);
	add_record(&recs[1], "request", "http://a.example/quay",
	           "application/http; msgtype=request", "GET /quay HTTP/1.1\r\n\r\n", 22);
	add_response(&recs[2], "http://a.example/quay", "200 OK", "text/html; charset=iso-8859-1",
	             page_a);
	add_response(&recs[3], "http://a.example/gone", "404 Not Found", "text/html", page_b);
	add_response(&recs[4], "http://a.example/moved", "301 Moved", "text/html", "");
	add_response(&recs[5], "http://a.example/logo.png", "200 OK", "image/png", "\x89PNG....");
	add_record(&recs[6], "metadata", "http://a.example/quay", "application/warc-fields",
	           "x: y\r\n", 6);
	add_record(&recs[7], "resource", "<http://a.example/ferry>", "text/html", page_b,
	           strlen(page_b));
	/* No Content-Type at all: sniffed as HTML. */
	add_response(&recs[8], "http://a.example/nosniff", "200 OK", NULL, page_b);
}

static void free_records(void)
{
	for (int i = 0; i < NREC; i++)
		rv_buf_release(&recs[i]);
}

static void gz_append(rv_buf *out, const char *data, size_t n)
{
	z_stream zs = {0};
	deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
	size_t bound = deflateBound(&zs, (uLong)n) + 64;
	unsigned char *tmp = malloc(bound);
	zs.next_in = (Bytef *)data;
	zs.avail_in = (uInt)n;
	zs.next_out = tmp;
	zs.avail_out = (uInt)bound;
	ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
	rv_buf_append(out, tmp, bound - zs.avail_out);
	deflateEnd(&zs);
	free(tmp);
}

struct seen {
	int n, rejects;
	char ref[16][128], url[16][128], fetched[16][64], ctype[16][64], body[16][256];
	size_t len[16];
	char reject[8][512];
};

static int on_rec(const rv_record *r, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 16) {
		snprintf(s->ref[s->n], 128, "%s", r->ref);
		snprintf(s->url[s->n], 128, "%s", r->url ? r->url : "");
		snprintf(s->fetched[s->n], 64, "%s", r->fetched_at ? r->fetched_at : "");
		snprintf(s->ctype[s->n], 64, "%s", r->content_type ? r->content_type : "");
		snprintf(s->body[s->n], 256, "%.*s", (int)r->len, r->data);
		s->len[s->n] = r->len;
		ASSERT_EQ(r->format, RV_FORMAT_HTML);
	}
	s->n++;
	return 0;
}

static void on_rej(const char *ref, const char *reason, void *ctx)
{
	struct seen *s = ctx;
	if (s->rejects < 8)
		snprintf(s->reject[s->rejects], 512, "%s: %s", ref, reason);
	s->rejects++;
}

static void read_buf(const char *name, const char *data, size_t len, struct seen *s)
{
	memset(s, 0, sizeof *s);
	rv_ingest_opts o = {0};
	o.on_record = on_rec;
	o.on_reject = on_rej;
	o.ctx = s;
	rv_error err;
	/* A copy exactly the input's size, so ASan catches any over-read. */
	char *copy = malloc(len ? len : 1);
	memcpy(copy, data, len);
	ASSERT_EQ(rv_read_warc(name, copy, len, &o, &err), 0);
	free(copy);
}

static void check_pages(const struct seen *s)
{
	ASSERT_EQ(s->n, 3);
	ASSERT_STR_EQ(s->url[0], "http://a.example/quay");
	ASSERT_STR_EQ(s->body[0], page_a);
	ASSERT_STR_EQ(s->fetched[0], "2022-01-24T11:48:00Z");
	ASSERT_STR_EQ(s->ctype[0], "text/html; charset=iso-8859-1");
	ASSERT_STR_EQ(s->url[1], "http://a.example/ferry");
	ASSERT_STR_EQ(s->body[1], page_b);
	ASSERT_STR_EQ(s->url[2], "http://a.example/nosniff");
}

TEST(warc_plain_record_kinds)
{
	build_records();
	rv_buf all;
	rv_buf_init(&all, 1 << 24);
	size_t off_quay = 0, off_res = 0;
	for (int i = 0; i < NREC; i++) {
		if (i == 2)
			off_quay = all.len;
		if (i == 7)
			off_res = all.len;
		rv_buf_append(&all, recs[i].data, recs[i].len);
	}
	struct seen s;
	read_buf("x.warc", all.data, all.len, &s);
	check_pages(&s);
	ASSERT_EQ(s.rejects, 0);
	char want[64];
	snprintf(want, sizeof want, "x.warc#%zu", off_quay);
	ASSERT_STR_EQ(s.ref[0], want);
	snprintf(want, sizeof want, "x.warc#%zu", off_res);
	ASSERT_STR_EQ(s.ref[1], want);
	rv_buf_release(&all);
	free_records();
}

TEST(warc_gzip_per_record_offsets)
{
	build_records();
	rv_buf gz;
	rv_buf_init(&gz, 1 << 24);
	size_t off_quay = 0, off_res = 0;
	for (int i = 0; i < NREC; i++) {
		if (i == 2)
			off_quay = gz.len;
		if (i == 7)
			off_res = gz.len;
		gz_append(&gz, recs[i].data, recs[i].len);
	}
	struct seen s;
	read_buf("x.warc.gz", gz.data, gz.len, &s);
	check_pages(&s);
	ASSERT_EQ(s.rejects, 0);
	char want[64];
	snprintf(want, sizeof want, "x.warc.gz#%zu", off_quay);
	ASSERT_STR_EQ(s.ref[0], want);
	snprintf(want, sizeof want, "x.warc.gz#%zu", off_res);
	ASSERT_STR_EQ(s.ref[1], want);
	rv_buf_release(&gz);
	free_records();
}

/* A member inflates in one call when it fits the space the reader offers
 * (1 MB); a larger one streams through zlib. Both kinds, interleaved, come
 * out whole and with their own offsets. */
TEST(warc_gzip_members_larger_than_one_call)
{
	build_records();
	size_t big_len = (size_t)3 << 19; /* 1.5 MB */
	char *big = malloc(big_len + 1);
	ASSERT(big);
	static const char para[] = "<p>Tide tables for the north quay, week 12.</p>";
	for (size_t i = 0; i < big_len; i++)
		big[i] = para[i % (sizeof para - 1)];
	big[big_len] = '\0';
	rv_buf blk, rec;
	rv_buf_init(&blk, 1 << 22);
	rv_buf_init(&rec, 1 << 22);
	rv_buf_printf(&blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			    "Content-Length: %zu\r\n\r\n", big_len);
	rv_buf_append(&blk, big, big_len);
	add_record(&rec, "response", "http://a.example/tides", "application/http; msgtype=response",
		   blk.data, blk.len);
	rv_buf_release(&blk);
	rv_buf gz;
	rv_buf_init(&gz, 1 << 24);
	gz_append(&gz, recs[2].data, recs[2].len);
	size_t off_big = gz.len;
	gz_append(&gz, rec.data, rec.len);
	size_t off_ferry = gz.len;
	gz_append(&gz, recs[7].data, recs[7].len);
	gz_append(&gz, rec.data, rec.len);
	struct seen s;
	read_buf("t.warc.gz", gz.data, gz.len, &s);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.n, 4);
	ASSERT_STR_EQ(s.body[0], page_a);
	ASSERT_EQ(s.len[1], big_len);
	ASSERT(!strncmp(s.body[1], para, sizeof para - 1));
	ASSERT_STR_EQ(s.body[2], page_b);
	ASSERT_EQ(s.len[3], big_len);
	char want[64];
	snprintf(want, sizeof want, "t.warc.gz#%zu", off_big);
	ASSERT_STR_EQ(s.ref[1], want);
	snprintf(want, sizeof want, "t.warc.gz#%zu", off_ferry);
	ASSERT_STR_EQ(s.ref[2], want);
	rv_buf_release(&gz);
	rv_buf_release(&rec);
	free(big);
	free_records();
}

/* libdeflate is given at most RV__GZ_WHOLE_MEMBER of the window for a
 * member, however much is free: a member too large for that goes to zlib
 * after that much work, not after libdeflate has filled all the room an
 * earlier large record left (up to 32 MB), which zlib then inflated again. */
TEST(gzstream_large_member_after_large_window_inflated_once)
{
	size_t first = (size_t)8 << 20, second = (size_t)12 << 20;
	static const char line[] = "Quay 12: berth closed for dredging until the spring tide.\n";
	char *text = malloc(second);
	ASSERT(text);
	for (size_t i = 0; i < second; i++)
		text[i] = line[i % (sizeof line - 1)];
	rv_buf gz;
	rv_buf_init(&gz, 1 << 24);
	gz_append(&gz, text, first);
	gz_append(&gz, text, second);
	rv__gz s;
	ASSERT(rv__gz_open(&s, gz.data, gz.len));
	ASSERT_EQ(rv__gz_ensure(&s, first), first); /* the window grows to hold it */
	ASSERT(!memcmp(rv__gz_cur(&s), text, first));
	rv__gz_consume(&s, first);
	size_t read = 0;
	while (rv__gz_ensure(&s, RV__GZ_CHUNK)) {
		size_t n = rv__gz_avail(&s);
		ASSERT(read + n <= second);
		ASSERT(!memcmp(rv__gz_cur(&s), text + read, n));
		read += n;
		rv__gz_consume(&s, n);
	}
	ASSERT_EQ(read, second);
	ASSERT(!s.z_err);
	/* each member declares in its trailer that it is larger than the free
	 * window, so zlib inflates it and libdeflate is never tried */
	if (s.whole_redone > 0)
		TEST_FAIL("%llu bytes of window inflated by libdeflate then again by zlib",
		          (unsigned long long)s.whole_redone);
	rv__gz_close(&s);
	rv_buf_release(&gz);
	free(text);
}

TEST(warc_gzip_whole_file)
{
	build_records();
	rv_buf all, gz;
	rv_buf_init(&all, 1 << 24);
	rv_buf_init(&gz, 1 << 24);
	for (int i = 0; i < NREC; i++)
		rv_buf_append(&all, recs[i].data, recs[i].len);
	gz_append(&gz, all.data, all.len);
	struct seen s;
	read_buf("w.warc.gz", gz.data, gz.len, &s);
	check_pages(&s);
	ASSERT_EQ(s.rejects, 0);
	rv_buf_release(&all);
	rv_buf_release(&gz);
	free_records();
}

TEST(warc_truncated_keeps_earlier_records)
{
	build_records();
	rv_buf gz;
	rv_buf_init(&gz, 1 << 24);
	size_t cut = 0;
	for (int i = 0; i < NREC; i++) {
		if (i == 7)
			cut = gz.len + 30; /* inside the resource record's member */
		gz_append(&gz, recs[i].data, recs[i].len);
	}
	struct seen s;
	read_buf("cut.warc.gz", gz.data, cut, &s);
	ASSERT_EQ(s.n, 1);
	ASSERT_STR_EQ(s.url[0], "http://a.example/quay");
	ASSERT(s.rejects >= 1);
	ASSERT_CONTAINS(s.reject[s.rejects - 1], "cut.warc.gz");
	ASSERT_CONTAINS(s.reject[s.rejects - 1], "truncated");

	/* Plain archive cut inside a block. */
	rv_buf all;
	rv_buf_init(&all, 1 << 24);
	for (int i = 0; i < NREC; i++)
		rv_buf_append(&all, recs[i].data, recs[i].len);
	read_buf("cut.warc", all.data, all.len - 40, &s);
	ASSERT_EQ(s.n, 2);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reject[0], "cut.warc#");
	ASSERT_CONTAINS(s.reject[0], "truncated");
	/* Every cut point: no crash, never more than the whole gives. */
	for (size_t k = 0; k < gz.len; k += 7) {
		read_buf("c.warc.gz", gz.data, k, &s);
		ASSERT(s.n <= 3);
	}
	for (size_t k = 0; k < all.len; k += 5) {
		read_buf("c.warc", all.data, k, &s);
		ASSERT(s.n <= 3);
	}
	rv_buf_release(&all);
	rv_buf_release(&gz);
	free_records();
}

TEST(warc_gzip_bomb_bounded)
{
	/* A response declaring 200 MB of zeros (about 200 KB compressed): refused
	 * without holding it, and the record after it is still read. */
	size_t big = (size_t)200 << 20;
	rv_buf gz;
	rv_buf_init(&gz, 1 << 26);
	char head[512];
	int hl = snprintf(
	    head, sizeof head,
	    "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/\r\n"
	    "Content-Type: application/http; msgtype=response\r\nContent-Length: %zu\r\n\r\n",
	    big);
	z_stream zs = {0};
	deflateInit2(&zs, 9, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);
	unsigned char *out = malloc(1 << 20);
	static char zeros[1 << 16];
	size_t left = big;
	zs.next_in = (Bytef *)head;
	zs.avail_in = (uInt)hl;
	int flush = Z_NO_FLUSH;
	for (;;) {
		if (!zs.avail_in && left) {
			size_t k = left < sizeof zeros ? left : sizeof zeros;
			zs.next_in = (Bytef *)zeros;
			zs.avail_in = (uInt)k;
			left -= k;
		}
		if (!zs.avail_in && !left)
			flush = Z_FINISH;
		zs.next_out = out;
		zs.avail_out = 1 << 20;
		int zr = deflate(&zs, flush);
		rv_buf_append(&gz, out, (1 << 20) - zs.avail_out);
		if (zr == Z_STREAM_END)
			break;
	}
	deflateEnd(&zs);
	free(out);
	ASSERT(gz.len < (size_t)2 << 20);
	build_records();
	gz_append(&gz, "\r\n\r\n", 4); /* the bomb's record trailer, its own member */
	gz_append(&gz, recs[2].data, recs[2].len);
	struct seen s;
	read_buf("bomb.warc.gz", gz.data, gz.len, &s);
	ASSERT_EQ(s.n, 1);
	ASSERT_STR_EQ(s.url[0], "http://a.example/quay");
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reject[0], "larger than 32 MB");
	rv_buf_release(&gz);
	free_records();
}

/* A response whose body is deflate-encoded with windowBits wbits (15: the
 * zlib format, -15: raw deflate) under Content-Encoding: deflate. */
static void add_deflated(rv_buf *b, const char *uri, const char *body, int wbits)
{
	unsigned char z[1024];
	z_stream zs = {0};
	ASSERT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (Bytef *)body;
	zs.avail_in = (uInt)strlen(body);
	zs.next_out = z;
	zs.avail_out = sizeof z;
	ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
	size_t n = sizeof z - zs.avail_out;
	deflateEnd(&zs);
	rv_buf blk;
	rv_buf_init(&blk, 1 << 20);
	rv_buf_printf(&blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n"
	                    "Content-Length: %zu\r\n\r\n", n);
	rv_buf_append(&blk, z, n);
	add_record(b, "response", uri, "application/http; msgtype=response", blk.data, blk.len);
	rv_buf_release(&blk);
}

/* HTTP's "deflate" is the zlib format (RFC 9110 8.4.1.2); some servers send
 * raw deflate instead, and browsers read both. Only raw deflate was read:
 * a page sent by the book was refused ("payload does not inflate"). */
TEST(warc_deflate_payload_zlib_or_raw)
{
	rv_buf all;
	rv_buf_init(&all, 1 << 20);
	add_deflated(&all, "http://a.example/zlib", page_a, 15);
	add_deflated(&all, "http://a.example/raw", page_b, -15);
	struct seen s;
	read_buf("deflate.warc", all.data, all.len, &s);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.n, 2);
	ASSERT_STR_EQ(s.url[0], "http://a.example/zlib");
	ASSERT_STR_EQ(s.body[0], page_a);
	ASSERT_STR_EQ(s.url[1], "http://a.example/raw");
	ASSERT_STR_EQ(s.body[1], page_b);
	rv_buf_release(&all);
}

TEST(warc_not_an_archive_and_lf_lines)
{
	struct seen s;
	const char *junk = "hello world, no archive here";
	read_buf("j.warc", junk, strlen(junk), &s);
	ASSERT_EQ(s.n, 0);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reject[0], "not a WARC");
	/* Bare LF line endings, as some tools write. */
	rv_buf b;
	rv_buf_init(&b, 1 << 20);
	char blk[512];
	int n = snprintf(blk, sizeof blk, "HTTP/1.0 200 OK\nContent-Type: text/html\n\n%s", page_b);
	rv_buf_printf(&b,
	              "WARC/1.1\nWARC-Type: response\nWARC-Target-URI: http://lf.example/\n"
	              "Content-Length: %d\n\n%s\n\n",
	              n, blk);
	read_buf("lf.warc", b.data, b.len, &s);
	ASSERT_EQ(s.n, 1);
	ASSERT_STR_EQ(s.body[0], page_b);
	ASSERT_STR_EQ(s.url[0], "http://lf.example/");
	rv_buf_release(&b);
}

TEST(warc_fixture_through_ingest_path)
{
	/* A committed archive (tests/tools/mkwarc.py --extras): sniffed by
	 * name and magic, mapped, read. */
	struct seen s;
	memset(&s, 0, sizeof s);
	rv_ingest_opts o = {0};
	o.on_record = on_rec;
	o.on_reject = on_rej;
	o.ctx = &s;
	rv_error err;
	ASSERT_EQ(rv_ingest_path(FIXTURE("warc/small.warc.gz"), &o, &err), 0);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.n, 4); /* chunked+gzip page, resource, two pages */
	ASSERT_STR_EQ(s.url[0], "http://example.org/chunked");
	ASSERT_CONTAINS(s.body[0], "north quay after repairs");
	ASSERT_STR_EQ(s.url[1], "http://example.org/resource");
	ASSERT_STR_EQ(s.url[2], "http://news.example/0/0");
	ASSERT_CONTAINS(s.body[2], "Lock gates replaced");
	ASSERT_STR_EQ(s.fetched[2], "2022-01-24T11:48:00Z");
	ASSERT_CONTAINS(s.ref[2], "tests/fixtures/warc/small.warc.gz#");
	ASSERT_STR_EQ(s.ctype[2], "text/html; charset=utf-8");
}

/* Per-record gzip with one member damaged: that record is lost, the ones
 * after it are read, and the damage is named. */
static void corrupt_member(int victim, int how, struct seen *s)
{
	build_records();
	rv_buf gz;
	rv_buf_init(&gz, 1 << 24);
	size_t start = 0, end = 0;
	for (int i = 0; i < NREC; i++) {
		if (i == victim)
			start = gz.len;
		gz_append(&gz, recs[i].data, recs[i].len);
		if (i == victim)
			end = gz.len;
	}
	if (how == 0) {
		/* Garbage in the middle of the deflate data. */
		for (size_t k = start + 12; k < start + 40 && k < end - 8; k++)
			gz.data[k] = (char)0xff;
	} else {
		/* Only the CRC is wrong: the bytes inflate but cannot be trusted. */
		gz.data[end - 8] ^= 0x55;
	}
	read_buf("bad.warc.gz", gz.data, gz.len, s);
	rv_buf_release(&gz);
	free_records();
}

TEST(warc_gzip_corrupt_member_resumes)
{
	struct seen s;
	for (int how = 0; how < 2; how++) {
		corrupt_member(2, how, &s); /* the quay page */
		ASSERT_EQ(s.n, 2);
		ASSERT_STR_EQ(s.url[0], "http://a.example/ferry");
		ASSERT_STR_EQ(s.url[1], "http://a.example/nosniff");
		ASSERT_EQ(s.rejects, 1);
		ASSERT_CONTAINS(s.reject[0], "bad.warc.gz#");
		ASSERT_CONTAINS(s.reject[0], "damaged gzip member");
		ASSERT_CONTAINS(s.reject[0], "resuming at the next gzip member");
		corrupt_member(3, how, &s); /* a skipped 404 */
		check_pages(&s);
		ASSERT_EQ(s.rejects, 1);
		corrupt_member(NREC - 1, how, &s); /* the last: nothing to resume */
		ASSERT_EQ(s.n, 2);
		ASSERT_EQ(s.rejects, 1);
		ASSERT_CONTAINS(s.reject[0], "damaged gzip member");
		ASSERT_CONTAINS(s.reject[0], "the records before it were read");
	}
}

/* Through rv_ingest_buffer(), which looks inside every gzip input: a
 * .warc.gz damaged from its first member is still the WARC reader's (it
 * resumes at the next member), and so is one after an empty member. */
TEST(warc_gzip_damaged_or_empty_first_member_through_ingest)
{
	build_records();
	for (int empty = 0; empty < 2; empty++) {
		rv_buf gz;
		rv_buf_init(&gz, 1 << 24);
		if (empty)
			gz_append(&gz, "", 0);
		for (int i = 0; i < NREC; i++)
			gz_append(&gz, recs[i].data, recs[i].len);
		if (!empty)
			for (size_t k = 12; k < 30; k++)
				gz.data[k] = (char)0xff; /* the warcinfo member's deflate data */
		struct seen s;
		memset(&s, 0, sizeof s);
		rv_ingest_opts o = {0};
		o.on_record = on_rec;
		o.on_reject = on_rej;
		o.ctx = &s;
		ASSERT_EQ(rv_ingest_buffer("first.warc.gz", gz.data, gz.len, &o, NULL), RV_OK);
		check_pages(&s);
		ASSERT_EQ(s.rejects, empty ? 0 : 1);
		if (!empty)
			ASSERT_CONTAINS(s.reject[0], "resuming at the next gzip member");
		ASSERT_CONTAINS(s.ref[0], "first.warc.gz#"); /* a member's offset */
		rv_buf_release(&gz);
	}
	free_records();
}

/* Through rv_ingest_buffer(), whose look at the first bytes keeps what a
 * damaged member gave (as gzip -d would, for a JSONL file): a first member
 * whose bytes all inflate but whose CRC is wrong is not read as a record
 * when the stream is handed to the WARC reader; the reader names it and
 * resumes at the next member, as when it opens the archive itself. */
TEST(warc_gzip_first_member_bad_crc_through_ingest)
{
	build_records();
	rv_buf gz;
	rv_buf_init(&gz, 1 << 24);
	gz_append(&gz, recs[2].data, recs[2].len); /* the quay page first */
	gz.data[gz.len - 8] ^= 0x55;                /* its CRC */
	for (int i = 3; i < NREC; i++)
		gz_append(&gz, recs[i].data, recs[i].len);
	struct seen s;
	memset(&s, 0, sizeof s);
	rv_ingest_opts o = {0};
	o.on_record = on_rec;
	o.on_reject = on_rej;
	o.ctx = &s;
	ASSERT_EQ(rv_ingest_buffer("crc.warc.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.n, 2);
	ASSERT_STR_EQ(s.url[0], "http://a.example/ferry");
	ASSERT_STR_EQ(s.url[1], "http://a.example/nosniff");
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reject[0], "crc.warc.gz#0: damaged gzip member");
	ASSERT_CONTAINS(s.reject[0], "resuming at the next gzip member");
	rv_buf_release(&gz);
	free_records();
}

/* A .warc.gz gzipped again (saved from a server that added its own
 * Content-Encoding) is one layer the reader unwraps, whatever its name. */
TEST(warc_gzip_inside_gzip_is_read)
{
	build_records();
	rv_buf inner, gz;
	rv_buf_init(&inner, 1 << 24);
	rv_buf_init(&gz, 1 << 24);
	for (int i = 0; i < NREC; i++)
		gz_append(&inner, recs[i].data, recs[i].len);
	gz_append(&gz, inner.data, inner.len);
	struct seen s;
	rv_ingest_opts o = {0};
	o.on_record = on_rec;
	o.on_reject = on_rej;
	o.ctx = &s;
	const char *names[] = {"twice.warc.gz", "twice.gz"};
	for (int i = 0; i < 2; i++) {
		memset(&s, 0, sizeof s);
		ASSERT_EQ(rv_ingest_buffer(names[i], gz.data, gz.len, &o, NULL), RV_OK);
		check_pages(&s);
		ASSERT_EQ(s.rejects, 0);
	}
	rv_buf_release(&inner);
	rv_buf_release(&gz);
	free_records();
}

/* A response record for page_a whose Content-Length is the given string,
 * not the block's length (a writer's bug, or a hostile archive). */
static void add_lying_response(rv_buf *b, const char *clen)
{
	rv_buf blk;
	rv_buf_init(&blk, 1 << 20);
	rv_buf_printf(&blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %zu\r\n\r\n%s",
	              strlen(page_a), page_a);
	char len[32];
	if (!strcmp(clen, "short") || !strcmp(clen, "long"))
		snprintf(len, sizeof len, "%zu", clen[0] == 's' ? blk.len - 30 : blk.len + 30);
	else
		snprintf(len, sizeof len, "%s", clen);
	rv_buf_printf(b, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/liar\r\n"
	                 "Content-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n",
	              len);
	rv_buf_append(b, blk.data, blk.len);
	rv_buf_puts(b, "\r\n\r\n");
	rv_buf_release(&blk);
}

/* One record whose Content-Length lies (too short, too long, negative,
 * larger than the archive) costs that record and what it overran, not the
 * rest of the archive: reading resumes at the next record, plain or gzip
 * member per record, with one message naming the place. */
TEST(warc_lying_content_length_resumes_at_next_record)
{
	static const char *const lies[] = { "short", "long", "-5", "99999999999999", "12abc" };
	build_records();
	for (size_t l = 0; l < sizeof lies / sizeof *lies; l++) {
		rv_buf liar;
		rv_buf_init(&liar, 1 << 20);
		add_lying_response(&liar, lies[l]);
		for (int gz = 0; gz < 2; gz++) {
			rv_buf all;
			rv_buf_init(&all, 1 << 24);
			for (int i = 0; i < NREC; i++) {
				const rv_buf *r = i == 3 ? &liar : &recs[i]; /* the 404 lies */
				if (gz)
					gz_append(&all, r->data, r->len);
				else
					rv_buf_append(&all, r->data, r->len);
			}
			struct seen s;
			read_buf(gz ? "lie.warc.gz" : "lie.warc", all.data, all.len, &s);
			if (s.n < 3 || strcmp(s.url[s.n - 1], "http://a.example/nosniff") ||
			    strcmp(s.url[s.n - 2], "http://a.example/ferry") || s.rejects != 1)
				TEST_FAIL("Content-Length %s (%s): %d pages, last %s, %d rejects: %s", lies[l],
				          gz ? "gzip" : "plain", s.n, s.n ? s.url[s.n - 1] : "-", s.rejects,
				          s.rejects ? s.reject[0] : "");
			ASSERT_STR_EQ(s.url[0], "http://a.example/quay");
			ASSERT_CONTAINS(s.reject[0], gz ? "lie.warc.gz#" : "lie.warc#");
			ASSERT_CONTAINS(s.reject[0], "resuming at the next record");
			rv_buf_release(&all);
		}
		rv_buf_release(&liar);
	}
	free_records();
}
