/* buf.h - growable byte buffer with a hard maximum (after curl's dynbuf).
 *
 * The buffer owns its bytes and keeps them NUL-terminated. It refuses to grow
 * past the maximum given to rv_buf_init(), so untrusted input can never make
 * it take the machine: an append that would pass it fails with RV_EINPUT and
 * leaves the contents as they were.
 */
#ifndef RV_BUF_H
#define RV_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct rv_buf {
	char *data;   /* NUL-terminated, NULL until the first append */
	size_t len;
	size_t cap;
	size_t max;   /* most bytes the buffer may hold (excluding the NUL) */
} rv_buf;

#define RV_BUF_DEFAULT_MAX ((size_t)256 << 20)

void rv_buf_init(rv_buf *b, size_t max);
/* Free the bytes; the buffer can be used again. */
void rv_buf_release(rv_buf *b);
/* Forget the contents, keep the memory. */
void rv_buf_reset(rv_buf *b);
int rv_buf_append(rv_buf *b, const void *data, size_t len);
int rv_buf_puts(rv_buf *b, const char *s);
int rv_buf_putc(rv_buf *b, char c);
int rv_buf_printf(rv_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hand the bytes to the caller (free() them); the buffer is left empty.
 * Returns an empty string rather than NULL when nothing was appended. */
char *rv_buf_detach(rv_buf *b);
/* The contents, or "" when empty. */
const char *rv_buf_str(const rv_buf *b);

#endif
