/* events.c - online event clustering and storyline linking.
 *
 * Each article becomes a short vector: its top article_terms stems by
 * TF-IDF (sublinear tf, IDF from the running document frequencies of the
 * articles placed so far), plus its entities, L2-normalised. An inverted
 * index maps each term to the last posting_cap events that took an article
 * with that term among its probe_terms best; an arriving article looks up
 * its own probe terms only, so the events it is compared with are a bounded
 * number of recent ones whatever the size of the corpus. Similarity is the
 * cosine with the event centroid (the sum of its articles' vectors, kept to
 * its centroid_terms heaviest terms), lowered with the distance in days
 * between the article and the event's date range; beyond the window the
 * event is not a candidate. Undated articles and events skip the time test.
 *
 * A new event joins the storyline of the most similar event within
 * storyline_window_days when the similarity reaches storyline_threshold.
 * Events untouched for retire_after articles, or older than the storyline
 * window behind the newest date seen, leave memory (they are in the store).
 */
#include "group/group.h"
#include "core/date.h"
#include "core/str.h"
#include "core/utf8.h"
#include "analyze/ner_names.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define RV_LANGS 16
/* the present filter: 16,384 bits, some 120 set at most (a centroid) */
#define PRESENT_LOG2 14
#define PRESENT_BITS (1u << PRESENT_LOG2)

/* Who an article is about: its protagonist (the person it names most,
 * clearly more than any other; a hash of the last word of the name, 0:
 * none) and every word of the names it mentions (a Bloom filter). */
#define RV_NAME_BITS 256
typedef struct psig {
	uint32_t who;
	uint64_t names[RV_NAME_BITS / 64];
} psig;

typedef struct fw {
	uint32_t t;
	float w;
} fw;

typedef struct posting {
	uint32_t slot;
	uint16_t gen;
} posting;

typedef struct plist {
	posting *p;
	uint16_t n, cap, head; /* a ring once full */
} plist;

/* One term of the vocabulary in one cache line: looking a word up, its
 * document frequency, the article's weight for it and its index list are
 * read together, and a vocabulary of a long stream is larger than the
 * caches (each in its own array, a word cost five misses). Terms live in
 * chunks that never move, so a name handed out stays valid. */
typedef struct term_rec {
	plist post;  /* the events indexed by it */
	uint32_t df; /* document frequency */
	/* the article being compared (dense_put): its weight, 0 when absent */
	float dense;
	char *spill; /* the name, when name[] is too short for it */
	uint8_t df_dirty; /* changed since the last rv_grouper_flush_df */
	char name[31];
} term_rec;
_Static_assert(sizeof(term_rec) == 64, "a term fills one cache line");

#define TERM_CHUNK_LOG2 12
#define TERM_CHUNK (1u << TERM_CHUNK_LOG2)

/* What the walks over the postings read of every event they meet, apart
 * from the events (a few hundred bytes each): most postings they meet are
 * stale, events already met or events too far in time to be compared, and
 * answer from this array of 12 bytes a slot, small enough to stay in the
 * first-level cache. */
typedef struct slot_tag {
	/* Bumped when the slot is emptied: its postings go stale. It wraps
	 * after 65,536 events in one slot; a posting that old, still in a
	 * list, offers one needless candidate, no wrong one. */
	uint16_t gen;
	uint16_t stamp; /* the walk (g->stamp) that last met it */
	/* a copy of the event's days (event_add_days), TAG_NO_DAY when undated */
	int32_t first_day, last_day;
} slot_tag;

#define TAG_NO_DAY INT32_MIN

typedef struct gevent {
	bool live, dirty;
	int64_t first_day, last_day;
	int64_t id, storyline;
	int64_t last_seq;
	int n_articles;
	int n_short; /* articles of fewer than lede_terms terms (placed here, not loaded) */
	fw *c;       /* sorted by term id */
	uint32_t nc;
	float norm;
	/* the cosine of the article being placed with it, when near_stamp is
	 * the walk's stamp (score, beside what it reads; merge_step) */
	float near;
	uint16_t near_stamp;
	float *cum;  /* cum[i]: norm of the i+1 heaviest terms */
	fw *mem[RV_GROUP_MEMBER_KEEP_MAX]; /* the latest members' vectors (a ring), for member_link */
	uint16_t mem_n[RV_GROUP_MEMBER_KEEP_MAX];
	uint8_t n_mem, mem_head;
	psig *who;            /* the latest members' protagonists (a ring of member_keep) */
	uint8_t weekdays;     /* the days of the week its articles name (bit 0: Monday) */
	uint8_t n_who, who_head;
	char *title;
} gevent;

static void members_free(gevent *e);

/* An event absorbed by another: its articles move to kept. */
typedef struct merge_rec {
	int64_t gone, kept, storyline;
} merge_rec;

typedef struct map_entry {
	uint32_t from, to;
} map_entry;

struct rv_grouper {
	rv_group_config cfg;
	int64_t next_event, next_storyline;
	/* term table: open addressing string -> id; term id t is
	 * term_chunk[t / TERM_CHUNK][t % TERM_CHUNK] */
	term_rec **term_chunk;
	uint32_t *dirty_terms;
	uint32_t n_dirty_terms, cap_dirty_terms;
	uint32_t n_terms, cap_terms;
	uint32_t *hash_slots; /* id + 1, 0 = empty */
	size_t hash_cap;
	uint64_t n_docs;
	uint32_t n_raw; /* the article being placed: its words and names before the article_terms
			 * cut (not its character grams) */
	/* events */
	gevent *ev;
	slot_tag *tag; /* per slot of ev */
	uint32_t n_ev, cap_ev;
	uint32_t *free_slots;
	uint32_t n_free;
	uint32_t *dirty;
	uint32_t n_dirty, cap_dirty;
	uint16_t stamp;
	int64_t seq;
	int64_t newest_day;
	psig who; /* the article being placed: who it is about */
	/* scratch */
	/* A filter in front of the terms' dense weights: each term's bit
	 * (present_bit) is set while its weight may be non-zero, so a cosine
	 * reads these 2 KB, not the vocabulary, for the many centroid terms
	 * the vector lacks. A bit per term grew with the vocabulary, out of
	 * the first-level cache. Terms share bits: a term whose bit is set by
	 * another reads its weight 0, which changes no sum. */
	uint64_t present[PRESENT_BITS / 64];
	fw *vec;
	uint32_t cap_vec;
	/* events the article met within its storyline window (consider):
	 * those outside its join window are scored only if it starts an
	 * event (score_later) */
	uint32_t *met;
	uint32_t n_met, cap_met;
	/* those of them within its join window, scored after the walk */
	uint32_t *joinable;
	uint32_t n_joinable, cap_joinable;
	/* bilingual map: (lang, from term id) -> to term id */
	char map_lang[8];
	map_entry *map;
	size_t n_map, cap_map;
	/* merges since the last flush, in order (the store then moves the
	 * articles: it, not the grouper, answers where an article is now) */
	merge_rec *merges;
	uint32_t n_merges, cap_merges;
	rv_group_work work;
	bool map_sorted;
	bool debug; /* $REVUE_GROUP_DEBUG: print every comparison to stderr */
	/* explanations: document frequencies read on demand (rv_grouper_set_df_source) */
	rv_df_lookup_fn df_lookup;
	void *df_ctx;
	/* languages of the articles placed so far (first RV_LANGS codes seen) */
	char lang_code[RV_LANGS][4];
	uint32_t lang_count[RV_LANGS];
	uint32_t n_lang_seen;
};

/* ---- terms ---- */

static uint64_t term_hash(const char *s, size_t n)
{
	return XXH3_64bits(s, n);
}

static inline term_rec *term_at(const rv_grouper *g, uint32_t t)
{
	return &g->term_chunk[t >> TERM_CHUNK_LOG2][t & (TERM_CHUNK - 1)];
}

static inline char *term_name(term_rec *r)
{
	return r->spill ? r->spill : r->name;
}

static bool terms_rehash(rv_grouper *g, size_t ncap)
{
	uint32_t *ns = calloc(ncap, sizeof *ns);
	if (!ns)
		return false;
	for (uint32_t id = 0; id < g->n_terms; id++) {
		const char *name = term_name(term_at(g, id));
		size_t j = term_hash(name, strlen(name)) & (ncap - 1);
		while (ns[j])
			j = (j + 1) & (ncap - 1);
		ns[j] = id + 1;
	}
	free(g->hash_slots);
	g->hash_slots = ns;
	g->hash_cap = ncap;
	return true;
}

/* Term id of s, whose term_hash() is h (interned when add), UINT32_MAX
 * when absent or out of memory. */
static uint32_t term_id_hashed(rv_grouper *g, const char *s, size_t n, uint64_t h, bool add)
{
	if ((g->n_terms + 1) * 2 > g->hash_cap && !terms_rehash(g, g->hash_cap ? g->hash_cap * 2 : 4096))
		return UINT32_MAX;
	size_t j = h & (g->hash_cap - 1);
	while (g->hash_slots[j]) {
		const char *t = term_name(term_at(g, g->hash_slots[j] - 1));
		if (!strncmp(t, s, n) && !t[n])
			return g->hash_slots[j] - 1;
		j = (j + 1) & (g->hash_cap - 1);
	}
	if (!add)
		return UINT32_MAX;
	if (g->n_terms == g->cap_terms) {
		uint32_t n_chunks = g->cap_terms / TERM_CHUNK;
		term_rec **nc = realloc(g->term_chunk, (n_chunks + 1) * sizeof(term_rec *));
		if (!nc)
			return UINT32_MAX;
		g->term_chunk = nc;
		/* aligned, so that a term is one line, not two */
		term_rec *chunk = aligned_alloc(64, TERM_CHUNK * sizeof *chunk);
		if (!chunk)
			return UINT32_MAX;
		nc[n_chunks] = chunk;
		g->cap_terms += TERM_CHUNK;
	}
	uint32_t id = g->n_terms;
	term_rec *r = term_at(g, id);
	memset(r, 0, sizeof *r);
	if (n < sizeof r->name) {
		memcpy(r->name, s, n);
	} else if (!(r->spill = rv_strndup(s, n))) {
		return UINT32_MAX;
	}
	g->n_terms++;
	g->hash_slots[j] = id + 1;
	return id;
}

static uint32_t term_id(rv_grouper *g, const char *s, size_t n, bool add)
{
	return term_id_hashed(g, s, n, term_hash(s, n), add);
}

/* ---- bilingual map ---- */

static int map_cmp(const void *a, const void *b)
{
	const map_entry *x = a, *y = b;
	return x->from < y->from ? -1 : x->from > y->from;
}

int rv_grouper_map_add(rv_grouper *g, const char *lang, const char *from, const char *to)
{
	if (g->map_lang[0] && strncmp(g->map_lang, lang, sizeof g->map_lang - 1))
		return RV_EINPUT; /* one source language per grouper */
	snprintf(g->map_lang, sizeof g->map_lang, "%s", lang);
	uint32_t f = term_id(g, from, strlen(from), true), t = term_id(g, to, strlen(to), true);
	if (f == UINT32_MAX || t == UINT32_MAX)
		return RV_ENOMEM;
	if (g->n_map == g->cap_map) {
		size_t nc = g->cap_map ? g->cap_map * 2 : 1024;
		map_entry *nm = realloc(g->map, nc * sizeof *nm);
		if (!nm)
			return RV_ENOMEM;
		g->map = nm;
		g->cap_map = nc;
	}
	g->map[g->n_map++] = (map_entry){ f, t };
	g->map_sorted = false;
	return RV_OK;
}

