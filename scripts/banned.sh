#!/bin/sh
# Fail when a banned function is called in our sources (after git's banned.h):
# unbounded copies and formats, and atoi's silent garbage-to-number.
found=$(grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol)[[:space:]]*\(' \
	$(find src tests -name '*.c' -o -name '*.h') | grep -vE 'snprintf|vsnprintf|//|/\*')
if [ -n "$found" ]; then
	echo "banned functions used:" >&2
	echo "$found" >&2
	exit 1
fi
exit 0
