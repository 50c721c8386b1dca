#!/bin/sh
# revue ingest URL: a page and a feed fetched over HTTP and stored, a 404
# rejected (exit 2) without stopping the batch; revue extract URL too.
. "$REVUE_ROOT/tests/tools/watchlib.sh"
start_server --articles 3
"$REVUE" --db "$T/w.db" ingest "$BASE/a/1" "$BASE/gone/7" "$BASE/feeds/revise.rss" 2>"$T/err"
rc=$?
[ "$rc" = 2 ] || { cat "$T/err"; fail "exit $rc, want 2 (the 404)"; }
grep -q "$BASE/gone/7: cannot fetch: HTTP 404" "$T/err" || { cat "$T/err"; fail "404 not reported"; }
[ "$(q "SELECT COUNT(*) FROM articles WHERE ref = '$BASE/a/1' AND url = '$BASE/a/1' AND fetched_at IS NOT NULL")" = 1 ] || fail "page not stored with url and fetch time"
[ "$(q "SELECT COUNT(*) FROM articles WHERE ref LIKE '$BASE/feeds/revise.rss#%'")" = 3 ] || fail "feed items not stored"
[ "$(q "SELECT url FROM articles WHERE ref = '$BASE/feeds/revise.rss#2'")" = "$BASE/r/1" ] || fail "feed item link lost"
# extract fetches a URL as ingest does, and stores nothing
"$REVUE" extract --no-analysis "$BASE/a/1" >"$T/x.jsonl" 2>"$T/err" || { cat "$T/err"; fail "extract URL failed"; }
python3 -c 'import json,sys; a=json.loads(open(sys.argv[1]).readline()); assert a["url"].endswith("/a/1") and a["text"]' "$T/x.jsonl" ||
	fail "extract URL printed no article"
echo ok