int rv_grouper_load_map(rv_grouper *g, const char *lang, const char *path, rv_error *err)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return rv_fail(err, RV_EINPUT, "%s: cannot open: %s", path, strerror(errno));
	char line[256];
	int rc = RV_OK;
	while (rc == RV_OK && fgets(line, sizeof line, f)) {
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		char *to = tab + 1;
		to[strcspn(to, "\r\n")] = '\0';
		if (*line && *to)
			rc = rv_grouper_map_add(g, lang, line, to);
	}
	fclose(f);
	return rc ? rv_fail(err, rc, "%s: cannot load the term map", path) : RV_OK;
}

static uint32_t map_term(rv_grouper *g, uint32_t t)
{
	if (!g->n_map)
		return t;
	if (!g->map_sorted) {
		if (g->n_map)
			qsort(g->map, g->n_map, sizeof *g->map, map_cmp);
		g->map_sorted = true;
	}
	size_t lo = 0, hi = g->n_map;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->map[mid].from < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->n_map && g->map[lo].from == t ? g->map[lo].to : t;
}

/* ---- lifecycle ---- */

int rv_grouper_new(const rv_group_config *cfg, rv_grouper **out, rv_error *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	(*out)->cfg = *cfg;
	(*out)->next_event = (*out)->next_storyline = 1;
	(*out)->newest_day = RV_NO_DAY;
	const char *dbg = getenv("REVUE_GROUP_DEBUG");
	(*out)->debug = dbg && *dbg && strcmp(dbg, "0");
	return RV_OK;
}

void rv_grouper_free(rv_grouper **gp)
{
	if (!gp || !*gp)
		return;
	rv_grouper *g = *gp;
	for (uint32_t i = 0; i < g->n_terms; i++) {
		term_rec *r = term_at(g, i);
		free(r->spill);
		free(r->post.p);
	}
	for (uint32_t i = 0; i < g->cap_terms / TERM_CHUNK; i++)
		free(g->term_chunk[i]);
	free(g->term_chunk);
	free(g->dirty_terms);
	free(g->hash_slots);
	for (uint32_t i = 0; i < g->n_ev; i++) {
		members_free(&g->ev[i]);
		free(g->ev[i].cum);
		free(g->ev[i].c);
		free(g->ev[i].title);
	}
	free(g->ev);
	free(g->tag);
	free(g->free_slots);
	free(g->dirty);
	free(g->vec);
	free(g->met);
	free(g->joinable);
	free(g->map);
	free(g->merges);
	free(g);
	*gp = NULL;
}

void rv_grouper_set_next_ids(rv_grouper *g, int64_t next_event, int64_t next_storyline)
{
	g->next_event = next_event;
	g->next_storyline = next_storyline;
}

/* ---- vectors ---- */

static int fw_by_weight(const void *a, const void *b)
{
	float x = ((const fw *)a)->w, y = ((const fw *)b)->w;
	if (x != y)
		return x > y ? -1 : 1;
	uint32_t s = ((const fw *)a)->t, t = ((const fw *)b)->t;
	return s < t ? -1 : s > t;
}

/* The heaviest terms of v (sorted by term id), heaviest first, at most
 * TOP_TERMS: what the index is probed with and filled with. An insertion
 * in term order keeps fw_by_weight's order (weight, then term id), and a
 * vector longer than TOP_TERMS (article_terms and centroid_terms may be
 * set higher) still gives its heaviest, not its first, terms. */
#define TOP_TERMS 256

static uint32_t heaviest_terms(const fw *v, uint32_t n, fw top[TOP_TERMS], uint32_t cap)
{
	/* the first cap of the order are the same whatever follows them:
	 * asking for the few that are used keeps the insertion short */
	if (cap > TOP_TERMS)
		cap = TOP_TERMS;
	uint32_t k = 0;
	for (uint32_t i = 0; i < n && cap; i++) {
		if (k == cap && v[i].w <= top[k - 1].w)
			continue;
		uint32_t j = k < cap ? k++ : k - 1;
		/* top[0..j) were written by earlier rounds (cppcheck cannot follow k) */
		// cppcheck-suppress uninitvar
		while (j > 0 && top[j - 1].w < v[i].w) {
			top[j] = top[j - 1];
			j--;
		}
		top[j] = v[i];
	}
	return k;
}

static int fw_by_term(const void *a, const void *b)
{
	uint32_t s = ((const fw *)a)->t, t = ((const fw *)b)->t;
	return s < t ? -1 : s > t;
}

static bool vec_reserve(rv_grouper *g, size_t n)
{
	if (n <= g->cap_vec)
		return true;
	size_t nc = n < 256 ? 256 : n * 2;
	fw *nv = realloc(g->vec, nc * sizeof *nv);
	if (!nv)
		return false;
	g->vec = nv;
	g->cap_vec = (uint32_t)nc;
	return true;
}

/* Add weight w to term t in the scratch vector (linear: vectors are short
 * and built once per article; a term's dense weight marks presence). */
static void vec_add(rv_grouper *g, uint32_t *n, uint32_t t, float w)
{
	if (term_at(g, t)->dense != 0) {
		for (uint32_t i = 0; i < *n; i++)
			if (g->vec[i].t == t) {
				g->vec[i].w += w;
				return;
			}
	}
	term_at(g, t)->dense = 1;
	g->vec[(*n)++] = (fw){ t, w };
}

/* Append v to a list of slots or term ids that doubles as it fills (first:
 * its first capacity). False: out of memory, the list unchanged. */
static bool ids_push(uint32_t **list, uint32_t *n, uint32_t *cap, uint32_t first, uint32_t v)
{
	if (*n == *cap) {
		uint32_t nc = *cap ? *cap * 2 : first;
		uint32_t *nl = realloc(*list, nc * sizeof *nl);
		if (!nl)
			return false;
		*list = nl;
		*cap = nc;
	}
	(*list)[(*n)++] = v;
	return true;
}

/* Set a document frequency and remember it for rv_grouper_flush_df (when
 * the list cannot grow the value is still right in memory, only not saved). */
static void df_bump(rv_grouper *g, uint32_t t, uint32_t df)
{
	term_rec *r = term_at(g, t);
	r->df = df;
	if (!r->df_dirty && ids_push(&g->dirty_terms, &g->n_dirty_terms, &g->cap_dirty_terms, 4096, t))
		r->df_dirty = 1;
}

/* Build the article's normalized vector in g->vec (sorted by term id);
 * counts document frequencies when count_df. Returns its length, -1 on
 * memory failure. */
/* The language of the article's stems for the map. Language detection on
 * a headline of a few words is a guess (a French headline read as Catalan
 * or Romanian, an English one as French), and the analyzer stems such a
 * headline in the stream's language anyway: a short article in a stream
 * that is clearly in one language is taken to be in it. */
static const char *stem_language(const rv_grouper *g, const rv_article *a)
{
	if (a->n_terms > (size_t)g->cfg.short_terms || !g->n_lang_seen)
		return a->lang;
	uint32_t total = 0, top = 0, best = 0;
	for (uint32_t i = 0; i < g->n_lang_seen; i++) {
		total += g->lang_count[i];
		if (g->lang_count[i] > top) {
			top = g->lang_count[i];
			best = i;
		}
	}
	if (total >= 10 && (uint64_t)top * 10 >= (uint64_t)total * 8)
		return g->lang_code[best];
	return a->lang;
}

void rv_grouper_count_language(rv_grouper *g, const char *lang, uint32_t n)
{
	if (!lang || !*lang || !n)
		return;
	for (uint32_t i = 0; i < g->n_lang_seen; i++)
		if (!strncmp(g->lang_code[i], lang, 2)) {
			g->lang_count[i] = g->lang_count[i] > UINT32_MAX - n ? UINT32_MAX : g->lang_count[i] + n;
			return;
		}
	if (g->n_lang_seen == RV_LANGS)
		return;
	snprintf(g->lang_code[g->n_lang_seen], sizeof g->lang_code[0], "%.2s", lang);
	g->lang_count[g->n_lang_seen++] = n;
}

int rv_grouper_each_language(const rv_grouper *g, rv_lang_count_fn fn, void *ctx)
{
	int rc = RV_OK;
	for (uint32_t i = 0; i < g->n_lang_seen && !rc; i++)
		rc = fn(g->lang_code[i], g->lang_count[i], ctx);
	return rc;
}

/* The part of folded (the folded name of entity e) the entity is keyed
 * by, NULL for no key. In a headline the entities pass takes a quoted
 * clause or a run of capitalised words for a name ("Ses lecons, je n'en ai
 * rien a foutre", "Steve lors de la fete de la musique"): a key no other
 * text has, which only dilutes the few words the headline shares with its
 * story (UCI .7894 -> .7949, French .8195 -> .8209). A headline names a
 * person once, by the whole name or the surname alone ("Nicolas Sarkozy",
 * "Sarkozy"), and its next one the other way: keyed by the surname, the
 * two meet (French .8209 -> .8239). A full article names its people both
 * ways and the entities pass joins the two already; its keys stay whole. */
static const char *entity_key(const rv_group_config *cfg, const rv_entity *e, const char *folded,
			      bool headline)
{
	if (!headline)
		return folded;
	if (cfg->headline_name_words > 0) {
		int words = 1;
		for (const char *p = folded; *p; p++)
			words += *p == ' ';
		if (words >= cfg->headline_name_words)
			return NULL;
	}
	if (cfg->headline_surname && e->type && !strcmp(e->type, "person")) {
		const char *last = strrchr(folded, ' ');
		if (last && last[1])
			return last + 1;
	}
	return folded;
}

/* The folded name entity e is keyed by (to free), NULL when out of memory.
 * Longer than a headline, a name the gazetteer lists is keyed by its row's
 * canonical name, so "USA", "U.S." and "Etats-Unis", "OTAN" and "NATO",
 * "Poutine" and "Putin" meet: two reports of one happening by outlets that
 * name it differently share its key (AllSides .7620 -> .7642). Not in a
 * headline: there the key doubles a word the headline writes, and a
 * country's one key for all its names drew more headlines of neighbouring
 * stories into one (French .8234 -> .8206). */
static char *alias_key(const rv_group_config *cfg, const rv_entity *e, bool headline)
{
	if (cfg->entity_alias && !headline) {
		char key[128];
		size_t n = rv_entity_key(e->name, e->type, key, sizeof key);
		if (n)
			return strdup(key);
	}
	return rv_utf8_fold(e->name);
}

/* Are the article's stems translated by the map? Only articles known to
 * be in the map's language: an English stem that happens to equal a French
 * one must not be translated. */
static bool article_mapped(const rv_grouper *g, const rv_article *a)
{
	const char *lang = stem_language(g, a);
	return g->n_map && lang && !strncmp(lang, g->map_lang, 2);
}

