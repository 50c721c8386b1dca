/* assets.h - the web page's files, compiled in (build/gen/web_assets.c,
 * generated from src/serve/web/ by scripts/embed_web.sh). The server looks
 * names up in this table and nowhere else: no file system path is ever
 * built from a request. */
#ifndef RV_ASSETS_H
#define RV_ASSETS_H

#include <stddef.h>

typedef struct rv_asset {
	const char *name;         /* "/index.html" */
	const char *content_type;
	const unsigned char *data;
	size_t len;
} rv_asset;

extern const rv_asset rv_assets[];
extern const size_t rv_n_assets;

#endif
