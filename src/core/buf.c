#include "core/buf.h"
#include "core/error.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rv_buf_init(rv_buf *b, size_t max)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->max = max ? max : RV_BUF_DEFAULT_MAX;
}

void rv_buf_release(rv_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void rv_buf_reset(rv_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static int buf_reserve(rv_buf *b, size_t extra)
{
	if (extra > b->max - b->len)
		return RV_EINPUT;
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return RV_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = realloc(b->data, cap);
	if (!p)
		return RV_ENOMEM;
	b->data = p;
	b->cap = cap;
	return RV_OK;
}

int rv_buf_append(rv_buf *b, const void *data, size_t len)
{
	int rc = buf_reserve(b, len);
	if (rc)
		return rc;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return RV_OK;
}

int rv_buf_puts(rv_buf *b, const char *s)
{
	return rv_buf_append(b, s, strlen(s));
}

int rv_buf_putc(rv_buf *b, char c)
{
	return rv_buf_append(b, &c, 1);
}

int rv_buf_printf(rv_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return RV_ERR;
	int rc = buf_reserve(b, (size_t)n);
	if (rc)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return RV_OK;
}

char *rv_buf_detach(rv_buf *b)
{
	char *p = b->data;
	if (!p)
		p = calloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

const char *rv_buf_str(const rv_buf *b)
{
	return b->data ? b->data : "";
}