/* The term entity e of an article is keyed by ("@" and its folded name) in
 * key: its length, 0 for no key, -1 out of memory. */
static int entity_term_key(const rv_grouper *g, const rv_entity *e, bool headline, char key[128])
{
	if (!e->name)
		return 0;
	/* Entities are keyed by their folded name, so spellings that only
	 * differ by case and accents meet across languages. */
	char *folded = alias_key(&g->cfg, e, headline);
	if (!folded)
		return -1;
	const char *name = entity_key(&g->cfg, e, folded, headline);
	int k = name ? snprintf(key, 128, "@%s", name) : 0;
	free(folded);
	return k <= 1 || k >= 128 ? 0 : k;
}

/* A French headline also gives its stems' character 3-grams (at
 * char_grams x a term's weight): French stories are told with the
 * word's other forms ("mort" / "morte", "sauve" / "sauvee", "Tunisie" /
 * "tunisien"), which the light French stemmer leaves apart; the grams
 * make such words half-meet (French headlines .8234 -> .8345, higher on
 * 18 of 20 half sets; bench/README.md, branch fr-chars). English
 * headlines lose by them (UCI .7946 -> .7549: Snowball's English stems
 * already meet, and the grams only draw neighbouring stories in), and
 * an article longer than a headline has words enough. */
static bool headline_grams(const rv_grouper *g, const rv_article *a)
{
	const char *lang = stem_language(g, a);
	return g->cfg.char_grams > 0 && a->n_terms <= (size_t)g->cfg.short_terms && lang &&
	       !strncmp(lang, "fr", 2);
}

/* The character 3-grams of stem s padded with a space at each end, each
 * as "#" and three code points, into out (at most max); their number
 * (none for a stem longer than 40 bytes). */
#define GRAM_MAX 48
static int stem_grams(const char *s, char out[][16], int max)
{
	size_t len = strlen(s);
	if (len > 40)
		return 0;
	char p[44];
	snprintf(p, sizeof p, " %s ", s);
	size_t n = len + 2;
	size_t start[44], cps = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)p[i] & 0xC0) != 0x80)
			start[cps++] = i;
	start[cps] = n;
	int k = 0;
	for (size_t c = 0; c + 3 <= cps && k < max; c++) {
		size_t b = start[c], e = start[c + 3];
		if (e - b > sizeof out[0] - 2)
			continue; /* not UTF-8: a "code point" of more than 4 bytes */
		out[k][0] = '#';
		memcpy(out[k] + 1, p + b, e - b);
		out[k][1 + e - b] = '\0';
		k++;
	}
	return k;
}

/* The term ids of stem s's character 3-grams into ids, as term_id() gives
 * them (create: new ones too); their number, -1 out of memory. */
static int gram_ids(rv_grouper *g, const char *s, bool create, uint32_t ids[GRAM_MAX])
{
	char gs[GRAM_MAX][16];
	int k = stem_grams(s, gs, GRAM_MAX), n = 0;
	for (int j = 0; j < k; j++) {
		uint32_t t = term_id(g, gs[j], strlen(gs[j]), create);
		if (t != UINT32_MAX)
			ids[n++] = t;
		else if (create)
			return -1;
	}
	return n;
}

static int article_vector(rv_grouper *g, const rv_article *a, bool count_df)
{
	bool mapped = article_mapped(g, a);
	if (count_df)
		rv_grouper_count_language(g, a->lang, 1);
	bool headline = a->n_terms <= (size_t)g->cfg.short_terms;
	bool grams = headline_grams(g, a);
	if (!vec_reserve(g, a->n_terms * (grams ? GRAM_MAX + 1 : 1) + a->n_entities + 1))
		return -1;
	uint32_t n = 0;
	/* The vocabulary of a long stream is larger than the caches: the
	 * hash slots of all the article's words are fetched at once, before
	 * they are looked up one after the other. */
	uint64_t hashes[64];
	size_t n_hashed = a->n_terms < 64 ? a->n_terms : 64;
	for (size_t i = 0; i < n_hashed; i++) {
		const char *s = a->terms[i].term;
		hashes[i] = term_hash(s, strlen(s));
		if (g->hash_cap)
			__builtin_prefetch(&g->hash_slots[hashes[i] & (g->hash_cap - 1)]);
	}
	for (size_t i = 0; i < a->n_terms; i++) {
		const char *s = a->terms[i].term;
		size_t len = strlen(s);
		uint32_t t = term_id_hashed(g, s, len, i < n_hashed ? hashes[i] : term_hash(s, len), count_df);
		if (t == UINT32_MAX) {
			if (count_df)
				return -1;
			continue;
		}
		if (mapped)
			t = map_term(g, t);
		vec_add(g, &n, t, a->terms[i].weight);
	}
	for (size_t i = 0; i < a->n_entities; i++) {
		char key[128];
		int k = entity_term_key(g, &a->entities[i], headline, key);
		if (k < 0)
			return -1;
		if (!k)
			continue;
		uint32_t t = term_id(g, key, (size_t)k, count_df);
		if (t == UINT32_MAX) {
			if (count_df)
				return -1;
			continue;
		}
		int cnt = a->entities[i].count > 0 ? a->entities[i].count : 1;
		vec_add(g, &n, t, (float)(g->cfg.entity_weight * cnt));
	}
	uint32_t first_gram = n;
	for (size_t i = 0; grams && i < a->n_terms; i++) {
		uint32_t ids[GRAM_MAX];
		int k = gram_ids(g, a->terms[i].term, count_df, ids);
		if (k < 0)
			return -1;
		for (int j = 0; j < k; j++)
			vec_add(g, &n, ids[j], a->terms[i].weight);
	}
	if (count_df) {
		g->n_docs++;
		for (uint32_t i = 0; i < n; i++)
			df_bump(g, g->vec[i].t, term_at(g, g->vec[i].t)->df + 1);
	}
	double N = (double)(g->n_docs ? g->n_docs : 1);
	for (uint32_t i = 0; i < n; i++) {
		fw *v = &g->vec[i];
		term_rec *r = term_at(g, v->t);
		r->dense = 0;
		double df = r->df ? r->df : 1;
		/* a prior of idf_prior unseen documents keeps the first articles
		 * of a corpus from calling every shared word common */
		double idf = log((N + g->cfg.idf_prior) / (df + 0.5));
		if (idf < 0.05)
			idf = 0.05;
		v->w = (float)((1.0 + log(v->w > 1 ? v->w : 1)) * idf);
		if (i >= first_gram)
			v->w *= (float)g->cfg.char_grams;
	}
	g->n_raw = first_gram;
	if (n > (uint32_t)g->cfg.article_terms) {
		qsort(g->vec, n, sizeof *g->vec, fw_by_weight);
		n = (uint32_t)g->cfg.article_terms;
	}
	double norm = 0;
	for (uint32_t i = 0; i < n; i++)
		norm += (double)g->vec[i].w * g->vec[i].w;
	norm = sqrt(norm);
	for (uint32_t i = 0; i < n && norm > 0; i++)
		g->vec[i].w = (float)(g->vec[i].w / norm);
	if (n)
		qsort(g->vec, n, sizeof *g->vec, fw_by_term);
	return (int)n;
}

static float vec_norm(const fw *v, uint32_t n)
{
	double s = 0;
	for (uint32_t i = 0; i < n; i++)
		s += (double)v[i].w * v[i].w;
	return (float)sqrt(s);
}

/* ---- events and the index ---- */

static void members_free(gevent *e)
{
	free(e->who);
	e->who = NULL;
	e->n_who = e->who_head = 0;
	for (uint32_t i = 0; i < RV_GROUP_MEMBER_KEEP_MAX; i++) {
		free(e->mem[i]);
		e->mem[i] = NULL;
		e->mem_n[i] = 0;
	}
	e->n_mem = e->mem_head = 0;
}

/* Keep v as one of the event's latest member_keep vectors. */
/* The slot of a ring of keep entries that the next one goes to: a free one
 * while the ring fills, then the oldest (head moves on). */
static uint32_t ring_slot(uint8_t *n, uint8_t *head, uint32_t keep)
{
	uint32_t at = *n < keep ? (*n)++ : *head;
	if (*n == keep && at == *head)
		*head = (uint8_t)((*head + 1) % keep);
	return at;
}

static bool members_add(rv_grouper *g, gevent *e, const fw *v, uint32_t n)
{
	if ((g->cfg.member_link <= 0 && g->cfg.member_mix <= 0) || !n)
		return true;
	uint32_t at = ring_slot(&e->n_mem, &e->mem_head, (uint32_t)g->cfg.member_keep);
	fw *m = realloc(e->mem[at], n * sizeof *m);
	if (!m)
		return false;
	memcpy(m, v, n * sizeof *m);
	e->mem[at] = m;
	e->mem_n[at] = (uint16_t)n;
	return true;
}

/* The vector compared goes into the terms' dense weights through these,
 * which keep the present filter in step: a term whose bit is clear weighs
 * 0. A vector put is cleared whole, after the last comparison with it:
 * clearing one term clears the bit it may share with another of the
 * vector. */
static inline uint32_t present_bit(uint32_t t)
{
	/* ids are given in order of first sight: their low bits spread */
	return t & (PRESENT_BITS - 1);
}

static inline void dense_put(rv_grouper *g, uint32_t t, float w)
{
	uint32_t b = present_bit(t);
	term_at(g, t)->dense = w;
	g->present[b / 64] |= UINT64_C(1) << (b % 64);
}

static inline void dense_clear(rv_grouper *g, uint32_t t)
{
	uint32_t b = present_bit(t);
	term_at(g, t)->dense = 0;
	g->present[b / 64] &= ~(UINT64_C(1) << (b % 64));
}

static inline bool dense_has(const rv_grouper *g, uint32_t t)
{
	uint32_t b = present_bit(t);
	return g->present[b / 64] >> (b % 64) & 1;
}

/* The best cosine of the article (in the terms' dense weights) with one
 * member. */
static double members_best(const rv_grouper *g, const gevent *e)
{
	double best = 0;
	for (uint32_t i = 0; i < e->n_mem; i++) {
		double dot = 0;
		const fw *m = e->mem[i];
		for (uint32_t j = 0; j < e->mem_n[i]; j++)
			if (dense_has(g, m[j].t))
				dot += (double)term_at(g, m[j].t)->dense * m[j].w;
		if (dot > best)
			best = dot;
	}
	return best;
}

/* The best cosine between a member of e and a member of f (the dense
 * weights are clear on entry and on return). */
static double members_pair_best(rv_grouper *g, const gevent *e, const gevent *f)
{
	double best = 0;
	for (uint32_t i = 0; i < e->n_mem; i++) {
		const fw *m = e->mem[i];
		for (uint32_t j = 0; j < e->mem_n[i]; j++)
			dense_put(g, m[j].t, m[j].w);
		double b = members_best(g, f);
		if (b > best)
			best = b;
		for (uint32_t j = 0; j < e->mem_n[i]; j++)
			dense_clear(g, m[j].t);
	}
	return best;
}

/* ---- who an article is about ---- */

