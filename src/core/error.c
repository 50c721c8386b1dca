#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>

int rv_fail(rv_error *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->code = code;
	}
	return code;
}

void rv_error_clear(rv_error *err)
{
	if (err) {
		err->code = RV_OK;
		err->msg[0] = '\0';
	}
}
