/* extract.h - one raw record in, one article out.
 *
 * rv_extract() dispatches on the record's format, repairs the text to valid
 * NFC UTF-8, finds the body (as paragraphs) and the metadata, and then lets
 * what the record already knew (JSONL title, published, url, source, lang)
 * win over what was found. It fills ref, url, source, title, description,
 * published (+ published_source), modified, authors, tags, lang (when
 * declared), image, text, paragraphs and content_hash. It returns RV_EINPUT
 * with a reason when nothing usable could be extracted.
 */
#ifndef RV_EXTRACT_H
#define RV_EXTRACT_H

#include "core/article.h"
#include "core/error.h"

int rv_extract(const rv_record *rec, rv_article *out, rv_error *err);

/* The format-specific extractors. They fill what they can find; rv_extract
 * does the rest. rv_extract_html gets the raw page bytes (any encoding: it
 * reads BOM, HTTP Content-Type and <meta charset> itself); rv_extract_textdump
 * gets valid UTF-8 in NFC, NUL-terminated, len bytes. */
int rv_extract_html(const char *text, size_t len, const rv_record *rec,
		    rv_article *out, rv_error *err);
int rv_extract_textdump(const char *text, size_t len, const rv_record *rec,
			rv_article *out, rv_error *err);

/* Hash of the normalized body (case- and space-folded): equal for the same
 * text however it was laid out. Returns a new 16-hex-digit string. */
char *rv_text_hash(const char *text);

#endif