static uint32_t name_word_hash(const char *s, size_t n)
{
	uint32_t h = (uint32_t)XXH3_64bits(s, n);
	return h ? h : 1;
}

static void names_set(psig *p, uint32_t h)
{
	uint32_t b1 = h % RV_NAME_BITS, b2 = (h >> 16) % RV_NAME_BITS;
	p->names[b1 / 64] |= (uint64_t)1 << (b1 % 64);
	p->names[b2 / 64] |= (uint64_t)1 << (b2 % 64);
}

static bool names_has(const psig *p, uint32_t h)
{
	uint32_t b1 = h % RV_NAME_BITS, b2 = (h >> 16) % RV_NAME_BITS;
	return (p->names[b1 / 64] >> (b1 % 64) & 1) && (p->names[b2 / 64] >> (b2 % 64) & 1);
}

/* Add the words of name (folded, split at spaces and hyphens) to p; the
 * hash of the last one is returned (0: none). */
static uint32_t names_add(psig *p, const char *name)
{
	char *f = rv_utf8_fold(name);
	if (!f)
		return 0;
	uint32_t last = 0;
	const char *w = f;
	while (*w) {
		while (*w == ' ' || *w == '-')
			w++;
		const char *e = w;
		while (*e && *e != ' ' && *e != '-')
			e++;
		if (e > w) {
			last = name_word_hash(w, (size_t)(e - w));
			names_set(p, last);
		}
		w = e;
	}
	free(f);
	return last;
}

/* The protagonist: the person named most, at least twice and more often
 * than any other person; in a report that names no person, the
 * organisation named most, at least org_mentions times (0: never) and
 * more often than any other (a firm's software flaw, a group's lawsuit). */
static void article_who(const rv_article *a, psig *p, int org_mentions)
{
	memset(p, 0, sizeof *p);
	/* [0] persons, [1] organisations: a firm is what a report with no
	 * person in it is about */
	int top[2] = { 0, 0 }, second[2] = { 0, 0 };
	uint32_t top_who[2] = { 0, 0 };
	for (size_t i = 0; i < a->n_entities; i++) {
		const rv_entity *en = &a->entities[i];
		if (!en->name)
			continue;
		uint32_t h = names_add(p, en->name);
		for (size_t j = 0; j < en->aliases.len; j++)
			names_add(p, en->aliases.items[j]);
		if (!h || !en->type)
			continue;
		int k = !strcmp(en->type, "person") ? 0 : !strcmp(en->type, "organization") ? 1 : -1;
		if (k < 0)
			continue;
		if (en->count > top[k]) {
			second[k] = top[k];
			top[k] = en->count;
			top_who[k] = h;
		} else if (en->count > second[k]) {
			second[k] = en->count;
		}
	}
	if (top[0] >= 2 && top[0] > second[0])
		p->who = top_who[0];
	else if (!top[0] && org_mentions > 0 && top[1] >= org_mentions && top[1] > second[1])
		p->who = top_who[1];
}

/* How many of the event's members are about the article's protagonist
 * (the same, or one of them names the other's) and how many about another
 * person whom the article never names, while they never name the
 * article's. */
static void who_vs_members(const rv_grouper *g, const gevent *e, int *agree, int *conflict)
{
	const psig *a = &g->who;
	*agree = *conflict = 0;
	if (!a->who)
		return;
	for (uint32_t i = 0; i < e->n_who; i++) {
		const psig *m = &e->who[i];
		if (!m->who)
			continue;
		if (m->who == a->who || names_has(m, a->who) || names_has(a, m->who))
			(*agree)++;
		else
			(*conflict)++;
	}
}

static bool who_add(rv_grouper *g, gevent *e)
{
	if (g->cfg.person_conflict <= 0)
		return true;
	uint32_t keep = (uint32_t)g->cfg.member_keep;
	if (!e->who && !(e->who = calloc(keep, sizeof *e->who)))
		return false;
	e->who[ring_slot(&e->n_who, &e->who_head, keep)] = g->who;
	return true;
}

static void post_add(rv_grouper *g, uint32_t t, uint32_t slot)
{
	plist *pl = &term_at(g, t)->post;
	uint16_t gen = g->tag[slot].gen;
	/* the newest entry is this event already: nothing to do */
	if (pl->n) {
		uint16_t last = pl->n < pl->cap ? pl->n - 1 : (uint16_t)((pl->head + pl->cap - 1) % pl->cap);
		if (pl->p[last].slot == slot && pl->p[last].gen == gen)
			return;
	}
	uint16_t cap = (uint16_t)g->cfg.posting_cap;
	if (pl->n < cap && pl->n == pl->cap) {
		uint16_t nc = pl->cap ? (uint16_t)(pl->cap * 2 > cap ? cap : pl->cap * 2) : (cap < 4 ? cap : 4);
		posting *np = realloc(pl->p, nc * sizeof *np);
		if (!np)
			return; /* the index is a cache: a missing entry only costs recall */
		pl->p = np;
		pl->cap = nc;
	}
	if (pl->cap == 0) {
		return; /* posting_cap 0: the index keeps nothing */
	} else if (pl->n < pl->cap) {
		pl->p[pl->n++] = (posting){ slot, gen };
	} else {
		pl->p[pl->head] = (posting){ slot, gen };
		pl->head = (uint16_t)((pl->head + 1) % pl->cap);
	}
}

static void mark_dirty(rv_grouper *g, uint32_t slot)
{
	/* out of memory: saved at its next change */
	if (!g->ev[slot].dirty && ids_push(&g->dirty, &g->n_dirty, &g->cap_dirty, 256, slot))
		g->ev[slot].dirty = true;
}

/* A slot for a new event: cleared and live. A slot handed out again keeps
 * the generation drop_event() gave it, so postings to its last event stay
 * stale. */
static int64_t new_slot(rv_grouper *g)
{
	uint32_t s;
	if (g->n_free) {
		s = g->free_slots[--g->n_free];
	} else {
		if (g->n_ev == g->cap_ev) {
			uint32_t nc = g->cap_ev ? g->cap_ev * 2 : 1024;
			gevent *ne = realloc(g->ev, nc * sizeof *ne);
			if (!ne)
				return -1;
			g->ev = ne;
			slot_tag *nt = realloc(g->tag, nc * sizeof *nt);
			if (!nt)
				return -1;
			g->tag = nt;
			uint32_t *nf = realloc(g->free_slots, nc * sizeof *nf);
			if (!nf)
				return -1;
			g->free_slots = nf;
			g->cap_ev = nc;
		}
		s = g->n_ev++;
		g->tag[s].gen = 0;
	}
	memset(&g->ev[s], 0, sizeof g->ev[s]);
	g->ev[s].live = true;
	g->ev[s].first_day = g->ev[s].last_day = RV_NO_DAY;
	g->tag[s] = (slot_tag){ g->tag[s].gen, 0, TAG_NO_DAY, TAG_NO_DAY };
	return s;
}

static int float_desc(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return x > y ? -1 : x < y;
}

/* Norms of the heaviest terms, so a short article (a headline) is compared
 * with as much of the event as it can say: its cosine uses the norm of the
 * centroid's top terms, not of all of them. */
static bool centroid_cum(const rv_grouper *g, gevent *e)
{
	if (g->cfg.scope_factor <= 0) /* not read (cosine_dense) */
		return true;
	float *cum = realloc(e->cum, (e->nc ? e->nc : 1) * sizeof *cum);
	if (!cum)
		return false;
	e->cum = cum;
	for (uint32_t i = 0; i < e->nc; i++)
		cum[i] = e->c[i].w;
	if (e->nc)
		qsort(cum, e->nc, sizeof *cum, float_desc);
	double s = 0;
	for (uint32_t i = 0; i < e->nc; i++) {
		s += (double)cum[i] * cum[i];
		cum[i] = (float)sqrt(s);
	}
	return true;
}

/* Merge v into the centroid of e and keep its heaviest terms. */
static bool centroid_add(rv_grouper *g, gevent *e, const fw *v, uint32_t n, double damping)
{
	fw *m = malloc((e->nc + n) * sizeof *m);
	if (!m)
		return false;
	/* later articles count less: the event stays what it was about, and
	 * does not drift along a chain of related stories */
	float f = (float)pow(1.0 + e->n_articles, -damping);
	uint32_t i = 0, j = 0, k = 0;
	while (i < e->nc || j < n) {
		if (j >= n || (i < e->nc && e->c[i].t < v[j].t))
			m[k++] = e->c[i++];
		else if (i >= e->nc || v[j].t < e->c[i].t) {
			m[k] = v[j++];
			m[k++].w *= f;
		} else {
			m[k] = e->c[i++];
			m[k++].w += f * v[j++].w;
		}
	}
	uint32_t cap = (uint32_t)g->cfg.centroid_terms;
	if (k > cap) {
		/* keep the cap heaviest (fw_by_weight's order) in term order:
		 * the last one kept bounds the rest */
		fw *by_w = malloc(k * sizeof *by_w);
		if (!by_w) {
			free(m);
			return false;
		}
		memcpy(by_w, m, k * sizeof *by_w);
		qsort(by_w, k, sizeof *by_w, fw_by_weight);
		fw last = by_w[cap - 1];
		free(by_w);
		uint32_t kept = 0;
		for (uint32_t x = 0; x < k; x++)
			if (m[x].w > last.w || (m[x].w == last.w && m[x].t <= last.t))
				m[kept++] = m[x];
		k = kept;
	}
	free(e->c);
	e->c = m;
	e->nc = k;
	e->norm = vec_norm(m, k);
	return centroid_cum(g, e);
}

/* The cosine of the article in the dense weights (n_article terms; 0: an
 * event's centroid, for merges) with the centroid of e. An article longer than a
 * headline whose closeness to the event rests on one name (its two heaviest
 * shared terms, the stem and the entity key, carry more than anchor_share of
 * the dot product) is only on the event's topic: the same judge's hearing
 * and, weeks later, the vote on him. Its similarity falls linearly to 0 at a
 * share of 1. A headline may have one informative word only: exempt. */
static double cosine_dense(rv_grouper *g, const gevent *e, uint32_t n_article)
{
	double dot = 0, top = 0, top2 = 0;
	for (uint32_t i = 0; i < e->nc; i++) {
		if (!dense_has(g, e->c[i].t))
			continue;
		double d = (double)term_at(g, e->c[i].t)->dense * e->c[i].w;
		dot += d;
		if (d > top2) {
			if (d > top) {
				top2 = top;
				top = d;
			} else {
				top2 = d;
			}
		}
	}
	double anchor = g->cfg.anchor_share;
	if (anchor < 1 && n_article > (uint32_t)g->cfg.short_terms && dot > 0) {
		double share = (top + top2) / dot;
		if (share > anchor)
			dot *= 1.0 - (share - anchor) / (1.0 - anchor);
	}
	uint32_t m = (uint32_t)(g->cfg.scope_factor * n_article);
	double norm = e->norm;
	if (m >= 1 && m < e->nc && e->cum)
		norm = e->cum[m - 1];
	double c = norm > 0 ? dot / norm : 0;
	return c > 1 ? 1 : c;
}

