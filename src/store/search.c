/* search.c - the "revue" FTS5 tokenizer and ranked search (see search.h). */
#include "store/search.h"
#include "store/sqlite_int.h"
#include "analyze/stemcache.h"
#include "core/buf.h"
#include "core/utf8.h"

#include <jansson.h>
#include <libstemmer.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Languages a query word is stemmed in when the caller names none: the
 * stemmers of the languages revue meets most. */
static const char *const query_langs[] = { "fr", "en", "de", "es", "it", "pt", "nl" };
#define N_QUERY_LANGS (sizeof query_langs / sizeof *query_langs)

/* Longer runs of letters are not words (base64, URLs): not indexed. */
#define MAX_TOKEN 128
/* Longest query (bytes). The expression buffers are far larger than such a
 * query can need (quotes doubled, a few folds and stems per word), so an
 * expression is never cut short into an FTS5 syntax error, as it was with
 * 64 KB buffers and a 40 KB query of quotes. */
#define MAX_QUERY ((size_t)64 * 1024)
#define EXPR_MAX ((size_t)64 << 20)
#define MAX_LANG 15
#define MAX_STEMMERS 24

struct stemmer_slot {
	char lang[MAX_LANG + 1];
	struct sb_stemmer *st; /* NULL: no Snowball stemmer for this language */
};

/* One per FTS5 table per connection, so never shared between threads, as
 * Snowball stemmers must not be. */
typedef struct rv_tokenizer {
	struct stemmer_slot slots[MAX_STEMMERS];
	int n;
	rv_stem_cache *stems; /* NULL: stem every word */
} rv_tokenizer;

static struct sb_stemmer *get_stemmer(rv_tokenizer *t, const char *lang)
{
	if (!*lang || !strcmp(lang, "und"))
		return NULL;
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->slots[i].lang, lang))
			return t->slots[i].st;
	struct sb_stemmer *st = sb_stemmer_new(lang, "UTF_8");
	if (t->n < MAX_STEMMERS) {
		snprintf(t->slots[t->n].lang, sizeof t->slots[t->n].lang, "%s", lang);
		t->slots[t->n++].st = st;
	} else if (st) {
		/* cache full (hostile data with many language codes): no stemming */
		sb_stemmer_delete(st);
		st = NULL;
	}
	return st;
}

static void tokenizer_free(rv_tokenizer *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->n; i++)
		if (t->slots[i].st)
			sb_stemmer_delete(t->slots[i].st);
	rv_stem_cache_free(t->stems);
	free(t);
}

typedef int (*emit_fn)(void *ctx, int flags, const char *tok, int len, int start, int end);

/* Latin letters with accents (U+00C0..U+024F) are most of the non-ASCII in
 * European text: their folds are computed once with rv_utf8_fold, so most
 * tokens fold without utf8proc or malloc. */
#define LATIN_FIRST 0xC0
#define LATIN_LAST 0x24F
static char latin_fold[LATIN_LAST - LATIN_FIRST + 1][8];
static pthread_once_t latin_once = PTHREAD_ONCE_INIT;

static void latin_init(void)
{
	for (int32_t cp = LATIN_FIRST; cp <= LATIN_LAST; cp++) {
		char in[5] = { 0 };
		rv_utf8_encode(cp, in);
		char *f = rv_utf8_fold(in);
		if (f && strlen(f) < sizeof latin_fold[0])
			memcpy(latin_fold[cp - LATIN_FIRST], f, strlen(f) + 1);
		else
			latin_fold[cp - LATIN_FIRST][0] = '\0'; /* empty: use the slow path */
		free(f);
	}
}

