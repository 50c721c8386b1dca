/* dedup.c - near-duplicates (MinHash + LSH) and URL-level duplicates.
 *
 * The signature is RV_MINHASH minimums over the body's word 3-shingles
 * (folded tokens, so case and accents do not matter; the title is left out
 * so a wire copy under a new headline still matches). Each shingle is
 * hashed once with xxh3 and the RV_MINHASH permutations are cheap
 * multiply-xorshift mixes of it. LSH: RV_BANDS bands of RV_ROWS rows; a
 * band's hash points to the newest original that had it (a direct-mapped
 * table: a collision only forgets an older candidate), and a candidate is
 * confirmed by the fraction of equal minimums (the Jaccard estimate).
 * Memory is bounded: a ring of the last near_dup_memory originals.
 *
 * The same canonical URL is a duplicate too (a re-crawl, an AMP copy), except
 * when the new text is far richer than the stored one and unlike it: that is
 * the full page behind a feed's teaser, and calling it a copy would throw its
 * text away.
 */
#include "analyze/analyze.h"
#include "group/group.h"
#include "core/date.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define RV_MINHASH 64
#define RV_BANDS 16
#define RV_ROWS (RV_MINHASH / RV_BANDS)
#define RV_SHINGLE_TOKENS 5000

typedef struct sig {
	uint32_t h[RV_MINHASH];
} sig;

typedef struct ring_entry {
	int64_t id;
	uint64_t url_key;
	uint32_t tokens; /* words shingled, at most RV_SHINGLE_TOKENS */
	int64_t published; /* epoch seconds, 0 when undated */
	sig s;
	bool has_sig;
} ring_entry;

typedef struct slot {
	uint64_t key;
	uint32_t idx; /* ring index + 1 */
} slot;

struct rv_dedup {
	rv_group_config cfg;
	ring_entry *ring;
	size_t ring_cap, ring_next;
	uint64_t ring_total;
	slot *table;
	size_t table_mask;
	/* signature of the last article checked */
	sig cur;
	bool cur_has_sig;
	uint32_t cur_tokens;
	int64_t cur_published;
	uint64_t cur_url;
	ring_entry *cur_superseded; /* the teaser the last article checked supersedes */
};

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

struct shingler {
	uint64_t w[3];
	int nw;
	int tokens;
	sig *s;
};

static void shingle_token(const char *tok, size_t len, size_t off, void *ctx)
{
	(void)off;
	struct shingler *sh = ctx;
	/* a copy is recognised by its first pages; bound the cost of huge texts */
	if (sh->tokens >= RV_SHINGLE_TOKENS)
		return;
	sh->w[0] = sh->w[1];
	sh->w[1] = sh->w[2];
	sh->w[2] = XXH3_64bits(tok, len);
	sh->tokens++;
	if (++sh->nw < 3)
		return;
	uint64_t base = sh->w[0] * 0x9E3779B97F4A7C15ULL ^ mix64(sh->w[1]) * 3 ^ mix64(sh->w[2] + 7);
	for (int i = 0; i < RV_MINHASH; i++) {
		uint32_t v = (uint32_t)mix64(base + (uint64_t)(i + 1) * UINT64_C(0xD6E8FEB86659FD93));
		if (v < sh->s->h[i])
			sh->s->h[i] = v;
	}
}

/* Signature of text; false when it has fewer than min_tokens words. The
 * words counted (up to RV_SHINGLE_TOKENS) go to *tokens when it is given. */
static bool signature(const char *text, int min_tokens, sig *s, uint32_t *tokens)
{
	memset(s->h, 0xff, sizeof s->h);
	struct shingler sh = { .s = s };
	if (text)
		rv_tokenize(text, strlen(text), shingle_token, &sh);
	if (tokens)
		*tokens = (uint32_t)sh.tokens;
	return sh.tokens >= min_tokens && sh.nw >= 3;
}

static double sig_similarity(const sig *a, const sig *b)
{
	int eq = 0;
	for (int i = 0; i < RV_MINHASH; i++)
		eq += a->h[i] == b->h[i];
	return (double)eq / RV_MINHASH;
}

double rv_dedup_similarity(const char *text1, const char *text2)
{
	sig a, b;
	if (!signature(text1, 1, &a, NULL) || !signature(text2, 1, &b, NULL))
		return 0;
	return sig_similarity(&a, &b);
}

static uint64_t band_key(const sig *s, int band)
{
	uint64_t k = XXH3_64bits_withSeed(&s->h[band * RV_ROWS], RV_ROWS * sizeof(uint32_t),
					  (uint64_t)band + 1);
	return k ? k : 1;
}