/* Days from day to the event's days (0 within them), read from its tag so
 * that a walk never reads an event it sets aside; -1 when either is
 * undated. */
static int64_t tag_day_distance(int64_t day, const slot_tag *t)
{
	if (day == RV_NO_DAY || t->first_day == TAG_NO_DAY)
		return -1;
	if (day < t->first_day)
		return t->first_day - day;
	if (day > t->last_day)
		return day - t->last_day;
	return 0;
}

static int32_t tag_day(int64_t day)
{
	if (day == RV_NO_DAY)
		return TAG_NO_DAY;
	return day <= INT32_MIN ? INT32_MIN + 1 : day > INT32_MAX ? INT32_MAX : (int32_t)day;
}

/* Widen the event's days to take in [first, last] (RV_NO_DAY: undated,
 * nothing to take) and its tag's copy with them: the one place an event's
 * days change, so the copy the walks read cannot fall behind. */
static void event_add_days(rv_grouper *g, uint32_t slot, int64_t first, int64_t last)
{
	gevent *e = &g->ev[slot];
	if (first == RV_NO_DAY)
		return;
	if (e->first_day == RV_NO_DAY || first < e->first_day)
		e->first_day = first;
	if (e->last_day == RV_NO_DAY || last > e->last_day)
		e->last_day = last;
	g->tag[slot].first_day = tag_day(e->first_day);
	g->tag[slot].last_day = tag_day(e->last_day);
}

static void index_article(rv_grouper *g, uint32_t slot, const fw *v, uint32_t n)
{
	/* index by the article's heaviest terms */
	fw top[TOP_TERMS];
	/* Index by more terms than are probed, so an event is found from
	 * either side of a shared term's ranking. */
	uint32_t want = 2 * (uint32_t)g->cfg.probe_terms;
	uint32_t idx = heaviest_terms(v, n, top, want);
	for (uint32_t i = 0; i < idx; i++)
		__builtin_prefetch(term_at(g, top[i].t));
	for (uint32_t i = 0; i < idx; i++)
		post_add(g, top[i].t, slot);
}

/* Forget the event in slot s (retired, or absorbed by another); postings
 * to it go stale with its generation. */
static void drop_event(rv_grouper *g, uint32_t s)
{
	gevent *e = &g->ev[s];
	free(e->c);
	free(e->cum);
	free(e->title);
	members_free(e);
	e->cum = NULL;
	e->c = NULL;
	e->title = NULL;
	e->nc = 0;
	e->live = false;
	g->tag[s].gen++;
	g->free_slots[g->n_free++] = s;
}

static void retire(rv_grouper *g)
{
	int64_t keep = g->cfg.storyline_window_days > g->cfg.event_window_days
			       ? g->cfg.storyline_window_days
			       : g->cfg.event_window_days;
	for (uint32_t s = 0; s < g->n_ev; s++) {
		gevent *e = &g->ev[s];
		if (!e->live || e->dirty)
			continue;
		bool old = g->seq - e->last_seq > g->cfg.retire_after ||
			   (e->last_day != RV_NO_DAY && g->newest_day != RV_NO_DAY &&
			    e->last_day + keep < g->newest_day);
		if (old)
			drop_event(g, s);
	}
}

static int64_t article_day(const rv_article *a)
{
	rv_date d;
	if (!a->published || !rv_date_parse(a->published, &d))
		return RV_NO_DAY;
	return rv_date_days(&d);
}

/* Below this many events in memory every one is compared (small corpora,
 * where the index's top terms are still noise); above, the index. */
#define RV_SCAN_ALL 64

/* A lede: more than a headline (short_terms), fewer terms than lede_terms
 * before the article_terms cut (n: after it). A title and a first paragraph
 * keep all or most of their words in the vector, where a full article keeps
 * only a sample. */
static bool lede(const rv_grouper *g, uint32_t n)
{
	return n > (uint32_t)g->cfg.short_terms && g->n_raw < (uint32_t)g->cfg.lede_terms;
}

struct cand {
	int64_t day;
	uint32_t n;
	const rv_article *a;
	double best, best_story;
	int64_t best_slot, story_slot;
	double second;      /* the runner-up event's score */
	int64_t second_slot;
	double best_sim, second_sim; /* their content similarities (no time terms) */
	bool best_undated;  /* the best was compared without dates */
};

/* A text longer than a headline reports one happening, and the reports of
 * one happening come out within a day or so of each other: one three days
 * away is a later turn, for the storyline to link. A headline stream's
 * story (a news aggregator's box) runs for days, and a headline is too
 * short to tell which day's turn it reports. The days within which the
 * article may join a dated event: */
static int join_window(const rv_grouper *g, const struct cand *c)
{
	return c->n > (uint32_t)g->cfg.short_terms ? g->cfg.long_window_days : g->cfg.event_window_days;
}

/* Both name days of the week (a mask each) and share none: reports of
 * other happenings (see score). */
static bool days_conflict(uint8_t a, uint8_t b)
{
	return a && b && !(a & b);
}

/* Score the article against event slot (dd days apart) and keep the best
 * and the runner-up (to join) and the closest (to link a storyline). */
static void score(rv_grouper *g, struct cand *c, uint32_t slot, int64_t dd)
{
	gevent *e = &g->ev[slot];
	int days = join_window(g, c);
	double window = days > 0 ? days : 1;
	double sim = cosine_dense(g, e, c->n);
	e->near = (float)sim;
	e->near_stamp = g->stamp;
	g->work.compared++;
	if (g->cfg.cohesion > 0 && e->n_articles > 1) {
		/* |sum of unit vectors| / n: 1 when the members say the same,
		 * 1/sqrt(n) when they share nothing. Between centroid (0) and
		 * average link (1). */
		double coh = (double)e->norm / (double)e->n_articles;
		sim *= pow(coh < 1 ? coh : 1, g->cfg.cohesion);
	}
	/* A lede (a title and a first paragraph: more than a headline, less
	 * than a full article) keeps all its vocabulary, so two ledes of one
	 * happening are close to each other, not only to the sum of an
	 * event's ledes. Without dates nothing bounds an event, and the
	 * centroid of a topic's ledes (one nominee's hearing, his vote, his
	 * swearing-in) is close to every new lede of the topic while its
	 * members are far from each other: against an undated event of ledes,
	 * a lede is judged toward the average of its cosines with the members
	 * (the centroid's norm over its size: 1 when they all say the same),
	 * so a diffuse event takes less. A full article shares only a sample
	 * of its event's vocabulary with each member: it is exempt, and so
	 * are events that hold one. */
	if (g->cfg.lede_cohesion > 0 && e->first_day == RV_NO_DAY && e->n_articles > 1 &&
	    e->n_short == e->n_articles && lede(g, c->n)) {
		double coh = (double)e->norm / (double)e->n_articles;
		sim *= pow(coh < 1 ? coh : 1, g->cfg.lede_cohesion);
	}
	/* A headline may say what one member said and still be far from the
	 * sum of all of them: the closest member counts too. */
	if (g->cfg.member_link > 0 && e->n_mem && sim >= g->cfg.min_content) {
		double m = g->cfg.member_link * members_best(g, e);
		if (m > sim)
			sim = m > 1 ? 1 : m;
	}
	/* Without dates, the centroid of an event that gathered one topic's
	 * reports is close to every report of that topic: an article must
	 * also be close to one of its members (a geometric blend, so neither
	 * a lone similar member nor the topic alone is enough). */
	if (g->cfg.member_mix > 0 && dd < 0 && e->n_articles > 1 && e->n_mem) {
		double m = members_best(g, e);
		sim = pow(sim, 1.0 - g->cfg.member_mix) * pow(m, g->cfg.member_mix);
	}
	/* Two happenings of one kind (two boxers' fights, two players'
	 * arrests) are reported in the same words; who they are about tells
	 * them apart: an article about a person whom most members never name,
	 * while it never names theirs, is about another happening. */
	if (g->cfg.person_conflict > 0 && e->n_who) {
		int agree, conflict;
		who_vs_members(g, e, &agree, &conflict);
		if (conflict > agree)
			sim *= 1.0 - g->cfg.person_conflict;
	}
	/* Reports of one happening name the day it took place ("the House
	 * voted Thursday"); two turns of one topic (the bill's vote, its
	 * signing) name different days. Both name days and share none: another
	 * happening. Both name the one same day and no other: the same one (an
	 * event whose reports name several days, or a full report that tells a
	 * week's chronology, is no such evidence: ECB+ .9100 -> .9059 with a
	 * bonus for any shared day). */
	uint8_t d = c->a->weekdays;
	if (days_conflict(d, e->weekdays))
		sim *= 1.0 - g->cfg.weekday_conflict;
	else if (d && d == e->weekdays && !(d & (d - 1)))
		sim = fmin(1.0, sim * (1.0 + g->cfg.weekday_agree));
	/* A dated report against an undated event: the date that would
	 * confirm the match (or bound it, as for two dated sides) cannot be
	 * checked, and a dated report close in words to an undated topic is
	 * as often a later turn of it as the same happening; joining, it
	 * would date the event, and its same-day mates would follow it there
	 * on the same-day bonus. (An undated report of a dated event is the
	 * common case of a page that shows no date: it keeps its content.) */
	if (c->day != RV_NO_DAY && e->first_day == RV_NO_DAY)
		sim *= 1.0 - g->cfg.half_dated;
	double grown = sim - g->cfg.size_penalty * log(1.0 + e->n_articles);
	double s = -1;
	if (dd < 0)
		s = grown;
	else if (dd <= days)
	{
		/* Being reported the same day is evidence, but only for what the
		 * content already suggests: no bonus below min_content. */
		s = grown * (1.0 - g->cfg.time_decay * (double)dd / window);
		if (sim >= g->cfg.min_content)
			s += g->cfg.time_bonus * (1.0 - (double)dd / (window + 1));
	}
	if (g->debug)
		fprintf(stderr, "group: %s '%.40s' vs event %lld (%d articles, %lld days): %.3f -> %.3f\n",
			c->a->ref ? c->a->ref : "-", c->a->title ? c->a->title : "", (long long)e->id, e->n_articles,
			(long long)dd, sim, s);
	if (s > c->best) {
		c->second = c->best;
		c->second_slot = c->best_slot;
		c->second_sim = c->best_sim;
		c->best = s;
		c->best_slot = slot;
		c->best_sim = sim;
		c->best_undated = dd < 0;
	} else if (s > c->second) {
		c->second = s;
		c->second_slot = slot;
		c->second_sim = sim;
	}
	if (sim > c->best_story) {
		c->best_story = sim;
		c->story_slot = slot;
	}
}

/* An event farther than the article's join_window can only give a new event its
 * storyline (its score is -1: it never joins or runs up), and few articles
 * start one: it is scored later (score_later), if the article does. Most
 * candidates of a full index are such events. False: out of memory. */
static bool consider(rv_grouper *g, struct cand *c, uint32_t slot)
{
	slot_tag *t = &g->tag[slot];
	if (t->stamp == g->stamp)
		return true;
	t->stamp = g->stamp;
	int64_t dd = tag_day_distance(c->day, t);
	if (dd > g->cfg.storyline_window_days)
		return true;
	if (dd <= join_window(g, c) && !ids_push(&g->joinable, &g->n_joinable, &g->cap_joinable, 64, slot))
		return false;
	return ids_push(&g->met, &g->n_met, &g->cap_met, 256, slot);
}

