#!/bin/sh
# kill -9 the watcher at random moments (20 times mid-way), restarting it each time;
# then let it finish. Every article served must be stored exactly once.
. "$REVUE_ROOT/tests/tools/watchlib.sh"
start_server --articles 500 --article-ms 25
cat >"$T/feeds.txt" <<EOT
$BASE/feeds/main.rss
$BASE/feeds/guid.rss
$BASE/feeds/revise.rss
$BASE/
EOT
runs=0
kills=0
while [ "$kills" -lt 20 ] && [ "$runs" -lt 40 ]; do
	runs=$((runs + 1))
	# shellcheck disable=SC2086
	"$REVUE" --db "$T/w.db" watch --once $FAST "$T/feeds.txt" 2>>"$T/log" &
	WATCH_PID=$!
	sleep "$(python3 -c 'import random; print(round(random.uniform(0.1, 0.9), 2))')"
	kill -9 "$WATCH_PID" 2>/dev/null
	wait "$WATCH_PID" 2>/dev/null
	WATCH_PID=
	# A run that was not killed logged its stop line.
	kills=$((runs - $(grep -c 'event=stop' "$T/log")))
done
echo "killed $kills of $runs runs mid-way; $(wc -l <"$T/served.log") article responses so far"
[ "$kills" -ge 20 ] || fail "only $kills runs were killed mid-way"
# Finish: runs until nothing is left to fetch.
for i in 1 2 3 4 5 6 7 8; do
	# shellcheck disable=SC2086
	"$REVUE" --db "$T/w.db" watch --once $FAST "$T/feeds.txt" 2>>"$T/log" || fail "final run failed"
	left=$(q "SELECT COUNT(*) FROM watch_pages WHERE state IN ('new', 'failed')")
	[ "$left" = 0 ] && break
done
[ "$left" = 0 ] || fail "$left pages still pending"
check_exactly_once
# Every good article of the feeds made it.
for k in 0 1 2 3 4 5 6 10 11; do
	kind=$(echo "a a flaky slow trunc latin1 a gone loop private a a" | cut -d' ' -f$((k + 1)))
	[ "$(q "SELECT COUNT(*) FROM articles WHERE ref = '$BASE/$kind/$k'")" = 1 ] || fail "$kind/$k missing"
done
[ "$(q "SELECT COUNT(*) FROM articles WHERE ref LIKE '%/g/%'")" = 5 ] || fail "GUID-changing items stored wrongly"
echo "ok"
