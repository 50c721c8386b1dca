/* ingest.c - walk paths, read files, sniff formats, dispatch to readers. */
#include "ingest/ingest.h"
#include "ingest/readers.h"
#include "ingest/gzstream.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/utf8.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static bool name_ends(const char *name, const char *suffix)
{
	size_t n = strlen(name), m = strlen(suffix);
	return n >= m && !strcasecmp(name + n - m, suffix);
}

/* A share of NUL or control bytes no text has. */
static bool looks_binary(const char *data, size_t len)
{
	size_t n = len < 8192 ? len : 8192, bad = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == 0)
			return true;
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
			bad++;
	}
	return n && bad * 20 > n;
}

rv_format rv_sniff_format(const char *data, size_t len, const char *name)
{
	if (rv__gz_magic(data, len))
		return RV_FORMAT_WARC; /* rv_ingest_buffer() looks inside: ingest_gzip() */
	if (name) {
		if (name_ends(name, ".jsonl") || name_ends(name, ".ndjson"))
			return RV_FORMAT_JSONL;
		if (name_ends(name, ".warc") || name_ends(name, ".warc.gz"))
			return RV_FORMAT_WARC;
	}
	size_t i = 0;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
		i++;
	const char *p = data + i;
	size_t rest = len - i;
	if (rest >= 5 && !memcmp(p, "WARC/", 5))
		return RV_FORMAT_WARC;
	if (rest && p[0] == '{')
		return RV_FORMAT_JSONL;
	size_t head = rest < 2048 ? rest : 2048;
	char low[2049];
	for (size_t k = 0; k < head; k++)
		low[k] = (char)((p[k] >= 'A' && p[k] <= 'Z') ? p[k] + 32 : p[k]);
	low[head] = '\0';
	if (head && p[0] == '<') {
		if (strstr(low, "<rss") || strstr(low, "<feed") || strstr(low, "<rdf:rdf") ||
		    strstr(low, "<urlset") || strstr(low, "<sitemapindex"))
			if (!strstr(low, "<html"))
				return RV_FORMAT_FEED;
		return RV_FORMAT_HTML;
	}
	if (strstr(low, "<html") || strstr(low, "<!doctype html") || strstr(low, "<body"))
		return RV_FORMAT_HTML;
	if (name && (name_ends(name, ".html") || name_ends(name, ".htm") || name_ends(name, ".xhtml")))
		return RV_FORMAT_HTML;
	return RV_FORMAT_TEXT;
}

static void reject(const rv_ingest_opts *o, const char *ref, const char *reason)
{
	if (o->on_reject)
		o->on_reject(ref, reason, o->ctx);
}

/* Whether gzip data inflates to a WARC record first: its first bytes across
 * members (an empty first member says nothing). */
static bool gzip_holds_warc(const char *data, size_t len)
{
	rv__gz s;
	if (!rv__gz_open(&s, data, len))
		return false;
	bool warc = rv__gz_ensure(&s, 5) >= 5 && !memcmp(rv__gz_cur(&s), "WARC/", 5);
	rv__gz_close(&s);
	return warc;
}

/* A format read record by record: a damaged tail costs the records in it,
 * and the file may be as large as a plain one of its kind. The others are
 * one document each (a page, a feed, a text dump is one article). */
static bool stream_format(rv_format f)
{
	return f == RV_FORMAT_JSONL || f == RV_FORMAT_WARC;
}

/* How many times its size a gzip stream of text may inflate (deflate's
 * own limit is 1,032). */
#define GZIP_MAX_TEXT_RATIO 200

