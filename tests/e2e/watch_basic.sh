#!/bin/sh
# revue watch against a misbehaving site: every article stored once, each
# page fetched once, failures classified, revisions noticed, 304s used,
# logfmt lines, SIGTERM honoured.
. "$REVUE_ROOT/tests/tools/watchlib.sh"
start_server --articles 30
cat >"$T/feeds.txt" <<EOT
# the test site
$BASE/feeds/main.rss
$BASE/feeds/guid.rss
$BASE/feeds/revise.rss
$BASE/feeds/broken.rss
$BASE/sitemap_index.xml
$BASE/
EOT
# shellcheck disable=SC2086
"$REVUE" --db "$T/w.db" watch --once $FAST "$T/feeds.txt" 2>"$T/log1" || { cat "$T/log1"; fail "first pass failed"; }
# shellcheck disable=SC2086
"$REVUE" --db "$T/w.db" watch --once $FAST "$T/feeds.txt" 2>"$T/log2" || { cat "$T/log2"; fail "second pass failed"; }

check_exactly_once
# Fetched once: tracking-tag duplicates and GUID changes do not refetch.
dups=$(sort "$T/served.log" | uniq -d | wc -l)
[ "$dups" = 0 ] || fail "$dups pages fetched twice"
grep -q "^/a/0$" "$T/served.log" || fail "/a/0 never fetched"
grep -q "^/x/3$" "$T/served.log" || fail "the feed discovered from the home page was not followed"
grep -q "^/s/2$" "$T/served.log" || fail "the sitemap listed in the sitemap index was not followed"
[ "$(q "SELECT COUNT(*) FROM watch_pages WHERE url LIKE '%sitemap%'")" = 0 ] || fail "a sitemap was queued as an article"
[ "$(q "SELECT title FROM watch_pages WHERE url = '$BASE/s/1'")" = "Sitemap story 1" ] || fail "news sitemap title lost"
# The page's own headline, not the feed item's shorter one ("Main item 0").
case "$(q "SELECT title FROM articles WHERE url = '$BASE/a/0'")" in
"Report a-0:"*) ;;
*) fail "the article took the feed item's title: $(q "SELECT title FROM articles WHERE url = '$BASE/a/0'")" ;;
esac
[ "$(q "SELECT COUNT(*) FROM watch_pages WHERE url LIKE '%utm%' OR url LIKE '%fbclid%'")" = 0 ] || fail "tracking tags kept"
# Misbehaving pages ended where they should.
[ "$(q "SELECT state FROM watch_pages WHERE url = '$BASE/gone/7'")" = gone ] || fail "404 not gone"
[ "$(q "SELECT state FROM watch_pages WHERE url = '$BASE/loop/8'")" = gone ] || fail "redirect loop not gone"
[ "$(q "SELECT state FROM watch_pages WHERE url = '$BASE/private/9'")" = blocked ] || fail "robots.txt ignored"
[ "$(q "SELECT state FROM watch_pages WHERE url = '$BASE/huge'")" = gone ] || fail "huge body not refused"
for p in flaky/2 slow/3 trunc/4 latin1/5; do
	[ "$(q "SELECT state FROM watch_pages WHERE url = '$BASE/$p'")" = done ] || fail "$p not stored after retries"
done
grep -q "^/private/" "$T/served.log" && fail "a robots.txt-disallowed page was fetched"
# The 404 was asked once (never retried); the 500s were.
[ "$(q "SELECT tries FROM watch_pages WHERE url = '$BASE/gone/7'")" = 1 ] || fail "404 retried"
# Revisions: same GUID, new title.
[ "$(q "SELECT COUNT(*) FROM watch_items WHERE guid LIKE 'r-%' AND revisions >= 1")" = 3 ] || fail "revisions not seen"
[ "$(q "SELECT COUNT(*) FROM articles WHERE ref LIKE '%/r/%'")" = 3 ] || fail "a revision became a new article"
grep -q 'event=poll feed=[^ ]*/feeds/main.rss status=304' "$T/log2" || fail "no conditional GET on the second poll"
grep -q 'event=poll_failed feed=[^ ]*/feeds/broken.rss' "$T/log1" || fail "broken feed not reported"
# One logfmt line per event.
bad=$(cat "$T/log1" "$T/log2" | grep -cv '^ts=[0-9TZ:-]* level=[a-z]* event=[a-z_]*')
[ "$bad" = 0 ] || fail "$bad log lines are not logfmt"
[ "$(q "SELECT COUNT(*) FROM watch_feeds WHERE url = '$BASE/feeds/extra.atom' AND active = 1")" = 1 ] || fail "discovered feed inactive"

# Politeness: --delay between two requests to one host (robots.txt, the
# feed and its 3 pages: 4 gaps of 0.5 s at least).
echo "$BASE/feeds/revise.rss" >"$T/one.txt"
t0=$(date +%s.%N)
# shellcheck disable=SC2086
"$REVUE" --db "$T/w3.db" watch --once $FAST --delay 0.5 "$T/one.txt" 2>"$T/log4" || fail "delay run failed"
t1=$(date +%s.%N)
echo "$t0 $t1" | awk '{ exit !($2 - $1 >= 2.0) }' || fail "requests not spaced by --delay"

# Daemon mode: SIGTERM stops it cleanly.
# shellcheck disable=SC2086
"$REVUE" --db "$T/w2.db" watch $FAST "$T/feeds.txt" 2>"$T/log3" &
WATCH_PID=$!
sleep 2
# SIGHUP re-reads the list: a feed added to it is polled.
echo "$BASE/feeds/extra.atom" >>"$T/feeds.txt"
kill -HUP "$WATCH_PID"
i=0
while ! grep -q 'event=poll feed=[^ ]*/feeds/extra.atom' "$T/log3" && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
grep -q 'event=reload' "$T/log3" || fail "no reload after SIGHUP"
kill -TERM "$WATCH_PID"
i=0
while kill -0 "$WATCH_PID" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill -0 "$WATCH_PID" 2>/dev/null && fail "watch ignored SIGTERM"
wait "$WATCH_PID"
rc=$?
WATCH_PID=
[ "$rc" = 0 ] || { tail -5 "$T/log3"; fail "watch exited $rc after SIGTERM"; }
grep -q 'event=stop reason=signal' "$T/log3" || fail "no stop line after SIGTERM"
echo "ok"