/* Fold with the table; false when a code point is outside it. */
static bool fold_fast(const char *s, size_t len, char *out, size_t cap, size_t *n)
{
	pthread_once(&latin_once, latin_init);
	const char *p = s, *end = s + len;
	size_t o = 0;
	while (p < end) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x80) {
			if (o + 1 >= cap)
				return false;
			out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
			p++;
			continue;
		}
		int32_t cp = rv_utf8_next(&p, end);
		if (cp < LATIN_FIRST || cp > LATIN_LAST || !latin_fold[cp - LATIN_FIRST][0])
			return false;
		const char *f = latin_fold[cp - LATIN_FIRST];
		size_t fl = strlen(f);
		if (o + fl >= cap)
			return false;
		memcpy(out + o, f, fl);
		o += fl;
	}
	out[o] = '\0';
	*n = o;
	return true;
}

/* Fold the token [s, s+len) into out (cap bytes). Returns the folded length,
 * 0 when it is not indexable. */
static size_t fold_token(const char *s, size_t len, char *out, size_t cap)
{
	size_t fast;
	if (fold_fast(s, len, out, cap, &fast))
		return fast;
	bool ascii = true;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			ascii = false;
	if (ascii) {
		if (len >= cap)
			return 0;
		for (size_t i = 0; i < len; i++)
			out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
		out[len] = '\0';
		return len;
	}
	char tmp[MAX_TOKEN * 2 + 1];
	if (len >= sizeof tmp)
		return 0;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	char *f = rv_utf8_fold(tmp);
	if (!f)
		return 0;
	size_t n = strlen(f);
	if (n >= cap || n == 0) {
		free(f);
		return 0;
	}
	memcpy(out, f, n + 1);
	free(f);
	return n;
}

static bool is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Emit the stem of folded word w in st (or w itself). */
static const char *stem_of(rv_tokenizer *t, struct sb_stemmer *st, const char *w, size_t n,
			   int *len)
{
	if (!st || is_digits(w, n)) {
		*len = (int)n;
		return w;
	}
	const char *r = rv_stem_cached(t->stems, st, w, n, len);
	if (!r) {
		*len = (int)n;
		return w;
	}
	return r;
}

static int tokenize(rv_tokenizer *t, bool query, bool prefix, const char *text, int n, emit_fn emit,
		    void *ctx)
{
	const char *p = text, *end = text + n;
	char lang[MAX_LANG + 1] = "";
	bool have_lang = false;
	/* the language marker: \x01 LANG \x01 */
	if (n >= 2 && p[0] == '\x01') {
		const char *q = memchr(p + 1, '\x01', (size_t)(end - p - 1));
		if (q && q - p - 1 <= MAX_LANG) {
			memcpy(lang, p + 1, (size_t)(q - p - 1));
			lang[q - p - 1] = '\0';
			have_lang = true;
			p = q + 1;
		}
	}
	/* "=" marks tokens already folded and stemmed (see expand_term) */
	struct sb_stemmer *st = have_lang && strcmp(lang, "=") ? get_stemmer(t, lang) : NULL;
	char folded[MAX_TOKEN + 1];
	while (p < end) {
		const char *start = p;
		if (!rv_cp_is_alnum(rv_utf8_next(&p, end)))
			continue;
		for (;;) {
			const char *q = p;
			if (q >= end || !rv_cp_is_alnum(rv_utf8_next(&q, end)))
				break;
			p = q;
		}
		size_t flen = fold_token(start, (size_t)(p - start), folded, sizeof folded);
		if (!flen)
			continue;
		int so = (int)(start - text), eo = (int)(p - text);
		int rc, len;
		if (prefix) {
			/* a prefix is matched against stems: keep it as typed */
			rc = emit(ctx, 0, folded, (int)flen, so, eo);
		} else if (!query || have_lang) {
			const char *s = stem_of(t, st, folded, flen, &len);
			rc = emit(ctx, 0, s, len, so, eo);
		} else {
			/* unknown query language: the word as folded, OR its stems */
			char seen[N_QUERY_LANGS + 1][MAX_TOKEN + 1];
			int nseen = 0;
			memcpy(seen[nseen++], folded, flen + 1);
			rc = emit(ctx, 0, folded, (int)flen, so, eo);
			for (size_t i = 0; !rc && i < N_QUERY_LANGS; i++) {
				const char *s = stem_of(t, get_stemmer(t, query_langs[i]), folded, flen, &len);
				if (len <= 0 || len > MAX_TOKEN)
					continue;
				bool dup = false;
				for (int j = 0; j < nseen && !dup; j++)
					dup = (int)strlen(seen[j]) == len && !memcmp(seen[j], s, (size_t)len);
				if (dup)
					continue;
				memcpy(seen[nseen], s, (size_t)len);
				seen[nseen++][len] = '\0';
				rc = emit(ctx, FTS5_TOKEN_COLOCATED, s, len, so, eo);
			}
		}
		if (rc)
			return rc;
	}
	return SQLITE_OK;
}