/* An unlinked temporary file in $TMPDIR (else /tmp), or -1 with errno. */
static int scratch_file(void)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	char path[4096];
	int n = snprintf(path, sizeof path, "%s/revue-gunzip-XXXXXX", dir);
	if (n < 0 || (size_t)n >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	int fd = mkostemp(path, O_CLOEXEC);
	if (fd >= 0)
		unlink(path);
	return fd;
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Why the gzip stream s stopped before its end, total bytes inflated and
 * kept: into why (nothing when it ended clean). */
static void gz_trouble(const rv__gz *s, uint64_t total, char *why, size_t size)
{
	unsigned long long n = (unsigned long long)total;
	why[0] = '\0';
	if (!s->z_err)
		return;
	if (s->z_junk)
		snprintf(why, size,
		         "data after the last gzip member is not gzip (compressed offset %zu), "
		         "ignored",
		         s->z_err_off);
	else if (s->z_corrupt)
		snprintf(why, size,
		         "damaged gzip file (%s at compressed offset %zu) after %llu bytes "
		         "inflated",
		         s->z_err, s->z_err_off, n);
	else if (s->z_cut)
		snprintf(why, size,
		         "gzip file cut short after %llu bytes inflated (compressed offset %zu)", n,
		         s->z_err_off);
	else
		snprintf(why, size, "%s after %llu bytes inflated (compressed offset %zu)",
		         s->z_err, n, s->z_err_off);
}

/* How much of the inflated file its format is sniffed from. */
#define GZ_HEAD ((size_t)64 << 10)

/* Read a gzip file. A WARC archive goes to the WARC reader, which inflates
 * it record by record. Any other is read as the file it holds, named
 * without its .gz (refs keep the file's own name): every member in order,
 * as gzip -d does, inflated into an unlinked temporary file that is mapped,
 * so memory stays small whatever the size. The inflated size is bounded as
 * a plain file of its format is. A cut or damaged file is named; what came
 * before the damage is read when the format is a stream of records (a
 * JSONL file, a WARC), and nothing when it is one document, which would be
 * stored cut as if it were whole. Junk after the last member is named and
 * ignored. */
static int ingest_gzip(const char *name, const char *data, size_t len,
                       const rv_ingest_opts *opts, rv_error *err)
{
	int rc = RV_OK;
	char why[768];
	rv__gz s;
	if (!rv__gz_open(&s, data, len)) {
		reject(opts, name, "zlib initialisation failed");
		return RV_OK;
	}
	s.keep_damaged = true; /* as gzip -d: a stream format reads up to the damage */
	/* A WARC is the WARC reader's: by its first bytes, else by its name or
	 * the format asked for (a damaged first member may inflate to garbage
	 * before zlib sees the damage; the WARC reader names it and resumes at
	 * the next member). Its first bytes are all it takes to tell, so the
	 * stream has gone no further than the reader's own first look would
	 * (one member, or one window of a larger one) when the reader takes it
	 * over, with what it inflated: each byte is inflated once. */
	size_t head = rv__gz_ensure(&s, 5);
	const char *first = rv__gz_cur(&s);
	bool inner_gz = rv__gz_magic(first, head);
	if ((head >= 5 && !memcmp(first, "WARC/", 5)) ||
	    (!inner_gz && (opts->format == RV_FORMAT_WARC || name_ends(name, ".warc.gz") ||
	                   name_ends(name, ".warc")))) {
		rv__gz_drop_damaged(&s); /* the WARC reader trusts no damaged member */
		return rv_read_warc_stream(name, &s, opts, err);
	}
	head = rv__gz_ensure(&s, GZ_HEAD);
	first = rv__gz_cur(&s);
	/* One layer is unwrapped: a gzip holding another gzip (of anything but
	 * a WARC, which its reader inflates) was unwrapped again by recursion,
	 * and 3,000 layers (94 KB) overflowed the stack. */
	if (inner_gz && !gzip_holds_warc(first, head)) {
		reject(opts, name, "a gzip file inside a gzip file: not read (gunzip it first)");
		goto out_stream;
	}
	/* its format from its first bytes and the name without .gz
	 * (page.html.gz is HTML) */
	char inner[4096];
	snprintf(inner, sizeof inner, "%s", name);
	if (name_ends(inner, ".gz"))
		inner[strlen(inner) - 3] = '\0';
	rv_ingest_opts o = *opts;
	if (!o.format)
		o.format = rv_sniff_format(rv__gz_cur(&s), head, inner);
	bool stream = stream_format(o.format);
	uint64_t max = stream ? RV_INGEST_MAX_STREAM : RV_INGEST_MAX_FILE;
	int fd = scratch_file();
	if (fd < 0) {
		snprintf(why, sizeof why, "cannot make a temporary file to inflate into: %s",
		         strerror(errno));
		reject(opts, name, why);
		goto out_stream;
	}
	uint64_t total = 0;
	for (;;) {
		size_t got = rv__gz_ensure(&s, RV__GZ_CHUNK);
		if (!got)
			break;
		if (got > max - total) {
			if (stream)
				snprintf(why, sizeof why,
				         "gzip file larger than %zu GB once inflated",
				         RV_INGEST_MAX_STREAM >> 30);
			else
				snprintf(why, sizeof why,
				         "gzip file larger than %zu MB once inflated",
				         RV_INGEST_MAX_FILE >> 20);
			reject(opts, name, why);
			goto out_file;
		}
		/* A stream may be 16 GB, but a gzip bomb of one would fill the
		 * temporary disk before the bound is met: past a page's size, text
		 * that inflates more than news text ever does (5 to 20 times) is
		 * refused. */
		if (stream && total + got > RV_INGEST_MAX_FILE &&
		    total + got > (uint64_t)len * GZIP_MAX_TEXT_RATIO) {
			snprintf(why, sizeof why,
			         "gzip file inflates over %d times its size past %zu MB (a gzip bomb?): "
			         "not read (gunzip it first if it is real)",
			         GZIP_MAX_TEXT_RATIO, RV_INGEST_MAX_FILE >> 20);
			reject(opts, name, why);
			goto out_file;
		}
		if (!write_all(fd, rv__gz_cur(&s), got)) {
			snprintf(why, sizeof why, "cannot write the inflated file: %s",
			         strerror(errno));
			reject(opts, name, why);
			goto out_file;
		}
		total += got;
		rv__gz_consume(&s, got);
	}
	gz_trouble(&s, total, why, sizeof why);
	if (!total) {
		reject(opts, name, why[0] ? why : "empty file (the gzip file holds nothing)");
		goto out_file;
	}
	if (why[0] && !s.z_junk && !stream) {
		size_t w = strlen(why);
		snprintf(why + w, sizeof why - w,
		         "; not read: part of one %s document would be stored as if it were whole",
		         rv_format_name(o.format));
		reject(opts, name, why);
		goto out_file;
	}
	void *map = mmap(NULL, (size_t)total, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED) {
		snprintf(why, sizeof why, "cannot map the inflated file: %s", strerror(errno));
		reject(opts, name, why);
		goto out_file;
	}
	madvise(map, (size_t)total, MADV_SEQUENTIAL);
	rc = rv_ingest_buffer(name, map, (size_t)total, &o, err);
	munmap(map, (size_t)total);
	if (rc == RV_OK && why[0]) {
		size_t w = strlen(why);
		if (s.z_junk)
			snprintf(why + w, sizeof why - w,
			         "; the %llu bytes inflated before it were read",
			         (unsigned long long)total);
		else
			snprintf(why + w, sizeof why - w,
			         "; the complete records inflated before it were read");
		reject(opts, name, why);
	}
out_file:
	close(fd);
out_stream:
	rv__gz_close(&s);
	return rc;
}

int rv_ingest_buffer(const char *name, const char *data, size_t len,
		     const rv_ingest_opts *opts, rv_error *err)
{
	if (len == 0) {
		reject(opts, name, "empty file");
		return RV_OK;
	}
	/* A byte-order mark says the encoding before any format is sniffed:
	 * UTF-16 (a Windows "Unicode" save) is read as its UTF-8 conversion, and
	 * a UTF-8 mark is dropped, or a JSONL file would lose its first line. */
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		size_t n;
		char *conv = rv_utf8_convert(u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", data + 2, len - 2, &n);
		if (!conv)
			return rv_fail(err, RV_ENOMEM, "out of memory");
		int rc = n ? rv_ingest_buffer(name, conv, n, opts, err) : RV_OK;
		if (!n)
			reject(opts, name, "UTF-16 file with no text");
		free(conv);
		return rc;
	}
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
		if (!len) {
			reject(opts, name, "empty file");
			return RV_OK;
		}
	}
	if (rv__gz_magic(data, len))
		return ingest_gzip(name, data, len, opts, err);
	rv_format fmt = opts->format ? opts->format : rv_sniff_format(data, len, name);
	switch (fmt) {
	case RV_FORMAT_JSONL:
		return rv_read_jsonl(name, data, len, opts, err);
	case RV_FORMAT_WARC:
		return rv_read_warc(name, data, len, opts, err);
	case RV_FORMAT_FEED:
		return rv_read_feed(name, data, len, opts, err);
	default:
		break;
	}
	if (looks_binary(data, len)) {
		reject(opts, name, "binary data, not text or HTML");
		return RV_OK;
	}
	if (len > RV_INGEST_MAX_FILE) {
		char why[128];
		snprintf(why, sizeof why, "too large for one page (%zu MB, limit %zu MB)",
			 len >> 20, RV_INGEST_MAX_FILE >> 20);
		reject(opts, name, why);
		return RV_OK;
	}
	rv_record rec = { 0 };
	rec.data = data;
	rec.len = len;
	rec.format = fmt == RV_FORMAT_HTML ? RV_FORMAT_HTML : RV_FORMAT_TEXT;
	rec.ref = name;
	return opts->on_record(&rec, opts->ctx);
}

