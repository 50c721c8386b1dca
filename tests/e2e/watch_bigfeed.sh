#!/bin/sh
# A feed with 10,000 items: read in one poll, every item and page recorded
# once, a second poll adds nothing; --max-fetch bounds the fetching.
. "$REVUE_ROOT/tests/tools/watchlib.sh"
start_server --big 10000
echo "$BASE/feeds/big.xml" >"$T/feeds.txt"
# shellcheck disable=SC2086
"$REVUE" --db "$T/w.db" watch --once --max-fetch 25 $FAST --max-body 20000000 "$T/feeds.txt" 2>"$T/log" || { tail "$T/log"; fail "watch failed"; }
[ "$(q "SELECT COUNT(*) FROM watch_items")" = 10000 ] || fail "items: $(q "SELECT COUNT(*) FROM watch_items")"
[ "$(q "SELECT COUNT(*) FROM watch_pages")" = 10000 ] || fail "pages: $(q "SELECT COUNT(*) FROM watch_pages")"
[ "$(q "SELECT COUNT(*) FROM articles")" = 25 ] || fail "articles: $(q "SELECT COUNT(*) FROM articles")"
grep -q 'event=poll .*items=10000 new=10000 queued=10000' "$T/log" || fail "poll line wrong"
# shellcheck disable=SC2086
"$REVUE" --db "$T/w.db" watch --once --max-fetch 25 $FAST --max-body 20000000 "$T/feeds.txt" 2>"$T/log2" || fail "second run failed"
grep -q 'event=poll .*items=10000 new=0 queued=0' "$T/log2" || fail "second poll found new items"
[ "$(q "SELECT COUNT(*) FROM articles")" = 50 ] || fail "second run did not go on where the first stopped"
check_exactly_once
echo "ok"
