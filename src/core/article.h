/* article.h - the record that flows through the pipeline.
 *
 * ingest yields an rv_record (bytes + what the transport knew); extract turns
 * it into an rv_article; analyze, group and store each fill their own fields
 * and never reach back. An rv_article owns every string and array in it:
 * rv_article_release() frees them all.
 */
#ifndef RV_ARTICLE_H
#define RV_ARTICLE_H

#include "core/str.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum rv_format {
	RV_FORMAT_AUTO = 0,
	RV_FORMAT_TEXT,
	RV_FORMAT_HTML,
	RV_FORMAT_JSONL,
	RV_FORMAT_WARC,
	RV_FORMAT_FEED,
} rv_format;

const char *rv_format_name(rv_format f);
/* RV_FORMAT_AUTO for "auto", -1 when the name is unknown. */
int rv_format_from_name(const char *name);

/* One raw input record. Borrowed: the reader owns everything and it is only
 * valid during the callback that receives it. */
typedef struct rv_record {
	const char *data;        /* the bytes (text or HTML), not NUL-terminated */
	size_t len;
	rv_format format;        /* TEXT or HTML once sniffed */
	const char *ref;         /* the caller's name: JSONL id, path, path#N */
	const char *url;         /* known from transport or JSONL, else NULL */
	const char *fetched_at;  /* ISO 8601 crawl time, else NULL */
	const char *content_type;
	/* Given by a JSONL record; extract keeps them over what it finds. */
	const char *title;
	const char *published;
	const char *source;
	const char *lang;
	const rv_strlist *authors; /* given by a feed item or JSONL, else NULL */
	const char *fallback_title; /* used only when the page has none (the
	                               feed item's title of a page revue watch fetched) */
	const rv_strlist *tags;
	bool plain;              /* text given as the body itself (JSONL "text"):
	                            split into paragraphs, no boilerplate removal */
} rv_record;

typedef struct rv_entity {
	char *name;
	char *type;            /* person, organization, location, other */
	rv_strlist aliases;    /* other surface forms seen */
	int count;
} rv_entity;

typedef struct rv_quote {
	char *text;
	char *speaker;         /* NULL when unattributed */
	char *role;
	size_t start, end;     /* byte offsets in text (of the article) */
} rv_quote;

typedef struct rv_figure {
	double value;
	double value_max;      /* == value unless a range */
	char *unit;            /* what it counts: "militaires", "%" ... */
	char *qualifier;       /* "jusqu'à", "environ", "more than" ... */
	char *text;            /* the figure as written */
	char *context;         /* the sentence */
} rv_figure;

/* A stemmed term with its weight in the article (title terms count more). */
typedef struct rv_term {
	char *term;
	float weight;
} rv_term;

typedef struct rv_article {
	int64_t id;              /* store id, 0 until stored */
	char *ref;
	char *url;
	char *source;            /* outlet or site name */
	char *title;
	char *description;
	char *published;         /* ISO 8601; date-only as YYYY-MM-DD */
	char *published_source;  /* evidence: "meta", "text", "comments", "url", "input" ... */
	bool published_inferred; /* a guess from indirect evidence */
	char *modified;
	char *fetched_at;
	rv_strlist authors;
	rv_strlist tags;
	char *lang;
	char *image;
	char *text;              /* paragraphs joined by blank lines */
	rv_strlist paragraphs;
	char *content_hash;      /* hex of the normalized text hash */

	rv_entity *entities;
	size_t n_entities;
	rv_quote *quotes;
	size_t n_quotes;
	rv_figure *figures;
	size_t n_figures;

	rv_term *terms;          /* analyze: stems with weights, sorted by term */
	size_t n_terms;
	uint8_t weekdays;        /* analyze: the days of the week the text names (bit 0: Monday) */
	const char *stem_lang;   /* analyze: the language its terms were stemmed in, a static
	                            code (not owned), NULL when none: counted for the stream
	                            only once the article is stored (rv_analyzer_uncount_stemmed) */

	int64_t duplicate_of;    /* 0 when original */
	double duplicate_similarity;
	bool duplicate_adds_text;  /* a near copy with words its original lacks
	                              (a paragraph more): its text is kept */
	int64_t event;           /* 0 when not grouped */
	int64_t storyline;
	double event_similarity;
} rv_article;

/* One of the entity types revue gives: person, organization, location, other. */
bool rv_entity_type_known(const char *type);

/* Articles as CSV (RFC 4180: every field quoted, rows end in CRLF), one
 * shape for `revue export` and the API: the columns of rv_csv_article_header.
 * A cell starting with = + - @ is defused with a leading quote so a
 * spreadsheet never runs it as a formula. */
struct rv_buf;
extern const char rv_csv_article_header[];
int rv_csv_field(struct rv_buf *b, const char *v, bool last);
int rv_csv_article(struct rv_buf *b, const rv_article *a);

/* How an article's outlet is shown, and counted, where its source is
 * unknown: "[file.txt]", the name of the file it came from (its ref
 * without folders), so each such file is one outlet and reads as a file,
 * not a name. A new string; NULL when out of memory. RV_OUTLET_LABEL_SQL(t)
 * is the same rule over the row t of articles. */
char *rv_outlet_label(const char *source, const char *ref);
#define RV_OUTLET_LABEL_SQL(t)                                                              \
	"COALESCE(" t ".source, '[' || replace(" t ".ref, rtrim(" t ".ref, replace(" t ".ref, '/', '')), '')" \
	" || ']')"

void rv_article_init(rv_article *a);
/* Free everything the article holds and leave it initialised. */
void rv_article_release(rv_article *a);

/* Free what analysis added (entities, quotes, figures, terms) so that it
 * can run again on the same article. */
void rv_article_clear_analysis(rv_article *a);

/* Rebuild text from paragraphs ("\n\n" between them). */
int rv_article_join_paragraphs(rv_article *a);

/* The article as one JSON object on one line (the DESIGN.md contract).
 * Returns a string the caller frees, NULL when out of memory. */
char *rv_article_to_json(const rv_article *a);

#endif