/* A mapped file that shrinks while it is read (a crawler rewriting it in
 * place, `> file`, log rotation by copytruncate) raises SIGBUS at the first
 * page past its new end, which killed the whole batch. While a file is
 * mapped, a SIGBUS inside its mapping maps zero pages over the rest of it:
 * the reader meets NULs where the lost bytes were (a malformed line, a
 * damaged record), and ingest_file() names the file as changed. A SIGBUS
 * anywhere else gets the action that was there before. */
static _Thread_local struct {
	const char *base;
	size_t len;
	volatile sig_atomic_t hit;
} mapped;
static struct sigaction sigbus_before;
static size_t page_size;
static pthread_once_t sigbus_once = PTHREAD_ONCE_INIT;

static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
	const char *a = si->si_addr;
	if (mapped.base && a >= mapped.base && a < mapped.base + mapped.len) {
		uintptr_t page = (uintptr_t)a & ~(uintptr_t)(page_size - 1);
		size_t rest = (size_t)((uintptr_t)(mapped.base + mapped.len) - page);
		if (mmap((void *)page, rest, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) !=
		    MAP_FAILED) {
			mapped.hit = 1;
			return; /* the read is made again, of zeros */
		}
	}
	if (sigbus_before.sa_flags & SA_SIGINFO) {
		sigbus_before.sa_sigaction(sig, si, uc);
		return;
	}
	/* the default (or ignored) action: put it back; the fault comes again */
	sigaction(SIGBUS, &sigbus_before, NULL);
}