int rv_dedup_new(const rv_group_config *cfg, rv_dedup **out, rv_error *err)
{
	rv_dedup *d = calloc(1, sizeof *d);
	if (!d)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	d->cfg = *cfg;
	d->ring_cap = cfg->near_dup_memory > 0 ? (size_t)cfg->near_dup_memory : 1;
	size_t want = d->ring_cap * (RV_BANDS + 1) * 2, tcap = 1024;
	while (tcap < want)
		tcap *= 2;
	d->ring = calloc(d->ring_cap, sizeof *d->ring);
	d->table = calloc(tcap, sizeof *d->table);
	if (!d->ring || !d->table) {
		free(d->ring);
		free(d->table);
		free(d);
		return rv_fail(err, RV_ENOMEM, "out of memory");
	}
	d->table_mask = tcap - 1;
	*out = d;
	return RV_OK;
}

void rv_dedup_free(rv_dedup **d)
{
	if (!d || !*d)
		return;
	free((*d)->ring);
	free((*d)->table);
	free(*d);
	*d = NULL;
}

static ring_entry *lookup(rv_dedup *d, uint64_t key)
{
	const slot *s = &d->table[key & d->table_mask];
	if (s->key != key || !s->idx)
		return NULL;
	return &d->ring[s->idx - 1];
}

static uint64_t url_key(const char *url)
{
	char *c = url ? rv_url_canonical(url) : NULL;
	if (!c)
		return 0;
	uint64_t k = XXH3_64bits_withSeed(c, strlen(c), 0x75726c);
	free(c);
	return k ? k : 1;
}

/* A page met again under its URL is a copy unless it now carries at least
 * twice the words (and near_dup_min_tokens more) in a text unlike the first:
 * a feed's teaser followed by its article. */
static bool richer_than(const rv_dedup *d, const ring_entry *e, double similarity)
{
	uint32_t before = e->tokens, now = d->cur_tokens;
	return similarity < d->cfg.near_dup_threshold && now >= 2 * before &&
	       now - before >= (uint32_t)d->cfg.near_dup_min_tokens;
}

/* a has a paragraph or more than b: 15 words and 10 % */
static bool longer(uint32_t a, uint32_t b)
{
	return a >= b + 15 && (uint64_t)a * 10 >= (uint64_t)b * 11;
}

bool rv_dedup_check(rv_dedup *d, const rv_article *a, rv_dup_hit *hit)
{
	hit->superseded = 0;
	hit->superseded_adds_text = false;
	hit->adds_text = false;
	d->cur_superseded = NULL;
	d->cur_published = rv_date_iso_epoch(a->published);
	d->cur_has_sig = signature(a->text, d->cfg.near_dup_min_tokens, &d->cur, &d->cur_tokens);
	d->cur_url = url_key(a->url);
	if (d->cur_url) {
		ring_entry *e = lookup(d, d->cur_url);
		if (e && e->url_key == d->cur_url) {
			/* both signed: measured; the new one too short to sign: the same
			 * page; only the stored one too short (a teaser): nothing shared */
			double sim = !d->cur_has_sig ? 1.0 : e->has_sig ? sig_similarity(&e->s, &d->cur) : 0;
			hit->similarity = sim;
			if (!richer_than(d, e, sim)) {
				hit->id = e->id;
				return true;
			}
			hit->superseded = e->id;
			d->cur_superseded = e;
		}
	}
	if (!d->cur_has_sig)
		return false;
	double best = 0;
	ring_entry *found = NULL;
	for (int b = 0; b < RV_BANDS; b++) {
		ring_entry *e = lookup(d, band_key(&d->cur, b));
		if (!e || !e->has_sig || e == found)
			continue;
		double sim = sig_similarity(&e->s, &d->cur);
		if (sim > best) {
			best = sim;
			found = e;
		}
	}
	if (!found || best < d->cfg.near_dup_threshold)
		return false;
	hit->id = found->id;
	hit->similarity = best;
	/* the fuller wire copy met after a trimmed one: "duplicate" must not
	 * mean its extra paragraph is dropped */
	hit->adds_text = longer(d->cur_tokens, found->tokens);
	/* the original is the one published first: a wire story read after
	 * its reprint takes its place */
	if (found->published && d->cur_published && d->cur_published + RV_EARLIER_COPY_SECONDS <= found->published) {
		hit->superseded = found->id;
		hit->superseded_adds_text = longer(found->tokens, d->cur_tokens);
		d->cur_superseded = found;
		return false;
	}
	hit->superseded = 0;
	d->cur_superseded = NULL;
	return true;
}

