#!/bin/sh
# revue ingest of a WARC.gz killed with -9 at random moments (20 times) and
# re-run: in the end every page of the archive is stored exactly once.
: "${REVUE:?}" "${REVUE_ROOT:?}"
command -v python3 >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1 || { echo "skip: needs python3 and sqlite3"; exit 0; }
T=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill -9 $PID 2>/dev/null; rm -rf "$T"' EXIT INT TERM
fail() {
	echo "FAIL: $*"
	exit 1
}
# HTML extraction is another stage's; without it no WARC page can be stored.
cat >"$T/probe.html" <<EOT
<html><head><title>Probe page</title></head><body><article><p>The harbour authority reopened the
north quay on Monday after repairs that lasted eleven weeks, officials said.</p><p>Ferries will use
the quay again from Tuesday morning, the operator added in a statement.</p></article></body></html>
EOT
if ! "$REVUE" extract "$T/probe.html" 2>/dev/null | grep -q '"text"'; then
	echo "skip: HTML extraction is not available in this build"
	exit 0
fi
N=200
python3 - "$T/pages" "$N" <<'EOT'
import os, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
words = ("harbour quay ferry council bridge market tide river station school museum library "
         "stadium festival railway tunnel airport hospital garden square theatre").split()
for i in range(n):
    w = [words[(i * 7 + k * 3) % len(words)] for k in range(6)]
    paras = "".join("<p>Notice %d, part %d: officials said work on the %s near the %s and the %s "
                    "would continue through the spring, residents were told at a meeting.</p>"
                    % (i, k, w[k % 6], w[(k + 1) % 6], w[(k + 2) % 6]) for k in range(4))
    html = ("<html><head><title>Notice %d about the %s</title></head><body><nav>Home</nav>"
            "<article><h1>Notice %d about the %s</h1>%s</article></body></html>" % (i, w[0], i, w[0], paras))
    open(os.path.join(out, "p%05d.html" % i), "w").write(html)
EOT
# Seconds a whole ingest of the archive takes here.
measure() {
	[ "$1" = again ] || rm -f "$T/probe.db"*
	t0=$(date +%s.%N)
	"$REVUE" --db "$T/probe.db" ingest --quiet "$T/crawl.warc.gz" 2>/dev/null
	t1=$(date +%s.%N)
	echo "$t0 $t1" | awk '{ print $2 - $1 }'
}
# Big enough that a whole ingest takes about 2 s whatever this build's
# speed, so that kills land all along it (copies are perturbed: distinct).
R=1
python3 "$REVUE_ROOT/tests/tools/mkwarc.py" "$T/crawl.warc.gz" --gzip member --extras "$T"/pages/*.html
full=$(measure)
R=$(echo "$full" | awk '{ r = int(2.0 / $1 + 0.999); if (r < 1) r = 1; if (r > 40) r = 40; print r }')
if [ "$R" -gt 1 ]; then
	python3 "$REVUE_ROOT/tests/tools/mkwarc.py" "$T/crawl.warc.gz" --gzip member --extras --repeat "$R" "$T"/pages/*.html
	full=$(measure)
fi
# A re-run (every record already stored) is the quickest a run can be:
# kills before it ends always land mid-way.
rerun=$(measure again)
kills=0
runs=0
while [ "$kills" -lt 20 ] && [ "$runs" -lt 60 ]; do
	runs=$((runs + 1))
	"$REVUE" --db "$T/w.db" ingest --quiet "$T/crawl.warc.gz" 2>>"$T/log" &
	PID=$!
	# Within the first 3 s at most, so a slow build keeps the test short.
	sleep "$(python3 -c "import random; print(round(random.uniform(0.05, 0.95) * min($rerun, 3.0), 3))")"
	if kill -0 "$PID" 2>/dev/null; then
		kill -9 "$PID"
		kills=$((kills + 1))
	fi
	wait "$PID" 2>/dev/null
	PID=
done
echo "$((N * R + 2)) records; a whole ingest takes ${full}s, a re-run ${rerun}s; killed $kills of $runs runs mid-way"
[ "$kills" -ge 20 ] || fail "only $kills runs were killed mid-way"
"$REVUE" --db "$T/w.db" ingest --quiet "$T/crawl.warc.gz" 2>>"$T/log"
rc=$?
[ "$rc" = 0 ] || [ "$rc" = 2 ] || fail "final ingest exited $rc"
want=$((N * R + 2)) # the pages, the chunked+gzip page and the resource record
got=$(sqlite3 "$T/w.db" "SELECT COUNT(*) FROM articles")
refs=$(sqlite3 "$T/w.db" "SELECT COUNT(DISTINCT ref) FROM articles")
[ "$refs" = "$want" ] || fail "$refs distinct records stored, want $want"
[ "$got" = "$want" ] || fail "$got articles for $want records: some stored twice"
echo "ok: $got records stored exactly once"