static void sigbus_install(void)
{
	long ps = sysconf(_SC_PAGESIZE);
	page_size = ps > 0 ? (size_t)ps : 4096;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &sigbus_before);
}

static int ingest_file(const char *path, const rv_ingest_opts *opts, rv_error *err)
{
	/* O_NONBLOCK: a named pipe would block open() for ever (the fstat
	 * below then turns it away); a regular file ignores the flag. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		char why[256];
		snprintf(why, sizeof why, "cannot open: %s", strerror(errno));
		reject(opts, path, why);
		return RV_OK;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		reject(opts, path, "not a regular file");
		return RV_OK;
	}
	size_t len = (size_t)st.st_size;
	if (len == 0) {
		close(fd);
		reject(opts, path, "empty file");
		return RV_OK;
	}
	if (len > RV_INGEST_MAX_STREAM) {
		close(fd);
		reject(opts, path, "file larger than 16 GB");
		return RV_OK;
	}
	/* mmap: archives and JSONL streams can be far larger than memory. */
	void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		char why[256];
		snprintf(why, sizeof why, "cannot read: %s", strerror(errno));
		reject(opts, path, why);
		return RV_OK;
	}
	madvise(map, len, MADV_SEQUENTIAL);
	pthread_once(&sigbus_once, sigbus_install);
	mapped.base = map;
	mapped.len = len;
	mapped.hit = 0;
	int rc = rv_ingest_buffer(path, map, len, opts, err);
	bool shrank = mapped.hit;
	mapped.base = NULL;
	mapped.len = 0;
	munmap(map, len);
	if (shrank)
		reject(opts, path,
		       "file changed while it was read (cut short by another program); the records "
		       "read before the change were kept, read it again once it is complete");
	return rc;
}