void rv_dedup_add(rv_dedup *d, const rv_article *a)
{
	/* the superseded teaser is a duplicate now: nothing may match it */
	if (d->cur_superseded) {
		d->cur_superseded->url_key = 0;
		d->cur_superseded->has_sig = false;
		d->cur_superseded = NULL;
	}
	if (!d->cur_has_sig && !d->cur_url)
		return;
	size_t i = d->ring_next;
	ring_entry *e = &d->ring[i];
	e->id = a->id;
	e->url_key = d->cur_url;
	e->tokens = d->cur_tokens;
	e->published = d->cur_published;
	e->s = d->cur;
	e->has_sig = d->cur_has_sig;
	uint32_t idx = (uint32_t)i + 1;
	if (d->cur_url)
		d->table[d->cur_url & d->table_mask] = (slot){ d->cur_url, idx };
	if (d->cur_has_sig)
		for (int b = 0; b < RV_BANDS; b++) {
			uint64_t k = band_key(&d->cur, b);
			d->table[k & d->table_mask] = (slot){ k, idx };
		}
	/* Table slots still naming this ring entry for an older article are
	 * caught by the key checks (url_key) or by the signature comparison. */
	d->ring_next = (i + 1) % d->ring_cap;
	d->ring_total++;
	d->cur_has_sig = false;
	d->cur_tokens = 0;
	d->cur_published = 0;
	d->cur_url = 0;
}

/* ---- canonical URLs ---- */

static bool tracking_param(const char *p, size_t n)
{
	static const char *const names[] = { "utm_", "fbclid", "gclid", "mc_cid", "mc_eid",
					     "ocid", "cmpid", "xtor", "at_medium", "at_campaign",
					     "ref", "ref_src", "src", "amp", "outputType",
					     "_ga", "yclid", "igshid", "smid", "share" };
	size_t eq = 0;
	while (eq < n && p[eq] != '=')
		eq++;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		size_t k = strlen(names[i]);
		if (names[i][k - 1] == '_' ? (eq >= k && !strncmp(p, names[i], k))
					   : (eq == k && !strncmp(p, names[i], k)))
			return true;
	}
	return false;
}

char *rv_url_canonical(const char *url)
{
	const char *p = url;
	while (*p == ' ')
		p++;
	if (!strncasecmp(p, "https://", 8))
		p += 8;
	else if (!strncasecmp(p, "http://", 7))
		p += 7;
	else if (!strncmp(p, "//", 2))
		p += 2;
	else
		return NULL;
	size_t hn = strcspn(p, "/?#");
	if (!hn)
		return NULL;
	size_t len = strlen(p);
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	/* host, lower-case, without www./m./amp./mobile. and the port */
	const char *h = p;
	size_t hlen = hn;
	static const char *const prefixes[] = { "www.", "m.", "amp.", "mobile." };
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t k = strlen(prefixes[i]);
		if (hlen > k + 3 && !strncasecmp(h, prefixes[i], k)) {
			h += k;
			hlen -= k;
			break;
		}
	}
	size_t o = 0;
	for (size_t i = 0; i < hlen && h[i] != ':'; i++)
		out[o++] = (char)(h[i] >= 'A' && h[i] <= 'Z' ? h[i] + 32 : h[i]);
	/* path, without /amp segments and index pages' trailing slash */
	const char *q = p + hn;
	size_t pn = strcspn(q, "?#");
	size_t path_start = o;
	for (size_t i = 0; i < pn;) {
		size_t seg = 1;
		while (i + seg < pn && q[i + seg] != '/')
			seg++;
		/* q[i] == '/' here */
		if ((seg == 4 && !strncmp(q + i, "/amp", 4)) ||
		    (seg == 5 && !strncmp(q + i, "/amp/", 5))) {
			i += seg;
			continue;
		}
		memcpy(out + o, q + i, seg);
		o += seg;
		i += seg;
	}
	while (o > path_start && out[o - 1] == '/')
		o--;
	if (o >= path_start + 4 && !strncmp(out + o - 4, ".amp", 4))
		o -= 4;
	else if (o >= path_start + 9 && !strncmp(out + o - 9, ".amp.html", 9)) {
		o -= 9;
		memcpy(out + o, ".html", 5);
		o += 5;
	}
	/* query without tracking parameters, in the order given */
	q += pn;
	if (*q == '?') {
		q++;
		bool first = true;
		while (*q && *q != '#') {
			size_t n = strcspn(q, "&#");
			if (n && !tracking_param(q, n)) {
				out[o++] = first ? '?' : '&';
				memcpy(out + o, q, n);
				o += n;
				first = false;
			}
			q += n;
			if (*q == '&')
				q++;
		}
	}
	out[o] = '\0';
	return out;
}
