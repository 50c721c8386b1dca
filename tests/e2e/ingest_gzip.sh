#!/bin/sh
# A gzip file of a JSONL dump or a page, made with gzip(1): every member is
# read (`cat a.gz b.gz`), NULs after the last are padding, other trailing
# bytes are named with their offset; a cut dump keeps its complete lines and
# names the cut (exit 2); a cut page is refused, not stored in part.
: "${REVUE:?}"
command -v gzip >/dev/null 2>&1 || { echo "skip: needs gzip"; exit 0; }
command -v sqlite3 >/dev/null 2>&1 || { echo "skip: needs sqlite3"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() {
	echo "FAIL: $*"
	cat "$T/err" 2>/dev/null
	exit 1
}
count() { sqlite3 "$1" 'SELECT COUNT(*) FROM articles'; }
line() {
	printf '{"id":"%s","title":"%s","text":"%s"}\n' "$1" "$2" "$3"
}
line a1 "Valmer harbour reopens" "The harbour of Valmer reopened on Monday after three weeks of strike, the port authority said." >"$T/a.jsonl"
line b1 "Corvan bridge closed" "The old bridge at Corvan closed for repairs on Tuesday, and traffic was sent through the ring road." >"$T/b.jsonl"
gzip -c "$T/a.jsonl" >"$T/a.gz"
gzip -c "$T/b.jsonl" >"$T/b.gz"

# two members: both articles
cat "$T/a.gz" "$T/b.gz" >"$T/two.jsonl.gz"
"$REVUE" --db "$T/1.db" ingest "$T/two.jsonl.gz" 2>"$T/err" || fail "two members: exit $?"
[ "$(count "$T/1.db")" = 2 ] || fail "two members: $(count "$T/1.db") articles, want 2"

# trailing zeros: ignored, in silence
cp "$T/two.jsonl.gz" "$T/pad.jsonl.gz"
head -c 4096 /dev/zero >>"$T/pad.jsonl.gz"
"$REVUE" --db "$T/2.db" ingest "$T/pad.jsonl.gz" 2>"$T/err" || fail "zero padding: exit $?"
[ "$(count "$T/2.db")" = 2 ] || fail "zero padding: $(count "$T/2.db") articles"

# trailing junk: named with its compressed offset, the members before it read
cp "$T/two.jsonl.gz" "$T/junk.jsonl.gz"
echo "not gzip at all" >>"$T/junk.jsonl.gz"
size=$(wc -c <"$T/two.jsonl.gz")
"$REVUE" --db "$T/3.db" ingest "$T/junk.jsonl.gz" 2>"$T/err"
[ $? = 2 ] || fail "trailing junk: exit not 2"
grep -q "junk.jsonl.gz: data after the last gzip member is not gzip (compressed offset $size)" "$T/err" ||
	fail "trailing junk not named"
[ "$(count "$T/3.db")" = 2 ] || fail "trailing junk: $(count "$T/3.db") articles"

# a dump of many lines cut short: the complete lines are stored, the cut named
i=0
while [ $i -lt 400 ]; do
	line "c$i" "Report $i from the port" "Dockers unloaded ship number $i at the north quay of Valmer on a grey morning, with $((i * 7)) containers."
	i=$((i + 1))
done >"$T/many.jsonl"
gzip -c "$T/many.jsonl" >"$T/many.gz"
size=$(wc -c <"$T/many.gz")
head -c $((size / 2)) "$T/many.gz" >"$T/cut.jsonl.gz"
"$REVUE" --db "$T/4.db" ingest "$T/cut.jsonl.gz" 2>"$T/err"
[ $? = 2 ] || fail "cut dump: exit not 2"
grep -q "cut.jsonl.gz: gzip file cut short after [0-9]* bytes inflated (compressed offset $((size / 2)))" "$T/err" ||
	fail "cut dump: the cut is not named"
n=$(count "$T/4.db")
[ "$n" -gt 10 ] && [ "$n" -lt 400 ] || fail "cut dump: $n articles stored"
# what was stored is what zcat gives before the cut, less the cut line
want=$(head -c $((size / 2)) "$T/many.gz" | gzip -dc 2>/dev/null | grep -c '}$')
[ "$n" = "$want" ] || fail "cut dump: $n articles, zcat has $want complete lines"

# a page cut short: refused, nothing stored
cat >"$T/page.html" <<'HTML'
<html><head><title>Quay strike ends in Valmer</title></head><body><article>
<p>The dockers of Valmer went back to work on Monday after a strike of nine days, the union said in a statement read at the gates.</p>
<p>Talks with the port authority will resume next week, and the first ships were unloaded by the evening shift.</p>
</article></body></html>
HTML
gzip -c "$T/page.html" >"$T/page.gz"
size=$(wc -c <"$T/page.gz")
head -c $((size - 30)) "$T/page.gz" >"$T/cut.html.gz"
"$REVUE" --db "$T/5.db" ingest "$T/cut.html.gz" 2>"$T/err"
[ $? = 2 ] || fail "cut page: exit not 2"
grep -q "cut.html.gz: gzip file cut short after [0-9]* bytes inflated.*not read" "$T/err" ||
	fail "cut page: no message"
[ "$(count "$T/5.db")" = 0 ] || fail "cut page stored"
# whole, it is read, under its own name
"$REVUE" --db "$T/5.db" ingest "$T/page.gz" 2>"$T/err" || fail "whole page: exit $?"
[ "$(sqlite3 "$T/5.db" 'SELECT ref FROM articles')" = "$T/page.gz" ] || fail "whole page: wrong ref"
echo ok