static int ingest_stdin(const rv_ingest_opts *opts, rv_error *err)
{
	rv_buf b;
	rv_buf_init(&b, RV_INGEST_MAX_STDIN);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
		if (rv_buf_append(&b, chunk, n)) {
			rv_buf_release(&b);
			reject(opts, "-", "standard input over 1 GB: give the file's path instead");
			return RV_OK;
		}
	}
	int rc = rv_ingest_buffer("-", rv_buf_str(&b), b.len, opts, err);
	rv_buf_release(&b);
	return rc;
}

/* What a directory walk passes over: hidden files, and the documentation and
 * manifests that sit beside a corpus (README.md, MANIFEST.tsv ...), which are
 * not news. A file named on the command line is always read. */
static int walk_keeps(const struct dirent *d)
{
	static const char *const skipped[] = { ".md", ".tsv", ".csv", ".sh", ".py", ".db",
					       ".db-wal", ".db-shm" };
	if (d->d_name[0] == '.')
		return 0;
	for (size_t i = 0; i < sizeof skipped / sizeof *skipped; i++)
		if (name_ends(d->d_name, skipped[i]))
			return 0;
	return 1;
}

/* The directories one walk has read, by device and inode: a symlink back up
 * the tree (`latest -> ..`) is met once and named, not followed until the
 * depth limit (two such links made 2^32 paths), and a directory reached a
 * second way is not read twice. Owned by rv_ingest_path(). */
struct walk {
	struct walk_dir {
		dev_t dev;
		ino_t ino;
		bool open; /* an ancestor of the entry being read */
	} *dirs;
	size_t n, cap;
	/* open addressing over dirs (index + 1, 0: empty), so a crawl of a
	 * million dated directories is not a million scans of the list */
	size_t *slots;
	size_t nslots; /* a power of two, over twice n */
};

static size_t walk_hash(dev_t dev, ino_t ino)
{
	uint64_t h = (uint64_t)ino * 0x9E3779B97F4A7C15u ^ (uint64_t)dev * 0xC2B2AE3D27D4EB4Fu;
	return (size_t)(h ^ (h >> 29));
}

/* The slot of (dev, ino): where it is, or the empty one where it goes.
 * Only once the index is made (walk_index_room()), which keeps a slot empty. */
static size_t *walk_slot(const struct walk *w, dev_t dev, ino_t ino)
{
	assert(w->slots);
	size_t mask = w->nslots - 1;
	for (size_t i = walk_hash(dev, ino) & mask;; i = (i + 1) & mask) {
		size_t *s = &w->slots[i];
		if (!*s || (w->dirs[*s - 1].dev == dev && w->dirs[*s - 1].ino == ino))
			return s;
	}
}