/* Ask for every cache line of n bytes at p, before they are read. */
static inline void prefetch_bytes(const void *p, size_t n)
{
	for (size_t off = 0; off < n; off += 64)
		__builtin_prefetch((const char *)p + off);
}

/* Fetch what score() reads of an event first: its head and its centroid. */
static void prefetch_event(const rv_grouper *g, uint32_t slot)
{
	prefetch_bytes(&g->ev[slot], 128);
}

static void prefetch_centroid(const rv_grouper *g, uint32_t slot)
{
	const gevent *e = &g->ev[slot];
	prefetch_bytes(e->c, e->nc * sizeof *e->c);
}

/* Score the events within the join window, in the order the walk met them.
 * The events and their centroids lie all over the heap, and an index that
 * holds a month of events is larger than the caches: each is fetched while
 * the one before is compared, not when its turn comes. */
static void score_joinable(rv_grouper *g, struct cand *c)
{
	uint32_t n = g->n_joinable;
	for (uint32_t i = 0; i < n && i < 4; i++)
		prefetch_event(g, g->joinable[i]);
	for (uint32_t i = 0; i < n && i < 2; i++)
		prefetch_centroid(g, g->joinable[i]);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t slot = g->joinable[i];
		if (i + 4 < n)
			prefetch_event(g, g->joinable[i + 4]);
		if (i + 2 < n)
			prefetch_centroid(g, g->joinable[i + 2]);
		score(g, c, slot, tag_day_distance(c->day, &g->tag[slot]));
	}
}

/* The events consider() set aside, in the order it met them. */
static void score_later(rv_grouper *g, struct cand *c)
{
	int days = join_window(g, c);
	for (uint32_t i = 0; i < g->n_met; i++) {
		uint32_t slot = g->met[i];
		int64_t dd = tag_day_distance(c->day, &g->tag[slot]);
		if (dd > days)
			score(g, c, slot, dd);
	}
}

/* ---- merging events ---- */

static bool merge_note(rv_grouper *g, merge_rec r)
{
	if (g->n_merges == g->cap_merges) {
		uint32_t nc = g->cap_merges ? g->cap_merges * 2 : 64;
		merge_rec *nm = realloc(g->merges, nc * sizeof *nm);
		if (!nm)
			return false;
		g->merges = nm;
		g->cap_merges = nc;
	}
	g->merges[g->n_merges++] = r;
	return true;
}

/* The event in slot absorbs the one in other (sim: what brought them
 * together, for the debug trace). Returns false out of memory. */
static bool merge_events(rv_grouper *g, uint32_t slot, uint32_t other, double sim)
{
	gevent *e = &g->ev[slot];
	gevent *f = &g->ev[other];
	if (g->debug)
		fprintf(stderr, "group: event %lld (%d articles) and event %lld (%d articles) merge: %.3f\n",
			(long long)e->id, e->n_articles, (long long)f->id, f->n_articles, sim);
	if (!centroid_add(g, e, f->c, f->nc, g->cfg.drift_damping))
		return false;
	/* the older event keeps its id, storyline and title: links to it stay */
	merge_rec r = { .gone = f->id, .kept = e->id, .storyline = e->storyline };
	if (f->id < e->id) {
		r = (merge_rec){ .gone = e->id, .kept = f->id, .storyline = f->storyline };
		e->id = f->id;
		e->storyline = f->storyline;
		char *t = e->title;
		e->title = f->title;
		f->title = t;
	}
	e->n_articles += f->n_articles;
	e->n_short += f->n_short;
	e->weekdays |= f->weekdays;
	event_add_days(g, slot, f->first_day, f->last_day);
	if (f->last_seq > e->last_seq)
		e->last_seq = f->last_seq;
	drop_event(g, other);
	index_article(g, slot, e->c, e->nc);
	mark_dirty(g, slot);
	return merge_note(g, r);
}

/* Two events may start apart (the first reports of one happening worded
 * differently) and grow toward each other as articles join: when the event
 * in slot just changed is now as close to another one as merge_threshold
 * (centroid cosine; both dated: within the event window of each other),
 * it absorbs it. What moved it is the article just placed: an event that
 * article was not compared with (beyond its join window: a later turn, for
 * the storyline) or found farther than merge_near cannot have been brought
 * within reach by it, as the event moved toward the article. So the
 * candidates are the events the article was compared with and found near,
 * and the cost stays bounded by the article's own walk. Returns false out
 * of memory. */
static bool merge_step(rv_grouper *g, uint32_t slot)
{
	gevent *e = &g->ev[slot];
	if (g->cfg.merge_threshold <= 0 || !e->nc || e->norm <= 0)
		return true;
	for (uint32_t i = 0; i < e->nc; i++)
		dense_put(g, e->c[i].t, e->c[i].w / e->norm);
	int64_t best_slot = -1;
	double best = 0;
	int64_t window = g->cfg.event_window_days;
	for (uint32_t i = 0; i < g->n_met; i++) {
		uint32_t s = g->met[i];
		gevent *f = &g->ev[s];
		if (s == slot || !f->live)
			continue;
		if (f->near_stamp != g->stamp || f->near < g->cfg.merge_near)
			continue;
		if (e->first_day != RV_NO_DAY && f->first_day != RV_NO_DAY &&
		    (f->first_day - e->last_day > window || e->first_day - f->last_day > window))
			continue;
		double cos = cosine_dense(g, f, 0); /* whole centroids */
		g->work.merge_compared++;
		if (cos > best) {
			best = cos;
			best_slot = s;
		}
	}
	for (uint32_t i = 0; i < e->nc; i++)
		dense_clear(g, e->c[i].t);
	/* merging asks at least what joining asks */
	double need = g->cfg.merge_threshold > g->cfg.event_threshold ? g->cfg.merge_threshold
									: g->cfg.event_threshold;
	if (best_slot < 0 || best < need)
		return true;
	/* Two undated events of one topic (two turns of one nominee's story)
	 * have close centroids, the topic's words, while no report of one is
	 * close to a report of the other: as for an undated article joining
	 * (member_mix), the closest pair of members counts too. So when one
	 * of them only is dated: its date does not bound the other, which may
	 * have gathered the topic's undated reports of any day. */
	const gevent *f = &g->ev[best_slot];
	if (g->cfg.merge_members > 0 && (e->first_day == RV_NO_DAY || f->first_day == RV_NO_DAY) &&
	    e->n_mem && f->n_mem) {
		double m = members_pair_best(g, e, f);
		best = pow(best, 1.0 - g->cfg.merge_members) * pow(m, g->cfg.merge_members);
		if (best < need)
			return true;
	}
	/* two events that name days of the week, none shared (see score) */
	if (days_conflict(e->weekdays, f->weekdays)) {
		best *= 1.0 - g->cfg.weekday_conflict;
		if (best < need)
			return true;
	}
	/* the same when one event only is dated (see consider) */
	if ((e->first_day == RV_NO_DAY) != (f->first_day == RV_NO_DAY) && g->cfg.half_dated > 0) {
		best *= 1.0 - g->cfg.half_dated;
		if (best < need)
			return true;
	}
	return merge_events(g, slot, (uint32_t)best_slot, best);
}

/* An event is named by its first article's headline: a title that ends with
 * its own outlet's name ("Grève au port | Le Courrier", as outlets declare
 * it in og:title) loses the name there; the article keeps its title whole. */
static char *event_title(const rv_article *a)
{
	if (!a->title)
		return NULL;
	const char *label;
	size_t at = rv_title_label_at(a->title, &label);
	if (a->source && *label) { /* the title has a last label */
		char *fl = rv_utf8_fold(label), *fs = rv_utf8_fold(a->source);
		bool same = fl && fs && *fl && !strcmp(fl, fs);
		free(fl);
		free(fs);
		if (same)
			return rv_strndup(a->title, at);
	}
	return rv_strdup(a->title);
}

void rv_grouper_work(const rv_grouper *g, rv_group_work *out)
{
	*out = g->work;
}