/* FTS5 glue */

static int fts_create(void *pctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	rv_tokenizer *t = calloc(1, sizeof *t);
	if (!t)
		return SQLITE_NOMEM;
	t->stems = rv_stem_cache_new(); /* indexing stems every word of every article */
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *t)
{
	tokenizer_free((rv_tokenizer *)t);
}

struct fts_emit {
	void *ctx;
	int (*xtoken)(void *, int, const char *, int, int, int);
};

static int fts_emit_cb(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct fts_emit *e = ctx;
	return e->xtoken(e->ctx, flags, tok, len, start, end);
}

static int fts_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
			int (*xtoken)(void *, int, const char *, int, int, int))
{
	struct fts_emit e = { ctx, xtoken };
	return tokenize((rv_tokenizer *)t, (flags & FTS5_TOKENIZE_QUERY) != 0,
			(flags & FTS5_TOKENIZE_PREFIX) != 0, text, n, fts_emit_cb, &e);
}

int rv_search_register(struct sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2)
		return RV_EDB;
	static fts5_tokenizer tok = { fts_create, fts_delete, fts_tokenize };
	return api->xCreateTokenizer(api, "revue", NULL, &tok, NULL) == SQLITE_OK ? RV_OK : RV_EDB;
}

struct tokens_ctx {
	rv_token_fn fn;
	void *ctx;
};

static int tokens_cb(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct tokens_ctx *c = ctx;
	return c->fn(tok, (size_t)len, c->ctx);
}

int rv_search_tokens(const char *text, const char *lang, rv_token_fn fn, void *ctx)
{
	rv_tokenizer *t = calloc(1, sizeof *t);
	if (!t)
		return RV_ENOMEM;
	rv_buf b;
	rv_buf_init(&b, RV_BUF_DEFAULT_MAX);
	int rc = lang ? rv_buf_printf(&b, "\x01%s\x01%s", lang, text) : rv_buf_puts(&b, text);
	struct tokens_ctx c = { fn, ctx };
	if (rc == RV_OK)
		rc = tokenize(t, lang == NULL, false, rv_buf_str(&b), (int)b.len, tokens_cb, &c);
	rv_buf_release(&b);
	tokenizer_free(t);
	return rc;
}

/* The MATCH expression: each user word or "phrase" becomes an FTS5 string
 * (so punctuation can never be query syntax), joined by AND; OR, AND, NOT
 * between terms and a trailing * (prefix) are kept. */
static int put_term(rv_buf *out, const char *s, size_t n, bool prefix, const char *lang)
{
	bool any = false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9') ||
		    ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'))
			any = true;
	if (!any)
		return 0;
	rv_buf_putc(out, '"');
	if (lang && !prefix)
		rv_buf_printf(out, "\x01%s\x01", lang);
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if ((unsigned char)c < 0x20)
			c = ' '; /* no marker injection */
		if (c == '"')
			rv_buf_putc(out, '"');
		rv_buf_putc(out, c);
	}
	rv_buf_putc(out, '"');
	if (prefix)
		rv_buf_puts(out, " *");
	return 1;
}

/* Query words without a language: instead of letting the tokenizer OR
 * every stem of every common language (FTS5 merges each synonym's postings,
 * about 3x slower), the candidates are worked out here and only those the
 * index holds (articles_vocab) are kept, each written pre-stemmed after the
 * "=" marker: usually one term remains. */