/* The directory (dev, ino) when the walk has met it, else NULL. */
static const struct walk_dir *walk_seen(const struct walk *w, dev_t dev, ino_t ino)
{
	if (!w->slots)
		return NULL; /* no directory yet */
	size_t at = *walk_slot(w, dev, ino);
	return at ? &w->dirs[at - 1] : NULL;
}

/* Room in the index for one more directory than dirs holds. */
static int walk_index_room(struct walk *w, rv_error *err)
{
	if (2 * (w->n + 1) <= w->nslots)
		return RV_OK;
	size_t nslots = w->nslots ? w->nslots * 2 : 64;
	size_t *slots = calloc(nslots, sizeof *slots);
	if (!slots)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	free(w->slots);
	w->slots = slots;
	w->nslots = nslots;
	for (size_t i = 0; i < w->n; i++)
		*walk_slot(w, w->dirs[i].dev, w->dirs[i].ino) = i + 1;
	return RV_OK;
}

static int ingest_dir(const char *path, const struct stat *st, const rv_ingest_opts *opts,
		      struct walk *w, int depth, rv_error *err);

static int ingest_any(const char *path, const rv_ingest_opts *opts, struct walk *w, int depth,
		      rv_error *err)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		char why[256];
		snprintf(why, sizeof why, "cannot read: %s", strerror(errno));
		reject(opts, path, why);
		return RV_OK;
	}
	if (S_ISDIR(st.st_mode))
		return ingest_dir(path, &st, opts, w, depth, err);
	return ingest_file(path, opts, err);
}

/* Entries in name order, so a directory ingests the same way every time. */
static int ingest_dir(const char *path, const struct stat *st, const rv_ingest_opts *opts,
		      struct walk *w, int depth, rv_error *err)
{
	const struct walk_dir *seen = walk_seen(w, st->st_dev, st->st_ino);
	if (seen) {
		if (seen->open)
			reject(opts, path, "symlink loop (a directory that holds it), not followed");
		return RV_OK; /* read already through another path */
	}
	if (depth > 32) {
		reject(opts, path, "directories nested too deep (over 32 levels)");
		return RV_OK;
	}
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		struct walk_dir *d = realloc(w->dirs, cap * sizeof *d);
		if (!d)
			return rv_fail(err, RV_ENOMEM, "out of memory");
		w->dirs = d;
		w->cap = cap;
	}
	int room = walk_index_room(w, err);
	if (room != RV_OK)
		return room;
	size_t me = w->n++;
	w->dirs[me] = (struct walk_dir){ st->st_dev, st->st_ino, true };
	*walk_slot(w, st->st_dev, st->st_ino) = me + 1;
	struct dirent **names;
	int n = scandir(path, &names, walk_keeps, alphasort);
	if (n < 0) {
		char why[256];
		snprintf(why, sizeof why, "cannot list directory: %s", strerror(errno));
		reject(opts, path, why);
		w->dirs[me].open = false;
		return RV_OK;
	}
	int rc = RV_OK;
	for (int i = 0; i < n; i++) {
		if (rc == RV_OK) {
			rv_buf child;
			rv_buf_init(&child, 8192);
			bool slash = rv_str_ends_with(path, "/");
			if (rv_buf_printf(&child, "%s%s%s", path, slash ? "" : "/", names[i]->d_name))
				reject(opts, names[i]->d_name, "path too long");
			else
				rc = ingest_any(rv_buf_str(&child), opts, w, depth + 1, err);
			rv_buf_release(&child);
		}
		free(names[i]);
	}
	free(names);
	w->dirs[me].open = false;
	return rc;
}

int rv_ingest_path(const char *path, const rv_ingest_opts *opts, rv_error *err)
{
	if (!strcmp(path, "-"))
		return ingest_stdin(opts, err);
	struct walk w = { 0 };
	int rc = ingest_any(path, opts, &w, 0, err);
	free(w.dirs);
	free(w.slots);
	return rc;
}