int rv_grouper_place(rv_grouper *g, rv_article *a, rv_error *err)
{
	int n = article_vector(g, a, true);
	if (n < 0)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	/* how long the article is: its words, not its character grams */
	int size = g->n_raw < (uint32_t)g->cfg.article_terms ? (int)g->n_raw : g->cfg.article_terms;
	if (g->cfg.person_conflict > 0)
		article_who(a, &g->who, g->cfg.org_protagonist);
	int64_t day = article_day(a);
	g->seq++;
	if (day != RV_NO_DAY && (g->newest_day == RV_NO_DAY || day > g->newest_day))
		g->newest_day = day;
	if ((g->seq & 1023) == 0)
		retire(g);

	fw *v = g->vec;
	for (int i = 0; i < n; i++)
		dense_put(g, v[i].t, v[i].w);
	fw top[TOP_TERMS];
	/* what is probed, and what the article is indexed by if it starts an
	 * event (index_article) */
	uint32_t k = heaviest_terms(v, (uint32_t)n, top, 2 * (uint32_t)g->cfg.probe_terms);
	uint32_t probes = k < (uint32_t)g->cfg.probe_terms ? k : (uint32_t)g->cfg.probe_terms;

	if (++g->stamp == 0) {
		/* a stamp 65,536 walks old would read as met: start afresh */
		for (uint32_t s = 0; s < g->n_ev; s++)
			g->tag[s].stamp = g->ev[s].near_stamp = 0;
		g->stamp = 1;
	}
	struct cand c = { .day = day, .n = (uint32_t)size, .a = a, .best_slot = -1, .story_slot = -1,
			  .second_slot = -1 };
	g->n_met = g->n_joinable = 0;
	bool room = true;
	if (g->n_ev - g->n_free <= RV_SCAN_ALL) {
		/* few events in memory: compare with all of them */
		for (uint32_t s = 0; s < g->n_ev && room; s++)
			if (g->ev[s].live)
				room = consider(g, &c, s);
	} else {
		/* The lists lie all over an index larger than the caches: fetch
		 * them all at once rather than one after the other. */
		for (uint32_t i = 0; i < probes; i++)
			__builtin_prefetch(term_at(g, top[i].t));
		for (uint32_t i = 0; i < probes; i++) {
			const plist *pl = &term_at(g, top[i].t)->post;
			prefetch_bytes(pl->p, pl->n * sizeof *pl->p);
		}
		for (uint32_t i = 0; i < probes && room; i++) {
			plist *pl = &term_at(g, top[i].t)->post;
			g->work.postings += pl->n;
			for (uint16_t j = 0; j < pl->n && room; j++) {
				posting p = pl->p[j];
				if (g->tag[p.slot].gen == p.gen)
					room = consider(g, &c, p.slot);
			}
		}
	}
	if (!room) {
		for (int i = 0; i < n; i++)
			dense_clear(g, v[i].t);
		return rv_fail(err, RV_ENOMEM, "out of memory");
	}
	score_joinable(g, &c);
	double best = c.best;
	/* Without a date, content is all there is: an undated article that fits
	 * two dated turns of one story about equally belongs to neither. */
	if (c.best_undated && c.best_slot >= 0 && c.second_slot >= 0 &&
	    c.second >= g->cfg.event_threshold && best - c.second < g->cfg.undated_margin) {
		const gevent *b = &g->ev[c.best_slot], *r = &g->ev[c.second_slot];
		if (b->first_day != RV_NO_DAY && r->first_day != RV_NO_DAY &&
		    (b->first_day > r->last_day || r->first_day > b->last_day))
			best = 0;
	}
	int64_t best_slot = c.best_slot;

	/* A dated headline gets the same-day bonus; an undated one has nothing
	 * but its few words, whose cosine with the same story runs lower. */
	double threshold = g->cfg.event_threshold;
	if (day == RV_NO_DAY && size <= g->cfg.short_terms)
		threshold = g->cfg.short_threshold;
	else if (size >= g->cfg.article_terms)
		/* A full article says more than its article_terms kept terms:
		 * two reports of one happening keep different samples of their
		 * shared vocabulary, so their cosine runs lower than that of two
		 * ledes, which keep all of theirs. */
		threshold = g->cfg.long_threshold;
	/* A full article shares with its own event only a sample of the
	 * vocabulary (the cosine of two reports of one happening runs at
	 * 0.2), and one on the topic of several events is about as close to
	 * each: when one event stands clear of every other, a lower
	 * similarity is enough. */
	/* An undated lede (more than a headline, less than a full article)
	 * has nothing but its words either; two ledes of one happening told by
	 * outlets of opposite slant, or one joining an event of full reports,
	 * share fewer words than two reports from one wire. It keeps all its
	 * vocabulary, so a runner-up far behind the best (below
	 * lede_clear_ratio x the best, stricter than a full article's) says
	 * that no other event is about the same thing: the best one may take
	 * it at lede_clear_threshold. */
	if (day == RV_NO_DAY && lede(g, (uint32_t)size) &&
	    g->cfg.lede_clear_ratio > 0 && best > 0 && c.second < g->cfg.lede_clear_ratio * best &&
	    g->cfg.lede_clear_threshold < threshold)
		threshold = g->cfg.lede_clear_threshold;
	if (size >= g->cfg.article_terms && g->cfg.clear_ratio > 0 && best > 0 &&
	    c.second < g->cfg.clear_ratio * best && g->cfg.clear_threshold < threshold)
		threshold = g->cfg.clear_threshold;
	/* An undated article about as close to a second event as to the best,
	 * undated, one is close to what the two share, their topic (one
	 * nominee's hearing and his vote): with no date on either side, only
	 * its content can say which it belongs to, and must say it clearly
	 * (dated events have undated_margin). A headline is exempt: its few words
	 * often fit two starts of one story equally (the bridge's case). */
	if (day == RV_NO_DAY && size > g->cfg.short_terms && g->cfg.contested_ratio > 0 && best > 0 &&
	    best_slot >= 0 && g->ev[best_slot].first_day == RV_NO_DAY &&
	    c.second >= g->cfg.contested_ratio * best && g->cfg.contested_threshold > threshold)
		threshold = g->cfg.contested_threshold;
	bool joins = best_slot >= 0 && best >= threshold;
	if (!joins)
		score_later(g, &c);
	double best_story = c.best_story;
	int64_t story_slot = c.story_slot;
	for (int i = 0; i < n; i++)
		dense_clear(g, v[i].t);
	int64_t slot;
	if (joins) {
		slot = best_slot;
		gevent *e = &g->ev[slot];
		/* Dates bound an event; without them nothing stops one that
		 * takes a neighbouring report from moving toward it and taking
		 * the next, until it holds a whole topic: its first articles
		 * keep saying what it is about. */
		double damping = day == RV_NO_DAY && e->first_day == RV_NO_DAY ? g->cfg.undated_drift
									       : g->cfg.drift_damping;
		if (!centroid_add(g, e, v, (uint32_t)n, damping))
			return rv_fail(err, RV_ENOMEM, "out of memory");
		a->event_similarity = best;
	} else {
		if ((slot = new_slot(g)) < 0)
			return rv_fail(err, RV_ENOMEM, "out of memory");
		gevent *e = &g->ev[slot];
		e->id = g->next_event++;
		if (story_slot >= 0 && best_story >= g->cfg.storyline_threshold)
			e->storyline = g->ev[story_slot].storyline;
		else
			e->storyline = g->next_storyline++;
		e->title = event_title(a);
		if (!centroid_add(g, e, v, (uint32_t)n, g->cfg.drift_damping))
			return rv_fail(err, RV_ENOMEM, "out of memory");
		a->event_similarity = 1.0;
	}
	gevent *e = &g->ev[slot];
	if (!members_add(g, e, v, (uint32_t)n) || !who_add(g, e))
		return rv_fail(err, RV_ENOMEM, "out of memory");
	e->n_articles++;
	e->weekdays |= a->weekdays;
	if (g->n_raw < (uint32_t)g->cfg.lede_terms)
		e->n_short++;
	e->last_seq = g->seq;
	event_add_days(g, (uint32_t)slot, day, day);
	index_article(g, (uint32_t)slot, top, k);
	mark_dirty(g, (uint32_t)slot);
	/* A headline close to two events by its words alone tells they are one
	 * story begun twice, worded apart ("Kestrel raises 20 million" and
	 * "investors bet on the start-up Kestrel", both close to "20 million
	 * for the start-up Kestrel"). A headline says one thing; a full article
	 * also tells the background it shares with the story's other turns, so
	 * its double closeness proves less. */
	if (g->cfg.bridge_threshold > 0 && slot == best_slot && size <= g->cfg.short_terms &&
	    c.second_slot >= 0 && g->ev[c.second_slot].live &&
	    c.best_sim >= g->cfg.bridge_threshold && c.second_sim >= g->cfg.bridge_threshold) {
		if (!merge_events(g, (uint32_t)slot, (uint32_t)c.second_slot, c.second_sim))
			return rv_fail(err, RV_ENOMEM, "out of memory");
		e = &g->ev[slot];
	}
	if (!merge_step(g, (uint32_t)slot))
		return rv_fail(err, RV_ENOMEM, "out of memory");
	a->event = e->id;
	a->storyline = e->storyline;
	g->work.placed++;
	if (g->debug)
		fprintf(stderr, "group: %s placed in event %lld: %d terms, best %.3f, threshold %.3f\n",
			a->ref ? a->ref : "-", (long long)e->id, n, best, threshold);
	return RV_OK;
}

int rv_grouper_load_event(rv_grouper *g, const rv_event *ev)
{
	int64_t slot = new_slot(g);
	if (slot < 0)
		return RV_ENOMEM;
	gevent *e = &g->ev[slot];
	e->id = ev->id;
	e->storyline = ev->storyline;
	event_add_days(g, (uint32_t)slot, ev->first_day, ev->last_day); /* a new slot is undated */
	e->n_articles = ev->n_articles;
	e->weekdays = (uint8_t)(ev->weekdays & 0x7f);
	e->title = ev->title ? rv_strdup(ev->title) : NULL;
	if (ev->n_centroid) {
		e->c = malloc(ev->n_centroid * sizeof *e->c);
		if (!e->c)
			return RV_ENOMEM;
		for (size_t i = 0; i < ev->n_centroid; i++) {
			const char *t = ev->centroid[i].term;
			uint32_t id = term_id(g, t, strlen(t), true);
			if (id == UINT32_MAX)
				return RV_ENOMEM;
			e->c[e->nc++] = (fw){ id, ev->centroid[i].weight };
		}
		if (e->nc)
			qsort(e->c, e->nc, sizeof *e->c, fw_by_term);
		e->norm = vec_norm(e->c, e->nc);
		if (!centroid_cum(g, e))
			return RV_ENOMEM;
		index_article(g, (uint32_t)slot, e->c, e->nc);
	}
	if (ev->last_day != RV_NO_DAY && (g->newest_day == RV_NO_DAY || ev->last_day > g->newest_day))
		g->newest_day = ev->last_day;
	if (ev->id >= g->next_event)
		g->next_event = ev->id + 1;
	if (ev->storyline >= g->next_storyline)
		g->next_storyline = ev->storyline + 1;
	return RV_OK;
}

static int to_event(rv_grouper *g, const gevent *e, rv_event *out)
{
	memset(out, 0, sizeof *out);
	out->id = e->id;
	out->storyline = e->storyline;
	out->first_day = e->first_day;
	out->last_day = e->last_day;
	out->n_articles = e->n_articles;
	out->weekdays = e->weekdays;
	out->title = e->title;
	out->centroid = e->nc ? calloc(e->nc, sizeof *out->centroid) : NULL;
	if (e->nc && !out->centroid)
		return RV_ENOMEM;
	/* heaviest first, so readers of the stored JSON see the gist */
	fw *by_w = e->nc ? malloc(e->nc * sizeof *by_w) : NULL;
	if (e->nc && !by_w) {
		free(out->centroid);
		return RV_ENOMEM;
	}
	if (e->nc)
		memcpy(by_w, e->c, e->nc * sizeof *by_w);
	if (e->nc)
		qsort(by_w, e->nc, sizeof *by_w, fw_by_weight);
	for (uint32_t i = 0; i < e->nc; i++) {
		out->centroid[i].term = term_name(term_at(g, by_w[i].t));
		out->centroid[i].weight = by_w[i].w;
	}
	free(by_w);
	out->n_centroid = e->nc;
	return RV_OK;
}

int rv_grouper_flush(rv_grouper *g, rv_event_fn fn, void *ctx)
{
	int rc = RV_OK;
	uint32_t i = 0;
	for (; i < g->n_merges && rc == RV_OK; i++) {
		rv_event out = { .id = g->merges[i].gone,
				 .storyline = g->merges[i].storyline,
				 .merged_into = g->merges[i].kept,
				 .first_day = RV_NO_DAY,
				 .last_day = RV_NO_DAY };
		rc = fn(&out, ctx);
	}
	if (rc)
		return rc;
	g->n_merges = 0;
	for (i = 0; i < g->n_dirty && rc == RV_OK; i++) {
		gevent *e = &g->ev[g->dirty[i]];
		if (!e->live) {
			e->dirty = false; /* absorbed by another event */
			continue;
		}
		rv_event out;
		if ((rc = to_event(g, e, &out)))
			break;
		rc = fn(&out, ctx); /* borrowed strings */
		free(out.centroid);
		if (rc == RV_OK)
			e->dirty = false;
	}
	if (rc == RV_OK)
		g->n_dirty = 0;
	return rc;
}

/* What article a had that became each of the terms ts[0..n) of its
 * vector, into own[]: its own stem (before the map translated it; of
 * several, the heaviest, as "hausse" and "inflation" both count as
 * "inflat") or the name of the entity keyed by it, NULL when nothing does.
 * One pass over the article's terms and entities for all of them. */
