/* error.h - status codes and error messages.
 *
 * Functions below main() never exit: they return RV_OK (0) or a negative
 * status and, when given a non-NULL rv_error, describe what went wrong in it.
 * The message names the input where one is known ("seeds/000.txt: empty file").
 */
#ifndef RV_ERROR_H
#define RV_ERROR_H

#include <stddef.h>

enum {
	RV_OK = 0,
	RV_ERR = -1,      /* generic failure, see the message */
	RV_ENOMEM = -2,   /* allocation failed */
	RV_EINPUT = -3,   /* input rejected (bad bytes, empty, too large...) */
	RV_EIO = -4,      /* reading or writing failed */
	RV_EDB = -5,      /* the store failed */
};

#define RV_ERROR_MAX 512

typedef struct rv_error {
	int code;
	char msg[RV_ERROR_MAX];
} rv_error;

/* Fill err (if not NULL) with a formatted message and return code. */
int rv_fail(rv_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clear err to "no error". Accepts NULL. */
void rv_error_clear(rv_error *err);

#endif