struct expand {
	rv_tokenizer *t;
	sqlite3_stmt *vocab;
};

struct seq_ctx {
	rv_buf *b;
	struct expand *x;
	bool missing;
};

static int seq_token(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct seq_ctx *c = ctx;
	if (c->b->len)
		rv_buf_putc(c->b, ' ');
	rv_buf_append(c->b, tok, (size_t)len);
	if (!c->missing) {
		sqlite3_reset(c->x->vocab);
		sqlite3_bind_text(c->x->vocab, 1, tok, len, SQLITE_TRANSIENT);
		c->missing = sqlite3_step(c->x->vocab) != SQLITE_ROW;
	}
	return SQLITE_OK;
}

#define MAX_SEQS (N_QUERY_LANGS + 1)

static int expand_term(rv_buf *out, const char *s, size_t n, struct expand *x)
{
	rv_buf seqs[MAX_SEQS];
	int nseq = 0;
	rv_buf text, first;
	rv_buf_init(&text, EXPR_MAX);
	rv_buf_init(&first, EXPR_MAX);
	for (size_t l = 0; l <= N_QUERY_LANGS; l++) {
		rv_buf_reset(&text);
		rv_buf_printf(&text, "\x01%s\x01", l ? query_langs[l - 1] : "=");
		for (size_t i = 0; i < n; i++)
			rv_buf_putc(&text, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
		rv_buf seq;
		rv_buf_init(&seq, EXPR_MAX);
		struct seq_ctx c = { &seq, x, false };
		tokenize(x->t, false, false, rv_buf_str(&text), (int)text.len, seq_token, &c);
		if (l == 0)
			rv_buf_puts(&first, rv_buf_str(&seq));
		bool dup = !seq.len || c.missing;
		for (int k = 0; k < nseq && !dup; k++)
			dup = !strcmp(rv_buf_str(&seqs[k]), rv_buf_str(&seq));
		if (dup || nseq == MAX_SEQS)
			rv_buf_release(&seq);
		else
			seqs[nseq++] = seq;
	}
	rv_buf_release(&text);
	int rc = 1;
	if (!first.len) {
		rc = 0; /* no word at all */
	} else if (nseq == 0) {
		/* in no form in the index: keep it so AND still means AND */
		rv_buf_printf(out, "\"\x01=\x01%s\"", rv_buf_str(&first));
	} else if (nseq == 1) {
		rv_buf_printf(out, "\"\x01=\x01%s\"", rv_buf_str(&seqs[0]));
	} else {
		rv_buf_putc(out, '(');
		for (int k = 0; k < nseq; k++)
			rv_buf_printf(out, "%s\"\x01=\x01%s\"", k ? " OR " : "", rv_buf_str(&seqs[k]));
		rv_buf_putc(out, ')');
	}
	for (int k = 0; k < nseq; k++)
		rv_buf_release(&seqs[k]);
	rv_buf_release(&first);
	return rc;
}

static char *match_expr(const char *q, const char *lang, struct expand *x);

char *rv_search_match_expr(const char *q, const char *lang)
{
	return match_expr(q, lang, NULL);
}

static char *match_expr(const char *q, const char *lang, struct expand *x)
{
	if (!q || strlen(q) > MAX_QUERY)
		return NULL;
	if (lang) {
		/* a language code is short letters; anything else is ignored */
		size_t n = strlen(lang);
		bool ok = n > 0 && n <= MAX_LANG;
		for (size_t i = 0; ok && i < n; i++)
			ok = (lang[i] >= 'a' && lang[i] <= 'z') || lang[i] == '-' || lang[i] == '_';
		if (!ok)
			lang = NULL;
	}
	rv_buf out;
	rv_buf_init(&out, EXPR_MAX);
	const char *p = q;
	int nterms = 0;
	const char *pending_op = NULL;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		const char *s;
		size_t n;
		bool phrase = false, prefix = false;
		if (*p == '"') {
			s = ++p;
			while (*p && *p != '"')
				p++;
			n = (size_t)(p - s);
			if (*p)
				p++;
			phrase = true;
		} else {
			s = p;
			while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
				p++;
			n = (size_t)(p - s);
		}
		if (!phrase && ((n == 2 && !memcmp(s, "OR", 2)) || (n == 3 && !memcmp(s, "AND", 3)) ||
				(n == 3 && !memcmp(s, "NOT", 3)))) {
			if (nterms)
				pending_op = n == 2 ? " OR " : n == 3 && *s == 'A' ? " AND " : " NOT ";
			continue;
		}
		if (!phrase && n > 1 && s[n - 1] == '*') {
			prefix = true;
			n--;
		}
		size_t mark = out.len;
		/* an explicit AND: FTS5 takes no implicit AND after a ")", which
		 * a word expanded into several stems ends with */
		if (nterms)
			rv_buf_puts(&out, pending_op ? pending_op : " AND ");
		if (x && !lang && !prefix ? expand_term(&out, s, n, x) : put_term(&out, s, n, prefix, lang)) {
			nterms++;
			pending_op = NULL;
		} else {
			out.len = mark;
			if (out.data)
				out.data[mark] = '\0';
		}
	}
	if (!nterms) {
		rv_buf_release(&out);
		return NULL;
	}
	return rv_buf_detach(&out);
}

