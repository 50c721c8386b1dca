#!/bin/sh
# A WARC.gz cut short: revue ingest reads what is before the cut, names the
# file and offset of the damage, and exits 2; a plain archive likewise.
: "${REVUE:?}" "${REVUE_ROOT:?}"
command -v python3 >/dev/null 2>&1 || { echo "skip: needs python3"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() {
	echo "FAIL: $*"
	exit 1
}
src="$REVUE_ROOT/tests/fixtures/warc/small.warc.gz"
size=$(wc -c <"$src")
head -c $((size - 200)) "$src" >"$T/cut.warc.gz"
"$REVUE" --db "$T/a.db" ingest "$T/cut.warc.gz" 2>"$T/err"
rc=$?
[ "$rc" = 2 ] || { cat "$T/err"; fail "exit $rc, want 2"; }
grep -q "cut.warc.gz.*truncated.*offset [0-9]" "$T/err" || { cat "$T/err"; fail "no message naming the file and offset"; }
# The records before the cut were read (stored, or rejected by extraction).
n=$(grep -c "^revue: $T/cut.warc.gz#[0-9]*: " "$T/err")
stored=$(sqlite3 "$T/a.db" "SELECT COUNT(*) FROM articles" 2>/dev/null || echo 0)
[ $((n - 1 + stored)) -ge 3 ] || { cat "$T/err"; fail "records before the damage lost"; }
# Plain archive cut inside a record.
python3 "$REVUE_ROOT/tests/tools/mkwarc.py" "$T/plain.warc" --gzip none --extras
size=$(wc -c <"$T/plain.warc")
head -c $((size - 100)) "$T/plain.warc" >"$T/cut.warc"
"$REVUE" --db "$T/b.db" ingest "$T/cut.warc" 2>"$T/err2"
[ $? = 2 ] || fail "plain: exit not 2"
grep -q "cut.warc#[0-9]*: archive truncated inside a resource record" "$T/err2" || { cat "$T/err2"; fail "plain: no truncation message"; }
echo ok