static void article_sources(rv_grouper *g, const rv_article *a, const fw *ts, size_t n,
			    const char **own)
{
	float own_w[TOP_TERMS];
	for (size_t k = 0; k < n; k++) {
		own[k] = NULL;
		own_w[k] = 0;
	}
	bool mapped = article_mapped(g, a);
	for (size_t i = 0; i < a->n_terms; i++) {
		const char *s = a->terms[i].term;
		uint32_t id = term_id(g, s, strlen(s), false);
		if (id == UINT32_MAX)
			continue;
		uint32_t t = mapped ? map_term(g, id) : id;
		float w = a->terms[i].weight;
		for (size_t k = 0; k < n; k++)
			/* on a tie the word the term is (untranslated) */
			if (ts[k].t == t && (!own[k] || w > own_w[k] || (w == own_w[k] && id == t))) {
				own[k] = s;
				own_w[k] = w;
			}
	}
	bool headline = a->n_terms <= (size_t)g->cfg.short_terms;
	for (size_t i = 0; i < a->n_entities; i++) {
		char key[128];
		int len = entity_term_key(g, &a->entities[i], headline, key);
		uint32_t t = len > 0 ? term_id(g, key, (size_t)len, false) : UINT32_MAX;
		for (size_t k = 0; k < n && t != UINT32_MAX; k++)
			if (ts[k].t == t && !own[k])
				own[k] = a->entities[i].name;
	}
}

void rv_grouper_set_df_source(rv_grouper *g, rv_df_lookup_fn fn, void *ctx)
{
	g->df_lookup = fn;
	g->df_ctx = ctx;
}

/* The document frequency of term t from the lookup, once per term (a
 * term read already has one; 0 means not read, or not in the store). */
static void df_fetch(rv_grouper *g, uint32_t t)
{
	term_rec *r = term_at(g, t);
	uint32_t df;
	if (!r->df && g->df_lookup(g->df_ctx, term_name(r), &df))
		r->df = df;
}

/* Give every term article a's vector will have an id, as article_vector()
 * keys them, and fetch its document frequency when there is a lookup.
 * Returns false out of memory. */
static bool df_fetch_article(rv_grouper *g, const rv_article *a)
{
	bool mapped = article_mapped(g, a);
	for (size_t i = 0; i < a->n_terms; i++) {
		const char *s = a->terms[i].term;
		uint32_t id = term_id(g, s, strlen(s), true);
		if (id == UINT32_MAX)
			return false;
		if (g->df_lookup)
			df_fetch(g, mapped ? map_term(g, id) : id);
	}
	bool headline = a->n_terms <= (size_t)g->cfg.short_terms;
	for (size_t i = 0; i < a->n_entities; i++) {
		char key[128];
		int k = entity_term_key(g, &a->entities[i], headline, key);
		if (k < 0)
			return false;
		if (!k)
			continue;
		uint32_t id = term_id(g, key, (size_t)k, true);
		if (id == UINT32_MAX)
			return false;
		if (g->df_lookup)
			df_fetch(g, id);
	}
	bool grams = headline_grams(g, a);
	for (size_t i = 0; grams && i < a->n_terms; i++) {
		uint32_t ids[GRAM_MAX];
		int k = gram_ids(g, a->terms[i].term, true, ids);
		if (k < 0)
			return false;
		for (int j = 0; j < k && g->df_lookup; j++)
			df_fetch(g, ids[j]);
	}
	return true;
}

/* The heaviest of ns shared terms (weights to be multiplied by scale) into
 * out, with the words article a wrote them with; sorts shared. */
static void shared_terms_out(rv_grouper *g, const rv_article *a, fw *shared, size_t ns, double scale,
			     rv_shared_term *out, size_t n, size_t *n_out)
{
	if (ns)
		qsort(shared, ns, sizeof *shared, fw_by_weight);
	size_t shown = ns < n ? ns : n;
	if (shown > TOP_TERMS)
		shown = TOP_TERMS;
	const char *own[TOP_TERMS];
	article_sources(g, a, shared, shown, own);
	for (size_t i = 0; i < shown; i++) {
		const char *term = term_name(term_at(g, shared[i].t));
		out[(*n_out)++] = (rv_shared_term){ .term = term, .own = own[i] ? own[i] : term,
						    .weight = shared[i].w * scale };
	}
}

double rv_group_explain(rv_grouper *g, const rv_article *a, const rv_event *ev,
			rv_shared_term *out, size_t n, size_t *n_out)
{
	*n_out = 0;
	if (g->df_lookup && !df_fetch_article(g, a))
		return 0;
	for (size_t i = 0; i < ev->n_centroid; i++)
		if (term_id(g, ev->centroid[i].term, strlen(ev->centroid[i].term), true) == UINT32_MAX)
			return 0;
	int k = article_vector(g, a, false);
	if (k < 0)
		return 0;
	for (int i = 0; i < k; i++)
		term_at(g, g->vec[i].t)->dense = g->vec[i].w;
	double dot = 0, norm = 0;
	fw shared[512];
	size_t ns = 0;
	for (size_t i = 0; i < ev->n_centroid; i++) {
		double w = ev->centroid[i].weight;
		norm += w * w;
		const char *s = ev->centroid[i].term;
		uint32_t t = term_id(g, s, strlen(s), false);
		if (t == UINT32_MAX || term_at(g, t)->dense == 0)
			continue;
		double d = term_at(g, t)->dense * w;
		dot += d;
		if (ns < 512)
			shared[ns++] = (fw){ t, (float)d };
	}
	for (int i = 0; i < k; i++)
		term_at(g, g->vec[i].t)->dense = 0;
	double scale = norm > 0 ? 1 / sqrt(norm) : 0;
	shared_terms_out(g, a, shared, ns, scale, out, n, n_out);
	return dot * scale;
}

/* ---- an article against the other articles of its event ---- */

struct rv_group_peers {
	rv_grouper *g;
	fw *vecs;         /* the articles' vectors one after the other, as added */
	size_t n_vecs, cap_vecs;
	size_t *starts;   /* where article i's vector starts in vecs; starts[n] = n_vecs */
	size_t n, cap;    /* articles added */
	fw *sum;          /* once sealed: one weight a term, by term id */
	size_t n_sum;
	bool sealed;
	double norm2;     /* of the sum, once sealed */
};

int rv_group_peers_new(rv_grouper *g, rv_group_peers **out, rv_error *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	(*out)->g = g;
	return RV_OK;
}

void rv_group_peers_free(rv_group_peers **p)
{
	if (!*p)
		return;
	free((*p)->vecs);
	free((*p)->starts);
	free((*p)->sum);
	free(*p);
	*p = NULL;
}

int rv_group_peers_add(rv_group_peers *p, const rv_article *a)
{
	if (!df_fetch_article(p->g, a))
		return RV_ENOMEM;
	int k = article_vector(p->g, a, false);
	if (k < 0)
		return RV_ENOMEM;
	if (p->n_vecs + (size_t)k > p->cap_vecs) {
		size_t cap = (p->n_vecs + (size_t)k) * 2;
		fw *vecs = realloc(p->vecs, cap * sizeof *vecs);
		if (!vecs)
			return RV_ENOMEM;
		p->vecs = vecs;
		p->cap_vecs = cap;
	}
	if (p->n + 2 > p->cap) {
		size_t cap = (p->n + 2) * 2;
		size_t *starts = realloc(p->starts, cap * sizeof *starts);
		if (!starts)
			return RV_ENOMEM;
		p->starts = starts;
		p->cap = cap;
	}
	if (k)
		memcpy(p->vecs + p->n_vecs, p->g->vec, (size_t)k * sizeof *p->vecs);
	p->starts[p->n] = p->n_vecs;
	p->n_vecs += (size_t)k;
	p->starts[++p->n] = p->n_vecs;
	p->sealed = false;
	return RV_OK;
}

/* The added vectors into one sum: sorted by term, a term's weights added. */
static int peers_seal(rv_group_peers *p)
{
	if (p->sealed)
		return RV_OK;
	fw *sum = p->n_vecs ? realloc(p->sum, p->n_vecs * sizeof *sum) : p->sum;
	if (p->n_vecs && !sum)
		return RV_ENOMEM;
	p->sum = sum;
	if (p->n_vecs) {
		memcpy(sum, p->vecs, p->n_vecs * sizeof *sum);
		qsort(sum, p->n_vecs, sizeof *sum, fw_by_term);
	}
	size_t k = 0;
	for (size_t i = 0; i < p->n_vecs; i++)
		if (k && sum[k - 1].t == sum[i].t)
			sum[k - 1].w += sum[i].w;
		else
			sum[k++] = sum[i];
	p->n_sum = k;
	p->norm2 = 0;
	for (size_t i = 0; i < k; i++)
		p->norm2 += (double)sum[i].w * sum[i].w;
	p->sealed = true;
	return RV_OK;
}

double rv_group_peers_explain(rv_group_peers *p, size_t i, const rv_article *a, rv_shared_term *out,
			      size_t n, size_t *n_out)
{
	*n_out = 0;
	if (i >= p->n || peers_seal(p) != RV_OK)
		return 0;
	/* the others are the sum less a: where a has a term, its weight in the
	 * sum goes from s to s - v, and the sum's squared norm with it */
	fw shared[512];
	size_t ns = 0;
	double dot = 0, norm2 = p->norm2;
	for (size_t j = p->starts[i]; j < p->starts[i + 1]; j++) {
		fw v = p->vecs[j];
		const fw *s = bsearch(&v, p->sum, p->n_sum, sizeof *p->sum, fw_by_term);
		if (!s)
			continue;
		double rest = (double)s->w - v.w;
		norm2 -= (double)s->w * s->w - rest * rest;
		if (rest <= 1e-6)
			continue;
		dot += v.w * rest;
		if (ns < 512)
			shared[ns++] = (fw){ v.t, (float)(v.w * rest) };
	}
	if (norm2 <= 1e-12)
		return 0;
	double scale = 1 / sqrt(norm2);
	shared_terms_out(p->g, a, shared, ns, scale, out, n, n_out);
	return dot * scale;
}

int rv_grouper_set_df(rv_grouper *g, const char *term, uint32_t df)
{
	uint32_t t = term_id(g, term, strlen(term), true);
	if (t == UINT32_MAX)
		return RV_ENOMEM;
	term_at(g, t)->df = df;
	return RV_OK;
}

void rv_grouper_set_docs(rv_grouper *g, uint64_t n_docs)
{
	g->n_docs = n_docs;
}

uint64_t rv_grouper_docs(const rv_grouper *g)
{
	return g->n_docs;
}

int rv_grouper_flush_df(rv_grouper *g, rv_df_fn fn, void *ctx)
{
	int rc = RV_OK;
	for (uint32_t i = 0; i < g->n_dirty_terms; i++) {
		term_rec *r = term_at(g, g->dirty_terms[i]);
		if (rc == RV_OK)
			rc = fn(term_name(r), r->df, ctx);
		r->df_dirty = 0;
	}
	g->n_dirty_terms = 0;
	return rc;
}

void rv_event_release(rv_event *ev)
{
	for (size_t i = 0; i < ev->n_centroid; i++)
		free(ev->centroid[i].term);
	free(ev->centroid);
	free(ev->title);
	memset(ev, 0, sizeof *ev);
}