/* Remove the language markers FTS5 copies into a snippet that starts at the
 * beginning of a column. */
static void strip_markers(char *s)
{
	char *w = s;
	for (char *r = s; *r;) {
		if (*r == '\x01') {
			char *q = strchr(r + 1, '\x01');
			if (q && q - r <= MAX_LANG + 1) {
				r = q + 1;
				continue;
			}
			r++;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Ranking every match of a very common word costs BM25 over tens of
 * thousands of rows (a docsize lookup and a position scan each): a query
 * that matches more than this many articles is ranked among its newest
 * RANK_WINDOW matches, which keeps the latency flat on
 * large stores. News search wants the recent anyway. */
#define RANK_WINDOW 2000

static const char search_from[] =
	" FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid"
	" WHERE articles_fts MATCH ?";

static void where_sql(rv_buf *sql, const rv_search_query *q)
{
	rv_buf_puts(sql, search_from);
	rv__filter_sql(sql, &q->f);
	if (q->entity)
		rv_buf_puts(sql, " AND a.id IN (SELECT e.article FROM entities e WHERE e.name = ?"
				 " UNION SELECT d.id FROM articles d JOIN entities e"
				 " ON e.article = d.duplicate_of WHERE e.name = ?)");
}

static int bind_where(sqlite3_stmt *st, const char *expr, const rv_search_query *q)
{
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
	int i = rv__filter_bind(st, 2, &q->f);
	if (q->entity) {
		sqlite3_bind_text(st, i++, q->entity, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, i++, q->entity, -1, SQLITE_TRANSIENT);
	}
	return i;
}

/* The lowest rowid among the newest RANK_WINDOW matches, 0 when there are
 * fewer (then every match is ranked). */
static int window_start(rv_store *s, const char *expr, const rv_search_query *q, int64_t *out, rv_error *err)
{
	*out = 0;
	rv_buf sql;
	rv_buf_init(&sql, 8192);
	rv_buf_puts(&sql, "SELECT articles_fts.rowid");
	where_sql(&sql, q);
	rv_buf_puts(&sql, " ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, rv_buf_str(&sql), -1, &st, NULL);
	rv_buf_release(&sql);
	if (rc)
		return rv_fail(err, RV_EDB, "%s: searching: %s", s->path, sqlite3_errmsg(s->db));
	int i = bind_where(st, expr, q);
	sqlite3_bind_int(st, i, RANK_WINDOW - 1);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rv_fail(err, RV_EDB, "%s: searching: %s", s->path, sqlite3_errmsg(s->db));
	return RV_OK;
}

static int ranked(rv_store *s, const char *expr, const rv_search_query *q, int64_t from, int limit,
		  int offset, rv_search_fn fn, void *ctx, int *n, rv_error *err)
{
	rv_buf sql;
	rv_buf_init(&sql, 8192);
	/* CROSS JOIN keeps the index the outer loop and ORDER BY rank lets
	 * FTS5 sort by itself, so article rows and snippets are only read for
	 * the hits returned. */
	rv_buf_puts(&sql, "SELECT a.id, a.event, articles_fts.rank, a.title, " RV_OUTLET_LABEL_SQL("a") ", a.published, a.lang,"
			  " a.url, snippet(articles_fts, 1, char(2), char(3), '…', 24),"
			  /* a duplicate matched by its title reads its original's lead */
			  " (SELECT substr(o.text, 1, 160) || '…' FROM articles o WHERE o.id = a.duplicate_of)");
	where_sql(&sql, q);
	rv_buf_puts(&sql, " AND articles_fts.rank MATCH 'bm25(5.0, 1.0)'");
	if (from)
		rv_buf_puts(&sql, " AND articles_fts.rowid >= ?");
	rv_buf_puts(&sql, " ORDER BY articles_fts.rank LIMIT ? OFFSET ?");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, rv_buf_str(&sql), -1, &st, NULL);
	rv_buf_release(&sql);
	if (rc)
		return rv_fail(err, RV_EDB, "%s: searching: %s", s->path, sqlite3_errmsg(s->db));
	int i = bind_where(st, expr, q);
	if (from)
		sqlite3_bind_int64(st, i++, from);
	sqlite3_bind_int(st, i++, limit);
	sqlite3_bind_int(st, i, offset);
	rc = RV_OK;
	int step = SQLITE_DONE;
	while (rc == RV_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		rv_search_hit h = { 0 };
		h.id = sqlite3_column_int64(st, 0);
		h.event = sqlite3_column_int64(st, 1);
		h.score = sqlite3_column_double(st, 2);
		h.title = col(st, 3);
		h.source = col(st, 4);
		h.published = col(st, 5);
		h.lang = col(st, 6);
		h.url = col(st, 7);
		char *snip = col(st, 8) ? strdup(col(st, 8)) : NULL;
		if (snip)
			strip_markers(snip);
		if ((!snip || !*snip) && col(st, 9)) {
			free(snip);
			snip = strdup(col(st, 9));
		}
		h.snippet = snip;
		(*n)++;
		rc = fn(&h, ctx);
		free(snip);
	}
	if (rc == RV_OK && step != SQLITE_DONE)
		rc = rv_fail(err, RV_EDB, "%s: searching: %s", s->path, sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	return rc;
}

/* Hits held back until we know the window gave enough of them. */
struct held {
	rv_search_hit *h;
	int n, cap;
};

static int hold(const rv_search_hit *h, void *ctx)
{
	struct held *l = ctx;
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 32;
		rv_search_hit *p = realloc(l->h, (size_t)cap * sizeof *p);
		if (!p)
			return RV_ENOMEM;
		l->h = p;
		l->cap = cap;
	}
	rv_search_hit *d = &l->h[l->n++];
	*d = *h;
	d->title = h->title ? strdup(h->title) : NULL;
	d->source = h->source ? strdup(h->source) : NULL;
	d->published = h->published ? strdup(h->published) : NULL;
	d->lang = h->lang ? strdup(h->lang) : NULL;
	d->url = h->url ? strdup(h->url) : NULL;
	d->snippet = h->snippet ? strdup(h->snippet) : NULL;
	return RV_OK;
}

static void held_release(struct held *l)
{
	for (int i = 0; i < l->n; i++) {
		free((char *)l->h[i].title);
		free((char *)l->h[i].source);
		free((char *)l->h[i].published);
		free((char *)l->h[i].lang);
		free((char *)l->h[i].url);
		free((char *)l->h[i].snippet);
	}
	free(l->h);
}

int rv_search(rv_store *s, const rv_search_query *q, rv_search_fn fn, void *ctx, rv_error *err)
{
	const rv_filter *f = &q->f;
	if (q->q && strlen(q->q) > MAX_QUERY)
		return rv_fail(err, RV_EINPUT, "the query is longer than %zu bytes", MAX_QUERY);
	struct expand x = { calloc(1, sizeof(rv_tokenizer)), NULL };
	/* a store made before the vocabulary table: expand in the tokenizer */
	if (x.t && !f->lang &&
	    sqlite3_prepare_v2(s->db, "SELECT doc FROM articles_vocab WHERE term = ?1 AND doc > 0", -1,
			       &x.vocab, NULL) != SQLITE_OK)
		x.vocab = NULL;
	char *expr = match_expr(q->q, f->lang, x.vocab ? &x : NULL);
	sqlite3_finalize(x.vocab);
	tokenizer_free(x.t);
	if (!expr)
		return rv_fail(err, RV_EINPUT, "the query has no word to search for");
	int limit = f->limit > 0 ? f->limit : 20, offset = f->offset > 0 ? f->offset : 0;
	bool filtered = rv__filter_any(f) || q->entity;
	int64_t from = 0;
	int rc = RV_OK, n = 0;
	if ((int64_t)limit + offset <= RANK_WINDOW) {
		/* the window is found among all matches (cheap); filters then
		 * apply inside it, and only when they leave too few hits is every
		 * match ranked */
		rv_search_query bare = { 0 };
		bare.q = q->q;
		rc = window_start(s, expr, &bare, &from, err);
	}
	if (rc == RV_OK && from && filtered) {
		struct held l = { 0 };
		rc = ranked(s, expr, q, from, limit, offset, hold, &l, &n, err);
		if (rc == RV_OK && n < limit) {
			n = 0;
			rc = ranked(s, expr, q, 0, limit, offset, fn, ctx, &n, err);
		} else {
			for (int i = 0; rc == RV_OK && i < l.n; i++)
				rc = fn(&l.h[i], ctx);
		}
		held_release(&l);
	} else if (rc == RV_OK) {
		rc = ranked(s, expr, q, from, limit, offset, fn, ctx, &n, err);
	}
	free(expr);
	return rc;
}

/* The snippet as one line of text and as parts [{"text":..,"match":bool}],
 * so a page shows the hits with DOM nodes and never parses markup. */
static void add_snippet(json_t *o, const char *s)
{
	json_t *parts = json_array();
	rv_buf b, all;
	rv_buf_init(&b, 1 << 20);
	rv_buf_init(&all, 1 << 20);
	bool in = false;
	for (const char *p = s ? s : "";; p++) {
		if (!*p || *p == RV_HL_START || *p == RV_HL_END) {
			if (b.len)
				json_array_append_new(parts, json_pack("{s:s,s:b}", "text", rv_buf_str(&b),
								       "match", in));
			rv_buf_reset(&b);
			if (!*p)
				break;
			in = *p == RV_HL_START;
			continue;
		}
		char ch = *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p;
		/* paragraph breaks become one space */
		if (ch == ' ' && all.len && rv_buf_str(&all)[all.len - 1] == ' ')
			continue;
		rv_buf_putc(&b, ch);
		rv_buf_putc(&all, ch);
	}
	json_object_set_new(o, "snippet", json_string(rv_buf_str(&all)));
	json_object_set_new(o, "snippet_parts", parts);
	rv_buf_release(&b);
	rv_buf_release(&all);
}

json_t *rv_search_hit_json(const rv_search_hit *h)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	json_object_set_new(o, "id", json_integer(h->id));
	if (h->event)
		json_object_set_new(o, "event", json_integer(h->event));
	json_object_set_new(o, "score", json_real(-h->score));
	if (h->title)
		json_object_set_new(o, "title", json_string(h->title));
	if (h->source)
		json_object_set_new(o, "source", json_string(h->source));
	if (h->published)
		json_object_set_new(o, "published", json_string(h->published));
	if (h->lang)
		json_object_set_new(o, "lang", json_string(h->lang));
	if (h->url)
		json_object_set_new(o, "url", json_string(h->url));
	add_snippet(o, h->snippet);
	return o;
}
