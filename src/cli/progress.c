/* progress.c - see progress.h. */
#include "cli/progress.h"
#include "core/str.h"

#include <ftw.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct rv_progress {
	FILE *out;
	bool tty, quiet, drawn;
	size_t files_total, files_done;
	uint64_t bytes_total, bytes_done; /* bytes of finished files */
	char *cur;                        /* path of the file being read */
	uint64_t cur_size, cur_off;
	double start, last;
	double every; /* seconds between updates */
	size_t records, articles;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

rv_progress *rv_progress_new(FILE *out, bool quiet)
{
	rv_progress *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->out = out;
	p->quiet = quiet;
	p->tty = isatty(fileno(out));
	p->start = p->last = now();
	p->every = p->tty ? 0.2 : 10.0;
	/* Tests and log collectors may want another pace. */
	const char *env = getenv("REVUE_PROGRESS_SECONDS");
	if (env && *env) {
		char *end;
		double v = strtod(env, &end);
		if (end != env && v >= 0 && v < 86400)
			p->every = v;
	}
	return p;
}

void rv_progress_free(rv_progress **pp)
{
	if (!pp || !*pp)
		return;
	free((*pp)->cur);
	free(*pp);
	*pp = NULL;
}

/* nftw has no context pointer: the walk in progress. */
static rv_progress *walking;

static int count_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)path;
	(void)ftw;
	if (type == FTW_F && S_ISREG(st->st_mode)) {
		walking->files_total++;
		walking->bytes_total += (uint64_t)st->st_size;
	}
	return 0;
}

void rv_progress_add_path(rv_progress *p, const char *path)
{
	if (!p || p->quiet || !strcmp(path, "-"))
		return;
	walking = p;
	nftw(path, count_one, 16, FTW_PHYS);
	walking = NULL;
}

static void fmt_secs(double s, char *out, size_t n)
{
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(out, n, "%ldh%02ldm", t / 3600, t / 60 % 60);
	else if (t >= 60)
		snprintf(out, n, "%ldm%02lds", t / 60, t % 60);
	else
		snprintf(out, n, "%lds", t);
}

static void draw(rv_progress *p, bool final)
{
	double t = now(), el = t - p->start;
	double rate = el > 0 ? (double)p->articles / el : 0;
	uint64_t done = p->bytes_done + p->cur_off;
	double frac = p->bytes_total ? (double)done / (double)p->bytes_total : 0;
	if (frac > 1)
		frac = 1;
	char eta[32] = "?";
	if (frac > 0.001 && el > 1)
		fmt_secs(el / frac - el, eta, sizeof eta);
	size_t files = p->files_done + (p->cur ? 1 : 0);
	if (p->tty) {
		char bar[21];
		int fill = (int)(frac * 20);
		for (int i = 0; i < 20; i++)
			bar[i] = i < fill ? '#' : '.';
		bar[20] = '\0';
		fprintf(
		    p->out,
		    "\r[%s] %3d%%  files %zu/%zu  records %zu  articles %zu  %.0f/s  ETA %s\033[K",
		    bar, (int)(frac * 100), files, p->files_total, p->records, p->articles, rate,
		    final ? "0s" : eta);
		p->drawn = true;
	} else {
		fprintf(p->out,
		        "progress: files=%zu/%zu records=%zu articles=%zu rate=%.0f/s done=%d%% "
		        "eta=%s\n",
		        files, p->files_total, p->records, p->articles, rate, (int)(frac * 100),
		        final ? "0s" : eta);
		p->drawn = true;
	}
	fflush(p->out);
	p->last = t;
}

void rv_progress_update(rv_progress *p, const char *ref, size_t records, size_t articles)
{
	if (!p || p->quiet)
		return;
	p->records = records;
	p->articles = articles;
	if (ref) {
		const char *hash = strrchr(ref, '#');
		size_t plen = hash ? (size_t)(hash - ref) : strlen(ref);
		if (!p->cur || strlen(p->cur) != plen || strncmp(p->cur, ref, plen)) {
			/* A new input file (JSONL ids are not paths: stat tells). */
			char *path = rv_strndup(ref, plen);
			struct stat st;
			if (path && !stat(path, &st) && S_ISREG(st.st_mode)) {
				if (p->cur) {
					p->files_done++;
					p->bytes_done += p->cur_size;
				}
				free(p->cur);
				p->cur = path;
				path = NULL;
				p->cur_size = (uint64_t)st.st_size;
				p->cur_off = 0;
			}
			free(path);
		}
		/* An archive's ref carries the byte offset of the record. */
		long off;
		if (hash && p->cur &&
		    (rv_str_ends_with(p->cur, ".warc") || rv_str_ends_with(p->cur, ".warc.gz")) &&
		    rv_parse_long(hash + 1, &off) && off >= 0 && (uint64_t)off <= p->cur_size)
			p->cur_off = (uint64_t)off;
	}
	double t = now();
	if (t - p->last >= p->every)
		draw(p, false);
}

void rv_progress_interrupt(rv_progress *p)
{
	if (p && p->tty && p->drawn) {
		fputs("\r\033[K", p->out);
		p->drawn = false;
	}
}

void rv_progress_finish(rv_progress *p)
{
	if (!p || p->quiet)
		return;
	if (!p->drawn)
		return; /* a run too short to report on */
	if (p->cur) {
		p->files_done++;
		p->bytes_done += p->cur_size;
		free(p->cur);
		p->cur = NULL;
		p->cur_off = 0;
	}
	if (p->bytes_done < p->bytes_total && p->files_done >= p->files_total)
		p->bytes_done = p->bytes_total;
	draw(p, true);
	if (p->tty) {
		fputc('\n', p->out);
		fflush(p->out);
	}
}
